"""An assessment for spreadsheets: CSV with the conventions of the reader's language, and typed ``.xlsx``.

The layout (see ``docs/files.md``): one row per contract (reference, startup, status,
programme year, grant, day the grant accrues, unmet conditions; the status in
words in French), then the money
figures of the assessment, one per row, all of ``MONEY_FIGURES`` in their order
(accrued, withheld, releasable, awaiting documents, balance held, paid, payable,
excess paid; the two of the financing convention are zero without its terms).
A CSV file holds both tables, an empty line between them; a workbook holds them
on two sheets. The command line adds a third table or sheet, the assumptions and
sources (« Hypothèses et sources »): where each input came from and the payable by
what it rests on.

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
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..rules._extras import require
from ..rules._outcome import MONEY_FIGURES, Assessment, Condition, ContractStatus
from ..words._catalogue import say
from ..words._errors import InvalidInput, Worded
from ..words._format import csv_delimiter, format_date, format_decimal, spreadsheet_date_format
from ..words._language import check_lang
from ._messages import failure_label, status_label

__all__ = ["assessment_csv", "assessment_xlsx", "tables_csv", "tables_xlsx", "write_atomically"]

#: The columns of the contracts table: the keys of ``Assessment.to_records()``, each headed by
#: ``export.column.`` + its key (in English, the key itself).
_CONTRACT_COLUMNS = ("reference", "startup", "status", "programme_year", "grant", "accrues_on", "unmet")
#: The money figures of the assessment, all of them in their order, each named by ``export.figure.`` + its name.
_FIGURES = MONEY_FIGURES


def _tables(assessment: Assessment, lang: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """The contracts table and the figures table, headers first, values typed (Decimal, date, int, str).

    The status and the unmet conditions are codes in English and words in French, as the French report
    writes them (a code is English already)."""
    contracts: list[list[Any]] = [[say("export.column." + key, lang) for key in _CONTRACT_COLUMNS]]
    in_words = check_lang(lang) != "en"
    for record in assessment.to_records():
        row = [record[key] for key in _CONTRACT_COLUMNS]
        if in_words:
            row[2] = status_label(ContractStatus(row[2]), lang)
            row[6] = ", ".join(failure_label(Condition(code), lang) for code in row[6].split(", ") if code)
        contracts.append(row)
    figures: list[list[Any]] = [[say("export.heading.figure", lang), say("export.heading.amount", lang)]]
    figures += [[say("export.figure." + name, lang), getattr(assessment, name)] for name in _FIGURES]
    return contracts, figures


def _csv_cell(value: Any, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(f"{value:.2f}", lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    return str(value)


def assessment_csv(assessment: Assessment, lang: str = "en", *, sources: Sequence[Sequence[Any]] = ()) -> bytes:
    """The assessment as the bytes of a CSV file (see the module's notes for the layout and conventions);
    ``sources``, a table of where each input came from, follows as a third table."""
    return tables_csv([*_tables(assessment, lang), *([sources] if sources else [])], lang)


def assessment_xlsx(assessment: Assessment, lang: str = "en", *, sources: Sequence[Sequence[Any]] = ()) -> bytes:
    """The assessment as the bytes of an ``.xlsx`` workbook with typed cells; needs the ``xlsx`` extra.
    ``sources``, a table of where each input came from, is a third sheet."""
    sheets = list(zip(("contracts", "figures"), _tables(assessment, lang), strict=True))
    return tables_xlsx([*sheets, *([("sources", sources)] if sources else [])], lang)


def tables_csv(tables: Sequence[Sequence[Sequence[Any]]], lang: str = "en") -> bytes:
    """Tables of typed values (headers first) as the bytes of one CSV file, an empty line between two,
    with the conventions of the reader's language (see the module's notes)."""
    delimiter = csv_delimiter(lang)
    stream = io.StringIO(newline="")
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    for position, table in enumerate(tables):
        if position:
            writer.writerow([])
        writer.writerows([_csv_cell(cell, lang) for cell in row] for row in table)
    # A French Excel reads UTF-8 only after a byte order mark, and a ';' file is a French one.
    return stream.getvalue().encode("utf-8-sig" if delimiter == ";" else "utf-8")


def tables_xlsx(sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]], lang: str = "en") -> bytes:
    """Tables of typed values (headers first) as the bytes of an ``.xlsx`` workbook, one sheet each, named
    by ``export.sheet.`` + its name; amounts and days are typed cells. Needs the ``xlsx`` extra."""
    openpyxl = require("openpyxl", "xlsx", Worded("error.feature_write_xlsx"))
    date_format = spreadsheet_date_format(lang)
    workbook = openpyxl.Workbook()
    first = workbook.active
    workbook.remove(first)
    for name, table in sheets:
        sheet = workbook.create_sheet(say("export.sheet." + name, lang))
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
