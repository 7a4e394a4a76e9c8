"""Benchmarks of propulseur_rules: how fast ``assess`` is, alone and in a sweep.

Run ``python benchmarks/run.py`` for the full table (a minute or two), or
``python benchmarks/run.py --quick`` for a tiny version that only shows the
benchmarks still run. Each figure is the median of repeated runs, measured with
``time.perf_counter`` and the garbage collector on, as a service would run.
On a machine that other work keeps busy, ``--clock cpu`` measures the CPU time
of this process instead (``time.process_time``), which the other work disturbs
far less. Benchmarks never fail: a missed
target is printed, not raised.

The targets are those of the issue on speed; the figures and what was tried
to reach them are kept in ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

import propulseur_rules
from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Contract,
    ContractAssessment,
    Convention,
    Deadline,
    Document,
    Payment,
    Sector,
    Startup,
    TargetPolicy,
    UnmetCondition,
    YearAssessment,
    assess,
)
from propulseur_rules.example import EXAMPLE_CONVENTION, example_assessment_inputs

try:
    from propulseur_rules import assess_many
except ImportError:  # a commit from before the batch entry point
    assess_many = None  # type: ignore[assignment]

Case = tuple[Convention, list[Contract], dict[str, Any]]

#: The clock every duration is read on; ``--clock cpu`` makes it the CPU time of this process.
clock: Callable[[], float] = time.perf_counter


@dataclass(frozen=True)
class Settings:
    repeat: int
    min_time: float
    sizes: tuple[int, ...]
    sweep: int
    imports: int
    memory_contracts: int


FULL = Settings(
    repeat=7, min_time=0.2, sizes=(10, 100, 1_000, 10_000, 100_000), sweep=10_000, imports=15, memory_contracts=100_000
)
QUICK = Settings(repeat=3, min_time=0.01, sizes=(10, 100, 1_000), sweep=300, imports=3, memory_contracts=1_000)


@dataclass(frozen=True)
class Row:
    name: str
    value: str
    note: str = ""


# --- timing -------------------------------------------------------------------------


def per_call(func: Callable[[], object], settings: Settings) -> float:
    """The median time of one call of ``func``, in seconds, over ``settings.repeat`` samples.

    Each sample calls ``func`` enough times to last at least ``settings.min_time``.
    """
    func()  # warm up: imports, caches, first allocations
    number = 1
    while True:
        start = clock()
        for _ in range(number):
            func()
        elapsed = clock() - start
        if elapsed >= settings.min_time or number >= 1 << 20:
            break
        number *= 2 if elapsed <= 0 else max(2, min(10, int(settings.min_time / elapsed) + 1))
    samples = []
    for _ in range(settings.repeat):
        start = clock()
        for _ in range(number):
            func()
        samples.append((clock() - start) / number)
    return statistics.median(samples)


def duration(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("µs", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:,.1f} {unit}" if unit != "s" else f"{seconds:,.3f} s"
    return f"{seconds / 1e-9:,.0f} ns"


def target(met: bool, text: str) -> str:
    return f"target {text}: {'met' if met else 'NOT met'}"


# --- the built-in example, built and from plain data ----------------------------------


def plain_example() -> dict[str, Any]:
    """The built-in example as a service receives it: dicts of strings."""
    inputs = example_assessment_inputs()

    def day(value: dt.date | None) -> str:
        return "" if value is None else value.isoformat()

    contracts: Sequence[Contract] = inputs["contracts"]  # type: ignore[assignment]
    payments: Sequence[Payment] = inputs["payments"]  # type: ignore[assignment]
    documents: Sequence[Document] = inputs["documents"]  # type: ignore[assignment]
    return {
        "as_of": day(inputs["as_of"]),  # type: ignore[arg-type]
        "regional_authorisation_on": day(inputs["regional_authorisation_on"]),  # type: ignore[arg-type]
        "financing_signed_on": day(inputs["financing_signed_on"]),  # type: ignore[arg-type]
        "documents": [
            {"kind": document.kind.value, "received_on": day(document.received_on), "covers": str(document.covers)}
            for document in documents
        ],
        "contracts": [
            {
                "reference": contract.reference,
                "startup": {
                    "name": contract.startup.name,
                    "head_office": contract.startup.head_office,
                    "sector": contract.startup.sector.value,
                    "siren": contract.startup.siren or "",
                },
                "signed_on": day(contract.signed_on),
                "applied_on": day(contract.applied_on),
                "selected_on": day(contract.selected_on),
            }
            for contract in contracts
        ],
        "payments": [
            {"reference": payment.reference, "paid_on": day(payment.paid_on), "amount": str(payment.amount)}
            for payment in payments
        ],
    }


def assess_plain(data: dict[str, Any]) -> propulseur_rules.Assessment:
    """Build the value objects from strings, then assess."""
    contracts = [
        Contract(
            reference=item["reference"],
            startup=Startup(**item["startup"]),
            signed_on=item["signed_on"],
            applied_on=item["applied_on"],
            selected_on=item["selected_on"],
        )
        for item in data["contracts"]
    ]
    payments = [Payment(**item) for item in data["payments"]]
    documents = [Document(**item) for item in data["documents"]]
    return assess(
        EXAMPLE_CONVENTION,
        contracts,
        as_of=data["as_of"],
        regional_authorisation_on=data["regional_authorisation_on"],
        payments=payments,
        financing_signed_on=data["financing_signed_on"],
        documents=documents,
    )


def result_builder(assessment: propulseur_rules.Assessment) -> Callable[[], object]:
    """A function that builds the frozen objects of ``assessment`` again from their fields, worked out
    beforehand: what the result itself costs, whatever the rules that decide it."""

    def fields_of(value: Any) -> dict[str, Any]:
        return {field.name: getattr(value, field.name) for field in attrs.fields(type(value))}

    unmet = [fields_of(item) for item in assessment.unmet]
    contracts = [(fields_of(result), [fields_of(item) for item in result.unmet]) for result in assessment.contracts]
    years = [fields_of(year) for year in assessment.years]
    deadlines = [fields_of(deadline) for deadline in assessment.deadlines]
    top = fields_of(assessment)
    kinds = (type(assessment), YearAssessment, ContractAssessment, UnmetCondition, Deadline)
    whole, year_kind, contract_kind, unmet_kind, deadline_kind = kinds

    def build() -> object:
        return whole(
            **{
                **top,
                "years": tuple([year_kind(**year) for year in years]),
                "contracts": tuple(
                    [
                        contract_kind(**{**result, "unmet": tuple([unmet_kind(**item) for item in items])})
                        for result, items in contracts
                    ]
                ),
                "unmet": tuple([unmet_kind(**item) for item in unmet]),
                "deadlines": tuple([deadline_kind(**deadline) for deadline in deadlines]),
            }
        )

    return build


def bench_example(settings: Settings) -> list[Row]:
    inputs = example_assessment_inputs()
    built = per_call(lambda: assess(**inputs), settings)  # type: ignore[call-overload]
    deliberation = {**inputs, "convention": DIJON_2022, "financing_signed_on": None, "documents": ()}
    alone = per_call(lambda: assess(**deliberation), settings)  # type: ignore[call-overload]
    floor = result_builder(assess(**deliberation))  # type: ignore[call-overload]
    assert floor() == assess(**deliberation)  # type: ignore[call-overload]
    result_alone = per_call(floor, settings)
    data = plain_example()
    assert assess_plain(data) == assess(**inputs)  # type: ignore[call-overload]
    plain = per_call(lambda: assess_plain(data), settings)
    served = per_call(lambda: assess_plain(data).to_dict(), settings)
    return [
        Row("Dijon example: assess, built objects", duration(built), target(built < 20e-6, "< 20 µs")),
        Row("Dijon example, the deliberation alone (no financing terms)", duration(alone), "for information"),
        Row("  its result alone: the frozen objects built from their fields", duration(result_alone), "information"),
        Row("Dijon example: from plain data", duration(plain), target(plain < 40e-6, "< 40 µs")),
        Row("Dijon example: from plain data, then to_dict()", duration(served), "for information"),
    ]


# --- random feeds -------------------------------------------------------------------


def siren(rng: random.Random) -> str:
    """A random SIREN with a valid Luhn key."""
    body = [rng.randrange(10) for _ in range(8)]
    total = 0
    for position, digit in enumerate(reversed(body), start=1):  # the key will be position 0
        doubled = digit * 2 if position % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return "".join(map(str, body)) + str(-total % 10)


_TERRITORY = sorted(DIJON_2022.territory)
_OUTSIDE = ("21054", "75056", "69123", "2A004")
_SECTORS = (Sector.INDUSTRY, Sector.HEALTH, Sector.INDUSTRY, Sector.HEALTH, Sector.OTHER)


def random_startup(rng: random.Random, number: int) -> Startup:
    return Startup(
        name=f"Startup {number}" if rng.random() < 0.8 else f"  STARTUP   {number} ",
        head_office=rng.choice(_TERRITORY) if rng.random() < 0.9 else rng.choice(_OUTSIDE),
        sector=rng.choice(_SECTORS),
        siren=siren(rng) if rng.random() < 0.6 else None,
    )


def random_contract(rng: random.Random, reference: str, startup: Startup, first: dt.date, days: int) -> Contract:
    signed_on = first + dt.timedelta(days=rng.randrange(-30, days + 30))
    selected = signed_on - dt.timedelta(days=rng.randrange(-5, 60))  # sometimes after signature
    applied_on: dt.date | None = selected - dt.timedelta(days=rng.randrange(-3, 90))
    selected_on: dt.date | None = selected
    if rng.random() < 0.05:
        applied_on = None
    if rng.random() < 0.05:
        selected_on = None
    return Contract(
        reference=reference, startup=startup, signed_on=signed_on, applied_on=applied_on, selected_on=selected_on
    )


def many_contracts(count: int, seed: int = 2022) -> list[Contract]:
    """``count`` contracts for DIJON_2022; about one in twenty is a startup's second contract."""
    rng = random.Random(seed)
    first, days = DIJON_2022.period.start, DIJON_2022.period.days
    startups: list[Startup] = []
    contracts = []
    for number in range(count):
        if startups and rng.random() < 0.05:
            startup = rng.choice(startups)
        else:
            startup = random_startup(rng, number)
            startups.append(startup)
        contracts.append(random_contract(rng, f"C-{number:06d}", startup, first, days))
    return contracts


