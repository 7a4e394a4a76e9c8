"""C1, C6, C7, C8 — the rules a signed contract must meet to be eligible, per contract."""

from __future__ import annotations

from typing import Any

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from .entities import DELIBERATION, Contract
from .inputs import Sector


def programme_years(p: Any) -> list[tuple[Any, Any]]:
    """C1 — the first and last day of each programme year: twelve months each, from the start (the 1st to
    the 28th of a month; the convention starts on 1 July)."""
    start = np.datetime64(p.programme.start, "D")
    month, day = start.astype("datetime64[M]"), start - start.astype("datetime64[M]").astype("datetime64[D]")
    starts = [(month + 12 * k).astype("datetime64[D]") + day for k in range(int(p.programme.years))]
    ends = [following - 1 for following in starts[1:]] + [np.datetime64(p.programme.end, "D")]
    return list(zip(starts, ends, strict=True))


def nth(scenario: Any, n: int, array: Any, default: Any = 0) -> Any:
    """For each contract, the value of the ``n``-th contract of its scenario (in the order given)."""
    return scenario.value_nth_person(n, array, default)


def positions(scenario: Any) -> range:
    """The positions of the contracts in the largest scenario."""
    return range(int(scenario.nb_persons().max(initial=0)))


class signed(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Signed by the day of the assessment: only such contracts are judged"

    def formula(contract, period, parameters):
        return contract("signed_on", period) <= contract.scenario("as_of", period)


class signed_within_period(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Signed within the period of the convention"
    reference = f"{DELIBERATION}, C1"

    def formula(contract, period, parameters):
        p = parameters(period)
        signed_on = contract("signed_on", period)
        return (np.datetime64(p.programme.start) <= signed_on) & (signed_on <= np.datetime64(p.programme.end))


class programme_year(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The programme year of the signature, from 1; 0 outside the period"
    reference = f"{DELIBERATION}, C1"

    def formula(contract, period, parameters):
        signed_on = contract("signed_on", period)
        year = sum((signed_on >= start).astype(int) for start, _ in programme_years(parameters(period)))
        return np.where(contract("signed_within_period", period), year, 0)


class head_office_in_territory(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The startup has its head office in the territory of Dijon Métropole"
    reference = f"{DELIBERATION}, C6"

    def formula(contract, period, parameters):
        return np.isin(contract("head_office", period), parameters(period).eligibility.territory)


class startup_applied(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The startup expressed its wish to join, on or before its selection"
    reference = f"{DELIBERATION}, C6"

    def formula(contract, period, parameters):
        selected = contract("has_been_selected", period)
        on_time = contract("applied_on", period) <= contract("selected_on", period)
        return contract("has_applied", period) & (~selected | on_time)


class selected_by_committee(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The selection committee qualified the startup, on or before signature"
    reference = f"{DELIBERATION}, C6"

    def formula(contract, period, parameters):
        on_time = contract("selected_on", period) <= contract("signed_on", period)
        return contract("has_been_selected", period) & on_time


class sector_in_scope(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The startup works in one of the two fields, industry or health"
    reference = f"{DELIBERATION}, C8"

    def formula(contract, period, parameters):
        """The field compared with each member of ``Sector``: OpenFisca's fancy indexing of the parameters by
        the enum (``sectors[field]``) gives the same answer, a contract at a time in Python."""
        sectors, field = parameters(period).eligibility.sectors, contract("sector", period)
        return np.select([field == member for member in Sector], [sectors[member.name] for member in Sector], False)


class meets_other_rules(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Signed, and meets every rule of eligibility but one contract per startup"
    reference = f"{DELIBERATION}, C1, C6, C8"

    def formula(contract, period, parameters):
        return (
            contract("signed", period)
            & contract("signed_within_period", period)
            & contract("head_office_in_territory", period)
            & contract("startup_applied", period)
            & contract("selected_by_committee", period)
            & contract("sector_in_scope", period)
        )


class contract_rank(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The contract's place among those of its scenario, by day of signature then reference (from 0)"

    def formula(contract, period, parameters):
        scenario = contract.scenario
        signed_on, reference = contract("signed_on", period), contract("reference", period)
        members = scenario.nb_persons()
        rank = np.zeros(contract.count, dtype=np.int32)
        for n in positions(scenario):
            other_signed_on = nth(scenario, n, signed_on)
            earlier = other_signed_on < signed_on
            same_day = other_signed_on == signed_on
            earlier[same_day] = nth(scenario, n, reference, "")[same_day] < reference[same_day]
            rank += (members > n) & earlier
        return rank


class eligible(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Meets every rule: the startup has no earlier eligible contract (« 9 projets »)"
    reference = f"{DELIBERATION}, C1, C6, C7, C8"

    def formula(contract, period, parameters):
        """C7 — two contracts are for the same startup when both SIRENs are given and equal, or, when one is
        missing, when the names are; the relation is not transitive, so the contracts are decided in order."""
        scenario = contract.scenario
        candidate, rank = contract("meets_other_rules", period), contract("contract_rank", period)
        siren, name = contract("siren", period), contract("startup_name", period)
        at = positions(scenario)
        earlier_same_startup = []
        for n in at:
            other_siren = nth(scenario, n, siren, -1)
            both = (siren >= 0) & (other_siren >= 0)
            same = np.where(both, other_siren == siren, nth(scenario, n, name, -1) == name)
            earlier_same_startup.append(same & (nth(scenario, n, rank, len(at)) < rank))
        result = candidate
        for decided in at:
            taken = np.zeros(contract.count, dtype=bool)
            for n in at:
                taken |= earlier_same_startup[n] & nth(scenario, n, result, False)
            result = np.where(rank == decided, candidate & ~taken, result)
        return result
