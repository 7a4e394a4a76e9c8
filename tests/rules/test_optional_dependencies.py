"""An optional dependency that is missing is an error of the library that says which extra to install."""

from __future__ import annotations

import json
import pickle

import pytest

from propulseur_rules import PropulseurRulesError
from propulseur_rules.rules._extras import MissingExtra, require
from propulseur_rules.words._errors import Worded

ABSENT = "propulseur_no_such_module"


def test_an_installed_module_is_imported() -> None:
    assert require("json", "none", "reading JSON") is json


def test_a_missing_module_names_the_feature_the_module_and_the_extra() -> None:
    with pytest.raises(MissingExtra) as raised:
        require(ABSENT, "toml", "writing TOML")

    error = raised.value
    assert (error.feature, error.module, error.extra) == ("writing TOML", ABSENT, "toml")
    assert str(error) == error.message() == f"writing TOML needs {ABSENT}: pip install 'propulseur-rules[toml]'"
    assert isinstance(error, PropulseurRulesError)
    assert isinstance(error, ImportError)
    assert error.__cause__ is None
    assert error.__suppress_context__


def test_the_feature_in_words_of_the_catalogue_is_said_in_each_language() -> None:
    error = MissingExtra(Worded("error.feature_write_toml"), "tomli_w", "toml")

    assert error.message("en") == "writing a scenario as TOML needs tomli_w: pip install 'propulseur-rules[toml]'"
    assert error.message("fr") == (
        "l'écriture d'un scénario en TOML demande tomli_w : pip install 'propulseur-rules[toml]'"
    )


def test_the_error_survives_pickling_whole() -> None:
    error = pickle.loads(pickle.dumps(MissingExtra("writing TOML", "tomli_w", "toml")))

    assert isinstance(error, MissingExtra)
    assert (error.feature, error.module, error.extra) == ("writing TOML", "tomli_w", "toml")
    assert str(error) == "writing TOML needs tomli_w: pip install 'propulseur-rules[toml]'"
