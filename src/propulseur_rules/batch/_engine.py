"""The columnar engine: the steps of :func:`assess` over many scenarios at once, as numpy arrays.

:func:`run` takes a :class:`ScenarioTable` through the steps the scalar engine
names (SPEC §3), in its order (:func:`~._steps.columnar_steps`): the columnar form
of each record of :data:`~._steps.COLUMNAR_STEPS`, which holds it beside the step
of :func:`assess` it does, a function of :mod:`._eligibility`, :mod:`._places`,
:mod:`._money` or :mod:`._financing` that returns its arrays as one small value:

1. the contracts signed by ``as_of``, in the canonical order the table keeps;
2. :func:`judge_eligibility` — every rule record of ``CONTRACT_RULES`` in its columnar form (C1, C6, C7, C8);
3. :func:`allot_places` — C2, C7, C5, and the contracts of each programme year;
4. :func:`entitlement` — the grants under the cap (C2), and when each accrues (C3);
5. :func:`payment_conditions` — what withholds payment (C3, C4, C9), and the financing convention the law
   requires, never verified here (a warning);
6. :func:`settle` — withheld, releasable, paid, payable and excess paid;
7. to 9. :func:`~._financing.hold_back` — with the financing convention's terms (C3 « modalités »): what
   waits for a document, the balance held, the claims past the four-year limitation, and what is payable.

Every figure equals what :func:`assess` gives: property tests check each rule, each step and the whole.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..rules._outcome import ContractStatus
from ..words._errors import InvalidInput, kind_of
from ._codes import NO_DATE, STATUS_CODES, Int64s
from ._eligibility import Eligibility
from ._money import Grants, scenario_unmet
from ._places import Places, ScenarioYears, unmet_codes
from ._result import BatchResult
from ._steps import columnar_steps
from ._table import ScenarioTable

__all__ = ["run"]


def run(table: ScenarioTable) -> BatchResult:
    """Assess every scenario of ``table``; each figure equals :func:`assess` on that scenario.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> result = run(ScenarioTable.from_cases([(DIJON_2022, [], {"as_of": dt.date(2023, 1, 1)})]))
    >>> result.accrued.tolist(), result.payable.tolist()
    ([2000000], [0])
    >>> [condition.value for condition in result.unmet_conditions(0)]
    ['regional_authorisation', 'contract_target', 'financing_convention_signed']
    """
    if not isinstance(table, ScenarioTable):
        raise InvalidInput("table", "error.expected_a_kind", kind="ScenarioTable", type=kind_of(table))
    eligibility, places, years, grants, conditions, money, financing = columnar_steps(table)
    scenario: dict[str, Int64s] = {
        "accrued": grants.scenario_accrued,
        **money._asdict(),
        "awaiting_documents": financing.awaiting_documents,
        "balance_held": financing.balance_held,
        "time_barred": financing.time_barred,
        "payable_before_payments": financing.payable_before_payments,
        "payable": financing.payable,
        "eligible_contracts": places.eligible,
        "unmet": scenario_unmet(conditions, places, money, financing.unmet()),
        "beyond_places": np.maximum(0, places.eligible - places.places),
        "blockers": conditions.blockers,
    }
    return BatchResult(
        table=table,
        scenario=scenario,
        year=_year_columns(years, grants),
        contract=_contract_columns(table, eligibility, places, grants),
        financing=financing,
    )


def _year_columns(years: ScenarioYears, grants: Grants) -> dict[str, Int64s]:
    """The columns of the scenario-years, one row per programme year of each scenario."""
    return {
        "scenario": years.scenario,
        "index": years.number,
        "start": grants.start,
        "end": grants.end,
        "operating_grant": grants.operating_grant,
        "operating_grant_accrues_on": grants.operating_grant_accrues_on,
        "contract_grants": grants.contract_grants,
        "entitled": grants.operating_grant + grants.contract_grants,
        "accrued": grants.accrued,
        "funded": years.funded,
        "supplementary": years.supplementary,
        "over_annual_limit": years.over_annual_limit,
    }


def _contract_columns(table: ScenarioTable, eligibility: Eligibility, places: Places, grants: Grants) -> dict[str, Any]:
    """The columns of the contracts, in the table's (canonical) order: status, year, grant, accrual, unmet code."""
    size = table.contract_count
    status = np.full(size, STATUS_CODES[ContractStatus.INELIGIBLE], dtype=np.int8)
    status[~eligibility.signed] = STATUS_CODES[ContractStatus.NOT_YET_SIGNED]
    status[places.funded_at] = STATUS_CODES[ContractStatus.FUNDED]
    status[places.supplementary_at] = STATUS_CODES[ContractStatus.SUPPLEMENTARY]
    status[places.over_annual_limit_at] = STATUS_CODES[ContractStatus.OVER_ANNUAL_LIMIT]
    grant = np.zeros(size, dtype=np.int64)
    grant[places.funded_at] = grants.grant
    accrues_on = np.full(size, NO_DATE, dtype=np.int64)  # NaT
    accrues_on[places.funded_at] = grants.grant_accrues_on
    return {
        "status": status,
        "programme_year": eligibility.year,
        "grant": grant,
        "accrues_on": accrues_on,
        "unmet": unmet_codes(eligibility, places),
    }
