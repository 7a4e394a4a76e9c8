"""Step 3 of the columnar engine: the funded places (C2, C7, C5), and the contracts of each programme year.

The eligible contracts take the places in signing order, per programme year
(``PlacesPolicy.ANNUAL``) or over the whole convention (``POOLED``), as
:func:`~propulseur_rules.rules.allot_places` does. One that finds none is
``SUPPLEMENTARY`` when every place of the convention is taken, else
``OVER_ANNUAL_LIMIT``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ._codes import BEYOND_PLACES_BIT, OVER_ANNUAL_BIT, Int64s
from ._eligibility import Eligibility
from ._table import ScenarioTable

__all__ = ["Places", "ScenarioYears", "allot_places", "scenario_years", "unmet_codes"]


class Places(NamedTuple):
    """The places of the eligible contracts: rows of the table by status, and counts per scenario."""

    #: The rows of the funded contracts, in canonical order, and the rank of each in its programme year.
    funded_at: Int64s
    funded_rank: Int64s
    #: The rows of the contracts left without a place: every place taken (C5), or their year's (C2).
    supplementary_at: Int64s
    over_annual_limit_at: Int64s
    #: Per scenario: how many contracts are eligible, and how many places the convention has.
    eligible: Int64s
    places: Int64s


class ScenarioYears(NamedTuple):
    """Programme years, long: year ``number`` (from 1) of ``scenario`` for each year of its convention."""

    scenario: Int64s
    number: Int64s
    #: Where each scenario's years begin, and one past the last.
    offsets: Int64s
    funded: Int64s
    supplementary: Int64s
    over_annual_limit: Int64s
    #: How many contracts were funded in the scenario's earlier programme years.
    funded_before: Int64s


def _width(table: ScenarioTable) -> int:
    """One more than the most programme years of a convention: a key ``scenario × width + year``."""
    return int(table.year_starts.shape[1]) + 1


def allot_places(table: ScenarioTable, eligibility: Eligibility) -> Places:
    """C2, C7, C5 — the eligible contracts, in signing order, take the funded places."""
    count = len(table)
    eligible_at = np.flatnonzero(eligibility.eligible)
    e_scenario = table.contract_scenario[eligible_at]
    rank_in_year = _ranks(e_scenario * _width(table) + eligibility.year[eligible_at])
    rank_in_convention = _ranks(e_scenario)
    places = table.max_per_year * table.year_counts[table.period_id] if count else np.empty(0, dtype=np.int64)
    e_places = places[e_scenario]
    funded = np.where(
        table.pooled[e_scenario], rank_in_convention < e_places, rank_in_year < table.max_per_year[e_scenario]
    )
    funded_so_far = np.cumsum(funded) - funded
    if e_scenario.size:
        first_of_scenario = np.flatnonzero(np.concatenate([[True], e_scenario[1:] != e_scenario[:-1]]))
        funded_so_far -= np.repeat(
            funded_so_far[first_of_scenario], np.diff(np.append(first_of_scenario, e_scenario.size))
        )
    beyond_places = ~funded & (funded_so_far == e_places)
    return Places(
        funded_at=eligible_at[funded],
        funded_rank=rank_in_year[funded],
        supplementary_at=eligible_at[beyond_places],
        over_annual_limit_at=eligible_at[~funded & ~beyond_places],
        eligible=np.bincount(e_scenario, minlength=count).astype(np.int64),
        places=places,
    )


def unmet_codes(eligibility: Eligibility, places: Places) -> Int64s:
    """Each contract's unmet code: the rules it fails, or the place it did not find (C2, C5)."""
    failed = eligibility.failed.copy()
    failed[places.over_annual_limit_at] |= OVER_ANNUAL_BIT
    failed[places.supplementary_at] |= BEYOND_PLACES_BIT
    return failed


def scenario_years(table: ScenarioTable, year: Int64s, places: Places) -> ScenarioYears:
    """The programme years of every scenario, with how many contracts each funded or left without a place."""
    count, width = len(table), _width(table)
    years_of = table.year_counts[table.period_id] if count else np.empty(0, dtype=np.int64)
    owner = np.repeat(np.arange(count, dtype=np.int64), years_of)
    offsets = np.concatenate([[0], np.cumsum(years_of)]).astype(np.int64)
    number = np.arange(owner.size, dtype=np.int64) - offsets[owner] + 1
    at = owner * width + number
    scenario = table.contract_scenario

    def per_year(rows: Int64s) -> Int64s:
        counted: Int64s = np.bincount(scenario[rows] * width + year[rows], minlength=count * width)[at]
        return counted

    funded = per_year(places.funded_at)
    funded_before = np.cumsum(funded) - funded
    funded_before -= funded_before[offsets[:-1]][owner] if owner.size else 0
    return ScenarioYears(
        scenario=owner,
        number=number,
        offsets=offsets,
        funded=funded,
        supplementary=per_year(places.supplementary_at),
        over_annual_limit=per_year(places.over_annual_limit_at),
        funded_before=funded_before,
    )


def _ranks(group: Int64s) -> Int64s:
    """The rank of each item in its group, groups being runs of equal values."""
    if not group.size:
        return group
    starts = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]]))
    ranks: Int64s = np.arange(group.size, dtype=np.int64) - np.repeat(starts, np.diff(np.append(starts, group.size)))
    return ranks
