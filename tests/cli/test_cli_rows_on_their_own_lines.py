"""On the command line, each bad row of a file is its own line on standard error, in English and in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_USAGE, main
from propulseur_rules.files._spreadsheet_rows import MAX_REPORTED_ROWS

FACTS = ("--as-of", "2025-03-31", "--authorised-on", "2023-02-15")


def refused_lines(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    assert main(["assess", *arguments, *FACTS]) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.splitlines()


def test_rows_beyond_those_described_are_counted_on_a_last_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # MAX_REPORTED_ROWS + 2 payments, each on a day that is not in the calendar (the 99th of January).
    payments = tmp_path / "versements.csv"
    rows = "".join(f"V-{number};99/01/2024;10,00\n" for number in range(MAX_REPORTED_ROWS + 2))
    payments.write_text("reference;paid_on;amount\n" + rows, encoding="utf-8")

    contracts = tmp_path / "contrats.csv"
    contracts.write_text("reference;startup;head_office;sector;signed_on\nP-1;A;21231;industry;2023-01-02\n")

    english = refused_lines(capsys, "--contracts", str(contracts), "--payments", str(payments), "--lang", "en")
    french = refused_lines(capsys, "--contracts", str(contracts), "--payments", str(payments), "--lang", "fr")

    # The header is line 1, so the rows described are lines 2 to MAX_REPORTED_ROWS + 1, and 2 more are counted.
    assert len(english) == len(french) == MAX_REPORTED_ROWS + 1
    assert english[0] == f"propulseur-rules: error: {payments}:2: paid_on: '99/01/2024' is not a day of the calendar"
    assert english[MAX_REPORTED_ROWS - 1].startswith(f"propulseur-rules: error: {payments}:{MAX_REPORTED_ROWS + 1}: ")
    assert english[-1] == f"propulseur-rules: error: {payments}: and 2 more rows are wrong"
    assert french[-1] == f"propulseur-rules: erreur : {payments}: et 2 autres lignes sont erronées"


def test_the_rows_of_two_files_each_on_their_own_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    contracts = tmp_path / "contrats.csv"
    contracts.write_text(
        "reference;startup;head_office;sector;signed_on\nP-1;A;21231;industry;31/02/2023\nP-2;B;21231;x;2023-01-02\n",
        encoding="utf-8",
    )
    payments = tmp_path / "versements.csv"
    payments.write_text("reference;paid_on;amount\nV-1;2023-03-01;beaucoup\nV-2;2023-02-30;10,00\n", encoding="utf-8")

    lines = refused_lines(capsys, "--contracts", str(contracts), "--payments", str(payments), "--lang", "fr")

    # Two bad rows in each file: four lines, each naming its file and line.
    places = [line.removeprefix("propulseur-rules: erreur : ").split(": ")[0] for line in lines]
    assert sorted(places) == sorted([f"{contracts}:2", f"{contracts}:3", f"{payments}:2", f"{payments}:3"])
