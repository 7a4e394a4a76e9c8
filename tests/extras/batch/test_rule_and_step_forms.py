"""Each rule of eligibility, and each step, in its two forms: the columnar answer's row for a contract (or a
scenario) is what the scalar form answers for it.

The end-to-end figures are checked in test_columnar_equality.py; here each rule
record's ``columns`` is set against its ``holds`` on drawn contracts, and each
step of the columnar engine against the step of :func:`assess` of the same
name (eligibility, places, entitlement, payment conditions, settlement), so
that a difference is found in the rule or the step that makes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import NamedTuple

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from columnar_strategies import as_case, batches
from propulseur_rules import Contract, ContractStatus, Startup
from propulseur_rules.batch import ScenarioTable
from propulseur_rules.batch._codes import days, rule_bit
from propulseur_rules.batch._eligibility import contract_arrays, convention_arrays, judge_eligibility
from propulseur_rules.batch._money import entitlement, payment_conditions, settle
from propulseur_rules.batch._places import allot_places, scenario_years
from propulseur_rules.rules import (
    CONTRACT_RULES,
    ContractRule,
    EligibleStartups,
    programme_year,
    same_startup,
    same_startup_columns,
    startup_key,
)
from propulseur_rules.rules import allot_places as allot_places_scalar
from propulseur_rules.rules import entitlement as entitlement_scalar
from propulseur_rules.rules import judge_eligibility as judge_eligibility_scalar
from propulseur_rules.rules import payment_conditions as payment_conditions_scalar
from propulseur_rules.rules import settle as settle_scalar
from propulseur_rules.rules._outcome import Condition
from strategies import Case, startups

#: Eight rules and five steps, each drawing batches of up to four scenarios of up to sixty contracts, beside the
#: end-to-end test that draws the profile's count: a fiftieth of it for each rule, a fortieth for each step.
FOR_EACH_RULE = max(5, settings().max_examples // 50)
FOR_EACH_STEP = max(5, settings().max_examples // 40)


def table_of(batch: list[Case]) -> ScenarioTable:
    return ScenarioTable.from_cases([as_case(scenario) for scenario in batch])


def rows_of(table: ScenarioTable, index: int) -> Iterator[tuple[int, Contract]]:
    """The rows of scenario ``index`` and their contracts, in the table's (canonical) order."""
    rows = np.arange(table.contract_offsets[index], table.contract_offsets[index + 1], dtype=np.int64)
    yield from zip(rows.tolist(), table.contracts(rows), strict=True)


def cents(amount: Decimal) -> int:
    return int(amount * 100)


@pytest.mark.parametrize("rule", CONTRACT_RULES, ids=lambda rule: rule.columns.__name__)
@settings(max_examples=FOR_EACH_RULE)
@given(batch=batches())
def test_the_columnar_form_of_each_rule_answers_what_its_predicate_answers(
    rule: ContractRule, batch: list[Case]
) -> None:
    table = table_of(batch)
    failed = judge_eligibility(table).failed
    alone = None if rule.reads_earlier else rule.columns(convention_arrays(table), contract_arrays(table), None)
    for index in range(len(table)):
        case = table.case(index)
        earlier = EligibleStartups()  # as the scalar engine keeps it, contract after contract
        for row, contract in rows_of(table, index):
            holds = rule.holds(case.convention, contract, earlier)
            if alone is not None:  # a rule that reads no earlier contract answers for every row by itself
                assert bool(alone[row]) is holds, (index, contract.reference)
            if contract.signed_on <= case.as_of:
                assert (int(failed[row]) & rule_bit(rule) == 0) is holds, (index, contract.reference)
                if all(each.holds(case.convention, contract, earlier) for each in CONTRACT_RULES):
                    earlier.add(contract.startup)


class KeyColumns(NamedTuple):
    has_siren: object
    siren: object
    name: object


def key_columns(startups: list[Startup], names: dict[str, int]) -> KeyColumns:
    """The keys of ``startups`` as columns: a SIREN as a number (-1 without), a number per name key."""
    keys = [startup_key(startup) for startup in startups]
    return KeyColumns(
        has_siren=np.array([key.siren is not None for key in keys]),
        siren=np.array([-1 if key.siren is None else int(key.siren) for key in keys]),
        name=np.array([names.setdefault(key.name, len(names)) for key in keys]),
    )


