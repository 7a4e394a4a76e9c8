"""State aid to the startups: the de minimis ceiling, as a warning that never withholds payment.

The deliberation names the startups « bénéficiaires directs » of the programme (C4: « le
programme ProPulseur étant une opération collective mais avec comme bénéficiaires directs
des entreprises »). Each funded contract is a service worth its grant to the startup, 15 000 €
(C2). ASSUMPTION (the deliberation does not say how the aid is counted): that grant is the
aid to the startup, granted on the day its contract was signed.

Aid of minor importance (« de minimis ») to one undertaking is capped by the regulation in
force on the day it is granted:

- until 31 December 2023, règlement (UE) n° 1407/2013: 200 000 € over three fiscal years,
  that year and the two before. ASSUMPTION: the fiscal years are calendar years
  (1 January 2021 to the day, for aid granted in 2023);
- from 1 January 2024, règlement (UE) 2023/2831: 300 000 € over any period of three
  years, here the three years that end on the day (from the day after the same day three
  years earlier).

The other de minimis aid a startup received is an input (:class:`DeMinimisAid`), known by
the startup's SIREN: a startup without one cannot be checked, and the result says so.
Aid granted after the contract is not counted against it. Nothing here withholds the
métropole's payment to the beneficiary (C3): the aid the startups receive is a warning.

>>> import datetime as dt
>>> regulation_on(dt.date(2023, 12, 31)).ceiling, regulation_on(dt.date(2024, 1, 1)).ceiling
(Decimal('200000.00'), Decimal('300000.00'))
>>> regulation_on(dt.date(2024, 3, 1)).window_start
datetime.date(2021, 3, 2)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from ..words._errors import InvalidInput, kind_of, shorten
from ._clauses import Clause
from ._dates import to_date
from ._legal import DE_MINIMIS_2013, DE_MINIMIS_2023, LegalBasis
from ._model import luhn_valid
from ._money import to_money
from ._outcome import Condition, ContractAssessment, UnmetCondition

__all__ = [
    "DE_MINIMIS_CEILINGS",
    "DeMinimisAid",
    "DeMinimisRegulation",
    "de_minimis_unmet",
    "regulation_on",
]

_SIREN = re.compile(r"\d{9}", re.ASCII)

#: The first day of règlement (UE) 2023/2831; the day before, the last of règlement (UE) n° 1407/2013.
_NEW_REGULATION_FROM = dt.date(2024, 1, 1)

#: The ceiling of each regulation: the de minimis aid one undertaking may receive over its window.
DE_MINIMIS_CEILINGS: dict[LegalBasis, Decimal] = {
    DE_MINIMIS_2013: Decimal("200000.00"),
    DE_MINIMIS_2023: Decimal("300000.00"),
}


def _siren_from(value: object) -> str:
    if value is None:
        raise InvalidInput("siren", "error.required")
    if not isinstance(value, str):
        raise InvalidInput("siren", "error.expected_siren_text", type=kind_of(value))
    digits = "".join(value.split())
    if not _SIREN.fullmatch(digits):
        raise InvalidInput("siren", "error.not_a_siren", value=repr(shorten(value)))
    if not luhn_valid(digits):
        raise InvalidInput("siren", "error.siren_key", value=digits)
    return digits


def _granted_on_from(value: object) -> dt.date:
    return to_date(value, "granted_on")


def _amount_from(value: object) -> Decimal:
    amount = to_money(value, "amount")
    if not amount:
        raise InvalidInput("amount", "error.aid_not_positive")
    return amount


@attrs.frozen(kw_only=True)
class DeMinimisAid:
    """De minimis aid a startup received from another funder: its SIREN, the day granted, the amount.

    >>> DeMinimisAid(siren="732 829 320", granted_on="2023-05-02", amount="40000").amount
    Decimal('40000.00')
    """

    siren: str = attrs.field(converter=_siren_from)
    granted_on: dt.date = attrs.field(converter=_granted_on_from)
    amount: Decimal = attrs.field(converter=_amount_from)


class DeMinimisRegulation(NamedTuple):
    """The regulation in force on a day: its article, its ceiling, and the first day of its window."""

    basis: LegalBasis
    ceiling: Decimal
    window_start: dt.date


def regulation_on(day: dt.date) -> DeMinimisRegulation:
    """The de minimis regulation for aid granted on ``day``, and the first day of the aid counted with it."""
    if day < _NEW_REGULATION_FROM:
        # Three fiscal years, taken as calendar years: this one and the two before.
        start = dt.date(max(day.year - 2, dt.MINYEAR), 1, 1)
        return DeMinimisRegulation(DE_MINIMIS_2013, DE_MINIMIS_CEILINGS[DE_MINIMIS_2013], start)
    try:
        earlier = day.replace(year=day.year - 3)
    except ValueError:  # 29 February: three years before is 28 February
        earlier = day.replace(year=day.year - 3, day=28)
    return DeMinimisRegulation(DE_MINIMIS_2023, DE_MINIMIS_CEILINGS[DE_MINIMIS_2023], earlier + dt.timedelta(days=1))


def check_aid(values: object) -> tuple[DeMinimisAid, ...]:
    """The de minimis aid given to ``assess``: a collection of :class:`DeMinimisAid`."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidInput("de_minimis_aid", "error.expected_collection_of", kind="DeMinimisAid", type=kind_of(values))
    items = tuple(values)
    for position, item in enumerate(items):
        if not isinstance(item, DeMinimisAid):
            raise InvalidInput(
                f"de_minimis_aid[{position}]", "error.expected_a_kind", kind="DeMinimisAid", type=kind_of(item)
            )
    return items


def de_minimis_unmet(
    contracts: Sequence[ContractAssessment], aid: Sequence[DeMinimisAid]
) -> tuple[UnmetCondition, ...]:
    """C4 and the de minimis regulations — each contract whose grant would take its startup over the
    ceiling, or that cannot be checked for want of a SIREN. Without any aid given, nothing: the grant
    of one contract is far below either ceiling."""
    if not aid:
        return ()
    unmet: list[UnmetCondition] = []
    for assessed in contracts:
        if not assessed.grant:
            continue
        day = assessed.contract.signed_on
        regulation = regulation_on(day)
        siren = assessed.contract.startup.siren
        if siren is None:
            unmet.append(_warning(assessed, regulation, reason="de_minimis_no_siren"))
            continue
        received = sum(
            (item.amount for item in aid if item.siren == siren and regulation.window_start <= item.granted_on <= day),
            Decimal("0.00"),
        )
        if received + assessed.grant > regulation.ceiling:
            unmet.append(_warning(assessed, regulation, reason=None))
    return tuple(unmet)


def _warning(assessed: ContractAssessment, regulation: DeMinimisRegulation, reason: str | None) -> UnmetCondition:
    return UnmetCondition(
        condition=Condition.DE_MINIMIS_CEILING,
        clause=Clause.C4,
        contract=assessed.reference,
        amount=assessed.grant,
        blocks_payment=False,
        reason=reason,
        basis=regulation.basis,
    )
