"""The facts of a case as one value: every function that assesses a case takes it, and checks it as assess does."""

from __future__ import annotations

import datetime as dt
import inspect

import attrs
import pytest
from tests.builders import contract, payment

from propulseur_rules import (
    DIJON_2022,
    Document,
    Facts,
    InvalidInput,
    assess,
    assess_many,
    compare_readings,
    schedule,
    sweep,
)
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning import assumed_documents, payment_forecast
from propulseur_rules.rules._facts import FACT_NAMES


def example() -> tuple[object, dict[str, object]]:
    inputs = example_assessment_inputs()
    convention = inputs.pop("convention")
    return convention, inputs


def test_the_facts_are_what_assess_takes_besides_the_convention() -> None:
    keywords = inspect.signature(assess).parameters
    assert set(FACT_NAMES) == set(keywords) - {"convention"}


def test_assess_gives_the_same_assessment_for_the_facts_as_one_value_or_as_keyword_arguments() -> None:
    convention, inputs = example()
    facts = Facts(**inputs)

    assert assess(convention, facts) == assess(convention, **inputs)
    assert assess(convention, facts) != assess(convention, facts.replace(payments=()))


@pytest.mark.parametrize(
    ("function", "keywords"),
    [
        (compare_readings, {}),
        (assumed_documents, {}),
        (payment_forecast, {}),
        (assumed_documents, {"days_late": 30}),
    ],
)
def test_each_planning_tool_gives_the_same_for_the_facts_as_one_value(function: object, keywords: dict) -> None:
    convention, inputs = example()
    call = function  # type: ignore[assignment]

    assert call(convention, Facts(**inputs), **keywords) == call(convention, **inputs, **keywords)  # type: ignore[operator]


def test_schedule_reads_every_fact_but_the_date() -> None:
    convention, inputs = example()
    facts = Facts(**inputs)
    keywords = {name: value for name, value in inputs.items() if name != "as_of"}

    assert schedule(convention, facts) == schedule(convention, **keywords)
    assert schedule(convention, facts.replace(as_of="2030-01-01")) == schedule(convention, facts)


def test_sweep_assesses_the_facts_on_their_date_or_on_the_dates_asked() -> None:
    convention, inputs = example()
    facts = Facts(**inputs)
    days = [dt.date(2023, 7, 1), dt.date(2025, 7, 1)]
    keywords = {name: value for name, value in inputs.items() if name != "as_of"}

    assert sweep(convention, facts) == sweep(convention, **inputs)
    assert sweep(convention, facts, as_of=days) == sweep(convention, as_of=days, **keywords)
    assert [row["as_of"] for row in sweep(convention, facts, as_of=days)] == days


def test_assess_many_takes_a_case_as_a_convention_and_its_facts() -> None:
    convention, inputs = example()

    assert assess_many([(convention, Facts(**inputs))]) == [assess(convention, **inputs)]


def test_facts_given_twice_are_refused_naming_the_one_given_as_a_keyword() -> None:
    facts = Facts(as_of="2023-01-01")

    with pytest.raises(InvalidInput, match=r"^regional_authorisation_on: ") as raised:
        assess(DIJON_2022, facts, regional_authorisation_on=dt.date(2022, 12, 15))  # type: ignore[call-overload]
    assert raised.value.path == "regional_authorisation_on"
    with pytest.raises(InvalidInput, match=r"^as_of: "):
        compare_readings(DIJON_2022, facts, as_of=dt.date(2023, 1, 1))


def test_facts_check_their_fields_in_the_order_assess_always_has() -> None:
    with pytest.raises(InvalidInput, match=r"^as_of: expected a date, not null$"):
        Facts(as_of=None, regional_authorisation_on="not a date")
    with pytest.raises(InvalidInput, match=r"^regional_authorisation_on: "):
        Facts(as_of="2023-01-01", regional_authorisation_on="2023-02-30", contracts=[1])
    with pytest.raises(InvalidInput, match=r"^contracts\[0\]: expected a Contract, not a whole number$"):
        Facts(as_of="2023-01-01", contracts=[1], payments="no")


def test_facts_refuse_a_reference_used_twice_as_assess_does() -> None:
    twice = [contract("PRO-01", dt.date(2022, 11, 3)), contract("PRO-01", dt.date(2022, 12, 3))]
    paid = payment("V-1", dt.date(2023, 3, 1), 10_000)

    twice_said = r"^contracts\[1\]\.reference: 'PRO-01' is used twice \(also contracts\[0\]\)$"
    with pytest.raises(InvalidInput, match=twice_said):
        Facts(as_of="2023-01-01", contracts=twice)
    with pytest.raises(InvalidInput, match=r"^payments\[1\]\.reference: "):
        Facts(as_of="2023-01-01", payments=[paid, paid])


def test_facts_refuse_a_document_received_before_the_financing_convention_was_signed() -> None:
    early = Document(kind="contract_copy", received_on="2022-11-01", covers="PRO-01")
    signed = [contract("PRO-01", dt.date(2022, 11, 3))]

    with pytest.raises(InvalidInput, match=r"^documents\[0\]\.received_on: 2022-11-01 is before"):
        Facts(as_of="2023-01-01", contracts=signed, financing_signed_on="2022-11-15", documents=[early])
    with pytest.raises(InvalidInput, match=r"^documents\[0\]\.covers: 'PRO-02' is not a contract"):
        Facts(as_of="2023-01-01", documents=[attrs.evolve(early, covers="PRO-02")])
    with pytest.raises(InvalidInput, match=r"^documents: expected a collection of Document, not text$"):
        Facts(as_of="2023-01-01", documents="report.pdf")


def test_the_programme_year_a_statement_covers_is_checked_against_the_convention_when_assessed() -> None:
    # Three programme years (C1: 1 July 2022 – 30 June 2025): a statement for a fourth makes no sense.
    statement = Document(kind="financial_statement", received_on="2025-10-01", covers=4)
    facts = Facts(as_of="2025-12-31", documents=[statement])

    fourth = r"^documents\[0\]\.covers: the convention has no programme year 4; it has 3$"
    with pytest.raises(InvalidInput, match=fourth):
        assess(DIJON_2022, facts)


def test_facts_replace_changes_one_fact_and_names_the_fields_for_an_unknown_one() -> None:
    facts = Facts(as_of="2023-01-01")

    assert facts.replace(as_of="2024-01-01").as_of == dt.date(2024, 1, 1)
    with pytest.raises(InvalidInput, match=r"the fields are as_of, regional_authorisation_on, contracts, payments"):
        facts.replace(paid_on="2024-01-01")
    with pytest.raises(InvalidInput, match=r"^as_of: "):
        facts.replace(as_of="yesterday")
