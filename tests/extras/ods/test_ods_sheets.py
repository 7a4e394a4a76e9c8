"""OpenDocument spreadsheets (the ods extra, odfpy), built as LibreOffice saves them: a merged title, a hidden
column, the empty rows it repeats to the end of the sheet, two sheets with the active one second."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.cli import EXIT_OK, main
from propulseur_rules.files._load_csv import contracts_read, payments_read
from propulseur_rules.files._spreadsheet_documents import documents_read


def cell(value: object) -> Any:
    from odf.table import TableCell
    from odf.text import P

    if value is None:
        return TableCell()
    if isinstance(value, dt.date):
        return TableCell(valuetype="date", datevalue=value.isoformat())
    if isinstance(value, int | float):
        made = TableCell(valuetype="float", value=str(value))
        made.addElement(P(text=f"{value:,}".replace(",", "\u202f").replace(".", ",")))
        return made
    made = TableCell(valuetype="string")
    made.addElement(P(text=str(value)))
    return made


def table(name: str, rows: list[list[object]], *, title: str | None = None, hidden: int | None = None) -> Any:
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow
    from odf.text import P

    sheet = Table(name=name)
    for position in range(8):
        sheet.addElement(TableColumn(visibility="collapse") if position == hidden else TableColumn())
    if title is not None:
        row = TableRow()
        merged = TableCell(valuetype="string", numbercolumnsspanned="7")
        merged.addElement(P(text=title))
        row.addElement(merged)
        row.addElement(CoveredTableCell(numbercolumnsrepeated="6"))
        sheet.addElement(row)
        sheet.addElement(TableRow())  # the blank row below the title
    for values in rows:
        row = TableRow()
        for value in values:
            row.addElement(cell(value))
        row.addElement(TableCell(numbercolumnsrepeated="1016"))  # LibreOffice repeats the empty cells to the edge
        sheet.addElement(row)
    empty = TableRow(numberrowsrepeated="1048500")
    empty.addElement(TableCell(numbercolumnsrepeated="1024"))
    sheet.addElement(empty)
    return sheet


def spreadsheet(path: Path, *sheets: Any, active: str) -> Path:
    from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemSet
    from odf.opendocument import OpenDocumentSpreadsheet

    document = OpenDocumentSpreadsheet()
    for sheet in sheets:
        document.spreadsheet.addElement(sheet)
    settings = ConfigItemSet(name="ooo:view-settings")
    views = ConfigItemMapIndexed(name="Views")
    entry = ConfigItemMapEntry()
    item = ConfigItem(name="ActiveTable", type="string")
    item.addText(active)
    entry.addElement(item)
    views.addElement(entry)
    settings.addElement(views)
    document.settings.addElement(settings)
    document.save(str(path))
    return path


HEADER: list[object] = ["Référence", "Raison sociale", "Code INSEE", "Secteur", "Code interne", "Date de signature"]


def office_spreadsheet(path: Path) -> Path:
    contracts = table(
        "Contrats",
        [
            HEADER,
            ["P-1", "Hydrolis", 21231, "Industrie", "X-17", dt.date(2022, 11, 3)],
            ["P-2", "MedTrack   Santé", 21515, "Santé", "X-18", "01/12/2022"],
            ["TOTAL", "2 contrats"],
        ],
        title="Suivi des contrats ProPulseur",
        hidden=4,
    )
    return spreadsheet(path, table("Notes", [["Tenu par le service des finances"]]), contracts, active="Contrats")


def test_the_active_sheet_of_an_ods_file_is_read_as_its_csv_export_would_be(tmp_path: Path) -> None:
    path = office_spreadsheet(tmp_path / "suivi.ods")

    contracts, read = contracts_read(path)

    assert [(contract.reference, contract.startup.head_office, contract.signed_on) for contract in contracts] == [
        ("P-1", "21231", dt.date(2022, 11, 3)),
        ("P-2", "21515", dt.date(2022, 12, 1)),
    ]
    assert (read.how, read.sheet) == ("ods", "Contrats")
    where = f"{path}[Contrats]"
    # The hidden column E (« Code interne ») names no column: left out without a word.
    assert [notice.said("en") for notice in read.notices] == [
        f"{where}: the header was read on row 3; the rows above it (a title) were not read",
        f"{where}: totals left out: row 6 (« TOTAL »)",
    ]


def test_another_sheet_is_read_when_named(tmp_path: Path) -> None:
    payments = table("Versements", [["Référence", "Date de versement", "Montant"], ["V-1", "15/03/2023", 12500.5]])
    path = spreadsheet(tmp_path / "suivi.ods", table("Contrats", [HEADER]), payments, active="Contrats")

    read, how = payments_read(path, sheet="Versements")

    assert [(payment.reference, payment.amount) for payment in read] == [("V-1", Decimal("12500.50"))]
    assert how.sheet == "Versements"


def test_a_bad_cell_of_an_ods_file_names_its_sheet_row_and_header(tmp_path: Path) -> None:
    documents = table("Pièces", [["Pièce", "Reçue le", "Objet"], ["Copie du contrat", "31/02/2023", "P-1"]])
    path = spreadsheet(tmp_path / "pieces.ods", documents, active="Pièces")

    with pytest.raises(InvalidInput) as caught:
        documents_read(path)

    assert str(caught.value) == f"{path}[Pièces]:2: Reçue le: '31/02/2023' is not a day of the calendar"


@pytest.mark.parametrize("content", [b"PK\x03\x04garbage", b"not a zip at all"])
def test_a_damaged_ods_file_is_invalid_input(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "c.ods"
    path.write_bytes(content)

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    assert str(caught.value) == f"{path}: is not a workbook (.xlsx or .ods) that can be read"


def test_an_ods_file_assesses_through_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = office_spreadsheet(tmp_path / "suivi.ods")

    facts = ["--as-of", "2023-01-01", "--not-authorised", "--no-payments"]
    status = main(["assess", "--contracts", str(path), *facts, "--format", "json"])

    captured = capsys.readouterr()
    assert status == EXIT_OK
    data = json.loads(captured.out)
    assert [contract["reference"] for contract in data["contracts"]] == ["P-1", "P-2"]
    assert data["inputs"]["contracts"] == {
        "source": "file",
        "file": str(path),
        "option": "--contracts",
        "sheet": "Contrats",
    }
    assert "the header was read on row 3" in captured.err


def test_a_row_repeated_past_the_limit_is_refused_without_being_spread(tmp_path: Path) -> None:
    from odf.table import TableRow

    sheet = table("Contrats", [HEADER])
    repeated = TableRow(numberrowsrepeated="1000000")
    repeated.addElement(cell("P-1"))
    sheet.addElement(repeated)
    path = spreadsheet(tmp_path / "c.ods", sheet, active="Contrats")

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    assert str(caught.value) == f"{path}[Contrats]: has more than 100000 rows"
