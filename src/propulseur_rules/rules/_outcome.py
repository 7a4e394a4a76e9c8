"""What ``assess`` returns: statuses, unmet conditions and the assessment itself.

A business outcome is data, not an exception: an ineligible contract, a missed
target or a missing authorisation is an :class:`UnmetCondition` in the result,
with the clause that says so and the money at stake.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from ..words._errors import UnknownReference, shown
from ._clauses import Clause
from ._dates import Period
from ._documents import Document, DocumentKind
from ._legal import (
    CONVENTION_REQUIRED,
    FOUR_YEAR_LIMITATION,
    HEARING_BEFORE_WITHDRAWAL,
    PRIOR_HEARING,
    STATED_REASONS,
    WITHDRAWAL_OF_SUBSIDY,
    LegalBasis,
)
from ._model import Contract, Payment
from ._money import money_text

if TYPE_CHECKING:
    from ..planning._planning import BudgetYear
    from ..reports._trace import TraceStep
    from ._convention import Convention

__all__ = [
    "FINANCING_FIGURES",
    "MONEY_FIGURES",
    "RECOVERY_BASES",
    "Assessment",
    "Condition",
    "ContractAssessment",
    "ContractStatus",
    "Deadline",
    "DeadlineKind",
    "Recovery",
    "RecoveryCause",
    "ReleasedPart",
    "UnmetCondition",
    "YearAssessment",
    "payable_before_payments",
    "withdrawal_basis",
]


class Condition(enum.Enum):
    """A condition of the convention that can be unmet; each has the clause that sets it."""

    REGIONAL_AUTHORISATION = "regional_authorisation"
    DELIBERATION_ADOPTED = "deliberation_adopted"
    CONTRACT_TARGET = "contract_target"
    SIGNED_WITHIN_PERIOD = "signed_within_period"
    HEAD_OFFICE_IN_TERRITORY = "head_office_in_territory"
    STARTUP_APPLIED = "startup_applied"
    SELECTED_BY_COMMITTEE = "selected_by_committee"
    SECTOR_IN_SCOPE = "sector_in_scope"
    ONE_CONTRACT_PER_STARTUP = "one_contract_per_startup"
    ANNUAL_CONTRACT_LIMIT = "annual_contract_limit"
    CONVENTION_CONTRACT_LIMIT = "convention_contract_limit"
    RECONSIDERATION_POSSIBLE = "reconsideration_possible"
    NO_EXCESS_PAYMENT = "no_excess_payment"
    # The financing convention (Convention.financing): C3's « modalités » and the law of subsidies.
    FINANCING_CONVENTION_SIGNED = "financing_convention_signed"
    SUPPORTING_DOCUMENT = "supporting_document"
    BALANCE_HELD = "balance_held"
    CLAIM_TIME_BARRED = "claim_time_barred"
    # State aid to the startups, the programme's direct beneficiaries (C4): a warning, never blocking.
    DE_MINIMIS_CEILING = "de_minimis_ceiling"

    @property
    def clause(self) -> Clause:
        """The clause that sets this condition."""
        return CONDITION_CLAUSES[self]

    @property
    def basis(self) -> LegalBasis | None:
        """The article of law that sets this condition besides its clause, if any."""
        return CONDITION_BASES.get(self)

    def __str__(self) -> str:
        return self.value


#: The clause each condition comes from.
CONDITION_CLAUSES: dict[Condition, Clause] = {
    Condition.REGIONAL_AUTHORISATION: Clause.C4,
    Condition.DELIBERATION_ADOPTED: Clause.C9,
    Condition.CONTRACT_TARGET: Clause.C3,
    Condition.SIGNED_WITHIN_PERIOD: Clause.C1,
    Condition.HEAD_OFFICE_IN_TERRITORY: Clause.C6,
    Condition.STARTUP_APPLIED: Clause.C6,
    Condition.SELECTED_BY_COMMITTEE: Clause.C6,
    Condition.SECTOR_IN_SCOPE: Clause.C8,
    Condition.ONE_CONTRACT_PER_STARTUP: Clause.C7,
    Condition.ANNUAL_CONTRACT_LIMIT: Clause.C2,
    Condition.CONVENTION_CONTRACT_LIMIT: Clause.C5,
    Condition.RECONSIDERATION_POSSIBLE: Clause.C5,
    Condition.NO_EXCESS_PAYMENT: Clause.C3,
    Condition.FINANCING_CONVENTION_SIGNED: Clause.C3,
    Condition.SUPPORTING_DOCUMENT: Clause.C3,
    Condition.BALANCE_HELD: Clause.C3,
    Condition.CLAIM_TIME_BARRED: Clause.C3,
    Condition.DE_MINIMIS_CEILING: Clause.C4,
}

#: The law each condition of the financing convention comes from, besides C3. A supporting
#: document and the balance are terms of the convention (assumptions) with no article of their
#: own, except the financial statement (``UnmetCondition.basis`` names it). The de minimis ceiling
#: has no basis of its own either: ``UnmetCondition.basis`` names the regulation in force on the
#: contract's date (:mod:`._state_aid`).
CONDITION_BASES: dict[Condition, LegalBasis] = {
    Condition.FINANCING_CONVENTION_SIGNED: CONVENTION_REQUIRED,
    Condition.CLAIM_TIME_BARRED: FOUR_YEAR_LIMITATION,
}


class ContractStatus(enum.Enum):
    """What became of a contract in an assessment."""

    FUNDED = "funded"
    OVER_ANNUAL_LIMIT = "over_annual_limit"
    SUPPLEMENTARY = "supplementary"
    INELIGIBLE = "ineligible"
    NOT_YET_SIGNED = "not_yet_signed"

    def __str__(self) -> str:
        return self.value


#: The money figures of an :class:`Assessment`, in the order the reports give them; the three of
#: the financing convention (:data:`FINANCING_FIGURES`) are zero without terms. Every export,
#: record and table of money figures takes its columns from here.
MONEY_FIGURES = (
    "accrued",
    "withheld",
    "releasable",
    "awaiting_documents",
    "balance_held",
    "time_barred",
    "paid",
    "payable",
    "excess_paid",
)

#: The money figures of the financing convention (C3's « modalités »), in the order of :data:`MONEY_FIGURES`.
#: ``time_barred`` is one of them because the limitation of unpaid claims (loi n° 68-1250) is dated by the
#: deadlines of the terms: without terms there are no such deadlines, and it is zero.
FINANCING_FIGURES = ("awaiting_documents", "balance_held", "time_barred")


def payable_before_payments(releasable: Decimal, awaiting_documents: Decimal, balance_held: Decimal) -> Decimal:
    """C3 « modalités » — of what is releasable, what neither waits for a document nor is the balance held."""
    return releasable - awaiting_documents - balance_held


#: The statuses of an eligible contract: they all count towards the target of C3.
ELIGIBLE_STATUSES = frozenset({ContractStatus.FUNDED, ContractStatus.OVER_ANNUAL_LIMIT, ContractStatus.SUPPLEMENTARY})


@attrs.frozen(kw_only=True)
class UnmetCondition:
    """A condition that is not met on the date of the assessment.

    ``amount`` is the money at stake: what is withheld for a blocking condition,
    the grant a contract does not get, or the excess paid. ``final`` is true when
    the condition can no longer be met. ``needed`` (for the target) is how many
    more eligible contracts would meet it, and ``releases`` (for a blocking
    condition that is the only one blocking) is what lifting it would release.
    ``beyond`` (for ``RECONSIDERATION_POSSIBLE``) is how many eligible contracts
    lie beyond the convention's places. ``reason`` is the key of the message of
    the rule that set a contract's condition, when two rules set the same one
    (``signed_after_deadline`` for C7's deadline, ``selected_before_programme``
    for ``Convention.selected_from``); ``None`` gives the condition's own message.
    """

    condition: Condition
    clause: Clause
    contract: str | None = None
    amount: Decimal = Decimal("0.00")
    blocks_payment: bool = False
    final: bool = False
    needed: int | None = None
    releases: Decimal | None = None
    beyond: int | None = None
    reason: str | None = None
    #: The article of law cited besides ``clause`` (a :class:`~propulseur_rules.reports.LegalBasis`).
    basis: LegalBasis | None = None
    #: For ``SUPPORTING_DOCUMENT``: the document awaited, what it covers (a contract reference
    #: or a programme year), its last day and whether that day has passed.
    document: DocumentKind | None = None
    covers: str | int | None = None
    due_on: dt.date | None = None
    overdue: bool = False
    #: For ``CLAIM_TIME_BARRED``: the day the unpaid claim became time-barred.
    lapsed_on: dt.date | None = None
    #: For ``CLAIM_TIME_BARRED``: the day the council relieved the beneficiary of the limitation
    #: (loi n° 68-1250, art. 6), if it did.
    relieved_on: dt.date | None = None
    #: For a condition a contract fails: the name of its startup, as the reports name it.
    startup: str | None = None
    #: For ``ONE_CONTRACT_PER_STARTUP`` (C7): the earlier eligible contract of the same startup, and
    #: the name of that startup as that contract gives it.
    earlier: str | None = None
    earlier_startup: str | None = None

    def message(self, lang: str = "en") -> str:
        """A sentence that says what is unmet, its clause, and what would lift it."""
        from ..reports._messages import unmet_message

        return unmet_message(self, lang)


class DeadlineKind(enum.Enum):
    """What falls due on a deadline: a supporting document, or the limitation of an unpaid claim."""

    CONTRACT_COPY = "contract_copy"
    FINANCIAL_STATEMENT = "financial_statement"
    FINAL_REPORT = "final_report"
    LIMITATION = "limitation"

    @property
    def document(self) -> DocumentKind | None:
        """The kind of document due, ``None`` for the limitation."""
        return None if self is DeadlineKind.LIMITATION else DocumentKind(self.value)

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Deadline:
    """A date the financing convention or the law sets, as data.

    For a document (« pièce justificative »): ``due_on`` is its last day,
    ``covers`` a contract reference, a programme year or ``None`` (the final
    report), ``received_on`` the day it came in (``None`` if not by the date of
    the assessment), ``amount`` the money earned and released by the other
    conditions that waits for it, and ``overdue`` whether its last day has passed
    without it. For ``LIMITATION``: ``due_on`` is 31 December of the fourth year
    after the one the claim arose in, the last day to pay it before the funder may
    invoke the four-year limitation, ``amount`` the part of the claim still unpaid,
    ``arose_on`` the day the right to it arose and ``overdue`` whether that day has
    passed.
    """

    kind: DeadlineKind
    due_on: dt.date
    covers: str | int | None = None
    amount: Decimal = Decimal("0.00")
    received_on: dt.date | None = None
    arose_on: dt.date | None = None
    overdue: bool = False
    basis: LegalBasis | None = None
    #: For ``LIMITATION``: the first day the claim is time-barred, the day after ``due_on``
    #: (``None`` past 31 December 9999).
    lapses_on: dt.date | None = None
    #: For ``LIMITATION``: the payment, written claim or letter that started its four years again
    #: (loi n° 68-1250, art. 2); ``None`` when none did.
    interrupted_on: dt.date | None = None


class RecoveryCause(enum.Enum):
    """Why money paid beyond what is releasable is to be recovered, which sets the procedure.

    ``PAID_BEFORE_CONDITION``: paid before a condition of payment was met (C4, C9, the financing
    convention; C3's target while the period runs): no more is paid until it is, the sum is set
    against the next instalments, and if the condition fails for good what was paid without legal
    basis is recovered by a recovery order (« titre de recette »). ``BREACH``: a condition of the
    grant the beneficiary had to meet was not (C3's target missed for good): the funder may withdraw
    the subsidy, in whole or in part (CRPA, L. 242-2), by a decision stating its reasons (L. 211-2),
    after a prior hearing (L. 121-1, L. 122-1). ``OVERPAYMENT``: more was paid than has been earned,
    nothing withholding payment: set against the next instalments.
    """

    PAID_BEFORE_CONDITION = "paid_before_condition"
    BREACH = "breach"
    OVERPAYMENT = "overpayment"

    def __str__(self) -> str:
        return self.value


#: The articles that set the procedure of each cause of a recovery: a withdrawal for a breach only.
RECOVERY_BASES: dict[RecoveryCause, tuple[LegalBasis, ...]] = {
    RecoveryCause.PAID_BEFORE_CONDITION: (),
    RecoveryCause.BREACH: (PRIOR_HEARING, HEARING_BEFORE_WITHDRAWAL, STATED_REASONS, WITHDRAWAL_OF_SUBSIDY),
    RecoveryCause.OVERPAYMENT: (),
}


def withdrawal_basis(cause: RecoveryCause) -> LegalBasis | None:
    """CRPA, L. 242-2 — the article that lets the funder withdraw the subsidy, for a breach only."""
    return WITHDRAWAL_OF_SUBSIDY if cause is RecoveryCause.BREACH else None


@attrs.frozen(kw_only=True)
class Recovery:
    """An excess payment as a recovery to decide, never as a debt already owed, by its cause.

    ``cause`` says why and sets the procedure (:class:`RecoveryCause`); ``bases`` are
    the articles of that procedure (:data:`RECOVERY_BASES`). ``reasons`` are the
    conditions that withhold the money paid (empty when more was paid than is
    earned), ``final`` whether none of them can still be met.
    """

    amount: Decimal
    cause: RecoveryCause
    reasons: tuple[Condition, ...]
    final: bool
    bases: tuple[LegalBasis, ...] = ()

    @property
    def withdrawal(self) -> LegalBasis | None:
        """The article that lets the funder withdraw the subsidy (CRPA, L. 242-2): for a breach only."""
        return withdrawal_basis(self.cause)


@attrs.frozen(kw_only=True)
class YearAssessment:
    """One programme year: what it is entitled to and what has accrued by the date.

    ``entitled`` is the operating grant plus the grants of the contracts funded so
    far, after the cap of C2; ``accrued`` is the part of it earned by the date.
    """

    index: int
    period: Period
    operating_grant: Decimal
    operating_grant_accrues_on: dt.date
    contract_grants: Decimal
    entitled: Decimal
    accrued: Decimal
    funded: tuple[str, ...]
    supplementary: tuple[str, ...]
    over_annual_limit: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class ContractAssessment:
    """What became of one contract: status, programme year, grant and unmet conditions.

    ``contract`` is the contract as given to :func:`assess`, so that a result
    carries the startup's name, SIREN, head office, sector and dates; it counts
    in equality (two results of different inputs differ) but is left out of the
    ``repr``, which stays about the outcome.
    """

    reference: str
    status: ContractStatus
    programme_year: int | None
    grant: Decimal
    accrues_on: dt.date | None
    unmet: tuple[UnmetCondition, ...]
    contract: Contract = attrs.field(repr=False)


@attrs.frozen(kw_only=True)
class Assessment:
    """The answer of :func:`assess` on one date.

    ``accrued`` is what has been earned, ``withheld`` what a blocking condition
    holds back, ``releasable = accrued - withheld``, ``paid`` the counted
    payments, ``payable`` what may be paid now and ``excess_paid`` what was paid
    beyond what is releasable. With financing terms, ``payable = max(0,
    releasable - awaiting_documents - balance_held - paid) - time_barred``.
    """

    as_of: dt.date
    convention: Convention
    regional_authorisation_on: dt.date | None
    years: tuple[YearAssessment, ...]
    contracts: tuple[ContractAssessment, ...]
    payments: tuple[Payment, ...]
    accrued: Decimal
    withheld: Decimal
    releasable: Decimal
    paid: Decimal
    payable: Decimal
    excess_paid: Decimal
    unmet: tuple[UnmetCondition, ...]
    #: The day the financing convention was signed, and the documents received by the date.
    financing_signed_on: dt.date | None = None
    documents: tuple[Document, ...] = ()
    #: Of what is releasable, what waits for a supporting document, and the balance
    #: (« solde ») held until the target and the final report (both zero without financing terms).
    awaiting_documents: Decimal = Decimal("0.00")
    balance_held: Decimal = Decimal("0.00")
    #: Of the claims still unpaid, those past the four-year limitation, withheld from ``payable`` unless the
    #: council relieved the beneficiary of it on or before the date (loi n° 68-1250, art. 1er and 6; zero
    #: without financing terms, whose deadlines date the claims).
    time_barred: Decimal = Decimal("0.00")
    #: The documents' due dates and the limitation of unpaid claims, by date (financing terms only).
    deadlines: tuple[Deadline, ...] = ()
    #: An excess payment, as a recovery to decide after hearing the beneficiary (financing terms only).
    recovery: Recovery | None = None
    #: The day the balance (« solde ») was released: the target of C3 met and the final report in
    #: (financing terms only; ``None`` while it is held).
    balance_released_on: dt.date | None = None
    #: What is releasable, by the day it became releasable and the clause that released it, oldest
    #: first; the parts add up to ``releasable`` (:class:`ReleasedPart`).
    released: tuple[ReleasedPart, ...] = ()

    @property
    def payable_before_payments(self) -> Decimal:
        """What may be paid, payments aside: releasable less what waits for a document and the balance held."""
        return payable_before_payments(self.releasable, self.awaiting_documents, self.balance_held)

    @property
    def awaited(self) -> tuple[Deadline, ...]:
        """The documents not received on which money waits, each with its amount, due date and lateness."""
        return tuple(
            deadline
            for deadline in self.deadlines
            if deadline.kind is not DeadlineKind.LIMITATION and deadline.received_on is None and deadline.amount
        )

    @property
    def next_deadlines(self) -> tuple[Deadline, ...]:
        """The deadlines still to come after the date, documents not yet received and claims still unpaid."""
        return tuple(
            deadline for deadline in self.deadlines if deadline.due_on >= self.as_of and deadline.received_on is None
        )

    @property
    def eligible_contracts(self) -> int:
        """How many signed contracts are eligible, funded or not: the count for C3."""
        return sum(1 for contract in self.contracts if contract.status in ELIGIBLE_STATUSES)

    @property
    def target_met(self) -> bool:
        """Whether the eligible contracts reach the convention's required number (C3)."""
        return self.eligible_contracts >= self.convention.required_contracts

    @property
    def remaining_grant(self) -> Decimal:
        """C2 — what remains of the convention's cap (195 000 €) once what was paid and what is payable now are
        paid: the grant still to come, if the rest is earned and released."""
        return self.convention.total_cap - self.paid - self.payable

    @property
    def blocking(self) -> tuple[UnmetCondition, ...]:
        """The unmet conditions that withhold payment."""
        return tuple(unmet for unmet in self.unmet if unmet.blocks_payment)

    def contract(self, reference: str) -> ContractAssessment:
        """The assessment of the contract with this reference (:class:`UnknownReference`, a ``KeyError``, if none)."""
        for contract in self.contracts:
            if contract.reference == reference:
                return contract
        raise UnknownReference("reference", "error.not_a_contract_of_assessment", value=shown(reference))

    def explain(self, lang: str = "en") -> str:
        """A readable trace: each year, each amount with its clause, each unmet condition."""
        from ..reports._render import explain

        return explain(self, lang)

    def trace(self) -> tuple[TraceStep, ...]:
        """The steps behind the figures, as data: each with its kind, clause, inputs and amount."""
        from ..reports._trace import trace

        return trace(self)

    def to_dict(self, *, trace: bool = True) -> dict[str, Any]:
        """Plain JSON-ready data: money as strings with two decimals, dates in ISO 8601.

        ``trace=False`` leaves out ``"trace"``, the steps of :meth:`trace`, for a lighter answer.
        """
        from ..reports._render import assessment_to_dict

        return assessment_to_dict(self, trace=trace)

    def to_records(self, by: str = "contract") -> list[dict[str, Any]]:
        """Flat records ready for ``pandas.DataFrame``: one per contract (the default),
        per programme year (``by="programme_year"``), per budget year (``by="budget_year"``)
        or per deadline of the financing terms (``by="deadline"``).
        """
        from ..planning._planning import records

        return records(self, by)

    def by_budget_year(self) -> tuple[BudgetYear, ...]:
        """The figures by calendar year (exercice budgétaire), adding up to the totals to the cent."""
        from ..planning._planning import budget_years

        return budget_years(self)

    def to_frame(self, by: str = "contract", money: str = "cents") -> Any:
        """The records of :meth:`to_records` (or, ``by="unmet"``, one row per unmet condition) as a typed
        ``pandas.DataFrame`` (the ``frames`` extra), in the convention of every frame of the library:
        money in integer cents (``grant_cents``; ``money="decimal"`` or ``"float"`` for euros), dates
        ``datetime64``, statuses categories, the unmet conditions a list of codes.
        """
        from ..planning._frame import to_frame

        return to_frame(self, by, money)

    def __repr__(self) -> str:
        """A short line: the convention, the date, the main figures and the counts."""
        return (
            f"<Assessment of {self.convention.reference!r} on {self.as_of.isoformat()}: "
            f"accrued {money_text(self.accrued)}, releasable {money_text(self.releasable)}, "
            f"payable {money_text(self.payable)}, {len(self.contracts)} contract(s), {len(self.unmet)} unmet>"
        )

    def _repr_html_(self) -> str:
        from ..reports._render import assessment_html

        return assessment_html(self)


@attrs.frozen(kw_only=True)
class ReleasedPart:
    """Money releasable on the date of an assessment, dated by the day it became releasable.

    That is the day it accrued (C3) or, if later, the day the last condition that
    withheld payment was lifted: the regional authorisation (C4), the vote in force
    (C9), the signature of the financing convention or the target met under all or
    nothing (C3). ``clause`` is the clause of what happened that day.
    """

    released_on: dt.date
    clause: Clause
    amount: Decimal
