"""Scenario files and contract lists: what they read, and a clear error for each kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules import (
    DIJON_2022,
    Contract,
    FinancingTerms,
    InvalidInput,
    Sector,
    Startup,
    TargetPolicy,
    assess,
    dump_scenario,
    load_contracts_csv,
    load_scenario,
)
from propulseur_rules.example._example import example_assessment_inputs
from propulseur_rules.files._load import MAX_FILE_BYTES

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

MINIMAL = """\
name = "A minimal scenario."
as_of = 2023-01-01
convention = "dijon-2022"
"""

CONTRACT = """
[[contracts]]
reference = "A-01"
startup = { name = "Alpha", head_office = "21231", sector = "industry" }
applied_on = 2022-09-01
selected_on = 2022-10-01
signed_on = 2022-11-15
"""

HEADER = "reference;startup;head_office;sector;siren;applied_on;selected_on;signed_on\n"
ROW = "A-01;Alpha;21231;industriel;;01/09/2022;01/10/2022;15/11/2022\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def minimal_json(**changes: object) -> str:
    data: dict[str, object] = {"name": "A minimal scenario.", "as_of": "2023-01-01", "convention": "dijon-2022"}
    data.update(changes)
    return json.dumps(data)


def error_of(path: Path, *, csv: bool = False) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        load_contracts_csv(path) if csv else load_scenario(path)
    return caught.value


# --- what the loaders read ----------------------------------------------------------------


def test_the_toml_example_is_the_built_in_example() -> None:
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")
    inputs = example_assessment_inputs()

    assert scenario.convention == inputs["convention"] == DIJON_2022.replace(financing=FinancingTerms())
    assert scenario.contracts == inputs["contracts"]
    assert scenario.payments == inputs["payments"]
    assert scenario.as_of == inputs["as_of"]
    assert scenario.regional_authorisation_on == inputs["regional_authorisation_on"]
    assert scenario.financing_signed_on == inputs["financing_signed_on"]
    assert scenario.documents == inputs["documents"]
    assert scenario.assess() == assess(**inputs)  # type: ignore[arg-type]


def test_the_csv_export_holds_the_same_contracts_as_the_toml_example() -> None:
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")

    contracts = load_contracts_csv(EXAMPLES / "dijon-2022-contracts.csv")

    assert contracts == scenario.contracts
    assert scenario.replace(contracts=contracts).assess() == scenario.assess()


def test_the_csv_export_is_a_french_spreadsheet_export() -> None:
    raw = (EXAMPLES / "dijon-2022-contracts.csv").read_bytes()

    assert raw.startswith(b"\xef\xbb\xbf")  # the byte order mark
    assert b";" in raw.splitlines()[0]
    assert b"03/11/2022" in raw  # dd/mm/yyyy


def test_a_scenario_can_name_its_csv_file_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", "contracts.csv", HEADER + ROW)
    path = write(tmp_path, "s.toml", MINIMAL + 'contracts_csv = "data/contracts.csv"\n')

    scenario = load_scenario(path)

    assert [contract.reference for contract in scenario.contracts] == ["A-01"]
    assert scenario.contracts[0].startup.sector is Sector.INDUSTRY  # « industriel »


def test_the_json_request_reads_like_the_toml_scenario() -> None:
    request = load_scenario(EXAMPLES / "dijon-2022-request.json")
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")

    assert request.contracts == scenario.contracts
    assert request.convention == DIJON_2022
    assert request.expect is None


def test_a_preset_takes_overridden_parameters(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.toml",
        MINIMAL.replace('convention = "dijon-2022"\n', "")
        + '[convention]\npreset = "dijon-2022"\ntotal_cap = 150000\ntarget_policy = "all_or_nothing"\n',
    )

    convention = load_scenario(path).convention

    assert convention == DIJON_2022.replace(total_cap=Decimal("150000"), target_policy=TargetPolicy.ALL_OR_NOTHING)


def test_deliberation_false_removes_the_vote_of_the_preset(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", minimal_json(convention={"preset": "dijon-2022", "deliberation": False}))

    assert load_scenario(path).convention.deliberation is None


def test_a_csv_file_may_use_commas_and_iso_dates_without_a_bom(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "c.csv",
        "reference,startup,head_office,sector,signed_on\nA-01,Alpha,21231,health,2022-11-15\n\n",
    )

    assert load_contracts_csv(path) == (
        Contract(
            reference="A-01",
            startup=Startup(name="Alpha", head_office="21231", sector=Sector.HEALTH),
            signed_on=dt.date(2022, 11, 15),
        ),
    )


# --- dump then load gives an equal value ---------------------------------------------------


def test_dump_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")

    with pytest.raises(InvalidInput, match=r"expected a \.toml or \.json"):
        dump_scenario(scenario, tmp_path / "x.yaml")


# --- bad input: one test per case ------------------------------------------------------------


def test_an_unknown_key_says_which_key_was_meant(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL + "as_off = 2023-01-01\n")

    error = error_of(path)

    assert error.path == f"{path}: as_off"
    assert "did you mean 'as_of'?" in error.reason


def test_an_unknown_key_in_a_contract_names_the_contract(tmp_path: Path) -> None:
    path = write(
        tmp_path, "s.toml", MINIMAL + CONTRACT + CONTRACT.replace("A-01", "A-02").replace("signed_on", "signed")
    )

    error = error_of(path)

    assert error.path == f"{path}: contracts[1].signed"
    assert "did you mean 'signed_on'?" in error.reason


def test_a_far_unknown_key_lists_the_known_keys(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", minimal_json(zzz=1))

    assert "the keys are" in error_of(path).reason


def test_a_missing_key_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", 'name = "No date."\nconvention = "dijon-2022"\n')

    assert str(error_of(path)) == f"{path}: as_of: is missing"


def test_a_wrong_type_is_named(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL.replace('"A minimal scenario."', "12"))

    assert str(error_of(path)) == f"{path}: name: expected text, not a whole number"


def test_a_list_that_is_not_a_list(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", minimal_json(contracts="A-01"))

    assert str(error_of(path)) == f"{path}: contracts: expected a list, not text"


def test_a_contract_that_is_not_a_table(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", minimal_json(contracts=[1]))

    assert str(error_of(path)) == f"{path}: contracts[0]: expected a table, not a whole number"


def test_an_impossible_date_written_as_text(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL + CONTRACT.replace("signed_on = 2022-11-15", 'signed_on = "2023-02-30"'))

    assert str(error_of(path)) == f"{path}: contracts[0].signed_on: '2023-02-30' is not a day of the calendar"


def test_an_impossible_toml_date_is_not_valid_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL.replace("2023-01-01", "2023-02-30"))

    error = error_of(path)

    assert error.path == str(path)
    assert error.reason.startswith("is not valid TOML")


def test_a_date_and_time_is_not_a_date(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL.replace("2023-01-01", "2023-01-01T10:00:00"))

    assert str(error_of(path)) == f"{path}: as_of: expected a date, not a date and time"


def test_a_negative_payment_is_read_as_a_refund(tmp_path: Path) -> None:
    # A negative payment is a refund (« reversement »): 5 € paid back after 20 € paid.
    payments = [
        {"reference": "V", "paid_on": "2022-11-01", "amount": "20"},
        {"reference": "R", "paid_on": "2022-12-01", "amount": "-5"},
    ]
    path = write(tmp_path, "s.json", minimal_json(payments=payments))

    refund = load_scenario(path).payments[1]

    assert refund.amount == Decimal("-5.00")
    assert refund.refund


def test_a_sub_cent_amount(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.json",
        '{"name": "x", "as_of": "2023-01-01", "convention": {"preset": "dijon-2022", "total_cap": 1000.001}}',
    )

    assert str(error_of(path)) == f"{path}: convention.total_cap: 1000.001 is not a whole number of cents"


def test_a_json_amount_with_a_fraction_is_read_as_a_decimal_not_a_float(tmp_path: Path) -> None:
    path = write(
        tmp_path, "s.json", minimal_json(payments=[{"reference": "P", "paid_on": "2022-12-01", "amount": 0.1}])
    )

    assert load_scenario(path).payments[0].amount == Decimal("0.10")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinities_in_json(tmp_path: Path, constant: str) -> None:
    path = write(tmp_path, "s.json", minimal_json().replace('"2023-01-01"', constant))

    error = error_of(path)

    assert error.path == str(path)
    assert f"{constant.lstrip('-')} is not a number" in error.reason


@pytest.mark.parametrize(
    ("number", "reason"),
    [
        ("1e400", "1e400 is too large or too small a number"),
        ("1e99999999999999999999", "is too large or too small a number"),
        ("100000000000000000000", "is too large a number"),
        ("1" * 5000, "is too long"),
    ],
)
def test_huge_numbers_in_json(tmp_path: Path, number: str, reason: str) -> None:
    path = write(tmp_path, "s.json", minimal_json(convention={"preset": "dijon-2022", "required_contracts": 0}))
    path.write_text(path.read_text().replace('"required_contracts": 0', f'"required_contracts": {number}'))

    assert reason in str(error_of(path))


def test_an_amount_written_with_an_exponent_beyond_decimal(tmp_path: Path) -> None:
    path = write(
        tmp_path, "s.json", minimal_json(convention={"preset": "dijon-2022", "total_cap": "1e99999999999999999999"})
    )

    assert str(error_of(path)) == f"{path}: convention.total_cap: '1e99999999999999999999' is not an amount in euros"


def test_a_duplicate_json_key(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", '{"name": "x", "name": "y", "as_of": "2023-01-01", "convention": "dijon-2022"}')

    assert str(error_of(path)) == f"{path}: name: is given twice in the same object"


def test_invalid_json_gives_its_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", '{\n  "name": "x",\n  "as_of" "2023-01-01"\n}')

    error = error_of(path)

    assert error.path == str(path)
    assert "line 3, column 11" in error.reason


def test_a_json_document_that_is_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", "[1, 2]")

    assert str(error_of(path)) == f"{path}: expected a table, not a list"


def test_json_nested_too_deeply(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", "[" * 100_000 + "]" * 100_000)

    assert "nested too deeply" in str(error_of(path))


def test_an_unknown_preset(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL.replace("dijon-2022", "paris-2024"))

    error = error_of(path)

    assert error.path == f"{path}: convention.preset"
    assert error.reason == "'paris-2024' is not a known convention; the presets are dijon-2022"


def test_a_complete_convention_needs_every_parameter(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", minimal_json(convention={"reference": "Sans le reste"}))

    assert str(error_of(path)) == f"{path}: convention.funder: is missing"


def test_a_bad_overridden_parameter_is_named_under_the_convention(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.json",
        minimal_json(convention={"preset": "dijon-2022", "period": {"start": "2022-07-01", "end": "2025-03-31"}}),
    )

    error = error_of(path)

    assert error.path == f"{path}: convention.period"
    assert "is not a whole number of twelve-month programme years" in error.reason


def test_a_period_that_ends_on_the_last_day_of_the_calendar(tmp_path: Path) -> None:
    period = {"start": "9999-01-01", "end": "9999-12-31"}
    path = write(
        tmp_path, "s.json", minimal_json(as_of="9999-12-31", convention={"preset": "dijon-2022", "period": period})
    )

    # one whole programme year (C1): its operating grant of 20 000 €, no contract (C2)
    assert load_scenario(path).assess().accrued == Decimal("20000")


def test_a_period_of_the_whole_calendar_is_too_many_years(tmp_path: Path) -> None:
    period = {"start": "0001-01-01", "end": "9999-12-31"}
    path = write(tmp_path, "s.json", minimal_json(convention={"preset": "dijon-2022", "period": period}))

    error = error_of(path)

    assert error.path == f"{path}: convention.period"
    # 31 December 9999 is the day before the 9 999th anniversary of 1 January 1
    assert error.reason == "9999 programme years is more than the 100 accepted"


def test_a_bad_code_in_the_expect_table(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL + '[expect]\nunmet = ["regional_autorisation"]\n')

    error = error_of(path)

    assert error.path == f"{path}: expect.unmet[0]"
    assert "'regional_autorisation' is not one of" in error.reason


def test_a_bad_status_in_the_expect_table(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL + '[expect.contracts]\nA-01 = "paid"\n')

    assert error_of(path).path == f"{path}: expect.contracts['A-01'].status"


def test_a_bad_clause_in_covers(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", 'covers = ["C10"]\n' + MINIMAL)

    assert str(error_of(path)) == f"{path}: covers[0]: 'C10' is not a clause; expected C1 to C9"


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"

    assert str(error_of(path)) == f"{path}: no such file"


def test_a_folder_is_not_a_scenario(tmp_path: Path) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()

    assert str(error_of(folder)) == f"{folder}: is a folder, not a file"


@pytest.mark.parametrize("content", ["", "   \n\n", "\ufeff"])
def test_an_empty_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "s.toml", content)

    assert str(error_of(path)) == f"{path}: is empty"


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # a sparse file: no disk used

    assert str(error_of(path)) == f"{path}: is larger than 10 MB"


def test_a_scenario_that_is_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL.replace("minimal", "réduit").encode("latin-1"))

    error = error_of(path)

    assert error.path == f"{path}:1"
    assert error.reason.startswith("is not UTF-8 text (byte 0xe9)")


def test_an_unknown_suffix(tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", MINIMAL)

    assert str(error_of(path)) == f"{path}: expected a .toml or .json scenario file"


def test_a_path_that_is_not_a_path() -> None:
    with pytest.raises(InvalidInput, match="expected a file path"):
        load_scenario(12)  # type: ignore[arg-type]


def test_duplicate_contract_references(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL + CONTRACT + CONTRACT)

    assert str(error_of(path)) == f"{path}: contracts[1].reference: 'A-01' is used twice (also contracts[0])"


def test_duplicate_payment_references(tmp_path: Path) -> None:
    payment = {"reference": "P", "paid_on": "2022-12-01", "amount": 5}
    path = write(tmp_path, "s.json", minimal_json(payments=[payment, payment]))

    assert str(error_of(path)) == f"{path}: payments[1].reference: 'P' is used twice (also payments[0])"


def test_a_reference_both_inline_and_in_the_csv_file(tmp_path: Path) -> None:
    csv_path = write(tmp_path, "c.csv", HEADER + ROW)
    path = write(tmp_path, "s.toml", MINIMAL + 'contracts_csv = "c.csv"\n' + CONTRACT)

    assert str(error_of(path)) == f"{csv_path}:2: reference: 'A-01' is used twice (also contracts[0])"


def test_a_csv_file_named_by_a_scenario_but_missing(tmp_path: Path) -> None:
    path = write(tmp_path, "s.toml", MINIMAL + 'contracts_csv = "missing.csv"\n')

    assert str(error_of(path)) == f"{tmp_path / 'missing.csv'}: no such file"


# --- bad CSV input ------------------------------------------------------------------------------


def test_a_csv_file_with_a_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER.replace(";signed_on", "") + ROW.rsplit(";", 1)[0] + "\n")

    error = error_of(path, csv=True)

    assert error.path == f"{path}:1"
    assert error.reason.startswith("the column 'signed_on' is missing")


def test_a_csv_file_with_an_unknown_column(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER.replace("signed_on", "signed_date") + ROW)

    assert "'signed_date', is not a known column; did you mean 'signed_on'?" in str(error_of(path, csv=True))


def test_a_file_that_is_not_a_csv_export_does_not_have_its_first_line_shown(tmp_path: Path) -> None:
    secret = "root:x:0:0:root:/root:/bin/bash"
    path = write(tmp_path, "c.csv", secret + "\n")

    error = error_of(path, csv=True)

    assert error.reason.startswith("column 1 is not a known column")
    assert "/bin/bash" not in str(error)


def test_a_csv_file_with_a_missing_column_lists_the_columns_not_the_header(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", "reference;secret_value\nX;42\n")

    error = error_of(path, csv=True)

    # A header far from every column may be a line of a file that is not a CSV export: not repeated.
    assert "secret_value" not in error.reason
    assert error.reason.startswith("column 2 is not a known column; the columns are reference,")
    path = write(tmp_path, "d.csv", "reference\nX\n")
    assert "the columns are reference," in error_of(path, csv=True).reason


def test_a_scenario_cannot_name_a_csv_file_by_an_absolute_path(tmp_path: Path) -> None:
    path = write(tmp_path, "s.json", minimal_json(contracts_csv=str(tmp_path / "c.csv")))

    error = error_of(path)

    assert error.path.endswith("contracts_csv")
    assert "relative" in error.reason


def test_a_csv_file_with_a_column_twice(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER.strip() + ";sector\n" + ROW.strip() + ";santé\n")

    assert str(error_of(path, csv=True)) == f"{path}:1: the column 'sector' is given twice"


def test_an_impossible_french_date_names_the_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + ROW + ROW.replace("A-01", "A-02").replace("15/11/2022", "31/02/2023"))

    assert str(error_of(path, csv=True)) == f"{path}:3: signed_on: '31/02/2023' is not a day of the calendar"


def test_a_csv_date_in_another_form(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + ROW.replace("15/11/2022", "Nov 15, 2022"))

    assert str(error_of(path, csv=True)) == (
        f"{path}:2: signed_on: 'Nov 15, 2022' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"
    )


def test_a_bad_value_in_a_csv_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + ROW.replace("21231", "2123"))

    assert error_of(path, csv=True).path == f"{path}:2: head_office"


def test_an_empty_required_cell(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + ROW.replace("Alpha", " "))

    assert str(error_of(path, csv=True)) == f"{path}:2: startup: is empty"


def test_a_csv_row_with_too_few_fields(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + "A-01;Alpha\n")

    assert str(error_of(path, csv=True)) == f"{path}:2: has 2 fields where the header has 8"


def test_duplicate_references_in_a_csv_file(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + ROW + ROW)

    assert str(error_of(path, csv=True)) == f"{path}:3: reference: 'A-01' is used twice (also {path}:2)"


def test_a_csv_file_in_windows_1252_is_read_as_such(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", (HEADER + ROW.replace("Alpha", "Société")).encode("cp1252"))

    (contract,) = load_contracts_csv(path)

    assert contract.startup.name == "Société"


def test_a_csv_file_with_an_unclosed_quote(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + '"A-01;Alpha;21231;santé;;;;01/01/2023\n')

    assert "is not valid CSV" in str(error_of(path, csv=True))


def test_an_empty_csv_file(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", b"\xef\xbb\xbf\r\n")

    assert str(error_of(path, csv=True)) == f"{path}: is empty"


def test_a_csv_file_with_only_its_header_has_no_contracts(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER)

    assert load_contracts_csv(path) == ()
