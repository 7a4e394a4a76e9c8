"""The package with the batch extra: ``propulseur_rules.batch`` is an attribute like the others, and
``help(propulseur_rules)``, which reads every public submodule, presents the public API."""

from __future__ import annotations

import importlib
import pydoc
import re

import propulseur_rules


def description() -> str:
    text = pydoc.render_doc(propulseur_rules, renderer=pydoc.plaintext)
    return text[text.index("DESCRIPTION") : text.index("PACKAGE CONTENTS")]


def test_the_help_of_the_package_names_every_public_name() -> None:
    shown = description()

    missing = [name for name in propulseur_rules.__all__ if f"``{name}``" not in shown]
    assert missing == []


def test_the_help_of_the_package_names_no_internal_module() -> None:
    assert re.findall(r"propulseur_rules\._\w+", description()) == []


def test_the_batch_submodule_is_an_attribute_of_the_package_and_lists_its_names() -> None:
    module = propulseur_rules.batch

    assert module is importlib.import_module("propulseur_rules.batch")
    assert all(hasattr(module, name) for name in module.__all__)
