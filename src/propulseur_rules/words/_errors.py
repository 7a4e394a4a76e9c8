"""The errors the library raises on purpose.

Everything raised deliberately derives from :class:`PropulseurRulesError`, so a
caller can catch one class. Bad input is :class:`InvalidInput`, which carries
the path of the offending field (``contracts[3].signed_on``) so that a person
can find it in a file and a service can return it in a response, and its
reason as a key of the catalogue of words with the values to fill in, so that
it is said in each language the library speaks:

>>> error = InvalidInput("signed_on", "error.not_a_day", value="'31/02/2023'")
>>> str(error)
"signed_on: '31/02/2023' is not a day of the calendar"
>>> error.message("fr")
"signed_on: '31/02/2023' n'est pas un jour du calendrier"
>>> error.key, error.values
('error.not_a_day', {'value': "'31/02/2023'"})

As data, for a service: a stable code (the key of the catalogue without its
``error.`` prefix), the path as a tuple of keys and positions, the values and
the message in the language asked:

>>> InvalidInput("contracts[3].signed_on", "error.not_a_day", value="'x'").to_dict("fr")["parts"]
['contracts', 3, 'signed_on']
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Protocol

from ._tables import CATALOGUES, words_of

__all__ = [
    "Either",
    "InvalidInput",
    "Listed",
    "PropulseurRulesError",
    "Said",
    "UnknownReference",
    "Worded",
    "kind_of",
    "path_parts",
    "said",
    "shorten",
    "shown",
    "shown_integer",
]


class Said(Protocol):
    """A value of an error that is itself worded in each language: an error within an error, a choice."""

    def said(self, lang: str) -> str: ...


class PropulseurRulesError(Exception):
    """Base class of every error that propulseur_rules raises on purpose."""

    def message(self, lang: str = "en") -> str:
        """The error in ``lang``; an error that carries no key of the catalogue says its own text."""
        return str(self)


class InvalidInput(PropulseurRulesError, ValueError):
    """A value that makes no sense for the rules: the path of its field, and why, as a key of the catalogue.

    ``key`` is a key of the catalogue: a sentence given in its place is a ``KeyError`` as the error is
    built. ``values`` fill in the sentence of ``key``; each is a text already shown as it must appear
    (see :func:`shown`) or a value worded in each language (:class:`Said`).

    >>> error = InvalidInput("signed_on", "error.expected_date_not", type=kind_of([]))
    >>> str(error), error.reason
    ('signed_on: expected a date, not a list', 'expected a date, not a list')
    >>> str(error.within("contracts[3]"))
    'contracts[3].signed_on: expected a date, not a list'
    >>> error.message("fr")
    'signed_on: attendu : une date, pas une liste'
    """

    path: str
    key: str
    values: dict[str, str | Said]

    def __init__(self, path: str, key: str, /, **values: str | Said) -> None:
        self.path = path
        self.key = key
        self.values = values
        super().__init__(self.message("en"))

    @property
    def reason(self) -> str:
        """Why the value is refused, in English, without its path."""
        return self.reason_in("en")

    def reason_in(self, lang: str) -> str:
        """Why the value is refused, in ``lang``, without its path."""
        return said_in(self.key, lang, self.values_in(lang))

    def values_in(self, lang: str = "en") -> dict[str, str]:
        """The values of the sentence as texts in ``lang``, as a service returns them as data."""
        return {name: said(value, lang) for name, value in self.values.items()}

    def message(self, lang: str = "en") -> str:
        """The error in ``lang``: its path as it is, then its reason (``str(error)`` in English)."""
        reason = self.reason_in(lang)
        return f"{self.path}: {reason}" if self.path else reason

    def said(self, lang: str) -> str:
        """The error within another one (a row among the wrong rows of a file)."""
        return self.message(lang)

    def at(self, path: str) -> InvalidInput:
        """The same reason for the field ``path``, as a plain :class:`InvalidInput`."""
        return InvalidInput(path, self.key, **self.values)

    def within(self, prefix: str) -> InvalidInput:
        """The same error, its path placed under ``prefix``."""
        if not prefix:
            return self
        if not self.path:
            path = prefix
        elif self.path.startswith("["):
            path = prefix + self.path
        else:
            path = f"{prefix}.{self.path}"
        error = self.at(path)
        error.__cause__ = self.__cause__
        return error

    @property
    def code(self) -> str:
        """The stable code of the error: its key of the catalogue without the ``error.`` prefix (``not_a_day``)."""
        return self.key.removeprefix("error.")

    @property
    def parts(self) -> tuple[str | int, ...]:
        """The path as a tuple of keys and positions: ``("contracts", 3, "signed_on")`` (see :func:`path_parts`)."""
        return path_parts(self.path)

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        """The error as data in ``lang``: its code, key, path (as text and as parts), values, reason and message.

        >>> error = InvalidInput("payments[0].amount", "error.expected_amount", type=kind_of(None))
        >>> data = error.to_dict("fr")
        >>> data["code"], data["path"], data["parts"], data["values"]
        ('expected_amount', 'payments[0].amount', ['payments', 0, 'amount'], {'type': 'null'})
        >>> data["message"]
        'payments[0].amount: attendu : un montant en euros, pas null'
        """
        return {
            "code": self.code,
            "key": self.key,
            "path": self.path,
            "parts": list(self.parts),
            "values": self.values_in(lang),
            "reason": self.reason_in(lang),
            "message": self.message(lang),
        }

    def __reduce__(self) -> tuple[object, ...]:
        # Unpickled, the error is built again from its path, key and values.
        return (functools.partial(type(self), self.path, self.key, **self.values), ())


def said_in(key: str, lang: str, values: dict[str, str]) -> str:
    """The sentence under ``key`` in ``lang``, ``values`` filled in; an unknown ``lang`` is refused."""
    words = words_of(lang)
    if words is None:
        raise unknown_language(lang)
    return words[key].format_map(values)


def unknown_language(lang: object) -> InvalidInput:
    """The error of a language the library does not speak, naming the ones it speaks."""
    return InvalidInput("lang", "error.unknown_language", value=shown(lang, 20), choices=Either(CATALOGUES))


def said(value: str | Said, lang: str) -> str:
    """A value of an error in ``lang``: a text as it is, a value worded in each language said in ``lang``."""
    return value if isinstance(value, str) else value.said(lang)


class UnknownReference(InvalidInput, KeyError):
    """A reference that names nothing in the result asked, such as an unknown contract.

    It is an :class:`InvalidInput` (so a :class:`PropulseurRulesError`) and a
    ``KeyError``, as a lookup by key is expected to raise.
    """

    def __str__(self) -> str:
        return Exception.__str__(self)


class Listed:
    """Values within an error (errors, words), each said in the language asked, joined by the words under ``joint``.

    >>> rows = Listed([InvalidInput("2", "error.empty"), InvalidInput("3", "error.empty")], "error.rows_joint")
    >>> rows.said("en"), rows.said("fr")
    ('2: is empty; line 3: is empty', '2: est vide; ligne 3: est vide')
    """

    __slots__ = ("items", "joint")

    def __init__(self, items: Iterable[Said], joint: str) -> None:
        self.items = tuple(items)
        self.joint = joint

    def said(self, lang: str) -> str:
        return said_in(self.joint, lang, {}).join(item.said(lang) for item in self.items)

    def __reduce__(self) -> tuple[object, ...]:
        return (Listed, (self.items, self.joint))


class Worded:
    """A few words of the catalogue within an error, said in the language asked (``a whole number``); in English
    where it is written into a text that has no language (the path of a field).

    >>> Worded("error.kind_date").said("fr"), str(Worded("error.integer_size", bits="16610"))
    ('une date', 'an integer of 16610 bits')
    """

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: str | Said) -> None:
        self.key = key
        self.values = values

    def said(self, lang: str) -> str:
        return said_in(self.key, lang, {name: said(value, lang) for name, value in self.values.items()})

    def __str__(self) -> str:
        return self.said("en")

    def __reduce__(self) -> tuple[object, ...]:
        return (functools.partial(Worded, self.key, **self.values), ())


class Either:
    """A choice among a few words, said ``a, b or c`` in English and ``a, b ou c`` in French.

    >>> Either(["en", "fr"]).said("en"), Either(["a", "b", "c"]).said("fr")
    ('en or fr', 'a, b ou c')
    """

    __slots__ = ("choices",)

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = tuple(choices)

    def said(self, lang: str) -> str:
        *first, last = self.choices
        return said_in("error.either", lang, {"first": ", ".join(first), "last": last}) if first else last

    def __reduce__(self) -> tuple[object, ...]:
        return (Either, (self.choices,))


def shown_integer(value: int) -> str | Worded:
    """``str(value)`` for an error message, or its size when ``str()`` refuses it (past 4 300 digits).

    >>> shown_integer(-12), shown_integer(10**5000).said("fr")
    ('-12', 'un entier de 16610 bits')
    """
    if value.bit_length() < 10_000:
        return str(value)
    return Worded("error.integer_size", bits=str(value.bit_length()))


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut, for an error message.

    >>> shorten("a" * 50)[-3:], len(shorten("a" * 50))
    ('aa…', 40)
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object, limit: int = 40) -> str | Worded:
    """``repr(value)`` cut to ``limit`` characters for an error message, even for a value ``repr`` refuses
    (then words that say what it is).

    >>> shown("santé"), str(shown(10**5000)), shown("x" * 50)
    ("'santé'", 'an integer of 16610 bits', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…")
    """
    if isinstance(value, int) and not isinstance(value, bool):
        text = shown_integer(value)
        if not isinstance(text, str):
            return text
    elif isinstance(value, Decimal):  # a number read from JSON or TOML: as written, not as Python's repr
        text = str(value)
    elif type(value) in (set, frozenset, bytearray, memoryview, object):  # their repr names their type
        return kind_of(value)
    else:
        try:
            text = repr(value)
        except RecursionError:  # a list nested deeper than the interpreter's stack
            return Worded("error.nested_value", kind=kind_of(value))
        except ValueError:  # it holds an integer of more than 4 300 digits
            return Worded("error.value_number_too_long", kind=kind_of(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


_PART = re.compile(r"\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]|\.?([^.\[\]]+)")


def path_parts(path: str) -> tuple[str | int, ...]:
    """The keys and positions of a field's path, as a service returns it: a position is an ``int``.

    A path that is not made of keys, ``[positions]`` and ``['quoted keys']`` (a file and its line:
    ``contracts.csv:4: sector``) is one part, as it is.

    >>> path_parts("contracts[3].startup.sector"), path_parts("expect.contracts['PRO-1']"), path_parts("")
    (('contracts', 3, 'startup', 'sector'), ('expect', 'contracts', 'PRO-1'), ())
    >>> path_parts("contracts.csv:4: sector")
    ('contracts.csv:4: sector',)
    """
    parts: list[str | int] = []
    position = 0
    while position < len(path):
        match = _PART.match(path, position)
        if match is None or (match.group(3) is not None and (":" in match.group(3) or " " in match.group(3))):
            return (path,)
        position = match.end()
        if match.group(1) is not None:
            parts.append(int(match.group(1)))
        elif match.group(2) is not None:
            parts.append(match.group(2)[1:-1].replace("\\'", "'"))
        else:
            parts.append(match.group(3))
    return tuple(parts)


def kind_of(value: object) -> str | Worded:
    """What ``value`` is, in words of each language rather than a Python type's name, for an error message.

    A value of the library or of another library is named by its class (``Contract``, ``Timestamp``).

    >>> [str(kind_of(value)) for value in (None, True, "x", 3, Decimal("1.5"), [], {}, b"")]
    ['null', 'true or false', 'text', 'a whole number', 'a number', 'a list', 'a table', 'binary data']
    >>> kind_of(None).said("fr"), kind_of(3.5).said("fr"), kind_of({1}).said("fr")
    ('null', 'un nombre', 'une collection')
    """
    key = _kind_key(value)
    if key is not None:
        return Worded(key)
    if type(value).__module__ == "builtins":
        return Worded("error.kind_other")
    return type(value).__name__


def _kind_key(value: object) -> str | None:
    """The key of the words that say what ``value`` is, if it is a value of data (JSON, TOML, Python's own)."""
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "error.kind_true_or_false"),
        (str, "error.kind_text"),
        (int, "error.kind_whole_number"),
        ((Decimal, float), "error.kind_number"),
        (Mapping, "error.kind_table"),
        ((list, tuple), "error.kind_list"),
        ((set, frozenset), "error.kind_collection"),
        ((bytes, bytearray, memoryview), "error.kind_bytes"),
        (dt.datetime, "error.kind_date_and_time"),
        (dt.date, "error.kind_date"),
        (dt.time, "error.kind_time"),
    )
    if value is None:
        return "error.kind_null"
    return next((key for kind, key in kinds if isinstance(value, kind)), None)
