"""The command line: assess, explain, check and schema, their output and their exit status."""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

from propulseur_rules import __version__, dump_scenario, load_scenario
from propulseur_rules.cli import EXIT_CHECK_FAILED, EXIT_OK, EXIT_UNMET, EXIT_USAGE, main
from propulseur_rules.files import example_scenario

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TOML = str(EXAMPLES / "dijon-2022.toml")
CSV = str(EXAMPLES / "dijon-2022-contracts.csv")
LATE = str(EXAMPLES / "scenarios" / "late-regional-authorisation.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# --- assess ---------------------------------------------------------------------------------


def test_assess_with_no_file_reports_the_built_in_example(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "assess")

    assert (status, err) == (EXIT_OK, "")
    # Accrued 165 000; under the assumed financing terms 10 000 waits for year 2's financial statement
    # and 20 % × 165 000 = 33 000 is the balance held; paid 110 000: 165 000 − 10 000 − 33 000 − 110 000.
    assert re.search(r"Payable now +€12,000\.00\n", out)
    # The TOML example writes the same terms out, so its one figure is the simulation's; the built-in
    # example heads its report with its fictitious facts and the ceiling beside the simulation:
    # under the deliberation alone 165 000 − 110 000 = 55 000 (C2, C3), of which 55 000 − 12 000 = 43 000
    # rest on the assumed terms.
    headline = (
        "\nFICTITIOUS EXAMPLE: the facts marked invented were made up for the built-in example; "
        "no figure of this report is to be signed.\n"
        "Payable under the deliberation alone (ceiling): €55,000.00\n"
        "Payable under the assumed terms of the financing convention (a simulation, not a figure to sign): "
        "€12,000.00\n"
    )
    assert headline in out
    # The same report as the TOML example's, but for that headline, the block that says where the
    # inputs came from, and the lead of the terms: the example's are the library's assumptions, the
    # TOML file's are written out in the file.
    c3 = "(C3: « selon les modalités définies dans la convention de financement »)"
    unpublished = "the financing convention was not published with the deliberation"
    assumed = f"The terms below are ASSUMPTIONS: {unpublished} {c3}."
    given = (
        f"The terms below are those of the scenario, not the assumed defaults; {unpublished} {c3}: they could not "
        "be checked against it."
    )
    assert assumed in out
    toml_report = run(capsys, "assess", TOML)[1].split("\nInputs\n")[0]
    assert out.split("\nInputs\n")[0].replace(headline, "").replace(assumed, given) == toml_report


def test_assess_in_french_writes_french_money_and_dates(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", TOML, "--lang", "fr")

    assert status == EXIT_OK
    assert out.startswith("Évaluation de Dijon Métropole – PMT ProPulseur 2022-2025 au 31/03/2025\n")
    assert "plafond 195 000,00 € (C2)" in out
    assert "Période 01/07/2022 – 30/06/2025 (C1)" in out
    assert re.search(r"À verser +12 000,00 €\n", out)  # 165 000 − 10 000 − 33 000 − 110 000, as in English
    assert "il manque 1 contrat(s) éligible(s)" in out


def test_assess_as_json_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", TOML, "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    assert data.pop("inputs")["convention"] == {"source": "scenario", "file": TOML}
    # The TOML example writes every term out: one figure, resting on the terms it gives.
    assert data.pop("payable_by_basis") == {"given_terms": "12000.00"}
    assert data == load_scenario(TOML).assess().to_dict()


def test_assess_as_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", "--format", "markdown")

    assert status == EXIT_OK
    assert out.startswith("# Assessment of ")
    assert "| Accrued | €165,000.00 |" in out


def test_the_csv_contracts_give_the_same_assessment_as_the_toml_file(capsys: pytest.CaptureFixture[str]) -> None:
    from_toml = json.loads(run(capsys, "assess", TOML, "--format", "json")[1])
    from_csv = json.loads(run(capsys, "assess", TOML, "--contracts", CSV, "--format", "json")[1])

    assert from_csv.pop("inputs")["contracts"] == {
        "source": "file",
        "file": CSV,
        "option": "--contracts",
        "encoding": "UTF-8",
    }
    assert from_toml.pop("inputs")["contracts"] == {"source": "scenario", "file": TOML}
    assert from_csv == from_toml


def test_assess_on_another_date(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", TOML, "--as-of", "2023-01-01", "--format", "json")

    assert status == EXIT_OK
    # 1 January 2023: year 1 operating grant 20 000 + PRO-2022-01 and PRO-2022-02, 2 × 15 000 = 50 000.
    assert json.loads(out)["accrued"] == "50000.00"


def test_assess_reads_a_json_request_on_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    request = (EXAMPLES / "dijon-2022-request.json").read_text("utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(request))

    status, out, _ = run(capsys, "assess", "-", "--format", "json")

    assert status == EXIT_OK
    # 1 July 2025: 65 000 + 50 000 + 65 000 = 180 000 accrued; paid 50 000 + 60 000 + 55 000 = 165 000.
    assert json.loads(out)["payable"] == "15000.00"


def test_fail_on_unmet_exits_3_when_a_condition_blocks_payment(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", LATE, "--fail-on-unmet")

    assert status == EXIT_UNMET
    assert "Withheld     €50,000.00" in out  # the report is printed all the same


def test_fail_on_unmet_exits_3_when_money_is_held_back(capsys: pytest.CaptureFixture[str]) -> None:
    # The built-in example on 31 March 2025: nothing withheld (the pro rata reading of C3), but the
    # financial statement of year 2 is awaited (C3 « modalités »: the half of year 3's operating grant
    # that waits for it, 20 000 / 2 = 10 000 €) and a fifth of the 165 000 € releasable is the balance
    # held until the final report: 165 000 / 5 = 33 000 €.
    status, out, _ = run(capsys, "assess", "--fail-on-unmet", "--format", "json")

    assert status == EXIT_UNMET
    data = json.loads(out)
    assert (data["withheld"], data["awaiting_documents"], data["balance_held"]) == ("0.00", "10000.00", "33000.00")
    assert run(capsys, "assess")[0] == EXIT_OK  # without the option, the same assessment exits 0


def test_fail_on_unmet_exits_3_when_a_condition_withholds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    # Accrual at year end: the target of C3 is missed, which the pro rata reading turns into no money
    # withheld; the condition is unmet all the same.
    scenario = str(EXAMPLES / "scenarios" / "at-year-end-accrual.toml")
    status, out, _ = run(capsys, "assess", scenario, "--fail-on-unmet", "--format", "json")

    assert status == EXIT_UNMET
    data = json.loads(out)
    # The financing convention the law requires (195 000 € over 3 years > 23 000 € a year) has no signature
    # date: not verified, a warning that withholds nothing either.
    assert [(unmet["condition"], unmet["blocks_payment"]) for unmet in data["unmet"]] == [
        ("financing_convention_signed", False),
        ("contract_target", False),
    ]
    assert (data["withheld"], data["awaiting_documents"], data["balance_held"]) == ("0.00", "0.00", "0.00")


def test_fail_on_unmet_exits_0_when_all_is_met_and_nothing_held(capsys: pytest.CaptureFixture[str]) -> None:
    scenario = str(EXAMPLES / "scenarios" / "pooled-places.toml")
    # Signed on the first day of the period: the financing convention the law requires is verified.
    signed = ("--financing-signed-on", "2022-07-01")
    status, out, _ = run(capsys, "assess", scenario, *signed, "--fail-on-unmet", "--format", "json")

    assert status == EXIT_OK
    data = json.loads(out)
    assert data["unmet"] == []
    assert data["payable"] == data["releasable"] == data["accrued"]  # nothing withheld, awaited or held


# --- bad input: exit 2 and one line naming the file and the field -----------------------------


def assert_one_line_error(err: str, *parts: str) -> None:
    assert err.count("\n") == 1, err
    assert err.startswith("propulseur-rules: error: ")
    assert "Traceback" not in err
    for part in parts:
        assert part in err


def test_a_bad_scenario_exits_2_with_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(Path(TOML).read_text("utf-8").replace("signed_on = 2022-11-03", 'signed_on = "2023-02-30"'))

    status, out, err = run(capsys, "assess", str(path))

    assert (status, out) == (EXIT_USAGE, "")
    assert_one_line_error(err, str(path), "contracts[0].signed_on", "'2023-02-30' is not a day of the calendar")


def test_a_bad_csv_exits_2_with_the_line_and_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(Path(CSV).read_text("utf-8-sig").replace("03/11/2022", "31/11/2022"), encoding="utf-8")

    status, _, err = run(capsys, "assess", TOML, "--contracts", str(path))

    assert status == EXIT_USAGE
    assert_one_line_error(err, f"{path}:2: signed_on: '31/11/2022' is not a day of the calendar")


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "explain", str(tmp_path / "none.toml"))

    assert status == EXIT_USAGE
    assert_one_line_error(err, "none.toml: no such file")


def test_a_bad_date_on_the_command_line_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "assess", "--as-of", "March 2025")

    assert status == EXIT_USAGE
    assert_one_line_error(err, "--as-of: 'March 2025' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)")
    assert run(capsys, "assess", "--as-of", "31/03/2025")[1] == run(capsys, "assess", "--as-of", "2025-03-31")[1]


def test_a_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "assess", "--format", "yaml")

    assert status == EXIT_USAGE
    assert "invalid choice: 'yaml'" in err


def test_no_command_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys)

    assert status == EXIT_USAGE
    assert "usage: propulseur-rules" in out


def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--help")

    assert status == EXIT_OK
    assert "examples:" in out
    assert "propulseur-rules check examples/" in out
    assert "exit status:" in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--version")

    assert (status, out) == (EXIT_OK, f"propulseur-rules {__version__}\n")


# --- explain --------------------------------------------------------------------------------


def test_explain_gives_each_amount_its_clause_and_arithmetic(capsys: pytest.CaptureFixture[str]) -> None:
    # Without the financing terms, what is releasable is payable: 165 000 − 110 000 = 55 000.
    status, out, _ = run(capsys, "explain", "--financing", "none")

    assert status == EXIT_OK
    assert "  [C2] Contract PRO-2022-01: €15,000.00, accrued on 2022-11-03\n" in out
    assert (
        "  [C2] Entitled €20,000.00 + €45,000.00 = €65,000.00 (at most €65,000.00 a year); accrued €65,000.00.\n" in out
    )
    assert "  [C2] Accrued: €65,000.00 + €50,000.00 + €50,000.00 = €165,000.00 (cap €195,000.00)\n" in out
    assert "  Payable now: max(0, €165,000.00 − €110,000.00) = €55,000.00\n" in out
    assert "1 more eligible contract(s) needed" in out
    assert "« Le versement de cette participation est conditionné à la signature de 9 contrats" in out


def test_explain_in_french_says_what_lifting_a_condition_would_release(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", LATE, "--lang", "fr")

    assert status == EXIT_OK
    assert "Sa levée libérerait 50 000,00 €." in out
    assert "il manque 7 contrat(s) éligible(s)" in out
    assert "[C4] La convention d'autorisation unique avec la Région est validée le 15/05/2023, après la date" in out


def test_explain_as_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "explain", "--format", "markdown", "--lang", "fr")

    assert status == EXIT_OK
    assert "\n## Année de programme 1, 2022-2023 (du 01/07/2022 au 30/06/2023)\n" in out
    assert "\n- [C2] Fonctionnement du dispositif : 20 000,00 €, acquis le 01/07/2022\n" in out
    assert "\n  > « " in out


# --- check ----------------------------------------------------------------------------------


def test_check_passes_on_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "check", str(EXAMPLES))

    lines = out.splitlines()
    assert (status, err) == (EXIT_OK, "")
    # Seventeen files: the request has no expect table; the others, financing-convention.toml and
    # de-minimis-ceiling.toml among them, pass.
    assert lines[-1] == "16 passed, 0 failed, 1 skipped"
    assert "Clauses exercised: C1, C2, C3, C4, C5, C6, C7, C8, C9" in lines
    assert "Clauses no scenario exercised: none" in lines
    assert sum(line.startswith("PASS ") for line in lines) == 16


