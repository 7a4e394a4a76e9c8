"""An OpenDocument cell's number read as the decimal text the file stores (no float on the way), and the
frames of ``planning`` read from ``.ods`` workbooks as from ``.xlsx`` ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from test_ods_sheets import HEADER, spreadsheet, table

from propulseur_rules.files._load_csv import payments_read
from propulseur_rules.files._sheet_grid import _ods_value
from propulseur_rules.planning import read_contracts, read_documents, read_payments


def number_cell(value: str | None, text: str) -> Any:
    from odf.table import TableCell
    from odf.text import P

    made = TableCell(valuetype="currency") if value is None else TableCell(valuetype="currency", value=value)
    made.addElement(P(text=text))
    return made


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        # A float would write 1.2345678901234568e+16: the digits past the 17th are lost, and an exponent appears.
        ("12345678901234567.89", "12345678901234567.89"),
        ("0.0000001", "0.0000001"),  # a float writes 1e-07
        ("123456789.01", "123456789.01"),
        ("21231", "21231"),
        ("21231.0", "21231"),  # a whole number as the CSV export writes it
    ],
)
def test_a_number_cell_is_its_stored_decimal_text(stored: str, expected: str) -> None:
    # Failed before: the value went through float(), so the first two came back as 1.2345678901234568e+16 and 1e-07.
    assert _ods_value(number_cell(stored, "formatted")) == expected


def test_a_number_cell_without_its_value_is_read_as_its_text() -> None:
    # Failed before: float(None) raised TypeError out of the reader.
    assert _ods_value(number_cell(None, "1 250,50 €")) == "1 250,50 €"


def test_payments_of_an_ods_file_keep_every_cent(tmp_path: Path) -> None:
    rows: list[list[object]] = [["Référence", "Date de versement", "Montant"]]
    path = spreadsheet(tmp_path / "versements.ods", table("Versements", rows), active="Versements")
    # Two payments whose amounts are a sum of tenths and a large amount, stored as LibreOffice stores them.
    from odf.opendocument import load
    from odf.table import TableCell, TableRow
    from odf.text import P

    document = load(str(path))
    sheet = document.spreadsheet.childNodes[0]
    empty = sheet.childNodes[-1]
    for reference, amount in (("V-1", "0.3"), ("V-2", "123456789.01")):
        row = TableRow()
        for text in (reference, "15/03/2023"):
            made = TableCell(valuetype="string")
            made.addElement(P(text=text))
            row.addElement(made)
        row.addElement(number_cell(amount, amount.replace(".", ",")))
        sheet.insertBefore(row, empty)
    document.save(str(path))

    payments, _ = payments_read(path)

    # 0.1 + 0.2 is 0.3 € exactly, and 123 456 789.01 € keeps its cent.
    assert [payment.amount for payment in payments] == [Decimal("0.1") + Decimal("0.2"), Decimal("123456789.01")]


def test_the_planning_frames_read_ods_workbooks(tmp_path: Path) -> None:
    # Failed before: a file not named .xlsx was read as CSV text, and an .ods file is a zip archive.
    contracts = table("Contrats", [HEADER, ["P-1", "Hydrolis", 21231, "Industrie", "X-17", dt.date(2022, 11, 3)]])
    payments = table("Versements", [["Référence", "Date de versement", "Montant"], ["V-1", "15/03/2023", 12500.5]])
    documents = table("Pièces", [["Pièce", "Reçue le", "Concerne"], ["rapport annuel", "01/07/2023", "1"]])

    contracts_frame = read_contracts(spreadsheet(tmp_path / "c.ods", contracts, active="Contrats"))
    payments_frame = read_payments(spreadsheet(tmp_path / "p.ods", payments, active="Versements"))
    documents_frame = read_documents(spreadsheet(tmp_path / "d.ods", documents, active="Pièces"))

    assert contracts_frame["reference"].tolist() == ["P-1"]
    assert contracts_frame["head_office"].tolist() == ["21231"]
    # 12 500.50 € in integer cents: 12 500 × 100 + 50.
    assert payments_frame["amount_cents"].tolist() == [12500 * 100 + 50]
    assert documents_frame["kind"].tolist() == ["financial_statement"]  # « rapport annuel », C6
    assert documents_frame["covers"].tolist() == [1]  # programme year 1
