"""Fuzzing the workbook reader (the xlsx extra): odd cells give only PropulseurRulesError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from fuzz_inputs import (
    only_our_errors,
)
from propulseur_rules.files._load_csv import contracts_from_file
from propulseur_rules.files._spreadsheet_columns import CSV_COLUMNS

_FRENCH_CELLS = st.sampled_from(
    ["05/09/2022", "31/02/2023", "50 000,00 €", "12\u202f500,5", "1.234,56", "Santé", "Industrie", "", " ", "2A004"]
)

#: What a cell may hold: openpyxl refuses control characters in text, as Excel does.
_CELLS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(),
    st.datetimes(),
    st.dates(),
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), max_size=10),
    _FRENCH_CELLS,
)


@given(st.lists(st.lists(_CELLS, max_size=9), max_size=4))
def test_workbooks_with_odd_cells_give_only_our_errors(rows: list[list[object]]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [list(CSV_COLUMNS), *rows]:
        sheet.append(row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "odd.xlsx"
        book.save(path)

        only_our_errors(contracts_from_file, path)
