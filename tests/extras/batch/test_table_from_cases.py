"""``ScenarioTable.from_cases``: the paths a case takes into the table, and the errors it still names.

A case comes as a tuple, a mapping or a :class:`Case` value; each gives the same table.
Values already built are not checked twice, yet a bad one among good ones is named by its
path with the words :func:`assess` says it in. Contracts are stored in the canonical order
``(scenario, signed_on, reference)`` even when only some of a scenario's contracts share
their day.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import contract, payment, siren_with_key, startup
from columnar_strategies import as_case, batches
from propulseur_rules import DIJON_2022, Document, FinancingTerms, InvalidInput, assess
from propulseur_rules.batch import Case, ScenarioTable

TERMS = DIJON_2022.replace(financing=FinancingTerms())
SIGNED = dt.date(2022, 10, 3)
AS_OF = dt.date(2023, 1, 1)


def same_tables(first: ScenarioTable, second: ScenarioTable) -> bool:
    """Whether two tables hold the same columns and the same cases."""
    assert vars(first).keys() == vars(second).keys()
    for name, value in vars(first).items():
        other = vars(second)[name]
        if isinstance(value, np.ndarray):
            if value.dtype != other.dtype or value.shape != other.shape or not (value == other).all():
                return False
        elif value != other:
            return False
    return True


def as_value(scenario: Any) -> Case:
    return Case(
        convention=scenario.convention,
        contracts=tuple(scenario.contracts),
        as_of=scenario.as_of,
        regional_authorisation_on=scenario.regional_authorisation_on,
        payments=tuple(scenario.payments),
    )


@settings(max_examples=60)
@given(batches())
def test_a_case_given_as_a_case_value_or_as_a_tuple_gives_the_same_table(scenarios: list[Any]) -> None:
    as_tuples = ScenarioTable.from_cases([as_case(scenario) for scenario in scenarios])
    as_values = ScenarioTable.from_cases([as_value(scenario) for scenario in scenarios])

    assert same_tables(as_tuples, as_values)
    assert as_values.cases == as_tuples.cases


@settings(max_examples=60)
@given(batches(), st.data())
def test_the_contracts_are_stored_by_scenario_day_and_reference(scenarios: list[Any], data: st.DataObject) -> None:
    # Some contracts are moved to the day of another of their scenario, so that days are shared.
    cases = []
    for scenario in scenarios:
        contracts = list(scenario.contracts)
        if len(contracts) > 1:
            day = contracts[data.draw(st.integers(0, len(contracts) - 1))].signed_on
            for at in data.draw(st.lists(st.integers(0, len(contracts) - 1), max_size=3)):
                moved = contracts[at]
                contracts[at] = contract(moved.reference, day, of=moved.startup)
        cases.append((scenario.convention, contracts, {"as_of": scenario.as_of}))

    table = ScenarioTable.from_cases(cases)

    expected = [
        reference for _, contracts, _ in cases for _, reference in sorted((c.signed_on, c.reference) for c in contracts)
    ]
    assert table.contract_reference.tolist() == expected


def test_contracts_signed_the_same_day_are_ordered_by_reference_and_the_others_by_day() -> None:
    # Scenario 0: B and A on 3 October, C on 1 October; scenario 1: Z alone, then Y and X on one day.
    first = [contract("B", SIGNED), contract("C", SIGNED - dt.timedelta(days=2)), contract("A", SIGNED)]
    second = [contract("Z", SIGNED), contract("Y", SIGNED + dt.timedelta(days=1)), contract("X", SIGNED)]

    table = ScenarioTable.from_cases([(DIJON_2022, first, {"as_of": AS_OF}), (DIJON_2022, second, {"as_of": AS_OF})])

    # By day, then by reference: C (1 Oct), A, B (3 Oct); X, Z (3 Oct), Y (4 Oct).
    assert table.contract_reference.tolist() == ["C", "A", "B", "X", "Z", "Y"]
    # Where each came from among the contracts as given: C is second of scenario 0 (1), X third of scenario 1 (3 + 2).
    assert table.contract_source.tolist() == [1, 2, 0, 5, 3, 4]


def test_the_startups_are_numbered_by_siren_and_by_the_key_of_their_name() -> None:
    # C7: « Hydrolis » and « HYDROLIS » have one name key; the third startup has another, and no SIREN.
    contracts = [
        contract("P-1", SIGNED, of=startup("Hydrolis", siren=siren_with_key("73282932"))),
        contract("P-2", SIGNED + dt.timedelta(days=1), of=startup("HYDROLIS")),
        contract("P-3", SIGNED + dt.timedelta(days=2), of=startup("Sans Siren")),
    ]

    table = ScenarioTable.from_cases([(DIJON_2022, contracts, {"as_of": AS_OF})])

    assert table.siren.tolist() == [int(siren_with_key("73282932")), -1, -1]
    assert table.name_id.tolist() == [0, 0, 1]
    assert table.name_count == 2
    assert table.shares_a_key.tolist() == [True, True, False]


def refusal(cases: list[Any]) -> str:
    with pytest.raises(InvalidInput) as refused:
        ScenarioTable.from_cases(cases)
    return str(refused.value)


def said_by_assess(convention: Any, contracts: list[Any], **arguments: Any) -> str:
    with pytest.raises(InvalidInput) as refused:
        assess(convention, contracts, **arguments)
    return str(refused.value)


GOOD = (DIJON_2022, [contract("G-1", SIGNED), contract("G-2", SIGNED)], {"as_of": AS_OF})


def test_a_value_of_the_wrong_kind_among_contracts_is_named_by_its_case_and_place() -> None:
    bad = [contract("B-1", SIGNED), payment("V-1", SIGNED, 100), contract("B-2", SIGNED)]

    said = refusal([GOOD, GOOD, GOOD, (DIJON_2022, bad, {"as_of": AS_OF}), GOOD])

    assert said == "cases[3]." + said_by_assess(DIJON_2022, bad, as_of=AS_OF)
    assert said.startswith("cases[3].contracts[1]: ")


def test_a_reference_used_twice_is_named_with_the_first_place_it_was_used() -> None:
    twice = [contract("B-1", SIGNED), contract("B-2", SIGNED), contract("B-1", SIGNED)]

    said = refusal([GOOD, (DIJON_2022, twice, {"as_of": AS_OF}), GOOD])

    assert said == "cases[1].contracts[2].reference: 'B-1' is used twice (also contracts[0])"


def test_a_payment_used_twice_and_a_refund_beyond_what_was_paid_are_named_as_assess_names_them() -> None:
    paid = payment("V-1", dt.date(2023, 3, 1), 10_000)
    refund = payment("R-1", dt.date(2023, 4, 1), -12_000)  # 12 000 € back when 10 000 € were paid

    twice = refusal([GOOD, (DIJON_2022, [], {"as_of": AS_OF, "payments": [paid, paid]})])
    beyond = refusal([GOOD, GOOD, (DIJON_2022, [], {"as_of": AS_OF, "payments": (paid, refund)})])

    assert twice == "cases[1]." + said_by_assess(DIJON_2022, [], as_of=AS_OF, payments=[paid, paid])
    assert beyond == "cases[2]." + said_by_assess(DIJON_2022, [], as_of=AS_OF, payments=(paid, refund))
    assert beyond.startswith("cases[2].payments[1].amount: ")


def test_the_documents_are_checked_in_the_order_assess_checks_them() -> None:
    # The statement of a fourth programme year (C1 gives three) comes first, the copy of a contract the
    # case does not hold second: the contracts are checked over all documents before the years.
    fourth_year = Document(kind="financial_statement", covers=4, received_on=dt.date(2024, 1, 10))
    stray = Document(kind="contract_copy", covers="X-9", received_on=dt.date(2022, 12, 1))
    arguments = {"as_of": AS_OF, "financing_signed_on": dt.date(2022, 11, 1), "documents": [fourth_year, stray]}
    contracts = [contract("G-1", SIGNED)]

    both = refusal([GOOD, (TERMS, contracts, arguments)])
    year_only = refusal([(TERMS, contracts, {**arguments, "documents": [fourth_year]})])

    assert both == "cases[1]." + said_by_assess(TERMS, contracts, **arguments)
    assert both.startswith("cases[1].documents[1].covers: ")
    assert year_only == "cases[0].documents[0].covers: the convention has no programme year 4; it has 3"


def test_documents_limitation_events_and_a_day_of_signature_of_the_wrong_kind_are_named() -> None:
    signed_wrong = refusal([GOOD, (TERMS, [], {"as_of": AS_OF, "financing_signed_on": "1 Nov"})])
    documents_wrong = refusal([(TERMS, [], {"as_of": AS_OF, "documents": ["a copy"]})])
    events_wrong = refusal([GOOD, GOOD, (TERMS, [], {"as_of": AS_OF, "limitation_events": 3})])

    assert signed_wrong == "cases[1]." + said_by_assess(TERMS, [], as_of=AS_OF, financing_signed_on="1 Nov")
    assert documents_wrong == "cases[0]." + said_by_assess(TERMS, [], as_of=AS_OF, documents=["a copy"])
    assert events_wrong == "cases[2]." + said_by_assess(TERMS, [], as_of=AS_OF, limitation_events=3)
    assert signed_wrong.startswith("cases[1].financing_signed_on: ")
    assert documents_wrong.startswith("cases[0].documents[0]: ")
    assert events_wrong.startswith("cases[2].limitation_events: ")
