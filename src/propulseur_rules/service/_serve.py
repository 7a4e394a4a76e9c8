"""Running the service with uvicorn, the ASGI server of the ``service`` extra."""

from __future__ import annotations

from ..rules._extras import require
from ..words._errors import Worded
from ._app import create_app
from ._limits import Limits

__all__ = ["serve"]


def serve(host: str = "127.0.0.1", port: int = 8000, limits: Limits | None = None) -> None:
    """Serve the rules on ``host``:``port`` until interrupted; ``limits`` by default from the environment."""
    uvicorn = require("uvicorn", "service", Worded("error.feature_service"))
    app = create_app(Limits.from_environment() if limits is None else limits)
    uvicorn.run(app, host=host, port=port, log_level="info")