def random_convention(rng: random.Random) -> Convention:
    return DIJON_2022.replace(
        total_cap=rng.choice(("195000", "150000", "240000")),
        grant_per_contract=rng.choice(("15000", "10000", "20000")),
        max_funded_contracts_per_year=rng.choice((2, 3, 4)),
        required_contracts=rng.choice((6, 9, 12)),
        target_policy=rng.choice(tuple(TargetPolicy)),
        accrual=rng.choice(tuple(Accrual)),
    )


def sweep_cases(count: int, seed: int = 2025) -> list[Case]:
    """``count`` scenarios, each with its own convention (a variant of DIJON_2022) and 9 contracts.

    Some contracts are ineligible, some are a second contract of the same
    startup (the same SIREN, or the same name written otherwise), some are
    signed after the date of the assessment; payments, dates and the regional
    authorisation are drawn at random.
    """
    rng = random.Random(seed)
    cases: list[Case] = []
    for _ in range(count):
        convention = random_convention(rng)
        first, days = convention.period.start, convention.period.days
        startups: list[Startup] = []
        contracts = []
        for number in range(9):
            if startups and rng.random() < 0.15:
                startup = rng.choice(startups)
                if startup.siren is None or rng.random() < 0.5:
                    startup = Startup(name=startup.name.upper(), head_office=startup.head_office, sector=startup.sector)
            else:
                startup = random_startup(rng, number)
                startups.append(startup)
            contracts.append(random_contract(rng, f"C-{number}", startup, first, days))
        payments = [
            Payment(
                reference=f"P-{number}",
                paid_on=first + dt.timedelta(days=rng.randrange(days)),
                amount=Decimal(rng.randrange(1, 8_000_000)) / 100,
            )
            for number in range(rng.randrange(4))
        ]
        as_of = first + dt.timedelta(days=rng.randrange(-60, days + 200))
        authorised_on = None if rng.random() < 0.2 else first + dt.timedelta(days=rng.randrange(days))
        cases.append(
            (convention, contracts, {"as_of": as_of, "regional_authorisation_on": authorised_on, "payments": payments})
        )
    return cases


