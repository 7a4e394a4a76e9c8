"""``propulseur-rules statement``: the liquidation statement, French by default, Markdown or printable HTML."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOML = str(EXAMPLES / "dijon-2022.toml")
FULL = str(EXAMPLES / "scenarios" / "full-195000.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_statement_of_the_example_is_in_french_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "statement")

    assert (status, err) == (EXIT_OK, "")
    assert out.startswith("# État liquidatif\n")
    assert "> **Exemple fictif : ce document n'est pas à signer." in out
    # The example on 31 March 2025: 165 000 − 10 000 − 33 000 − 110 000 = 12 000 proposed;
    # under the deliberation alone 165 000 − 110 000 = 55 000, the ceiling.
    assert "| égale le montant proposé au paiement | C3 | 12 000,00 € |" in out
    assert "| Délibération seule (plafond) | 55 000,00 € |" in out


def test_the_statement_in_english_as_a_printable_page_to_a_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "statement.html"

    status, out, err = run(capsys, "statement", "--lang", "en", "--format", "html", "--output", str(output))

    assert (status, out, err) == (EXIT_OK, "", "")
    page = output.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "@page { size: A4;" in page
    assert "<script" not in page
    assert '<td class="amount">€12,000.00</td>' in page
    HTMLParser().feed(page)


def test_a_scenario_file_of_the_users_own_has_no_fictitious_warning(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "statement", FULL)

    assert status == EXIT_OK
    assert "fictif" not in out
    # C2: 3 × (20 000 + 3 × 15 000) = 195 000 accrued on 1 July 2025; paid 130 000: 65 000 proposed.
    assert "| égale le montant proposé au paiement | C3 | 65 000,00 € |" in out
    assert f"| Date de la liquidation | 01/07/2025 | le fichier de scénario {FULL} |" in out


def test_the_options_of_assess_change_the_facts_and_their_sources(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "statement", TOML, "--financing", "none", "--as-of", "2025-03-31")

    assert status == EXIT_OK
    # Without the terms, all that is releasable and unpaid is payable: 165 000 − 110 000 = 55 000.
    assert "| égale le montant proposé au paiement | C3 | 55 000,00 € |" in out
    assert "| Modalités de versement (C3) | aucune : la délibération seule | aucune (--financing none) |" in out
    assert "| Date de la liquidation | 31/03/2025 | l'option --as-of |" in out
    assert "plafond)" not in out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "propulseur-rules: erreur : --as-of: '2025-13-01' n'est pas un jour du calendrier\n"),
        ("en", "propulseur-rules: error: --as-of: '2025-13-01' is not a day of the calendar\n"),
    ],
)
def test_bad_input_is_one_line_on_standard_error_in_the_language_asked(
    capsys: pytest.CaptureFixture[str], lang: str, expected: str
) -> None:
    status, out, err = run(capsys, "statement", "--as-of", "2025-13-01", "--lang", lang)

    assert (status, out, err) == (EXIT_USAGE, "", expected)


def test_a_scenario_file_that_does_not_exist_is_refused_in_french(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = str(tmp_path / "absent.toml")

    status, out, err = run(capsys, "statement", missing)

    assert (status, out, err) == (EXIT_USAGE, "", f"propulseur-rules: erreur : {missing}: fichier introuvable\n")
