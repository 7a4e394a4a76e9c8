"""The law and the code side by side: clauses, their quotes, conditions, messages, layers."""

from __future__ import annotations

import ast
import string
from decimal import Decimal
from importlib import resources

import pytest

import propulseur_rules
from propulseur_rules import Clause, Condition, ContractStatus, InvalidInput, UnmetCondition
from propulseur_rules.reports import _messages
from propulseur_rules.rules._outcome import CONDITION_CLAUSES
from propulseur_rules.rules._rules import CONTRACT_RULES, ContractRule
from propulseur_rules.words._catalogue import CATALOGUES


def _normalised(text: str) -> str:
    return " ".join(text.replace("1^{er}", "1er").split())


def _deliberation_text() -> str:
    data = resources.files(propulseur_rules).joinpath("data/deliberation-2022-09-29.txt")
    return _normalised(data.read_text("utf-8"))


def test_the_deliberation_ships_with_the_package() -> None:
    text = _deliberation_text()

    assert "Conseil Métropolitain du jeudi 29 septembre 2022" in text
    assert "est arrêtée à 195 000 €" in text


@pytest.mark.parametrize("clause", list(Clause), ids=str)
def test_every_clause_quote_appears_verbatim_in_the_deliberation(clause: Clause) -> None:
    text = _deliberation_text()
    fragments = [_normalised(fragment) for fragment in clause.quote.split(" … ")]

    assert all(fragments)
    missing = [fragment for fragment in fragments if fragment not in text]
    assert missing == []


def test_quotes_that_are_cut_keep_their_fragments_in_the_order_of_the_text() -> None:
    text = _deliberation_text()
    for clause in Clause:
        positions = [text.find(_normalised(fragment)) for fragment in clause.quote.split(" … ")]
        assert positions == sorted(positions), clause


def test_there_are_nine_clauses_each_with_a_subject_in_english_and_french() -> None:
    assert [clause.value for clause in Clause] == [f"C{number}" for number in range(1, 10)]
    for clause in Clause:
        assert clause.subject("en")
        assert clause.subject("fr")
        assert clause.subject("en") != clause.subject("fr")


def test_every_condition_cites_the_clause_that_sets_it() -> None:
    assert set(CONDITION_CLAUSES) == set(Condition)
    assert {condition: condition.clause for condition in Condition} == {
        Condition.REGIONAL_AUTHORISATION: Clause.C4,
        Condition.DELIBERATION_ADOPTED: Clause.C9,
        Condition.CONTRACT_TARGET: Clause.C3,
        Condition.SIGNED_WITHIN_PERIOD: Clause.C1,
        Condition.HEAD_OFFICE_IN_TERRITORY: Clause.C6,
        Condition.STARTUP_APPLIED: Clause.C6,
        Condition.SELECTED_BY_COMMITTEE: Clause.C6,
        Condition.SECTOR_IN_SCOPE: Clause.C8,
        Condition.ONE_CONTRACT_PER_STARTUP: Clause.C7,
        Condition.ANNUAL_CONTRACT_LIMIT: Clause.C2,
        # SPEC §7.1: « contrats supplémentaires » are those beyond every place of the convention.
        Condition.CONVENTION_CONTRACT_LIMIT: Clause.C5,
        Condition.RECONSIDERATION_POSSIBLE: Clause.C5,
        # Money paid beyond what the modalities allow: C3, « selon les modalités définies
        # dans la convention de financement » (SPEC gives no clause; docs/interpretation.md).
        Condition.NO_EXCESS_PAYMENT: Clause.C3,
        # C3's « modalités définies dans la convention de financement »: its signature, the documents
        # that release the money, the balance (« solde ») and the limitation of unpaid claims.
        Condition.FINANCING_CONVENTION_SIGNED: Clause.C3,
        Condition.SUPPORTING_DOCUMENT: Clause.C3,
        Condition.BALANCE_HELD: Clause.C3,
        Condition.CLAIM_TIME_BARRED: Clause.C3,
        # C4 names the startups « bénéficiaires directs » of aid to enterprises.
        Condition.DE_MINIMIS_CEILING: Clause.C4,
    }


