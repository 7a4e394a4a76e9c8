"""An assessment as a typed ``pandas.DataFrame``: ``Assessment.to_frame()`` (the ``frames`` extra).

The frame holds the records of ``Assessment.to_records()`` with types a notebook
can trust:

- money is ``Decimal`` (object dtype), exact to the cent, unless ``money="float"``
  asks for floats (for a chart or a quick sum, never for an amount to pay);
- dates stay ``datetime.date`` objects (object dtype): a pandas datetime would add
  a time of day the rules never have, and holds only the years 1677 to 2262,
  while the library takes a ``date`` (and a ``pandas.Timestamp`` at midnight) back;
- statuses and sectors are categories listing every value, so a count by status
  shows the statuses that no contract has;
- a count that may be missing (a programme year) is pandas' nullable ``Int64``.

pandas is imported inside :func:`to_frame`; without it the error names the extra.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..rules._extras import require
from ..rules._model import Sector
from ..rules._outcome import Assessment, ContractStatus, DeadlineKind
from ..words._errors import InvalidInput, shown
from ._planning import records

__all__ = ["MONEY_KINDS", "to_frame"]

#: How money may be written in a frame.
MONEY_KINDS = ("decimal", "float")

#: The columns held as categories, with every value they may take, in the library's order.
_CATEGORIES: dict[str, list[str]] = {
    "status": [status.value for status in ContractStatus],
    "sector": [sector.value for sector in Sector],
    "kind": [kind.value for kind in DeadlineKind],
}

#: The columns of the records per contract, for a frame of an assessment without contracts.
_CONTRACT_COLUMNS = (
    "as_of",
    "convention",
    "reference",
    "status",
    "programme_year",
    "grant",
    "accrues_on",
    "unmet",
    "startup",
    "siren",
    "head_office",
    "commune",
    "sector",
    "applied_on",
    "selected_on",
    "signed_on",
)

#: The columns of the records per deadline, for a frame of an assessment without deadlines
#: (a convention without financing terms).
_DEADLINE_COLUMNS = (
    "as_of",
    "convention",
    "kind",
    "due_on",
    "covers",
    "amount",
    "received_on",
    "arose_on",
    "overdue",
    "basis",
)


def to_frame(assessment: Assessment, by: str = "contract", money: str = "decimal") -> Any:
    """The records of ``assessment`` (``by`` as in ``to_records``) as a typed ``pandas.DataFrame``.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022, assess
    >>> frame = to_frame(assess(DIJON_2022, [], as_of=dt.date(2023, 7, 1)), by="budget_year")
    >>> frame["accrued"].sum()
    Decimal('40000.00')
    >>> to_frame(assess(DIJON_2022, [], as_of=dt.date(2023, 7, 1)), money="floats")
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: money: 'floats' is not one of decimal, float
    """
    if money not in MONEY_KINDS:
        raise InvalidInput("money", "error.not_one_of", value=shown(money), choices=", ".join(MONEY_KINDS))
    rows = records(assessment, by)
    pandas = require("pandas", "frames", "Assessment.to_frame")
    empty = _DEADLINE_COLUMNS if isinstance(by, str) and by == "deadline" else _CONTRACT_COLUMNS
    names = list(rows[0]) if rows else list(empty)
    columns = {name: _column(pandas, name, [row[name] for row in rows], money) for name in names}
    return pandas.DataFrame(columns, index=pandas.RangeIndex(len(rows)))


def _column(pandas: Any, name: str, values: list[Any], money: str) -> Any:
    """One column with its type: category, money, nullable count, or plain objects (text, dates)."""
    if name in _CATEGORIES:
        return pandas.Series(pandas.Categorical(values, categories=_CATEGORIES[name]))
    present = [value for value in values if value is not None]
    if present and all(isinstance(value, Decimal) for value in present):
        if money == "float":
            return pandas.Series([None if value is None else float(value) for value in values], dtype="float64")
        return pandas.Series(values, dtype=object)
    if present and len(present) == len(values) and all(isinstance(value, bool) for value in present):
        return pandas.Series(values, dtype=bool)
    if present and all(isinstance(value, int) and not isinstance(value, bool) for value in present):
        return pandas.Series(values, dtype="Int64" if len(present) < len(values) else "int64")
    # Text and dates: a date stays a ``datetime.date`` (see the module's notes).
    return pandas.Series(values, dtype=object)
