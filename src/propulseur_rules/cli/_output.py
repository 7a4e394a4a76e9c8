"""What the command line writes: reports on standard output or to a file, one error line on standard error.

Exit status: 0 when the assessment is printed (or every checked scenario
passes); 1 when ``check`` finds a scenario whose figures differ from its
``expect`` table; 2 for bad input or usage (one line on standard error naming the
file, the record or line and the field, never a traceback; a line for each input when several are refused, and
for each bad row of a file); 3 with
``--fail-on-unmet`` when the assessment leaves any condition unmet or holds any
money back (withheld, waiting for a document, the balance held, time-barred).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from ..files._assemble import InputsWrong
from ..files._inputs import Inputs
from ..reports._export import write_atomically
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import InvalidInput, Listed, PropulseurRulesError
from ._usage import EXIT_USAGE

__all__ = ["EXIT_CHECK_FAILED", "EXIT_OK", "EXIT_UNMET", "EXIT_USAGE", "PROG"]

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_UNMET = 3

PROG = "propulseur-rules"


def fail(message: str, lang: str = "en") -> int:
    """``message`` as one line on standard error; exit status 2."""
    print(f"{PROG}: {say('error.label', lang)} {' '.join(message.split())}", file=sys.stderr)
    return EXIT_USAGE


def refused(error: PropulseurRulesError, lang: str) -> int:
    """Bad input: one line on standard error for each input refused, said in ``lang``, and for each bad row
    of a file; exit status 2."""
    for each in error.errors if isinstance(error, InputsWrong) else (error,):
        for line in _rows(each, lang) if isinstance(each, InvalidInput) else [each.message(lang)]:
            fail(line, lang)
    return EXIT_USAGE


def _rows(error: InvalidInput, lang: str) -> list[str]:
    """The lines of an error: each bad row of a file on its own (``file.csv:4: Montant: …``), then how many
    more rows are wrong beyond those described; any other error as its one line."""
    rows = error.values.get("lines")
    if error.key not in _ROWS_WRONG or not isinstance(rows, Listed):
        return [error.message(lang)]
    lines = [f"{error.path}:{row.said(lang)}" for row in rows.items]
    if error.key == "error.rows_wrong_and_more":
        lines.append(InvalidInput(error.path, "error.rows_more", more=str(error.values["more"])).message(lang))
    return lines


#: The keys of the error of a file with several bad rows, whose rows are listed in its ``lines``.
_ROWS_WRONG = ("error.rows_wrong", "error.rows_wrong_and_more")


def status(arguments: argparse.Namespace, assessment: Assessment) -> int:
    """3 with ``--fail-on-unmet`` when a condition is unmet or money is held back, else 0."""
    if getattr(arguments, "fail_on_unmet", False) and (assessment.unmet or _held_back(assessment)):
        return EXIT_UNMET
    return EXIT_OK


def _held_back(assessment: Assessment) -> bool:
    """C3, C4, C9 and C3's « modalités »: money earned but not payable, withheld by a condition, waiting for a
    document, held as the balance or time-barred (loi n° 68-1250)."""
    return bool(
        assessment.withheld or assessment.awaiting_documents or assessment.balance_held or assessment.time_barred
    )


def write_output(arguments: argparse.Namespace, content: bytes) -> None:
    """``content`` to ``--output`` (whole or not at all) when given, else to standard output."""
    if getattr(arguments, "output", None) is not None:
        write_atomically(arguments.output, content)
    else:
        write_bytes(content)


def write_bytes(content: bytes) -> None:
    """Bytes on standard output, through its buffer when it has one."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # pragma: no cover - a text-only stream a caller put in place
        sys.stdout.write(content.decode("utf-8"))
        return
    sys.stdout.flush()
    stream.write(content)
    stream.flush()


def as_json(data: dict[str, object], inputs: Inputs, lang: str = "en") -> str:
    """A JSON report: ``data`` with an ``"inputs"`` object saying where each input came from."""
    return json.dumps({**data, "inputs": inputs.to_dict(lang)}, ensure_ascii=False, indent=2) + "\n"


def report(
    arguments: argparse.Namespace,
    inputs: Inputs,
    data: Callable[[], dict[str, object]],
    text: Callable[[bool], str],
) -> int:
    """Print a report as JSON (``data``, with where each input came from) or as text or Markdown.

    A report of the built-in example opens with the notice that its facts are invented."""
    if arguments.format == "json":
        sys.stdout.write(as_json(data(), inputs, arguments.lang))
    else:
        markdown = arguments.format == "markdown"
        shown = text(markdown)
        if inputs.fictitious:
            notice = say("inputs.fictitious", arguments.lang)
            if markdown and shown.startswith("# "):  # under the title
                title, rest = shown.split("\n", 1)
                shown = f"{title}\n\n**{notice}**\n{rest}"
            else:
                shown = f"**{notice}**\n\n{shown}" if markdown else f"{notice}\n\n{shown}"
        sys.stdout.write(shown + inputs.render(arguments.lang, markdown=markdown))
    return EXIT_OK
