"""The example scenario files: they pass their own expect tables and follow the shipped JSON Schema.

jsonschema validates the files: a well-kept validator of the standard serves better than
one written here, and it is only a test dependency.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import propulseur_rules
from propulseur_rules import Clause, Expectation, load_scenario
from propulseur_rules.files import exercised_clauses
from propulseur_rules.files._load_data import (
    _CONTRACT_KEYS,
    _CONVENTION_KEYS,
    _DELIBERATION_KEYS,
    _EXPECT_KEYS,
    _EXPECTED_CONTRACT_KEYS,
    _EXPECTED_YEAR_KEYS,
    _PAYMENT_KEYS,
    _SCENARIO_KEYS,
    _STARTUP_KEYS,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCENARIO_FILES = sorted(path for path in EXAMPLES.rglob("*") if path.suffix in (".toml", ".json"))


def schema() -> dict[str, Any]:
    text = resources.files(propulseur_rules).joinpath("data/scenario.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def as_json_data(value: object) -> object:
    """TOML data as JSON would carry it: dates as ISO strings."""
    if isinstance(value, dict):
        return {key: as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def read_data(path: Path) -> object:
    if path.suffix == ".toml":
        return as_json_data(tomllib.loads(path.read_text("utf-8")))
    return json.loads(path.read_text("utf-8"))


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())


def test_there_are_example_scenarios() -> None:
    names = {path.name for path in SCENARIO_FILES}

    assert {"dijon-2022.toml", "dijon-2022-request.json", "full-195000.toml"} <= names
    assert len(SCENARIO_FILES) >= 10


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda path: path.name)
def test_every_example_follows_the_schema(path: Path) -> None:
    jsonschema.Draft202012Validator(schema()).validate(read_data(path))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=lambda path: path.name)
def test_every_example_gives_the_figures_it_expects(path: Path) -> None:
    scenario = load_scenario(path)
    assessment = scenario.assess()

    if scenario.expect is not None:
        assert scenario.expect.mismatches(assessment) == ()
    assert set(scenario.covers) <= exercised_clauses(assessment)


@pytest.mark.parametrize("path", [path for path in SCENARIO_FILES if "scenarios" in path.parts], ids=lambda p: p.name)
def test_every_scenario_test_has_a_sentence_for_a_name_lists_its_clauses_and_expects_figures(path: Path) -> None:
    scenario = load_scenario(path)

    assert scenario.name.endswith(".")
    assert scenario.name[0].isupper()
    assert scenario.covers
    assert scenario.expect is not None


def test_the_scenario_tests_cover_every_clause_between_them() -> None:
    covered = {clause for path in SCENARIO_FILES for clause in load_scenario(path).covers}

    assert covered == set(Clause)


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(schema())
    good = {"name": "x", "as_of": "2023-01-01", "convention": "dijon-2022"}

    assert validator.is_valid(good)
    assert not validator.is_valid({**good, "as_off": "2023-01-01"})
    assert not validator.is_valid({**good, "convention": "paris-2024"})
    assert not validator.is_valid({**good, "convention": {"reference": "incomplete"}})
    assert not validator.is_valid({**good, "payments": [{"reference": "P", "paid_on": "2023-01-01", "amount": -1}]})
    assert not validator.is_valid(
        {**good, "payments": [{"reference": "P", "paid_on": "2023-01-01", "amount": "1.001"}]}
    )
    assert not validator.is_valid({**good, "expect": {"unmet": ["regional_autorisation"]}})


@pytest.mark.parametrize(
    ("definition", "loader_keys"),
    [
        (None, _SCENARIO_KEYS),
        ("convention", ("preset", *_CONVENTION_KEYS)),
        ("deliberation", _DELIBERATION_KEYS),
        ("contract", _CONTRACT_KEYS),
        ("startup", _STARTUP_KEYS),
        ("payment", _PAYMENT_KEYS),
        ("expect", _EXPECT_KEYS),
    ],
)
def test_the_schema_and_the_loader_know_the_same_keys(definition: str | None, loader_keys: tuple[str, ...]) -> None:
    data = schema()
    node = data if definition is None else data["$defs"][definition]

    assert set(node["properties"]) == set(loader_keys)


def test_the_schema_and_the_loader_know_the_same_expected_year_and_contract_keys() -> None:
    expect = schema()["$defs"]["expect"]["properties"]

    assert set(expect["years"]["items"]["properties"]) == set(_EXPECTED_YEAR_KEYS)
    contract = expect["contracts"]["additionalProperties"]["anyOf"][1]
    assert set(contract["properties"]) == set(_EXPECTED_CONTRACT_KEYS)


def test_an_expectation_lists_every_figure_that_differs() -> None:
    assessment = load_scenario(EXAMPLES / "dijon-2022.toml").assess()
    expectation = Expectation(
        accrued=Decimal("195000"),
        target_met=True,
        unmet=["contract_target"],
        years=[{"index": 1, "accrued": "65000"}, {"index": 4}],
        contracts=[{"reference": "PRO-2023-05", "status": "funded"}, {"reference": "NOPE"}],
    )

    assert expectation.mismatches(assessment) == (
        "accrued: expected 195000.00, got 165000.00",
        "target_met: expected true, got false",
        "unmet: expected [contract_target], got [annual_contract_limit, balance_held, contract_target, "
        "head_office_in_territory, one_contract_per_startup, sector_in_scope, selected_by_committee, "
        "supporting_document]",
        "years[1].index: the convention has 3 programme year(s)",
        "contracts['PRO-2023-05'].status: expected funded, got ineligible",
        "contracts['NOPE']: no contract has this reference",
    )
