"""The command line: ``propulseur-rules`` and ``python -m propulseur_rules``.

Exit status: 0 when the assessment is printed, 2 for bad input or usage (one
line on standard error, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__
from ._engine import assess
from ._errors import PropulseurRulesError
from ._example import example_assessment_inputs
from ._model import to_date
from ._render import render

__all__ = ["main"]

_EPILOG = """\
examples:
  propulseur-rules assess                      the built-in Dijon 2022 example
  propulseur-rules assess --lang fr            the same, in French
  propulseur-rules assess --as-of 2025-07-01   on another date
  propulseur-rules assess --format json        as JSON (Assessment.to_dict())
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="propulseur-rules",
        description="Assess the ProPulseur funding convention of Dijon Métropole (2022-2025).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    assess_parser = commands.add_parser(
        "assess",
        help="assess a scenario (with no file, the built-in Dijon 2022 example)",
        description="Assess the built-in Dijon 2022 example on a date.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    assess_parser.add_argument("--as-of", metavar="DATE", help="the date of the assessment, YYYY-MM-DD")
    assess_parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    assess_parser.add_argument("--lang", choices=("en", "fr"), default="en")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help()
        return 2
    try:
        inputs = example_assessment_inputs()
        if arguments.as_of is not None:
            inputs["as_of"] = to_date(arguments.as_of, "--as-of")
        assessment = assess(**inputs)  # type: ignore[arg-type]
    except PropulseurRulesError as error:
        print(f"propulseur-rules: error: {error}", file=sys.stderr)
        return 2
    if arguments.format == "json":
        output = json.dumps(assessment.to_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        output = render(assessment, arguments.lang, markdown=arguments.format == "markdown")
    sys.stdout.write(output)
    return 0
