"""The command line never lends the built-in example's facts to a user's file, and says where each input came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOML = str(EXAMPLES / "dijon-2022.toml")
CSV = str(EXAMPLES / "dijon-2022-contracts.csv")

# The thirteen contracts of examples/dijon-2022-contracts.csv on 31 March 2025 (README):
# three operating grants 3 × 20 000 = 60 000, seven funded contracts 7 × 15 000 = 105 000;
# accrued 60 000 + 105 000 = 165 000.
ACCRUED_ON_31_MARCH_2025 = "165000.00"
OWN_FACTS = ("--as-of", "2025-03-31", "--authorised-on", "2023-02-15")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def payments_csv(tmp_path: Path) -> str:
    path = tmp_path / "versements.csv"
    path.write_text("reference;paid_on;amount\nV-1;15/03/2023;50000.00\nV-2;2024-01-10;10000\n", encoding="utf-8")
    return str(path)


# --- a contracts file alone borrows nothing ------------------------------------------------------


def test_a_contracts_file_alone_is_refused_naming_every_missing_fact(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "assess", "--contracts", CSV)

    assert (status, out) == (EXIT_USAGE, "")
    assert err.count("\n") == 1
    assert err.startswith("propulseur-rules: error: ")
    for option in ("--as-of", "--authorised-on", "--not-authorised", "--payments", "--no-payments"):
        assert option in err
    assert "example" in err


def test_the_refusal_is_in_french_under_lang_fr(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "assess", "--contracts", CSV, "--as-of", "2025-03-31", "--lang", "fr")

    assert status == EXIT_USAGE
    assert err.startswith("propulseur-rules: erreur : ")
    assert "il manque --authorised-on DATE (ou --not-authorised), --payments FICHIER (ou --no-payments)" in err
    assert "--as-of" not in err  # given


def test_only_what_is_missing_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "assess", "--contracts", CSV, *OWN_FACTS)

    assert status == EXIT_USAGE
    assert "--payments" in err
    assert "--as-of" not in err
    assert "--authorised-on" not in err


def test_payments_alone_do_not_borrow_the_example_contracts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "assess", "--payments", payments_csv(tmp_path), *OWN_FACTS)

    assert status == EXIT_USAGE
    assert "--contracts" in err


def test_with_every_fact_given_nothing_is_paid_unless_said(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "assess", "--contracts", CSV, *OWN_FACTS, "--no-payments", "--format", "json")

    data = json.loads(out)
    assert (status, err) == (EXIT_OK, "")
    assert data["accrued"] == ACCRUED_ON_31_MARCH_2025
    # No payment: everything releasable is payable.
    assert (data["paid"], data["payable"]) == ("0.00", ACCRUED_ON_31_MARCH_2025)
    assert data["inputs"] == {
        "fictitious_example": False,
        "convention": {"source": "preset", "name": "dijon-2022"},
        "contracts": {"source": "file", "file": CSV, "option": "--contracts", "encoding": "UTF-8"},
        "payments": {"source": "none", "option": "--no-payments"},
        "as_of": {"source": "option", "option": "--as-of"},
        "regional_authorisation_on": {"source": "option", "option": "--authorised-on"},
    }


def test_payments_come_from_their_csv_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    payments = payments_csv(tmp_path)
    status, out, _ = run(capsys, "assess", "--contracts", CSV, *OWN_FACTS, "--payments", payments, "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    # Paid 50 000 + 10 000 = 60 000; payable 165 000 − 60 000 = 105 000.
    assert (data["paid"], data["payable"]) == ("60000.00", "105000.00")
    assert data["inputs"]["payments"] == {
        "source": "file",
        "file": payments,
        "option": "--payments",
        "encoding": "UTF-8",
    }


def test_not_authorised_withholds_everything(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ("assess", "--contracts", CSV, "--as-of", "2025-03-31", "--not-authorised", "--no-payments")
    status, out, _ = run(capsys, *argv, "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    # C4: without the regional authorisation all that has accrued is withheld.
    assert (data["withheld"], data["releasable"]) == (ACCRUED_ON_31_MARCH_2025, "0.00")
    assert data["regional_authorisation_on"] is None
    assert data["inputs"]["regional_authorisation_on"] == {"source": "none", "option": "--not-authorised"}


def test_authorised_on_and_not_authorised_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "assess", "--authorised-on", "2023-02-15", "--not-authorised")

    assert status == EXIT_USAGE
    assert "not allowed with" in err


# --- every report says where its inputs came from --------------------------------------------------


def test_the_built_in_example_says_it_is_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess")

    assert status == EXIT_OK
    assert out.endswith(
        "\nInputs\n"
        "  FICTITIOUS EXAMPLE: the facts marked invented were made up for the built-in example; "
        "no figure of this report is to be signed.\n"
        "  Convention      the preset dijon-2022\n"
        "  Contracts       invented for the built-in example (fictitious)\n"
        "  Payments        invented for the built-in example (fictitious)\n"
        "  As of           invented for the built-in example (fictitious)\n"
        "  Authorisation   invented for the built-in example (fictitious)\n"
        "  Financing terms invented for the built-in example (fictitious)\n"
        # The example's terms are the library's assumptions (FinancingTerms), each said so.
        "    Advance       assumed by the library, not published\n"
        "    Balance       assumed by the library, not published\n"
        "    Statement     assumed by the library, not published\n"
        "    Final report  assumed by the library, not published\n"
        "    Contract copy assumed by the library, not published\n"
        "  Financing date  invented for the built-in example (fictitious)\n"
        "  Documents       invented for the built-in example (fictitious)\n"
    )


def test_a_scenario_file_and_options_are_each_named(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", TOML, "--contracts", CSV, "--as-of", "2025-01-01", "--lang", "fr")

    assert status == EXIT_OK
    assert out.endswith(
        "\nDonnées d'entrée\n"
        f"  Convention      le fichier de scénario {TOML}\n"
        f"  Contrats        le fichier {CSV} (--contracts, lu en UTF-8)\n"
        f"  Versements      le fichier de scénario {TOML}\n"
        "  Date d'effet    l'option --as-of\n"
        f"  Autorisation    le fichier de scénario {TOML}\n"
        f"  Modalités       le fichier de scénario {TOML}\n"
        # The scenario file writes out each of the five terms.
        f"    Avance        le fichier de scénario {TOML}\n"
        f"    Solde         le fichier de scénario {TOML}\n"
        f"    Compte rendu  le fichier de scénario {TOML}\n"
        f"    Rapport final le fichier de scénario {TOML}\n"
        f"    Copie contrat le fichier de scénario {TOML}\n"
        f"  Signature       le fichier de scénario {TOML}\n"
        f"  Pièces          le fichier de scénario {TOML}\n"
    )


def test_markdown_reports_have_an_inputs_section(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "--format", "markdown")

    assert status == EXIT_OK
    assert (
        "\n## Inputs\n\n**FICTITIOUS EXAMPLE: the facts marked invented were made up for the built-in example; "
        "no figure of this report is to be signed.**\n\n"
        "- Convention: the preset dijon-2022\n- Contracts: invented for the built-in example (fictitious)\n"
    ) in out
    assert (
        "- Financing terms: invented for the built-in example (fictitious)\n  - Advance: assumed by the library" in out
    )


def test_json_reports_are_to_dict_with_their_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    from propulseur_rules import load_scenario

    status, out, _ = run(capsys, "assess", TOML, "--format", "json")

    data = json.loads(out)
    inputs = data.pop("inputs")
    assert status == EXIT_OK
    assert data.pop("payable_by_basis") == {"given_terms": "12000.00"}
    assert data == load_scenario(TOML).assess().to_dict()
    assert inputs["contracts"] == {"source": "scenario", "file": TOML}


def test_the_budget_year_and_schedule_reports_also_name_their_inputs(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["assess", "--by", "budget-year", "--format", "json"], ["schedule", "--format", "json"]):
        status, out, _ = run(capsys, *argv)
        assert status == EXIT_OK
        assert json.loads(out)["inputs"]["payments"] == {"source": "example"}
    status, out, _ = run(capsys, "schedule", "--contracts", CSV, "--not-authorised", "--no-payments")
    assert status == EXIT_OK  # a schedule needs no date of assessment
    assert "  Contracts       the file " in out
