"""The check of scenario files: assess each one and compare it with its ``expect`` table and the clauses it covers.

:func:`check_scenarios` returns what it found, one :class:`CheckedFile` per
file, and the clauses the scenarios exercised; the command line's ``check``
prints it. A folder stands for every ``.toml`` and ``.json`` file in it
(hidden ones aside).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs

from ..rules._clauses import Clause
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import PropulseurRulesError
from ..words._language import check_lang
from ._load import load_scenario

__all__ = ["CheckReport", "CheckedFile", "Verdict", "check_scenarios", "exercised_clauses"]


class Verdict(enum.Enum):
    """What the check of one file found."""

    PASS = "PASS"  # the figures are those of its expect table, and every clause it covers is cited
    FAIL = "FAIL"  # a figure differs, or a clause it covers is not cited
    SKIP = "SKIP"  # no expect table: assessed, nothing compared
    ERROR = "ERROR"  # it could not be read or assessed; or a folder without a scenario


@attrs.frozen(kw_only=True)
class CheckedFile:
    """One file checked: its name (printable), its verdict, the scenario's name, and what differs or went wrong."""

    file: str
    verdict: Verdict
    name: str = ""
    mismatches: tuple[str, ...] = ()
    error: PropulseurRulesError | None = attrs.field(default=None, eq=False)


@attrs.frozen(kw_only=True)
class CheckReport:
    """Every file checked, in order, and the clauses cited by the scenarios that could be assessed."""

    files: tuple[CheckedFile, ...]
    exercised: frozenset[Clause]

    def count(self, verdict: Verdict) -> int:
        return sum(1 for checked in self.files if checked.verdict is verdict)

    @property
    def not_exercised(self) -> frozenset[Clause]:
        return frozenset(Clause) - self.exercised


def exercised_clauses(assessment: Assessment) -> set[Clause]:
    """The clauses cited by an unmet condition or a step of the trace of an assessment."""
    cited = {unmet.clause for unmet in assessment.unmet}
    cited.update(step.clause for step in assessment.trace() if step.clause is not None)
    return cited


def check_scenarios(paths: Sequence[str], lang: str = "en") -> CheckReport:
    """Assess the scenario of each file (or of each file in each folder) and compare it with what it expects;
    the mismatches are worded in ``lang``."""
    check_lang(lang)
    files: list[CheckedFile] = []
    exercised: set[Clause] = set()
    for name in _scenario_files(paths):
        file = _printable(name)
        if name.endswith("/"):
            files.append(CheckedFile(file=file, verdict=Verdict.ERROR))
            continue
        try:
            scenario = load_scenario(name)
            assessment = scenario.assess()
        except PropulseurRulesError as error:
            files.append(CheckedFile(file=file, verdict=Verdict.ERROR, error=error))
            continue
        cited = exercised_clauses(assessment)
        exercised |= cited
        if scenario.expect is None:
            files.append(CheckedFile(file=file, verdict=Verdict.SKIP, name=scenario.name))
            continue
        mismatches = list(scenario.expect.mismatches(assessment, lang))
        mismatches += [
            say("check.clause_not_cited", lang, clause=clause.value)
            for clause in scenario.covers
            if clause not in cited
        ]
        verdict = Verdict.FAIL if mismatches else Verdict.PASS
        files.append(CheckedFile(file=file, verdict=verdict, name=scenario.name, mismatches=tuple(mismatches)))
    return CheckReport(files=tuple(files), exercised=frozenset(exercised))


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the system: load_scenario says so, as for any file
        return False


def _scenario_files(paths: Sequence[str]) -> Iterator[str]:
    """The files to check; a folder without any scenario as its name ending in ``/``."""
    for name in paths:
        path = Path(name)
        if _is_folder(path):
            found = sorted(
                str(file)
                for file in path.rglob("*")
                if file.suffix.lower() in (".toml", ".json")
                and file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            )
            if not found:
                yield f"{name}/"
            yield from found
        else:
            yield name


def _printable(name: str) -> str:
    """A file name for standard output: a byte that was not UTF-8 (os.fsdecode's ``\\udcff``) shown escaped."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")
