"""Loi n° 68-1250, art. 2: a payment, a written claim or a letter interrupts the four-year limitation,
counted as known on the date of the assessment, on the day the right arose too; art. 6: the council's
relief is said with its reason.

The case of ``test_limitation.py``: no contract, no document; year 1's 20 000 € is a right from
1 December 2022, the day the regional authorisation lifted the last condition of payment (the
financing convention was signed on 15 November, the vote is of 29 September 2022). Without
interruption its four years run from 1 January 2023 to 31 December 2026.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from propulseur_rules import DIJON_2022, Assessment, Condition, Deadline, DeadlineKind, FinancingTerms, Payment, assess
from propulseur_rules.rules import LimitationEvent

TERMS = DIJON_2022.replace(financing=FinancingTerms())
AROSE = dt.date(2022, 12, 1)


def _case(as_of: dt.date, **facts: object) -> Assessment:
    return assess(
        TERMS,
        [],
        as_of=as_of,
        regional_authorisation_on=AROSE,
        financing_signed_on=dt.date(2022, 11, 15),
        **facts,  # type: ignore[arg-type]
    )


def _first_limitation(result: Assessment) -> Deadline:
    return next(deadline for deadline in result.deadlines if deadline.kind is DeadlineKind.LIMITATION)


def test_a_written_claim_on_the_date_of_the_assessment_interrupts_the_limitation() -> None:
    # Written on 20 November 2026 and assessed that day: the four years start again on 1 January 2027
    # and run to 31 December 2030 (2027 + 3), not to 31 December 2026.
    claim = LimitationEvent(kind="written_claim", on="2026-11-20")
    first = _first_limitation(_case(dt.date(2026, 11, 20), limitation_events=[claim]))

    assert (first.arose_on, first.interrupted_on) == (AROSE, dt.date(2026, 11, 20))
    assert (first.due_on, first.lapses_on) == (dt.date(2030, 12, 31), dt.date(2031, 1, 1))


def test_a_payment_on_the_date_of_the_assessment_interrupts_the_limitation() -> None:
    # 1 000 € paid on 1 June 2024 and assessed that day: every claim still unpaid, year 1's the oldest,
    # runs again from 1 January 2025 to 31 December 2028 (2025 + 3), not to 31 December 2026.
    paid = [Payment(reference="VIR-1", paid_on=dt.date(2024, 6, 1), amount=Decimal(1_000))]
    first = _first_limitation(_case(dt.date(2024, 6, 1), payments=paid))

    assert (first.arose_on, first.interrupted_on) == (AROSE, dt.date(2024, 6, 1))
    assert (first.due_on, first.lapses_on) == (dt.date(2028, 12, 31), dt.date(2029, 1, 1))


def test_a_written_claim_on_the_day_the_right_arose_is_its_interruption() -> None:
    # On 1 December 2022 itself: the new period also starts on 1 January 2023 (the year after the
    # interruption), so the last day stays 31 December 2026; the claim names the interruption.
    claim = LimitationEvent(kind="written_claim", on="2022-12-01")
    first = _first_limitation(_case(dt.date(2023, 1, 1), limitation_events=[claim]))

    assert (first.arose_on, first.interrupted_on) == (AROSE, dt.date(2022, 12, 1))
    assert (first.due_on, first.lapses_on) == (dt.date(2026, 12, 31), dt.date(2027, 1, 1))


def test_a_letter_after_the_claim_lapsed_is_not_its_interruption() -> None:
    # Written on 1 March 2027, after year 1's claim lapsed (1 January 2027): that claim keeps its four
    # years from 2023 and names no interruption. Year 2's advance (a right from 1 July 2023, before
    # it lapses on 1 January 2028) runs again from 1 January 2028.
    late = LimitationEvent(kind="administration_letter", on="2027-03-01")
    result = _case(dt.date(2027, 6, 1), limitation_events=[late])
    first, second = [deadline for deadline in result.deadlines if deadline.kind is DeadlineKind.LIMITATION]

    assert (first.arose_on, first.due_on, first.interrupted_on) == (AROSE, dt.date(2026, 12, 31), None)
    assert (second.arose_on, second.due_on) == (dt.date(2023, 7, 1), dt.date(2031, 12, 31))
    assert second.interrupted_on == dt.date(2027, 3, 1)


def test_a_time_barred_claim_gives_the_councils_relief_as_its_reason_art_6() -> None:
    relief = LimitationEvent(kind="relief", on="2027-04-15")
    relieved = _case(dt.date(2027, 6, 1), limitation_events=[relief]).unmet
    barred = _case(dt.date(2027, 6, 1)).unmet

    # Year 1's 20 000 €, time-barred on 1 January 2027; relieved on 15 April 2027, or not at all.
    assert [(u.amount, u.reason) for u in relieved if u.condition is Condition.CLAIM_TIME_BARRED] == [
        (Decimal(20_000), "time_barred_relieved")
    ]
    assert [(u.amount, u.reason) for u in barred if u.condition is Condition.CLAIM_TIME_BARRED] == [
        (Decimal(20_000), None)
    ]
