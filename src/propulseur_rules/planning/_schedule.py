"""The schedule: every dated event at which money accrues or is released, with the running totals.

:func:`schedule` assesses the case on each day where something may change and
lists what changed: a programme year opening or closing and a contract signed
(C2), a condition on payment lifted (C3, C4, C9) and, with financing terms
(C3 « modalités »), the documents received and due, the balance released and
the claims that become time-barred. Its figures are those of :func:`assess`;
``_schedule_views`` shows them as text, Markdown and JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..rules._clauses import Clause
from ..rules._convention import Accrual, Convention
from ..rules._documents import Document, DocumentKind, first_received
from ..rules._engine import assess
from ..rules._facts import Facts, facts_from
from ..rules._legal import LegalBasis
from ..rules._model import Contract, Payment
from ..rules._money import ZERO, in_money_context
from ..rules._outcome import ELIGIBLE_STATUSES, Assessment, Condition
from ..words._errors import InvalidInput, kind_of

__all__ = ["EventKind", "ScheduleEvent", "next_day", "schedule"]

_ONE_DAY = dt.timedelta(days=1)


class EventKind(enum.Enum):
    """What happens at a dated event of :func:`schedule`.

    The first three make money accrue (C2, at the time the convention's
    :class:`~propulseur_rules.Accrual` says, C3); the next four lift a
    condition that withholds payment, and release what has accrued when no
    other condition still withholds it.

    The last four come only from a convention with financing terms
    (``Convention.financing``, C3 « modalités »): a supporting document received
    releases the money that waited for it, the balance (« solde ») is released
    once the target is met and the final report is in, a document not received
    by its last day is due, and an unpaid claim becomes time-barred (loi n°
    68-1250, art. 1er: the funder may then invoke the four-year limitation).
    """

    YEAR_OPENS = "year_opens"
    CONTRACT_SIGNED = "contract_signed"
    YEAR_CLOSES = "year_closes"
    AUTHORISATION_VALIDATED = "authorisation_validated"
    DELIBERATION_ADOPTED = "deliberation_adopted"
    FINANCING_SIGNED = "financing_signed"
    TARGET_REACHED = "target_reached"
    DOCUMENT_RECEIVED = "document_received"
    BALANCE_RELEASED = "balance_released"
    DOCUMENT_DUE = "document_due"
    CLAIM_TIME_BARRED = "claim_time_barred"

    @property
    def releases(self) -> bool:
        """Whether the event lifts a condition on payment, moving what is releasable."""
        return self in _RELEASES

    @property
    def accrues(self) -> bool:
        """Whether the event makes money accrue."""
        return self in _ACCRUES

    def __str__(self) -> str:
        return self.value


#: The conditions that withhold payment, in the order their lifting is listed on a day.
_RELEASES: dict[EventKind, Condition] = {
    EventKind.AUTHORISATION_VALIDATED: Condition.REGIONAL_AUTHORISATION,
    EventKind.DELIBERATION_ADOPTED: Condition.DELIBERATION_ADOPTED,
    EventKind.FINANCING_SIGNED: Condition.FINANCING_CONVENTION_SIGNED,
    EventKind.TARGET_REACHED: Condition.CONTRACT_TARGET,
}

_ACCRUES = frozenset({EventKind.YEAR_OPENS, EventKind.CONTRACT_SIGNED, EventKind.YEAR_CLOSES})


@attrs.frozen(kw_only=True)
class ScheduleEvent:
    """A dated event of the forecast, with the running totals after it.

    ``amount`` is the money the event moves: what accrues at a programme year's
    opening or closing or at a contract's signature, or what the lifting of a
    condition releases (zero while another condition still withholds payment).
    ``accrued`` and ``releasable`` are the cumulative figures after the event;
    after the last event of a day they are those of ``assess`` on that day.
    ``programme_year`` (1-based) and ``contract`` say which year or contract the
    event is about, when it is about one (for ``TARGET_REACHED``, the contract
    whose signature reaches the target).

    With financing terms (``Convention.financing``), ``released`` is the
    running total of what may be paid, payments aside: what is releasable less
    what waits for a document and the balance held (after the last event of a
    day, ``releasable - awaiting_documents - balance_held`` of ``assess`` on that
    day; the last event of a day carries the day's change). A document event
    names its ``document`` (and what it covers in ``contract`` or
    ``programme_year``); ``basis`` is the article of law the event cites, if
    any. Without terms the three are ``None``.
    """

    on: dt.date
    kind: EventKind
    clause: Clause
    amount: Decimal
    accrued: Decimal
    releasable: Decimal
    programme_year: int | None = None
    contract: str | None = None
    # Only with financing terms (``released`` is set): left out of JSON-ready data and records otherwise.
    released: Decimal | None = attrs.field(default=None, metadata={"only_with": "released"})
    document: DocumentKind | None = attrs.field(default=None, metadata={"only_with": "released"})
    basis: LegalBasis | None = attrs.field(default=None, metadata={"only_with": "released"})


def next_day(day: dt.date) -> dt.date:
    """The day after ``day`` (``date.max`` stays itself)."""
    return day if day == dt.date.max else day + _ONE_DAY


@in_money_context
def schedule(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
) -> tuple[ScheduleEvent, ...]:
    """The forecast: every dated event at which money accrues or is released, in order.

    Contracts with a future ``signed_on`` are planned contracts: the forecast
    says when their money would accrue and fall due. The events are a programme
    year opening (``ON_EVENT``) or closing (``AT_YEAR_END``), a contract signed
    (``ON_EVENT``), and the lifting of each condition that withholds payment: the
    regional authorisation validated (C4), the deliberation voted (C9), the
    target reached under ``ALL_OR_NOTHING`` (C3). On one day, money accrues
    first, then conditions lift; if several lift on the same day, what they
    release is shown on the last one.

    With financing terms (``Convention.financing``) there are also the
    financing convention signed (``financing_signed_on``, loi n° 2000-321,
    art. 10), each document of ``documents`` received (documents dated in the
    future are planned ones), the balance released, each document's last day
    when it has not come in by then, and the day an unpaid claim becomes
    time-barred, in that order after the others of the day.

    The figures come from :func:`assess` itself, called on each day where
    something may change (the days items accrue, contracts are signed, the
    authorisation is validated, the deliberation voted and in force; with terms, the day
    the financing convention is signed, the days documents come in, their due
    dates and the days claims lapse), so assessing on any date gives the running
    totals of the last event on or before it. Payments do not move ``accrued``,
    ``releasable`` or ``released``; they are checked as ``assess`` checks them,
    and they settle the claims that would otherwise lapse.

    The facts may come as one :class:`~propulseur_rules.Facts` in place of the
    contracts; its ``as_of`` is not read, the schedule covering every day.
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))
    # Every item has accrued the day after the period ends: the day of the facts given as keywords.
    end = next_day(convention.period.end)
    facts = facts_from(
        contracts,
        as_of=None if isinstance(contracts, Facts) else end,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    documents = facts.documents

    def on(day: dt.date, received: Iterable[Document] = documents) -> Assessment:
        return assess(convention, facts.replace(as_of=day, documents=received))

    return _events_over(convention, sorted(_days_of_change(convention, facts, on(end), on)), documents, on)


def _events_over(
    convention: Convention,
    ordered: list[dt.date],
    documents: Iterable[Document],
    on: Callable[[dt.date, Iterable[Document]], Assessment],
) -> tuple[ScheduleEvent, ...]:
    """The events of each day in order, each day's read from the assessments of the day before and of the day."""
    events: list[ScheduleEvent] = []
    before: Assessment | None = on(ordered[0] - _ONE_DAY, documents) if ordered[0] > dt.date.min else None
    for day in ordered:
        current = on(day, documents)
        events.extend(_events_on(day, before, current))
        if convention.financing is not None:
            _add_financing_events(events, day, before, current, documents, on)
        before = current
    return tuple(events)


def _days_of_change(
    convention: Convention, facts: Facts, after: Assessment, on: Callable[[dt.date], Assessment]
) -> set[dt.date]:
    """The days something may change: the days items accrue, contracts are signed, the authorisation is
    validated, the deliberation voted and in force; with financing terms, the days of :func:`_financing_days`."""
    days = {year.operating_grant_accrues_on for year in after.years}
    days.update(contract.accrues_on for contract in after.contracts if contract.accrues_on is not None)
    days.update(contract.signed_on for contract in facts.contracts)
    if facts.regional_authorisation_on is not None:
        days.add(facts.regional_authorisation_on)
    if facts.financing_signed_on is not None:  # loi n° 2000-321, art. 10: above the threshold, terms or not
        days.add(facts.financing_signed_on)
    if convention.deliberation is not None:  # voted, then in force once executory (CGCT, L. 2131-1)
        days.update((convention.deliberation.decided_on, convention.deliberation.in_force_on))
    if convention.financing is not None:
        days.update(_financing_days(on, after, facts.financing_signed_on, facts.documents, facts.payments))
    return days


def _financing_days(
    on: Callable[[dt.date], Assessment],
    after: Assessment,
    signed_on: dt.date | None,
    documents: Iterable[Document],
    payments: Iterable[Payment],
) -> set[dt.date]:
    """The days the financing terms may change something: the signature, the documents received, the
    documents' due dates and the days unpaid claims lapse (known once every input has happened)."""
    days = {document.received_on for document in documents}
    if signed_on is not None:
        days.add(signed_on)
    horizon = on(max([after.as_of, *days, *(payment.paid_on for payment in payments)]))
    for deadline in horizon.deadlines:  # a document's last day, or the day a claim lapses
        days.add(deadline.lapses_on or deadline.due_on)
    return days


def _blocking(assessment: Assessment) -> set[Condition]:
    return {unmet.condition for unmet in assessment.blocking}


def _events_on(day: dt.date, before: Assessment | None, current: Assessment) -> list[ScheduleEvent]:
    """The events of one day, from the assessments of the day before and of the day."""
    accrued = ZERO if before is None else before.accrued
    releasable = ZERO if before is None else before.releasable
    released = (
        None if current.convention.financing is None else ZERO if before is None else before.payable_before_payments
    )
    blocked_before = _blocking(current if before is None else before)
    events: list[ScheduleEvent] = []

    for kind, programme_year, contract, amount in _accruing_on(day, current):
        accrued += amount
        if not blocked_before:
            releasable += amount
        events.append(
            ScheduleEvent(
                on=day,
                kind=kind,
                clause=Clause.C2,
                amount=amount,
                accrued=accrued,
                releasable=releasable,
                programme_year=programme_year,
                contract=contract,
                released=released,
            )
        )

    blocked_now = _blocking(current)
    lifted = [kind for kind, condition in _RELEASES.items() if condition in blocked_before - blocked_now]
    for position, kind in enumerate(lifted):
        released_now = current.releasable - releasable if position == len(lifted) - 1 else ZERO
        releasable += released_now
        events.append(
            ScheduleEvent(
                on=day,
                kind=kind,
                clause=_RELEASES[kind].clause,
                amount=released_now,
                accrued=accrued,
                releasable=releasable,
                contract=_target_contract(current) if kind is EventKind.TARGET_REACHED else None,
                released=released,
                basis=_RELEASES[kind].basis,
            )
        )
    return events


def _add_financing_events(
    events: list[ScheduleEvent],
    day: dt.date,
    before: Assessment | None,
    current: Assessment,
    documents: Iterable[Document],
    on: Callable[[dt.date, Iterable[Document]], Assessment],
) -> None:
    """C3 « modalités » — the documents received, the balance released, the documents due and the claims
    that lapse on ``day``; then the day's last event carries the day's change of what may be paid."""
    running = ZERO if before is None else before.payable_before_payments
    last = events[-1] if events else None
    accrued = current.accrued if last is None or last.on != day else last.accrued
    releasable = current.releasable if last is None or last.on != day else last.releasable

    def event(kind: EventKind, amount: Decimal, **details: Any) -> ScheduleEvent:
        return ScheduleEvent(
            on=day,
            kind=kind,
            clause=Clause.C3,
            amount=amount,
            accrued=accrued,
            releasable=releasable,
            released=running,
            **details,
        )

    balance_released = before is not None and before.balance_held > 0 and current.balance_held == 0
    for key in _received_on(documents, day):
        # What this document releases: the day's figure less the figure without it.
        without = on(day, [document for document in documents if document.key != key or document.received_on < day])
        amount = current.payable_before_payments - without.payable_before_payments
        if key[0] is DocumentKind.FINAL_REPORT and balance_released:
            balance_released = False  # the final report releases the balance: shown on its own event
        running += amount
        events.append(event(EventKind.DOCUMENT_RECEIVED, amount, **_covering(key)))
    if balance_released:
        amount = current.payable_before_payments - running
        running += amount
        events.append(event(EventKind.BALANCE_RELEASED, amount, document=DocumentKind.FINAL_REPORT))
    for deadline in current.deadlines:
        document = deadline.kind.document
        if document is not None and deadline.due_on == day and deadline.received_on is None:
            events.append(
                event(
                    EventKind.DOCUMENT_DUE,
                    deadline.amount,
                    basis=deadline.basis,
                    **_covering((document, deadline.covers)),
                )
            )
    for unmet in current.unmet:
        if unmet.condition is Condition.CLAIM_TIME_BARRED and unmet.lapsed_on == day:
            events.append(event(EventKind.CLAIM_TIME_BARRED, unmet.amount, basis=unmet.basis))
    day_events = [position for position in range(len(events)) if events[position].on == day]
    if day_events and events[day_events[-1]].released != current.payable_before_payments:
        events[day_events[-1]] = attrs.evolve(events[day_events[-1]], released=current.payable_before_payments)


def _received_on(documents: Iterable[Document], day: dt.date) -> list[tuple[DocumentKind, str | int | None]]:
    """The documents that first came in on ``day``, each once, in the order of their kinds."""
    first = first_received(documents)
    order = list(DocumentKind)
    return sorted(
        (key for key, received in first.items() if received == day),
        key=lambda key: (order.index(key[0]), key[1] if isinstance(key[1], int) else 0, str(key[1] or "")),
    )


def _covering(key: tuple[DocumentKind, str | int | None]) -> dict[str, Any]:
    """A document's kind and what it covers, as the fields of an event."""
    kind, covers = key
    return {
        "document": kind,
        "contract": covers if isinstance(covers, str) else None,
        "programme_year": covers if isinstance(covers, int) else None,
    }


def _accruing_on(day: dt.date, assessment: Assessment) -> list[tuple[EventKind, int, str | None, Decimal]]:
    """C2, C3 — the items that accrue on ``day``, in the order of the entitlement: (kind, year, contract, amount)."""
    items: list[tuple[EventKind, int, str | None, Decimal]] = []
    at_year_end = assessment.convention.accrual is Accrual.AT_YEAR_END
    for year in assessment.years:
        if at_year_end:
            if year.operating_grant_accrues_on == day and year.entitled:
                items.append((EventKind.YEAR_CLOSES, year.index, None, year.entitled))
            continue
        if year.operating_grant_accrues_on == day and year.operating_grant:
            items.append((EventKind.YEAR_OPENS, year.index, None, year.operating_grant))
        for reference in year.funded:
            contract = assessment.contract(reference)
            if contract.accrues_on == day and contract.grant:
                items.append((EventKind.CONTRACT_SIGNED, year.index, reference, contract.grant))
    return items


def _target_contract(assessment: Assessment) -> str | None:
    """C3 — the eligible contract whose signature makes the count reach the required number."""
    eligible = [contract.reference for contract in assessment.contracts if contract.status in ELIGIBLE_STATUSES]
    required = assessment.convention.required_contracts
    return eligible[required - 1] if 0 < required <= len(eligible) else None
