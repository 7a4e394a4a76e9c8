"""Contracts, payments and documents from spreadsheets: CSV exports, and ``.xlsx`` workbooks with the ``xlsx`` extra.

Read as Excel and LibreOffice export them in France as well as elsewhere: UTF-8
(with or without a byte order mark), Windows-1252 or Latin-1 (the encoding read
is reported); ``;`` or ``,`` between fields (read from the header line); empty
trailing columns ignored; English or French headers (``signed_on`` or « date de
signature »); sectors in English or French (« Industrie », « santé »); dates as
``YYYY-MM-DD`` or ``DD/MM/YYYY``; amounts as ``50000.00`` or ``50 000,00``; kinds
of supporting document in English or French (« copie du contrat », « compte rendu
financier », « rapport final »).

Every bad row is reported at once, up to :data:`MAX_REPORTED_ROWS`, each with its
line and column: ``contracts.csv:4: signed_on: '31/02/2023' is not a day of the calendar``.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import os
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

import attrs

from ..rules._extras import require
from ..rules._financing import Document, DocumentKind
from ..rules._model import Contract, Payment, Sector, Startup, name_key
from ..words._errors import InvalidInput, Listed, Worded, shorten
from ._forms import amount_text, day
from ._load_files import _file_path, _FileError, _read_bytes, _read_spreadsheet_text

__all__ = [
    "CSV_COLUMNS",
    "DOCUMENT_CSV_COLUMNS",
    "MAX_REPORTED_ROWS",
    "PAYMENT_CSV_COLUMNS",
    "RowOrigin",
    "load_contracts_csv",
    "load_contracts_xlsx",
    "load_documents_csv",
    "load_documents_xlsx",
    "load_payments_csv",
    "load_payments_xlsx",
]

#: The columns of a contracts CSV file; ``startup`` is the startup's name.
CSV_COLUMNS = ("reference", "startup", "head_office", "sector", "siren", "applied_on", "selected_on", "signed_on")
_CSV_REQUIRED = ("reference", "startup", "head_office", "sector", "signed_on")
#: The columns of a payments CSV file, all required.
PAYMENT_CSV_COLUMNS = ("reference", "paid_on", "amount")
#: The columns of a CSV file of supporting documents received; ``covers`` may be left out or empty
#: (a final report covers nothing in particular).
DOCUMENT_CSV_COLUMNS = ("kind", "received_on", "covers")
_DOCUMENT_REQUIRED = ("kind", "received_on")
#: At most this many bad rows are described in one error; the others are counted.
MAX_REPORTED_ROWS = 20
#: At most this many rows are read from a workbook.
_MAX_SHEET_ROWS = 100_000

#: Headers as French exports write them, for each column.
_FRENCH_HEADERS = {
    "reference": ("référence", "référence du contrat", "référence du versement", "n° de contrat"),
    "startup": ("raison sociale", "start-up", "nom", "nom de la start-up", "entreprise"),
    "head_office": ("code insee", "code insee du siège", "siège social", "commune du siège (code insee)"),
    "sector": ("secteur", "domaine", "filière"),
    "siren": ("n° siren", "numéro siren"),
    "applied_on": ("date de candidature",),
    "selected_on": ("date de sélection",),
    "signed_on": ("date de signature",),
    "paid_on": ("date de versement", "date de paiement", "date"),
    "amount": ("montant", "montant (€)", "montant versé", "montant en euros"),
    "kind": ("pièce", "pièce justificative", "type de pièce", "nature de la pièce", "document"),
    "received_on": ("reçue le", "reçu le", "date de réception"),
    "covers": ("objet", "concerne", "contrat ou année"),
}
_SECTOR_WORDS = {
    "industrie": Sector.INDUSTRY,
    "industriel": Sector.INDUSTRY,
    "industrielle": Sector.INDUSTRY,
    "sante": Sector.HEALTH,
    "autre": Sector.OTHER,
    "autres": Sector.OTHER,
}
_PLAIN_COLUMN = re.compile(r"[a-z_][a-z0-9_ -]{0,39}", re.ASCII)
_Value = TypeVar("_Value", Contract, Payment, Document)
_Referenced = TypeVar("_Referenced", Contract, Payment)
_Cells = list[str]


def _header_key(name: str) -> str:
    """A header as compared: case, accents, signs and runs of spaces, ``_`` and ``-`` ignored."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name_key(name.replace("\ufeff", ""))).split())


