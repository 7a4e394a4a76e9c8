"""The command line ``propulseur-rules`` (also ``python -m propulseur_rules``): parsing and dispatch, nothing else.

What a command computes, reads or checks comes from the library: the scenario
and where its facts came from (:func:`propulseur_rules.files.assemble`), the
check of scenario files (:func:`propulseur_rules.files.check_scenarios`), the
schema, the reports. :mod:`._parser` declares the subcommands and the function
each runs (:mod:`._commands`); :mod:`._output` writes, and holds the exit
statuses (documented in ``propulseur-rules --help``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ._output import EXIT_CHECK_FAILED, EXIT_OK, EXIT_UNMET, EXIT_USAGE
from ._parser import parser

__all__ = ["EXIT_CHECK_FAILED", "EXIT_OK", "EXIT_UNMET", "EXIT_USAGE", "main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (by default the process's arguments); return the exit status."""
    command_line = parser()
    try:
        arguments = command_line.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if arguments.command is None:
        command_line.print_help()
        return EXIT_USAGE
    status: int = arguments.run(arguments)
    return status
