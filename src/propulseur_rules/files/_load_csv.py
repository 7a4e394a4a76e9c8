"""Contracts, payments and documents from spreadsheets: CSV exports, ``.xlsx`` (the ``xlsx`` extra) and ``.ods``
(the ``ods`` extra) workbooks.

Read as Excel and LibreOffice export them in France as well as elsewhere: UTF-8
(with or without a byte order mark), Windows-1252 or Latin-1 (the encoding read
is reported); ``;`` or ``,`` between fields; the header found below a title, its
unknown columns and totals left out (:mod:`._sheet_table`); empty trailing
columns ignored; English or French headers (``signed_on`` or « date de
signature »); sectors in English or French (« Industrie », « santé »); dates as
``YYYY-MM-DD`` or ``DD/MM/YYYY``; amounts as ``50000.00`` or ``50 000,00``; kinds
of supporting document in English or French (« copie du contrat », « compte rendu
financier », « rapport final »).

Every bad row is reported at once, references used twice among them, up to
``MAX_REPORTED_ROWS`` (:mod:`._spreadsheet_rows`), each with its line and column
as the header writes it: ``contracts.csv:4: signed_on: '31/02/2023' is not a day of the calendar``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from typing import TypeVar

from ..rules._model import Contract, Payment, Sector, Startup, name_key
from ..words._errors import InvalidInput
from ._forms import amount_text, day
from ._load_files import _FileError
from ._sheet_grid import csv_grid
from ._spreadsheet_columns import CSV_COLUMNS, CSV_REQUIRED, PAYMENT_CSV_COLUMNS
from ._spreadsheet_rows import Build, SheetRead, cells_wrong, file_records, records

__all__ = [
    "contract_records",
    "contracts_from_file",
    "contracts_read",
    "load_contracts_csv",
    "load_contracts_xlsx",
    "load_payments_csv",
    "load_payments_xlsx",
    "payments_from_file",
    "payments_read",
    "sector_of",
    "unique_references",
]

_SECTOR_WORDS = {
    "industrie": Sector.INDUSTRY,
    "industriel": Sector.INDUSTRY,
    "industrielle": Sector.INDUSTRY,
    "sante": Sector.HEALTH,
    "autre": Sector.OTHER,
    "autres": Sector.OTHER,
}
_Referenced = TypeVar("_Referenced", Contract, Payment)


# --- public functions -----------------------------------------------------------------


def load_contracts_csv(path: str | os.PathLike[str]) -> tuple[Contract, ...]:
    """Read contracts from a CSV file, as a spreadsheet exports them (see the module's notes).

    The columns are those of :data:`CSV_COLUMNS`, or their French names; ``siren``,
    ``applied_on`` and ``selected_on`` may be left out or empty. An error names the
    file, the line and the column: ``contracts.csv:4: signed_on: '31/02/2023' is not a day of the calendar``.
    """
    return contracts_from_file(path, kind="csv")[0]


def load_payments_csv(path: str | os.PathLike[str]) -> tuple[Payment, ...]:
    """Read payments from a CSV file with the columns of :data:`PAYMENT_CSV_COLUMNS` (or their French names)."""
    return payments_from_file(path, kind="csv")[0]


def load_contracts_xlsx(path: str | os.PathLike[str]) -> tuple[Contract, ...]:
    """Read contracts from the sheet an ``.xlsx`` workbook opens on (its active sheet), with the columns of a CSV file.

    Needs the ``xlsx`` extra (openpyxl). Date cells and text dates are both read.
    """
    return contracts_from_file(path, kind="xlsx")[0]


def load_payments_xlsx(path: str | os.PathLike[str]) -> tuple[Payment, ...]:
    """Read payments from the active sheet of an ``.xlsx`` workbook; needs the ``xlsx`` extra (openpyxl)."""
    return payments_from_file(path, kind="xlsx")[0]


def contracts_from_file(path: str | os.PathLike[str], *, kind: str | None = None) -> tuple[tuple[Contract, ...], str]:
    """The contracts of a CSV file or workbook, and how it was read (``"UTF-8"``, ``"Windows-1252"``, ``"xlsx"``…).

    ``kind`` is ``"csv"``, ``"xlsx"`` or ``"ods"``; none: from the file's suffix.
    """
    contracts, read = contracts_read(path, kind=kind)
    return contracts, read.how


def payments_from_file(path: str | os.PathLike[str], *, kind: str | None = None) -> tuple[tuple[Payment, ...], str]:
    """The payments of a CSV file or workbook, and how it was read; see :func:`contracts_from_file`."""
    payments, read = payments_read(path, kind=kind)
    return payments, read.how


def contracts_read(
    path: str | os.PathLike[str], *, kind: str | None = None, sheet: str | None = None
) -> tuple[tuple[Contract, ...], SheetRead]:
    """The contracts of a CSV file or a workbook's sheet (``sheet``, or the one it opens on), and how it was read."""
    return _from_file(path, kind, CSV_COLUMNS, CSV_REQUIRED, _contract, sheet)


def payments_read(
    path: str | os.PathLike[str], *, kind: str | None = None, sheet: str | None = None
) -> tuple[tuple[Payment, ...], SheetRead]:
    """The payments of a CSV file or a workbook's sheet, and how it was read; see :func:`contracts_read`."""
    return _from_file(path, kind, PAYMENT_CSV_COLUMNS, PAYMENT_CSV_COLUMNS, _payment, sheet)


def _from_file(
    path: str | os.PathLike[str],
    kind: str | None,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Build[_Referenced],
    sheet: str | None,
) -> tuple[tuple[_Referenced, ...], SheetRead]:
    read, how = file_records(path, kind, columns, required, build, sheet=sheet, unique=True)
    return tuple(value for value, _ in read), how


def contract_records(text: str, shown: str) -> list[tuple[Contract, str]]:
    """The contracts of a CSV text (a scenario's ``contracts_csv``), each with its origin ``file.csv:4``."""
    return records(csv_grid(text, shown), CSV_COLUMNS, CSV_REQUIRED, _contract, unique=True)


# --- contracts and payments from the cells of a row ------------------------------------------------


def _optional_day(text: str, path: str) -> dt.date | None:
    return day(text, path) if text.strip() else None


def _contract(cells: dict[str, str], column_path: Callable[[str], str]) -> Contract:
    errors: list[InvalidInput] = []
    startup = _startup(cells, column_path, errors)
    dates = {}
    for column in ("applied_on", "selected_on", "signed_on"):
        try:
            dates[column] = _optional_day(cells.get(column, ""), column)
        except InvalidInput as error:
            errors.append(_FileError(column_path(column), error.key, **error.values))
    if startup is None or errors:
        raise cells_wrong(errors)
    return Contract(reference=cells["reference"], startup=startup, **dates)


#: A startup whose every field is accepted: each cell of a row is checked in its place, so that every bad
#: cell of the startup is named, not only the first (Dijon's INSEE code, a sector of C8).
_STAND_IN: dict[str, object] = {"name": "Startup", "head_office": "21231", "sector": Sector.OTHER, "siren": None}


def _startup(cells: dict[str, str], column_path: Callable[[str], str], errors: list[InvalidInput]) -> Startup | None:
    """The startup of a row, or ``None`` with the error of each of its bad cells (name, head office, sector,
    SIREN) added to ``errors``: each checked by :class:`Startup` itself, the others' cells standing in."""
    given: dict[str, object] = {
        "name": cells["startup"],
        "head_office": cells["head_office"].strip(),
        "sector": sector_of(cells["sector"]),
        "siren": cells.get("siren", "").strip() or None,
    }
    try:
        return Startup(**given)
    except InvalidInput as refused:
        found = []
        for field, value in given.items():
            try:
                Startup(**{**_STAND_IN, field: value})
            except InvalidInput as bad_cell:
                found.append(bad_cell)
        for each in found or [refused]:
            column = "startup" if each.path == "name" else each.path
            errors.append(_FileError(column_path(column), each.key, **each.values))
    return None


def _payment(cells: dict[str, str], column_path: Callable[[str], str]) -> Payment:
    errors: list[InvalidInput] = []
    values: dict[str, object] = {}
    for column, read in (("paid_on", day), ("amount", amount_text)):
        try:
            values[column] = read(cells[column], column)
        except InvalidInput as error:
            errors.append(_FileError(column_path(error.path), error.key, **error.values))
    if errors:
        raise cells_wrong(errors)
    return Payment(reference=cells["reference"], **values)


def sector_of(value: object) -> object:
    """A sector's English value, or its French name (« santé », « Industrie », « industriel »)."""
    if isinstance(value, str):
        key = name_key(value)
        for sector in Sector:
            if key == name_key(sector.label("fr")):
                return sector
        return _SECTOR_WORDS.get(key, value)
    return value


def unique_references(sources: Iterable[tuple[Contract | Payment, str]]) -> None:
    """No reference used twice; an origin is ``contracts[3]`` or, for a CSV row, ``file.csv:4``."""
    seen: dict[str, str] = {}
    for value, origin in sources:
        if value.reference in seen:
            twice = {"value": repr(value.reference), "origin": seen[value.reference]}
            if origin.startswith("contracts["):
                raise InvalidInput(f"{origin}.reference", "error.used_twice", **twice)
            raise _FileError(f"{origin}: reference", "error.used_twice", **twice)
        seen[value.reference] = origin
