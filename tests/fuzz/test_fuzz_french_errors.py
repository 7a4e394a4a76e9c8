"""Fuzzing the errors in French: any key with any values gives one line, its file and line kept; no command line
under ``--lang fr`` gets an error line in English."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from propulseur_rules.cli import main
from propulseur_rules.words._catalogue import CATALOGUES
from propulseur_rules.words._errors import InvalidInput

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

#: Every error's sentence, but the one that gathers several errors of the inputs, each on a line of its own
#: (``files.InputsWrong``: every error of every input at once); its lines are tested with the loaders.
_KEYS = sorted(key for key in CATALOGUES["en"] if key.startswith("error.") and key != "error.inputs_wrong")


@given(
    st.sampled_from(_KEYS),
    st.text(st.characters(codec="utf-8", exclude_characters="\n"), min_size=1, max_size=40),
    st.from_regex(r"[a-z]{1,8}\.csv:[1-9][0-9]{0,3}", fullmatch=True),
)
def test_the_file_and_line_before_a_reason_are_kept(key: str, value: str, where: str) -> None:
    names = [part.split("}")[0] for part in CATALOGUES["en"][key].split("{")[1:]]
    error = InvalidInput(where, key, **dict.fromkeys(names, repr(value)))

    for lang in CATALOGUES:
        assert error.message(lang).startswith(f"{where}: ")
        assert "\n" not in error.message(lang)
    assert error.message("en") == str(error)


def _errors_of(argv: list[str]) -> str:
    """The standard error of ``main(argv)`` run in a scratch folder of its own holding a good and a bad file."""
    with tempfile.TemporaryDirectory() as name, contextlib.chdir(name):
        shutil.copy(EXAMPLES / "dijon-2022.toml", "good.toml")
        shutil.copy(EXAMPLES / "dijon-2022-contracts.csv", "good.csv")
        Path("bad.toml").write_text('name = "x"\nas_of = [2025]\n', encoding="utf-8")
        Path("bad.csv").write_text("reference;startup\nP-1;A\n", encoding="utf-8")
        err, out = io.StringIO(), io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            main(argv)
    return err.getvalue()


_WORDS = st.one_of(
    st.sampled_from(["assess", "explain", "schedule", "readings", "export", "check", "nonsense"]),
    st.sampled_from(["--as-of", "--format", "--by", "--contracts", "--payments", "--no-payments", "--output"]),
    st.sampled_from(["--authorised-on", "--not-authorised", "--financing", "--documents", "--places", "--colour"]),
    st.sampled_from(["--funder-siret", "--eu-notified", "--convention-signed-on", "--financing-signed-on"]),
    st.sampled_from(["text", "json", "pdf", "csv", "xlsx", "budget-year", "pooled", "assumed", "yes", "peut-être"]),
    st.sampled_from(["2025-03-31", "2023-02-30", "31/03/2025", "soon", "12345678200003", "1.5", "-3"]),
    st.sampled_from(["good.toml", "bad.toml", "good.csv", "bad.csv", "missing.toml", "out.xlsx", "."]),
)
_PREFIX = re.compile(r"propulseur-rules(?: \S+)?: (?:error:|erreur :) ")


@settings(deadline=None, max_examples=60)
@given(st.lists(_WORDS, max_size=7))
@example(["assess", "--as-of", "2023-02-30"])
@example(["assess", "--contracts", "bad.csv", "--as-of", "2025-03-31"])
@example(["assess", "bad.toml"])
@example(["export", "--format", "csv"])
@example(["assess", "--by", "budget-year", "--format", "csv"])
def test_no_error_line_is_english_under_lang_fr(argv: list[str]) -> None:
    french, english = (_errors_of([*argv, "--lang", lang]) for lang in ("fr", "en"))

    for line in french.splitlines():
        assert _PREFIX.match(line), line
        assert "erreur :" in line
    if french and english:
        # The path and the values are the same in both languages; the sentence is not.
        assert _PREFIX.sub("", french) != _PREFIX.sub("", english)
