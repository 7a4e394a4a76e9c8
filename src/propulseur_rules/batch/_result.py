"""What the columnar engine returns: figures as arrays, and the same as assessments or pandas frames.

:meth:`BatchResult.assessment` builds the :class:`Assessment` of one scenario from
the arrays, :meth:`BatchResult.to_frames` gives the figures of every scenario as
frames, money in integer cents.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from ..rules._engine import Money, payment_conditions, unmet_conditions
from ..rules._extras import require
from ..rules._money import in_money_context
from ..rules._outcome import Assessment, Condition, ContractAssessment, ContractStatus, UnmetCondition, YearAssessment
from ..rules._rules import ContractRule
from ..words._errors import InvalidInput, shown
from ._codes import CONDITION_BITS, CONTRACT_UNMET, STATUSES, Int64s, date, euros
from ._table import ScenarioTable

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
    ) -> None:
        self.table = table
        self.scenario = scenario
        self.year = year
        self.contract = contract

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

    @in_money_context
    def assessment(self, scenario: int) -> Assessment:
        """The :class:`Assessment` of one scenario, built from the arrays: equal to what :func:`assess` gives."""
        if isinstance(scenario, bool) or not isinstance(scenario, (int, np.integer)) or not 0 <= scenario < len(self):
            raise InvalidInput("scenario", f"{shown(scenario)} is not the number of a scenario of this result")
        return _assessment(self, int(scenario))

    @in_money_context
    def assessments(self) -> list[Assessment]:
        """The :class:`Assessment` of every scenario, in order: what ``assess_many`` returns for the same cases."""
        return [_assessment(self, scenario) for scenario in range(len(self))]

    def to_frames(self) -> dict[str, Any]:
        """pandas frames ``scenarios``, ``years``, ``contracts`` and ``unmet`` (money in cents, as integers)."""
        pandas = require("pandas", "frames", "pandas frames of scenarios")
        return {
            "scenarios": _scenarios_frame(pandas, self),
            "years": _years_frame(pandas, self),
            "contracts": _contracts_frame(pandas, self),
            "unmet": _unmet_frame(pandas, self),
        }


def _assessment(result: BatchResult, scenario: int) -> Assessment:
    table = result.table
    case = table.case(scenario)
    convention = case.convention
    figures = {name: int(values[scenario]) for name, values in result.scenario.items()}
    per_contract = convention.grant_per_contract
    first, last = int(table.contract_offsets[scenario]), int(table.contract_offsets[scenario + 1])
    # The table's rows of this scenario are in canonical order; each comes from a contract of the case.
    sources = (table.contract_source[first:last] - first).tolist()
    columns = {name: values[first:last].tolist() for name, values in result.contract.items()}
    contracts: list[ContractAssessment] = []
    contract_unmet: list[UnmetCondition] = []
    funded: dict[int, list[str]] = {}
    supplementary: dict[int, list[str]] = {}
    over: dict[int, list[str]] = {}
    for row, source in enumerate(sources):
        contract = case.contracts[source]
        status = STATUSES[columns["status"][row]]
        year = columns["programme_year"][row] or None
        code = columns["unmet"][row]
        unmet = tuple(
            UnmetCondition(
                condition=item.condition if isinstance(item, ContractRule) else item,
                clause=item.clause,
                contract=contract.reference,
                amount=per_contract,
                final=item.final(contract) if isinstance(item, ContractRule) else True,
                reason=item.message if isinstance(item, ContractRule) else None,
            )
            for position, item in enumerate(CONTRACT_UNMET)
            if code & (1 << position)
        )
        contract_unmet += unmet
        accrues = columns["accrues_on"][row]
        if status is ContractStatus.FUNDED:
            assert year is not None
            funded.setdefault(year, []).append(contract.reference)
        elif status is ContractStatus.SUPPLEMENTARY:
            assert year is not None
            supplementary.setdefault(year, []).append(contract.reference)
        elif status is ContractStatus.OVER_ANNUAL_LIMIT:
            assert year is not None
            over.setdefault(year, []).append(contract.reference)
        contracts.append(
            ContractAssessment(
                reference=contract.reference,
                status=status,
                programme_year=year,
                grant=euros(columns["grant"][row]),
                accrues_on=None if status is not ContractStatus.FUNDED else date(accrues),
                unmet=unmet,
                contract=contract,
            )
        )
    start = int(np.searchsorted(result.year["scenario"], scenario))  # the rows of a scenario follow one another
    year_rows = range(start, start + len(convention.programme_years))
    years = tuple(
        YearAssessment(
            index=index,
            period=period,
            operating_grant=euros(result.year["operating_grant"][row]),
            operating_grant_accrues_on=date(result.year["operating_grant_accrues_on"][row]),
            contract_grants=euros(result.year["contract_grants"][row]),
            entitled=euros(result.year["entitled"][row]),
            accrued=euros(result.year["accrued"][row]),
            funded=tuple(funded.get(index, ())),
            supplementary=tuple(supplementary.get(index, ())),
            over_annual_limit=tuple(over.get(index, ())),
        )
        for index, (row, period) in enumerate(zip(year_rows, convention.programme_years, strict=True), start=1)
    )
    # The unmet conditions come from the engine's own steps, on this scenario's figures:
    # the conditions on payment (C3, C4, C9), then the contracts', a reconsideration (C5)
    # and an excess payment, in the order and with the clauses assess gives them.
    as_of = case.as_of
    # No financing terms here (``checked_case`` refuses them): nothing waits for a document.
    money = Money(**{name: euros(figures[name]) for name in attrs.fields_dict(Money) if name in figures})
    conditions = payment_conditions(
        convention, as_of, case.regional_authorisation_on, eligible=figures["eligible_contracts"]
    )
    unmet_all = unmet_conditions(
        convention, as_of, conditions, money, contracts, eligible=figures["eligible_contracts"]
    )
    counted = sorted(
        (payment for payment in case.payments if payment.paid_on <= as_of),
        key=lambda payment: (payment.paid_on, payment.reference),
    )
    return Assessment(
        as_of=as_of,
        convention=convention,
        regional_authorisation_on=case.regional_authorisation_on,
        years=years,
        contracts=tuple(contracts),
        payments=tuple(counted),
        **attrs.asdict(money, recurse=False),
        unmet=unmet_all,
    )


# --- frames -----------------------------------------------------------------------------


def _days(values: Any) -> Any:
    return np.asarray(values, dtype=np.int64).astype("datetime64[D]")


def _scenarios_frame(pandas: Any, result: BatchResult) -> Any:
    """One row per scenario: its key, ``as_of``, the money figures."""
    table, figures = result.table, result.scenario
    return pandas.DataFrame(
        {
            "scenario": list(table.keys),
            "as_of": _days(table.as_of),
            **{
                f"{name}_cents": figures[name]
                for name in ("accrued", "withheld", "releasable", "paid", "payable", "excess_paid")
            },
            "eligible_contracts": figures["eligible_contracts"],
            "unmet": figures["unmet"],
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
    """One row per contract, in the table's (canonical) order."""
    table, contract = result.table, result.contract
    contracts = pandas.DataFrame(
        {
            "scenario": [table.keys[at] for at in table.contract_scenario.tolist()],
            "reference": table.contract_reference,
            "status": pandas.Categorical.from_codes(contract["status"], [status.value for status in STATUSES]),
            "programme_year": pandas.array(
                np.where(contract["programme_year"] > 0, contract["programme_year"], 0), dtype="Int64"
            ),
            "grant_cents": contract["grant"],
            "accrues_on": contract["accrues_on"].astype("datetime64[D]"),
            "unmet": contract["unmet"],
        }
    )
    contracts.loc[contract["programme_year"] == 0, "programme_year"] = pandas.NA
    return contracts


