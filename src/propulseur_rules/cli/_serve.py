"""``serve``: the rules over HTTP, with the ``service`` extra (FastAPI and uvicorn); docs/service.md."""

from __future__ import annotations

import argparse

from ..rules._extras import require
from ..words._errors import PropulseurRulesError, Worded
from ._output import EXIT_OK, refused

__all__ = ["run_serve"]


def run_serve(arguments: argparse.Namespace) -> int:
    """Serve until interrupted; without the extra, or with a wrong limit in the environment, say so (status 2)."""
    try:
        for module in ("fastapi", "uvicorn"):
            require(module, "service", Worded("error.feature_service"))
        from ..service import Limits, serve  # the service extra, needed by this command alone

        limits = Limits.from_environment()
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    serve(arguments.host, arguments.port, limits)
    return EXIT_OK
