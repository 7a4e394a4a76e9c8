"""The engine's rule functions called one by one, and the guard of its fast constructors.

``assess`` applies the contract rules of C1, C6 and C8 inline, for speed; the rule
functions stay as the readable statement of each rule (and the fast path is checked
against them in test_fast_paths.py). Each is checked here on its own cases. The
engine also builds its results through the slots of two attrs classes, which is only
right while those classes have no converter, validator or init hook: the guard that
checks this at import is checked here on classes that break each condition.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from builders import contract
from propulseur_rules import DIJON_2022, ContractAssessment, UnmetCondition
from propulseur_rules._engine import _slot_setters, selected_by_committee, startup_applied

SIGNED = dt.date(2023, 3, 1)


@pytest.mark.parametrize(
    ("applied_on", "selected_on", "expected"),
    [
        (None, None, False),  # never expressed the wish to join
        (None, SIGNED, False),  # selected without having applied
        (SIGNED, None, True),  # applied, not yet selected: C6's selection is its own rule
        (SIGNED, SIGNED, True),  # applied and selected the same day
        (SIGNED - dt.timedelta(days=1), SIGNED, True),
        (SIGNED + dt.timedelta(days=1), SIGNED, False),  # selected before it applied
    ],
)
def test_c6_startup_applied_on_or_before_its_selection(
    applied_on: dt.date | None, selected_on: dt.date | None, expected: bool
) -> None:
    signed = contract("C-1", SIGNED, applied_on=applied_on, selected_on=selected_on)

    assert startup_applied(DIJON_2022, signed) is expected


@pytest.mark.parametrize(
    ("selected_on", "expected"),
    [(None, False), (SIGNED, True), (SIGNED - dt.timedelta(days=1), True), (SIGNED + dt.timedelta(days=1), False)],
)
def test_c6_selected_by_the_committee_on_or_before_signature(selected_on: dt.date | None, expected: bool) -> None:
    signed = contract("C-1", SIGNED, applied_on=SIGNED - dt.timedelta(days=30), selected_on=selected_on)

    assert selected_by_committee(DIJON_2022, signed) is expected


# --- the guard of the fast constructors --------------------------------------------------------


@attrs.frozen
class _Plain:
    first: int
    second: int


@attrs.frozen
class _WithConverter:
    first: int = attrs.field(converter=int)
    second: int = 0


@attrs.frozen
class _WithValidator:
    first: int = attrs.field(validator=attrs.validators.instance_of(int))
    second: int = 0


@attrs.frozen
class _WithPreInit:
    first: int
    second: int

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.frozen
class _WithPostInit:
    first: int
    second: int

    def __attrs_post_init__(self) -> None:
        pass


def test_the_fast_constructors_set_the_slots_of_a_plain_class_in_order() -> None:
    set_first, set_second = _slot_setters(_Plain, ("first", "second"))
    made = object.__new__(_Plain)

    set_first(made, 1)
    set_second(made, 2)

    assert made == _Plain(first=1, second=2)


@pytest.mark.parametrize("kind", [_WithConverter, _WithValidator, _WithPreInit, _WithPostInit])
def test_the_fast_constructors_refuse_a_class_whose_init_does_more_than_store(kind: type) -> None:
    with pytest.raises(RuntimeError, match=f"^{kind.__name__} has changed: update how the engine builds it$"):
        _slot_setters(kind, ("first", "second"))


def test_the_fast_constructors_refuse_fields_in_another_order() -> None:
    with pytest.raises(RuntimeError, match="has changed"):
        _slot_setters(_Plain, ("second", "first"))


def test_the_two_result_classes_pass_the_guard() -> None:
    assert len(_slot_setters(ContractAssessment, tuple(field.name for field in attrs.fields(ContractAssessment)))) == 6
    assert len(_slot_setters(UnmetCondition, tuple(field.name for field in attrs.fields(UnmetCondition)))) == 8
