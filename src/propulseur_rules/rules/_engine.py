"""``assess``: the rules of the convention as one pure function.

No I/O, no clock, no global state. :func:`assess` composes small steps, each
named after what the deliberation asks and each taking and returning frozen
values:

1. the signed contracts, in the order ``(signed_on, reference)``;
2. :func:`~._eligibility.judge_eligibility` — every rule of :data:`~._rules.CONTRACT_RULES` (C1, C6, C7, C8);
3. :func:`~._eligibility.allot_places` — the funded places, per programme year or pooled (C2, C7, C5);
4. :func:`~._entitlement.entitlement` — the grants in order, cut under the cap (C2), each with the day it
   accrues (C3);
5. :func:`~._settlement.payment_conditions` — what withholds payment (C3, C4, C9, and the financing convention);
6. :func:`~._settlement.settle` — accrued, withheld, releasable, paid, payable and excess paid;
7. to 9., when the convention has financing terms (C3's « modalités »): what each
   document releases, the balance held, the deadlines and the limitation of unpaid
   claims (:mod:`._financing_steps`, :mod:`._release`).

Each step lives in the module of its concern; this one holds :func:`assess`,
which takes the facts and chains the steps, and the preparation of the inputs.

The result does not depend on the order of the contracts or of the payments:
both are put in a canonical order before any rule looks at them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import TypeVar, overload

from ..words._errors import InvalidInput, kind_of
from ._clauses import Clause
from ._convention import Convention, TargetPolicy
from ._documents import Document, check_documents, first_received
from ._eligibility import Place, Verdict, allot_places, judge_eligibility, target_met_on
from ._entitlement import Entitlement, entitlement
from ._facts import Facts, checked_items, facts_from
from ._financing import FinancingTerms
from ._financing_steps import FinancingSteps, financing_steps, financing_unmet, hold_back
from ._limitation import LimitationEvent, interruption_days, relief_days
from ._model import Contract, Payment
from ._money import ZERO, in_money_context
from ._outcome import Assessment
from ._release import released_parts
from ._results import contract_results, year_results
from ._settlement import (
    Money,
    in_unmet_order,
    payment_conditions,
    recovery,
    settle,
    signature_required,
    unmet_conditions,
)
from ._state_aid import DeMinimisAid, de_minimis_unmet

__all__ = ["assess", "assessment_of_steps", "checked_items"]

_Referenced = TypeVar("_Referenced", Contract, Payment)

#: The steps :func:`assess` takes after ordering its inputs (1.), in its order: 2. to 6., then 7. to 9. when the
#: convention has financing terms. The columnar engine of ``propulseur_rules.batch`` pairs each with its
#: columnar form, and a test checks this tuple against the calls of :func:`_assess_facts` and :func:`_assessment`.
STEPS: tuple[Callable[..., object], ...] = (
    judge_eligibility,
    allot_places,
    entitlement,
    payment_conditions,
    settle,
    financing_steps,
    hold_back,
)


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
    limitation_events: Iterable[LimitationEvent] = (),
    de_minimis_aid: Iterable[DeMinimisAid] = (),
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
    limitation_events: Iterable[LimitationEvent] = (),
    de_minimis_aid: Iterable[DeMinimisAid] = (),
) -> Assessment:
    """Assess a convention on a date: what is earned, what may be paid, what is withheld and why.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    >>> assessment.accrued, assessment.payable
    (Decimal('20000.00'), Decimal('0.00'))
    >>> [(unmet.condition.value, unmet.blocks_payment) for unmet in assessment.unmet]
    [('regional_authorisation', True), ('financing_convention_signed', False), ('contract_target', False)]

    The facts may come as one :class:`~._facts.Facts` in place of the contracts
    (``assess(convention, facts)``) or as the contracts and keyword arguments.
    ``documents`` matter only for a convention with financing terms
    (``Convention.financing``); without them they are kept on the result and
    change no figure. ``financing_signed_on`` matters whenever the law requires a
    financing convention (a yearly amount above 23 000 €): signed after
    ``as_of``, it withholds all that has accrued, terms or not; not given under
    the deliberation alone, the condition is reported not verified, a warning.
    ``limitation_events`` (the written claims, letters and relief of the four-year
    limitation, loi n° 68-1250, art. 2 and 6) act on the deadlines of unpaid claims.
    ``de_minimis_aid``, the other de minimis aid the startups received, changes no
    figure: a contract that would take its startup over the ceiling is a warning
    (:mod:`._state_aid`).
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))
    facts = facts_from(
        contracts,
        as_of=as_of,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
        limitation_events=limitation_events,
        de_minimis_aid=de_minimis_aid,
    )
    return _assess_facts(convention, facts)


def _assess_facts(convention: Convention, facts: Facts) -> Assessment:
    """Steps 1 to 9 on the checked facts of a case, each a named step, and the assessment they make."""
    ordered, counted, documents = _inputs(convention, facts)
    verdicts = judge_eligibility(convention, [contract for contract in ordered if contract.signed_on <= facts.as_of])
    places = allot_places(convention, [verdict.contract for verdict in verdicts if verdict.eligible])
    return _assessment(
        convention, facts, (ordered, counted, documents), verdicts, places, entitlement(convention, places)
    )


@in_money_context
def assessment_of_steps(
    convention: Convention,
    facts: Facts,
    verdicts: Sequence[Verdict],
    places: Sequence[Place],
    items: Sequence[Entitlement],
) -> Assessment:
    """The assessment of a case from steps 2 to 4 made elsewhere (the columnar engine's, as step values):
    steps 5 to 9 and the assessment, as :func:`assess` makes them."""
    return _assessment(convention, facts, _inputs(convention, facts), verdicts, places, items)


