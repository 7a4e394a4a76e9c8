"""Forecasts of payments under the financing terms: documents on time, late or never, drawn with a seed (C2, C3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builders import three_contracts_a_year
from propulseur_rules import DIJON_2022, FinancingTerms, InvalidInput
from propulseur_rules.batch import DocumentOutlook, Prospect, forecast
from propulseur_rules.planning import assumed_documents, payable_by_budget_year, payment_forecast
from propulseur_rules.rules._documents import DocumentKind

AUTHORISED = dt.date(2022, 10, 1)
FINANCING_SIGNED = dt.date(2022, 9, 30)
#: The terms the library assumes for the example: half of each later operating grant as an advance, a
#: fifth of the money as the balance (« solde ») held until the final report.
TERMS = DIJON_2022.replace(financing=FinancingTerms())
NINE = three_contracts_a_year()
#: The day before the programme starts: nothing is known yet, every document is still to come.
BEFORE = dt.date(2022, 6, 30)
ALL_ON_TIME = DocumentOutlook()
NEVER = DocumentOutlook(on_time=0, late=0, never=1)


def run(outlook: DocumentOutlook, *, contracts: list = NINE, documents: tuple = (), draws: int = 1, seed: int = 7):
    return forecast(
        TERMS,
        contracts,
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=FINANCING_SIGNED,
        documents=documents,
        outlook=outlook,
        as_of=BEFORE,
        draws=draws,
        seed=seed,
    )


def test_c3_documents_on_time_pay_what_the_budget_year_view_gives_for_the_same_contracts() -> None:
    result = run(ALL_ON_TIME)

    days = payment_forecast(
        TERMS, NINE, as_of=BEFORE, regional_authorisation_on=AUTHORISED, financing_signed_on=FINANCING_SIGNED
    )
    expected = payable_by_budget_year(days)
    assert result.paid is not None
    assert {year: result.paid[year][50] for year in result.budget_years} == {
        year: expected.get(year, Decimal("0.00")) for year in result.budget_years
    }
    # Every document comes in, so everything is paid in the end: 3 × 20 000 + 9 × 15 000 (C2).
    assert sum(result.paid[year][50] for year in result.budget_years) == Decimal("195000.00")


def test_c3_the_balance_is_never_paid_when_the_final_report_never_comes_in() -> None:
    every_other = tuple(
        document
        for document in assumed_documents(
            TERMS, NINE, as_of=BEFORE, regional_authorisation_on=AUTHORISED, financing_signed_on=FINANCING_SIGNED
        )
        if document.kind is not DocumentKind.FINAL_REPORT
    )

    result = run(NEVER, documents=every_other)

    assert result.paid is not None
    # The balance is a fifth of the 195 000 € earned: 39 000 €, held for ever; 195 000 − 39 000 = 156 000.
    assert sum(result.paid[year][50] for year in result.budget_years) == Decimal("156000.00")
    assert sum(result.releasable[year][50] for year in result.budget_years) == Decimal("195000.00")


def test_c3_with_no_document_ever_only_the_operating_grants_that_wait_for_none_are_paid() -> None:
    result = run(NEVER)

    assert result.paid is not None
    # Year 1's operating grant waits for nothing (20 000), years 2 and 3 pay their advance, half of
    # 20 000 each (10 000 + 10 000); the contract grants wait for their copies: 40 000 in all, less the
    # balance held, a fifth of the 195 000 € earned (39 000), taken from what would be paid last.
    assert sum(result.paid[year][50] for year in result.budget_years) == Decimal("1000.00")


def test_c3_a_late_final_report_moves_the_balance_into_the_next_budget_year() -> None:
    every_other = tuple(
        document
        for document in assumed_documents(
            TERMS, NINE, as_of=BEFORE, regional_authorisation_on=AUTHORISED, financing_signed_on=FINANCING_SIGNED
        )
        if document.kind is not DocumentKind.FINAL_REPORT
    )
    late = DocumentOutlook(on_time=0, late=1, never=0, shortest_delay=10, longest_delay=10)

    result = run(late, documents=every_other)

    # The final report is due on 31 December 2025 (six months after 30 June 2025); ten days late, it comes
    # in on 10 January 2026, and the balance of 39 000 € is paid in the budget year 2026.
    assert result.paid is not None
    assert result.budget_years[-1] == 2026
    assert result.paid[2026][50] == Decimal("39000.00")
    assert result.releasable[2026][50] == Decimal("0.00")


outlooks = st.tuples(
    st.integers(0, 10), st.integers(0, 10), st.integers(0, 10), st.integers(1, 60), st.integers(0, 200)
).filter(lambda t: t[0] + t[1] + t[2] > 0)


@settings(max_examples=8)
@given(outlooks, st.integers(0, 2**16))
def test_c2_c3_payments_never_exceed_the_releasable_money_nor_the_cap(shape: tuple, seed: int) -> None:
    on_time, late, never, shortest, extra = shape
    total = on_time + late + never
    outlook = DocumentOutlook(
        on_time=on_time / total,
        late=late / total,
        never=never / total,  # its own share: 1 - the others may fall a rounding below 0
        shortest_delay=shortest,
        longest_delay=shortest + extra,
    )
    window = (dt.date(2025, 3, 1), dt.date(2025, 6, 30))
    prospect = Prospect(
        reference="EXP-1", startup=NINE[0].startup, probability=0.5, earliest=window[0], latest=window[1]
    )

    result = forecast(
        TERMS,
        NINE[:8],
        [prospect],
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=FINANCING_SIGNED,
        outlook=outlook,
        as_of=BEFORE,
        draws=1,  # every percentile is the one future drawn: its running sums can be compared
        seed=seed,
    )

    assert result.paid is not None
    paid_so_far = releasable_so_far = Decimal("0.00")
    for year in result.budget_years:
        paid_so_far += result.paid[year][50]
        releasable_so_far += result.releasable[year][50]
        assert Decimal("0.00") <= paid_so_far <= releasable_so_far <= Decimal("195000.00")


def test_the_same_seed_gives_the_same_forecast_and_another_seed_may_not() -> None:
    outlook = DocumentOutlook(on_time=0.5, late=0.3, never=0.2, shortest_delay=20, longest_delay=400)

    first = run(outlook, draws=30, seed=11)

    assert first == run(outlook, draws=30, seed=11)
    assert first.outlook == outlook


def test_without_terms_the_forecast_says_releasable_never_paid() -> None:
    result = forecast(DIJON_2022, NINE, regional_authorisation_on=AUTHORISED, draws=3)

    assert result.paid is None
    assert result.paid_mean is None
    assert result.outlook is None
    text = result.render("en")
    assert "Money releasable by budget year" in text
    assert "paid" not in text.split("Without financing terms")[0]
    assert "ne sont pas une prévision de versements" in result.render("fr")


def test_with_terms_the_text_gives_both_sides_in_english_and_french() -> None:
    text = run(DocumentOutlook(on_time=0.6, late=0.3, never=0.1), draws=5).render("fr")

    assert "Montants libérables par exercice budgétaire" in text
    assert "Montants versés selon la convention de financement" in text
    assert "à temps 60,0 %, en retard 30,0 % (de 30 à 90 jours), jamais 10,0 %" in text


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({"on_time": 1.5, "late": 0, "never": 0}, "on_time"),
        ({"on_time": 0.5, "late": "x", "never": 0}, "late"),
        ({"on_time": 0.5, "late": 0.2, "never": True}, "never"),
        ({"on_time": 0.5, "late": 0.2, "never": 0.2}, "never"),  # 0.9 in all, not 1
        ({"shortest_delay": 0}, "shortest_delay"),
        ({"longest_delay": 3661}, "longest_delay"),
        ({"shortest_delay": 40, "longest_delay": 30}, "longest_delay"),
    ],
)
def test_a_bad_outlook_is_refused_naming_its_field(arguments: dict, field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        DocumentOutlook(**arguments)
    assert raised.value.path == field


def test_an_outlook_of_another_kind_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        forecast(TERMS, NINE, outlook="on time", draws=1)  # type: ignore[arg-type]
    assert raised.value.path == "outlook"
