"""Under ``--lang fr`` every error is said in French, its file, line and column kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_USAGE, main
from propulseur_rules.words._catalogue import CATALOGUES
from propulseur_rules.words._errors import InvalidInput

HEADER = "reference;startup;head_office;sector;signed_on\n"
FACTS = ("--as-of", "2025-03-31", "--authorised-on", "2023-02-15", "--no-payments")


def error(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | bytes, *options: str) -> tuple[str, str]:
    """The one line of standard error in French and in English for a contracts file holding ``content``."""
    path = tmp_path / "contrats.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    lines = []
    for lang in ("fr", "en"):
        status = main(["assess", "--contracts", str(path), *FACTS, "--lang", lang, *options])
        captured = capsys.readouterr()
        assert (status, captured.out) == (EXIT_USAGE, "")
        assert captured.err.count("\n") == 1
        lines.append(captured.err.removesuffix("\n"))
    return lines[0], lines[1]


def test_a_missing_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    french, english = error(capsys, tmp_path, "reference;startup;head_office;sector\nP-1;A;21231;industry\n")

    columns = "reference, startup, head_office, sector, siren, applied_on, selected_on, signed_on"
    assert english == (
        f"propulseur-rules: error: {tmp_path / 'contrats.csv'}:1: "
        f"the column 'signed_on' is missing (the columns are {columns})"
    )
    assert french == (
        f"propulseur-rules: erreur : {tmp_path / 'contrats.csv'}:1: "
        f"la colonne 'signed_on' manque (les colonnes sont {columns})"
    )


def test_a_bad_date_keeps_its_line_and_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    french, _ = error(
        capsys,
        tmp_path,
        "Référence;Raison sociale;Code INSEE;Secteur;Date de signature\nP-1;A;21231;Industrie;31/02/2023\n",
    )

    assert french.endswith("contrats.csv:2: Date de signature: '31/02/2023' n'est pas un jour du calendrier")


def test_a_date_in_no_known_form(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    french, _ = error(capsys, tmp_path, HEADER + "P-1;A;21231;industry;3 nov. 2022\n")

    assert french.endswith(
        "contrats.csv:2: signed_on: '3 nov. 2022' n'est pas une date (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)"
    )


def test_an_unknown_sector(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    french, english = error(capsys, tmp_path, HEADER + "P-1;A;21231;Agriculture;2022-11-03\n")

    assert english.endswith(
        "contrats.csv:2: sector: 'Agriculture' is not a sector; expected one of industry, health, other"
    )
    assert french.endswith(
        "contrats.csv:2: sector: 'Agriculture' n'est pas un secteur ; attendu : industry (industrie), "
        "health (santé) ou other (autre)"
    )


def test_a_file_that_does_not_exist(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "absent.csv"
    status = main(["assess", "--contracts", str(missing), *FACTS, "--lang", "fr"])

    assert status == EXIT_USAGE
    assert capsys.readouterr().err == f"propulseur-rules: erreur : {missing}: fichier introuvable\n"


def test_a_workbook_named_csv_is_not_a_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    french, _ = error(capsys, tmp_path, b"PK\x03\x04 a workbook")

    assert french.endswith(
        "contrats.csv: est un classeur (.xlsx ou .ods), pas du texte CSV : enregistrez-le en CSV, "
        "ou nommez-le .xlsx ou .ods selon ce qu'il est"
    )


def test_a_bad_amount_of_a_payments_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    payments = tmp_path / "versements.csv"
    payments.write_text("Référence;Date de versement;Montant\nV-1;15/03/2023;cinquante mille\n", encoding="utf-8")
    contracts = tmp_path / "contrats.csv"
    contracts.write_text(HEADER + "P-1;A;21231;industry;2022-11-03\n", encoding="utf-8")
    status = main(["assess", "--contracts", str(contracts), "--payments", str(payments), *FACTS[:4], "--lang", "fr"])

    assert status == EXIT_USAGE
    assert capsys.readouterr().err.endswith(
        "versements.csv:2: Montant: 'cinquante mille' n'est pas un montant en euros (attendu : 50000.00 ou 50 000,00)\n"
    )


def test_every_bad_row_at_once_in_french(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "contrats.csv"
    path.write_text(HEADER + "P-1;A;21231;Agriculture;2022-11-03\nP-2;B;21231;industry;31/11/2022\n", encoding="utf-8")
    said = {}
    for lang in ("fr", "en"):
        assert main(["assess", "--contracts", str(path), *FACTS, "--lang", lang]) == EXIT_USAGE
        said[lang] = capsys.readouterr().err.splitlines()

    # Each bad row on its own line, its file and line first.
    assert said["en"] == [
        f"propulseur-rules: error: {path}:2: sector: 'Agriculture' is not a sector; expected one of industry, "
        "health, other",
        f"propulseur-rules: error: {path}:3: signed_on: '31/11/2022' is not a day of the calendar",
    ]
    assert said["fr"] == [
        f"propulseur-rules: erreur : {path}:2: sector: 'Agriculture' n'est pas un secteur ; attendu : "
        "industry (industrie), health (santé) ou other (autre)",
        f"propulseur-rules: erreur : {path}:3: signed_on: '31/11/2022' n'est pas un jour du calendrier",
    ]


def test_a_reason_of_a_scenario_file_is_in_french_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    scenario = tmp_path / "scenario.toml"
    scenario.write_text('name = "A list for a date."\nas_of = [2025]\n[convention]\npreset = "dijon-2022"\n')

    assert main(["assess", str(scenario), "--lang", "fr"]) == EXIT_USAGE
    assert (
        capsys.readouterr().err == f"propulseur-rules: erreur : {scenario}: as_of: attendu : une date, pas une liste\n"
    )


#: The keys whose sentence is the same in both languages: a joint, a value as it is, an option's name.
# "null" is the word of JSON itself in both languages.
SAME_IN_BOTH = {"error.comma_joint", "error.option_as_of", "error.kind_null"}


@pytest.mark.parametrize("key", sorted(key for key in CATALOGUES["en"] if key.startswith("error.")))
def test_each_error_has_its_own_french_sentence(key: str) -> None:
    names = [part.split("}")[0] for part in CATALOGUES["en"][key].split("{")[1:]]
    error = InvalidInput("f.csv:7: col", key, **{name: f"V{index}" for index, name in enumerate(names)})

    assert error.message("fr").startswith("f.csv:7: col: ")
    assert (error.message("fr") == str(error)) == (key in SAME_IN_BOTH)
