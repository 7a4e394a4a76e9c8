"""Step 2 of the columnar engine: the rules of eligibility (C1, C6, C7, C8), one bit per rule failed.

:func:`judge_eligibility` walks the records of
:data:`~propulseur_rules.rules.CONTRACT_RULES` as :func:`assess` does, calling
each one's columnar form (``ContractRule.columns``) on the columns of every
contract at once; a contract's ``failed`` code holds the bit of every rule it
fails. The places (C2, C5) add theirs later.

C7's rule reads the contracts found eligible before (``ContractRule.reads_earlier``):
it is decided once the others are, by :class:`EarlierEligible`. « Same startup »
is not transitive (a SIREN-less contract may match two contracts with different
SIRENs by name). Where, in a scenario, no candidate without a SIREN shares its
name with a candidate that has one, the relation restricted to the candidates is
an equivalence, and the eligible contracts are the first of each class: that is
computed with sorts over the columns of :func:`~propulseur_rules.rules._rules.startup_key`.
The other contracts go through the rule of :func:`assess` itself, one contract at
a time, with its register of eligible startups.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from ..rules._outcome import Condition
from ..rules._rules import (
    CONTRACT_RULES,
    EligibleStartups,
    contract_rule,
    first_contract_of_its_startup,
    same_startup_columns,
)
from ._codes import Bools, Int64s, rule_bit
from ._table import SIREN_SPACE, ScenarioTable

__all__ = [
    "ContractArrays",
    "ConventionArrays",
    "EarlierEligible",
    "Eligibility",
    "contract_arrays",
    "convention_arrays",
    "judge_eligibility",
    "programme_year",
]


class Eligibility(NamedTuple):
    """What the rules of eligibility make of each contract, in the table's (canonical) order."""

    #: C1 — the programme year of the signature (from 1), 0 outside the period.
    year: Int64s
    #: Whether the contract is signed by ``as_of``: only those are judged.
    signed: Bools
    #: The bits of the rules it fails.
    failed: Int64s
    #: Whether it meets every rule.
    eligible: Bools


class ConventionArrays(NamedTuple):
    """The parameters of each contract's convention that the rules read (``ConventionColumns``), in days."""

    period_start: Any
    period_end: Any
    has_signing_deadline: Any
    signing_deadline: Any
    has_selected_from: Any
    selected_from: Any
    eligible_sectors: Any
    territory: Any
    in_territory: Bools


class ContractArrays(NamedTuple):
    """The contracts' columns that the rules read (``ContractColumns``), and the key of their startup (C7)."""

    signed_on: Int64s
    has_applied: Bools
    applied_on: Int64s
    has_selected: Bools
    selected_on: Int64s
    sector: Int64s
    head_office: Int64s
    #: C7 — the scenario of each contract, its startup's key (a SIREN, -1 without, and a number per name),
    #: and whether it shares its SIREN or its name with another contract of its scenario.
    scenario: Int64s
    siren: Int64s
    name: Int64s
    shares_a_key: Bools


def convention_arrays(table: ScenarioTable) -> ConventionArrays:
    """The conventions' parameters, one per contract (one value for all when the table has one convention)."""
    spread = table.per_contract
    return ConventionArrays(
        period_start=spread(table.period_start),
        period_end=spread(table.period_end),
        has_signing_deadline=spread(table.has_deadline),
        signing_deadline=spread(table.deadline),
        has_selected_from=spread(table.has_selected_from),
        selected_from=spread(table.selected_from),
        eligible_sectors=spread(table.sector_mask),
        territory=spread(table.territory_id),
        in_territory=table.in_territory,
    )


def contract_arrays(table: ScenarioTable) -> ContractArrays:
    """The contracts' columns of ``table``, under the names the rules read."""
    return ContractArrays(
        signed_on=table.signed_on,
        has_applied=table.has_applied,
        applied_on=table.applied_on,
        has_selected=table.has_selected,
        selected_on=table.selected_on,
        sector=table.sector,
        head_office=table.office_id,
        scenario=table.contract_scenario,
        siren=table.siren,
        name=table.name_id,
        shares_a_key=table.shares_a_key,
    )


