"""Sheets as offices make them: a title above the header, columns of their own, totals below, and every error of
every input at once. CSV as LibreOffice exports such a sheet (``;``, Windows-1252)."""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import Contract, InvalidInput, Sector, Startup
from propulseur_rules.cli import EXIT_OK, EXIT_USAGE, main
from propulseur_rules.files import ScenarioOptions, assemble
from propulseur_rules.files._assemble import InputsWrong
from propulseur_rules.files._load_csv import contracts_read, payments_read
from propulseur_rules.files._spreadsheet_documents import documents_read
from propulseur_rules.files._spreadsheet_rows import MAX_REPORTED_ROWS
from propulseur_rules.rules._extras import MissingExtra

#: The sheet of the issue as LibreOffice exports it: a merged title on row 1, row 2 blank, the header on row 3.
TITLED = (
    "Suivi des contrats ProPulseur;;;;\r\n"
    ";;;;\r\n"
    "Référence;Raison sociale;Code INSEE;Secteur;Date de signature\r\n"
    "P-1;Hydrolis;21231;Industrie;03/11/2022\r\n"
)
HYDROLIS = Contract(
    reference="P-1",
    startup=Startup(name="Hydrolis", head_office="21231", sector=Sector.INDUSTRY),
    signed_on=dt.date(2022, 11, 3),
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(text.encode("cp1252"))
    return path


def said(notices: object, lang: str = "en") -> list[str]:
    return [notice.said(lang) for notice in notices]  # type: ignore[attr-defined]


# --- the table found in a sheet --------------------------------------------------------------------


def test_the_header_below_a_title_and_a_blank_row_is_found_and_said(tmp_path: Path) -> None:
    path = write(tmp_path, "titre.csv", TITLED)

    contracts, read = contracts_read(path)

    assert contracts == (HYDROLIS,)
    assert (read.how, read.sheet) == ("Windows-1252", None)
    assert said(read.notices) == [f"{path}: the header was read on row 3; the rows above it (a title) were not read"]
    assert said(read.notices, "fr") == [
        f"{path}: l'en-tête a été lu à la ligne 3 ; les lignes au-dessus (un titre) n'ont pas été lues"
    ]


def test_the_issue_assesses_through_the_command_line_and_says_which_row_it_took(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "titre.csv", TITLED)
    options = ["--as-of", "2023-01-01", "--authorised-on", "2022-12-15", "--no-payments", "--format", "json"]

    status = main(["assess", "--contracts", str(path), *options])

    captured = capsys.readouterr()
    assert status == EXIT_OK
    assert (
        captured.err
        == f"propulseur-rules: {path}: the header was read on row 3; the rows above it (a title) were not read\n"
    )
    data = json.loads(captured.out)
    assert [contract["reference"] for contract in data["contracts"]] == ["P-1"]
    assert data["inputs"]["notices"] == [
        f"{path}: the header was read on row 3; the rows above it (a title) were not read"
    ]


def test_the_notices_are_in_the_inputs_of_a_text_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "titre.csv", TITLED)

    main(
        [
            "assess",
            "--contracts",
            str(path),
            "--as-of",
            "2023-01-01",
            "--not-authorised",
            "--no-payments",
            "--lang",
            "fr",
        ]
    )

    report = capsys.readouterr().out
    assert f"  Avis            {path}: l'en-tête a été lu à la ligne 3" in report


def test_columns_of_an_office_are_left_out_and_named_by_header_and_letter(tmp_path: Path) -> None:
    text = (
        "Référence;Raison sociale;Code INSEE;Secteur;Date de sélec.;Date de signature;Commentaire\r\n"
        "P-1;Hydrolis;21231;Industrie;01/10/2022;03/11/2022;relancer en janvier\r\n"
    )
    path = write(tmp_path, "c.csv", text)

    contracts, read = contracts_read(path)

    # The date of selection is not read: its header is no known column (a near-miss, suggested).
    assert contracts == (HYDROLIS,)
    assert said(read.notices) == [
        f"{path}: columns left out, as they name none of the columns read: "
        "« Date de sélec. » (E; did you mean « date de sélection »?), « Commentaire » (G)"
    ]


