"""A convention as plain data: the figures of the deliberation as text to the cent, its dates as ISO
text for JSON or as dates for TOML, the shares of the financing terms as written."""

from __future__ import annotations

import datetime as dt

from propulseur_rules import DIJON_2022, FinancingTerms, Period
from propulseur_rules.rules._plain import convention_to_dict, convention_to_plain, to_plain

# C1: « du 1er juillet 2022 au 30 juin 2025 »; C9: the vote of 29 September 2022.
START, END, VOTED_ON = dt.date(2022, 7, 1), dt.date(2025, 6, 30), dt.date(2022, 9, 29)


def test_the_convention_as_json_data_has_the_figures_and_dates_of_the_deliberation() -> None:
    data = convention_to_dict(DIJON_2022)

    assert data["period"] == {"start": "2022-07-01", "end": "2025-06-30"}
    # C2: 195 000 € in all, 20 000 € a year, 15 000 € a contract, 3 contracts a year.
    assert (data["total_cap"], data["operating_grant_per_year"], data["grant_per_contract"]) == (
        "195000.00",
        "20000.00",
        "15000.00",
    )
    assert data["max_funded_contracts_per_year"] == 3
    assert data["eligible_sectors"] == ["health", "industry"]  # C8, sorted
    # C9: 86 members in office, 69 present, 15 proxies, 84 for.
    assert data["deliberation"]["decided_on"] == "2022-09-29"
    assert (data["deliberation"]["present"], data["deliberation"]["votes_for"]) == (69, 84)
    assert data == convention_to_plain(DIJON_2022) == to_plain(DIJON_2022)


def test_the_convention_as_toml_data_keeps_its_dates_as_dates_at_every_depth() -> None:
    data = convention_to_plain(DIJON_2022, dates_as_text=False)

    assert data["period"] == {"start": START, "end": END}
    assert data["deliberation"]["decided_on"] == VOTED_ON
    assert data["total_cap"] == "195000.00"


def test_dates_in_a_list_or_a_set_are_text_by_default_and_dates_on_request() -> None:
    days = [START, END]

    assert to_plain(days) == ["2022-07-01", "2025-06-30"]
    assert to_plain(days, dates_as_text=False) == days
    assert to_plain(frozenset(days)) == ["2022-07-01", "2025-06-30"]
    assert to_plain(frozenset(days), dates_as_text=False) == days
    assert to_plain((Period(start=START, end=END),), dates_as_text=False) == [{"start": START, "end": END}]


def test_the_shares_of_the_financing_terms_are_written_as_given_and_the_months_stay_numbers() -> None:
    terms = FinancingTerms(advance_share="0.3333", balance_share="0.2")

    assert to_plain(terms) == {
        "advance_share": "0.3333",
        "balance_share": "0.2",
        "financial_statement_months": 6,  # loi n° 2000-321, art. 10: « dans les six mois »
        "final_report_months": 6,
        "contract_copy_months": 1,
    }
