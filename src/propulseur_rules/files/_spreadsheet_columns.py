"""The columns of a spreadsheet of contracts, payments or documents, and its header as a person writes it.

A header names each column in English (``signed_on``) or as French exports write
it (« date de signature »), case, accents, signs and runs of spaces ignored; a
header that names no known column is refused with the closest column when it
looks like a typo, and never repeats the content of a file that is no export.
"""

from __future__ import annotations

import difflib
import re

from ..rules._model import name_key
from ._load_files import _FileError

__all__ = [
    "CSV_COLUMNS",
    "CSV_REQUIRED",
    "DOCUMENT_CSV_COLUMNS",
    "DOCUMENT_REQUIRED",
    "FRENCH_HEADERS",
    "PAYMENT_CSV_COLUMNS",
    "Cells",
    "column_of",
    "header_name",
    "read_header",
]

#: The columns of a contracts CSV file; ``startup`` is the startup's name.
CSV_COLUMNS = ("reference", "startup", "head_office", "sector", "siren", "applied_on", "selected_on", "signed_on")
#: The columns a contracts CSV file must have.
CSV_REQUIRED = ("reference", "startup", "head_office", "sector", "signed_on")
#: The columns of a payments CSV file, all required.
PAYMENT_CSV_COLUMNS = ("reference", "paid_on", "amount")
#: The columns of a CSV file of supporting documents received; ``covers`` may be left out or empty
#: (a final report covers nothing in particular).
DOCUMENT_CSV_COLUMNS = ("kind", "received_on", "covers")
#: The columns a CSV file of documents must have.
DOCUMENT_REQUIRED = ("kind", "received_on")

#: The cells of one row, as text.
Cells = list[str]

#: Headers as French exports write them, for each column.
FRENCH_HEADERS = {
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
_PLAIN_COLUMN = re.compile(r"[a-z_][a-z0-9_ -]{0,39}", re.ASCII)


def _header_key(name: str) -> str:
    """A header as compared: case, accents, signs and runs of spaces, ``_`` and ``-`` ignored."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", name_key(name.replace("\ufeff", ""))).split())


_HEADER_KEYS = {
    _header_key(alias): column
    for column in (*CSV_COLUMNS, *PAYMENT_CSV_COLUMNS, *DOCUMENT_CSV_COLUMNS)
    for alias in (column, *FRENCH_HEADERS.get(column, ()))
}


def column_of(name: str, columns: tuple[str, ...]) -> str | None:
    """The column of ``columns`` a header cell names, in English or French; ``None``: none of them."""
    column = _HEADER_KEYS.get(_header_key(name))
    return column if column in columns else None


def header_name(written: str, column: str) -> str:
    """The name an error gives a column: its header as written, or the column's own name if that is what it
    writes (``Signed On`` is ``signed_on``)."""
    return column if re.sub(r"[\s_-]+", "_", written.strip().lower()) == column else written


def read_header(cells: Cells, where: str, columns: tuple[str, ...], required: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each column of the header line ``where`` (``file.csv:1``) as ``(column, name as written)``, every cell a
    known column; empty columns at the end are dropped."""
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    header: list[tuple[str, str]] = []
    for position, name in enumerate(cells):
        column = _HEADER_KEYS.get(_header_key(name))
        if column is None or column not in columns:
            raise _unknown_column(name, position, where, columns)
        if any(column == known for known, _ in header):
            raise _FileError(where, "error.twice_column", column=repr(column))
        written = " ".join(name.replace("\ufeff", "").split())
        header.append((column, column if _header_key(written) == _header_key(column) else written))
    for column in required:
        if all(column != known for known, _ in header):
            raise _FileError(where, "error.missing_column", column=repr(column), columns=", ".join(columns))
    return header


def _unknown_column(name: str, position: int, where: str, columns: tuple[str, ...]) -> _FileError:
    """The error of a header cell that names no column of ``columns``: unnamed, a typo, or unknown."""
    key = name.strip().lower()
    close = difflib.get_close_matches(key, columns, n=1)
    # Only a short, plain header close to a known column (a typo) is repeated:
    # a file that is not a CSV export (one named by mistake, or on purpose) must
    # not have its content shown.
    named = f", {key!r}," if close and _PLAIN_COLUMN.fullmatch(key) else ""
    if not key:
        return _FileError(where, "error.unnamed_column", position=str(position + 1))
    if close:
        return _FileError(
            where, "error.unknown_column_hint", position=str(position + 1), named=named, close=repr(close[0])
        )
    return _FileError(where, "error.unknown_column", position=str(position + 1), columns=", ".join(columns))
