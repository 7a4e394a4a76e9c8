"""The notices of the spreadsheets a scenario file names (``contracts_csv``, ``documents``) reach the person as
those of the files given on the command line do: on standard error, in the report's inputs, in JSON.

The rows: a contracts sheet with a title above its header (read on row 3) and a column « Commentaire » that
names none of the columns read (column F, left out); a documents sheet with a title too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, main
from propulseur_rules.files import ScenarioOptions, assemble

CONTRACTS = (
    "Contrats PMT 2023\n\nreference;startup;head_office;sector;signed_on;Commentaire\n"
    "P-1;Hydrolis;21231;industry;2022-11-03;ok\n"
)
DOCUMENTS = "Pièces reçues\nkind;received_on;covers\ncontract_copy;2022-11-20;P-1\n"
SCENARIO = """name = "A scenario naming its sheets."
as_of = 2023-01-01
regional_authorisation_on = 2022-12-15
financing_signed_on = 2022-10-01
contracts_csv = "contrats.csv"
documents = "pieces.csv"
[convention]
preset = "dijon-2022"
[convention.financing]
"""


@pytest.fixture
def scenario(tmp_path: Path) -> Path:
    (tmp_path / "contrats.csv").write_text(CONTRACTS, encoding="utf-8")
    (tmp_path / "pieces.csv").write_text(DOCUMENTS, encoding="utf-8")
    path = tmp_path / "scenario.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    return path


def expected(folder: Path) -> list[str]:
    contracts, documents = folder / "contrats.csv", folder / "pieces.csv"
    return [
        f"{contracts}: the header was read on row 3; the rows above it (a title) were not read",
        f"{contracts}: columns left out, as they name none of the columns read: « Commentaire » (F)",
        f"{documents}: the header was read on row 2; the rows above it (a title) were not read",
    ]


def test_assemble_keeps_the_notices_of_the_files_a_scenario_names(scenario: Path) -> None:
    _, inputs = assemble(ScenarioOptions(file=str(scenario)))

    assert [notice.said("en") for notice in inputs.notices] == expected(scenario.parent)


def test_the_command_line_says_them_on_standard_error_and_in_json(
    scenario: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["assess", str(scenario), "--format", "json"]) == EXIT_OK
    captured = capsys.readouterr()

    assert json.loads(captured.out)["inputs"]["notices"] == expected(scenario.parent)
    assert captured.err.splitlines() == [f"propulseur-rules: {line}" for line in expected(scenario.parent)]
