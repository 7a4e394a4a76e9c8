"""The columns a :class:`~propulseur_rules.batch.ScenarioTable` is built from, and the value objects they hold.

Two sources fill the same records: cases of value objects (:func:`columns_of_cases`,
already checked by those objects) and Arrow or Parquet tables checked cell by cell
with array operations (:mod:`._arrays_check`). Contracts and payments are given case
after case: their ``scenario`` column never decreases. The value objects of a
scenario are built back from the columns only when asked for (``ScenarioTable.case``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ..rules._convention import Convention
from ..rules._rules import startup_key
from ._cases import Case
from ._codes import SECTORS, Bools, Int64s

__all__ = [
    "ContractColumns",
    "PaymentColumns",
    "ScenarioColumns",
    "TableColumns",
    "columns_of_cases",
    "days_of",
]

Objects = npt.NDArray[np.object_]

_EPOCH = dt.date(1970, 1, 1).toordinal()


class ScenarioColumns(NamedTuple):
    """One value per scenario; ``convention_id`` indexes ``conventions``."""

    conventions: tuple[Convention, ...]
    convention_id: Int64s
    as_of: Int64s
    authorised: Bools
    authorised_on: Int64s


class ContractColumns(NamedTuple):
    """One value per contract, case after case; ``office_id`` indexes ``offices``, ``name_id`` < ``name_count``."""

    scenario: Int64s
    reference: Objects
    name: Objects
    signed_on: Int64s
    has_applied: Bools
    applied_on: Int64s
    has_selected: Bools
    selected_on: Int64s
    sector: Int64s
    siren: Int64s
    office_id: Int64s
    offices: tuple[str, ...]
    name_id: Int64s
    name_count: int
    #: The rank of each reference among the references in code point order, when known (else the table ranks them).
    reference_rank: Int64s | None = None


class PaymentColumns(NamedTuple):
    """One value per payment, case after case; amounts in cents."""

    scenario: Int64s
    reference: Objects
    paid_on: Int64s
    amount: Int64s


class TableColumns(NamedTuple):
    """Everything a table is built from."""

    scenarios: ScenarioColumns
    contracts: ContractColumns
    payments: PaymentColumns


def days_of(values: Sequence[dt.date | None]) -> tuple[Bools, Int64s]:
    """Whether each value is a date, and its days since 1970-01-01 (0 where none)."""
    count = len(values)
    present = np.fromiter((value is not None for value in values), dtype=np.bool_, count=count)
    if present.all():
        ordinals = np.fromiter(map(dt.date.toordinal, values), dtype=np.int64, count=count)  # type: ignore[arg-type]
    else:
        ordinals = np.fromiter(
            (_EPOCH if value is None else value.toordinal() for value in values), dtype=np.int64, count=count
        )
    return present, ordinals - _EPOCH


def _objects(values: Sequence[str]) -> Objects:
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


def columns_of_cases(cases: Sequence[Case]) -> TableColumns:
    """The columns of cases whose values their objects already checked."""
    ids: dict[Convention, int] = {}
    convention_id = np.fromiter(
        (ids.setdefault(case.convention, len(ids)) for case in cases), dtype=np.int64, count=len(cases)
    )
    authorised, authorised_on = days_of([case.regional_authorisation_on for case in cases])
    scenarios = ScenarioColumns(
        conventions=tuple(ids),
        convention_id=convention_id,
        as_of=days_of([case.as_of for case in cases])[1],
        authorised=authorised,
        authorised_on=authorised_on,
    )
    contracts = [contract for case in cases for contract in case.contracts]
    startups = [contract.startup for contract in contracts]
    sector_codes = {sector: code for code, sector in enumerate(SECTORS)}
    offices: dict[str, int] = {}
    names: dict[str, int] = {}
    keys = [startup_key(s) for s in startups]  # C7: what a startup is compared by
    has_applied, applied_on = days_of([c.applied_on for c in contracts])
    has_selected, selected_on = days_of([c.selected_on for c in contracts])
    count = len(contracts)
    contract_columns = ContractColumns(
        scenario=np.repeat(np.arange(len(cases), dtype=np.int64), [len(case.contracts) for case in cases]),
        reference=_objects([c.reference for c in contracts]),
        name=_objects([s.name for s in startups]),
        signed_on=days_of([c.signed_on for c in contracts])[1],
        has_applied=has_applied,
        applied_on=applied_on,
        has_selected=has_selected,
        selected_on=selected_on,
        sector=np.fromiter((sector_codes[s.sector] for s in startups), dtype=np.int64, count=count),
        siren=np.fromiter((-1 if key.siren is None else int(key.siren) for key in keys), dtype=np.int64, count=count),
        office_id=np.fromiter(
            (offices.setdefault(s.head_office, len(offices)) for s in startups), dtype=np.int64, count=count
        ),
        offices=tuple(offices),
        name_id=np.fromiter((names.setdefault(key.name, len(names)) for key in keys), dtype=np.int64, count=count),
        name_count=len(names),
    )
    payments = [payment for case in cases for payment in case.payments]
    payment_columns = PaymentColumns(
        scenario=np.repeat(np.arange(len(cases), dtype=np.int64), [len(case.payments) for case in cases]),
        reference=_objects([p.reference for p in payments]),
        paid_on=days_of([p.paid_on for p in payments])[1],
        amount=np.fromiter((int(p.amount.scaleb(2)) for p in payments), dtype=np.int64, count=len(payments)),
    )
    return TableColumns(scenarios, contract_columns, payment_columns)
