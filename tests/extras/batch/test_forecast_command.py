"""``propulseur-rules forecast`` for any scenario: its pipeline as a sheet, the documents' outlook, one-line errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules import DIJON_2022, FinancingTerms, InvalidInput
from propulseur_rules.batch import DocumentOutlook, forecast
from propulseur_rules.cli import main
from propulseur_rules.planning._pipeline import load_pipeline

EXAMPLE_FILE = str(Path(__file__).resolve().parents[3] / "examples" / "dijon-2022.toml")
FRENCH_SHEET = (
    "référence;raison sociale;SIREN;code INSEE;secteur;probabilité;signé au plus tôt;signé au plus tard\n"
    "PRO-2025-13;DataCœur;841234560;21171;santé;0,8;01/04/2025;15/06/2025\n"
    "PRO-2025-14;Capteo;;21231;Industrie;50 %;15/04/2025;30/06/2025\n"
)


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_pipeline_sheet_with_french_headers_is_read_as_a_person_writes_it(tmp_path: Path) -> None:
    first, second = load_pipeline(write(tmp_path, "pipeline.csv", FRENCH_SHEET))

    assert (first.reference, first.startup.name, first.startup.siren, first.probability) == (
        "PRO-2025-13",
        "DataCœur",
        "841234560",
        0.8,
    )
    assert (first.earliest, first.latest) == (dt.date(2025, 4, 1), dt.date(2025, 6, 15))
    assert second.startup.siren is None
    assert second.probability == 0.5  # « 50 % »


@pytest.mark.parametrize(
    ("row", "place"),
    [
        ("X-1;Foo;;21231;santé;1,5;01/04/2025;15/06/2025", "pipeline.csv:2: probabilité"),
        ("X-1;Foo;;21231;santé;0,5;31/02/2025;15/06/2025", "pipeline.csv:2: signé au plus tôt"),
        ("X-1;Foo;;21231;santé;0,5;01/05/2025;15/04/2025", "pipeline.csv:2: signé au plus tard"),
        ("X-1;Foo;;2123;santé;0,5;01/04/2025;15/06/2025", "pipeline.csv:2: code INSEE"),
        ("X-1;;;21231;santé;0,5;01/04/2025;15/06/2025", "pipeline.csv:2: raison sociale"),
    ],
)
def test_a_bad_cell_of_the_pipeline_names_file_row_and_column(tmp_path: Path, row: str, place: str) -> None:
    header = FRENCH_SHEET.split("\n", 1)[0]
    path = write(tmp_path, "pipeline.csv", f"{header}\n{row}\n")

    with pytest.raises(InvalidInput) as raised:
        load_pipeline(path)

    assert raised.value.path == str(tmp_path / place)


def test_a_pipeline_workbook_is_read_like_its_csv_export(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["reference", "startup", "head_office", "sector", "probability", "earliest", "latest"])
    sheet.append(["EXP-1", "Hydrolis", "21231", "industry", 0.25, dt.date(2025, 4, 1), dt.date(2025, 4, 30)])
    workbook.save(tmp_path / "pipeline.xlsx")

    (prospect,) = load_pipeline(tmp_path / "pipeline.xlsx")

    assert (prospect.probability, prospect.earliest, prospect.latest) == (
        0.25,
        dt.date(2025, 4, 1),
        dt.date(2025, 4, 30),
    )


def test_the_command_forecasts_a_scenario_file_with_its_pipeline_and_outlook(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pipeline = write(tmp_path, "pipeline.csv", FRENCH_SHEET)
    arguments = ["forecast", EXAMPLE_FILE, "--pipeline", pipeline, "--draws", "20"]

    assert main([*arguments, "--late", "0,3", "--never", "0.1", "--delay", "15-120", "--lang", "fr"]) == 0
    french = capsys.readouterr().out
    assert "2 contrats attendus" in french
    assert "Montants versés selon la convention de financement" in french
    assert "à temps 60,0 %, en retard 30,0 % (de 15 à 120 jours), jamais 10,0 %" in french

    assert main([*arguments, "--financing", "none"]) == 0
    english = capsys.readouterr().out
    assert "Money releasable by budget year" in english
    assert "Without financing terms: the money releasable is not a forecast of payments." in english
    assert "Money paid" not in english


@pytest.mark.parametrize(
    ("options", "field"),
    [
        (["--late", "0.9", "--never", "0.5"], "--never"),
        (["--on-time", "1.2"], "--on-time"),
        (["--late", "beaucoup"], "--late"),
        (["--delay", "5-x"], "--delay"),
        (["--delay", "40-30"], "--delay"),
    ],
)
def test_a_bad_outlook_on_the_command_line_is_refused_in_one_line(options: list, field: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["forecast", "--draws", "5", *options]) == 2

    error = capsys.readouterr().err
    assert error.startswith(f"propulseur-rules: error: {field}: ")
    assert error.count("\n") == 1


def test_c3_with_every_document_on_time_everything_releasable_is_paid_in_the_end() -> None:
    # Nine contracts, three a year: 3 × 20 000 + 9 × 15 000 = 195 000 € earned (C2). Every part waits only
    # for its document and the balance for the final report and the target (C3): all come in, all is paid.
    from builders import three_contracts_a_year

    terms = DIJON_2022.replace(financing=FinancingTerms())
    result = forecast(
        terms,
        three_contracts_a_year(),
        regional_authorisation_on=dt.date(2022, 10, 1),
        financing_signed_on=dt.date(2022, 9, 30),
        outlook=DocumentOutlook(on_time=0, late=1, never=0, shortest_delay=1, longest_delay=400),
        as_of=dt.date(2022, 6, 30),
        draws=1,
        seed=3,
    )

    assert result.paid is not None
    assert sum(result.paid[year][50] for year in result.budget_years) == Decimal("195000.00")
    assert sum(result.releasable[year][50] for year in result.budget_years) == Decimal("195000.00")
