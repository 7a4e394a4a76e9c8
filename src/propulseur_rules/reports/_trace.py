"""The trace behind an assessment, as data: typed steps, each with its clause, inputs and amount.

:meth:`Assessment.trace` builds it from the fields of the assessment, one part per
step of the engine, each reading what that step recorded (no rule is computed
again here: whether C4 or the financing convention is met, the day the balance is
released and the day a claim lapses are the engine's).
:func:`propulseur_rules.reports.explain` renders it as text or Markdown in English
or French, and ``to_dict()`` includes it under ``"trace"``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import attrs

from ..rules._clauses import Clause
from ..rules._convention import PlacesPolicy
from ..rules._eligibility import places_of
from ..rules._financing import FinancingTerms
from ..rules._legal import CONVENTION_REQUIRED, LegalBasis
from ..rules._money import in_money_context, money_text
from ..rules._outcome import Condition, ContractStatus, DeadlineKind
from ..words._errors import UnknownReference, shown
from ._json_ready import json_ready
from ._step_kind import StepKind

if TYPE_CHECKING:
    from ..rules._outcome import Assessment, YearAssessment

__all__ = ["TraceStep", "condition_met", "trace"]

#: The value of one input of a step.
Value: TypeAlias = str | int | bool | Decimal | dt.date | tuple[str, ...] | None


@attrs.frozen(kw_only=True)
class TraceStep:
    """One step of the trace: its kind, the clause it applies (if any), its inputs and its amount.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022, assess
    >>> step = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)).trace()[4]
    >>> step.kind, step.clause, step.amount, step.input("accrues_on")
    (<StepKind.OPERATING_GRANT: 'operating_grant'>, <Clause.C2: 'C2'>, Decimal('20000.00'), datetime.date(2022, 7, 1))
    """

    kind: StepKind
    clause: Clause | None
    inputs: tuple[tuple[str, Value], ...] = ()
    amount: Decimal | None = None
    #: The article of law the step applies besides its clause (the steps of the financing convention).
    basis: LegalBasis | None = None

    def input(self, name: str) -> Value:
        """The input called ``name`` (:class:`UnknownReference`, a ``KeyError``, if the step has none)."""
        for key, value in self.inputs:
            if key == name:
                return value
        raise UnknownReference("name", "error.not_an_input_of_step", value=shown(name), step=self.kind.value)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data: money as ``"15000.00"``, dates in ISO 8601, tuples as lists."""
        return {
            "kind": self.kind.value,
            "clause": None if self.clause is None else self.clause.value,
            "inputs": {key: json_ready(value) for key, value in self.inputs},
            "amount": None if self.amount is None else money_text(self.amount),
            "basis": None if self.basis is None else {"key": self.basis.key, "citation": self.basis.citation},
        }


def _step(
    kind: StepKind,
    clause: Clause | None,
    amount: Decimal | None = None,
    *,
    basis: LegalBasis | None = None,
    **inputs: Value,
) -> TraceStep:
    return TraceStep(kind=kind, clause=clause, inputs=tuple(inputs.items()), amount=amount, basis=basis)


@in_money_context
def trace(assessment: Assessment) -> tuple[TraceStep, ...]:
    """The steps behind an assessment, in reading order, one part per step of the engine.

    The convention (C1, C9); then each programme year: its operating grant and
    funded contracts (C2), its supplementary contracts (C5) and its total (C2);
    each contract's status and why; the target (C3) and the regional
    authorisation (C4); the payments; the money figures with their arithmetic;
    and each unmet condition with its clause. Each part reads what the engine
    recorded on the assessment and decides nothing itself.
    """
    terms = assessment.convention.financing
    return (
        *_convention_steps(assessment),
        *(step for year in assessment.years for step in _year_steps(assessment, year)),
        *_contract_steps(assessment),
        *_condition_steps(assessment),
        *_money_steps(assessment),
        *(() if terms is None else (*_document_steps(assessment), _balance_step(assessment, terms))),
        *_limitation_steps(assessment),
        *_recovery_steps(assessment),
        *_unmet_steps(assessment),
    )


def condition_met(assessment: Assessment, condition: Condition) -> bool:
    """Whether a condition on payment was met on the date: the engine left it out of the unmet ones."""
    return all(unmet.condition is not condition for unmet in assessment.unmet)


