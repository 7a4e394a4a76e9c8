"""The financing convention's terms applied: which document releases which money, the balance, the deadlines.

C3: the payment « interviendra selon les modalités définies dans la convention de
financement ». When a convention has :class:`~._financing.FinancingTerms`,
:func:`~._engine.assess` runs three more steps after it has settled what is
releasable under the deliberation:

7. :func:`release` — each earned item in parts, each part with the document that
   releases it; what waits for a document, and the balance (« solde ») held until
   the target of C3 is met and the final report is in;
8. :func:`document_deadlines` — every document the terms require, its last day,
   whether it came in, and the money that waits for it;
9. :func:`limitation_deadlines` — the claims still unpaid, oldest first, with the
   last day before the four-year limitation (loi n° 68-1250, art. 1er).

Without financing terms none of them runs: what is releasable is payable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from ._clauses import Clause
from ._dates import Period
from ._documents import DocumentKind, RequiredDocument, required_documents
from ._financing import FinancingTerms, operating_grant_parts, share_of, statement_year_for
from ._financing import last_day_to_claim as _last_day_to_claim
from ._financing import prescribed_on as _prescribed_on
from ._legal import FINANCIAL_STATEMENT_DEADLINE, FOUR_YEAR_LIMITATION, LIMITATION_INTERRUPTED
from ._limitation import lapse_year
from ._money import ZERO
from ._outcome import Deadline, DeadlineKind, ReleasedPart

__all__ = [
    "Claim",
    "Part",
    "Release",
    "document_deadlines",
    "limitation_deadlines",
    "parts_of",
    "release",
    "released_parts",
]

#: A document as the terms name it: its kind and what it covers.
DocumentKey = tuple[DocumentKind, str | int | None]

_FINAL_REPORT: DocumentKey = (DocumentKind.FINAL_REPORT, None)


@attrs.frozen
class Part:
    """A part of an earned item and the document that releases it (``None``: no document is needed)."""

    amount: Decimal
    accrues_on: dt.date
    document: DocumentKey | None


def parts_of(
    terms: FinancingTerms, year: int, contract: str | None, amount: Decimal, accrues_on: dt.date
) -> tuple[Part, ...]:
    """An item of money in the parts the terms release separately.

    A contract's grant waits for the copy of the contract. A year's operating
    grant is an advance (« avance ») that waits for nothing, and from year 2 a
    rest that waits for the previous year's financial statement.

    >>> parts = parts_of(FinancingTerms(), 2, None, Decimal("20000.00"), dt.date(2023, 7, 1))
    >>> [(str(part.amount), part.document) for part in parts]
    [('10000.00', None), ('10000.00', (<DocumentKind.FINANCIAL_STATEMENT: 'financial_statement'>, 1))]
    """
    if contract is not None:
        return (Part(amount, accrues_on, (DocumentKind.CONTRACT_COPY, contract)),)
    advance, rest = operating_grant_parts(amount, year, terms)
    statement_year = statement_year_for(year)
    parts = [Part(advance, accrues_on, None)]
    if rest and statement_year is not None:
        parts.append(Part(rest, accrues_on, (DocumentKind.FINANCIAL_STATEMENT, statement_year)))
    return tuple(parts)


@attrs.frozen
class Claim:
    """Money the beneficiary may claim: how much, and the day the right to it arose."""

    arose_on: dt.date
    amount: Decimal


@attrs.frozen
class Release:
    """Of what is releasable: what waits for each document, the balance held, and the claims payable.

    ``claims`` add up to ``releasable - awaiting - balance_held``, oldest first.
    ``released_on`` is the day the balance was released, the target met and the
    final report in (``None`` while it is held).
    """

    waiting: tuple[tuple[DocumentKey, Decimal], ...]
    awaiting: Decimal
    balance_held: Decimal
    claims: tuple[Claim, ...]
    released_on: dt.date | None = None

    def waiting_for(self, key: DocumentKey) -> Decimal:
        """The money that waits for that document."""
        return sum([amount for waited, amount in self.waiting if waited == key], ZERO)


def release(
    terms: FinancingTerms,
    parts: Sequence[Part],
    *,
    releasable: Decimal,
    received: Mapping[DocumentKey, dt.date],
    lifted_on: dt.date | None,
    target_met_on: dt.date | None,
) -> Release:
    """C3 « modalités » — what the documents received release, and the balance held.

    ``parts`` are the earned parts, ``received`` the day each document came in
    (by the date of the assessment), ``lifted_on`` the day the last blocking
    condition of the deliberation or of the law was lifted and ``target_met_on``
    the day the target of C3 was met (``None``: not yet). When a condition
    withholds everything, nothing is releasable and nothing waits.

    The balance is ``balance_share`` of what is releasable: the last money paid,
    held until the target is met and the final report is in. A right arises on
    the latest of the day the part is earned, the day its document came in and
    the day the conditions were lifted; the balance's, also the day it is released.
    """
    released_on = None
    if target_met_on is not None and _FINAL_REPORT in received:
        released_on = max(target_met_on, received[_FINAL_REPORT])
    if not releasable:
        return Release(waiting=(), awaiting=ZERO, balance_held=ZERO, claims=(), released_on=released_on)
    waiting: dict[DocumentKey, Decimal] = {}
    documented: list[Claim] = []
    for part in parts:
        if part.document is not None and part.document not in received:
            waiting[part.document] = waiting.get(part.document, ZERO) + part.amount
        elif part.amount:
            days = [part.accrues_on, *([received[part.document]] if part.document else []), *_days(lifted_on)]
            documented.append(Claim(max(days), part.amount))
    awaiting = sum(waiting.values(), ZERO)
    balance = min(share_of(releasable, terms.balance_share), releasable - awaiting)
    claims = _after_balance(sorted(documented, key=lambda claim: claim.arose_on), balance, released_on)
    return Release(
        waiting=tuple(waiting.items()),
        awaiting=awaiting,
        balance_held=ZERO if released_on is not None else balance,
        claims=claims,
        released_on=released_on,
    )


def _days(day: dt.date | None) -> list[dt.date]:
    return [] if day is None else [day]


def released_parts(
    accrued: Sequence[tuple[dt.date, Decimal]], lifts: Sequence[tuple[dt.date, Clause]], *, releasable: Decimal
) -> tuple[ReleasedPart, ...]:
    """C3, C4, C9 — what is releasable by the day it became so: nothing while a condition withholds all.

    Each item ``accrued`` (its day, its amount) is releasable from the day it
    accrued (C3) or, if later, the latest of ``lifts``, the days the conditions
    were lifted with their clauses (a tie goes to the first given). Amounts of one
    day and clause are added; the parts add up to ``releasable``.
    """
    if not releasable:
        return ()
    last = max(lifts, key=lambda lift: lift[0], default=None)
    totals: dict[tuple[dt.date, Clause], Decimal] = {}
    for day, amount in accrued:
        key = (day, Clause.C3) if last is None or day > last[0] else last
        if amount:
            totals[key] = totals.get(key, ZERO) + amount
    ordered = sorted(totals.items(), key=lambda total: (total[0][0], total[0][1].value))
    return tuple(ReleasedPart(released_on=day, clause=clause, amount=amount) for (day, clause), amount in ordered)


def _after_balance(claims: Sequence[Claim], balance: Decimal, released_on: dt.date | None) -> tuple[Claim, ...]:
    """The claims with the balance taken from the latest: dropped while it is held, else arising when released."""
    kept = list(claims)
    rest = balance
    tail: list[Claim] = []
    while rest and kept:
        last = kept.pop()
        taken = min(rest, last.amount)
        rest -= taken
        if last.amount > taken:
            kept.append(Claim(last.arose_on, last.amount - taken))
        if released_on is not None:
            tail.append(Claim(max(last.arose_on, released_on), taken))
    return tuple(sorted([*kept, *tail], key=lambda claim: claim.arose_on))


def document_deadlines(
    terms: FinancingTerms,
    outcome: Release,
    *,
    as_of: dt.date,
    period: Period,
    years: Sequence[Period],
    funded: Mapping[str, dt.date],
    received: Mapping[DocumentKey, dt.date],
) -> tuple[Deadline, ...]:
    """Every document the terms require, with its last day, whether it came in, and the money waiting for it.

    The copies are those of the funded contracts signed by the date (``funded``:
    reference → day of signature). The final report holds the balance.
    """
    return tuple(
        _document_deadline(needed, outcome, as_of, received.get(needed.key))
        for needed in required_documents(terms, period=period, years=years, contracts=funded)
    )


def _document_deadline(
    needed: RequiredDocument, outcome: Release, as_of: dt.date, received_on: dt.date | None
) -> Deadline:
    # The final report holds the balance; every other document, the parts it releases.
    final = needed.kind is DocumentKind.FINAL_REPORT
    amount = outcome.balance_held if final else outcome.waiting_for(needed.key)
    return Deadline(
        kind=DeadlineKind(needed.kind.value),
        due_on=needed.due_on,
        covers=needed.covers,
        amount=amount,
        received_on=received_on,
        overdue=needed.overdue(as_of, received_on),
        basis=FINANCIAL_STATEMENT_DEADLINE if needed.kind is DocumentKind.FINANCIAL_STATEMENT else None,
    )


def limitation_deadlines(
    claims: Sequence[Claim], paid: Decimal, as_of: dt.date, interruptions: Sequence[dt.date] = ()
) -> tuple[Deadline, ...]:
    """Loi n° 68-1250, art. 1er and 2 — the claims still unpaid, grouped by the year their four years start
    after, oldest first.

    Payments settle the oldest claims first. Without interruption a claim's four years start on
    1 January after the year it arose; each interruption (a payment, a written claim or letter,
    ``interruptions``) made before it lapsed starts them again from 1 January after the year of the
    interruption. A group's ``due_on`` is 31 December of the fourth year; once it has passed the funder
    may invoke the limitation (a debtor must invoke it). ``lapses_on``, the day after, is the first day
    the claim is time-barred; ``interrupted_on`` the interruption that set the period, if any.
    """
    rest = paid
    unpaid: dict[int, tuple[dt.date, Decimal]] = {}
    for claim in claims:
        settled = min(rest, claim.amount)
        rest -= settled
        if claim.amount > settled:
            year = lapse_year(claim.arose_on, interruptions)
            first, amount = unpaid.get(year, (claim.arose_on, ZERO))
            unpaid[year] = (min(first, claim.arose_on), amount + claim.amount - settled)
    deadlines = []
    for year, (arose_on, amount) in unpaid.items():
        running = arose_on if year == arose_on.year else dt.date(year, 1, 1)  # as if acquired that year
        due_on = _last_day_to_claim(running)
        deadlines.append(
            Deadline(
                kind=DeadlineKind.LIMITATION,
                due_on=due_on,
                amount=amount,
                arose_on=arose_on,
                overdue=as_of > due_on,
                basis=FOUR_YEAR_LIMITATION if year == arose_on.year else LIMITATION_INTERRUPTED,
                lapses_on=_prescribed_on(running),
                interrupted_on=_last_interruption(arose_on, year, interruptions),
            )
        )
    return tuple(deadlines)


def _last_interruption(arose_on: dt.date, year: int, interruptions: Sequence[dt.date]) -> dt.date | None:
    """The interruption that set a period starting after ``year``: the last one that year, on or after the claim."""
    days = [day for day in interruptions if day.year == year and day >= arose_on]
    return max(days, default=None)
