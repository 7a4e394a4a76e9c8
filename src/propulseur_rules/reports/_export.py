"""An assessment for spreadsheets: CSV with the conventions of the reader's language, and typed ``.xlsx``.

The layout (see ``docs/files.md``): one row per contract (reference, status,
programme year, grant, day the grant accrues, unmet conditions; the status in
words in French), then the money
figures of the assessment, one per row (accrued, withheld, releasable, paid,
payable, excess paid). A CSV file holds both tables, an empty line between them;
a workbook holds them on two sheets.

In French a CSV file is what Excel opens in France: ``;`` between fields, a
decimal comma, ``dd/mm/yyyy`` dates, UTF-8 with a byte order mark. In English:
``,``, a decimal point, ISO 8601 dates, UTF-8.

An output file is written whole or not at all: into a temporary file of the same
folder, then renamed over the target.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import os
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..rules._extras import require
from ..rules._outcome import Assessment, ContractStatus
from ..words._errors import InvalidInput, Worded
from ._messages import status_label

__all__ = ["assessment_csv", "assessment_xlsx", "write_atomically"]

#: The columns of the contracts table: the key of ``Assessment.to_records()``, English and French headers.
_CONTRACT_COLUMNS = (
    ("reference", "reference", "référence"),
    ("status", "status", "statut"),
    ("programme_year", "programme_year", "année du programme"),
    ("grant", "grant", "subvention"),
    ("accrues_on", "accrues_on", "acquise le"),
    ("unmet", "unmet", "conditions non remplies"),
)
#: The money figures of the assessment, with their English and French labels.
_FIGURES = (
    ("accrued", "accrued", "acquis"),
    ("withheld", "withheld", "retenu"),
    ("releasable", "releasable", "versable"),
    ("paid", "paid", "déjà versé"),
    ("payable", "payable", "à verser"),
    ("excess_paid", "excess_paid", "trop-versé"),
)
_FIGURE_HEADER = (("figure", "amount"), ("poste", "montant"))
_SHEETS = (("contracts", "contrats"), ("figures", "montants"))


def _index(lang: str) -> int:
    return 1 if lang == "fr" else 0


def _tables(assessment: Assessment, lang: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """The contracts table and the figures table, headers first, values typed (Decimal, date, int, str)."""
    at = _index(lang) + 1
    contracts: list[list[Any]] = [[column[at] for column in _CONTRACT_COLUMNS]]
    for record in assessment.to_records():
        row = [record[key] for key, _, _ in _CONTRACT_COLUMNS]
        if lang == "fr":  # the status as the French report writes it; in English, its code
            row[1] = status_label(ContractStatus(row[1]), "fr")
        contracts.append(row)
    figures: list[list[Any]] = [list(_FIGURE_HEADER[at - 1])]
    figures += [[names[at], getattr(assessment, names[0])] for names in _FIGURES]
    return contracts, figures


def _csv_cell(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = f"{value:.2f}"
        return text.replace(".", ",") if lang == "fr" else text
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y") if lang == "fr" else value.isoformat()
    return str(value)


def assessment_csv(assessment: Assessment, lang: str = "en") -> bytes:
    """The assessment as the bytes of a CSV file (see the module's notes for the layout and conventions)."""
    french = lang == "fr"
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=";" if french else ",", lineterminator="\r\n")
    contracts, figures = _tables(assessment, lang)
    writer.writerows([_csv_cell(cell, lang) for cell in row] for row in contracts)
    writer.writerow([])
    writer.writerows([_csv_cell(cell, lang) for cell in row] for row in figures)
    return stream.getvalue().encode("utf-8-sig" if french else "utf-8")


def assessment_xlsx(assessment: Assessment, lang: str = "en") -> bytes:
    """The assessment as the bytes of an ``.xlsx`` workbook with typed cells; needs the ``xlsx`` extra."""
    openpyxl = require("openpyxl", "xlsx", Worded("error.feature_write_xlsx"))
    at = _index(lang)
    date_format = "DD/MM/YYYY" if lang == "fr" else "YYYY-MM-DD"
    workbook = openpyxl.Workbook()
    first = workbook.active
    workbook.remove(first)
    for name, table in zip(_SHEETS, _tables(assessment, lang), strict=True):
        sheet = workbook.create_sheet(name[at])
        for row in table:
            sheet.append(row)
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, (Decimal, float)):
                    cell.number_format = "#,##0.00"
                elif isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = date_format
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def write_atomically(path: str | os.PathLike[str], content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all: a temporary file of the same folder, then renamed.

    On any failure the temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    shown = str(path)
    folder = target.parent
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except (OSError, ValueError) as error:  # ValueError: a name with a null character
        raise InvalidInput(shown, "error.cannot_write", reason=_why(error)) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, (OSError, ValueError)):
            raise InvalidInput(shown, "error.cannot_write", reason=_why(error)) from None
        raise


def _why(error: Exception) -> str:
    """The reason of an operating system's refusal, without the temporary file's name."""
    return (getattr(error, "strerror", None) or str(error)) if isinstance(error, OSError) else str(error)
