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
import copyreg
import gc
import io
import itertools
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias, TypeVar

import attrs

from ._convention import Convention
from ._engine import _contract_result, _unmet, assess
from ._errors import InvalidInput, shown, shown_integer
from ._model import Payment
from ._outcome import Assessment, ContractAssessment, UnmetCondition, YearAssessment

__all__ = ["Case", "assess_many"]

#: A case: ``(convention, contracts, keyword_arguments)``, or one mapping with the
#: keys ``convention``, ``contracts`` and the keyword arguments of :func:`assess`.
Case: TypeAlias = Sequence[Any] | Mapping[str, Any]

_Result = TypeVar("_Result", Assessment, YearAssessment)

_KEYWORDS = ("as_of", "regional_authorisation_on", "payments")
_MAPPING_KEYS = ("convention", "contracts", *_KEYWORDS)

#: A pool of processes asked for with ``workers`` starts only for this many cases
#: or more: below it, starting the pool alone costs more than the whole batch.
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
#
# A worker sends its assessments back pickled, and the parent process unpickles
# them: that copy is what decides whether a pool pays. Two things keep it small.
# The convention and the payments of each case, which the parent already holds,
# travel as the case's index instead of their value, and come back as the very
# objects of the case. And the result classes travel as their field values, to
# be put back by a plain constructor instead of attrs's generic __setstate__.


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
                results.extend(_ResultUnpickler(io.BytesIO(future.result()), cases).load())
        finally:
            for future in futures:
                future.cancel()
    return results


def _install(cases: Sequence[tuple[Any, Any, dict[str, Any]]]) -> None:
    global _worker_cases
    _worker_cases = cases


def _assess_slice(start: int, stop: int) -> bytes:
    """The assessments of the cases ``start`` to ``stop``, pickled for the parent process."""
    cases = _worker_cases
    with _cycle_collection_paused():
        results = [_assess_case(index, cases[index]) for index in range(start, stop)]
    held: dict[int, tuple[Any, ...]] = {}  # id() of an object the parent holds -> where it is
    for index in range(start, stop):
        convention, _, arguments = cases[index]
        held[id(convention)] = (index,)
        for position, payment in enumerate(arguments.get("payments", ())):
            held[id(payment)] = (index, position)

    def by_reference(value: object) -> tuple[Any, ...]:
        place = held.get(id(value))
        if place is None:  # pragma: no cover - every convention and payment comes from a case
            return value.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # type: ignore[return-value]
        return (_held_convention, place) if len(place) == 1 else (_held_payment, place)

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {
        **copyreg.dispatch_table,
        Convention: by_reference,
        Payment: by_reference,
        Assessment: _fields_of,
        YearAssessment: _fields_of,
        ContractAssessment: _contract_fields,
        UnmetCondition: _unmet_fields,
    }
    pickler.dump(results)
    return buffer.getvalue()


def _contract_fields(result: ContractAssessment) -> tuple[Any, ...]:
    return (
        _contract,
        (result.reference, result.status, result.programme_year, result.grant, result.accrues_on, result.unmet),
    )


def _contract(
    reference: str,
    status: Any,
    programme_year: int | None,
    grant: Any,
    accrues_on: Any,
    unmet: tuple[UnmetCondition, ...],
) -> ContractAssessment:
    return _contract_result(reference, status, programme_year, grant=grant, accrues_on=accrues_on, unmet=unmet)


def _unmet_fields(result: UnmetCondition) -> tuple[Any, ...]:
    return (
        _unmet_condition,
        (
            result.condition,
            result.contract,
            result.amount,
            result.blocks_payment,
            result.final,
            result.needed,
            result.releases,
        ),
    )


def _unmet_condition(
    condition: Any, contract: str | None, amount: Any, blocks_payment: bool, final: bool, needed: Any, releases: Any
) -> UnmetCondition:
    return _unmet(
        condition,
        contract=contract,
        amount=amount,
        blocks_payment=blocks_payment,
        final=final,
        needed=needed,
        releases=releases,
    )


_FIELDS = {kind: tuple(field.name for field in attrs.fields(kind)) for kind in (Assessment, YearAssessment)}


def _fields_of(value: Any) -> tuple[Any, ...]:
    kind = type(value)
    return (_rebuild, (kind, *[getattr(value, name) for name in _FIELDS[kind]]))


def _rebuild(kind: type[_Result], *values: Any) -> _Result:
    """A result object from its field values, in the order of its fields."""
    return kind(**dict(zip(_FIELDS[kind], values, strict=True)))


def _held_convention(index: int) -> Convention:  # pragma: no cover - replaced when unpickling
    raise RuntimeError("only _ResultUnpickler can find the convention of a case")


def _held_payment(index: int, position: int) -> Payment:  # pragma: no cover - replaced when unpickling
    raise RuntimeError("only _ResultUnpickler can find the payment of a case")


class _ResultUnpickler(pickle.Unpickler):
    """Unpickles a worker's assessments, with the conventions and payments of the parent's own cases."""

    def __init__(self, file: io.BytesIO, cases: Sequence[tuple[Any, Any, dict[str, Any]]]) -> None:
        super().__init__(file)
        self._cases = cases

    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name == "_held_convention":
            return self._convention
        if module == __name__ and name == "_held_payment":
            return self._payment
        return super().find_class(module, name)

    def _convention(self, index: int) -> Any:
        return self._cases[index][0]

    def _payment(self, index: int, position: int) -> Any:
        return self._cases[index][2]["payments"][position]
