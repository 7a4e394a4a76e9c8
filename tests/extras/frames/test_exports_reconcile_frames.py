"""The pandas frames reconcile: every money figure has its column, and ``payable`` follows from them.

payable = max(0, releasable − awaiting_documents − balance_held − paid), releasable = accrued − withheld
(C3, C4, C9 and C3's « modalités »); ``tests/reports/test_exports_reconcile.py`` does the same for the
core formats. The frames are those of the assessment as a whole (``to_frame(by="assessment")``), of
its budget years, of ``sweep`` and of the readings.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from propulseur_rules import assess, sweep
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning import compare_readings, records, records_frame
from propulseur_rules.rules._outcome import MONEY_FIGURES
from strategies import FinancedCase, financed_cases


def reconciles(frame: Any) -> None:
    """Each row of the frame has every money figure in integer cents, and its payable and excess paid follow
    from the others, to the cent."""
    cents = [f"{name}_cents" for name in MONEY_FIGURES]
    assert set(cents) <= set(frame.columns)
    assert all(frame[name].dtype == "int64" for name in cents)
    for row in frame.to_dict("records"):
        assert row["releasable_cents"] == row["accrued_cents"] - row["withheld_cents"]
        kept_back = row["awaiting_documents_cents"] + row["balance_held_cents"]
        before = max(0, row["releasable_cents"] - kept_back - row["paid_cents"])
        assert row["payable_cents"] == max(0, before - row["time_barred_cents"])  # loi n° 68-1250, art. 1er and 6
        assert row["excess_paid_cents"] == max(0, row["paid_cents"] - row["releasable_cents"])


def test_the_frames_of_the_built_in_example_reconcile() -> None:
    inputs = example_assessment_inputs()
    assessment = assess(**inputs)  # type: ignore[arg-type]
    whole = assessment.to_frame(by="assessment")
    by_year = assessment.to_frame(by="budget_year")

    # 3 × 20 000 + 7 × 15 000 = 165 000 accrued, 10 000 waiting for year 2's statement (half of year 3's
    # operating grant), 165 000 / 5 = 33 000 held as the balance, nothing time-barred before 2027 (the
    # claims arose from 2022), 50 000 + 60 000 = 110 000 paid.
    assert whole.loc[0, [f"{name}_cents" for name in MONEY_FIGURES]].tolist() == [
        165_000 * 100,
        0,
        165_000 * 100,
        10_000 * 100,
        33_000 * 100,
        0,
        110_000 * 100,
        (165_000 - 10_000 - 33_000 - 110_000) * 100,
        0,
    ]
    reconciles(whole)
    # The budget years add up to the frame of the whole, figure by figure.
    for name in ("accrued_cents", "withheld_cents", "releasable_cents", "paid_cents"):
        assert by_year[name].sum() == whole.loc[0, name]
    # Each frame in cents is the Decimal figure × 100, exactly.
    decimals = assessment.to_frame(by="assessment", money="decimal")
    for name in MONEY_FIGURES:
        assert whole.loc[0, f"{name}_cents"] == int(decimals.loc[0, name] * 100)
        assert whole.loc[0, f"{name}_cents"] == int(getattr(assessment, name) * 100)
    convention = inputs.pop("convention")
    reconciles(records_frame(sweep(convention, **inputs)))  # type: ignore[arg-type]
    reconciles(records_frame(records(compare_readings(convention, **inputs))))  # type: ignore[arg-type]


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

    whole = assessment.to_frame(by="assessment")
    reconciles(whole)
    assert [whole.loc[0, f"{name}_cents"] for name in MONEY_FIGURES] == [
        int(getattr(assessment, name) * 100) for name in MONEY_FIGURES
    ]
    reconciles(records_frame(sweep(case.convention, case.contracts, as_of=case.as_of, **facts)))
    readings = compare_readings(case.convention, case.contracts, as_of=case.as_of, **facts)
    reconciles(records_frame(records(readings)))
