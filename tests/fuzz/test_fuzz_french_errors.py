"""Fuzzing the errors in French: any key with any values gives one line, its file and line kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules.words._catalogue import CATALOGUES
from propulseur_rules.words._errors import InvalidInput

_KEYS = sorted(key for key in CATALOGUES["en"] if key.startswith("error."))


@given(
    st.sampled_from(_KEYS),
    st.text(st.characters(codec="utf-8", exclude_characters="\n"), min_size=1, max_size=40),
    st.from_regex(r"[a-z]{1,8}\.csv:[1-9][0-9]{0,3}", fullmatch=True),
)
def test_the_file_and_line_before_a_reason_are_kept(key: str, value: str, where: str) -> None:
    names = [part.split("}")[0] for part in CATALOGUES["en"][key].split("{")[1:]]
    error = InvalidInput(where, key, **dict.fromkeys(names, repr(value)))

    for lang in CATALOGUES:
        assert error.message(lang).startswith(f"{where}: ")
        assert "\n" not in error.message(lang)
    assert error.message("en") == str(error)
