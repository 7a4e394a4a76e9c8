"""Fuzzing the scenario loaders and the CSV reader: only PropulseurRulesError comes out.

Random bytes, random JSON and TOML documents (as data and as token soup), scenario-shaped
documents with odd values (as text, and as data with the dates a TOML parser gives), CSV
exports with odd cells, nesting deeper than the stack, and files at the size limit.
Whatever loads must also assess and render: a value the loader lets in is a value every
output has to cope with. The ``dev`` profile runs a quick version;
``HYPOTHESIS_PROFILE=ci`` runs 1 000 examples of each, and the size limits at the real
10 MB instead of a scaled-down limit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import propulseur_rules.cli as cli
import propulseur_rules.files._load_files as load_files
import propulseur_rules.files._requests as requests
from fuzz_inputs import (
    JSON_TOKENS,
    TOML_TOKENS,
    VALID_REQUEST,
    csv_texts,
    json_values,
    nested,
    only_our_errors,
    parsed_scenario_tables,
    parsed_values,
    requests_with_one_odd_field,
    scenario_tables,
    token_soup,
    toml_text,
    valid_csv_header,
)
from propulseur_rules import InvalidInput, Scenario, load_contracts_csv, load_scenario
from propulseur_rules.files._load import MAX_FILE_BYTES, scenario_from_data, scenario_from_text
from propulseur_rules.files._load_csv import contracts_from_file, payments_from_file

#: The ci profile checks the real 10 MB limit; dev checks the same code with a 256 KiB limit.
FULL_SIZE = settings.default.max_examples >= 1000


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """A folder shared by the examples of a module: only for a test that writes one fixed name and
    reads that one file back with the CSV or workbook reader, within the same example."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@contextlib.contextmanager
def own_folder() -> Iterator[Path]:
    """A folder of one example's own: a scenario file may name other files beside it, so a scenario
    is never loaded from a folder where other examples write."""
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def every_output_of(scenario: Scenario) -> None:
    """Assess a scenario that loaded and produce every report: none may fail, all must be UTF-8."""
    assessment = only_our_errors(scenario.assess)
    if assessment is None:
        return
    outputs = [
        json.dumps(assessment.to_dict(), ensure_ascii=False),
        assessment.explain("en"),
        assessment.explain("fr"),
        assessment._repr_html_(),
        repr(assessment.to_records()),
        repr(assessment.by_budget_year()),
    ]
    for output in outputs:
        output.encode("utf-8")  # a lone surrogate let in would fail here, and on any terminal


def load_text(text: str, suffix: str) -> Scenario | None:
    """Write ``text`` as a file (a lone surrogate as its invalid UTF-8 bytes) and load it."""
    with own_folder() as folder:
        path = folder / f"fuzz{suffix}"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        return only_our_errors(load_scenario, path)


# --- bytes -----------------------------------------------------------------------------------------


@given(
    st.one_of(
        st.binary(max_size=600),
        st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00" * 10, b"\xed\xa0\x80"]).flatmap(
            lambda prefix: st.binary(max_size=200).map(prefix.__add__)
        ),
    ),
    st.sampled_from([".toml", ".json", ".csv", ".TOML", ".txt"]),
)
@example(b"\xef\xbb\xbf", ".toml")
@example(b'{"name": 1e99999999999999999999}', ".json")
@example(b"a = 1e99999999999999999999", ".toml")
@example(b"[" * 5000, ".json")
@example(b"a = " + b"[" * 5000, ".toml")
@example(b'{"name": "\xed\xa0\x80"}', ".json")  # a surrogate encoded as UTF-8 bytes: not UTF-8
@example(b"reference;startup\n\x00;\xff", ".csv")
def test_random_bytes_in_a_file_give_only_our_errors(content: bytes, suffix: str) -> None:
    with own_folder() as folder:
        path = folder / f"bytes{suffix}"
        path.write_bytes(content)

        if suffix == ".csv":
            only_our_errors(load_contracts_csv, path)
        else:
            scenario = only_our_errors(load_scenario, path)
            assert scenario is None or suffix.lower() in (".toml", ".json")


# --- JSON ---------------------------------------------------------------------------------------


