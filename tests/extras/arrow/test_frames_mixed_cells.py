"""A column of a frame mixing kinds of value is read as the value objects read each cell.

pandas keeps a column of Python values as objects; Arrow, asked to convert it, takes the
kind of its first value and makes the others fit without a word: a whole number after a
date becomes that many days after 1 January 1970, a date and time loses its time. The
builders from frames read such a column row by row, so that the cell is refused with the
words and path of the value objects, as :func:`cases_from_frames` refuses it.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from propulseur_rules import DIJON_2022, FinancingTerms, InvalidInput
from propulseur_rules.batch import ScenarioTable
from propulseur_rules.batch._frames import cases_from_frames

TERMS = DIJON_2022.replace(financing=FinancingTerms())
DAY = dt.date(2023, 1, 10)


def tables() -> dict[str, pd.DataFrame]:
    """Two scenarios on 31 December 2024, one contract each, a final report and an event of the limitation each."""
    contracts = [
        {
            "scenario": key,
            "reference": f"PRO-0{number}",
            "signed_on": dt.date(2022, 11, 1),
            "name": f"Startup {number}",
            "head_office": "21231",
            "sector": "industry",
        }
        for number, key in enumerate("ab", start=1)
    ]
    return {
        "scenarios": pd.DataFrame({"scenario": ["a", "b"], "as_of": [dt.date(2024, 12, 31)] * 2}),
        "contracts": pd.DataFrame(contracts),
        "documents": pd.DataFrame(
            {"scenario": ["a", "b"], "kind": ["final_report"] * 2, "covers": [None, None], "received_on": [DAY] * 2}
        ),
        "limitation_events": pd.DataFrame({"scenario": ["a", "b"], "kind": ["relief"] * 2, "on": [DAY] * 2}),
    }


#: A cell of the second row changed, and the refusal of the value objects.
MIXED = [
    ("limitation_events", "on", 5, "limitation_events[1].on: expected a date, not a whole number"),
    ("limitation_events", "on", 5.5, "limitation_events[1].on: expected a date, not a number"),
    ("documents", "received_on", 5, "documents[1].received_on: expected a date, not a whole number"),
    ("documents", "received_on", dt.datetime(2023, 1, 10, 9, 30), "documents[1].received_on: "),
    ("contracts", "signed_on", 5, "contracts[1].signed_on: expected a date, not a whole number"),
    ("contracts", "signed_on", pd.Timestamp("2022-11-01 09:30"), "contracts[1].signed_on: "),
]


@pytest.mark.parametrize(("table", "column", "value", "refusal"), MIXED)
def test_a_cell_arrow_would_make_fit_is_refused_as_the_value_objects_refuse_it(
    table: str, column: str, value: object, refusal: str
) -> None:
    given = tables()
    changed = given[table].astype({column: object})
    changed.loc[1, column] = value
    given[table] = changed
    facts = {name: given[name] for name in ("documents", "limitation_events")}

    with pytest.raises(InvalidInput) as row_by_row:
        cases_from_frames(given["scenarios"], given["contracts"], base=TERMS, **facts)
    with pytest.raises(InvalidInput) as raised:
        ScenarioTable.from_frames(given["scenarios"], given["contracts"], base=TERMS, **facts)

    assert str(raised.value).startswith(refusal)
    assert str(raised.value) == str(row_by_row.value)


def test_the_same_frames_with_dates_only_are_taken() -> None:
    given = tables()
    facts = {name: given[name] for name in ("documents", "limitation_events")}

    table = ScenarioTable.from_frames(given["scenarios"], given["contracts"], base=TERMS, **facts)

    assert [event.on for event in table.case(1).limitation_events] == [DAY]
    assert [document.received_on for document in table.case(1).documents] == [DAY]
