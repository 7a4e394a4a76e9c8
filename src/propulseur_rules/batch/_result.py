"""What the columnar engine returns: figures as arrays, and the same as assessments or pandas frames.

:meth:`BatchResult.assessment` gives the :class:`Assessment` of one scenario,
:meth:`BatchResult.to_frames` the figures of every scenario as frames, money in
integer cents.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..planning._frame import _column
from ..rules._eligibility import Place, Verdict
from ..rules._engine import assessment_of_steps
from ..rules._entitlement import Entitlement
from ..rules._extras import require
from ..rules._outcome import MONEY_FIGURES, Assessment, Condition, ContractStatus
from ..rules._rules import CONTRACT_RULES, ContractRule
from ..rules._territory import metropole_commune
from ..words._errors import InvalidInput, Worded, shown
from ._cases import Case
from ._codes import CONDITION_BITS, CONTRACT_UNMET, STATUSES, Int64s, date, euros, rule_bit
from ._financing import FinancingMoney
from ._steps import Steps, columnar_steps
from ._table import ScenarioTable
from ._unmet import unmet_rows

__all__ = ["BatchResult"]


class BatchResult:
    """What :func:`run` returns: figures as arrays, per scenario, per scenario-year, per contract.

    Money is in integer cents (``int64``), dates in days since 1970-01-01
    (``accrues_on`` is the smallest ``int64``, numpy's ``NaT``, for no date),
    ``status`` a code of :data:`STATUS_CODES`, ``unmet`` a sum of the bits of
    :data:`CONDITION_BITS`. Contract arrays follow the rows of the table.
    """

    def __init__(
        self,
        *,
        table: ScenarioTable,
        scenario: dict[str, Int64s],
        year: dict[str, Int64s],
        contract: dict[str, Any],
        financing: FinancingMoney | None = None,
    ) -> None:
        self.table = table
        self.scenario = scenario
        self.year = year
        self.contract = contract
        #: What the financing step left unmet one by one (each document awaited, each year of claims
        #: time-barred), for the frames; ``None``: the conditions of the scenarios' bits only.
        self.financing = financing

    def __len__(self) -> int:
        return len(self.table)

    @property
    def accrued(self) -> Int64s:
        """Per scenario: what has been earned, in cents."""
        return self.scenario["accrued"]

    @property
    def withheld(self) -> Int64s:
        """Per scenario: what a blocking condition holds back, in cents."""
        return self.scenario["withheld"]

    @property
    def releasable(self) -> Int64s:
        """Per scenario: ``accrued - withheld``, in cents."""
        return self.scenario["releasable"]

    @property
    def paid(self) -> Int64s:
        """Per scenario: the payments made by ``as_of``, in cents."""
        return self.scenario["paid"]

    @property
    def payable_before_payments(self) -> Int64s:
        """Per scenario: what may be paid, payments aside (``Assessment.payable_before_payments``), in cents."""
        return self.scenario["payable_before_payments"]

    @property
    def payable(self) -> Int64s:
        """Per scenario: what may be paid now, in cents."""
        return self.scenario["payable"]

    @property
    def excess_paid(self) -> Int64s:
        """Per scenario: what was paid beyond what is releasable, in cents."""
        return self.scenario["excess_paid"]

    def unmet_conditions(self, scenario: int) -> tuple[Condition, ...]:
        """The conditions of one scenario as a whole that are unmet (C3, C4, C9 and excess payment)."""
        code = int(self.scenario["unmet"][scenario])
        return tuple(condition for condition, bit in CONDITION_BITS.items() if code & bit)

    def assessment(self, scenario: int) -> Assessment:
        """The :class:`Assessment` of one scenario, equal to :func:`assess` on its case.

        The engine's own steps on the case as it was given (a column changed
        after the table was built changes the arrays only): the verdicts, places
        and items of money become the step values of :mod:`propulseur_rules.rules`,
        and the builders of :func:`assess` make the rest (each unmet condition's
        money, finality and what lifting it releases), so that no rule is stated here.
        """
        if isinstance(scenario, bool) or not isinstance(scenario, (int, np.integer)) or not 0 <= scenario < len(self):
            raise InvalidInput("scenario", "error.not_a_scenario_number", value=shown(scenario))
        (assessment,) = _assessments([self.table.case(int(scenario))])
        return assessment

    def assessments(self) -> list[Assessment]:
        """The :class:`Assessment` of every scenario, in order: what ``assess_many`` returns for the same cases."""
        return _assessments(self.table.cases)

    def to_frames(self) -> dict[str, Any]:
        """pandas frames ``scenarios``, ``years``, ``contracts`` and ``unmet`` in the one frame convention:
        money in cents (integers), dates ``datetime64``, statuses and conditions categories, the unmet
        conditions of a row a list of codes; a scenario's rows of ``contracts`` are ``Assessment.to_frame()``."""
        pandas = require("pandas", "frames", Worded("error.feature_frames"))
        return {
            "scenarios": _scenarios_frame(pandas, self),
            "years": _years_frame(pandas, self),
            "contracts": _contracts_frame(pandas, self),
            "unmet": _unmet_frame(pandas, self),
        }


