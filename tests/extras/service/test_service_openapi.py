"""``/openapi.json`` is a valid OpenAPI 3.1 document built from the library's own schemas, and the service
answers what it says; schemathesis draws requests from it and finds no failure of the service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from service_client import BENEFICIARY_SIRET, FUNDER_SIRET, ONE_CONTRACT, body, client

from propulseur_rules.files import assessment_schema, scenario_schema
from propulseur_rules.service import Limits, create_app

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
CLIENT = client()
DOCUMENT: dict[str, Any] = CLIENT.get("/openapi.json").json()


def validator(name: str) -> jsonschema.Draft202012Validator:
    """A validator of the schema ``name`` of the document, its references resolved within the document."""
    registry: Registry[Any] = Registry().with_resource("urn:openapi", Resource.from_contents(DOCUMENT, DRAFT202012))
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": f"urn:openapi#/components/schemas/{name}",
    }
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=jsonschema.FormatChecker())


def references(value: object) -> list[str]:
    if isinstance(value, dict):
        own = [value["$ref"]] if isinstance(value.get("$ref"), str) else []
        return own + [ref for item in value.values() for ref in references(item)]
    if isinstance(value, list):
        return [ref for item in value for ref in references(item)]
    return []


def test_the_document_is_valid_openapi_3_1() -> None:
    validate(DOCUMENT)

    assert DOCUMENT["openapi"] == "3.1.0"


def test_every_reference_of_the_document_points_at_a_schema_of_the_document() -> None:
    found = references(DOCUMENT)
    schemas = DOCUMENT["components"]["schemas"]

    assert len(found) > 57  # the scenario schema alone has 57 references
    assert {ref for ref in found if not ref.startswith("#/components/schemas/")} == set()
    assert {ref.removeprefix("#/components/schemas/") for ref in found} <= set(schemas)


def test_the_scenario_in_the_document_is_the_shipped_schema_with_its_definitions_beside_it() -> None:
    shipped = scenario_schema()
    embedded = DOCUMENT["components"]["schemas"]

    assert set(shipped["$defs"]) == {
        name.removeprefix("Scenario.") for name in embedded if name.startswith("Scenario.")
    }
    assert embedded["Scenario"]["required"] == shipped["required"]
    assert embedded["Scenario.sector"] == shipped["$defs"]["sector"]


def test_the_assessment_in_the_document_is_the_shipped_schema_with_its_definitions_beside_it() -> None:
    shipped = assessment_schema()
    embedded = DOCUMENT["components"]["schemas"]

    assert set(shipped["$defs"]) == {
        name.removeprefix("Assessment.") for name in embedded if name.startswith("Assessment.")
    }
    assert embedded["Assessment"]["required"] == shipped["required"]
    assert embedded["Assessment"]["additionalProperties"] is False
    status = embedded["Assessment.contract"]["properties"]["status"]
    assert status == shipped["$defs"]["contract"]["properties"]["status"]


@pytest.mark.parametrize("file", ["dijon-2022-request.json"])
def test_the_example_request_is_a_scenario_of_the_document(file: str) -> None:
    document = json.loads((EXAMPLES / file).read_text("utf-8"))

    assert list(validator("Scenario").iter_errors(document)) == []
    assert list(validator("Scenario").iter_errors({**document, "as_of": 20230101})) != []


@pytest.mark.parametrize(
    ("path", "name", "params"),
    [
        ("/assess", "Assessment", {}),
        ("/readings", "Readings", {}),
        ("/schedule", "Schedule", {}),
        (
            "/export/scdl",
            "ScdlRecords",
            {
                "funder_siret": FUNDER_SIRET,
                "beneficiary_siret": BENEFICIARY_SIRET,
                "eu_notified": "true",
                "convention_signed_on": "2022-11-15",
            },
        ),
    ],
)
def test_each_answer_is_valid_against_its_schema_in_the_document(path: str, name: str, params: dict[str, str]) -> None:
    response = CLIENT.post(path, params=params, content=body(ONE_CONTRACT))

    assert response.status_code == 200, response.text
    assert list(validator(name).iter_errors(response.json())) == []


def test_a_problem_is_valid_against_its_schema_in_the_document() -> None:
    response = CLIENT.post("/assess", content=b'{"as_of": 1}')

    assert list(validator("Problem").iter_errors(response.json())) == []


def test_the_limits_of_the_application_are_those_its_document_states() -> None:
    document = client(Limits(max_contracts=7, max_body_bytes=4096)).get("/openapi.json").json()
    assess = document["paths"]["/assess"]["post"]

    assert "At most 7 contracts" in assess["description"]
    assert assess["responses"]["413"]["description"] == "The body is larger than 4096 bytes."


SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", create_app())


def _problem_for_every_client_error(ctx: Any, response: Any, case: Any) -> bool:
    """Every 4xx is a problem (RFC 9457) with the members of the library's errors."""
    if 400 <= response.status_code < 500:
        assert response.headers["content-type"][0] == "application/problem+json"
        data = json.loads(response.content)
        assert {"type", "title", "status", "detail", "code", "path"} <= set(data)
        assert data["status"] == response.status_code
    return True


@SCHEMA.parametrize()
@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_drawn_from_the_document_fails_the_service(case: Any) -> None:
    response = case.call()

    for check in (
        schemathesis.checks.not_a_server_error,
        schemathesis.checks.status_code_conformance,
        schemathesis.checks.content_type_conformance,
        schemathesis.checks.response_schema_conformance,
    ):
        case.validate_response(response, checks=[check])
    _problem_for_every_client_error(None, response, case)
