"""Results as JSON-ready data: the one conversion of the records and the planning results.

Records (``Assessment.to_records()``), budget years, forecast events and sweep rows
keep ``Decimal`` and ``date`` so that a notebook computes with them;
:func:`json_ready` turns any of them into what :func:`json.dumps` writes, the way
``to_dict()`` writes an assessment: money as ``"15000.00"``, dates in ISO 8601.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from decimal import Decimal

import attrs

from ..rules._money import money_text
from ..words._errors import InvalidInput, Worded, kind_of, shown

__all__ = ["json_ready"]


def json_ready(value: object) -> object:
    """``value`` as plain data that :func:`json.dumps` accepts, without losing a cent.

    ``Decimal`` becomes text with two decimals (``"15000.00"``), a date ISO 8601 text,
    an enum member its value, a frozen result (``BudgetYear``, ``ScheduleEvent``, …)
    a dict of its fields, a tuple or list a list, a set a sorted list; mappings
    are converted value by value. ``str``, ``int``, ``bool`` and ``None`` stay as they are; anything else
    (a ``float`` among them: the library never gives one) is an :class:`InvalidInput`.

    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> json_ready({"as_of": dt.date(2025, 6, 30), "grant": Decimal("15000"), "years": (1, 2)})
    {'as_of': '2025-06-30', 'grant': '15000.00', 'years': [1, 2]}
    """
    return _plain(value, "value")


def _plain(value: object, path: str) -> object:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return _plain(value.value, path)
    kind = type(value)
    if attrs.has(kind):
        return {
            field.name: _plain(getattr(value, field.name), f"{path}.{field.name}")
            for field in attrs.fields(kind)
            # Fields added in a later release, left out when the field they go with is unset (a schedule
            # without financing terms), so that earlier results keep their form.
            if not (field.metadata.get("only_with") and getattr(value, field.metadata["only_with"]) is None)
        }
    if isinstance(value, Mapping):
        return {str(key): _plain(item, f"{path}[{shown(key)}]") for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item, f"{path}[{position}]") for position, item in enumerate(value)]
    if isinstance(value, (set, frozenset)):  # a convention's territory or sectors: sorted, so the output is stable
        return sorted((_plain(item, f"{path}[]") for item in value), key=repr)
    # A float is a number to a reader, but the one kind of number with no exact JSON form here.
    named = Worded("error.kind_float") if isinstance(value, float) else kind_of(value)
    raise InvalidInput(path, "error.no_json_form", type=named)
