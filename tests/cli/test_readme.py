"""The README's report of the built-in example is the report the command line prints.

The README shortens it: a line « … » stands for lines left out, and a line ending in « … »
for the end of a line cut. Every other line must be a line of the report, in order.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from propulseur_rules.cli import EXIT_OK, main

README = Path(__file__).parents[2] / "README.md"


def _shown_report() -> list[str]:
    text = README.read_text("utf-8")
    block = text[text.index("$ propulseur-rules assess\n") :]
    return block[: block.index("```")].splitlines()[1:]


def test_the_readme_shows_the_report_of_the_built_in_example_as_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess"]) == EXIT_OK
    printed = capsys.readouterr().out.splitlines()

    shown = _shown_report()
    assert len(shown) > 30
    position = 0
    for line in shown:
        if line == "…":
            continue
        cut = line.endswith(" …")
        wanted = line[: -len(" …")] if cut else line
        matches = [
            index
            for index in range(position, len(printed))
            if (printed[index].startswith(wanted) if cut else printed[index] == wanted)
        ]
        assert matches, f"the README shows a line the report does not print (or not in this order): {line!r}"
        position = matches[0] + 1
