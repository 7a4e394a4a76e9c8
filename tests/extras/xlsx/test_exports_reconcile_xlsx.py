"""The workbook reconciles: its figures sheet has every money figure, and ``payable`` follows from them.

payable = max(0, releasable − awaiting_documents − balance_held − paid), releasable = accrued − withheld
(C3, C4, C9 and C3's « modalités »); ``tests/reports/test_exports_reconcile.py`` does the same for the
core formats.
"""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import Assessment, assess
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning._planning import budget_years_xlsx
from propulseur_rules.reports._export import assessment_xlsx
from propulseur_rules.rules._outcome import MONEY_FIGURES
from strategies import cases, financed_cases

ZERO = Decimal("0.00")


def amount(cell: object) -> Decimal:
    """openpyxl reads a number back as a float or an int: to the cent, it is the amount written."""
    return Decimal(str(cell)).quantize(Decimal("0.01"))


def workbook_figures(assessment: Assessment, lang: str, *, by_year: bool = False) -> dict[str, Decimal]:
    """The sheet of the money figures, its amounts as typed cells, in the order of MONEY_FIGURES; for
    the budget years' workbook, after checking that the years add up to it."""
    content = (budget_years_xlsx if by_year else assessment_xlsx)(assessment, lang)
    book = openpyxl.load_workbook(io.BytesIO(content))
    # The budget years' workbook: the years, then the figures; the assessment's: the figures first.
    first, figures = book.worksheets if by_year else (None, book.worksheets[0])
    rows = list(figures.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(MONEY_FIGURES)
    if lang == "en":
        assert [label for label, _ in rows] == list(MONEY_FIGURES)
    read = {name: amount(cell) for name, (_, cell) in zip(MONEY_FIGURES, rows, strict=True)}
    if first is not None:
        years = list(first.iter_rows(min_row=2, values_only=True))
        # The columns of the years: accrued in the year, withheld and releasable now, paid in the year.
        for column, name in enumerate(("accrued", "withheld", "releasable", "paid"), start=1):
            assert sum((amount(row[column]) for row in years), ZERO) == read[name]
    return read


def reconciles(figures: dict[str, Decimal]) -> None:
    assert figures["releasable"] == figures["accrued"] - figures["withheld"]
    kept_back = figures["awaiting_documents"] + figures["balance_held"]
    before = max(ZERO, figures["releasable"] - kept_back - figures["paid"])
    assert figures["payable"] == max(ZERO, before - figures["time_barred"])  # loi n° 68-1250, art. 1er and 6
    assert figures["excess_paid"] == max(ZERO, figures["paid"] - figures["releasable"])


@pytest.mark.parametrize("by_year", [False, True])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_workbook_of_the_built_in_example_reconciles(lang: str, by_year: bool) -> None:
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]
    figures = workbook_figures(assessment, lang, by_year=by_year)

    # 3 × 20 000 + 7 × 15 000 = 165 000 accrued, nothing withheld; year 2's statement awaited holds
    # 20 000 / 2 = 10 000; the balance is 165 000 / 5 = 33 000; nothing time-barred before 2027 (the claims
    # arose from 2022); paid 50 000 + 60 000 = 110 000.
    assert figures == {
        "accrued": Decimal(165_000),
        "withheld": ZERO,
        "releasable": Decimal(165_000),
        "awaiting_documents": Decimal(10_000),
        "balance_held": Decimal(33_000),
        "time_barred": ZERO,
        "paid": Decimal(110_000),
        "payable": Decimal(165_000 - 10_000 - 33_000 - 110_000),
        "excess_paid": ZERO,
    }
    reconciles(figures)


@settings(max_examples=25)
@given(st.one_of(cases(max_contracts=20), financed_cases()))
def test_the_workbook_of_any_assessment_reconciles(drawn: object) -> None:
    assessment = drawn.assess()  # type: ignore[attr-defined]
    for by_year in (False, True):
        figures = workbook_figures(assessment, "en", by_year=by_year)

        assert figures == {name: getattr(assessment, name) for name in MONEY_FIGURES}
        reconciles(figures)
