"""C2, C5 — the places the eligible contracts take: 3 a programme year, or the 9 of the convention pooled."""

from __future__ import annotations

from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from .eligibility import nth, positions
from .entities import DELIBERATION, Contract


class eligible_before(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Eligible contracts of the scenario before this one"

    def formula(contract, period, parameters):
        scenario, rank = contract.scenario, contract("contract_rank", period)
        eligible_ = contract("eligible", period)
        at = positions(scenario)
        return sum(nth(scenario, n, eligible_, False) & (nth(scenario, n, rank, len(at)) < rank) for n in at)


class eligible_before_in_year(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Eligible contracts of the same programme year before this one"

    def formula(contract, period, parameters):
        scenario, rank = contract.scenario, contract("contract_rank", period)
        eligible_, year = contract("eligible", period), contract("programme_year", period)
        at = positions(scenario)
        return sum(
            nth(scenario, n, eligible_, False)
            & (nth(scenario, n, year) == year)
            & (nth(scenario, n, rank, len(at)) < rank)
            for n in at
        )


class funded(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "An eligible contract that finds a place: 3 a programme year, or 9 over the convention when pooled"
    reference = f"{DELIBERATION}, C2, C7"

    def formula(contract, period, parameters):
        grants = parameters(period).grants
        places = grants.contracts_per_year * parameters(period).programme.years
        in_year = contract("eligible_before_in_year", period) < grants.contracts_per_year
        in_convention = contract("eligible_before", period) < places
        return contract("eligible", period) & (in_convention if grants.places_pooled else in_year)


class funded_before(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Funded contracts of the scenario before this one"

    def formula(contract, period, parameters):
        scenario, rank = contract.scenario, contract("contract_rank", period)
        funded_ = contract("funded", period)
        at = positions(scenario)
        return sum(nth(scenario, n, funded_, False) & (nth(scenario, n, rank, len(at)) < rank) for n in at)


class funded_in_earlier_years(Variable):
    value_type = int
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Funded contracts of the scenario's earlier programme years"

    def formula(contract, period, parameters):
        year = contract("programme_year", period)
        funded_, scenario = contract("funded", period), contract.scenario
        return sum(
            scenario.sum(funded_ & (year == earlier)) * (earlier < year)
            for earlier in range(1, int(parameters(period).programme.years) + 1)
        )


class beyond_places(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Eligible when every place of the convention is taken: a « contrat supplémentaire »"
    reference = f"{DELIBERATION}, C5"

    def formula(contract, period, parameters):
        p = parameters(period)
        places = p.grants.contracts_per_year * p.programme.years
        unfunded = contract("eligible", period) & ~contract("funded", period)
        return unfunded & (contract("funded_before", period) == places)


class over_annual_limit(Variable):
    value_type = bool
    entity = Contract
    definition_period = DateUnit.DAY
    label = "Eligible, its programme year's places taken while others remain"
    reference = f"{DELIBERATION}, C2"

    def formula(contract, period, parameters):
        unfunded = contract("eligible", period) & ~contract("funded", period)
        return unfunded & ~contract("beyond_places", period)
