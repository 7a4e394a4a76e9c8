"""The columnar engine on a local Dask cluster of two worker processes gives the in-process result."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from distributed import Client, LocalCluster

from builders import DAY, YEARS, contract, payment, startup
from propulseur_rules import DIJON_2022, Accrual, InvalidInput, TargetPolicy
from propulseur_rules.batch import ScenarioTable, run
from propulseur_rules.batch._dask import assess_on_dask

#: A local cluster of two worker processes.
pytestmark = pytest.mark.slow


def cases() -> list[tuple[object, object, dict[str, object]]]:
    conventions = (
        DIJON_2022,
        DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING),
        DIJON_2022.replace(accrual=Accrual.AT_YEAR_END, total_cap="100000"),
    )
    built = []
    for number in range(30):
        year_start = YEARS[number % 3][0]
        feed = [
            contract(f"K{number}-{k}", year_start + (10 * k + number) * DAY, of=startup(f"S{(number + k) % 7}"))
            for k in range(number % 6)
        ]
        built.append(
            (
                conventions[number % 3],
                feed,
                {
                    "as_of": dt.date(2023, 1, 1) + 40 * number * DAY,
                    "regional_authorisation_on": None if number % 4 == 0 else dt.date(2022, 10, 1),
                    "payments": [payment(f"P{number}", dt.date(2023, 2, 1), 1000 * number + 1)],
                },
            )
        )
    return built


# Dask warns when its dashboard's port is taken by another program on the machine, and
# then leaves the socket it tried to open; the cluster still starts, on another port, and
# the test does not use the dashboard.
@pytest.mark.filterwarnings("ignore:Port .* is already in use:UserWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_two_worker_processes_give_the_in_process_frames() -> None:
    batch = cases()
    expected = run(ScenarioTable.from_cases(batch)).to_frames()

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        assert len(client.scheduler_info()["workers"]) == 2
        frames = assess_on_dask(client, batch, partitions=5)

    for name, frame in expected.items():
        pd.testing.assert_frame_equal(
            frames[name].reset_index(drop=True), frame.reset_index(drop=True), check_dtype=False
        )


def test_bad_partitions_are_refused() -> None:
    with pytest.raises(InvalidInput, match=r"^partitions: expected a whole number"):
        assess_on_dask(None, cases(), partitions=0)
