"""The OpenAPI 3.1 document of the service, built from the library's own schemas: the scenario it takes
(:func:`~propulseur_rules.files.scenario_schema`) and the assessment it answers
(:func:`~propulseur_rules.files.assessment_schema`), their definitions under ``components/schemas``, what
the other endpoints answer, and the problem details of its errors (RFC 9457).

>>> document = openapi_document()
>>> document["openapi"], document["components"]["schemas"]["Scenario"]["properties"]["as_of"]["$ref"]
('3.1.0', '#/components/schemas/Scenario.date')
"""

from __future__ import annotations

from typing import Any

from .._version import package_version
from ..files._schema import assessment_schema, scenario_schema
from ._limits import Limits
from ._problems import PROBLEM_MEDIA_TYPE

__all__ = ["OUTPUT_SCHEMAS", "openapi_document"]

_REF = "#/components/schemas/"

_MONEY = {"type": "string", "pattern": "^-?[0-9]+\\.[0-9]{2}$", "description": "Euros, to the cent: 35000.00."}
_DATE = {"type": "string", "format": "date", "description": "A day, ISO 8601: 2023-01-01."}


def _money_object(*names: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": list(names),
        "properties": {name: {"$ref": _REF + "Money"} for name in names},
    }


_READING = _money_object("accrued", "withheld", "releasable", "paid", "payable", "excess_paid")
_READING["properties"] |= {"default": {"type": "boolean"}, "target_policy": {"type": "string"}}
_READING["required"] = [*_READING["required"], "default"]

#: The schemas of what the service answers, by their name under ``components/schemas``.
OUTPUT_SCHEMAS: dict[str, dict[str, Any]] = {
    "Money": _MONEY,
    "Date": _DATE,
    "Reading": _READING,
    "Readings": {
        "type": "object",
        "required": ["readings"],
        "properties": {
            "readings": {"type": "array", "items": {"$ref": _REF + "Reading"}},
            "readings_deliberation_alone": {"type": "array", "items": {"$ref": _REF + "Reading"}},
        },
    },
    "Schedule": {
        "type": "object",
        "required": ["convention", "events"],
        "properties": {
            "convention": {"type": "string"},
            "events": {
                "type": "array",
                "items": {"type": "object", "required": ["on"], "properties": {"on": {"$ref": _REF + "Date"}}},
            },
        },
    },
    "ScdlRecords": {
        "type": "array",
        "description": "SCDL « subventions » 2.1.1 records, column name to text.",
        "items": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean", "null"]}},
    },
    "Health": {
        "type": "object",
        "required": ["status", "version"],
        "properties": {"status": {"const": "ok"}, "version": {"type": "string"}},
    },
    "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details, with the error of the library as data.",
        "required": ["type", "title", "status", "detail", "code", "path"],
        "properties": {
            "type": {"type": "string", "format": "uri-reference"},
            "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string"},
            "code": {"type": "string", "description": "The key of the catalogue of words, without 'error.'."},
            "path": {
                "type": "array",
                "description": "The field: keys and positions, from the top of the scenario.",
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
            },
            "values": {"type": "object", "additionalProperties": {"type": "string"}},
            "message": {"type": "string", "description": "The path and the detail, in the language asked."},
        },
    },
}

_LANG = {
    "name": "Accept-Language",
    "in": "header",
    "required": False,
    "description": "The language of texts and errors: fr or en (the default).",
    "schema": {"type": "string"},
}


def _problems(limits: Limits, *, bad_parameter: bool) -> dict[str, Any]:
    problem = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": _REF + "Problem"}}}
    wrong = {"400": {"description": "A parameter of the query is not one of its values.", "content": problem}}
    return {
        **(wrong if bad_parameter else {}),
        "413": {"description": f"The body is larger than {limits.max_body_bytes} bytes.", "content": problem},
        "422": {"description": "The body is not a scenario the rules can assess.", "content": problem},
    }


def _query(name: str, choices: list[str], description: str) -> dict[str, Any]:
    schema = {"type": "string", "enum": choices, "default": choices[0]}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


