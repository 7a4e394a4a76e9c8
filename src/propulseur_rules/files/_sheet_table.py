"""The table in a sheet as offices make them: a title above the header, columns of their own, totals below.

The header is the first of the sheet's first rows that names every required
column: the rows above it (a title, a date, a blank row) are left out, and a
notice says which row was taken. A column whose header names no known column
(« Commentaire ») is left out with a notice naming it by its header and its
letter, with the known header it may have been meant for; one the sheet hides
is left out without a word. A column of the table that the sheet hides is read
all the same, and so are hidden rows, each with a notice: a CSV export of the
sheet holds them, and the workbook and its export must read alike.

A row whose first cell says it is a total (« TOTAL », « Total général »,
« Sous-total 2023 ») is not read as a row: its amount, if the table has one,
must be the sum of the rows above it (since the last subtotal, or all of them),
or it is an error naming its row.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ..rules._model import name_key
from ..words._errors import InvalidInput, Listed, Said, Worded, said_in
from ._forms import amount_text
from ._load_files import _FileError
from ._sheet_grid import Cells, Grid
from ._spreadsheet_columns import FRENCH_HEADERS, column_of, header_name, read_header

__all__ = ["Notice", "Table", "checked_totals", "column_letter", "find_table"]

#: The rows of a sheet looked through for its header.
_HEADER_SEARCH = 30
_TOTAL = re.compile(r"(?:sous )?total(?: .*)?")
#: The dates every row of data has: a row that says it is a total and has none of them is a total.
_DATES = ("signed_on", "paid_on", "received_on")


class Notice:
    """Something a person should know of how a file was read: its place (``file.csv:3``) and words of the catalogue.

    >>> print(Notice("c.csv", "notice.header_row", row="3").said("fr"))
    c.csv: l'en-tête a été lu à la ligne 3 ; les lignes au-dessus (un titre) n'ont pas été lues
    """

    __slots__ = ("key", "path", "values")

    def __init__(self, path: str, key: str, /, **values: str | Said) -> None:
        self.path = path
        self.key = key
        self.values = values

    def said(self, lang: str) -> str:
        values = {name: value if isinstance(value, str) else value.said(lang) for name, value in self.values.items()}
        return f"{self.path}: {said_in(self.key, lang, values)}"

    def __str__(self) -> str:
        return self.said("en")

    def __repr__(self) -> str:
        return f"Notice({self.path!r}, {self.key!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Notice) and (self.path, self.key, self.values) == (other.path, other.key, other.values)

    def __hash__(self) -> int:
        return hash((self.path, self.key))


def column_letter(position: int) -> str:
    """The letter a spreadsheet gives the 0-based column ``position``: ``A``, …, ``Z``, ``AA``…

    >>> column_letter(0), column_letter(25), column_letter(26), column_letter(16383)
    ('A', 'Z', 'AA', 'XFD')
    """
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@attrs.frozen(kw_only=True)
class Table:
    """The header found in a sheet, each known column by position, and the rows of data below it."""

    header: tuple[tuple[int, str, str], ...]  # (position, column, header as written)
    width: int  # the columns the header spans, unnamed ones within it included
    kept_out: frozenset[int] = frozenset()  # the columns whose header names no known column
    rows: tuple[tuple[int, Cells], ...]
    totals: tuple[tuple[int, Cells], ...] = ()
    notices: tuple[Notice, ...] = ()

    @property
    def written(self) -> dict[str, str]:
        """Each column's name as the header writes it."""
        return {column: name for _, column, name in self.header}


def find_table(grid: Grid, columns: tuple[str, ...], required: tuple[str, ...]) -> Table:
    """The table of ``grid``: its header found below any title, its columns, its rows of data and its totals."""
    lines = [(number, cells) for number, cells in grid.lines if any(cell.strip() for cell in cells)]
    if not lines:
        raise _FileError(grid.shown, "error.empty")
    found = _header_index(lines, columns, required)
    number, cells = lines[found]
    notices: list[Notice] = []
    if found:
        notices.append(Notice(grid.shown, "notice.header_row", row=str(number)))
    header, width, kept_out = _header(grid, number, cells, columns, required)
    named = {position for position, _, _ in header}
    unknown = frozenset(position for position, name in enumerate(cells) if name.strip() and position not in named)
    if kept_out:
        notices.append(Notice(grid.shown, "notice.columns_kept_out", columns=Listed(kept_out, "error.comma_joint")))
    hidden: list[Said] = [
        Worded("notice.column", header=name, letter=column_letter(at))
        for at, _, name in header
        if at in grid.hidden_columns
    ]
    if hidden:
        notices.append(Notice(grid.shown, "notice.hidden_columns", columns=Listed(hidden, "error.comma_joint")))
    rows = lines[found + 1 :]
    hidden_rows = [str(line) for line, _ in rows if line in grid.hidden_rows]
    if hidden_rows:
        notices.append(Notice(grid.shown, "notice.hidden_rows", rows=", ".join(hidden_rows)))
    totals = [(line, row) for line, row in rows if _is_total(row, header)]
    data = [(line, row) for line, row in rows if not _is_total(row, header)]
    return Table(
        header=header, width=width, kept_out=unknown, rows=tuple(data), totals=tuple(totals), notices=tuple(notices)
    )


