"""The value objects: Period, Sector, Startup, Contract, Payment, Deliberation.

Each is an immutable ``attrs`` class that checks its own meaning when it is built:
a bad value raises :class:`InvalidInput` naming the field. Converters come first
(an ISO date string becomes a ``date``, a numeric string becomes money), then
validators.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from decimal import Decimal
from typing import Any

import attrs

from ..words._catalogue import say
from ..words._errors import InvalidInput, shorten, shown_integer
from ._money import to_money

__all__ = [
    "Contract",
    "Deliberation",
    "Payment",
    "Period",
    "Sector",
    "Startup",
    "name_key",
    "to_date",
    "to_optional_date",
]

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_INSEE = re.compile(r"(\d{5}|2[AB]\d{3})", re.ASCII)
_SIREN = re.compile(r"\d{9}", re.ASCII)
#: The characters of Unicode categories Cc (controls, a closed set) and Cs (surrogates):
#: a regular expression finds them without a Python call per character.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_MAX_TEXT = 500
#: The largest count accepted (members, votes, contracts): far above any council or
#: programme, and low enough that every product with an amount stays exact to the cent.
_MAX_COUNT = 10**9


# --- converters and checks shared by the value objects ---------------------------


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
    raise InvalidInput(path, "error.expected_date_not", type=type(value).__name__)


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


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_text", type=type(value).__name__)
    text = " ".join(value.split())
    if not text:
        raise InvalidInput(path, "error.must_not_be_empty")
    if len(text) > _MAX_TEXT:
        raise InvalidInput(path, "error.text_too_long", limit=str(_MAX_TEXT))
    if _CONTROL.search(text):
        raise InvalidInput(path, "error.control_character")
    if _SURROGATE.search(text):
        # A JSON "\udcff" escape gives one: no UTF-8 file, report or terminal can hold it.
        raise InvalidInput(path, "error.lone_surrogate")
    return text


def _count(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(path, "error.expected_whole_number", type=type(value).__name__)
    if value < 0:
        raise InvalidInput(path, "error.negative", value=shown_integer(value))
    if value > _MAX_COUNT:
        raise InvalidInput(path, "error.count_too_large", value=shown_integer(value), limit=str(_MAX_COUNT))
    return value


def name_key(name: str) -> str:
    """The form of a startup's name used to recognise the same startup.

    Case, accents and runs of spaces are ignored (SPEC §3.2):

    >>> name_key("  Hydro  Énergie ") == name_key("HYDRO ENERGIE")
    True
    """
    if name.isascii():  # nothing to decompose and no accent to drop
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


# --- field converters: each names its field in the errors it raises -----------------


def _abstentions_from(value: object) -> int:
    return _count(value, "abstentions")


def _members_in_office_from(value: object) -> int:
    return _count(value, "members_in_office")


def _not_voting_from(value: object) -> int:
    return _count(value, "not_voting")


def _present_from(value: object) -> int:
    return _count(value, "present")


def _proxies_from(value: object) -> int:
    return _count(value, "proxies")


def _votes_against_from(value: object) -> int:
    return _count(value, "votes_against")


def _votes_for_from(value: object) -> int:
    return _count(value, "votes_for")


def _head_office_from(value: object) -> str:
    return _insee_code(value, "head_office")


def _amount_from(value: object) -> Decimal:
    return _positive_money(value, "amount")


def _siren_from(value: object) -> str | None:
    return _siren(value, "siren")


def _startup_from(value: object) -> Startup:
    return _startup(value, "startup")


def _name_from(value: object) -> str:
    return _text(value, "name")


def _reference_from(value: object) -> str:
    return _text(value, "reference")


def _decided_on_from(value: object) -> dt.date:
    return to_date(value, "decided_on")


def _end_from(value: object) -> dt.date:
    return to_date(value, "end")


def _paid_on_from(value: object) -> dt.date:
    return to_date(value, "paid_on")


def _signed_on_from(value: object) -> dt.date:
    return to_date(value, "signed_on")


def _start_from(value: object) -> dt.date:
    return to_date(value, "start")


def _applied_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "applied_on")


def _selected_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "selected_on")


def _sector_from(value: object) -> Sector:
    return to_sector(value, "sector")


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
                if years >= 1 and _anniversary(self.start, years) == self.end + dt.timedelta(days=1):
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


def _anniversary(start: dt.date, years: int) -> dt.date:
    """``start + relativedelta(years=years)``: the same day ``years`` years on, 28 February for a 29th."""
    try:
        # What relativedelta gives whenever the day exists in the target year, at a
        # tenth of its cost: a sweep builds many conventions and their programme years.
        return start.replace(year=start.year + years)
    except (ValueError, OverflowError):  # 29 February in a common year, or a year past 9999
        from dateutil.relativedelta import relativedelta  # here: the common case does not need it

        return start + relativedelta(years=years)


# --- Sector -----------------------------------------------------------------------


class Sector(enum.Enum):
    """The field of a startup; C8 names « industriel » and « santé »."""

    INDUSTRY = "industry"
    HEALTH = "health"
    OTHER = "other"

    def label(self, lang: str = "en") -> str:
        """The sector's name in English or in French (the deliberation's words)."""
        return say("sector." + self.name.lower(), lang)

    def __str__(self) -> str:
        return self.value


def to_sector(value: object, path: str = "sector") -> Sector:
    """A :class:`Sector` from a member or its value (``"industry"``, ``"health"``, ``"other"``)."""
    if isinstance(value, Sector):
        return value
    if isinstance(value, str):
        try:
            return Sector(value.strip().lower())
        except ValueError:
            pass
        cut = shorten(value)
        raise InvalidInput(path, "error.not_a_sector", value=repr(cut))
    raise InvalidInput(path, "error.expected_sector", type=type(value).__name__)


# --- Startup ----------------------------------------------------------------------


def _insee_code(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_insee_text", type=type(value).__name__)
    code = value.strip().upper()
    if not _INSEE.fullmatch(code):
        cut = shorten(value)
        raise InvalidInput(path, "error.not_an_insee_code", value=repr(cut))
    return code


def _siren(value: object, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_siren_text", type=type(value).__name__)
    digits = "".join(value.split())
    if not digits:
        return None
    if not _SIREN.fullmatch(digits):
        cut = shorten(value)
        raise InvalidInput(path, "error.not_a_siren", value=repr(cut))
    if not luhn_valid(digits):
        raise InvalidInput(path, "error.siren_key", value=digits)
    return digits


def luhn_valid(digits: str) -> bool:
    """Whether a string of ASCII digits passes the Luhn check, as a SIREN must.

    >>> luhn_valid("242100410"), luhn_valid("242100411")
    (True, False)
    """
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = ord(char) - 48
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


@attrs.frozen(kw_only=True)
class Startup:
    """A startup: its name, the INSEE code of its head office's commune, its sector.

    >>> Startup(name="Hydrogène Mobile", head_office="21231", sector=Sector.INDUSTRY, siren="732829320").siren
    '732829320'
    """

    name: str = attrs.field(converter=_name_from)
    head_office: str = attrs.field(converter=_head_office_from)
    sector: Sector = attrs.field(converter=_sector_from)
    siren: str | None = attrs.field(default=None, converter=_siren_from)

    @functools.cached_property
    def name_key(self) -> str:
        """The name with case, accents and runs of spaces ignored."""
        return name_key(self.name)


# --- Contract and Payment ---------------------------------------------------------


def _startup(value: object, path: str) -> Startup:
    if not isinstance(value, Startup):
        raise InvalidInput(path, "error.expected_startup", type=type(value).__name__)
    return value


@attrs.frozen(kw_only=True)
class Contract:
    """One accompaniment contract (« contrat d'accompagnement », C2, C3).

    ``applied_on`` is when the startup expressed its wish to join, and
    ``selected_on`` when the selection committee qualified its entry (C6).
    """

    reference: str = attrs.field(converter=_reference_from)
    startup: Startup = attrs.field(converter=_startup_from)
    signed_on: dt.date = attrs.field(converter=_signed_on_from)
    applied_on: dt.date | None = attrs.field(default=None, converter=_applied_on_from)
    selected_on: dt.date | None = attrs.field(default=None, converter=_selected_on_from)


def _positive_money(value: object, path: str) -> Decimal:
    amount = to_money(value, path)
    if not amount:
        raise InvalidInput(path, "error.payment_not_positive")
    return amount


@attrs.frozen(kw_only=True)
class Payment:
    """Money already paid by the funder to the beneficiary (« versement »)."""

    reference: str = attrs.field(converter=_reference_from)
    paid_on: dt.date = attrs.field(converter=_paid_on_from)
    amount: Decimal = attrs.field(converter=_amount_from)


# --- Deliberation -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Deliberation:
    """The council's vote that grants the aid (C9).

    >>> vote = Deliberation(decided_on=dt.date(2022, 9, 29), members_in_office=86, present=69,
    ...                     proxies=15, votes_for=84, votes_against=0, abstentions=0, not_voting=0)
    >>> vote.quorum_reached, vote.adopted
    (True, True)
    """

    decided_on: dt.date = attrs.field(converter=_decided_on_from)
    members_in_office: int = attrs.field(converter=_members_in_office_from)
    present: int = attrs.field(converter=_present_from)
    proxies: int = attrs.field(converter=_proxies_from)
    votes_for: int = attrs.field(converter=_votes_for_from)
    votes_against: int = attrs.field(converter=_votes_against_from)
    abstentions: int = attrs.field(converter=_abstentions_from)
    not_voting: int = attrs.field(converter=_not_voting_from)

    def __attrs_post_init__(self) -> None:
        if self.members_in_office == 0:
            raise InvalidInput("members_in_office", "error.no_member_in_office")
        if self.present > self.members_in_office:
            raise InvalidInput(
                "present", "error.too_many_present", present=str(self.present), members=str(self.members_in_office)
            )
        if self.proxies > self.members_in_office - self.present:
            raise InvalidInput(
                "proxies",
                "error.too_many_proxies",
                proxies=str(self.proxies),
                absent=str(self.members_in_office - self.present),
            )

    @property
    def quorum_reached(self) -> bool:
        """More than half the members in office are present; proxies do not count."""
        return self.present * 2 > self.members_in_office

    @property
    def votes_consistent(self) -> bool:
        """Votes for and against, abstentions and members not voting add up to present plus proxies."""
        counted = self.votes_for + self.votes_against + self.abstentions + self.not_voting
        return counted == self.present + self.proxies

    @property
    def adopted(self) -> bool:
        """Quorum reached, the vote arithmetic consistent, and more votes for than against."""
        return self.quorum_reached and self.votes_consistent and self.votes_for > self.votes_against
