"""The columnar engine beyond one machine, on Dask: partitions of whole scenarios.

A scenario never spans two partitions: each partition is a list of whole cases
(a convention, its contracts and payments, the dates), so the engine runs on it
as it runs in one process, and the results of the partitions are put one after
the other. Nothing here distributes anything itself: Dask's bag does.

Data kept as tables (Parquet folders read with ``dask.dataframe``) go through
:func:`assess_dataframes`: ``map_partitions`` with a ``meta``, each partition
checked and assessed in its worker, the result a Dask dataframe to write back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..rules._convention import DIJON_2022, Convention
from ..rules._extras import require
from ..words._errors import InvalidInput, Worded, kind_of, shown
from ._cases import checked_case
from ._engine import run
from ._frames import _plain
from ._result import _contracts_frame, _scenarios_frame, _unmet_frame, _years_frame
from ._table import ScenarioTable

__all__ = ["assess_bag", "assess_dataframes", "assess_on_dask", "frames_of_partition"]

_FRAMES = ("scenarios", "years", "contracts", "unmet")
#: The function that makes each frame of ``BatchResult.to_frames``, for a partition that needs one only.
_FRAME_MAKERS = {
    "scenarios": _scenarios_frame,
    "years": _years_frame,
    "contracts": _contracts_frame,
    "unmet": _unmet_frame,
}


def frames_of_partition(items: Iterable[tuple[int, object]], keep: Sequence[str] = _FRAMES) -> list[dict[str, Any]]:
    """The result frames of one partition of ``(key, case)`` items, keyed by each case's key.

    Runs in a worker: builds the partition's table, runs the engine, and returns
    the frames named in ``keep`` (of ``BatchResult.to_frames``) in a one-item
    list, as a bag's partition function must.
    """
    keyed = list(items)
    cases = [checked_case(f"cases[{key}]", case) for key, case in keyed]
    table = ScenarioTable(cases, [key for key, _ in keyed])
    frames = run(table).to_frames()
    return [{name: frames[name] for name in keep}]


def assess_bag(bag: Any, keep: Sequence[str] = _FRAMES) -> Any:
    """A Dask bag of ``(key, case)`` items mapped to a bag of result frames, one dict per partition.

    The bag's partitions must each hold whole scenarios: an item is a whole case,
    so they do by construction. ``keep`` names the frames to send back
    (``scenarios``, ``years``, ``contracts``, ``unmet``): only ``scenarios`` for a
    large sweep. Build the cases in the workers (a bag of parameters mapped to
    ``(key, case)``) rather than sending them from the client.
    """
    for name in keep:
        if name not in _FRAMES:
            raise InvalidInput("keep", "error.not_a_result_frame", value=shown(name), choices=", ".join(_FRAMES))
    return bag.map_partitions(frames_of_partition, keep=tuple(keep))


def assess_on_dask(client: Any, cases: Sequence[object], *, partitions: int = 8) -> dict[str, Any]:
    """Assess ``cases`` on the Dask cluster of ``client``, in ``partitions`` partitions of whole scenarios.

    Returns the frames of :meth:`BatchResult.to_frames` for the whole batch, the
    scenario key being each case's position: the same as running in one process.
    ``client`` is a ``distributed.Client`` (``None``: Dask's default scheduler).
    """
    bag_module = require("dask.bag", "dask", Worded("error.feature_dask"))
    pandas = require("pandas", "frames", Worded("error.feature_frames"))
    if isinstance(partitions, bool) or not isinstance(partitions, int) or partitions < 1:
        raise InvalidInput("partitions", "error.expected_partitions", value=shown(partitions))
    if isinstance(cases, (str, bytes)) or not isinstance(cases, Sequence):
        raise InvalidInput("cases", "error.expected_case_sequence", type=kind_of(cases))
    if not cases:
        return run(ScenarioTable([])).to_frames()
    bag = bag_module.from_sequence(list(enumerate(cases)), npartitions=min(partitions, len(cases)))
    results = assess_bag(bag)
    parts = results.compute() if client is None else client.compute(results).result()
    return {name: pandas.concat([part[name] for part in parts], ignore_index=True) for name in _FRAMES}


def assess_dataframes(
    scenarios: Any, contracts: Any = None, payments: Any = None, *, frame: str = "scenarios", base: Any = None
) -> Any:
    """Dask dataframes of scenarios, contracts and payments assessed partition by partition.

    The dataframes have the columns of :meth:`ScenarioTable.from_frames` and the
    same number of partitions: partition ``i`` of ``contracts`` and ``payments``
    holds the rows of the scenarios of partition ``i`` of ``scenarios`` (tables
    partitioned on the scenario key, as Parquet folders written one file per group
    of scenarios are). Each partition is read, checked and assessed in its worker
    (``map_partitions`` with a ``meta``): nothing is built on the client. Returns
    the Dask dataframe of the result frame ``frame`` (``scenarios``, ``years``,
    ``contracts`` or ``unmet`` of :meth:`BatchResult.to_frames`), to write with
    ``to_parquet``. A row whose scenario is not in its partition raises
    :class:`InvalidInput` naming the partition, the row and the scenario, as
    ``partitions[2].contracts[5].scenario``, when the result is computed.
    """
    dataframe = require("dask.dataframe", "dask", Worded("error.feature_dask"))
    if frame not in _FRAMES:
        raise InvalidInput("frame", "error.not_a_result_frame", value=shown(frame), choices=", ".join(_FRAMES))
    convention = DIJON_2022 if base is None else base
    if not isinstance(convention, Convention):
        raise InvalidInput("base", "error.expected_convention", type=kind_of(convention))
    if not isinstance(scenarios, dataframe.DataFrame):
        raise InvalidInput("scenarios", "error.expected_a_kind", kind="dask DataFrame", type=kind_of(scenarios))
    tables = {"scenarios": scenarios, "contracts": contracts, "payments": payments}
    for name, table in tables.items():
        if table is not None and not isinstance(table, dataframe.DataFrame):
            raise InvalidInput(name, "error.expected_a_kind", kind="dask DataFrame", type=kind_of(table))
        if table is not None and table.npartitions != scenarios.npartitions:
            raise InvalidInput(
                name, "error.partitions_differ", count=str(table.npartitions), expected=str(scenarios.npartitions)
            )
    given = [table for table in tables.values() if table is not None]
    present = tuple(name for name, table in tables.items() if table is not None)
    meta = _assessed_partition(*(table._meta for table in given), names=present, frame=frame, base=convention)
    if "unmet" in meta.columns:
        # The meta types the list of condition codes as Arrow's list of strings, so that ``to_parquet`` knows
        # what to write (a column of Python lists gives it no type); the partitions hold the lists themselves.
        pandas = require("pandas", "frames", Worded("error.feature_frames"))
        pyarrow = require("pyarrow", "arrow", Worded("error.feature_arrow"))
        meta["unmet"] = meta["unmet"].astype(pandas.ArrowDtype(pyarrow.list_(pyarrow.string())))
    return dataframe.map_partitions(
        _assessed_partition,
        *given,
        names=present,
        frame=frame,
        base=convention,
        meta=meta,
        align_dataframes=False,
        enforce_metadata=False,
    )


def _assessed_partition(
    *frames: Any, names: tuple[str, ...], frame: str, base: Convention, partition_info: dict[str, Any] | None = None
) -> Any:
    """The result frame ``frame`` of one partition: its scenarios, contracts and payments as pandas frames."""
    number = 0 if partition_info is None else partition_info["number"]
    tables = dict(zip(names, frames, strict=True))
    scenarios = tables["scenarios"]
    keys = scenarios["scenario"] if "scenario" in scenarios.columns else range(len(scenarios))
    for name in ("contracts", "payments"):
        table = tables.get(name)
        if table is None or "scenario" not in table.columns:
            continue
        outside = (~table["scenario"].isin(keys)).to_numpy()
        if outside.any():
            row = int(outside.argmax())
            raise InvalidInput(
                f"partitions[{number}].{name}[{row}].scenario",
                "error.scenario_split",
                value=shown(_plain(table["scenario"].iloc[row])),
            )
    try:
        table = ScenarioTable.from_frames(scenarios, tables.get("contracts"), tables.get("payments"), base=base)
    except InvalidInput as error:
        raise error.within(f"partitions[{number}]") from None
    # Only the frame asked for: the others (unmet conditions above all) cost more than the engine.
    pandas = require("pandas", "frames", Worded("error.feature_frames"))
    result = _FRAME_MAKERS[frame](pandas, run(table))
    if "scenario" in scenarios.columns and "scenario" in result.columns:
        result["scenario"] = result["scenario"].astype(scenarios["scenario"].dtype)
    return result
