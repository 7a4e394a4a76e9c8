"""The examples of the guides run as doctests; this module sets what those of the batch guide may leave behind.

The batch guide starts a local Dask cluster in threads. When the machine is loaded,
distributed can still be closing a connection of that cluster after the example is
done, and Python reports the error it then ignores; the example's results are
checked before. The tests of the Dask extra allow the same (tests/extras/dask).

It stands at the root, outside the paths pytest collects: pytest loads it for every run,
and a second ``conftest.py`` under those paths would be imported by ``--doctest-modules``
under the module name of tests/conftest.py (tests/package/test_conftests.py).
"""

from __future__ import annotations

import pytest

_DASK_GUIDE = "batch.md"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name == _DASK_GUIDE and item.path.parent.name == "docs":
            item.add_marker(pytest.mark.filterwarnings("ignore::ResourceWarning"))
            item.add_marker(pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"))
