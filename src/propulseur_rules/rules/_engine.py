"""``assess``: the rules of the convention as one pure function.

No I/O, no clock, no global state. :func:`assess` composes small steps, each
named after what the deliberation asks and each taking and returning frozen
values:

1. the signed contracts, in the order ``(signed_on, reference)``;
2. :func:`judge_eligibility` — every rule of :data:`~._rules.CONTRACT_RULES` (C1, C6, C7, C8);
3. :func:`allot_places` — the funded places, per programme year or pooled (C2, C7, C5);
4. :func:`entitlement` — the grants in order, cut under the cap (C2), each with the day it accrues (C3);
5. :func:`payment_conditions` — what withholds payment (C3, C4, C9, and the financing convention);
6. :func:`settle` — accrued, withheld, releasable, paid, payable and excess paid;
7. to 9., when the convention has financing terms (C3's « modalités »): what each
   document releases, the balance held, the deadlines and the limitation of unpaid
   claims (:mod:`._release`).

The result does not depend on the order of the contracts or of the payments:
both are put in a canonical order before any rule looks at them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import TypeVar, overload

import attrs

from ..words._errors import InvalidInput
from ._clauses import Clause
from ._convention import Accrual, Convention, PlacesPolicy, TargetPolicy
from ._facts import Facts, checked_items, facts_from
from ._financing import Document, DocumentKind, FinancingTerms, check_documents, first_received
from ._legal import WITHDRAWAL_OF_SUBSIDY
from ._model import Contract, Payment, Period
from ._money import ZERO, in_money_context
from ._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    Deadline,
    DeadlineKind,
    Recovery,
    UnmetCondition,
    YearAssessment,
    payable_before_payments,
)
from ._release import Part, Release, document_deadlines, limitation_deadlines, parts_of, release
from ._rules import CONTRACT_RULES, ContractRule, EligibleStartups

__all__ = [
    "Entitlement",
    "FinancingSteps",
    "Money",
    "PaymentCondition",
    "Place",
    "Verdict",
    "accrues_on",
    "allot_places",
    "assess",
    "checked_items",
    "entitlement",
    "financing_steps",
    "financing_unmet",
    "hold_back",
    "judge_eligibility",
    "payment_conditions",
    "programme_year",
    "recovery",
    "settle",
    "target_met_on",
    "unmet_conditions",
]

_Referenced = TypeVar("_Referenced", Contract, Payment)


@overload
def assess(convention: Convention, contracts: Facts, /) -> Assessment: ...


@overload
def assess(
    convention: Convention,
    contracts: Iterable[Contract] = (),
    *,
    as_of: dt.date,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
) -> Assessment: ...


@in_money_context
def assess(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    as_of: dt.date | None = None,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
) -> Assessment:
    """Assess a convention on a date: what is earned, what may be paid, what is withheld and why.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    >>> assessment.accrued, assessment.payable
    (Decimal('20000.00'), Decimal('0.00'))
    >>> [unmet.condition.value for unmet in assessment.unmet]
    ['regional_authorisation', 'contract_target']

    The facts may come as one :class:`~._facts.Facts` in place of the contracts
    (``assess(convention, facts)``) or as the contracts and keyword arguments.
    ``financing_signed_on`` and ``documents`` matter only for a convention with
    financing terms (``Convention.financing``); without them they are kept on
    the result and change no figure.
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=type(convention).__name__)
    facts = facts_from(
        contracts,
        as_of=as_of,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    as_of, authorised_on, financing_on = facts.as_of, facts.regional_authorisation_on, facts.financing_signed_on
    ordered = _in_order(list(facts.contracts), "signed_on")
    counted = _in_order(list(facts.payments), "paid_on")
    counted = [payment for payment in counted if payment.paid_on <= as_of]
    received_documents = _checked_documents(convention, ordered, facts.documents, financing_on)

    verdicts = judge_eligibility(convention, [contract for contract in ordered if contract.signed_on <= as_of])
    places = allot_places(convention, [verdict.contract for verdict in verdicts if verdict.eligible])
    items = entitlement(convention, places)
    conditions = payment_conditions(
        convention, as_of, authorised_on, eligible=len(places), financing_signed_on=financing_on
    )
    years = _year_results(convention, as_of, places, items)
    money = settle(sum([year.accrued for year in years], ZERO), conditions, counted)
    contract_results = _contract_results(convention, ordered, as_of, verdicts, places, items)
    unmet = unmet_conditions(convention, as_of, conditions, money, contract_results, eligible=len(places))
    deadlines: tuple[Deadline, ...] = ()
    balance_released_on = None
    terms = convention.financing
    if terms is not None:  # 7. to 9.
        steps = financing_steps(
            convention,
            terms,
            as_of=as_of,
            items=items,
            places=places,
            money=money,
            received=first_received(received_documents, as_of),
            lifted=_lift_days(convention, authorised_on, financing_on),
        )
        money = hold_back(money, steps.outcome)
        deadlines = steps.deadlines
        balance_released_on = steps.outcome.released_on
        unmet += financing_unmet(convention, deadlines, money, as_of, len(places))
    return Assessment(
        as_of=as_of,
        convention=convention,
        regional_authorisation_on=authorised_on,
        years=years,
        contracts=contract_results,
        payments=tuple(counted),
        **attrs.asdict(money, recurse=False),
        unmet=unmet,
        financing_signed_on=financing_on,
        documents=received_documents,
        deadlines=deadlines,
        recovery=None if terms is None else recovery(conditions, money, as_of, convention),
        balance_released_on=balance_released_on,
    )


# --- 2. eligibility (C1, C6, C7, C8) ------------------------------------------------


@attrs.frozen
class Verdict:
    """A signed contract and the rules of eligibility it fails (none when it is eligible)."""

    contract: Contract
    failed: tuple[ContractRule, ...]

    @property
    def eligible(self) -> bool:
        """Whether the contract meets every rule."""
        return not self.failed


def judge_eligibility(convention: Convention, signed: Sequence[Contract]) -> tuple[Verdict, ...]:
    """C1, C6, C7, C8 — each signed contract, in signing order, against every rule of ``CONTRACT_RULES``.

    A startup's earlier eligible contract is judged first, so that C7 (« 9
    projets ») finds it.
    """
    earlier = EligibleStartups()
    verdicts = []
    for contract in signed:
        failed = [rule for rule in CONTRACT_RULES if not rule.holds(convention, contract, earlier)]
        if not failed:
            earlier.add(contract.startup)
        verdicts.append(Verdict(contract, tuple(failed)))
    return tuple(verdicts)


# --- 3. places (C2, C5) -------------------------------------------------------------


@attrs.frozen
class Place:
    """An eligible contract, its programme year (from 1), and its status: funded, or why not."""

    contract: Contract
    year: int
    status: ContractStatus

    @property
    def funded(self) -> bool:
        """Whether the contract found a funded place."""
        return self.status is ContractStatus.FUNDED


def programme_year(convention: Convention, day: dt.date) -> int | None:
    """C1 — the programme year (from 1) that ``day`` falls in, ``None`` outside the period."""
    for number, year in enumerate(convention.programme_years, start=1):
        if year.start <= day <= year.end:
            return number
    return None


def places_of(convention: Convention) -> int:
    """C2, C7 — the funded places of the whole convention: 3 a year × 3 years, the « 9 projets »."""
    return convention.max_funded_contracts_per_year * len(convention.programme_years)


def allot_places(convention: Convention, eligible: Sequence[Contract]) -> tuple[Place, ...]:
    """C2, C7, C5 — the eligible contracts, in signing order, take the funded places.

    Under ``PlacesPolicy.ANNUAL`` a programme year has
    ``max_funded_contracts_per_year`` places (C2, « dans la limite de 3 contrats
    par an »); under ``POOLED`` the places of all the years are shared (C7, « 9
    projets »). A contract that finds no place is ``SUPPLEMENTARY`` when every
    place of the convention is taken (a « contrat supplémentaire » of C5), else
    ``OVER_ANNUAL_LIMIT``. Either counts towards the target of C3 and brings no
    grant; a status depends only on the contracts signed before it.
    """
    annual = convention.places is PlacesPolicy.ANNUAL
    taken = [0] * len(convention.programme_years)
    places = []
    for contract in eligible:
        year = programme_year(convention, contract.signed_on)
        if year is None:  # an eligible contract is signed within the period (C1)
            raise AssertionError(f"{contract.reference} is eligible but signed outside the period")
        if sum(taken) == places_of(convention):
            status = ContractStatus.SUPPLEMENTARY
        elif annual and taken[year - 1] == convention.max_funded_contracts_per_year:
            status = ContractStatus.OVER_ANNUAL_LIMIT
        else:
            status = ContractStatus.FUNDED
            taken[year - 1] += 1
        places.append(Place(contract, year, status))
    return tuple(places)


# --- 4. the grants under the cap (C2), and when each accrues (C3) -------------------


@attrs.frozen
class Entitlement:
    """One item of money: a year's operating grant (``contract`` is ``None``) or a funded contract's grant.

    ``amount`` is what remains of it after the cap of C2; ``accrues_on`` the
    day it is earned (C3).
    """

    year: int
    contract: Contract | None
    amount: Decimal
    accrues_on: dt.date


def accrues_on(convention: Convention, event_on: dt.date, year: Period) -> dt.date:
    """C3 (« selon les modalités définies dans la convention de financement ») — when an item accrues.

    ``ON_EVENT``: on the day of its event (the first day of the programme year
    for an operating grant, the day of signature for a contract). ``AT_YEAR_END``:
    on the day after its programme year ends.
    """
    if convention.accrual is Accrual.ON_EVENT:
        return event_on
    return year.end + dt.timedelta(days=1)


def entitlement(convention: Convention, places: Sequence[Place]) -> tuple[Entitlement, ...]:
    """C2 — the items in order, each cut so that their running total never exceeds ``total_cap``.

    The order is: year 1 operating grant, year 1 funded contracts in signing
    order, year 2 operating grant, and so on.
    """
    funded: list[list[Contract]] = [[] for _ in convention.programme_years]
    for place in places:
        if place.funded:
            funded[place.year - 1].append(place.contract)
    remaining = convention.total_cap
    items = []
    for number, year in enumerate(convention.programme_years, start=1):
        wanted: list[tuple[Contract | None, Decimal, dt.date]] = [
            (None, convention.operating_grant_per_year, year.start),
            *[(contract, convention.grant_per_contract, contract.signed_on) for contract in funded[number - 1]],
        ]
        for contract, amount, event_on in wanted:
            granted = min(amount, remaining)
            remaining -= granted
            items.append(Entitlement(number, contract, granted, accrues_on(convention, event_on, year)))
    return tuple(items)


# --- 5. the conditions on payment (C3, C4, C9) --------------------------------------


@attrs.frozen
class PaymentCondition:
    """An unmet condition on payment as a whole: whether it withholds, whether it is final.

    ``needed`` is, for the target of C3, how many more eligible contracts would meet it.
    """

    condition: Condition
    blocks: bool
    final: bool
    needed: int | None = None


def payment_conditions(
    convention: Convention,
    as_of: dt.date,
    authorised_on: dt.date | None,
    *,
    eligible: int,
    financing_signed_on: dt.date | None = None,
) -> tuple[PaymentCondition, ...]:
    """C4, C9, the financing convention, C3 — the unmet conditions on payment, in that order.

    With financing terms, nothing is paid before the financing convention is
    signed (C3; loi n° 2000-321, art. 10: a convention is required above the
    threshold of the décret n° 2001-495).
    """
    conditions = []
    if authorised_on is None or authorised_on > as_of:  # C4
        conditions.append(PaymentCondition(Condition.REGIONAL_AUTHORISATION, blocks=True, final=False))
    vote = convention.deliberation
    if vote is not None and (not vote.adopted or vote.decided_on > as_of):  # C9
        conditions.append(PaymentCondition(Condition.DELIBERATION_ADOPTED, blocks=True, final=not vote.adopted))
    if convention.financing is not None and (financing_signed_on is None or financing_signed_on > as_of):
        conditions.append(PaymentCondition(Condition.FINANCING_CONVENTION_SIGNED, blocks=True, final=False))
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


@attrs.frozen
class Money:
    """The money figures of an assessment (SPEC §3.5); with financing terms, what waits for a document and the
    balance held (:func:`hold_back`)."""

    accrued: Decimal
    withheld: Decimal
    releasable: Decimal
    paid: Decimal
    payable: Decimal
    excess_paid: Decimal
    awaiting_documents: Decimal = ZERO
    balance_held: Decimal = ZERO


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
        *limitation_deadlines(outcome.claims, money.paid, as_of),
    )
    order = list(DeadlineKind)
    return FinancingSteps(
        outcome=outcome,
        deadlines=tuple(sorted(deadlines, key=lambda deadline: (deadline.due_on, order.index(deadline.kind)))),
    )