_HEADER_KEYS = {
    _header_key(alias): column
    for column in (*CSV_COLUMNS, *PAYMENT_CSV_COLUMNS, *DOCUMENT_CSV_COLUMNS)
    for alias in (column, *_FRENCH_HEADERS.get(column, ()))
}


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
    """Read contracts from the first sheet of an ``.xlsx`` workbook, with the columns of a CSV file.

    Needs the ``xlsx`` extra (openpyxl). Date cells and text dates are both read.
    """
    return contracts_from_file(path, kind="xlsx")[0]


def load_payments_xlsx(path: str | os.PathLike[str]) -> tuple[Payment, ...]:
    """Read payments from the first sheet of an ``.xlsx`` workbook; needs the ``xlsx`` extra (openpyxl)."""
    return payments_from_file(path, kind="xlsx")[0]


def load_documents_csv(path: str | os.PathLike[str]) -> tuple[Document, ...]:
    """Read the supporting documents received from a CSV file with the columns of :data:`DOCUMENT_CSV_COLUMNS`.

    In French: « pièce », « reçue le », « objet »; a kind may be written as its
    value (``financial_statement``), its English or French name (« compte rendu
    financier », « copie du contrat », « rapport final »); a programme year as
    ``2`` or « année 2 ». Each document is checked against a convention only when
    assessed (or read into a scenario): a copy of a contract names its reference.
    """
    return documents_from_file(path, kind="csv")[0]


def load_documents_xlsx(path: str | os.PathLike[str]) -> tuple[Document, ...]:
    """Read the documents received from the first sheet of an ``.xlsx`` workbook; needs the ``xlsx`` extra."""
    return documents_from_file(path, kind="xlsx")[0]


def contracts_from_file(path: str | os.PathLike[str], *, kind: str | None = None) -> tuple[tuple[Contract, ...], str]:
    """The contracts of a CSV file or workbook, and how it was read (``"UTF-8"``, ``"Windows-1252"``, ``"xlsx"``…).

    ``kind`` is ``"csv"`` or ``"xlsx"``; none: from the file's suffix.
    """
    return _from_file(path, kind, CSV_COLUMNS, _CSV_REQUIRED, _contract)


def payments_from_file(path: str | os.PathLike[str], *, kind: str | None = None) -> tuple[tuple[Payment, ...], str]:
    """The payments of a CSV file or workbook, and how it was read; see :func:`contracts_from_file`."""
    return _from_file(path, kind, PAYMENT_CSV_COLUMNS, PAYMENT_CSV_COLUMNS, _payment)


def documents_from_file(
    path: str | os.PathLike[str], *, kind: str | None = None
) -> tuple[tuple[Document, ...], str, tuple[RowOrigin, ...]]:
    """The documents of a CSV file or workbook, how it was read, and the row each came from.

    The rows let an error found later (a copy of a contract the scenario does not
    have) name the file, line and column: see :func:`placed_in_rows`.
    """
    headers: dict[str, str] = {}
    records = _from_file_records(path, kind, DOCUMENT_CSV_COLUMNS, _DOCUMENT_REQUIRED, _document, headers)
    documents = tuple(document for document, _ in records[0])
    return documents, records[1], tuple(RowOrigin(where=where, headers=headers) for _, where in records[0])


def _from_file(
    path: str | os.PathLike[str],
    kind: str | None,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Callable[[dict[str, str], Callable[[str], str]], _Referenced],
) -> tuple[tuple[_Referenced, ...], str]:
    records, how = _from_file_records(path, kind, columns, required, build)
    try:
        _unique_references(records)
    except _FileError as error:
        raise error.plain() from None
    return tuple(value for value, _ in records), how


