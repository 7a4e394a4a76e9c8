"""Scenario documents for the tests of what a service is sent: the example scenarios as JSON, and mutations of them.

A mutation replaces a value anywhere in a document by another JSON value (of another kind, empty, out of
range, written another way), removes a key or adds an unknown one: the documents a client gets wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from propulseur_rules.files import load_scenario
from propulseur_rules.files._dump import scenario_to_data

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _plain(value: object) -> Any:
    """The data of a scenario as JSON gives it: dates as ISO text, amounts as numbers."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


#: Every example scenario and the example request, as the JSON body of a request.
SEEDS: tuple[dict[str, Any], ...] = (
    json.loads((EXAMPLES / "dijon-2022-request.json").read_text("utf-8")),
    *(_plain(scenario_to_data(load_scenario(file))) for file in sorted((EXAMPLES / "scenarios").glob("*.toml"))),
)

#: Values a client may send in place of another: every JSON kind, empty, blank, out of range, another form.
ODD_VALUES: tuple[object, ...] = (
    None,
    True,
    False,
    0,
    -3,
    1.5,
    9.0,
    10**12,
    "",
    "   ",
    "x",
    "2023-01-01",
    " 2023-01-01 ",
    "01/07/2023",
    "2023-02-30",
    "50 000,00",
    "DIJON-2022",
    " Dijon-2022 ",
    "Industrie",
    " SANTÉ ",
    "Santé",
    "0",
    "0,00",
    "1e3",
    "12.345",
    "industry",
    "21231",
    [],
    [1],
    {},
    {"a": 1},
)

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=4), inner, max_size=2),
    max_leaves=4,
)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


@st.composite
def _mutation(draw: st.DrawFn, document: Any) -> Any:
    path = draw(st.sampled_from(_paths(document)[1:]))
    parent = document
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(("replace", "replace", "replace", "remove", "add")))
    if action == "remove" and isinstance(parent, dict):
        del parent[path[-1]]
    elif action == "add" and isinstance(parent, dict):
        parent[draw(st.sampled_from(("note", "amount", "sectors", "")))] = 1
    else:
        parent[path[-1]] = json.loads(json.dumps(draw(st.sampled_from(ODD_VALUES) | _JSON)))  # a copy of its own
    return document


@st.composite
def mutated_documents(draw: st.DrawFn, max_mutations: int = 2) -> Any:
    """An example scenario with up to ``max_mutations`` of its values replaced, removed or added."""
    document = json.loads(json.dumps(draw(st.sampled_from(SEEDS))))
    for _ in range(draw(st.integers(0, max_mutations))):
        document = draw(_mutation(document))
    return document