def hold_back(money: Money, outcome: Release) -> Money:
    """C3 « modalités » — of what is releasable, what waits for a document and the balance held are not payable yet.

    An excess payment is still measured against what is releasable: money paid
    before its document came in was paid early, not unduly.
    """
    return attrs.evolve(
        money,
        awaiting_documents=outcome.awaiting,
        balance_held=outcome.balance_held,
        payable=max(
            ZERO, payable_before_payments(money.releasable, outcome.awaiting, outcome.balance_held) - money.paid
        ),
    )


def target_met_on(convention: Convention, places: Sequence[Place]) -> dt.date | None:
    """C3 — the day the required contracts were signed: the signature of the last one needed."""
    if convention.required_contracts == 0:
        return convention.period.start
    if len(places) < convention.required_contracts:
        return None
    return places[convention.required_contracts - 1].contract.signed_on


def _lift_days(convention: Convention, authorised_on: dt.date | None, financing_on: dt.date | None) -> list[dt.date]:
    """The days the blocking conditions of payment were lifted: C4, C9 and the financing convention."""
    vote = convention.deliberation
    days = [authorised_on, financing_on, None if vote is None else vote.decided_on]
    return [day for day in days if day is not None]


def financing_unmet(
    convention: Convention,
    deadlines: Sequence[Deadline],
    money: Money,
    as_of: dt.date,
    eligible: int,
) -> tuple[UnmetCondition, ...]:
    """What the financing terms leave unpaid: each document awaited, the balance held, the claims past
    the four-year limitation (a warning: only the funder may invoke it)."""
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
    unmet.extend(
        UnmetCondition(
            condition=Condition.CLAIM_TIME_BARRED,
            clause=Condition.CLAIM_TIME_BARRED.clause,
            amount=deadline.amount,
            basis=Condition.CLAIM_TIME_BARRED.basis,
            lapsed_on=deadline.lapses_on,
        )
        for deadline in deadlines
        if deadline.kind is DeadlineKind.LIMITATION and deadline.overdue
    )
    return tuple(unmet)


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


