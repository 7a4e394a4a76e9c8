"""Scenarios, contracts and payments as Dask dataframes read from Parquet: the result of one process.

The tables are written as Parquet folders of one file per group of scenarios (partitioned
on the scenario key), read with ``dask.dataframe.read_parquet``, assessed partition by
partition with ``map_partitions`` and written back as Parquet.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
import pytest
from distributed import Client, LocalCluster

from builders import DAY, YEARS, siren_with_key
from propulseur_rules import InvalidInput
from propulseur_rules.batch import ScenarioTable, assess_dataframes, run

GROUPS = 3

# dask.dataframe.read_parquet calls reset_index and set_index with inplace=True, which pandas 3.1 deprecates:
# a warning about Dask's reader, not about this library.
pytestmark = pytest.mark.filterwarnings("ignore:The inplace keyword in DataFrame")


def frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Twelve scenarios of up to five contracts, dates spread over the three programme years."""
    scenarios, contracts, payments = [], [], []
    for number in range(12):
        scenarios.append(
            {
                "scenario": number,
                "as_of": dt.date(2022, 12, 1) + 70 * number * DAY,
                "regional_authorisation_on": None if number % 4 == 0 else dt.date(2022, 10, 1),
            }
        )
        for k in range(number % 6):
            signed = YEARS[k % 3][0] + (20 * k + number) * DAY
            contracts.append(
                {
                    "scenario": number,
                    "reference": f"K{number}-{k}",
                    "signed_on": signed,
                    "applied_on": signed - 30 * DAY,
                    "selected_on": signed - 5 * DAY,
                    "name": f"Startup {(number + k) % 7}",
                    "head_office": "21231" if k != 4 else "21054",
                    "sector": "industry",
                    "siren": siren_with_key(f"{73_000_000 + (number + k) % 7:08d}"),
                }
            )
        payments.append({"scenario": number, "reference": f"P{number}", "paid_on": dt.date(2023, 2, 1), "amount": 1000})
    return pd.DataFrame(scenarios), pd.DataFrame(contracts), pd.DataFrame(payments)


def write_folders(root: Path, tables: tuple[pd.DataFrame, ...]) -> list[str]:
    """Each table as a folder of Parquet files, file ``i`` holding the rows of scenarios ``4i`` to ``4i + 3``."""
    folders = []
    for name, table in zip(("scenarios", "contracts", "payments"), tables, strict=True):
        folder = root / name
        folder.mkdir()
        for group in range(GROUPS):
            part = table[table["scenario"] // 4 == group]
            part.to_parquet(folder / f"part.{group}.parquet", index=False)
        folders.append(str(folder))
    return folders


# Dask warns when its dashboard's port is taken by another program on the machine, and then
# leaves the socket it tried to open; the cluster still starts, and the test does not use the dashboard.
@pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.slow  # a local cluster: threads of its scheduler and workers
def test_two_workers_read_assess_and_write_parquet_as_one_process(tmp_path: Path) -> None:
    tables = frames()
    expected = run(ScenarioTable.from_frames(*tables)).to_frames()["scenarios"]
    folders = write_folders(tmp_path, tables)

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        read = [dd.read_parquet(folder) for folder in folders]
        result = assess_dataframes(*read, frame="scenarios")
        result.to_parquet(str(tmp_path / "results"))

    written = pd.read_parquet(tmp_path / "results").sort_values("scenario", ignore_index=True)
    assert result.npartitions == GROUPS
    assert list(written.columns) == list(expected.columns)
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)


def test_a_scenario_split_across_partitions_is_named(tmp_path: Path) -> None:
    scenarios, contracts, payments = frames()
    folders = write_folders(tmp_path, (scenarios, contracts, payments))
    # Scenario 5's first contract moves to the file of scenarios 0 to 3.
    moved = contracts[contracts["scenario"] == 5].head(1)
    first = pd.read_parquet(Path(folders[1]) / "part.0.parquet")
    pd.concat([first, moved]).to_parquet(Path(folders[1]) / "part.0.parquet", index=False)
    row = len(first)

    result = assess_dataframes(*(dd.read_parquet(folder) for folder in folders))

    with pytest.raises(InvalidInput, match=rf"^partitions\[0\]\.contracts\[{row}\]\.scenario: .*scenario 5\b"):
        result.compute(scheduler="sync")


def test_tables_partitioned_differently_are_refused() -> None:
    scenarios, contracts, _ = frames()

    with pytest.raises(InvalidInput, match=r"^contracts: has 2 partitions and the scenarios 3"):
        assess_dataframes(dd.from_pandas(scenarios, npartitions=3), dd.from_pandas(contracts, npartitions=2))
    with pytest.raises(InvalidInput, match=r"^frame: 'nope' is not a frame of a result"):
        assess_dataframes(dd.from_pandas(scenarios, npartitions=1), frame="nope")
    with pytest.raises(InvalidInput, match=r"^scenarios: expected a dask DataFrame"):
        assess_dataframes(scenarios)
