"""The one catalogue of words: every sentence a person reads, by key, in each language the library speaks.

A sentence is written once, in :mod:`._en` and :mod:`._fr`, under a key that says
what it means; :func:`say` fills in its values. The language is chosen one way
everywhere, by :func:`~._language.check_lang`, which :func:`say` applies to an
unknown language.

>>> say("error.unknown_language", "fr", value="'de'", choices="en, fr")
"'de' n'est pas une langue des rapports ; langues possibles : en, fr"
>>> say("report.title", "en", reference="PMT", as_of="2023-01-01")
'Assessment of PMT on 2023-01-01'
"""

from __future__ import annotations

from . import _en, _fr
from ._language import check_lang

__all__ = ["CATALOGUES", "say"]

#: Each language the library speaks and its table of words.
CATALOGUES: dict[str, dict[str, str]] = {"en": _en.WORDS, "fr": _fr.WORDS}


def say(key: str, lang: str = "en", /, **values: object) -> str:
    """The sentence under ``key`` in ``lang``, ``values`` filled in; an unknown ``lang`` is an ``InvalidInput``."""
    # Only a plain str is looked up: a subclass could compare or hash in its own way.
    words = CATALOGUES.get(lang) if type(lang) is str else None
    if words is None:
        words = CATALOGUES[check_lang(lang)]
    return words[key].format_map(values)
