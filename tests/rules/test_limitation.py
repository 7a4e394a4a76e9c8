"""The four-year limitation whole (loi n° 68-1250): a payment or a written claim interrupts it (art. 2), the
métropole cannot waive it and only its council may relieve the beneficiary of it (art. 6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from propulseur_rules import DIJON_2022, Condition, DeadlineKind, FinancingTerms, InvalidInput, Payment, assess
from propulseur_rules.reports import legal_basis
from propulseur_rules.rules import LimitationEvent, LimitationEventKind, Money, Release, financing_unmet, hold_back

TERMS = DIJON_2022.replace(financing=FinancingTerms())


def _time_barred_case(**facts: object):  # type: ignore[no-untyped-def]
    # 1 June 2027, no contract, no document. Accrued: 3 × 20 000 = 60 000, all releasable. Year 1's 20 000
    # is a right from 1 December 2022, the day the regional authorisation lifted the last condition: four
    # years from 1 January 2023, time-barred on 1 January 2027 if nothing interrupts it.
    return assess(
        TERMS,
        [],
        as_of=dt.date(2027, 6, 1),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2022, 11, 15),
        **facts,  # type: ignore[arg-type]
    )


def _barred(assessment) -> list[Decimal]:  # type: ignore[no-untyped-def]
    return [unmet.amount for unmet in assessment.unmet if unmet.condition is Condition.CLAIM_TIME_BARRED]


def test_without_interruption_year_1s_grant_is_time_barred_on_1_january_2027() -> None:
    assert _barred(_time_barred_case()) == [Decimal(20_000)]


def test_a_partial_payment_interrupts_the_limitation_art_2() -> None:
    # « Toute émission de moyen de règlement, même si ce règlement ne couvre qu'une partie de la créance »:
    # the claims payable are year 1's 20 000 (from 1 December 2022) and year 2's advance of 10 000 (from
    # 1 July 2023) less the 2 000 of the 12 000 balance it bears after year 3's 10 000: 8 000. 5 000 €
    # paid on 1 June 2024 settles the oldest first, leaving 15 000 of year 1; it interrupts both claims,
    # whose four years start again on 1 January 2025: 15 000 + 8 000 = 23 000 due by 31 December 2028,
    # time-barred on 1 January 2029, not on 1 January 2027.
    paid = [Payment(reference="VIR-1", paid_on=dt.date(2024, 6, 1), amount=Decimal(5_000))]
    result = _time_barred_case(payments=paid)

    assert _barred(result) == []
    first = next(d for d in result.deadlines if d.kind is DeadlineKind.LIMITATION)
    assert (first.arose_on, first.amount) == (dt.date(2022, 12, 1), Decimal(15_000 + 8_000))
    assert first.interrupted_on == dt.date(2024, 6, 1)
    assert (first.due_on, first.lapses_on) == (dt.date(2028, 12, 31), dt.date(2029, 1, 1))
    assert first.basis is legal_basis("loi-68-1250-art-2")


def test_a_written_claim_interrupts_the_limitation_art_2() -> None:
    claim = LimitationEvent(kind="written_claim", on="2026-11-20")
    result = _time_barred_case(limitation_events=[claim])

    # The 20 000 € run again from 1 January 2027: time-barred on 1 January 2031.
    assert _barred(result) == []
    first = next(d for d in result.deadlines if d.kind is DeadlineKind.LIMITATION)
    assert (first.interrupted_on, first.lapses_on) == (dt.date(2026, 11, 20), dt.date(2031, 1, 1))


def test_an_interruption_after_the_claim_lapsed_revives_nothing() -> None:
    # Written on 1 March 2027: year 1's claim lapsed on 1 January 2027 already.
    late = LimitationEvent(kind=LimitationEventKind.ADMINISTRATION_LETTER, on="2027-03-01")
    assert _barred(_time_barred_case(limitation_events=[late])) == [Decimal(20_000)]


def test_an_event_after_the_date_of_the_assessment_is_not_yet_known() -> None:
    future = LimitationEvent(kind="written_claim", on="2027-07-01")
    assert _barred(_time_barred_case(limitation_events=[future])) == [Decimal(20_000)]


def test_the_councils_relief_is_said_with_its_day_art_6() -> None:
    relief = LimitationEvent(kind="relief", on="2027-04-15")
    result = _time_barred_case(limitation_events=[relief])

    unmet = next(unmet for unmet in result.unmet if unmet.condition is Condition.CLAIM_TIME_BARRED)
    assert (unmet.relieved_on, unmet.basis) == (dt.date(2027, 4, 15), legal_basis("loi-68-1250-art-6"))
    assert "relieved the beneficiary of it on 2027-04-15 by a deliberation stating its reasons" in unmet.message()
    assert "le conseil en a relevé le bénéficiaire le 15/04/2027" in unmet.message("fr")


def test_without_relief_the_metropole_cannot_waive_the_limitation_art_6() -> None:
    unmet = next(unmet for unmet in _time_barred_case().unmet if unmet.condition is Condition.CLAIM_TIME_BARRED)
    assert "cannot waive it" in unmet.message()
    assert unmet.relieved_on is None


def test_a_limitation_event_names_its_kind() -> None:
    with pytest.raises(InvalidInput, match=r"kind: 'reminder' is not an event of the limitation; the events are "):
        LimitationEvent(kind="reminder", on="2026-01-01")
    with pytest.raises(InvalidInput, match=r"limitation_events\[0\]: expected a LimitationEvent"):
        assess(TERMS, [], as_of=dt.date(2027, 1, 1), limitation_events=["2026-01-01"])  # type: ignore[list-item]


def test_the_steps_take_the_days_of_the_reliefs_each_covering_what_was_barred_on_it_art_6() -> None:
    # In 2028 two claims are time-barred: year 1's 20 000 since 1 January 2027 and year 2's advance, 10 000
    # less 2 000 of the balance (a fifth of 60 000 = 12 000, less year 3's 10 000), since 1 January 2028.
    later = assess(
        TERMS,
        [],
        as_of=dt.date(2028, 6, 1),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2022, 11, 15),
    )
    deadlines = later.deadlines
    money = Money(
        accrued=Decimal(60_000),
        withheld=Decimal(0),
        releasable=Decimal(60_000),
        paid=Decimal(0),
        payable=Decimal(60_000),
        excess_paid=Decimal(0),
    )
    outcome = Release(waiting=(), awaiting=Decimal(2 * 10_000), balance_held=Decimal(12_000), claims=())
    before = 60_000 - 2 * 10_000 - 12_000  # 28 000 unpaid, all of it time-barred by 1 January 2028

    # One relief, given as the day of one deliberation: on 1 March 2027 only the 20 000 was barred.
    one = hold_back(money, outcome, deadlines, dt.date(2027, 3, 1))
    assert (one.time_barred, one.payable) == (Decimal(8_000), Decimal(before - 8_000))
    # A second relief on 1 February 2028 covers the 8 000 too.
    both = hold_back(money, outcome, deadlines, reliefs=(dt.date(2027, 3, 1), dt.date(2028, 2, 1)))
    assert (both.time_barred, both.payable) == (Decimal(0), Decimal(before))
    unmet = financing_unmet(TERMS, deadlines, both, dt.date(2028, 6, 1), 0, relieved_on=dt.date(2027, 3, 1))
    barred = [(u.amount, u.relieved_on) for u in unmet if u.condition is Condition.CLAIM_TIME_BARRED]
    assert barred == [(Decimal(20_000), dt.date(2027, 3, 1)), (Decimal(8_000), None)]
