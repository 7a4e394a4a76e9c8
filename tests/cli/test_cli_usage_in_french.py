"""Usage errors of the command line: argparse's own English as it is, in French under ``--lang fr``."""

from __future__ import annotations

import argparse
import inspect

import pytest

from propulseur_rules.cli import EXIT_USAGE, main
from propulseur_rules.cli._usage import ARGPARSE_MESSAGES, asked_lang, usage_said

FORMATS = "'text', 'json', 'markdown', 'csv', 'xlsx', 'ods'"


def error_line(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == EXIT_USAGE
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


@pytest.mark.parametrize(
    ("argv", "french"),
    [
        (
            ["assess", "--format", "pdf", "--lang", "fr"],
            f"propulseur-rules assess: erreur : argument --format : choix invalide : 'pdf' (choisir parmi {FORMATS})",
        ),
        (["assess", "--lang", "fr", "--colour"], "propulseur-rules: erreur : arguments non reconnus : --colour"),
        (["export", "--lang=fr"], "propulseur-rules export: erreur : ces arguments sont obligatoires : --format"),
        (
            ["assess", "--lang", "fr", "--as-of"],
            "propulseur-rules assess: erreur : argument --as-of : une valeur attendue",
        ),
        (
            ["assess", "--payments", "p.csv", "--no-payments", "--lang", "fr"],
            "propulseur-rules assess: erreur : argument --no-payments : interdit avec l'argument --payments",
        ),
        (
            ["assess", "--no-payments=3", "--lang", "fr"],
            "propulseur-rules assess: erreur : argument --no-payments : valeur explicite '3' ignorée",
        ),
        (
            ["forecast", "--draws", "many", "--lang", "fr"],
            "propulseur-rules forecast: erreur : argument --draws : valeur int invalide : 'many'",
        ),
    ],
    ids=["choice", "unrecognized", "required", "one-argument", "not-allowed-with", "explicit", "int"],
)
def test_a_usage_error_is_said_in_french_under_lang_fr(
    capsys: pytest.CaptureFixture[str], argv: list[str], french: str
) -> None:
    assert error_line(capsys, *argv) == french + "\n"


def test_a_usage_error_keeps_argparse_s_english_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert error_line(capsys, "assess", "--format", "pdf") == (
        f"propulseur-rules assess: error: argument --format: invalid choice: 'pdf' (choose from {FORMATS})\n"
    )


def test_the_last_lang_given_is_the_language_of_the_usage_error() -> None:
    assert asked_lang(["--lang", "fr", "--lang", "en"]) == "en"
    assert asked_lang(["--lang=fr"]) == "fr"
    assert asked_lang(["--lang", "de"]) == "en"
    assert asked_lang(["--lang"]) == "en"


def test_a_message_no_msgid_gives_stays_as_argparse_wrote_it() -> None:
    assert usage_said("something argparse says one day", "fr") == "something argparse says one day"


@pytest.mark.parametrize(("msgid", "key"), ARGPARSE_MESSAGES)
def test_each_msgid_is_one_argparse_words_today(msgid: str, key: str) -> None:
    # Should a new argparse reword a message, its English would be shown as it is: this says which.
    assert msgid in inspect.getsource(argparse), key
