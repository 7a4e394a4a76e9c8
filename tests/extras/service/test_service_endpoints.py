"""Each endpoint of the service answers what the library computes for the scenario sent, keeping no state."""

from __future__ import annotations

import csv
import io

import pytest
from service_client import BENEFICIARY_SIRET, FUNDER_SIRET, ONE_CONTRACT, body, client

from propulseur_rules.files import scenario_from_data

CLIENT = client()


def post(path: str, lang: str = "en", **params: str) -> object:
    response = CLIENT.post(path, content=body(ONE_CONTRACT), params=params, headers={"Accept-Language": lang})
    assert response.status_code == 200, response.text
    return response


def test_health_says_the_service_answers_and_its_version() -> None:
    response = CLIENT.get("/health")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["version"]


def test_assess_answers_the_figures_of_the_deliberation() -> None:
    data = post("/assess").json()

    # C2: 20 000 € for programme year 1, opened on 1 July 2022, and 15 000 € for its one contract;
    # nothing paid yet, nothing withheld under the pro rata reading (C3).
    assert data["accrued"] == f"{20_000 + 15_000}.00"
    assert data["payable"] == "35000.00"
    assert data["paid"] == "0.00"
    assert data["target"] == {"required": 9, "eligible": 1, "met": False}
    assert data == scenario_from_data(ONE_CONTRACT).assess().to_dict()


def test_explain_says_each_amount_with_its_clause_in_the_language_asked() -> None:
    french = post("/explain", "fr").text
    markdown = post("/explain", "en", format="markdown")

    assert french.startswith("Évaluation de Dijon Métropole")
    assert "C2" in french
    assert markdown.text.startswith("# Assessment of Dijon Métropole")
    assert markdown.headers["content-type"].startswith("text/markdown")


def test_readings_answer_the_figures_under_every_reading() -> None:
    readings = post("/readings").json()["readings"]
    by_reading = {(row["target_policy"], row["accrual"]): (row["accrued"], row["payable"]) for row in readings}
    default = [reading for reading in readings if reading["default"]]

    assert len(readings) == 16  # 2 target policies x 2 accruals x 2 readings of the places x 2 of the deadline
    assert (default[0]["accrued"], default[0]["payable"]) == ("35000.00", "35000.00")
    # At year end (C2): programme year 1 ends on 30 June 2023, so nothing has accrued on 1 January 2023.
    assert by_reading["pro_rata", "at_year_end"] == ("0.00", "0.00")
    # All or nothing (C3): 35 000 € accrued, none of it payable while 8 of the 9 contracts are missing.
    assert by_reading["all_or_nothing", "on_event"] == ("35000.00", "0.00")


def test_schedule_answers_the_day_programme_year_1_opens_with_its_operating_grant() -> None:
    events = post("/schedule").json()["events"]

    assert events[0]["on"] == "2022-07-01"
    assert (events[0]["amount"], events[0]["clause"]) == ("20000.00", "C2")


@pytest.mark.parametrize(("lang", "title"), [("fr", "# État liquidatif"), ("en", "# Liquidation statement")])
def test_statement_is_written_in_the_language_asked(lang: str, title: str) -> None:
    assert post("/statement", lang).text.startswith(title)


def test_statement_as_a_page_to_print() -> None:
    page = post("/statement", "fr", format="html")

    assert page.headers["content-type"].startswith("text/html")
    assert page.text.startswith("<!DOCTYPE html>")
    assert '<html lang="fr">' in page.text


def test_scdl_export_gives_the_convention_as_one_record_in_json_and_csv() -> None:
    inputs = {
        "funder_siret": FUNDER_SIRET,
        "beneficiary_siret": BENEFICIARY_SIRET,
        "eu_notified": "false",
        "convention_signed_on": "2022-11-15",
    }
    (record,) = post("/export/scdl", **inputs).json()
    rows = list(csv.DictReader(io.StringIO(post("/export/scdl", format="csv", **inputs).text), delimiter=","))

    # C1: the grant is 195 000 €; nothing is paid before the regional authorisation of 15 December 2022,
    # later than the signature (C4), nor after the end of the period, 30 June 2025.
    assert record["montant"] == 195_000
    assert (record["idAttribuant"], record["idBeneficiaire"]) == (FUNDER_SIRET, BENEFICIARY_SIRET)
    assert record["datesPeriodeVersement"] == "2022-12-15/2025-06-30"
    assert record["notificationUE"] is False
    assert len(rows) == 1
    assert (rows[0]["montant"], rows[0]["idAttribuant"], rows[0]["dateConvention"]) == (
        "195000.00",
        FUNDER_SIRET,
        "2022-11-15",
    )


def test_requests_are_independent_one_scenario_leaves_nothing_for_the_next() -> None:
    later = {**ONE_CONTRACT, "as_of": "2023-07-01", "contracts": []}

    first = CLIENT.post("/assess", content=body(later)).json()
    CLIENT.post("/assess", content=body(ONE_CONTRACT))
    second = CLIENT.post("/assess", content=body(later)).json()

    # No contract: 20 000 € for each of programme years 1 and 2, open on 1 July 2023 (C2).
    assert first == second
    assert first["accrued"] == f"{2 * 20_000}.00"
