"""``assess --format csv|xlsx|ods``: the assessment's tables for a spreadsheet, written whole.

A workbook (``xlsx``, ``ods``) holds one table per sheet and needs ``--output``. CSV
files hold one table each: ``--output out/`` writes ``out/assessment.csv``,
``out/contracts.csv``…, ``--output out`` (or ``out.csv``) writes ``out-assessment.csv``…;
without ``--output``, standard output is one stream, where the contracts, the figures
and the sources follow one another, an empty line between two.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from ..planning._planning import _spreadsheet_tables, budget_years_csv
from ..reports._export import (
    assessment_csv,
    assessment_sheets,
    csv_paths,
    tables_csv,
    tables_xlsx,
    write_atomically,
    write_files_atomically,
)
from ..reports._export_ods import tables_ods
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import PropulseurRulesError
from ._output import fail, refused, status, write_bytes

__all__ = ["run_spreadsheet"]

_Sheets = list[tuple[str, Sequence[Sequence[Any]]]]


def run_spreadsheet(arguments: argparse.Namespace, assessment: Assessment, sources: list[list[object]]) -> int:
    """The tables of the assessment, or with ``--by budget-year`` the budget years and the money figures,
    then the assumptions and sources, in the format asked (see the module's notes)."""
    lang, output = arguments.lang, arguments.output
    by_year = arguments.by == "budget-year"
    try:
        if arguments.format in ("xlsx", "ods"):
            if output is None:
                return fail(say(f"error.{arguments.format}_needs_output", lang), lang)
            write = tables_xlsx if arguments.format == "xlsx" else tables_ods
            write_atomically(output, write(_sheets(assessment, lang, sources, by_year=by_year), lang))
        elif output is None:
            if by_year:
                write_bytes(budget_years_csv(assessment, lang, sources=sources))
            else:
                write_bytes(assessment_csv(assessment, lang, sources=sources))
        else:
            sheets = _sheets(assessment, lang, sources, by_year=by_year)
            paths = csv_paths(output, [name for name, _ in sheets])
            write_files_atomically(
                [(path, tables_csv([table], lang)) for path, (_, table) in zip(paths, sheets, strict=True)]
            )
    except PropulseurRulesError as error:
        return refused(error, lang)
    return status(arguments, assessment)


def _sheets(assessment: Assessment, lang: str, sources: list[list[object]], *, by_year: bool) -> _Sheets:
    """The tables: those of the assessment with its budget years, or the budget years and the figures."""
    years, figures = _spreadsheet_tables(assessment, lang)
    if by_year:
        return [("budget_years", years), ("figures", figures), *([("sources", sources)] if sources else [])]
    return assessment_sheets(assessment, lang, budget_years=years, sources=sources)