def test_a_value_under_a_column_without_header_is_refused(tmp_path: Path) -> None:
    text = "Référence;Raison sociale;;Code INSEE;Secteur;Date de signature\nP-1;Hydrolis;x;21231;Industrie;03/11/2022\n"
    path = write(tmp_path, "c.csv", text)

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    assert str(caught.value) == f"{path}:2: has a value in column C, which has no header"


def test_a_header_missing_a_column_below_a_title_is_named_at_its_own_row(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", TITLED.replace(";Date de signature", ";Commentaire"))

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    # Row 3 names four columns, the title none: the header is row 3, and it lacks the date of signature.
    assert caught.value.path == f"{path}:3"
    assert caught.value.reason.startswith("column 5 is not a known column")


# --- totals --------------------------------------------------------------------------------------------

PAYMENTS = (
    "Référence;Date de versement;Montant\r\n"
    "V-1;15/03/2023;20 000,00\r\n"
    "V-2;10/01/2024;5 000,00\r\n"
    "Sous-total 2023;;25 000,00\r\n"
    "V-3;15/03/2024;12 500,50\r\n"
    "TOTAL;;{total}\r\n"
)


def test_subtotals_and_totals_are_checked_and_left_out(tmp_path: Path) -> None:
    # Sous-total: 20 000,00 + 5 000,00 = 25 000,00; TOTAL: 25 000,00 + 12 500,50 = 37 500,50.
    path = write(tmp_path, "p.csv", PAYMENTS.format(total="37 500,50"))

    payments, read = payments_read(path)

    assert [(payment.reference, payment.amount) for payment in payments] == [
        ("V-1", Decimal("20000.00")),
        ("V-2", Decimal("5000.00")),
        ("V-3", Decimal("12500.50")),
    ]
    assert said(read.notices, "fr") == [
        f"{path}: totaux écartés, chacun la somme des lignes au-dessus : "
        "ligne 4 (« Sous-total 2023 »), ligne 6 (« TOTAL »)"
    ]


def test_a_total_that_is_not_the_sum_above_it_names_its_row(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", PAYMENTS.format(total="37 000,00"))

    with pytest.raises(InvalidInput) as caught:
        payments_read(path)

    # 20 000,00 + 5 000,00 + 12 500,50 = 37 500,50, not 37 000,00.
    assert str(caught.value) == f"{path}:6: Montant: the total 37000.00 is not the sum of the rows above it (37500.50)"


def test_a_total_row_of_contracts_is_left_out_and_a_startup_named_total_is_not(tmp_path: Path) -> None:
    text = TITLED + "P-2;Total Énergie;21231;Industrie;01/12/2022\r\nTOTAL;2 contrats;;;\r\n"
    path = write(tmp_path, "c.csv", text)

    contracts, read = contracts_read(path)

    assert [contract.startup.name for contract in contracts] == ["Hydrolis", "Total Énergie"]
    assert said(read.notices)[1] == f"{path}: totals left out: row 6 (« TOTAL »)"


# --- every error at once ------------------------------------------------------------------------------


def test_a_reference_used_twice_is_named_by_its_header_with_the_other_bad_rows(tmp_path: Path) -> None:
    text = TITLED + "P-1;Aquilon;21231;Santé;01/12/2022\r\nP-3;Borée;21231;Santé;31/02/2023\r\n"
    path = write(tmp_path, "c.csv", text)

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    assert caught.value.message("fr") == (
        f"{path}: 2 lignes sont erronées : ligne 5: Référence: 'P-1' est utilisée deux fois (aussi {path}:4); "
        "ligne 6: Date de signature: '31/02/2023' n'est pas un jour du calendrier"
    )


def every_error_options(tmp_path: Path) -> ScenarioOptions:
    contracts = write(tmp_path, "contrats.csv", TITLED.replace("03/11/2022", "31/11/2022"))
    payments = write(tmp_path, "versements.csv", "Référence;Date de versement;Montant\nV-1;15/03/2023;beaucoup\n")
    documents = write(tmp_path, "pieces.csv", "Pièce;Reçue le;Objet\nCopie du contrat;2022-13-01;P-1\n")
    return ScenarioOptions(
        contracts=str(contracts),
        payments=str(payments),
        as_of="2023-02-30",
        authorised_on="2022-12-15",
        financing="assumed",
        financing_not_signed=True,
        documents=str(documents),
    )


def test_every_file_and_option_is_checked_before_any_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputsWrong) as caught:
        assemble(every_error_options(tmp_path))

    assert [error.path for error in caught.value.errors] == [
        f"{tmp_path / 'contrats.csv'}:4: Date de signature",
        f"{tmp_path / 'versements.csv'}:2: Montant",
        "--as-of",
        f"{tmp_path / 'pieces.csv'}:2: Reçue le",
    ]
    assert caught.value.message("en").startswith("4 inputs are wrong:\n  " + str(caught.value.errors[0]) + "\n  ")


def test_the_command_line_says_every_error_one_a_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    options = every_error_options(tmp_path)
    output = tmp_path / "rapport.txt"
    arguments = ["assess", "--contracts", str(options.contracts), "--payments", str(options.payments)]
    arguments += ["--as-of", "2023-02-30", "--authorised-on", "2022-12-15", "--financing", "assumed"]
    arguments += ["--financing-not-signed", "--documents", str(options.documents), "--output", str(output)]

    status = main([*arguments, "--lang", "fr"])

    captured = capsys.readouterr()
    assert (status, captured.out, output.exists()) == (EXIT_USAGE, "", False)
    # The notices of how the files were read come with a report; here there is none, only the four errors.
    assert captured.err.splitlines() == [
        f"propulseur-rules: erreur : {tmp_path / 'contrats.csv'}:4: Date de signature: "
        "'31/11/2022' n'est pas un jour du calendrier",
        f"propulseur-rules: erreur : {tmp_path / 'versements.csv'}:2: Montant: "
        "'beaucoup' n'est pas un montant en euros (attendu : 50000.00 ou 50 000,00)",
        "propulseur-rules: erreur : --as-of: '2023-02-30' n'est pas un jour du calendrier",
        f"propulseur-rules: erreur : {tmp_path / 'pieces.csv'}:2: Reçue le: "
        "'2022-13-01' n'est pas un jour du calendrier",
    ]


def test_the_cap_on_rows_described_holds_for_each_file(tmp_path: Path) -> None:
    bad = "".join(f"V-{line};99/01/2024;10,00\n" for line in range(MAX_REPORTED_ROWS + 1))
    first = write(tmp_path, "a.csv", "reference;paid_on;amount\n" + bad)
    second = write(
        tmp_path, "b.csv", "reference;signed_on;startup;head_office;sector\n" + bad.replace(";10,00", ";A;21231;santé")
    )

    with pytest.raises(InputsWrong) as caught:
        assemble(ScenarioOptions(contracts=str(second), payments=str(first), as_of="2023-01-01", not_authorised=True))

    # Each file has MAX_REPORTED_ROWS + 1 bad rows: MAX_REPORTED_ROWS described and 1 more counted, for each.
    for error in caught.value.errors:
        assert error.key == "error.rows_wrong_and_more"
        assert (error.values["count"], error.values["more"]) == (str(MAX_REPORTED_ROWS + 1), "1")


def test_a_lone_error_is_refused_as_it_is(tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", TITLED)

    with pytest.raises(InvalidInput) as caught:
        assemble(ScenarioOptions(contracts=str(path), as_of="2023-02-30", not_authorised=True, no_payments=True))

    assert not isinstance(caught.value, InputsWrong)
    assert str(caught.value) == "--as-of: '2023-02-30' is not a day of the calendar"


def test_an_ods_file_without_the_extra_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "odf.opendocument", None)  # as if odfpy were not installed
    path = tmp_path / "c.ods"
    path.write_bytes(b"PK\x03\x04")

    with pytest.raises(MissingExtra) as caught:
        contracts_read(path)

    assert "pip install 'propulseur-rules[ods]'" in str(caught.value)
    assert caught.value.message("fr").startswith("la lecture d'un classeur .ods")


def test_a_row_with_its_date_is_never_a_total(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "Référence;Date de versement;Montant\nTOTAL-2023;15/03/2023;20 000,00\n")

    payments, read = payments_read(path)

    assert [(payment.reference, payment.amount) for payment in payments] == [("TOTAL-2023", Decimal("20000.00"))]
    assert read.notices == ()


def test_the_files_a_scenario_names_are_all_read_with_those_of_the_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "contrats.csv", TITLED.replace("03/11/2022", "31/11/2022"))
    write(tmp_path, "pieces.csv", "Pièce;Reçue le;Objet\nCopie du contrat;2022-13-01;P-1\n")
    scenario = tmp_path / "s.toml"
    scenario.write_text(
        'name = "x"\nas_of = 2023-06-30\ncontracts_csv = "contrats.csv"\ndocuments = "pieces.csv"\n'
        '[convention]\npreset = "dijon-2022"\n[convention.financing]\n',
        encoding="utf-8",
    )
    payments = write(tmp_path, "versements.csv", "Référence;Date de versement;Montant\nV-1;15/03/2023;beaucoup\n")

    status = main(["assess", str(scenario), "--payments", str(payments)])

    # The scenario file's two files and the option's file: three errors, one a line, none hidden by another.
    assert status == EXIT_USAGE
    assert [line.split(": ")[2] for line in capsys.readouterr().err.splitlines()] == [
        f"{tmp_path / 'contrats.csv'}:4",
        f"{tmp_path / 'pieces.csv'}:2",
        f"{tmp_path / 'versements.csv'}:2",
    ]


