"""Assessments and records as typed ``pandas.DataFrame`` objects: ``Assessment.to_frame()`` (the ``frames`` extra).

One convention for every frame of the library, the same as the frames of the
columnar engine (``BatchResult.to_frames()``), so that a frame of one can be set
beside, appended to or fed back into another (see ``docs/batch.md``):

- money is a column of integer cents named after the figure with ``_cents``
  (``grant_cents``, ``payable_cents``): exact (``Decimal`` × 100, to the cent),
  numeric, so that ``sum()``, ``groupby`` and ``plot()`` work on it, and what the
  columnar engine computes in; ``money="decimal"`` (``Decimal`` objects) or
  ``money="float"`` (euros as floats, never for an amount to pay) keep the
  figure's own name instead;
- dates are ``datetime64[s]`` (``.dt`` works; a missing date is ``NaT``): a day
  at midnight, as the engine's frames give them, and as every function of the
  library takes them back;
- statuses, sectors, kinds of deadline, conditions and clauses are categories
  listing every value, so that a count by status shows the statuses no contract has;
- the unmet conditions of a row are a list of condition codes (a list column,
  ``explode()`` makes it long), and ``by="unmet"`` gives them as a long frame,
  one row per unmet condition, as the engine's ``unmet`` frame;
- a count that may be missing (a programme year) is pandas' nullable ``Int64``.

pandas is imported inside the functions; without it the error names the extra.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ..rules._clauses import Clause
from ..rules._extras import require
from ..rules._model import Sector
from ..rules._outcome import Assessment, Condition, ContractStatus, DeadlineKind
from ..words._errors import InvalidInput, kind_of, shown
from ._planning import records

__all__ = ["MONEY_KINDS", "records_frame", "to_frame"]

#: How money may be written in a frame: integer cents (the convention), ``Decimal`` or float euros.
MONEY_KINDS = ("cents", "decimal", "float")

#: The columns held as categories, with every value they may take, in the library's order.
_CATEGORIES: dict[str, list[str]] = {
    "status": [status.value for status in ContractStatus],
    "sector": [sector.value for sector in Sector],
    "kind": [kind.value for kind in DeadlineKind],
    "condition": [condition.value for condition in Condition],
    "clause": [clause.value for clause in Clause],
}

#: The columns that hold conditions joined by ", " in the records: a list of codes in a frame.
_CONDITION_LISTS = ("unmet", "blocking")

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

#: The columns of the long frame of unmet conditions (``by="unmet"``); ``contract`` is empty for a
#: condition of the whole grant.
_UNMET_COLUMNS = ("as_of", "convention", "contract", "condition", "clause", "amount", "blocks_payment", "final")

#: The money columns of each kind of record, typed even when a frame has no rows.
_EMPTY_MONEY = frozenset({"grant", "amount"})


def to_frame(assessment: Assessment, by: str = "contract", money: str = "cents") -> Any:
    """The records of ``assessment`` (``by`` as in ``to_records``, or ``"unmet"``) as a typed ``pandas.DataFrame``.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022, assess
    >>> frame = to_frame(assess(DIJON_2022, [], as_of=dt.date(2023, 7, 1)), by="budget_year")
    >>> int(frame["accrued_cents"].sum())  # 2 × 20 000 € for the two programme years opened (C2)
    4000000
    >>> to_frame(assess(DIJON_2022, [], as_of=dt.date(2023, 7, 1)), money="floats")
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: money: 'floats' is not one of cents, decimal, float
    """
    _check_money(money)
    if isinstance(by, str) and by == "unmet":
        rows = _unmet_records(assessment)
        empty: tuple[str, ...] = _UNMET_COLUMNS
    else:
        rows = records(assessment, by)
        empty = _DEADLINE_COLUMNS if isinstance(by, str) and by == "deadline" else _CONTRACT_COLUMNS
    require("pandas", "frames", "Assessment.to_frame")
    return records_frame(rows, money=money, columns=empty)


def records_frame(rows: Iterable[Any], money: str = "cents", *, columns: Iterable[str] = ()) -> Any:
    """Flat records (``sweep``, ``records``) or the results ``records`` takes (``compare_readings``,
    ``payment_forecast``, ``budget_years``…) as a ``pandas.DataFrame`` of the library's convention (see
    the module's notes); ``columns`` names the columns of a frame without rows.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022, sweep
    >>> frame = records_frame(sweep(DIJON_2022, as_of=[dt.date(2023, 7, 1), dt.date(2024, 7, 1)]))
    >>> frame["accrued_cents"].tolist()  # 2 then 3 programme years opened, 20 000 € each (C2)
    [4000000, 6000000]
    >>> frame["as_of"].dt.year.tolist()
    [2023, 2024]
    """
    _check_money(money)
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        raise InvalidInput("rows", "error.expected_collection_of", kind="dict", type=kind_of(rows))
    listed = list(rows)
    if not all(isinstance(row, Mapping) for row in listed):
        listed = records(listed)  # results (readings, budget years, payable days…) as their records, or refused
    pandas = require("pandas", "frames", "records_frame")
    names = list(listed[0]) if listed else list(columns)
    frame: dict[str, Any] = {}
    for name in names:
        values = [row.get(name) for row in listed]
        if _is_money(name, values) and money == "cents":
            frame[f"{name}_cents"] = _cents(pandas, values)
        else:
            frame[name] = _column(pandas, name, values, money)
    return pandas.DataFrame(frame, index=pandas.RangeIndex(len(listed)))


def _check_money(money: object) -> None:
    if not isinstance(money, str) or money not in MONEY_KINDS:
        raise InvalidInput("money", "error.not_one_of", value=shown(money), choices=", ".join(MONEY_KINDS))


def _unmet_records(assessment: Assessment) -> list[dict[str, Any]]:
    """One record per unmet condition, in the order of ``Assessment.unmet``."""
    return [
        {
            "as_of": assessment.as_of,
            "convention": assessment.convention.reference,
            "contract": unmet.contract,
            "condition": unmet.condition.value,
            "clause": unmet.clause.value,
            "amount": unmet.amount,
            "blocks_payment": unmet.blocks_payment,
            "final": unmet.final,
        }
        for unmet in assessment.unmet
    ]


def _is_money(name: str, values: list[Any]) -> bool:
    present = [value for value in values if value is not None]
    if not present:
        return name in _EMPTY_MONEY
    return all(isinstance(value, Decimal) for value in present)


def _cents(pandas: Any, values: list[Any]) -> Any:
    """Amounts in euros (``Decimal``, whole cents) as integer cents: exact, ``Int64`` when one is missing."""
    cents = [None if value is None else int(value.scaleb(2).to_integral_exact()) for value in values]
    return pandas.Series(cents, dtype="Int64" if None in cents else "int64")


def _column(pandas: Any, name: str, values: list[Any], money: str) -> Any:
    """One column with its type: category, money, date, list of conditions, nullable count, or text."""
    if name in _CATEGORIES:
        return pandas.Series(pandas.Categorical(values, categories=_CATEGORIES[name]))
    if name in _CONDITION_LISTS:
        return pandas.Series([_codes(value) for value in values], dtype=object)
    present = [value for value in values if value is not None]
    if _is_money(name, values):
        if money == "float":
            return pandas.Series([None if value is None else float(value) for value in values], dtype="float64")
        return pandas.Series(values, dtype=object)
    if all(isinstance(value, dt.date) and not isinstance(value, dt.datetime) for value in present) and (
        present or name == "as_of" or name.endswith("_on")
    ):
        return pandas.Series(values, dtype="datetime64[s]")
    if present and len(present) == len(values) and all(isinstance(value, bool) for value in present):
        return pandas.Series(values, dtype=bool)
    if present and all(isinstance(value, int) and not isinstance(value, bool) for value in present):
        return pandas.Series(values, dtype="Int64" if len(present) < len(values) else "int64")
    return pandas.Series(values, dtype=object)


def _codes(value: object) -> list[str]:
    """Conditions joined by ", " (as the records write them) as a list of codes."""
    if isinstance(value, str):
        return [code for code in value.split(", ") if code]
    return [] if value is None else [str(code) for code in value] if isinstance(value, (list, tuple)) else []
