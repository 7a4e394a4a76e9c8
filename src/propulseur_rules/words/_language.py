"""The languages of the reports, and the one check of a ``lang`` argument.

Every function that takes ``lang`` checks it here, so that an unknown language
is refused the same way everywhere: an :class:`InvalidInput` on the path
``lang`` that names the choices. This module imports only the errors and the tables, so that
the lowest modules (the clauses, the sectors) can use it as well as the reports.

>>> check_lang("fr")
'fr'
>>> check_lang("de")
Traceback (most recent call last):
...
propulseur_rules.words._errors.InvalidInput: lang: 'de' is not a language of the reports; expected en or fr
"""

from __future__ import annotations

from typing import Literal

from ._errors import unknown_language

__all__ = ["LANGUAGES", "Language", "check_lang"]

#: A language of the reports.
Language = Literal["en", "fr"]

#: The languages of the reports: English, then French.
LANGUAGES: tuple[Language, ...] = ("en", "fr")


def check_lang(lang: object) -> Language:
    """``lang`` if it is a language of the reports, else :class:`InvalidInput` naming the choices."""
    # Compared one by one, and only as a plain str: a subclass could compare in its own way.
    for known in LANGUAGES:
        if type(lang) is str and lang == known:
            return known
    raise unknown_language(lang)
