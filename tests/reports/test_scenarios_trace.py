"""The trace behind explain(): typed steps as data, rendered in English and in French."""

from __future__ import annotations

import ast
import datetime as dt
import json
import string
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from propulseur_rules import (
    DIJON_2022,
    Assessment,
    Condition,
    ContractStatus,
    PropulseurRulesError,
    StepKind,
    TraceStep,
    assess,
    load_scenario,
)
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.reports._render import explain
from propulseur_rules.words._catalogue import CATALOGUES


def _pairs(prefix: str) -> dict[str, tuple[str, str]]:
    """The sentences of the catalogue under ``prefix``, by the rest of their key: (English, French)."""
    return {
        key.removeprefix(prefix): (english, CATALOGUES["fr"][key])
        for key, english in CATALOGUES["en"].items()
        if key.startswith(prefix)
    }


STEP_TEXTS = _pairs("step.")
TEXTS = _pairs("report.")


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SOURCE = Path(__file__).resolve().parents[2] / "src" / "propulseur_rules"


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def example_assessment() -> Assessment:
    """The built-in example, with the assumed terms of its financing convention."""
    return assess(**example_assessment_inputs())  # type: ignore[arg-type]


def example_trace() -> tuple[TraceStep, ...]:
    return example_assessment().trace()


def test_every_step_kind_has_a_text_in_both_languages() -> None:
    keys = {key.split(".")[0] for key in STEP_TEXTS}
    # The steps of the financing convention and of a recovery say what the report says, in the same words.
    shared = {
        "financing_convention": ("financing.signed", "financing.signed_later", "financing.not_signed"),
        "recovery": ("recovery.to_decide", "recovery.reasons", "recovery.procedure"),
    }

    assert {kind.value for kind in StepKind} <= keys | set(shared)
    assert all(key in CATALOGUES[lang] for keys in shared.values() for key in keys for lang in CATALOGUES)


@pytest.mark.parametrize("table", [STEP_TEXTS, TEXTS], ids=["STEP_TEXTS", "TEXTS"])
def test_every_text_exists_in_both_languages_with_the_same_placeholders(table: dict[str, tuple[str, str]]) -> None:
    for key, (english, french) in table.items():
        assert english.strip(), key
        assert french.strip(), key
        assert placeholders(english) == placeholders(french), key


def test_every_condition_and_status_has_a_label_in_both_languages() -> None:
    labels = _pairs("condition.") | _pairs("status.")
    assert set(_pairs("condition.")) == {condition.name.lower() for condition in Condition}
    assert set(_pairs("status.")) == {status.name.lower() for status in ContractStatus}
    for english, french in labels.values():
        assert english
        assert french


def test_every_step_text_is_filled_from_the_inputs_of_its_steps() -> None:
    # Each kind of step met in the example scenarios gives every placeholder of its texts a value.
    for path in sorted((EXAMPLES / "scenarios").glob("*.toml")):
        for step in load_scenario(path).assess().trace():
            names = {name for name, _ in step.inputs} | {"amount"}
            for key, (english, _) in STEP_TEXTS.items():
                if key.split(".")[0] == step.kind.value and key not in ("unmet", "unmet.quote", "contract_status.why"):
                    assert placeholders(english) <= names, (key, names)


def test_the_trace_of_the_example_walks_the_years_in_order() -> None:
    steps = example_trace()

    assert steps[0].kind is StepKind.PERIOD
    assert steps[1].kind is StepKind.READINGS
    assert steps[2].kind is StepKind.DELIBERATION
    assert [step.input("year") for step in steps if step.kind is StepKind.YEAR] == [1, 2, 3]
    # Six unmet conditions under the deliberation, then the financial statement awaited and the balance held.
    assert [step.kind for step in steps[-8:]] == [StepKind.UNMET] * 8


def test_the_trace_amounts_add_up_to_the_figures() -> None:
    assessment = example_assessment()
    steps = assessment.trace()
    items = [step for step in steps if step.kind in (StepKind.OPERATING_GRANT, StepKind.CONTRACT_GRANT)]

    accrued = sum((step.amount for step in items if step.input("accrued") and step.amount), Decimal("0"))
    # 3 × 20 000 + 7 funded contracts × 15 000 = 60 000 + 105 000 = 165 000
    assert accrued == Decimal("165000.00") == assessment.accrued
    by_kind = {step.kind: step for step in steps}
    assert by_kind[StepKind.ACCRUED].amount == assessment.accrued
    # 165 000 − 10 000 waiting for year 2's financial statement (half of year 3's operating grant)
    # − 33 000 balance (165 000 × 0.20) − 110 000 paid = 12 000
    assert by_kind[StepKind.PAYABLE].amount == Decimal("12000.00")
    assert by_kind[StepKind.PAID].input("payments") == 2


