"""The errors the library raises on purpose.

Everything raised deliberately derives from :class:`PropulseurRulesError`, so a
caller can catch one class. Bad input is :class:`InvalidInput`, which carries
the path of the offending field (``contracts[3].signed_on``) so that a person
can find it in a file and a service can return it in a response.
"""

from __future__ import annotations

__all__ = ["InvalidInput", "PropulseurRulesError", "UnknownReference", "shorten", "shown", "shown_integer"]


class PropulseurRulesError(Exception):
    """Base class of every error that propulseur_rules raises on purpose."""


class InvalidInput(PropulseurRulesError, ValueError):
    """A value that makes no sense for the rules, with the path of its field.

    >>> error = InvalidInput("signed_on", "expected a date")
    >>> str(error)
    'signed_on: expected a date'
    >>> str(error.within("contracts[3]"))
    'contracts[3].signed_on: expected a date'
    """

    path: str
    reason: str

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)

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
        error = InvalidInput(path, self.reason)
        error.__cause__ = self.__cause__
        return error

    def __reduce__(self) -> tuple[type[InvalidInput], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


def shown_integer(value: int) -> str:
    """``str(value)`` for an error message, or its size when ``str()`` refuses it (past 4 300 digits).

    >>> shown_integer(-12), shown_integer(10**5000)
    ('-12', 'an integer of 16610 bits')
    """
    if value.bit_length() < 10_000:
        return str(value)
    return f"an integer of {value.bit_length()} bits"


class UnknownReference(InvalidInput, KeyError):
    """A reference that names nothing in the result asked, such as an unknown contract.

    It is an :class:`InvalidInput` (so a :class:`PropulseurRulesError`) and a
    ``KeyError``, as a lookup by key is expected to raise.
    """

    def __str__(self) -> str:
        return Exception.__str__(self)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut, for an error message.

    >>> shorten("a" * 50)[-3:], len(shorten("a" * 50))
    ('aa…', 40)
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object, limit: int = 40) -> str:
    """``repr(value)`` cut to ``limit`` characters for an error message, even for a value ``repr`` refuses.

    >>> shown("santé"), shown(10**5000), shown("x" * 50)
    ("'santé'", 'an integer of 16610 bits', "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…")
    """
    if isinstance(value, int) and not isinstance(value, bool):
        text = shown_integer(value)
    else:
        try:
            text = repr(value)
        except RecursionError:  # a list nested deeper than the interpreter's stack
            text = f"a {type(value).__name__} nested too deeply"
        except ValueError:  # it holds an integer of more than 4 300 digits
            text = f"a {type(value).__name__} holding a number too long to show"
    return text if len(text) <= limit else text[: limit - 1] + "…"
