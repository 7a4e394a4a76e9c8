"""Importing the package: every public name is there, and only what assessing needs is loaded."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import propulseur_rules

#: Modules that ``import propulseur_rules`` leaves for later: the loaders, scenario files,
#: planning tools, trace and pool, and what only they need.
LEFT_FOR_LATER = (
    "propulseur_rules._load",
    "propulseur_rules._planning",
    "propulseur_rules._scenario",
    "propulseur_rules._trace",
    "importlib.metadata",
    "tomllib",
    "importlib.resources",
    "dateutil",
)


def test_every_public_name_is_there_and_is_its_modules_own_object() -> None:
    for name in propulseur_rules.__all__:
        value = getattr(propulseur_rules, name)
        if name in propulseur_rules._LAZY:
            module = importlib.import_module(f"propulseur_rules.{propulseur_rules._LAZY[name]}")
            assert value is getattr(module, name), name
    assert set(propulseur_rules.__all__) <= set(dir(propulseur_rules))


def test_a_name_that_does_not_exist_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        propulseur_rules.no_such_name  # type: ignore[attr-defined]  # noqa: B018


def test_importing_the_package_leaves_the_loaders_and_the_pool_for_later() -> None:
    code = (
        "import sys, propulseur_rules\n"
        f"print(sorted(set({LEFT_FOR_LATER!r}) & set(sys.modules)))\n"
        "from propulseur_rules import *\n"
        "print(propulseur_rules.__version__ == __version__, callable(load_scenario), callable(sweep))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout

    assert output.splitlines() == ["[]", "True True True"]
