"""Importing the package: every public name is there, and only what assessing needs is loaded."""

from __future__ import annotations

import importlib

import pytest

import propulseur_rules


def test_every_public_name_is_there_and_a_name_from_a_submodule_is_that_submodules_own_object() -> None:
    for name in propulseur_rules.__all__:
        value = getattr(propulseur_rules, name)
        for submodule in ("files", "planning", "reports"):
            module = importlib.import_module(f"propulseur_rules.{submodule}")
            if name in module.__all__:
                assert value is getattr(module, name), name
    assert set(propulseur_rules.__all__) <= set(dir(propulseur_rules))


@pytest.mark.parametrize("submodule", ["example", "files", "planning", "reports", "rules"])
def test_a_public_submodule_is_an_attribute_of_the_package_and_lists_its_names(submodule: str) -> None:
    module = getattr(propulseur_rules, submodule)

    assert module is importlib.import_module(f"propulseur_rules.{submodule}")
    assert all(hasattr(module, name) for name in module.__all__)


def test_a_name_that_does_not_exist_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        propulseur_rules.no_such_name  # type: ignore[attr-defined]  # noqa: B018
