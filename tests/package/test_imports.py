"""Importing the package: every public name is there, and only what assessing needs is loaded."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys

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


def test_help_on_the_package_works_when_the_batch_extra_is_missing() -> None:
    # pydoc reads every name dir() lists; a bare install has no numpy, and reading
    # `batch` would raise MissingExtra in the middle of help(). numpy is blocked here
    # as if it were not installed.
    code = """
import sys
sys.modules["numpy"] = None
import pydoc, propulseur_rules
from propulseur_rules.rules._extras import MissingExtra
text = pydoc.render_doc(propulseur_rules)
assert "batch" not in dir(propulseur_rules), dir(propulseur_rules)
assert "assess" in text and "Convention" in text
try:
    propulseur_rules.batch
except MissingExtra as error:
    assert error.extra == "batch", error
else:
    raise AssertionError("propulseur_rules.batch imported without numpy")
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_the_batch_submodule_is_listed_when_its_extra_is_installed() -> None:
    expected = importlib.util.find_spec("numpy") is not None
    assert ("batch" in dir(propulseur_rules)) is expected
