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
from functools import partial
from itertools import repeat
from operator import is_not
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from ..rules._convention import Convention
from ..rules._model import name_key
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
_NOT_NONE = partial(is_not, None)


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
    present = _present(values)
    ordinals = np.full(len(values), _EPOCH, dtype=np.int64)
    ordinals[present] = np.fromiter(map(dt.date.toordinal, filter(_NOT_NONE, values)), dtype=np.int64)  # type: ignore[arg-type]
    return present, ordinals - _EPOCH


def _present(values: Sequence[object]) -> Bools:
    """Whether each value is not ``None``."""
    return np.fromiter(map(is_not, values, repeat(None)), dtype=np.bool_, count=len(values))


def _objects(values: Sequence[str]) -> Objects:
    column = np.empty(len(values), dtype=object)
    column[:] = values
    return column


def _contract_columns(cases: Sequence[Case]) -> ContractColumns:
    """The columns of the contracts of cases, read in one pass: each contract is read whole, and each of
    its values made a number, while it is at hand, rather than once per column."""
    references: list[str] = []
    names: list[str] = []
    signed: list[int] = []
    applied: list[dt.date | None] = []
    selected: list[dt.date | None] = []
    office_ids: list[int] = []
    sectors: list[int] = []
    sirens: list[int] = []
    offices: dict[str, int] = {}
    sector_code = SECTORS.index
    for case in cases:
        for contract in case.contracts:
            startup = contract.startup
            siren = startup.siren
            references.append(contract.reference)
            names.append(startup.name)
            signed.append(contract.signed_on.toordinal() - _EPOCH)
            applied.append(contract.applied_on)
            selected.append(contract.selected_on)
            office_ids.append(offices.setdefault(startup.head_office, len(offices)))
            sectors.append(sector_code(startup.sector))
            sirens.append(-1 if siren is None else int(siren))
    # C7: a startup is compared by its SIREN and its name's key (startup_key); each distinct name's key
    # is worked out once, and the keys are numbered in the order they first come.
    key_ids: dict[str, int] = {}
    name_ids = {name: key_ids.setdefault(name_key(name), len(key_ids)) for name in dict.fromkeys(names)}
    has_applied, applied_on = days_of(applied)
    has_selected, selected_on = days_of(selected)
    return ContractColumns(
        scenario=np.repeat(np.arange(len(cases), dtype=np.int64), [len(case.contracts) for case in cases]),
        reference=_objects(references),
        name=_objects(names),
        signed_on=np.array(signed, dtype=np.int64),
        has_applied=has_applied,
        applied_on=applied_on,
        has_selected=has_selected,
        selected_on=selected_on,
        sector=np.array(sectors, dtype=np.int64),
        siren=np.array(sirens, dtype=np.int64),
        office_id=np.array(office_ids, dtype=np.int64),
        offices=tuple(offices),
        name_id=np.fromiter(map(name_ids.__getitem__, names), dtype=np.int64, count=len(names)),
        name_count=len(key_ids),
    )


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
    contract_columns = _contract_columns(cases)
    payments = [payment for case in cases for payment in case.payments]
    payment_columns = PaymentColumns(
        scenario=np.repeat(np.arange(len(cases), dtype=np.int64), [len(case.payments) for case in cases]),
        reference=_objects([p.reference for p in payments]),
        paid_on=days_of([p.paid_on for p in payments])[1],
        amount=np.fromiter((int(p.amount.scaleb(2)) for p in payments), dtype=np.int64, count=len(payments)),
    )
    return TableColumns(scenarios, contract_columns, payment_columns)
