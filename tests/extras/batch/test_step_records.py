"""Each step of :func:`assess` has its record in ``COLUMNAR_STEPS``, with its columnar form, in assess's order.

``rules._engine.STEPS`` is checked against the calls of the scalar engine
(tests/rules/test_assess_steps.py); here the records against it: a step of
``assess`` without a record, or a record out of order, fails. The columnar
engine calls each record's columnar form, in the records' order, and
docs/rules.md prints both forms of each record as the code has them.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

from propulseur_rules import Clause
from propulseur_rules.batch import _steps
from propulseur_rules.batch._steps import COLUMNAR_STEPS, ColumnarStep, columnar_steps
from propulseur_rules.rules import _engine

RULES_PAGE = Path(__file__).resolve().parents[3] / "docs" / "rules.md"


def test_every_step_of_assess_has_its_record_in_assess_order() -> None:
    assert [scalar for step in COLUMNAR_STEPS for scalar in step.scalar] == list(_engine.STEPS)


@pytest.mark.parametrize("step", COLUMNAR_STEPS, ids=lambda step: step.name)
def test_each_record_has_a_columnar_form_of_the_batch_engine_named_after_its_scalar_step(
    step: ColumnarStep[Any],
) -> None:
    assert step.columnar.__name__ == step.name
    assert step.columnar.__module__.startswith("propulseur_rules.batch.")
    assert all(scalar.__module__.startswith("propulseur_rules.rules.") for scalar in step.scalar)


def test_the_columnar_forms_are_distinct_functions_one_per_record() -> None:
    assert len({step.columnar for step in COLUMNAR_STEPS}) == len(COLUMNAR_STEPS)


def test_columnar_steps_calls_the_columnar_form_of_each_record_once_in_the_records_order() -> None:
    calls = [
        node
        for node in ast.walk(ast.parse(inspect.getsource(columnar_steps)))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "columnar"
        and isinstance(node.func.value, ast.Name)
    ]
    # ast.walk goes breadth first: the place of each call in the source gives the order it runs in.
    calls.sort(key=lambda node: (node.lineno, node.col_offset))

    assert [getattr(_steps, node.func.value.id) for node in calls] == list(COLUMNAR_STEPS)  # type: ignore[attr-defined]


def test_each_record_reads_its_clauses_from_the_description_of_its_scalar_step() -> None:
    clauses = {step.name: step.clauses for step in COLUMNAR_STEPS}

    # « C1, C6, C7, C8 — each signed contract … », « C2, C7, C5 — the eligible contracts … », and so on.
    assert clauses == {
        "judge_eligibility": (Clause.C1, Clause.C6, Clause.C7, Clause.C8),
        "allot_places": (Clause.C2, Clause.C7, Clause.C5),
        "entitlement": (Clause.C2,),
        "payment_conditions": (Clause.C4, Clause.C9, Clause.C3),
        "settle": (Clause.C3, Clause.C4, Clause.C9),
        # financing_steps begins « Steps 7 to 9: », no clause; hold_back « C3 « modalités » — ».
        "hold_back": (Clause.C3,),
    }


def test_docs_rules_prints_both_forms_of_each_step_as_the_code_has_them_in_the_records_order() -> None:
    page = RULES_PAGE.read_text(encoding="utf-8")
    places = []
    for step in COLUMNAR_STEPS:
        # The page's example prints the scalar step (its run checks the rest); the columnar form follows it, whole.
        for scalar in step.scalar:
            printed = f">>> print(inspect.getsource(rules.{scalar.__name__}))\n"
            assert printed + inspect.getsource(scalar).splitlines()[0] in page, scalar.__name__
            places.append(page.index(printed))
        assert inspect.getsource(step.columnar) in page, step.name
        places.append(page.index(inspect.getsource(step.columnar)))

    assert places == sorted(places)
