"""The supporting documents received, read from a spreadsheet: their kinds as people write them, and their rows.

A kind of document may be written as its value (``financial_statement``), its
English or French name or a short form (« CRF »); a programme year as ``2`` or
« année 2 ». Each document keeps the row it came from, so that an error found
later (a copy of a contract the scenario does not have) names the file, the line
and the column as its header writes it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

from ..rules._documents import Document, DocumentKind
from ..rules._model import name_key
from ..words._errors import InvalidInput, shorten
from ._forms import day
from ._load_files import _FileError
from ._sheet_grid import csv_grid
from ._spreadsheet_columns import DOCUMENT_CSV_COLUMNS, DOCUMENT_REQUIRED
from ._spreadsheet_rows import RowOrigin, SheetRead, cells_wrong, file_records, records

__all__ = [
    "document_records",
    "documents_from_file",
    "documents_read",
    "load_documents_csv",
    "load_documents_xlsx",
    "placed_in_rows",
]


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
    """Read the documents received from the active sheet of an ``.xlsx`` workbook; needs the ``xlsx`` extra."""
    return documents_from_file(path, kind="xlsx")[0]


def documents_from_file(
    path: str | os.PathLike[str], *, kind: str | None = None
) -> tuple[tuple[Document, ...], str, tuple[RowOrigin, ...]]:
    """The documents of a CSV file or workbook, how it was read, and the row each came from.

    The rows let an error found later (a copy of a contract the scenario does not
    have) name the file, line and column: see :func:`placed_in_rows`.
    """
    documents, read, rows = documents_read(path, kind=kind)
    return documents, read.how, rows


def documents_read(
    path: str | os.PathLike[str], *, kind: str | None = None, sheet: str | None = None
) -> tuple[tuple[Document, ...], SheetRead, tuple[RowOrigin, ...]]:
    """The documents of a CSV file or a workbook's sheet, how it was read, and the row each came from."""
    headers: dict[str, str] = {}
    read, how = file_records(path, kind, DOCUMENT_CSV_COLUMNS, DOCUMENT_REQUIRED, _document, headers, sheet=sheet)
    documents = tuple(document for document, _ in read)
    return documents, how, tuple(RowOrigin(where=where, headers=headers) for _, where in read)


def document_records(text: str, shown: str) -> tuple[tuple[Document, ...], tuple[RowOrigin, ...]]:
    """The documents of a CSV text (a scenario's ``documents`` file) and the row each came from."""
    headers: dict[str, str] = {}
    read = records(csv_grid(text, shown), DOCUMENT_CSV_COLUMNS, DOCUMENT_REQUIRED, _document, headers)
    return tuple(document for document, _ in read), tuple(RowOrigin(where=where, headers=headers) for _, where in read)


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
    errors: list[InvalidInput] = []
    kind = received = None
    try:
        kind = _document_kind(cells["kind"])
    except InvalidInput as error:
        errors.append(_FileError(column_path(error.path), error.key, **error.values))
    try:
        received = day(cells["received_on"], "received_on")
    except InvalidInput as error:
        errors.append(_FileError(column_path(error.path), error.key, **error.values))
    if kind is None or received is None:
        raise cells_wrong(errors)
    try:
        covers = _document_covers(kind, cells.get("covers", ""))
        if covers is None and kind is not DocumentKind.FINAL_REPORT:
            raise InvalidInput("covers", "error.empty")
        return Document(kind=kind, received_on=received, covers=covers)
    except InvalidInput as error:
        raise _FileError(column_path(error.path), error.key, **error.values) from None
