"""The long fuzz run: at least 100 000 hostile inputs through the loaders and the command line.

Run ``python benchmarks/fuzz.py`` (about ten minutes on one core) or
``python benchmarks/fuzz.py --quick`` for a small run that only shows the
harness works. Each input is a file or a text given to ``load_scenario``,
``load_contracts_csv``, ``scenario_from_text``, ``scenario_from_data`` or
``main([...])``; whatever loads is also assessed and rendered. The contract is
the one of the fuzz tests (``tests/test_fuzz_*.py``): only
``PropulseurRulesError`` may come out. Anything else is counted, grouped by its
type and the line that raised it, and printed with a reproducer; the exit
status is then 1.

Two kinds of input: those drawn by the hypothesis strategies of
``tests/fuzz_inputs.py`` (random bytes, JSON and TOML documents, token soup,
scenario-shaped documents with odd values, CSV exports with odd cells, command
lines), and mutations of the example files (bytes flipped, spans deleted or
repeated, syntax and odd Unicode spliced in), which reach deeper into the
loaders than random data does. ``--scale`` also assesses a million contracts
once and reports the time and the peak memory.

This file is not collected by pytest: it lives outside ``testpaths``.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime as dt
import io
import json
import random
import resource
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hypothesis  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fuzz_inputs import (  # noqa: E402
    JSON_TOKENS,
    ODD_CHARACTERS,
    TOML_TOKENS,
    csv_texts,
    json_values,
    requests_with_one_odd_field,
    scenario_tables,
    token_soup,
    toml_text,
)
from propulseur_rules import (  # noqa: E402
    DIJON_2022,
    Contract,
    PropulseurRulesError,
    Scenario,
    Sector,
    Startup,
    assess,
    load_contracts_csv,
    load_scenario,
)
from propulseur_rules.cli import main  # noqa: E402
from propulseur_rules.files._load import scenario_from_data, scenario_from_text  # noqa: E402


class Tally:
    """Inputs tried, loaded and refused, and every exception that is not ours."""

    def __init__(self) -> None:
        self.tried: collections.Counter[str] = collections.Counter()
        self.loaded: collections.Counter[str] = collections.Counter()
        self.failures: dict[tuple[str, str], tuple[int, str, str]] = {}
        self.slowest: tuple[float, str] = (0.0, "")

    def run(self, target: str, call: Callable[[], object], reproducer: Callable[[], str]) -> None:
        self.tried[target] += 1
        started = time.perf_counter()
        try:
            if call() is not None:
                self.loaded[target] += 1
        except PropulseurRulesError:
            pass
        except Exception as error:  # the finding: anything but our error
            frame = traceback.extract_tb(error.__traceback__)[-1]
            key = (type(error).__name__, f"{Path(frame.filename).name}:{frame.lineno}")
            count, _, shown = self.failures.get(key, (0, "", reproducer()[:2000]))
            self.failures[key] = (count + 1, f"{error}"[:300], shown)
        elapsed = time.perf_counter() - started
        if elapsed > self.slowest[0]:
            self.slowest = (elapsed, f"{target}: {reproducer()[:120]!r}")

    @property
    def total(self) -> int:
        return sum(self.tried.values())


def every_output(scenario: Scenario) -> Scenario:
    """Assess a loaded scenario and write every report, as a service would."""
    try:
        assessment = scenario.assess()
    except PropulseurRulesError:
        return scenario
    for output in (
        json.dumps(assessment.to_dict(), ensure_ascii=False),
        assessment.explain("fr"),
        assessment._repr_html_(),
        repr(assessment.by_budget_year()),
    ):
        output.encode("utf-8")
    return scenario


def loaded(path: Path) -> Scenario | tuple[Contract, ...]:
    if path.suffix == ".csv":
        return load_contracts_csv(path)
    return every_output(load_scenario(path))


# --- inputs drawn by hypothesis ------------------------------------------------------------------


def drawn_targets(folder: Path) -> dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], object]]]:
    def bytes_file(drawn: tuple[bytes, str]) -> object:
        content, suffix = drawn
        path = folder / f"bytes{suffix}"
        path.write_bytes(content)
        return loaded(path)

    def text_file(suffix: str) -> Callable[[str], object]:
        def load(text: str) -> object:
            path = folder / f"text{suffix}"
            path.write_bytes(text.encode("utf-8", "surrogatepass"))
            return loaded(path)

        return load

    def json_text(text: str) -> object:
        return every_output(scenario_from_text(text, ".json", source="<stdin>"))

    def data(value: object) -> object:
        return every_output(scenario_from_data(value))

    def command_line(argv: list[str]) -> object:
        out, err = io.BytesIO(), io.BytesIO()
        stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
        stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
        stdin = io.TextIOWrapper(io.BytesIO(b'{"name": "x"}'), encoding="utf-8")
        saved = sys.stdin, sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        try:
            status = main(argv)
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved
        text = err.getvalue().decode("utf-8")
        if status not in (0, 1, 2, 3) or "Traceback" in text:
            raise AssertionError(f"exit status {status}, standard error {text!r}")
        if status == 2 and argv[:1] in (["assess"], ["explain"]) and text.count("\n") != 1:
            raise AssertionError(f"{text.count(chr(10))} lines on standard error: {text!r}")
        return None

    files = ["scenario.toml", "scenario.json", "contracts.csv", "missing.toml", "-", "sub", "bytes.toml"]
    words = st.one_of(
        st.sampled_from(["assess", "explain", "check", "schema", "--as-of", "--format", "--lang", "--contracts"]),
        st.sampled_from(["json", "markdown", "fr", "2025-07-01", "２０２５-０７-０１", "a\nb", "\udcff.toml", *files]),
        st.text(st.sampled_from([*"abc-/.19", *ODD_CHARACTERS]), max_size=10).map(lambda text: text.lstrip("/")),
    )
    return {
        "bytes in a file": (
            st.tuples(st.binary(max_size=600), st.sampled_from([".toml", ".json", ".csv"])),
            bytes_file,
        ),
        "JSON documents": (json_values.map(lambda value: json.dumps(value, ensure_ascii=False)), text_file(".json")),
        "JSON token soup": (token_soup(JSON_TOKENS), json_text),
        "TOML token soup": (token_soup(TOML_TOKENS), text_file(".toml")),
        "scenario-shaped JSON": (scenario_tables().map(json.dumps), json_text),
        "scenario-shaped TOML": (scenario_tables().map(toml_text), text_file(".toml")),
        "one field made odd": (requests_with_one_odd_field().map(json.dumps), json_text),
        "parsed data": (json_values, data),
        "CSV exports": (csv_texts(), text_file(".csv")),
        "command lines": (st.lists(words, max_size=6), command_line),
    }


def _fuzzer(
    tally: Tally, name: str, strategy: st.SearchStrategy[Any], target: Callable[[Any], object], examples: int, seed: int
) -> Callable[[], None]:
    @hypothesis.seed(seed)
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def fuzz(value: Any) -> None:
        tally.run(name, lambda: target(value), lambda: repr(value))

    return fuzz


def run_drawn(tally: Tally, folder: Path, examples: int, seed: int) -> None:
    for name, (strategy, target) in drawn_targets(folder).items():
        started = time.perf_counter()
        _fuzzer(tally, name, strategy, target, examples // 3 if name == "command lines" else examples, seed)()
        elapsed = time.perf_counter() - started
        print(f"  {name:<24} {tally.tried[name]:>7} inputs, {tally.loaded[name]:>6} loaded, {elapsed:6.1f} s")


# --- mutations of the example files -----------------------------------------------------------


def _splices() -> list[bytes]:
    pieces = [token.encode("utf-8", "surrogatepass") for token in (*JSON_TOKENS, *TOML_TOKENS, *ODD_CHARACTERS)]
    return [*pieces, b"9" * 5000, b"\xff", b"\xed\xa0\x80", b"\r\n", b";", b'"', b"[[contracts]]\n"]


def mutate(seed: bytes, other: bytes, chance: random.Random, splices: list[bytes]) -> bytes:
    data = bytearray(seed)
    for _ in range(chance.choice((1, 1, 1, 2, 2, 3, 8))):  # mostly small: past the parser
        position = chance.randint(0, len(data))
        operation = chance.randrange(7)
        if operation == 0 and data:  # flip a byte
            data[min(position, len(data) - 1)] = chance.randrange(256)
        elif operation == 1:  # delete a span
            del data[position : position + chance.randint(1, 40)]
        elif operation == 2:  # repeat a span
            span = data[position : position + chance.randint(1, 200)]
            data[position:position] = span * chance.randint(1, 50)
        elif operation == 3:  # splice in syntax or odd Unicode
            data[position:position] = chance.choice(splices)
        elif operation == 4:  # splice in part of another example
            start = chance.randrange(len(other))
            data[position:position] = other[start : start + chance.randint(1, 300)]
        elif operation == 5:  # a digit becomes a long run of digits
            digits = [index for index, byte in enumerate(data) if 48 <= byte <= 57]
            if digits:
                index = chance.choice(digits)
                data[index : index + 1] = bytes([data[index]]) * chance.choice([2, 20, 400, 5000])
        else:  # truncate
            del data[position:]
    return bytes(data)


def run_mutations(tally: Tally, folder: Path, count: int, seed: int) -> None:
    examples = folder / "examples"
    shutil.copytree(ROOT / "examples", examples)
    seeds = sorted(path for path in examples.rglob("*") if path.suffix in (".toml", ".json", ".csv"))
    contents = {path: path.read_bytes() for path in seeds}
    chance = random.Random(seed)
    splices = _splices()
    started = time.perf_counter()
    for _ in range(count):
        original = chance.choice(seeds)
        content = mutate(contents[original], contents[chance.choice(seeds)], chance, splices)
        path = original.with_name(f"mutated{original.suffix}")  # beside it, so contracts_csv still resolves
        path.write_bytes(content)
        tally.run("mutated examples", lambda path=path: loaded(path), lambda content=content: repr(content))
    name, elapsed = "mutated examples", time.perf_counter() - started
    print(f"  {name:<24} {tally.tried[name]:>7} inputs, {tally.loaded[name]:>6} loaded, {elapsed:6.1f} s")


# --- a million contracts ------------------------------------------------------------------------


def run_scale() -> None:
    """Assess a million distinct contracts once: the time and the peak memory of the process."""
    started = time.perf_counter()
    contracts = [
        Contract(
            reference=f"C-{index:07d}",
            startup=Startup(name=f"Startup {index}", head_office="21231", sector=Sector.HEALTH),
            signed_on=dt.date(2022, 7, 1) + dt.timedelta(days=index % 1095),
            applied_on=dt.date(2022, 6, 1),
            selected_on=dt.date(2022, 6, 15),
        )
        for index in range(1_000_000)
    ]
    built = time.perf_counter() - started
    started = time.perf_counter()
    result = assess(DIJON_2022, contracts, as_of=dt.date(2025, 7, 1), regional_authorisation_on=dt.date(2022, 12, 1))
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  a million contracts: built in {built:.1f} s, assessed in {elapsed:.1f} s, "
        f"accrued {result.accrued}, {result.eligible_contracts} eligible, peak memory {peak:.0f} MB"
    )


def main_fuzz(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small run: 200 inputs per kind")
    parser.add_argument("--examples", type=int, default=8_000, help="inputs per kind drawn by hypothesis")
    parser.add_argument("--mutations", type=int, default=50_000, help="mutations of the example files")
    parser.add_argument("--seed", type=int, default=20220929, help="the seed of both kinds of input")
    parser.add_argument("--scale", action="store_true", help="also assess a million contracts once")
    arguments = parser.parse_args(argv)
    examples, mutations = (200, 500) if arguments.quick else (arguments.examples, arguments.mutations)

    tally = Tally()
    started = time.perf_counter()
    print(f"propulseur_rules fuzz run, seed {arguments.seed}, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "sub").mkdir()
        shutil.copy(ROOT / "examples" / "dijon-2022.toml", folder / "scenario.toml")
        shutil.copy(ROOT / "examples" / "dijon-2022-request.json", folder / "scenario.json")
        shutil.copy(ROOT / "examples" / "dijon-2022-contracts.csv", folder / "contracts.csv")
        with contextlib.chdir(folder):
            run_drawn(tally, folder, examples, arguments.seed)
            run_mutations(tally, folder, mutations, arguments.seed)
    if arguments.scale:
        run_scale()

    print(f"total: {tally.total} inputs, {sum(tally.loaded.values())} loaded, in {time.perf_counter() - started:.0f} s")
    print(f"slowest input: {tally.slowest[0] * 1000:.0f} ms ({tally.slowest[1]})")
    if not tally.failures:
        print("exceptions other than PropulseurRulesError: none")
        return 0
    print(f"exceptions other than PropulseurRulesError: {sum(count for count, _, _ in tally.failures.values())}")
    for (kind, where), (count, message, shown) in sorted(tally.failures.items()):
        print(f"  {count:>6} × {kind} at {where}: {message}\n         first input: {shown[:300]}")
    return 1


if __name__ == "__main__":
    sys.exit(main_fuzz())
