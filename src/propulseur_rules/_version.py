"""The installed version of the package, read from its metadata."""

from __future__ import annotations

__all__ = ["package_version"]


def package_version() -> str:
    """The version of the installed distribution ``propulseur-rules``, or ``0+unknown`` from a bare source tree.

    ``importlib.metadata`` is imported here, when the version is first asked
    for: it takes longer to import than the rest of the package.
    """
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("propulseur-rules")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
        return "0+unknown"