@given(st.one_of(json_values, parsed_values))
def test_random_json_documents_give_only_our_errors(data: object) -> None:
    # NaN and Infinity are written as JSON allows them by default; dates and decimals as text.
    scenario = load_text(json.dumps(data, ensure_ascii=False, default=str), ".json")

    if scenario is not None:
        every_output_of(scenario)


@given(token_soup(JSON_TOKENS))
@example('{"name": "\\ud800", "as_of": "2023-01-01", "convention": "dijon-2022"}')
@example('{"name": 1e999999999}')
@example('{"name": ' + "9" * 5000 + "}")
@example('{"name": NaN}')
def test_json_token_soup_gives_only_our_errors(text: str) -> None:
    scenario = only_our_errors(scenario_from_text, text, ".json", source="<stdin>")

    if scenario is not None:
        every_output_of(scenario)


@given(scenario_tables())
@example({"name": "\ud800", "as_of": "2023-01-01", "convention": "dijon-2022"})
@example(
    {
        "name": "Lone surrogate in a reference",
        "as_of": "2023-01-01",
        "convention": "dijon-2022",
        "contracts": [
            {
                "reference": "\udcff",
                "startup": {"name": "Hydrolis", "head_office": "21231", "sector": "industry"},
                "signed_on": "2022-09-01",
            }
        ],
    }
)
def test_scenario_shaped_json_with_odd_values_gives_only_our_errors(data: dict[str, object]) -> None:
    # ensure_ascii=True writes a lone surrogate as the escape \udcff: valid JSON, read back as a surrogate.
    scenario = only_our_errors(scenario_from_text, json.dumps(data), ".json", source="request.json")

    if scenario is not None:
        every_output_of(scenario)


@given(requests_with_one_odd_field())
@example(VALID_REQUEST)
def test_a_valid_request_with_one_odd_field_is_refused_or_assessed_and_rendered(data: dict[str, object]) -> None:
    scenario = only_our_errors(scenario_from_text, json.dumps(data), ".json", source="request.json")

    if scenario is not None:
        every_output_of(scenario)
    if data == VALID_REQUEST:
        assert scenario is not None


# --- TOML ---------------------------------------------------------------------------------------


@given(token_soup(TOML_TOKENS))
@example("a = " + "9" * 5000)  # more digits than int() converts by default
@example("a = 0x" + "f" * 5000)
@example("a = 1e999999999")
@example('a = "\\uD800"')
def test_toml_token_soup_gives_only_our_errors(text: str) -> None:
    scenario = load_text(text, ".toml")

    if scenario is not None:
        every_output_of(scenario)


@given(scenario_tables())
def test_scenario_shaped_toml_with_odd_values_gives_only_our_errors(data: dict[str, object]) -> None:
    scenario = load_text(toml_text(data), ".toml")

    if scenario is not None:
        every_output_of(scenario)


@given(st.one_of(json_values, parsed_values))
def test_random_data_as_a_parser_gives_it_gives_only_our_errors(data: object) -> None:
    scenario = only_our_errors(scenario_from_data, data)

    if scenario is not None:
        every_output_of(scenario)


@given(parsed_scenario_tables())
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": "dijon-2022", "covers": {"C1": 1}})
@example(
    {"name": "x", "as_of": "2023-01-01", "convention": {"preset": "dijon-2022", "total_cap": "1e99999999999999999999"}}
)
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": {"preset": "dijon-2022", "territory": "21231"}})
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": "dijon-2022", "expect": {"years": [{"index": 0}]}})
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": "dijon-2022", "expect": {"contracts": {"A": 1}}})
def test_scenario_shaped_data_as_a_parser_gives_it_gives_only_our_errors(data: dict[str, object]) -> None:
    with own_folder() as empty:  # the files the data names are looked for here, and none is found
        scenario = only_our_errors(scenario_from_data, data, base_dir=empty)

    if scenario is not None:
        every_output_of(scenario)


def test_a_number_beyond_any_decimal_is_refused_where_it_is_read() -> None:
    # 1e99999999999999999999 is past the exponent a Decimal can hold; 1e999999999 is a Decimal
    # but far above the largest amount, 999 999 999 999.99.
    with pytest.raises(InvalidInput, match=r"^x\.json: 1e99999999999999999999 is too large or too small a number$"):
        scenario_from_text('{"name": 1e99999999999999999999}', ".json", source="x.json")
    with pytest.raises(InvalidInput, match=r"^convention\.total_cap: 1E\+999999999 is more than the largest amount"):
        scenario_from_data(
            {
                "name": "x",
                "as_of": "2023-01-01",
                "convention": {"preset": "dijon-2022", "total_cap": Decimal("1e999999999")},
            }
        )