# --- English and French ------------------------------------------------------------------


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("prefix", ["condition.", "status.", "unmet.", "report."])
def test_every_text_exists_in_english_and_french_with_the_same_placeholders(prefix: str) -> None:
    keys = [key for key in CATALOGUES["en"] if key.startswith(prefix)]
    assert keys
    for key in keys:
        english, french = CATALOGUES["en"][key], CATALOGUES["fr"][key]
        assert english.strip(), key
        assert french.strip(), key
        assert _placeholders(english) == _placeholders(french), key


def test_every_condition_and_status_has_a_label_in_both_languages() -> None:
    for condition in Condition:
        assert {_messages.condition_label(condition, lang) for lang in CATALOGUES} == {
            CATALOGUES[lang]["condition." + condition.name.lower()] for lang in CATALOGUES
        }
    for status in ContractStatus:
        assert {_messages.status_label(status, lang) for lang in CATALOGUES} == {
            CATALOGUES[lang]["status." + status.name.lower()] for lang in CATALOGUES
        }


@pytest.mark.parametrize("condition", list(Condition), ids=str)
@pytest.mark.parametrize(("blocks", "final"), [(False, False), (True, False), (True, True), (False, True)])
def test_every_unmet_condition_has_a_message_in_english_and_french_citing_its_clause(
    condition: Condition, blocks: bool, final: bool
) -> None:
    unmet = UnmetCondition(
        condition=condition,
        clause=condition.clause,
        contract="PRO-1",
        amount=Decimal("15000.00"),
        blocks_payment=blocks,
        final=final,
        needed=2,
        releases=Decimal("15000.00") if blocks else None,
        beyond=1,
    )

    english, french = unmet.message("en"), unmet.message("fr")

    assert english.endswith(f"({condition.clause.value})")
    assert french.endswith(f"({condition.clause.value})")
    assert english != french
    assert "{" not in english + french
    assert "None" not in english + french


@pytest.mark.parametrize(
    "rule", [rule for rule in CONTRACT_RULES if rule.message is not None], ids=lambda rule: rule.condition.value
)
def test_a_rule_with_a_message_of_its_own_has_it_in_english_and_french_citing_its_clause(rule: ContractRule) -> None:
    unmet = UnmetCondition(condition=rule.condition, clause=rule.clause, contract="PRO-1", reason=rule.message)

    english, french = unmet.message("en"), unmet.message("fr")

    assert english.startswith("Contract PRO-1")
    assert english.endswith(f"({rule.clause.value})")
    assert french.startswith(("Le contrat PRO-1", "Contrat PRO-1"))
    assert french.endswith(f"({rule.clause.value})")
    generic = UnmetCondition(condition=rule.condition, clause=rule.clause, contract="PRO-1").message("en")
    assert english != generic


def test_a_message_in_a_language_the_library_does_not_speak_is_invalid_input() -> None:
    unmet = UnmetCondition(condition=Condition.CONTRACT_TARGET, clause=Clause.C3, needed=1)

    with pytest.raises(InvalidInput) as caught:
        unmet.message("de")

    assert caught.value.path == "lang"


def test_the_target_message_says_how_many_contracts_are_needed() -> None:
    unmet = UnmetCondition(condition=Condition.CONTRACT_TARGET, clause=Clause.C3, needed=4)

    assert "4 more eligible contract" in unmet.message("en")
    assert "il manque 4 contrat" in unmet.message("fr")


def test_a_lone_blocking_condition_says_what_lifting_it_would_release() -> None:
    unmet = UnmetCondition(
        condition=Condition.REGIONAL_AUTHORISATION,
        clause=Clause.C4,
        amount=Decimal("65000.00"),
        blocks_payment=True,
        releases=Decimal("65000.00"),
    )

    assert "release €65,000.00" in unmet.message("en")
    assert "libérerait 65 000,00 €" in unmet.message("fr")


# --- Purity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "module",
    [
        "_engine.py",
        "_eligibility.py",
        "_entitlement.py",
        "_settlement.py",
        "_financing_steps.py",
        "_results.py",
        "_rules.py",
    ],
)
def test_the_engine_and_its_rules_read_no_clock(module: str) -> None:
    source = resources.files(propulseur_rules).joinpath("rules", module).read_text("utf-8")
    calls = {
        ast.unparse(node.func)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }

    assert not {call for call in calls if call.endswith((".today", ".now", ".utcnow"))}


def test_a_clause_subject_in_a_language_the_reports_do_not_speak_is_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        Clause.C4.subject("de")

    assert refused.value.path == "lang"
