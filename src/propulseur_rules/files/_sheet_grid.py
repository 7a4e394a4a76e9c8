"""The cells of one sheet as text, with the rows and columns the sheet hides: from CSV text, ``.xlsx`` or ``.ods``.

A workbook's sheet is the one named (``--sheet``) or else the one the workbook
opens on (its active sheet); it is named in every error (``suivi.xlsx[Contrats]:4``).
Each cell is written as a CSV export would write it: a date cell as
``YYYY-MM-DD``, the number 21231.0 as ``21231``. ``.xlsx`` needs the ``xlsx``
extra (openpyxl), ``.ods`` the ``ods`` extra (odfpy, the library pandas reads
OpenDocument with).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import attrs

from ..rules._extras import require
from ..words._errors import Worded
from ._load_files import _FileError, _read_bytes

__all__ = ["MAX_SHEET_ROWS", "Cells", "Grid", "cell_text", "csv_grid", "ods_grid", "xlsx_grid"]

#: A number stored with more digits than this before or after its point is left to the cell's text.
_MAX_DIGITS = 40
#: At most this many rows are read from a sheet.
MAX_SHEET_ROWS = 100_000

#: The cells of one row, as text.
Cells = list[str]


@attrs.frozen(kw_only=True)
class Grid:
    """The rows of one sheet with their numbers, the header first; the 0-based columns and the rows it hides."""

    shown: str
    lines: tuple[tuple[int, Cells], ...]
    sheet: str | None = None
    hidden_columns: frozenset[int] = frozenset()
    hidden_rows: frozenset[int] = frozenset()


def csv_lines(text: str, shown: str) -> Iterator[tuple[int, Cells]]:
    """The rows of a CSV text with their line numbers.

    The delimiter is the one of ``;`` and ``,`` the first lines hold more of: a
    title above the header may hold neither.
    """
    head = text.split("\n", 20)[:20]
    delimiter = ";" if sum(line.count(";") for line in head) > sum(line.count(",") for line in head) else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        raise _FileError(f"{shown}:{reader.line_num}", "error.bad_csv", detail=str(error)) from None


def csv_grid(text: str, shown: str) -> Grid:
    """The rows of a CSV text: a CSV export hides nothing."""
    return Grid(shown=shown, lines=tuple(csv_lines(text, shown)))


def cell_text(value: object) -> str:
    """A cell as the text a CSV export would hold: a date cell as ``YYYY-MM-DD``, 21231.0 as ``21231``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # A time of day is kept, for the date's reader to refuse: the rules count days.
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _sheet_shown(shown: str, sheet: str) -> str:
    return f"{shown}[{sheet}]"


def _chosen(names: list[str], active: str, sheet: str | None, shown: str) -> str:
    """The sheet named, which the workbook must have, or else the one it opens on."""
    if sheet is None:
        return active
    if sheet not in names:
        raise _FileError(shown, "error.no_such_sheet", sheet=repr(sheet), sheets=", ".join(map(repr, names)))
    return sheet


# --- .xlsx ---------------------------------------------------------------------------------------


def xlsx_grid(file: Path, shown: str, sheet: str | None) -> Grid:
    """The chosen sheet of an ``.xlsx`` workbook, its hidden rows and columns as the sheet hides them."""
    openpyxl = require("openpyxl", "xlsx", Worded("error.feature_read_xlsx"))
    content = _read_bytes(file, shown)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it does not read
            workbook = openpyxl.load_workbook(io.BytesIO(content), data_only=True)
    except Exception:  # a damaged or hostile workbook fails in many ways inside openpyxl and zipfile
        raise _FileError(shown, "error.bad_workbook") from None
    name = _chosen(list(workbook.sheetnames), workbook.active.title, sheet, shown)
    worksheet = workbook[name]
    where = _sheet_shown(shown, name)
    if worksheet.max_row > MAX_SHEET_ROWS + 1:
        raise _FileError(where, "error.too_many_rows", limit=str(MAX_SHEET_ROWS))
    lines = tuple(
        (number, [cell_text(cell) for cell in row])
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1)
    )
    return Grid(
        shown=where,
        lines=lines,
        sheet=name,
        hidden_columns=frozenset(_xlsx_hidden_columns(worksheet)),
        hidden_rows=frozenset(number for number, row in worksheet.row_dimensions.items() if row.hidden),
    )


def _xlsx_hidden_columns(worksheet: Any) -> Iterator[int]:
    """The 0-based columns a sheet hides: each of its column groups spans ``min`` to ``max``."""
    for dimension in worksheet.column_dimensions.values():
        if dimension.hidden and dimension.min is not None:
            yield from range(dimension.min - 1, (dimension.max or dimension.min))


# --- .ods ----------------------------------------------------------------------------------------

#: The widest sheet read: LibreOffice repeats an empty cell to the 16 384th column.
_MAX_COLUMNS = 1024
#: The most cells a sheet may hold once its repeated rows are spread (a hostile file repeats a full row).
_MAX_CELLS = 5_000_000