def test_check_reports_a_mismatch_and_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(Path(LATE).read_text("utf-8").replace('withheld = "50000.00"', 'withheld = "0.00"'))

    status, out, _ = run(capsys, "check", str(wrong), LATE)

    assert status == EXIT_CHECK_FAILED
    assert f"FAIL  {wrong}: Until the regional authorisation is validated, everything accrued is withheld." in out
    assert "      withheld: expected 0.00, got 50000.00\n" in out
    assert out.splitlines()[-1] == "1 passed, 1 failed"
    # One scenario alone exercises a few clauses only: under C1's period and places per year,
    # the step that states the readings cites C1, not C7.
    assert "Clauses no scenario exercised: C5, C6, C7, C8" in out


def test_check_fails_a_scenario_whose_covered_clause_is_never_cited(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "covers.toml"
    path.write_text(Path(LATE).read_text("utf-8").replace('covers = ["C3", "C4"]', 'covers = ["C3", "C8"]'))

    status, out, _ = run(capsys, "check", str(path))

    assert status == EXIT_CHECK_FAILED
    assert "covers: C8 is cited by no unmet condition and no step of the trace" in out


def test_check_says_its_lines_in_french_with_lang_fr(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The scenario withholds 50 000 € until the authorisation (C4); its expect table says 0.
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(Path(LATE).read_text("utf-8").replace('withheld = "50000.00"', 'withheld = "0.00"'))
    covers = tmp_path / "covers.toml"
    covers.write_text(Path(LATE).read_text("utf-8").replace('covers = ["C3", "C4"]', 'covers = ["C3", "C8"]'))
    bad = tmp_path / "bad.json"
    bad.write_text("{}")

    status, out, err = run(capsys, "check", str(wrong), str(covers), str(bad), LATE, "--lang", "fr")

    assert status == EXIT_USAGE  # a file could not be read
    assert f"ÉCHEC  {wrong} : " in out
    assert "      withheld : attendu 0.00, obtenu 50000.00\n" in out
    assert "covers : C8 n'est cité par aucune condition non remplie ni aucune étape de la trace" in out
    assert f"ERREUR {bad}" in out
    assert f"RÉUSSI {LATE} : " in out
    assert "Clauses qu'aucun scénario n'exerce : C5, C6, C7, C8" in out
    assert out.splitlines()[-1] == "1 réussi(s), 3 en échec"
    assert "name" in err
    assert "missing" not in err  # the error is said in French too


def test_check_with_a_bad_file_exits_2_and_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}")

    status, out, err = run(capsys, "check", str(bad), LATE)

    assert status == EXIT_USAGE
    assert_one_line_error(err, f"{bad}: name: is missing")
    assert out.splitlines()[-1] == "1 passed, 1 failed"


def test_check_of_a_folder_without_scenarios_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "check", str(tmp_path))

    assert status == EXIT_USAGE
    assert "holds no .toml or .json scenario" in err


# --- schema and the module entry point ---------------------------------------------------------------


def test_schema_prints_the_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema")

    assert status == EXIT_OK
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_built_in_example_scenario_is_the_toml_example() -> None:
    assert example_scenario().assess() == load_scenario(TOML).assess()


def test_markdown_reports_escape_what_could_open_an_html_tag(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    scenario = example_scenario()
    hostile = scenario.replace(convention=scenario.convention.replace(reference="R&D <script>alert(1)</script>"))
    path = tmp_path / "hostile.json"
    dump_scenario(hostile, path)

    for command in (["assess", str(path)], ["explain", str(path)], ["schedule", str(path)]):
        assert main([*command, "--format", "markdown"]) == EXIT_OK
        output = capsys.readouterr().out
        assert "<script>" not in output
        assert "R&amp;D &lt;script>" in output
    assert main(["assess", str(path), "--by", "budget-year", "--format", "markdown"]) == EXIT_OK
    assert "<script>" not in capsys.readouterr().out
    # Plain text stays as written.
    assert main(["assess", str(path)]) == EXIT_OK
    assert "R&D <script>alert(1)</script>" in capsys.readouterr().out
