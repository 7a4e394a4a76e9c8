"""Every error of the service is an RFC 9457 problem, in French or English; the limits hold before the work."""

from __future__ import annotations

from typing import Any

import pytest
from service_client import ONE_CONTRACT, body, client

from propulseur_rules.service import Limits

CLIENT = client()

PROBLEM_KEYS = {"type", "title", "status", "detail", "code", "path", "values", "message"}


def problem_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    data: dict[str, Any] = response.json()
    assert set(data) == PROBLEM_KEYS
    assert data["status"] == status
    assert data["type"] == f"urn:propulseur-rules:problem:{data['code']}"
    return data


def test_a_wrong_value_is_a_problem_naming_its_field_as_a_path_in_english_and_in_french() -> None:
    document = {**ONE_CONTRACT, "contracts": [{**ONE_CONTRACT["contracts"][0], "signed_on": "2023-02-30"}]}

    english = problem_of(CLIENT.post("/assess", content=body(document)), 422)
    french = problem_of(CLIENT.post("/assess", content=body(document), headers={"Accept-Language": "fr-FR"}), 422)

    assert english["code"] == french["code"] == "not_a_day"
    assert english["path"] == french["path"] == ["contracts", 0, "signed_on"]
    assert english["detail"] == "'2023-02-30' is not a day of the calendar"
    assert french["detail"] == "'2023-02-30' n'est pas un jour du calendrier"
    assert french["message"] == "contracts[0].signed_on: '2023-02-30' n'est pas un jour du calendrier"
    assert (english["title"], french["title"]) == (
        "The request is not a scenario the rules can assess",
        "La requête n'est pas un scénario que les règles peuvent évaluer",
    )


@pytest.mark.parametrize(
    ("accept", "lang"),
    [
        ("fr", "fr"),
        ("fr-CH, en;q=0.5", "fr"),
        ("en-GB,fr;q=0.9", "en"),
        ("de, fr;q=0.3", "fr"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_the_language_is_the_one_accept_language_prefers_among_french_and_english(accept: str, lang: str) -> None:
    response = CLIENT.post("/assess", content=b"{}", headers={"Accept-Language": accept})

    detail = problem_of(response, 422)["detail"]
    assert detail == {"en": "is missing", "fr": "manque"}[lang]


def test_a_null_is_said_null_not_by_a_python_type() -> None:
    data = problem_of(CLIENT.post("/assess", content=body({**ONE_CONTRACT, "as_of": None})), 422)

    assert (data["code"], data["path"], data["values"]) == ("expected_date_not", ["as_of"], {"type": "null"})
    assert data["detail"] == "expected a date, not null"


@pytest.mark.parametrize(
    ("content", "code", "path"),
    [
        (b'{"name": "a", "name": "b"}', "key_twice", ["name"]),
        (b'{"name": ', "bad_json", []),
        (b"", "body_empty", []),
        (b'{"name": "caf\xe9"}', "not_utf8_text", []),
        (b"[]", "expected_table", []),
    ],
)
def test_a_body_that_is_not_a_json_scenario_is_a_problem(content: bytes, code: str, path: list[object]) -> None:
    data = problem_of(CLIENT.post("/assess", content=content), 422)

    assert (data["code"], data["path"]) == (code, path)


def test_an_unknown_endpoint_and_a_wrong_method_are_problems_too() -> None:
    missing = problem_of(CLIENT.get("/nowhere", headers={"Accept-Language": "fr"}), 404)
    wrong = problem_of(CLIENT.get("/assess"), 405)

    assert missing["detail"] == "'/nowhere' n'est pas un point d'accès du service ; voir /openapi.json"
    assert wrong["detail"] == "'GET' is not allowed on /assess"


def test_a_wrong_parameter_is_a_problem_naming_its_values() -> None:
    data = problem_of(CLIENT.post("/explain", params={"format": "pdf"}, content=body(ONE_CONTRACT)), 400)

    assert (data["code"], data["path"]) == ("not_one_of", ["format"])
    assert data["detail"] == "'pdf' is not one of text or markdown"


def test_a_missing_input_of_the_scdl_record_names_its_column() -> None:
    response = CLIENT.post(
        "/export/scdl",
        params={"convention_signed_on": "2022-11-15", "eu_notified": "false"},
        content=body(ONE_CONTRACT),
    )
    data = problem_of(response, 422)

    assert data["path"] == ["funder_siret"]
    assert data["detail"] == "is required: a SIRET of 14 digits (SCDL column idAttribuant)"


# --- limits -----------------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_before_it_is_parsed() -> None:
    small = client(Limits(max_body_bytes=64))
    # Not JSON at all: had it been parsed, the problem would be bad_json (422).
    not_json = b"x" * 65

    data = problem_of(small.post("/assess", content=not_json), 413)

    assert (data["code"], data["values"]) == ("body_too_large", {"limit": "64"})
    assert data["detail"] == "the body of the request is larger than the 64 bytes a request may send"
    assert small.post("/assess", content=b"x" * 64).json()["code"] == "bad_json"


def test_a_body_sent_in_chunks_without_its_length_is_refused_past_the_limit() -> None:
    small = client(Limits(max_body_bytes=64))

    def chunks() -> Any:
        yield b"{" + b" " * 40
        yield b" " * 40

    assert problem_of(small.post("/assess", content=chunks()), 413)["code"] == "body_too_large"


def test_too_many_contracts_is_refused_naming_the_limit_before_any_value_is_built() -> None:
    strict = client(Limits(max_contracts=2))
    # Three contracts that are each wrong: the count is refused first, and no contract is read.
    document = {**ONE_CONTRACT, "contracts": [{"reference": 1}] * 3}

    data = problem_of(strict.post("/assess", content=body(document), headers={"Accept-Language": "fr"}), 422)

    assert (data["code"], data["path"], data["values"]) == (
        "too_many_items",
        ["contracts"],
        {"count": "3", "limit": "2"},
    )
    assert data["detail"] == "compte 3 éléments ; une requête peut en envoyer au plus 2"


@pytest.mark.parametrize("key", ["payments", "documents"])
def test_too_many_payments_or_documents_is_refused_naming_the_limit(key: str) -> None:
    strict = client(Limits(max_payments=1, max_documents=1))

    data = problem_of(strict.post("/assess", content=body({**ONE_CONTRACT, key: [{}, {}]})), 422)

    assert (data["path"], data["values"]["limit"]) == ([key], "1")


def test_the_limits_come_from_the_environment_and_a_wrong_one_is_refused() -> None:
    from propulseur_rules import InvalidInput

    limits = Limits.from_environment({"PROPULSEUR_MAX_BODY_BYTES": "2048", "PROPULSEUR_MAX_PAYMENTS": " 7 "})

    assert (limits.max_body_bytes, limits.max_payments, limits.max_contracts) == (2048, 7, Limits().max_contracts)
    with pytest.raises(InvalidInput, match=r"^PROPULSEUR_MAX_CONTRACTS: 'many' is not a whole number of 1 or more$"):
        Limits.from_environment({"PROPULSEUR_MAX_CONTRACTS": "many"})
    with pytest.raises(InvalidInput, match=r"^max_documents: 0 is not a whole number of 1 or more$"):
        Limits(max_documents=0)
