"""Les mots de la bibliothèque en français : les mêmes clés que :mod:`._en`, les mêmes champs."""

from __future__ import annotations

__all__ = ["WORDS"]

#: Ce que disent les rapports, la trace, la planification et les exports.
_SHOWN: dict[str, str] = {
    "language.name": "français",
}

#: Les motifs des erreurs que la bibliothèque lève à dessein.
_ERRORS: dict[str, str] = {
    "error.unknown_language": "{value} n'est pas une langue des rapports ; langues possibles : {choices}",
}

WORDS: dict[str, str] = {**_SHOWN, **_ERRORS}
