"""The shape of a case of ``assess_many``: each error names the case and what was wrong with it, and
one-shot collections are read into tuples before any case is assessed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from propulseur_rules import DIJON_2022, InvalidInput, Payment, assess_many
from propulseur_rules.rules._batch import checked_shape, materialised

END = dt.date(2024, 12, 31)
#: The keyword arguments of assess, in the order assess_many's documentation gives them.
KEYWORDS = (
    "as_of, regional_authorisation_on, payments, financing_signed_on, documents, limitation_events, de_minimis_aid"
)


def _message(cases: object) -> str:
    with pytest.raises(InvalidInput) as raised:
        assess_many(cases)  # type: ignore[arg-type]
    return str(raised.value)


def test_cases_that_are_not_a_collection_are_named_by_their_type() -> None:
    assert _message(42) == "cases: expected a collection of cases, not a whole number"


def test_a_case_that_is_neither_a_tuple_nor_a_mapping_is_named_by_its_type() -> None:
    assert _message([42]) == (
        "cases[0]: expected a triple (convention, contracts, keyword arguments) or a mapping, not a whole number"
    )


def test_a_case_of_four_items_says_how_many_it_has() -> None:
    assert _message([(DIJON_2022, [], {"as_of": END}, None)]) == (
        "cases[0]: expected (convention, contracts, keyword arguments), not 4 items"
    )


def test_keyword_arguments_that_are_not_a_mapping_are_named_by_their_type() -> None:
    assert _message([(DIJON_2022, [], ["as_of"])]) == "cases[0][2]: expected a mapping of keyword arguments, not a list"


def test_an_unknown_keyword_is_named_with_the_keywords_of_assess() -> None:
    assert _message([(DIJON_2022, [], {"as_of": END, "on": END})]) == (
        f"cases[0]: 'on' is not a keyword argument of assess; expected {KEYWORDS}"
    )


def test_an_unknown_key_of_a_mapping_is_named_with_the_keys_of_a_case() -> None:
    assert _message([{"convention": DIJON_2022, "as_of": END, "payment": []}]) == (
        f"cases[0]: 'payment' is not a key of a case; expected convention, contracts, {KEYWORDS}"
    )


def test_a_mapping_without_contracts_has_none() -> None:
    convention, contracts, arguments = checked_shape("cases[0]", {"convention": DIJON_2022, "as_of": END})

    assert (convention, contracts, arguments) == (DIJON_2022, (), {"as_of": END})


def test_payments_and_documents_given_as_generators_are_read_into_tuples() -> None:
    # C2: the operating grant of the first year, 20 000 €, paid in one payment.
    paid = Payment(reference="P-1", paid_on=dt.date(2022, 12, 1), amount=Decimal("20000"))
    keywords = {"as_of": END, "payments": (p for p in [paid]), "documents": iter(())}

    _, contracts, arguments = checked_shape("cases[0]", (DIJON_2022, iter([]), keywords))

    assert contracts == ()
    assert arguments == {"as_of": END, "payments": (paid,), "documents": ()}


def test_only_one_shot_collections_are_materialised() -> None:
    listed = [1, 2]

    assert materialised(x for x in listed) == (1, 2)
    assert materialised(listed) is listed
    assert materialised("C-1") == "C-1"
    assert materialised(7) == 7
