"""Issue 11: one scenario under every combination of readings, side by side."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import DAY, OPERATING, PER_CONTRACT, YEARS, contract
from propulseur_rules import DIJON_2022, Accrual, InvalidInput, PlacesPolicy, TargetPolicy
from propulseur_rules.planning._readings import (
    compare_readings,
    readings_to_dict,
    render_readings,
    strict_signing_deadline,
)

AUTHORISED = dt.date(2022, 12, 15)
#: 4/2/3: four eligible contracts in year 1, two in year 2, three in year 3 (SPEC §7.1).
FEED = [
    contract(f"Y{year}-{number}", YEARS[year - 1][0] + 20 * number * DAY)
    for year, count in ((1, 4), (2, 2), (3, 3))
    for number in range(1, count + 1)
]


def test_the_sixteen_combinations_come_with_the_conventions_own_readings_first() -> None:
    rows = compare_readings(DIJON_2022, FEED, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED)

    assert len(rows) == 2 * 2 * 2 * 2
    assert [row.default for row in rows] == [True] + [False] * 15
    first = rows[0]
    assert (first.target_policy, first.accrual, first.places, first.signing_deadline) == (
        TargetPolicy.PRO_RATA,
        Accrual.ON_EVENT,
        PlacesPolicy.ANNUAL,
        None,
    )
    assert len({(row.target_policy, row.accrual, row.places, row.signing_deadline) for row in rows}) == 16


def test_pooled_places_earn_the_fourth_contract_of_year_1_and_the_difference_says_so() -> None:
    rows = compare_readings(DIJON_2022, FEED, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED)
    by_reading = {(row.target_policy, row.accrual, row.places, row.signing_deadline): row for row in rows}

    # ANNUAL: 3 × 20 000 + (3 + 2 + 3) × 15 000 = 180 000; POOLED: all nine, 195 000.
    default = by_reading[(TargetPolicy.PRO_RATA, Accrual.ON_EVENT, PlacesPolicy.ANNUAL, None)]
    pooled = by_reading[(TargetPolicy.PRO_RATA, Accrual.ON_EVENT, PlacesPolicy.POOLED, None)]
    assert default.accrued == Decimal(3 * OPERATING + 8 * PER_CONTRACT)
    assert pooled.accrued == Decimal(3 * OPERATING + 9 * PER_CONTRACT)
    assert pooled.accrued_difference == pooled.payable_difference == Decimal(PER_CONTRACT)
    # Nine eligible contracts: the target is met, so all or nothing withholds nothing either.
    strict = dt.date(2024, 12, 31)
    every_contract_in_2024 = by_reading[(TargetPolicy.ALL_OR_NOTHING, Accrual.AT_YEAR_END, PlacesPolicy.ANNUAL, strict)]
    assert every_contract_in_2024.releasable == default.releasable


def test_the_strict_reading_of_c7_is_the_last_31_december_before_the_end() -> None:
    assert strict_signing_deadline(DIJON_2022) == dt.date(2024, 12, 31)
    assert strict_signing_deadline(DIJON_2022.replace(signing_deadline="2024-06-30")) == dt.date(2024, 6, 30)


def test_the_table_marks_the_default_in_both_languages_and_the_json_is_plain() -> None:
    rows = compare_readings(DIJON_2022, FEED, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED)

    english = render_readings(DIJON_2022, rows)
    french = render_readings(DIJON_2022, rows, "fr")

    assert "€195,000.00" in english
    assert "195 000,00 €" in french
    assert "+€15,000.00" in english
    assert "signés au plus tard le 31/12/2024" in french
    data = readings_to_dict(rows)
    assert data[0]["default"] is True
    assert data[0]["accrued"] == "180000.00"


def test_a_bad_date_is_invalid_input_naming_it() -> None:
    with pytest.raises(InvalidInput) as refused:
        compare_readings(DIJON_2022, FEED, as_of="tomorrow")  # type: ignore[arg-type]

    assert refused.value.path == "as_of"


def test_a_convention_with_a_deadline_of_its_own_is_also_compared_under_c1s_period() -> None:
    # Under its own deadline of 31 December 2024 (C7 read strictly) and under C1's period:
    # 2 targets × 2 accruals × 2 places × 2 periods = 16 rows, its own first.
    strict = DIJON_2022.replace(signing_deadline=dt.date(2024, 12, 31))

    rows = compare_readings(strict, FEED, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED)

    assert len(rows) == 16
    assert rows[0].signing_deadline == dt.date(2024, 12, 31)
    assert {row.signing_deadline for row in rows} == {dt.date(2024, 12, 31), None}


@pytest.mark.parametrize("convention", [None, "dijon-2022", 42])
def test_something_other_than_a_convention_is_invalid_input_naming_it(convention: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        compare_readings(convention, FEED, as_of=dt.date(2025, 7, 1))  # type: ignore[arg-type]

    assert refused.value.path == "convention"


def test_the_readings_and_a_sweep_of_the_built_in_example_apply_its_financing_inputs() -> None:
    from propulseur_rules import sweep
    from propulseur_rules.example import example_assessment_inputs

    inputs = example_assessment_inputs()
    convention = inputs.pop("convention")
    # The example's own reading: 165 000 releasable, 10 000 waiting for year 2's financial
    # statement, 33 000 balance held, 110 000 paid: 12 000 payable, as assess says. Without the
    # signature day and the documents, the financing convention would withhold everything.
    [default, *_] = compare_readings(convention, **inputs)  # type: ignore[arg-type]
    assert (default.releasable, default.payable) == (Decimal(165_000), Decimal(165_000 - 10_000 - 33_000 - 110_000))
    [row] = sweep(convention, **inputs)  # type: ignore[arg-type]
    assert (row["releasable"], row["payable"]) == (Decimal(165_000), Decimal(12_000))


def test_every_reading_carries_every_money_figure_and_all_or_nothing_shows_the_excess_paid() -> None:
    from propulseur_rules.example import example_assessment_inputs

    inputs = example_assessment_inputs()
    convention = inputs.pop("convention")
    rows = compare_readings(convention, **inputs)  # type: ignore[arg-type]
    by_reading = {(row.target_policy, row.accrual, row.places, row.signing_deadline): row for row in rows}
    strict = by_reading[(TargetPolicy.ALL_OR_NOTHING, Accrual.ON_EVENT, PlacesPolicy.ANNUAL, None)]

    # Eight eligible contracts of the nine of C3: under the all-or-nothing reading all 165 000 € accrued
    # are withheld, nothing is releasable, and the 110 000 € paid were paid beyond it: 110 000 − 0.
    assert (strict.accrued, strict.withheld, strict.releasable) == (Decimal(165_000), Decimal(165_000), Decimal(0))
    assert (strict.awaiting_documents, strict.balance_held) == (Decimal(0), Decimal(0))  # nothing releasable
    assert (strict.paid, strict.payable, strict.excess_paid) == (Decimal(110_000), Decimal(0), Decimal(110_000))
    # The excess paid under that reading has its column, in the table and in the JSON.
    position = list(rows).index(strict)
    _, _, headers, _, *lines = render_readings(convention, rows).splitlines()
    assert headers.index("Excess paid") < headers.index("Accrued vs default")
    # Excess paid, then the differences from the default: accrued alike, payable 0 − 12 000.
    assert lines[position].split()[-3:] == ["€110,000.00", "=", "−€12,000.00"]
    assert "Trop-versé" in render_readings(convention, rows, "fr")
    assert readings_to_dict(rows)[position]["excess_paid"] == "110000.00"


def test_without_financing_terms_the_table_leaves_out_the_documents_and_the_balance() -> None:
    rows = compare_readings(DIJON_2022, FEED, as_of=dt.date(2025, 7, 1), regional_authorisation_on=AUTHORISED)

    table = render_readings(DIJON_2022, rows)
    assert "Excess paid" in table
    assert "Withheld" in table
    assert "Waiting for documents" not in table
    assert "Balance held" not in table
    assert {row.awaiting_documents for row in rows} == {row.balance_held for row in rows} == {Decimal(0)}
