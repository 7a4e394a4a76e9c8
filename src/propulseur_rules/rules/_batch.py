"""``assess_many``: many assessments at once, in order.

A sweep of what-if scenarios is many independent calls of :func:`assess`. This
module checks every case first, then assesses them one after the other in the
calling process: each result is exactly what :func:`assess` returns for that
case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from ..words._errors import InvalidInput, kind_of, shown
from ._engine import assess
from ._facts import FACT_NAMES, Facts
from ._outcome import Assessment

__all__ = ["Case", "assess_many", "checked_shape"]

#: A case: ``(convention, facts)`` with a :class:`~._facts.Facts`, ``(convention, contracts,
#: keyword_arguments)``, or one mapping with the keys ``convention``, ``contracts`` and the
#: keyword arguments of :func:`assess`.
Case: TypeAlias = Sequence[Any] | Mapping[str, Any]

#: The keyword arguments of :func:`assess`: every fact but the contracts.
_KEYWORDS = tuple(name for name in FACT_NAMES if name != "contracts")
_MAPPING_KEYS = ("convention", "contracts", *_KEYWORDS)


def assess_many(cases: Iterable[Case]) -> list[Assessment]:
    """Assess each case; the assessments come back in the order of the cases.

    A case is a pair ``(convention, facts)`` with a :class:`~propulseur_rules.Facts`,
    a tuple ``(convention, contracts, keyword_arguments)`` where
    ``keyword_arguments`` maps ``as_of`` (required), ``regional_authorisation_on``,
    ``payments``, ``financing_signed_on``, ``documents`` and ``de_minimis_aid`` to their values, or a
    single mapping with the keys ``convention``, ``contracts`` (optional) and
    those keyword arguments, such as the inputs of the built-in example. Each result equals
    ``assess(convention, contracts, **keyword_arguments)``.

    Every case is checked for its shape before any is assessed. A bad case
    raises :class:`InvalidInput` naming it, such as ``cases[3].as_of`` or
    ``cases[3].contracts[0].reference``; when several are bad, the first one is
    named.

    >>> from propulseur_rules.example import example_assessment_inputs
    >>> inputs = example_assessment_inputs()
    >>> [assessment.payable for assessment in assess_many([inputs, inputs])]
    [Decimal('12000.00'), Decimal('12000.00')]
    >>> assess_many([(inputs["convention"], [], {})])
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: cases[0].as_of: is required
    """
    checked = _checked_cases(cases)
    return [_assess_case(index, case) for index, case in enumerate(checked)]


def _checked_cases(cases: object) -> list[tuple[Any, Any, dict[str, Any]]]:
    if isinstance(cases, (str, bytes)) or not isinstance(cases, Iterable):
        raise InvalidInput("cases", "error.expected_cases", type=kind_of(cases))
    return [checked_shape(f"cases[{index}]", case) for index, case in enumerate(cases)]


def checked_shape(path: str, case: object) -> tuple[Any, Any, dict[str, Any]]:
    """A case as ``(convention, contracts, keyword arguments)``, its collections made tuples."""
    if isinstance(case, Mapping):
        convention, contracts, arguments = _from_mapping(path, case)
    elif isinstance(case, (tuple, list)):
        convention, contracts, arguments = _from_triple(path, case)
    else:
        raise InvalidInput(path, "error.expected_case", type=kind_of(case))
    if "as_of" not in arguments:
        raise InvalidInput(f"{path}.as_of", "error.required")
    for many in ("payments", "documents"):
        if many in arguments:
            arguments[many] = materialised(arguments[many])
    return convention, materialised(contracts), arguments


def _from_mapping(path: str, case: Mapping[Any, Any]) -> tuple[Any, Any, dict[str, Any]]:
    for key in case:
        if key not in _MAPPING_KEYS:
            raise InvalidInput(path, "error.not_a_case_key", value=shown(key), choices=", ".join(_MAPPING_KEYS))
    if "convention" not in case:
        raise InvalidInput(f"{path}.convention", "error.required")
    return case["convention"], case.get("contracts", ()), {key: case[key] for key in _KEYWORDS if key in case}


def _from_triple(path: str, case: Sequence[Any]) -> tuple[Any, Any, dict[str, Any]]:
    if len(case) == 2 and isinstance(case[1], Facts):
        convention, facts = case
        return convention, facts.contracts, {name: getattr(facts, name) for name in _KEYWORDS}
    if len(case) != 3:
        raise InvalidInput(path, "error.case_length", count=str(len(case)))
    convention, contracts, keywords = case
    if not isinstance(keywords, (dict, Mapping)):  # a dict, most often, is told at once
        raise InvalidInput(f"{path}[2]", "error.expected_keywords", type=kind_of(keywords))
    for key in keywords:
        if key not in _KEYWORDS:
            raise InvalidInput(path, "error.not_a_keyword", value=shown(key), choices=", ".join(_KEYWORDS))
    return convention, contracts, dict(keywords)


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
