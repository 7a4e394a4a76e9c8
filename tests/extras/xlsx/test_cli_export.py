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
    assert rows[0] == ["reference", "startup", "status", "programme_year", "grant", "accrues_on", "unmet"]
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
        "paid": "110000.00",
        "payable": f"{PAYABLE:.2f}",
        "excess_paid": "0.00",
    }


def test_xlsx_has_typed_cells(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    target = tmp_path / "évaluation.xlsx"
    status, out, err = run(capsysbinary, "assess", "--format", "xlsx", "--output", str(target), "--lang", "fr")

    assert (status, out, err) == (EXIT_OK, b"", "")
    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames == ["contrats", "montants", "Hypothèses et sources"]
    contracts = workbook["contrats"]
    assert contracts["A2"].value == EXAMPLE_CONTRACTS[0].reference
    assert contracts["B2"].value == EXAMPLE_CONTRACTS[0].startup.name
    assert contracts["D2"].value == 1
    assert isinstance(contracts["E2"].value, (int, float))
    assert contracts["E2"].value == 15_000
    assert isinstance(contracts["F2"].value, dt.datetime)  # a date cell, as openpyxl reads one back
    assert contracts["F2"].number_format == "DD/MM/YYYY"
    figures = {row[0]: row[1] for row in workbook["montants"].iter_rows(min_row=2, values_only=True)}
    assert figures["acquis"] == ACCRUED
    assert (figures["en attente de pièces"], figures["solde retenu"]) == (AWAITING, BALANCE_HELD)
    assert figures["à verser"] == PAYABLE
    assert [p.name for p in tmp_path.iterdir()] == ["évaluation.xlsx"]  # no temporary file left


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


@pytest.mark.parametrize("format", ["csv", "xlsx", "text", "json"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format: str
) -> None:
    target = tmp_path / "report.out"
    target.write_bytes(b"the previous report")

    def refuse(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    status, out, err = run(capsysbinary, "assess", "--format", format, "--output", str(target))

    assert (status, out) == (EXIT_USAGE, b"")
    assert err == f"propulseur-rules: error: {target}: cannot be written: No space left on device\n"
    assert target.read_bytes() == b"the previous report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.out"]


def test_a_folder_that_does_not_exist_is_one_line(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "out.csv"
    status, _, err = run(capsysbinary, "assess", "--format", "csv", "--output", str(target))

    assert status == EXIT_USAGE
    assert err.startswith(f"propulseur-rules: error: {target}: cannot be written")
    assert err.count("\n") == 1
    assert not target.parent.exists()


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
    assert book["exercices"].cell(row=4, column=2).number_format == "#,##0.00"
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
