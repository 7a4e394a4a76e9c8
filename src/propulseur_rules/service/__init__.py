"""The rules over HTTP (``pip install 'propulseur-rules[service]'``, ``propulseur-rules serve``).

An ASGI application (FastAPI) whose endpoints take a scenario as JSON, in the format of the scenario
files, and answer the assessment, its explanation, the readings, the schedule, the liquidation
statement or the SCDL record; ``/openapi.json`` describes them with the library's own schemas, and
every error is an RFC 9457 problem in French or English (docs/service.md).

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app())
>>> body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
>>> client.post("/assess", json=body).json()["accrued"]    # 20 000 € a year for two programme years (C2)
'40000.00'
"""

from ..rules._extras import require
from ..words._errors import Worded

require("fastapi", "service", Worded("error.feature_service"))

from ._app import create_app  # noqa: E402  (after the check that FastAPI is there)
from ._limits import Limits  # noqa: E402
from ._openapi import openapi_document  # noqa: E402
from ._serve import serve  # noqa: E402

__all__ = ["Limits", "create_app", "openapi_document", "serve"]
