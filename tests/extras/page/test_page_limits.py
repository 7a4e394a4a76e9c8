"""The page bounds its work by the limits of the service: a file with more contracts, payments or documents than
``Limits`` allow is refused beside its field before any assessment (docs/service.md, "Limits")."""

from __future__ import annotations

from page_client import FACTS, Page, client

from propulseur_rules.service import Limits

HEADER = b"reference;startup;head_office;sector;siren;applied_on;selected_on;signed_on\n"


def contracts_csv(count: int) -> bytes:
    """``count`` contracts for startups of Dijon (INSEE 21231), each signed on 3 November 2022."""
    rows = [
        f"PRO-{number:02};Startup {number};21231;industriel;;05/09/2022;12/10/2022;03/11/2022\n".encode()
        for number in range(1, count + 1)
    ]
    return HEADER + b"".join(rows)


def payments_csv(count: int) -> bytes:
    """``count`` payments of 1 000 € each, made in January 2023."""
    rows = [f"V-{number:02};{number:02}/01/2023;1 000,00\n".encode() for number in range(1, count + 1)]
    return b"reference;paid_on;amount\n" + b"".join(rows)


def test_more_contracts_than_the_limit_are_refused_beside_the_contracts_field() -> None:
    # Failed before: three contracts against a limit of two were assessed (200).
    page_client = client(Limits(max_contracts=2))

    response = page_client.post("/page", data={**FACTS, "lang": "en"}, files={"contracts": ("c.csv", contracts_csv(3))})

    assert response.status_code == 422
    page = Page(response.text)
    assert page.attributes["contracts"]["aria-invalid"] == "true"
    assert page.described("contracts")[-1] == "the file holds 3 rows, more than the 2 the service takes"


def test_a_file_at_the_limit_is_assessed() -> None:
    page_client = client(Limits(max_contracts=2))

    response = page_client.post("/page", data={**FACTS, "lang": "en"}, files={"contracts": ("c.csv", contracts_csv(2))})

    assert response.status_code == 200


def test_more_payments_than_the_limit_are_refused_in_french_beside_the_payments_field() -> None:
    page_client = client(Limits(max_payments=1))
    files = {"contracts": ("c.csv", contracts_csv(1)), "payments": ("v.csv", payments_csv(2))}

    response = page_client.post("/page", data={**FACTS, "lang": "fr"}, files=files)

    assert response.status_code == 422
    page = Page(response.text)
    assert page.described("payments")[-1] == "le fichier compte 2 lignes ; le service en accepte au plus 1"
    assert page.attributes["contracts"].get("aria-invalid") != "true"
