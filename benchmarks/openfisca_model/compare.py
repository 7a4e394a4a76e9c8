"""What the benchmark compares: a simulation of the model built from the cases a ``ScenarioTable`` is built
from, its figures against those of ``run``, and the steps of ``run`` that the model covers."""

from __future__ import annotations

from typing import Any

import numpy as np

from propulseur_rules.batch._codes import SECTORS
from propulseur_rules.batch._columns import columns_of_cases
from propulseur_rules.batch._eligibility import judge_eligibility
from propulseur_rules.batch._money import entitlement, payment_conditions, settle
from propulseur_rules.batch._places import allot_places, scenario_years

from . import OUTPUTS, ProPulseurTaxBenefitSystem, simulation_from_columns


def simulation_of_cases(system: ProPulseurTaxBenefitSystem, cases: Any) -> Any:
    """A simulation of checked cases (``propulseur_rules.batch``'s ``Case``), from the columns that a
    ``ScenarioTable`` of them is built from (``columns_of_cases``)."""
    return simulation_from_columns(system, columns_of_cases(cases), SECTORS)


def the_rules_of_the_model(table: Any) -> object:
    """Steps 2 to 6 of ``run`` on a ``ScenarioTable``: what this model computes, without the financing
    convention's steps; the same figures (``settle``'s ``Money``)."""
    eligibility = judge_eligibility(table)
    places = allot_places(table, eligibility)
    years = scenario_years(table, eligibility.year, places)
    grants = entitlement(table, eligibility.year, places, years)
    return settle(table, grants.scenario_accrued, payment_conditions(table, places))


def figures_equal(result: Any, figures: dict[str, Any]) -> bool:
    """Whether the model's figures (:data:`OUTPUTS`, money in euros) equal those of ``run`` (a ``BatchResult``,
    money in cents), scenario by scenario."""

    def per_scenario(column: str) -> Any:
        return np.bincount(result.year["scenario"], result.year[column], minlength=len(result.accrued))

    ours = {
        "eligible_contracts": result.scenario["eligible_contracts"],
        "funded_contracts": per_scenario("funded"),
        "beyond_places_contracts": per_scenario("supplementary"),
        "over_annual_limit_contracts": per_scenario("over_annual_limit"),
        "accrued": result.accrued,
        "releasable": result.releasable,
    }
    cents = {"accrued", "releasable"}
    return all(
        np.array_equal(figures[name].astype(np.float64) * (100 if name in cents else 1), ours[name]) for name in OUTPUTS
    )
