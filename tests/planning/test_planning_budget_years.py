"""Budget years: the assessment cut by calendar year (« les budgets des exercices concernés »).

The métropole votes its budget by calendar year while the programme years of C1 run
from 1 July to 30 June. Under ON_EVENT an operating grant accrues on the first day of
its programme year (1 July 2022, 2023, 2024) and a contract grant on its signature day.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

from builders import DIJON_2022, contract, euros, payment
from propulseur_rules import BudgetYear, InvalidInput, assess
from propulseur_rules.example._example import example_assessment_inputs
from strategies import Case, cases

AUTHORISED_ON = dt.date(2022, 12, 15)

#: Three eligible contracts in each programme year, on dates written out by hand.
NINE = [
    contract("Y1-1", dt.date(2022, 8, 30)),
    contract("Y1-2", dt.date(2022, 11, 28)),
    contract("Y1-3", dt.date(2023, 3, 28)),
    contract("Y2-1", dt.date(2023, 8, 30)),
    contract("Y2-2", dt.date(2023, 11, 28)),
    contract("Y2-3", dt.date(2024, 3, 27)),
    contract("Y3-1", dt.date(2024, 8, 30)),
    contract("Y3-2", dt.date(2024, 11, 28)),
    contract("Y3-3", dt.date(2025, 3, 28)),
]


def rows(assessment_rows: tuple[BudgetYear, ...]) -> list[tuple[int, object, object, object]]:
    return [(row.year, row.accrued, row.releasable, row.paid) for row in assessment_rows]


def test_the_built_in_example_splits_165_000_over_the_budget_years_2022_to_2025() -> None:
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    # 2022: operating grant of year 1 (1 July) 20 000 + PRO-2022-01 (3 Nov) + PRO-2022-02 (1 Dec) 2 × 15 000 = 50 000
    # 2023: PRO-2023-03 (15 Mar) 15 000 + operating grant of year 2 (1 July) 20 000 + PRO-2023-06 (20 Sep) 15 000
    #       = 50 000 (PRO-2023-04 is the fourth of year 1: supplementary, no grant)
    # 2024: PRO-2024-10 (14 Feb) 15 000 + operating grant of year 3 (1 July) 20 000
    #       + PRO-2024-11 (8 Oct) 15 000 = 50 000
    # 2025: PRO-2025-12 (3 Feb) 15 000; PRO-2025-13 is signed after 31 March 2025
    # The authorisation is validated (15 Feb 2023) and the target reads pro rata: nothing is withheld.
    # Paid: 50 000 on 12 April 2023, 60 000 on 28 March 2024.
    assert rows(assessment.by_budget_year()) == [
        (2022, euros(50_000), euros(50_000), euros(0)),
        (2023, euros(50_000), euros(50_000), euros(50_000)),
        (2024, euros(50_000), euros(50_000), euros(60_000)),
        (2025, euros(15_000), euros(15_000), euros(0)),
    ]
    # 50 000 + 50 000 + 50 000 + 15 000 = 165 000, the programme-year total.
    assert sum(year.accrued for year in assessment.years) == euros(165_000) == assessment.accrued


def test_nine_contracts_give_195_000_in_four_budget_years() -> None:
    assessment = assess(DIJON_2022, NINE, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED_ON)

    # 2022: 20 000 (1 July) + Y1-1 + Y1-2 = 20 000 + 30 000 = 50 000
    # 2023: Y1-3 15 000 + 20 000 (1 July) + Y2-1 + Y2-2 30 000 = 65 000
    # 2024: Y2-3 15 000 + 20 000 (1 July) + Y3-1 + Y3-2 30 000 = 65 000
    # 2025: Y3-3 15 000
    assert rows(assessment.by_budget_year()) == [
        (2022, euros(50_000), euros(50_000), euros(0)),
        (2023, euros(65_000), euros(65_000), euros(0)),
        (2024, euros(65_000), euros(65_000), euros(0)),
        (2025, euros(15_000), euros(15_000), euros(0)),
    ]
    # 50 000 + 65 000 + 65 000 + 15 000 = 195 000 = 3 × 65 000 (C2)
    assert assessment.accrued == euros(195_000)


def test_c4_without_the_regional_authorisation_every_budget_year_has_nothing_releasable() -> None:
    assessment = assess(DIJON_2022, NINE, as_of=dt.date(2025, 7, 1))

    assert assessment.withheld == assessment.accrued == euros(195_000)
    assert [row.accrued for row in assessment.by_budget_year()] == [
        euros(50_000),
        euros(65_000),
        euros(65_000),
        euros(15_000),
    ]
    assert [row.releasable for row in assessment.by_budget_year()] == [euros(0)] * 4
    # All that accrued in each year is withheld: 50 000 + 65 000 + 65 000 + 15 000 = 195 000.
    assert [row.withheld for row in assessment.by_budget_year()] == [
        euros(50_000),
        euros(65_000),
        euros(65_000),
        euros(15_000),
    ]
    assert [record["withheld"] for record in assessment.to_records(by="budget_year")] == [
        euros(50_000),
        euros(65_000),
        euros(65_000),
        euros(15_000),
    ]


def test_at_year_end_each_programme_year_falls_in_the_budget_year_of_the_next_1_july() -> None:
    convention = DIJON_2022.replace(accrual="at_year_end")
    assessment = assess(convention, NINE, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED_ON)

    # Each programme year brings 20 000 + 3 × 15 000 = 65 000 the day after it ends:
    # 1 July 2023, 1 July 2024, 1 July 2025. Nothing accrues in 2022.
    assert rows(assessment.by_budget_year()) == [
        (2022, euros(0), euros(0), euros(0)),
        (2023, euros(65_000), euros(65_000), euros(0)),
        (2024, euros(65_000), euros(65_000), euros(0)),
        (2025, euros(65_000), euros(65_000), euros(0)),
    ]


def test_the_rows_run_to_the_date_of_the_assessment_when_it_is_after_the_period() -> None:
    late = payment("VIR-2027", dt.date(2027, 3, 1), 10_000)
    assessment = assess(
        DIJON_2022, NINE, as_of=dt.date(2027, 12, 31), regional_authorisation_on=AUTHORISED_ON, payments=[late]
    )

    assert [row.year for row in assessment.by_budget_year()] == [2022, 2023, 2024, 2025, 2026, 2027]
    assert assessment.by_budget_year()[-1] == BudgetYear(
        year=2027, accrued=euros(0), releasable=euros(0), paid=euros(10_000)
    )


def test_an_advance_paid_before_the_period_gets_its_own_budget_year() -> None:
    advance = payment("AVANCE-2021", dt.date(2021, 12, 1), 5_000)
    assessment = assess(DIJON_2022, [], as_of=dt.date(2022, 3, 1), payments=[advance])

    # The period starts on 1 July 2022 and ends on 30 June 2025: rows 2022-2025, plus 2021 for the advance.
    assert rows(assessment.by_budget_year()) == [
        (2021, euros(0), euros(0), euros(5_000)),
        (2022, euros(0), euros(0), euros(0)),
        (2023, euros(0), euros(0), euros(0)),
        (2024, euros(0), euros(0), euros(0)),
        (2025, euros(0), euros(0), euros(0)),
    ]


def test_a_payment_after_the_date_of_the_assessment_is_not_counted_in_any_budget_year() -> None:
    later = payment("VIR-2024", dt.date(2024, 1, 10), 30_000)
    assessment = assess(DIJON_2022, NINE, as_of=dt.date(2023, 1, 1), payments=[later])

    assert sum(row.paid for row in assessment.by_budget_year()) == euros(0)


def test_a_budget_year_is_an_immutable_value() -> None:
    row = BudgetYear(year=2022, accrued=euros(20_000), releasable=euros(0), paid=euros(0))

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.paid = euros(1)  # type: ignore[misc]
    assert row == BudgetYear(year=2022, accrued=euros(20_000), releasable=euros(0), paid=euros(0))
    assert len({row, BudgetYear(year=2022, accrued=euros(20_000), releasable=euros(0), paid=euros(0))}) == 1


def test_records_by_budget_year_are_flat_rows_for_a_dataframe() -> None:
    assessment = assess(DIJON_2022, NINE, as_of=dt.date(2023, 1, 1), regional_authorisation_on=AUTHORISED_ON)

    records = assessment.to_records(by="budget_year")

    assert records[0] == {
        "as_of": dt.date(2023, 1, 1),
        "convention": DIJON_2022.reference,
        "year": 2022,
        "accrued": euros(50_000),
        "withheld": euros(0),  # authorised on 15 December 2022 (C4), the target read pro rata (C3)
        "releasable": euros(50_000),
        "paid": euros(0),
        # Authorised on 15 December 2022, after the 20 000 + 2 × 15 000 accrued: all released in 2022.
        "became_releasable": euros(50_000),
    }
    assert [record["year"] for record in records] == [2022, 2023, 2024, 2025]


def test_records_by_programme_year_repeat_the_programme_year_figures() -> None:
    assessment = assess(DIJON_2022, NINE, as_of=dt.date(2023, 1, 1), regional_authorisation_on=AUTHORISED_ON)

    first = assessment.to_records(by="programme_year")[0]

    # On 1 January 2023: year 1 has its operating grant and two contracts signed (Y1-1, Y1-2).
    assert first["programme_year"] == 1
    assert first["label"] == "2022-2023"
    assert (first["operating_grant"], first["contract_grants"], first["accrued"]) == (
        euros(20_000),
        euros(30_000),
        euros(50_000),
    )
    assert (first["funded"], first["supplementary"]) == (2, 0)


def test_records_refuse_an_unknown_view() -> None:
    assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))

    with pytest.raises(InvalidInput, match=r"^by: 'week' is not one of contract, programme_year, budget_year"):
        assessment.to_records(by="week")


def test_records_by_contract_stay_the_default() -> None:
    assessment = assess(DIJON_2022, NINE[:1], as_of=dt.date(2023, 1, 1))

    assert assessment.to_records() == assessment.to_records(by="contract")
    assert assessment.to_records()[0]["reference"] == "Y1-1"


@pytest.mark.parametrize(("spelling", "spelt"), [("budget-year", "budget_year"), ("programme-year", "programme_year")])
def test_records_take_the_command_lines_spelling_of_a_view(spelling: str, spelt: str) -> None:
    assessment = assess(DIJON_2022, NINE, as_of=dt.date(2023, 1, 1), regional_authorisation_on=AUTHORISED_ON)

    assert assessment.to_records(by=spelling) == assessment.to_records(by=spelt)


@pytest.mark.parametrize("view", ["budget_year-", "budget--year", "Budget-Year", "contract-"])
def test_records_refuse_a_near_spelling_naming_it(view: str) -> None:
    assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))

    with pytest.raises(InvalidInput) as refused:
        assessment.to_records(by=view)
    views = "contract, programme_year, budget_year, deadline, assessment"
    assert str(refused.value) == f"by: {view!r} is not one of {views}"


@given(cases())
def test_what_became_releasable_each_year_adds_up_to_what_is_releasable(case: Case) -> None:
    assessment = case.assess()
    rows = assessment.by_budget_year()

    assert sum((row.became_releasable for row in rows), euros(0)) == assessment.releasable
    # Money becomes releasable in the year it accrued or later, never before.
    for year in {row.year for row in rows}:
        accrued_by = sum((row.accrued for row in rows if row.year <= year), euros(0))
        became_by = sum((row.became_releasable for row in rows if row.year <= year), euros(0))
        assert became_by <= accrued_by
