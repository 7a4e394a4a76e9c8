"""The package's modules import one way only: from the rules up to the command line, never back.

Low to high: errors, clauses, money → values → convention → outcome → rules →
engine → files, reports, planning, trace → command line → the package itself. A
module may import one of its own layer or a lower one at module level; an import
under ``if TYPE_CHECKING:`` only names types and is never run. Inside functions,
the only upward imports are the documented conveniences on the results
(``Assessment.explain``, ``UnmetCondition.message`` …), each a one-line delegation.
"""

from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

import propulseur_rules

#: Every module of the package and its layer. A new module must be placed here.
LAYERS: dict[str, int] = {
    # errors, and the one check of a language
    "_errors": 0,
    "_version": 0,
    "_extras": 0,
    "_language": 1,
    # clauses, money, the law around the deliberation
    "_clauses": 2,
    "_money": 2,
    "_legal": 2,
    "_forms": 2,
    "_load_messages": 2,
    # values
    "_model": 3,
    "_territory": 3,
    # the convention and its financing terms
    "_financing": 4,
    "_convention": 4,
    "_example": 5,
    "example": 5,
    "_plain": 5,
    # outcome: conditions, statuses, the results
    "_outcome": 6,
    # rules, then the engine
    "_rules": 7,
    "_engine": 8,
    "_release": 8,
    "rules": 8,
    "_batch": 9,
    "_columnar": 9,
    # files, reports, planning, trace
    "_load": 10,
    "_load_files": 10,
    "_load_csv": 10,
    "_load_data": 10,
    "_dump": 10,
    "_export": 10,
    "_scenario": 10,
    "_messages": 10,
    "_layout": 10,
    "_json_ready": 10,
    "_render": 10,
    "_inputs": 10,
    "_trace": 10,
    "_planning": 10,
    "_scdl": 10,
    "_readings": 10,
    "planning": 10,
    "reports": 10,
    "files": 10,
    "_frames": 10,
    "_frame": 10,
    "_forecast": 10,
    "_dask": 10,
    "batch": 10,
    # the command line, then the package
    "_cli": 11,
    "__main__": 11,
    "__init__": 12,
}

#: The conveniences that may call a higher layer from inside, one line each: (module, function).
CONVENIENCES = {
    ("_columnar", "from_arrow"),
    ("_columnar", "from_frames"),
    ("_columnar", "to_frames"),
    ("_outcome", "message"),
    ("_outcome", "explain"),
    ("_outcome", "trace"),
    ("_outcome", "to_dict"),
    ("_outcome", "to_records"),
    ("_outcome", "to_frame"),
    ("_outcome", "by_budget_year"),
    ("_outcome", "_repr_html_"),
}

PACKAGE = Path(str(resources.files(propulseur_rules)))


def modules() -> list[str]:
    return sorted(path.stem for path in PACKAGE.glob("*.py"))


def imported(node: ast.ImportFrom | ast.Import) -> list[str]:
    """The package's own modules that an import statement names, by their short names."""
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[1] for alias in node.names if alias.name.startswith("propulseur_rules.")]
    if node.level == 0:
        if node.module == "propulseur_rules":
            return ["__init__"] + [alias.name for alias in node.names if alias.name in LAYERS]
        if node.module and node.module.startswith("propulseur_rules."):
            return [node.module.split(".")[1]]
        return []
    if node.module:
        return [node.module.split(".")[0]]
    return [alias.name if alias.name in LAYERS else "__init__" for alias in node.names]


def is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def module_level_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) for each import run when the module is imported (not under TYPE_CHECKING, not in a function)."""
    found: list[tuple[int, str]] = []

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.extend((node.lineno, name) for name in imported(node))
            elif isinstance(node, (ast.If, ast.Try, ast.With)) and not is_type_checking(node):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    visit([child for child in getattr(node, block, []) if isinstance(child, ast.stmt)])
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(tree.body)
    return found


def function_imports(tree: ast.Module) -> list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, str]]:
    return [
        (function, name)
        for function in ast.walk(tree)
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
        for node in ast.walk(function)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for name in imported(node)
    ]


def tree_of(module: str) -> ast.Module:
    return ast.parse((PACKAGE / f"{module}.py").read_text("utf-8"))


def test_every_module_of_the_package_has_its_layer() -> None:
    assert [module for module in modules() if module not in LAYERS] == []
    assert [module for module in LAYERS if module not in modules()] == []


@pytest.mark.parametrize("module", modules())
def test_a_module_imports_nothing_above_its_layer(module: str) -> None:
    upward = [
        f"line {line}: {name}"
        for line, name in module_level_imports(tree_of(module))
        if LAYERS.get(name, -1) > LAYERS[module]
    ]

    assert upward == []


@pytest.mark.parametrize("module", modules())
def test_inside_functions_only_the_documented_conveniences_reach_up_in_one_line(module: str) -> None:
    for function, name in function_imports(tree_of(module)):
        if LAYERS.get(name, -1) <= LAYERS[module]:
            continue
        assert (module, function.name) in CONVENIENCES, f"{module}.{function.name} imports {name}"
        body = [node for node in function.body if not isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr))]
        assert len(body) == 1, f"{module}.{function.name} does more than delegate"


def test_the_check_sees_an_upward_import() -> None:
    tree = ast.parse(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from ._render import explain\n"
        "from . import _cli\n"
        "import propulseur_rules._load\n"
        "if TYPE_CHECKING:\n"
        "    from ._planning import BudgetYear\n"
        "try:\n"
        "    from ._trace import trace\n"
        "except ImportError:\n"
        "    pass\n"
    )

    assert [name for _, name in module_level_imports(tree)] == ["_render", "_cli", "_load", "_trace"]