def _scenario_operation(
    summary: str,
    media: str | tuple[str, ...],
    schema: dict[str, Any],
    limits: Limits,
    parameters: tuple[dict[str, Any], ...] = (),
) -> dict[str, Any]:
    medias = (media,) if isinstance(media, str) else media
    counts = (
        f"At most {limits.max_contracts} contracts, {limits.max_payments} payments and "
        f"{limits.max_documents} documents; a body of at most {limits.max_body_bytes} bytes."
    )
    return {
        "post": {
            "summary": summary,
            "description": counts,
            "parameters": [_LANG, *parameters],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": _REF + "Scenario"}}},
            },
            "responses": {
                "200": {"description": summary, "content": {name: {"schema": schema} for name in medias}},
                **_problems(limits, bad_parameter=bool(parameters)),
            },
        }
    }


_TEXT = {"type": "string"}


def openapi_document(limits: Limits | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the service under ``limits`` (the defaults if none)."""
    document: dict[str, Any]
    limits = Limits() if limits is None else limits
    scenario = scenario_schema(defs_at=_REF + "Scenario.")
    definitions = scenario.pop("x-definitions")
    assessment = assessment_schema(defs_at=_REF + "Assessment.")
    definitions |= assessment.pop("x-definitions")
    text_format = _query("format", ["text", "markdown"], "Plain text or Markdown.")
    page_format = _query("format", ["markdown", "html"], "Markdown or a printable HTML page.")
    scdl_format = _query("format", ["json", "csv"], "SCDL as JSON or CSV.")
    scdl_inputs = [
        {"name": name, "in": "query", "required": required, "schema": schema, "description": description}
        for name, required, schema, description in (
            ("funder_siret", True, _TEXT, "The funder's SIRET (idAttribuant)."),
            ("beneficiary_siret", True, _TEXT, "The beneficiary's SIRET (idBeneficiaire)."),
            ("eu_notified", True, {"type": "boolean"}, "Whether the aid was notified to the EU (notificationUE)."),
            ("convention_signed_on", False, _DATE, "The day the financing convention was signed (dateConvention)."),
        )
    ]
    document = {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "propulseur-rules",
            "version": package_version(),
            "summary": "The grant of Dijon Métropole to the PMT for ProPulseur (29 September 2022), as rules.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "paths": {
            "/health": {
                "get": {
                    "summary": "Whether the service answers.",
                    "responses": {
                        "200": {
                            "description": "It does.",
                            "content": {"application/json": {"schema": {"$ref": _REF + "Health"}}},
                        }
                    },
                }
            },
            "/assess": _scenario_operation(
                "The assessment.", "application/json", {"$ref": _REF + "Assessment"}, limits
            ),
            "/explain": _scenario_operation(
                "Each amount with its clause and arithmetic.",
                ("text/plain", "text/markdown"),
                _TEXT,
                limits,
                (text_format,),
            ),
            "/readings": _scenario_operation(
                "The figures under every reading of the text.", "application/json", {"$ref": _REF + "Readings"}, limits
            ),
            "/schedule": _scenario_operation(
                "The dated events at which money accrues or is released.",
                "application/json",
                {"$ref": _REF + "Schedule"},
                limits,
            ),
            "/statement": _scenario_operation(
                "The liquidation statement of the payment allowed.",
                ("text/markdown", "text/html"),
                _TEXT,
                limits,
                (page_format,),
            ),
            "/export/scdl": _scenario_operation(
                "The convention as an SCDL « subventions » record.",
                ("application/json", "text/csv"),
                {"$ref": _REF + "ScdlRecords"},
                limits,
                (scdl_format, *scdl_inputs),
            ),
        },
        "components": {"schemas": {"Scenario": scenario, "Assessment": assessment, **definitions, **OUTPUT_SCHEMAS}},
    }
    document["paths"]["/export/scdl"]["post"]["responses"]["200"]["content"]["text/csv"]["schema"] = _TEXT
    return document