def _assessments(cases: Sequence[Case]) -> list[Assessment]:
    """The assessment of each case as it was given, from the steps of the columnar engine on those cases.

    Steps 2 to 4 (the verdicts, the places and the items of money) are the
    engine's arrays read as the step values of :mod:`propulseur_rules.rules`;
    the builders of :func:`assess` make steps 5 on and the assessment.
    """
    table = ScenarioTable(cases)
    values = _StepValues(table, columnar_steps(table))
    assessments = []
    for index, case in enumerate(cases):
        verdicts, places = values.verdicts_and_places(index)
        facts = case.facts
        items = values.items(index, places)
        assessments.append(assessment_of_steps(case.convention, facts, verdicts, [place for _, place in places], items))
    return assessments


class _StepValues:
    """The arrays of the columnar steps read as the step values of :func:`assess`, scenario by scenario."""

    def __init__(self, table: ScenarioTable, steps: Steps) -> None:
        self.table = table
        self.steps = steps
        places, grants = steps.places, steps.grants
        self.status = {
            **dict.fromkeys(places.funded_at.tolist(), ContractStatus.FUNDED),
            **dict.fromkeys(places.supplementary_at.tolist(), ContractStatus.SUPPLEMENTARY),
            **dict.fromkeys(places.over_annual_limit_at.tolist(), ContractStatus.OVER_ANNUAL_LIMIT),
        }
        self.grant = dict(
            zip(
                places.funded_at.tolist(),
                zip(grants.grant.tolist(), grants.grant_accrues_on.tolist(), strict=True),
                strict=True,
            )
        )

    def verdicts_and_places(self, index: int) -> tuple[list[Verdict], list[tuple[int, Place]]]:
        """Steps 2 and 3 — each signed contract's verdict, and each eligible contract's place with its row."""
        table, eligibility = self.table, self.steps.eligibility
        rows = np.arange(table.contract_offsets[index], table.contract_offsets[index + 1], dtype=np.int64)
        verdicts: list[Verdict] = []
        places: list[tuple[int, Place]] = []
        for row, signed in zip(rows.tolist(), table.contracts(rows), strict=True):
            if eligibility.signed[row]:
                failed = int(eligibility.failed[row])
                verdicts.append(Verdict(signed, tuple(rule for rule in CONTRACT_RULES if failed & rule_bit(rule))))
            if row in self.status:
                places.append((row, Place(signed, int(eligibility.year[row]), self.status[row])))
        return verdicts, places

    def items(self, index: int, places: Sequence[tuple[int, Place]]) -> list[Entitlement]:
        """Step 4 — each programme year's operating grant, then its funded contracts' grants, in order."""
        grants, years = self.steps.grants, self.steps.years
        items: list[Entitlement] = []
        for at in range(int(years.offsets[index]), int(years.offsets[index + 1])):
            number = int(years.number[at])
            operating_on = date(grants.operating_grant_accrues_on[at])
            items.append(Entitlement(number, None, euros(grants.operating_grant[at]), operating_on))
            for row, place in places:
                if place.funded and place.year == number:
                    amount, accrues_on = self.grant[row]
                    items.append(Entitlement(number, place.contract, euros(amount), date(accrues_on)))
        return items


# --- frames -----------------------------------------------------------------------------


def _days(values: Any) -> Any:
    return np.asarray(values, dtype=np.int64).astype("datetime64[D]")


def _scenarios_frame(pandas: Any, result: BatchResult) -> Any:
    """One row per scenario: its key, ``as_of``, and every money figure of :data:`MONEY_FIGURES`, so that
    ``payable`` can be rebuilt from the frame; those of the financing convention are zero without terms.
    ``unmet`` lists the codes of the conditions of no contract, in the order of ``Assessment.unmet`` and as often
    as it lists them (a financial statement awaited per programme year, claims time-barred per year)."""
    table, figures = result.table, result.scenario
    zero = np.zeros(len(table.keys), dtype=np.int64)
    return pandas.DataFrame(
        {
            "scenario": list(table.keys),
            "as_of": _days(table.as_of),
            **{f"{name}_cents": figures.get(name, zero) for name in MONEY_FIGURES},
            "eligible_contracts": figures["eligible_contracts"],
            "unmet": pandas.Series(_scenario_unmet(result), dtype=object),
        }
    )


