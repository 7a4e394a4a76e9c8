"""Step 4 of :func:`~._engine.assess`: the grants in order under the cap (C2), and the day each accrues (C3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from ._convention import Accrual, Convention
from ._dates import Period
from ._eligibility import Place
from ._model import Contract

__all__ = ["Entitlement", "accrues_on", "entitlement"]


class Entitlement(NamedTuple):
    """One item of money: a year's operating grant (``contract`` is ``None``) or a funded contract's grant.

    ``amount`` is what remains of it after the cap of C2; ``accrues_on`` the
    day it is earned (C3).
    """

    year: int
    contract: Contract | None
    amount: Decimal
    accrues_on: dt.date


def accrues_on(convention: Convention, event_on: dt.date, year: Period) -> dt.date:
    """C3 (« selon les modalités définies dans la convention de financement ») — when an item accrues.

    ``ON_EVENT``: on the day of its event (the first day of the programme year
    for an operating grant, the day of signature for a contract). ``AT_YEAR_END``:
    on the day after its programme year ends.
    """
    if convention.accrual is Accrual.ON_EVENT:
        return event_on
    return year.end + dt.timedelta(days=1)


def entitlement(convention: Convention, places: Sequence[Place]) -> tuple[Entitlement, ...]:
    """C2 — the items in order, each cut so that their running total never exceeds ``total_cap``.

    The order is: year 1 operating grant, year 1 funded contracts in signing
    order, year 2 operating grant, and so on.
    """
    funded: list[list[Contract]] = [[] for _ in convention.programme_years]
    for place in places:
        if place.funded:
            funded[place.year - 1].append(place.contract)
    remaining = convention.total_cap
    items = []
    for number, year in enumerate(convention.programme_years, start=1):
        wanted: list[tuple[Contract | None, Decimal, dt.date]] = [
            (None, convention.operating_grant_per_year, year.start),
            *[(contract, convention.grant_per_contract, contract.signed_on) for contract in funded[number - 1]],
        ]
        for contract, amount, event_on in wanted:
            granted = min(amount, remaining)
            remaining -= granted
            items.append(Entitlement(number, contract, granted, accrues_on(convention, event_on, year)))
    return tuple(items)
