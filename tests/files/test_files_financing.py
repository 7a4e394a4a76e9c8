"""The financing convention in scenario files, spreadsheets of documents and on the command line.

Every way of giving a scenario carries the financing terms (C3's « modalités »), the
day the financing convention was signed and the supporting documents received; bad
input names its field (``documents[1].covers``, ``docs.csv:3: Objet``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from propulseur_rules import (
    DIJON_2022,
    Document,
    DocumentKind,
    Facts,
    FinancingTerms,
    InvalidInput,
    Scenario,
    assess,
    dump_scenario,
    load_documents_csv,
    load_scenario,
    loads_scenario,
    scenario_from_data,
)
from propulseur_rules.cli import EXIT_OK, EXIT_UNMET, EXIT_USAGE, main
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.files import example_scenario, schema_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FINANCING = EXAMPLES / "scenarios" / "financing-convention.toml"
DOCUMENTS_CSV = EXAMPLES / "dijon-2022-documents.csv"

HEAD = """\
name = "Two contracts under the assumed terms."
as_of = 2023-06-30
regional_authorisation_on = 2023-02-15
financing_signed_on = 2022-10-20
"""

BASE = (
    HEAD
    + """
[[contracts]]
reference = "A-01"
startup = { name = "Alpha", head_office = "21231", sector = "industry" }
applied_on = 2022-09-01
selected_on = 2022-10-01
signed_on = 2022-11-10

[[contracts]]
reference = "A-02"
startup = { name = "Beta", head_office = "21515", sector = "health" }
applied_on = 2022-10-01
selected_on = 2022-12-01
signed_on = 2023-01-16
"""
)

CONVENTION = """
[convention]
preset = "dijon-2022"

[convention.financing]
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def refused(call: Any) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        call()
    return caught.value


def document_table(kind: str, received_on: str, covers: str | None = None) -> str:
    line = f'\n[[documents]]\nkind = "{kind}"\nreceived_on = {received_on}\n'
    return line + ("" if covers is None else f"covers = {covers}\n")


# --- scenario files ----------------------------------------------------------------------


def test_an_empty_financing_table_gives_the_assumed_terms(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, "s.toml", BASE + CONVENTION))

    assert scenario.convention.financing == FinancingTerms()
    assert scenario.financing_signed_on == dt.date(2022, 10, 20)
    assert scenario.documents == ()


def test_a_scenario_without_a_financing_table_keeps_the_first_release_behaviour(tmp_path: Path) -> None:
    scenario = load_scenario(write(tmp_path, "s.toml", HEAD + 'convention = "dijon-2022"\n' + BASE[len(HEAD) :]))

    assert scenario.convention == DIJON_2022
    assert scenario.convention.financing is None
    # Accrued on 30 June 2023: 20 000 + 2 × 15 000 = 50 000, all payable without the terms.
    assert scenario.assess().payable == Decimal("50000.00")


def test_financing_false_means_no_terms(tmp_path: Path) -> None:
    text = BASE + '\n[convention]\npreset = "dijon-2022"\nfinancing = false\n'

    assert load_scenario(write(tmp_path, "s.toml", text)).convention.financing is None


def test_shares_are_read_from_text_or_numbers_and_months_from_integers(tmp_path: Path) -> None:
    text = BASE + CONVENTION + 'advance_share = "0.3333"\nbalance_share = 0.25\nfinancial_statement_months = 3\n'

    terms = load_scenario(write(tmp_path, "s.toml", text)).convention.financing

    assert terms == FinancingTerms(advance_share="0.3333", balance_share="0.25", financial_statement_months=3)
    assert terms is not None
    assert str(terms.advance_share) == "0.3333"


def test_documents_are_read_and_passed_to_assess(tmp_path: Path) -> None:
    documents = document_table("contract_copy", "2022-11-25", '"A-01"') + document_table(
        "contract_copy", "2023-02-01", '"A-02"'
    )
    scenario = load_scenario(write(tmp_path, "s.toml", BASE + documents + CONVENTION))

    assert scenario.documents == (
        Document(kind=DocumentKind.CONTRACT_COPY, received_on=dt.date(2022, 11, 25), covers="A-01"),
        Document(kind=DocumentKind.CONTRACT_COPY, received_on=dt.date(2023, 2, 1), covers="A-02"),
    )
    assessment = scenario.assess()
    # Year 1 (to 30 June 2023): 20 000 + 2 × 15 000 = 50 000 accrued, both copies in: nothing waits;
    # the balance 20 % × 50 000 = 10 000 is held (2 contracts of 9): payable 50 000 − 10 000 = 40 000.
    assert assessment.awaiting_documents == Decimal("0.00")
    assert assessment.balance_held == Decimal("10000.00")
    assert assessment.payable == Decimal("40000.00")
    assert assessment.documents == scenario.documents


