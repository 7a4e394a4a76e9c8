"""Fuzzing the French error messages: any error line gives one line, its file and line kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules.files._load_messages import TEMPLATES, in_french, message

_KEYS = sorted(set(TEMPLATES) - {"rows_wrong", "and_more"})


@given(st.text(max_size=300))
def test_any_text_gives_text_and_keeps_what_no_template_matches(text: str) -> None:
    french = in_french(text)

    assert isinstance(french, str)
    assert french.count("\n") <= text.count("\n")


@given(
    st.sampled_from(_KEYS),
    st.text(st.characters(codec="utf-8", exclude_characters="\n"), min_size=1, max_size=40),
    st.from_regex(r"[a-z]{1,8}\.csv:[1-9][0-9]{0,3}", fullmatch=True),
)
def test_the_file_and_line_before_a_reason_are_kept(key: str, value: str, where: str) -> None:
    english = TEMPLATES[key][0]
    names = [part.split("}")[0] for part in english.split("{")[1:]]

    assert in_french(f"{where}: " + message(key, **dict.fromkeys(names, repr(value)))).startswith(f"{where}: ")
