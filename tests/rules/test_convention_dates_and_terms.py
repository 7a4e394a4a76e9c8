"""The dates that bound eligibility (C6 ``selected_from``, C7 ``signing_deadline``) and the financing terms
(C3) of a convention: each checked against the period of C1, each error naming its field."""

from __future__ import annotations

import datetime as dt

import pytest

from propulseur_rules import DIJON_2022, InvalidInput

# C1: « du 1er juillet 2022 au 30 juin 2025 ».
PERIOD = "2022-07-01 – 2025-06-30"


def test_a_selection_date_on_the_last_day_of_the_period_is_accepted() -> None:
    convention = DIJON_2022.replace(selected_from=dt.date(2025, 6, 30))

    assert convention.selected_from == dt.date(2025, 6, 30)


def test_a_selection_date_after_the_period_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        DIJON_2022.replace(selected_from=dt.date(2025, 7, 1))

    assert str(raised.value) == "selected_from: 2025-07-01 is after the end of the period, 2025-06-30"


def test_a_selection_date_that_is_not_a_date_names_its_field() -> None:
    with pytest.raises(InvalidInput) as raised:
        DIJON_2022.replace(selected_from="1 July 2022")

    assert str(raised.value) == "selected_from: '1 July 2022' is not a date in the form YYYY-MM-DD"


def test_a_signing_deadline_outside_the_period_names_the_period() -> None:
    with pytest.raises(InvalidInput) as raised:
        DIJON_2022.replace(signing_deadline=dt.date(2025, 7, 1))

    assert str(raised.value) == f"signing_deadline: 2025-07-01 is not within the period of the convention, {PERIOD}"


def test_financing_terms_of_another_type_are_refused_naming_it() -> None:
    with pytest.raises(InvalidInput) as raised:
        DIJON_2022.replace(financing={"advance_share": "0.5"})

    assert str(raised.value) == "financing: expected FinancingTerms or None, not a table"