def test_without_the_copy_of_a_contract_its_grant_waits(tmp_path: Path) -> None:
    documents = document_table("contract_copy", "2022-11-25", '"A-01"')
    assessment = load_scenario(write(tmp_path, "s.toml", BASE + documents + CONVENTION)).assess()

    # A-02's copy, due 16 January + 1 month = 16 February 2023, never came: its 15 000 waits.
    # 50 000 − 15 000 − 10 000 (balance) = 25 000.
    assert assessment.awaiting_documents == Decimal("15000.00")
    assert assessment.payable == Decimal("25000.00")


def test_the_financing_convention_scenario_file_gives_its_figures_by_hand() -> None:
    scenario = load_scenario(FINANCING)
    assessment = scenario.assess()

    # See the comment in the file: 15 000 (FC-03's copy) + 10 000 (year 2 beyond its advance).
    assert assessment.awaiting_documents == Decimal(15_000 + (20_000 - 20_000 // 2))
    assert assessment.balance_held == Decimal("100000") * Decimal("0.20")
    assert assessment.payable == Decimal(100_000 - 25_000 - 20_000 - 50_000)
    assert scenario.expect is not None
    assert scenario.expect.mismatches(assessment) == ()


def test_the_request_json_is_a_deliberation_only_scenario_not_the_built_in_example() -> None:
    request = load_scenario(EXAMPLES / "dijon-2022-request.json")

    assert request.convention == DIJON_2022
    assert (request.financing_signed_on, request.documents) == (None, ())
    assert "built-in example" not in request.name


def test_the_csv_scenario_reads_the_same_documents_as_the_built_in_example() -> None:
    scenario = load_scenario(EXAMPLES / "scenarios" / "dijon-2022-from-csv.toml")
    inputs = example_assessment_inputs()

    assert scenario.documents == inputs["documents"]
    assert scenario.convention == inputs["convention"]
    assert scenario.financing_signed_on == inputs["financing_signed_on"]


def test_the_command_lines_example_is_the_assessment_inputs_of_the_example() -> None:
    scenario = example_scenario()
    inputs = example_assessment_inputs()

    assert (scenario.convention, scenario.contracts, scenario.payments) == (
        inputs["convention"],
        inputs["contracts"],
        inputs["payments"],
    )
    assert (scenario.as_of, scenario.regional_authorisation_on) == (
        inputs["as_of"],
        inputs["regional_authorisation_on"],
    )
    assert (scenario.financing_signed_on, scenario.documents) == (
        inputs["financing_signed_on"],
        inputs["documents"],
    )


# --- bad input names its field -----------------------------------------------------------


@pytest.mark.parametrize(
    ("documents", "path", "reason"),
    [
        (
            document_table("contract_copy", "2022-11-25", '"A-01"')
            + document_table("contract_copy", "2023-02-01", '"Z-99"'),
            "documents[1].covers",
            "'Z-99' is not a contract of this convention",
        ),
        (
            document_table("financial_statement", "2023-10-01", "4"),
            "documents[0].covers",
            "the convention has no programme year 4; it has 3",
        ),
        (
            document_table("contract_copy", "2022-10-19", '"A-01"'),
            "documents[0].received_on",
            "2022-10-19 is before the financing convention was signed, 2022-10-20",
        ),
        (document_table("invoice", "2023-01-05", '"A-01"'), "documents[0].kind", "'invoice' is not a kind of document"),
        (document_table("contract_copy", "2023-01-05"), "documents[0].covers", "covers a contract reference"),
        (document_table("final_report", "2023-01-05", '"A-01"'), "documents[0].covers", "the whole convention"),
        ('\n[[documents]]\nkind = "final_report"\n', "documents[0].received_on", "is missing"),
    ],
    ids=[
        "unknown contract",
        "unknown year",
        "before signature",
        "unknown kind",
        "copy of nothing",
        "report of a contract",
        "no day",
    ],
)
def test_a_bad_document_is_refused_naming_its_field(tmp_path: Path, documents: str, path: str, reason: str) -> None:
    file = write(tmp_path, "s.toml", BASE + documents + CONVENTION)

    error = refused(lambda: load_scenario(file))

    assert error.path == f"{file}: {path}"
    assert reason in error.reason


@pytest.mark.parametrize(
    ("line", "path", "reason"),
    [
        ("advance_share = 1.5", "advance_share", "is not a share between 0 and 1"),
        ('balance_share = "-0.1"', "balance_share", "is not a share between 0 and 1"),
        ('advance_share = "half"', "advance_share", "is not a number"),
        ("advance_share = 0.33333", "advance_share", "more than four decimals"),
        ("final_report_months = -1", "final_report_months", "is not a delay of 0 to 120 months"),
        ('contract_copy_months = "1"', "contract_copy_months", "'1' is not a delay of 0 to 120 months"),
        ("advance = 0.5", "advance", "did you mean 'advance_share'?"),
    ],
)
def test_a_bad_financing_term_is_refused_naming_its_field(tmp_path: Path, line: str, path: str, reason: str) -> None:
    file = write(tmp_path, "s.toml", BASE + CONVENTION + line + "\n")

    error = refused(lambda: load_scenario(file))

    assert error.path == f"{file}: convention.financing.{path}"
    assert reason in error.reason


def test_a_request_names_the_field_without_a_file() -> None:
    request = {
        "name": "A request.",
        "as_of": "2023-06-30",
        "convention": {"preset": "dijon-2022", "financing": {"advance_share": "1.01"}},
    }

    assert refused(lambda: scenario_from_data(request)).path == "convention.financing.advance_share"
    request["convention"] = "dijon-2022"
    request["documents"] = [{"kind": "contract_copy", "received_on": "2023-01-01", "covers": "NOPE"}]
    assert refused(lambda: scenario_from_data(request)).path == "documents[0].covers"
    request["financing_signed_on"] = "31/02/2023"
    assert refused(lambda: scenario_from_data(request)).path == "financing_signed_on"


def test_a_financial_statement_covers_a_year_number_written_as_text_or_integer() -> None:
    request: dict[str, Any] = {
        "name": "A request.",
        "as_of": "2024-03-31",
        "convention": "dijon-2022",
        "financing_signed_on": "15/11/2022",  # a French date, as for every other date
        "documents": [
            {"kind": "financial_statement", "received_on": "2023-12-08", "covers": "1"},
            {"kind": "final_report", "received_on": "08/12/2023"},
        ],
    }

    scenario = scenario_from_data(request)

    assert scenario.financing_signed_on == dt.date(2022, 11, 15)
    assert [(document.covers, document.received_on) for document in scenario.documents] == [
        (1, dt.date(2023, 12, 8)),
        (None, dt.date(2023, 12, 8)),
    ]


# --- writing back ------------------------------------------------------------------------


def test_a_scenario_without_terms_is_written_as_before(tmp_path: Path) -> None:
    scenario = Scenario(name="No terms.", convention=DIJON_2022, as_of=dt.date(2023, 1, 1))

    dump_scenario(scenario, tmp_path / "s.json")

    data = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert data["convention"] == {"preset": "dijon-2022"}
    assert "financing_signed_on" not in data
    assert "documents" not in data


# --- the documents' spreadsheet ----------------------------------------------------------

FRENCH_CSV = (
    "Pièce;Reçue le;Objet\r\n"
    "Copie du contrat;21/11/2022;A-01\r\n"
    "CRF;08/12/2023;année 1\r\n"
    "compte-rendu financier;02/12/2024;Année 2\r\n"
    "Rapport final;15/12/2025;\r\n"
    "rapport d'activité annuel et compte rendu financier;01/12/2025;3\r\n"
)


def test_a_french_export_of_documents_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "pièces.csv", FRENCH_CSV.encode("cp1252"))  # Excel's « CSV (point-virgule) »

    documents = load_documents_csv(path)

    assert [(document.kind, document.received_on, document.covers) for document in documents] == [
        (DocumentKind.CONTRACT_COPY, dt.date(2022, 11, 21), "A-01"),
        (DocumentKind.FINANCIAL_STATEMENT, dt.date(2023, 12, 8), 1),
        (DocumentKind.FINANCIAL_STATEMENT, dt.date(2024, 12, 2), 2),
        (DocumentKind.FINAL_REPORT, dt.date(2025, 12, 15), None),
        (DocumentKind.FINANCIAL_STATEMENT, dt.date(2025, 12, 1), 3),
    ]


def test_an_english_export_of_documents_is_read(tmp_path: Path) -> None:
    text = "kind,received_on,covers\ncontract_copy,2022-11-21,A-01\nfinancial statement,2023-12-08,year 1\n"

    documents = load_documents_csv(write(tmp_path, "documents.csv", text))

    assert documents == (
        Document(kind="contract_copy", received_on="2022-11-21", covers="A-01"),
        Document(kind="financial_statement", received_on="2023-12-08", covers=1),
    )


def test_a_file_of_final_reports_needs_no_covers_column(tmp_path: Path) -> None:
    documents = load_documents_csv(write(tmp_path, "d.csv", "pièce;reçue le\nrapport final;15/12/2025\n"))

    assert documents == (Document(kind="final_report", received_on="2025-12-15"),)


def test_the_example_documents_file_holds_the_built_in_example_documents() -> None:
    raw = DOCUMENTS_CSV.read_bytes()

    assert raw.startswith(b"\xef\xbb\xbf")
    assert load_documents_csv(DOCUMENTS_CSV) == example_assessment_inputs()["documents"]


@pytest.mark.parametrize(
    ("row", "where", "reason"),
    [
        ("facture;21/11/2022;A-01", "d.csv:2: Pièce", "'facture' is not a kind of document"),
        ("Copie du contrat;31/02/2023;A-01", "d.csv:2: Reçue le", "is not a day of the calendar"),
        ("Copie du contrat;21/11/2022;", "d.csv:2: Objet", "is empty"),
        ("Compte rendu financier;08/12/2023;année zéro", "d.csv:2: Objet", "expected a programme year number"),
        ("Rapport final;15/12/2025;A-01", "d.csv:2: Objet", "the whole convention"),
    ],
)
def test_a_bad_row_is_named_by_its_line_and_column(tmp_path: Path, row: str, where: str, reason: str) -> None:
    path = write(tmp_path, "d.csv", f"Pièce;Reçue le;Objet\n{row}\n")

    error = refused(lambda: load_documents_csv(path))

    assert error.path == str(tmp_path / where)
    assert reason in error.reason


def test_an_unknown_column_is_left_out_and_its_contract_copy_covers_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "d.csv", "kind;received_on;contract\ncontract_copy;2022-11-21;A-01\n")

    error = refused(lambda: load_documents_csv(path))

    # « contract » is no column of a documents sheet: left out, the copy names no contract.
    assert (error.path, error.reason) == (f"{path}:2: covers", "is empty")