def _years_frame(pandas: Any, result: BatchResult) -> Any:
    """One row per programme year of each scenario."""
    keys, year = result.table.keys, result.year
    return pandas.DataFrame(
        {
            "scenario": [keys[at] for at in year["scenario"].tolist()],
            "index": year["index"],
            "start": _days(year["start"]),
            "end": _days(year["end"]),
            "operating_grant_cents": year["operating_grant"],
            "operating_grant_accrues_on": _days(year["operating_grant_accrues_on"]),
            "contract_grants_cents": year["contract_grants"],
            "entitled_cents": year["entitled"],
            "accrued_cents": year["accrued"],
            "funded": year["funded"],
            "over_annual_limit": year["over_annual_limit"],
            "supplementary": year["supplementary"],
        }
    )


def _contracts_frame(pandas: Any, result: BatchResult) -> Any:
    """One row per contract, in the table's (canonical) order: the scenario's key, then the columns of
    ``Assessment.to_frame()`` with their types, so that the rows of one scenario are that frame."""
    table, contract = result.table, result.contract
    owners = table.contract_scenario.tolist()
    conventions = [case.convention.reference for case in table.cases]
    signed = table.contracts(np.arange(table.contract_count, dtype=np.int64))
    years = contract["programme_year"].tolist()
    communes = [metropole_commune(item.startup.head_office) for item in signed]
    values: dict[str, list[Any]] = {
        "as_of": [date(table.as_of[at]) for at in owners],
        "convention": [conventions[at] for at in owners],
        "reference": [item.reference for item in signed],
        "status": [STATUSES[code].value for code in contract["status"].tolist()],
        "programme_year": [year if year > 0 else None for year in years],
    }
    described: dict[str, list[Any]] = {
        "unmet": _contract_unmet(result),
        "startup": [item.startup.name for item in signed],
        "siren": [item.startup.siren for item in signed],
        "head_office": [item.startup.head_office for item in signed],
        "commune": [None if commune is None else commune.name for commune in communes],
        "sector": [item.startup.sector.value for item in signed],
        "applied_on": [item.applied_on for item in signed],
        "selected_on": [item.selected_on for item in signed],
        "signed_on": [item.signed_on for item in signed],
    }
    return pandas.DataFrame(
        {
            "scenario": [table.keys[at] for at in owners],
            **{name: _column(pandas, name, column, "cents") for name, column in values.items()},
            "grant_cents": np.asarray(contract["grant"], dtype=np.int64),
            "accrues_on": pandas.Series(
                np.asarray(contract["accrues_on"], dtype=np.int64).astype("datetime64[D]"), dtype="datetime64[s]"
            ),
            **{name: _column(pandas, name, column, "cents") for name, column in described.items()},
        }
    )


def _rows(result: BatchResult) -> Any:
    """The unmet conditions of every scenario one by one, in the order of ``Assessment.unmet``."""
    return unmet_rows(result.table, result.scenario["unmet"], result.contract["unmet"], result.financing)


def _scenario_unmet(result: BatchResult) -> list[list[str]]:
    """Per scenario, the codes of its unmet conditions of no contract, in the order of ``Assessment.unmet``."""
    lists: list[list[str]] = [[] for _ in range(len(result))]
    for row in _rows(result):
        if row.contract is None:
            lists[row.scenario].append(row.condition.value)
    return lists


def _contract_unmet(result: BatchResult) -> list[list[str]]:
    """Per contract, the codes of its unmet conditions, in the order of the rule records of :data:`CONTRACT_UNMET`."""
    lists: list[list[str]] = [[] for _ in range(result.table.contract_count)]
    for position, record in enumerate(CONTRACT_UNMET):
        for at in np.flatnonzero(result.contract["unmet"] & (1 << position)).tolist():
            lists[at].append(_condition(record).value)
    return lists


def _unmet_frame(pandas: Any, result: BatchResult) -> Any:
    """The unmet conditions, long, as ``Assessment.to_frame(by="unmet")`` lists them, scenario after scenario:
    the scenario's key, the contract (a copy awaited names its contract; empty for a condition of no contract),
    the condition and its clause as categories listing every value."""
    table = result.table
    rows = _rows(result)
    return pandas.DataFrame(
        {
            "scenario": [table.keys[row.scenario] for row in rows],
            "contract": pandas.Series([row.contract for row in rows], dtype=object),
            "condition": _column(pandas, "condition", [row.condition.value for row in rows], "cents"),
            "clause": _column(pandas, "clause", [row.clause for row in rows], "cents"),
        }
    )


def _condition(record: ContractRule | Condition) -> Condition:
    return record.condition if isinstance(record, ContractRule) else record
