"""The trace, the reports and the schedule show what the engine decided and compute nothing of their own.

Each test changes one result of a rule on a copy of an assessment (``attrs.evolve``) and checks that
the view follows the copy: a view that recomputed the rule from the inputs would not.
"""

from __future__ import annotations

import datetime as dt

import attrs

from propulseur_rules import DIJON_2022, Assessment, Condition, DeadlineKind, StepKind, TraceStep, assess
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning._schedule import _financing_days
from propulseur_rules.reports import explain, render
from propulseur_rules.rules._financing import last_day_to_claim, prescribed_on


def example() -> Assessment:
    """The built-in example on 31 March 2025, under the assumed financing terms (docs/guide.md)."""
    inputs = example_assessment_inputs()
    return assess(**inputs)  # type: ignore[arg-type]


def step(assessment: Assessment, kind: StepKind) -> TraceStep:
    (found,) = [step for step in assessment.trace() if step.kind is kind]
    return found


def without(assessment: Assessment, condition: Condition) -> Assessment:
    return attrs.evolve(
        assessment, unmet=tuple(unmet for unmet in assessment.unmet if unmet.condition is not condition)
    )


# --- the four-year limitation (loi n° 68-1250, art. 1er) -----------------------------------------


def test_the_limitation_is_one_rule_its_lapse_the_day_after_the_last_day_to_claim() -> None:
    # A right acquired on 1 July 2022 may be claimed until 31 December 2026 and lapses on 1 January 2027.
    assert last_day_to_claim(dt.date(2022, 7, 1)) == dt.date(2026, 12, 31)
    assert prescribed_on(dt.date(2022, 7, 1)) == dt.date(2027, 1, 1)
    assert prescribed_on(dt.date(9995, 7, 1)) is None  # its last day would be 31 December 9999


def test_each_unpaid_claim_records_the_day_it_lapses() -> None:
    limitations = [deadline for deadline in example().deadlines if deadline.kind is DeadlineKind.LIMITATION]

    assert limitations
    for deadline in limitations:
        assert deadline.arose_on is not None
        # 31 December of the fourth year after the one the right arose in; it lapses the next day.
        assert deadline.due_on == dt.date(deadline.arose_on.year + 4, 12, 31)
        assert deadline.lapses_on == dt.date(deadline.arose_on.year + 5, 1, 1)


def test_the_trace_shows_the_day_the_engine_recorded_for_a_claim_to_lapse() -> None:
    assessment = example()
    moved = dt.date(2031, 5, 4)
    deadlines = tuple(
        attrs.evolve(deadline, lapses_on=moved) if deadline.kind is DeadlineKind.LIMITATION else deadline
        for deadline in assessment.deadlines
    )

    steps = [step for step in attrs.evolve(assessment, deadlines=deadlines).trace() if step.kind is StepKind.LIMITATION]

    assert steps
    assert {step.input("lapsed_on") for step in steps} == {moved}


def test_the_schedule_looks_at_the_day_the_engine_recorded_for_a_claim_to_lapse() -> None:
    assessment = example()
    moved = dt.date(2031, 5, 4)
    deadlines = tuple(
        attrs.evolve(deadline, lapses_on=moved) if deadline.kind is DeadlineKind.LIMITATION else deadline
        for deadline in assessment.deadlines
    )
    horizon = attrs.evolve(assessment, deadlines=deadlines)

    days = _financing_days(lambda day: horizon, assessment, None, (), ())

    assert moved in days
    assert {deadline.due_on + dt.timedelta(days=1) for deadline in deadlines if deadline.lapses_on} - days


# --- the conditions on payment (C4, the financing convention) ------------------------------------


def test_the_trace_shows_the_regional_authorisation_as_the_engine_judged_it() -> None:
    # Assessed on 1 January 2023 without the authorisation, C4 withholds everything.
    assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    assert step(assessment, StepKind.REGIONAL_AUTHORISATION).input("validated") is False

    lifted = without(assessment, Condition.REGIONAL_AUTHORISATION)

    assert step(lifted, StepKind.REGIONAL_AUTHORISATION).input("validated") is True


def test_the_trace_and_the_report_show_the_financing_convention_as_the_engine_judged_it() -> None:
    inputs = example_assessment_inputs()
    # Signed on 1 April 2025, the day after the date of the assessment: nothing is payable yet.
    later = assess(**{**inputs, "financing_signed_on": dt.date(2025, 4, 1), "documents": ()})  # type: ignore[arg-type]
    assert step(later, StepKind.FINANCING_CONVENTION).input("signed") is False
    assert "after the date of the assessment" in render(later)

    signed = without(later, Condition.FINANCING_CONVENTION_SIGNED)

    assert step(signed, StepKind.FINANCING_CONVENTION).input("signed") is True
    assert "The financing convention was signed on" in render(signed)


# --- the balance (« solde », C3) -----------------------------------------------------------------


def test_the_balance_is_held_in_the_example_and_released_on_no_day() -> None:
    # 9 contracts are required (C3) and the final report is not in on 31 March 2025: 20 % of 165 000 is held.
    assessment = example()

    assert assessment.balance_held == 33_000
    assert assessment.balance_released_on is None
    assert step(assessment, StepKind.BALANCE).input("released_on") is None


def test_the_trace_and_the_reports_show_the_balance_as_released_when_the_engine_says_so() -> None:
    assessment = example()
    released = attrs.evolve(assessment, balance_released_on=dt.date(2025, 3, 1))

    assert step(released, StepKind.BALANCE).input("released_on") == dt.date(2025, 3, 1)
    assert "Balance (« solde ») released" in explain(released)
    assert "Balance (« solde ») released" not in explain(assessment)
    assert ", as the balance (« solde »)" in render(released)
    assert ", as the balance (« solde »)" not in render(assessment)


def test_what_may_be_paid_before_payments_is_the_engine_s_rule_for_the_payable() -> None:
    # 165 000 releasable − 10 000 awaiting year 2's statement − 33 000 balance held = 122 000; 110 000 paid.
    assessment = example()

    assert assessment.payable_before_payments == 165_000 - 10_000 - 33_000
    assert assessment.payable == assessment.payable_before_payments - assessment.paid
