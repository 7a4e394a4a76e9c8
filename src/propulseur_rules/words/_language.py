"""The languages of the reports, and the one check of a ``lang`` argument.

Every function that takes ``lang`` checks it here, so that an unknown language
is refused the same way everywhere: an :class:`InvalidInput` on the path
``lang`` that names the choices. This module imports only the errors, so that
the lowest modules (the clauses, the sectors) can use it as well as the reports.

>>> check_lang("fr"), language_index("fr")
('fr', 1)
>>> check_lang("de")
Traceback (most recent call last):
...
propulseur_rules.words._errors.InvalidInput: lang: 'de' is not a language of the reports; expected en or fr
"""

from __future__ import annotations

from ._errors import Either, InvalidInput, shown

__all__ = ["LANGUAGES", "check_lang", "language_index"]

#: The languages of the reports, in the order of the pairs of every text table:
#: ``(english, french)``.
LANGUAGES: tuple[str, ...] = ("en", "fr")


def language_index(lang: object) -> int:
    """The position of ``lang`` in :data:`LANGUAGES` (0 English, 1 French), or :class:`InvalidInput`."""
    # Compared one by one rather than with LANGUAGES.index(), which would call
    # the __eq__ of whatever object a caller passes and could raise anything.
    for index, known in enumerate(LANGUAGES):
        if isinstance(lang, str) and lang == known:
            return index
    raise InvalidInput("lang", "error.unknown_language", value=shown(lang, 20), choices=Either(LANGUAGES))


def check_lang(lang: object) -> str:
    """``lang`` if it is a language of the reports, else :class:`InvalidInput` naming the choices."""
    return LANGUAGES[language_index(lang)]
