"""``assess --format ods``: an OpenDocument spreadsheet (the ods extra, odfpy), laid out as a person expects.

The built-in example on 31 March 2025 (README): 3 × 20 000 + 7 × 15 000 = 165 000 accrued, 110 000 paid;
under the assumed financing terms 10 000 waits for year 2's statement and 20 % × 165 000 = 33 000 is held:
165 000 − 10 000 − 33 000 − 110 000 = 12 000 payable.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from propulseur_rules import assess
from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main
from propulseur_rules.example import EXAMPLE_CONTRACTS, example_assessment_inputs
from propulseur_rules.reports._export import assessment_sheets
from propulseur_rules.reports._export_ods import tables_ods
from propulseur_rules.rules._outcome import MONEY_FIGURES

ACCRUED = 3 * 20_000 + 7 * 15_000
PAYABLE = ACCRUED - 10_000 - ACCRUED // 5 - 110_000


def test_the_spreadsheet_has_one_table_per_sheet_and_reconciles(tmp_path: Path) -> None:
    target = tmp_path / "évaluation.ods"
    assert main(["assess", "--format", "ods", "--output", str(target), "--lang", "fr"]) == EXIT_OK

    sheets = pd.read_excel(target, engine="odf", sheet_name=None)
    assert list(sheets) == ["évaluation", "contrats", "conditions non remplies", "exercices", "Hypothèses et sources"]
    figures = dict(zip(sheets["évaluation"]["poste"], sheets["évaluation"]["montant"], strict=True))
    assert figures["acquis"] == ACCRUED
    assert figures["à verser"] == PAYABLE == 12_000
    payable = figures["versable"] - figures["en attente de pièces"] - figures["solde retenu"] - figures["déjà versé"]
    assert payable == figures["à verser"]
    contracts = sheets["contrats"]
    assert contracts["référence"].tolist() == [contract.reference for contract in EXAMPLE_CONTRACTS]
    assert contracts["acquise le"].dtype.kind == "M"  # date cells, read back as dates
    assert sheets["exercices"]["acquis dans l'exercice"].sum() == ACCRUED
    assert [p.name for p in tmp_path.iterdir()] == ["évaluation.ods"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_amounts_and_days_are_typed_cells_with_the_formats_of_the_language(lang: str) -> None:
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]
    content = tables_ods(assessment_sheets(assessment, lang), lang)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = archive.read("content.xml").decode("utf-8")
        settings = archive.read("settings.xml").decode("utf-8")

    # Each money figure is a float cell: the value a number, the display a number style of the language.
    for name in MONEY_FIGURES:
        assert f'office:value-type="float" office:value="{getattr(assessment, name)}"' in xml
    assert 'office:value-type="date" office:date-value="2022-11-03"' in xml
    assert f'number:language="{lang}"' in xml
    assert 'number:grouping="true"' in xml
    assert ("€" in xml) is (lang == "fr")
    assert "table:display-filter-buttons" in xml
    assert "style:column-width" in xml
    assert (
        '<config:config-item config:name="VerticalSplitPosition" config:type="int">1</config:config-item>' in settings
    )


def test_ods_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", "--format", "ods", "--lang", "fr"]) == EXIT_USAGE
    assert "--format ods demande --output FICHIER" in capsys.readouterr().err
