"""The tables of words, one per language the library speaks: the lowest module of the words.

The errors render their sentences from here; :func:`~._catalogue.say` is how every
other module says one, the language checked first.
"""

from __future__ import annotations

from . import _en, _fr

__all__ = ["CATALOGUES", "words_of"]

#: Each language the library speaks and its table of words.
CATALOGUES: dict[str, dict[str, str]] = {"en": _en.WORDS, "fr": _fr.WORDS}


def words_of(lang: object) -> dict[str, str] | None:
    """The table of ``lang`` if it is a language the library speaks, else ``None``.

    Only a plain ``str`` is looked up: a subclass could compare or hash in its own way.
    """
    return CATALOGUES.get(lang) if type(lang) is str else None