def test_every_bad_cell_of_a_row_is_named(tmp_path: Path) -> None:
    text = (
        "Référence;Raison sociale;Code INSEE;Secteur;Date de sélection;Date de signature\n"
        "P-1;;21231;Industrie;31/09/2022;03/11/2022\n"
        "P-2;Aquilon;21231;Santé;01/10/2022;\n"
    )
    path = write(tmp_path, "c.csv", text)

    with pytest.raises(InvalidInput) as caught:
        contracts_read(path)

    # Row 2: the name is empty and 31 September is no day; row 3: no signature.
    assert caught.value.message("fr") == (
        f"{path}: 2 lignes sont erronées : ligne 2: Raison sociale: est vide; "
        "Date de sélection: '31/09/2022' n'est pas un jour du calendrier; "
        "ligne 3: Date de signature: est vide"
    )


def test_a_payment_with_two_bad_cells_names_both(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "Référence;Date de versement;Montant\nV-1;30/02/2023;beaucoup\n")

    with pytest.raises(InvalidInput) as caught:
        payments_read(path)

    assert str(caught.value) == (
        f"{path}:2: Date de versement: '30/02/2023' is not a day of the calendar; "
        "Montant: 'beaucoup' is not an amount in euros (expected 50000.00 or 50 000,00)"
    )


