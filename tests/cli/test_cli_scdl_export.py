"""``export --format scdl-csv|scdl-json``: the subsidy as one record of SCDL « subventions » 2.0.2.

The SIRET numbers are fictitious and pass the Luhn key; they stand for no real
organisation. 12345678200002: doubling every other digit from the right,
2 + 0 + 0 + 0 + 0 + (2·2=4) + 8 + (2·7=14→5) + 6 + (2·5=10→1) + 4 + (2·3=6) + 2 + (2·1=2) = 40, a multiple
of 10. 98765432400001: 1 + 0 + 0 + 0 + 0 + (2·4=8) + 2 + (2·3=6) + 4 + (2·5=10→1) + 6 + (2·7=14→5) + 8
+ (2·9=18→9) = 50. Changing the last digit by one breaks the key.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main

FUNDER = "12345678200002"
BENEFICIARY = "98765432400001"
GOOD = [
    "--funder-siret",
    FUNDER,
    "--beneficiary-siret",
    BENEFICIARY,
    "--convention-signed-on",
    "01/11/2022",
    "--eu-notified",
    "no",
]
# C2: 65 000 € a year for three programme years, 3 × 65 000 = 195 000; C1: 1 July 2022 to 30 June 2025.
AMOUNT = Decimal(3 * 65_000)
PERIOD = "2022-07-01/2025-06-30"


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    status = main(["export", *argv])
    captured = capsysbinary.readouterr()
    return status, captured.out, captured.err.decode("utf-8")


def test_csv_is_the_header_of_fourteen_columns_and_one_record(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-csv", *GOOD)

    assert (status, err) == (EXIT_OK, "")
    text = out.decode("utf-8")
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2
    header, row = csv.reader(io.StringIO(text, newline=""))
    assert header[:3] == ["nomAttribuant", "idAttribuant", "dateConvention"]
    assert len(header) == len(row) == 14
    record = dict(zip(header, row, strict=True))
    assert record["nomAttribuant"] == "Dijon Métropole"
    assert (record["idAttribuant"], record["idBeneficiaire"]) == (FUNDER, BENEFICIARY)
    assert record["dateConvention"] == "2022-11-01"  # 01/11/2022 written as the schema's ISO date
    assert record["montant"] == f"{AMOUNT}.00"
    assert record["datesPeriodeVersement"] == PERIOD
    assert (record["notificationUE"], record["pourcentageSubvention"]) == ("non", "1.00")
    assert (record["referenceDecision"], record["idRAE"]) == ("", "")


def test_json_types_each_value_as_the_schema_does(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-json", *GOOD[:-1], "oui")

    assert (status, err) == (EXIT_OK, "")
    (record,) = json.loads(out.decode("utf-8"), parse_float=Decimal)
    assert record["montant"] == AMOUNT
    assert record["pourcentageSubvention"] == Decimal("1.00")
    assert record["notificationUE"] is True  # --eu-notified oui
    assert record["idRAE"] is None
    assert record["datesPeriodeVersement"] == PERIOD


def test_a_scenario_on_standard_input_gives_its_convention(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(body)))

    status, out, _ = run(capsysbinary, "-", "--format", "scdl-csv", *GOOD)

    assert status == EXIT_OK
    assert f",{AMOUNT}.00," in out.decode("utf-8")


@pytest.mark.parametrize(
    ("dropped", "option", "column"),
    [
        ("--funder-siret", "--funder-siret", "idAttribuant"),
        ("--beneficiary-siret", "--beneficiary-siret", "idBeneficiaire"),
        ("--convention-signed-on", "--convention-signed-on", "dateConvention"),
        ("--eu-notified", "--eu-notified", "notificationUE"),
    ],
)
def test_a_missing_required_input_names_its_option_and_column(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch, dropped: str, option: str, column: str
) -> None:
    # A scenario of the user's own: unlike the built-in example, it gives no SIRET and no signature day.
    body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(body)))
    index = GOOD.index(dropped)
    argv = GOOD[:index] + GOOD[index + 2 :]

    status, out, err = run(capsysbinary, "-", "--format", "scdl-csv", *argv)

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.count("\n") == 1
    assert err.startswith(f"propulseur-rules: error: {option}: is required")
    assert f"(SCDL column {column})" in err


@pytest.mark.parametrize(
    ("option", "value", "english", "french"),
    [
        ("--funder-siret", "12345678200003", "its check digit is wrong", "sa clé de contrôle est fausse"),
        ("--beneficiary-siret", "9876543240000", "is not a SIRET (14 digits", "n'est pas un SIRET (14 chiffres"),
        ("--convention-signed-on", "31/02/2023", "is not a day of the calendar", "n'est pas un jour du calendrier"),
        ("--eu-notified", "maybe", "is not yes or no", "n'est ni oui ni non"),
    ],
)
def test_an_invalid_input_is_one_line_in_english_or_french(
    capsysbinary: pytest.CaptureFixture[bytes], option: str, value: str, english: str, french: str
) -> None:
    argv = list(GOOD)
    argv[argv.index(option) + 1] = value
    column = {
        "--funder-siret": "idAttribuant",
        "--beneficiary-siret": "idBeneficiaire",
        "--convention-signed-on": "dateConvention",
        "--eu-notified": "notificationUE",
    }[option]

    status, out, err = run(capsysbinary, "--format", "scdl-json", *argv)
    assert (status, out) == (EXIT_USAGE, b"")
    assert err.startswith(f"propulseur-rules: error: {option}: ")
    assert err.count("\n") == 1
    assert english in err
    assert f"(SCDL column {column})" in err

    status, _, err = run(capsysbinary, "--format", "scdl-json", *argv, "--lang", "fr")
    assert status == EXIT_USAGE
    assert err.startswith(f"propulseur-rules: erreur : {option}: ")
    assert err.count("\n") == 1
    assert french in err
    assert f"(colonne SCDL {column})" in err


def test_output_is_written_whole_and_a_refused_record_leaves_the_file_as_it_was(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    target = tmp_path / "subventions.csv"

    status, out, _ = run(capsysbinary, "--format", "scdl-csv", *GOOD, "--output", str(target))
    assert (status, out) == (EXIT_OK, b"")
    written = target.read_bytes()
    assert written.startswith(b"nomAttribuant,idAttribuant,")
    assert written.count(b"\r\n") == 2

    argv = list(GOOD)
    argv[argv.index("--funder-siret") + 1] = "12345678200003"
    status, _, err = run(capsysbinary, "--format", "scdl-csv", *argv, "--output", str(target))
    assert status == EXIT_USAGE
    assert "idAttribuant" in err
    assert target.read_bytes() == written
    assert sorted(path.name for path in tmp_path.iterdir()) == ["subventions.csv"]


def test_a_missing_scenario_file_is_one_error_line(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    status, out, err = run(capsysbinary, str(tmp_path / "missing.toml"), "--format", "scdl-csv", *GOOD)

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.count("\n") == 1
    assert "missing.toml" in err


def test_the_format_is_required(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, *GOOD)

    assert (status, out) == (EXIT_USAGE, b"")
    assert "--format" in err


def test_the_built_in_example_needs_only_the_notification(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-json", "--eu-notified", "no")

    assert (status, err) == (EXIT_OK, "")
    (record,) = json.loads(out.decode("utf-8"), parse_float=Decimal)
    # The example's financing convention was signed on 15 November 2022 (an invented day, after the vote
    # of 29 September 2022): the record's dateConvention. Its SIRETs are the fictitious ones above.
    assert record["dateConvention"] == "2022-11-15"
    assert (record["idAttribuant"], record["idBeneficiaire"]) == (FUNDER, BENEFICIARY)
    assert record["montant"] == AMOUNT
    assert record["notificationUE"] is False


def test_an_option_overrides_the_built_in_example_s_facts(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, _ = run(
        capsysbinary, "--format", "scdl-csv", "--eu-notified", "non", "--convention-signed-on", "20/11/2022"
    )

    assert status == EXIT_OK
    header, row = csv.reader(io.StringIO(out.decode("utf-8"), newline=""))
    assert dict(zip(header, row, strict=True))["dateConvention"] == "2022-11-20"


def test_the_built_in_example_still_needs_the_notification(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-csv")

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.startswith("propulseur-rules: error: --eu-notified: is required")
