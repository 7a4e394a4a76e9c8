"""The planning views on the command line: ``schedule`` and ``assess --by budget-year``.

Figures are those of the built-in example (``_example.py``), worked out from C2:
20 000 € per programme year for the operating grant, 15 000 € per funded contract.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main


def test_schedule_lists_the_payment_calendar_of_the_built_in_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", "--format", "json"]) == EXIT_OK
    events = json.loads(capsys.readouterr().out)["events"]
    first, last = events[0], events[-1]
    # C2, C3 (accrual on each event): year 1's operating grant on 1 July 2022.
    assert (first["on"], first["kind"], first["amount"]) == ("2022-07-01", "year_opens", f"{20_000:.2f}")
    # C4: the authorisation of 15 February 2023 releases all accrued by then: year 1's
    # operating grant and the two contracts signed in 2022.
    authorisation = next(event for event in events if event["kind"] == "authorisation_validated")
    assert authorisation["on"] == "2023-02-15"
    assert authorisation["releasable"] == f"{20_000 + 2 * 15_000:.2f}"
    # The planned contract of 20 May 2025 is the last contract: three operating grants and
    # eight funded contracts (three in year 1, two in year 2, three in year 3).
    planned = [event for event in events if event["kind"] == "contract_signed"][-1]
    assert (planned["on"], planned["contract"]) == ("2025-05-20", "PRO-2025-13")
    assert planned["accrued"] == planned["releasable"] == f"{3 * 20_000 + 8 * 15_000:.2f}"
    # The example's assumed financing terms: of the 180 000, 15 000 waits for the copy of
    # PRO-2025-13, 10 000 for year 2's financial statement, and 20 % × 180 000 = 36 000 is the
    # balance: 119 000 released, of which 110 000 is paid. The 9 000 left arose in 2024 (the
    # balance takes the latest money first), so the funder may invoke the four-year limitation
    # from 1 January 2029 (loi n° 68-1250, art. 1er) if it is still unpaid then.
    assert planned["released"] == f"{180_000 - 15_000 - 10_000 - 36_000:.2f}"
    assert (last["on"], last["kind"], last["amount"]) == ("2029-01-01", "claim_time_barred", f"{119_000 - 110_000:.2f}")


def test_schedule_in_french_writes_french_dates_and_money(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", "--lang", "fr"]) == EXIT_OK
    output = capsys.readouterr().out
    assert "15/02/2023" in output
    assert "180 000,00 €" in output


def test_schedule_has_no_as_of_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schedule", "--as-of", "2024-01-01"]) == EXIT_USAGE
    assert "--as-of" in capsys.readouterr().err


def test_assess_by_budget_year_cuts_the_figures_by_calendar_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--by", "budget-year", "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    rows = {row["year"]: row for row in data["budget_years"]}
    # 2022: the operating grant of 1 July 2022 and the contracts of 3 November and 1 December.
    assert rows[2022]["accrued"] == f"{20_000 + 2 * 15_000:.2f}"
    # 2025: the contract of 3 February 2025 only; the one of 20 May is after 31 March.
    assert rows[2025]["accrued"] == f"{15_000:.2f}"
    # Paid: 50 000 € on 12 April 2023 and 60 000 € on 28 March 2024.
    assert (rows[2023]["paid"], rows[2024]["paid"]) == (f"{50_000:.2f}", f"{60_000:.2f}")
    # The budget years add up, to the cent, to the programme years' 165 000 €:
    # three operating grants and seven funded contracts signed by 31 March 2025.
    for figure in ("accrued", "releasable"):
        assert sum(Decimal(row[figure]) for row in rows.values()) == Decimal(3 * 20_000 + 7 * 15_000)
        assert data["total"][figure] == f"{3 * 20_000 + 7 * 15_000:.2f}"


def test_assess_by_budget_year_as_a_french_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--by", "budget-year", "--lang", "fr", "--format", "markdown"]) == EXIT_OK
    output = capsys.readouterr().out
    assert output.startswith("# ")
    assert "| 2022 | 50 000,00 € |" in output


def test_assess_by_budget_year_as_csv_gives_the_years_then_every_money_figure(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["assess", "--by", "budget-year", "--format", "csv"]) == EXIT_OK
    years, figures, sources = capsysbinary.readouterr().out.decode("utf-8").split("\r\n\r\n")

    rows = list(csv.reader(io.StringIO(years)))
    assert rows[0] == [
        "year",
        "accrued_in_year",
        "withheld_now",
        "releasable_now",
        "paid_in_year",
        "became_releasable_in_year",
    ]
    # 2022: the operating grant of 1 July and the contracts of 3 November and 1 December; the money is
    # releasable now, counted in 2022, the year it accrued, but none of it became releasable in 2022:
    # the authorisation came on 15 February 2023 (C4).
    assert rows[1] == ["2022", f"{20_000 + 2 * 15_000:.2f}", "0.00", f"{20_000 + 2 * 15_000:.2f}", "0.00", "0.00"]
    amounts = dict(row for row in csv.reader(io.StringIO(figures)) if row)
    # 165 000 accrued; 10 000 wait for year 2's statement; 165 000 / 5 = 33 000 is the balance; 110 000 paid.
    assert amounts["accrued"] == f"{3 * 20_000 + 7 * 15_000:.2f}"
    assert amounts["payable"] == f"{165_000 - 10_000 - 33_000 - 110_000:.2f}"
    assert sum(Decimal(row[1]) for row in rows[1:]) == Decimal(amounts["accrued"])
    # Then where each fact came from: the built-in example's, invented (issue of the figures to sign).
    assert "invented for the built-in example" in sources
