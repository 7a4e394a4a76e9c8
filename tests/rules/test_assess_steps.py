"""The steps :func:`assess` declares (``_engine.STEPS``) are the steps it takes, in the order it takes them.

The tuple is read from the engine's own code: the calls that :func:`_assess_facts`
makes, and those of the functions of the engine it calls, in the order Python runs
them (the arguments of a call before the call). Every call to a function of the
rules is either a step or one of the builders that make the assessment out of the
steps' values; a call that is neither fails, so that a new step is declared.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable

from propulseur_rules.rules import _engine

#: The functions of the rules that ``assess`` calls and that are no step: they read the inputs, or make the
#: assessment's results, unmet conditions and parts released out of what the steps gave.
BUILDERS = {
    "check_documents",
    "contract_results",
    "de_minimis_unmet",
    "financing_unmet",
    "first_received",
    "in_unmet_order",
    "interruption_days",
    "recovery",
    "released_parts",
    "relief_days",
    "signature_required",
    "target_met_on",
    "unmet_conditions",
    "year_results",
}

ENGINE = ast.parse(inspect.getsource(_engine))
LOCAL = {node.name: node for node in ENGINE.body if isinstance(node, ast.FunctionDef)}


class _Calls(ast.NodeVisitor):
    """The names of the functions of the rules a function of the engine calls, in the order they run."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def visit_Call(self, node: ast.Call) -> None:
        for argument in (*node.args, *node.keywords):
            self.visit(argument)
        if not isinstance(node.func, ast.Name):
            self.visit(node.func)
        elif node.func.id in LOCAL:  # a function of the engine: what it calls, where it is called
            self.generic_visit(LOCAL[node.func.id])
        elif is_of_the_rules(getattr(_engine, node.func.id, None)):
            self.names.append(node.func.id)


def is_of_the_rules(value: object) -> bool:
    return inspect.isfunction(value) and value.__module__.startswith("propulseur_rules.rules.")


def calls_of_assess() -> list[str]:
    calls = _Calls()
    calls.generic_visit(LOCAL["_assess_facts"])
    return calls.names


def names(functions: tuple[Callable[..., object], ...]) -> list[str]:
    return [function.__name__ for function in functions]


def test_the_steps_assess_declares_are_the_steps_it_calls_in_its_order() -> None:
    calls = calls_of_assess()

    assert [name for name in calls if name not in BUILDERS] == names(_engine.STEPS)


def test_every_function_of_the_rules_assess_calls_is_a_step_or_a_builder_of_its_results() -> None:
    calls = set(calls_of_assess())

    assert calls - BUILDERS == set(names(_engine.STEPS))
    assert not BUILDERS - calls  # no builder named here that assess no longer calls


def test_the_steps_run_in_the_order_the_engine_numbers_them() -> None:
    # 2. eligibility, 3. places, 4. entitlement, 5. payment conditions, 6. settlement, 7. to 9. financing terms.
    assert names(_engine.STEPS) == [
        "judge_eligibility",
        "allot_places",
        "entitlement",
        "payment_conditions",
        "settle",
        "financing_steps",
        "hold_back",
    ]
