"""The languages of the reports, and the one check of a ``lang`` argument.

Every function that takes ``lang`` checks it here, so that an unknown language
is refused the same way everywhere: an :class:`InvalidInput` on the path
``lang`` that names the choices. This module imports only the errors, so that
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

from ._errors import InvalidInput, shown

__all__ = ["LANGUAGES", "Language", "check_lang"]

#: A language of the reports.
Language = Literal["en", "fr"]

#: The languages of the reports: English, then French.
LANGUAGES: tuple[Language, ...] = ("en", "fr")


def check_lang(lang: object) -> Language:
    """``lang`` if it is a language of the reports, else :class:`InvalidInput` naming the choices."""
    # Compared one by one rather than with ``in``, which would call the __eq__ of
    # whatever object a caller passes and could raise anything.
    for known in LANGUAGES:
        if isinstance(lang, str) and lang == known:
            return known
    raise InvalidInput("lang", f"{shown(lang, 20)} is not a language of the reports; expected {' or '.join(LANGUAGES)}")