@settings(max_examples=max(60, settings().max_examples // 10))  # pairs of startups only: cheap
@given(st.lists(st.tuples(startups(), startups()), min_size=1, max_size=30))
def test_c7_same_startup_over_columns_answers_what_same_startup_answers(pairs: list[tuple[Startup, Startup]]) -> None:
    names: dict[str, int] = {}
    first = key_columns([one for one, _ in pairs], names)
    second = key_columns([other for _, other in pairs], names)

    same = same_startup_columns(first, second)

    assert same.tolist() == [same_startup(one, other) for one, other in pairs]


class Scalar:
    """The steps of :func:`assess` on one scenario of a table, each as the scalar engine names it."""

    def __init__(self, table: ScenarioTable, index: int) -> None:
        case = table.case(index)
        self.case = case
        self.rows = {contract.reference: row for row, contract in rows_of(table, index)}
        signed = [contract for _, contract in rows_of(table, index) if contract.signed_on <= case.as_of]
        self.verdicts = judge_eligibility_scalar(case.convention, signed)
        eligible = [verdict.contract for verdict in self.verdicts if verdict.eligible]
        self.places = allot_places_scalar(case.convention, eligible)
        self.items = entitlement_scalar(case.convention, self.places)
        self.conditions = payment_conditions_scalar(
            case.convention, case.as_of, case.regional_authorisation_on, eligible=len(self.places)
        )
        accrued = sum((item.amount for item in self.items if item.accrues_on <= case.as_of), Decimal(0))
        paid = [payment for payment in case.payments if payment.paid_on <= case.as_of]
        self.money = settle_scalar(accrued, self.conditions, paid)


@settings(max_examples=FOR_EACH_STEP)
@given(batch=batches())
def test_step_2_eligibility_fails_each_contract_on_the_rules_assess_fails_it_on(batch: list[Case]) -> None:
    table = table_of(batch)
    eligibility = judge_eligibility(table)
    for index in range(len(table)):
        scalar = Scalar(table, index)
        for verdict in scalar.verdicts:
            row = scalar.rows[verdict.contract.reference]
            assert int(eligibility.failed[row]) == sum(rule_bit(rule) for rule in verdict.failed)
            assert bool(eligibility.eligible[row]) is verdict.eligible
            assert int(eligibility.year[row]) == (
                programme_year(scalar.case.convention, verdict.contract.signed_on) or 0
            )
        judged = {scalar.rows[verdict.contract.reference] for verdict in scalar.verdicts}
        assert {row for row in scalar.rows.values() if eligibility.signed[row]} == judged


@settings(max_examples=FOR_EACH_STEP)
@given(batch=batches())
def test_step_3_places_give_each_eligible_contract_the_status_assess_gives(batch: list[Case]) -> None:
    table = table_of(batch)
    places = allot_places(table, judge_eligibility(table))
    statuses = {
        **{int(row): ContractStatus.FUNDED for row in places.funded_at},
        **{int(row): ContractStatus.SUPPLEMENTARY for row in places.supplementary_at},
        **{int(row): ContractStatus.OVER_ANNUAL_LIMIT for row in places.over_annual_limit_at},
    }
    for index in range(len(table)):
        scalar = Scalar(table, index)
        expected = {scalar.rows[place.contract.reference]: place.status for place in scalar.places}
        assert {row: status for row, status in statuses.items() if row in scalar.rows.values()} == expected
        assert int(places.eligible[index]) == len(scalar.places)


@settings(max_examples=FOR_EACH_STEP)
@given(batch=batches())
def test_step_4_entitlement_cuts_and_dates_each_item_as_assess_does(batch: list[Case]) -> None:
    table = table_of(batch)
    eligibility = judge_eligibility(table)
    places = allot_places(table, eligibility)
    years = scenario_years(table, eligibility.year, places)
    grants = entitlement(table, eligibility.year, places, years)
    funded = {int(row): at for at, row in enumerate(places.funded_at.tolist())}
    for index in range(len(table)):
        scalar = Scalar(table, index)
        year_rows = [at for at, owner in enumerate(years.scenario.tolist()) if owner == index]
        operating = [item for item in scalar.items if item.contract is None]
        assert [int(grants.operating_grant[at]) for at in year_rows] == [cents(item.amount) for item in operating]
        assert [int(grants.operating_grant_accrues_on[at]) for at in year_rows] == [
            days(item.accrues_on) for item in operating
        ]
        for item in scalar.items:
            if item.contract is not None:
                at = funded[scalar.rows[item.contract.reference]]
                assert int(grants.grant[at]) == cents(item.amount), item.contract.reference
                assert int(grants.grant_accrues_on[at]) == days(item.accrues_on), item.contract.reference
        assert int(grants.scenario_accrued[index]) == cents(scalar.money.accrued)


@settings(max_examples=FOR_EACH_STEP)
@given(batch=batches())
def test_step_5_payment_conditions_are_those_assess_finds_and_withhold_as_they_do(batch: list[Case]) -> None:
    table = table_of(batch)
    conditions = payment_conditions(table, allot_places(table, judge_eligibility(table)))
    columns = {
        Condition.REGIONAL_AUTHORISATION: conditions.regional_authorisation,
        Condition.DELIBERATION_ADOPTED: conditions.deliberation_adopted,
        Condition.FINANCING_CONVENTION_SIGNED: conditions.financing_not_verified,
        Condition.CONTRACT_TARGET: conditions.contract_target,
    }
    for index in range(len(table)):
        scalar = Scalar(table, index)
        assert {condition for condition, unmet in columns.items() if unmet[index]} == {
            condition.condition for condition in scalar.conditions
        }
        assert int(conditions.blockers[index]) == sum(condition.blocks for condition in scalar.conditions)


@settings(max_examples=FOR_EACH_STEP)
@given(batch=batches())
def test_step_6_settlement_gives_the_money_figures_assess_gives(batch: list[Case]) -> None:
    table = table_of(batch)
    eligibility = judge_eligibility(table)
    places = allot_places(table, eligibility)
    grants = entitlement(table, eligibility.year, places, scenario_years(table, eligibility.year, places))
    money = settle(table, grants.scenario_accrued, payment_conditions(table, places))
    for index in range(len(table)):
        expected = Scalar(table, index).money
        for name in ("withheld", "releasable", "paid", "payable", "excess_paid"):
            assert int(getattr(money, name)[index]) == cents(getattr(expected, name)), name
