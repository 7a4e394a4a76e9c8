"""What ``assess_dataframes`` is given instead of a dask DataFrame of scenarios is refused by name."""

from __future__ import annotations

import pandas as pd
import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.batch import assess_dataframes


@pytest.mark.parametrize(("scenarios", "kind"), [(None, "null"), (pd.DataFrame(), "DataFrame")])
def test_scenarios_that_are_not_a_dask_dataframe_are_refused_by_name(scenarios: object, kind: str) -> None:
    # Failed before: None raised KeyError: 'scenarios'.
    with pytest.raises(InvalidInput) as caught:
        assess_dataframes(scenarios)

    assert caught.value.path == "scenarios"
    assert caught.value.message("en") == f"scenarios: expected a dask DataFrame, not {kind}"
