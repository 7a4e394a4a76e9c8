"""A postal code where an INSEE code belongs is said in the report's inputs, and never changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from propulseur_rules import Contract, Sector, Startup
from propulseur_rules.cli import EXIT_OK, main
from propulseur_rules.files._inputs import postal_code_warnings

FACTS = ("--as-of", "2023-03-31", "--authorised-on", "2023-02-15", "--no-payments")


def contracts_csv(tmp_path: Path, head_office: str) -> str:
    path = tmp_path / "contrats.csv"
    path.write_text(
        "reference;startup;head_office;sector;signed_on\n"
        f"P-1;Hydrolis;{head_office};industry;2022-11-03\n"
        "P-2;Vitalis;21231;health;2022-12-01\n",
        encoding="utf-8",
    )
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == EXIT_OK
    return capsys.readouterr().out


def test_21000_is_named_as_the_postal_code_of_dijon(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = contracts_csv(tmp_path, "21000")

    english = run(capsys, "assess", "--contracts", csv, *FACTS)
    french = run(capsys, "assess", "--contracts", csv, *FACTS, "--lang", "fr")

    inputs = english[english.rindex("\nInputs\n") :]
    assert (
        "  Warning         contract P-1: head office 21000 is the INSEE code of no commune of the métropole "
        "but the postal code of Dijon (INSEE code 21231)\n" in inputs
    )
    inputs = french[french.rindex("\nDonnées d'entrée\n") :]
    assert (
        "  Attention       contrat P-1 : le siège 21000 n'est le code INSEE d'aucune commune de la métropole "
        "mais le code postal de Dijon (code INSEE 21231)\n" in inputs
    )
    assert "P-2" not in inputs  # 21231 is Dijon's INSEE code


def test_the_value_is_not_changed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(
        run(capsys, "assess", "--contracts", contracts_csv(tmp_path, "21000"), *FACTS, "--format", "json")
    )

    [first] = [contract for contract in data["contracts"] if contract["reference"] == "P-1"]
    # 21000 is no member's INSEE code: the contract stays outside the territory (C5), as given.
    assert first["grant"] == "0.00"
    assert "head_office_in_territory" in json.dumps(first)
    assert data["inputs"]["warnings"] == [
        {
            "contract": "P-1",
            "head_office": "21000",
            "meant": [{"insee_code": "21231", "name": "Dijon"}],
            "message": "contract P-1: head office 21000 is the INSEE code of no commune of the métropole "
            "but the postal code of Dijon (INSEE code 21231)",
        }
    ]


def test_the_json_message_is_in_the_report_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = contracts_csv(tmp_path, "21000")
    data = json.loads(run(capsys, "assess", "--contracts", csv, *FACTS, "--format", "json", "--lang", "fr"))

    assert data["inputs"]["warnings"][0]["message"].startswith("contrat P-1 : le siège 21000")


def test_a_postal_code_shared_by_four_communes_names_all_four() -> None:
    # 21800 in the shipped table: Chevigny-Saint-Sauveur 21171, Neuilly-Crimolois 21452, Quetigny 21515,
    # Sennecey-lès-Dijon 21605.
    startup = Startup(name="DataCœur", head_office="21800", sector=Sector.HEALTH)
    [warning] = postal_code_warnings([Contract(reference="P-9", startup=startup, signed_on="2023-01-10")])

    assert [commune.insee_code for commune in warning.meant] == ["21171", "21452", "21515", "21605"]
    assert warning.text().endswith(
        "Chevigny-Saint-Sauveur (INSEE code 21171) or Neuilly-Crimolois (INSEE code 21452) "
        "or Quetigny (INSEE code 21515) or Sennecey-lès-Dijon (INSEE code 21605)"
    )


def test_no_warning_without_a_postal_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = json.loads(
        run(capsys, "assess", "--contracts", contracts_csv(tmp_path, "21231"), *FACTS, "--format", "json")
    )
    text = run(capsys, "assess")

    assert "warnings" not in data["inputs"]
    assert "Warning" not in text


def test_a_code_of_no_commune_of_the_metropole_is_no_postal_code_of_it() -> None:
    # 21054 (Beaune) and 21121 (the INSEE code of another commune, the postal code of Ahuy): only a code
    # that is no member's INSEE code and some member's postal code is named; 21121 is the latter.
    startups = [Startup(name=f"S{code}", head_office=code, sector=Sector.OTHER) for code in ("21054", "21121")]
    contracts = [Contract(reference=s.name, startup=s, signed_on="2023-01-10") for s in startups]

    assert [warning.contract for warning in postal_code_warnings(contracts)] == ["S21121"]
