"""Tables as an OpenDocument spreadsheet (``.ods``), written with odfpy (the ``ods`` extra).

The same layout as the ``.xlsx`` workbook of :mod:`._export`: one sheet per table, each
column as wide as its widest cell, the header bold, frozen and with a filter, amounts
and days typed cells (``office:value-type`` float and date) whose number styles carry
the reader's language: ``1 234,56 €`` and ``31/03/2025`` in French, ``1,234.56`` and
``2025-03-31`` in English. The values stay numbers and dates.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from types import ModuleType
from typing import Any

from ..rules._extras import require
from ..words._catalogue import say
from ..words._errors import Worded
from ..words._language import check_lang
from ._export import cell_kind, column_widths

__all__ = ["tables_ods"]

#: The width of one character of a cell, for the width of a column.
_CHARACTER_CM = Decimal("0.21")


def tables_ods(sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]], lang: str = "en") -> bytes:
    """Tables of typed values (headers first) as the bytes of an ``.ods`` spreadsheet, one sheet each,
    named by ``export.sheet.`` + its name. Needs the ``ods`` extra (odfpy)."""
    lang = check_lang(lang)
    table_module = _odf("table")
    document = _odf("opendocument").OpenDocumentSpreadsheet()
    styles = _styles(document, lang)
    ranges = table_module.DatabaseRanges()
    frozen: list[str] = []
    for position, (name, table) in enumerate(sheets):
        title = say("export.sheet." + name, lang)
        sheet = table_module.Table(name=title)
        _columns(document, sheet, column_widths(table, lang), f"column{position}-")
        for number, row in enumerate(table):
            sheet.addElement(_row(row, styles, header=number == 0))
        document.spreadsheet.addElement(sheet)
        if table:
            frozen.append(title)
            quoted = "'" + title.replace("'", "''") + "'"
            last = _column_letter(max(len(row) for row in table)) + str(len(table))
            ranges.addElement(
                table_module.DatabaseRange(
                    name=f"__Anonymous_Sheet_DB__{position}",
                    targetrangeaddress=f"{quoted}.A1:{quoted}.{last}",
                    displayfilterbuttons="true",
                )
            )
    document.spreadsheet.addElement(ranges)
    _freeze_headers(document, frozen)
    stream = io.BytesIO()
    document.write(stream)
    return stream.getvalue()


def _styles(document: Any, lang: str) -> dict[str, Any]:
    """The cell styles: a bold header, an amount in euros and a day, with number styles of ``lang``."""
    number, style_module = _odf("number"), _odf("style")
    NumberStyle, Number, Text = number.NumberStyle, number.Number, number.Text
    DateStyle, Day, Month, Year = number.DateStyle, number.Day, number.Month, number.Year
    Style, TextProperties = style_module.Style, style_module.TextProperties

    country = {"fr": "FR", "en": "GB"}[lang]
    money = NumberStyle(name="money", language=lang, country=country)
    money.addElement(Number(decimalplaces="2", minintegerdigits="1", grouping="true"))
    if lang == "fr":
        money.addElement(Text(text="\u00a0€"))
    day = DateStyle(name="day", language=lang, country=country)
    parts = (Day(style="long"), "/", Month(style="long"), "/", Year(style="long"))
    if lang == "en":
        parts = (Year(style="long"), "-", Month(style="long"), "-", Day(style="long"))
    for part in parts:
        day.addElement(Text(text=part) if isinstance(part, str) else part)
    document.automaticstyles.addElement(money)
    document.automaticstyles.addElement(day)
    header = Style(name="header", family="table-cell")
    header.addElement(TextProperties(fontweight="bold"))
    cells = {
        "header": header,
        "money": Style(name="amount", family="table-cell", datastylename="money"),
        "date": Style(name="date", family="table-cell", datastylename="day"),
    }
    for style in cells.values():
        document.automaticstyles.addElement(style)
    return cells


def _columns(document: Any, sheet: Any, widths: list[float], prefix: str) -> None:
    style_module, table_module = _odf("style"), _odf("table")

    for position, width in enumerate(widths):
        style = style_module.Style(name=f"{prefix}{position}", family="table-column")
        width_cm = Decimal(str(width)) * _CHARACTER_CM
        style.addElement(style_module.TableColumnProperties(columnwidth=f"{width_cm}cm"))
        document.automaticstyles.addElement(style)
        sheet.addElement(table_module.TableColumn(stylename=style))


def _row(values: Sequence[Any], styles: dict[str, Any], *, header: bool) -> Any:
    table_module = _odf("table")
    TableCell, TableRow, P = table_module.TableCell, table_module.TableRow, _odf("text").P

    row = TableRow()
    for value in values:
        kind = cell_kind(value)
        if value is None:
            cell = TableCell()
        elif header:
            cell = TableCell(valuetype="string", stylename=styles["header"])
            cell.addElement(P(text=str(value)))
        elif kind == "money":
            cell = TableCell(valuetype="float", value=str(value), stylename=styles["money"])
        elif kind == "date":
            day = value.date() if isinstance(value, dt.datetime) else value
            cell = TableCell(valuetype="date", datevalue=day.isoformat(), stylename=styles["date"])
        elif isinstance(value, int) and not isinstance(value, bool):
            cell = TableCell(valuetype="float", value=str(value))
        else:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(value)))
        row.addElement(cell)
    return row


def _odf(name: str) -> ModuleType:
    """A module of odfpy, or :class:`MissingExtra` naming the ``ods`` extra."""
    return require(f"odf.{name}", "ods", Worded("error.feature_write_ods"))


def _column_letter(count: int) -> str:
    """The letters of the ``count``-th column: A, …, Z, AA…"""
    letters = ""
    while count:
        count, rest = divmod(count - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


def _freeze_headers(document: Any, titles: list[str]) -> None:
    """The view settings that freeze the first row of each sheet named, as LibreOffice reads them."""
    config = _odf("config")
    ConfigItem, ConfigItemMapEntry = config.ConfigItem, config.ConfigItemMapEntry
    ConfigItemMapIndexed, ConfigItemMapNamed = config.ConfigItemMapIndexed, config.ConfigItemMapNamed
    ConfigItemSet = config.ConfigItemSet

    tables = ConfigItemMapNamed(name="Tables")
    for title in titles:
        entry = ConfigItemMapEntry(name=title)
        for name, kind, value in (
            ("HorizontalSplitMode", "short", "0"),
            ("VerticalSplitMode", "short", "2"),
            ("VerticalSplitPosition", "int", "1"),
            ("ActiveSplitRange", "short", "2"),
            ("PositionTop", "int", "0"),
            ("PositionBottom", "int", "1"),
        ):
            item = ConfigItem(name=name, type=kind)
            item.addText(value)
            entry.addElement(item)
        tables.addElement(entry)
    view = ConfigItemMapEntry()
    identifier = ConfigItem(name="ViewId", type="string")
    identifier.addText("view1")
    view.addElement(identifier)
    view.addElement(tables)
    views = ConfigItemMapIndexed(name="Views")
    views.addElement(view)
    settings = ConfigItemSet(name="ooo:view-settings")
    settings.addElement(views)
    document.settings.addElement(settings)
