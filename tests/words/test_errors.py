"""Errors are structured: a path, a key of the catalogue and its values, said in each language the library speaks."""

from __future__ import annotations

import ast
import datetime as dt
import json
import pickle
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings

import propulseur_rules
import scenario_mutations
from propulseur_rules import InvalidInput, Payment, PropulseurRulesError, UnknownReference
from propulseur_rules.files import loads_scenario
from propulseur_rules.reports._scdl import ScdlInputError
from propulseur_rules.rules._extras import MissingExtra
from propulseur_rules.words._catalogue import CATALOGUES
from propulseur_rules.words._errors import Either, Listed, Worded, kind_of, path_parts, said, shown
from scenario_mutations import mutated_documents
from type_names import PYTHON_TYPE_NAMES

ROOT = Path(str(resources.files(propulseur_rules)))

#: The classes of errors built with a key of the catalogue, and the position of that key among their arguments.
KEYED = {"InvalidInput": 1, "UnknownReference": 1, "_FileError": 1, "ScdlInputError": 2}

#: The helpers that take a key of the catalogue, and its position.
WORDING = {"say": 0, "Worded": 0, "Listed": 1}


def test_an_error_carries_its_path_key_and_values_and_is_said_in_each_language() -> None:
    error = InvalidInput("contracts[3].signed_on", "error.not_a_day", value="'31/02/2023'")

    assert (error.path, error.key, error.values) == (
        "contracts[3].signed_on",
        "error.not_a_day",
        {"value": "'31/02/2023'"},
    )
    assert str(error) == "contracts[3].signed_on: '31/02/2023' is not a day of the calendar"
    assert error.reason == "'31/02/2023' is not a day of the calendar"
    assert error.message() == str(error)
    assert error.message("fr") == "contracts[3].signed_on: '31/02/2023' n'est pas un jour du calendrier"


def test_an_error_without_a_path_is_its_reason_alone() -> None:
    error = InvalidInput("", "error.nested_too_deeply")

    assert (str(error), error.message("fr")) == ("is nested too deeply", "est imbriqué trop profondément")


def test_an_error_placed_under_a_prefix_keeps_its_key_and_cause() -> None:
    cause = ValueError("the original")
    error = InvalidInput("signed_on", "error.not_a_day", value="'x'")
    error.__cause__ = cause

    moved = error.within("contracts[3]")

    assert (moved.path, moved.key, moved.values) == ("contracts[3].signed_on", "error.not_a_day", {"value": "'x'"})
    assert moved.__cause__ is cause
    assert moved.message("fr") == "contracts[3].signed_on: 'x' n'est pas un jour du calendrier"


def test_values_worded_in_each_language_are_said_in_the_language_asked() -> None:
    rows = Listed([InvalidInput("2: sector", "error.empty"), InvalidInput("3", "error.missing")], "error.rows_joint")
    error = InvalidInput("f.csv", "error.rows_wrong", count="2", lines=rows)
    choice = InvalidInput("lang", "error.unknown_language", value="'de'", choices=Either(["en", "fr"]))
    kind = InvalidInput("as_of", "error.expected_list", kind=Worded("error.kind_table"))

    assert str(error) == "f.csv: 2 rows are wrong: line 2: sector: is empty; line 3: is missing"
    assert error.message("fr") == "f.csv: 2 lignes sont erronées : ligne 2: sector: est vide; ligne 3: manque"
    assert (str(choice), choice.message("fr")) == (
        "lang: 'de' is not a language of the reports; expected en or fr",
        "lang: 'de' n'est pas une langue des rapports ; langues possibles : en ou fr",
    )
    assert (str(kind), kind.message("fr")) == (
        "as_of: expected a list, not a table",
        "as_of: attendu : une liste, pas une table",
    )
    assert kind.values_in("fr") == {"kind": "une table"}


def test_a_value_too_large_to_show_is_said_by_its_size_in_each_language() -> None:
    with pytest.raises(InvalidInput) as caught:
        Payment(reference="VIR-1", paid_on="2023-01-01", amount=10**5000)

    assert str(caught.value) == (
        "amount: an integer of 16610 bits is more than the largest amount accepted (999999999999.99)"
    )
    assert caught.value.message("fr") == (
        "amount: un entier de 16610 bits dépasse le plus grand montant accepté (999999999999.99)"
    )


