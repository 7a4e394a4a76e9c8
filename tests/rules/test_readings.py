"""SPEC §7: the readings that move the money — places per year or pooled, the strict period of C7,
startups already in the programme — with figures worked out from the text.

C2: « 20 000 € attribués chaque année pour le fonctionnement du dispositif et 15 000 € pour
chacun des contrats d'accompagnement dans la limite de 3 contrats par an ». C7: « 195 000 € au
titre de 9 projets … pour la période 2022 – 2024 ». Every feed below is of eligible contracts
for distinct startups, assessed on 1 July 2025 (after the period), the regional authorisation
validated on 15 December 2022.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import DAY, OPERATING, PER_CONTRACT, YEARS, contract
from propulseur_rules import (
    DIJON_2022,
    Assessment,
    Clause,
    Condition,
    Contract,
    ContractStatus,
    Convention,
    InvalidInput,
    PlacesPolicy,
    Startup,
    assess,
)
from strategies import Case, cases, fresh_eligible_contracts

AFTER_THE_END = dt.date(2025, 7, 1)
AUTHORISED = dt.date(2022, 12, 15)
POOLED = DIJON_2022.replace(places=PlacesPolicy.POOLED)


def spread(*per_year: int) -> list[Contract]:
    """Eligible contracts for distinct startups: ``per_year[0]`` in programme year 1, and so on,
    the k-th of a year signed 20 × k days after the year starts."""
    return [
        contract(f"Y{year}-{number}", YEARS[year - 1][0] + 20 * number * DAY)
        for year, count in enumerate(per_year, start=1)
        for number in range(1, count + 1)
    ]


def assessed(convention: Convention, contracts: list[Contract]) -> Assessment:
    return assess(convention, contracts, as_of=AFTER_THE_END, regional_authorisation_on=AUTHORISED)


# --- 7.1 Places: per programme year (C2) or pooled over the period (C7) -----------------------


@pytest.mark.parametrize(
    ("per_year", "annual", "pooled"),
    [
        # 4/2/3: ANNUAL funds 3 + 2 + 3 = 8; POOLED funds all 9.
        ((4, 2, 3), 3 * OPERATING + 8 * PER_CONTRACT, 3 * OPERATING + 9 * PER_CONTRACT),
        # 5/2/2: ANNUAL funds 3 + 2 + 2 = 7; POOLED funds all 9.
        ((5, 2, 2), 3 * OPERATING + 7 * PER_CONTRACT, 3 * OPERATING + 9 * PER_CONTRACT),
        # 0/0/9: ANNUAL funds 3; POOLED funds all 9, in year 3.
        ((0, 0, 9), 3 * OPERATING + 3 * PER_CONTRACT, 3 * OPERATING + 9 * PER_CONTRACT),
    ],
)
def test_c2_c7_nine_eligible_contracts_earn_by_the_places_reading(
    per_year: tuple[int, int, int], annual: int, pooled: int
) -> None:
    assert annual in (180_000, 165_000, 105_000)
    assert pooled == 195_000

    under_annual = assessed(DIJON_2022, spread(*per_year))
    under_pooled = assessed(POOLED, spread(*per_year))

    assert under_annual.accrued == under_annual.releasable == Decimal(annual)
    assert under_pooled.accrued == under_pooled.releasable == Decimal(pooled)
    # Nine eligible contracts either way: the target of C3 is met.
    assert under_annual.target_met
    assert under_pooled.target_met


def test_c7_pooled_places_let_one_year_exceed_the_annual_ceiling_never_the_cap() -> None:
    result = assessed(POOLED, spread(0, 0, 9))

    # Year 3: 20 000 + 9 × 15 000 = 155 000, beyond the « 65 000 € par an » of C2.
    assert result.years[2].entitled == Decimal(OPERATING + 9 * PER_CONTRACT) == Decimal(155_000)
    assert result.years[2].entitled > DIJON_2022.annual_ceiling
    assert result.accrued == DIJON_2022.total_cap


def test_c2_c5_a_fourth_contract_of_year_1_is_over_the_annual_limit_and_the_funder_may_reconsider() -> None:
    # 4/3/3 under ANNUAL: 3 + 3 + 3 = 9 funded, Y1-4 over the annual limit, 10 eligible for 9 places.
    result = assessed(DIJON_2022, spread(4, 3, 3))

    assert [len(year.funded) for year in result.years] == [3, 3, 3]
    assert result.years[0].over_annual_limit == ("Y1-4",)
    assert result.contract("Y1-4").status is ContractStatus.OVER_ANNUAL_LIMIT
    ((limit,),) = [row.unmet for row in result.contracts if row.reference == "Y1-4"]
    assert (limit.condition, limit.clause) == (Condition.ANNUAL_CONTRACT_LIMIT, Clause.C2)
    assert "pooled" in limit.message("en")
    assert "C5" not in limit.message("en")
    (reconsider,) = [unmet for unmet in result.unmet if unmet.condition is Condition.RECONSIDERATION_POSSIBLE]
    # One contract beyond the 3 × 3 = 9 places, whose grant would be 15 000 €.
    assert (reconsider.clause, reconsider.beyond, reconsider.amount) == (Clause.C5, 1, Decimal(PER_CONTRACT))
    assert not reconsider.blocks_payment
    assert result.accrued == Decimal(3 * OPERATING + 9 * PER_CONTRACT)


def test_c5_a_tenth_contract_when_every_place_is_taken_is_supplementary() -> None:
    # 3/3/4: the fourth of year 3 comes when the 9 places are all taken.
    result = assessed(DIJON_2022, spread(3, 3, 4))

    assert result.contract("Y3-4").status is ContractStatus.SUPPLEMENTARY
    assert result.years[2].supplementary == ("Y3-4",)
    assert result.years[2].over_annual_limit == ()
    ((beyond,),) = [row.unmet for row in result.contracts if row.reference == "Y3-4"]
    assert (beyond.condition, beyond.clause) == (Condition.CONVENTION_CONTRACT_LIMIT, Clause.C5)
    assert [unmet.beyond for unmet in result.unmet if unmet.condition is Condition.RECONSIDERATION_POSSIBLE] == [1]


def test_c5_no_reconsideration_while_the_places_are_not_all_outnumbered() -> None:
    result = assessed(DIJON_2022, spread(4, 2, 3))  # 9 eligible for 9 places

    assert Condition.RECONSIDERATION_POSSIBLE not in [unmet.condition for unmet in result.unmet]


def test_c5_under_pooled_places_the_tenth_contract_is_supplementary_whatever_its_year() -> None:
    result = assessed(POOLED, spread(10, 0, 0))

    assert [row.status for row in result.contracts] == [ContractStatus.FUNDED] * 9 + [ContractStatus.SUPPLEMENTARY]
    assert result.years[0].entitled == Decimal(OPERATING + 9 * PER_CONTRACT)
    # The cap is reached in year 1 (20 000 + 135 000 = 155 000); years 2 and 3 keep their
    # operating grants, 195 000 − 155 000 = 40 000 = 2 × 20 000.
    assert result.accrued == Decimal(195_000)


# --- 7.2 The strict period of C7: contracts signed by 31 December 2024 ---------------------------


def test_c7_under_the_strict_period_a_contract_signed_in_2025_is_ineligible_citing_c7() -> None:
    strict = DIJON_2022.replace(signing_deadline=dt.date(2024, 12, 31))
    late = contract("LATE", dt.date(2025, 1, 6))
    result = assessed(strict, [*spread(3, 3, 2), late])

    assert result.contract("LATE").status is ContractStatus.INELIGIBLE
    (why,) = result.contract("LATE").unmet
    assert (why.condition, why.clause, why.final) == (Condition.SIGNED_WITHIN_PERIOD, Clause.C7, True)
    assert "2022 – 2024" in why.message("fr")
    # Operating grants follow the programme years as before: 3 × 20 000 + 8 × 15 000 = 180 000.
    assert result.accrued == Decimal(180_000)
    # Under C1 alone the same contract is funded: 195 000.
    assert assessed(DIJON_2022, [*spread(3, 3, 2), late]).accrued == Decimal(195_000)


def test_c7_the_deadline_day_itself_is_within_and_a_contract_after_the_period_still_fails_c1_alone() -> None:
    strict = DIJON_2022.replace(signing_deadline=dt.date(2024, 12, 31))
    on_the_day = contract("ON-DAY", dt.date(2024, 12, 31))
    after_the_period = contract("AFTER", dt.date(2025, 7, 1))

    result = assess(
        strict, [on_the_day, after_the_period], as_of=dt.date(2025, 7, 2), regional_authorisation_on=AUTHORISED
    )

    assert result.contract("ON-DAY").status is ContractStatus.FUNDED
    assert [(unmet.condition, unmet.clause) for unmet in result.contract("AFTER").unmet] == [
        (Condition.SIGNED_WITHIN_PERIOD, Clause.C1)
    ]


# --- 7.3 Startups already in the programme ---------------------------------------------------------


def test_c6_a_startup_selected_before_the_first_day_of_selection_was_already_in_the_programme() -> None:
    convention = DIJON_2022.replace(selected_from=dt.date(2022, 7, 1))
    earlier = contract("EARLIER", dt.date(2022, 9, 1), applied_on=dt.date(2020, 9, 1), selected_on=dt.date(2020, 10, 1))
    on_the_day = contract(
        "ON-DAY", dt.date(2022, 9, 1), applied_on=dt.date(2022, 6, 1), selected_on=dt.date(2022, 7, 1)
    )

    result = assessed(convention, [earlier, on_the_day])

    assert result.contract("EARLIER").status is ContractStatus.INELIGIBLE
    (why,) = result.contract("EARLIER").unmet
    assert (why.condition, why.clause, why.final) == (Condition.SELECTED_BY_COMMITTEE, Clause.C6, True)
    assert "already" in why.message("en")
    assert "déjà" in why.message("fr")
    assert result.contract("ON-DAY").status is ContractStatus.FUNDED
    # Without the first day of selection, both are funded.
    assert [row.status for row in assessed(DIJON_2022, [earlier, on_the_day]).contracts] == [ContractStatus.FUNDED] * 2


# --- Bad input -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"places": "weekly"}, "places"),
        ({"places": 3}, "places"),
        ({"signing_deadline": dt.date(2025, 7, 1)}, "signing_deadline"),  # after the period
        ({"signing_deadline": dt.date(2022, 6, 30)}, "signing_deadline"),  # before its start
        ({"signing_deadline": "31/12/2024x"}, "signing_deadline"),
        ({"selected_from": dt.date(2025, 7, 1)}, "selected_from"),  # after the period
    ],
)
def test_a_reading_that_does_not_exist_or_falls_outside_the_period_is_invalid_input(
    changes: dict[str, object], path: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        DIJON_2022.replace(**changes)

    assert refused.value.path == path


def test_the_readings_are_read_from_their_names() -> None:
    convention = DIJON_2022.replace(places="Pooled", signing_deadline="2024-12-31", selected_from="2022-07-01")

    assert (convention.places, convention.signing_deadline, convention.selected_from) == (
        PlacesPolicy.POOLED,
        dt.date(2024, 12, 31),
        dt.date(2022, 7, 1),
    )


# --- Properties ------------------------------------------------------------------------------------


@st.composite
def with_eligible_contracts(draw: st.DrawFn) -> tuple[Case, list[Contract]]:
    """A scenario and up to 14 more eligible contracts for distinct new startups."""
    scenario = draw(cases())
    count = draw(st.integers(0, 14))
    extra = []
    for number in range(count):
        fresh = draw(fresh_eligible_contracts(scenario.convention))
        extra.append(
            Contract(
                reference=f"NEW-{number:02d}",
                startup=Startup(
                    name=f"New startup {number}", head_office=fresh.startup.head_office, sector=fresh.startup.sector
                ),
                signed_on=fresh.signed_on,
                applied_on=fresh.applied_on,
                selected_on=fresh.selected_on,
            )
        )
    return scenario, extra


@given(case=with_eligible_contracts())
def test_pooled_places_never_earn_less_than_annual_places_on_the_same_inputs(
    case: tuple[Case, list[Contract]],
) -> None:
    scenario, extra = case
    feed = (*scenario.contracts, *extra)
    convention = scenario.convention

    annual = dataclasses.replace(scenario, convention=convention.replace(places=PlacesPolicy.ANNUAL)).assess(
        contracts=feed
    )
    pooled = dataclasses.replace(scenario, convention=convention.replace(places=PlacesPolicy.POOLED)).assess(
        contracts=feed
    )

    assert pooled.accrued >= annual.accrued
    assert pooled.eligible_contracts == annual.eligible_contracts


@given(case=with_eligible_contracts(), later=st.lists(st.integers(0, 400), max_size=5))
def test_a_contracts_status_never_changes_when_later_contracts_are_added(
    case: tuple[Case, list[Contract]], later: list[int]
) -> None:
    scenario, extra = case
    feed = [*scenario.contracts, *extra]
    before = scenario.assess(contracts=feed)
    last = max((row.signed_on for row in feed), default=dt.date(2022, 7, 1))
    added = [
        contract(f"ZZ-LATER-{index}", last + (days + 1) * DAY, applied_on=last, selected_on=last)
        for index, days in enumerate(later)
    ]

    after = scenario.assess(contracts=[*feed, *added], as_of=max(before.as_of, last + 402 * DAY))
    at_the_same_date = scenario.assess(contracts=[*feed, *added])

    statuses = {row.reference: row.status for row in before.contracts}
    assert {row.reference: row.status for row in at_the_same_date.contracts if row.reference in statuses} == statuses
    signed = {
        reference: status for reference, status in statuses.items() if status is not ContractStatus.NOT_YET_SIGNED
    }
    assert {row.reference: row.status for row in after.contracts if row.reference in signed} == signed


def test_explain_under_pooled_places_speaks_of_no_annual_ceiling_and_the_readings_step_cites_its_clause() -> None:
    pooled = assessed(POOLED, spread(0, 0, 9))
    annual = assessed(DIJON_2022, spread(0, 0, 9))

    # Year 3 under POOLED: 20 000 + 9 × 15 000 = 155 000, with no « 65 000 € par an » to cite.
    assert "€155,000.00 (places pooled over the period: no annual ceiling, only the cap)" in pooled.explain()
    assert "pas de plafond annuel" in pooled.explain("fr")
    assert "(at most €65,000.00 a year)" in annual.explain()
    readings = [step for step in pooled.trace() if step.kind.value == "readings"]
    assert [step.clause for step in readings] == [Clause.C7]  # « 9 projets »
    assert [step.clause for step in annual.trace() if step.kind.value == "readings"] == [Clause.C1]
