"""The columnar engine's frames follow the one frame convention: a scenario's rows are ``Assessment.to_frame()``.

For drawn batches, the ``contracts`` frame of ``BatchResult.to_frames()`` is, scenario by scenario, the
frame of the assessment of that case, column for column and dtypes included; the ``unmet`` lists of the
``scenarios`` frame and the long ``unmet`` frame are the conditions of ``Assessment.unmet``, in its order.
"""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings

from columnar_strategies import as_case, batches
from propulseur_rules.batch import ScenarioTable, run
from strategies import Case


def frames_of(batch: list[Case]) -> dict[str, pd.DataFrame]:
    return run(ScenarioTable.from_cases([as_case(scenario) for scenario in batch])).to_frames()


@settings(max_examples=15)
@given(batches(max_size=3))
def test_the_contracts_frame_is_the_frame_of_each_assessment_column_for_column(batch: list[Case]) -> None:
    contracts = frames_of(batch)["contracts"]
    for index, scenario in enumerate(batch):
        expected = scenario.assess().to_frame()
        rows = contracts[contracts["scenario"] == index].drop(columns="scenario")
        assert list(rows.columns) == list(expected.columns)
        if expected.empty:
            continue
        # The same contracts; the engine keeps the table's canonical order, so both are set in reference order.
        rows = rows.sort_values("reference", ignore_index=True)
        expected = expected.sort_values("reference", ignore_index=True)
        if len(rows) == len(contracts):  # one scenario holds every contract: the dtypes are those of its frame
            pd.testing.assert_frame_equal(rows, expected)
        else:
            pd.testing.assert_frame_equal(rows, expected, check_dtype=False)
            for name in rows.columns:
                if name != "programme_year":  # a count is nullable Int64 as soon as one row of the batch lacks it
                    assert rows[name].dtype == expected[name].dtype, name


@settings(max_examples=15)
@given(batches(max_size=3))
def test_unmet_conditions_are_lists_of_codes_and_a_long_frame_of_categories(batch: list[Case]) -> None:
    frames = frames_of(batch)
    for index, scenario in enumerate(batch):
        assessed = scenario.assess()
        whole = [unmet.condition.value for unmet in assessed.unmet if unmet.contract is None]
        assert frames["scenarios"].loc[index, "unmet"] == whole
        expected = assessed.to_frame(by="unmet")
        rows = frames["unmet"][frames["unmet"]["scenario"] == index]
        assert rows["condition"].tolist() == expected["condition"].tolist()
        assert rows["clause"].tolist() == expected["clause"].tolist()
        assert rows["contract"].tolist() == expected["contract"].tolist()
    for name in ("condition", "clause"):
        assert frames["unmet"][name].dtype == pd.DataFrame().assign(x=expected[name])["x"].dtype