def _from_file_records(
    path: str | os.PathLike[str],
    kind: str | None,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Callable[[dict[str, str], Callable[[str], str]], _Value],
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
            lines = _csv_lines(text, shown)
        return _records(lines, shown, columns, required, build, headers), how
    except _FileError as error:
        raise error.plain() from None


def _document_records(text: str, shown: str) -> tuple[tuple[Document, ...], tuple[RowOrigin, ...]]:
    """The documents of a CSV text (a scenario's ``documents`` file) and the row each came from."""
    headers: dict[str, str] = {}
    records = _records(_csv_lines(text, shown), shown, DOCUMENT_CSV_COLUMNS, _DOCUMENT_REQUIRED, _document, headers)
    return tuple(document for document, _ in records), tuple(
        RowOrigin(where=where, headers=headers) for _, where in records
    )


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


_DOCUMENT_PATH = re.compile(r"documents\[(\d+)\](?:\.(\w+))?")


def placed_in_rows(error: InvalidInput, origins: Sequence[RowOrigin | None]) -> InvalidInput:
    """An error about ``documents[i].field`` placed at the row of the spreadsheet document ``i`` came from.

    A document given inline (no row: ``None``) keeps the path ``documents[i]``.
    """
    match = _DOCUMENT_PATH.fullmatch(error.path)
    if match is None or int(match[1]) >= len(origins):
        return error
    origin = origins[int(match[1])]
    if origin is None:
        return error
    return _FileError(origin.path(match[2]), error.key, **error.values)


def _csv_records(text: str, shown: str) -> list[tuple[Contract, str]]:
    """The contracts of a CSV text (a scenario's ``contracts_csv``), each with its origin ``file.csv:4``."""
    return _records(_csv_lines(text, shown), shown, CSV_COLUMNS, _CSV_REQUIRED, _contract)


# --- lines of a CSV text or a sheet ------------------------------------------------------------


def _csv_lines(text: str, shown: str) -> Iterator[tuple[int, _Cells]]:
    """The rows of a CSV text with their line numbers; the header first."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            yield reader.line_num, row
    except csv.Error as error:
        raise _FileError(f"{shown}:{reader.line_num}", "error.bad_csv", detail=str(error)) from None


def _sheet_lines(file: Path, shown: str) -> Iterator[tuple[int, _Cells]]:
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


def _header(cells: _Cells, shown: str, columns: tuple[str, ...], required: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each column of the header as ``(column, name as written)``; empty columns at the end are dropped."""
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    header: list[tuple[str, str]] = []
    for position, name in enumerate(cells):
        column = _HEADER_KEYS.get(_header_key(name))
        if column is None or column not in columns:
            key = name.strip().lower()
            close = difflib.get_close_matches(key, columns, n=1)
            # Only a short, plain header close to a known column (a typo) is repeated:
            # a file that is not a CSV export (one named by mistake, or on purpose) must
            # not have its content shown.
            named = f", {key!r}," if close and _PLAIN_COLUMN.fullmatch(key) else ""
            if not key:
                raise _FileError(f"{shown}:1", "error.unnamed_column", position=str(position + 1))
            if close:
                raise _FileError(
                    f"{shown}:1",
                    "error.unknown_column_hint",
                    position=str(position + 1),
                    named=named,
                    close=repr(close[0]),
                )
            raise _FileError(
                f"{shown}:1", "error.unknown_column", position=str(position + 1), columns=", ".join(columns)
            )
        if any(column == known for known, _ in header):
            raise _FileError(f"{shown}:1", "error.twice_column", column=repr(column))
        written = " ".join(name.replace("\ufeff", "").split())
        header.append((column, column if _header_key(written) == _header_key(column) else written))
    for column in required:
        if all(column != known for known, _ in header):
            raise _FileError(f"{shown}:1", "error.missing_column", column=repr(column), columns=", ".join(columns))
    return header


def _records(
    lines: Iterator[tuple[int, _Cells]],
    shown: str,
    columns: tuple[str, ...],
    required: tuple[str, ...],
    build: Callable[[dict[str, str], Callable[[str], str]], _Value],
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
    header = _header(first, shown, columns, required)
    written = dict(header)
    if headers is not None:
        headers.update(written)
    records: list[tuple[_Value, str]] = []
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
            records.append((_in_row(build, cells, where, written), where))
        except _FileError as error:
            count += 1
            if len(problems) < MAX_REPORTED_ROWS:
                problems.append(error.at(error.path.removeprefix(shown + ":")))
            if count == 1:
                first_error = error
    if count == 1:
        raise first_error
    if count:
        wrong = Listed(problems, "error.rows_joint")
        if count > len(problems):
            raise _FileError(
                shown, "error.rows_wrong_and_more", count=str(count), lines=wrong, more=str(count - len(problems))
            )
        raise _FileError(shown, "error.rows_wrong", count=str(count), lines=wrong)
    return records


def _in_row(
    build: Callable[[dict[str, str], Callable[[str], str]], _Value],
    cells: dict[str, str],
    where: str,
    written: dict[str, str],
) -> _Value:
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


def _optional_day(text: str, path: str) -> dt.date | None:
    return day(text, path) if text.strip() else None


def _contract(cells: dict[str, str], column_path: Callable[[str], str]) -> Contract:
    try:
        startup = Startup(
            name=cells["startup"],
            head_office=cells["head_office"].strip(),
            sector=_sector(cells["sector"]),
            siren=cells.get("siren", "").strip() or None,
        )
    except InvalidInput as error:
        column = "startup" if error.path == "name" else error.path
        raise _FileError(column_path(column), error.key, **error.values) from None
    dates = {}
    for column in ("applied_on", "selected_on", "signed_on"):
        try:
            dates[column] = _optional_day(cells.get(column, ""), column)
        except InvalidInput as error:
            raise _FileError(column_path(column), error.key, **error.values) from None
    return Contract(reference=cells["reference"], startup=startup, **dates)


def _payment(cells: dict[str, str], column_path: Callable[[str], str]) -> Payment:
    try:
        paid_on = day(cells["paid_on"], "paid_on")
        amount = amount_text(cells["amount"], "amount")
    except InvalidInput as error:
        raise _FileError(column_path(error.path), error.key, **error.values) from None
    return Payment(reference=cells["reference"], paid_on=paid_on, amount=amount)


def _document_key(text: str) -> str:
    """A kind of document as compared: case, accents, apostrophes, hyphens and runs of spaces ignored."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name_key(text)).split())


#: The short forms of each kind of document a spreadsheet may hold, beside its value and its two names.
_DOCUMENT_WORDS = {
    DocumentKind.CONTRACT_COPY: (
        "copie du contrat",
        "copie de contrat",
        "copie du contrat signé",
        "contrat signé",
        "contract copy",
        "copy of the contract",
    ),
    DocumentKind.FINANCIAL_STATEMENT: (
        "compte rendu financier",
        "compte-rendu financier",
        "crf",
        "rapport d'activité et compte rendu financier",
        "rapport annuel",
        "annual report",
    ),
    DocumentKind.FINAL_REPORT: ("rapport final", "final report"),
}
_DOCUMENT_KINDS = {
    _document_key(word): kind
    for kind in DocumentKind
    for word in (kind.value, kind.label("en"), kind.label("fr"), *_DOCUMENT_WORDS[kind])
}
_YEAR_WORDS = re.compile(r"(?:annee|year|an)\s*(?:n\s*)?(\d+)", re.ASCII)


def _document_kind(text: str) -> DocumentKind:
    """A kind of document from its value, its English or French name or a short form (« CRF »)."""
    kind = _DOCUMENT_KINDS.get(_document_key(text))
    if kind is None:
        raise InvalidInput("kind", "error.not_a_document_kind", value=repr(shorten(text.strip())))
    return kind


def _document_covers(kind: DocumentKind, text: str) -> str | None:
    """What a document covers as the cell holds it; « année 2 » or ``year 2`` is the programme year 2."""
    cell = text.strip()
    if kind is DocumentKind.FINANCIAL_STATEMENT:
        year = _YEAR_WORDS.fullmatch(_document_key(cell))
        return year[1] if year is not None else cell
    return cell or None


def _document(cells: dict[str, str], column_path: Callable[[str], str]) -> Document:
    try:
        kind = _document_kind(cells["kind"])
        received = day(cells["received_on"], "received_on")
        covers = _document_covers(kind, cells.get("covers", ""))
        if covers is None and kind is not DocumentKind.FINAL_REPORT:
            raise InvalidInput("covers", "error.empty")
        return Document(kind=kind, received_on=received, covers=covers)
    except InvalidInput as error:
        raise _FileError(column_path(error.path), error.key, **error.values) from None


def _sector(value: object) -> object:
    """A sector's English value, or its French name (« santé », « Industrie », « industriel »)."""
    if isinstance(value, str):
        key = name_key(value)
        for sector in Sector:
            if key == name_key(sector.label("fr")):
                return sector
        return _SECTOR_WORDS.get(key, value)
    return value


def _unique_references(sources: Iterable[tuple[Contract | Payment, str]]) -> None:
    """No reference used twice; an origin is ``contracts[3]`` or, for a CSV row, ``file.csv:4``."""
    seen: dict[str, str] = {}
    for value, origin in sources:
        if value.reference in seen:
            twice = {"value": repr(value.reference), "origin": seen[value.reference]}
            if origin.startswith("contracts["):
                raise InvalidInput(f"{origin}.reference", "error.used_twice", **twice)
            raise _FileError(f"{origin}: reference", "error.used_twice", **twice)
        seen[value.reference] = origin
