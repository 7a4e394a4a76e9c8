"""``assess``: the rules of the convention as one pure function.

No I/O, no clock, no global state. Each rule is a small function whose
docstring starts with the clause it applies. The result does not depend on the
order of the contracts or of the payments: both are put in a canonical order
before any rule looks at them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from ._convention import Accrual, Convention, TargetPolicy
from ._errors import InvalidInput
from ._model import Contract, Payment, to_date, to_optional_date
from ._money import ZERO
from ._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    UnmetCondition,
    YearAssessment,
)

__all__ = ["assess"]

_ONE_DAY = dt.timedelta(days=1)
_Referenced = TypeVar("_Referenced", Contract, Payment)


def assess(
    convention: Convention,
    contracts: Iterable[Contract] = (),
    *,
    as_of: dt.date,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
) -> Assessment:
    """Assess a convention on a date: what is earned, what may be paid, what is withheld and why.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    >>> assessment.accrued, assessment.payable
    (Decimal('20000.00'), Decimal('0.00'))
    >>> [unmet.condition.value for unmet in assessment.unmet]
    ['regional_authorisation', 'contract_target']
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", f"expected a Convention, not {type(convention).__name__}")
    as_of = to_date(as_of, "as_of")
    authorised_on = to_optional_date(regional_authorisation_on, "regional_authorisation_on")
    ordered = sorted(_checked("contracts", contracts, Contract), key=_contract_order)
    counted_payments = tuple(
        sorted(
            (payment for payment in _checked("payments", payments, Payment) if payment.paid_on <= as_of),
            key=lambda payment: (payment.paid_on, payment.reference),
        )
    )

    years = convention.programme_years
    year_starts = [year.start for year in years]

    def year_of(day: dt.date) -> int | None:
        if day not in convention.period:
            return None
        return bisect.bisect_right(year_starts, day)

    # 1-2. Signed contracts and their eligibility (C1, C6, C7, C8).
    failures: dict[str, tuple[Condition, ...]] = {}
    eligible_by_year: list[list[Contract]] = [[] for _ in years]
    register = _StartupRegister()
    for contract in ordered:
        if contract.signed_on > as_of:
            continue
        failed = _failed_conditions(convention, contract)
        if register.has_earlier_eligible_contract(contract):
            failed += (Condition.ONE_CONTRACT_PER_STARTUP,)
        failures[contract.reference] = failed
        if not failed:
            register.add(contract)
            index = year_of(contract.signed_on)
            assert index is not None  # signed within the period
            eligible_by_year[index - 1].append(contract)

    # 3. Funded and supplementary contracts per programme year (C2, C5).
    funded_by_year = [year[: convention.max_funded_contracts_per_year] for year in eligible_by_year]
    supplementary_by_year = [year[convention.max_funded_contracts_per_year :] for year in eligible_by_year]

    # 4. Entitlement items under the cap (C2), each with the day it accrues (C3).
    remaining = convention.total_cap
    year_results: list[YearAssessment] = []
    grants: dict[str, tuple[Decimal, dt.date]] = {}
    accrued_total = ZERO
    for index, (year, funded) in enumerate(zip(years, funded_by_year, strict=True), start=1):
        operating_on = accrues_on(convention, year.start, year.end)
        operating = min(convention.operating_grant_per_year, remaining)
        remaining -= operating
        year_accrued = operating if operating_on <= as_of else ZERO
        contract_grants = ZERO
        for contract in funded:
            grant = min(convention.grant_per_contract, remaining)
            remaining -= grant
            grant_on = accrues_on(convention, contract.signed_on, year.end)
            grants[contract.reference] = (grant, grant_on)
            contract_grants += grant
            if grant_on <= as_of:
                year_accrued += grant
        accrued_total += year_accrued
        year_results.append(
            YearAssessment(
                index=index,
                period=year,
                operating_grant=operating,
                operating_grant_accrues_on=operating_on,
                contract_grants=contract_grants,
                entitled=operating + contract_grants,
                accrued=year_accrued,
                funded=tuple(contract.reference for contract in funded),
                supplementary=tuple(contract.reference for contract in supplementary_by_year[index - 1]),
            )
        )

    # 5. Blocking conditions (C3, C4, C9) and the money figures.
    eligible_count = sum(len(year) for year in eligible_by_year)
    blocking = _blocking_conditions(convention, as_of, authorised_on, eligible_count)
    withheld = accrued_total if any(blocks for _, blocks, _, _ in blocking) else ZERO
    releasable = accrued_total - withheld
    paid = sum((payment.amount for payment in counted_payments), ZERO)
    payable = max(ZERO, releasable - paid)
    excess_paid = max(ZERO, paid - releasable)

    # The unmet conditions: blocking ones first, then contract by contract, then payments.
    blockers = sum(1 for _, blocks, _, _ in blocking if blocks)
    unmet: list[UnmetCondition] = []
    for condition, blocks, final, needed in blocking:
        unmet.append(
            UnmetCondition(
                condition=condition,
                clause=condition.clause,
                amount=withheld if blocks else ZERO,
                blocks_payment=blocks,
                final=final,
                needed=needed,
                releases=withheld if blocks and blockers == 1 else None,
            )
        )

    supplementary = {contract.reference for year in supplementary_by_year for contract in year}
    contract_results: list[ContractAssessment] = []
    for contract in ordered:
        reference = contract.reference
        index = year_of(contract.signed_on)
        if reference not in failures:
            contract_results.append(_contract(reference, ContractStatus.NOT_YET_SIGNED, index))
        elif failures[reference]:
            contract_unmet = tuple(
                UnmetCondition(
                    condition=condition,
                    clause=condition.clause,
                    contract=reference,
                    amount=convention.grant_per_contract,
                    final=_contract_condition_final(condition, contract),
                )
                for condition in failures[reference]
            )
            unmet.extend(contract_unmet)
            contract_results.append(_contract(reference, ContractStatus.INELIGIBLE, index, unmet=contract_unmet))
        elif reference in supplementary:
            limit = UnmetCondition(
                condition=Condition.ANNUAL_CONTRACT_LIMIT,
                clause=Condition.ANNUAL_CONTRACT_LIMIT.clause,
                contract=reference,
                amount=convention.grant_per_contract,
                final=True,
            )
            unmet.append(limit)
            contract_results.append(_contract(reference, ContractStatus.SUPPLEMENTARY, index, unmet=(limit,)))
        else:
            grant, grant_on = grants[reference]
            contract_results.append(
                _contract(reference, ContractStatus.FUNDED, index, grant=grant, accrues_on=grant_on)
            )

    if excess_paid:
        period_over = as_of > convention.period.end
        unmet.append(
            UnmetCondition(
                condition=Condition.NO_EXCESS_PAYMENT,
                clause=Condition.NO_EXCESS_PAYMENT.clause,
                amount=excess_paid,
                final=period_over and all(final for _, blocks, final, _ in blocking if blocks),
            )
        )

    return Assessment(
        as_of=as_of,
        convention=convention,
        regional_authorisation_on=authorised_on,
        years=tuple(year_results),
        contracts=tuple(contract_results),
        payments=counted_payments,
        accrued=accrued_total,
        withheld=withheld,
        releasable=releasable,
        paid=paid,
        payable=payable,
        excess_paid=excess_paid,
        unmet=tuple(unmet),
    )


