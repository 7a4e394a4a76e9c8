"""What-if: one flat row per date or per variant of the convention.

C5: « Si des contrats supplémentaires relatifs à des start-ups présentes sur le
territoire sont réalisés, Dijon Métropole pourrait éventuellement reconsidérer le
montant de son aide sur la période. » A reconsideration is a variant of the
convention with a higher cap and a higher annual limit, compared with the original.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from builders import DIJON_2022, euros
from propulseur_rules import InvalidInput, assess, sweep
from propulseur_rules.example._example import (
    EXAMPLE_CONTRACTS,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
)
from propulseur_rules.rules._outcome import MONEY_FIGURES

EXAMPLE = {
    "regional_authorisation_on": EXAMPLE_REGIONAL_AUTHORISATION_ON,
    "payments": EXAMPLE_PAYMENTS,
}
#: C5: four contracts a year instead of three (C2), so the cap grows by 3 × 15 000 = 45 000.
RECONSIDERED = DIJON_2022.replace(total_cap=240_000, max_funded_contracts_per_year=4)


def test_a_sweep_over_the_year_ends_follows_the_example_year_by_year() -> None:
    days = [dt.date(2022, 12, 31), dt.date(2023, 12, 31), dt.date(2024, 12, 31), dt.date(2025, 12, 31)]

    rows = sweep(DIJON_2022, EXAMPLE_CONTRACTS, as_of=days, **EXAMPLE)  # type: ignore[arg-type]

    # 31 Dec 2022: 20 000 + PRO-2022-01 + PRO-2022-02 = 50 000, all withheld (C4 validated 15 Feb 2023)
    # 31 Dec 2023: + PRO-2023-03 + 20 000 + PRO-2023-06 = 100 000; paid 50 000
    # 31 Dec 2024: + PRO-2024-10 + 20 000 + PRO-2024-11 = 150 000; paid 110 000
    # 31 Dec 2025: + PRO-2025-12 + PRO-2025-13 = 180 000; payable 180 000 - 110 000 = 70 000
    assert [(row["as_of"], row["accrued"], row["releasable"], row["paid"], row["payable"]) for row in rows] == [
        (days[0], euros(50_000), euros(0), euros(0), euros(0)),
        (days[1], euros(100_000), euros(100_000), euros(50_000), euros(50_000)),
        (days[2], euros(150_000), euros(150_000), euros(110_000), euros(40_000)),
        (days[3], euros(180_000), euros(180_000), euros(110_000), euros(70_000)),
    ]
    assert [row["case"] for row in rows] == [1, 2, 3, 4]
    assert {row["variant"] for row in rows} == {0}
    assert rows[0]["blocking"] == "regional_authorisation"


def test_c5_reconsidering_the_aid_funds_the_fourth_contract_of_year_1() -> None:
    rows = sweep(
        DIJON_2022,
        EXAMPLE_CONTRACTS,
        as_of=dt.date(2025, 7, 1),
        conventions=[RECONSIDERED],
        **EXAMPLE,  # type: ignore[arg-type]
    )

    original, reconsidered = rows
    # Original: 3 × 20 000 + 8 funded × 15 000 = 180 000; PRO-2023-04 is over the annual
    # limit of year 1 while places remain in other years (C2, SPEC §7.1).
    assert (original["variant"], original["changed"]) == (0, "")
    assert (original["funded_contracts"], original["over_annual_limit_contracts"]) == (8, 1)
    assert original["supplementary_contracts"] == 0
    assert original["accrued"] == euros(180_000)
    # Reconsidered: PRO-2023-04 becomes the fourth funded contract of year 1:
    # 3 × 20 000 + 9 × 15 000 = 195 000, under the new cap of 240 000.
    assert (reconsidered["variant"], reconsidered["changed"]) == (1, "total_cap, max_funded_contracts_per_year")
    assert (reconsidered["funded_contracts"], reconsidered["over_annual_limit_contracts"]) == (9, 0)
    assert reconsidered["accrued"] == euros(195_000)
    assert reconsidered["payable"] - original["payable"] == euros(15_000)
    assert (reconsidered["total_cap"], reconsidered["max_funded_contracts_per_year"]) == (euros(240_000), 4)


def test_variants_and_dates_make_one_row_per_pair_variant_first() -> None:
    days = [dt.date(2023, 6, 30), dt.date(2025, 6, 30)]

    rows = sweep(DIJON_2022, EXAMPLE_CONTRACTS, as_of=days, conventions=[RECONSIDERED], **EXAMPLE)  # type: ignore[arg-type]

    assert [(row["variant"], row["as_of"]) for row in rows] == [(0, days[0]), (0, days[1]), (1, days[0]), (1, days[1])]
    # 30 June 2023: year 1 alone, 20 000 + 3 × 15 000 = 65 000, or + 4 × 15 000 = 80 000 with four a year.
    assert [row["accrued"] for row in rows] == [euros(65_000), euros(180_000), euros(80_000), euros(195_000)]


def test_each_row_holds_the_figures_of_assess() -> None:
    day = dt.date(2024, 9, 1)
    assessment = assess(DIJON_2022, EXAMPLE_CONTRACTS, as_of=day, **EXAMPLE)  # type: ignore[arg-type]

    (row,) = sweep(DIJON_2022, EXAMPLE_CONTRACTS, as_of=day, **EXAMPLE)  # type: ignore[arg-type]

    for name in (*MONEY_FIGURES, "eligible_contracts"):
        assert row[name] == getattr(assessment, name)
    assert row["target_met"] is assessment.target_met
    assert row["regional_authorisation_on"] == EXAMPLE_REGIONAL_AUTHORISATION_ON


def test_rows_are_flat_and_become_json_with_strings_for_money_and_dates() -> None:
    rows = sweep(DIJON_2022, EXAMPLE_CONTRACTS, as_of="2025-03-31", **EXAMPLE)  # type: ignore[arg-type]

    assert all(not isinstance(value, (dict, list, tuple, set)) for row in rows for value in row.values())
    assert json.loads(json.dumps(rows, default=str))[0]["accrued"] == "165000.00"


def test_no_dates_give_no_rows() -> None:
    assert sweep(DIJON_2022, EXAMPLE_CONTRACTS, as_of=[]) == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"as_of": [dt.date(2023, 1, 1), "2023-13-01"]}, r"^as_of\[1\]: '2023-13-01' is not a day of the calendar"),
        ({"as_of": 2023}, "^as_of: expected a date or a collection of dates, not a whole number"),
        ({"conventions": [RECONSIDERED, "dijon-2022"]}, r"^conventions\[1\]: expected a Convention, not text"),
        ({"conventions": RECONSIDERED}, "^conventions: expected a collection of Convention, not Convention"),
        ({"convention": None}, "^convention: expected a Convention, not null"),
        ({"regional_authorisation_on": "soon"}, "^regional_authorisation_on: "),
    ],
)
def test_bad_input_is_refused_with_the_field_named(arguments: dict[str, object], message: str) -> None:
    call: dict[str, object] = {"convention": DIJON_2022, "contracts": EXAMPLE_CONTRACTS, "as_of": dt.date(2023, 1, 1)}
    call.update(arguments)

    with pytest.raises(InvalidInput, match=message):
        sweep(**call)  # type: ignore[arg-type]
