"""The JSON Schema of the assessment (``files.assessment_schema``, data/assessment.schema.json) describes every
field of ``Assessment.to_dict()`` and no other: an assessment drawn at random is valid, and a field added to an
object of a fixed shape, or a value of an enumeration the schema does not list, is not."""

from __future__ import annotations

import copy
import enum
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import assess
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.files import assessment_schema, load_scenario
from propulseur_rules.reports._trace import StepKind
from propulseur_rules.rules._clauses import Clause
from propulseur_rules.rules._convention import Accrual, PlacesPolicy, TargetPolicy
from propulseur_rules.rules._documents import DocumentKind
from propulseur_rules.rules._model import Sector
from propulseur_rules.rules._outcome import Condition, ContractStatus, DeadlineKind, RecoveryCause
from strategies import cases, financed_cases

SCHEMA = assessment_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
EXAMPLE = assess(**example_assessment_inputs()).to_dict()  # type: ignore[arg-type]
SCENARIOS = sorted((Path(__file__).resolve().parents[3] / "examples" / "scenarios").glob("*.toml"))


def errors(data: object) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in VALIDATOR.iter_errors(data)]


def test_the_schema_is_a_valid_json_schema_of_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@settings(max_examples=25)
@given(st.one_of(cases(max_contracts=20), financed_cases()), st.booleans())
def test_every_assessment_drawn_is_valid_against_the_schema(case: Any, trace: bool) -> None:
    assert errors(case.assess().to_dict(trace=trace)) == []


@pytest.mark.parametrize("file", SCENARIOS, ids=lambda file: file.name)
def test_the_assessment_of_every_example_scenario_is_valid_against_the_schema(file: Path) -> None:
    assert errors(load_scenario(file).assess().to_dict()) == []


def test_a_recovery_is_valid_against_the_schema() -> None:
    recovered = [data for file in SCENARIOS if (data := load_scenario(file).assess().to_dict())["recovery"]]

    assert recovered
    assert [errors(data) for data in recovered] == [[] for _ in recovered]


#: Where a field is added, one place of each object of a fixed shape in the example (with financing terms).
PLACES: list[tuple[str | int, ...]] = [
    (),
    ("convention",),
    ("convention", "period"),
    ("convention", "deliberation"),
    ("convention", "financing"),
    ("target",),
    ("years", 0),
    ("years", 0, "period"),
    ("contracts", 0),
    ("payments", 0),
    ("unmet", 0),
    ("unmet", 0, "message"),
    ("documents", 0),
    ("deadlines", 0),
    ("trace", 0),
]


@pytest.mark.parametrize("place", PLACES, ids=lambda place: ".".join(map(str, place)) or "top")
def test_a_field_the_schema_does_not_name_is_refused_at_every_level(place: tuple[str | int, ...]) -> None:
    data = copy.deepcopy(EXAMPLE)
    target: Any = data
    for key in place:
        target = target[key]
    target["added"] = "0.00"

    assert errors(EXAMPLE) == []
    assert [list(error.absolute_path) for error in VALIDATOR.iter_errors(data)] == [list(place)]


@pytest.mark.parametrize("name", ["accrued", "payable", "as_of", "years", "recovery", "balance_held"])
def test_a_field_missing_is_refused(name: str) -> None:
    data = {key: value for key, value in EXAMPLE.items() if key != name}

    assert errors(data) == [f"[]: '{name}' is a required property"]


def test_money_is_text_to_the_cent() -> None:
    # 165 000 € accrued in the example (README): "165000.00"; neither a number nor a third decimal.
    assert EXAMPLE["accrued"] == "165000.00"
    assert errors({**EXAMPLE, "accrued": 165000}) != []
    assert errors({**EXAMPLE, "accrued": "165000.000"}) != []


def _enum(definition: str, *path: str) -> list[object]:
    schema: Any = SCHEMA["$defs"][definition]
    for key in path:
        schema = schema[key]
    return list(schema["enum"])


@pytest.mark.parametrize(
    ("kind", "listed"),
    [
        (Clause, lambda: _enum("clause")),
        (Condition, lambda: _enum("condition")),
        (DocumentKind, lambda: _enum("document_kind")),
        (Sector, lambda: _enum("convention", "properties", "eligible_sectors", "items")),
        (TargetPolicy, lambda: _enum("convention", "properties", "target_policy")),
        (Accrual, lambda: _enum("convention", "properties", "accrual")),
        (PlacesPolicy, lambda: _enum("convention", "properties", "places")),
        (ContractStatus, lambda: _enum("contract", "properties", "status")),
        (DeadlineKind, lambda: _enum("deadline", "properties", "kind")),
        (RecoveryCause, lambda: _enum("recovery", "properties", "cause")),
        (StepKind, lambda: _enum("step", "properties", "kind")),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_each_enumeration_of_the_schema_lists_every_value_of_the_code(kind: type[enum.Enum], listed: Any) -> None:
    assert listed() == [member.value for member in kind]
