"""assess from many threads at once, and in other processes from pickled inputs: the same answers.

A service calls ``assess`` from a pool of threads, a sweep sends its cases to worker
processes. The engine keeps work per convention (its programme years and terms) on the
convention itself, so threads that meet a fresh convention at the same moment race to
fill that cache: whatever the interleaving, each must get what one call alone gets. A
thread with its own decimal context, set low, must not see other figures either.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import decimal
import pickle
import threading
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from propulseur_rules import Assessment, assess
from strategies import BINDING_CAP, CORNERS, FULL_DIJON, MISSED_ALL_OR_NOTHING, Case, cases

#: Threads and worker processes.
pytestmark = pytest.mark.slow

THREADS = 8


def fresh(scenario: Case) -> Case:
    """The same scenario with a convention object that nothing has assessed yet (its caches empty)."""
    convention = pickle.loads(pickle.dumps(scenario.convention))
    assert convention == scenario.convention
    return Case(
        convention=convention,
        contracts=scenario.contracts,
        payments=scenario.payments,
        as_of=scenario.as_of,
        regional_authorisation_on=scenario.regional_authorisation_on,
    )


def call(scenario: Case) -> Assessment:
    return assess(
        scenario.convention,
        scenario.contracts,
        as_of=scenario.as_of,
        regional_authorisation_on=scenario.regional_authorisation_on,
        payments=scenario.payments,
    )


@pytest.fixture(scope="module")
def threads() -> Iterator[concurrent.futures.ThreadPoolExecutor]:
    with concurrent.futures.ThreadPoolExecutor(THREADS) as pool:
        yield pool


@pytest.fixture(scope="module")
def processes() -> Iterator[concurrent.futures.ProcessPoolExecutor]:
    with concurrent.futures.ProcessPoolExecutor(2) as pool:
        yield pool


@settings(max_examples=min(settings.default.max_examples, 300))  # eight threads each: enough overlap
@given(group=st.lists(cases(), min_size=1, max_size=4))
@example(group=list(CORNERS))
def test_assess_from_many_threads_at_once_gives_what_sequential_calls_give(
    threads: concurrent.futures.ThreadPoolExecutor, group: list[Case]
) -> None:
    expected = [call(scenario) for scenario in group]
    # Every thread gets every scenario, each with a convention no one has assessed yet and
    # shared by all the threads, released together by a barrier so that they really overlap.
    shared = [fresh(scenario) for scenario in group]
    start = threading.Barrier(THREADS)

    def work(offset: int) -> list[Assessment]:
        start.wait(timeout=30)
        order = shared[offset % len(shared) :] + shared[: offset % len(shared)]
        results = {id(scenario): call(scenario) for scenario in order}
        return [results[id(scenario)] for scenario in shared]

    for results in threads.map(work, range(THREADS)):
        assert results == expected


def test_a_thread_with_a_low_decimal_precision_gets_the_same_figures(
    threads: concurrent.futures.ThreadPoolExecutor,
) -> None:
    # A decimal context is per thread: a worker that lowered its own to 4 digits and trapped
    # inexact results must still get 195 000.00, not 1.950E+5, nor an exception.
    def low_precision(scenario: Case) -> Assessment:
        with decimal.localcontext(prec=4) as context:
            context.traps[decimal.Inexact] = True
            return call(scenario)

    for scenario in (FULL_DIJON, BINDING_CAP, MISSED_ALL_OR_NOTHING):
        result = threads.submit(low_precision, fresh(scenario)).result()
        assert result == call(scenario)
        assert str(result.accrued) == str(call(scenario).accrued)


@settings(max_examples=max(10, settings.default.max_examples // 10))  # a round trip to a process each
@given(group=st.lists(cases(), min_size=1, max_size=4))
@example(group=list(CORNERS))
def test_assess_in_other_processes_from_pickled_inputs_gives_what_it_gives_here(
    processes: concurrent.futures.ProcessPoolExecutor, group: list[Case]
) -> None:
    futures = [
        processes.submit(
            assess,
            scenario.convention,
            scenario.contracts,
            as_of=scenario.as_of,
            regional_authorisation_on=scenario.regional_authorisation_on,
            payments=scenario.payments,
        )
        for scenario in group
    ]

    for scenario, future in zip(group, futures, strict=True):
        remote = future.result(timeout=60)
        assert remote == call(scenario)
        assert remote.to_dict() == call(scenario).to_dict()


def test_an_assessment_pickled_back_from_a_process_keeps_its_reports(
    processes: concurrent.futures.ProcessPoolExecutor,
) -> None:
    local = call(FULL_DIJON)

    remote = processes.submit(
        assess,
        FULL_DIJON.convention,
        FULL_DIJON.contracts,
        as_of=FULL_DIJON.as_of,
        regional_authorisation_on=FULL_DIJON.regional_authorisation_on,
    ).result(timeout=60)

    assert remote.explain("fr") == local.explain("fr")
    assert remote.by_budget_year() == local.by_budget_year()
    assert remote.as_of == dt.date(2025, 7, 1)
