"""Steps 2 and 3 of :func:`~._engine.assess`: which signed contracts are eligible, and which find a place.

Eligibility walks the records of :data:`~._rules.CONTRACT_RULES` (C1, C6, C7,
C8); the eligible contracts then take the funded places in signing order, per
programme year or pooled (C2, C7), the others being supplementary (C5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from ._convention import Convention, PlacesPolicy
from ._model import Contract
from ._outcome import ContractStatus
from ._rules import CONTRACT_RULES, ContractRule, EligibleStartups

__all__ = [
    "Place",
    "Verdict",
    "allot_places",
    "judge_eligibility",
    "places_of",
    "programme_year",
    "target_met_on",
]


# --- 2. eligibility (C1, C6, C7, C8) ------------------------------------------------


class Verdict(NamedTuple):
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


class Place(NamedTuple):
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


def target_met_on(convention: Convention, places: Sequence[Place]) -> dt.date | None:
    """C3 — the day the required contracts were signed: the signature of the last one needed."""
    if convention.required_contracts == 0:
        return convention.period.start
    if len(places) < convention.required_contracts:
        return None
    return places[convention.required_contracts - 1].contract.signed_on
