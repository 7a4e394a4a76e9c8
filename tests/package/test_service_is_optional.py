"""The rules over HTTP are an optional extra: the core imports none of it, and without it the service
and ``propulseur-rules serve`` say which extra to install."""

from __future__ import annotations

import subprocess
import sys


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_the_core_and_the_command_line_import_nothing_of_the_service() -> None:
    result = run(
        """
import sys
import propulseur_rules
from propulseur_rules import assess, words, rules, example, reports, files, planning
from propulseur_rules.cli import main
from propulseur_rules.cli._parser import parser
parser()
loaded = {name for name in sys.modules if name.split(".")[0] in ("fastapi", "starlette", "uvicorn", "pydantic")}
loaded |= {name for name in sys.modules if name.startswith("propulseur_rules.service")}
assert not loaded, sorted(loaded)
"""
    )

    assert result.returncode == 0, result.stderr


def test_without_the_extra_the_service_names_the_extra_to_install() -> None:
    # FastAPI and uvicorn are blocked here as if they were not installed.
    result = run(
        """
import sys
sys.modules["fastapi"] = None
sys.modules["uvicorn"] = None
from propulseur_rules.rules._extras import MissingExtra
try:
    import propulseur_rules.service
except MissingExtra as error:
    assert (error.module, error.extra) == ("fastapi", "service"), error
    assert error.message("fr") == (
        "le service HTTP des règles demande fastapi : pip install 'propulseur-rules[service]'"
    ), error.message("fr")
else:
    raise AssertionError("propulseur_rules.service imported without FastAPI")
from propulseur_rules.cli import main
assert main(["serve", "--lang", "fr"]) == 2
"""
    )

    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "propulseur-rules: erreur : le service HTTP des règles demande fastapi : "
        "pip install 'propulseur-rules[service]'\n"
    )