def _unmet_frame(pandas: Any, result: BatchResult) -> Any:
    """The unmet conditions, long, in the order of ``Assessment.unmet``.

    Per scenario, the conditions on payment as a whole, then contract by contract,
    then a reconsideration (C5), then an excess payment. A contract's code holds
    one bit per record of :data:`CONTRACT_UNMET`, so that a rule's own clause is
    reported (C7 for the signing deadline).
    """
    table, contract = result.table, result.contract
    places: list[tuple[int, int, int, int]] = []
    rows: dict[str, list[Any]] = {"scenario": [], "contract": [], "condition": [], "clause": []}
    after_the_contracts = {Condition.RECONSIDERATION_POSSIBLE: 2, Condition.NO_EXCESS_PAYMENT: 3}
    for position, (condition, bit) in enumerate(CONDITION_BITS.items()):
        group = after_the_contracts.get(condition, 0)
        for at in np.flatnonzero(result.scenario["unmet"] & bit).tolist():
            places.append((at, group, 0, position))
            rows["scenario"].append(table.keys[at])
            rows["contract"].append(None)
            rows["condition"].append(condition.value)
            rows["clause"].append(condition.clause.name)
    for position, record in enumerate(CONTRACT_UNMET):
        condition, clause = (
            (record, record.clause) if isinstance(record, Condition) else (record.condition, record.clause)
        )
        for at in np.flatnonzero(contract["unmet"] & (1 << position)).tolist():
            owner = int(table.contract_scenario[at])
            places.append((owner, 1, at, position))
            rows["scenario"].append(table.keys[owner])
            rows["contract"].append(table.contract_reference[at])
            rows["condition"].append(condition.value)
            rows["clause"].append(clause.name)
    ranked = sorted(range(len(places)), key=places.__getitem__)
    rows = {name: [values[at] for at in ranked] for name, values in rows.items()}
    return pandas.DataFrame(
        {name: pandas.Series(values, dtype=object if name == "contract" else None) for name, values in rows.items()}
    )
