"""The page for the finance office through the test client: the form, the report, the downloads and the
errors beside their fields (docs/service.md, "A page for the finance office")."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from page_client import BAD_DAY_CSV, FACTS, FIELDS, ONE_CONTRACT_CSV, ONE_PAYMENT_CSV, Page, client

from propulseur_rules.reports._export_ods import tables_ods
from propulseur_rules.service import Limits
from propulseur_rules.service._page import _placed
from propulseur_rules.words._errors import InvalidInput, PropulseurRulesError

CLIENT = client()


def submit(lang: str = "en", files: dict[str, tuple[str, bytes]] | None = None, **fields: str) -> Page:
    uploads = {"contracts": ("contrats.csv", ONE_CONTRACT_CSV)} if files is None else files
    response = CLIENT.post("/page", data={**FACTS, "lang": lang, **fields}, files=uploads)
    assert response.status_code == 200, response.text
    return Page(response.text)


def refused(status: int, lang: str = "en", files: dict[str, tuple[str, bytes]] | None = None, **fields: str) -> Page:
    uploads = {"contracts": ("contrats.csv", ONE_CONTRACT_CSV)} if files is None else files
    response = CLIENT.post("/page", data={**FACTS, "lang": lang, **fields}, files=uploads)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return Page(response.text)


def test_the_form_labels_every_field_in_the_language_asked() -> None:
    french = Page(CLIENT.get("/page?lang=fr").text)
    english = Page(CLIENT.get("/page", headers={"Accept-Language": "en-GB,en;q=0.9"}).text)

    assert (french.lang, english.lang) == ("fr", "en")
    assert french.labelled == FIELDS
    assert french.attributes["contracts"]["required"] == ""
    assert french.described("contracts") == ["Obligatoire : une ligne par contrat d'accompagnement."]
    assert english.described("authorised_on") == ["Leave empty if it is not validated (C4)."]


def test_the_report_shows_what_the_deliberation_pays_for_one_contract_in_year_1() -> None:
    # C2: 20 000 € for programme year 1 and 15 000 € for the contract signed on 3 November 2022; C3 read
    # pro rata and C4 met on 15 December 2022: nothing withheld, 20 000 + 15 000 = 35 000 € payable.
    english = submit("en")
    french = submit("fr")

    assert english.lang == "en"
    assert english.rows["Accrued"] == ["€35,000.00"]
    assert english.rows["Payable now"] == ["€35,000.00"]
    assert french.lang == "fr"
    assert french.rows["À verser"] == ["35 000,00 €"]


def test_a_payment_uploaded_is_deducted_from_what_is_payable() -> None:
    # On 1 February 2023 the same 35 000 € is earned; 10 000 € was paid on 10 January: 35 000 − 10 000 = 25 000 €.
    files = {"contracts": ("contrats.csv", ONE_CONTRACT_CSV), "payments": ("versements.csv", ONE_PAYMENT_CSV)}
    page = submit("en", files, as_of="2023-02-01")

    assert page.rows["Paid"] == ["€10,000.00"]
    assert page.rows["Payable now"] == ["€25,000.00"]
    assert page.rows["Payments"] == ["the file versements.csv (uploaded to the page, read as UTF-8)"]


def test_the_inputs_name_the_files_as_uploaded_never_the_folder_they_were_read_from() -> None:
    page = submit("en", {"contracts": ("C:\\exports\\contrats <2023>.csv", ONE_CONTRACT_CSV)})

    assert page.rows["Contracts"] == ["the file contrats _2023_.csv (uploaded to the page, read as UTF-8)"]
    assert page.rows["Payments"] == ["none (Payments already made)"]
    assert page.rows["Authorisation"] == ["the option Regional authorisation validated on"]


def test_a_reading_chosen_on_the_form_is_the_reading_of_the_report() -> None:
    # C7 read strictly: no contract may be signed after 31 October 2022, so the contract of 3 November is
    # not funded; only the operating grant of year 1 is earned, 20 000 €.
    page = submit("en", signing_deadline="2022-10-31")

    assert page.rows["Accrued"] == ["€20,000.00"]
    assert page.rows["PRO-01"][:2] == ["Hydrolis", "ineligible"]  # the startup named beside its contract


def test_the_report_carries_the_files_so_that_the_other_language_needs_no_new_upload() -> None:
    english = submit("en")
    kept = english.attributes["contracts"]
    carried = {
        "contracts_kept_name": "contrats.csv",
        "contracts_kept": base64.b64encode(ONE_CONTRACT_CSV).decode("ascii"),
    }

    french = submit("fr", {}, **carried)

    assert "required" not in kept
    assert french.rows["À verser"] == ["35 000,00 €"]
    assert "contrats.csv" in french.described("contracts")[1]


def test_the_spreadsheet_export_holds_the_figures_of_the_report() -> None:
    data = {**FACTS, "lang": "fr", "output": "xlsx"}
    response = CLIENT.post("/page", data=data, files={"contracts": ("contrats.csv", ONE_CONTRACT_CSV)})

    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="evaluation.xlsx"'
    sheets = openpyxl.load_workbook(io.BytesIO(response.content))
    figures = {row[0]: row[1] for row in sheets["évaluation"].iter_rows(values_only=True)}
    assert figures["à verser"] == 35000


def test_the_csv_export_is_written_for_the_language_of_the_page() -> None:
    data = {**FACTS, "lang": "en", "output": "csv"}
    response = CLIENT.post("/page", data=data, files={"contracts": ("contrats.csv", ONE_CONTRACT_CSV)})

    assert response.headers["content-disposition"] == 'attachment; filename="assessment.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    assert ["payable", "35000.00"] in rows


def test_the_liquidation_statement_is_a_printable_page_to_download() -> None:
    data = {**FACTS, "lang": "fr", "output": "statement"}
    response = CLIENT.post("/page", data=data, files={"contracts": ("contrats.csv", ONE_CONTRACT_CSV)})

    assert response.headers["content-disposition"] == 'attachment; filename="etat-de-liquidation.html"'
    assert '<html lang="fr">' in response.text
    assert "35 000,00 €" in response.text
    assert "contrats.csv" in response.text


def test_a_bad_cell_is_shown_beside_its_file_with_its_row_and_column() -> None:
    page = refused(422, "en", {"contracts": ("contrats.csv", BAD_DAY_CSV)})
    error = "contrats.csv:2: selected_on: '31/02/2022' is not a day of the calendar"

    assert page.attributes["contracts"]["aria-invalid"] == "true"
    assert page.described("contracts")[-1] == error
    assert page.texts["errors"].count(error) == 1
    assert "propulseur-page-" not in page.texts["errors"]


def test_what_is_missing_is_said_beside_each_field_it_is_missing_from() -> None:
    page = refused(422, "fr", {}, as_of="")

    assert page.described("contracts")[-1] == "choisissez le tableau des contrats"
    assert page.described("as_of") == ["donnez la date de l'évaluation"]


def test_a_date_that_is_not_a_day_is_refused_beside_its_field() -> None:
    page = refused(422, "en", authorised_on="2022-02-30")

    assert page.described("authorised_on")[-1] == "'2022-02-30' is not a day of the calendar"
    assert page.attributes["authorised_on"]["value"] == "2022-02-30"


def test_documents_without_the_terms_of_the_financing_convention_are_refused_beside_their_file() -> None:
    documents = b"kind;received_on;covers\ncontract_copy;21/11/2022;PRO-01\n"
    files = {"contracts": ("contrats.csv", ONE_CONTRACT_CSV), "documents": ("pieces.csv", documents)}

    page = refused(422, "en", files)

    assert page.attributes["documents"]["aria-invalid"] == "true"
    assert len(page.described("documents")) == 3  # its hint, the file kept, and the error


def test_a_choice_the_form_does_not_offer_is_refused_beside_its_field() -> None:
    page = refused(422, "en", places="nine")

    assert page.described("places") == ["'nine' is not one of annual or pooled"]


def test_a_file_over_the_limit_is_refused_beside_its_field_and_a_body_over_it_before_it_is_read() -> None:
    small = client(Limits(max_body_bytes=100))
    data = {**FACTS, "lang": "en"}

    over_file = small.post("/page", data=data, files={"contracts": ("contrats.csv", ONE_CONTRACT_CSV)})
    # The form may hold four times a file's limit, and 64 KiB of fields: 4 × 100 + 65 536 = 65 936 bytes.
    over_body = small.post("/page", data=data, files={"contracts": ("contrats.csv", b"x" * 66_000)})

    assert len(ONE_CONTRACT_CSV) > 100
    assert over_file.status_code == 422
    assert Page(over_file.text).described("contracts")[-1] == "the file is larger than the 0 KB a file may be"
    assert over_body.status_code == 413


def test_a_body_that_is_not_a_form_or_sends_more_files_than_it_has_is_refused_as_such() -> None:
    headers = {"Content-Type": "multipart/form-data; boundary=x", "Accept-Language": "en"}
    part = b'--x\r\nContent-Disposition: form-data; name="contracts"; filename="c.csv"\r\n\r\nb\r\n'

    broken = CLIENT.post("/page", content=b"--x\r\nnot a part", headers=headers)
    four_files = CLIENT.post("/page", content=part * 4 + b"--x--\r\n", headers=headers)

    for response in (broken, four_files):
        assert response.status_code == 400
        assert Page(response.text).texts["errors"].count("the request is not the page's form") == 1


class _Several(PropulseurRulesError):
    """Errors the loaders found all at once, as a list."""

    def __init__(self, errors: list[InvalidInput]) -> None:
        super().__init__("several")
        self.errors = errors


def test_every_error_of_a_list_is_placed_beside_its_own_field() -> None:
    folder = "/tmp/propulseur-page-x"
    several = _Several(
        [
            InvalidInput(f"{folder}/contracts/c.csv:2: signed_on", "error.not_a_day", value="'x'"),
            InvalidInput(f"{folder}/payments/p.csv:3: amount", "error.not_a_day", value="'y'"),
            InvalidInput("--as-of", "error.not_a_day", value="'z'"),
        ]
    )

    placed = _placed(several, folder, "en")

    assert placed == {
        "contracts": ["c.csv:2: signed_on: 'x' is not a day of the calendar"],
        "payments": ["p.csv:3: amount: 'y' is not a day of the calendar"],
        "as_of": ["'z' is not a day of the calendar"],
    }


@settings(max_examples=40)
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".ods", ".txt", ""]))
def test_whatever_file_is_uploaded_the_page_answers_a_report_or_its_errors_never_a_failure(
    content: bytes, suffix: str
) -> None:
    data = {**FACTS, "lang": "fr"}
    response = CLIENT.post("/page", data=data, files={"contracts": ("contrats" + suffix, content)})

    assert response.status_code in (200, 422), response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "propulseur-page-" not in response.text


def test_under_the_assumed_terms_the_report_shows_the_deliberation_alone_as_the_ceiling() -> None:
    # The financing convention's terms are not published (C3): under the assumed terms the figure is a
    # simulation, and the deliberation alone pays 20 000 + 15 000 = 35 000 € for the same case.
    response = CLIENT.post(
        "/page",
        data={**FACTS, "lang": "en", "financing": "assumed", "financing_signed_on": "2022-11-15"},
        files={"contracts": ("contrats.csv", ONE_CONTRACT_CSV)},
    )

    page = Page(response.text)

    assert response.status_code == 200
    assert "Payable under the deliberation alone (ceiling): €35,000.00" in response.text
    assert page.rows["Financing date"] == ["the option Financing convention signed on"]
    assert page.attributes["financing"]["tag"] == "select"


#: The days of the contract of ONE_CONTRACT_CSV: applied, selected, signed.
DAYS = [dt.date(2022, 9, 5), dt.date(2022, 10, 12), dt.date(2022, 11, 3)]

#: The rows of ONE_CONTRACT_CSV, its days typed as a spreadsheet types them.
ONE_CONTRACT_ROWS = [
    ["reference", "startup", "head_office", "sector", "siren", "applied_on", "selected_on", "signed_on"],
    ["PRO-01", "Hydrolis", "21231", "industriel", None, *DAYS],
]


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    saved = io.BytesIO()
    book.save(saved)
    return saved.getvalue()


def test_the_form_takes_csv_xlsx_and_ods_files_and_says_so() -> None:
    english_text, french_text = (CLIENT.get(f"/page?lang={lang}").text for lang in ("en", "fr"))
    english = Page(english_text)

    assert {english.attributes[slot]["accept"] for slot in ("contracts", "payments", "documents")} == {
        ".csv,.xlsx,.ods"
    }
    assert "OpenDocument spreadsheets (.ods)" in english_text
    assert "tableurs OpenDocument (.ods)" in french_text


@pytest.mark.parametrize(
    ("name", "content"),
    [("contrats.xlsx", _workbook(ONE_CONTRACT_ROWS)), ("contrats.ods", tables_ods([("contracts", ONE_CONTRACT_ROWS)]))],
)
def test_a_contract_from_a_workbook_or_an_opendocument_spreadsheet_is_assessed_as_from_csv(
    name: str, content: bytes
) -> None:
    # The README's contract again: 20 000 € for programme year 1 + 15 000 € for the contract = 35 000 € (C2).
    page = submit("en", {"contracts": (name, content)})

    assert page.rows["Payable now"] == ["€35,000.00"]
    assert name in page.described("contracts")[1]