def test_each_kind_of_step_of_the_example_cites_the_clauses_the_text_gives_it() -> None:
    cited: dict[str, set[str | None]] = {}
    for step in example_trace():
        cited.setdefault(step.kind.value, set()).add(None if step.clause is None else step.clause.value)

    assert cited == {
        "period": {"C1"},  # « du 1er juillet 2022 au 30 juin 2025 »
        "readings": {"C1"},  # C1's period and places per year: no reading of C7 chosen
        "deliberation": {"C9"},
        "year": {"C1"},
        "operating_grant": {"C2"},  # « 20 000 € attribués chaque année »
        "contract_grant": {"C2"},  # « 15 000 € pour chacun des contrats »
        "over_annual_limit_contract": {"C2"},  # « dans la limite de 3 contrats par an »
        "year_total": {"C2"},
        # Funded (C2); ineligible for the head office or the selection (C6), the same startup
        # (C7), the sector (C8); not yet signed: no clause.
        "contract_status": {"C2", "C6", "C7", "C8", None},
        "target": {"C3"},  # « conditionné à la signature de 9 contrats »
        "regional_authorisation": {"C4"},
        "payment": {None},
        "accrued": {"C2"},
        "withheld": {None},
        "releasable": {None},
        "paid": {None},
        "payable": {None},
        "excess_paid": {None},
        # The financing convention (C3 « modalités »): its signature, each document, the balance, the limitation.
        "financing_convention": {"C3"},
        "document": {"C3"},
        "balance": {"C3"},
        "limitation": {"C3"},
        "unmet": {"C2", "C3", "C6", "C7", "C8"},
    }


def test_the_trace_is_in_to_dict_as_plain_json_data() -> None:
    assessment = example_assessment()

    data = assessment.to_dict()

    assert data["trace"] == [step.to_dict() for step in assessment.trace()]
    assert json.loads(json.dumps(data)) == data
    assert data["trace"][4] == {
        "kind": "operating_grant",
        "clause": "C2",
        "inputs": {"year": 1, "nominal": "20000.00", "accrues_on": "2022-07-01", "accrued": True},
        "amount": "20000.00",
        # The article of law a step applies besides its clause: none for an operating grant (C2 alone).
        "basis": None,
    }


def test_a_step_names_a_missing_input() -> None:
    with pytest.raises(KeyError) as missing:
        example_trace()[0].input("nothing")

    assert isinstance(missing.value, PropulseurRulesError)
    assert "'nothing' is not an input" in str(missing.value)


def test_a_cut_by_the_cap_is_shown_with_the_nominal_amount() -> None:
    scenario = load_scenario(EXAMPLES / "scenarios" / "lower-cap.toml")

    text = explain(scenario.assess(), "en")

    assert "[C2] Contract Y3-A: €10,000.00 (cut by the cap from €15,000.00), accrued on 2024-09-01" in text


def test_a_pending_item_says_when_it_will_accrue() -> None:
    text = explain(assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)), "fr")

    assert "Fonctionnement du dispositif : 20 000,00 €, sera acquis le 01/07/2023" in text
    assert "[C4] La convention d'autorisation unique avec la Région n'est pas validée." in text
    assert "Retenu : 20 000,00 €, tout l'acquis, tant que le versement est bloqué (autorisation régionale)" in text


def test_a_deliberation_without_quorum_is_explained() -> None:
    scenario = load_scenario(EXAMPLES / "scenarios" / "deliberation-without-quorum.toml")

    text = explain(scenario.assess(), "en")

    assert "[C9] Council vote of 2022-09-29: 40 present of 86 in office" in text
    # 40 × 2 = 80, not more than the 86 members in office, on a first convocation (CGCT, L. 2121-17).
    assert "The deliberation is not adopted: no quorum." in text


def test_explain_refuses_an_unknown_language() -> None:
    with pytest.raises(ValueError, match="'de' is not a language"):
        explain(assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)), "de")


@pytest.mark.parametrize("name", ["ineligible-contracts", "excess-payment", "all-or-nothing-target-missed"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_explain_words_each_unmet_condition_as_its_message_with_its_quote(name: str, lang: str) -> None:
    assessment = load_scenario(EXAMPLES / "scenarios" / f"{name}.toml").assess()
    lines = explain(assessment, lang).splitlines()

    assert assessment.unmet
    for unmet in assessment.unmet:
        # The message ends with its clause, and the article of law it cites if any: the tagged line keeps the
        # article only.
        law = [] if unmet.basis is None else [unmet.basis.citation]
        cited = " (" + ("; " if lang == "en" else " ; ").join([unmet.clause.value, *law]) + ")"
        sentence = unmet.message(lang).removesuffix(cited)
        assert sentence != unmet.message(lang)
        sentence += "".join(f" ({citation})" for citation in law)
        line = f"  [{unmet.clause.value}] {sentence}"
        position = lines.index(line)
        assert lines[position + 1] == f"      « {unmet.clause.quote} »"


def test_explain_takes_the_unmet_conditions_from_the_assessment_not_from_the_trace() -> None:
    # With no contract on 1 January 2023, the target (C3) misses 9 - 0 = 9 contracts. An
    # assessment changed to say 4 must be explained with 4: the words follow the outcome.
    assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    target = next(unmet for unmet in assessment.unmet if unmet.condition is Condition.CONTRACT_TARGET)
    assert target.needed == 9
    unmet = tuple(attrs.evolve(unmet, needed=4) if unmet is target else unmet for unmet in assessment.unmet)
    changed = attrs.evolve(assessment, unmet=unmet)

    text = explain(changed, "en")

    assert "4 more eligible contract(s) needed" in text
    assert "9 more eligible contract(s) needed" not in text


def test_the_renderers_never_build_an_unmet_condition() -> None:
    # Outcome to text, one way: no renderer turns words or trace inputs back into an outcome.
    modules = ("reports/_render", "reports/_messages", "reports/_layout", "reports/_trace", "reports/_tables")
    modules += ("reports/_financing_section", "reports/_step_sentences", "reports/_html", "reports/_data")
    modules += ("planning/_planning", "planning/_schedule", "planning/_schedule_views", "planning/_payments")
    for module in modules:
        tree = ast.parse((SOURCE / f"{module}.py").read_text(encoding="utf-8"))
        built = [
            node.lineno
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "UnmetCondition"
        ]
        assert built == [], module