def _header_index(lines: Sequence[tuple[int, Cells]], columns: tuple[str, ...], required: tuple[str, ...]) -> int:
    """The first of the first lines that names every required column; else the one naming the most columns.

    A sheet none of whose first lines names a column is read from its first line,
    as a CSV file always was (its error names that line).
    """
    best, most = 0, 0
    for index, (_, cells) in enumerate(lines[:_HEADER_SEARCH]):
        known = {column_of(cell, columns) for cell in cells} - {None}
        if all(column in known for column in required):
            return index
        if len(known) > most:
            best, most = index, len(known)
    return best


def _header(
    grid: Grid, number: int, cells: Cells, columns: tuple[str, ...], required: tuple[str, ...]
) -> tuple[tuple[tuple[int, str, str], ...], int, list[Said]]:
    """The known columns of the header line by position, the columns it spans, and the columns left out in words."""
    known = {column_of(cell, columns) for cell in cells} - {None}
    if not all(column in known for column in required):
        # No line names every required column: the line read is refused as a header always was.
        read_header(cells, f"{grid.shown}:{number}", columns, required)
    header: list[tuple[int, str, str]] = []
    kept_out: list[Said] = []
    for position, name in enumerate(cells):
        written = " ".join(name.replace("\ufeff", "").split())
        column = column_of(name, columns)
        if column is None:
            if written and position not in grid.hidden_columns:
                kept_out.append(_kept_out(written, position, columns))
            continue
        if any(column == seen for _, seen, _ in header):
            raise _FileError(f"{grid.shown}:{number}", "error.twice_column", column=repr(column))
        header.append((position, column, header_name(written, column)))
    width = max((position for position, name in enumerate(cells) if name.strip()), default=-1) + 1
    return tuple(header), width, kept_out


def _kept_out(written: str, position: int, columns: tuple[str, ...]) -> Said:
    """A column left out in words: its header, its letter, and the known header it may have been meant for."""
    shown = written if len(written) <= 40 else written[:39] + "…"
    close = difflib.get_close_matches(name_key(written), [name_key(name) for name in _known_headers(columns)], n=1)
    if close:
        meant = next(name for name in _known_headers(columns) if name_key(name) == close[0])
        return Worded("notice.column_close", header=shown, letter=column_letter(position), close=meant)
    return Worded("notice.column", header=shown, letter=column_letter(position))


def _known_headers(columns: tuple[str, ...]) -> list[str]:
    return [name for column in columns for name in (column, *FRENCH_HEADERS.get(column, ()))]


def _is_total(row: Cells, header: tuple[tuple[int, str, str], ...]) -> bool:
    """Whether the first non-empty cell of a row says it is a total (« TOTAL », « Sous-total 2023 »), no reference
    is written before it, and the row has no date (a contract's signature, a payment's day, a document's receipt)."""
    first = next((cell for cell in row if cell.strip()), "")
    if _TOTAL.fullmatch(" ".join(re.sub(r"[^a-z0-9]+", " ", name_key(first)).split())) is None:
        return False
    for position, column, _ in header:
        cell = row[position].strip() if position < len(row) else ""
        if (column == "reference" and cell not in ("", first.strip())) or (column in _DATES and cell):
            return False
    return True


def checked_totals(table: Table, shown: str) -> tuple[list[Notice], list[tuple[int, InvalidInput]]]:
    """The notice of the totals left out, and an error for each total whose amount is not the sum above it."""
    if not table.totals:
        return [], []
    amount = next((position for position, column, _ in table.header if column == "amount"), None)
    labels = Listed(
        [Worded("notice.total_row", row=str(line), label=_first_cell(row)) for line, row in table.totals],
        "error.comma_joint",
    )
    if amount is None:
        return [Notice(shown, "notice.totals_unchecked", rows=labels)], []
    errors: list[tuple[int, InvalidInput]] = []
    rows = sorted([(line, row, False) for line, row in table.rows] + [(line, row, True) for line, row in table.totals])
    since_total, above = Decimal(0), Decimal(0)
    for line, row, total in rows:
        value = _amount(row, amount)
        if value is None:
            if not total and amount < len(row) and row[amount].strip():
                return [
                    Notice(shown, "notice.totals_unchecked", rows=labels)
                ], []  # a bad amount is an error of its own
            continue
        if not total:
            since_total += value
            above += value
        elif value in (since_total, above):
            since_total = Decimal(0)
        else:
            where = f"{shown}:{line}: {table.written['amount']}"
            errors.append((line, _FileError(where, "error.total_mismatch", total=f"{value:.2f}", sum=f"{above:.2f}")))
            since_total = Decimal(0)
    return [Notice(shown, "notice.totals", rows=labels)], errors


def _first_cell(row: Cells) -> str:
    text = next(cell for cell in row if cell.strip()).strip()
    return text if len(text) <= 40 else text[:39] + "…"


def _amount(row: Cells, position: int) -> Decimal | None:
    if position >= len(row) or not row[position].strip():
        return None
    try:
        return Decimal(amount_text(row[position], "amount"))
    except InvalidInput:
        return None