# --- the benchmarks -----------------------------------------------------------------


def bench_scaling(settings: Settings) -> list[Row]:
    as_of = DIJON_2022.period.end + dt.timedelta(days=1)
    authorised_on = DIJON_2022.period.start
    rows = []
    previous = None
    feed: list[Contract] = []
    for size in settings.sizes:
        # Each size is measured with only its own feed alive: the garbage collector's
        # passes grow with the heap, and a larger feed kept around would slow the smaller.
        del feed
        gc.collect()
        feed = many_contracts(size)
        seconds = per_call(
            functools.partial(assess, DIJON_2022, feed, as_of=as_of, regional_authorisation_on=authorised_on),
            Settings(**{**settings.__dict__, "repeat": settings.repeat if size < 100_000 else 5}),
        )
        notes = []
        if previous is not None:
            ratio = seconds / previous
            notes.append(f"×{ratio:.1f} the previous size ({'ok' if ratio <= 12 else 'more than ~12'})")
        if size == 100_000:
            notes.append(target(seconds < 0.5, "< 0.5 s"))
        rows.append(Row(f"one convention, {size:,} contracts", duration(seconds), "; ".join(notes)))
        previous = seconds
    gc.disable()
    try:
        paused = per_call(
            lambda: assess(DIJON_2022, feed, as_of=as_of, regional_authorisation_on=authorised_on),
            Settings(**{**settings.__dict__, "repeat": min(settings.repeat, 5)}),
        )
    finally:
        gc.enable()
    rows.append(
        Row(f"one convention, {len(feed):,} contracts, gc paused", duration(paused), "gc.disable() by the caller")
    )
    return rows


