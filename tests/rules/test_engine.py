"""The rules of ``assess`` (SPEC §3), one by one, each named after the clause it applies."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pytest

from builders import (
    BEAUNE,
    DAY,
    PERIOD_END,
    PERIOD_START,
    VOTED_ON,
    YEARS,
    contract,
    payment,
    siren_with_key,
    startup,
    three_contracts_a_year,
)
from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Assessment,
    Condition,
    ContractStatus,
    Convention,
    Deliberation,
    InvalidInput,
    Sector,
    TargetPolicy,
    assess,
)
from propulseur_rules.rules._outcome import MONEY_FIGURES

AUTHORISED = dt.date(2022, 7, 1)
AFTER = dt.date(2025, 7, 1)  # the day after the period of C1
Y1, Y2, Y3 = YEARS
SIREN_A = siren_with_key("91234567")
SIREN_B = siren_with_key("88765432")


def _assess(
    contracts: Iterable[Any], *, as_of: dt.date = AFTER, convention: Convention = DIJON_2022, **kwargs: Any
) -> Assessment:
    """Assess with the regional authorisation given on the first day unless told otherwise."""
    kwargs.setdefault("regional_authorisation_on", AUTHORISED)
    return assess(convention, contracts, as_of=as_of, **kwargs)


def _conditions(assessment: Assessment, reference: str) -> list[Condition]:
    return [unmet.condition for unmet in assessment.contract(reference).unmet]


# --- C1: signed within the period -----------------------------------------------------------


def test_c1_contract_signed_the_day_before_the_period_is_ineligible() -> None:
    result = _assess([contract("PRO-1", PERIOD_START - DAY)])
    row = result.contract("PRO-1")

    assert row.status is ContractStatus.INELIGIBLE
    assert _conditions(result, "PRO-1") == [Condition.SIGNED_WITHIN_PERIOD]
    assert row.programme_year is None
    assert row.grant == Decimal(0)
    assert row.unmet[0].amount == Decimal(15_000)
    assert row.unmet[0].final


def test_c1_contract_signed_the_day_after_the_period_is_ineligible() -> None:
    result = _assess([contract("PRO-1", PERIOD_END + DAY)], as_of=PERIOD_END + 10 * DAY)

    assert _conditions(result, "PRO-1") == [Condition.SIGNED_WITHIN_PERIOD]


def test_c1_contracts_signed_on_the_first_and_last_day_of_the_period_are_funded() -> None:
    result = _assess([contract("FIRST", PERIOD_START), contract("LAST", PERIOD_END)])

    assert result.contract("FIRST").status is ContractStatus.FUNDED
    assert result.contract("FIRST").programme_year == 1
    assert result.contract("LAST").status is ContractStatus.FUNDED
    assert result.contract("LAST").programme_year == 3


# --- C6: head office, application, selection --------------------------------------------------


def test_c6_startup_outside_the_metropole_is_ineligible() -> None:
    beaune = startup("Lumen", head_office=BEAUNE)
    result = _assess([contract("PRO-1", dt.date(2023, 1, 10), of=beaune)])

    assert result.contract("PRO-1").status is ContractStatus.INELIGIBLE
    assert _conditions(result, "PRO-1") == [Condition.HEAD_OFFICE_IN_TERRITORY]
    assert result.contract("PRO-1").unmet[0].final


@pytest.mark.parametrize(("code", "eligible"), [("21105", True), ("21103", False)])
def test_c6_bressey_sur_tille_21105_is_in_the_territory_and_21103_is_not(code: str, eligible: bool) -> None:
    result = _assess([contract("PRO-1", dt.date(2023, 1, 10), of=startup(head_office=code))])

    assert (result.contract("PRO-1").status is ContractStatus.FUNDED) is eligible


def test_c6_startup_that_never_expressed_its_wish_is_ineligible_until_it_is_recorded() -> None:
    result = _assess([contract("PRO-1", dt.date(2023, 1, 10), applied_on=None)])
    unmet = result.contract("PRO-1").unmet

    assert [item.condition for item in unmet] == [Condition.STARTUP_APPLIED]
    assert not unmet[0].final  # the date may still be filled in


def test_c6_startup_that_applied_after_its_selection_is_ineligible() -> None:
    signed = dt.date(2023, 1, 10)
    result = _assess([contract("PRO-1", signed, applied_on=signed - 5 * DAY, selected_on=signed - 6 * DAY)])
    unmet = result.contract("PRO-1").unmet

    assert [item.condition for item in unmet] == [Condition.STARTUP_APPLIED]
    assert unmet[0].final


def test_c6_startup_never_selected_by_the_committee_is_ineligible_until_it_is_recorded() -> None:
    result = _assess([contract("PRO-1", dt.date(2023, 1, 10), selected_on=None)])
    unmet = result.contract("PRO-1").unmet

    assert [item.condition for item in unmet] == [Condition.SELECTED_BY_COMMITTEE]
    assert not unmet[0].final


def test_c6_contract_signed_before_the_committee_selected_the_startup_is_ineligible() -> None:
    signed = dt.date(2024, 1, 25)
    result = _assess([contract("PRO-1", signed, applied_on=dt.date(2023, 11, 20), selected_on=signed + DAY)])
    unmet = result.contract("PRO-1").unmet

    assert [item.condition for item in unmet] == [Condition.SELECTED_BY_COMMITTEE]
    assert unmet[0].final
    assert unmet[0].clause.value == "C6"


def test_c6_applying_selecting_and_signing_on_one_day_is_in_time() -> None:
    day = dt.date(2023, 1, 10)
    result = _assess([contract("PRO-1", day, applied_on=day, selected_on=day)])

    assert result.contract("PRO-1").status is ContractStatus.FUNDED


# --- C8: the two fields -----------------------------------------------------------------------


def test_c8_startup_outside_industry_and_health_is_ineligible() -> None:
    result = _assess([contract("PRO-1", dt.date(2023, 1, 10), of=startup(sector=Sector.OTHER))])

    assert _conditions(result, "PRO-1") == [Condition.SECTOR_IN_SCOPE]
    assert result.contract("PRO-1").unmet[0].clause.value == "C8"


def test_c8_industry_and_health_startups_are_both_funded() -> None:
    result = _assess(
        [
            contract("IND", dt.date(2023, 1, 10), of=startup("Mécatronix", sector=Sector.INDUSTRY)),
            contract("HEA", dt.date(2023, 1, 11), of=startup("Bioptic", sector=Sector.HEALTH)),
        ]
    )

    assert [row.status for row in result.contracts] == [ContractStatus.FUNDED, ContractStatus.FUNDED]


# --- C7: one project per startup --------------------------------------------------------------


def test_c7_second_contract_of_a_startup_with_the_same_siren_is_ineligible() -> None:
    result = _assess(
        [
            contract("FIRST", dt.date(2023, 1, 10), of=startup("Hydrolis", siren=SIREN_A)),
            contract("SECOND", dt.date(2023, 10, 2), of=startup("Hydrolis Energy", siren=SIREN_A)),
        ]
    )

    assert result.contract("FIRST").status is ContractStatus.FUNDED
    assert _conditions(result, "SECOND") == [Condition.ONE_CONTRACT_PER_STARTUP]
    assert result.contract("SECOND").unmet[0].clause.value == "C7"


def test_c7_same_name_ignoring_case_accents_and_spaces_is_the_same_startup_when_one_lacks_a_siren() -> None:
    result = _assess(
        [
            contract("FIRST", dt.date(2023, 1, 10), of=startup("Hydrogène Mobile", siren=SIREN_A)),
            contract("SECOND", dt.date(2023, 2, 10), of=startup("  HYDROGENE   mobile ")),
        ]
    )

    assert _conditions(result, "SECOND") == [Condition.ONE_CONTRACT_PER_STARTUP]


def test_c7_same_name_without_any_siren_is_the_same_startup() -> None:
    result = _assess(
        [
            contract("FIRST", dt.date(2023, 1, 10), of=startup("Mécatronix")),
            contract("SECOND", dt.date(2023, 2, 10), of=startup("mecatronix")),
        ]
    )

    assert _conditions(result, "SECOND") == [Condition.ONE_CONTRACT_PER_STARTUP]


def test_c7_same_name_with_two_different_sirens_is_two_startups() -> None:
    result = _assess(
        [
            contract("FIRST", dt.date(2023, 1, 10), of=startup("Hydrolis", siren=SIREN_A)),
            contract("SECOND", dt.date(2023, 2, 10), of=startup("Hydrolis", siren=SIREN_B)),
        ]
    )

    assert [row.status for row in result.contracts] == [ContractStatus.FUNDED, ContractStatus.FUNDED]


def test_c7_the_same_startup_relation_is_not_transitive() -> None:
    # A (SIREN a, "Foo") and C (SIREN c, "FOO") are two startups: both carry a SIREN and
    # they differ. B ("foo", no SIREN) is the same startup as A by name, and as C too, but
    # that does not make A and C one startup.
    result = _assess(
        [
            contract("A", dt.date(2023, 1, 10), of=startup("Foo", siren=SIREN_A)),
            contract("C", dt.date(2023, 2, 10), of=startup("FOO", siren=SIREN_B)),
            contract("B", dt.date(2023, 3, 10), of=startup("foo")),
        ]
    )

    assert result.contract("A").status is ContractStatus.FUNDED
    assert result.contract("C").status is ContractStatus.FUNDED
    assert _conditions(result, "B") == [Condition.ONE_CONTRACT_PER_STARTUP]


def test_c7_a_startup_without_siren_in_between_does_not_join_two_sirens() -> None:
    # A (SIREN a) is funded; B (no SIREN, same name) is A's second contract; C (SIREN c,
    # same name) has no earlier *eligible* contract of its own startup: B was not eligible.
    result = _assess(
        [
            contract("A", dt.date(2023, 1, 10), of=startup("Foo", siren=SIREN_A)),
            contract("B", dt.date(2023, 2, 10), of=startup("Foo")),
            contract("C", dt.date(2023, 3, 10), of=startup("Foo", siren=SIREN_B)),
        ]
    )

    assert _conditions(result, "B") == [Condition.ONE_CONTRACT_PER_STARTUP]
    assert result.contract("C").status is ContractStatus.FUNDED


def test_c7_an_earlier_ineligible_contract_does_not_take_the_startups_place() -> None:
    hydrolis = startup("Hydrolis", siren=SIREN_A)
    signed = dt.date(2023, 1, 10)
    result = _assess(
        [
            contract("EARLY", signed, of=hydrolis, selected_on=signed + DAY),  # signed before selection
            contract("LATER", signed + 30 * DAY, of=hydrolis),
        ]
    )

    assert result.contract("EARLY").status is ContractStatus.INELIGIBLE
    assert result.contract("LATER").status is ContractStatus.FUNDED


def test_every_failing_condition_of_a_contract_is_listed_in_the_order_of_the_rules() -> None:
    first = startup("Hydrolis", siren=SIREN_A)
    same_elsewhere = startup("Hydrolis", head_office=BEAUNE, sector=Sector.OTHER, siren=SIREN_A)
    result = _assess(
        [
            contract("FIRST", dt.date(2023, 1, 10), of=first),
            contract("AGAIN", PERIOD_END + DAY, of=same_elsewhere, applied_on=None, selected_on=None),
        ],
        as_of=AFTER + 30 * DAY,
    )

    assert _conditions(result, "AGAIN") == [
        Condition.SIGNED_WITHIN_PERIOD,  # C1
        Condition.HEAD_OFFICE_IN_TERRITORY,  # C6
        Condition.STARTUP_APPLIED,  # C6
        Condition.SELECTED_BY_COMMITTEE,  # C6
        Condition.SECTOR_IN_SCOPE,  # C8
        Condition.ONE_CONTRACT_PER_STARTUP,  # C7
    ]
    assert all(unmet.contract == "AGAIN" for unmet in result.contract("AGAIN").unmet)
    assert all(unmet.amount == Decimal(15_000) for unmet in result.contract("AGAIN").unmet)


# --- C2 and C5: three funded contracts a year, the rest supplementary -------------------------


def test_c2_fourth_contract_of_a_year_is_over_the_annual_limit_while_other_years_have_places() -> None:
    # SPEC §7.1: with 4 eligible contracts in all, 9 - 3 = 6 places remain in years 2 and 3,
    # so the fourth of year 1 is over the annual limit (C2), not a supplementary contract (C5).
    contracts = [contract(f"Y1-{number}", Y1[0] + number * 30 * DAY) for number in range(1, 5)]
    result = _assess(contracts)

    assert [row.status for row in result.contracts] == [ContractStatus.FUNDED] * 3 + [ContractStatus.OVER_ANNUAL_LIMIT]
    year = result.years[0]
    assert year.funded == ("Y1-1", "Y1-2", "Y1-3")
    assert year.over_annual_limit == ("Y1-4",)
    assert year.supplementary == ()
    assert year.entitled == Decimal(20_000 + 3 * 15_000)
    limit = result.contract("Y1-4").unmet
    assert [(unmet.condition, unmet.clause.value, unmet.amount, unmet.final) for unmet in limit] == [
        (Condition.ANNUAL_CONTRACT_LIMIT, "C2", Decimal(15_000), True)
    ]
    assert result.contract("Y1-4").grant == Decimal(0)
    assert result.contract("Y1-4").programme_year == 1


def test_c2_contracts_signed_the_same_day_are_funded_in_the_order_of_their_references() -> None:
    day = dt.date(2023, 1, 10)
    result = _assess([contract(reference, day) for reference in ("D", "B", "A", "C")])

    assert result.years[0].funded == ("A", "B", "C")
    assert result.years[0].over_annual_limit == ("D",)
    assert [row.reference for row in result.contracts] == ["A", "B", "C", "D"]


def test_c2_the_limit_counts_per_programme_year_not_per_calendar_year() -> None:
    # Two contracts in 2022 and two in the first half of 2023 are all in programme year 1.
    dates = [dt.date(2022, 11, 1), dt.date(2022, 12, 1), dt.date(2023, 1, 10), Y1[1], Y2[0]]
    result = _assess([contract(f"C{index}", day) for index, day in enumerate(dates)])

    assert result.years[0].funded == ("C0", "C1", "C2")
    assert result.years[0].over_annual_limit == ("C3",)
    assert result.years[1].funded == ("C4",)


def test_c2_a_what_if_with_four_contracts_a_year_funds_the_fourth() -> None:
    convention = DIJON_2022.replace(max_funded_contracts_per_year=4, total_cap=3 * (20_000 + 4 * 15_000))
    contracts = [contract(f"Y1-{number}", Y1[0] + number * 30 * DAY) for number in range(1, 5)]
    result = _assess(contracts, convention=convention)

    assert result.years[0].entitled == Decimal(20_000 + 4 * 15_000)
    assert result.years[0].over_annual_limit == ()


def test_c2_cap_cuts_the_contract_grant_that_crosses_it_and_everything_after() -> None:
    # Cap 92 500: year 1 brings 20 000 + 3 × 15 000 = 65 000, year 2's operating grant
    # 20 000 (85 000 in all), its first contract only 92 500 - 85 000 = 7 500, then nothing.
    convention = DIJON_2022.replace(total_cap=92_500)
    result = _assess(three_contracts_a_year(), convention=convention)

    assert result.accrued == Decimal(92_500)
    assert [year.entitled for year in result.years] == [
        Decimal(20_000 + 3 * 15_000),
        Decimal(20_000 + (92_500 - 85_000)),
        Decimal(0),
    ]
    assert [result.contract(f"Y2-{number}").grant for number in (1, 2, 3)] == [
        Decimal(92_500 - 85_000),
        Decimal(0),
        Decimal(0),
    ]
    assert result.years[2].operating_grant == Decimal(0)
    assert result.contract("Y3-1").status is ContractStatus.FUNDED  # funded, with nothing left under the cap


def test_c2_cap_can_cut_an_operating_grant() -> None:
    # Cap 70 000: year 1 takes 65 000, year 2's operating grant only 70 000 - 65 000 = 5 000.
    convention = DIJON_2022.replace(total_cap=70_000)
    result = _assess(three_contracts_a_year(), convention=convention)

    assert result.years[1].operating_grant == Decimal(70_000 - 65_000)
    assert result.years[1].contract_grants == Decimal(0)
    assert result.accrued == Decimal(70_000)


def test_c2_supplementary_contracts_bring_no_money_even_under_a_cap_with_room() -> None:
    contracts = [contract(f"Y1-{number}", Y1[0] + number * 30 * DAY) for number in range(1, 6)]
    result = _assess(contracts, convention=DIJON_2022.replace(total_cap=1_000_000))

    assert result.accrued == Decimal(3 * 20_000 + 3 * 15_000)


# --- C3: when money accrues ---------------------------------------------------------------


@pytest.mark.parametrize("index", [1, 2, 3])
def test_c3_on_event_a_years_operating_grant_accrues_on_its_first_day(index: int) -> None:
    first_day = YEARS[index - 1][0]

    before = _assess([], as_of=first_day - DAY)
    on = _assess([], as_of=first_day)

    assert before.accrued == Decimal((index - 1) * 20_000)
    assert on.accrued == Decimal(index * 20_000)
    assert on.years[index - 1].operating_grant_accrues_on == first_day


def test_c3_on_event_a_contract_grant_accrues_on_the_day_of_signature() -> None:
    signed = dt.date(2023, 3, 15)
    feed = [contract("PRO-1", signed)]

    assert _assess(feed, as_of=signed - DAY).accrued == Decimal(20_000)
    assert _assess(feed, as_of=signed).accrued == Decimal(20_000 + 15_000)
    assert _assess(feed, as_of=signed).contract("PRO-1").accrues_on == signed


@pytest.mark.parametrize("index", [1, 2, 3])
def test_c3_at_year_end_a_year_accrues_the_day_after_its_last_day(index: int) -> None:
    convention = DIJON_2022.replace(accrual=Accrual.AT_YEAR_END)
    last_day = YEARS[index - 1][1]
    feed = three_contracts_a_year()

    on_last_day = _assess(feed, as_of=last_day, convention=convention)
    day_after = _assess(feed, as_of=last_day + DAY, convention=convention)

    assert on_last_day.accrued == Decimal((index - 1) * (20_000 + 3 * 15_000))
    assert day_after.accrued == Decimal(index * (20_000 + 3 * 15_000))
    assert day_after.years[index - 1].operating_grant_accrues_on == last_day + DAY
    assert day_after.contract(f"Y{index}-1").accrues_on == last_day + DAY


def test_c3_at_year_end_nothing_accrues_on_the_first_day_of_the_period() -> None:
    convention = DIJON_2022.replace(accrual=Accrual.AT_YEAR_END)

    assert _assess([contract("PRO-1", PERIOD_START)], as_of=PERIOD_START, convention=convention).accrued == 0


# --- C3: the target of nine contracts -------------------------------------------------------


def test_c3_target_under_pro_rata_is_reported_but_withholds_nothing() -> None:
    feed = three_contracts_a_year()[:8]  # Y3-3 missing
    result = _assess(feed, as_of=dt.date(2025, 6, 1))

    target = [unmet for unmet in result.unmet if unmet.condition is Condition.CONTRACT_TARGET]
    assert [(unmet.blocks_payment, unmet.final, unmet.needed, unmet.amount) for unmet in target] == [
        (False, False, 9 - 8, Decimal(0))
    ]
    assert result.withheld == Decimal(0)
    assert result.releasable == Decimal(3 * 20_000 + 8 * 15_000)


def test_c3_target_under_all_or_nothing_withholds_everything_accrued() -> None:
    convention = DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING)
    result = _assess(three_contracts_a_year()[:8], as_of=dt.date(2025, 6, 1), convention=convention)

    target = [unmet for unmet in result.unmet if unmet.condition is Condition.CONTRACT_TARGET]
    assert [(unmet.blocks_payment, unmet.final, unmet.needed) for unmet in target] == [(True, False, 1)]
    assert result.accrued == Decimal(3 * 20_000 + 8 * 15_000)
    assert result.withheld == result.accrued
    assert result.releasable == Decimal(0)
    assert target[0].amount == Decimal(3 * 20_000 + 8 * 15_000)
    assert target[0].releases == Decimal(3 * 20_000 + 8 * 15_000)


def test_c3_target_counts_supplementary_contracts() -> None:
    # Five eligible contracts in year 1 and four in year 2: nine eligible, six funded.
    feed = [contract(f"Y1-{n}", Y1[0] + n * 30 * DAY) for n in range(1, 6)]
    feed += [contract(f"Y2-{n}", Y2[0] + n * 30 * DAY) for n in range(1, 5)]
    convention = DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING)
    result = _assess(feed, convention=convention)

    assert result.eligible_contracts == 5 + 4
    assert result.target_met
    assert Condition.CONTRACT_TARGET not in [unmet.condition for unmet in result.unmet]
    assert result.releasable == Decimal(3 * 20_000 + (3 + 3) * 15_000)


def test_c3_target_becomes_final_the_day_after_the_period() -> None:
    feed = three_contracts_a_year()[:8]

    on_last_day = _assess(feed, as_of=PERIOD_END)
    day_after = _assess(feed, as_of=PERIOD_END + DAY)

    assert [unmet.final for unmet in on_last_day.unmet if unmet.condition is Condition.CONTRACT_TARGET] == [False]
    assert [unmet.final for unmet in day_after.unmet if unmet.condition is Condition.CONTRACT_TARGET] == [True]


def test_c3_target_needs_ineligible_contracts_replaced() -> None:
    feed = three_contracts_a_year()[:7]
    feed.append(contract("OUT", dt.date(2025, 1, 5), of=startup("Lumen", head_office=BEAUNE)))
    result = _assess(feed, as_of=dt.date(2025, 2, 1))

    assert [unmet.needed for unmet in result.unmet if unmet.condition is Condition.CONTRACT_TARGET] == [9 - 7]


# --- C4 and C9: conditions on payment as a whole --------------------------------------------


def test_c4_without_the_regional_authorisation_everything_accrued_is_withheld() -> None:
    result = _assess(three_contracts_a_year(), regional_authorisation_on=None)

    assert result.accrued == Decimal(195_000)
    assert result.withheld == Decimal(195_000)
    assert result.releasable == Decimal(0)
    blocking = result.blocking
    assert [(unmet.condition, unmet.clause.value, unmet.final) for unmet in blocking] == [
        (Condition.REGIONAL_AUTHORISATION, "C4", False)
    ]
    assert blocking[0].releases == Decimal(195_000)


def test_c4_authorisation_validated_after_the_date_still_withholds_and_on_the_day_releases() -> None:
    validated = dt.date(2023, 2, 15)

    before = _assess([], as_of=validated - DAY, regional_authorisation_on=validated)
    on = _assess([], as_of=validated, regional_authorisation_on=validated)

    assert (before.withheld, before.releasable) == (Decimal(20_000), Decimal(0))
    assert (on.withheld, on.releasable) == (Decimal(0), Decimal(20_000))


def test_c9_a_deliberation_not_adopted_withholds_everything_for_good() -> None:
    no_quorum = Deliberation(
        decided_on=VOTED_ON,
        members_in_office=86,
        present=43,  # 43 * 2 = 86 is not more than 86
        proxies=15,
        votes_for=58,
        votes_against=0,
        abstentions=0,
        not_voting=0,
    )
    result = _assess(three_contracts_a_year(), convention=DIJON_2022.replace(deliberation=no_quorum))

    assert result.releasable == Decimal(0)
    assert [(unmet.condition, unmet.clause.value, unmet.final) for unmet in result.blocking] == [
        (Condition.DELIBERATION_ADOPTED, "C9", True)
    ]


def test_c9_a_deliberation_voted_after_the_date_withholds_until_the_vote() -> None:
    # 1 July 2022: year 1's operating grant accrues; the council votes on 29 September 2022.
    before = _assess([], as_of=VOTED_ON - DAY)
    on = _assess([], as_of=VOTED_ON)

    assert before.accrued == Decimal(20_000)
    assert before.withheld == Decimal(20_000)
    assert [(unmet.condition, unmet.final) for unmet in before.blocking] == [(Condition.DELIBERATION_ADOPTED, False)]
    assert on.withheld == Decimal(0)
    assert Condition.DELIBERATION_ADOPTED not in [unmet.condition for unmet in on.unmet]


def test_c9_a_convention_without_a_deliberation_on_record_is_not_blocked_by_it() -> None:
    result = _assess([], as_of=dt.date(2022, 8, 1), convention=DIJON_2022.replace(deliberation=None))

    assert result.releasable == Decimal(20_000)
    # Only warnings: the financing convention's signature not given (loi n° 2000-321, art. 10), the target (C3).
    assert [(unmet.condition, unmet.blocks_payment) for unmet in result.unmet] == [
        (Condition.FINANCING_CONVENTION_SIGNED, False),
        (Condition.CONTRACT_TARGET, False),
    ]


def test_blocking_conditions_come_first_in_the_order_c4_c9_c3() -> None:
    convention = DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING)
    result = _assess([], as_of=VOTED_ON - DAY, convention=convention, regional_authorisation_on=None)

    # The financing convention's signature is not given: a warning between C9 and C3, withholding nothing.
    assert [(unmet.condition, unmet.blocks_payment) for unmet in result.unmet] == [
        (Condition.REGIONAL_AUTHORISATION, True),
        (Condition.DELIBERATION_ADOPTED, True),
        (Condition.FINANCING_CONVENTION_SIGNED, False),
        (Condition.CONTRACT_TARGET, True),
    ]
    # Three blockers: lifting any one alone releases nothing, so none says what it would release.
    assert [unmet.releases for unmet in result.blocking] == [None, None, None]
    assert [unmet.amount for unmet in result.unmet] == [Decimal(20_000), Decimal(20_000), Decimal(0), Decimal(20_000)]


def test_a_lone_blocker_with_nothing_accrued_yet_releases_nothing() -> None:
    # The day before the period: nothing has accrued and the council has not voted yet.
    result = _assess([], as_of=PERIOD_START - DAY, regional_authorisation_on=PERIOD_START - 10 * DAY)

    assert [(unmet.condition, unmet.amount, unmet.releases) for unmet in result.blocking] == [
        (Condition.DELIBERATION_ADOPTED, Decimal(0), Decimal(0))
    ]
    assert "Nothing has accrued yet" in result.blocking[0].message("en")


# --- Dates of the assessment: contracts and payments after it ------------------------------


def test_contracts_signed_after_the_date_are_not_yet_signed_and_bring_no_money() -> None:
    signed = dt.date(2023, 3, 15)
    result = _assess([contract("LATER", signed)], as_of=signed - DAY)
    row = result.contract("LATER")

    assert row.status is ContractStatus.NOT_YET_SIGNED
    assert row.grant == Decimal(0)
    assert row.unmet == ()
    assert row.programme_year == 1
    assert result.eligible_contracts == 0
    assert result.years[0].funded == ()


def test_a_contract_not_yet_signed_does_not_take_a_startups_place() -> None:
    hydrolis = startup("Hydrolis", siren=SIREN_A)
    result = _assess(
        [contract("LATER", dt.date(2023, 5, 1), of=hydrolis), contract("NOW", dt.date(2023, 3, 1), of=hydrolis)],
        as_of=dt.date(2023, 4, 1),
    )

    assert result.contract("NOW").status is ContractStatus.FUNDED
    assert result.contract("LATER").status is ContractStatus.NOT_YET_SIGNED


def test_payments_after_the_date_are_not_counted() -> None:
    result = _assess(
        [],
        as_of=dt.date(2023, 1, 1),
        payments=[payment("VIR-1", dt.date(2022, 12, 1), 5_000), payment("VIR-2", dt.date(2023, 1, 2), 7_000)],
    )

    assert result.paid == Decimal(5_000)
    assert [paid.reference for paid in result.payments] == ["VIR-1"]
    assert result.payable == Decimal(20_000 - 5_000)


def test_a_payment_on_the_date_is_counted() -> None:
    day = dt.date(2023, 1, 1)
    result = _assess([], as_of=day, payments=[payment("VIR-1", day, 5_000)])

    assert result.paid == Decimal(5_000)


# --- Money figures ------------------------------------------------------------------------------


def test_payable_is_what_is_releasable_less_what_was_paid() -> None:
    # On 1 March 2023: year 1's 20 000 and two contracts, 20 000 + 2 × 15 000 = 50 000; 30 000 paid.
    feed = three_contracts_a_year()[:2]
    result = _assess(feed, as_of=dt.date(2023, 3, 1), payments=[payment("VIR-1", dt.date(2022, 10, 1), "30000.00")])

    assert result.releasable == Decimal(20_000 + 2 * 15_000)
    assert result.paid == Decimal(30_000)
    assert result.payable == Decimal(20_000 + 2 * 15_000 - 30_000)
    assert result.excess_paid == Decimal(0)
    assert Condition.NO_EXCESS_PAYMENT not in [unmet.condition for unmet in result.unmet]


def test_c3_payment_ahead_of_entitlement_is_excess_and_not_final_during_the_period() -> None:
    result = _assess([], as_of=dt.date(2023, 1, 1), payments=[payment("VIR-1", dt.date(2022, 12, 1), 50_000)])

    assert result.payable == Decimal(0)
    assert result.excess_paid == Decimal(50_000 - 20_000)
    excess = [unmet for unmet in result.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert [(unmet.amount, unmet.final, unmet.blocks_payment, unmet.contract) for unmet in excess] == [
        (Decimal(30_000), False, False, None)
    ]
    assert result.unmet[-1] is excess[0]  # payments come last


def test_an_excess_after_the_period_with_no_blocker_left_is_money_to_recover() -> None:
    result = _assess([], as_of=AFTER, payments=[payment("VIR-1", dt.date(2022, 12, 1), 100_000)])

    # No contract: 3 × 20 000 = 60 000 accrued and releasable (pro rata), 100 000 paid.
    excess = [unmet for unmet in result.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert [(unmet.amount, unmet.final) for unmet in excess] == [(Decimal(100_000 - 3 * 20_000), True)]
    assert "recover" in excess[0].message("en")


def test_an_excess_after_the_period_is_not_final_while_the_authorisation_may_still_come() -> None:
    result = _assess(
        [], as_of=AFTER, regional_authorisation_on=None, payments=[payment("VIR-1", dt.date(2022, 12, 1), 10_000)]
    )

    excess = [unmet for unmet in result.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert [(unmet.amount, unmet.final) for unmet in excess] == [(Decimal(10_000), False)]


def test_c3_all_or_nothing_after_a_missed_target_makes_every_payment_excess_for_good() -> None:
    convention = DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING)
    result = _assess(
        three_contracts_a_year()[:8],
        convention=convention,
        payments=[payment("VIR-1", dt.date(2023, 4, 12), 50_000), payment("VIR-2", dt.date(2024, 3, 28), 60_000)],
    )

    assert result.releasable == Decimal(0)
    assert result.excess_paid == Decimal(50_000 + 60_000)
    excess = [unmet for unmet in result.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert [(unmet.amount, unmet.final) for unmet in excess] == [(Decimal(110_000), True)]


# --- Input checks ---------------------------------------------------------------------------


def test_a_contract_reference_used_twice_is_invalid_input_naming_the_second() -> None:
    feed = [
        contract("PRO-1", dt.date(2023, 1, 1)),
        contract("PRO-2", dt.date(2023, 1, 2)),
        contract("PRO-1", dt.date(2023, 1, 3)),
    ]

    with pytest.raises(InvalidInput) as caught:
        _assess(feed)

    assert caught.value.path == "contracts[2].reference"
    assert "contracts[0]" in caught.value.reason


def test_a_payment_reference_used_twice_is_invalid_input_naming_the_second() -> None:
    paid = [payment("VIR-1", dt.date(2023, 1, 1), 1), payment("VIR-1", dt.date(2026, 1, 1), 2)]

    with pytest.raises(InvalidInput) as caught:
        _assess([], payments=paid)

    assert caught.value.path == "payments[1].reference"


def test_something_that_is_not_a_contract_in_the_feed_is_invalid_input_naming_its_position() -> None:
    with pytest.raises(InvalidInput) as caught:
        _assess([contract("PRO-1", dt.date(2023, 1, 1)), {"reference": "PRO-2"}])

    assert caught.value.path == "contracts[1]"


@pytest.mark.parametrize(
    ("arguments", "path"),
    [
        ({"contracts": "PRO-1"}, "contracts"),
        ({"contracts": None}, "contracts"),
        ({"payments": 5}, "payments"),
        ({"as_of": dt.datetime(2023, 1, 1, 8, 0)}, "as_of"),
        ({"as_of": "1 January 2023"}, "as_of"),
        ({"regional_authorisation_on": 2023}, "regional_authorisation_on"),
        ({"convention": "dijon-2022"}, "convention"),
    ],
)
def test_assess_refuses_malformed_arguments_naming_them(arguments: dict[str, object], path: str) -> None:
    call: dict[str, object] = {"convention": DIJON_2022, "contracts": [], "as_of": AFTER}
    call.update(arguments)
    convention = call.pop("convention")
    contracts = call.pop("contracts")

    with pytest.raises(InvalidInput) as caught:
        assess(convention, contracts, **call)  # type: ignore[arg-type]

    assert caught.value.path == path


def test_assess_reads_iso_dates() -> None:
    by_text = assess(DIJON_2022, [], as_of="2023-01-01", regional_authorisation_on="2022-12-01")  # type: ignore[arg-type]
    by_date = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1), regional_authorisation_on=dt.date(2022, 12, 1))

    assert by_text == by_date


def test_assess_takes_contracts_and_payments_from_any_iterable_once() -> None:
    feed = three_contracts_a_year()
    from_generators = _assess(iter(feed), payments=(paid for paid in [payment("VIR-1", AUTHORISED, 1)]))

    assert from_generators == _assess(feed, payments=[payment("VIR-1", AUTHORISED, 1)])


# --- The shape of the answer ---------------------------------------------------------------


def test_contracts_are_reported_in_the_order_of_signature_then_reference() -> None:
    feed = [
        contract("B", dt.date(2023, 2, 1)),
        contract("Z", dt.date(2023, 1, 1)),
        contract("A", dt.date(2023, 2, 1)),
        contract("LATE", dt.date(2024, 1, 1)),
    ]
    result = _assess(feed, as_of=dt.date(2023, 6, 1))

    assert [row.reference for row in result.contracts] == ["Z", "A", "B", "LATE"]


def test_unmet_conditions_come_blocking_first_then_contract_by_contract_then_payments() -> None:
    feed = [contract(f"Y1-{n}", Y1[0] + n * 30 * DAY) for n in range(1, 5)]
    feed.append(contract("OUT", dt.date(2022, 8, 1), of=startup("Lumen", head_office=BEAUNE)))
    result = _assess(
        feed,
        as_of=dt.date(2023, 6, 1),
        regional_authorisation_on=None,
        payments=[payment("VIR-1", dt.date(2023, 1, 1), 1)],
    )

    assert [(unmet.condition, unmet.contract) for unmet in result.unmet] == [
        (Condition.REGIONAL_AUTHORISATION, None),
        (Condition.FINANCING_CONVENTION_SIGNED, None),  # not verified: its signature is not given
        (Condition.CONTRACT_TARGET, None),
        (Condition.HEAD_OFFICE_IN_TERRITORY, "OUT"),  # signed 1 August 2022
        (Condition.ANNUAL_CONTRACT_LIMIT, "Y1-4"),
        (Condition.NO_EXCESS_PAYMENT, None),
    ]


def test_each_programme_year_reports_its_period_grants_and_contracts() -> None:
    result = _assess(three_contracts_a_year(), as_of=dt.date(2023, 12, 31))

    assert [year.index for year in result.years] == [1, 2, 3]
    assert [(year.period.start, year.period.end) for year in result.years] == list(YEARS)
    assert [year.operating_grant for year in result.years] == [Decimal(20_000)] * 3
    # Grants of contracts signed by the date only: three in year 1, two in year 2, none in year 3.
    assert [year.contract_grants for year in result.years] == [
        Decimal(3 * 15_000),
        Decimal(2 * 15_000),
        Decimal(0),
    ]
    # 31 Dec 2023: year 1 whole; year 2 its operating grant and the two contracts signed by then
    # (30 August and 28 November 2023; the third comes on 27 March 2024).
    assert [year.accrued for year in result.years] == [
        Decimal(20_000 + 3 * 15_000),
        Decimal(20_000 + 2 * 15_000),
        Decimal(0),
    ]
    assert result.years[1].funded == ("Y2-1", "Y2-2")


def test_to_dict_is_json_ready_with_money_as_strings_with_two_decimals() -> None:
    result = _assess(
        three_contracts_a_year()[:4],
        as_of=dt.date(2023, 12, 31),
        payments=[payment("VIR-1", dt.date(2023, 4, 12), "50000.5")],
    )
    data = result.to_dict()
    text = json.dumps(data)

    assert json.loads(text) == data
    money = re.compile(r"\d+\.\d{2}")
    # Year 1 whole, then year 2's operating grant and its first contract (30 August 2023).
    assert data["accrued"] == f"{20_000 + 3 * 15_000 + 20_000 + 15_000}.00"
    for name in MONEY_FIGURES:
        assert money.fullmatch(data[name]), name
    assert data["paid"] == "50000.50"
    assert data["as_of"] == "2023-12-31"
    assert data["regional_authorisation_on"] == AUTHORISED.isoformat()
    assert all(money.fullmatch(year["entitled"]) for year in data["years"])
    assert all(money.fullmatch(row["grant"]) for row in data["contracts"])
    assert all(money.fullmatch(unmet["amount"]) for unmet in data["unmet"])
