"""The package's layers are its packages, and imports go one way only: up the list, never back.

Low to high: ``words`` (errors, languages) → ``rules`` (clauses, money, values, the
convention, the outcome, the rule records, the engine) → ``example`` → ``reports`` →
``files`` → ``planning`` → ``batch`` → ``cli`` → the package itself. A module may
import from its own package or a lower one, at module level or inside a function;
an import under ``if TYPE_CHECKING:`` only names types and is never run. The only
upward imports are the documented conveniences on the results
(``Assessment.explain``, ``UnmetCondition.message`` …), each a one-line delegation.
"""

from __future__ import annotations

import ast
import importlib.util
from importlib import resources
from pathlib import Path

import pytest

import propulseur_rules

#: The packages from the lowest to the highest; the package's own modules stand last.
PACKAGES = ("words", "rules", "example", "reports", "files", "planning", "batch", "service", "cli", "")

#: The modules of the package itself that stand below every layer (they import nothing of it).
FOUNDATIONS = {"propulseur_rules._version"}

#: The conveniences that may call a higher layer from inside, one line each: (module, function).
CONVENIENCES = {
    ("propulseur_rules.rules._outcome", "message"),
    ("propulseur_rules.rules._outcome", "explain"),
    ("propulseur_rules.rules._outcome", "trace"),
    ("propulseur_rules.rules._outcome", "to_dict"),
    ("propulseur_rules.rules._outcome", "to_records"),
    ("propulseur_rules.rules._outcome", "to_frame"),
    ("propulseur_rules.rules._outcome", "by_budget_year"),
    ("propulseur_rules.rules._outcome", "_repr_html_"),
}

ROOT = Path(str(resources.files(propulseur_rules)))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(("propulseur_rules", *parts))


MODULES = {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def layer(module: str) -> int:
    """The rank of the package a module of propulseur_rules belongs to."""
    if module in FOUNDATIONS:
        return -1
    parts = module.split(".")
    package = parts[1] if len(parts) > 1 and parts[1] in PACKAGES else ""
    return PACKAGES.index(package)


def is_package(module: str) -> bool:
    return MODULES[module].name == "__init__.py"


def imported(node: ast.ImportFrom | ast.Import, importer: str) -> list[str]:
    """The modules of propulseur_rules that an import statement runs, by their full names."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name.split(".")[0] == "propulseur_rules"]
    package = importer if is_package(importer) else importer.rpartition(".")[0]
    base = importlib.util.resolve_name("." * node.level + (node.module or ""), package) if node.level else node.module
    if base is None or base.split(".")[0] != "propulseur_rules":
        return []
    names = [base]
    names += [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
    return names


def is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING")


def runtime_imports(tree: ast.Module, importer: str) -> list[tuple[int, str | None, ast.AST, str]]:
    """(line, enclosing function or None, function node, module) for each import that runs."""
    found: list[tuple[int, str | None, ast.AST, str]] = []

    def visit(node: ast.AST, function: ast.FunctionDef | ast.AsyncFunctionDef | None) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt) and is_type_checking(child):
                continue
            if isinstance(child, (ast.Import, ast.ImportFrom)):
                found.extend(
                    (child.lineno, function.name if function else None, function or tree, name)
                    for name in imported(child, importer)
                )
            inner = child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            visit(child, inner)

    visit(tree, None)
    return found


def tree_of(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text("utf-8"))


def test_every_module_lies_in_a_layer_and_the_layers_are_the_packages() -> None:
    packages = {path.parent.name for path in ROOT.glob("*/__init__.py")}

    assert packages == {package for package in PACKAGES if package}
    assert [module for module in MODULES if layer(module) == PACKAGES.index("") and module.count(".") > 1] == []


@pytest.mark.parametrize("module", sorted(MODULES))
def test_a_module_imports_nothing_above_its_layer(module: str) -> None:
    upward = [
        f"line {line}: {name}"
        for line, function, _, name in runtime_imports(tree_of(module), module)
        if layer(name) > layer(module) and (module, function) not in CONVENIENCES
    ]

    assert upward == []


@pytest.mark.parametrize("convenience", sorted(CONVENIENCES))
def test_a_convenience_that_reaches_up_only_delegates_in_one_line(convenience: tuple[str, str]) -> None:
    module, name = convenience
    functions = [
        node
        for node in ast.walk(tree_of(module))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name
    ]

    assert functions
    for function in functions:
        body = [node for node in function.body if not isinstance(node, (ast.Import, ast.ImportFrom, ast.Expr))]
        assert len(body) == 1, f"{module}.{name} does more than delegate"


def test_the_check_sees_every_kind_of_upward_import() -> None:
    tree = ast.parse(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from ..reports._render import explain\n"
        "from .. import cli\n"
        "import propulseur_rules.files._load\n"
        "if TYPE_CHECKING:\n"
        "    from ..planning._planning import BudgetYear\n"
        "try:\n"
        "    from ..reports._trace import trace\n"
        "except ImportError:\n"
        "    pass\n"
        "def later():\n"
        "    from ..batch import run\n"
    )

    found = [name for _, _, _, name in runtime_imports(tree, "propulseur_rules.rules._engine")]

    assert found == [
        "propulseur_rules.reports._render",
        "propulseur_rules",
        "propulseur_rules.cli",
        "propulseur_rules.files._load",
        "propulseur_rules.reports._trace",
        "propulseur_rules.batch",
    ]
    assert [layer(name) > layer("propulseur_rules.rules._engine") for name in found] == [True] * 6
