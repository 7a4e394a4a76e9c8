"""The rules a signed contract must meet to be eligible, each one record.

A :class:`ContractRule` holds everything the library says about one rule: the
condition it sets, the clause of the deliberation it comes from, the predicate
that decides it for one contract, its columnar form that decides it for columns
of contracts at once, and when its failure is final. :func:`assess` walks
:data:`CONTRACT_RULES` in order with the predicates; the columnar engine
(``propulseur_rules.batch``) walks the same records with their columnar forms;
the messages are keyed by the same conditions; the documentation prints the
source of both forms.

A columnar form reads its columns with Python's operators only (``&``, ``|``,
``~``, comparisons, indexing), so this module imports no array library: it is
given numpy arrays by the columnar engine, and numpy stays an optional extra.

>>> for rule in CONTRACT_RULES:
...     print(rule.clause, rule.condition.value, rule.message or "")
C1 signed_within_period
C7 signed_within_period signed_after_deadline
C6 head_office_in_territory
C6 startup_applied
C6 selected_by_committee
C6 selected_by_committee selected_before_programme
C8 sector_in_scope
C7 one_contract_per_startup
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, Protocol

import attrs

from ..words._errors import InvalidInput, shown
from ._clauses import Clause
from ._convention import Convention
from ._model import Contract, Startup
from ._outcome import Condition

__all__ = [
    "CONTRACT_RULES",
    "ContractColumns",
    "ContractRule",
    "ConventionColumns",
    "EarlierColumns",
    "EligibleStartups",
    "StartupKey",
    "StartupKeyColumns",
    "contract_rule",
    "same_startup",
    "same_startup_columns",
    "startup_key",
]


class StartupKey(NamedTuple):
    """C7 — what a startup is compared by: its SIREN, if it has one, and its name's key (:func:`same_startup`)."""

    siren: str | None
    name: str


def startup_key(startup: Startup) -> StartupKey:
    """C7 — the key a startup is compared by; the columnar engine builds its columns from it too.

    >>> from propulseur_rules import Sector, Startup
    >>> startup_key(Startup(name="  Hydrolis ", head_office="21231", sector=Sector.INDUSTRY))
    StartupKey(siren=None, name='hydrolis')
    """
    return StartupKey(startup.siren, startup.name_key)


class EligibleStartups:
    """C7 — the startups of the contracts found eligible so far in one assessment.

    Each assessment starts an empty register and adds each eligible contract's
    startup as it finds it. The relation « same startup » (:func:`same_startup`)
    is not transitive, so the startups are kept apart rather than merged; their
    SIRENs and name keys are indexed so that a lookup does not walk them all.

    >>> from propulseur_rules import Sector, Startup
    >>> register = EligibleStartups()
    >>> register.add(Startup(name="Hydrolis", head_office="21231", sector=Sector.INDUSTRY))
    >>> register.include(Startup(name="HYDROLIS", head_office="21231", sector=Sector.INDUSTRY, siren="732829320"))
    True
    """

    __slots__ = ("_names", "_names_without_siren", "_sirens")

    def __init__(self) -> None:
        self._sirens: set[str] = set()
        self._names: set[str] = set()
        self._names_without_siren: set[str] = set()

    def include(self, startup: Startup) -> bool:
        """C7 — whether one of these startups is the same as ``startup`` (:func:`same_startup`)."""
        key = startup_key(startup)
        if key.siren is None:
            return key.name in self._names
        return key.siren in self._sirens or key.name in self._names_without_siren

    def add(self, startup: Startup) -> None:
        """Register the startup of a contract just found eligible."""
        key = startup_key(startup)
        self._names.add(key.name)
        if key.siren is None:
            self._names_without_siren.add(key.name)
        else:
            self._sirens.add(key.siren)


class StartupKeyColumns(Protocol):
    """C7 — keys of startups (:func:`startup_key`) as columns: whether each has a SIREN, its SIREN, its name."""

    @property
    def has_siren(self) -> Any: ...
    @property
    def siren(self) -> Any: ...
    @property
    def name(self) -> Any: ...


def same_startup(first: Startup, second: Startup) -> bool:
    """C7 — two startups are the same when both SIRENs are equal, or, when one lacks a SIREN, their names are.

    Names are compared ignoring case, accents and runs of spaces (SPEC §3.2), as a person sees
    them: the invisible format characters are gone from a :class:`Startup`'s name, and a
    Cyrillic or Greek letter drawn like a Latin one is read as that letter (:func:`~._model.name_key`);
    both are read from :func:`startup_key`.
    """
    one, other = startup_key(first), startup_key(second)
    if one.siren is not None and other.siren is not None:
        return one.siren == other.siren
    return one.name == other.name


def same_startup_columns(first: StartupKeyColumns, second: StartupKeyColumns) -> Any:
    """C7 — :func:`same_startup` over columns of keys: row by row, whether the two startups are the same."""
    both = first.has_siren & second.has_siren
    return (both & (first.siren == second.siren)) | (~both & (first.name == second.name))