def recovery(
    conditions: Sequence[PaymentCondition], money: Money, as_of: dt.date, convention: Convention
) -> Recovery | None:
    """CRPA, L. 122-1 and L. 242-2 — an excess payment as a recovery to decide once the beneficiary is heard."""
    if not money.excess_paid:
        return None
    blocking = [condition for condition in conditions if condition.blocks]
    return Recovery(
        amount=money.excess_paid,
        reasons=tuple(condition.condition for condition in blocking),
        final=_excess_final(blocking, as_of, convention),
    )


def _excess_final(blocking: Sequence[PaymentCondition], as_of: dt.date, convention: Convention) -> bool:
    """Whether an excess payment can no longer be made good: the period is over and no blocking
    condition can still be lifted."""
    return as_of > convention.period.end and all(condition.final for condition in blocking)


# --- the results --------------------------------------------------------------------


def _year_results(
    convention: Convention, as_of: dt.date, places: Sequence[Place], items: Sequence[Entitlement]
) -> tuple[YearAssessment, ...]:
    """The figures and the contracts of each programme year."""
    years = convention.programme_years
    placed: list[list[Place]] = [[] for _ in years]
    for place in places:
        placed[place.year - 1].append(place)
    earned: list[list[Entitlement]] = [[] for _ in years]
    for item in items:
        earned[item.year - 1].append(item)
    return tuple(
        _year_result(number, year, as_of, placed[number - 1], earned[number - 1])
        for number, year in enumerate(years, start=1)
    )


