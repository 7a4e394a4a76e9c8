"""Optional dependencies: imported where they are needed, with an error naming the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..words._catalogue import say
from ..words._errors import PropulseurRulesError, Said, said

__all__ = ["MissingExtra", "require"]


class MissingExtra(PropulseurRulesError, ImportError):
    """A feature needs an optional dependency that is not installed; the message says how to install it.

    >>> from propulseur_rules.words._errors import Worded
    >>> MissingExtra(Worded("error.feature_write_toml"), "tomli_w", "toml").message("fr")
    "l'écriture d'un scénario en TOML demande tomli_w : pip install 'propulseur-rules[toml]'"
    """

    def __init__(self, feature: str | Said, module: str, extra: str) -> None:
        self.feature = feature
        self.module = module
        self.extra = extra
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The error in ``lang``: the feature, the module it needs and the extra that provides it."""
        feature = said(self.feature, lang)
        return say("error.missing_extra", lang, feature=feature, module=self.module, extra=self.extra)

    def __reduce__(self) -> tuple[object, ...]:
        return (MissingExtra, (self.feature, self.module, self.extra))


def require(module: str, extra: str, feature: str | Said) -> ModuleType:
    """``module`` imported, or :class:`MissingExtra` naming the extra that provides it and the ``feature`` that
    needs it: a name of the API, or words of the catalogue (:class:`Worded`).

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
        raise MissingExtra(feature, module, extra) from None