# --- the rules, one small function each ---------------------------------------------


def signed_within_period(convention: Convention, contract: Contract) -> bool:
    """C1 — the contract is signed within the period of the convention."""
    return contract.signed_on in convention.period


def head_office_in_territory(convention: Convention, contract: Contract) -> bool:
    """C6 — the startup has its head office (siège social) in the territory."""
    return contract.startup.head_office in convention.territory


def startup_applied(convention: Convention, contract: Contract) -> bool:
    """C6 — the startup expressed its wish to join, on or before its selection."""
    applied_on = contract.applied_on
    if applied_on is None:
        return False
    return contract.selected_on is None or applied_on <= contract.selected_on


def selected_by_committee(convention: Convention, contract: Contract) -> bool:
    """C6 — the selection committee qualified the startup's entry, on or before signature."""
    return contract.selected_on is not None and contract.selected_on <= contract.signed_on


def sector_in_scope(convention: Convention, contract: Contract) -> bool:
    """C8 — the startup works in one of the convention's fields (industry, health)."""
    return contract.startup.sector in convention.eligible_sectors


_CONTRACT_RULES = (
    (Condition.SIGNED_WITHIN_PERIOD, signed_within_period),
    (Condition.HEAD_OFFICE_IN_TERRITORY, head_office_in_territory),
    (Condition.STARTUP_APPLIED, startup_applied),
    (Condition.SELECTED_BY_COMMITTEE, selected_by_committee),
    (Condition.SECTOR_IN_SCOPE, sector_in_scope),
)


