"""The pool of processes behind ``assess_many(cases, workers=n)``.

A worker sends its assessments back pickled, and the parent process unpickles
them: that copy is what decides whether a pool pays. Two things keep it small.
The convention and the payments of each case, which the parent already holds,
travel as the case's index instead of their value, and come back as the very
objects of the case. And the result classes travel as their field values, to
be put back by a plain constructor instead of attrs's generic __setstate__.
"""

from __future__ import annotations

import concurrent.futures
import copyreg
import io
import itertools
import pickle
from collections.abc import Sequence
from typing import Any, TypeVar

import attrs

from ._batch import _assess_case, _cycle_collection_paused
from ._convention import Convention
from ._engine import _contract_result, _unmet
from ._model import Payment
from ._outcome import Assessment, ContractAssessment, UnmetCondition, YearAssessment

__all__ = ["assess_in_pool"]

_Result = TypeVar("_Result", Assessment, YearAssessment)

#: Each worker gets a few slices, so that a slow slice does not leave the others idle.
_SLICES_PER_WORKER = 4

# The cases, in a worker process; set once when the worker starts (see _install).
_worker_cases: Sequence[tuple[Any, Any, dict[str, Any]]] = ()


def assess_in_pool(cases: list[tuple[Any, Any, dict[str, Any]]], workers: int) -> list[Assessment]:
    """The assessments of ``cases``, in order, made by a pool of ``workers`` processes."""
    # The cases reach the workers once, as the argument of their initializer: a
    # forked worker inherits them without any copy, a spawned one unpickles them
    # once. Each task is then only a slice of indices.
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
    held: dict[int, tuple[Any, ...]] = {}  # id() of an object the parent holds -> where it is
    with _cycle_collection_paused():
        results = [_assess_case(index, cases[index]) for index in range(start, stop)]
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
