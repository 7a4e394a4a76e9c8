"""Contracts and payments from CSV files, as spreadsheets export them.

UTF-8 with or without a byte order mark; comma or semicolon separated (read
from the header line); dates as ``YYYY-MM-DD`` or ``DD/MM/YYYY``. An error names
the file, the line and the column: ``contracts.csv:4: signed_on: '31/02/2023' is
not a day of the calendar``.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import re
from collections.abc import Iterable

from ._errors import InvalidInput, shorten
from ._load_files import _file_path, _FileError, _in_file, _read_text
from ._model import Contract, Payment, Sector, Startup, name_key

__all__ = ["CSV_COLUMNS", "PAYMENT_CSV_COLUMNS", "load_contracts_csv", "load_payments_csv"]

#: The columns of a contracts CSV file; ``startup`` is the startup's name.
CSV_COLUMNS = ("reference", "startup", "head_office", "sector", "siren", "applied_on", "selected_on", "signed_on")

_CSV_REQUIRED = ("reference", "startup", "head_office", "sector", "signed_on")

#: The columns of a payments CSV file, all required.
PAYMENT_CSV_COLUMNS = ("reference", "paid_on", "amount")

_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)

_FRENCH_SECTORS = {name_key(sector.label("fr")): sector for sector in Sector}


def load_contracts_csv(path: str | os.PathLike[str]) -> tuple[Contract, ...]:
    """Read contracts from a CSV file, as a spreadsheet exports them.

    UTF-8 with or without a byte order mark; comma or semicolon separated (read
    from the header line); dates as ``YYYY-MM-DD`` or ``DD/MM/YYYY``. The columns
    are those of :data:`CSV_COLUMNS`; ``siren``, ``applied_on`` and
    ``selected_on`` may be left out or empty. An error names the file, the line
    and the column: ``contracts.csv:4: signed_on: '31/02/2023' is not a day of the calendar``.
    """
    file = _file_path(path)
    shown = str(path)
    try:
        return _contracts_from_csv(_read_text(file, shown), shown)
    except _FileError as error:
        raise error.plain() from None
    except InvalidInput as error:
        raise _in_file(shown, error).plain() from None


def load_payments_csv(path: str | os.PathLike[str]) -> tuple[Payment, ...]:
    """Read payments from a CSV file with the columns of :data:`PAYMENT_CSV_COLUMNS`.

    Read like :func:`load_contracts_csv`: an error names the file, the line and the column.
    """
    file = _file_path(path)
    shown = str(path)
    try:
        rows = _csv_rows(_read_text(file, shown), shown, PAYMENT_CSV_COLUMNS, PAYMENT_CSV_COLUMNS)
        payments = [(_csv_payment(row, where), where) for row, where in rows]
        _unique_references(payments)
    except _FileError as error:
        raise error.plain() from None
    return tuple(payment for payment, _ in payments)


def _contracts_from_csv(text: str, shown: str) -> tuple[Contract, ...]:
    sources = _csv_records(text, shown)
    _unique_references(sources)
    return tuple(contract for contract, _ in sources)


_PLAIN_COLUMN = re.compile(r"[a-z_][a-z0-9_ -]{0,39}", re.ASCII)


def _csv_records(text: str, shown: str) -> list[tuple[Contract, str]]:
    """The contracts of a CSV text, each with its origin ``file.csv:4`` for error messages."""
    return [(_csv_contract(row, where), where) for row, where in _csv_rows(text, shown, CSV_COLUMNS, _CSV_REQUIRED)]


def _csv_rows(
    text: str, shown: str, columns: tuple[str, ...], required: tuple[str, ...]
) -> list[tuple[dict[str, str], str]]:
    """The non-empty rows of a CSV text as ``{column: cell}``, each with its origin ``file.csv:4``."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[dict[str, str], str]] = []
    try:
        header = [name.strip().lower() for name in next(reader)]
        for position, name in enumerate(header):
            if name not in columns:
                close = difflib.get_close_matches(name, columns, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; the columns are {', '.join(columns)}"
                # Only a short, plain header close to a known column (a typo) is repeated:
                # a file that is not a CSV export (one named by mistake, or on purpose) must
                # not have its content shown.
                named = f", {name!r}," if close and _PLAIN_COLUMN.fullmatch(name) else ""
                raise _FileError(f"{shown}:1", f"column {position + 1}{named} is not a known column{hint}")
            if header.index(name) != position:
                raise _FileError(f"{shown}:1", f"the column {name!r} is given twice")
        for name in required:
            if name not in header:
                raise _FileError(f"{shown}:1", f"the column {name!r} is missing (the columns are {', '.join(columns)})")
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise _FileError(f"{shown}:{line}", f"has {len(row)} fields where the header has {len(header)}")
            where = f"{shown}:{line}"
            cells = dict(zip(header, row, strict=True))
            for column in required:
                if not cells[column].strip():
                    raise _FileError(f"{where}: {column}", "is empty")
            rows.append((cells, where))
    except csv.Error as error:
        raise _FileError(f"{shown}:{reader.line_num}", f"is not valid CSV: {error}") from None
    except StopIteration:
        raise _FileError(shown, "is empty") from None
    return rows


def _csv_contract(row: dict[str, str], where: str) -> Contract:
    def date(column: str) -> dt.date | None:
        return _csv_date(row.get(column, ""), f"{where}: {column}")

    try:
        startup = Startup(
            name=row["startup"],
            head_office=row["head_office"],
            sector=_sector(row["sector"]),
            siren=row.get("siren") or None,
        )
    except InvalidInput as error:
        column = "startup" if error.path == "name" else error.path
        raise _FileError(f"{where}: {column}", error.reason) from None
    try:
        return Contract(
            reference=row["reference"],
            startup=startup,
            applied_on=date("applied_on"),
            selected_on=date("selected_on"),
            signed_on=date("signed_on"),
        )
    except _FileError:
        raise
    except InvalidInput as error:
        raise _FileError(f"{where}: {error.path}", error.reason) from None


def _csv_payment(row: dict[str, str], where: str) -> Payment:
    paid_on = _csv_date(row["paid_on"], f"{where}: paid_on")
    try:
        return Payment(reference=row["reference"], paid_on=paid_on, amount=row["amount"].strip())
    except InvalidInput as error:
        raise _FileError(f"{where}: {error.path}", error.reason) from None


def _csv_date(value: str, path: str) -> dt.date | None:
    text = value.strip()
    if not text:
        return None
    match = _FRENCH_DATE.fullmatch(text)
    if match is None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise _FileError(path, f"{text!r} is not a day of the calendar") from None
        raise _FileError(path, f"{shorten(text)!r} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _FileError(path, f"{text!r} is not a day of the calendar") from None


def _sector(value: object) -> object:
    """A sector's English value, or its French name as the deliberation writes it (« santé »)."""
    if isinstance(value, str):
        return _FRENCH_SECTORS.get(name_key(value), value)
    return value


def _unique_references(sources: Iterable[tuple[Contract | Payment, str]]) -> None:
    """No reference used twice; an origin is ``contracts[3]`` or, for a CSV row, ``file.csv:4``."""
    seen: dict[str, str] = {}
    for contract, origin in sources:
        if contract.reference in seen:
            reason = f"{contract.reference!r} is used twice (also {seen[contract.reference]})"
            if origin.startswith("contracts["):
                raise InvalidInput(f"{origin}.reference", reason)
            raise _FileError(f"{origin}: reference", reason)
        seen[contract.reference] = origin
