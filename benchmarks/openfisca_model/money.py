"""C2, C3, C4, C9 — the grants under the cap, when they accrue, and what the conditions on payment release."""

from __future__ import annotations

import numpy as np
from openfisca_core.periods import DateUnit
from openfisca_core.variables import Variable

from .eligibility import programme_years
from .entities import DELIBERATION, VOTED_ON, Contract, Scenario


class contract_grant(Variable):
    value_type = float
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The grant of a funded contract, cut so that the items never exceed the cap"
    reference = f"{DELIBERATION}, C2"

    def formula(contract, period, parameters):
        """The items in order: year 1's operating grant, its funded contracts, year 2's operating grant…"""
        grants = parameters(period).grants
        contracts_before = contract("funded_in_earlier_years", period) + contract("eligible_before_in_year", period)
        before = contract("programme_year", period) * grants.operating_grant + contracts_before * grants.per_contract
        cut = np.clip(grants.total_cap - before, 0, grants.per_contract)
        return np.where(contract("funded", period), cut, 0)


class contract_grant_accrued(Variable):
    value_type = float
    entity = Contract
    definition_period = DateUnit.DAY
    label = "The contract's grant, once accrued: on signature, or the day after its programme year"
    reference = f"{DELIBERATION}, C3"

    def formula(contract, period, parameters):
        p = parameters(period)
        year = contract("programme_year", period)
        if p.grants.accrual_at_year_end:
            ends = programme_years(p)
            after_years = [end + 1 for _, end in ends]
            accrues_on = np.select([year == k + 1 for k in range(len(ends))], after_years, np.datetime64("NaT"))
        else:
            accrues_on = contract("signed_on", period)
        accrued = accrues_on <= contract.scenario("as_of", period)
        return contract("contract_grant", period) * accrued


class eligible_contracts(Variable):
    value_type = int
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "Eligible contracts, funded or not: what the target counts"
    reference = f"{DELIBERATION}, C3"

    def formula(scenario, period, parameters):
        return scenario.sum(scenario.members("eligible", period))


class funded_contracts(Variable):
    value_type = int
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "Funded contracts"
    reference = f"{DELIBERATION}, C2"

    def formula(scenario, period, parameters):
        return scenario.sum(scenario.members("funded", period))


class beyond_places_contracts(Variable):
    value_type = int
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "Eligible contracts beyond every place of the convention"
    reference = f"{DELIBERATION}, C5"

    def formula(scenario, period, parameters):
        return scenario.sum(scenario.members("beyond_places", period))


class over_annual_limit_contracts(Variable):
    value_type = int
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "Eligible contracts over the limit of their programme year"
    reference = f"{DELIBERATION}, C2"

    def formula(scenario, period, parameters):
        return scenario.sum(scenario.members("over_annual_limit", period))


class operating_grants_accrued(Variable):
    value_type = float
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "The operating grants accrued: each on the first day of its year, or the day after it"
    reference = f"{DELIBERATION}, C2, C3"

    def formula(scenario, period, parameters):
        p = parameters(period)
        grants, as_of_ = p.grants, scenario("as_of", period)
        year, funded_ = scenario.members("programme_year", period), scenario.members("funded", period)
        total = np.zeros(scenario.count, dtype=np.float32)
        for number, (start, end) in enumerate(programme_years(p), start=1):
            contracts_before = scenario.sum(funded_ & (year < number))
            before = (number - 1) * grants.operating_grant + contracts_before * grants.per_contract
            cut = np.clip(grants.total_cap - before, 0, grants.operating_grant)
            accrues_on = end + 1 if grants.accrual_at_year_end else start
            total += cut * (accrues_on <= as_of_)
        return total


class accrued(Variable):
    value_type = float
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "What has accrued by the day of the assessment, never above the cap"
    reference = f"{DELIBERATION}, C2, C3"

    def formula(scenario, period, parameters):
        contracts = scenario.sum(scenario.members("contract_grant_accrued", period))
        return scenario("operating_grants_accrued", period) + contracts


class contract_target_met(Variable):
    value_type = bool
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "As many eligible contracts as the target"
    reference = f"{DELIBERATION}, C3"

    def formula(scenario, period, parameters):
        return scenario("eligible_contracts", period) >= parameters(period).target.contracts


class regional_authorisation(Variable):
    value_type = bool
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "The Region validated the single authorisation by the day of the assessment"
    reference = f"{DELIBERATION}, C4"

    def formula(scenario, period, parameters):
        on_time = scenario("regional_authorisation_on", period) <= scenario("as_of", period)
        return scenario("regional_authorisation_given", period) & on_time


class deliberation_in_force(Variable):
    value_type = bool
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "The deliberation is adopted and in force by the day of the assessment"
    reference = f"{DELIBERATION}, C9"

    def formula(scenario, period, parameters):
        """The quorum (more than half the members in office present), the votes adding up to those present
        and represented, and more votes for than against; in force from the day of the vote."""
        vote = parameters(period).vote
        quorum = vote.present * 2 > vote.members_in_office
        counted = vote.votes_for + vote.votes_against + vote.abstentions + vote.not_voting
        adopted = quorum and counted == vote.present + vote.proxies and vote.votes_for > vote.votes_against
        return adopted & (np.datetime64(VOTED_ON) <= scenario("as_of", period))


class payment_withheld(Variable):
    value_type = bool
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "A condition withholds everything accrued"
    reference = f"{DELIBERATION}, C3, C4, C9"

    def formula(scenario, period, parameters):
        target_missed = ~scenario("contract_target_met", period) & parameters(period).target.all_or_nothing
        blocked = ~scenario("regional_authorisation", period) | ~scenario("deliberation_in_force", period)
        return blocked | target_missed


class releasable(Variable):
    value_type = float
    entity = Scenario
    definition_period = DateUnit.DAY
    label = "What has accrued and no condition withholds"
    reference = f"{DELIBERATION}, C3, C4, C9"

    def formula(scenario, period, parameters):
        return np.where(scenario("payment_withheld", period), 0, scenario("accrued", period))
