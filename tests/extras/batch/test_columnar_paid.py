"""The money paid under the financing terms, read from the columnar engine (C2, C3 « modalités »).

``payable_before_payments`` is a column of the engine equal to ``assess``'s; the payment
side of a forecast reads it on every 31 December of every future, and gives what a
small scalar reference gives from ``assess`` (or ``planning.payable_by_budget_year``)
for the same contracts and documents.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import YEARS, contract, three_contracts_a_year
from columnar_strategies import as_case
from propulseur_rules import DIJON_2022, Document, Facts, FinancingTerms, assess, assess_many
from propulseur_rules.batch import DocumentOutlook, ScenarioTable, forecast, run
from propulseur_rules.batch._paid import drawn_documents, missing_documents, paid_in_futures
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning import payable_by_budget_year, payment_forecast
from propulseur_rules.planning._outlook import missing_deadlines
from strategies import DAY, cases, financed_cases

#: A case drawn with terms costs more than one without: a fortieth of the profile's examples, at least ten.
FOR_FINANCING = max(10, settings().max_examples // 40)
CENT = 100
#: The terms the library assumes: half of each later operating grant as an advance, a fifth held as the balance.
TERMS = DIJON_2022.replace(financing=FinancingTerms())
NINE = three_contracts_a_year()
AUTHORISED = dt.date(2022, 10, 1)
FINANCING_SIGNED = dt.date(2022, 9, 30)
#: The day before the programme starts: every document is still to come.
BEFORE = dt.date(2022, 6, 30)
#: The budget years of the period, 1 July 2022 – 30 June 2025, and 2025's 31 December after it.
BUDGET_YEARS = (2022, 2023, 2024, 2025)


def cents(amount: Decimal) -> int:
    return int(amount * CENT)


# --- the column -------------------------------------------------------------------------


@settings(max_examples=FOR_FINANCING)
@given(st.lists(financed_cases(), min_size=1, max_size=3), st.lists(cases(max_contracts=12), max_size=2))
def test_c3_payable_before_payments_is_the_column_assess_gives(financed: list, plain: list) -> None:
    given_cases = [
        (
            each.case.convention,
            each.case.contracts,
            {
                "as_of": each.case.as_of,
                "regional_authorisation_on": each.case.regional_authorisation_on,
                "payments": each.case.payments,
                "financing_signed_on": each.financing_signed_on,
                "documents": each.documents,
            },
        )
        for each in financed
    ] + [as_case(each) for each in plain]

    result = run(ScenarioTable.from_cases(given_cases))

    for index, expected in enumerate(assess_many(given_cases)):
        assert int(result.payable_before_payments[index]) == cents(expected.payable_before_payments)
        assert int(result.scenario["payable_before_payments"][index]) == cents(expected.payable_before_payments)


def test_c3_the_built_in_example_may_be_paid_what_neither_waits_nor_is_the_balance() -> None:
    result = run(ScenarioTable.from_cases([example_assessment_inputs()]))

    # By 31 March 2025: 3 operating grants of 20 000 € and 7 funded contracts of 15 000 € (C2), 165 000 €;
    # year 3's operating grant beyond its advance of 50 % waits for year 2's financial statement (10 000 €);
    # the balance is 20 % of the 165 000 € releasable (33 000 €). Payments aside: 165 000 − 10 000 − 33 000.
    before_payments = 165_000 - 10_000 - 33_000
    assert int(result.payable_before_payments[0]) == before_payments * CENT
    # 110 000 € were paid: 12 000 € may be paid now.
    assert int(result.payable[0]) == (before_payments - 110_000) * CENT


def test_without_terms_payable_before_payments_is_what_is_releasable() -> None:
    case = (DIJON_2022, NINE, {"as_of": dt.date(2023, 12, 31), "regional_authorisation_on": AUTHORISED})

    result = run(ScenarioTable.from_cases([case]))

    # The operating grants of years 1 and 2 (20 000 € each, earned on 1 July 2022 and 1 July 2023) and the
    # grants of the three contracts of year 1 and the two of year 2 signed by then (5 × 15 000 €), C2, C3:
    # under the deliberation alone nothing waits for a document.
    assert int(result.payable_before_payments[0]) == (2 * 20_000 + 5 * 15_000) * CENT
    assert int(result.payable_before_payments[0]) == int(result.releasable[0])


# --- the payment side of a forecast -------------------------------------------------------


@st.composite
def outlooks(draw: st.DrawFn) -> DocumentOutlook:
    """Any outlook: weights on time, late and never, delays up to a year and a half."""
    on_time, late, never = draw(
        st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4)).filter(lambda weights: sum(weights) > 0)
    )
    total = on_time + late + never
    shortest = draw(st.integers(1, 200))
    return DocumentOutlook(
        on_time=on_time / total,
        late=late / total,
        never=never / total,
        shortest_delay=shortest,
        longest_delay=shortest + draw(st.integers(0, 400)),
    )


@st.composite
def futures(draw: st.DrawFn) -> list[tuple]:
    """Two or three futures: each some of the nine contracts and maybe a contract signed in year 3 or later."""
    drawn = []
    for number in range(draw(st.integers(2, 3))):
        kept = tuple(each for each in NINE if draw(st.booleans()))
        if draw(st.booleans()):
            # Within year 3 or after the period; on a 31 December, the day the future is assessed, now and then.
            day = draw(st.just(dt.date(2024, 12, 31)) | st.integers(0, 500).map(lambda n: YEARS[2][0] + n * DAY))
            kept += (contract(f"EXP-{number}", day),)
        drawn.append(kept)
    return drawn


def scalar_paid(facts: Facts, future: tuple, documents: tuple, years: range) -> list[int]:
    """The money paid in each budget year by ``assess`` alone: the change of what is payable, payments aside,
    from one 31 December to the next, the future's contracts and documents given whole (``assess`` reads
    those signed and received by its date)."""
    every = facts.replace(contracts=future, documents=(*facts.documents, *documents))
    running = [
        cents(assess(TERMS, every.replace(as_of=dt.date(year, 12, 31))).payable_before_payments) for year in years
    ]
    return [now - before for before, now in zip([0, *running[:-1]], running, strict=True)]


@settings(max_examples=8)
@given(futures(), st.sampled_from([BEFORE, dt.date(2023, 8, 1), dt.date(2025, 2, 1), dt.date(2026, 3, 1)]))
def test_c3_the_documents_missing_in_each_future_are_those_its_assessment_lists_in_its_order(
    drawn: list, as_of: dt.date
) -> None:
    signed = tuple(each for each in drawn[0] if each.signed_on <= as_of)
    # The copy of the first contract signed and year 1's financial statement are in (none before the signature).
    received = tuple(
        Document(kind=kind, covers=covers, received_on=max(as_of, FINANCING_SIGNED))
        for kind, covers in [("contract_copy", signed[0].reference if signed else None), ("financial_statement", 1)]
        if covers is not None
    )
    facts = Facts(
        as_of=as_of,
        regional_authorisation_on=AUTHORISED,
        contracts=signed,
        financing_signed_on=FINANCING_SIGNED,
        documents=received,
    )
    every = [signed + tuple(each for each in future if each not in signed) for future in drawn]

    missing = missing_documents(TERMS, facts, every)

    for future, needed in zip(every, missing, strict=True):
        deadlines = missing_deadlines(TERMS, facts.replace(contracts=future))
        assert [(each.kind, each.covers, each.due_on) for each in needed] == [
            (deadline.kind.document, deadline.covers, deadline.due_on) for deadline in deadlines
        ]
    assert missing_documents(DIJON_2022, facts, every) == [(), (), ()][: len(every)]


@settings(max_examples=8)
@given(futures(), outlooks(), st.sampled_from([BEFORE, dt.date(2023, 8, 1), dt.date(2025, 2, 1)]), st.integers(0, 99))
def test_c3_the_payment_side_is_what_assess_gives_on_every_31_december_of_each_future(
    drawn: list, outlook: DocumentOutlook, as_of: dt.date, seed: int
) -> None:
    signed = tuple(each for each in drawn[0] if each.signed_on <= as_of)
    facts = Facts(
        as_of=as_of, regional_authorisation_on=AUTHORISED, contracts=signed, financing_signed_on=FINANCING_SIGNED
    )
    every = [signed + tuple(each for each in future if each not in signed) for future in drawn]

    paid = paid_in_futures(TERMS, facts, every, outlook, BUDGET_YEARS, seed=seed)

    documents, latest = drawn_documents(TERMS, facts, every, outlook, seed=seed)
    years = range(BUDGET_YEARS[0], BUDGET_YEARS[0] + paid.shape[1])
    # The years run past the period's last 31 December to the last day a document may come in.
    assert years[-1] == max(2025, 0 if latest is None else latest.year)
    assert all(document.received_on.year <= years[-1] for each in documents for document in each)
    for row, future in enumerate(every):
        assert paid[row].tolist() == scalar_paid(facts, future, documents[row], years)


@settings(max_examples=6)
@given(st.lists(st.sampled_from(NINE), unique=True, min_size=1), st.integers(1, 400))
def test_c3_documents_late_by_the_same_days_pay_what_the_budget_year_view_gives(kept: list, days_late: int) -> None:
    contracts = sorted(kept, key=lambda each: each.reference)
    late = DocumentOutlook(on_time=0, late=1, never=0, shortest_delay=days_late, longest_delay=days_late)

    result = forecast(
        TERMS,
        contracts,
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=FINANCING_SIGNED,
        outlook=late,
        as_of=BEFORE,
        draws=2,
    )

    by_year = payable_by_budget_year(
        payment_forecast(
            TERMS,
            contracts,
            as_of=BEFORE,
            regional_authorisation_on=AUTHORISED,
            financing_signed_on=FINANCING_SIGNED,
            days_late=days_late,
        )
    )
    assert result.paid is not None
    assert {year: result.paid[year][50] for year in result.budget_years} == {
        year: by_year.get(year, Decimal("0.00")) for year in result.budget_years
    }
    assert set(by_year) <= set(result.budget_years)
    # Every document comes in: what is earned is paid, 3 × 20 000 € and 15 000 € per contract (C2), but for
    # the balance, a fifth of it, held until the target of nine contracts is met (C3).
    earned = 3 * 20_000 + 15_000 * len(contracts)
    held = 0 if len(contracts) == 9 else earned // 5
    assert sum(result.paid[year][50] for year in result.budget_years) == earned - held
