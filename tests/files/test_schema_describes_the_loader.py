"""The JSON Schema of scenarios says what the loader takes: the same documents, drawn from the example
scenarios with values replaced, removed or added, are accepted by both or refused by both.

A JSON Schema states the form of each value, not the calendar, a check digit, nor how one fact stands
to another: a document the schema accepts may still be refused by the loader for one of those reasons
(``MEANING``), never for its form; and a document the schema refuses is always refused by the loader.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings

from propulseur_rules import InvalidInput
from propulseur_rules.files import loads_scenario, scenario_schema
from propulseur_rules.words._catalogue import CATALOGUES
from scenario_mutations import SEEDS, mutated_documents

VALIDATOR = jsonschema.Draft202012Validator(scenario_schema())

#: The refusals of the loader that no JSON Schema can state: a day the calendar lacks, a check digit,
#: a value measured against another fact of the scenario, or a file a request cannot name.
MEANING = frozenset(
    {
        "error.not_a_day",
        "error.not_a_contract_of_convention",
        "error.csv_needs_base",
        "error.siren_key",
        "error.too_many_present",
        "error.used_twice",
        "error.not_whole_cents",
        "error.not_whole_years",
        "error.selected_after_end",
        "error.deadline_outside_period",
        "error.period_ends_before_start",
        # What a document covers is read by its kind beside it (a year for a financial statement, a contract
        # for a copy) and measured against the convention's programme years.
        "error.not_a_year_number",
        "error.no_such_programme_year",
    }
)


def loader_refusal(document: object) -> str | None:
    """The key of the loader's refusal of ``document``, none if it takes it."""
    try:
        loads_scenario(json.dumps(document, ensure_ascii=False), "json")
    except InvalidInput as error:
        return error.key
    return None


def test_each_refusal_left_to_the_loader_is_a_sentence_of_the_catalogue() -> None:
    assert set(CATALOGUES["en"]) >= MEANING


def test_every_seed_is_taken_by_both() -> None:
    assert [(seed["name"], loader_refusal(seed), VALIDATOR.is_valid(seed)) for seed in SEEDS] == [
        (seed["name"], None, True) for seed in SEEDS
    ]


@settings(max_examples=300)
@given(mutated_documents())
def test_the_schema_accepts_what_the_loader_takes(document: object) -> None:
    refusal = loader_refusal(document)
    schema_errors = [error.message for error in VALIDATOR.iter_errors(document)]

    if refusal is None:
        assert schema_errors == []
    elif refusal not in MEANING:
        assert schema_errors != [], refusal


@pytest.mark.parametrize(
    ("field", "value"),
    [
        # Forms the loader reads, which the schema used to refuse.
        ("preset", "DIJON-2022"),
        ("preset", " dijon-2022 "),
        ("amount", "1e3"),
        ("sector", "Industrie"),
        ("sector", " SANTÉ "),
        ("as_of", " 2023-01-01 "),
        ("applied_on", "   "),
        ("required_contracts", 9.0),
        # Values the loader refuses, which the schema used to accept.
        ("required_contracts", 10**12),
        ("name", "   "),
        ("amount", 0),
        ("amount", "0,00 €"),
    ],
)
def test_the_forms_the_issue_names_are_taken_or_refused_by_both(field: str, value: object) -> None:
    document = json.loads(json.dumps(SEEDS[0]))
    place = {
        "preset": document["convention"],
        "amount": document["payments"][0],
        "sector": document["contracts"][0]["startup"],
        "applied_on": document["contracts"][0],
        "required_contracts": document["convention"],
    }.get(field, document)
    place[field] = value

    assert VALIDATOR.is_valid(document) is (loader_refusal(document) is None)
