"""The one catalogue of words: every key in every language, with the same values to fill in."""

from __future__ import annotations

import string

import pytest

from propulseur_rules.words._catalogue import CATALOGUES, say


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_every_language_has_every_key() -> None:
    english = set(CATALOGUES["en"])

    assert {lang: set(words) ^ english for lang, words in CATALOGUES.items()} == {lang: set() for lang in CATALOGUES}


@pytest.mark.parametrize("key", sorted(CATALOGUES["en"]))
def test_a_sentence_has_the_same_values_to_fill_in_every_language(key: str) -> None:
    assert {lang: placeholders(words[key]) for lang, words in CATALOGUES.items()} == {
        lang: placeholders(CATALOGUES["en"][key]) for lang in CATALOGUES
    }


def test_a_sentence_is_said_in_the_language_asked_with_its_values() -> None:
    assert say("error.unknown_language", "en", value="'de'", choices="en or fr") == (
        "'de' is not a language of the reports; expected en or fr"
    )
    assert say("error.unknown_language", "fr", value="'de'", choices="en, fr").startswith("'de' n'est pas")