@pytest.mark.parametrize(
    "error",
    [
        InvalidInput("amount", "error.not_whole_cents", value="12.345"),
        UnknownReference("reference", "error.not_a_contract_of_assessment", value="'P-9'"),
        ScdlInputError("funder_siret", "idAttribuant", "error.siret_required"),
        InvalidInput(
            "f.csv", "error.rows_wrong", count="1", lines=Listed([InvalidInput("2", "error.empty")], "error.rows_joint")
        ),
        InvalidInput("lang", "error.unknown_language", value="'de'", choices=Either(["en", "fr"])),
    ],
    ids=["plain", "unknown-reference", "scdl", "rows", "choices"],
)
def test_an_error_survives_pickling_with_its_class_key_and_values(error: InvalidInput) -> None:
    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert (copy.path, copy.key, str(copy), copy.message("fr")) == (
        error.path,
        error.key,
        str(error),
        error.message("fr"),
    )


def test_an_unknown_reference_is_a_key_error_that_reads_as_its_sentence() -> None:
    error = UnknownReference("reference", "error.not_a_contract_of_assessment", value="'P-9'")

    assert isinstance(error, KeyError)
    assert str(error) == "reference: 'P-9' is not the reference of a contract of this assessment"


def test_a_scdl_error_names_its_column_in_each_language_and_an_option_for_its_path() -> None:
    error = ScdlInputError("eu_notified", "notificationUE", "error.not_yes_or_no", value="'peut-être'")

    assert str(error) == "eu_notified: 'peut-être' is not yes or no (SCDL column notificationUE)"
    assert (
        error.message("fr", path="--eu-notified")
        == "--eu-notified: 'peut-être' n'est ni oui ni non (colonne SCDL notificationUE)"
    )


def test_a_missing_extra_names_what_to_install_in_each_language() -> None:
    error = MissingExtra("Assessment.to_frame", "pandas", "frames")

    assert isinstance(error, ImportError)
    assert str(error) == "Assessment.to_frame needs pandas: pip install 'propulseur-rules[frames]'"
    assert error.message("fr") == "Assessment.to_frame demande pandas : pip install 'propulseur-rules[frames]'"
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_a_missing_extra_says_the_feature_in_the_language_asked() -> None:
    error = MissingExtra(Worded("error.feature_read_xlsx"), "openpyxl", "xlsx")

    assert str(error) == "reading an .xlsx workbook needs openpyxl: pip install 'propulseur-rules[xlsx]'"
    assert (
        error.message("fr") == "la lecture d'un classeur .xlsx demande openpyxl : pip install 'propulseur-rules[xlsx]'"
    )
    assert pickle.loads(pickle.dumps(error)).message("fr") == error.message("fr")


def test_a_sentence_given_instead_of_a_key_is_refused_when_the_error_is_built() -> None:
    # No sentence is ever free of the catalogue: an English text where a key belongs names no key.
    with pytest.raises(KeyError):
        InvalidInput("draws", "expected a number of futures from 1 to 100000, not 0")


def test_an_error_raised_by_another_hand_says_its_own_text() -> None:
    assert PropulseurRulesError("plain text").message("fr") == "plain text"


