"""``assess_many``: many assessments at once, in order, on several cores when it pays.

A sweep of what-if scenarios is many independent calls of :func:`assess`. This
module runs them in the calling process, or spreads them over a pool of worker
processes when the batch is large enough for the pool to pay for its start and
for the copying of the results back. Either way each result is exactly what
:func:`assess` returns for that case.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from ._engine import assess
from ._errors import InvalidInput, shown, shown_integer
from ._outcome import Assessment

__all__ = ["Case", "assess_many"]

#: A case: ``(convention, contracts, keyword_arguments)``, or one mapping with the
#: keys ``convention``, ``contracts`` and the keyword arguments of :func:`assess`.
Case: TypeAlias = Sequence[Any] | Mapping[str, Any]

_KEYWORDS = ("as_of", "regional_authorisation_on", "payments")
_MAPPING_KEYS = ("convention", "contracts", *_KEYWORDS)

#: Below this many cases a pool of processes costs more than it saves: starting
#: it and copying the assessments back take longer than assessing in place.
POOL_MIN_CASES = 4000
#: Each worker gets a few slices, so that a slow slice does not leave the others idle.
_SLICES_PER_WORKER = 4

# The cases, in a worker process; set once when the worker starts (see _install).
_worker_cases: Sequence[tuple[Any, Any, dict[str, Any]]] = ()


def assess_many(cases: Iterable[Case], *, workers: int | None = None) -> list[Assessment]:
    """Assess each case; the assessments come back in the order of the cases.

    A case is a tuple ``(convention, contracts, keyword_arguments)`` where
    ``keyword_arguments`` maps ``as_of`` (required), ``regional_authorisation_on``
    and ``payments`` to their values, or a single mapping with the keys
    ``convention``, ``contracts`` (optional) and those keyword arguments, such as
    the inputs of the built-in example. Each result equals
    ``assess(convention, contracts, **keyword_arguments)``.

    ``workers`` is the most processes to use: ``None`` for the number of CPUs
    available, ``1`` to stay in the calling process. A pool of processes is
    started only when there are at least :data:`POOL_MIN_CASES` cases.

    Every case is checked for its shape before any is assessed. A bad case
    raises :class:`InvalidInput` naming it, such as ``cases[3].as_of`` or
    ``cases[3].contracts[0].reference``; when several are bad, the first one is
    named.

    >>> from propulseur_rules._example import example_assessment_inputs
    >>> inputs = example_assessment_inputs()
    >>> [assessment.payable for assessment in assess_many([inputs, inputs])]
    [Decimal('55000.00'), Decimal('55000.00')]
    >>> assess_many([(inputs["convention"], [], {})])
    Traceback (most recent call last):
    ...
    propulseur_rules._errors.InvalidInput: cases[0].as_of: is required
    """
    count = _worker_count(workers)
    checked = _checked_cases(cases)
    if count > 1 and len(checked) >= POOL_MIN_CASES:
        return _assess_in_pool(checked, count)
    return [_assess_case(index, case) for index, case in enumerate(checked)]


def _worker_count(workers: object) -> int:
    if workers is None:
        return _available_cpus()
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise InvalidInput("workers", f"expected a whole number of processes or None, not {type(workers).__name__}")
    if workers < 1:
        raise InvalidInput(
            "workers", f"{shown_integer(workers)} is not a number of processes; use 1 to stay in this process"
        )
    return workers


def _available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - platforms without sched_getaffinity
        return os.cpu_count() or 1


def _checked_cases(cases: object) -> list[tuple[Any, Any, dict[str, Any]]]:
    if isinstance(cases, (str, bytes)) or not isinstance(cases, Iterable):
        raise InvalidInput("cases", f"expected a collection of cases, not {type(cases).__name__}")
    return [_checked_case(f"cases[{index}]", case) for index, case in enumerate(cases)]


def _checked_case(path: str, case: object) -> tuple[Any, Any, dict[str, Any]]:
    """A case as ``(convention, contracts, keyword arguments)``, its collections made tuples."""
    if isinstance(case, Mapping):
        for key in case:
            if key not in _MAPPING_KEYS:
                raise InvalidInput(path, f"{shown(key)} is not a key of a case; expected {', '.join(_MAPPING_KEYS)}")
        if "convention" not in case:
            raise InvalidInput(f"{path}.convention", "is required")
        convention, contracts = case["convention"], case.get("contracts", ())
        arguments = {key: case[key] for key in _KEYWORDS if key in case}
    elif isinstance(case, (tuple, list)):
        if len(case) != 3:
            raise InvalidInput(path, f"expected (convention, contracts, keyword arguments), not {len(case)} items")
        convention, contracts, keywords = case
        if not isinstance(keywords, Mapping):
            raise InvalidInput(f"{path}[2]", f"expected a mapping of keyword arguments, not {type(keywords).__name__}")
        for key in keywords:
            if key not in _KEYWORDS:
                raise InvalidInput(
                    path, f"{shown(key)} is not a keyword argument of assess; expected {', '.join(_KEYWORDS)}"
                )
        arguments = dict(keywords)
    else:
        raise InvalidInput(
            path, f"expected a tuple (convention, contracts, keyword arguments) or a mapping, not {type(case).__name__}"
        )
    if "as_of" not in arguments:
        raise InvalidInput(f"{path}.as_of", "is required")
    contracts = _materialised(contracts)
    if "payments" in arguments:
        arguments["payments"] = _materialised(arguments["payments"])
    return convention, contracts, arguments


def _materialised(values: object) -> object:
    """A one-shot iterable (a generator) as a tuple; anything else as it is, for assess to check."""
    if isinstance(values, (str, bytes, tuple, list)) or not isinstance(values, Iterable):
        return values
    return tuple(values)


def _assess_case(index: int, case: tuple[Any, Any, dict[str, Any]]) -> Assessment:
    convention, contracts, arguments = case
    try:
        return assess(convention, contracts, **arguments)
    except InvalidInput as error:
        raise error.within(f"cases[{index}]") from None


# --- the pool ----------------------------------------------------------------------


def _assess_in_pool(cases: list[tuple[Any, Any, dict[str, Any]]], workers: int) -> list[Assessment]:
    # The cases reach the workers once, as the argument of their initializer: a
    # forked worker inherits them without any copy, a spawned one unpickles them
    # once. Each task is then only a slice of indices.
    import concurrent.futures  # here, not at the top: it takes a few milliseconds to import

    slices = min(len(cases), workers * _SLICES_PER_WORKER)
    bounds = [len(cases) * part // slices for part in range(slices + 1)]
    results: list[Assessment] = []
    with concurrent.futures.ProcessPoolExecutor(workers, initializer=_install, initargs=(cases,)) as pool:
        futures = [pool.submit(_assess_slice, start, stop) for start, stop in itertools.pairwise(bounds)]
        try:
            for future in futures:
                results.extend(future.result())
        finally:
            for future in futures:
                future.cancel()
    return results


def _install(cases: Sequence[tuple[Any, Any, dict[str, Any]]]) -> None:
    global _worker_cases
    _worker_cases = cases


def _assess_slice(start: int, stop: int) -> list[Assessment]:
    cases = _worker_cases
    return [_assess_case(index, cases[index]) for index in range(start, stop)]
