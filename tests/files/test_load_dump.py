"""Writing scenarios: JSON with the standard library, TOML with the ``toml`` extra; one plain-data conversion."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from propulseur_rules import DIJON_2022, PropulseurRulesError, assess, load_scenario
from propulseur_rules.files import dump_scenario
from propulseur_rules.rules._plain import convention_to_dict, convention_to_plain

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_without_tomli_w_a_toml_dump_names_the_extra_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tomli_w", None)  # import tomli_w now raises ImportError
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")

    with pytest.raises(PropulseurRulesError) as caught:
        dump_scenario(scenario, tmp_path / "again.toml")

    assert isinstance(caught.value, ImportError)
    assert str(caught.value) == ("writing a scenario as TOML needs tomli_w: pip install 'propulseur-rules[toml]'")
    assert not (tmp_path / "again.toml").exists()
    dump_scenario(scenario, tmp_path / "again.json")  # JSON needs no extra
    assert load_scenario(tmp_path / "again.json") == scenario


def test_the_convention_as_plain_data_is_the_deliberation_s() -> None:
    # Worked out from C1, C2, C3, C6, C8 and C9, as Assessment.to_dict() has always written it.
    expected = {
        "reference": "Dijon Métropole – PMT ProPulseur 2022-2025",
        "funder": "Dijon Métropole",
        "beneficiary": "Association Pôle de Compétitivité PMT",
        "period": {"start": "2022-07-01", "end": "2025-06-30"},
        "total_cap": "195000.00",
        "operating_grant_per_year": "20000.00",
        "grant_per_contract": "15000.00",
        "max_funded_contracts_per_year": 3,
        "required_contracts": 9,
        "territory": sorted(DIJON_2022.territory),
        "eligible_sectors": ["health", "industry"],
        "deliberation": {
            "decided_on": "2022-09-29",
            "members_in_office": 86,
            "present": 69,
            "proxies": 15,
            "votes_for": 84,
            "votes_against": 0,
            "abstentions": 0,
            "not_voting": 0,
            # CGCT, L. 2121-20, L. 2121-17, L. 2131-1: not given for the vote of 29 September 2022.
            "president_voted_for": None,
            "secret_ballot": False,
            "second_convocation": False,
            "executory_on": None,
        },
        "target_policy": "pro_rata",
        "accrual": "on_event",
        # The readings of SPEC §7, their defaults here.
        "places": "annual",
        "signing_deadline": None,
        "selected_from": None,
        # C3's financing convention: the deliberation sets no terms.
        "financing": None,
    }

    assert convention_to_dict(DIJON_2022) == expected
    assert list(convention_to_dict(DIJON_2022)) == list(expected)  # the same order of keys
    assert assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)).to_dict()["convention"] == expected
    assert convention_to_dict(DIJON_2022.replace(deliberation=None))["deliberation"] is None
    # A scenario file writes the same parameters.
    assert convention_to_plain(DIJON_2022) == expected
    strict = DIJON_2022.replace(signing_deadline=dt.date(2024, 12, 31))
    assert convention_to_plain(strict, dates_as_text=False)["signing_deadline"] == dt.date(2024, 12, 31)
