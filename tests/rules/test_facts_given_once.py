"""The facts of a case are given once: as a ``Facts``, or as the contracts and keyword arguments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from propulseur_rules import Facts, InvalidInput, Payment
from propulseur_rules.rules._facts import facts_from

AS_OF = dt.date(2023, 1, 1)


def test_payments_given_beside_a_facts_are_refused_naming_them() -> None:
    # C2: the operating grant of a year, 20 000 €.
    paid = Payment(reference="P-1", paid_on=dt.date(2022, 12, 1), amount=Decimal("20000"))

    with pytest.raises(InvalidInput) as raised:
        facts_from(Facts(as_of=AS_OF), payments=[paid])

    assert raised.value.path == "payments"


def test_keywords_at_their_defaults_beside_a_facts_are_no_second_facts() -> None:
    facts = Facts(as_of=AS_OF)

    assert facts_from(facts, payments=[], documents=(), regional_authorisation_on=None) is facts


def test_replacing_a_fact_that_does_not_exist_names_it_and_the_facts_there_are() -> None:
    with pytest.raises(InvalidInput) as raised:
        Facts(as_of=AS_OF).replace(as_on=AS_OF)

    known = (
        "as_of, regional_authorisation_on, contracts, payments, financing_signed_on, documents, limitation_events, "
        "de_minimis_aid"
    )
    assert raised.value.path == ""
    assert "as_on" in str(raised.value)
    assert str(raised.value).endswith(f"; the fields are {known}")


def test_the_text_nat_is_not_a_missing_date_but_a_bad_one() -> None:
    # Only a table's own missing date (pandas or numpy NaT) stands for no date; the text is refused.
    with pytest.raises(InvalidInput) as raised:
        Facts(as_of=AS_OF, regional_authorisation_on="NaT")

    assert str(raised.value) == "regional_authorisation_on: 'NaT' is not a date in the form YYYY-MM-DD"
