"""``assess --format csv`` and ``--format xlsx``: spreadsheets in the reader's conventions, written whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from propulseur_rules import DIJON_2022, Contract, Sector, Startup, assess
from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main
from propulseur_rules.example import EXAMPLE_AS_OF, EXAMPLE_CONTRACTS
from propulseur_rules.reports import _export
from propulseur_rules.rules._extras import MissingExtra

# The built-in example on 31 March 2025 (README): three operating grants 3 × 20 000 = 60 000 and seven
# funded contracts 7 × 15 000 = 105 000 accrue 165 000; 50 000 + 60 000 = 110 000 were paid; nothing is
# withheld once the authorisation is validated. Under the assumed financing terms, the half of year 3's
# operating grant beyond the advance, 20 000 − 50 % × 20 000 = 10 000, waits for year 2's financial
# statement, and the balance 20 % × 165 000 = 33 000 is held: 165 000 − 10 000 − 33 000 − 110 000 = 12 000.
ACCRUED = Decimal(3 * 20_000 + 7 * 15_000)
PAID = Decimal(110_000)
AWAITING = Decimal(20_000 - 20_000 // 2)
BALANCE_HELD = ACCRUED * Decimal("0.20")
PAYABLE = ACCRUED - AWAITING - BALANCE_HELD - PAID


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    status = main(list(argv))
    captured = capsysbinary.readouterr()
    return status, captured.out, captured.err.decode("utf-8")


def test_csv_in_french_opens_in_a_french_excel(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "assess", "--format", "csv", "--lang", "fr")

    assert (status, err) == (EXIT_OK, "")
    assert out.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline=""), delimiter=";"))
    header = [
        "référence",
        "startup",
        "statut",
        "année du programme",
        "subvention",
        "acquise le",
        "conditions non remplies",
        "avertissements",
    ]
    assert rows[0] == header
    contracts = rows[1 : rows.index([])]
    assert [row[0] for row in contracts] == [contract.reference for contract in EXAMPLE_CONTRACTS]
    assert [row[1] for row in contracts] == [contract.startup.name for contract in EXAMPLE_CONTRACTS]
    funded = [row for row in contracts if row[2] == "financé"]
    assert len(funded) == 7
    assert {row[4] for row in funded} == {"15000,00"}
    for row in funded:  # dd/mm/yyyy, a day on or before the date of the assessment
        assert dt.datetime.strptime(row[5], "%d/%m/%Y").date() <= EXAMPLE_AS_OF
    after = rows[rows.index([]) + 2 :]
    figures = dict(after[: after.index([])])  # the assumptions and sources follow
    assert figures["acquis"] == f"{ACCRUED:.2f}".replace(".", ",")
    assert figures["déjà versé"] == "110000,00"
    assert figures["en attente de pièces"] == "10000,00"
    assert figures["solde retenu"] == "33000,00"
    assert figures["à verser"] == f"{PAYABLE:.2f}".replace(".", ",")


def test_csv_in_english_uses_commas_and_iso_dates(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, _ = run(capsysbinary, "assess", "--format", "csv")

    assert status == EXIT_OK
    assert not out.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.decode("utf-8"), newline="")))
    assert rows[0] == ["reference", "startup", "status", "programme_year", "grant", "accrues_on", "unmet", "warnings"]
    first = rows[1]
    assert first[0] == EXAMPLE_CONTRACTS[0].reference
    assert first[1] == EXAMPLE_CONTRACTS[0].startup.name
    assert dt.date.fromisoformat(first[5]) <= EXAMPLE_AS_OF
    after = rows[rows.index([]) + 2 :]
    figures = dict(after[: after.index([])])  # the assumptions and sources follow
    assert figures == {
        "accrued": "165000.00",
        "withheld": "0.00",
        "releasable": "165000.00",
        "awaiting_documents": f"{AWAITING:.2f}",
        "balance_held": f"{BALANCE_HELD:.2f}",
        "time_barred": "0.00",
        "paid": "110000.00",
        "payable": f"{PAYABLE:.2f}",
        "excess_paid": "0.00",
    }


def test_xlsx_has_one_table_per_sheet_with_typed_cells(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    target = tmp_path / "évaluation.xlsx"
    status, out, err = run(capsysbinary, "assess", "--format", "xlsx", "--output", str(target), "--lang", "fr")

    assert (status, out, err) == (EXIT_OK, b"", "")
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == [
        "évaluation",
        "contrats",
        "conditions non remplies",
        "exercices",
        "Hypothèses et sources",
    ]
    contracts = workbook["contrats"]
    assert contracts["A2"].value == EXAMPLE_CONTRACTS[0].reference
    assert contracts["B2"].value == EXAMPLE_CONTRACTS[0].startup.name
    assert contracts["D2"].value == 1
    assert isinstance(contracts["E2"].value, (int, float))
    assert contracts["E2"].value == 15_000
    assert contracts["E2"].number_format == '#,##0.00\\ "€"'  # shown « 15 000,00 € » by a French spreadsheet
    assert isinstance(contracts["F2"].value, dt.datetime)  # a date cell, as openpyxl reads one back
    assert contracts["F2"].number_format == "DD/MM/YYYY"
    figures = {row[0]: row[1] for row in workbook["évaluation"].iter_rows(min_row=2, values_only=True)}
    assert figures["acquis"] == ACCRUED
    assert (figures["en attente de pièces"], figures["solde retenu"]) == (AWAITING, BALANCE_HELD)
    assert figures["à verser"] == PAYABLE
    # The budget years add up to what accrued: 2022 to 2025 (C1, C2).
    years = list(workbook["exercices"].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in years] == [2022, 2023, 2024, 2025]
    assert sum(Decimal(str(row[1])) for row in years) == ACCRUED
    assert [p.name for p in tmp_path.iterdir()] == ["évaluation.xlsx"]  # no temporary file left


def test_each_sheet_is_laid_out_for_a_person(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    target = tmp_path / "assessment.xlsx"
    assert run(capsysbinary, "assess", "--format", "xlsx", "--output", str(target))[0] == EXIT_OK

    workbook = openpyxl.load_workbook(target)
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert sheet.auto_filter.ref == sheet.dimensions, sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
    contracts = workbook["contracts"]
    # Each column is wider than its widest cell as shown: « €15,000.00 » is 10 characters, a day 10.
    widths = {letter: contracts.column_dimensions[letter].width for letter in "ABCDEFG"}
    assert widths["E"] > len("€15,000.00")
    assert widths["F"] > len("2025-03-31")
    assert widths["A"] > max(len(contract.reference) for contract in EXAMPLE_CONTRACTS)
    assert widths["B"] > max(len(contract.startup.name) for contract in EXAMPLE_CONTRACTS)
    assert contracts["E2"].number_format == "#,##0.00"
    unmet = list(workbook["unmet"].iter_rows(values_only=True))
    assert unmet[0] == ("contract", "condition", "clause", "amount")
    # PRO-2023-05's startup is in Beaune, outside the métropole (C6): its 15 000 € is at stake.
    assert ("PRO-2023-05", "head_office_in_territory", "C6", 15_000) in unmet


def test_xlsx_needs_an_output_file(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "assess", "--format", "xlsx")

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.count("\n") == 1
    assert "--output" in err


def test_without_openpyxl_xlsx_names_the_extra_and_writes_nothing(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(module: str, extra: str, feature: str) -> object:
        raise MissingExtra(feature, module, extra)

    monkeypatch.setattr(_export, "require", missing)
    target = tmp_path / "out.xlsx"
    status, _, err = run(capsysbinary, "assess", "--format", "xlsx", "--output", str(target))

    assert status == EXIT_USAGE
    assert err.count("\n") == 1
    assert "propulseur-rules[xlsx]" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("format", ["csv", "xlsx", "ods", "text", "json"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str
) -> None:
    target = tmp_path / "report.out"
    target.write_bytes(b"the previous report")

    def refuse(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    status, out, err = run(capsysbinary, "assess", "--format", format, "--output", str(target))

    # CSV files are one per table, after the prefix given: the first one names the failure.
    written = tmp_path / "report.out-assessment.csv" if format == "csv" else target
    assert (status, out) == (EXIT_USAGE, b"")
    assert err == f"propulseur-rules: error: {written}: cannot be written: No space left on device\n"
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.out"]


def test_a_folder_that_does_not_exist_is_one_line(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.csv"
    status, _, err = run(capsysbinary, "assess", "--format", "csv", "--output", str(target))

    assert status == EXIT_USAGE
    assert err.startswith(f"propulseur-rules: error: {tmp_path / 'nowhere' / 'out-assessment.csv'}: cannot be written")
    assert err.count("\n") == 1
    assert not target.parent.exists()


def test_a_folder_is_made_for_the_csv_files_in_a_folder_that_exists(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    status, _, err = run(capsysbinary, "assess", "--format", "csv", "--output", f"{tmp_path}/new/")
    assert (status, err) == (EXIT_OK, "")
    assert (tmp_path / "new" / "contracts.csv").exists()

    status, _, err = run(capsysbinary, "assess", "--format", "csv", "--output", f"{tmp_path}/none/new/")
    assert status == EXIT_USAGE
    assert err == f"propulseur-rules: error: {tmp_path}/none/new/: cannot be written: No such file or directory\n"
    assert not (tmp_path / "none").exists()


@pytest.mark.parametrize(("output", "folder"), [("out/", True), ("out", False), ("out.csv", False)])
def test_csv_files_one_per_table_in_a_folder_or_after_a_prefix(
    capsysbinary: pytest.CaptureFixture[bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    output: str,
    folder: bool,
) -> None:
    monkeypatch.chdir(tmp_path)
    if folder:
        (tmp_path / "out").mkdir()
    status, out, err = run(capsysbinary, "assess", "--format", "csv", "--output", output, "--lang", "fr")

    assert (status, out, err) == (EXIT_OK, b"", "")
    names = ["assessment", "contracts", "unmet", "budget_years", "sources"]
    paths = [tmp_path / "out" / f"{name}.csv" if folder else tmp_path / f"out-{name}.csv" for name in names]
    assert all(path.exists() for path in paths)
    tables = [list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline=""), delimiter=";")) for path in paths]
    assert all([] not in table for table in tables)  # one table per file
    figures = dict(tables[0][1:])
    assert figures["acquis"] == f"{ACCRUED:.2f}".replace(".", ",")
    assert figures["à verser"] == f"{PAYABLE:.2f}".replace(".", ",")
    assert [row[0] for row in tables[1][1:]] == [contract.reference for contract in EXAMPLE_CONTRACTS]
    assert tables[3][0][0] == "exercice"
    assert sum(Decimal(row[1].replace(",", ".")) for row in tables[3][1:]) == ACCRUED


def test_a_text_report_goes_to_the_output_file(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    status, out, _ = run(capsysbinary, "assess", "--format", "markdown", "--output", str(target), "--lang", "fr")

    assert (status, out) == (EXIT_OK, b"")
    assert "Données d'entrée" in target.read_text("utf-8")


def test_the_budget_years_as_a_workbook_say_which_year_counts(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    target = tmp_path / "exercices.xlsx"
    status, out, _ = run(
        capsysbinary, "assess", "--by", "budget-year", "--format", "xlsx", "--output", str(target), "--lang", "fr"
    )

    assert (status, out) == (EXIT_OK, b"")
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["exercices", "montants", "Hypothèses et sources"]
    years = list(book["exercices"].iter_rows(values_only=True))
    assert years[0] == (
        "exercice",
        "acquis dans l'exercice",
        "dont retenu à ce jour",
        "dont versable à ce jour",
        "versé dans l'exercice",
        "devenu versable dans l'exercice",
    )
    # 2024: PRO-2024-10 (14 February) and PRO-2024-11 (8 October), 2 × 15 000, and year 3's operating grant
    # (1 July), 20 000, accrue, each releasable on its day (authorised since 15 February 2023); 60 000 was
    # paid on 28 March 2024.
    assert years[3] == (2024, 2 * 15_000 + 20_000, 0, 2 * 15_000 + 20_000, 60_000, 2 * 15_000 + 20_000)
    # 2022: 20 000 + 2 × 15 000 accrued, none of it releasable before the authorisation of 2023 (C4).
    assert (years[1][0], years[1][5]) == (2022, 0)
    assert book["exercices"].cell(row=4, column=2).number_format == '#,##0.00\\ "€"'
    figures = {label: Decimal(str(amount)) for label, amount in book["montants"].iter_rows(min_row=2, values_only=True)}
    assert (figures["acquis"], figures["à verser"]) == (ACCRUED, PAYABLE)


def test_a_french_csv_names_the_status_and_the_unmet_conditions_in_french() -> None:
    # C5: a startup whose head office is in Paris (INSEE 75056) is not on the territory of the métropole,
    # and with no wish to join (C6) nor selection by the committee (C6) recorded, the contract is ineligible.
    startup = Startup(name="Loin", head_office="75056", sector=Sector.INDUSTRY)
    contract = Contract(reference="P-1", startup=startup, signed_on="2023-03-01")
    assessment = assess(DIJON_2022, [contract], as_of=dt.date(2023, 7, 1))

    french = list(csv.reader(io.StringIO(_export.assessment_csv(assessment, "fr").decode("utf-8-sig")), delimiter=";"))
    english = list(csv.reader(io.StringIO(_export.assessment_csv(assessment, "en").decode("utf-8"))))

    assert french[1][:3] == [*english[1][:2], "inéligible"] == ["P-1", "Loin", "inéligible"]
    # Each condition worded as the contract fails it.
    assert french[1][6] == (
        "siège social hors du territoire, souhait de la startup non exprimé avant sa sélection, "
        "non sélectionné par le comité avant la signature"
    )
    assert english[1][2] == "ineligible"
    assert english[1][6] == "head_office_in_territory, startup_applied, selected_by_committee"
