"""The one catalogue of words: every sentence a person reads, by key, in each language the library speaks.

A sentence is written once, in :mod:`._en` and :mod:`._fr`, under a key that says
what it means; :func:`say` fills in its values. The language is chosen one way
everywhere, by :func:`language`.

>>> say("error.unknown_language", "fr", value="'de'", choices="en, fr")
"'de' n'est pas une langue des rapports ; langues possibles : en, fr"
"""

from __future__ import annotations

from . import _en, _fr

__all__ = ["CATALOGUES", "say"]

#: Each language the library speaks and its table of words.
CATALOGUES: dict[str, dict[str, str]] = {"en": _en.WORDS, "fr": _fr.WORDS}


def say(key: str, lang: str = "en", /, **values: object) -> str:
    """The sentence under ``key`` in ``lang`` (already checked, see :func:`language`), ``values`` filled in."""
    return CATALOGUES[lang][key].format_map(values)