def _year_result(
    number: int, year: Period, as_of: dt.date, places: Sequence[Place], items: Sequence[Entitlement]
) -> YearAssessment:
    """One programme year: ``places`` and ``items`` are its own, the operating grant first."""
    operating, *grants = items
    contract_grants = sum([item.amount for item in grants], ZERO)
    return YearAssessment(
        index=number,
        period=year,
        operating_grant=operating.amount,
        operating_grant_accrues_on=operating.accrues_on,
        contract_grants=contract_grants,
        entitled=operating.amount + contract_grants,
        accrued=sum([item.amount for item in items if item.accrues_on <= as_of], ZERO),
        funded=_references(places, ContractStatus.FUNDED),
        supplementary=_references(places, ContractStatus.SUPPLEMENTARY),
        over_annual_limit=_references(places, ContractStatus.OVER_ANNUAL_LIMIT),
    )


def _references(places: Sequence[Place], status: ContractStatus) -> tuple[str, ...]:
    return tuple([place.contract.reference for place in places if place.status is status])


#: The condition that a contract left without a funded place does not meet (SPEC §7.1).
_NO_PLACE = {
    ContractStatus.OVER_ANNUAL_LIMIT: Condition.ANNUAL_CONTRACT_LIMIT,
    ContractStatus.SUPPLEMENTARY: Condition.CONVENTION_CONTRACT_LIMIT,
}


