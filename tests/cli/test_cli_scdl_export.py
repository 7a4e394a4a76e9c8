"""``export --format scdl-csv|scdl-json``: the subsidy as one record of SCDL « subventions » 2.1.1.

The SIRET numbers are fictitious and pass the Luhn key; they stand for no real
organisation. 22222222200002: doubling every other digit from the right,
2 + 0 + 0 + 0 + 0 + (2·2=4) + 2 + 4 + 2 + 4 + 2 + 4 + 2 + 4 = 30, a multiple of 10.
55555555500005: 5 + 0 + 0 + 0 + 0 + (2·5=10→1) + 5 + 1 + 5 + 1 + 5 + 1 + 5 + 1 = 30.
Changing the last digit by one breaks the key. The built-in example's own SIRETs,
12345678200002 and 98765432400001, are fictitious too, and refused unless the record
is said to be an example.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main

FUNDER = "22222222200002"
BENEFICIARY = "55555555500005"
EXAMPLE_FUNDER = "12345678200002"
EXAMPLE_BENEFICIARY = "98765432400001"
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
# C2: 65 000 € a year for three programme years, 3 × 65 000 = 195 000.
AMOUNT = Decimal(3 * 65_000)
# The built-in example's payments: from its regional authorisation (C4, 15 February 2023, after the
# signature on 1 November 2022) to the balance, when the final report is due, six months after the
# end of C1 (30 June 2025): 31 December 2025.
PERIOD = "2023-02-15/2025-12-31"


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    status = main(["export", *argv])
    captured = capsysbinary.readouterr()
    return status, captured.out, captured.err.decode("utf-8")


def test_csv_is_the_header_of_sixteen_columns_and_one_record(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-csv", *GOOD)

    assert (status, err) == (EXIT_OK, "")
    text = out.decode("utf-8")
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2
    header, row = csv.reader(io.StringIO(text, newline=""))
    assert header[:3] == ["nomAttribuant", "idAttribuant", "dateConvention"]
    assert len(header) == len(row) == 16
    assert header[-1] == "dispositifAide"
    record = dict(zip(header, row, strict=True))
    assert record["nomAttribuant"] == "Dijon Métropole"
    assert (record["idAttribuant"], record["idBeneficiaire"]) == (FUNDER, BENEFICIARY)
    assert record["dateConvention"] == "2022-11-01"  # 01/11/2022 written as the schema's ISO date
    assert record["montant"] == f"{AMOUNT}.00"
    assert record["datesPeriodeVersement"] == PERIOD
    assert (record["notificationUE"], record["pourcentageSubvention"]) == ("non", "1.00")
    assert (record["referenceDecision"], record["idRAE"], record["rnaBeneficiaire"]) == ("", "", "")


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


def test_the_built_in_example_s_fictitious_identifiers_are_refused_in_both_languages(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-json", "--eu-notified", "no")

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.count("\n") == 1
    assert err.startswith("propulseur-rules: error: the built-in example's SIRETs and signature day are fictitious")
    assert "--example-identifiers" in err

    status, _, err = run(capsysbinary, "--format", "scdl-json", "--eu-notified", "no", "--lang", "fr")
    assert status == EXIT_USAGE
    assert err.startswith("propulseur-rules: erreur : les SIRET et le jour de signature de l'exemple intégré")


def test_the_example_flag_writes_the_example_and_says_it_is_fictitious(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-json", "--eu-notified", "no", "--example-identifiers")

    assert status == EXIT_OK
    (record,) = json.loads(out.decode("utf-8"), parse_float=Decimal)
    # The example's financing convention was signed on 15 November 2022 (an invented day, after the vote
    # of 29 September 2022): the record's dateConvention. Its SIRETs are the fictitious ones above.
    assert record["dateConvention"] == "2022-11-15"
    assert (record["idAttribuant"], record["idBeneficiaire"]) == (EXAMPLE_FUNDER, EXAMPLE_BENEFICIARY)
    assert record["datesPeriodeVersement"] == PERIOD
    assert err == (
        "propulseur-rules: note: this record holds the built-in example's fictitious identifiers "
        f"({EXAMPLE_FUNDER}, {EXAMPLE_BENEFICIARY}, 2022-11-15): an example, not for publication\n"
    )


def test_an_example_siret_is_refused_even_in_a_scenario_of_one_s_own(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(body)))
    argv = list(GOOD)
    argv[argv.index("--funder-siret") + 1] = EXAMPLE_FUNDER

    status, out, err = run(capsysbinary, "-", "--format", "scdl-csv", *argv)

    assert (status, out) == (EXIT_USAGE, b"")
    assert "fictitious" in err


def test_an_option_overrides_the_built_in_example_s_facts(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(
        capsysbinary,
        *("--format", "scdl-csv", "--eu-notified", "non", "--convention-signed-on", "20/11/2022"),
        "--example-identifiers",
    )

    assert status == EXIT_OK
    header, row = csv.reader(io.StringIO(out.decode("utf-8"), newline=""))
    assert dict(zip(header, row, strict=True))["dateConvention"] == "2022-11-20"
    assert f"({EXAMPLE_FUNDER}, {EXAMPLE_BENEFICIARY})" in err  # the day given is not the example's


def test_every_optional_column_has_its_option(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    options = {
        "--decision-reference": "DM-2022-09-29-12",
        "--purpose": "Fonctionnement de ProPulseur",
        "--payment-period": "2023-03-01/2025-12-31",
        "--rae-id": "12345",
        "--aid-scheme": "65d5b6c7-102c-4440-ac3b-768f708edc0a",
        "--beneficiary-rna": "W212000123",
    }

    status, out, err = run(
        capsysbinary, "--format", "scdl-json", *GOOD, *(word for pair in options.items() for word in pair)
    )

    assert (status, err) == (EXIT_OK, "")
    (record,) = json.loads(out.decode("utf-8"), parse_float=Decimal)
    assert record["referenceDecision"] == "DM-2022-09-29-12"
    assert record["objet"] == "Fonctionnement de ProPulseur"
    assert record["datesPeriodeVersement"] == "2023-03-01/2025-12-31"
    assert (record["idRAE"], record["dispositifAide"]) == ("12345", "65d5b6c7-102c-4440-ac3b-768f708edc0a")
    assert (record["idBeneficiaire"], record["rnaBeneficiaire"]) == (BENEFICIARY, "W212000123")


def test_an_association_may_be_named_by_its_rna_alone(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A scenario of one's own: the built-in example would give its own (fictitious) beneficiary SIRET.
    body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(body)))
    argv = list(GOOD)
    where = argv.index("--beneficiary-siret")
    argv[where : where + 2] = ["--beneficiary-rna", "W212000123"]

    status, out, _ = run(capsysbinary, "-", "--format", "scdl-json", *argv, "--payment-period", "2023-04-12")

    assert status == EXIT_OK
    (record,) = json.loads(out.decode("utf-8"))
    assert (record["idBeneficiaire"], record["rnaBeneficiaire"]) == (None, "W212000123")
    assert record["datesPeriodeVersement"] == "2023-04-12"  # one payment day


@pytest.mark.parametrize(
    ("option", "value", "column", "english"),
    [
        ("--payment-period", "2023", "datesPeriodeVersement", "'2023' is not a date"),
        ("--payment-period", "01/03/2023/2025-12-31", "datesPeriodeVersement", "is not a day or a period START/END"),
        ("--payment-period", "2023-01-01/", "datesPeriodeVersement", "is not a day or a period START/END"),
        ("--payment-period", "2025-01-01/2023-01-01", "datesPeriodeVersement", "the period ends before it starts"),
        ("--beneficiary-rna", "W12", "rnaBeneficiaire", "is not an RNA number"),
        ("--rae-id", "123456", "idRAE", "the SCDL allows 5"),
        ("--purpose", "x" * 257, "objet", "is 257 characters long"),
    ],
)
def test_a_bad_new_option_names_itself_and_its_column(
    capsysbinary: pytest.CaptureFixture[bytes], option: str, value: str, column: str, english: str
) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-csv", *GOOD, option, value)

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.count("\n") == 1
    assert err.startswith(f"propulseur-rules: error: {option}: ")
    assert english in err
    assert f"(SCDL column {column})" in err


def test_the_built_in_example_still_needs_the_notification(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    status, out, err = run(capsysbinary, "--format", "scdl-csv")

    assert (status, out) == (EXIT_USAGE, b"")
    assert err.startswith("propulseur-rules: error: --eu-notified: is required")
