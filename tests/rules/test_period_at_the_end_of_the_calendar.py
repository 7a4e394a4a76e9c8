"""A period whose last day is the last day of the calendar, 31 December 9999 (C1, C2, C3).

C1 asks for whole twelve-month programme years: three years from 1 January 9997
end on 31 December 9999, the day before 1 January 10000, which no ``date`` holds.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Contract,
    InvalidInput,
    Period,
    Sector,
    Startup,
    assess,
    compare_readings,
    loads_scenario,
)

LAST_DAY = dt.date(9999, 12, 31)
PERIOD = Period(start=dt.date(9997, 1, 1), end=LAST_DAY)
CONVENTION = DIJON_2022.replace(period=PERIOD, deliberation=None)
STARTUP = Startup(name="Hydrolis", head_office="21231", sector=Sector.INDUSTRY)
CONTRACT = Contract(
    reference="PRO-01",
    startup=STARTUP,
    applied_on=dt.date(9997, 2, 1),
    selected_on=dt.date(9997, 3, 1),
    signed_on=dt.date(9997, 4, 1),
)


def test_three_years_ending_on_the_last_day_of_the_calendar_are_whole_years() -> None:
    assert PERIOD.whole_years == 3
    assert [str(year) for year in PERIOD.years()] == [
        "9997-01-01 – 9997-12-31",
        "9998-01-01 – 9998-12-31",
        "9999-01-01 – 9999-12-31",
    ]
    assert CONVENTION.programme_years == PERIOD.years()


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.date(9997, 1, 2), LAST_DAY),  # the anniversary of 2 January is not the day after 31 December
        (dt.date(9997, 12, 31), LAST_DAY),  # two years and a day
        (dt.date(9997, 1, 1), dt.date(9999, 12, 30)),  # three years less a day
    ],
)
def test_a_period_that_is_not_whole_years_is_refused_at_the_end_of_the_calendar_too(
    start: dt.date, end: dt.date
) -> None:
    assert Period(start=start, end=end).whole_years is None
    with pytest.raises(InvalidInput, match=r"^period: .* is not a whole number of twelve-month programme years"):
        DIJON_2022.replace(period=Period(start=start, end=end))


@pytest.mark.parametrize(
    ("as_of", "accrued"),
    [
        # C2, on the event: years 1 and 2 have begun (2 × 20 000 €) and one contract is signed (15 000 €)
        (dt.date(9998, 1, 1), Decimal(2 * 20000 + 15000)),
        # on the last day of the calendar every year has begun: 3 × 20 000 € + 15 000 €
        (LAST_DAY, Decimal(3 * 20000 + 15000)),
    ],
)
def test_a_period_ending_on_the_last_day_of_the_calendar_is_assessed(as_of: dt.date, accrued: Decimal) -> None:
    result = assess(CONVENTION, [CONTRACT], as_of=as_of, regional_authorisation_on=dt.date(9997, 1, 5))

    assert result.accrued == accrued
    assert result.to_dict()["as_of"] == as_of.isoformat()


def test_a_scenario_text_may_end_its_period_on_the_last_day_of_the_calendar() -> None:
    text = (
        'name = "At the end of the calendar."\n'
        "as_of = 9999-12-31\n"
        "[convention]\n"
        'preset = "dijon-2022"\n'
        "period = { start = 9997-01-01, end = 9999-12-31 }\n"
    )

    # three operating grants of 20 000 €, no contract (C2)
    assert loads_scenario(text, "toml").assess().accrued == Decimal(3 * 20000)


def test_accrual_at_the_end_of_each_year_is_refused_when_no_day_follows_the_period() -> None:
    # C3: an amount accruing at the end of its year does so on the day after the year, and no day follows 9999
    with pytest.raises(InvalidInput) as caught:
        CONVENTION.replace(accrual=Accrual.AT_YEAR_END)

    assert str(caught.value) == (
        "accrual: cannot be at the end of each programme year for a period ending on 9999-12-31: "
        "no day of the calendar follows it"
    )
    # one day earlier, the day after exists: the same reading is a convention
    earlier = DIJON_2022.replace(period=Period(start=dt.date(9996, 12, 31), end=dt.date(9999, 12, 30)))
    assert earlier.replace(accrual=Accrual.AT_YEAR_END).accrual is Accrual.AT_YEAR_END


def test_the_readings_leave_out_the_accrual_no_day_can_hold() -> None:
    rows = compare_readings(CONVENTION, [CONTRACT], as_of=LAST_DAY, regional_authorisation_on=dt.date(9997, 1, 5))

    assert {row.accrual for row in rows} == {Accrual.ON_EVENT}
    # 2 targets × 1 accrual × 2 places × 1 signing period: a period ending on a 31 December is its own
    # strict reading of C7, and accrual at the end of each year is left out
    assert len(rows) == 2 * 1 * 2 * 1
