"""The columnar engine beyond one machine, on Dask: partitions of whole scenarios.

A scenario never spans two partitions: each partition is a list of whole cases
(a convention, its contracts and payments, the dates), so the engine runs on it
as it runs in one process, and the results of the partitions are put one after
the other. Nothing here distributes anything itself: Dask's bag does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..rules._extras import require
from ..words._errors import InvalidInput, Worded, kind_of, shown
from ._cases import checked_case
from ._engine import run
from ._table import ScenarioTable

__all__ = ["assess_bag", "assess_on_dask", "frames_of_partition"]

_FRAMES = ("scenarios", "years", "contracts", "unmet")


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
