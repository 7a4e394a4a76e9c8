"""The unmet conditions of a columnar result one by one, in the order of ``Assessment.unmet``.

The order is the one :func:`assess` declares, :data:`~propulseur_rules.rules._settlement.UNMET_ORDER`,
section by section. Within a section the rows follow ``assess``: the conditions of the contracts
contract by contract (the table's canonical order), each in the order of the rule records of
:data:`CONTRACT_UNMET`; the documents awaited and the balance held by the last day of the document
(C3 « modalités »), each document once, a copy named by its contract; the claims time-barred by the
year their four years start after (loi n° 68-1250, art. 1er), one row per year.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import numpy as np

from ..rules._convention import Convention
from ..rules._financing import (
    FinancingTerms,
    contract_copy_due_on,
    final_report_due_on,
    financial_statement_due_on,
)
from ..rules._outcome import Condition, DeadlineKind
from ..rules._rules import ContractRule
from ..rules._settlement import unmet_section
from ._codes import CONDITION_BITS, CONTRACT_UNMET, Int64s, date
from ._financing import FinancingMoney
from ._table import ScenarioTable

__all__ = ["UnmetRow", "unmet_rows"]

#: Listed one by one from the financing step, not from the bits of the scenario.
_ONE_BY_ONE = frozenset({Condition.SUPPORTING_DOCUMENT, Condition.BALANCE_HELD, Condition.CLAIM_TIME_BARRED})
_DEADLINES = list(DeadlineKind)


class UnmetRow(NamedTuple):
    """One unmet condition: its scenario (a row of the table), its contract's reference (or ``None``), the
    condition and the clause that sets it (a contract's rule record's own clause)."""

    scenario: int
    contract: str | None
    condition: Condition
    clause: str


def unmet_rows(
    table: ScenarioTable, scenario_unmet: Int64s, contract_unmet: Int64s, financing: FinancingMoney | None
) -> list[UnmetRow]:
    """Every unmet condition of every scenario, scenario after scenario, each in the order of ``Assessment.unmet``."""
    keyed: list[tuple[tuple[object, ...], UnmetRow]] = []
    for condition, bit in CONDITION_BITS.items():
        if condition in _ONE_BY_ONE and financing is not None:
            continue
        for at in np.flatnonzero(scenario_unmet & bit).tolist():
            keyed.append(((at, unmet_section(condition)), UnmetRow(at, None, condition, condition.clause.value)))
    for position, record in enumerate(CONTRACT_UNMET):
        condition = record.condition if isinstance(record, ContractRule) else record
        for row in np.flatnonzero(contract_unmet & (1 << position)).tolist():
            owner = int(table.contract_scenario[row])
            unmet = UnmetRow(owner, table.contract_reference[row], condition, record.clause.value)
            keyed.append(((owner, unmet_section(condition), row, position), unmet))
    if financing is not None:
        keyed.extend(_financing_rows(table, financing))
    keyed.sort(key=lambda pair: pair[0])
    return [row for _, row in keyed]


def _financing_rows(table: ScenarioTable, financing: FinancingMoney) -> list[tuple[tuple[object, ...], UnmetRow]]:
    """The documents awaited and the balance held, keyed by the last day of the document as ``assess`` orders
    its deadlines (the day, the kind, the programme year, the reference); the claims time-barred by year."""
    section = unmet_section(Condition.SUPPORTING_DOCUMENT)
    keyed: list[tuple[tuple[object, ...], UnmetRow]] = []
    awaited = zip(
        financing.awaited_scenario.tolist(),
        financing.awaited_covers.tolist(),
        financing.awaited_copy.tolist(),
        strict=True,
    )
    for owner, covers, copy in awaited:
        convention = table.conventions[int(table.convention_id[owner])]
        terms = _terms(convention)
        condition = Condition.SUPPORTING_DOCUMENT
        if copy:  # the copy of a contract: named by its contract
            reference = str(table.contract_reference[covers])
            due_on = contract_copy_due_on(date(table.signed_on[covers]), terms)
            key = _deadline_key(due_on, DeadlineKind.CONTRACT_COPY, 0, reference)
            keyed.append(((owner, section, *key), UnmetRow(owner, reference, condition, condition.clause.value)))
        else:  # the financial statement of a programme year
            due_on = financial_statement_due_on(convention.programme_years[covers - 1], terms)
            key = _deadline_key(due_on, DeadlineKind.FINANCIAL_STATEMENT, covers, "")
            keyed.append(((owner, section, *key), UnmetRow(owner, None, condition, condition.clause.value)))
    for owner in np.flatnonzero(financing.balance_unmet).tolist():
        convention = table.conventions[int(table.convention_id[owner])]
        due_on = final_report_due_on(convention.period, _terms(convention))
        key = _deadline_key(due_on, DeadlineKind.FINAL_REPORT, 0, "")
        held = Condition.BALANCE_HELD
        keyed.append(((owner, section, *key), UnmetRow(owner, None, held, held.clause.value)))
    barred = Condition.CLAIM_TIME_BARRED
    for owner, year in zip(financing.barred_scenario.tolist(), financing.barred_year.tolist(), strict=True):
        keyed.append(((owner, unmet_section(barred), year), UnmetRow(owner, None, barred, barred.clause.value)))
    return keyed


def _terms(convention: Convention) -> FinancingTerms:
    terms = convention.financing
    assert terms is not None  # only a scenario with terms awaits a document or holds a balance
    return terms


def _deadline_key(due_on: dt.date, kind: DeadlineKind, year: int, reference: str) -> tuple[object, ...]:
    return (due_on, _DEADLINES.index(kind), year, reference)
