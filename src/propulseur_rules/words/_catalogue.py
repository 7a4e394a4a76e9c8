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

from ._language import check_lang
from ._tables import CATALOGUES, words_of

__all__ = ["CATALOGUES", "say"]


def say(key: str, lang: str = "en", /, **values: object) -> str:
    """The sentence under ``key`` in ``lang``, ``values`` filled in; an unknown ``lang`` is an ``InvalidInput``."""
    words = words_of(lang)
    if words is None:
        words = CATALOGUES[check_lang(lang)]
    return words[key].format_map(values)
