"""The library side of the command line: a case from options, a request from a stream, the check of scenario files."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from propulseur_rules import Clause, InvalidInput, PropulseurRulesError
from propulseur_rules.example import EXAMPLE_CONTRACTS
from propulseur_rules.files import (
    ScenarioOptions,
    Verdict,
    assemble,
    check_scenarios,
    example_scenario,
    read_request,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_no_option_is_the_built_in_example_and_says_so() -> None:
    scenario, inputs = assemble(ScenarioOptions())

    assert scenario == example_scenario()
    assert scenario.contracts == EXAMPLE_CONTRACTS
    assert inputs.contracts.origin.value == "example"


def test_an_option_replaces_one_fact_and_names_itself_as_its_source() -> None:
    scenario, inputs = assemble(ScenarioOptions(as_of="01/07/2025", not_authorised=True))

    assert scenario.as_of == dt.date(2025, 7, 1)
    assert scenario.regional_authorisation_on is None
    assert inputs.as_of is not None
    assert inputs.as_of.option == "--as-of"
    assert inputs.regional_authorisation_on.option == "--not-authorised"
    assert scenario.contracts == EXAMPLE_CONTRACTS  # the other facts are still the example's


def test_contracts_of_ones_own_without_a_scenario_file_need_every_other_fact() -> None:
    options = ScenarioOptions(contracts=str(EXAMPLES / "dijon-2022-contracts.csv"))

    with pytest.raises(InvalidInput) as missing:
        assemble(options)

    assert missing.value.message("en").endswith(
        "missing --as-of DATE, --authorised-on DATE (or --not-authorised), --payments FILE (or --no-payments)"
    )
    assert missing.value.message("fr").endswith(
        "il manque --as-of DATE, --authorised-on DATE (ou --not-authorised), --payments FICHIER (ou --no-payments)"
    )


def test_a_schedule_needs_no_date_of_assessment() -> None:
    options = ScenarioOptions(
        contracts=str(EXAMPLES / "dijon-2022-contracts.csv"), dated=False, not_authorised=True, no_payments=True
    )

    scenario, inputs = assemble(options)

    assert inputs.as_of is None
    assert scenario.payments == ()


def test_a_request_is_read_from_the_stream_given() -> None:
    body = (EXAMPLES / "dijon-2022-request.json").read_bytes()

    scenario, inputs = assemble(ScenarioOptions(file="-"), io.BytesIO(body))

    assert inputs.contracts.name is None or inputs.contracts.file is None
    assert scenario.name


def test_a_request_is_utf8_with_or_without_its_mark_and_nothing_else() -> None:
    assert read_request(io.BytesIO('\ufeff{"name": "café"}'.encode())) == '{"name": "café"}'
    assert read_request(io.StringIO('{"name": "café"}')) == '{"name": "café"}'
    with pytest.raises(PropulseurRulesError, match=r"^<stdin>: is not UTF-8 text$"):
        read_request(io.BytesIO(b'{"name": "caf\xe9"}'))


def test_a_spreadsheet_given_as_the_scenario_file_is_refused_with_the_option_to_use() -> None:
    with pytest.raises(PropulseurRulesError, match=r"give it with --contracts contracts\.xlsx"):
        assemble(ScenarioOptions(file="contracts.xlsx"))


def test_the_check_of_the_example_files_passes_them_and_exercises_every_clause() -> None:
    report = check_scenarios([str(EXAMPLES)])

    assert report.count(Verdict.FAIL) == report.count(Verdict.ERROR) == 0
    assert report.count(Verdict.PASS) >= 10
    assert report.not_exercised == frozenset()
    assert report.exercised == frozenset(Clause)


def test_the_check_reports_a_figure_that_differs_from_the_expect_table(tmp_path: Path) -> None:
    # Ten eligible contracts and every condition met earn the whole 195 000 € (C2), not 194 999 €.
    text = (EXAMPLES / "scenarios" / "full-195000.toml").read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(text.replace('accrued = "195000.00"', 'accrued = "194999.00"', 1), encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()

    report = check_scenarios([str(wrong), str(empty)])

    assert [checked.verdict for checked in report.files] == [Verdict.FAIL, Verdict.ERROR]
    assert any(line.startswith("accrued") for line in report.files[0].mismatches)
    assert report.files[1].file == f"{empty}/"


def test_the_check_words_each_mismatch_in_the_language_asked(tmp_path: Path) -> None:
    # The same wrong figure as above: 195 000 € accrued (C2), the file says 194 999 €.
    text = (EXAMPLES / "scenarios" / "full-195000.toml").read_text(encoding="utf-8")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(text.replace('accrued = "195000.00"', 'accrued = "194999.00"', 1), encoding="utf-8")

    english = check_scenarios([str(wrong)])
    french = check_scenarios([str(wrong)], "fr")

    assert english.files[0].mismatches == ("accrued: expected 194999.00, got 195000.00",)
    assert french.files[0].mismatches == ("accrued : attendu 194999.00, obtenu 195000.00",)
    with pytest.raises(InvalidInput, match="lang"):
        check_scenarios([str(wrong)], "de")
