"""``assess``: the rules of the convention as one pure function.

No I/O, no clock, no global state. Each rule is a small function whose
docstring starts with the clause it applies. The result does not depend on the
order of the contracts or of the payments: both are put in a canonical order
before any rule looks at them.

``assess`` runs on every request of a service and in sweeps of many what-if
scenarios. It makes one pass over the contracts in their canonical order, and
what depends only on the convention is gathered once per convention in
:class:`ConventionTerms`. ``_failed_conditions`` applies the contract rules
below on those terms; a property test checks that it gives what the rule
functions give, one by one.
"""

from __future__ import annotations

import datetime as dt
import operator
from bisect import bisect_right
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

import attrs

from ._convention import Accrual, Convention, TargetPolicy
from ._errors import InvalidInput
from ._model import Contract, Payment, Period, Sector, to_date, to_optional_date
from ._money import ZERO, in_money_context
from ._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    UnmetCondition,
    YearAssessment,
)

__all__ = ["ConventionTerms", "assess"]

_ONE_DAY = dt.timedelta(days=1)
_Referenced = TypeVar("_Referenced", Contract, Payment)

_signed_on = operator.attrgetter("signed_on")
_paid_on = operator.attrgetter("paid_on")
_reference = operator.attrgetter("reference")


@in_money_context
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
    ordered = _in_canonical_order(_checked("contracts", contracts, Contract), _signed_on)
    counted_payments = _in_canonical_order(
        [payment for payment in _checked("payments", payments, Payment) if payment.paid_on <= as_of], _paid_on
    )
    terms = convention._terms
    years = terms.years
    year_starts = terms.year_starts
    start, end = terms.start, terms.end
    operating_accrues_on = terms.operating_accrues_on
    on_event = terms.on_event
    grant_per_contract = convention.grant_per_contract
    limit = convention.max_funded_contracts_per_year
    remaining = convention.total_cap

    # Per programme year: the operating grant and contract grants under the cap,
    # what has accrued, the funded and the supplementary contracts.
    operating_grants: list[Decimal] = []
    contract_grants = [ZERO] * len(years)
    accrued = [ZERO] * len(years)
    funded_by_year: list[list[str]] = [[] for _ in years]
    supplementary_by_year: list[list[str]] = [[] for _ in years]

    # One pass over the contracts in the order (signed_on, reference): a startup's
    # earlier eligible contract is always seen first (C7), the contracts of a year
    # are funded in order (C2), and the entitlement items come in the order of
    # step 4: year 1 operating grant, year 1 funded contracts, year 2 operating grant…
    register = _StartupRegister()
    contract_results: list[ContractAssessment] = []
    contract_unmet: list[UnmetCondition] = []
    eligible_count = 0
    for contract in ordered:
        reference = contract.reference
        signed_on = contract.signed_on
        index = bisect_right(year_starts, signed_on) if start <= signed_on <= end else None
        # 1. Only signed contracts count.
        if signed_on > as_of:
            contract_results.append(_contract_result(reference, ContractStatus.NOT_YET_SIGNED, index))
            continue
        # 2. Eligibility (C1, C6, C7, C8).
        failed = _failed_conditions(terms, contract, index)
        if register.has_earlier_eligible_contract(contract):
            failed.append(Condition.ONE_CONTRACT_PER_STARTUP)
        if failed:
            unmet = tuple(
                [
                    _unmet(
                        condition,
                        contract=reference,
                        amount=grant_per_contract,
                        final=_contract_condition_final(condition, contract),
                    )
                    for condition in failed
                ]
            )
            contract_unmet += unmet
            contract_results.append(_contract_result(reference, ContractStatus.INELIGIBLE, index, unmet=unmet))
            continue
        assert index is not None  # signed within the period
        register.add(contract)
        eligible_count += 1
        position = index - 1
        funded = funded_by_year[position]
        # 3. The first eligible contracts of a year are funded, the others supplementary (C2, C5).
        if len(funded) == limit:
            supplementary_by_year[position].append(reference)
            limit_unmet = _unmet(
                Condition.ANNUAL_CONTRACT_LIMIT, contract=reference, amount=grant_per_contract, final=True
            )
            contract_unmet.append(limit_unmet)
            contract_results.append(
                _contract_result(reference, ContractStatus.SUPPLEMENTARY, index, unmet=(limit_unmet,))
            )
            continue
        # 4. Items under the cap (C2): the operating grants of this year and of the
        # years before it are drawn first, then this contract's grant.
        if len(operating_grants) < index:
            remaining = _draw_operating_grants(terms, index, as_of, remaining, operating_grants, accrued)
        funded.append(reference)
        grant = min(grant_per_contract, remaining)
        remaining -= grant
        contract_grants[position] += grant
        grant_on = signed_on if on_event else operating_accrues_on[position]
        if grant_on <= as_of:
            accrued[position] += grant
        contract_results.append(
            _contract_result(reference, ContractStatus.FUNDED, index, grant=grant, accrues_on=grant_on)
        )
    _draw_operating_grants(terms, len(years), as_of, remaining, operating_grants, accrued)

    year_results = [
        YearAssessment(
            index=position + 1,
            period=year,
            operating_grant=operating_grants[position],
            operating_grant_accrues_on=operating_accrues_on[position],
            contract_grants=contract_grants[position],
            entitled=operating_grants[position] + contract_grants[position],
            accrued=accrued[position],
            funded=tuple(funded_by_year[position]),
            supplementary=tuple(supplementary_by_year[position]),
        )
        for position, year in enumerate(years)
    ]
    accrued_total = sum(accrued, ZERO)

    # 5. Blocking conditions (C3, C4, C9) and the money figures.
    blocking = _blocking_conditions(convention, as_of, authorised_on, eligible_count)
    blockers = sum(1 for _, blocks, _, _ in blocking if blocks)
    withheld = accrued_total if blockers else ZERO
    releasable = accrued_total - withheld
    paid = sum([payment.amount for payment in counted_payments], ZERO)
    payable = max(ZERO, releasable - paid)
    excess_paid = max(ZERO, paid - releasable)

    # The unmet conditions: blocking ones first, then contract by contract, then payments.
    unmet_conditions = [
        _unmet(
            condition,
            amount=withheld if blocks else ZERO,
            blocks_payment=blocks,
            final=final,
            needed=needed,
            releases=withheld if blocks and blockers == 1 else None,
        )
        for condition, blocks, final, needed in blocking
    ]
    unmet_conditions += contract_unmet
    if excess_paid:
        period_over = as_of > end
        unmet_conditions.append(
            _unmet(
                Condition.NO_EXCESS_PAYMENT,
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
        payments=tuple(counted_payments),
        accrued=accrued_total,
        withheld=withheld,
        releasable=releasable,
        paid=paid,
        payable=payable,
        excess_paid=excess_paid,
        unmet=tuple(unmet_conditions),
    )


def _draw_operating_grants(
    terms: ConventionTerms,
    through: int,
    as_of: dt.date,
    remaining: Decimal,
    operating_grants: list[Decimal],
    accrued: list[Decimal],
) -> Decimal:
    """C2 — the operating grants of the next programme years, up to year ``through``, drawn from the cap.

    Each is cut to what ``remaining`` of the cap allows, appended to
    ``operating_grants`` and, when it has accrued by ``as_of`` (C3), set as the
    year's ``accrued`` so far. Returns what remains of the cap.
    """
    while len(operating_grants) < through:
        position = len(operating_grants)
        operating = min(terms.operating_grant_per_year, remaining)
        remaining -= operating
        if terms.operating_accrues_on[position] <= as_of:
            accrued[position] = operating
        operating_grants.append(operating)
    return remaining


# --- building the results ------------------------------------------------------------
#
# ContractAssessment and UnmetCondition are built once per contract. They are
# frozen attrs classes whose __init__ only stores its arguments (no converter,
# validator or hook), so the engine stores the fields itself through their slots:
# that skips the keyword call and the frozen class's setattr, about 40% of the
# cost of building one. _slot_setters checks, when the module is imported, that
# both classes still are that plain; a test checks that the objects built here
# equal those built by the constructors.


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Callable[[object, object], None], ...]:
    """The setters of the slots ``names`` of a frozen attrs class whose ``__init__`` only stores them."""
    fields = attrs.fields(cls)
    plain = not any(field.converter or field.validator for field in fields) and not (
        hasattr(cls, "__attrs_pre_init__") or hasattr(cls, "__attrs_post_init__")
    )
    if tuple(field.name for field in fields) != names or not plain:
        raise RuntimeError(f"{cls.__name__} has changed: update how the engine builds it")
    return tuple(cls.__dict__[name].__set__ for name in names)


