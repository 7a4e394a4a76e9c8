"""The rows of a spreadsheet: read from CSV text or a sheet of a workbook, each built into a value.

A CSV text is split with the delimiter of its first lines (``;`` or ``,``); a
workbook's cells are written as a CSV export would write them
(:mod:`._sheet_grid`). The table is found in the sheet below any title, its
unknown columns and totals left out (:mod:`._sheet_table`). Each row of data is
built into a value with its origin (``file.csv:4``), and every bad row is
reported at once, duplicate references among them, up to :data:`MAX_REPORTED_ROWS`
described in one error for the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import attrs

from ..rules._documents import Document
from ..rules._model import Contract, Payment
from ..words._errors import InvalidInput, Listed
from ._load_files import _file_path, _FileError, _read_spreadsheet_text
from ._sheet_grid import Cells, Grid, csv_grid, csv_lines, ods_grid, xlsx_grid
from ._sheet_table import Notice, Table, checked_totals, column_letter, find_table

__all__ = [
    "MAX_REPORTED_ROWS",
    "Build",
    "CellsWrong",
    "RowOrigin",
    "SheetRead",
    "cells_wrong",
    "csv_lines",
    "file_records",
    "records",
]

#: At most this many bad rows of one file are described in one error; the others are counted.
MAX_REPORTED_ROWS = 20

_Value = TypeVar("_Value", Contract, Payment, Document)

#: How a value is built from the cells of a row, by column, and the path of a column in that row.
Build = Callable[[dict[str, str], Callable[[str], str]], _Value]

#: The suffixes of the workbooks read, and the reader of each.
_WORKBOOKS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods"}


@attrs.frozen(kw_only=True)
class RowOrigin:
    """The row of a spreadsheet a value came from (``file.csv:4``) and its columns as the header names them."""

    where: str
    headers: Mapping[str, str] = attrs.field(factory=dict)

    def path(self, column: str | None) -> str:
        """``file.csv:4: reçue le`` for the column ``received_on``; the row alone for no column."""
        if column is None:
            return self.where
        return f"{self.where}: {self.headers.get(column, column)}"


@attrs.frozen(kw_only=True)
class SheetRead:
    """How a file was read: its encoding (``"Windows-1252"``) or kind of workbook (``"xlsx"``, ``"ods"``), the sheet
    read, and what a person should know of it (the header taken below a title, columns and totals left out)."""

    how: str
    sheet: str | None = None
    notices: tuple[Notice, ...] = ()


def file_records(
    path: str | os.PathLike[str],
    kind: str | None,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Build[_Value],
    headers: dict[str, str] | None = None,
    *,
    sheet: str | None = None,
    unique: bool = False,
) -> tuple[list[tuple[_Value, str]], SheetRead]:
    """The values of a CSV file or workbook, each with its origin ``file.csv:4``, and how the file was read.

    ``kind`` is ``"csv"``, ``"xlsx"`` or ``"ods"``; none: from the file's suffix. ``sheet`` names the sheet
    of a workbook to read (none: the one it opens on). ``unique``: no two rows may have the same reference.
    """
    file = _file_path(path)
    shown = str(path)
    try:
        kind = kind or _WORKBOOKS.get(file.suffix.lower(), "csv")
        if kind == "xlsx":
            grid, how = xlsx_grid(file, shown, sheet), "xlsx"
        elif kind == "ods":
            grid, how = ods_grid(file, shown, sheet), "ods"
        else:
            text, how = _read_spreadsheet_text(file, shown)
            grid = csv_grid(text, shown)
        notices: list[Notice] = []
        read = records(grid, columns, required, build, headers, unique=unique, notices=notices)
        return read, SheetRead(how=how, sheet=grid.sheet, notices=tuple(notices))
    except _FileError as error:
        raise error.plain() from None


# --- rows ----------------------------------------------------------------------------------------


def records(
    grid: Grid,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Build[_Value],
    headers: dict[str, str] | None = None,
    *,
    unique: bool = False,
    notices: list[Notice] | None = None,
) -> list[tuple[_Value, str]]:
    """The values built from each row of data of the table in ``grid``, each with its origin ``file.csv:4``.

    Every bad row is reported, up to :data:`MAX_REPORTED_ROWS` described in one error.
    ``headers``, when given, receives each column's name as the header writes it;
    ``notices`` what a person should know of how the table was read.
    """
    shown = grid.shown
    table, errors = _table(grid, columns, required, notices)
    written = table.written
    if headers is not None:
        headers.update(written)
    built: list[tuple[_Value, str]] = []
    seen: dict[str, str] = {}
    for line, row in table.rows:
        where = f"{shown}:{line}"
        try:
            value = _row_value(build, _cells(row, table, where), where, written, required)
            if unique:
                _first_use(value, where, written, seen)
            built.append((value, where))
        except _FileError as error:
            errors.append((line, error))
    if errors:
        raise _file_wrong(shown, [error for _, error in sorted(errors, key=lambda pair: pair[0])])
    return built


def _table(
    grid: Grid, columns: tuple[str, ...], required: tuple[str, ...], notices: list[Notice] | None
) -> tuple[Table, list[tuple[int, InvalidInput]]]:
    """The table of the sheet, its notices added to ``notices``, and its totals that are not the sum above them."""
    table = find_table(grid, columns, required)
    total_notices, wrong = checked_totals(table, grid.shown)
    if notices is not None:
        notices.extend([*table.notices, *total_notices])
    return table, wrong


def _cells(row: Cells, table: Table, where: str) -> dict[str, str]:
    """The cells of a row by column; a row with a value where the header has none is refused."""
    last = max(position for position, _, _ in table.header)
    if len(row) <= last or any(cell.strip() for cell in row[table.width :]):
        raise _FileError(where, "error.fields", count=str(len(row)), expected=str(table.width))
    named = {position for position, _, _ in table.header} | table.kept_out
    for position, cell in enumerate(row[: table.width]):
        if cell.strip() and position not in named:
            raise _FileError(where, "error.cell_without_header", letter=column_letter(position))
    return {column: row[position] for position, column, _ in table.header}


def _row_value(
    build: Build[_Value], cells: dict[str, str], where: str, written: dict[str, str], required: tuple[str, ...]
) -> _Value:
    """The value of a row, or the error of every bad cell of it: each empty required cell, then each cell the
    value refuses."""
    empty = [f"{where}: {written[column]}" for column in required if not cells[column].strip()]
    try:
        value = _in_row(build, cells, where, written)
    except _FileError as error:
        raise _row_wrong(where, empty, error) from None
    if empty:
        raise _row_wrong(where, empty, None)
    return value


def _row_wrong(where: str, empty: list[str], refused: _FileError | None) -> _FileError:
    """The error of a row: its empty required cells (``empty``, their paths) and the cells the value refused
    (a cell already said empty is not said again); one as it is, several together."""
    errors: list[InvalidInput] = [_FileError(path, "error.empty") for path in empty]
    found = () if refused is None else refused.errors if isinstance(refused, CellsWrong) else (refused,)
    errors += [error for error in found if error.path not in empty]
    if len(errors) > 1:
        return CellsWrong(where, errors)
    error = errors[0]
    return error if isinstance(error, _FileError) else _FileError(error.path, error.key, **error.values)


class CellsWrong(_FileError):
    """Several bad cells of one row, each in :attr:`errors`: ``file.csv:4: Secteur: …; Date de signature: …``."""

    def __init__(self, where: str, errors: Iterable[InvalidInput]) -> None:
        self.errors = tuple(errors)
        cells = Listed([error.at(error.path.removeprefix(where + ": ")) for error in self.errors], "sheet.cells_joint")
        super().__init__(where, "sheet.cells_wrong", cells=cells)

    def __reduce__(self) -> tuple[object, ...]:
        return (CellsWrong, (self.path, self.errors))


def cells_wrong(errors: list[InvalidInput]) -> InvalidInput:
    """The error of the bad cells of a row, each placed at its column: one as it is, several together."""
    return errors[0] if len(errors) == 1 else CellsWrong("", errors)


def _first_use(value: Contract | Payment | Document, where: str, written: dict[str, str], seen: dict[str, str]) -> None:
    """No reference used on two rows: the second names the first."""
    reference = str(getattr(value, "reference", ""))
    if reference in seen:
        raise _FileError(
            f"{where}: {written.get('reference', 'reference')}",
            "error.used_twice",
            value=repr(reference),
            origin=seen[reference],
        )
    seen[reference] = where


def _file_wrong(shown: str, errors: list[InvalidInput]) -> _FileError:
    """The error of a file: its one bad row as it is, or every bad row, each placed at its line."""
    if len(errors) == 1:
        error = errors[0]
        return error if isinstance(error, _FileError) else _FileError(error.path, error.key, **error.values)
    problems = [error.at(error.path.removeprefix(shown + ":")) for error in errors[:MAX_REPORTED_ROWS]]
    return _rows_wrong(shown, len(errors), problems)


def _rows_wrong(shown: str, count: int, problems: list[InvalidInput]) -> _FileError:
    """The one error of ``count`` bad rows, the first ``problems`` described and the others counted."""
    wrong = Listed(problems, "error.rows_joint")
    if count > len(problems):
        return _FileError(
            shown, "error.rows_wrong_and_more", count=str(count), lines=wrong, more=str(count - len(problems))
        )
    return _FileError(shown, "error.rows_wrong", count=str(count), lines=wrong)


def _in_row(build: Build[_Value], cells: dict[str, str], where: str, written: dict[str, str]) -> _Value:
    """``build(cells, column_path)``, its errors placed at the row and the column as the header names it."""

    def column_path(column: str) -> str:
        return f"{where}: {written.get(column, column)}"

    try:
        return build(cells, column_path)
    except CellsWrong as error:
        raise CellsWrong(where, error.errors) from None
    except _FileError:
        raise
    except InvalidInput as error:
        column = "startup" if error.path == "name" else error.path
        raise _FileError(column_path(column), error.key, **error.values) from None
