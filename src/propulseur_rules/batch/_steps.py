"""The steps of the columnar engine, each on one record beside the step of :func:`assess` it does, and chained.

:data:`COLUMNAR_STEPS` holds one record per step of :func:`assess` (SPEC §3),
in its order: the scalar step of :mod:`propulseur_rules.rules` and its columnar
form, a function of :mod:`._eligibility`, :mod:`._places`, :mod:`._money` or
:mod:`._financing` that returns its arrays as one small value. Each record is
what the rule records of ``CONTRACT_RULES`` are for a rule: the two forms side by
side, compared by the tests and printed together in docs/rules.md.
:func:`columnar_steps` calls each record's columnar form, in the records' order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

import attrs

from ..rules import allot_places as allot_places_scalar
from ..rules import entitlement as entitlement_scalar
from ..rules import financing_steps as financing_steps_scalar
from ..rules import hold_back as hold_back_scalar
from ..rules import judge_eligibility as judge_eligibility_scalar
from ..rules import payment_conditions as payment_conditions_scalar
from ..rules import settle as settle_scalar
from ..rules._clauses import Clause
from ._eligibility import Eligibility, judge_eligibility
from ._financing import FinancingMoney, financing_columns, hold_back
from ._money import Grants, Money, PaymentConditions, entitlement, payment_conditions, settle
from ._places import Places, ScenarioYears, allot_places, scenario_years
from ._table import ScenarioTable

__all__ = ["COLUMNAR_STEPS", "ColumnarStep", "Steps", "columnar_steps"]

_Columnar = TypeVar("_Columnar", bound=Callable[..., object])


@attrs.frozen
class ColumnarStep(Generic[_Columnar]):
    """One step of :func:`assess` in its two forms: the scalar step of :mod:`propulseur_rules.rules`, run on one
    case, and its columnar form, run on every scenario of a table at once.

    ``scalar`` is one function, or the two that steps 7 to 9 take in turn
    (``financing_steps``, then ``hold_back``), which the columnar form does at once.
    """

    scalar: tuple[Callable[..., Any], ...]
    columnar: _Columnar

    @property
    def name(self) -> str:
        """The name of the scalar step (of the last, for steps 7 to 9), which the columnar form bears too."""
        return self.scalar[-1].__name__

    @property
    def clauses(self) -> tuple[Clause, ...]:
        """The clauses the scalar step applies, as its description begins (``C2, C7, C5 — …``), in that order."""
        found: list[Clause] = []
        for step in self.scalar:
            head, dash, _ = (step.__doc__ or "").partition(" — ")
            for name in re.findall(r"\bC\d\b", head) if dash else ():
                if Clause(name) not in found:
                    found.append(Clause(name))
        return tuple(found)


#: 2. Every rule record of ``CONTRACT_RULES`` on each signed contract.
ELIGIBILITY = ColumnarStep((judge_eligibility_scalar,), judge_eligibility)
#: 3. The funded places.
PLACES = ColumnarStep((allot_places_scalar,), allot_places)
#: 4. The grants under the cap, and the day each accrues.
ENTITLEMENT = ColumnarStep((entitlement_scalar,), entitlement)
#: 5. What withholds payment.
PAYMENT_CONDITIONS = ColumnarStep((payment_conditions_scalar,), payment_conditions)
#: 6. The money figures.
SETTLEMENT = ColumnarStep((settle_scalar,), settle)
#: 7. to 9. The financing convention's terms, when the convention has some.
FINANCING = ColumnarStep((financing_steps_scalar, hold_back_scalar), hold_back)

#: The steps of :func:`assess` in its order, each with its columnar form: what :func:`columnar_steps` calls.
COLUMNAR_STEPS: tuple[ColumnarStep[Any], ...] = (
    ELIGIBILITY,
    PLACES,
    ENTITLEMENT,
    PAYMENT_CONDITIONS,
    SETTLEMENT,
    FINANCING,
)


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
    """Steps 2 to 9 of :func:`assess` over every scenario of ``table`` at once: the columnar form of each record
    of :data:`COLUMNAR_STEPS`, in their order."""
    eligibility = ELIGIBILITY.columnar(table)  # 2.
    places = PLACES.columnar(table, eligibility)  # 3.
    # The programme years of each scenario, with the contracts the places put in each: what step 4 counts by.
    years = scenario_years(table, eligibility.year, places)
    grants = ENTITLEMENT.columnar(table, eligibility.year, places, years)  # 4.
    conditions = PAYMENT_CONDITIONS.columnar(table, places)  # 5.
    money = SETTLEMENT.columnar(table, grants.scenario_accrued, conditions)  # 6.
    steps = (eligibility, places, years, grants)
    financing = FINANCING.columnar(table, financing_columns(table), steps, money)  # 7. to 9.
    return Steps(eligibility, places, years, grants, conditions, money, financing)
