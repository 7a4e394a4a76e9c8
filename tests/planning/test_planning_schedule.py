"""The forecast: every dated event at which money accrues or is released.

Written from the text: C2 gives 20 000 € a programme year and 15 000 € a funded
contract (three a year); C4 withholds everything until the regional authorisation
is validated; C9 until the council has voted (29 September 2022); under
ALL_OR_NOTHING, C3 withholds everything until nine eligible contracts are signed.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import DAY, DIJON_2022, VOTED_ON, contract, euros, payment
from propulseur_rules import Clause, EventKind, InvalidInput, ScheduleEvent, assess, schedule
from propulseur_rules.example._example import (
    EXAMPLE_CONTRACTS,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
)

OPENS = EventKind.YEAR_OPENS
SIGNED = EventKind.CONTRACT_SIGNED
CLOSES = EventKind.YEAR_CLOSES
AUTHORISED = EventKind.AUTHORISATION_VALIDATED
VOTED = EventKind.DELIBERATION_ADOPTED
TARGET = EventKind.TARGET_REACHED

Row = tuple[dt.date, EventKind, Clause, Decimal, Decimal, Decimal]


def table(events: tuple[ScheduleEvent, ...]) -> list[Row]:
    return [(e.on, e.kind, e.clause, e.amount, e.accrued, e.releasable) for e in events]


def example_schedule(**changes: object) -> tuple[ScheduleEvent, ...]:
    convention = DIJON_2022.replace(**changes) if changes else DIJON_2022
    return schedule(
        convention,
        EXAMPLE_CONTRACTS,
        regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON,
        payments=EXAMPLE_PAYMENTS,
    )


def test_the_built_in_example_gives_the_payment_calendar_of_its_planned_contracts() -> None:
    d, k = dt.date, euros
    # The accrued column adds 20 000 at each 1 July (C2) and 15 000 at each funded signature;
    # the releasable column stays at 0 until the authorisation of 15 February 2023 (C4)
    # releases the 50 000 accrued so far (20 000 + 15 000 + 15 000), then follows accrued.
    # PRO-2023-04 (4th of year 1), PRO-2023-05 (C6), PRO-2023-07 (C7), PRO-2024-08 (C8) and
    # PRO-2024-09 (C6) bring nothing; PRO-2025-13, planned for 20 May 2025, brings 15 000:
    # 3 × 20 000 + 8 × 15 000 = 180 000.
    assert table(example_schedule()) == [
        (d(2022, 7, 1), OPENS, Clause.C2, k(20_000), k(20_000), k(0)),
        (d(2022, 9, 29), VOTED, Clause.C9, k(0), k(20_000), k(0)),  # C4 still withholds
        (d(2022, 11, 3), SIGNED, Clause.C2, k(15_000), k(35_000), k(0)),
        (d(2022, 12, 1), SIGNED, Clause.C2, k(15_000), k(50_000), k(0)),
        (d(2023, 2, 15), AUTHORISED, Clause.C4, k(50_000), k(50_000), k(50_000)),
        (d(2023, 3, 15), SIGNED, Clause.C2, k(15_000), k(65_000), k(65_000)),
        (d(2023, 7, 1), OPENS, Clause.C2, k(20_000), k(85_000), k(85_000)),
        (d(2023, 9, 20), SIGNED, Clause.C2, k(15_000), k(100_000), k(100_000)),
        (d(2024, 2, 14), SIGNED, Clause.C2, k(15_000), k(115_000), k(115_000)),
        (d(2024, 7, 1), OPENS, Clause.C2, k(20_000), k(135_000), k(135_000)),
        (d(2024, 10, 8), SIGNED, Clause.C2, k(15_000), k(150_000), k(150_000)),
        (d(2025, 2, 3), SIGNED, Clause.C2, k(15_000), k(165_000), k(165_000)),
        (d(2025, 5, 20), SIGNED, Clause.C2, k(15_000), k(180_000), k(180_000)),
    ]


def test_events_name_their_programme_year_and_contract() -> None:
    events = example_schedule()

    assert (events[0].programme_year, events[0].contract) == (1, None)
    assert (events[2].programme_year, events[2].contract) == (1, "PRO-2022-01")
    assert (events[-1].programme_year, events[-1].contract) == (3, "PRO-2025-13")
    assert (events[4].programme_year, events[4].contract) == (None, None)


def test_c3_all_or_nothing_releases_everything_when_the_ninth_eligible_contract_is_signed() -> None:
    events = example_schedule(target_policy="all_or_nothing")

    # Eligible contracts: 4 in year 1 (PRO-2022-01, -02, PRO-2023-03, -04), 2 in year 2
    # (PRO-2023-06, PRO-2024-10), 3 in year 3 (PRO-2024-11, PRO-2025-12, -13): the ninth is
    # PRO-2025-13 on 20 May 2025, which first accrues its 15 000 and then lifts C3,
    # releasing the 180 000 accrued. Until then the authorisation releases nothing.
    assert [(e.on, e.kind, e.amount, e.releasable) for e in events if e.kind.releases] == [
        (dt.date(2022, 9, 29), VOTED, euros(0), euros(0)),
        (dt.date(2023, 2, 15), AUTHORISED, euros(0), euros(0)),
        (dt.date(2025, 5, 20), TARGET, euros(180_000), euros(180_000)),
    ]
    assert events[-1].contract == "PRO-2025-13"
    assert events[-1].clause is Clause.C3
    assert all(event.releasable == euros(0) for event in events[:-1])


def test_at_year_end_money_accrues_on_each_1_july_after_a_programme_year() -> None:
    events = example_schedule(accrual="at_year_end")

    # Year 1: 20 000 + 3 × 15 000 = 65 000 on 1 July 2023; year 2: 20 000 + 2 × 15 000 = 50 000
    # on 1 July 2024; year 3: 20 000 + 3 × 15 000 = 65 000 on 1 July 2025 (the day after 30 June).
    # The vote and the authorisation come before anything has accrued: they release nothing.
    assert table(events) == [
        (dt.date(2022, 9, 29), VOTED, Clause.C9, euros(0), euros(0), euros(0)),
        (dt.date(2023, 2, 15), AUTHORISED, Clause.C4, euros(0), euros(0), euros(0)),
        (dt.date(2023, 7, 1), CLOSES, Clause.C2, euros(65_000), euros(65_000), euros(65_000)),
        (dt.date(2024, 7, 1), CLOSES, Clause.C2, euros(50_000), euros(115_000), euros(115_000)),
        (dt.date(2025, 7, 1), CLOSES, Clause.C2, euros(65_000), euros(180_000), euros(180_000)),
    ]
    assert [event.programme_year for event in events if event.kind is CLOSES] == [1, 2, 3]


def test_c4_without_the_authorisation_nothing_is_ever_released() -> None:
    events = schedule(DIJON_2022, EXAMPLE_CONTRACTS)

    assert AUTHORISED not in {event.kind for event in events}
    assert events[-1].accrued == euros(180_000)
    assert all(event.releasable == euros(0) for event in events)


def test_when_the_vote_and_the_authorisation_fall_on_one_day_the_last_one_listed_releases() -> None:
    events = schedule(DIJON_2022, [], regional_authorisation_on=VOTED_ON)

    # 20 000 accrued on 1 July 2022; on 29 September both C4 and C9 lift, in that order.
    assert table(events)[:3] == [
        (dt.date(2022, 7, 1), OPENS, Clause.C2, euros(20_000), euros(20_000), euros(0)),
        (VOTED_ON, AUTHORISED, Clause.C4, euros(0), euros(20_000), euros(0)),
        (VOTED_ON, VOTED, Clause.C9, euros(20_000), euros(20_000), euros(20_000)),
    ]


def test_money_accruing_on_the_day_a_condition_lifts_is_listed_before_the_release() -> None:
    signed_on = dt.date(2023, 2, 15)
    events = schedule(DIJON_2022, [contract("A", signed_on)], regional_authorisation_on=signed_on)

    # 20 000 (1 July 2022) + 15 000 signed on the day of the authorisation = 35 000 released.
    assert [(e.kind, e.amount, e.accrued, e.releasable) for e in events if e.on == signed_on] == [
        (SIGNED, euros(15_000), euros(35_000), euros(0)),
        (AUTHORISED, euros(35_000), euros(35_000), euros(35_000)),
    ]


def test_an_authorisation_validated_before_the_period_is_listed_and_releases_nothing() -> None:
    early = dt.date(2022, 5, 2)
    events = schedule(DIJON_2022, [], regional_authorisation_on=early)

    assert table(events)[0] == (early, AUTHORISED, Clause.C4, euros(0), euros(0), euros(0))
    # After the vote of 29 September 2022 nothing blocks: each 1 July releases its 20 000.
    assert [(e.on, e.releasable) for e in events if e.kind is OPENS] == [
        (dt.date(2022, 7, 1), euros(0)),
        (dt.date(2023, 7, 1), euros(40_000)),
        (dt.date(2024, 7, 1), euros(60_000)),
    ]


def test_a_convention_without_a_deliberation_lists_no_vote() -> None:
    events = schedule(DIJON_2022.replace(deliberation=None), [], regional_authorisation_on=dt.date(2022, 5, 2))

    assert VOTED not in {event.kind for event in events}
    assert events[-1].releasable == euros(60_000)  # 3 × 20 000


def test_an_item_cut_to_nothing_by_the_cap_is_no_event() -> None:
    # Cap 35 000: year 1 brings 20 000 + 15 000; year 2's operating grant is cut to 0.
    convention = DIJON_2022.replace(total_cap=35_000)
    events = schedule(convention, [contract("A", dt.date(2022, 9, 1))], regional_authorisation_on=dt.date(2022, 1, 3))

    assert [(e.on, e.kind, e.amount) for e in events if not e.kind.releases] == [
        (dt.date(2022, 7, 1), OPENS, euros(20_000)),
        (dt.date(2022, 9, 1), SIGNED, euros(15_000)),
    ]


def test_assessing_on_each_event_day_and_the_day_before_gives_the_running_totals() -> None:
    convention = DIJON_2022.replace(target_policy="all_or_nothing")
    events = schedule(convention, EXAMPLE_CONTRACTS, regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON)

    def totals(day: dt.date) -> tuple[Decimal, Decimal]:
        assessment = assess(
            convention, EXAMPLE_CONTRACTS, as_of=day, regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON
        )
        return assessment.accrued, assessment.releasable

    running = (euros(0), euros(0))  # before the first event nothing has accrued
    for day in sorted({event.on for event in events}):
        assert totals(day - DAY) == running
        running = next((e.accrued, e.releasable) for e in reversed(events) if e.on == day)
        assert totals(day) == running


def test_payments_do_not_move_the_forecast() -> None:
    paid = [payment("VIR-1", dt.date(2023, 4, 12), 50_000)]

    assert schedule(DIJON_2022, EXAMPLE_CONTRACTS, payments=paid) == schedule(DIJON_2022, EXAMPLE_CONTRACTS)


def test_contracts_may_come_from_a_generator() -> None:
    expected = example_schedule()

    events = schedule(
        DIJON_2022,
        (item for item in EXAMPLE_CONTRACTS),
        regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON,
    )

    assert events == expected


def test_the_order_of_the_contracts_changes_nothing() -> None:
    assert schedule(DIJON_2022, list(reversed(EXAMPLE_CONTRACTS))) == schedule(DIJON_2022, EXAMPLE_CONTRACTS)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"convention": "dijon-2022"}, "^convention: expected a Convention, not text"),
        ({"contracts": "PRO-1"}, "^contracts: expected a collection of Contract, not text"),
        ({"contracts": [1]}, r"^contracts\[0\]: expected a Contract, not a whole number"),
        ({"regional_authorisation_on": "15/02/2023"}, "^regional_authorisation_on: "),
        (
            {"contracts": [contract("A", dt.date(2022, 9, 1)), contract("A", dt.date(2022, 10, 1))]},
            r"^contracts\[1\]\.reference: 'A' is used twice",
        ),
    ],
)
def test_bad_input_is_refused_with_the_field_named(arguments: dict[str, object], message: str) -> None:
    call: dict[str, object] = {"convention": DIJON_2022, "contracts": (), **arguments}

    with pytest.raises(InvalidInput, match=message):
        schedule(**call)  # type: ignore[arg-type]
