"""The whole suite collects: at most one ``conftest.py`` under the paths pytest collects.

The folders of the tests and of the guides are no packages, so pytest imports every
``conftest.py`` under the module name ``conftest``, and ``--doctest-modules`` collects
each as a module of doctests too: with two under the test paths, the second found
imports as the first and the whole run stops at collection (« import file mismatch »).
A setting for the guides stands in the ``conftest.py`` at the root, which pytest loads
for every run and never collects.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_at_most_one_conftest_lies_under_the_paths_pytest_collects() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    folders = [ROOT / path for path in options["testpaths"] if (ROOT / path).is_dir()]

    found = sorted(str(path.relative_to(ROOT)) for folder in folders for path in folder.rglob("conftest.py"))

    assert found == ["tests/conftest.py"]
    assert "--doctest-modules" in options["addopts"]  # why a second one would be collected


def test_the_guides_settings_stand_at_the_root_outside_the_test_paths() -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]

    assert (ROOT / "conftest.py").is_file()
    assert "." not in options["testpaths"]
