"""An assessment for spreadsheets: CSV with the conventions of the reader's language, typed ``.xlsx`` and ``.ods``.

The tables (see ``docs/files.md``), one per sheet of a workbook and one per CSV file:

- ``assessment``: the money figures of the assessment, one per row, all of
  ``MONEY_FIGURES`` in their order (accrued, withheld, releasable, awaiting
  documents, balance held, paid, payable, excess paid; the two of the financing
  convention are zero without its terms);
- ``contracts``: one row per contract (reference, startup, status, programme
  year, grant, day the grant accrues, unmet conditions; the status in words in French;
  the warnings on its facts, a postal code for a head office or a name to check, in words);
- ``unmet``: one row per unmet condition (the contract, if any, the condition,
  its clause, the money at stake);
- ``budget_years``: the figures by calendar year, when the caller gives them;
- ``sources``: where each input came from (« Hypothèses et sources »), when given.

A workbook is written as a person expects to read it: each column as wide as
its widest cell, the header frozen and bold with a filter, amounts and days
typed cells with the number formats of the reader's language (``# ##0,00 €``
and ``dd/mm/yyyy`` in French; the values stay numbers and dates).

In French a CSV file is what Excel opens in France: ``;`` between fields, a
decimal comma, ``dd/mm/yyyy`` dates, UTF-8 with a byte order mark. In English:
``,``, a decimal point, ISO 8601 dates, UTF-8. Written to files, each table is a
file of its own (:func:`csv_paths`); on standard output, a stream of one file,
the contracts, the figures and the sources follow one another, an empty line
between two.

An output file is written whole or not at all: into a temporary file of the same
folder, then renamed over the target; several files are all written to
temporary files before the first is renamed.
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
from ..rules._warnings import contract_warnings
from ..words._catalogue import say
from ..words._errors import InvalidInput, Worded
from ..words._format import csv_delimiter, format_date, format_decimal, format_money, spreadsheet_date_format
from ..words._language import check_lang
from ._messages import condition_label, failure_label, status_label

__all__ = [
    "TABLES",
    "assessment_csv",
    "assessment_sheets",
    "assessment_xlsx",
    "csv_paths",
    "tables_csv",
    "tables_xlsx",
    "write_atomically",
    "write_files_atomically",
]

#: The tables of an assessment written to spreadsheets, in their order: each a sheet of a workbook,
#: or a CSV file of its own named after it (``assessment.csv``…).
TABLES = ("assessment", "contracts", "unmet", "budget_years", "sources")

#: The columns of the contracts table: the keys of ``Assessment.to_records()`` then the warnings on the
#: contract's facts, each headed by ``export.column.`` + its key (in English, the key itself).
_CONTRACT_COLUMNS = ("reference", "startup", "status", "programme_year", "grant", "accrues_on", "unmet", "warnings")
#: The money figures of the assessment, all of them in their order, each named by ``export.figure.`` + its name.
_FIGURES = MONEY_FIGURES


def _tables(assessment: Assessment, lang: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """The contracts table and the figures table, headers first, values typed (Decimal, date, int, str).

    The status and the unmet conditions are codes in English and words in French, as the French report
    writes them (a code is English already)."""
    contracts: list[list[Any]] = [[say("export.column." + key, lang) for key in _CONTRACT_COLUMNS]]
    in_words = check_lang(lang) != "en"
    warned = contract_warnings(contract.contract for contract in assessment.contracts)
    joint = say("export.warnings_joint", lang)
    for record in assessment.to_records():
        warnings = joint.join(warning.short(lang) for warning in warned.get(record["reference"], ()))
        row = [*(record[key] for key in _CONTRACT_COLUMNS[:-1]), warnings]
        if in_words:
            row[2] = status_label(ContractStatus(row[2]), lang)
            row[6] = ", ".join(failure_label(Condition(code), lang) for code in row[6].split(", ") if code)
        contracts.append(row)
    figures: list[list[Any]] = [[say("export.heading.figure", lang), say("export.heading.amount", lang)]]
    figures += [[say("export.figure." + name, lang), getattr(assessment, name)] for name in _FIGURES]
    return contracts, figures


#: The columns of the table of unmet conditions, each headed by ``export.column.`` + its key.
_UNMET_COLUMNS = ("contract", "condition", "clause", "amount")


def _unmet_table(assessment: Assessment, lang: str) -> list[list[Any]]:
    """One row per unmet condition, in the order of ``Assessment.unmet``: the contract (empty for a
    condition of the whole grant), the condition (a code in English, words in French), its clause and
    the money at stake."""
    in_words = check_lang(lang) != "en"
    table: list[list[Any]] = [[say("export.column." + key, lang) for key in _UNMET_COLUMNS]]
    for unmet in assessment.unmet:
        condition = condition_label(unmet.condition, lang) if in_words else unmet.condition.value
        table.append([unmet.contract, condition, unmet.clause.value, unmet.amount])
    return table


def assessment_sheets(
    assessment: Assessment,
    lang: str = "en",
    *,
    budget_years: Sequence[Sequence[Any]] = (),
    sources: Sequence[Sequence[Any]] = (),
) -> list[tuple[str, Sequence[Sequence[Any]]]]:
    """The tables of :data:`TABLES` as ``(name, rows)``, headers first, values typed (Decimal, date, int,
    str); ``budget_years`` and ``sources`` are left out when not given."""
    contracts, figures = _tables(assessment, lang)
    given = {"budget_years": budget_years, "sources": sources}
    made = {"assessment": figures, "contracts": contracts, "unmet": _unmet_table(assessment, lang)}
    return [(name, made.get(name) or given[name]) for name in TABLES if name in made or given[name]]


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


def assessment_xlsx(
    assessment: Assessment,
    lang: str = "en",
    *,
    sources: Sequence[Sequence[Any]] = (),
    budget_years: Sequence[Sequence[Any]] = (),
) -> bytes:
    """The assessment as the bytes of an ``.xlsx`` workbook with typed cells, one sheet per table of
    :data:`TABLES` (see the module's notes); needs the ``xlsx`` extra."""
    return tables_xlsx(assessment_sheets(assessment, lang, budget_years=budget_years, sources=sources), lang)


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
    by ``export.sheet.`` + its name, laid out as the module's notes say. Needs the ``xlsx`` extra."""
    openpyxl = require("openpyxl", "xlsx", Worded("error.feature_write_xlsx"))
    bold, letter = openpyxl.styles.Font(bold=True), openpyxl.utils.get_column_letter
    formats = {"money": money_format(lang), "date": spreadsheet_date_format(lang)}
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, table in sheets:
        sheet = workbook.create_sheet(say("export.sheet." + name, lang))
        for row in table:
            sheet.append(list(row))
        for cell in sheet[1] if table else ():
            cell.font = bold
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                kind = cell_kind(cell.value)
                if kind in formats:
                    cell.number_format = formats[kind]
        for position, width in enumerate(column_widths(table, lang), start=1):
            sheet.column_dimensions[letter(position)].width = width
        if table:
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = sheet.dimensions
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def money_format(lang: str) -> str:
    """The number format of an amount in euros: ``# ##0,00 €`` in French, ``#,##0.00`` in English.

    A format code is written with the separators of the file format (``,`` for thousands, ``.`` for
    the cents); the spreadsheet shows them as the reader's settings do."""
    return '#,##0.00\\ "€"' if check_lang(lang) == "fr" else "#,##0.00"


def cell_kind(value: object) -> str:
    """What a cell holds, for its format: ``money`` (a Decimal or float), ``date``, or ``other``."""
    if isinstance(value, (Decimal, float)):
        return "money"
    if isinstance(value, (dt.date, dt.datetime)):
        return "date"
    return "other"


def column_widths(table: Sequence[Sequence[Any]], lang: str) -> list[float]:
    """The width of each column, in characters: its widest cell as the reader sees it, and a margin."""
    widths: list[float] = []
    for row in table:
        for position, value in enumerate(row):
            shown = len(_shown_in_sheet(value, lang))
            if position == len(widths):
                widths.append(0)
            widths[position] = max(widths[position], min(shown + 3, 60))
    return widths


def _shown_in_sheet(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_money(value, lang)
    if isinstance(value, dt.date):
        return "00/00/0000"
    return str(value)


def csv_paths(output: str | os.PathLike[str], names: Sequence[str]) -> list[Path]:
    """The file of each table when tables are written as CSV files: in a folder (``out/`` or a folder
    that exists: ``out/assessment.csv``; ``out/`` is made if it is not there, in a folder that is), or
    after a prefix (``out`` or ``out.csv``: ``out-assessment.csv``)."""
    text = os.fspath(output)
    target = Path(text)
    if text.endswith(("/", os.sep)) or target.is_dir():
        if not target.is_dir():
            try:
                target.mkdir()
            except (OSError, ValueError) as error:
                raise InvalidInput(text, "error.cannot_write", reason=_why(error)) from None
        return [target / f"{name}.csv" for name in names]
    stem = target.name[: -len(".csv")] if target.name.lower().endswith(".csv") else target.name
    return [target.with_name(f"{stem}-{name}.csv") for name in names]


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


def write_files_atomically(contents: Sequence[tuple[Path, bytes]]) -> None:
    """Write several files whole or not at all: each into a temporary file of its folder, then, once all
    are written, each renamed over its target. On a failure before the renaming, no target is touched."""
    written: list[tuple[str, Path]] = []
    current: Path | None = None
    try:
        for current, content in contents:
            written.append((_temporary(current, content), current))
        for temporary, current in written:
            os.replace(temporary, current)
    except BaseException as error:
        for temporary, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if isinstance(error, (OSError, ValueError)):  # ValueError: a name with a null character
            raise InvalidInput(str(current), "error.cannot_write", reason=_why(error)) from None
        raise


def _temporary(target: Path, content: bytes) -> str:
    """``content`` in a temporary file beside ``target``, flushed to the disk; its name."""
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _why(error: Exception) -> str:
    """The reason of an operating system's refusal, without the temporary file's name."""
    return (getattr(error, "strerror", None) or str(error)) if isinstance(error, OSError) else str(error)
