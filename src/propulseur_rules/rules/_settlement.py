"""Steps 5 and 6 of :func:`~._engine.assess`: what withholds payment (C3, C4, C9), and the money settled.

Also the conditions an assessment reports as unmet, in their order: those on
payment, those of each contract, a reconsideration that C5 allows, an excess
payment, and the recovery of that excess (CRPA, L. 242-2).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from ._clauses import Clause
from ._convention import Convention, TargetPolicy
from ._deliberation import Deliberation, VoteFailure
from ._eligibility import places_of
from ._legal import CASTING_VOTE, EXECUTORY_ACTS, QUORUM, LegalBasis
from ._model import Payment
from ._money import ZERO
from ._outcome import (
    RECOVERY_BASES,
    Condition,
    ContractAssessment,
    Recovery,
    RecoveryCause,
    UnmetCondition,
    withdrawal_basis,
)

__all__ = [
    "CONTRACT_CONDITIONS",
    "CONVENTION_THRESHOLD_AMOUNT",
    "UNMET_ORDER",
    "Money",
    "PaymentCondition",
    "in_unmet_order",
    "payment_conditions",
    "reconsideration",
    "recovery",
    "recovery_cause",
    "settle",
    "signature_required",
    "unmet_conditions",
    "unmet_section",
]


# --- 5. the conditions on payment (C3, C4, C9) --------------------------------------


class PaymentCondition(NamedTuple):
    """An unmet condition on payment as a whole: whether it withholds, whether it is final.

    ``needed`` is, for the target of C3, how many more eligible contracts would meet it; ``reason`` the key of
    the message that says why, when the condition has several (the vote of C9), and ``basis`` the article
    that reason applies, in place of the condition's own.
    """

    condition: Condition
    blocks: bool
    final: bool
    needed: int | None = None
    reason: str | None = None
    basis: LegalBasis | None = None


#: Décret n° 2001-495, art. 1er: a financing convention is required for a subsidy whose yearly amount is
#: above this (« dépasse »; :data:`~._legal.CONVENTION_THRESHOLD`, whose wording could not be verified).
CONVENTION_THRESHOLD_AMOUNT = Decimal("23000.00")

#: The reason of the financing convention required by law whose day of signature is not given, under the
#: deliberation alone: a warning that withholds nothing.
NOT_VERIFIED = "financing_not_verified"


def signature_required(convention: Convention) -> bool:
    """Loi n° 2000-321, art. 10; décret n° 2001-495, art. 1er — whether payment needs a signed financing convention.

    It does with financing terms, and whenever the subsidy's yearly amount, the
    cap of C2 over the programme years of C1, is above 23 000 € (compared
    without division: ``total_cap > 23 000 × years``).

    >>> from ._convention import DIJON_2022
    >>> signature_required(DIJON_2022)  # 195 000 € > 23 000 € × 3 = 69 000 €
    True
    >>> signature_required(DIJON_2022.replace(total_cap="69000"))  # 69 000 € is not above 69 000 €
    False
    """
    years = len(convention.programme_years)
    return convention.financing is not None or convention.total_cap > CONVENTION_THRESHOLD_AMOUNT * years


def payment_conditions(
    convention: Convention,
    as_of: dt.date,
    authorised_on: dt.date | None,
    *,
    eligible: int,
    financing_signed_on: dt.date | None = None,
) -> tuple[PaymentCondition, ...]:
    """C4, C9, the financing convention, C3 — the unmet conditions on payment, in that order.

    When the law requires a financing convention (:func:`signature_required`),
    nothing is paid before the day it is signed, terms or not. With financing
    terms an unknown day blocks payment too; under the deliberation alone it is a
    warning, the condition not verified (reason ``financing_not_verified``), which
    withholds nothing: the figures of the deliberation alone stay as they are.
    """
    conditions = []
    if authorised_on is None or authorised_on > as_of:  # C4
        conditions.append(PaymentCondition(Condition.REGIONAL_AUTHORISATION, blocks=True, final=False))
    vote = convention.deliberation
    if vote is not None and (not vote.adopted or vote.in_force_on > as_of):  # C9
        conditions.append(_vote_condition(vote, as_of))
    signed_on = financing_signed_on  # C3; loi n° 2000-321, art. 10: signed later, or with terms on no day given
    unsigned = signed_on > as_of if signed_on is not None else convention.financing is not None
    if signature_required(convention) and (unsigned or signed_on is None):  # no day given: not verified
        reason = None if unsigned else NOT_VERIFIED
        signature = PaymentCondition(Condition.FINANCING_CONVENTION_SIGNED, blocks=unsigned, final=False, reason=reason)
        conditions.append(signature)
    if eligible < convention.required_contracts:  # C3
        conditions.append(
            PaymentCondition(
                Condition.CONTRACT_TARGET,
                blocks=convention.target_policy is TargetPolicy.ALL_OR_NOTHING,
                final=as_of > convention.period.end,
                needed=convention.required_contracts - eligible,
            )
        )
    return tuple(conditions)


#: Why a vote fails to adopt the deliberation: the key of its message, and the article it applies.
_VOTE_FAILURES: dict[VoteFailure, tuple[str, LegalBasis | None]] = {
    VoteFailure.QUORUM: ("deliberation_quorum", QUORUM),
    VoteFailure.VOTE_COUNT: ("deliberation_vote_count", None),
    VoteFailure.MAJORITY: ("deliberation_majority", CASTING_VOTE),
    VoteFailure.TIE: ("deliberation_tie", CASTING_VOTE),
}


def _vote_condition(vote: Deliberation, as_of: dt.date) -> PaymentCondition:
    """C9 — the vote fails for good, or it is not yet voted, or voted but not yet executory on ``as_of``
    (CGCT, L. 2121-17, L. 2121-20, L. 2131-1)."""
    blocked = Condition.DELIBERATION_ADOPTED
    failure = vote.failure
    if failure is not None:
        reason, basis = _VOTE_FAILURES[failure]
        return PaymentCondition(blocked, blocks=True, final=True, reason=reason, basis=basis)
    if vote.decided_on > as_of:
        return PaymentCondition(blocked, blocks=True, final=False, reason="deliberation_not_yet")
    return PaymentCondition(
        blocked, blocks=True, final=False, reason="deliberation_not_executory", basis=EXECUTORY_ACTS
    )


def reconsideration(convention: Convention, beyond: int) -> UnmetCondition:
    """C5 — « Si des contrats supplémentaires … sont réalisés, Dijon Métropole pourrait éventuellement
    reconsidérer le montant de son aide »: eligible contracts beyond the convention's places.

    It withholds nothing; ``amount`` is what their grants would bring if the
    funder reconsidered, the cap aside.
    """
    return UnmetCondition(
        condition=Condition.RECONSIDERATION_POSSIBLE,
        clause=Clause.C5,
        amount=convention.grant_per_contract * beyond,
        beyond=beyond,
    )


# --- 6. the money -------------------------------------------------------------------


class Money(NamedTuple):
    """The money figures of an assessment (SPEC §3.5); with financing terms, what waits for a document, the
    balance held and the unpaid claims time-barred (:func:`hold_back`)."""

    accrued: Decimal
    withheld: Decimal
    releasable: Decimal
    paid: Decimal
    payable: Decimal
    excess_paid: Decimal
    awaiting_documents: Decimal = ZERO
    balance_held: Decimal = ZERO
    time_barred: Decimal = ZERO


def settle(accrued: Decimal, conditions: Sequence[PaymentCondition], payments: Sequence[Payment]) -> Money:
    """C3, C4, C9 — all that has accrued is withheld while a condition blocks; what is paid is set against the rest."""
    withheld = accrued if any(condition.blocks for condition in conditions) else ZERO
    releasable = accrued - withheld
    paid = sum([payment.amount for payment in payments], ZERO)
    return Money(
        accrued=accrued,
        withheld=withheld,
        releasable=releasable,
        paid=paid,
        payable=max(ZERO, releasable - paid),
        excess_paid=max(ZERO, paid - releasable),
    )


def recovery(
    conditions: Sequence[PaymentCondition], money: Money, as_of: dt.date, convention: Convention
) -> Recovery | None:
    """An excess payment as a recovery to decide, by its cause, with or without financing terms."""
    if not money.excess_paid:
        return None
    blocking = [condition for condition in conditions if condition.blocks]
    final = _excess_final(blocking, as_of, convention)
    cause = recovery_cause(blocking)
    return Recovery(
        amount=money.excess_paid,
        cause=cause,
        reasons=tuple(condition.condition for condition in blocking),
        final=final,
        bases=RECOVERY_BASES[cause],
    )


def recovery_cause(blocking: Sequence[PaymentCondition]) -> RecoveryCause:
    """Why an excess payment is to be recovered (SPEC §10).

    Paid while nothing withholds payment: more than was earned, an overpayment. Paid while a condition
    of payment that is not the beneficiary's to meet is unmet (C4, C9, the financing convention), or
    before C3's target could still be reached: paid before a condition was met. C3's target missed for
    good, and nothing else withholding: the beneficiary did not meet a condition of the grant, a breach.
    """
    if not blocking:
        return RecoveryCause.OVERPAYMENT
    target_only = all(condition.condition is Condition.CONTRACT_TARGET for condition in blocking)
    if target_only and all(condition.final for condition in blocking):
        return RecoveryCause.BREACH
    return RecoveryCause.PAID_BEFORE_CONDITION


def _excess_final(blocking: Sequence[PaymentCondition], as_of: dt.date, convention: Convention) -> bool:
    """Whether an excess payment can no longer be made good: the period is over and no blocking
    condition can still be lifted."""
    return as_of > convention.period.end and all(condition.final for condition in blocking)


# --- the unmet conditions ----------------------------------------------------------

#: The order of ``Assessment.unmet``, section by section: the conditions on payment as a whole (C4, C9, the
#: financing convention the law requires, the target of C3); those of the contracts, contract by contract
#: in the order the rules read them, each contract's in the order of its rule records (C1, C6, C8, C7, C2,
#: C5); a reconsideration C5 allows; an excess payment (C3); the de minimis ceiling of a startup (C4); the
#: documents the financing terms await and the balance they hold, by the last day of the document (C3
#: « modalités »); the claims past the four-year limitation, oldest first (loi n° 68-1250).
#: The conditions a contract fails on its own (C1, C6, C8, C7, C2, C5), in the order its rule records set them.
CONTRACT_CONDITIONS: tuple[Condition, ...] = (
    Condition.SIGNED_WITHIN_PERIOD,
    Condition.HEAD_OFFICE_IN_TERRITORY,
    Condition.STARTUP_APPLIED,
    Condition.SELECTED_BY_COMMITTEE,
    Condition.SECTOR_IN_SCOPE,
    Condition.ONE_CONTRACT_PER_STARTUP,
    Condition.ANNUAL_CONTRACT_LIMIT,
    Condition.CONVENTION_CONTRACT_LIMIT,
)

UNMET_ORDER: tuple[tuple[Condition, ...], ...] = (
    (Condition.REGIONAL_AUTHORISATION,),
    (Condition.DELIBERATION_ADOPTED,),
    (Condition.FINANCING_CONVENTION_SIGNED,),
    (Condition.CONTRACT_TARGET,),
    CONTRACT_CONDITIONS,
    (Condition.RECONSIDERATION_POSSIBLE,),
    (Condition.NO_EXCESS_PAYMENT,),
    (Condition.DE_MINIMIS_CEILING,),
    (Condition.SUPPORTING_DOCUMENT, Condition.BALANCE_HELD),
    (Condition.CLAIM_TIME_BARRED,),
)
_SECTION_OF = {condition: at for at, section in enumerate(UNMET_ORDER) for condition in section}


def unmet_section(condition: Condition) -> int:
    """The place of ``condition``'s section in :data:`UNMET_ORDER`."""
    return _SECTION_OF[condition]


