"""The value objects' shortcuts give what the plain definitions give.

A programme year's anniversary is computed without ``relativedelta`` except from
29 February, and a name key skips Unicode decomposition for ASCII names. Each property
below compares one of those shortcuts with the definition it stands for. (The regular
expressions that find control characters and surrogates are checked against every code
point of Unicode in ``tests/slow/test_large_inputs.py``.)
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable

from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules.rules._model import _anniversary, name_key


@given(start=st.dates(), years=st.integers(1, 200))
def test_an_anniversary_is_the_day_relativedelta_gives(start: dt.date, years: int) -> None:
    def outcome(compute: Callable[[], dt.date]) -> object:
        try:
            return compute()
        except (ValueError, OverflowError) as error:
            return type(error)

    assert outcome(lambda: _anniversary(start, years)) == outcome(lambda: start + relativedelta(years=years))


@given(name=st.text() | st.text(alphabet=st.characters(max_codepoint=127)))
def test_a_name_key_ignores_case_accents_and_spaces_as_spec_3_2_says(name: str) -> None:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))

    assert name_key(name) == " ".join(bare.casefold().split())
