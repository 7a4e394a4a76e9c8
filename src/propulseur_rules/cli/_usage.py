"""The usage errors of the command line, in one line, in the language the command line asks.

argparse words its usage errors itself, in English, with gettext: each message is
one of its msgids (``invalid choice: %(value)r (choose from %(choices)s)``) filled in.
Its English is kept as it is; under ``--lang fr`` the message is said again by the
catalogue's sentence for that msgid, its values (the options, the values given)
kept, as a gettext catalogue for argparse would.

>>> usage_said("argument --format: invalid choice: 'pdf' (choose from 'text', 'json')", "fr")
"argument --format : choix invalide : 'pdf' (choisir parmi 'text', 'json')"
>>> usage_said("unrecognized arguments: --colour", "en")
'unrecognized arguments: --colour'
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from ..words._catalogue import say
from ..words._language import LANGUAGES

__all__ = ["ARGPARSE_MESSAGES", "EXIT_USAGE", "Parser", "asked_lang", "usage_said"]

#: The exit status of bad input or usage.
EXIT_USAGE = 2

#: argparse's own messages (the msgids of its gettext calls, Python 3.10 to 3.13) and the key of each in the
#: catalogue; the most specific first.
ARGPARSE_MESSAGES: tuple[tuple[str, str], ...] = (
    ("argument %(argument_name)s: %(message)s", "error.usage_argument"),
    ("unrecognized arguments: %s", "error.usage_unrecognized"),
    ("the following arguments are required: %s", "error.usage_required"),
    ("one of the arguments %s is required", "error.usage_one_required"),
    ("not allowed with argument %s", "error.usage_not_allowed_with"),
    ("ignored explicit argument %r", "error.usage_ignored_explicit"),
    ("expected one argument", "error.usage_expected_one"),
    ("expected at most one argument", "error.usage_expected_at_most_one"),
    ("expected at least one argument", "error.usage_expected_at_least_one"),
    ("expected %s argument", "error.usage_expected_count"),
    ("expected %s arguments", "error.usage_expected_count"),
    ("ambiguous option: %(option)s could match %(matches)s", "error.usage_ambiguous"),
    ("invalid choice: %(value)r (choose from %(choices)s)", "error.usage_invalid_choice"),
    ("invalid %(type)s value: %(value)r", "error.usage_invalid_value"),
    ("unexpected option string: %s", "error.usage_unexpected_option"),
)

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


@functools.cache
def _msgids() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each msgid as the pattern of the messages it gives, its values named as the catalogue names them."""
    found = []
    for msgid, key in ARGPARSE_MESSAGES:
        parts, end = [], 0
        for match in _PLACEHOLDER.finditer(msgid):
            parts += [re.escape(msgid[end : match.start()]), f"(?P<{match[1] or 'value'}>.+?)"]
            end = match.end()
        found.append((re.compile("".join([*parts, re.escape(msgid[end:])]), re.DOTALL), key))
    return tuple(found)


def usage_said(message: str, lang: str) -> str:
    """argparse's ``message`` in ``lang``: as it is in English, by the catalogue in another language."""
    if lang == "en":
        return message
    for pattern, key in _msgids():
        match = pattern.fullmatch(message)
        if match is not None:
            values = match.groupdict()
            if "message" in values:
                values["message"] = usage_said(values["message"], lang)
            return say(key, lang, **values)
    return message  # a message of a newer argparse: its English rather than nothing


def asked_lang(arguments: Sequence[str]) -> str:
    """The language the arguments ask with ``--lang`` (the last one given, as argparse reads it), else English."""
    lang = "en"
    for position, argument in enumerate(arguments):
        value = argument.removeprefix("--lang=") if argument.startswith("--lang=") else None
        if argument == "--lang" and position + 1 < len(arguments):
            value = arguments[position + 1]
        if value in LANGUAGES:
            lang = value
    return lang


class Parser(argparse.ArgumentParser):
    """A parser whose usage errors are one line, said in the language its arguments ask (``--lang fr``)."""

    lang = "en"

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        arguments = sys.argv[1:] if args is None else list(args)
        self.lang = asked_lang(arguments)
        return super().parse_known_args(arguments, namespace)

    def error(self, message: str) -> NoReturn:
        # One line, like every other error: an argument may hold a line break.
        said = usage_said(message, self.lang)
        self.exit(EXIT_USAGE, f"{self.prog}: {say('error.label', self.lang)} {' '.join(said.split())}\n")