def in_unmet_order(unmet: Sequence[UnmetCondition]) -> tuple[UnmetCondition, ...]:
    """The unmet conditions in the order of :data:`UNMET_ORDER`, section by section; within a section, in the
    order given (contract by contract, document by document)."""
    return tuple(sorted(unmet, key=lambda each: _SECTION_OF[each.condition]))


def unmet_conditions(
    convention: Convention,
    as_of: dt.date,
    conditions: Sequence[PaymentCondition],
    money: Money,
    contracts: Sequence[ContractAssessment],
    eligible: int,
) -> tuple[UnmetCondition, ...]:
    """The unmet conditions: those on payment first, then contract by contract, a reconsideration that C5
    allows, then an excess payment."""
    blocking = [condition for condition in conditions if condition.blocks]
    unmet = [_payment_unmet(condition, money, sole=blocking == [condition]) for condition in conditions]
    unmet += [condition for contract in contracts for condition in contract.unmet]
    beyond = eligible - places_of(convention)
    if beyond > 0:
        unmet.append(reconsideration(convention, beyond))
    if money.excess_paid:
        cause = recovery_cause(blocking)
        unmet.append(
            UnmetCondition(
                condition=Condition.NO_EXCESS_PAYMENT,
                clause=Condition.NO_EXCESS_PAYMENT.clause,
                amount=money.excess_paid,
                final=_excess_final(blocking, as_of, convention),
                # The cause of the recovery sets its procedure; a withdrawal (CRPA, L. 242-2) for a breach only.
                reason=f"recovery_{cause.value}",
                basis=withdrawal_basis(cause),
            )
        )
    return tuple(unmet)


def _payment_unmet(condition: PaymentCondition, money: Money, *, sole: bool) -> UnmetCondition:
    """An unmet condition on payment; when it is the only one blocking, lifting it releases what is withheld."""
    return UnmetCondition(
        condition=condition.condition,
        clause=condition.condition.clause,
        amount=money.withheld if condition.blocks else ZERO,
        blocks_payment=condition.blocks,
        final=condition.final,
        needed=condition.needed,
        releases=money.withheld if sole else None,
        reason=condition.reason,
        basis=condition.condition.basis if condition.basis is None else condition.basis,
    )