def test_a_scenario_names_its_documents_file_and_errors_name_its_rows(tmp_path: Path) -> None:
    write(
        tmp_path,
        "pieces.csv",
        "Pièce;Reçue le;Objet\nCopie du contrat;25/11/2022;A-01\nCopie du contrat;01/02/2023;Z-9\n",
    )
    file = write(tmp_path, "s.toml", HEAD + 'documents = "pieces.csv"\n' + BASE[len(HEAD) :] + CONVENTION)

    error = refused(lambda: load_scenario(file))

    # The second document, line 3 of the file, names a contract the scenario does not have.
    assert error.path == f"{tmp_path / 'pieces.csv'}:3: Objet"
    assert error.reason == "'Z-9' is not a contract of this convention"


def test_a_request_names_a_documents_file_only_within_its_base_folder(tmp_path: Path) -> None:
    write(tmp_path, "pieces.csv", "kind,received_on,covers\ncontract_copy,2022-11-25,A-01\n")
    text = HEAD + 'documents = "pieces.csv"\n' + BASE[len(HEAD) :] + CONVENTION

    assert len(loads_scenario(text, "toml", base_dir=tmp_path).documents) == 1
    assert refused(lambda: loads_scenario(text, "toml")).path == "documents"
    outside = text.replace('"pieces.csv"', '"../pieces.csv"')
    assert "'..' is not allowed" in str(refused(lambda: loads_scenario(outside, "toml", base_dir=tmp_path)))
    absolute = text.replace('"pieces.csv"', f'"{tmp_path / "pieces.csv"}"')
    assert "not an absolute one" in str(refused(lambda: loads_scenario(absolute, "toml", base_dir=tmp_path)))