def judge_eligibility(table: ScenarioTable) -> Eligibility:
    """C1, C6, C7, C8 — each contract signed by ``as_of`` against every rule of ``CONTRACT_RULES``.

    The rules that read no earlier contract first, then, knowing which contracts
    meet them, the rule of C7 that does; each rule sets its own bit, so the order
    of the bits is that of the records.
    """
    conventions, contracts = convention_arrays(table), contract_arrays(table)
    signed = table.signed_on <= table.as_of[table.contract_scenario]
    answers = {rule: rule.columns(conventions, contracts, None) for rule in CONTRACT_RULES if not rule.reads_earlier}
    failed = np.zeros(table.contract_count, dtype=np.int64)
    for rule, holds in answers.items():
        failed |= np.where(holds, 0, rule_bit(rule))
    failed *= signed
    earlier = EarlierEligible(table, signed, candidate=signed & (failed == 0))
    for rule in CONTRACT_RULES:
        if rule.reads_earlier:
            failed |= np.where(rule.columns(conventions, contracts, earlier) | ~signed, 0, rule_bit(rule))
    within = answers[contract_rule(Condition.SIGNED_WITHIN_PERIOD)]  # C1: the programme year of a day in the period
    year = programme_year(table, table.signed_on) * within
    return Eligibility(year=year, signed=signed, failed=failed, eligible=signed & (failed == 0))


class EarlierEligible:
    """C7 — the contracts of each scenario found eligible before each contract (``EarlierColumns``).

    ``candidate`` marks the signed contracts that meet every other rule; the
    eligible ones among them are, in canonical order, those whose startup has
    no earlier eligible contract.
    """

    def __init__(self, table: ScenarioTable, signed: Bools, candidate: Bools) -> None:
        self.table = table
        self.signed = signed
        self.candidate = candidate

    def include(self, contracts: ContractArrays) -> Bools:
        """Per signed contract: whether an earlier eligible contract of its scenario is for the same startup."""
        return _earlier_eligible_same_startup(self.table, contracts, self.signed, self.candidate)


def programme_year(table: ScenarioTable, signed_on: Int64s) -> Int64s:
    """C1 — the 1-based programme year each day falls in (counting the years begun by then)."""
    year = np.zeros(signed_on.size, dtype=np.int64)
    if table.year_starts.shape[0] == 1:
        starts = table.year_starts[0, : table.year_counts[0]]
        return np.searchsorted(starts, signed_on, side="right").astype(np.int64)
    period = table.period_id[table.contract_scenario]
    periods = np.unique(period) if period.size else period
    if periods.size <= 64:
        for each in periods.tolist():
            at = period == each
            starts = table.year_starts[each, : table.year_counts[each]]
            year[at] = np.searchsorted(starts, signed_on[at], side="right")
        return year
    counted: Int64s = (table.year_starts[period] <= signed_on[:, None]).sum(axis=1).astype(np.int64)
    return counted


def _earlier_eligible_same_startup(
    table: ScenarioTable, contracts: ContractArrays, signed: Bools, candidate: Bools
) -> Bools:
    """C7 — whether an earlier eligible contract of the scenario is for the same startup.

    Only the contracts that share a SIREN or a name with another of their scenario
    take part; they are taken apart (in canonical order still) so that every sort
    here is over them alone.
    """
    same = np.zeros(contracts.signed_on.size, dtype=np.bool_)
    part = np.flatnonzero(contracts.shares_a_key)
    if not part.size:
        return same
    scenario, signed, candidate = contracts.scenario[part], signed[part], candidate[part]
    siren, name = contracts.siren[part], contracts.name[part]
    has_siren = siren >= 0
    by_name = scenario * (table.name_count + 1) + name
    exact = _not_transitive(scenario, siren, has_siren, by_name, candidate)
    found = _first_of_each_class(scenario, siren, name, by_name, signed & ~exact, candidate & ~exact, table.name_count)
    if exact.any():
        asked = np.flatnonzero(exact & signed)
        found[asked] = _same_startup_by_the_rule(table, part[asked], candidate[asked])
    same[part] = found
    return same


