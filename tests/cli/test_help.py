"""``help(propulseur_rules)`` presents the public API, and each subcommand's ``--help`` its own examples."""

from __future__ import annotations

import re
import shlex

import pytest

from propulseur_rules.cli import main
from propulseur_rules.cli._parser import _EXAMPLES
from propulseur_rules.cli._parser import parser as _parser

COMMANDS = ("assess", "explain", "schedule", "readings", "forecast", "check", "export", "statement", "schema", "serve")


def examples_of(text: str) -> list[str]:
    return re.findall(r"^  (propulseur-rules \w+.*?)(?:\s{2,}|$)", text, flags=re.MULTILINE)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_subcommand_shows_its_own_examples(capsys: pytest.CaptureFixture[str], command: str) -> None:
    assert main([command, "--help"]) == 0
    shown = examples_of(capsys.readouterr().out)

    assert shown
    assert {example.split()[1] for example in shown} == {command}


def test_the_main_help_shows_the_examples_of_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0

    assert {example.split()[1] for example in examples_of(capsys.readouterr().out)} == set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_example_is_a_valid_command_line(command: str) -> None:
    # The continuation lines of an example are joined; a redirection ends it.
    text = re.sub(r"\s*\\\n\s+", " ", _EXAMPLES[command])
    for example in examples_of(text):
        argv = shlex.split(example.split(" < ")[0].split(" > ")[0])[1:]
        arguments = _parser().parse_args(argv)
        assert arguments.command == command
