"""Dates: a day from what a user or a table gives, and the Period of days the rules count in.

A day comes as a ``date`` or an ISO ``YYYY-MM-DD`` string, or as a date out of a
table (pandas, numpy) recognised by its type; a date and time is refused, for the
rules count days. A :class:`Period` runs from its start to its end, both included,
and cuts itself into twelve-month years (C1).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs

from ..words._errors import InvalidInput, kind_of, shorten

__all__ = ["Period", "to_date", "to_optional_date"]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


# --- a day ------------------------------------------------------------------------


def to_date(value: object, path: str = "date") -> dt.date:
    """A ``date`` from a ``date`` or an ISO ``YYYY-MM-DD`` string.

    A ``datetime`` is refused: the rules count days, and a time of day would be
    dropped without a word. A date out of a table is taken too: a
    ``pandas.Timestamp`` at midnight without a time zone, or a
    ``numpy.datetime64`` in days (or a finer unit, at midnight); neither library
    is imported for it.

    >>> to_date("2022-09-29")
    datetime.date(2022, 9, 29)
    """
    if type(value) is dt.date:  # the usual case, and neither a table's date nor a date and time
        return value
    if _from_a_table(value):
        return _table_date(value, path)
    if isinstance(value, dt.datetime):
        raise InvalidInput(path, "error.date_and_time")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise InvalidInput(path, "error.not_a_day", value=repr(text)) from None
        cut = shorten(value)
        raise InvalidInput(path, "error.not_an_iso_date", value=repr(cut))
    raise InvalidInput(path, "error.expected_date_not", type=kind_of(value))


def to_optional_date(value: object, path: str = "date") -> dt.date | None:
    """Like :func:`to_date`, with ``None`` (or an empty string, or a table's ``NaT``) meaning no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if _from_a_table(value) and _is_not_a_time(value):
        return None
    return to_date(value, path)


# --- dates out of pandas and numpy, recognised by their type, never imported ---------

#: The units of a ``numpy.datetime64`` that name a day or a part of one (a month or a week does not).
_DAY_UNITS = frozenset({"D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as"})
_DATETIME64 = re.compile(r"datetime64\[(\w+)\]", re.ASCII)


def _from_a_table(value: object) -> bool:
    """Whether ``value`` is a ``pandas.Timestamp`` (or ``NaT``) or a ``numpy.datetime64``."""
    kind = type(value)
    library = kind.__module__.partition(".")[0]
    return (library == "pandas" and kind.__name__ in ("Timestamp", "NaTType")) or (
        library == "numpy" and kind.__name__ == "datetime64"
    )


def _is_not_a_time(value: object) -> bool:
    return type(value).__name__ == "NaTType" or str(value) == "NaT"


def _table_date(value: Any, path: str) -> dt.date:
    if _is_not_a_time(value):
        raise InvalidInput(path, "error.date_nat")
    if type(value).__name__ == "datetime64":
        unit = _DATETIME64.fullmatch(str(value.dtype))
        if unit is None or unit.group(1) not in _DAY_UNITS:
            raise InvalidInput(path, "error.date_numpy", dtype=str(value.dtype))
        day = value.astype("datetime64[D]")
        if day != value:
            raise InvalidInput(path, "error.date_and_time")
        moment = day.item()
        if not isinstance(moment, dt.date):  # an int beyond the years 1 to 9999
            raise InvalidInput(path, "error.not_a_day", value=repr(shorten(str(value))))
        return moment
    if value.tzinfo is not None:
        raise InvalidInput(path, "error.date_and_time_zone")
    if (value.hour, value.minute, value.second, value.microsecond, getattr(value, "nanosecond", 0)) != (0, 0, 0, 0, 0):
        raise InvalidInput(path, "error.date_and_time")
    return dt.date(value.year, value.month, value.day)


def _end_from(value: object) -> dt.date:
    return to_date(value, "end")


def _start_from(value: object) -> dt.date:
    return to_date(value, "start")


# --- Period -----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Period:
    """Days from ``start`` to ``end``, both included.

    >>> year = Period(start=dt.date(2022, 7, 1), end=dt.date(2023, 6, 30))
    >>> dt.date(2023, 6, 30) in year, dt.date(2023, 7, 1) in year
    (True, False)
    >>> year.label
    '2022-2023'
    """

    start: dt.date = attrs.field(converter=_start_from)
    end: dt.date = attrs.field(converter=_end_from)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise InvalidInput("end", "error.end_before_start", end=self.end.isoformat(), start=self.start.isoformat())

    def __contains__(self, day: object) -> bool:
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            return False
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """``"2022-2023"`` for a period across two calendar years, ``"2023"`` within one."""
        if self.start.year == self.end.year:
            return str(self.start.year)
        return f"{self.start.year}-{self.end.year}"

    @property
    def days(self) -> int:
        """The number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def whole_years(self) -> int | None:
        """How many twelve-month years the period is, or ``None`` if it is not whole."""
        count = self.end.year - self.start.year + 1
        for years in (count - 1, count):
            try:
                if years >= 1 and _ends_the_day_before(self.start, years, self.end):
                    return years
            except (ValueError, OverflowError):  # a boundary after 31 December 9999: not countable
                return None
        return None

    def years(self) -> tuple[Period, ...]:
        """Consecutive twelve-month periods from the start; the last one stops at the end.

        Each boundary is computed from the start, so a period that starts on
        29 February does not drift to the 28th and stay there.

        >>> [p.label for p in Period(start=dt.date(2022, 7, 1), end=dt.date(2025, 6, 30)).years()]
        ['2022-2023', '2023-2024', '2024-2025']
        """
        periods = []
        index = 0
        begin = self.start
        while begin <= self.end:
            index += 1
            try:
                following = _anniversary(self.start, index)
            except (ValueError, OverflowError):  # past 31 December 9999: the last period runs to the end
                periods.append(Period(start=begin, end=self.end))
                break
            periods.append(Period(start=begin, end=min(self.end, following - dt.timedelta(days=1))))
            begin = following
        return tuple(periods)

    def __str__(self) -> str:
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def _ends_the_day_before(start: dt.date, years: int, end: dt.date) -> bool:
    """Whether ``end`` is the day before the ``years``-th anniversary of ``start``.

    The day after 31 December 9999 is no ``date``: that end is the day before an
    anniversary only if the anniversary is 1 January of the year after, so only if
    ``start`` is a 1 January ``years`` years before it.
    """
    if end == dt.date.max:
        return (start.month, start.day) == (1, 1) and start.year + years == dt.MAXYEAR + 1
    return _anniversary(start, years) == end + dt.timedelta(days=1)


def _anniversary(start: dt.date, years: int) -> dt.date:
    """``start + relativedelta(years=years)``: the same day ``years`` years on, 28 February for a 29th."""
    try:
        # What relativedelta gives whenever the day exists in the target year, at a
        # tenth of its cost: a sweep builds many conventions and their programme years.
        return start.replace(year=start.year + years)
    except (ValueError, OverflowError):  # 29 February in a common year, or a year past 9999
        from dateutil.relativedelta import relativedelta  # here: the common case does not need it

        return start + relativedelta(years=years)