def _assessment(
    convention: Convention,
    facts: Facts,
    inputs: tuple[list[Contract], list[Payment], tuple[Document, ...]],
    verdicts: Sequence[Verdict],
    places: Sequence[Place],
    items: Sequence[Entitlement],
) -> Assessment:
    """Steps 5 to 9 after the verdicts, places and items of money, and the assessment they make."""
    as_of = facts.as_of
    ordered, counted, documents = inputs
    conditions = payment_conditions(
        convention,
        as_of,
        facts.regional_authorisation_on,
        eligible=len(places),
        financing_signed_on=facts.financing_signed_on,
    )
    years = year_results(convention, as_of, places, items)
    money = settle(sum([year.accrued for year in years], ZERO), conditions, counted)
    contracts = contract_results(convention, ordered, as_of, verdicts, places, items)
    unmet = unmet_conditions(convention, as_of, conditions, money, contracts, eligible=len(places))
    unmet += de_minimis_unmet(contracts, facts.de_minimis_aid)
    accrued = [(item.accrues_on, item.amount) for item in items if item.accrues_on <= as_of]
    lifts = _lifts(convention, facts, places)
    released = released_parts(accrued, lifts, releasable=money.releasable)
    steps = None
    terms = convention.financing
    if terms is not None:  # 7. to 9.
        steps = _financing(convention, terms, facts, items, places, money, documents, [day for day, _ in lifts])
        # Loi n° 68-1250, art. 6: each relief covers the claims time-barred on its own day.
        reliefs = relief_days(facts.limitation_events, as_of)
        money = hold_back(money, steps.outcome, steps.deadlines, reliefs=reliefs)
        unmet += financing_unmet(convention, steps.deadlines, money, as_of, len(places), reliefs=reliefs)
    return Assessment(
        as_of=as_of,
        convention=convention,
        regional_authorisation_on=facts.regional_authorisation_on,
        years=years,
        contracts=contracts,
        payments=tuple(counted),
        **money._asdict(),
        unmet=in_unmet_order(unmet),
        financing_signed_on=facts.financing_signed_on,
        documents=documents,
        deadlines=() if steps is None else steps.deadlines,
        recovery=recovery(conditions, money, as_of, convention),
        balance_released_on=None if steps is None else steps.outcome.released_on,
        released=released,
    )


# --- 1. the inputs ------------------------------------------------------------------


def _inputs(convention: Convention, facts: Facts) -> tuple[list[Contract], list[Payment], tuple[Document, ...]]:
    """The contracts in the order ``(signed_on, reference)``, the payments made by ``as_of`` in the order
    ``(paid_on, reference)``, and the documents checked against this convention and its contracts."""
    ordered = _in_order(list(facts.contracts), "signed_on")
    counted = [payment for payment in _in_order(list(facts.payments), "paid_on") if payment.paid_on <= facts.as_of]
    return ordered, counted, _checked_documents(convention, ordered, facts.documents)


def _in_order(items: list[_Referenced], day: str) -> list[_Referenced]:
    """``items`` sorted by ``(day, reference)``, ``day`` the name of their date: the order in which the
    rules look at them."""
    return sorted(items, key=attrgetter(day, "reference"))


def _checked_documents(
    convention: Convention, contracts: Sequence[Contract], documents: Sequence[Document]
) -> tuple[Document, ...]:
    """The documents, each about a contract or a programme year of this convention.

    :class:`~._facts.Facts` has checked the rest: a collection of documents, each about one of its
    contracts, none received before the financing convention was signed.
    """
    return check_documents(
        documents,
        contract_references=[contract.reference for contract in contracts],
        year_count=len(convention.programme_years),
    )


# --- 7. to 9. the financing convention ----------------------------------------------


def _financing(
    convention: Convention,
    terms: FinancingTerms,
    facts: Facts,
    items: Sequence[Entitlement],
    places: Sequence[Place],
    money: Money,
    documents: Sequence[Document],
    lifted: Sequence[dt.date],
) -> FinancingSteps:
    """Steps 7 to 9 on the documents received by ``as_of``, once the blocking conditions of payment were lifted
    (``lifted``, the days of :func:`_lifts`)."""
    return financing_steps(
        convention,
        terms,
        as_of=facts.as_of,
        items=items,
        places=places,
        money=money,
        received=first_received(documents, facts.as_of),
        lifted=lifted,
        # A refund pays the funder back: it is no payment of the claim and does not interrupt its limitation.
        interruptions=interruption_days(
            [payment.paid_on for payment in facts.payments if payment.paid_on <= facts.as_of and not payment.refund],
            [event for event in facts.limitation_events if event.on <= facts.as_of],
        ),
    )


def _lifts(convention: Convention, facts: Facts, places: Sequence[Place]) -> list[tuple[dt.date, Clause]]:
    """The days the conditions that withhold payment were lifted, with their clauses: C4, C9, the financing
    convention the law requires (C3) and, under all or nothing, the target (C3)."""
    vote = convention.deliberation
    lifts = [(facts.regional_authorisation_on, Clause.C4), (None if vote is None else vote.in_force_on, Clause.C9)]
    if signature_required(convention):
        lifts.append((facts.financing_signed_on, Clause.C3))
    if convention.target_policy is TargetPolicy.ALL_OR_NOTHING:
        lifts.append((target_met_on(convention, places), Clause.C3))
    return [(day, clause) for day, clause in lifts if day is not None]
