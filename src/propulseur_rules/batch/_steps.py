"""The steps of the columnar engine, chained: what :func:`run` and each scenario's assessment start from.

The steps carry the names and the order of those of :func:`assess` (SPEC §3):
eligibility, places, entitlement, payment conditions, settlement, and the
financing convention (steps 7 to 9); each is a function of :mod:`._eligibility`,
:mod:`._places`, :mod:`._money` or :mod:`._financing` that returns its arrays as
one small value.
"""

from __future__ import annotations

from typing import NamedTuple

from ._eligibility import Eligibility, judge_eligibility
from ._financing import FinancingMoney, financing_columns, hold_back
from ._money import Grants, Money, PaymentConditions, entitlement, payment_conditions, settle
from ._places import Places, ScenarioYears, allot_places, scenario_years
from ._table import ScenarioTable

__all__ = ["Steps", "columnar_steps"]


class Steps(NamedTuple):
    """What each step of the columnar engine made of a table."""

    eligibility: Eligibility
    places: Places
    years: ScenarioYears
    grants: Grants
    conditions: PaymentConditions
    money: Money
    financing: FinancingMoney


def columnar_steps(table: ScenarioTable) -> Steps:
    """Steps 2 to 9 of :func:`assess` over every scenario of ``table`` at once."""
    eligibility = judge_eligibility(table)  # 2. C1, C6, C7, C8
    places = allot_places(table, eligibility)  # 3. C2, C7, C5
    years = scenario_years(table, eligibility.year, places)
    grants = entitlement(table, eligibility.year, places, years)  # 4. C2, C3
    conditions = payment_conditions(table, places)  # 5. C3, C4, C9
    money = settle(table, grants.scenario_accrued, conditions)  # 6.
    financing = hold_back(table, financing_columns(table), (eligibility, places, years, grants), money)  # 7. to 9.
    return Steps(eligibility, places, years, grants, conditions, money, financing)
