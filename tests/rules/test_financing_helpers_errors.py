"""The helpers of the financing terms (C3, « selon les modalités définies dans la convention de
financement ») refuse what they cannot compute, naming the value: a share beyond 100 %, a delay past
31 December 9999, a programme year numbered 0, a document of no known kind."""

from __future__ import annotations

import datetime as dt

import pytest

from propulseur_rules import FinancingTerms, InvalidInput
from propulseur_rules.rules._documents import to_document_kind
from propulseur_rules.rules._financing import add_months, statement_year_for


@pytest.mark.parametrize(("share", "shown"), [("1.5", "'1.5'"), (True, "True"), ("-0.1", "'-0.1'")])
def test_financing_share_beyond_0_to_1_names_the_value(share: object, shown: str) -> None:
    with pytest.raises(InvalidInput) as error:
        FinancingTerms(balance_share=share)
    assert str(error.value) == f"balance_share: {shown} is not a share between 0 and 1 (0 % to 100 %)"


def test_add_months_past_the_calendar_names_the_months_and_the_day() -> None:
    # 31 December 9999 + 1 month would be in January 10000, which no date reaches.
    with pytest.raises(InvalidInput) as error:
        add_months(dt.date(9999, 12, 31), 1)
    assert str(error.value) == "date: 1 months after 9999-12-31 is beyond the calendar"


@pytest.mark.parametrize("year_index", [0, -1])
def test_statement_year_for_a_programme_year_below_1_names_it(year_index: int) -> None:
    with pytest.raises(InvalidInput) as error:
        statement_year_for(year_index)
    assert str(error.value) == f"year_index: {year_index} is not a programme year number (1, 2, …)"


def test_document_of_an_unknown_kind_names_the_value() -> None:
    with pytest.raises(InvalidInput) as error:
        to_document_kind("invoice")
    assert str(error.value) == (
        "kind: 'invoice' is not a kind of document; expected one of contract_copy, financial_statement, final_report"
    )
