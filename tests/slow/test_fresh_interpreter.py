"""In a fresh interpreter: what importing the package loads, and ``python -m propulseur_rules``.

Each test starts a Python process of its own, so that no module another test imported
hides what an import really loads.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from propulseur_rules import load_scenario
from propulseur_rules.cli import EXIT_OK, EXIT_USAGE

#: Each test starts a Python process.
pytestmark = pytest.mark.slow

TOML = str(Path(__file__).resolve().parents[2] / "examples" / "dijon-2022.toml")

#: Modules that ``import propulseur_rules`` leaves for later: the public submodules, the
#: loaders, scenario files, planning tools and trace, and what only they need.
LEFT_FOR_LATER = (
    "propulseur_rules.files",
    "propulseur_rules.planning",
    "propulseur_rules.reports",
    "propulseur_rules.example",
    "propulseur_rules.batch",
    "numpy",
    "pandas",
    "propulseur_rules.files._load",
    "propulseur_rules.planning._planning",
    "propulseur_rules.planning._schedule",
    "propulseur_rules.planning._payments",
    "propulseur_rules.files._scenario",
    "propulseur_rules.reports._trace",
    "importlib.metadata",
    "tomllib",
    "importlib.resources",
    "dateutil",
)


def test_importing_the_package_leaves_the_loaders_for_later() -> None:
    code = (
        "import sys, propulseur_rules\n"
        f"print(sorted(set({LEFT_FOR_LATER!r}) & set(sys.modules)))\n"
        "from propulseur_rules import *\n"
        "print(propulseur_rules.__version__ == __version__, callable(load_scenario), callable(sweep))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout

    assert output.splitlines() == ["[]", "True True True"]


def test_importing_the_package_leaves_the_reports_and_planning_for_later() -> None:
    code = (
        "import sys, propulseur_rules\n"
        "print(sorted(name for name in sys.modules if name.endswith(('.reports', '.planning', '._render'))))\n"
    )
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout

    assert output.splitlines() == ["[]"]


def test_the_loaders_import_no_optional_dependency() -> None:
    code = "import sys, propulseur_rules.files, propulseur_rules.cli\nprint('tomli_w' in sys.modules)\n"
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout

    assert output == "False\n"


def test_python_dash_m_runs_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "propulseur_rules", "assess", TOML, "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )

    data = json.loads(result.stdout)
    assert (result.returncode, result.stderr) == (EXIT_OK, "")
    assert data.pop("inputs")["as_of"] == {"source": "scenario", "file": TOML}
    assert data.pop("payable_by_basis") == {"given_terms": "12000.00"}  # every term written out in the file
    assert data == load_scenario(TOML).assess().to_dict()


def test_python_dash_m_bad_input_has_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"name": "x", "as_of": NaN, "convention": "dijon-2022"}')

    result = subprocess.run(
        [sys.executable, "-m", "propulseur_rules", "assess", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )

    assert result.returncode == EXIT_USAGE
    assert result.stderr == f"propulseur-rules: error: {path}: NaN is not a number that can be used\n"
