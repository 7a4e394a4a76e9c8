"""The package's namespace, as ``dir()``, completion and ``help()`` show it, holds only the public API."""

from __future__ import annotations

import propulseur_rules


def test_dir_lists_the_public_names_and_submodules_and_no_helper_of_the_package() -> None:
    names = dir(propulseur_rules)

    for helper in ("Any", "TYPE_CHECKING", "importlib", "words", "_SUBMODULES", "_can_import"):
        assert helper not in names, helper
    public = [name for name in names if not (name.startswith("__") and name.endswith("__"))]
    submodules = {"batch", "example", "files", "planning", "reports", "rules"}
    assert set(public) - submodules == set(propulseur_rules.__all__) - {"__version__"}
    assert "__version__" in names
    assert {"example", "files", "planning", "reports", "rules"} <= set(public)