# --- the JSON Schema ---------------------------------------------------------------------


def test_the_schema_accepts_the_financing_facts_and_refuses_what_the_loader_refuses() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    good: dict[str, Any] = {
        "name": "x",
        "as_of": "2023-01-01",
        "convention": {"preset": "dijon-2022", "financing": {"advance_share": "0.3333", "balance_share": 0.2}},
        "financing_signed_on": "2022-11-15",
        "documents": [
            {"kind": "contract_copy", "received_on": "2022-11-21", "covers": "A-01"},
            {"kind": "financial_statement", "received_on": "2023-12-08", "covers": 1},
            {"kind": "final_report", "received_on": "2025-12-08"},
        ],
        "expect": {"awaiting_documents": "10000.00", "balance_held": "33000.00", "unmet": ["supporting_document"]},
    }

    assert validator.is_valid(good)
    assert validator.is_valid({**good, "documents": "pieces.csv"})
    assert validator.is_valid({**good, "convention": {"preset": "dijon-2022", "financing": False}})
    assert not validator.is_valid({**good, "convention": {"preset": "dijon-2022", "financing": {"advance_share": 1.5}}})
    assert not validator.is_valid({**good, "convention": {"preset": "dijon-2022", "financing": {"advance": 0.5}}})
    assert not validator.is_valid({**good, "documents": [{"kind": "invoice", "received_on": "2022-11-21"}]})
    assert not validator.is_valid({**good, "documents": [{"kind": "contract_copy", "received_on": "2022-11-21"}]})


