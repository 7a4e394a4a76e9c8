"""The edges of every limit: the last value accepted and the first one refused.

A limit that moves by one (``>`` written ``>=``) changes what the library accepts
without any other test noticing; each limit is pinned on both sides here. The limits
are those of SPEC §2 and §6 and of the loaders: 500 characters of text, counts up to
10**9, amounts up to 999 999 999 999.99 written in at most 64 characters, conventions
of at most 100 programme years, and the calendar, which ends on 31 December 9999.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import startup
from propulseur_rules import DIJON_2022, InvalidInput, Period
from propulseur_rules.rules._money import MAX_AMOUNT, to_money


def test_a_name_of_500_characters_is_accepted_and_501_refused() -> None:
    assert len(startup("a" * 500).name) == 500
    with pytest.raises(InvalidInput, match="is longer than 500 characters"):
        startup("a" * 501)


def test_a_count_of_a_billion_is_accepted_and_one_more_refused() -> None:
    assert DIJON_2022.replace(required_contracts=10**9).required_contracts == 10**9
    with pytest.raises(InvalidInput, match="more than the largest count accepted"):
        DIJON_2022.replace(required_contracts=10**9 + 1)


def test_the_largest_amount_is_accepted_and_one_cent_more_refused() -> None:
    assert to_money("999999999999.99") == MAX_AMOUNT
    assert to_money(999_999_999_999) == Decimal("999999999999.00")
    with pytest.raises(InvalidInput, match="more than the largest amount accepted"):
        to_money("1000000000000.00")
    with pytest.raises(InvalidInput, match="more than the largest amount accepted"):
        to_money(1_000_000_000_000)


def test_an_amount_written_in_64_characters_is_read_and_in_65_refused() -> None:
    sixty_four = "0" * 60 + "1.00"
    assert len(sixty_four) == 64
    assert to_money(sixty_four) == Decimal("1.00")
    with pytest.raises(InvalidInput, match="is not an amount in euros"):
        to_money("0" + sixty_four)


def test_c1_a_convention_of_100_programme_years_is_accepted_and_101_refused() -> None:
    hundred = Period(start=dt.date(1900, 1, 1), end=dt.date(1999, 12, 31))
    assert len(DIJON_2022.replace(period=hundred).programme_years) == 100
    with pytest.raises(InvalidInput, match=r"^period: 101 programme years is more than the 100 accepted$"):
        DIJON_2022.replace(period=Period(start=dt.date(1900, 1, 1), end=dt.date(2000, 12, 31)))


def test_c1_a_period_one_day_past_a_whole_year_ends_with_a_programme_year_of_one_day() -> None:
    period = Period(start=dt.date(2022, 7, 1), end=dt.date(2023, 7, 1))

    assert period.years() == (
        Period(start=dt.date(2022, 7, 1), end=dt.date(2023, 6, 30)),
        Period(start=dt.date(2023, 7, 1), end=dt.date(2023, 7, 1)),
    )


def test_c1_the_last_year_of_a_period_that_ends_on_31_december_9999_runs_to_that_day() -> None:
    # The anniversary after 9999 does not exist: the last year stops at the end of the calendar.
    period = Period(start=dt.date(9998, 6, 1), end=dt.date.max)

    assert period.years() == (
        Period(start=dt.date(9998, 6, 1), end=dt.date(9999, 5, 31)),
        Period(start=dt.date(9999, 6, 1), end=dt.date(9999, 12, 31)),
    )
    assert period.whole_years is None
