"""One check of the language, the same refusal everywhere a ``lang`` is taken.

The reports speak English and French (SPEC §3: ``message(lang="en" | "fr")``). A
language they do not speak is bad input, refused with the same
``InvalidInput("lang", …)`` naming the two choices.
"""

from __future__ import annotations

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules._language import LANGUAGES, check_lang, language_index


def test_the_languages_are_english_then_french_the_order_of_every_text_pair() -> None:
    assert LANGUAGES == ("en", "fr")
    assert [language_index(lang) for lang in LANGUAGES] == [0, 1]
    assert [check_lang(lang) for lang in LANGUAGES] == ["en", "fr"]


@pytest.mark.parametrize(("lang", "shown"), [("de", "'de'"), ("FR", "'FR'"), ("", "''"), (None, "None")])
def test_an_unknown_language_is_refused_naming_the_choices(lang: object, shown: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_lang(lang)
    assert refused.value.path == "lang"
    assert str(refused.value) == f"lang: {shown} is not a language of the reports; expected en or fr"
