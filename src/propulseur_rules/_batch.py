"""``assess_many``: many assessments at once, in order.

A sweep of what-if scenarios is many independent calls of :func:`assess`. This
module runs them in the calling process, with the cyclic garbage collector
paused, or, when asked, over a pool of worker processes. Either way each result
is exactly what :func:`assess` returns for that case.

A pool pays only when assessing a case costs more than copying its assessment
back to the calling process. For the rules of this library it does not: on the
machine the benchmarks ran on, pickling an assessment in a worker and
unpickling it in the parent took longer than assessing it in place (see
``benchmarks/RESULTS.md``), so the default stays in the calling process.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
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

#: A pool of processes asked for with ``workers`` starts only for this many cases
#: or more: below it, starting the pool alone costs more than the whole batch.
POOL_MIN_CASES = 4000


def assess_many(cases: Iterable[Case], *, workers: int | None = None) -> list[Assessment]:
    """Assess each case; the assessments come back in the order of the cases.

    A case is a tuple ``(convention, contracts, keyword_arguments)`` where
    ``keyword_arguments`` maps ``as_of`` (required), ``regional_authorisation_on``
    and ``payments`` to their values, or a single mapping with the keys
    ``convention``, ``contracts`` (optional) and those keyword arguments, such as
    the inputs of the built-in example. Each result equals
    ``assess(convention, contracts, **keyword_arguments)``.

    ``workers`` is the most processes to use. ``None`` (the default) lets the
    library choose, and it chooses the calling process: copying assessments
    back from other processes costs more than making them here. ``workers=n``
    with ``n > 1`` starts a pool of ``n`` processes for a batch of at least
    :data:`POOL_MIN_CASES` cases, for machines where that pays.

    The cyclic garbage collector is paused while the batch runs: it would walk
    every assessment kept so far again and again, which took more than half
    the time of a sweep. Assessments hold no reference cycle, so nothing stays
    alive longer for it.

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
    with _cycle_collection_paused():
        if count > 1 and len(checked) >= POOL_MIN_CASES:
            return _assess_in_pool(checked, count)
        return [_assess_case(index, case) for index, case in enumerate(checked)]


@contextlib.contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch runs, as Mercurial's ``nogc`` does.

    A batch keeps every assessment it makes, and each one is a few dozen objects
    the collector would walk again and again with the rest of the heap: that was
    more than half the time of a sweep of 10 000 scenarios. Assessments hold no
    reference cycle, so pausing keeps nothing alive longer; reference counting
    still frees everything as usual. The collector is switched back on afterwards
    only if it was on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _worker_count(workers: object) -> int:
    if workers is None:
        return 1
    if isinstance(workers, bool) or not isinstance(workers, int):
        raise InvalidInput("workers", f"expected a whole number of processes or None, not {type(workers).__name__}")
    if workers < 1:
        raise InvalidInput(
            "workers", f"{shown_integer(workers)} is not a number of processes; use 1 to stay in this process"
        )
    return workers


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
    contracts = materialised(contracts)
    if "payments" in arguments:
        arguments["payments"] = materialised(arguments["payments"])
    return convention, contracts, arguments


def materialised(values: Any) -> Any:
    """A one-shot iterable (a generator) as a tuple, so that it can be read many times;
    a tuple, a list or anything that is not a collection as it is, for assess to check."""
    if isinstance(values, (str, bytes, tuple, list)) or not isinstance(values, Iterable):
        return values
    return tuple(values)


def _assess_case(index: int, case: tuple[Any, Any, dict[str, Any]]) -> Assessment:
    convention, contracts, arguments = case
    try:
        return assess(convention, contracts, **arguments)
    except InvalidInput as error:
        raise error.within(f"cases[{index}]") from None


def _assess_in_pool(cases: list[tuple[Any, Any, dict[str, Any]]], workers: int) -> list[Assessment]:
    from ._pool import assess_in_pool  # here, not at the top: pickle and the pool are rarely needed

    return assess_in_pool(cases, workers)