def bench_sweep(settings: Settings) -> list[Row]:
    count = settings.sweep
    runs = max(3, settings.repeat // 2)
    check = sweep_cases(min(count, 300), seed=7)
    expected = [assess(convention, contracts, **keywords) for convention, contracts, keywords in check]
    if assess_many is not None:
        assert assess_many(check) == expected

    def rate(run: Callable[[list[Case]], object], timer: Callable[[], float] | None = None) -> float:
        timer = timer or clock
        samples = []
        for _ in range(runs):
            # Fresh objects for every run: each convention works its terms out, as in a real sweep.
            cases = sweep_cases(count)
            gc.collect()
            start = timer()
            run(cases)
            samples.append(timer() - start)
            del cases
        return count / statistics.median(samples)

    def dropped(cases: list[Case]) -> None:
        for convention, contracts, keywords in cases:
            assess(convention, contracts, **keywords)

    def kept(cases: list[Case]) -> list[propulseur_rules.Assessment]:
        return [assess(convention, contracts, **keywords) for convention, contracts, keywords in cases]

    def per_second(value: float) -> str:
        return f"{value:,.0f} /s"

    label = f"sweep of {count:,} scenarios × 9 contracts"
    rows = [
        Row(f"{label}: assess in a loop", per_second(rate(dropped)), "results dropped"),
        Row(f"{label}: assess in a loop, results kept", per_second(rate(kept)), "in a list"),
    ]
    if assess_many is None:
        return [*rows, Row(f"{label}: assess_many()", "—", "no assess_many in this version")]
    default = rate(lambda cases: assess_many(cases))
    rows.append(Row(f"{label}: assess_many()", per_second(default), target(default >= 100_000, ">= 100 000 /s")))
    return rows


def bench_import(settings: Settings) -> list[Row]:
    """The import in a fresh interpreter, its bytecode cached as an installed package has it.

    pip writes the bytecode when it installs; a shell with ``PYTHONDONTWRITEBYTECODE``
    set would otherwise time the compiler at every start instead of the import. A
    first import writes the cache and is not counted.
    """
    timer = "process_time" if clock is time.process_time else "perf_counter"
    code = f"import time; s = time.{timer}(); import propulseur_rules; print(time.{timer}() - s)"
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, env=environment)
    samples = []
    for _ in range(settings.imports):
        output = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=environment
        ).stdout
        samples.append(float(output))
    seconds = statistics.median(samples)
    return [
        Row(
            "import propulseur_rules (fresh interpreter)",
            duration(seconds),
            f"median of {len(samples)}; " + target(seconds < 0.060, "< 60 ms"),
        )
    ]