def _failed_conditions(convention: Convention, contract: Contract) -> tuple[Condition, ...]:
    return tuple(condition for condition, rule in _CONTRACT_RULES if not rule(convention, contract))


class _StartupRegister:
    """C7 — « 9 projets »: one funded project per startup.

    Two contracts are for the same startup when both carry a SIREN and the
    SIRENs are equal, or when at least one lacks a SIREN and the names are equal
    ignoring case, accents and runs of spaces. That relation is not transitive,
    so the register keeps the two lookups apart instead of merging startups.
    """

    __slots__ = ("_names", "_names_without_siren", "_sirens")

    def __init__(self) -> None:
        self._sirens: set[str] = set()
        self._names: set[str] = set()
        self._names_without_siren: set[str] = set()

    def has_earlier_eligible_contract(self, contract: Contract) -> bool:
        startup = contract.startup
        if startup.siren is None:
            return startup.name_key in self._names
        return startup.siren in self._sirens or startup.name_key in self._names_without_siren

    def add(self, contract: Contract) -> None:
        startup = contract.startup
        self._names.add(startup.name_key)
        if startup.siren is None:
            self._names_without_siren.add(startup.name_key)
        else:
            self._sirens.add(startup.siren)


def accrues_on(convention: Convention, event_on: dt.date, year_end: dt.date) -> dt.date:
    """C3 (« selon les modalités définies dans la convention de financement ») — when an item accrues.

    ``ON_EVENT``: on the day of its event (the first day of the programme year for
    an operating grant, the day of signature for a contract). ``AT_YEAR_END``: on
    the day after its programme year ends.
    """
    if convention.accrual is Accrual.ON_EVENT:
        return event_on
    return year_end + _ONE_DAY


def _blocking_conditions(
    convention: Convention, as_of: dt.date, authorised_on: dt.date | None, eligible_count: int
) -> list[tuple[Condition, bool, bool, int | None]]:
    """C4, C9, C3 — the conditions on payment as a whole: (condition, blocks, final, needed)."""
    conditions: list[tuple[Condition, bool, bool, int | None]] = []
    if authorised_on is None or authorised_on > as_of:
        conditions.append((Condition.REGIONAL_AUTHORISATION, True, False, None))
    deliberation = convention.deliberation
    if deliberation is not None and (not deliberation.adopted or deliberation.decided_on > as_of):
        conditions.append((Condition.DELIBERATION_ADOPTED, True, not deliberation.adopted, None))
    if eligible_count < convention.required_contracts:
        blocks = convention.target_policy is TargetPolicy.ALL_OR_NOTHING
        final = as_of > convention.period.end
        conditions.append((Condition.CONTRACT_TARGET, blocks, final, convention.required_contracts - eligible_count))
    return conditions


def _contract_condition_final(condition: Condition, contract: Contract) -> bool:
    """Whether a contract's failed condition can no longer be met.

    A missing application or selection date may still be filled in; every other
    failure is a fact of the signed contract.
    """
    if condition is Condition.STARTUP_APPLIED:
        return contract.applied_on is not None
    if condition is Condition.SELECTED_BY_COMMITTEE:
        return contract.selected_on is not None
    return True


def _contract(
    reference: str,
    status: ContractStatus,
    programme_year: int | None,
    *,
    grant: Decimal = ZERO,
    accrues_on: dt.date | None = None,
    unmet: tuple[UnmetCondition, ...] = (),
) -> ContractAssessment:
    return ContractAssessment(
        reference=reference,
        status=status,
        programme_year=programme_year,
        grant=grant,
        accrues_on=accrues_on,
        unmet=unmet,
    )


def _contract_order(contract: Contract) -> tuple[dt.date, str]:
    return (contract.signed_on, contract.reference)


def _checked(field: str, values: object, kind: type[_Referenced]) -> list[_Referenced]:
    """The items of ``values``, each of type ``kind``, with no reference used twice."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidInput(field, f"expected a collection of {kind.__name__}, not {type(values).__name__}")
    items: list[_Referenced] = []
    seen: dict[str, int] = {}
    for position, value in enumerate(values):
        if not isinstance(value, kind):
            raise InvalidInput(f"{field}[{position}]", f"expected a {kind.__name__}, not {type(value).__name__}")
        reference = value.reference
        if reference in seen:
            raise InvalidInput(
                f"{field}[{position}].reference",
                f"{reference!r} is used twice (also {field}[{seen[reference]}])",
            )
        seen[reference] = position
        items.append(value)
    return items