def test_every_bad_row_of_a_documents_file_is_named(tmp_path: Path) -> None:
    text = "Pièce;Reçue le;Objet\nPhoto;2022-13-01;P-1\nCopie du contrat;25/11/2022;P-1\nRapport final;32/01/2026;\n"
    path = write(tmp_path, "pieces.csv", text)

    with pytest.raises(InvalidInput) as caught:
        documents_read(path)

    assert [problem.path for problem in caught.value.values["lines"].items] == [  # type: ignore[union-attr]
        "2",
        "4: Reçue le",
    ]
    assert str(caught.value).startswith(f"{path}: 2 rows are wrong: line 2: Pièce: 'Photo' is not a kind of document")


#: The words of a title as a French office writes it, in what Windows-1252 encodes.
_TITLE_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêàçôÉ0123456789 -'", max_size=30)


@settings(max_examples=40)
@given(titles=st.lists(st.lists(_TITLE_WORDS, min_size=1, max_size=6), max_size=5), blank=st.integers(0, 3))
def test_rows_above_the_header_change_no_contract_read(titles: list[list[str]], blank: int) -> None:
    # Whatever titles and blank rows stand above the header (none naming every column), the same contract is read.
    above = [";".join(cells) for cells in titles] + [";;;;"] * blank
    text = "\r\n".join([*above, TITLED.split("\r\n", 2)[2]])
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder), "titre.csv", text)

        contracts, _ = contracts_read(path)

    assert contracts == (HYDROLIS,)
