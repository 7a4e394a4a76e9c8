"""Value objects as plain data: the one conversion shared by ``Assessment.to_dict`` and ``dump_scenario``.

Money becomes text with two decimals (``"15000.00"``), a share of the financing
terms its exact text (``"0.3333"``: a share is not money), a period its two ends, a
set a sorted list, an enumeration its value. Dates become ISO 8601 text for JSON
(``dates_as_text=True``), or stay dates for TOML, which has a date type.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from ._convention import Convention
from ._financing import FinancingTerms
from ._money import money_text

__all__ = ["convention_to_dict", "convention_to_plain", "to_plain"]


def to_plain(value: object, *, dates_as_text: bool = True) -> Any:
    """One value as plain data; an attrs value object becomes a dict of its fields, in their order.

    >>> from propulseur_rules import DIJON_2022
    >>> to_plain(DIJON_2022.period)
    {'start': '2022-07-01', 'end': '2025-06-30'}
    >>> to_plain(DIJON_2022.eligible_sectors), to_plain(DIJON_2022.total_cap)
    (['health', 'industry'], '195000.00')
    """
    if isinstance(value, FinancingTerms):
        return _terms_to_plain(value)
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, dt.date):
        return value.isoformat() if dates_as_text else value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (frozenset, set)):
        return sorted(to_plain(item, dates_as_text=dates_as_text) for item in value)
    if isinstance(value, (list, tuple)):
        return [to_plain(item, dates_as_text=dates_as_text) for item in value]
    if attrs.has(type(value)):
        return {
            field.name: to_plain(getattr(value, field.name), dates_as_text=dates_as_text)
            for field in attrs.fields(type(value))  # type: ignore[arg-type]  # attrs.has narrows no type
        }
    return value


def _terms_to_plain(terms: FinancingTerms) -> dict[str, Any]:
    """The financing terms, each share as written (``"0.3333"``), never rounded to the cent.

    >>> _terms_to_plain(FinancingTerms(advance_share="0.3333"))["advance_share"]
    '0.3333'
    """
    return {
        field.name: str(value) if isinstance(value, Decimal) else value
        for field in attrs.fields(FinancingTerms)
        for value in (getattr(terms, field.name),)
    }


def convention_to_plain(convention: Convention, *, dates_as_text: bool = True) -> dict[str, Any]:
    """Every parameter of a convention as plain data, in the order of its fields.

    >>> from propulseur_rules import DIJON_2022
    >>> data = convention_to_plain(DIJON_2022)
    >>> data["total_cap"], data["deliberation"]["decided_on"], data["accrual"]
    ('195000.00', '2022-09-29', 'on_event')
    """
    plain: dict[str, Any] = to_plain(convention, dates_as_text=dates_as_text)
    return plain


def convention_to_dict(convention: Convention) -> dict[str, Any]:
    """Every parameter of a convention as JSON-ready data, the readings included, as ``Assessment.to_dict()``
    reports it: a reader of the JSON knows which readings gave its figures."""
    return convention_to_plain(convention)
