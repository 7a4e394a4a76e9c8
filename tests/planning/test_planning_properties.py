"""Properties of the planning tools, for every convention, feed and date that construct.

The two the finance department relies on: the budget-year view adds up to the
programme-year view to the cent, and assessing on any date gives the running totals
of the forecast's last event on or before that date. The strategies draw valid
inputs by construction (an end computed from the start, a selection drawn before
the signature) so that nothing is filtered away.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

from builders import DIJON_2022, VOTED_ON, three_contracts_a_year
from propulseur_rules import (
    Accrual,
    Contract,
    Convention,
    Payment,
    Period,
    Sector,
    Startup,
    TargetPolicy,
    assess,
    schedule,
    sweep,
)
from propulseur_rules.rules._outcome import MONEY_FIGURES

DAY = dt.timedelta(days=1)
CENT = Decimal("0.01")

#: Names that collide ignoring case and accents, and SIRENs with a valid key, so that C7 is exercised.
NAMES = ("Hydrolis", "HYDROLIS", "Kinésens", "Kinesens", "Bioptic", "Vitalis")
SIRENS = (None, None, "912345675", "887654325", "903112241")
#: Dijon and Chenôve are in the métropole (C6); Beaune is not.
OFFICES = ("21231", "21231", "21166", "21054")


def money(high_euros: int) -> st.SearchStrategy[Decimal]:
    return st.integers(0, high_euros * 100).map(lambda cents: Decimal(cents) * CENT)


# The strategies are built once: drawing day offsets from fixed strategies is much
# cheaper than building a dates() strategy with new bounds for every draw.
STARTS = st.dates(dt.date(2018, 1, 1), dt.date(2032, 12, 31))
YEARS = st.integers(1, 4)
CAPS = st.one_of(st.none(), money(300_000))
OPERATING_GRANTS = st.one_of(st.just(Decimal(20_000)), money(30_000))
CONTRACT_GRANTS = st.one_of(st.just(Decimal(15_000)), money(20_000))
LIMITS = st.integers(0, 4)
REQUIRED = st.integers(0, 12)
POLICIES = st.sampled_from(TargetPolicy)
ACCRUALS = st.sampled_from(Accrual)
VOTES = st.sampled_from(["none", "adopted", "adopted", "rejected"])
#: Days from the start of the period, up to 60 days around a period of 1 to 4 years.
AROUND_THE_PERIOD = st.integers(-60, 4 * 366 + 60)
#: Days from the start of the period, up to 400 days around it.
WIDE_AROUND_THE_PERIOD = st.integers(-400, 4 * 366 + 400)
LEADS = st.integers(-5, 60)
ONE_IN_TEN = st.integers(0, 9)
COUNTS = st.integers(0, 12)
PAYMENT_COUNTS = st.integers(0, 3)
PAYMENT_AMOUNTS = money(100_000).map(lambda amount: amount + CENT)
#: Every startup the feeds draw from, built once: names, head offices, sectors and SIRENs combined.
STARTUPS = st.sampled_from(
    [
        Startup(name=name, head_office=office, sector=sector, siren=siren)
        for name in NAMES
        for office in OFFICES
        for sector in (Sector.INDUSTRY, Sector.HEALTH, Sector.HEALTH, Sector.OTHER)
        for siren in SIRENS
    ]
)
MAYBE = st.booleans()


@st.composite
def conventions(draw: st.DrawFn) -> Convention:
    """A variant of DIJON_2022: its own period, amounts, limit, target, vote and readings."""
    start = draw(STARTS)
    years = draw(YEARS)
    end = start + relativedelta(years=years) - DAY
    deliberation = DIJON_2022.deliberation
    assert deliberation is not None
    vote = {
        "none": None,
        "adopted": attrs.evolve(deliberation, decided_on=start + draw(AROUND_THE_PERIOD) * DAY),
        "rejected": attrs.evolve(deliberation, votes_for=30, votes_against=54),  # C9 fails
    }[draw(VOTES)]
    cap = draw(CAPS)
    return DIJON_2022.replace(
        period=Period(start=start, end=end),
        total_cap=Decimal(65_000 * years) if cap is None else cap,
        operating_grant_per_year=draw(OPERATING_GRANTS),
        grant_per_contract=draw(CONTRACT_GRANTS),
        max_funded_contracts_per_year=draw(LIMITS),
        required_contracts=draw(REQUIRED),
        deliberation=vote,
        target_policy=draw(POLICIES),
        accrual=draw(ACCRUALS),
    )


@st.composite
def feeds(draw: st.DrawFn, convention: Convention) -> list[Contract]:
    """Up to a dozen contracts signed around the period, most of them eligible."""
    contracts = []
    for number in range(draw(COUNTS)):
        signed_on = convention.period.start + draw(AROUND_THE_PERIOD) * DAY
        selected_on = signed_on - draw(LEADS) * DAY if draw(ONE_IN_TEN) else None
        applied_on = (selected_on or signed_on) - draw(LEADS) * DAY if draw(ONE_IN_TEN) else None
        contracts.append(
            Contract(
                reference=f"C{number:02d}",
                startup=draw(STARTUPS),
                signed_on=signed_on,
                applied_on=applied_on,
                selected_on=selected_on,
            )
        )
    return contracts


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    """Keyword arguments of ``schedule``: a convention, its contracts, the authorisation, payments."""
    convention = draw(conventions())
    start = convention.period.start
    payments = [
        Payment(
            reference=f"P{number}", paid_on=start + draw(WIDE_AROUND_THE_PERIOD) * DAY, amount=draw(PAYMENT_AMOUNTS)
        )
        for number in range(draw(PAYMENT_COUNTS))
    ]
    authorised = start + draw(WIDE_AROUND_THE_PERIOD) * DAY if draw(MAYBE) else None
    return {
        "convention": convention,
        "contracts": draw(feeds(convention)),
        "regional_authorisation_on": authorised,
        "payments": payments,
    }


@st.composite
def scenarios_and_days(draw: st.DrawFn) -> tuple[dict[str, Any], dt.date]:
    scenario = draw(scenarios())
    return scenario, scenario["convention"].period.start + draw(WIDE_AROUND_THE_PERIOD) * DAY


#: The case that matters most: DIJON_2022, three eligible contracts in each programme year,
#: the authorisation given, on 1 July 2025: 195 000.00 accrued and releasable.
DIJON_195_000 = (
    {
        "convention": DIJON_2022,
        "contracts": three_contracts_a_year(),
        "regional_authorisation_on": dt.date(2022, 12, 15),
        "payments": [],
    },
    dt.date(2025, 7, 1),
)
#: The same under ALL_OR_NOTHING and AT_YEAR_END, the vote and the authorisation on one day.
DIJON_STRICT = (
    {
        "convention": DIJON_2022.replace(target_policy="all_or_nothing", accrual="at_year_end"),
        "contracts": three_contracts_a_year(),
        "regional_authorisation_on": VOTED_ON,
        "payments": [Payment(reference="V1", paid_on=dt.date(2023, 4, 12), amount=Decimal(50_000))],
    },
    dt.date(2025, 6, 30),
)


def assessed(scenario: dict[str, Any], day: dt.date) -> Any:
    return assess(as_of=day, **scenario)


# --- budget years -----------------------------------------------------------------------


@given(scenarios_and_days())
@example(DIJON_195_000)
@example(DIJON_STRICT)
def test_the_budget_years_add_up_to_the_programme_years_to_the_cent(case: tuple[dict[str, Any], dt.date]) -> None:
    assessment = assessed(*case)
    rows = assessment.by_budget_year()

    assert sum((row.accrued for row in rows), Decimal(0)) == sum(
        (year.accrued for year in assessment.years), Decimal(0)
    )
    assert sum((row.accrued for row in rows), Decimal(0)) == assessment.accrued
    assert sum((row.releasable for row in rows), Decimal(0)) == assessment.releasable
    assert sum((row.paid for row in rows), Decimal(0)) == assessment.paid
    for row in rows:
        for figure in (row.accrued, row.releasable, row.paid):
            assert figure == figure.quantize(CENT)
            assert figure >= 0
    if case is DIJON_195_000:
        assert assessment.accrued == assessment.releasable == Decimal("195000.00")


@given(scenarios_and_days())
def test_the_budget_years_are_consecutive_and_cover_the_period_the_date_and_the_payments(
    case: tuple[dict[str, Any], dt.date],
) -> None:
    assessment = assessed(*case)
    years = [row.year for row in assessment.by_budget_year()]
    period = assessment.convention.period

    assert years == list(range(years[0], years[-1] + 1))
    assert years[0] <= period.start.year
    assert years[-1] >= max(assessment.as_of, period.end).year
    assert {payment.paid_on.year for payment in assessment.payments} <= set(years)


@given(scenarios_and_days())
def test_a_budget_year_releases_its_accrued_money_or_nothing(case: tuple[dict[str, Any], dt.date]) -> None:
    assessment = assessed(*case)
    rows = assessment.by_budget_year()

    if not assessment.withheld:
        assert [row.releasable for row in rows] == [row.accrued for row in rows]
    else:  # the engine withholds all or nothing (C3, C4, C9)
        assert all(row.releasable == 0 for row in rows)


# --- the forecast -----------------------------------------------------------------------


@given(scenarios_and_days())
@example(DIJON_195_000)
@example(DIJON_STRICT)
def test_assessing_on_any_date_gives_the_running_totals_of_the_last_event_before_it(
    case: tuple[dict[str, Any], dt.date],
) -> None:
    scenario, day = case
    events = schedule(**scenario)
    assessment = assessed(scenario, day)

    so_far = [event for event in events if event.on <= day]
    expected = (so_far[-1].accrued, so_far[-1].releasable) if so_far else (Decimal("0.00"), Decimal("0.00"))
    assert (assessment.accrued, assessment.releasable) == expected


@given(scenarios())
@example(DIJON_195_000[0])
def test_the_forecast_moves_its_running_totals_by_each_amount(scenario: dict[str, Any]) -> None:
    events = schedule(**scenario)

    accrued = releasable = Decimal("0.00")
    for previous, event in zip((None, *events), events, strict=False):
        assert previous is None or previous.on <= event.on
        assert event.amount >= 0
        if event.kind.releases:
            assert event.accrued == accrued
            assert event.releasable == releasable + event.amount
        else:
            assert event.amount > 0
            assert event.accrued == accrued + event.amount
            assert event.releasable in (releasable, releasable + event.amount)
        accrued, releasable = event.accrued, event.releasable
        assert releasable <= accrued <= scenario["convention"].total_cap
    after = assessed(scenario, scenario["convention"].period.end + DAY)
    assert accrued == after.accrued
    if scenario is DIJON_195_000[0]:
        assert (accrued, releasable) == (Decimal("195000.00"), Decimal("195000.00"))


@given(scenarios(), st.randoms(use_true_random=False))
def test_the_forecast_does_not_depend_on_the_order_of_the_inputs(scenario: dict[str, Any], random: Any) -> None:
    shuffled = dict(scenario, contracts=list(scenario["contracts"]), payments=list(scenario["payments"]))
    random.shuffle(shuffled["contracts"])
    random.shuffle(shuffled["payments"])

    assert schedule(**shuffled) == schedule(**scenario)


# --- what-if ----------------------------------------------------------------------------


@given(scenarios(), st.lists(STARTS, max_size=3), conventions())
def test_each_row_of_a_sweep_is_the_assessment_of_its_case(
    scenario: dict[str, Any], days: list[dt.date], variant: Convention
) -> None:
    rows = sweep(as_of=days, conventions=[variant], **scenario)

    assert len(rows) == 2 * len(days)
    cases = [(convention, day) for convention in (scenario["convention"], variant) for day in days]
    for row, (convention, day) in zip(rows, cases, strict=True):
        assessment = assessed(dict(scenario, convention=convention), day)
        assert row["as_of"] == day
        assert row["total_cap"] == convention.total_cap
        for name in MONEY_FIGURES:
            assert row[name] == getattr(assessment, name)
