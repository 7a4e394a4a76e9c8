"""The words of the library in English: one sentence per key, the key saying what it means.

Keys are namespaced by what they name: ``error.…`` for the reasons of errors,
``condition.…``, ``status.…``, ``report.…``, ``step.…`` … for what the reports,
the trace and the planning show. :mod:`._fr` has the same keys with the same
placeholders (a test checks it).
"""

from __future__ import annotations

__all__ = ["WORDS"]

#: What the reports, the trace, the planning and the exports say.
_SHOWN: dict[str, str] = {
    "language.name": "English",
}

#: The reasons of the errors the library raises on purpose.
_ERRORS: dict[str, str] = {
    "error.unknown_language": "{value} is not a language of the reports; expected {choices}",
}

WORDS: dict[str, str] = {**_SHOWN, **_ERRORS}
