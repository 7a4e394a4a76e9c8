"""Money: the one place where ``Decimal``, ``int``, ``str`` and ``float`` meet.

Amounts are euros held as :class:`decimal.Decimal` quantised to the cent. Inputs
are accepted as ``Decimal``, ``int`` or a numeric string; a ``float`` only when it
is finite and a whole number of cents (``1500.5`` is fine, ``0.1 + 0.2`` is not).
Nothing is ever rounded silently: an amount with a fraction of a cent is refused.
"""

from __future__ import annotations

import decimal
import functools
import re
from collections.abc import Callable
from decimal import Decimal
from typing import ParamSpec, TypeVar

from ..words._errors import InvalidInput, kind_of, shorten, shown_integer

__all__ = [
    "CENT",
    "MAX_AMOUNT",
    "ZERO",
    "in_money_context",
    "money_text",
    "to_money",
]

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
#: The largest amount accepted: a trillion euros less a cent. Larger figures
#: are typing errors or hostile input, and refusing them keeps every sum exact
#: within the default 28-digit decimal context.
MAX_AMOUNT = Decimal("999999999999.99")

_NUMERIC = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation])

_P = ParamSpec("_P")
_R = TypeVar("_R")


def in_money_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` run in the library's decimal context, whatever the caller's.

    Sums and differences of amounts are exact in 28 digits; a caller who set a
    lower precision, or a trap on ``Inexact``, in their own thread must get the
    same figures as anyone else.
    """

    @functools.wraps(function)
    def in_context(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with decimal.localcontext(_CONTEXT):
            return function(*args, **kwargs)

    return in_context


def to_money(value: object, path: str = "amount") -> Decimal:
    """Return ``value`` as euros quantised to the cent, or raise :class:`InvalidInput`.

    >>> to_money("15000")
    Decimal('15000.00')
    >>> to_money(1500.5)
    Decimal('1500.50')
    >>> to_money("12.345", "grant_per_contract")
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: grant_per_contract: 12.345 is not a whole number of cents
    """
    if isinstance(value, bool):
        raise InvalidInput(path, "error.expected_amount_not_value", value=repr(value))
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        if abs(value) > MAX_AMOUNT:
            raise InvalidInput(path, "error.amount_too_large", value=shown_integer(value), limit=str(MAX_AMOUNT))
        amount = Decimal(value)
    elif isinstance(value, str):
        text = value.strip()
        if len(text) > 64 or not _NUMERIC.fullmatch(text):
            raise InvalidInput(path, "error.not_an_amount_in_euros", value=repr(shorten(value)))
        try:
            amount = Decimal(text)
        except decimal.InvalidOperation:  # an exponent beyond what Decimal holds: "1e99999999999999999999"
            raise InvalidInput(path, "error.not_an_amount_in_euros", value=repr(shorten(value))) from None
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InvalidInput(path, "error.not_an_amount_in_euros", value=repr(value))
        # repr() gives the shortest decimal that round-trips, so 0.1 reads as "0.1"
        # and 0.1 + 0.2 as "0.30000000000000004", which is refused below.
        amount = Decimal(repr(value))
    else:
        raise InvalidInput(path, "error.expected_amount", type=kind_of(value))
    if not amount.is_finite():
        raise InvalidInput(path, "error.not_an_amount_in_euros", value=str(amount))
    if amount < 0:
        raise InvalidInput(path, "error.negative", value=str(amount))
    if amount > MAX_AMOUNT:
        raise InvalidInput(path, "error.amount_too_large", value=str(amount), limit=str(MAX_AMOUNT))
    cents = amount.quantize(CENT, context=_CONTEXT)
    if cents != amount:
        raise InvalidInput(path, "error.not_whole_cents", value=str(amount))
    return cents.copy_abs()  # no "-0.00"; copy_abs, unlike abs(), ignores the caller's decimal context


def money_text(amount: Decimal) -> str:
    """Euros as data: ``"15000.00"``, two decimals, no grouping, as ``to_dict()`` and files write them.

    >>> money_text(Decimal("15000"))
    '15000.00'
    """
    return f"{amount:.2f}"
