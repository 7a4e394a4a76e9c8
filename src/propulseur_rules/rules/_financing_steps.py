"""Steps 7 to 9 of :func:`~._engine.assess`, for a convention with financing terms (C3 « modalités »).

What each document releases, the balance held, the deadlines and the
limitation of unpaid claims (:mod:`._release`), and the conditions they leave
unmet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs

from ._convention import Convention, TargetPolicy
from ._documents import DocumentKind
from ._eligibility import Place, target_met_on
from ._entitlement import Entitlement
from ._financing import FinancingTerms
from ._legal import LIMITATION_NOT_WAIVED
from ._limitation import relief_of
from ._money import ZERO
from ._outcome import Condition, Deadline, DeadlineKind, UnmetCondition, payable_before_payments
from ._release import Part, Release, document_deadlines, limitation_deadlines, parts_of, release
from ._settlement import Money

__all__ = ["FinancingSteps", "financing_steps", "financing_unmet", "hold_back"]


# --- 7. to 9. the financing convention (C3 « modalités », the law of subsidies) ----


@attrs.frozen
class FinancingSteps:
    """What the financing terms make of the releasable money: the release and the deadlines."""

    outcome: Release
    deadlines: tuple[Deadline, ...]


def financing_steps(
    convention: Convention,
    terms: FinancingTerms,
    *,
    as_of: dt.date,
    items: Sequence[Entitlement],
    places: Sequence[Place],
    money: Money,
    received: dict[tuple[DocumentKind, str | int | None], dt.date],
    lifted: Sequence[dt.date],
    interruptions: Sequence[dt.date] = (),
) -> FinancingSteps:
    """Steps 7 to 9: each earned item in parts released by documents, the balance, the deadlines by date."""
    parts: list[Part] = []
    for item in items:
        if item.accrues_on <= as_of:
            reference = None if item.contract is None else item.contract.reference
            parts.extend(parts_of(terms, item.year, reference, item.amount, item.accrues_on))
    met_on = target_met_on(convention, places)
    if convention.target_policy is TargetPolicy.ALL_OR_NOTHING and met_on is not None:
        lifted = [*lifted, met_on]
    outcome = release(
        terms,
        parts,
        releasable=money.releasable,
        received=received,
        lifted_on=max(lifted, default=None),
        target_met_on=met_on,
    )
    funded = {place.contract.reference: place.contract.signed_on for place in places if place.funded}
    deadlines = (
        *document_deadlines(
            terms,
            outcome,
            as_of=as_of,
            period=convention.period,
            years=convention.programme_years,
            funded=funded,
            received=received,
        ),
        *limitation_deadlines(outcome.claims, money.paid, as_of, interruptions),
    )
    order = list(DeadlineKind)
    return FinancingSteps(
        outcome=outcome,
        deadlines=tuple(sorted(deadlines, key=lambda deadline: (deadline.due_on, order.index(deadline.kind)))),
    )


def hold_back(
    money: Money,
    outcome: Release,
    deadlines: Sequence[Deadline] = (),
    relieved_on: dt.date | None = None,
    *,
    reliefs: Sequence[dt.date] = (),
) -> Money:
    """C3 « modalités » — of what is releasable, what waits for a document and the balance held are not payable yet;
    loi n° 68-1250, art. 1er and 6 — nor, of what is left unpaid, the claims time-barred and not relieved
    (:func:`_time_barred`).

    ``payable = max(0, releasable - awaiting - balance_held - paid) - time_barred``, never below zero. An
    excess payment is still measured against what is releasable: money paid before its document came in
    was paid early, not unduly. ``reliefs`` are the days of the council's reliefs of the limitation on or
    before the date of the assessment; ``relieved_on``, the day of one relief, is counted with them.
    """
    barred = _time_barred(deadlines, _relief_days(relieved_on, reliefs))
    before = max(ZERO, payable_before_payments(money.releasable, outcome.awaiting, outcome.balance_held) - money.paid)
    return money._replace(
        awaiting_documents=outcome.awaiting,
        balance_held=outcome.balance_held,
        time_barred=barred,
        payable=max(ZERO, before - barred),
    )


def _relief_days(relieved_on: dt.date | None, reliefs: Sequence[dt.date]) -> tuple[dt.date, ...]:
    return tuple(reliefs) if relieved_on is None else (relieved_on, *reliefs)


def _time_barred(deadlines: Sequence[Deadline], reliefs: Sequence[dt.date] = ()) -> Decimal:
    """Loi n° 68-1250, art. 1er and 6 — the unpaid claims past the four-year limitation: withheld from payment.

    The administration cannot waive the limitation (art. 6, « Les autorités administratives ne peuvent
    renoncer à opposer la prescription »): the sum of the overdue ``LIMITATION`` deadlines is not payable,
    but for those the council relieved the beneficiary of by a reasoned deliberation (« Ces délibérations
    doivent être motivées »), one of ``reliefs``. A relief covers the claims time-barred on its own day
    (:func:`~._limitation.relief_of`): a claim that lapses after the last relief stays withheld.
    """
    return sum(
        (deadline.amount for deadline in _barred(deadlines) if _relieved_on(deadline, reliefs) is None),
        ZERO,
    )


def _barred(deadlines: Sequence[Deadline]) -> list[Deadline]:
    """The overdue ``LIMITATION`` deadlines: the unpaid claims time-barred on the date of the assessment."""
    return [deadline for deadline in deadlines if deadline.kind is DeadlineKind.LIMITATION and deadline.overdue]


def _relieved_on(deadline: Deadline, reliefs: Sequence[dt.date]) -> dt.date | None:
    """The day of the first of ``reliefs`` taken on or after the day the deadline's claim was time-barred
    (``lapses_on``), if any; a claim without that day (beyond the calendar) is relieved by none."""
    return None if deadline.lapses_on is None else relief_of(deadline.lapses_on, reliefs)


def financing_unmet(
    convention: Convention,
    deadlines: Sequence[Deadline],
    money: Money,
    as_of: dt.date,
    eligible: int,
    *,
    relieved_on: dt.date | None = None,
    reliefs: Sequence[dt.date] = (),
) -> tuple[UnmetCondition, ...]:
    """What the financing terms leave unpaid: each document awaited, the balance held, the claims past
    the four-year limitation (loi n° 68-1250: the administration cannot waive it, art. 6, unless the
    council relieved the beneficiary of it on or after the day the claim lapsed, one of ``reliefs`` or
    ``relieved_on``; a claim that lapsed after the last relief is reported unrelieved)."""
    unmet = []
    for deadline in deadlines:
        document = deadline.kind.document
        if document is not None and document is not DocumentKind.FINAL_REPORT and deadline.received_on is None:
            if deadline.amount:
                unmet.append(_document_unmet(Condition.SUPPORTING_DOCUMENT, deadline))
        elif document is DocumentKind.FINAL_REPORT and money.balance_held:
            # Short of the target once the period is over, the balance can no longer be released (C3).
            needed = max(0, convention.required_contracts - eligible)
            final = bool(needed) and as_of > convention.period.end
            unmet.append(
                attrs.evolve(_document_unmet(Condition.BALANCE_HELD, deadline), needed=needed or None, final=final)
            )
    days = _relief_days(relieved_on, reliefs)
    unmet.extend(_time_barred_unmet(deadline, _relieved_on(deadline, days)) for deadline in _barred(deadlines))
    return tuple(unmet)


def _time_barred_unmet(deadline: Deadline, relieved_on: dt.date | None) -> UnmetCondition:
    """Loi n° 68-1250, art. 1er and 6 — a claim time-barred, relieved by the council on ``relieved_on`` or not."""
    return UnmetCondition(
        condition=Condition.CLAIM_TIME_BARRED,
        clause=Condition.CLAIM_TIME_BARRED.clause,
        amount=deadline.amount,
        basis=Condition.CLAIM_TIME_BARRED.basis if relieved_on is None else LIMITATION_NOT_WAIVED,
        reason=None if relieved_on is None else "time_barred_relieved",
        lapsed_on=deadline.lapses_on,
        relieved_on=relieved_on,
    )


def _document_unmet(condition: Condition, deadline: Deadline) -> UnmetCondition:
    document = deadline.kind.document
    copy_of = deadline.covers if document is DocumentKind.CONTRACT_COPY and isinstance(deadline.covers, str) else None
    return UnmetCondition(
        condition=condition,
        clause=condition.clause,
        contract=copy_of,
        amount=deadline.amount,
        basis=deadline.basis,
        document=document,
        covers=deadline.covers,
        due_on=deadline.due_on,
        overdue=deadline.overdue,
    )