def bench_memory(settings: Settings) -> list[Row]:
    count = settings.memory_contracts
    gc.collect()
    tracemalloc.start()
    contracts = many_contracts(count)
    inputs, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    as_of, authorised_on = DIJON_2022.period.end, dt.date(2023, 1, 1)
    assessment = assess(DIJON_2022, contracts, as_of=as_of, regional_authorisation_on=authorised_on)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del assessment
    mib = 1024 * 1024
    return [
        Row(f"memory: {count:,} contracts built", f"{inputs / mib:,.1f} MiB", "traced by tracemalloc"),
        Row(
            f"memory: assess of {count:,} contracts, peak",
            f"{(peak - inputs) / mib:,.1f} MiB",
            f"above the inputs; the assessment keeps {(kept - inputs) / mib:,.1f} MiB",
        ),
    ]


#: The benchmarks by name, in the order a full run gives them.
BENCHMARKS: dict[str, Callable[[Settings], list[Row]]] = {
    "example": bench_example,
    "scaling": bench_scaling,
    "sweep": bench_sweep,
    "import": bench_import,
    "memory": bench_memory,
}


# --- the report ---------------------------------------------------------------------


def _load_average() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except (AttributeError, OSError):  # pragma: no cover - platforms without a load average
        return "unknown"


def commit() -> str:
    here = Path(__file__).resolve().parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=here, check=True, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=here,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" (with uncommitted changes)" if dirty else "")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tiny version in a few seconds, to check it still runs")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="time on the wall clock (the default) or in CPU time of this process, for a busy machine",
    )
    parser.add_argument(
        "--only",
        type=lambda text: text.split(","),
        default=list(BENCHMARKS),
        metavar="NAME[,NAME…]",
        help=f"run only these benchmarks, among {', '.join(BENCHMARKS)}",
    )
    arguments = parser.parse_args(argv)
    unknown = sorted(set(arguments.only) - set(BENCHMARKS))
    if unknown:
        parser.error(f"no benchmark named {', '.join(unknown)}")
    settings = QUICK if arguments.quick else FULL
    global clock
    clock = time.process_time if arguments.clock == "cpu" else time.perf_counter

    python = f"Python {platform.python_version()} ({platform.python_implementation()})"
    print(f"propulseur_rules {propulseur_rules.__version__}, commit {commit()}")
    print(f"{python} on {platform.machine()}, {os.cpu_count()} CPUs")
    run = "quick run: figures are indicative only" if arguments.quick else "full run"
    print(f"{run}; medians of repeated runs, {arguments.clock} clock; load average {_load_average()}")
    print()

    rows: list[Row] = []
    for name in arguments.only:
        rows.extend(BENCHMARKS[name](settings))
    name_width = max(len(row.name) for row in rows)
    value_width = max(len(row.value) for row in rows)
    print(f"{'benchmark':<{name_width}}  {'median':>{value_width}}  notes")
    print(f"{'-' * name_width}  {'-' * value_width}  -----")
    for row in rows:
        print(f"{row.name:<{name_width}}  {row.value:>{value_width}}  {row.note}".rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
