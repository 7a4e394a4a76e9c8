"""Benchmarks of the columnar engine (``propulseur_rules.batch``) beside ``assess`` in a loop.

Run ``python benchmarks/columnar.py`` for the full table (a few minutes: building a
million contracts as objects takes most of it), or ``--quick`` for a small run that
only shows the benchmarks still run. Each time is the best of a few runs, on the wall
clock and in CPU time of this process (the machine is shared: the CPU time is what
other work disturbs least). ``--dask`` adds one against two Dask worker processes, and a
million scenarios read from Parquet with Dask dataframes against one process.
Benchmarks never fail: a missed goal is printed, not raised. The goals are those of
the issue on many scenarios at once; the figures are kept in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import importlib.util
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from builders import DAY, siren_with_key
from propulseur_rules import DIJON_2022, Contract, Sector, Startup, assess
from propulseur_rules.batch import ScenarioTable, run

AUTHORISED = dt.date(2022, 10, 1)
START = DIJON_2022.period.start
CODES = ("21231", "21231", "21231", "21166", "21054")  # mostly Dijon, sometimes Beaune (outside)
SECTORS = (Sector.INDUSTRY, Sector.HEALTH, Sector.HEALTH, Sector.OTHER)


def feed(count: int, rng: random.Random, tag: str = "") -> list[Contract]:
    """``count`` contracts over the period and a little beyond: most eligible, some not, a few
    startups coming back (by SIREN or by name), one in ten without SIREN."""
    contracts = []
    for number in range(count):
        signed_on = START + rng.randrange(-30, 1130) * DAY
        startup_number = number if rng.random() > 0.05 else rng.randrange(max(number, 1))
        siren = None if rng.random() < 0.1 else siren_with_key(f"{10_000_000 + startup_number:08d}")
        contracts.append(
            Contract(
                reference=f"C{tag}{number:07d}",
                startup=Startup(
                    name=f"Startup {startup_number}",
                    head_office=rng.choice(CODES),
                    sector=rng.choice(SECTORS),
                    siren=siren,
                ),
                signed_on=signed_on,
                applied_on=signed_on - rng.randrange(20, 200) * DAY,
                selected_on=signed_on - rng.randrange(0, 20) * DAY if rng.random() > 0.03 else None,
            )
        )
    return contracts


def best(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The best wall-clock and CPU times of ``repeat`` calls, in seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus)


def peak_memory(function: Callable[[], object]) -> int:
    """The peak of memory allocated while ``function`` runs, in bytes (numpy reports to tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def nine_contract_cases(count: int, rng: random.Random) -> list[tuple[object, list[Contract], dict[str, object]]]:
    """``count`` cases of the sweep, each with its own nine contracts (objects built anew) and its own date."""
    return [
        (
            DIJON_2022,
            feed(9, rng, f"{index}-"),
            {"as_of": START + rng.randrange(0, 1200) * DAY, "regional_authorisation_on": AUTHORISED},
        )
        for index in range(count)
    ]


def built_fresh(count: int, rng: random.Random, repeat: int) -> tuple[float, float]:
    """The best wall-clock and CPU times of ``from_cases`` over ``repeat`` runs, each on ``count`` cases
    whose objects were just built (as a sweep builds them once), in seconds."""
    times = [
        best(functools.partial(ScenarioTable.from_cases, nine_contract_cases(count, rng)), 1) for _ in range(repeat)
    ]
    return min(wall for wall, _ in times), min(cpu for _, cpu in times)


def sweep(scenarios: int, loop_scenarios: int, repeat: int) -> list[str]:
    """Nine-contract scenarios, each with its own contracts and date, in one table; and the table built
    from up to 10 000 such cases (``from_cases``), each run on cases whose objects were just built."""
    rng = random.Random(2022)
    distinct = min(scenarios, 2_000)
    cases = nine_contract_cases(distinct, rng)
    table = ScenarioTable.from_cases(cases).repeated(scenarios // distinct)
    run(table)  # once, to fault the pages in
    wall, cpu = best(lambda: run(table), repeat)
    loop_cases = cases[:loop_scenarios]
    loop_wall, loop_cpu = best(lambda: [assess(c, k, **a) for c, k, a in loop_cases], max(1, repeat // 2))
    loop_rate = len(loop_cases) / loop_cpu
    rate = len(table) / cpu
    built = min(scenarios, 10_000)
    build_wall, build_cpu = built_fresh(built, rng, repeat)
    build_goal = f"≤ 0.10 s, several times the issue's 0.34 s: {verdict(build_cpu <= 0.10)}" if built == 10_000 else "—"
    return [
        f"| sweep of {len(table):,} nine-contract scenarios, `run` | {cpu:.3f} s CPU ({wall:.3f} s wall) "
        f"| {rate:,.0f} scenarios/s | ≥ 500 000/s: {verdict(rate >= 500_000)} |",
        f"| the same with `assess` in a loop ({len(loop_cases):,} scenarios) | {loop_cpu:.3f} s CPU "
        f"({loop_wall:.3f} s wall) | {loop_rate:,.0f} scenarios/s | ×{rate / loop_rate:.0f} for `run` |",
        f"| building the table from {built:,} nine-contract cases of objects (`from_cases`) | {build_cpu:.3f} s CPU "
        f"({build_wall:.3f} s wall) | {built / build_cpu:,.0f} scenarios/s | {build_goal} |",
    ]


def openfisca_cases(count: int) -> list[Any]:
    """The workload of the comparison with OpenFisca: ``count`` nine-contract cases drawn as the sweep draws
    them (seed 2022, ``feed``, ``as_of`` uniform over the 1 200 days from 1 July 2022, the regional
    authorisation on 1 October 2022), checked once as :func:`assess` checks them."""
    rng = random.Random(2022)
    cases = [
        (
            DIJON_2022,
            feed(9, rng, f"{index}-"),
            {"as_of": START + rng.randrange(0, 1200) * DAY, "regional_authorisation_on": AUTHORISED},
        )
        for index in range(count)
    ]
    return list(ScenarioTable.from_cases(cases).cases)


def best_after(setup: Callable[[], Any], function: Callable[[Any], object], repeat: int) -> tuple[float, float]:
    """The best wall-clock and CPU times of ``repeat`` calls of ``function`` on a fresh ``setup()``, not timed."""
    walls, cpus = [], []
    for _ in range(repeat):
        prepared = setup()
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        function(prepared)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus)


def versus_openfisca(scenarios: int, repeat: int) -> list[str]:
    """The rules of the sweep in OpenFisca (the package ``openfisca_model``) and in ``run``, on the same scenarios, in
    this process: first whether both give the same figures, then the time of each, best of ``repeat`` in CPU
    time. The goal's ratio compares the computations alone: ``run`` on a table already built, OpenFisca's
    ``calculate`` on a simulation already built with its inputs set; from the checked cases, both build
    their columns with the same function."""
    if importlib.util.find_spec("openfisca_core") is None:
        return [
            "| against OpenFisca | not run: the comparison needs OpenFisca-Core installed "
            "(`pip install openfisca-core`) | — | — |"
        ]
    from importlib.metadata import version

    import openfisca_model as model
    from openfisca_model.compare import figures_equal, simulation_of_cases, the_rules_of_the_model

    cases = openfisca_cases(scenarios)
    system = model.ProPulseurTaxBenefitSystem()
    table = ScenarioTable(cases)
    equal = figures_equal(run(table), model.calculate(simulation_of_cases(system, cases)))
    wall, cpu = best(lambda: run(table), repeat)
    built_wall, built_cpu = best(lambda: run(ScenarioTable(cases)), repeat)
    covered_wall, covered_cpu = best(lambda: the_rules_of_the_model(table), repeat)
    of_wall, of_cpu = best_after(lambda: simulation_of_cases(system, cases), model.calculate, repeat)
    of_built_wall, of_built_cpu = best(lambda: model.calculate(simulation_of_cases(system, cases)), repeat)
    ratio, built_ratio = of_cpu / cpu, of_built_cpu / built_cpu
    name = f"OpenFisca-Core {version('openfisca-core')}"

    def timing(seconds: float, wall_seconds: float) -> str:
        return f"{seconds:.3f} s CPU ({wall_seconds:.3f} s wall) | {scenarios / seconds:,.0f} scenarios/s"

    return [
        f"| {name} against `run`: the same {scenarios:,} nine-contract scenarios, figures equal: "
        f"{'yes' if equal else 'no'} | — | — | a benchmark that compares unequal work is worthless |",
        f"| `run` on a table built (the computation alone) | {timing(cpu, wall)} "
        f"| ≥ 500 000/s: {verdict(scenarios / cpu >= 500_000)} |",
        f"| {name}: `calculate` on a simulation built, its inputs set (the computation alone) "
        f"| {timing(of_cpu, of_wall)} | — |",
        f"| the ratio of the computations alone, the goal's | ×{ratio:.1f} | — "
        f"| ≥ 10× OpenFisca: {verdict(ratio >= 10)} |",
        f"| from the checked cases: `ScenarioTable(cases)`, then `run` | {timing(built_cpu, built_wall)} | — |",
        f"| from the checked cases: {name}'s simulation built from the same columns, then `calculate` "
        f"| {timing(of_built_cpu, of_built_wall)} | ×{built_ratio:.1f} for `run` |",
        f"| the steps of `run` that the OpenFisca model covers (2 to 6: eligibility to `settle`) "
        f"| {timing(covered_cpu, covered_wall)} | ×{of_cpu / covered_cpu:.1f} against OpenFisca (information) |",
    ]


def one_convention(sizes: tuple[int, ...], loop_up_to: int, repeat: int) -> list[str]:
    """One convention with many contracts: the time of ``run`` by size, and each tenfold step."""
    rng = random.Random(2025)
    lines = []
    previous: float | None = None
    for size in sizes:
        contracts = feed(size, rng)
        built = time.perf_counter()
        table = ScenarioTable.from_cases([(DIJON_2022, contracts, {"as_of": dt.date(2025, 7, 1)})])
        build = time.perf_counter() - built
        run(table)
        wall, cpu = best(lambda table=table: run(table), repeat)
        memory = peak_memory(lambda table=table: run(table))
        goal = {100_000: 0.1, 1_000_000: 1.5}.get(size)
        notes = []
        if goal is not None:
            notes.append(f"≤ {goal} s: {verdict(cpu <= goal)}")
        if size == 1_000_000:
            notes.append(f"≤ 1 GiB: {verdict(memory <= 2**30)}")
        if previous is not None:
            ratio = cpu / previous
            notes.append(f"×{ratio:.1f} for ×10 (≤ ~11: {verdict(ratio <= 11.5)})")
        previous = cpu
        loop = ""
        if size <= loop_up_to:
            _, loop_cpu = best(lambda contracts=contracts: assess(DIJON_2022, contracts, as_of=dt.date(2025, 7, 1)), 1)
            loop = f"; `assess` {loop_cpu:.3f} s CPU"
        lines.append(
            f"| one convention, {size:,} contracts | {cpu:.4f} s CPU ({wall:.4f} s wall){loop} "
            f"| peak {memory / 2**20:.0f} MiB; table built in {build:.2f} s | {'; '.join(notes) or '—'} |"
        )
    return lines


def _dask_case(key: int) -> tuple[int, object]:
    """A nine-contract case built in the worker from its key (the workers import the library only)."""
    import random as _random

    from propulseur_rules import DIJON_2022 as _convention

    rng = _random.Random(key)
    return key, (_convention, _feed_in_worker(9, rng, f"{key}-"), {"as_of": START + rng.randrange(0, 1200) * DAY})


def _feed_in_worker(count: int, rng: random.Random, tag: str) -> list[Contract]:
    contracts = []
    for number in range(count):
        signed_on = START + rng.randrange(-30, 1130) * DAY
        contracts.append(
            Contract(
                reference=f"C{tag}{number}",
                startup=Startup(
                    name=f"Startup {tag}{number}", head_office=rng.choice(CODES), sector=rng.choice(SECTORS)
                ),
                signed_on=signed_on,
                applied_on=signed_on - rng.randrange(20, 200) * DAY,
                selected_on=signed_on - rng.randrange(0, 20) * DAY,
            )
        )
    return contracts


def dask_workers(scenarios: int) -> list[str]:
    """The sweep on a local Dask cluster of worker processes: one against two.

    Each partition builds its cases in its worker from their keys and sends back
    only the frame of scenarios, as on a real cluster (docs/batch.md).
    """
    import dask.bag
    from distributed import Client, LocalCluster

    from propulseur_rules.batch._dask import assess_bag

    lines = []
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):

            def sweep_on(count: int, partitions: int) -> int:
                bag = dask.bag.from_sequence(range(count), npartitions=partitions).map(_dask_case)
                parts = client.compute(assess_bag(bag, keep=("scenarios",))).result()
                return sum(len(part["scenarios"]) for part in parts)

            sweep_on(200, workers)  # warm the workers: imports, pandas
            started = time.perf_counter()
            done = sweep_on(scenarios, 4 * workers)
            wall = time.perf_counter() - started
        lines.append(
            f"| Dask, {workers} worker process(es), {done:,} nine-contract scenarios built and assessed "
            f"in the workers | {wall:.2f} s wall | {done / wall:,.0f} scenarios/s | two workers faster than one |"
        )
    return lines


def luhn_completed(bases: Any) -> Any:
    """Eight-digit numbers (a numpy array) with their Luhn key appended: valid SIRENs, made without a loop."""
    import numpy as np

    total = np.zeros_like(bases)
    rest = bases.copy()
    for position in range(1, 9):  # the key will be position 0: positions 1, 3, 5, 7 are doubled
        digit = rest % 10
        rest //= 10
        if position % 2:
            digit = digit * 2
            digit = np.where(digit > 9, digit - 9, digit)
        total += digit
    return bases * 10 + (10 - total % 10) % 10


def arrow_tables(scenarios: int, per_scenario: int, seed: int = 2022, first: int = 0) -> tuple[Any, Any]:
    """Scenarios and contracts as Arrow tables made with numpy, never as objects: the data a pipeline holds."""
    import numpy as np
    import pyarrow as pa

    rng = np.random.default_rng(seed)
    count = scenarios * per_scenario
    start = (START - dt.date(1970, 1, 1)).days
    signed = (start + rng.integers(-30, 1130, count)).astype(np.int32)
    numbers = np.arange(first * per_scenario, first * per_scenario + count)
    keys = np.arange(first, first + scenarios)
    days = pa.date32()
    scenario_table = pa.table(
        {
            "scenario": keys,
            "as_of": pa.array((start + rng.integers(0, 1200, scenarios)).astype(np.int32)).cast(days),
            "regional_authorisation_on": pa.array(np.full(scenarios, start + 92, dtype=np.int32)).cast(days),
        }
    )
    contracts = pa.table(
        {
            "scenario": np.repeat(keys, per_scenario),
            "reference": pa.array([f"C{number:08d}" for number in numbers.tolist()]),
            "signed_on": pa.array(signed).cast(days),
            "applied_on": pa.array(signed - rng.integers(20, 200, count).astype(np.int32)).cast(days),
            "selected_on": pa.array(signed - rng.integers(0, 20, count).astype(np.int32)).cast(days),
            "name": pa.array([f"Startup {number}" for number in numbers.tolist()]),
            "head_office": pa.array(np.array(CODES)[rng.integers(0, len(CODES), count)]),
            "sector": pa.array(np.array([sector.value for sector in SECTORS])[rng.integers(0, len(SECTORS), count)]),
            "siren": pa.array([f"{siren:09d}" for siren in luhn_completed(10_000_000 + numbers).tolist()]),
        }
    )
    return scenario_table, contracts


def from_parquet(scenarios: int, per_scenario: int, repeat: int) -> list[str]:
    """Parquet files of scenarios and contracts to results: read, checked column by column, assessed."""
    import tempfile

    import pyarrow.parquet as pq

    scenario_table, contracts = arrow_tables(scenarios, per_scenario)
    count = contracts.num_rows
    with tempfile.TemporaryDirectory() as folder:
        pq.write_table(scenario_table, f"{folder}/scenarios.parquet")
        pq.write_table(contracts, f"{folder}/contracts.parquet")

        def to_results() -> object:
            return run(ScenarioTable.from_parquet(f"{folder}/scenarios.parquet", f"{folder}/contracts.parquet"))

        wall, cpu = best(to_results, repeat)
        arrow_wall, arrow_cpu = best(lambda: ScenarioTable.from_arrow(scenario_table, contracts), repeat)
        results_wall, results_cpu = best(lambda: run(ScenarioTable.from_arrow(scenario_table, contracts)), repeat)
        memory = peak_memory(to_results)
    rate = count / cpu
    return [
        f"| Parquet to results: {scenarios:,} scenarios, {count:,} contracts (`from_parquet`, then `run`) "
        f"| {cpu:.2f} s CPU ({wall:.2f} s wall) | {rate:,.0f} contracts/s; peak {memory / 2**20:.0f} MiB "
        f"| ≥ 1 000 000/s: {verdict(rate >= 1_000_000)} |",
        f"| the same Arrow tables checked into a table (`from_arrow`) | {arrow_cpu:.2f} s CPU "
        f"({arrow_wall:.2f} s wall) | {count / arrow_cpu:,.0f} contracts/s | — |",
        f"| the same Arrow tables to results (`from_arrow`, then `run`) | {results_cpu:.2f} s CPU "
        f"({results_wall:.2f} s wall) | {count / results_cpu:,.0f} contracts/s "
        f"| ≥ 1 000 000/s: {verdict(count / results_cpu >= 1_000_000)} |",
    ]


def dask_dataframes(scenarios: int, per_scenario: int, partitions: int) -> list[str]:
    """Parquet folders partitioned on the scenario key, assessed with Dask dataframes: one process, then two
    worker processes of a local cluster, each reading its own partitions and writing its results as Parquet."""
    import tempfile

    import dask.dataframe as dd
    import pandas
    import pyarrow.parquet as pq
    from distributed import Client, LocalCluster

    from propulseur_rules.batch import assess_dataframes
    from propulseur_rules.batch._result import _scenarios_frame

    lines = []
    with tempfile.TemporaryDirectory() as folder:
        size = -(-scenarios // partitions)
        for part in range(partitions):
            first = part * size
            scenario_table, contracts = arrow_tables(min(size, scenarios - first), per_scenario, part, first)
            for name, table in (("scenarios", scenario_table), ("contracts", contracts)):
                Path(folder, name).mkdir(exist_ok=True)
                pq.write_table(table, f"{folder}/{name}/part.{part:04d}.parquet")
        started = time.perf_counter()
        table = ScenarioTable.from_parquet(f"{folder}/scenarios", f"{folder}/contracts")
        one = _scenarios_frame(pandas, run(table))
        one_wall = time.perf_counter() - started
        lines.append(
            f"| {len(one):,} scenarios of {per_scenario} contracts from Parquet, one process "
            f"(`from_parquet`, `run`, the scenarios frame) | {one_wall:.2f} s wall "
            f"| {len(one) / one_wall:,.0f} scenarios/s | — |"
        )
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
            ) as cluster,
            Client(cluster),
        ):
            started = time.perf_counter()
            result = assess_dataframes(dd.read_parquet(f"{folder}/scenarios"), dd.read_parquet(f"{folder}/contracts"))
            result.to_parquet(f"{folder}/results")
            wall = time.perf_counter() - started
        written = len(pq.read_table(f"{folder}/results"))
        lines.append(
            f"| the same on a local cluster of two worker processes, {partitions} partitions read, assessed and "
            f"written back as Parquet in the workers (`assess_dataframes`) | {wall:.2f} s wall "
            f"| {written:,} scenarios, {written / wall:,.0f}/s | ×{one_wall / wall:.2f} against one process |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="a small run that only shows the benchmarks still run")
    parser.add_argument("--dask", action="store_true", help="also one against two Dask worker processes")
    arguments = parser.parse_args(argv)
    print("| what | time | rate or size | goal |")
    print("|---|---|---|---|")
    if arguments.quick:
        lines = sweep(2_000, 200, 2) + versus_openfisca(500, 2)
        lines += one_convention((1_000, 10_000), 10_000, 2) + from_parquet(2_000, 6, 2)
    else:
        lines = sweep(500_000, 5_000, 5) + versus_openfisca(10_000, 5)
        lines += one_convention((1_000, 10_000, 100_000, 1_000_000), 100_000, 5)
        lines += from_parquet(166_667, 6, 3)
    if arguments.dask:
        lines += dask_workers(2_000 if arguments.quick else 50_000)
        lines += dask_dataframes(*((2_000, 3, 4) if arguments.quick else (1_000_000, 3, 20)))
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__: list[Any] = []