def _convention_steps(assessment: Assessment) -> list[TraceStep]:
    """C1, C7, C9 — the period, the readings chosen and the vote of the deliberation."""
    convention = assessment.convention
    steps = [
        _step(
            StepKind.PERIOD,
            Clause.C1,
            start=convention.period.start,
            end=convention.period.end,
            years=len(convention.programme_years),
        ),
        _step(
            StepKind.READINGS,
            # C7 when a reading of « 9 projets … pour la période 2022 – 2024 » is chosen, else C1's period.
            Clause.C7 if convention.places is PlacesPolicy.POOLED or convention.signing_deadline else Clause.C1,
            target_policy=convention.target_policy.value,
            accrual=convention.accrual.value,
            places=convention.places.value,
            signing_deadline=convention.signing_deadline or convention.period.end,
            selected_from=convention.selected_from,
        ),
    ]
    deliberation = convention.deliberation
    if deliberation is not None:
        steps.append(
            _step(
                StepKind.DELIBERATION,
                Clause.C9,
                decided_on=deliberation.decided_on,
                members_in_office=deliberation.members_in_office,
                present=deliberation.present,
                proxies=deliberation.proxies,
                votes_for=deliberation.votes_for,
                votes_against=deliberation.votes_against,
                abstentions=deliberation.abstentions,
                not_voting=deliberation.not_voting,
                quorum_reached=deliberation.quorum_reached,
                second_convocation=deliberation.second_convocation,
                president_voted_for=deliberation.president_voted_for,
                secret_ballot=deliberation.secret_ballot,
                failure=None if deliberation.failure is None else deliberation.failure.value,
                adopted=deliberation.adopted,
                decided_by_president=deliberation.decided_by_president,
                executory_on=deliberation.executory_on,
            )
        )
    return steps


def _year_steps(assessment: Assessment, year: YearAssessment) -> list[TraceStep]:
    """Steps 3 and 4, C2, C5 — a programme year: its operating grant, its places and its total under the cap."""
    convention, as_of = assessment.convention, assessment.as_of
    steps = [
        _step(
            StepKind.YEAR,
            Clause.C1,
            year=year.index,
            label=year.period.label,
            start=year.period.start,
            end=year.period.end,
        ),
        _step(
            StepKind.OPERATING_GRANT,
            Clause.C2,
            year.operating_grant,
            year=year.index,
            nominal=convention.operating_grant_per_year,
            accrues_on=year.operating_grant_accrues_on,
            accrued=year.operating_grant_accrues_on <= as_of,
        ),
    ]
    steps += _place_steps(assessment, year)
    steps.append(
        _step(
            StepKind.YEAR_TOTAL,
            Clause.C2,
            year.accrued,
            year=year.index,
            operating_grant=year.operating_grant,
            contract_grants=year.contract_grants,
            funded=len(year.funded),
            entitled=year.entitled,
            annual_ceiling=convention.annual_ceiling,
            places=convention.places.value,
        )
    )
    return steps


def _place_steps(assessment: Assessment, year: YearAssessment) -> list[TraceStep]:
    """Step 3, C2, C5 — the year's funded contracts with their grants, then those that found no place."""
    convention, as_of = assessment.convention, assessment.as_of
    by_reference = {contract.reference: contract for contract in assessment.contracts}
    steps = []
    for reference in year.funded:
        contract = by_reference[reference]
        steps.append(
            _step(
                StepKind.CONTRACT_GRANT,
                Clause.C2,
                contract.grant,
                year=year.index,
                contract=reference,
                nominal=convention.grant_per_contract,
                accrues_on=contract.accrues_on,
                accrued=contract.accrues_on is not None and contract.accrues_on <= as_of,
            )
        )
    steps.extend(
        _step(
            StepKind.OVER_ANNUAL_LIMIT_CONTRACT,
            Clause.C2,
            Decimal("0.00"),
            year=year.index,
            contract=reference,
            limit=convention.max_funded_contracts_per_year,
        )
        for reference in year.over_annual_limit
    )
    steps.extend(
        _step(
            StepKind.SUPPLEMENTARY_CONTRACT,
            Clause.C5,
            Decimal("0.00"),
            year=year.index,
            contract=reference,
            places=places_of(convention),
        )
        for reference in year.supplementary
    )
    return steps


def _contract_steps(assessment: Assessment) -> list[TraceStep]:
    """Steps 2 and 3, C1, C6, C7, C8 — each contract's status and the clause of the first rule it fails."""
    steps = []
    for contract in assessment.contracts:
        if contract.unmet:
            clause: Clause | None = contract.unmet[0].clause
        elif contract.status is ContractStatus.FUNDED:
            clause = Clause.C2
        else:
            clause = None
        steps.append(
            _step(
                StepKind.CONTRACT_STATUS,
                clause,
                contract.grant,
                contract=contract.reference,
                status=contract.status.value,
                programme_year=contract.programme_year,
                unmet=tuple(unmet.condition.value for unmet in contract.unmet),
                clauses=tuple(unmet.clause.value for unmet in contract.unmet),
            )
        )
    return steps


