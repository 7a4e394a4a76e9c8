"""The pipeline of expected contracts from a spreadsheet a person writes: a CSV export or an ``.xlsx`` workbook.

One row per expected contract (:class:`~propulseur_rules.batch.Prospect`): its
reference, its startup (name, SIREN, INSEE code of its head office, sector), the
probability it is signed and the window of days it may be signed in. Headers in
English or French, read with the building blocks of the contracts' reader
(:mod:`propulseur_rules.files`; case, accents and signs ignored):

========================  ==============================================
column                    French headers
========================  ==============================================
``reference``             référence, n° de contrat
``startup``               raison sociale, start-up, startup, entreprise
``siren``                 SIREN, n° SIREN (may be left out or empty)
``head_office``           code INSEE, code INSEE du siège
``sector``                secteur, filière
``probability``           probabilité (``0,8``, ``0.8`` or ``80 %``)
``earliest``              signé au plus tôt
``latest``                signé au plus tard
``applied_on``            date de candidature (may be left out or empty)
``selected_on``           date de sélection (may be left out or empty)
========================  ==============================================

An error names the file, the line and the column as the header writes it:
``pipeline.csv:3: probabilité: '1,5' is not a probability from 0 to 1``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from ..files._forms import day
from ..files._load_csv import sector_of
from ..files._load_files import _file_path, _FileError, _read_spreadsheet_text
from ..files._sheet_grid import Cells, csv_lines, ods_grid, xlsx_grid
from ..files._spreadsheet_columns import FRENCH_HEADERS, _header_key
from ..rules._model import Startup
from ..words._errors import InvalidInput
from ._forecast import Prospect

__all__ = ["PIPELINE_COLUMNS", "load_pipeline"]

#: The columns of a pipeline sheet, in English.
PIPELINE_COLUMNS = (
    "reference",
    "startup",
    "siren",
    "head_office",
    "sector",
    "probability",
    "earliest",
    "latest",
    "applied_on",
    "selected_on",
)
_REQUIRED = ("reference", "startup", "head_office", "sector", "probability", "earliest", "latest")
#: The French headers of the columns a contracts sheet does not have; the others are the contracts' own.
_FRENCH = {
    **FRENCH_HEADERS,
    "probability": ("probabilité", "probabilité de signature"),
    "earliest": ("signé au plus tôt", "signature au plus tôt", "au plus tôt"),
    "latest": ("signé au plus tard", "signature au plus tard", "au plus tard"),
}
_KEYS = {_header_key(alias): column for column in PIPELINE_COLUMNS for alias in (column, *_FRENCH.get(column, ()))}


def load_pipeline(path: str | os.PathLike[str]) -> tuple[Prospect, ...]:
    """The expected contracts of a CSV file, an ``.xlsx`` workbook (the ``xlsx`` extra) or an ``.ods`` one (the
    ``ods`` extra), read on its active sheet, one a row."""
    file = _file_path(path)
    shown = str(path)
    try:
        suffix = file.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            lines = iter(xlsx_grid(file, shown, None).lines)
        elif suffix == ".ods":
            lines = iter(ods_grid(file, shown, None).lines)
        else:
            lines = csv_lines(_read_spreadsheet_text(file, shown)[0], shown)
        return _prospects(lines, shown)
    except _FileError as error:
        raise error.plain() from None


def _prospects(lines: Iterator[tuple[int, Cells]], shown: str) -> tuple[Prospect, ...]:
    try:
        _, first = next(lines)
    except StopIteration:
        raise _FileError(shown, "error.empty") from None
    header = _header(first, shown)
    written = dict(header)
    prospects: list[Prospect] = []
    seen: dict[str, str] = {}
    for line, row in lines:
        if not any(cell.strip() for cell in row):
            continue
        where = f"{shown}:{line}"
        if len(row) < len(header) or any(cell.strip() for cell in row[len(header) :]):
            raise _FileError(where, "error.fields", count=str(len(row)), expected=str(len(header)))
        cells = {column: cell.strip() for (column, _), cell in zip(header, row, strict=False)}
        for column in _REQUIRED:
            if not cells[column]:
                raise _FileError(f"{where}: {written[column]}", "error.empty")
        prospect = _prospect(cells, where, written)
        if prospect.reference in seen:
            raise _FileError(
                f"{where}: {written['reference']}",
                "error.used_twice",
                value=repr(prospect.reference),
                origin=seen[prospect.reference],
            )
        seen[prospect.reference] = where
        prospects.append(prospect)
    return tuple(prospects)


def _header(cells: Cells, shown: str) -> list[tuple[str, str]]:
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    header: list[tuple[str, str]] = []
    for position, name in enumerate(cells):
        column = _KEYS.get(_header_key(name))
        if column is None:
            raise _FileError(
                f"{shown}:1", "error.unknown_column", position=str(position + 1), columns=", ".join(PIPELINE_COLUMNS)
            )
        if any(column == known for known, _ in header):
            raise _FileError(f"{shown}:1", "error.twice_column", column=repr(column))
        header.append((column, " ".join(name.replace("\ufeff", "").split())))
    for column in _REQUIRED:
        if all(column != known for known, _ in header):
            raise _FileError(
                f"{shown}:1", "error.missing_column", column=repr(column), columns=", ".join(PIPELINE_COLUMNS)
            )
    return header


def _probability(text: str) -> object:
    """``0,8``, ``0.8`` or ``80 %`` as the probability 0.8; anything else as written, for Prospect to refuse."""
    number = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
    if number.endswith("%"):
        try:
            return float(number[:-1]) / 100
        except ValueError:
            return text
    return number


def _prospect(cells: dict[str, str], where: str, written: dict[str, str]) -> Prospect:
    """The expected contract of one row; an error names the row and the column as the header writes it."""

    def column_path(column: str) -> str:
        return f"{where}: {written.get(column, column)}"

    try:
        startup = Startup(
            name=cells["startup"],
            head_office=cells["head_office"],
            sector=sector_of(cells["sector"]),
            siren=cells.get("siren") or None,
        )
    except InvalidInput as error:
        column = "startup" if error.path == "name" else error.path
        raise _FileError(column_path(column), error.key, **error.values) from None
    values: dict[str, object] = {"probability": _probability(cells["probability"])}
    try:
        for column in ("earliest", "latest", "applied_on", "selected_on"):
            if cells.get(column):
                values[column] = day(cells[column], column)
        return Prospect(reference=cells["reference"], startup=startup, **values)
    except InvalidInput as error:
        raise _FileError(column_path(error.path), error.key, **error.values) from None
