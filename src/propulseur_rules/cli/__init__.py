"""The command line ``propulseur-rules`` (also ``python -m propulseur_rules``).

Argument parsing and dispatch; what a command computes or reads comes from the library.
The exit statuses are documented in ``propulseur-rules --help``.
"""

from ._cli import EXIT_CHECK_FAILED, EXIT_OK, EXIT_UNMET, EXIT_USAGE, main

__all__ = ["EXIT_CHECK_FAILED", "EXIT_OK", "EXIT_UNMET", "EXIT_USAGE", "main"]
