"""Issue 19: a figure an ordonnateur can sign — where each fact comes from, and no assumption in the headline.

The built-in example (``examples/dijon-2022.toml`` without its file name): on 31 March 2025 its
thirteen contracts have accrued three operating grants, 3 × 20 000 = 60 000 (C2), and seven funded
contracts, 7 × 15 000 = 105 000 (C2, C7): 165 000; 50 000 + 60 000 = 110 000 has been paid.

- Under the deliberation alone (C3 « interviendra », no financing terms) what has accrued and not been
  paid is payable: 165 000 − 110 000 = 55 000, the ceiling.
- Under the assumed terms (50 % advance, 20 % balance, the documents' delays), 10 000 waits for the
  financial statement of year 2 and 20 % × 165 000 = 33 000 is the balance held:
  165 000 − 10 000 − 33 000 − 110 000 = 12 000, a simulation.
- 55 000 − 12 000 = 43 000 rest on the assumed terms.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOML = EXAMPLES / "dijon-2022.toml"
CSV = str(EXAMPLES / "dijon-2022-contracts.csv")
DOCUMENTS = str(EXAMPLES / "dijon-2022-documents.csv")

ACCRUED = Decimal("60000") + Decimal("105000")
PAID = Decimal("50000") + Decimal("60000")
CEILING = ACCRUED - PAID
SIMULATION = ACCRUED - Decimal("10000") - Decimal("0.20") * ACCRUED - PAID
OWN_FACTS = ("--contracts", CSV, "--as-of", "2025-03-31", "--authorised-on", "2023-02-15", "--no-payments")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_worked_figures() -> None:
    assert (Decimal("55000"), Decimal("12000"), Decimal("43000")) == (CEILING, SIMULATION, CEILING - SIMULATION)


# --- no assumption in the headline ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "ceiling", "simulation"),
    [
        (
            "en",
            "Payable under the deliberation alone (ceiling): €55,000.00",
            "(a simulation, not a figure to sign): €12,000.00",
        ),
        (
            "fr",
            "À verser selon la délibération seule (plafond) : 55 000,00 €",
            "(simulation, montant à ne pas signer) : 12 000,00 €",
        ),
    ],
)
@pytest.mark.parametrize("command", ["assess", "explain"])
def test_the_example_heads_its_reports_with_the_ceiling_beside_the_simulation(
    capsys: pytest.CaptureFixture[str], command: str, lang: str, ceiling: str, simulation: str
) -> None:
    for form in ("text", "markdown"):
        status, out, _ = run(capsys, command, "--lang", lang, "--format", form)
        head = out.split("\n\n## " if form == "markdown" else "\n\n", 3)
        assert status == EXIT_OK
        # Both figures come before any table: the headline.
        top = "\n".join(head[:3])
        assert ceiling in top
        assert simulation in top
        assert ("FICTITIOUS EXAMPLE" if lang == "en" else "EXEMPLE FICTIF") in top


def test_the_json_gives_both_figures_and_says_what_each_rests_on(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    assert data["payable_by_basis"] == {"deliberation_alone": f"{CEILING:.2f}", "assumed_terms": f"{SIMULATION:.2f}"}
    assert data["payable"] == f"{SIMULATION:.2f}"  # the figure of the rules under the assumed terms, unchanged
    assert data["inputs"]["fictitious_example"] is True


def test_given_terms_give_one_figure(capsys: pytest.CaptureFixture[str]) -> None:
    # examples/dijon-2022.toml writes out every term: the payable rests on the terms the file gives.
    status, out, _ = run(capsys, "assess", str(TOML))

    assert status == EXIT_OK
    assert "ceiling" not in out
    assert "FICTITIOUS" not in out
    assert re.search(r"Payable now +€12,000\.00\n", out)


def test_without_terms_the_deliberation_alone_is_the_one_figure(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", "--financing", "none", "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    assert data["payable_by_basis"] == {"deliberation_alone": f"{CEILING:.2f}"}
    assert data["payable"] == f"{CEILING:.2f}"


# --- each term labelled on its own -----------------------------------------------------------------


def _advance_only(tmp_path: Path) -> Path:
    """The TOML example with a financing convention that gives its advance alone, 30 %."""
    text = TOML.read_text("utf-8")
    start = text.index("[convention.financing]")
    end = text.index("\n\n", text.index("contract_copy_months"))
    path = tmp_path / "advance-only.toml"
    path.write_text(text[:start] + '[convention.financing]\nadvance_share = "0.30"' + text[end:], "utf-8")
    return path


def test_partial_terms_are_labelled_one_by_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    scenario = _advance_only(tmp_path)

    status, out, _ = run(capsys, "assess", str(scenario), "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    given = {"source": "scenario", "file": str(scenario)}
    assumed = {"source": "assumed"}
    assert data["inputs"]["financing_terms"] == {
        "advance_share": given,
        "balance_share": assumed,
        "financial_statement_months": assumed,
        "final_report_months": assumed,
        "contract_copy_months": assumed,
    }
    # Four terms are the library's: the deliberation alone is the ceiling, 165 000 − 110 000.
    assert data["payable_by_basis"] == {"deliberation_alone": f"{CEILING:.2f}", "assumed_terms": data["payable"]}

    status, out, _ = run(capsys, "assess", str(scenario), "--lang", "fr")
    assert status == EXIT_OK
    assert f"    Avance        le fichier de scénario {scenario}\n" in out
    assert "    Solde         supposée par la bibliothèque, non publiée\n" in out
    assert "À verser selon la délibération seule (plafond) : 55 000,00 €" in out


def test_the_statement_shows_the_ceiling_for_partial_terms(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "statement", str(_advance_only(tmp_path)))

    assert status == EXIT_OK
    assert re.search(r"\| Délibération seule \(plafond\) \| 55 000,00 € \|", out)
    assert "Exemple fictif" not in out


# --- the user's own files borrow nothing, and nothing is taken by default ---------------------------


def test_own_files_with_assumed_terms_name_no_example_fact(capsys: pytest.CaptureFixture[str]) -> None:
    argv = (*OWN_FACTS, "--financing", "assumed", "--financing-signed-on", "2022-11-15")

    status, out, _ = run(capsys, "assess", *argv)
    assert status == EXIT_OK
    inputs = out.split("\nInputs\n")[1]
    assert "built-in example" not in inputs
    assert "  Financing date  the option --financing-signed-on\n" in inputs
    assert "  Documents       none received\n" in inputs
    assert "    Advance       the assumed terms, not published (--financing assumed)\n" in inputs
    # Nothing paid: under the deliberation alone all that has accrued is payable, 165 000.
    assert f"Payable under the deliberation alone (ceiling): €{ACCRUED:,.2f}" in out

    status, out, _ = run(capsys, "statement", *argv)
    assert status == EXIT_OK
    assert "Exemple fictif" not in out
    assert "inventé pour l'exemple intégré" not in out


def test_own_files_said_not_signed(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "assess", *OWN_FACTS, "--financing", "assumed", "--financing-not-signed", "--lang", "fr"
    )

    assert status == EXIT_OK
    assert "  Signature       non signée (--financing-not-signed)\n" in out
    # Not signed: nothing is paid (loi n° 2000-321, art. 10), and nothing is to be recovered either.
    assert re.search(r"À verser +0,00 €\n", out)
    assert "Reversement" not in out


@pytest.mark.parametrize(
    ("argv", "english", "french"),
    [
        (
            (*OWN_FACTS, "--financing", "assumed"),
            "--financing assumed needs the day the financing convention was signed: give --financing-signed-on",
            "--financing assumed demande le jour de signature de la convention de financement : indiquez "
            "--financing-signed-on",
        ),
        (
            (*OWN_FACTS, "--documents", DOCUMENTS),
            "--documents needs the terms of the financing convention: give --financing assumed",
            "--documents demande les modalités de la convention de financement : indiquez --financing assumed",
        ),
    ],
)
@pytest.mark.parametrize("command", ["assess", "explain", "statement"])
def test_a_fact_not_given_is_refused_not_defaulted(
    capsys: pytest.CaptureFixture[str], command: str, argv: tuple[str, ...], english: str, french: str
) -> None:
    for lang, words, label in (("en", english, "error: "), ("fr", french, "erreur : ")):
        status, out, err = run(capsys, command, *argv, "--lang", lang)
        assert (status, out) == (EXIT_USAGE, "")
        assert err.count("\n") == 1
        assert err.startswith(f"propulseur-rules: {label}{words}")


def test_documents_with_a_scenario_that_has_no_terms_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "assess", str(EXAMPLES / "scenarios" / "lower-cap.toml"), "--documents", DOCUMENTS)

    assert status == EXIT_USAGE
    assert "--documents needs the terms of the financing convention" in err


def test_signed_on_and_not_signed_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "assess", "--financing-signed-on", "2022-11-15", "--financing-not-signed")

    assert status == EXIT_USAGE
    assert "not allowed with" in err


# --- the spreadsheets and the HTML view say it too ---------------------------------------------------


def _csv_tables(content: bytes, lang: str) -> list[list[list[str]]]:
    """The tables of an exported CSV file, split at the empty lines as a spreadsheet shows them."""
    french = lang == "fr"
    text = content.decode("utf-8-sig" if french else "utf-8")
    tables: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=";" if french else ","):
        if row:
            tables[-1].append(row)
        else:
            tables.append([])
    return tables


def test_the_csv_ends_with_the_assumptions_and_sources(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["assess", "--format", "csv", "--lang", "fr"]) == EXIT_OK

    _, figures, sources = _csv_tables(capsysbinary.readouterr().out, "fr")
    assert sources[0] == ["Hypothèses et sources", "Source"]
    assert sources[1][0].startswith("EXEMPLE FICTIF")
    assert ["Contrats", "inventé pour l'exemple intégré (fictif)"] in sources
    assert ["Avance", "supposée par la bibliothèque, non publiée"] in sources
    assert sources[-2:] == [
        ["À verser selon la délibération seule (plafond)", "55000,00"],
        ["À verser selon les modalités supposées (simulation, à ne pas signer)", "12000,00"],
    ]
    assert ["à verser", "12000,00"] in figures  # the figure of the rules, unchanged


def test_a_spreadsheet_of_given_terms_has_one_figure(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["assess", str(TOML), "--format", "csv"]) == EXIT_OK

    *_, sources = _csv_tables(capsysbinary.readouterr().out, "en")
    assert sources[-1] == ["Payable under the terms given", "12000.00"]
    assert not any(row[0].startswith("FICTITIOUS") for row in sources)


def test_the_html_view_heads_with_the_ceiling_beside_the_simulation() -> None:
    from propulseur_rules.files import example_scenario
    from propulseur_rules.reports import to_html

    scenario = example_scenario()
    ceiling = scenario.replace(convention=scenario.convention.replace(financing=None)).assess()
    shown = to_html(scenario.assess(), "fr", ceiling=ceiling, fictitious=True)

    assert "<p><strong>À verser selon la délibération seule (plafond) : 55 000,00 €</strong></p>" in shown
    assert "(simulation, montant à ne pas signer) : 12 000,00 €</strong></p>" in shown
    assert "<p><strong>EXEMPLE FICTIF" in shown
    assert "plafond" not in to_html(scenario.assess(), "fr")  # no ceiling given, none shown


def test_the_financing_section_names_the_terms_the_library_assumed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    scenario = str(_advance_only(tmp_path))

    status, out, _ = run(capsys, "assess", scenario)
    assert status == EXIT_OK
    assert (
        "Of the terms below, these are ASSUMPTIONS of the library, the others the scenario's: Balance, Statement, "
        "Final report, Contract copy;"
    ) in out
    # The advance the file gives, 30 %, is the one the section states.
    assert "30% of each operating grant is an advance" in out

    status, out, _ = run(capsys, "assess", scenario, "--lang", "fr")
    assert status == EXIT_OK
    assert (
        "celles-ci sont des HYPOTHÈSES de la bibliothèque, les autres celles du scénario : Solde, Compte rendu" in out
    )


# --- the schedule and the readings ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "notice", "invented"),
    [
        ("en", "FICTITIOUS EXAMPLE: ", "  Financing date  invented for the built-in example (fictitious)\n"),
        ("fr", "EXEMPLE FICTIF : ", "  Signature       inventé pour l'exemple intégré (fictif)\n"),
    ],
)
@pytest.mark.parametrize("command", ["schedule", "readings"])
def test_the_schedule_and_the_readings_of_the_example_say_it_is_fictitious(
    capsys: pytest.CaptureFixture[str], command: str, lang: str, notice: str, invented: str
) -> None:
    status, out, _ = run(capsys, command, "--lang", lang)

    assert status == EXIT_OK
    assert out.startswith(notice)
    assert invented in out

    status, out, _ = run(capsys, command, "--format", "json")
    data = json.loads(out)
    assert status == EXIT_OK
    assert data["inputs"]["fictitious_example"] is True
    assert data["inputs"]["financing_signed_on"] == {"source": "example"}


def test_a_schedule_of_ones_own_files_is_not_called_fictitious(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schedule", "--contracts", CSV, "--not-authorised", "--no-payments")

    assert status == EXIT_OK
    assert "FICTITIOUS" not in out
    assert "invented" not in out


def test_the_statement_names_the_terms_given_in_part(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    scenario = str(_advance_only(tmp_path))

    status, out, _ = run(capsys, "statement", scenario)

    assert status == EXIT_OK
    assert (
        "| Modalités de versement (C3) | données en partie ; supposées par la bibliothèque : Solde, Compte rendu, "
        f"Rapport final, Copie contrat | le fichier de scénario {scenario} |"
    ) in out


def test_the_statement_of_given_terms_has_one_figure(capsys: pytest.CaptureFixture[str]) -> None:
    # examples/dijon-2022.toml writes out the five terms: they are the file's, one figure, no ceiling.
    status, out, _ = run(capsys, "statement", str(TOML))

    assert status == EXIT_OK
    assert "| Modalités de versement (C3) | données |" in out
    assert "plafond" not in out
    assert "simulation" not in out


def test_the_readings_of_assumed_terms_come_with_their_ceilings(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "readings", "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    default, ceiling = data["readings"][0], data["readings_deliberation_alone"][0]
    assert (default["default"], ceiling["default"]) == (True, True)
    # The convention's own readings: 12 000 under the assumed terms, 165 000 − 110 000 = 55 000 without them.
    assert (default["payable"], ceiling["payable"]) == (f"{SIMULATION:.2f}", f"{CEILING:.2f}")
    assert len(data["readings_deliberation_alone"]) == len(data["readings"]) == 2 * 2 * 2 * 2

    status, out, _ = run(capsys, "readings", "--lang", "fr")
    assert status == EXIT_OK
    simulation = out.index("Selon les modalités supposées de la convention de financement (simulation")
    assert simulation < out.index("Selon la délibération seule (le plafond de chaque lecture) :")


def test_the_readings_of_given_terms_have_one_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "readings", str(TOML), "--format", "json")

    assert status == EXIT_OK
    assert "readings_deliberation_alone" not in json.loads(out)


def test_the_budget_years_of_the_example_open_with_the_ceiling_beside_the_simulation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "assess", "--by", "budget-year", "--lang", "fr")

    assert status == EXIT_OK
    assert out.startswith(
        "EXEMPLE FICTIF : les faits marqués inventés l'ont été pour l'exemple intégré ; aucun montant de ce rapport "
        "n'est à signer.\n"
        "À verser selon la délibération seule (plafond) : 55 000,00 €\n"
        "À verser selon les modalités supposées de la convention de financement (simulation, montant à ne pas "
        "signer) : 12 000,00 €\n\n"
    )

    status, out, _ = run(capsys, "assess", "--by", "budget-year", "--format", "json")
    assert status == EXIT_OK
    assert json.loads(out)["payable_by_basis"] == {"deliberation_alone": "55000.00", "assumed_terms": "12000.00"}


def test_a_markdown_schedule_of_the_example_says_it_is_fictitious_under_its_title(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "schedule", "--format", "markdown", "--lang", "fr")

    assert status == EXIT_OK
    title, blank, notice = out.split("\n")[:3]
    assert title.startswith("# ")
    assert (blank, notice) == (
        "",
        "**EXEMPLE FICTIF : les faits marqués inventés l'ont été pour l'exemple intégré ; aucun montant de ce "
        "rapport n'est à signer.**",
    )
