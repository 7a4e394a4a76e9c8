"""The payment forecast: what becomes payable and when, each missing document assumed on its due date.

ASSUMPTION, said as such: :func:`assumed_documents` lists the supporting
documents the financing terms require and the facts lack, as if each came in on
its last day; :func:`payment_forecast` assesses the case with them on each day
the schedule names, and :func:`payable_by_budget_year` adds the changes by
calendar year (exercice budgétaire).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import attrs

from ..rules._convention import Convention
from ..rules._documents import Document
from ..rules._engine import assess
from ..rules._facts import Facts, facts_from
from ..rules._model import Contract, Payment
from ..rules._money import ZERO, in_money_context
from ..rules._outcome import Assessment
from ..words._errors import InvalidInput, kind_of, shown
from ._schedule import next_day, schedule

__all__ = ["PayableDay", "assumed_documents", "payable_by_budget_year", "payment_forecast"]


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
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))


def _assumed(convention: Convention, facts: Facts, days_late: int) -> tuple[Document, ...]:
    as_of = facts.as_of
    horizon = assess(convention, facts.replace(as_of=max(as_of, next_day(convention.period.end))))
    if convention.financing is None:
        return ()
    have = {document.key for document in horizon.documents}
    signed_on = horizon.financing_signed_on
    assumed = []
    for deadline in horizon.deadlines:
        kind = deadline.kind.document
        if kind is None or (kind, deadline.covers) in have:
            continue
        day = max(deadline.due_on + dt.timedelta(days=days_late), next_day(as_of))
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
        events = schedule(convention, given.replace(documents=()))
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
