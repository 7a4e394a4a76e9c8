"""The value objects of a case: Sector, Startup, Contract, Payment, and the checks they share.

Each is an immutable ``attrs`` class that checks its own meaning when it is built:
a bad value raises :class:`InvalidInput` naming the field. Converters come first
(an ISO date string becomes a ``date``, a numeric string becomes money), then
validators. The dates and the :class:`~._dates.Period` are in :mod:`._dates`, the
council's vote in :mod:`._deliberation`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from decimal import Decimal

import attrs

from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of, shorten, shown_integer
from ._dates import to_date, to_optional_date
from ._money import to_money

__all__ = [
    "Contract",
    "Payment",
    "Sector",
    "Startup",
    "mixed_scripts",
    "name_key",
]

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


def _visible(text: str) -> str:
    """``text`` without its invisible format characters (Unicode category Cf).

    A copy from a web page or a word processor leaves them inside a name: a zero-width
    space or joiner, a soft hyphen, a word joiner, a byte order mark, the marks and
    isolates of bidirectional text. A person sees nothing, so they are not part of the
    name: « Hydro\u200blis » is « Hydrolis » for every rule, report and file.

    >>> _visible("Hydro\u200blis\u00ad SAS\u2066")
    'Hydrolis SAS'
    """
    if text.isascii():  # no format character is ASCII
        return text
    return "".join([char for char in text if unicodedata.category(char) != "Cf"])


def _text(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_text", type=kind_of(value))
    text = " ".join(_visible(value).split())
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
        raise InvalidInput(path, "error.expected_whole_number", type=kind_of(value))
    if value < 0:
        raise InvalidInput(path, "error.negative", value=shown_integer(value))
    if value > _MAX_COUNT:
        raise InvalidInput(path, "error.count_too_large", value=shown_integer(value), limit=str(_MAX_COUNT))
    return value


#: The Cyrillic and Greek letters drawn like a Latin one, each with that Latin letter: « Нydrolis »
#: with a Cyrillic Н is read « Hydrolis » (the skeleton of Unicode TR 39, for these two scripts only).
_LOOK_ALIKES = str.maketrans(
    {
        **dict(zip("АВЕКМНОРСТУХЅІЈаеорсухѕіјԁԛԝһ", "ABEKMHOPCTYXSIJaeopcyxsijdqwh", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινκρυχ", "ABEZHIKMNOPTYXoivkpux", strict=True)),
    }
)
#: The scripts whose letters a name may mix with Latin ones to look like another name.
_LOOK_ALIKE_SCRIPTS = ("CYRILLIC", "GREEK")


def name_key(name: str) -> str:
    """The form of a startup's name used to recognise the same startup.

    Case, accents and runs of spaces are ignored (SPEC §3.2), and a Cyrillic or
    Greek letter drawn like a Latin one is read as that Latin letter; the invisible
    format characters are already gone from a :class:`Startup`'s name:

    >>> name_key("  Hydro  Énergie ") == name_key("HYDRO ENERGIE")
    True
    >>> name_key("Нydrоlis") == name_key("Hydrolis")   # a Cyrillic Н and о
    True
    """
    if name.isascii():  # nothing to decompose, no accent to drop, no look-alike
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.translate(_LOOK_ALIKES).casefold().split())


def mixed_scripts(name: str) -> tuple[str, ...]:
    """The scripts a name mixes with Latin letters (Cyrillic, Greek), empty when it mixes none.

    A name that mixes them is most likely a Latin name with look-alike letters, from
    a copy or a keyboard layout; a report warns of it.

    >>> mixed_scripts("Нydrolis"), mixed_scripts("Hydrolis"), mixed_scripts("Россия")
    (('CYRILLIC',), (), ())
    """
    if name.isascii():
        return ()
    scripts = {unicodedata.name(char, "").partition(" ")[0] for char in name if char.isalpha()}
    if "LATIN" not in scripts:
        return ()
    return tuple(script for script in _LOOK_ALIKE_SCRIPTS if script in scripts)


# --- field converters: each names its field in the errors it raises -----------------


def _head_office_from(value: object) -> str:
    return _insee_code(value, "head_office")


def _amount_from(value: object) -> Decimal:
    return _signed_money(value, "amount")


def _siren_from(value: object) -> str | None:
    return _siren(value, "siren")


def _startup_from(value: object) -> Startup:
    return _startup(value, "startup")


def _name_from(value: object) -> str:
    return _text(value, "name")


def _reference_from(value: object) -> str:
    return _text(value, "reference")


def _paid_on_from(value: object) -> dt.date:
    return to_date(value, "paid_on")


def _signed_on_from(value: object) -> dt.date:
    return to_date(value, "signed_on")


def _applied_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "applied_on")


def _selected_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "selected_on")


def _sector_from(value: object) -> Sector:
    return to_sector(value, "sector")


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
    raise InvalidInput(path, "error.expected_sector", type=kind_of(value))


# --- Startup ----------------------------------------------------------------------


def _insee_code(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_insee_text", type=kind_of(value))
    code = value.strip().upper()
    if not _INSEE.fullmatch(code):
        cut = shorten(value)
        raise InvalidInput(path, "error.not_an_insee_code", value=repr(cut))
    return code


def _siren(value: object, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_siren_text", type=kind_of(value))
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
        raise InvalidInput(path, "error.expected_startup", type=kind_of(value))
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


def _negative(value: object) -> bool:
    """Whether ``value`` is written as a negative amount: ``-5000``, ``"-5000.00"``, ``Decimal("-5000")``."""
    if isinstance(value, str):
        return value.strip().startswith("-")
    if isinstance(value, Decimal):
        return value.is_signed() and not value.is_nan()
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0


def _signed_money(value: object, path: str) -> Decimal:
    """A payment's amount: money paid, or, negative, money refunded; never zero."""
    if _negative(value):
        # copy_negate, unlike unary minus, ignores the caller's decimal context.
        if isinstance(value, str):
            positive: object = value.strip()[1:]
        elif isinstance(value, Decimal):
            positive = value.copy_negate()
        else:
            positive = -value  # type: ignore[operator]
        amount = to_money(positive, path).copy_negate()
    else:
        amount = to_money(value, path)
    if not amount:
        raise InvalidInput(path, "error.payment_not_positive")
    return amount


@attrs.frozen(kw_only=True)
class Payment:
    """Money paid by the funder to the beneficiary (« versement »), or, with a negative
    ``amount``, paid back by the beneficiary (« reversement », a refund).

    A refund reduces what was paid: every sum of payments (``Assessment.paid``, the
    payments by budget year) adds it as it is.

    >>> Payment(reference="REV-1", paid_on="2024-03-01", amount="-5000").refund
    True
    """

    reference: str = attrs.field(converter=_reference_from)
    paid_on: dt.date = attrs.field(converter=_paid_on_from)
    amount: Decimal = attrs.field(converter=_amount_from)

    @property
    def refund(self) -> bool:
        """Whether this is money paid back by the beneficiary (« reversement »): a negative amount."""
        return self.amount < 0
