"""The codes of the columnar engine: dates as days, money as cents, statuses and unmet conditions as bits.

Money is integer cents in ``int64`` arrays, never floats; dates are days since
1970-01-01. A contract's status is a code of :data:`STATUS_CODES`; the unmet
conditions of a scenario are a sum of the bits of :data:`CONDITION_BITS`, those
of a contract a sum of the bits of :data:`CONTRACT_UNMET`, one per rule record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from ..rules._model import Sector
from ..rules._outcome import Condition, ContractStatus
from ..rules._rules import CONTRACT_RULES, ContractRule
from ..words._errors import InvalidInput, shown

__all__ = [
    "BEYOND_PLACES_BIT",
    "CONDITION_BITS",
    "CONTRACT_UNMET",
    "NO_DATE",
    "OVER_ANNUAL_BIT",
    "SECTORS",
    "STATUSES",
    "STATUS_CODES",
    "Bools",
    "Int64s",
    "array",
    "cents",
    "contract_bit",
    "date",
    "days",
    "euros",
    "rule_bit",
]

Int64s = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

#: ``1970-01-01`` as a proleptic ordinal: a date is stored as ``date.toordinal() - _EPOCH`` days.
_EPOCH = dt.date(1970, 1, 1).toordinal()
#: No date: the smallest ``int64``, numpy's ``NaT``.
NO_DATE = int(np.iinfo(np.int64).min)
#: The bit of each condition in the ``unmet`` codes: ``1 << position`` in :class:`Condition`.
CONDITION_BITS: dict[Condition, int] = {condition: 1 << position for position, condition in enumerate(Condition)}
#: The code of each contract status in the ``status`` arrays.
STATUS_CODES: dict[ContractStatus, int] = {status: code for code, status in enumerate(ContractStatus)}
STATUSES = tuple(ContractStatus)
SECTORS = tuple(Sector)

#: What a contract's ``unmet`` code holds, bit by bit: each rule of eligibility of
#: :data:`CONTRACT_RULES`, in the order :func:`assess` lists them, then the two
#: conditions of a contract left without a place (C2, C5).
CONTRACT_UNMET: tuple[ContractRule | Condition, ...] = (
    *CONTRACT_RULES,
    Condition.ANNUAL_CONTRACT_LIMIT,
    Condition.CONVENTION_CONTRACT_LIMIT,
)
_RULE_BITS = {rule: 1 << position for position, rule in enumerate(CONTRACT_RULES)}
#: C2 — an eligible contract left without a place in its programme year.
OVER_ANNUAL_BIT = 1 << len(CONTRACT_RULES)
#: C5 — an eligible contract left without a place once every place of the convention is taken.
BEYOND_PLACES_BIT = 1 << (len(CONTRACT_RULES) + 1)


def contract_bit(condition: Condition, reason: str | None = None) -> int:
    """The bit of a contract's unmet condition (with the ``reason`` of its rule) in the ``unmet`` codes."""
    for position, item in enumerate(CONTRACT_UNMET):
        if isinstance(item, Condition) and item is condition and reason is None:
            return 1 << position
        if isinstance(item, ContractRule) and item.condition is condition and item.message == reason:
            return 1 << position
    raise InvalidInput("condition", "error.not_a_contract_condition", condition=condition.value, reason=shown(reason))


def rule_bit(rule: ContractRule) -> int:
    """The bit of a rule record in the ``unmet`` codes."""
    return _RULE_BITS[rule]


def days(day: dt.date) -> int:
    """A date as days since 1970-01-01."""
    return day.toordinal() - _EPOCH


def date(count: int | np.integer[Any]) -> dt.date:
    """Days since 1970-01-01 as a date."""
    return dt.date.fromordinal(int(count) + _EPOCH)


def cents(amount: Decimal) -> int:
    """An amount of euros, to the cent, as a whole number of cents."""
    return int(amount.scaleb(2))


def euros(count: int | np.integer[Any]) -> Decimal:
    """A whole number of cents as euros, to the cent."""
    return Decimal(int(count)).scaleb(-2)


def array(values: Sequence[int] | Iterable[int], dtype: type = np.int64) -> Int64s:
    """An ``int64`` array of ``values``."""
    return np.fromiter(values, dtype=dtype)