def _calls() -> list[tuple[str, int, str, ast.expr | None]]:
    """Every construction of a keyed error and every use of a key in the package: (file, line, name, key)."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                position = {**KEYED, **WORDING}.get(node.func.id)
                if position is not None:
                    key = node.args[position] if len(node.args) > position else None
                    found.append((relative, node.lineno, node.func.id, key))
    return found


def test_the_scan_sees_the_errors_of_every_layer() -> None:
    files = {file.split("/")[0] for file, _, name, _ in _calls() if name in KEYED}

    assert files >= {"words", "rules", "reports", "files", "planning", "batch", "cli"}


def _literal(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def test_every_error_the_package_builds_has_a_key_of_the_catalogue() -> None:
    # An error names its sentence by a literal key of the catalogue, or passes on the key of the error it rebuilds.
    wrong = [
        (file, line, name, ast.unparse(key) if key is not None else None)
        for file, line, name, key in _calls()
        if (
            name in KEYED
            and not (isinstance(key, ast.Attribute) and key.attr == "key")
            and not (_literal(key) or "").startswith("error.")
        )
        or (_literal(key) is not None and _literal(key) not in CATALOGUES["en"])
    ]

    assert wrong == []


# --- errors as data --------------------------------------------------------------------------


def test_an_error_as_data_has_a_stable_code_its_path_as_parts_and_its_message_in_the_language_asked() -> None:
    error = InvalidInput("contracts[3].startup.head_office", "error.expected_insee_text", type=kind_of(21231))

    assert error.code == "expected_insee_text"
    assert error.parts == ("contracts", 3, "startup", "head_office")
    assert error.to_dict("fr") == {
        "code": "expected_insee_text",
        "key": "error.expected_insee_text",
        "path": "contracts[3].startup.head_office",
        "parts": ["contracts", 3, "startup", "head_office"],
        "values": {"type": "un nombre entier"},
        "reason": "attendu : un code commune INSEE sous forme de texte, pas un nombre entier",
        "message": "contracts[3].startup.head_office: "
        "attendu : un code commune INSEE sous forme de texte, pas un nombre entier",
    }
    assert error.to_dict("en")["message"] == (
        "contracts[3].startup.head_office: expected an INSEE commune code as text, not a whole number"
    )


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("", ()),
        ("as_of", ("as_of",)),
        ("convention.period.start", ("convention", "period", "start")),
        ("payments[0]", ("payments", 0)),
        ("cases[1][2]", ("cases", 1, 2)),
        ("expect.contracts['PRO-2022-01'].status", ("expect", "contracts", "PRO-2022-01", "status")),
        ("contracts.csv:4: sector", ("contracts.csv:4: sector",)),
    ],
)
def test_the_path_of_a_field_is_split_into_keys_and_positions(path: str, parts: tuple[str | int, ...]) -> None:
    assert path_parts(path) == parts
    assert InvalidInput(path, "error.missing").parts == parts


@pytest.mark.parametrize(
    ("value", "english", "french"),
    [
        (None, "null", "null"),
        (False, "true or false", "vrai ou faux"),
        ("21231", "text", "du texte"),
        (21231, "a whole number", "un nombre entier"),
        (Decimal("15000.00"), "a number", "un nombre"),
        (0.5, "a number", "un nombre"),
        ({"a": 1}, "a table", "une table"),
        ([1], "a list", "une liste"),
        ((1,), "a list", "une liste"),
        ({1}, "a collection", "une collection"),
        (b"x", "binary data", "des données binaires"),
        (dt.date(2023, 1, 1), "a date", "une date"),
        (object(), "a value of another kind", "une valeur d'une autre sorte"),
        (Payment(reference="PAY-1", paid_on=dt.date(2023, 1, 1), amount=Decimal(1)), "Payment", "Payment"),
    ],
)
def test_what_a_value_is_is_said_in_words_of_each_language(value: object, english: str, french: str) -> None:
    kind = kind_of(value)

    assert (said(kind, "en"), said(kind, "fr")) == (english, french)


def test_a_value_nested_too_deeply_is_said_by_its_kind_in_each_language() -> None:
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]

    assert (said(shown(nested), "en"), said(shown(nested), "fr")) == (
        "a list nested too deeply",
        "une liste d'une imbrication trop profonde",
    )


def test_a_number_read_from_a_document_is_shown_as_written_not_as_python_writes_it() -> None:
    assert shown(Decimal("6.0")) == "6.0"


def _messages(document: object) -> list[str]:
    """The message in each language of the error the loader raises for ``document``; none if it takes it."""
    try:
        loads_scenario(json.dumps(document), "json")
    except InvalidInput as error:
        return [error.message("en"), error.message("fr")]
    return []


@settings(max_examples=150)
@given(mutated_documents())
def test_no_message_of_a_bad_json_document_names_a_python_type(document: object) -> None:
    named = [message for message in _messages(document) if PYTHON_TYPE_NAMES.search(message)]

    assert named == []


@pytest.mark.parametrize("value", scenario_mutations.ODD_VALUES)
@pytest.mark.parametrize("field", ["name", "as_of", "convention", "contracts", "payments", "documents", "covers"])
def test_no_message_of_an_odd_value_in_a_field_names_a_python_type(field: str, value: object) -> None:
    messages = _messages({**scenario_mutations.SEEDS[0], field: value})

    assert [message for message in messages if PYTHON_TYPE_NAMES.search(message)] == []