def _condition_steps(assessment: Assessment) -> list[TraceStep]:
    """Step 5, C3, C4 and the financing convention — the conditions on payment, as the engine found them."""
    convention = assessment.convention
    steps = [
        _step(
            StepKind.TARGET,
            Clause.C3,
            eligible=assessment.eligible_contracts,
            required=convention.required_contracts,
            met=assessment.target_met,
            policy=convention.target_policy.value,
        ),
        _step(
            StepKind.REGIONAL_AUTHORISATION,
            Clause.C4,
            authorised_on=assessment.regional_authorisation_on,
            validated=condition_met(assessment, Condition.REGIONAL_AUTHORISATION),
        ),
    ]
    if convention.financing is not None:
        steps.append(
            _step(
                StepKind.FINANCING_CONVENTION,
                Clause.C3,
                basis=CONVENTION_REQUIRED,
                signed_on=assessment.financing_signed_on,
                signed=condition_met(assessment, Condition.FINANCING_CONVENTION_SIGNED),
            )
        )
    return steps


def _money_steps(assessment: Assessment) -> list[TraceStep]:
    """Step 6, C2, C3 — the payments, then the money figures with their arithmetic."""
    steps = [
        _step(StepKind.PAYMENT, None, payment.amount, reference=payment.reference, paid_on=payment.paid_on)
        for payment in assessment.payments
    ]
    steps += [
        _step(
            StepKind.ACCRUED,
            Clause.C2,
            assessment.accrued,
            by_year=tuple(money_text(year.accrued) for year in assessment.years),
            total_cap=assessment.convention.total_cap,
        ),
        _step(
            StepKind.WITHHELD,
            None,
            assessment.withheld,
            blocking=tuple(unmet.condition.value for unmet in assessment.blocking),
        ),
        _step(
            StepKind.RELEASABLE,
            None,
            assessment.releasable,
            accrued=assessment.accrued,
            withheld=assessment.withheld,
        ),
        _step(StepKind.PAID, None, assessment.paid, payments=len(assessment.payments)),
        _step(
            StepKind.PAYABLE,
            None,
            assessment.payable,
            releasable=assessment.releasable,
            paid=assessment.paid,
            awaiting_documents=assessment.awaiting_documents,
            balance_held=assessment.balance_held,
            time_barred=assessment.time_barred,
        ),
        _step(
            StepKind.EXCESS_PAID,
            None,
            assessment.excess_paid,
            releasable=assessment.releasable,
            paid=assessment.paid,
        ),
    ]
    return steps


def _document_steps(assessment: Assessment) -> list[TraceStep]:
    """Step 8 — every document the terms require, its last day, whether it came in, the money waiting for it."""
    return [
        _step(
            StepKind.DOCUMENT,
            Clause.C3,
            deadline.amount,
            basis=deadline.basis,
            document=deadline.kind.value,
            covers=deadline.covers,
            due_on=deadline.due_on,
            received_on=deadline.received_on,
            overdue=deadline.overdue,
        )
        for deadline in assessment.deadlines
        if deadline.kind is not DeadlineKind.LIMITATION
    ]


def _balance_step(assessment: Assessment, terms: FinancingTerms) -> TraceStep:
    """Step 7 — the balance (« solde »): held, or released on the day the engine recorded."""
    final_report_received = next(
        (deadline.received_on for deadline in assessment.deadlines if deadline.kind is DeadlineKind.FINAL_REPORT),
        None,
    )
    return _step(
        StepKind.BALANCE,
        Clause.C3,
        assessment.balance_held,
        balance_share=str(terms.balance_share),
        releasable=assessment.releasable,
        target_met=assessment.target_met,
        final_report_on=final_report_received,
        released_on=assessment.balance_released_on,
    )


def _limitation_steps(assessment: Assessment) -> list[TraceStep]:
    """Step 9, loi n° 68-1250, art. 1er — each unpaid claim, its last day and the day it lapses."""
    return [
        _step(
            StepKind.LIMITATION,
            Clause.C3,
            deadline.amount,
            basis=deadline.basis,
            arose_on=deadline.arose_on,
            due_on=deadline.due_on,
            lapsed_on=deadline.lapses_on,
            overdue=deadline.overdue,
        )
        for deadline in assessment.deadlines
        if deadline.kind is DeadlineKind.LIMITATION
    ]


def _recovery_steps(assessment: Assessment) -> list[TraceStep]:
    """An excess payment as a recovery to decide, by its cause; a withdrawal (CRPA, L. 242-2) for a breach."""
    recovery = assessment.recovery
    if recovery is None:
        return []
    return [
        _step(
            StepKind.RECOVERY,
            Clause.C3,
            recovery.amount,
            basis=recovery.withdrawal,
            cause=recovery.cause.value,
            reasons=tuple(condition.value for condition in recovery.reasons),
            final=recovery.final,
        )
    ]


def _unmet_steps(assessment: Assessment) -> list[TraceStep]:
    """Every unmet condition with its clause, as the engine listed them."""
    return [
        _step(
            StepKind.UNMET,
            unmet.clause,
            unmet.amount,
            basis=unmet.basis,
            condition=unmet.condition.value,
            contract=unmet.contract,
            blocks_payment=unmet.blocks_payment,
            final=unmet.final,
            needed=unmet.needed,
            releases=unmet.releases,
        )
        for unmet in assessment.unmet
    ]