def ods_grid(file: Path, shown: str, sheet: str | None) -> Grid:
    """The chosen sheet of an OpenDocument spreadsheet (``.ods``), read with odfpy."""
    opendocument, table = _odf("opendocument"), _odf("table")

    content = _read_bytes(file, shown)
    try:
        document = opendocument.load(io.BytesIO(content))
        sheets = document.spreadsheet.getElementsByType(table.Table)
        tables = {str(element.getAttribute("name")): element for element in sheets}
        active = _ods_active(document) or next(iter(tables))
    except Exception:  # a damaged or hostile file fails in many ways inside odfpy, zipfile and the XML parser
        raise _FileError(shown, "error.bad_workbook") from None
    name = _chosen(list(tables), active if active in tables else next(iter(tables)), sheet, shown)
    where = _sheet_shown(shown, name)
    lines, hidden_rows = _ods_rows(tables[name], where)
    return Grid(
        shown=where,
        lines=lines,
        sheet=name,
        hidden_columns=frozenset(_ods_hidden_columns(tables[name])),
        hidden_rows=hidden_rows,
    )


def _odf(module: str) -> Any:
    """A module of odfpy (the ``ods`` extra), or the error naming the extra to install."""
    return require(f"odf.{module}", "ods", Worded("error.feature_read_ods"))


def _ods_active(document: Any) -> str | None:
    """The sheet the document opens on, as its settings name it (``ActiveTable``)."""
    for item in document.settings.getElementsByType(_odf("config").ConfigItem):
        if item.getAttribute("name") == "ActiveTable":
            return "".join(str(node) for node in item.childNodes)
    return None


def _repeated(element: Any, attribute: str) -> int:
    value = element.getAttribute(attribute)
    return int(value) if value else 1


def _ods_hidden_columns(sheet: Any) -> Iterator[int]:
    position = 0
    for column in sheet.getElementsByType(_odf("table").TableColumn):
        count = min(_repeated(column, "numbercolumnsrepeated"), _MAX_COLUMNS)
        if column.getAttribute("visibility") in ("collapse", "filter"):
            yield from range(position, position + count)
        position += count


def _ods_rows(sheet: Any, where: str) -> tuple[tuple[tuple[int, Cells], ...], frozenset[int]]:
    """Each row's cells as text with its number, and the rows hidden; an empty row repeated is read once."""
    lines: list[tuple[int, Cells]] = []
    hidden: set[int] = set()
    number = spread = 0
    for row in sheet.getElementsByType(_odf("table").TableRow):
        cells = _trimmed(_ods_cells(row))
        count = _repeated(row, "numberrowsrepeated")
        if cells:
            spread += count * len(cells)
            if number + count > MAX_SHEET_ROWS + 1 or spread > _MAX_CELLS:
                raise _FileError(where, "error.too_many_rows", limit=str(MAX_SHEET_ROWS))
            lines += [(number + offset + 1, list(cells)) for offset in range(count)]
            if row.getAttribute("visibility") in ("collapse", "filter"):
                hidden.update(range(number + 1, number + count + 1))
        number += count
    return tuple(lines), frozenset(hidden)


def _ods_cells(row: Any) -> Iterable[str]:
    position = 0
    for cell in row.childNodes:
        if cell.qname[1] not in ("table-cell", "covered-table-cell") or position >= _MAX_COLUMNS:
            continue
        count = min(_repeated(cell, "numbercolumnsrepeated"), _MAX_COLUMNS - position)
        text = _ods_value(cell) if cell.qname[1] == "table-cell" else ""
        position += count
        yield from [text] * count


def _ods_value(cell: Any) -> str:
    """A cell as a CSV export writes it: a number without its format, a date as ``YYYY-MM-DD``, else its text."""
    kind = cell.getAttribute("valuetype")
    if kind in ("float", "currency", "percentage"):
        number = _decimal_text(cell.getAttribute("value"))
        if number is not None:
            return number
    if kind == "date":
        value = str(cell.getAttribute("datevalue"))
        return value.removesuffix("T00:00:00").replace("T", " ")
    return "\n".join(_node_text(paragraph) for paragraph in cell.getElementsByType(_odf("text").P))


def _decimal_text(value: object) -> str | None:
    """The number an ODS cell stores as decimal text, as a CSV export writes it: its digits as they are, without
    a float (``123456789.01`` stays so), an exponent or the ``.0`` of a whole number; none if it is not a number."""
    try:
        number = Decimal(str(value)) if value else None
    except InvalidOperation:
        return None
    if number is None or not number.is_finite() or abs(number.adjusted()) > _MAX_DIGITS:
        return None
    if number == number.to_integral_value():
        return str(int(number))
    return format(number, "f")


def _node_text(node: Any) -> str:
    """The text of a paragraph, its runs of spaces (``text:s``) as spaces."""
    if node.nodeType == node.TEXT_NODE:
        return str(node.data)
    if getattr(node, "qname", (None, None))[1] == "s":
        return " " * _repeated(node, "c")
    return "".join(_node_text(child) for child in node.childNodes)


def _trimmed(cells: Iterable[str]) -> Cells:
    row = list(cells)
    while row and not row[-1].strip():
        row.pop()
    return row