_new = object.__new__
(
    _set_contract_reference,
    _set_contract_status,
    _set_contract_programme_year,
    _set_contract_grant,
    _set_contract_accrues_on,
    _set_contract_unmet,
) = _slot_setters(ContractAssessment, ("reference", "status", "programme_year", "grant", "accrues_on", "unmet"))
(
    _set_unmet_condition,
    _set_unmet_clause,
    _set_unmet_contract,
    _set_unmet_amount,
    _set_unmet_blocks_payment,
    _set_unmet_final,
    _set_unmet_needed,
    _set_unmet_releases,
) = _slot_setters(
    UnmetCondition, ("condition", "clause", "contract", "amount", "blocks_payment", "final", "needed", "releases")
)


def _contract_result(
    reference: str,
    status: ContractStatus,
    programme_year: int | None,
    *,
    grant: Decimal = ZERO,
    accrues_on: dt.date | None = None,
    unmet: tuple[UnmetCondition, ...] = (),
) -> ContractAssessment:
    """``ContractAssessment(reference=reference, status=status, …)``, built field by field."""
    result: ContractAssessment = _new(ContractAssessment)
    _set_contract_reference(result, reference)
    _set_contract_status(result, status)
    _set_contract_programme_year(result, programme_year)
    _set_contract_grant(result, grant)
    _set_contract_accrues_on(result, accrues_on)
    _set_contract_unmet(result, unmet)
    return result


