"""The names Python gives its types, which a person reading a message does not know, and the odd values that
tempt a message to say them."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from hypothesis import strategies as st

from propulseur_rules import PropulseurRulesError

#: The names Python gives its types; "list" only without the article (``a list`` is the word of the catalogue).
PYTHON_TYPE_NAMES = re.compile(
    r"\b(NoneType|Decimal|dict|str|int|float|bool|tuple|bytes|frozenset|set|object)\b|(?<!a )\blist\b"
)

#: A value of every kind Python has, in place of an argument of another kind.
ODD_ARGUMENTS = st.sampled_from(
    (None, True, 3, -1, 1.5, Decimal("2.5"), "x", "", b"x", [1], (1,), {"a": 1}, {1}, frozenset(), object())
)


def named_types(error: Exception) -> list[str]:
    """The messages of ``error``, in English and French, that name a Python type."""
    messages = [error.message("en"), error.message("fr")]  # type: ignore[attr-defined]
    return [message for message in messages if PYTHON_TYPE_NAMES.search(message)]


def types_named_by(call: Callable[[object], object], value: object) -> list[str]:
    """The messages, in English and French, of the error ``call(value)`` raises on purpose that name a Python type;
    none if it raises none."""
    try:
        call(value)
    except PropulseurRulesError as error:
        return named_types(error)
    return []
