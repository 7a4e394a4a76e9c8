"""Spreadsheets as they come: French Excel and LibreOffice exports, payments, every bad row at once, workbooks."""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules import Contract, InvalidInput, PropulseurRulesError, Sector, Startup, load_scenario
from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main
from propulseur_rules.files import load_contracts_csv, load_payments_csv, loads_scenario
from propulseur_rules.files._load_csv import contracts_from_file, payments_from_file
from propulseur_rules.files._spreadsheet_rows import MAX_REPORTED_ROWS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: A contracts sheet as Excel saves « CSV (séparateur : point-virgule) » on a French Windows:
#: Windows-1252, French headers and values, CRLF, and the empty columns a sheet drags along.
FRENCH_EXPORT = (
    "Référence;Raison sociale;Code INSEE;Secteur;SIREN;Date de candidature;Date de sélection;Date de signature;;\r\n"
    "PRO-1;Hydrogène Côte-d'Or;21231;Industrie;912 345 675;05/09/2022;12/10/2022;03/11/2022;;\r\n"
    "PRO-2;MedTrack Santé;21515;Santé;;01/10/2022;16/11/2022;01/12/2022;;\r\n"
    ";;;;;;;;;\r\n"
)
EXPECTED = (
    Contract(
        reference="PRO-1",
        startup=Startup(name="Hydrogène Côte-d'Or", head_office="21231", sector=Sector.INDUSTRY, siren="912345675"),
        applied_on=dt.date(2022, 9, 5),
        selected_on=dt.date(2022, 10, 12),
        signed_on=dt.date(2022, 11, 3),
    ),
    Contract(
        reference="PRO-2",
        startup=Startup(name="MedTrack Santé", head_office="21515", sector=Sector.HEALTH),
        applied_on=dt.date(2022, 10, 1),
        selected_on=dt.date(2022, 11, 16),
        signed_on=dt.date(2022, 12, 1),
    ),
)
FRENCH_PAYMENTS = "Référence;Date de versement;Montant;\nV-1;15/03/2023;50 000,00 €;\nV-2;10/01/2024;12\u00a0500,5;\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def error_of(function: object, path: Path) -> str:
    with pytest.raises(InvalidInput) as caught:
        function(path)  # type: ignore[operator]
    return str(caught.value)


# --- French exports ----------------------------------------------------------------------------


@pytest.mark.parametrize(("codec", "named"), [("cp1252", "Windows-1252"), ("utf-8-sig", "UTF-8"), ("utf-8", "UTF-8")])
def test_a_french_export_is_read_in_its_encoding(tmp_path: Path, codec: str, named: str) -> None:
    path = write(tmp_path, "contrats.csv", FRENCH_EXPORT.encode(codec))

    assert contracts_from_file(path) == (EXPECTED, named)
    assert load_contracts_csv(path) == EXPECTED


def test_a_byte_windows_1252_leaves_undefined_is_read_as_latin_1(tmp_path: Path) -> None:
    # 0x81 is not a character of Windows-1252; in Latin-1 it is the control U+0081, refused in a name.
    path = write(tmp_path, "c.csv", FRENCH_EXPORT.encode("cp1252").replace(b"MedTrack", b"Med\x81Track"))

    with pytest.raises(InvalidInput, match="Raison sociale: contains a control character"):
        contracts_from_file(path)
    path = write(tmp_path, "d.csv", FRENCH_EXPORT.encode("cp1252").replace(b"PRO-2", b"PRO-\xb2"))
    assert contracts_from_file(path)[1] == "Windows-1252"


