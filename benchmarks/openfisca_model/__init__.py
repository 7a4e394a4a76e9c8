"""An OpenFisca model of the rules the columnar engine computes on the sweep of ``columnar.py``.

The deliberation of Dijon Métropole of 29 September 2022 (clauses C1–C9), written the
way OpenFisca models are: a tax and benefit system with two entities (each contract a
person of its scenario, the group), variables whose formulas work on numpy arrays, and
the deliberation's figures as parameters (20 000 €, 15 000 €, 3 a year, 9, 195 000 €).
``benchmarks/columnar.py`` builds a simulation of it from the same columns as the
columnar engine's table and checks that both give the same figures before it compares
their speed. It needs OpenFisca-Core (``pip install openfisca-core``); nothing in the
library or its tests imports it.

What it covers: per contract, the rules of eligibility (C1, C6, C7 one contract per
startup by SIREN or by name, C8), the places (C2: 3 a year, or the 9 of the whole
convention under the pooled reading; C5 beyond them), the grant under the cap (C2) and
its accrual (C3); per scenario, the eligible contracts, what has accrued and what is
releasable (the target of C3 under either reading, the regional authorisation of C4,
the vote of C9). What it leaves out, because the sweep has none of it: payments, the
financing convention (its terms, and the day it is signed: the sweep gives none, and
under the deliberation alone that withholds nothing), the strict period of C7, the date
before which a selected startup was already in the programme, and a tied vote or a
second convocation (C9).

The facts (the contracts' dates, head offices, fields, SIRENs, each scenario's day of
assessment ``as_of``) are inputs true for ever (``ETERNITY``). Each scenario is assessed
on its own day, so the day of a simulation cannot be the day of assessment: the
formulas are defined by day and calculated for the day of the vote (``VOTED_ON``), on
which the parameters take effect. Money is in euros, OpenFisca's ``float`` (32 bits):
every amount here is a whole number of euros below 2²⁴, which it holds exactly. The
variables are kept one module per subject, as a country package keeps them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from openfisca_core.parameters import ParameterNode
from openfisca_core.simulations import SimulationBuilder
from openfisca_core.taxbenefitsystems import TaxBenefitSystem
from openfisca_core.variables import Variable

from . import eligibility, inputs, money, places
from .entities import VOTED_ON, Contract, Scenario
from .inputs import Sector
from .parameters import PARAMETERS


class ProPulseurTaxBenefitSystem(TaxBenefitSystem):
    """The convention of the deliberation: its two entities, its parameters and its variables."""

    def __init__(self) -> None:
        super().__init__([Contract, Scenario])
        self.parameters = ParameterNode("", data=PARAMETERS)
        for module in (inputs, eligibility, places, money):
            self.add_variables(*_variables_of(module))


def _variables_of(module: Any) -> list[type[Variable]]:
    """The variables a module defines, as a country package keeps them, one file per subject."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type) and issubclass(value, Variable) and value.__module__ == module.__name__
    ]


#: What the benchmark asks of a simulation, per scenario.
OUTPUTS = (
    "eligible_contracts",
    "funded_contracts",
    "beyond_places_contracts",
    "over_annual_limit_contracts",
    "accrued",
    "releasable",
)


def simulation_from_columns(system: ProPulseurTaxBenefitSystem, columns: Any, sectors: tuple[Any, ...]) -> Any:
    """A simulation of the scenarios whose columns (``propulseur_rules.batch``'s ``TableColumns``) a table is
    built from: its entities, then each input as an array. ``sectors`` are the library's sectors, in the order
    of the columns' codes."""
    scenarios, contracts = columns.scenarios, columns.contracts
    count = len(contracts.scenario)
    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("contract", np.arange(count))
    population = builder.declare_entity("scenario", np.arange(len(scenarios.as_of)))
    builder.join_with_persons(population, contracts.scenario, np.zeros(count, dtype=np.int64))
    simulation = builder.build(system)
    day = "datetime64[D]"
    sector_index = np.array([Sector[each.value].index for each in sectors])
    inputs = {
        "reference": contracts.reference,
        "signed_on": contracts.signed_on.astype(day),
        "applied_on": contracts.applied_on.astype(day),
        "has_applied": contracts.has_applied,
        "selected_on": contracts.selected_on.astype(day),
        "has_been_selected": contracts.has_selected,
        "head_office": np.array(contracts.offices, dtype=object)[contracts.office_id],
        "sector": sector_index[contracts.sector],
        "siren": contracts.siren,
        "startup_name": contracts.name_id,
        "as_of": scenarios.as_of.astype(day),
        "regional_authorisation_on": scenarios.authorised_on.astype(day),
        "regional_authorisation_given": scenarios.authorised,
    }
    for name, values in inputs.items():
        simulation.set_input(name, "eternity", values)
    return simulation


def calculate(simulation: Any) -> dict[str, Any]:
    """The figures of :data:`OUTPUTS`, one array each."""
    return {name: simulation.calculate(name, VOTED_ON) for name in OUTPUTS}
