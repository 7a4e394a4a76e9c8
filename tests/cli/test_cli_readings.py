"""Issue 11 on the command line: choosing a reading, and every reading side by side."""

from __future__ import annotations

import json

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_pooled_places_fund_the_fourth_contract_of_year_1_of_the_built_in_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # On 31 March 2025 the example earns 165 000 €; PRO-2023-04, the fourth eligible contract
    # of year 1, is over the annual limit. Pooled, it takes one of the places left free:
    # 165 000 + 15 000 = 180 000.
    status, out, _ = run(capsys, "assess", "--places", "pooled", "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    assert data["accrued"] == "180000.00"
    assert data["convention"]["reference"].startswith("Dijon")
    statuses = {row["reference"]: row["status"] for row in data["contracts"]}
    assert statuses["PRO-2023-04"] == "funded"


def test_the_strict_period_makes_the_2025_contract_of_the_example_ineligible(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # PRO-2025-12 is signed in 2025: ineligible under « 2022 – 2024 » read strictly (C7),
    # 165 000 − 15 000 = 150 000.
    status, out, _ = run(capsys, "assess", "--signing-deadline", "31/12/2024", "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    assert data["accrued"] == "150000.00"
    assert {row["reference"]: row["status"] for row in data["contracts"]}["PRO-2025-12"] == "ineligible"


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["assess", "--signing-deadline", "2025-07-01"], "signing_deadline"),
        (["assess", "--signing-deadline", "2022-06-30"], "signing_deadline"),
        (["assess", "--selected-from", "2025-07-01"], "selected_from"),
        (["readings", "--selected-from", "soon"], "--selected-from"),
        (["assess", "--places", "weekly"], "--places"),
    ],
)
def test_a_bad_reading_is_one_line_naming_it_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    status, out, err = run(capsys, *argv)

    assert status == EXIT_USAGE
    assert out == ""
    assert named in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(("lang", "marker"), [("en", "C1's period"), ("fr", "période de C1")])
def test_readings_prints_every_combination_the_default_first_in_both_languages(
    capsys: pytest.CaptureFixture[str], lang: str, marker: str
) -> None:
    status, out, _ = run(capsys, "readings", "--lang", lang)

    # 2 targets × 2 accruals × 2 places × 2 periods = 16 rows; half under C1's period.
    # The example's terms are assumed: its readings come first as a simulation, then under the
    # deliberation alone, the ceiling of each; the first table is counted here.
    ceilings = "Under the deliberation alone" if lang == "en" else "Selon la délibération seule"
    table = out.split(ceilings)[0]
    rows = [line for line in table.splitlines() if line.startswith(("*  ", "   "))]
    assert status == EXIT_OK
    assert len(rows) == 16
    assert len([row for row in rows if marker in row]) == 8
    default_rows = [row for row in rows if row.startswith("*")]
    assert len(default_rows) == 1
    assert ("165,000.00" if lang == "en" else "165 000,00") in default_rows[0]


def test_readings_as_json_gives_sixteen_rows_and_where_the_inputs_came_from(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "readings", "--format", "json")

    data = json.loads(out)
    assert status == EXIT_OK
    assert len(data["readings"]) == 16
    assert [row["default"] for row in data["readings"]].count(True) == 1
    pooled = [row for row in data["readings"] if row["places"] == "pooled" and row["default"] is False]
    assert "180000.00" in {row["accrued"] for row in pooled}
    assert "inputs" in data
