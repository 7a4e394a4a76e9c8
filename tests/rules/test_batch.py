"""assess_many: a batch gives exactly what assess gives, case by case, in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Contract,
    Convention,
    InvalidInput,
    Payment,
    Sector,
    Startup,
    TargetPolicy,
    assess,
    assess_many,
)
from propulseur_rules.example._example import example_assessment_inputs

#: A few variants of the convention, so that a batch mixes conventions and policies.
CONVENTIONS = (
    DIJON_2022,
    DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING),
    DIJON_2022.replace(accrual=Accrual.AT_YEAR_END, max_funded_contracts_per_year=2),
    DIJON_2022.replace(total_cap="100000", required_contracts=3, deliberation=None),
)

#: Names that are the same startup two by two once case, accents and spaces are ignored (C7).
NAMES = ("Hydrolis", "HYDROLIS", "Bioptic", " Bioptïc ", "Kinésens", "Kinesens")
#: Valid SIRENs (Luhn key), and no SIREN at all.
SIRENS = (None, "912345675", "887654325", "903112241")
#: A commune of the métropole (Dijon, Chenôve) and one outside it (Beaune).
HEAD_OFFICES = ("21231", "21166", "21054")

START = DIJON_2022.period.start
END = DIJON_2022.period.end
days = st.dates(min_value=START - dt.timedelta(days=60), max_value=END + dt.timedelta(days=60))


@st.composite
def contracts(draw: st.DrawFn, count: int) -> list[Contract]:
    feed = []
    for number in range(count):
        startup = Startup(
            name=draw(st.sampled_from(NAMES)),
            head_office=draw(st.sampled_from(HEAD_OFFICES)),
            sector=draw(st.sampled_from(Sector)),
            siren=draw(st.sampled_from(SIRENS)),
        )
        feed.append(
            Contract(
                reference=f"C-{number}",
                startup=startup,
                signed_on=draw(days),
                applied_on=draw(st.none() | days),
                selected_on=draw(st.none() | days),
            )
        )
    return feed


@st.composite
def cases(draw: st.DrawFn) -> tuple[Convention, list[Contract], dict[str, Any]]:
    feed = draw(contracts(draw(st.integers(min_value=0, max_value=7))))
    payments = [
        Payment(
            reference=f"P-{number}",
            paid_on=draw(days),
            amount=Decimal(draw(st.integers(min_value=1, max_value=10_000_000))) / 100,
        )
        for number in range(draw(st.integers(min_value=0, max_value=3)))
    ]
    keywords: dict[str, Any] = {"as_of": draw(days), "payments": payments}
    if draw(st.booleans()):
        keywords["regional_authorisation_on"] = draw(st.none() | days)
    return draw(st.sampled_from(CONVENTIONS)), feed, keywords


def as_mapping(case: tuple[Convention, list[Contract], dict[str, Any]]) -> Mapping[str, Any]:
    convention, feed, keywords = case
    return {"convention": convention, "contracts": feed, **keywords}


def one_by_one(batch: list[tuple[Convention, list[Contract], dict[str, Any]]]) -> list[Any]:
    return [assess(convention, feed, **keywords) for convention, feed, keywords in batch]


@given(batch=st.lists(cases(), max_size=6), mappings=st.lists(st.booleans(), min_size=6, max_size=6))
def test_assess_many_gives_what_assess_gives_case_by_case(
    batch: list[tuple[Convention, list[Contract], dict[str, Any]]], mappings: list[bool]
) -> None:
    mixed = [as_mapping(case) if mapping else case for case, mapping in zip(batch, mappings, strict=False)]

    expected = one_by_one(batch)

    assert assess_many(mixed) == expected


def test_assess_many_takes_the_inputs_of_the_built_in_example_as_a_case() -> None:
    inputs = example_assessment_inputs()

    assert assess_many([inputs]) == [assess(**inputs)]  # type: ignore[arg-type]


def test_assess_many_reads_contracts_and_payments_from_generators() -> None:
    inputs = example_assessment_inputs()
    case = {**inputs, "contracts": iter(inputs["contracts"]), "payments": iter(inputs["payments"])}  # type: ignore[call-overload]

    assert assess_many([case]) == [assess(**inputs)]  # type: ignore[arg-type]


def test_an_empty_batch_gives_no_assessment() -> None:
    assert assess_many([]) == []


@pytest.mark.parametrize(
    ("case", "path"),
    [
        (42, "cases[1]"),
        ((DIJON_2022, []), "cases[1]"),
        ((DIJON_2022, [], {}), "cases[1].as_of"),
        ((DIJON_2022, [], {"as_of": END, "on": END}), "cases[1]"),
        ((DIJON_2022, [], "as_of"), "cases[1][2]"),
        ({"contracts": [], "as_of": END}, "cases[1].convention"),
        ({"convention": DIJON_2022, "as_of": END, "payment": []}, "cases[1]"),
        ((None, [], {"as_of": END}), "cases[1].convention"),
        ((DIJON_2022, [], {"as_of": "31/12/2024"}), "cases[1].as_of"),
        ((DIJON_2022, "C-1", {"as_of": END}), "cases[1].contracts"),
        ((DIJON_2022, ["C-1"], {"as_of": END}), "cases[1].contracts[0]"),
    ],
)
def test_a_bad_case_is_invalid_input_naming_the_case(case: object, path: str) -> None:
    good: tuple[Convention, list[Contract], dict[str, Any]] = (DIJON_2022, [], {"as_of": END})

    with pytest.raises(InvalidInput) as raised:
        assess_many([good, case, good])  # type: ignore[list-item]

    assert raised.value.path == path


def test_a_reference_used_twice_is_named_within_its_case() -> None:
    inputs = example_assessment_inputs()
    twice = [*inputs["contracts"], inputs["contracts"][0]]  # type: ignore[index, misc]

    with pytest.raises(InvalidInput) as raised:
        assess_many([inputs, inputs, {**inputs, "contracts": twice}])

    assert raised.value.path == f"cases[2].contracts[{len(twice) - 1}].reference"


@pytest.mark.parametrize("cases", [42, "cases", None])
def test_cases_that_are_not_a_collection_are_invalid_input(cases: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        assess_many(cases)  # type: ignore[arg-type]

    assert raised.value.path == "cases"
