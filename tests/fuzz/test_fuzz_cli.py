"""Fuzzing the command line: any arguments and any standard input end in an exit status.

``main([...])`` runs in this process with the streams a UTF-8 terminal gives: standard
input and output strict UTF-8, standard error replacing what it cannot write. The
contract: an exit status of 0 to 3, never an exception; exit status 2 from ``assess`` or
``explain`` with exactly one line on standard error and no traceback; exit status 0 with
nothing on standard error. Random paths stay inside a scratch folder, made anew for
every example: a command line may write ``--output good.toml``, but
what one example writes is never read by the next, so every run draws the same verdicts.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fuzz_inputs import odd_texts
from propulseur_rules.cli import EXIT_CHECK_FAILED, EXIT_OK, EXIT_UNMET, EXIT_USAGE, main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STATUSES = (EXIT_OK, EXIT_CHECK_FAILED, EXIT_USAGE, EXIT_UNMET)


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str


def run_main(argv: list[str], stdin: bytes = b"") -> Run:
    """``main(argv)`` with UTF-8 terminal streams; an exception from main fails the calling test."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        "stdin": io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8", errors="strict"),
        "stdout": io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True),
        "stderr": io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True),
    }
    saved = {name: getattr(sys, name) for name in streams}
    try:
        for name, stream in streams.items():
            setattr(sys, name, stream)
        status = main(argv)
    finally:
        for name, stream in saved.items():
            setattr(sys, name, stream)
    return Run(status, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


def assert_the_error_contract(argv: list[str], result: Run) -> None:
    assert result.status in STATUSES, result
    assert "Traceback" not in result.err
    command = next((word for word in argv if not word.startswith("-")), None)
    if result.status == EXIT_OK:
        assert result.err == ""
    if result.status == EXIT_USAGE and command in ("assess", "explain"):
        # Every input refused at once, and each bad row of a file, a line each, none said twice.
        lines = result.err.splitlines()
        assert lines, result.err
        assert result.err.endswith("\n")
        assert len(set(lines)) == len(lines), result.err
    for line in result.err.splitlines():
        assert line.startswith("propulseur-rules"), line


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A new folder with scenario files good and bad, the working directory while it lasts."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        shutil.copy(EXAMPLES / "dijon-2022.toml", folder / "good.toml")
        shutil.copy(EXAMPLES / "dijon-2022-contracts.csv", folder / "good.csv")
        shutil.copy(EXAMPLES / "dijon-2022-request.json", folder / "good.json")
        (folder / "bad.toml").write_text("name = [\n", encoding="utf-8")
        (folder / "bad.csv").write_bytes(b"reference;startup\n\xff;\x00\n")
        (folder / "surrogate.json").write_text(
            json.dumps({"name": "x", "as_of": "2023-01-01", "convention": "dijon-2022", "covers": ["\udcff"]}),
            encoding="utf-8",
        )
        (folder / "sub").mkdir()
        shutil.copy(EXAMPLES / "scenarios" / "excess-payment.toml", folder / "sub" / "excess.toml")
        (folder / "empty").mkdir()
        with contextlib.chdir(folder):
            yield folder


@pytest.fixture
def scratch() -> Iterator[Path]:
    """The scratch folder of one test that is not a property test."""
    with scratch_folder() as folder:
        yield folder


FILES = ("good.toml", "good.json", "bad.toml", "surrogate.json", "sub", "empty", "missing.toml", "-", "", ".")


def _inside(text: str) -> str:
    """A random path kept inside the scratch folder: no root, no parent."""
    return text.lstrip("/").replace("..", "")


words = st.one_of(
    st.sampled_from(["assess", "explain", "check", "schema"]),
    st.sampled_from(["--as-of", "--format", "--lang", "--contracts", "--fail-on-unmet", "--help", "--version", "--"]),
    st.sampled_from(["--output", "--output=out.csv", "--format=csv", "--format=xlsx"]),
    st.sampled_from(
        ["text", "json", "markdown", "html", "csv", "xlsx", "en", "fr", "de", "2025-07-01", "2023-02-30", "31/03/2025"]
    ),
    st.sampled_from(FILES),
    st.sampled_from(["good.csv", "bad.csv", "２０２５-０７-０１", "2025-07-01\u200f", "--as-of=2025-07-01"]),
    st.sampled_from(["\udcff.toml", "report\udce9.json", "a\nb", "-\u200f"]),  # argv as os.fsdecode gives it
    odd_texts(12).map(_inside),
)
commands = st.sampled_from(["assess", "explain", "check", "schema"])
requests = st.one_of(
    st.just(b""),
    st.binary(max_size=100),
    st.sampled_from(
        [
            (EXAMPLES / "dijon-2022-request.json").read_bytes(),
            b'{"name": "\\udcff", "as_of": "2023-01-01", "convention": "dijon-2022"}',
            b'{"name": "x", "as_of": "2023-01-01", "convention": "dijon-2022"}\xff',
            b"\xef\xbb\xbf{}",
        ]
    ),
)


@given(
    argv=st.one_of(
        st.lists(words, max_size=6),
        st.tuples(commands, st.lists(words, max_size=5)).map(lambda parts: [parts[0], *parts[1]]),
    ),
    stdin=requests,
)
@example(argv=["assess", "-"], stdin=b"\xff\xfe{")
@example(argv=["assess", "-"], stdin=b'{"name": "\xc3\xa9"')
@example(argv=["assess", "surrogate.json"], stdin=b"")
@example(argv=["check", "surrogate.json", "bad.toml", "\udcff.toml"], stdin=b"")
@example(argv=["assess", "good.toml", "--as-of", "２０２５-０７-０１"], stdin=b"")
@example(argv=["assess", "a\nb"], stdin=b"")
@example(argv=["check", "9" * 5000], stdin=b"")  # a name too long for the system
@example(argv=["assess", "--lang", "a\nb"], stdin=b"")
@example(argv=["assess", "--format", "xlsx", "--output", "a\x00b"], stdin=b"")
@example(argv=["assess", "surrogate.json", "--output", "\udcff.md"], stdin=b"")
@example(argv=["assess", "--format", "csv", "--output", "sub"], stdin=b"")
def test_any_command_line_ends_in_a_status_and_an_error_line_per_input_refused(argv: list[str], stdin: bytes) -> None:
    with scratch_folder():
        result = run_main(argv, stdin)

    assert_the_error_contract(argv, result)


export_options = st.sampled_from(["--funder-siret", "--beneficiary-siret", "--convention-signed-on", "--eu-notified"])
export_values = st.one_of(
    st.sampled_from(["12345678200002", "98765432400001", "12345678200003", "2022-11-01", "31/02/2023", "oui", "no"]),
    st.sampled_from(["", " ", "１２３４５６７８２０００００２", "1234567820000\u200f2", "a\nb", "\udcff"]),
    odd_texts(16),
)


@given(
    options=st.lists(st.tuples(export_options, export_values), max_size=5),
    extra=st.lists(st.sampled_from(["--lang", "fr", "en", "good.toml", "-", "--output", "sub", "x.csv"]), max_size=3),
    output_format=st.sampled_from(["scdl-csv", "scdl-json", "csv"]),
    stdin=requests,
)
@example(
    options=[("--funder-siret", "12345678200002"), ("--beneficiary-siret", "98765432400001")],
    extra=["--lang", "fr"],
    output_format="scdl-json",
    stdin=b"",
)
def test_any_input_of_export_ends_in_a_record_or_one_error_line(
    options: list[tuple[str, str]], extra: list[str], output_format: str, stdin: bytes
) -> None:
    argv = ["export", "--format", output_format, *extra, *(word for pair in options for word in pair)]
    with scratch_folder():
        result = run_main(argv, stdin)

    assert_the_error_contract(argv, result)
    if result.status == EXIT_USAGE:
        assert result.err.count("\n") == 1, result.err
    if result.status == EXIT_OK and "--output" not in argv:
        assert result.out.startswith(("nomAttribuant,", '[{"nomAttribuant": '))


def test_a_request_that_is_not_utf8_on_standard_input_is_one_error_line() -> None:
    result = run_main(["assess", "-"], b'{"name": "caf\xe9"}')

    assert result.status == EXIT_USAGE
    assert result.err == "propulseur-rules: error: <stdin>: is not UTF-8 text\n"


def test_a_lone_surrogate_in_a_request_is_one_error_line() -> None:
    contract = {
        "reference": "\udcff",
        "startup": {"name": "Hydrolis", "head_office": "21231", "sector": "industry"},
        "signed_on": "2022-09-01",
    }
    request = json.dumps({"name": "x", "as_of": "2023-01-01", "convention": "dijon-2022", "contracts": [contract]})

    result = run_main(["assess", "-"], request.encode("ascii"))

    assert result.status == EXIT_USAGE
    assert result.err.count("\n") == 1
    assert "contracts[0].reference: contains a lone surrogate" in result.err


def test_a_file_name_that_is_not_utf8_is_named_in_the_error(scratch: Path) -> None:
    # os.fsdecode turns the byte 0xff of a file name into the surrogate \udcff.
    result = run_main(["assess", "caf\udcff.toml"])

    assert result.status == EXIT_USAGE
    assert result.err == "propulseur-rules: error: caf\\udcff.toml: no such file\n"


def test_check_of_a_scenario_file_whose_name_is_not_utf8_prints_its_line(scratch: Path) -> None:
    shutil.copy(scratch / "good.toml", scratch / "caf\udcff.toml")

    result = run_main(["check", "caf\udcff.toml"])

    assert result.status == EXIT_OK
    assert result.out.startswith("PASS  caf\\udcff.toml: ")
