"""The columnar engine sees names and refunds as assess does: cleaned names for C7, refunds checked."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import contract, payment, startup
from propulseur_rules import DIJON_2022, InvalidInput, assess
from propulseur_rules.batch import ScenarioTable, run

FACTS = {"as_of": dt.date(2023, 6, 1), "regional_authorisation_on": dt.date(2022, 12, 15)}


def test_c7_a_zero_width_space_makes_no_second_startup_in_the_columnar_engine() -> None:
    contracts = [
        contract("PRO-01", dt.date(2022, 11, 3), of=startup("Hydrolis")),
        contract("PRO-02", dt.date(2023, 1, 10), of=startup("Hydro\u200blis")),
    ]
    paid = [payment("VIR-1", dt.date(2023, 1, 10), 20_000), payment("REV-1", dt.date(2023, 3, 1), -5_000)]

    result = run(ScenarioTable.from_cases([(DIJON_2022, contracts, {**FACTS, "payments": paid})]))
    scalar = assess(DIJON_2022, contracts, payments=paid, **FACTS)  # type: ignore[arg-type]

    # 20 000 € for year 1 + 15 000 € for one contract, in cents; 20 000 - 5 000 = 15 000 € paid.
    assert result.accrued.tolist() == [(20_000 + 15_000) * 100] == [int(scalar.accrued * 100)]
    assert result.paid.tolist() == [(20_000 - 5_000) * 100] == [int(scalar.paid * 100)]
    assert scalar.paid == Decimal(15_000)


def test_a_refund_of_more_than_was_paid_is_refused_by_the_columnar_engine_too() -> None:
    refund = [payment("REV-1", dt.date(2023, 3, 1), -5_000)]

    with pytest.raises(InvalidInput) as refused:
        ScenarioTable.from_cases([(DIJON_2022, [], {**FACTS, "payments": refund})])

    assert refused.value.path == "cases[0].payments[0].amount"
    assert refused.value.key == "error.refund_exceeds_paid"
