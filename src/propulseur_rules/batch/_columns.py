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
from ..rules._documents import Document, DocumentKind
from ..rules._limitation import LimitationEvent, LimitationEventKind
from ..rules._model import name_key
from ._cases import Case
from ._codes import SECTORS, Bools, Int64s, date

__all__ = [
    "DOCUMENT_KINDS",
    "EVENT_KINDS",
    "TABLE_FINANCING_COLUMNS",
    "ContractColumns",
    "FinancingFactColumns",
    "PaymentColumns",
    "ScenarioColumns",
    "TableColumns",
    "columns_of_cases",
    "copied_contracts",
    "days_of",
    "financing_facts_of",
    "no_financing_facts",
    "stray_documents",
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


#: The kinds of document, by their code in ``FinancingFactColumns.document_kind``.
DOCUMENT_KINDS: tuple[DocumentKind, ...] = tuple(DocumentKind)
#: The kinds of event of the limitation, by their code in ``FinancingFactColumns.event_kind``.
EVENT_KINDS: tuple[LimitationEventKind, ...] = tuple(LimitationEventKind)
_COPY = DOCUMENT_KINDS.index(DocumentKind.CONTRACT_COPY)
_STATEMENT = DOCUMENT_KINDS.index(DocumentKind.FINANCIAL_STATEMENT)


class FinancingFactColumns(NamedTuple):
    """The facts of the financing convention (C3 « modalités », loi n° 68-1250): the day of signature per
    scenario, the documents received and the events of the limitation one per row, case after case."""

    #: Per scenario: whether the day the financing convention was signed is given, and that day.
    signed: Bools
    signed_on: Int64s
    #: Per document: its scenario, its kind (a code of :data:`DOCUMENT_KINDS`), what it covers as
    #: :class:`Document` holds it (a contract reference, a programme year or ``None``), the day received.
    document_scenario: Int64s
    document_kind: Int64s
    document_covers: Objects
    document_received_on: Int64s
    #: Per event: its scenario, its kind (a code of :data:`EVENT_KINDS`) and its day.
    event_scenario: Int64s
    event_kind: Int64s
    event_on: Int64s


#: The names on a ``ScenarioTable`` of the financing facts, in the order of :class:`FinancingFactColumns`.
TABLE_FINANCING_COLUMNS = (
    "financing_signed",
    "financing_signed_on",
    "document_scenario",
    "document_kind",
    "document_covers",
    "document_received_on",
    "event_scenario",
    "event_kind",
    "event_on",
)


class TableColumns(NamedTuple):
    """Everything a table is built from; no financing facts: none given."""

    scenarios: ScenarioColumns
    contracts: ContractColumns
    payments: PaymentColumns
    financing: FinancingFactColumns | None = None


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
    return TableColumns(scenarios, contract_columns, payment_columns, _financing_of_cases(cases))


def no_financing_facts(count: int) -> FinancingFactColumns:
    """The financing facts of ``count`` scenarios that have none."""
    empty = np.empty(0, dtype=np.int64)
    return FinancingFactColumns(
        signed=np.zeros(count, dtype=np.bool_),
        signed_on=np.zeros(count, dtype=np.int64),
        document_scenario=empty,
        document_kind=empty,
        document_covers=np.empty(0, dtype=object),
        document_received_on=empty,
        event_scenario=empty,
        event_kind=empty,
        event_on=empty,
    )


def _financing_of_cases(cases: Sequence[Case]) -> FinancingFactColumns:
    signed, signed_on = days_of([case.financing_signed_on for case in cases])
    documents = [document for case in cases for document in case.documents]
    events = [event for case in cases for event in case.limitation_events]
    kinds = {kind: code for code, kind in enumerate(DOCUMENT_KINDS)}
    event_kinds = {kind: code for code, kind in enumerate(EVENT_KINDS)}
    covers = np.empty(len(documents), dtype=object)
    covers[:] = [document.covers for document in documents]
    return FinancingFactColumns(
        signed=signed,
        signed_on=signed_on,
        document_scenario=np.repeat(np.arange(len(cases), dtype=np.int64), [len(case.documents) for case in cases]),
        document_kind=np.fromiter((kinds[d.kind] for d in documents), dtype=np.int64, count=len(documents)),
        document_covers=covers,
        document_received_on=days_of([d.received_on for d in documents])[1],
        event_scenario=np.repeat(
            np.arange(len(cases), dtype=np.int64), [len(case.limitation_events) for case in cases]
        ),
        event_kind=np.fromiter((event_kinds[e.kind] for e in events), dtype=np.int64, count=len(events)),
        event_on=days_of([e.on for e in events])[1],
    )


def copied_contracts(facts: FinancingFactColumns, contract_scenario: Int64s, references: Objects) -> Int64s:
    """The contract row each copy covers: the row of its scenario with its reference (the last, as a mapping from
    each reference to its row keeps it); -1 for a document that is no copy and for a copy of no such contract.

    The copies and the references of the scenarios with a copy get one id per distinct text, so that a copy
    and a contract match when their (scenario, id) keys do.
    """
    covered = np.full(facts.document_kind.size, -1, dtype=np.int64)
    copies = np.flatnonzero(facts.document_kind == _COPY)
    if not copies.size:
        return covered
    owner = facts.document_scenario[copies]
    rows = np.flatnonzero(np.isin(contract_scenario, owner))
    pool = np.concatenate([references[rows], facts.document_covers[copies]]).astype(str)
    ids = np.unique(pool, return_inverse=True)[1].reshape(-1).astype(np.int64)
    span = int(ids.max()) + 1
    known = contract_scenario[rows] * span + ids[: rows.size]
    order = np.argsort(known, kind="stable")  # the rows of one reference in their order
    wanted = owner * span + ids[rows.size :]
    # None before the first (-1) finds the key -1 put last, which no copy has.
    ranked = np.append(known[order], -1)
    at = np.searchsorted(ranked[:-1], wanted, side="right") - 1
    found = ranked[at] == wanted
    covered[copies[found]] = rows[order[at[found]]]
    return covered


def stray_documents(facts: FinancingFactColumns, covered: Int64s, year_count: Int64s) -> Bools:
    """Per document, whether :func:`~propulseur_rules.rules.check_documents` refuses it: a copy of no contract of
    its scenario (``covered``: :func:`copied_contracts`), a financial statement of a programme year beyond
    ``year_count`` (per document, its convention's), or one received before the financing convention was signed."""
    owner = facts.document_scenario
    statements = np.flatnonzero(facts.document_kind == _STATEMENT)
    stray: Bools = (facts.document_kind == _COPY) & (covered < 0)
    stray[statements] = facts.document_covers[statements].astype(np.int64) > year_count[statements]
    early: Bools = facts.signed[owner] & (facts.document_received_on < facts.signed_on[owner])
    stray |= early
    return stray


def financing_facts_of(
    facts: FinancingFactColumns, scenario: int
) -> tuple[dt.date | None, tuple[Document, ...], tuple[LimitationEvent, ...]]:
    """The day of signature, the documents and the events of one scenario, as value objects, in the order given."""
    first, last = np.searchsorted(facts.document_scenario, [scenario, scenario + 1])
    documents = tuple(
        Document(
            kind=DOCUMENT_KINDS[int(facts.document_kind[row])],
            received_on=date(facts.document_received_on[row]),
            covers=facts.document_covers[row],
        )
        for row in range(int(first), int(last))
    )
    first, last = np.searchsorted(facts.event_scenario, [scenario, scenario + 1])
    events = tuple(
        LimitationEvent(kind=EVENT_KINDS[int(facts.event_kind[row])], on=date(facts.event_on[row]))
        for row in range(int(first), int(last))
    )
    signed_on = date(facts.signed_on[scenario]) if facts.signed[scenario] else None
    return signed_on, documents, events
