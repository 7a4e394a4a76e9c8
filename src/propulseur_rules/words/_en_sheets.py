"""How a spreadsheet was read, in English: the table found in a sheet and what was left out of it, and the
errors of a sheet and of several files at once. Part of the table of :mod:`._en`."""

from __future__ import annotations

__all__ = ["SHEET_WORDS"]

#: The notices and errors of the table in a sheet, and of the inputs refused together.
SHEET_WORDS: dict[str, str] = {
    # files: the table found in a sheet (notices)
    "notice.header_row": "the header was read on row {row}; the rows above it (a title) were not read",
    "notice.columns_kept_out": "columns left out, as they name none of the columns read: {columns}",
    "notice.column": "« {header} » ({letter})",
    "notice.column_close": "« {header} » ({letter}; did you mean « {close} »?)",
    "notice.hidden_columns": "columns the sheet hides, read as an export of the sheet holds them: {columns}",
    "notice.hidden_rows": "rows the sheet hides, read as an export of the sheet holds them: {rows}",
    "notice.totals": "totals left out, each the sum of the rows above it: {rows}",
    "notice.total_row": "row {row} (« {label} »)",
    "notice.totals_unchecked": "totals left out: {rows}",
    # files: the errors of a sheet
    "error.no_such_sheet": "has no sheet {sheet}; its sheets are {sheets}",
    "error.feature_read_ods": "reading an .ods spreadsheet",
    "error.cell_without_header": "has a value in column {letter}, which has no header",
    "sheet.cells_wrong": "{cells}",
    "sheet.cells_joint": "; ",
    "error.total_mismatch": "the total {total} is not the sum of the rows above it ({sum})",
    # files: every input refused at once
    "error.inputs_wrong": "{count} inputs are wrong:\n  {errors}",
    "inputs.errors_joint": "\n  ",
    # files: how a file was read, in the inputs of a report
    "inputs.origin.sheet": ", sheet « {sheet} »",
    "inputs.notice": "Notice",
}
