"""The JSON Schemas of scenario files and requests and of the assessment answered, as data, ready to embed in
another document (OpenAPI).

>>> schema = scenario_schema()
>>> schema["$defs"]["clause"]["enum"][:3], schema["properties"]["as_of"]["$ref"]
(['C1', 'C2', 'C3'], '#/$defs/date')
>>> embedded = scenario_schema(defs_at="#/components/schemas/Scenario.")
>>> "$defs" in embedded, embedded["properties"]["as_of"]["$ref"], sorted(embedded["x-definitions"])[:2]
(False, '#/components/schemas/Scenario.date', ['Scenario.blank', 'Scenario.clause'])
>>> answer = assessment_schema()
>>> answer["properties"]["accrued"], answer["additionalProperties"]
({'$ref': '#/$defs/money'}, False)
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from ..words._errors import InvalidInput, kind_of, shown
from ._requests import schema_text

__all__ = ["assessment_schema", "scenario_schema"]

_DEFS = "#/$defs/"


def scenario_schema(*, defs_at: str = _DEFS) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario, a fresh copy the caller may change.

    With ``defs_at`` left as it is, the schema is the one shipped, its definitions under ``$defs``.
    Given another prefix (``"#/components/schemas/Scenario."``), every reference points there and the
    definitions are moved to ``x-definitions``, keyed by their name within the new document
    (``Scenario.date``): the caller places them where the prefix says. The schema's ``$schema``
    and ``$id`` stay only in the stand-alone form.
    """
    return _placed(json.loads(schema_text()), defs_at)


def assessment_schema(*, defs_at: str = _DEFS) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``Assessment.to_dict()``, what ``POST /assess`` answers: a fresh copy.

    Every object of a fixed shape (the convention, a programme year, a contract, an unmet condition, a
    deadline…) names all its fields and admits no other; the trace is optional (``to_dict(trace=False)``).
    ``defs_at`` moves the definitions as :func:`scenario_schema` does (``"#/components/schemas/Assessment."``).
    """
    text = resources.files("propulseur_rules").joinpath("data/assessment.schema.json").read_text("utf-8")
    return _placed(json.loads(text), defs_at)


def _placed(schema: dict[str, Any], defs_at: str) -> dict[str, Any]:
    """``schema`` as it is, or with its definitions moved for ``defs_at``."""
    if not isinstance(defs_at, str):
        raise InvalidInput("defs_at", "error.defs_at_not_text", type=kind_of(defs_at))
    if not defs_at.startswith("#") or not defs_at.endswith(("/", ".")):
        raise InvalidInput("defs_at", "error.defs_at_not_a_prefix", value=shown(defs_at))
    if defs_at == _DEFS:
        return schema
    definitions = schema.pop("$defs")
    schema.pop("$schema", None)
    schema.pop("$id", None)
    name_at = defs_at.rsplit("/", 1)[-1]
    moved: dict[str, Any] = _with_references(schema, defs_at)
    moved["x-definitions"] = {
        name_at + name: _with_references(definition, defs_at) for name, definition in definitions.items()
    }
    return moved


def _with_references(value: Any, defs_at: str) -> Any:
    """``value`` with each ``$ref`` to ``#/$defs/NAME`` pointing to ``defs_at + NAME`` instead."""
    if isinstance(value, dict):
        return {
            key: (defs_at + item[len(_DEFS) :])
            if key == "$ref" and isinstance(item, str) and item.startswith(_DEFS)
            else _with_references(item, defs_at)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_with_references(item, defs_at) for item in value]
    return value
