"""The JSON Schema of scenario files and requests, as data, ready to embed in another document (OpenAPI).

>>> schema = scenario_schema()
>>> schema["$defs"]["clause"]["enum"][:3], schema["properties"]["as_of"]["$ref"]
(['C1', 'C2', 'C3'], '#/$defs/date')
>>> embedded = scenario_schema(defs_at="#/components/schemas/Scenario.")
>>> "$defs" in embedded, embedded["properties"]["as_of"]["$ref"], sorted(embedded["x-definitions"])[:2]
(False, '#/components/schemas/Scenario.date', ['Scenario.blank', 'Scenario.clause'])
"""

from __future__ import annotations

import json
from typing import Any

from ._requests import schema_text

__all__ = ["scenario_schema"]

_DEFS = "#/$defs/"


def scenario_schema(*, defs_at: str = _DEFS) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario, a fresh copy the caller may change.

    With ``defs_at`` left as it is, the schema is the one shipped, its definitions under ``$defs``.
    Given another prefix (``"#/components/schemas/Scenario."``), every reference points there and the
    definitions are moved to ``x-definitions``, keyed by their name within the new document
    (``Scenario.date``): the caller places them where the prefix says. The schema's ``$schema``
    and ``$id`` stay only in the stand-alone form.
    """
    schema: dict[str, Any] = json.loads(schema_text())
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
