"""Planning for finance departments and analysts: budget years, a forecast, what-ifs.

The deliberation ends with « les crédits nécessaires au versement de cette somme
globale seront prélevés sur les budgets des exercices concernés »: the métropole
votes its budget by calendar year (exercice budgétaire), while the programme runs
from July to June (C1). The tools here answer a finance officer's questions from
the figures of :func:`assess` and never apply a rule themselves:

- :func:`budget_years` (``Assessment.by_budget_year()``): an assessment cut by
  calendar year, with the same totals to the cent;
- :func:`schedule`: the dated events at which money accrues or is released, with
  the running totals after each, so that planned contracts give a calendar; with
  financing terms, also the documents received and due, the balance, and the
  four-year limitation;
- :func:`payment_forecast`: what becomes payable and when, assuming each missing
  supporting document comes in on its due date (an assumption, said as such);
- :func:`sweep`: one flat row per date or per variant of the convention, for a
  what-if table (the reconsideration that C5 allows, for example).

Each has a renderer here as text, Markdown and JSON-ready data, in English and
French, and flat records for ``pandas.DataFrame`` (pandas stays optional), which
:func:`propulseur_rules.planning.json_ready` turns into JSON-ready data.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..reports._layout import report_text, table
from ..reports._messages import readings_text
from ..reports._render import assessment_records
from ..rules._clauses import Clause
from ..rules._convention import Accrual, Convention
from ..rules._dates import to_date
from ..rules._documents import Document, DocumentKind, first_received
from ..rules._engine import assess
from ..rules._facts import Facts, facts_from
from ..rules._legal import LegalBasis
from ..rules._model import Contract, Payment
from ..rules._money import ZERO, in_money_context, money_text
from ..rules._outcome import (
    ELIGIBLE_STATUSES,
    MONEY_FIGURES,
    Assessment,
    Condition,
    ContractStatus,
    Deadline,
    DeadlineKind,
)
from ..words._catalogue import say
from ..words._errors import InvalidInput, shown
from ..words._format import format_date, format_money
from ..words._language import LANGUAGES, check_lang
from ._forecast import Forecast
from ._readings import Reading

__all__ = [
    "BudgetYear",
    "EventKind",
    "PayableDay",
    "ScheduleEvent",
    "assumed_documents",
    "budget_years",
    "budget_years_to_dict",
    "event_label",
    "payable_by_budget_year",
    "payment_forecast",
    "records",
    "render_budget_years",
    "render_schedule",
    "schedule",
    "schedule_to_dict",
    "sweep",
]

_ONE_DAY = dt.timedelta(days=1)


# --- budget years ---------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class BudgetYear:
    """One calendar year (exercice budgétaire) of an assessment.

    ``accrued`` is what accrued in the year (an operating grant on the day it
    accrues, a contract grant on its own day); ``releasable`` is the part of it
    that is releasable on the date of the assessment; ``paid`` is what was paid
    in the year, by payment date. The rows add up to the assessment's
    ``accrued``, ``releasable`` and ``paid``, to the cent.
    """

    year: int
    accrued: Decimal
    releasable: Decimal
    paid: Decimal


@in_money_context
def budget_years(assessment: Assessment) -> tuple[BudgetYear, ...]:
    """The assessment cut by calendar year, one row per year, the totals unchanged.

    The rows cover every calendar year from the start of the period to the date
    of the assessment or the end of the period, whichever is later, and the years
    of any counted payment. ``releasable`` follows ``accrued`` year by year when
    nothing is withheld and is zero in every row when everything is (the rules
    withhold all or nothing: C3, C4, C9); were only part withheld, it would be
    taken from the latest years first, so the rows would still add up.

    Documents change no row: with financing terms, what waits for a supporting
    document and the balance held are parts of what is releasable, shown by the
    assessment as a whole (``awaiting_documents``, ``balance_held``), not cut by
    year; the rows still add up to the totals. When that money becomes payable
    is the question of :func:`payment_forecast` and :func:`payable_by_budget_year`.
    """
    as_of = assessment.as_of
    accrued: dict[int, Decimal] = {}
    paid: dict[int, Decimal] = {}
    for year in assessment.years:
        if year.operating_grant_accrues_on <= as_of:
            day = year.operating_grant_accrues_on
            accrued[day.year] = accrued.get(day.year, ZERO) + year.operating_grant
    for contract in assessment.contracts:
        if (
            contract.status is ContractStatus.FUNDED
            and contract.accrues_on is not None
            and contract.accrues_on <= as_of
        ):
            day = contract.accrues_on
            accrued[day.year] = accrued.get(day.year, ZERO) + contract.grant
    for payment in assessment.payments:
        paid[payment.paid_on.year] = paid.get(payment.paid_on.year, ZERO) + payment.amount

    period = assessment.convention.period
    first = min([period.start.year, *accrued, *paid])
    last = max([as_of.year, period.end.year, *accrued, *paid])

    # Withheld money is taken from the latest years first; with the engine's all
    # or nothing, that is every year or none.
    releasable: dict[int, Decimal] = {}
    to_withhold = assessment.withheld
    for calendar_year in range(last, first - 1, -1):
        year_accrued = accrued.get(calendar_year, ZERO)
        held = min(to_withhold, year_accrued)
        to_withhold -= held
        releasable[calendar_year] = year_accrued - held

    return tuple(
        BudgetYear(
            year=calendar_year,
            accrued=accrued.get(calendar_year, ZERO),
            releasable=releasable[calendar_year],
            paid=paid.get(calendar_year, ZERO),
        )
        for calendar_year in range(first, last + 1)
    )


# --- the forecast ---------------------------------------------------------------------


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


def _next_day(day: dt.date) -> dt.date:
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
    authorisation is validated and the deliberation voted; with terms, the day
    the financing convention is signed, the days documents come in, their due
    dates and the days claims lapse), so assessing on any date gives the running
    totals of the last event on or before it. Payments do not move ``accrued``,
    ``releasable`` or ``released``; they are checked as ``assess`` checks them,
    and they settle the claims that would otherwise lapse.

    The facts may come as one :class:`~propulseur_rules.Facts` in place of the
    contracts; its ``as_of`` is not read, the schedule covering every day.
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=type(convention).__name__)
    # Every item has accrued the day after the period ends: the day of the facts given as keywords.
    end = _next_day(convention.period.end)
    facts = facts_from(
        contracts,
        as_of=None if isinstance(contracts, Facts) else end,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    authorised_on, signed_on, documents = facts.regional_authorisation_on, facts.financing_signed_on, facts.documents

    def on(day: dt.date, received: Iterable[Document] = documents) -> Assessment:
        return assess(convention, facts.replace(as_of=day, documents=received))

    after = on(end)
    days = {year.operating_grant_accrues_on for year in after.years}
    days.update(contract.accrues_on for contract in after.contracts if contract.accrues_on is not None)
    days.update(contract.signed_on for contract in facts.contracts)
    if authorised_on is not None:
        days.add(authorised_on)
    if convention.deliberation is not None:
        days.add(convention.deliberation.decided_on)
    if convention.financing is not None:
        days.update(_financing_days(on, after, signed_on, documents, facts.payments))

    events: list[ScheduleEvent] = []
    ordered = sorted(days)
    before: Assessment | None = on(ordered[0] - _ONE_DAY) if ordered[0] > dt.date.min else None
    for day in ordered:
        current = on(day)
        events.extend(_events_on(day, before, current))
        if convention.financing is not None:
            _add_financing_events(events, day, before, current, documents, on)
        before = current
    return tuple(events)


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


# --- the payment forecast: documents assumed on their due dates ---------------------


@attrs.frozen(kw_only=True)
class PayableDay:
    """A day on which what may be paid changes, in a :func:`payment_forecast`.

    ``released`` is what may be paid in all by the end of the day, payments
    aside (``releasable - awaiting_documents - balance_held`` of :func:`assess`
    on that day); ``change`` is its change from the previous row (the first
    row's is ``released`` itself); ``paid`` is what has been paid by then and
    ``payable`` what may be paid that day, ``max(0, released - paid)``.
    ``assumed`` are the documents the forecast assumes come in that day.
    """

    on: dt.date
    released: Decimal
    change: Decimal
    paid: Decimal
    payable: Decimal
    assumed: tuple[Document, ...] = ()


def assumed_documents(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    as_of: dt.date | None = None,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
    days_late: int = 0,
) -> tuple[Document, ...]:
    """ASSUMPTION — each document the terms require and ``documents`` lack, as if it came in on time.

    A missing document is assumed received ``days_late`` days after its last day;
    one whose day has passed by ``as_of`` (overdue) cannot come in earlier than
    the day after ``as_of``, the first day of the forecast, so that ``as_of``
    keeps the figures of :func:`assess` on that day. Never before the financing
    convention is signed. The facts may come as one :class:`~propulseur_rules.Facts`.
    """
    _check_plan(convention, days_late)
    facts = facts_from(
        contracts,
        as_of=as_of,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    return _assumed(convention, facts, days_late)


def _check_plan(convention: object, days_late: object) -> None:
    if isinstance(days_late, bool) or not isinstance(days_late, int) or not 0 <= days_late <= 3660:
        raise InvalidInput("days_late", "error.expected_days_late", value=shown(days_late))
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=type(convention).__name__)


def _assumed(convention: Convention, facts: Facts, days_late: int) -> tuple[Document, ...]:
    as_of = facts.as_of
    horizon = assess(convention, facts.replace(as_of=max(as_of, _next_day(convention.period.end))))
    if convention.financing is None:
        return ()
    have = {document.key for document in horizon.documents}
    signed_on = horizon.financing_signed_on
    assumed = []
    for deadline in horizon.deadlines:
        kind = deadline.kind.document
        if kind is None or (kind, deadline.covers) in have:
            continue
        day = max(deadline.due_on + dt.timedelta(days=days_late), _next_day(as_of))
        if signed_on is not None:
            day = max(day, signed_on)
        assumed.append(Document(kind=kind, received_on=day, covers=deadline.covers))
    return tuple(assumed)


@in_money_context
def payment_forecast(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    as_of: dt.date | None = None,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
    days_late: int = 0,
) -> tuple[PayableDay, ...]:
    """What becomes payable and when, if every missing document comes in on its last day.

    ASSUMPTION (:func:`assumed_documents`): each supporting document not yet
    received arrives ``days_late`` days after its due date, an overdue one the
    day after ``as_of``; contracts and payments dated after ``as_of`` are
    planned ones, as in :func:`schedule`. The first row is ``as_of`` itself,
    with the figures of :func:`assess` on that day; then one row per later day on
    which what may be paid changes. :func:`payable_by_budget_year` adds the
    changes by calendar year. Without financing terms nothing waits for a
    document: the rows follow what becomes releasable. The facts may come as one
    :class:`~propulseur_rules.Facts`.
    """
    _check_plan(convention, days_late)
    given = facts_from(
        contracts,
        as_of=as_of,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    assumed = _assumed(convention, given, days_late)
    facts = given.replace(documents=(*given.documents, *assumed))
    as_of = facts.as_of
    today = assess(convention, facts)
    rows = [_payable_day(today, today.payable_before_payments, assumed)]
    if convention.financing is None:
        events = schedule(convention, given.replace(financing_signed_on=None, documents=()))
    else:
        events = schedule(convention, facts)
    days = sorted({event.on for event in events if event.on > as_of})
    for day in days:
        assessment = assess(convention, facts.replace(as_of=day))
        released = assessment.payable_before_payments
        arriving = tuple(document for document in assumed if document.received_on == day)
        if released != rows[-1].released or arriving:
            rows.append(_payable_day(assessment, released - rows[-1].released, arriving))
    return tuple(rows)


def _payable_day(assessment: Assessment, change: Decimal, assumed: Iterable[Document]) -> PayableDay:
    released = assessment.payable_before_payments
    return PayableDay(
        on=assessment.as_of,
        released=released,
        change=change,
        paid=assessment.paid,
        payable=max(ZERO, released - assessment.paid),
        assumed=tuple(document for document in assumed if document.received_on == assessment.as_of),
    )


def payable_by_budget_year(forecast: Iterable[PayableDay]) -> dict[int, Decimal]:
    """The changes of a :func:`payment_forecast` added by calendar year (exercice budgétaire).

    The first row counts in its own year with everything released by then, so
    the years add up to the last row's ``released`` to the cent.
    """
    years: dict[int, Decimal] = {}
    for row in forecast:
        years[row.on.year] = years.get(row.on.year, ZERO) + row.change
    return years


# --- what-if --------------------------------------------------------------------------


def _dates(value: object) -> list[dt.date]:
    if isinstance(value, (dt.date, str)) or type(value).__name__ == "datetime64":  # numpy's, never imported
        return [to_date(value, "as_of")]
    if isinstance(value, bytes) or not isinstance(value, Iterable):
        raise InvalidInput("as_of", "error.expected_dates", type=type(value).__name__)
    return [to_date(day, f"as_of[{position}]") for position, day in enumerate(value)]


def _variants(value: object) -> list[Convention]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Convention)) or not isinstance(value, Iterable):
        raise InvalidInput("conventions", "error.expected_conventions", type=type(value).__name__)
    variants = list(value)
    for position, variant in enumerate(variants):
        if not isinstance(variant, Convention):
            raise InvalidInput(f"conventions[{position}]", "error.expected_convention", type=type(variant).__name__)
    return variants


def _changed(original: Convention, variant: Convention) -> str:
    """The names of the parameters in which a variant differs from the original, comma-separated."""
    return ", ".join(
        field.name
        for field in attrs.fields(Convention)
        if getattr(original, field.name) != getattr(variant, field.name)
    )


def sweep(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    as_of: dt.date | Iterable[dt.date] | None = None,
    conventions: Iterable[Convention] | None = None,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
) -> list[dict[str, Any]]:
    """What-if: one flat row per case, ready for ``pandas.DataFrame`` (JSON through ``json_ready``).

    The cases are ``convention`` then each of ``conventions`` (variants made with
    ``Convention.replace``), each assessed on each date of ``as_of`` (one date or
    several). A row holds the case (``variant`` 0 is ``convention``, 1 the first
    variant…, ``changed`` the parameters a variant changes), the date, the main
    parameters, the contract counts and the money figures of :func:`assess`:
    money as ``Decimal``, dates as ``date``. The facts may come as one
    :class:`~propulseur_rules.Facts`, assessed on its ``as_of`` or on the dates of ``as_of``.
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=type(convention).__name__)
    days = [contracts.as_of] if isinstance(contracts, Facts) and as_of is None else _dates(as_of)
    cases = [convention, *_variants(conventions)]
    if not days:
        return []
    facts = facts_from(
        contracts,
        as_of=None if isinstance(contracts, Facts) else days[0],
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    rows: list[dict[str, Any]] = []
    for variant, case in enumerate(cases):
        for day in days:
            assessment = assess(case, facts.replace(as_of=day))
            rows.append(_sweep_row(len(rows) + 1, variant, _changed(convention, case), assessment))
    return rows


def _sweep_row(case: int, variant: int, changed: str, assessment: Assessment) -> dict[str, Any]:
    convention = assessment.convention
    statuses = [contract.status for contract in assessment.contracts]
    return {
        "case": case,
        "variant": variant,
        "changed": changed,
        "as_of": assessment.as_of,
        "convention": convention.reference,
        "total_cap": convention.total_cap,
        "operating_grant_per_year": convention.operating_grant_per_year,
        "grant_per_contract": convention.grant_per_contract,
        "max_funded_contracts_per_year": convention.max_funded_contracts_per_year,
        "required_contracts": convention.required_contracts,
        "target_policy": convention.target_policy.value,
        "accrual": convention.accrual.value,
        "places": convention.places.value,
        "signing_deadline": convention.signing_deadline,
        "selected_from": convention.selected_from,
        "regional_authorisation_on": assessment.regional_authorisation_on,
        "funded_contracts": statuses.count(ContractStatus.FUNDED),
        "over_annual_limit_contracts": statuses.count(ContractStatus.OVER_ANNUAL_LIMIT),
        "supplementary_contracts": statuses.count(ContractStatus.SUPPLEMENTARY),
        "eligible_contracts": assessment.eligible_contracts,
        "target_met": assessment.target_met,
        **{name: getattr(assessment, name) for name in MONEY_FIGURES},
        "blocking": ", ".join(unmet.condition.value for unmet in assessment.blocking),
    }


# --- flat records for DataFrames ------------------------------------------------------

_RECORDS_BY = ("contract", "programme_year", "budget_year", "deadline")


def records(result: object, by: str = "contract") -> list[dict[str, Any]]:
    """Flat records of a result, one dict per row, ready for ``pandas.DataFrame``.

    For an assessment, one record per contract, per programme year, per budget
    year or per deadline: ``by`` is ``"contract"``, ``"programme_year"``,
    ``"budget_year"`` or ``"deadline"``, also spelt as on the command line
    (``"programme-year"``, ``"budget-year"``). Each record repeats the date of the
    assessment and the convention's reference, so that records of several
    assessments can be stacked in one table.

    With financing terms (``Convention.financing``), a contract's record also has
    its copy's due date, the day it came in and the money waiting for it
    (``copy_due_on``, ``copy_received_on``, ``awaiting_copy``), and a programme
    year's the same for its financial statement (``statement_due_on``,
    ``statement_received_on``, ``awaiting_statement``: the next year's money that
    waits for it); ``by="deadline"`` lists ``Assessment.deadlines`` (empty
    without terms), each article of law by its key. Without terms the records
    are those of the first release.

    The other planning results give records too: the events of :func:`schedule`,
    the rows of :func:`budget_years` and of ``compare_readings`` (one per item,
    enums as their values; an event's ``basis`` by its key, its ``released``,
    ``document`` and ``basis`` only with financing terms), the days of
    :func:`payment_forecast` (the documents assumed as text), a ``Forecast``
    (one row per budget year: the mean and each percentile as ``p10``,
    ``p50``…) and the rows of :func:`sweep` (copied). Money stays ``Decimal`` and dates stay ``date``;
    :func:`propulseur_rules.planning.json_ready` makes any of them JSON.
    """
    if isinstance(result, Assessment):
        return _assessment_records(result, by)
    if by != "contract":
        raise InvalidInput("by", "error.cut_by_assessment_only", value=shown(by))
    if isinstance(result, Forecast):
        return [
            {
                "convention": result.convention.reference,
                "budget_year": year,
                "mean": result.mean[year],
                **{f"p{level}": result.payments[year][level] for level in result.quantiles},
            }
            for year in result.budget_years
        ]
    if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
        raise InvalidInput("result", "error.expected_result", type=type(result).__name__)
    rows: list[dict[str, Any]] = []
    for position, item in enumerate(result):
        if isinstance(item, ScheduleEvent):
            row = {field.name: _plain_value(getattr(item, field.name)) for field in attrs.fields(ScheduleEvent)}
            if item.released is None:  # no financing terms: the columns of the first release
                for name in ("released", "document", "basis"):
                    del row[name]
            rows.append(row)
        elif isinstance(item, PayableDay):
            row = {field.name: getattr(item, field.name) for field in attrs.fields(PayableDay)}
            row["assumed"] = "; ".join(_document_text(document) for document in item.assumed)
            rows.append(row)
        elif isinstance(item, (BudgetYear, Reading)):
            rows.append({field.name: _plain_value(getattr(item, field.name)) for field in attrs.fields(type(item))})
        elif isinstance(item, dict):
            rows.append(dict(item))
        else:
            raise InvalidInput(f"result[{position}]", "error.expected_result_row", type=type(item).__name__)
    return rows


def _plain_value(value: object) -> object:
    if isinstance(value, LegalBasis):
        return value.key
    return value.value if isinstance(value, enum.Enum) else value


def _document_text(document: Document) -> str:
    """A document as ``kind`` or ``kind covers``: ``contract_copy PRO-2025-13``, ``final_report``."""
    return document.kind.value if document.covers is None else f"{document.kind.value} {document.covers}"


def _assessment_records(assessment: Assessment, by: str) -> list[dict[str, Any]]:
    if isinstance(by, str) and by.replace("-", "_") in _RECORDS_BY:
        by = by.replace("-", "_")
    common: dict[str, Any] = {"as_of": assessment.as_of, "convention": assessment.convention.reference}
    documents = {
        (deadline.kind, deadline.covers): deadline
        for deadline in assessment.deadlines
        if deadline.kind is not DeadlineKind.LIMITATION
    }
    with_terms = assessment.convention.financing is not None
    if by == "contract":
        rows = assessment_records(assessment)
        if with_terms:
            for row in rows:
                row.update(_document_columns("copy", documents.get((DeadlineKind.CONTRACT_COPY, row["reference"]))))
        return rows
    if by == "deadline":
        return [
            {
                **common,
                "kind": deadline.kind.value,
                "due_on": deadline.due_on,
                "covers": None if deadline.covers is None else str(deadline.covers),
                "amount": deadline.amount,
                "received_on": deadline.received_on,
                "arose_on": deadline.arose_on,
                "overdue": deadline.overdue,
                "basis": None if deadline.basis is None else deadline.basis.key,
            }
            for deadline in assessment.deadlines
        ]
    if by == "programme_year":
        rows = [
            {
                **common,
                "programme_year": year.index,
                "label": year.period.label,
                "start": year.period.start,
                "end": year.period.end,
                "operating_grant": year.operating_grant,
                "operating_grant_accrues_on": year.operating_grant_accrues_on,
                "contract_grants": year.contract_grants,
                "entitled": year.entitled,
                "accrued": year.accrued,
                "funded": len(year.funded),
                "over_annual_limit": len(year.over_annual_limit),
                "supplementary": len(year.supplementary),
            }
            for year in assessment.years
        ]
        if with_terms:
            for row in rows:
                statement = documents.get((DeadlineKind.FINANCIAL_STATEMENT, row["programme_year"]))
                row.update(_document_columns("statement", statement))
        return rows
    if by == "budget_year":
        return [{**common, **attrs.asdict(row)} for row in budget_years(assessment)]
    raise InvalidInput("by", "error.not_one_of", value=shown(by), choices=", ".join(_RECORDS_BY))


def _document_columns(prefix: str, deadline: Deadline | None) -> dict[str, Any]:
    """A document's due date, the day it came in and the money that waits for it, as record columns."""
    return {
        f"{prefix}_due_on": None if deadline is None else deadline.due_on,
        f"{prefix}_received_on": None if deadline is None else deadline.received_on,
        f"awaiting_{prefix}": ZERO if deadline is None else deadline.amount,
    }


# --- renderers: text, Markdown and JSON-ready data ------------------------------------


def budget_years_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The budget-year view as JSON-ready data (money as ``"15000.00"``), with the totals."""
    rows = budget_years(assessment)
    return {
        "as_of": assessment.as_of.isoformat(),
        "convention": assessment.convention.reference,
        "budget_years": [
            {
                "year": row.year,
                "accrued": money_text(row.accrued),
                "releasable": money_text(row.releasable),
                "paid": money_text(row.paid),
            }
            for row in rows
        ],
        "total": {
            "accrued": money_text(assessment.accrued),
            "releasable": money_text(assessment.releasable),
            "paid": money_text(assessment.paid),
        },
    }


def render_budget_years(assessment: Assessment, lang: str = "en", markdown: bool = False) -> str:
    """The budget-year view as a table in text or Markdown, with a total row, in English or French."""
    check_lang(lang)
    money = functools.partial(format_money, lang=lang)
    title = say(
        "report.budget_title",
        lang,
        reference=assessment.convention.reference,
        as_of=format_date(assessment.as_of, lang),
    )
    rows = [
        [str(row.year), money(row.accrued), money(row.releasable), money(row.paid)] for row in budget_years(assessment)
    ]
    rows.append(
        [
            say("report.budget_total", lang),
            money(assessment.accrued),
            money(assessment.releasable),
            money(assessment.paid),
        ]
    )
    budget_table = table(
        [say("report." + key, lang) for key in ("budget_year", "accrued", "releasable", "paid")],
        rows,
        markdown,
        right={1, 2, 3},
    )
    lines = [f"# {title}", ""] if markdown else [title, ""]
    lines += [*budget_table, "", say("report.budget_note", lang)]
    return report_text(lines, markdown)


#: The events of the financing terms, whose labels name a document and what it covers.
_FINANCING_EVENTS = frozenset(
    {
        EventKind.FINANCING_SIGNED,
        EventKind.DOCUMENT_RECEIVED,
        EventKind.BALANCE_RELEASED,
        EventKind.DOCUMENT_DUE,
        EventKind.CLAIM_TIME_BARRED,
    }
)


def event_label(event: ScheduleEvent, convention: Convention, lang: str = "en") -> str:
    """What happens at an event, in a few words, in English or French."""
    check_lang(lang)
    key = f"report.event_{event.kind.value}"
    if event.kind in _FINANCING_EVENTS:
        covering = ""
        if event.contract is not None and event.document is not None:
            covering = say("report.covering_contract", lang, contract=event.contract)
        elif event.programme_year is not None and event.document is not None:
            covering = say("report.covering_year", lang, index=event.programme_year)
        document = "" if event.document is None else event.document.label(lang)
        return say(key, lang, document=document, covering=covering)
    label = ""
    if event.programme_year is not None and 0 < event.programme_year <= len(convention.programme_years):
        label = convention.programme_years[event.programme_year - 1].label
    return say(
        key,
        lang,
        index=event.programme_year,
        label=label,
        contract=event.contract if event.contract is not None else "",
    )


def schedule_to_dict(convention: Convention, events: Iterable[ScheduleEvent]) -> dict[str, Any]:
    """The forecast as JSON-ready data: each event with its date, kind, clause, amount and running totals."""
    return {
        "convention": convention.reference,
        "events": [
            {
                "on": event.on.isoformat(),
                "kind": event.kind.value,
                "clause": event.clause.value,
                "amount": money_text(event.amount),
                "accrued": money_text(event.accrued),
                "releasable": money_text(event.releasable),
                "programme_year": event.programme_year,
                "contract": event.contract,
                "label": {lang: event_label(event, convention, lang) for lang in LANGUAGES},
                **_financing_fields(event),
            }
            for event in events
        ],
    }


def _financing_fields(event: ScheduleEvent) -> dict[str, Any]:
    """The fields an event has with financing terms only, so that a schedule without them is unchanged."""
    if event.released is None:
        return {}
    return {
        "released": money_text(event.released),
        "document": None if event.document is None else event.document.value,
        "basis": None if event.basis is None else event.basis.citation,
    }


def render_schedule(
    convention: Convention, events: Iterable[ScheduleEvent], lang: str = "en", markdown: bool = False
) -> str:
    """The forecast as a table in text or Markdown, in English or French."""
    check_lang(lang)
    money = functools.partial(format_money, lang=lang)
    title = say("report.schedule_title", lang, reference=convention.reference)
    readings = readings_text(convention, lang)
    lines = [f"# {title}", "", readings, ""] if markdown else [title, readings, ""]
    events = tuple(events)
    with_terms = convention.financing is not None
    rows = [
        [
            format_date(event.on, lang),
            event_label(event, convention, lang),
            _cited(event),
            money(event.amount),
            money(event.accrued),
            money(event.releasable),
            *([money(event.released if event.released is not None else ZERO)] if with_terms else []),
        ]
        for event in events
    ]
    if rows:
        headers = [
            say("report." + key, lang)
            for key in (
                "schedule_date",
                "schedule_event",
                "schedule_clause",
                "schedule_amount",
                "accrued",
                "releasable",
            )
        ]
        right = {3, 4, 5}
        if with_terms:
            headers.append(say("report.schedule_released", lang))
            right.add(6)
        lines += [*table(headers, rows, markdown, right=right), "", say("report.schedule_note", lang)]
        if with_terms:
            lines.append(say("report.schedule_financing_note", lang))
    else:
        lines.append(say("report.schedule_empty", lang))
    return report_text(lines, markdown)


def _cited(event: ScheduleEvent) -> str:
    """The clause of an event, and the short citation of its article of law when it has one."""
    return event.clause.value if event.basis is None else f"{event.clause.value}, {event.basis.citation}"
