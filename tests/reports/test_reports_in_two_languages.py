"""English unless French is asked for, and the choice reaches every report.

The reports are read in French by the métropole and in English by others: the
default is English, and a language or a table kind given to a method of the
assessment must reach the function that writes it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import contract
from propulseur_rules import DIJON_2022, PropulseurRulesError, assess
from propulseur_rules.words._format import format_money

# 1 July 2025, two contracts in year 1, no regional authorisation: C4 withholds everything.
RESULT = assess(
    DIJON_2022,
    [contract("C-1", dt.date(2022, 9, 1)), contract("C-2", dt.date(2022, 10, 1))],
    as_of=dt.date(2025, 7, 1),
)


def test_money_is_written_the_english_way_by_default_and_the_french_way_when_asked() -> None:
    assert format_money(Decimal("195000")) == "€195,000.00"
    assert format_money(Decimal("195000"), "fr") == "195 000,00 €"


def test_a_negative_amount_keeps_its_sign_before_the_euro_sign() -> None:
    # No figure of an assessment is negative, but a difference between two of them may be.
    assert format_money(Decimal("-1234.5")) == "-€1,234.50"
    assert format_money(Decimal("-1234.5"), "fr") == "-1 234,50 €"


def test_explain_is_in_english_by_default_and_in_french_when_asked() -> None:
    assert RESULT.explain() == RESULT.explain("en")
    assert RESULT.explain("fr") != RESULT.explain("en")
    assert "€" in RESULT.explain("fr")
    assert "195 000,00 €" in RESULT.explain("fr")


def test_an_unmet_condition_speaks_english_by_default_and_french_when_asked() -> None:
    unmet = RESULT.blocking[0]  # C4: the regional authorisation

    assert unmet.message() == unmet.message("en")
    assert unmet.message("fr") != unmet.message("en")
    assert "C4" in unmet.message("fr")


def test_records_are_per_contract_by_default_and_per_programme_year_when_asked() -> None:
    assert [record["reference"] for record in RESULT.to_records()] == ["C-1", "C-2"]
    assert [record["programme_year"] for record in RESULT.to_records(by="programme_year")] == [1, 2, 3]


def test_asking_for_a_contract_that_is_not_there_names_the_reference() -> None:
    with pytest.raises(KeyError) as missing:
        RESULT.contract("C-404")

    assert isinstance(missing.value, PropulseurRulesError)
    assert "'C-404' is not the reference of a contract" in str(missing.value)
