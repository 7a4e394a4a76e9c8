"""The scenario the tests of the service send, and a client of the application (the service extra)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from propulseur_rules.service import Limits, create_app

#: One accompaniment contract for a startup of Dijon (INSEE 21231), signed in programme year 1, assessed on
#: 1 January 2023 with the regional authorisation validated on 15 December 2022 (README, "In Python").
ONE_CONTRACT: dict[str, Any] = {
    "name": "One contract signed in programme year 1.",
    "as_of": "2023-01-01",
    "regional_authorisation_on": "2022-12-15",
    "convention": {"preset": "dijon-2022"},
    "contracts": [
        {
            "reference": "PRO-01",
            "startup": {"name": "Hydrolis", "head_office": "21231", "sector": "industry"},
            "applied_on": "2022-09-05",
            "selected_on": "2022-10-12",
            "signed_on": "2022-11-03",
        }
    ],
}

#: SIRETs whose check digits are right (Luhn), the funder's and the beneficiary's, for the SCDL record.
FUNDER_SIRET = "12345678200002"
BENEFICIARY_SIRET = "98765432400001"


def client(limits: Limits | None = None) -> TestClient:
    """A client of a fresh application; a failure of the service is answered (500), not raised in the test."""
    return TestClient(create_app(limits), raise_server_exceptions=False)


def body(document: object) -> bytes:
    """``document`` as the JSON body of a request."""
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