def test_every_example_with_financing_terms_follows_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()))
    import tomllib

    for path in (EXAMPLES / "dijon-2022.toml", FINANCING, EXAMPLES / "scenarios" / "dijon-2022-from-csv.toml"):
        validator.validate(json.loads(json.dumps(tomllib.loads(path.read_text("utf-8")), default=str)))


# --- the expect table --------------------------------------------------------------------


def test_an_expectation_checks_the_money_waiting_and_the_balance_held() -> None:
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")
    assert scenario.expect is not None
    wrong = scenario.expect.__class__(awaiting_documents="0", balance_held="39000")

    assert wrong.mismatches(scenario.assess()) == (
        "awaiting_documents: expected 0.00, got 10000.00",
        "balance_held: expected 39000.00, got 33000.00",
    )


# --- the command line --------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_documents_from_a_file_replace_the_examples(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # The example's documents and year 2's financial statement: the 10 000 that waited is released,
    # 165 000 − 33 000 − 110 000 = 22 000 payable.
    rows = DOCUMENTS_CSV.read_text("utf-8-sig") + "Compte rendu financier;20/03/2025;année 2\r\n"
    path = write(tmp_path, "pièces.csv", rows)

    status, out, err = run(capsys, "assess", "--documents", str(path))

    assert (status, err) == (EXIT_OK, "")
    assert re.search(r"Payable now +€22,000\.00\n", out)
    assert f"  Documents       the file {path} (--documents, read as UTF-8)\n" in out


def test_financing_none_gives_the_first_release_figures(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", "--financing", "none", "--lang", "fr")

    assert status == EXIT_OK
    assert re.search(r"À verser +55 000,00 €\n", out)  # 165 000 − 110 000
    assert "  Modalités       aucune (--financing none)\n" in out


def test_assumed_terms_on_a_scenario_without_them(capsys: pytest.CaptureFixture[str]) -> None:
    scenario = str(EXAMPLES / "scenarios" / "full-195000.toml")

    # Not signed, said so: no payment, the financing convention is a blocking condition.
    status, out, _ = run(
        capsys,
        "assess",
        scenario,
        "--financing",
        "assumed",
        "--financing-not-signed",
        "--fail-on-unmet",
        "--format",
        "json",
    )
    assert status == EXIT_UNMET
    data = json.loads(out)
    assert data["payable"] == "0.00"
    assert data["inputs"]["financing"] == {"source": "assumed", "option": "--financing assumed"}
    assert data["inputs"]["financing_signed_on"] == {"source": "none", "option": "--financing-not-signed"}
    assert "financing_convention_signed" in {unmet["condition"] for unmet in data["unmet"]}

    status, out, _ = run(capsys, "assess", scenario, "--financing", "assumed", "--financing-signed-on", "2022-11-15")
    assert status == EXIT_OK
    assert "  Financing date  the option --financing-signed-on\n" in out


def test_a_scenario_without_terms_reports_no_financing_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "assess", str(EXAMPLES / "scenarios" / "lower-cap.toml"))

    assert status == EXIT_OK
    assert "Financing terms" not in out
    assert "Documents" not in out.split("\nInputs\n")[1]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--financing-signed-on", "31/02/2023"], "--financing-signed-on: "),
        (["--financing-signed-on", "2023-01-01"], "documents[0].received_on: 2022-11-21 is before the financing"),
        (["--financing", "later"], "argument --financing: invalid choice"),
        (["--documents", "{folder}/missing.csv"], "{folder}/missing.csv: no such file"),
        (["--documents", "{folder}/bad.csv"], "{folder}/bad.csv:3: Objet: 'PRO-2099-99' is not a contract"),
    ],
)
def test_bad_financing_input_exits_2_naming_the_field(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], expected: str
) -> None:
    rows = "Copie du contrat;21/11/2022;PRO-2022-01\nCopie du contrat;21/11/2022;PRO-2099-99\n"
    write(tmp_path, "bad.csv", "Pièce;Reçue le;Objet\n" + rows)
    arguments = [argument.format(folder=tmp_path) for argument in argv]

    status, out, err = run(capsys, "assess", *arguments)

    assert (status, out) == (EXIT_USAGE, "")
    assert expected.format(folder=tmp_path) in err
    # Signed on 1 January 2023, the convention came after two of the example's documents (received on
    # 21 November and 12 December 2022): each is named on its own line.
    assert err.count("\n") == (2 if argv[1] == "2023-01-01" else 1)
    assert "Traceback" not in err


