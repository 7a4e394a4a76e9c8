"""The rows of a spreadsheet: read from CSV text or the first sheet of a workbook, each built into a value.

A CSV text is split with the delimiter of its header line (``;`` or ``,``); a
workbook's cells are written as a CSV export would write them. Each non-empty
row is built into a value with its origin (``file.csv:4``), and every bad row is
reported at once, up to :data:`MAX_REPORTED_ROWS` described in one error.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TypeVar

import attrs

from ..rules._documents import Document
from ..rules._extras import require
from ..rules._model import Contract, Payment
from ..words._errors import InvalidInput, Listed, Worded
from ._load_files import _file_path, _FileError, _read_bytes, _read_spreadsheet_text
from ._spreadsheet_columns import Cells, read_header

__all__ = ["MAX_REPORTED_ROWS", "Build", "RowOrigin", "csv_lines", "file_records", "records"]

#: At most this many bad rows are described in one error; the others are counted.
MAX_REPORTED_ROWS = 20
#: At most this many rows are read from a workbook.
_MAX_SHEET_ROWS = 100_000

_Value = TypeVar("_Value", Contract, Payment, Document)

#: How a value is built from the cells of a row, by column, and the path of a column in that row.
Build = Callable[[dict[str, str], Callable[[str], str]], _Value]


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


def file_records(
    path: str | os.PathLike[str],
    kind: str | None,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Build[_Value],
    headers: dict[str, str] | None = None,
) -> tuple[list[tuple[_Value, str]], str]:
    """The values of a CSV file or workbook, each with its origin ``file.csv:4``, and how the file was read."""
    file = _file_path(path)
    shown = str(path)
    try:
        if (kind or ("xlsx" if file.suffix.lower() in (".xlsx", ".xlsm") else "csv")) == "xlsx":
            lines, how = _sheet_lines(file, shown), "xlsx"
        else:
            text, how = _read_spreadsheet_text(file, shown)
            lines = csv_lines(text, shown)
        return records(lines, shown, columns, required, build, headers), how
    except _FileError as error:
        raise error.plain() from None


# --- lines of a CSV text or a sheet ------------------------------------------------------------


def csv_lines(text: str, shown: str) -> Iterator[tuple[int, Cells]]:
    """The rows of a CSV text with their line numbers; the header first."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        raise _FileError(f"{shown}:{reader.line_num}", "error.bad_csv", detail=str(error)) from None


def _sheet_lines(file: Path, shown: str) -> Iterator[tuple[int, Cells]]:
    """The rows of the first sheet of a workbook as text, with their row numbers."""
    openpyxl = require("openpyxl", "xlsx", Worded("error.feature_read_xlsx"))
    content = _read_bytes(file, shown)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of styles and extensions it does not read
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            rows = [
                (number, [_cell_text(cell) for cell in row])
                for number, row in enumerate(workbook.worksheets[0].iter_rows(values_only=True), start=1)
                if number <= _MAX_SHEET_ROWS + 1
            ]
            workbook.close()
    except _FileError:
        raise
    except Exception:  # a damaged or hostile workbook fails in many ways inside openpyxl and zipfile
        raise _FileError(shown, "error.bad_workbook") from None
    if len(rows) > _MAX_SHEET_ROWS:
        raise _FileError(shown, "error.too_many_rows", limit=str(_MAX_SHEET_ROWS))
    return iter(rows)


def _cell_text(value: object) -> str:
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


# --- rows ----------------------------------------------------------------------------------------


def records(
    lines: Iterator[tuple[int, Cells]],
    shown: str,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Build[_Value],
    headers: dict[str, str] | None = None,
) -> list[tuple[_Value, str]]:
    """The values built from each non-empty row, each with its origin ``file.csv:4``.

    Every bad row is reported, up to :data:`MAX_REPORTED_ROWS` described in one error.
    ``headers``, when given, receives each column's name as the header writes it.
    """
    try:
        _, first = next(lines)
    except StopIteration:
        raise _FileError(shown, "error.empty") from None
    header = read_header(first, shown, columns, required)
    written = dict(header)
    if headers is not None:
        headers.update(written)
    built: list[tuple[_Value, str]] = []
    problems: list[InvalidInput] = []
    count = 0
    for line, row in lines:
        if not any(cell.strip() for cell in row):
            continue
        where = f"{shown}:{line}"
        try:
            if len(row) < len(header) or any(cell.strip() for cell in row[len(header) :]):
                raise _FileError(where, "error.fields", count=str(len(row)), expected=str(len(header)))
            cells = {column: cell for (column, _), cell in zip(header, row, strict=False)}
            for column in required:
                if not cells[column].strip():
                    raise _FileError(f"{where}: {written[column]}", "error.empty")
            built.append((_in_row(build, cells, where, written), where))
        except _FileError as error:
            count += 1
            if len(problems) < MAX_REPORTED_ROWS:
                problems.append(error.at(error.path.removeprefix(shown + ":")))
            if count == 1:
                first_error = error
    if count == 1:
        raise first_error
    if count:
        raise _rows_wrong(shown, count, problems)
    return built


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
    except _FileError:
        raise
    except InvalidInput as error:
        column = "startup" if error.path == "name" else error.path
        raise _FileError(column_path(column), error.key, **error.values) from None
