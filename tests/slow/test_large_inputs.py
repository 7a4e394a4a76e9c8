"""Inputs too large for every run of the cover tests: all of Unicode, twenty thousand contracts."""

from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from decimal import Decimal

import pytest

from builders import DIJON
from propulseur_rules import DIJON_2022, Contract, Sector, Startup, assess
from propulseur_rules.rules._model import _CONTROL, _SURROGATE

#: Every code point of Unicode and twenty thousand contracts: seconds each.
pytestmark = pytest.mark.slow


def test_the_text_check_finds_exactly_the_control_characters_and_surrogates_of_unicode() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        assert bool(_CONTROL.match(char)) is (category == "Cc"), hex(code)
        assert bool(_SURROGATE.match(char)) is (category == "Cs"), hex(code)


def test_twenty_thousand_contracts_are_assessed_with_three_funded_a_year() -> None:
    # A scaled-down million: the engine is linear, a million only takes longer (benchmarks/run.py).
    feed = [
        Contract(
            reference=f"C-{index:05d}",
            startup=Startup(name=f"Startup {index}", head_office=DIJON, sector=Sector.HEALTH),
            signed_on=dt.date(2022, 7, 1) + dt.timedelta(days=index % 1095),
            applied_on=dt.date(2022, 6, 1),
            selected_on=dt.date(2022, 6, 15),
        )
        for index in range(20_000)
    ]

    result = assess(DIJON_2022, feed, as_of=dt.date(2025, 7, 1), regional_authorisation_on=dt.date(2022, 12, 1))

    assert [len(year.funded) for year in result.years] == [3, 3, 3]
    assert result.eligible_contracts == 20_000
    # C2: 3 × (20 000 + 3 × 15 000) = 195 000, whatever the number of supplementary contracts (C5).
    assert result.accrued == Decimal(3 * (20_000 + 3 * 15_000))
