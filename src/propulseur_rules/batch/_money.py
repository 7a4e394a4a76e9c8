"""Steps 4 to 6 of the columnar engine: the grants under the cap (C2), when each accrues (C3), what withholds
payment (C3, C4, C9) and the money figures, in integer cents.

Every amount the library accepts is at most ``MAX_AMOUNT`` (10¹⁴ cents), and the
cap of C2 is applied with the running totals of uniform items (``y × operating
grant + n × grant per contract``, the count ``n`` saturated at the cap), so no
sum can leave ``int64``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..rules._outcome import Condition
from ._codes import CONDITION_BITS, Bools, Int64s
from ._places import Places, ScenarioYears
from ._table import ScenarioTable

__all__ = [
    "Grants",
    "Money",
    "PaymentConditions",
    "entitlement",
    "payment_conditions",
    "scenario_unmet",
    "settle",
    "signature_columns",
]


class Grants(NamedTuple):
    """The items of money under the cap, and when each accrues."""

    #: Per scenario-year: its first and last day, its operating grant and the day it accrues,
    #: the grants of its funded contracts, and what of all these has accrued by ``as_of``.
    start: Int64s
    end: Int64s
    operating_grant: Int64s
    operating_grant_accrues_on: Int64s
    contract_grants: Int64s
    accrued: Int64s
    #: Per funded contract (the rows of ``Places.funded_at``): its grant and the day it accrues.
    grant: Int64s
    grant_accrues_on: Int64s
    #: Per scenario: what has accrued.
    scenario_accrued: Int64s


def entitlement(table: ScenarioTable, year: Int64s, places: Places, years: ScenarioYears) -> Grants:
    """C2, C3 — the items in order (year 1 operating grant, year 1 contracts, year 2 …), each cut so that
    their running total never exceeds the cap, each accruing on its event or the day after its year.

    As :func:`~propulseur_rules.rules.entitlement` does, each item is granted ``min(amount, remaining)``, what
    remains under the cap after the items before it in that order; what was granted before an item is the
    items before it uncut, up to the cap, so what remains is counted from how many of each kind come before.
    """
    cap, operating, per_contract = table.total_cap, table.operating_grant, table.grant_per_contract
    room = cap // np.maximum(per_contract, 1) + 1

    def remaining(scenarios: Int64s, operating_items: Int64s, contract_items: Int64s) -> Int64s:
        """What remains under the cap after ``operating_items`` operating grants and ``contract_items`` grants
        of contracts, uncut (the count of contracts saturated at the cap, so that no sum leaves ``int64``)."""
        saturated = np.minimum(contract_items, room[scenarios])
        before = operating_items * operating[scenarios] + saturated * per_contract[scenarios]
        return np.maximum(0, cap[scenarios] - before).astype(np.int64)

    owner, number = years.scenario, years.number
    # Year y's operating grant comes after the y - 1 years before it, with their funded contracts.
    operating_cut = np.minimum(operating[owner], remaining(owner, number - 1, years.funded_before))
    funded_at = places.funded_at
    f_scenario = table.contract_scenario[funded_at]
    f_year = year[funded_at]
    f_flat = years.offsets[f_scenario] + f_year - 1
    # A contract comes after the operating grants of its year and the years before, and the contracts funded
    # before it: those of the earlier years and those of its year of lower rank.
    f_remaining = remaining(f_scenario, f_year, years.funded_before[f_flat] + places.funded_rank)
    grant = np.minimum(per_contract[f_scenario], f_remaining)
    # When each item accrues (C3): on its event, or the day after its programme year.
    period = table.period_id[owner]
    start = table.year_starts[period, number - 1]
    end = table.year_ends[period, number - 1]
    operating_on = np.where(table.at_year_end[owner], end + 1, start)
    grant_on = np.where(table.at_year_end[f_scenario], end[f_flat] + 1, table.signed_on[funded_at])
    grant_accrued = grant * (grant_on <= table.as_of[f_scenario])
    accrued = operating_cut * (operating_on <= table.as_of[owner]) + _sums(f_flat, grant_accrued, owner.size)
    return Grants(
        start=start,
        end=end,
        operating_grant=operating_cut,
        operating_grant_accrues_on=operating_on,
        contract_grants=_sums(f_flat, grant, owner.size),
        accrued=accrued,
        grant=grant,
        grant_accrues_on=grant_on,
        scenario_accrued=_sums(owner, accrued, len(table)),
    )


class PaymentConditions(NamedTuple):
    """Per scenario, the unmet conditions on payment as a whole, and how many withhold it."""

    regional_authorisation: Bools
    deliberation_adopted: Bools
    contract_target: Bools
    blockers: Int64s
    #: The financing convention the law requires, its signature not given: a warning, never a blocker.
    financing_not_verified: Bools
    #: The financing convention the law requires, not signed by ``as_of`` (or with terms and no day given): it
    #: withholds payment.
    financing_unsigned: Bools


def signature_columns(table: ScenarioTable) -> tuple[Bools, Bools]:
    """Loi n° 2000-321, art. 10 — per scenario, whether the financing convention the law requires is unsigned
    (signed after ``as_of``, or with terms and no day given: it withholds payment), and whether its day of
    signature is not given without terms (a warning, the condition not verified), as
    :func:`~propulseur_rules.rules._settlement.payment_conditions` reads them."""
    given, signed_on = table.financing_signed, table.financing_signed_on
    has_terms = np.array([each.financing is not None for each in table.conventions], dtype=np.bool_)
    unsigned = np.where(given, signed_on > table.as_of, has_terms[table.convention_id])
    required = table.signature_required
    return required & unsigned, required & ~given & ~unsigned


def payment_conditions(table: ScenarioTable, places: Places) -> PaymentConditions:
    """C4, C9, C3 — no regional authorisation yet, a deliberation not adopted, the target of contracts missed;
    the last withholds only under ``TargetPolicy.ALL_OR_NOTHING``. A financing convention required by law
    (loi n° 2000-321, art. 10) and not signed by ``as_of`` withholds payment (:func:`signature_columns`)."""
    as_of = table.as_of
    regional = ~table.authorised | (table.authorised_on > as_of)
    deliberation = table.has_deliberation & (~table.adopted | (table.in_force_on > as_of))
    short = places.eligible < table.required
    unsigned, not_verified = signature_columns(table)
    blockers = regional.astype(np.int64) + deliberation + unsigned + (short & table.all_or_nothing)
    return PaymentConditions(
        regional_authorisation=regional,
        deliberation_adopted=deliberation,
        contract_target=short,
        blockers=blockers,
        financing_not_verified=not_verified,
        financing_unsigned=unsigned,
    )


class Money(NamedTuple):
    """Per scenario, the money figures besides what has accrued, in cents."""

    withheld: Int64s
    releasable: Int64s
    paid: Int64s
    payable: Int64s
    excess_paid: Int64s


def settle(table: ScenarioTable, accrued: Int64s, conditions: PaymentConditions) -> Money:
    """C3, C4, C9 — all that has accrued is withheld while a condition blocks; what is paid is set against the rest."""
    withheld = np.where(conditions.blockers > 0, accrued, 0)
    releasable = accrued - withheld
    counted = table.paid_on <= table.as_of[table.payment_scenario]
    paid = _sums(table.payment_scenario[counted], table.amount[counted], len(table))
    return Money(
        withheld=withheld,
        releasable=releasable,
        paid=paid,
        payable=np.maximum(0, releasable - paid),
        excess_paid=np.maximum(0, paid - releasable),
    )


def scenario_unmet(
    conditions: PaymentConditions, places: Places, money: Money, financing: Sequence[tuple[Condition, Bools]] = ()
) -> Int64s:
    """The unmet conditions of each scenario as a whole, as bits of :data:`CONDITION_BITS`: those on payment,
    eligible contracts beyond the places that C5 lets the funder reconsider, an excess payment (C3), and
    ``financing``, what the financing terms leave unpaid, each condition with the scenarios it holds for."""
    bits = CONDITION_BITS
    signature = conditions.financing_not_verified | conditions.financing_unsigned
    unmet: Int64s = (
        np.where(conditions.regional_authorisation, bits[Condition.REGIONAL_AUTHORISATION], 0)
        | np.where(conditions.deliberation_adopted, bits[Condition.DELIBERATION_ADOPTED], 0)
        | np.where(signature, bits[Condition.FINANCING_CONVENTION_SIGNED], 0)
        | np.where(conditions.contract_target, bits[Condition.CONTRACT_TARGET], 0)
        | np.where(places.eligible > places.places, bits[Condition.RECONSIDERATION_POSSIBLE], 0)
        | np.where(money.excess_paid > 0, bits[Condition.NO_EXCESS_PAYMENT], 0)
    ).astype(np.int64)
    for condition, holds in financing:
        unmet |= np.where(holds, bits[condition], 0).astype(np.int64)
    return unmet


def _sums(group: Int64s, values: Int64s, count: int) -> Int64s:
    """The sum of ``values`` per group, exact in ``int64`` (no float weights)."""
    total = np.zeros(count, dtype=np.int64)
    np.add.at(total, group, values)
    return total
