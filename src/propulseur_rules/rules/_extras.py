"""Optional dependencies: imported where they are needed, with an error naming the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..words._errors import PropulseurRulesError

__all__ = ["MissingExtra", "require"]


class MissingExtra(PropulseurRulesError, ImportError):
    """A feature needs an optional dependency that is not installed; the message says how to install it."""


def require(module: str, extra: str, feature: str) -> ModuleType:
    """``module`` imported, or :class:`MissingExtra` naming the extra that provides it.

    >>> require("json", "none", "reading JSON").__name__
    'json'
    >>> try:
    ...     require("no_such_module_here", "toml", "writing TOML")
    ... except MissingExtra as error:
    ...     print(error)
    writing TOML needs no_such_module_here: pip install 'propulseur-rules[toml]'
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"{feature} needs {module}: pip install 'propulseur-rules[{extra}]'") from None
