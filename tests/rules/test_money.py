"""Money and errors (SPEC §6): Decimal, int and numeric strings; floats only when exact to the cent."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import pytest

from propulseur_rules import DIJON_2022, InvalidInput, Payment, PropulseurRulesError
from propulseur_rules.rules._money import MAX_AMOUNT, to_money


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (Decimal("15000"), Decimal("15000.00")),
        (Decimal("15000.000"), Decimal("15000.00")),
        (15_000, Decimal("15000.00")),
        ("15000", Decimal("15000.00")),
        (" 15000.5 ", Decimal("15000.50")),
        ("1.5e4", Decimal("15000.00")),
        (1500.5, Decimal("1500.50")),
        (0.1, Decimal("0.10")),
        (19.99, Decimal("19.99")),
        (0, Decimal("0.00")),
        (-0.0, Decimal("0.00")),
        (Decimal("-0"), Decimal("0.00")),
        (MAX_AMOUNT, Decimal("999999999999.99")),
    ],
)
def test_money_accepts_decimal_int_numeric_text_and_exact_floats(given: object, expected: Decimal) -> None:
    amount = to_money(given)

    assert amount == expected
    assert str(amount) == str(expected)  # to the cent, never "-0.00" nor "1.5E+4"


@pytest.mark.parametrize(
    "given",
    [
        0.1 + 0.2,  # 0.30000000000000004
        1e-3,
        float("nan"),
        float("inf"),
        float("-inf"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("0.001"),
        "12.345",
        "1e-3",
        -1,
        Decimal("-0.01"),
        "-15000",
        -1500.5,
        True,
        False,
        MAX_AMOUNT + Decimal("0.01"),
        10**13,
        "1e300",
        1e300,
        "",
        "abc",
        "1,5",
        "15 000",
        "１５０００",  # full-width digits
        "1" * 65,
        None,
        [15_000],
        b"15000",
    ],
)
def test_money_refuses_nan_infinities_negatives_sub_cents_booleans_huge_and_non_numbers(given: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        to_money(given, "grant_per_contract")

    assert caught.value.path == "grant_per_contract"


def test_c2_amounts_of_a_convention_go_through_the_money_rules_naming_the_field() -> None:
    assert DIJON_2022.replace(total_cap=195_000.25).total_cap == Decimal("195000.25")
    with pytest.raises(InvalidInput) as caught:
        DIJON_2022.replace(operating_grant_per_year=0.1 + 0.2)
    assert caught.value.path == "operating_grant_per_year"


def test_invalid_input_is_a_value_error_and_a_propulseur_rules_error_with_the_field_path() -> None:
    with pytest.raises(InvalidInput) as caught:
        Payment(reference="VIR-1", paid_on=dt.date(2023, 1, 1), amount="1.001")  # type: ignore[arg-type]
    error = caught.value

    assert isinstance(error, ValueError)
    assert isinstance(error, PropulseurRulesError)
    assert error.path == "amount"
    assert str(error) == f"amount: {error.reason}"


def test_invalid_input_moved_under_a_prefix_gives_the_full_path() -> None:
    error = InvalidInput("signed_on", "error.expected_date_not", type="list")

    assert error.within("contracts[3]").path == "contracts[3].signed_on"
    assert InvalidInput("[2]", "error.empty").within("territory").path == "territory[2]"
    assert InvalidInput("", "error.empty").within("payments").path == "payments"


def test_invalid_input_survives_pickling_with_its_path() -> None:
    copy = pickle.loads(pickle.dumps(InvalidInput("contracts[3].signed_on", "error.expected_date_not", type="list")))

    assert isinstance(copy, InvalidInput)
    assert (copy.path, copy.reason) == ("contracts[3].signed_on", "expected a date, not list")