def _not_transitive(scenario: Int64s, siren: Int64s, has_siren: Bools, by_name: Int64s, candidate: Bools) -> Bools:
    """The contracts linked, by SIREN or by name, step by step, to a name that a candidate without SIREN
    shares with a candidate that has one: there « same startup » is not transitive."""
    with_name = candidate & ~has_siren
    with_siren = candidate & has_siren
    exact = np.zeros(scenario.size, dtype=np.bool_)
    if with_name.any() and with_siren.any():
        by_siren = np.where(has_siren, scenario * SIREN_SPACE + siren, -1)
        exact = np.isin(by_name, np.intersect1d(by_name[with_name], by_name[with_siren]))
        while exact.any():
            linked = np.isin(by_name, by_name[exact]) | (has_siren & np.isin(by_siren, by_siren[exact & has_siren]))
            if (linked == exact).all():
                break
            exact = linked
    return exact


class _Keys(NamedTuple):
    """C7 — the keys of startups (``StartupKeyColumns``), SIRENs and names numbered within their scenario."""

    has_siren: Bools
    siren: Int64s
    name: Int64s

    def at(self, rows: Int64s) -> _Keys:
        return _Keys(self.has_siren[rows], self.siren[rows], self.name[rows])


def _first_of_each_class(
    scenario: Int64s, siren: Int64s, name: Int64s, by_name: Int64s, asked: Bools, candidate: Bools, names: int
) -> Bools:
    """C7 where « same startup » is an equivalence: the eligible contract is the first candidate of its class
    (a SIREN, or a name without SIREN). An asked contract is set against the first eligible contract of its
    SIREN, of its name with a SIREN and of its name without one, when that comes before it, and
    :func:`~propulseur_rules.rules.same_startup_columns` says whether they are the same startup."""
    found = np.zeros(scenario.size, dtype=np.bool_)
    has_siren = siren >= 0
    keys = _Keys(has_siren, scenario * SIREN_SPACE + siren, by_name)
    at = np.flatnonzero(candidate)
    startup_class = np.where(has_siren, siren, SIREN_SPACE + name)
    _, first = np.unique(scenario[at] * (SIREN_SPACE + names + 1) + startup_class[at], return_index=True)
    first_eligible = at[first]
    positions = np.flatnonzero(asked)
    with_siren = first_eligible[has_siren[first_eligible]]
    without_siren = first_eligible[~has_siren[first_eligible]]
    asked_keys = keys.at(positions)
    for key, registered in ((keys.siren, with_siren), (keys.name, with_siren), (keys.name, without_siren)):
        partner = _first_with_key(key, registered, positions)
        before = (partner >= 0) & (partner < positions)
        found[positions] |= before & same_startup_columns(asked_keys, keys.at(np.where(before, partner, 0)))
    return found


def _same_startup_by_the_rule(table: ScenarioTable, rows: Int64s, candidate: Bools) -> Bools:
    """C7 — the rule of :func:`assess` itself, its predicate and its register of eligible startups, contract by
    contract in canonical order, for the ``rows`` of the table where « same startup » is not transitive;
    ``candidate`` says, per row, whether the contract meets every other rule."""
    same = np.zeros(rows.size, dtype=np.bool_)
    scenarios = table.contract_scenario[rows].tolist()
    current, register = -1, EligibleStartups()
    for at, (scenario, contract, ok) in enumerate(
        zip(scenarios, table.contracts(rows), candidate.tolist(), strict=True)
    ):
        if scenario != current:
            current, register = scenario, EligibleStartups()
        same[at] = not first_contract_of_its_startup(table.case(scenario).convention, contract, register)
        if ok and not same[at]:
            register.add(contract.startup)
    return same


def _first_with_key(key: Int64s, registered: Int64s, asked: Int64s) -> Int64s:
    """For each position in ``asked``: the first position in ``registered`` with the same key, -1 for none."""
    if not registered.size or not asked.size:
        return np.full(asked.size, -1, dtype=np.int64)
    keys = key[registered]
    by_key = np.lexsort((registered, keys))
    keys, positions = keys[by_key], registered[by_key]
    first = np.concatenate([[True], keys[1:] != keys[:-1]])
    keys, positions = keys[first], positions[first]
    wanted = key[asked]
    at = np.minimum(np.searchsorted(keys, wanted), keys.size - 1)
    partner: Int64s = np.where(keys[at] == wanted, positions[at], -1)
    return partner
