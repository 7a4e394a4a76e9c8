"""Every word a reader is shown is in the one catalogue (``words/``), once, and every named thing has its words."""

from __future__ import annotations

import ast
import enum
import re
from pathlib import Path

import pytest

from propulseur_rules import Clause, Condition, ContractStatus, InvalidInput, Sector
from propulseur_rules.reports._messages import condition_label, status_label
from propulseur_rules.rules._documents import DocumentKind
from propulseur_rules.rules._financing import FinanceTerm
from propulseur_rules.words._catalogue import CATALOGUES, say
from propulseur_rules.words._format import csv_delimiter, format_count, format_decimal, spreadsheet_date_format

SOURCE = Path(__file__).resolve().parents[2] / "src" / "propulseur_rules"

#: A letter only French writes here, or a French quotation mark.
FRENCH = re.compile("[àâçéèêëîïôûùüÿœÀÂÇÉÈÊËÎÏÔÛÙÜŸŒ«»]")
#: French words quoted in an English sentence (« 9 projets »), kept as the deliberation writes them.
QUOTED = re.compile("«[^«»]*»")
#: Names: the parties, the métropole, and the fictitious startups of the example.
NAMES = re.compile(r"Dijon Métropole|Pôle de Compétitivité|[Mm]étropole|MedTrack Santé|Mécatronix|Kinésens|DataCœur")

#: The modules outside ``words/`` that may hold French text, and why.
NOT_SENTENCES_SHOWN = {
    "rules/_clauses.py": "the deliberation's clauses, verbatim (Clause.quote)",
    "rules/_legal.py": "the articles of law, verbatim, their French citations, and the subject in English and "
    "French that each public LegalBasis record carries",
    "reports/_scdl.py": "the values the national SCDL format prescribes (« aide en numéraire », « échelonné »), "
    "the record's default purpose, French open data, and the reasons of its errors",
    "files/_spreadsheet_columns.py": "the French column headers a spreadsheet may have: what the loader reads, "
    "not what it says",
    "files/_spreadsheet_documents.py": "the French names of the kinds of document a spreadsheet may hold: what the "
    "loader reads, not what it says",
    "planning/_pipeline.py": "the French column headers a pipeline sheet may have: what the loader reads, not "
    "what it says",
    "cli/_parser.py": "the help of the command line (English, naming the French headers and the decree it takes)",
}


def _docstrings(tree: ast.Module) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _french_strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module, docstrings aside, that hold French words of their own."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and FRENCH.search(NAMES.sub("", QUOTED.sub("", node.value)))
    ]


def test_no_module_outside_the_words_holds_a_sentence_in_french() -> None:
    modules = sorted(path for path in SOURCE.rglob("*.py") if path.relative_to(SOURCE).parts[0] != "words")
    assert len(modules) > 40

    found = {
        path.relative_to(SOURCE).as_posix(): strings
        for path in modules
        if path.relative_to(SOURCE).as_posix() not in NOT_SENTENCES_SHOWN and (strings := _french_strings(path))
    }

    assert found == {}


def test_the_check_finds_a_french_sentence_and_passes_quotations_and_names(tmp_path: Path) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        '"""Docstrings may quote « le texte »."""\n'
        'SHOWN = ("Payable now", "À verser")\n'
        'QUOTED = "the pooled reading of « 9 projets » (C7) for Dijon Métropole"\n'
        'WORDED = f"{1} contrat(s) éligible(s)"\n',
        encoding="utf-8",
    )

    assert _french_strings(module) == [(2, "À verser"), (4, " contrat(s) éligible(s)")]


ENUMS_AND_KEYS: list[tuple[type[enum.Enum], str]] = [
    (Condition, "condition."),
    (ContractStatus, "status."),
    (Clause, "clause."),
    (FinanceTerm, "term."),
    (DocumentKind, "document."),
    (Sector, "sector."),
]


@pytest.mark.parametrize(("kind", "prefix"), ENUMS_AND_KEYS, ids=lambda value: getattr(value, "__name__", value))
def test_every_member_of_a_named_kind_has_its_words_and_nothing_else_has(kind: type[enum.Enum], prefix: str) -> None:
    named = {key.removeprefix(prefix) for key in CATALOGUES["en"] if key.startswith(prefix) and key.count(".") == 1}

    assert named == {member.name.lower() for member in kind}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_condition_and_a_status_are_named_by_their_own_key(lang: str) -> None:
    assert condition_label(Condition.HEAD_OFFICE_IN_TERRITORY, "fr") == "siège social sur le territoire"
    assert status_label(ContractStatus.FUNDED, "fr") == "financé"
    for condition in Condition:
        assert condition_label(condition, lang) == say("condition." + condition.name.lower(), lang)
    for status in ContractStatus:
        assert status_label(status, lang) == say("status." + status.name.lower(), lang)


def test_no_two_keys_say_the_same_sentence_in_both_languages() -> None:
    # One meaning, one key: two keys with the same words in English and in French are one sentence
    # written twice. A short label may coincide with another in one language, not in both.
    by_words: dict[tuple[str, str], list[str]] = {}
    for key, english in CATALOGUES["en"].items():
        by_words.setdefault((english, CATALOGUES["fr"][key]), []).append(key)

    twice = {words: keys for words, keys in by_words.items() if len(keys) > 1 and len(words[0]) > 20}

    assert twice == {}


@pytest.mark.parametrize("lang", ["de", "FR", "", None, 1])
def test_the_catalogue_refuses_a_language_it_does_not_speak_as_every_function_does(lang: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        say("report.title", lang, reference="R", as_of="D")  # type: ignore[arg-type]

    assert refused.value.path == "lang"


def test_numbers_are_written_as_a_reader_of_each_language_writes_them() -> None:
    # French: a decimal comma, a space between thousands, « 20 % », dd/mm/yyyy and ';' between CSV fields
    # (the comma being the decimal sign).
    assert [format_decimal("12.5", lang) for lang in ("en", "fr")] == ["12.5", "12,5"]
    assert [format_count(12_000, lang) for lang in ("en", "fr")] == ["12,000", "12 000"]
    assert [say("unit.percent", lang, value=20) for lang in ("en", "fr")] == ["20%", "20 %"]
    assert [csv_delimiter(lang) for lang in ("en", "fr")] == [",", ";"]
    assert [spreadsheet_date_format(lang) for lang in ("en", "fr")] == ["YYYY-MM-DD", "DD/MM/YYYY"]
