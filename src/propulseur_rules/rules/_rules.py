"""The rules a signed contract must meet to be eligible, each one record.

A :class:`ContractRule` holds everything the library says about one rule: the
condition it sets, the clause of the deliberation it comes from, the predicate
that decides it, and when its failure is final. :func:`assess` walks
:data:`CONTRACT_RULES` in order; the messages are keyed by the same conditions;
the documentation prints the source of these very predicates.

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

import attrs

from ..words._errors import InvalidInput, shown
from ._clauses import Clause
from ._convention import Convention
from ._model import Contract, Startup
from ._outcome import Condition

__all__ = ["CONTRACT_RULES", "ContractRule", "EligibleStartups", "contract_rule", "same_startup"]


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
        if startup.siren is None:
            return startup.name_key in self._names
        return startup.siren in self._sirens or startup.name_key in self._names_without_siren

    def add(self, startup: Startup) -> None:
        """Register the startup of a contract just found eligible."""
        self._names.add(startup.name_key)
        if startup.siren is None:
            self._names_without_siren.add(startup.name_key)
        else:
            self._sirens.add(startup.siren)


def same_startup(first: Startup, second: Startup) -> bool:
    """C7 — two startups are the same when both SIRENs are equal, or, when one lacks a SIREN, their names are.

    Names are compared ignoring case, accents and runs of spaces (SPEC §3.2), as a person sees
    them: the invisible format characters are gone from a :class:`Startup`'s name, and a
    Cyrillic or Greek letter drawn like a Latin one is read as that letter (:func:`~._model.name_key`).
    """
    if first.siren is not None and second.siren is not None:
        return first.siren == second.siren
    return first.name_key == second.name_key


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


Predicate = Callable[[Convention, Contract, EligibleStartups], bool]


@attrs.frozen(kw_only=True)
class ContractRule:
    """One rule of eligibility: the condition it sets, its clause, its predicate, when a failure is final.

    ``message`` is the key of its sentence in English and French; ``None`` when
    it is the condition's own, for the rule that sets the condition first.
    """

    condition: Condition
    clause: Clause
    holds: Predicate
    final: Callable[[Contract], bool] = always
    message: str | None = None


#: The rules of eligibility, in the order they are checked and reported (SPEC §3.2).
CONTRACT_RULES: tuple[ContractRule, ...] = (
    ContractRule(condition=Condition.SIGNED_WITHIN_PERIOD, clause=Clause.C1, holds=signed_within_period),
    ContractRule(
        condition=Condition.SIGNED_WITHIN_PERIOD,
        clause=Clause.C7,
        holds=signed_by_the_deadline,
        message="signed_after_deadline",
    ),
    ContractRule(condition=Condition.HEAD_OFFICE_IN_TERRITORY, clause=Clause.C6, holds=head_office_in_territory),
    ContractRule(condition=Condition.STARTUP_APPLIED, clause=Clause.C6, holds=startup_applied, final=once_applied),
    ContractRule(
        condition=Condition.SELECTED_BY_COMMITTEE, clause=Clause.C6, holds=selected_by_committee, final=once_selected
    ),
    ContractRule(
        condition=Condition.SELECTED_BY_COMMITTEE,
        clause=Clause.C6,
        holds=selected_since_the_programme_began,
        final=once_selected,
        message="selected_before_programme",
    ),
    ContractRule(condition=Condition.SECTOR_IN_SCOPE, clause=Clause.C8, holds=sector_in_scope),
    ContractRule(condition=Condition.ONE_CONTRACT_PER_STARTUP, clause=Clause.C7, holds=first_contract_of_its_startup),
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
