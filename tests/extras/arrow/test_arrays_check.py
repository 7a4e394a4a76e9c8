"""The array path of Arrow, pandas and Parquet tables refuses exactly what the value objects refuse.

A table is checked column by column; a cell the array path is not sure of sends
the table to the value objects row by row, so each refusal keeps their path and
words. The property below draws a table with one odd or bad cell and compares the
two paths: the same refusal, or the same cases and the same figures.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from arrow_schemas import CONTRACT_SCHEMA
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from builders import siren_with_key, three_contracts_a_year
from columnar_strategies import contract_row
from propulseur_rules import DIJON_2022, InvalidInput
from propulseur_rules.batch import ScenarioTable, run
from propulseur_rules.batch._arrays_check import CLEAN_TEXT, _luhn
from propulseur_rules.batch._frames import cases_from_arrow
from propulseur_rules.rules._model import luhn_valid

AFTER_END = dt.date(2025, 7, 1)
AUTHORISED = dt.date(2022, 10, 1)
SIRENS = [siren_with_key(f"{71_000_000 + number:08d}") for number in range(8)]


def rows() -> dict[str, list[dict[str, Any]]]:
    """Two scenarios of four contracts each (three in year 1, one in year 2) and one payment."""
    contracts = [
        contract_row(key, signed, siren=SIRENS[number])
        for key in ("a", "b")
        for number, signed in enumerate(three_contracts_a_year()[:4])
    ]
    return {
        "scenarios": [
            {"scenario": "a", "as_of": AFTER_END, "regional_authorisation_on": AUTHORISED},
            {"scenario": "b", "as_of": dt.date(2023, 1, 1), "regional_authorisation_on": None},
        ],
        "contracts": contracts,
        "payments": [{"scenario": "a", "reference": "P1", "paid_on": AUTHORISED, "amount": Decimal("1000.50")}],
    }


SCHEMAS = {
    "scenarios": pa.schema(
        [("scenario", pa.string()), ("as_of", pa.date32()), ("regional_authorisation_on", pa.date32())]
    ),
    "contracts": CONTRACT_SCHEMA,
    "payments": pa.schema(
        [
            ("scenario", pa.string()),
            ("reference", pa.string()),
            ("paid_on", pa.date32()),
            ("amount", pa.decimal128(16, 3)),
        ]
    ),
}


def arrow(tables: dict[str, list[dict[str, Any]]]) -> tuple[pa.Table, pa.Table, pa.Table]:
    built = []
    for name in ("scenarios", "contracts", "payments"):
        try:
            built.append(pa.Table.from_pylist(tables[name], schema=SCHEMAS[name]))
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
            built.append(pa.Table.from_pylist(tables[name]))  # the odd cell's type for the whole column
    return built[0], built[1], built[2]


def test_a_clean_table_is_never_read_row_by_row(monkeypatch: pytest.MonkeyPatch) -> None:
    def row_by_row(*_: object, **__: object) -> None:
        raise AssertionError("read row by row")

    monkeypatch.setattr(sys.modules["propulseur_rules.batch._table"], "cases_from_arrow", row_by_row)
    monkeypatch.setattr(sys.modules["propulseur_rules.batch._table"], "cases_from_frames", row_by_row)
    tables = arrow(rows())

    by_arrow = run(ScenarioTable.from_arrow(*tables))
    by_frames = run(ScenarioTable.from_frames(*(table.to_pandas() for table in tables)))

    # Scenario a, after the end: 3 operating grants of 20 000 € and 4 contracts of 15 000 €.
    # Scenario b on 1 January 2023: one operating grant (20 000 €) and the contracts of year 1 signed by
    # then, 60 and 150 days after 1 July 2022 (the third is 270 days after, in March 2023).
    expected = [(3 * 20_000 + 4 * 15_000) * 100, (20_000 + 2 * 15_000) * 100]
    assert by_arrow.accrued.tolist() == expected
    assert by_frames.accrued.tolist() == expected
    assert by_arrow.paid.tolist() == [100_050, 0]
    assert by_arrow.assessments() == by_frames.assessments()


def test_a_table_of_columns_repeated_gives_back_the_cases_repeated() -> None:
    tables = arrow(rows())
    keys, cases = cases_from_arrow(*tables, base=DIJON_2022)

    repeated = ScenarioTable.from_arrow(*tables).repeated(3)

    # Three copies of the two scenarios, each case built back from the copied columns.
    assert [repeated.case(number) for number in range(6)] == list(cases) * 3
    assert repeated.cases == ScenarioTable(cases, keys).repeated(3).cases


def test_parquet_files_give_the_arrow_table(tmp_path: Any) -> None:
    tables = arrow(rows())
    paths = []
    for name, table in zip(("scenarios", "contracts", "payments"), tables, strict=True):
        pq.write_table(table, tmp_path / f"{name}.parquet")
        paths.append(tmp_path / f"{name}.parquet")

    from_files = run(ScenarioTable.from_parquet(*paths))

    assert from_files.assessments() == run(ScenarioTable.from_arrow(*tables)).assessments()


def test_a_file_that_is_not_parquet_is_named(tmp_path: Any) -> None:
    (tmp_path / "contracts.parquet").write_text("scenario,reference\n", encoding="utf-8")
    pq.write_table(arrow(rows())[0], tmp_path / "scenarios.parquet")

    with pytest.raises(InvalidInput, match=r"^contracts: cannot be read as Parquet"):
        ScenarioTable.from_parquet(tmp_path / "scenarios.parquet", tmp_path / "contracts.parquet")


def test_every_white_space_of_python_is_unclean_text() -> None:
    spaces = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    # "a b" is clean; any other white space between two letters is not (str.split would change it).
    texts = ["a b", *(f"a{space}b" for space in spaces if space != " ")]

    clean = pc.match_substring_regex(pa.array(texts), CLEAN_TEXT).to_pylist()

    assert clean == [True] + [False] * (len(texts) - 1)


@settings(max_examples=200)
@given(st.lists(st.integers(0, 10**9 - 1), min_size=1, max_size=50))
def test_the_luhn_check_of_columns_is_the_value_objects(numbers: list[int]) -> None:
    texts = [f"{number:09d}" for number in numbers]
    digits = np.array([[int(char) for char in text] for text in texts], dtype=np.int64)

    assert _luhn(digits).tolist() == [luhn_valid(text) for text in texts]


TEXTS = st.sampled_from(
    ["", " ", "a  b", " a", "a ", "a\tb", "a\u200bb", "a\u00adb", "a\x00b", "a\x85b", "x" * 500, "x" * 501, "Y1-1"]
) | st.text(max_size=6)
DATES = st.none() | st.dates() | st.sampled_from(["2023-02-30", "2023-01-01"])
ODD = {
    "reference": TEXTS,
    "name": TEXTS | st.sampled_from(["ÉCOLE Été", "école été", "Startup Y1-2"]),
    "head_office": st.sampled_from(["21231", " 21231", "2a123", "2A123", "2131", "abcde", "٢١٢٣١", None])
    | st.text(alphabet="0123456789AB ", max_size=6),
    "sector": st.sampled_from(["industry", "Industry", " health", "nope", "", None]),
    "siren": st.sampled_from([None, "", "   ", "73282932", "7328 29320", "١٢٣٤٥٦٧٨٩", *SIRENS])
    | st.from_regex(r"\A\d{9}\Z"),
    "signed_on": DATES,
    "applied_on": DATES,
    "selected_on": DATES,
    "paid_on": DATES,
    "as_of": DATES,
    "regional_authorisation_on": DATES,
    "amount": st.sampled_from(
        [Decimal("0"), Decimal("0.001"), Decimal("-5"), Decimal("999999999999.99"), Decimal("1000000000000"), None]
    )
    | st.integers(-2, 10**13),
    "scenario": st.sampled_from(["a", "b", "z", None]),
}
COLUMNS = {
    "scenarios": ("scenario", "as_of", "regional_authorisation_on"),
    "contracts": tuple(SCHEMAS["contracts"].names),
    "payments": ("scenario", "reference", "paid_on", "amount"),
}


@settings(max_examples=100)
@given(st.data())
def test_the_array_path_refuses_what_the_value_objects_refuse(data: st.DataObject) -> None:
    tables = rows()
    for _ in range(data.draw(st.integers(1, 2), label="odd cells")):
        name = data.draw(st.sampled_from(sorted(COLUMNS)), label="table")
        row = data.draw(st.integers(0, len(tables[name]) - 1), label="row")
        column = data.draw(st.sampled_from(COLUMNS[name]), label="column")
        tables[name][row][column] = data.draw(ODD[column], label="cell")
    try:
        built = arrow(tables)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        assume(False)  # cells of two types in one column: not an Arrow table
        raise
    refusal: InvalidInput | None = None
    try:
        keys, cases = cases_from_arrow(*built, base=DIJON_2022)
    except InvalidInput as error:
        refusal = error
    if refusal is not None:
        with pytest.raises(InvalidInput) as raised:
            ScenarioTable.from_arrow(*built)
        assert (raised.value.path, str(raised.value)) == (refusal.path, str(refusal))
        return

    table = ScenarioTable.from_arrow(*built)

    expected = ScenarioTable(cases, keys)
    assert table.keys == expected.keys
    assert table.cases == expected.cases
    ours, theirs = run(table).to_frames(), run(expected).to_frames()
    for frame in ("scenarios", "contracts", "unmet"):
        pd.testing.assert_frame_equal(ours[frame], theirs[frame])