def test_a_toml_integer_longer_than_python_prints_is_refused_as_invalid_input() -> None:
    # 5 000 digits: tomllib's int() raises ValueError beyond 4 300 digits.
    with pytest.raises(InvalidInput, match="is not valid TOML"):
        scenario_from_text("name = " + "9" * 5000, ".toml", source="big.toml")


def test_a_lone_surrogate_in_a_json_reference_is_refused_as_invalid_input() -> None:
    # "\udcff" is valid JSON and a valid Python str, but no terminal or UTF-8 file can hold it.
    text = json.dumps(
        {
            "name": "x",
            "as_of": "2023-01-01",
            "convention": "dijon-2022",
            "contracts": [
                {
                    "reference": "C-\udcff",
                    "startup": {"name": "Hydrolis", "head_office": "21231", "sector": "industry"},
                    "signed_on": "2022-09-01",
                }
            ],
        }
    )

    with pytest.raises(InvalidInput, match=r"contracts\[0\]\.reference: contains a lone surrogate"):
        scenario_from_text(text, ".json", source="request.json")


# --- CSV ----------------------------------------------------------------------------------------


@given(csv_texts())
@example(valid_csv_header() + "\nC-01;Start\x00up;21231;industry;;01/07/2022;02/07/2022;01/08/2022")
@example(valid_csv_header() + "\nC-01;Hydrolis;21231;industry;９１２３４５６７５;01/07/2022;02/07/2022;01/08/2022")
@example(valid_csv_header() + "\nC-01;\u200fهيدروجين;21231;santé;;0١/07/2022;02/07/2022;01/08/2022")
@example(valid_csv_header() + "\n" + "x" * 200_000)
def test_csv_exports_with_odd_cells_give_only_our_errors(folder: Path, text: str) -> None:
    path = folder / "contracts.csv"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))

    contracts = only_our_errors(load_contracts_csv, path)

    if contracts is not None:
        for contract in contracts:
            contract.reference.encode("utf-8")
            contract.startup.name.encode("utf-8")


# --- nesting ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["json", "toml"])
@pytest.mark.parametrize("depth", [17, 100, 1_000, 100_000])
def test_nesting_deeper_than_any_scenario_is_refused(kind: str, depth: int) -> None:
    # A scenario is never more than 16 levels deep (expect.years[0].funded[0] is 4).
    with pytest.raises(InvalidInput, match="nested too deeply"):
        scenario_from_text(nested(depth, kind), f".{kind}", source=f"deep.{kind}")


# --- size limits --------------------------------------------------------------------------------


def _contract_json(index: int) -> str:
    return json.dumps(
        {
            "reference": f"C-{index:07d}",
            "startup": {"name": f"Startup {index}", "head_office": "21231", "sector": "industry"},
            "applied_on": "2022-07-01",
            "selected_on": "2022-07-15",
            "signed_on": "2022-08-01",
        }
    )


def _contract_toml(index: int) -> str:
    return (
        f'[[contracts]]\nreference = "C-{index:07d}"\nsigned_on = 2022-08-01\n'
        "applied_on = 2022-07-01\nselected_on = 2022-07-15\n"
        f'startup = {{ name = "Startup {index}", head_office = "21231", sector = "industry" }}\n'
    )


def _contract_csv(index: int) -> str:
    return f"C-{index:07d};Startup {index};21231;industry;;01/07/2022;15/07/2022;01/08/2022\n"


_HEAD = {
    ".json": '{"name": "big", "as_of": "2025-07-01", "convention": "dijon-2022", "contracts": [',
    ".toml": 'name = "big"\nas_of = 2025-07-01\nconvention = "dijon-2022"\n',
    ".csv": valid_csv_header() + "\n",
}
_TAIL = {".json": "]}", ".toml": "", ".csv": ""}
_ITEM = {".json": _contract_json, ".toml": _contract_toml, ".csv": _contract_csv}
_SEPARATOR = {".json": ",", ".toml": "\n", ".csv": ""}