def test_french_amounts_and_dates_in_a_payments_file(tmp_path: Path) -> None:
    path = write(tmp_path, "versements.csv", FRENCH_PAYMENTS)

    payments, encoding = payments_from_file(path)

    assert encoding == "UTF-8"
    assert [(payment.reference, payment.paid_on, payment.amount) for payment in payments] == [
        ("V-1", dt.date(2023, 3, 15), Decimal("50000.00")),
        ("V-2", dt.date(2024, 1, 10), Decimal("12500.50")),
    ]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("50000", "50000.00"),
        ("50000.5", "50000.50"),
        ("50.000,00", "50000.00"),
        ("50,000.00", "50000.00"),
        ("50\u202f000,00\u00a0€", "50000.00"),  # LibreOffice: narrow no-break space between thousands
    ],
)
def test_amounts_as_spreadsheets_write_them(tmp_path: Path, amount: str, expected: str) -> None:
    path = write(tmp_path, "p.csv", f'reference;paid_on;amount\nV-1;2023-03-15;"{amount}"\n')

    assert load_payments_csv(path)[0].amount == Decimal(expected)


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("12,345", None),  # 12.345: a tenth of a cent, refused by the payment
        ("cinquante", "'cinquante' is not an amount in euros (expected 50000.00 or 50 000,00)"),
        ("--50,00", "is not an amount in euros"),  # one minus sign makes a refund; two make no amount
        ("0,00", None),
    ],
)
def test_an_amount_that_is_not_one_names_its_line_and_column(tmp_path: Path, amount: str, message: str | None) -> None:
    path = write(tmp_path, "p.csv", f"référence;date;montant\nV-1;15/03/2023;{amount}\n")

    error = error_of(load_payments_csv, path)

    assert error.startswith(f"{path}:2: montant: ")
    if message is not None:
        assert message in error


# --- every bad row at once ----------------------------------------------------------------------------


def test_every_bad_row_is_reported_at_once_with_its_line_and_column(tmp_path: Path) -> None:
    rows = FRENCH_EXPORT.replace("03/11/2022", "31/11/2022").replace("Santé;;", "Agriculture;;")
    rows += "PRO-3;Gamma;21231;santé;;;;;;\r\n"
    path = write(tmp_path, "c.csv", rows)

    error = error_of(load_contracts_csv, path)

    assert error == (
        f"{path}: 3 rows are wrong: "
        "line 2: Date de signature: '31/11/2022' is not a day of the calendar; "
        "line 3: Secteur: 'Agriculture' is not a sector; expected one of industry, health, other; "
        "line 5: Date de signature: is empty"
    )


def test_past_the_limit_bad_rows_are_counted(tmp_path: Path) -> None:
    bad_rows = MAX_REPORTED_ROWS + 5
    path = write(
        tmp_path, "c.csv", "reference,startup,head_office,sector,signed_on\n" + "X,A,21231,industry,no\n" * bad_rows
    )

    error = error_of(load_contracts_csv, path)

    assert error.startswith(f"{path}: {bad_rows} rows are wrong: line 2: signed_on: 'no' is not a date")
    assert error.count("; line ") == MAX_REPORTED_ROWS - 1
    assert error.endswith("; and 5 more")


