"""The errors the library raises on purpose.

Everything raised deliberately derives from :class:`PropulseurRulesError`, so a
caller can catch one class. Bad input is :class:`InvalidInput`, which carries
the path of the offending field (``contracts[3].signed_on``) so that a person
can find it in a file and a service can return it in a response.
"""

from __future__ import annotations

__all__ = ["InvalidInput", "PropulseurRulesError"]


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
