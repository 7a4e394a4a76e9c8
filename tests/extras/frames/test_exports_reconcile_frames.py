"""The pandas frames reconcile: every money figure has its column, and ``payable`` follows from them.

payable = max(0, releasable − awaiting_documents − balance_held − paid), releasable = accrued − withheld
(C3, C4, C9 and C3's « modalités »); ``tests/reports/test_exports_reconcile.py`` does the same for the
core formats. The frames are those of the assessment as a whole (``to_frame(by="assessment")``), of
its budget years, of ``sweep`` and of the readings.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas
from hypothesis import given, settings

from propulseur_rules import assess, sweep
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning import compare_readings, records
from propulseur_rules.rules._outcome import MONEY_FIGURES
from strategies import FinancedCase, financed_cases

ZERO = Decimal("0.00")


def reconciles(frame: Any) -> None:
    """Each row of the frame has every money figure, and its payable and excess paid follow from the others."""
    assert set(MONEY_FIGURES) <= set(frame.columns)
    for row in frame.to_dict("records"):
        assert row["releasable"] == row["accrued"] - row["withheld"]
        kept_back = row["awaiting_documents"] + row["balance_held"]
        before = max(ZERO, row["releasable"] - kept_back - row["paid"])
        assert row["payable"] == max(ZERO, before - row["time_barred"])  # loi n° 68-1250, art. 1er and 6
        assert row["excess_paid"] == max(ZERO, row["paid"] - row["releasable"])


def test_the_frames_of_the_built_in_example_reconcile() -> None:
    inputs = example_assessment_inputs()
    assessment = assess(**inputs)  # type: ignore[arg-type]
    whole = assessment.to_frame(by="assessment")
    by_year = assessment.to_frame(by="budget_year")

    # 3 × 20 000 + 7 × 15 000 = 165 000 accrued, 10 000 waiting for year 2's statement (half of year 3's
    # operating grant), 165 000 / 5 = 33 000 held as the balance, nothing time-barred before 2027 (the
    # claims arose from 2022), 50 000 + 60 000 = 110 000 paid.
    assert whole.loc[0, list(MONEY_FIGURES)].tolist() == [
        Decimal(165_000),
        ZERO,
        Decimal(165_000),
        Decimal(10_000),
        Decimal(33_000),
        ZERO,
        Decimal(110_000),
        Decimal(165_000 - 10_000 - 33_000 - 110_000),
        ZERO,
    ]
    reconciles(whole)
    # The budget years add up to the frame of the whole, figure by figure.
    for name in ("accrued", "withheld", "releasable", "paid"):
        assert by_year[name].sum() == whole.loc[0, name]
    convention = inputs.pop("convention")
    reconciles(pandas.DataFrame(sweep(convention, **inputs)))  # type: ignore[arg-type]
    reconciles(pandas.DataFrame(records(compare_readings(convention, **inputs))))  # type: ignore[arg-type]


@settings(max_examples=25)
@given(financed_cases())
def test_the_frames_of_any_case_reconcile(drawn: FinancedCase) -> None:
    assessment = drawn.assess()
    case = drawn.case
    facts = {
        "regional_authorisation_on": case.regional_authorisation_on,
        "payments": case.payments,
        "financing_signed_on": drawn.financing_signed_on,
        "documents": drawn.documents,
    }

    reconciles(assessment.to_frame(by="assessment"))
    reconciles(pandas.DataFrame(sweep(case.convention, case.contracts, as_of=case.as_of, **facts)))
    readings = compare_readings(case.convention, case.contracts, as_of=case.as_of, **facts)
    reconciles(pandas.DataFrame(records(readings)))
