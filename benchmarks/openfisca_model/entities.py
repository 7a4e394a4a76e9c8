"""The two entities of the model: each contract a person, grouped in the scenario it belongs to."""

from __future__ import annotations

from openfisca_core.entities import build_entity

#: The day of the vote (C9): the parameters take effect on it and the formulas read them there.
VOTED_ON = "2022-09-29"
DELIBERATION = "Dijon Métropole, deliberation of 29 September 2022"

Contract = build_entity(
    key="contract",
    plural="contracts",
    label="An accompaniment contract of a startup",
    is_person=True,
)
Scenario = build_entity(
    key="scenario",
    plural="scenarios",
    label="One assessment of the convention: its contracts, and the day it is made",
    roles=[{"key": "contract", "plural": "contracts", "label": "A contract of the scenario"}],
)