def test_a_document_error_is_said_in_french(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", "Pièce;Reçue le;Objet\nCopie du contrat;21/11/2022;PRO-2099-99\n")

    status, _, err = run(capsys, "assess", "--documents", str(path), "--lang", "fr")

    assert status == EXIT_USAGE
    assert (
        err == f"propulseur-rules: erreur : {path}:2: Objet: 'PRO-2099-99' n'est pas un contrat de cette convention\n"
    )


@pytest.mark.parametrize(
    ("row", "french"),
    [
        (
            "Compte rendu financier;08/12/2023;année zéro",
            "Objet: attendu : un numéro d'année de programme (1, 2, …), pas 'année zéro'",
        ),
        ("Compte rendu financier;08/12/2023;année 0", "Objet: 0 n'est pas un numéro d'année de programme (1, 2, …)"),
        (
            "Rapport final;08/12/2023;année 1",
            "Objet: le rapport final porte sur toute la convention, pas sur 'année 1'",
        ),
    ],
)
def test_what_a_document_covers_is_refused_in_french_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, row: str, french: str
) -> None:
    path = write(tmp_path, "bad.csv", f"Pièce;Reçue le;Objet\n{row}\n")

    status, _, err = run(capsys, "assess", "--documents", str(path), "--lang", "fr")

    assert status == EXIT_USAGE
    assert err == f"propulseur-rules: erreur : {path}:2: {french}\n"


@pytest.mark.parametrize(
    ("line", "french"),
    [
        ('advance_share = "1.5"', "advance_share: '1.5' n'est pas une part entre 0 et 1 (0 % à 100 %)"),
        (
            'balance_share = "0.12345"',
            "balance_share: '0.12345' a plus de quatre décimales (un centième de pour cent)",
        ),
        ("final_report_months = 121", "final_report_months: 121 n'est pas un délai de 0 à 120 mois"),
    ],
)
def test_a_bad_term_of_the_financing_convention_is_refused_in_french_too(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: str, french: str
) -> None:
    path = write(tmp_path, "terms.toml", BASE + CONVENTION + line + "\n")

    status, _, err = run(capsys, "assess", str(path), "--lang", "fr")

    assert status == EXIT_USAGE
    assert err == f"propulseur-rules: erreur : {path}: convention.financing.{french}\n"


def test_a_scenario_files_document_refused_after_an_option_names_the_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    toml = str(EXAMPLES / "dijon-2022.toml")

    status, _, err = run(capsys, "assess", toml, "--financing-signed-on", "2023-01-01")

    assert status == EXIT_USAGE
    assert f"{toml}: documents[0].received_on: 2022-11-21 is before" in err


def test_a_scenario_s_facts_are_everything_but_the_convention_as_one_value_assess_takes() -> None:
    scenario = example_scenario()

    assert scenario.facts() == Facts(
        as_of=scenario.as_of,
        contracts=scenario.contracts,
        regional_authorisation_on=dt.date(2023, 2, 15),
        payments=scenario.payments,
        financing_signed_on=dt.date(2022, 11, 15),
        documents=scenario.documents,
    )
    assert assess(scenario.convention, scenario.facts()) == scenario.assess()
