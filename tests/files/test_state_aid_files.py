"""The other de minimis aid of the startups in a scenario file: read, checked, written back, refused by the
columnar engine (which assesses the deliberation alone)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from builders import siren_with_key
from propulseur_rules import (
    Condition,
    DeMinimisAid,
    InvalidInput,
    dump_scenario,
    load_scenario,
    loads_scenario,
    scenario_from_data,
)

SIREN = siren_with_key("73282932")

SCENARIO = f"""
name = "A startup near the de minimis ceiling of règlement (UE) n° 1407/2013."
as_of = 2023-06-30
convention = "dijon-2022"

[[contracts]]
reference = "A"
signed_on = 2023-03-15
applied_on = 2023-01-15
selected_on = 2023-02-15
startup = {{ name = "Hydrolis", head_office = "21231", sector = "industry", siren = "{SIREN}" }}

[[de_minimis_aid]]
siren = "{SIREN}"
granted_on = 2022-05-02
amount = "185000.01"
"""


def test_a_scenario_file_gives_the_aid_and_the_warning() -> None:
    scenario = loads_scenario(SCENARIO, "toml")

    assert scenario.de_minimis_aid == (
        DeMinimisAid(siren=SIREN, granted_on=dt.date(2022, 5, 2), amount=Decimal("185000.01")),
    )
    # 185 000.01 € + the contract's 15 000 € = 200 000.01 € > 200 000 €.
    conditions = [unmet.condition for unmet in scenario.assess().unmet]
    assert Condition.DE_MINIMIS_CEILING in conditions


def test_the_aid_is_written_back_and_read_equal_and_the_schema_accepts_it(tmp_path: Path) -> None:
    scenario = loads_scenario(SCENARIO, "toml")
    dump_scenario(scenario, tmp_path / "s.json")

    assert load_scenario(tmp_path / "s.json") == scenario
    data = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert data["de_minimis_aid"] == [{"siren": SIREN, "granted_on": "2022-05-02", "amount": "185000.01"}]
    schema = json.loads(resources.files("propulseur_rules").joinpath("data/scenario.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


@pytest.mark.parametrize(
    ("aid", "path"),
    [
        ({"siren": SIREN, "granted_on": "2022-05-02"}, "de_minimis_aid[0].amount"),
        ({"siren": SIREN, "granted_on": "2022-05-02", "amount": "1", "donor": "x"}, "de_minimis_aid[0].donor"),
        ({"siren": SIREN, "granted_on": "02/05/2022", "amount": "0"}, "de_minimis_aid[0].amount"),
    ],
)
def test_a_bad_aid_in_a_file_is_named_by_its_place(aid: dict[str, object], path: str) -> None:
    data = {"name": "x", "as_of": "2023-06-30", "convention": "dijon-2022", "de_minimis_aid": [aid]}

    with pytest.raises(InvalidInput) as raised:
        scenario_from_data(data)

    assert raised.value.path == path
