"""The value objects' shortcuts give what their definitions give.

A programme year's anniversary is computed without ``relativedelta`` except from
29 February: it is compared with ``relativedelta``. A name key skips Unicode
decomposition for ASCII names: it is checked against what SPEC §3.2 says of it, on names
written as people write them. (The regular expressions that find control characters and
surrogates are checked against every code point of Unicode in
``tests/slow/test_large_inputs.py``.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules.rules._dates import _anniversary
from propulseur_rules.rules._model import name_key


@given(start=st.dates(), years=st.integers(1, 200))
def test_an_anniversary_is_the_day_relativedelta_gives(start: dt.date, years: int) -> None:
    def outcome(compute: Callable[[], dt.date]) -> object:
        try:
            return compute()
        except (ValueError, OverflowError) as error:
            return type(error)

    assert outcome(lambda: _anniversary(start, years)) == outcome(lambda: start + relativedelta(years=years))


#: Letters and the same letters with an accent, as a French name may be written.
ACCENTED = {"a": "àâä", "c": "ç", "e": "éèêë", "i": "îï", "o": "ôö", "u": "ùûü", "y": "ÿ"}
WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8), min_size=1, max_size=4)


@st.composite
def written_otherwise(draw: st.DrawFn, words: list[str]) -> str:
    """The same words with other case, accents and runs of spaces, as someone else may type them."""

    def letter(char: str) -> str:
        char = draw(st.sampled_from([char, *ACCENTED.get(char, "")]))
        return char.upper() if draw(st.booleans()) else char

    spaces = st.text(alphabet=" ", min_size=1, max_size=3)
    written = [draw(spaces) + "".join(letter(char) for char in word) for word in words]
    return "".join(written) + draw(st.sampled_from(["", " ", "   "]))


@given(data=st.data(), words=WORDS)
def test_c7_a_name_key_ignores_case_accents_and_runs_of_spaces(data: st.DataObject, words: list[str]) -> None:
    # SPEC §3.2 (C7): the names are equal "ignoring case, accents and runs of spaces".
    assert name_key(data.draw(written_otherwise(words))) == name_key(" ".join(words))


@given(words=WORDS, others=WORDS)
def test_c7_names_of_other_words_have_other_keys(words: list[str], others: list[str]) -> None:
    assert (name_key(" ".join(words)) == name_key(" ".join(others))) == (words == others)
