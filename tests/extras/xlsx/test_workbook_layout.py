"""Workbooks as offices make them (the xlsx extra): a merged title, a blank row, a hidden column, a TOTAL row, two
sheets with the active one second; ``--sheet``; the sheet named in every error."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main
from propulseur_rules.files._load_csv import contracts_read, payments_read


def office_workbook(path: Path, *, bad_date: bool = False) -> Path:
    """A notes sheet first, then « Contrats », active: a merged title, a blank row, the header on row 3, an
    internal column hidden (E), a comment column (G), two contracts and a TOTAL row."""
    import openpyxl  # installed with the test extra: a missing one fails the test, never skips it

    book = openpyxl.Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "Notes"
    notes.append(["Tableau tenu par le service des finances"])
    sheet = book.create_sheet("Contrats")
    sheet.append(["Suivi des contrats ProPulseur 2022-2025"])
    sheet.merge_cells("A1:G1")
    sheet.append([])
    sheet.append(
        ["Référence", "Raison sociale", "Code INSEE", "Secteur", "Code interne", "Date de signature", "Commentaire"]
    )
    signed = "31/02/2023" if bad_date else dt.datetime(2022, 12, 1)
    sheet.append(["P-1", "Hydrolis", 21231, "Industrie", "X-17", dt.datetime(2022, 11, 3), "dossier complet"])
    sheet.append(["P-2", "MedTrack", 21515, "Santé", "X-18", signed, None])
    sheet.append(["TOTAL", "2 contrats"])
    sheet.column_dimensions["E"].hidden = True
    book.active = 1
    book.save(path)
    return path


def test_the_active_sheet_is_read_below_its_title_its_own_columns_and_total_left_out(tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "suivi.xlsx")

    contracts, read = contracts_read(path)

    assert [(contract.reference, contract.signed_on) for contract in contracts] == [
        ("P-1", dt.date(2022, 11, 3)),
        ("P-2", dt.date(2022, 12, 1)),
    ]
    assert (read.how, read.sheet) == ("xlsx", "Contrats")
    where = f"{path}[Contrats]"
    # The hidden column E is no known column: left out without a word; « Commentaire » (G) is named.
    assert [notice.said("en") for notice in read.notices] == [
        f"{where}: the header was read on row 3; the rows above it (a title) were not read",
        f"{where}: columns left out, as they name none of the columns read: « Commentaire » (G)",
        f"{where}: totals left out: row 6 (« TOTAL »)",
    ]


def test_a_bad_cell_names_the_sheet_the_row_and_the_header(tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "suivi.xlsx", bad_date=True)

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    assert caught.value.message("fr") == (
        f"{path}[Contrats]:5: Date de signature: '31/02/2023' n'est pas un jour du calendrier"
    )


def test_another_sheet_is_read_when_named_and_an_unknown_one_lists_the_sheets(tmp_path: Path) -> None:
    path = office_workbook(tmp_path / "suivi.xlsx")

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path, sheet="Versements")
    assert str(caught.value) == f"{path}: has no sheet 'Versements'; its sheets are 'Notes', 'Contrats'"

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path, sheet="Notes")
    # The notes sheet names no column: read from its first row, as a CSV file always was.
    assert caught.value.path == f"{path}[Notes]:1"


def test_a_hidden_column_of_the_table_and_hidden_rows_are_read_and_said(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Versements"
    for row in (
        ["Référence", "Date de versement", "Montant"],
        ["V-1", dt.datetime(2023, 3, 15), 20000],
        ["V-2", dt.datetime(2024, 1, 10), 5000.5],
        # A total is typed as a number here: openpyxl writes no cached value for a formula.
        ["TOTAL", None, 25000.5],
    ):
        sheet.append(row)
    sheet.column_dimensions["B"].hidden = True
    sheet.row_dimensions[3].hidden = True
    path = tmp_path / "versements.xlsx"
    book.save(path)

    payments, read = payments_read(path)

    # 20 000 + 5 000,50 = 25 000,50: the total is the sum of the two rows, the hidden one included.
    assert [(payment.reference, payment.amount) for payment in payments] == [
        ("V-1", Decimal("20000.00")),
        ("V-2", Decimal("5000.50")),
    ]
    assert [notice.said("en") for notice in read.notices] == [
        f"{path}[Versements]: columns the sheet hides, read as an export of the sheet holds them: "
        "« Date de versement » (B)",
        f"{path}[Versements]: rows the sheet hides, read as an export of the sheet holds them: 3",
        f"{path}[Versements]: totals left out, each the sum of the rows above it: row 4 (« TOTAL »)",
    ]


def test_the_command_line_reads_the_sheet_named_and_reports_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = office_workbook(tmp_path / "suivi.xlsx")
    options = ["--as-of", "2023-01-01", "--not-authorised", "--no-payments", "--format", "json"]

    status = main(["assess", "--contracts", str(path), "--sheet", "Contrats", *options])

    captured = capsys.readouterr()
    assert status == EXIT_OK
    assert json.loads(captured.out)["inputs"]["contracts"]["sheet"] == "Contrats"
    assert captured.err.count("\n") == 3
    status = main(["assess", "--contracts", str(path), "--sheet", "Feuil1", *options])
    captured = capsys.readouterr()
    assert (status, captured.out) == (EXIT_USAGE, "")
    assert (
        captured.err == f"propulseur-rules: error: {path}: has no sheet 'Feuil1'; its sheets are 'Notes', 'Contrats'\n"
    )