def generated_file(suffix: str, size: int) -> tuple[str, int]:
    """A valid file of contracts as close to ``size`` bytes as whole contracts allow, and its count."""
    parts = [_HEAD[suffix]]
    total = len(parts[0]) + len(_TAIL[suffix])
    count = 0
    while True:
        item = (_SEPARATOR[suffix] if count else "") + _ITEM[suffix](count)
        if total + len(item) > size:
            break
        parts.append(item)
        total += len(item)
        count += 1
    parts.append(_TAIL[suffix])
    text = "".join(parts)
    assert len(text.encode("utf-8")) <= size
    return text, count


@pytest.fixture
def limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """The size limit under test: the real one in the ci profile, 256 KiB in dev (the same code path)."""
    if FULL_SIZE:
        return MAX_FILE_BYTES
    scaled = 256 * 1024
    monkeypatch.setattr(load_files, "MAX_FILE_BYTES", scaled)
    monkeypatch.setattr(requests, "MAX_FILE_BYTES", scaled)
    return scaled


@pytest.mark.parametrize("suffix", [".json", ".toml", ".csv"])
def test_a_file_of_contracts_at_the_size_limit_is_read_whole(tmp_path: Path, limit: int, suffix: str) -> None:
    text, count = generated_file(suffix, limit)
    path = tmp_path / f"at-limit{suffix}"
    path.write_text(text, encoding="utf-8")

    contracts = load_contracts_csv(path) if suffix == ".csv" else load_scenario(path).contracts

    assert len(contracts) == count
    assert contracts[-1].reference == f"C-{count - 1:07d}"


@pytest.mark.parametrize("suffix", [".json", ".toml", ".csv"])
def test_a_file_one_byte_over_the_size_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, limit: int, suffix: str
) -> None:
    text, _ = generated_file(suffix, limit)
    # One more byte of padding that every format ignores: the file is too large, not invalid.
    text += " " * (limit + 1 - len(text.encode("utf-8")))
    path = tmp_path / f"over-limit{suffix}"
    path.write_text(text, encoding="utf-8")
    read = load_contracts_csv if suffix == ".csv" else load_scenario

    with pytest.raises(InvalidInput, match=r"is larger than \d+ MB") as refused:
        read(path)

    assert refused.value.path == str(path)


def test_ten_megabytes_of_blank_csv_lines_give_no_contract(tmp_path: Path, limit: int) -> None:
    path = tmp_path / "blank.csv"
    header = valid_csv_header() + "\n"
    path.write_text(header + "\n" * (limit - len(header)), encoding="utf-8")

    assert load_contracts_csv(path) == ()


def test_a_request_on_standard_input_over_the_size_limit_is_refused(
    limit: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    text, _ = generated_file(".json", limit)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text + " " * (limit + 1 - len(text))))

    status = cli.main(["assess", "-"])

    captured = capsys.readouterr()
    assert status == cli.EXIT_USAGE
    assert captured.err.count("\n") == 1
    assert "<stdin>: is larger than" in captured.err


# --- spreadsheets: any encoding, French forms, workbooks ----------------------------------------------

_FRENCH_CELLS = st.sampled_from(
    ["05/09/2022", "31/02/2023", "50 000,00 €", "12\u202f500,5", "1.234,56", "Santé", "Industrie", "", " ", "2A004"]
)


@given(
    st.lists(
        st.sampled_from(["Référence", "Date de versement", "Montant", "Date", "reference", "amount", ""]), max_size=5
    ),
    st.lists(st.lists(st.one_of(_FRENCH_CELLS, st.text(max_size=8)), max_size=6), max_size=4),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1"]),
)
def test_payments_files_in_any_encoding_give_only_our_errors(
    folder: Path, header: list[str], rows: list[list[str]], codec: str
) -> None:
    path = folder / "payments.csv"
    text = "\n".join(";".join(row) for row in [header, *rows])
    path.write_bytes(text.encode(codec, "replace"))

    only_our_errors(payments_from_file, path)


@given(st.binary(max_size=400).map(b"PK\x03\x04".__add__))
@example(b"PK\x03\x04")
def test_random_bytes_as_a_workbook_give_only_our_errors(folder: Path, content: bytes) -> None:
    path = folder / "sheet.xlsx"
    path.write_bytes(content)

    only_our_errors(contracts_from_file, path)
    only_our_errors(payments_from_file, path)