# --- the predicates: each answers whether the contract meets its rule ----------------
#
# Every predicate takes the convention, the signed contract, and the startups of
# the contracts already found eligible before it (only C7 looks at them).


def signed_within_period(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C1 — the contract is signed within the period of the convention."""
    return contract.signed_on in convention.period


def head_office_in_territory(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C6 — the startup has its head office (siège social) in the territory."""
    return contract.startup.head_office in convention.territory


def startup_applied(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C6 — the startup expressed its wish to join, on or before its selection."""
    if contract.applied_on is None:
        return False
    return contract.selected_on is None or contract.applied_on <= contract.selected_on


def selected_by_committee(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C6 — the selection committee qualified the startup's entry, on or before signature."""
    return contract.selected_on is not None and contract.selected_on <= contract.signed_on


def signed_by_the_deadline(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C7 — « pour la période 2022 – 2024 » read strictly: signed by ``Convention.signing_deadline``.

    A contract signed after the period fails C1 instead; with no deadline, C1 alone applies.
    """
    deadline = convention.signing_deadline
    return deadline is None or contract.signed_on <= deadline or contract.signed_on > convention.period.end


def selected_since_the_programme_began(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C6 — a startup selected before ``Convention.selected_from`` was already in the programme.

    The deliberation notes « 5 startups faisant l'objet de prestations
    d'accompagnement de ProPulseur depuis 2 ans »; with no date set, every
    selection counts. A missing selection fails the rule above instead.
    """
    since = convention.selected_from
    return since is None or contract.selected_on is None or contract.selected_on >= since


def sector_in_scope(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C8 — the startup works in one of the convention's fields (industry, health)."""
    return contract.startup.sector in convention.eligible_sectors


def first_contract_of_its_startup(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    """C7 — « 9 projets »: the startup has no earlier eligible contract in this convention."""
    return not earlier.include(contract.startup)


# --- when a failure is final ---------------------------------------------------------


def always(contract: Contract) -> bool:
    """The failure is a fact of the signed contract: it can no longer change."""
    return True


def once_applied(contract: Contract) -> bool:
    """Final once an application date is known; a missing one may still be filled in."""
    return contract.applied_on is not None


def once_selected(contract: Contract) -> bool:
    """Final once a selection date is known; a missing one may still be filled in."""
    return contract.selected_on is not None


# --- the columnar forms: each answers the same question for columns of contracts ----------
#
# Each takes the parameters of the contracts' conventions, the contracts' columns
# and the eligible contracts found so far (only C7 looks at them), and returns
# one boolean per contract: the row of a contract is its predicate's answer.
# Dates are whole days; a date that may be missing comes with a ``has_…`` column.


class ConventionColumns(Protocol):
    """The parameters of each contract's convention, as columns (one value per contract, or one for all);
    ``eligible_sectors`` has bit ``n`` set when the ``n``-th ``Sector`` is eligible (C8), ``territory`` is the
    number of each contract's territory and ``in_territory[territory, head_office]`` whether an office is in it."""

    @property
    def period_start(self) -> Any: ...
    @property
    def period_end(self) -> Any: ...
    @property
    def has_signing_deadline(self) -> Any: ...
    @property
    def signing_deadline(self) -> Any: ...
    @property
    def has_selected_from(self) -> Any: ...
    @property
    def selected_from(self) -> Any: ...
    @property
    def eligible_sectors(self) -> Any: ...
    @property
    def territory(self) -> Any: ...
    @property
    def in_territory(self) -> Any: ...


class ContractColumns(Protocol):
    """The contracts, as columns: one value per contract; ``sector`` is the position of the startup's
    ``Sector``, ``head_office`` the number of its head office in ``ConventionColumns.in_territory``."""

    @property
    def signed_on(self) -> Any: ...
    @property
    def has_applied(self) -> Any: ...
    @property
    def applied_on(self) -> Any: ...
    @property
    def has_selected(self) -> Any: ...
    @property
    def selected_on(self) -> Any: ...
    @property
    def sector(self) -> Any: ...
    @property
    def head_office(self) -> Any: ...


class EarlierColumns(Protocol):
    """C7 — the contracts found eligible before each one, as the columnar engine keeps them."""

    def include(self, contracts: Any) -> Any:
        """Per contract: whether an earlier eligible contract is for the same startup (:func:`startup_key`)."""


def signed_within_period_columns(convention: ConventionColumns, contract: ContractColumns, earlier: Any) -> Any:
    """C1 — the contract is signed within the period of the convention."""
    return (convention.period_start <= contract.signed_on) & (contract.signed_on <= convention.period_end)


def head_office_in_territory_columns(convention: ConventionColumns, contract: ContractColumns, earlier: Any) -> Any:
    """C6 — the startup has its head office (siège social) in the territory."""
    return convention.in_territory[convention.territory, contract.head_office]


def startup_applied_columns(convention: ConventionColumns, contract: ContractColumns, earlier: Any) -> Any:
    """C6 — the startup expressed its wish to join, on or before its selection."""
    return contract.has_applied & (~contract.has_selected | (contract.applied_on <= contract.selected_on))


def selected_by_committee_columns(convention: ConventionColumns, contract: ContractColumns, earlier: Any) -> Any:
    """C6 — the selection committee qualified the startup's entry, on or before signature."""
    return contract.has_selected & (contract.selected_on <= contract.signed_on)


def signed_by_the_deadline_columns(convention: ConventionColumns, contract: ContractColumns, earlier: Any) -> Any:
    """C7 — signed by ``Convention.signing_deadline``, when there is one; after the period, C1 fails instead."""
    return (
        ~convention.has_signing_deadline
        | (contract.signed_on <= convention.signing_deadline)
        | (contract.signed_on > convention.period_end)
    )


def selected_since_the_programme_began_columns(
    convention: ConventionColumns, contract: ContractColumns, earlier: Any
) -> Any:
    """C6 — a startup selected before ``Convention.selected_from`` was already in the programme."""
    return ~convention.has_selected_from | ~contract.has_selected | (contract.selected_on >= convention.selected_from)


def sector_in_scope_columns(convention: ConventionColumns, contract: ContractColumns, earlier: Any) -> Any:
    """C8 — the startup works in one of the convention's fields (industry, health)."""
    return ((convention.eligible_sectors >> contract.sector) & 1) == 1


def first_contract_of_its_startup_columns(
    convention: ConventionColumns, contract: ContractColumns, earlier: EarlierColumns
) -> Any:
    """C7 — « 9 projets »: the startup has no earlier eligible contract in this convention."""
    return ~earlier.include(contract)


Predicate = Callable[[Convention, Contract, EligibleStartups], bool]
#: A columnar form: one boolean per contract, the predicate's answer for that contract.
ColumnarPredicate = Callable[[ConventionColumns, ContractColumns, Any], Any]


@attrs.frozen(kw_only=True)
class ContractRule:
    """One rule of eligibility: the condition it sets, its clause, its predicate and the columnar form of
    that predicate, when a failure is final.

    ``columns`` answers for columns of contracts what ``holds`` answers for one;
    ``reads_earlier`` says that the rule looks at the contracts found eligible
    before (C7), so that the columnar engine decides it once the other rules
    are decided. ``message`` is the key of its sentence in English and French;
    ``None`` when it is the condition's own, for the rule that sets the
    condition first.
    """

    condition: Condition
    clause: Clause
    holds: Predicate
    columns: ColumnarPredicate
    reads_earlier: bool = False
    final: Callable[[Contract], bool] = always
    message: str | None = None


#: The rules of eligibility, in the order they are checked and reported (SPEC §3.2).
CONTRACT_RULES: tuple[ContractRule, ...] = (
    ContractRule(
        condition=Condition.SIGNED_WITHIN_PERIOD,
        clause=Clause.C1,
        holds=signed_within_period,
        columns=signed_within_period_columns,
    ),
    ContractRule(
        condition=Condition.SIGNED_WITHIN_PERIOD,
        clause=Clause.C7,
        holds=signed_by_the_deadline,
        columns=signed_by_the_deadline_columns,
        message="signed_after_deadline",
    ),
    ContractRule(
        condition=Condition.HEAD_OFFICE_IN_TERRITORY,
        clause=Clause.C6,
        holds=head_office_in_territory,
        columns=head_office_in_territory_columns,
    ),
    ContractRule(
        condition=Condition.STARTUP_APPLIED,
        clause=Clause.C6,
        holds=startup_applied,
        columns=startup_applied_columns,
        final=once_applied,
    ),
    ContractRule(
        condition=Condition.SELECTED_BY_COMMITTEE,
        clause=Clause.C6,
        holds=selected_by_committee,
        columns=selected_by_committee_columns,
        final=once_selected,
    ),
    ContractRule(
        condition=Condition.SELECTED_BY_COMMITTEE,
        clause=Clause.C6,
        holds=selected_since_the_programme_began,
        columns=selected_since_the_programme_began_columns,
        final=once_selected,
        message="selected_before_programme",
    ),
    ContractRule(
        condition=Condition.SECTOR_IN_SCOPE, clause=Clause.C8, holds=sector_in_scope, columns=sector_in_scope_columns
    ),
    ContractRule(
        condition=Condition.ONE_CONTRACT_PER_STARTUP,
        clause=Clause.C7,
        holds=first_contract_of_its_startup,
        columns=first_contract_of_its_startup_columns,
        reads_earlier=True,
    ),
)


def contract_rule(condition: Condition) -> ContractRule:
    """The record of the first rule that sets ``condition``.

    >>> contract_rule(Condition.SECTOR_IN_SCOPE).clause
    <Clause.C8: 'C8'>
    """
    for rule in CONTRACT_RULES:
        if rule.condition is condition:
            return rule
    raise InvalidInput("condition", "error.not_an_eligibility_condition", value=shown(condition))