def _contract_results(
    convention: Convention,
    ordered: Sequence[Contract],
    as_of: dt.date,
    verdicts: Sequence[Verdict],
    places: Sequence[Place],
    items: Sequence[Entitlement],
) -> tuple[ContractAssessment, ...]:
    """What became of each contract, in the order ``(signed_on, reference)``."""
    failed = {verdict.contract.reference: verdict.failed for verdict in verdicts}
    placed = {place.contract.reference: place for place in places}
    granted = {item.contract.reference: item for item in items if item.contract is not None}
    results = []
    for contract in ordered:
        reference = contract.reference
        grant, accrues = ZERO, None
        unmet: tuple[UnmetCondition, ...] = ()
        if contract.signed_on > as_of:
            status, year = ContractStatus.NOT_YET_SIGNED, programme_year(convention, contract.signed_on)
        elif failed[reference]:
            status, year = ContractStatus.INELIGIBLE, programme_year(convention, contract.signed_on)
            unmet = tuple(
                _contract_unmet(convention, contract, rule, rule.final(contract)) for rule in failed[reference]
            )
        else:
            place = placed[reference]
            status, year = place.status, place.year
            if status is ContractStatus.FUNDED:
                grant, accrues = granted[reference].amount, granted[reference].accrues_on
            else:
                unmet = (_contract_unmet(convention, contract, _NO_PLACE[status], final=True),)
        results.append(
            ContractAssessment(
                reference=reference,
                status=status,
                programme_year=year,
                grant=grant,
                accrues_on=accrues,
                unmet=unmet,
                contract=contract,
            )
        )
    return tuple(results)


def _contract_unmet(
    convention: Convention, contract: Contract, unmet: ContractRule | Condition, final: bool
) -> UnmetCondition:
    """A condition a contract does not meet, set by a rule of eligibility or by the places; the money at
    stake is the grant it does not get."""
    if isinstance(unmet, ContractRule):
        condition, clause, reason = unmet.condition, unmet.clause, unmet.message
    else:
        condition, clause, reason = unmet, unmet.clause, None
    return UnmetCondition(
        condition=condition,
        clause=clause,
        contract=contract.reference,
        amount=convention.grant_per_contract,
        final=final,
        reason=reason,
    )


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
        unmet.append(
            UnmetCondition(
                condition=Condition.NO_EXCESS_PAYMENT,
                clause=Condition.NO_EXCESS_PAYMENT.clause,
                amount=money.excess_paid,
                final=_excess_final(blocking, as_of, convention),
                # With financing terms, the excess is a recovery to decide (CRPA, L. 242-2).
                basis=None if convention.financing is None else WITHDRAWAL_OF_SUBSIDY,
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
        basis=condition.condition.basis,
    )


def _checked_documents(
    convention: Convention, contracts: Sequence[Contract], documents: object, financing_on: dt.date | None
) -> tuple[Document, ...]:
    """The documents, each about a contract or a programme year of this convention, none received before the
    financing convention was signed."""
    if isinstance(documents, (str, bytes)) or not isinstance(documents, Iterable):
        raise InvalidInput("documents", "error.expected_documents", type=type(documents).__name__)
    return check_documents(
        documents,
        contract_references=[contract.reference for contract in contracts],
        year_count=len(convention.programme_years),
        financing_signed_on=financing_on,
    )


# --- the inputs ---------------------------------------------------------------------


def _in_order(items: list[_Referenced], day: str) -> list[_Referenced]:
    """``items`` sorted by ``(day, reference)``, ``day`` the name of their date: the order in which the
    rules look at them."""
    return sorted(items, key=attrgetter(day, "reference"))