def _unmet(
    condition: Condition,
    *,
    contract: str | None = None,
    amount: Decimal = ZERO,
    blocks_payment: bool = False,
    final: bool = False,
    needed: int | None = None,
    releases: Decimal | None = None,
) -> UnmetCondition:
    """``UnmetCondition(condition=condition, clause=condition.clause, …)``, built field by field."""
    result: UnmetCondition = _new(UnmetCondition)
    _set_unmet_condition(result, condition)
    _set_unmet_clause(result, _CLAUSES[condition])
    _set_unmet_contract(result, contract)
    _set_unmet_amount(result, amount)
    _set_unmet_blocks_payment(result, blocks_payment)
    _set_unmet_final(result, final)
    _set_unmet_needed(result, needed)
    _set_unmet_releases(result, releases)
    return result


# --- what depends only on the convention ----------------------------------------------


class ConventionTerms:
    """What the engine derives from a convention alone.

    A convention works its terms out once, the first time it is assessed, and
    keeps them (``Convention._terms``); a variant made with ``replace`` works
    out its own. ``year_starts`` are the first days of the programme years, for
    a binary search; ``operating_accrues_on`` the day each year's operating
    grant accrues (C3); ``sectors`` the eligible sectors as a tuple, whose
    ``in`` compares members by identity; ``deliberation`` whether the council
    adopted it and on which day (``None`` when the convention has none, C9).
    """

    __slots__ = (
        "deliberation",
        "end",
        "on_event",
        "operating_accrues_on",
        "operating_grant_per_year",
        "sectors",
        "start",
        "territory",
        "year_starts",
        "years",
    )

    def __init__(self, convention: Convention) -> None:
        self.operating_grant_per_year: Decimal = convention.operating_grant_per_year
        deliberation = convention.deliberation
        self.deliberation: tuple[bool | None, dt.date] = (
            (None, dt.date.min) if deliberation is None else (deliberation.adopted, deliberation.decided_on)
        )
        self.years: tuple[Period, ...] = convention.programme_years
        self.year_starts: tuple[dt.date, ...] = tuple(year.start for year in self.years)
        self.start: dt.date = convention.period.start
        self.end: dt.date = convention.period.end
        self.territory: frozenset[str] = convention.territory
        self.sectors: tuple[Sector, ...] = tuple(convention.eligible_sectors)
        self.on_event: bool = convention.accrual is Accrual.ON_EVENT
        self.operating_accrues_on: tuple[dt.date, ...] = tuple(
            accrues_on(convention, year.start, year.end) for year in self.years
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

#: The clause of each condition, looked up once.
_CLAUSES = {condition: condition.clause for condition in Condition}


def _failed_conditions(terms: ConventionTerms, contract: Contract, index: int | None) -> list[Condition]:
    """C1, C6, C8 — the rules of ``_CONTRACT_RULES`` that a signed contract fails, in their order.

    The same rules as the functions above (a property test checks it), written
    inline on the convention's terms: this runs once per contract.
    ``index`` is the programme year of the signature, ``None`` outside the period.
    """
    startup = contract.startup
    applied_on = contract.applied_on
    selected_on = contract.selected_on
    failed = []
    if index is None:  # C1
        failed.append(Condition.SIGNED_WITHIN_PERIOD)
    if startup.head_office not in terms.territory:  # C6
        failed.append(Condition.HEAD_OFFICE_IN_TERRITORY)
    if applied_on is None or (selected_on is not None and applied_on > selected_on):  # C6
        failed.append(Condition.STARTUP_APPLIED)
    if selected_on is None or selected_on > contract.signed_on:  # C6
        failed.append(Condition.SELECTED_BY_COMMITTEE)
    if startup.sector not in terms.sectors:  # C8
        failed.append(Condition.SECTOR_IN_SCOPE)
    return failed


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
        """C7 — whether an eligible contract already registered is for the same startup."""
        if not self._names:  # nothing registered yet: no need to normalise a name
            return False
        startup = contract.startup
        if startup.siren is None:
            return startup.name_key in self._names
        return startup.siren in self._sirens or (
            bool(self._names_without_siren) and startup.name_key in self._names_without_siren
        )

    def add(self, contract: Contract) -> None:
        """C7 — register an eligible contract's startup."""
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
    adopted, decided_on = convention._terms.deliberation
    if adopted is not None and (not adopted or decided_on > as_of):
        conditions.append((Condition.DELIBERATION_ADOPTED, True, not adopted, None))
    if eligible_count < convention.required_contracts:
        blocks = convention.target_policy is TargetPolicy.ALL_OR_NOTHING
        final = as_of > convention.period.end
        conditions.append((Condition.CONTRACT_TARGET, blocks, final, convention.required_contracts - eligible_count))
    return conditions


def _contract_condition_final(condition: Condition, contract: Contract) -> bool:
    """C6 and the others — whether a contract's failed condition can no longer be met.

    A missing application or selection date may still be filled in; every other
    failure is a fact of the signed contract.
    """
    if condition is Condition.STARTUP_APPLIED:
        return contract.applied_on is not None
    if condition is Condition.SELECTED_BY_COMMITTEE:
        return contract.selected_on is not None
    return True


def _in_canonical_order(items: list[_Referenced], day: Callable[[_Referenced], dt.date]) -> list[_Referenced]:
    """``items`` sorted by ``(day, reference)``, the order in which the rules look at them.

    Two stable sorts, by reference then by day, give that order: sorting on one
    key at a time spares building and comparing a tuple per item, which took
    two thirds of the time of sorting 100 000 contracts.
    """
    items.sort(key=_reference)
    items.sort(key=day)
    return items


def _checked(field: str, values: object, kind: type[_Referenced]) -> list[_Referenced]:
    """The items of ``values``, each of type ``kind``, with no reference used twice."""
    if type(values) is list or type(values) is tuple:
        # The usual case, checked with C loops; anything else goes the long way
        # below, which also finds the item an error names.
        listed: list[_Referenced] = list(values)
        if set(map(type, listed)) <= {kind} and len(set(map(_reference, listed))) == len(listed):
            return listed
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