def test_one_bad_row_reads_as_before(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", FRENCH_EXPORT.replace("03/11/2022", "31/11/2022"))

    assert error_of(load_contracts_csv, path) == (
        f"{path}:2: Date de signature: '31/11/2022' is not a day of the calendar"
    )


def test_a_workbook_saved_with_a_csv_name_is_named_as_such(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", b"PK\x03\x04" + b"\x00" * 40)

    assert "is a workbook (.xlsx or .ods), not CSV text" in error_of(load_contracts_csv, path)


def test_a_scenario_names_a_french_export(tmp_path: Path) -> None:
    write(tmp_path, "contrats.csv", FRENCH_EXPORT.encode("cp1252"))
    text = 'name = "Two contracts."\nas_of = 2023-01-01\nconvention = "dijon-2022"\ncontracts_csv = "contrats.csv"\n'

    assert loads_scenario(text, "toml", base_dir=tmp_path).contracts == EXPECTED


# --- through the command line -------------------------------------------------------------------


def test_a_french_export_assesses_through_the_command_line_and_says_how_it_was_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contracts = write(tmp_path, "contrats.csv", FRENCH_EXPORT.encode("cp1252"))
    payments = write(tmp_path, "versements.csv", FRENCH_PAYMENTS.encode("cp1252"))
    argv = ["assess", "--contracts", str(contracts), "--payments", str(payments), "--lang", "fr"]

    status = main([*argv, "--as-of", "31/03/2023", "--authorised-on", "15/02/2023", "--format", "json"])

    data = json.loads(capsys.readouterr().out)
    assert status == EXIT_OK
    # On 31 March 2023: operating grant of year 1, 20 000, and two funded contracts, 2 × 15 000: 50 000.
    # Paid by then: V-1 only, 50 000; payable 50 000 − 50 000 = 0.
    assert (data["accrued"], data["paid"], data["payable"]) == ("50000.00", "50000.00", "0.00")
    assert data["inputs"]["contracts"] == {
        "source": "file",
        "file": str(contracts),
        "option": "--contracts",
        "encoding": "Windows-1252",
    }
    assert main([*argv, "--as-of", "31/03/2023", "--authorised-on", "15/02/2023"]) == EXIT_OK
    assert f"  Contrats        le fichier {contracts} (--contracts, lu en Windows-1252)\n" in capsys.readouterr().out


def test_a_csv_given_as_the_scenario_hints_at_contracts(capsys: pytest.CaptureFixture[str]) -> None:
    csv = str(EXAMPLES / "dijon-2022-contracts.csv")

    assert main(["assess", csv]) == EXIT_USAGE

    err = capsys.readouterr().err
    assert err == (
        f"propulseur-rules: error: {csv}: a spreadsheet of contracts or payments is not a scenario file; "
        f"give it with --contracts {csv} (or --payments)\n"
    )


# --- workbooks ------------------------------------------------------------------------------------


def test_without_openpyxl_a_workbook_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    path = write(tmp_path, "c.xlsx", b"PK\x03\x04")

    with pytest.raises(PropulseurRulesError, match=r"pip install 'propulseur-rules\[xlsx\]'"):
        contracts_from_file(path)


def test_the_example_export_reads_as_before() -> None:
    # The shipped export (UTF-8 with BOM, English headers, French sectors and dates) is unchanged.
    assert (
        load_contracts_csv(EXAMPLES / "dijon-2022-contracts.csv")
        == load_scenario(EXAMPLES / "dijon-2022.toml").contracts
    )


# --- French dates and amounts in scenario files -------------------------------------------------------


def test_a_scenario_may_write_dates_and_amounts_the_french_way() -> None:
    import jsonschema

    from propulseur_rules.files import schema_text

    french = {
        "name": "Written in France.",
        "as_of": "31/03/2025",
        "regional_authorisation_on": "15/02/2023",
        "convention": {
            "preset": "dijon-2022",
            "total_cap": "195 000,00 €",
            "period": {"start": "01/07/2022", "end": "30/06/2025"},
        },
        "payments": [{"reference": "V-1", "paid_on": "12/04/2023", "amount": "50\u202f000,50"}],
        "expect": {"paid": "50 000,50", "years": [{"index": 1, "operating_grant": "20 000,00"}]},
    }
    iso = {
        "name": "Written in France.",
        "as_of": "2025-03-31",
        "regional_authorisation_on": "2023-02-15",
        "convention": {"preset": "dijon-2022", "total_cap": "195000.00"},
        "payments": [{"reference": "V-1", "paid_on": "2023-04-12", "amount": "50000.50"}],
        "expect": {"paid": "50000.50", "years": [{"index": 1, "operating_grant": "20000.00"}]},
    }

    assert loads_scenario(json.dumps(french), "json") == loads_scenario(json.dumps(iso), "json")
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    assert validator.is_valid(french)
    assert not validator.is_valid({**french, "as_of": "31/03/25"})


def test_a_french_date_that_is_not_a_day_names_its_field() -> None:
    body = {"name": "x", "as_of": "31/02/2025", "convention": "dijon-2022"}

    with pytest.raises(InvalidInput) as caught:
        loads_scenario(json.dumps(body), "json")

    assert str(caught.value) == "as_of: '31/02/2025' is not a day of the calendar"
