"""Arrow tables into the columnar engine: the same rows as pandas frames, the same errors, named the same way."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import Any

import pandas as pd
import pyarrow as pa
import pytest
from arrow_schemas import CONTRACT_SCHEMA
from hypothesis import given, settings

from builders import three_contracts_a_year
from columnar_strategies import batches, contract_row
from propulseur_rules import Convention, InvalidInput
from propulseur_rules.batch import (
    CONTRACT_COLUMNS,
    PARAMETER_COLUMNS,
    PAYMENT_COLUMNS,
    MissingExtra,
    ScenarioTable,
    run,
)
from strategies import Case

AFTER_END = dt.date(2025, 7, 1)
AUTHORISED = dt.date(2022, 10, 1)

PAYMENT_SCHEMA = pa.schema(
    [("scenario", pa.string()), ("reference", pa.string()), ("paid_on", pa.date32()), ("amount", pa.decimal128(12, 2))]
)


def rows() -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Two scenarios of four contracts each, as in the frames' worked case: one lenient, one strict."""
    scenarios = [
        {"scenario": "base", "as_of": AFTER_END, "regional_authorisation_on": AUTHORISED, "target_policy": None},
        {
            "scenario": "strict",
            "as_of": AFTER_END,
            "regional_authorisation_on": None,
            "target_policy": "all_or_nothing",
        },
    ]
    contracts = [contract_row(key, c) for key in ("base", "strict") for c in three_contracts_a_year()[:4]]
    payments = [{"scenario": "base", "reference": "P1", "paid_on": AUTHORISED, "amount": Decimal("1000.50")}]
    return scenarios, contracts, payments


def arrow_tables() -> tuple[pa.Table, pa.Table, pa.Table]:
    scenarios, contracts, payments = rows()
    return (
        pa.Table.from_pylist(scenarios),
        pa.Table.from_pylist(contracts, schema=CONTRACT_SCHEMA),
        pa.Table.from_pylist(payments, schema=PAYMENT_SCHEMA),
    )


def test_arrow_tables_give_the_figures_of_the_rules() -> None:
    result = run(ScenarioTable.from_arrow(*arrow_tables()))

    # 3 operating grants of 20 000 € + 4 contracts of 15 000 € (3 in year 1, the 4th in year 2).
    assert result.accrued.tolist() == [(3 * 20_000 + 4 * 15_000) * 100] * 2
    # ALL_OR_NOTHING with 4 of the 9 contracts withholds everything accrued.
    assert result.withheld.tolist() == [0, (3 * 20_000 + 4 * 15_000) * 100]
    assert result.paid.tolist() == [100_050, 0]
    assert result.table.keys == ("base", "strict")


def test_arrow_equals_frames_on_the_worked_case() -> None:
    scenarios, contracts, payments = rows()
    frames = run(ScenarioTable.from_frames(pd.DataFrame(scenarios), pd.DataFrame(contracts), pd.DataFrame(payments)))

    arrow = run(ScenarioTable.from_arrow(*arrow_tables()))

    assert arrow.assessments() == frames.assessments()


def test_arrow_takes_midnight_timestamps_strings_and_integer_amounts() -> None:
    scenarios, contracts, payments = arrow_tables()
    as_of = pa.array([dt.datetime(2025, 7, 1)] * 2, type=pa.timestamp("ns"))
    scenarios = scenarios.set_column(scenarios.column_names.index("as_of"), "as_of", as_of)
    payments = pa.table(
        {"scenario": ["base"], "reference": ["P1"], "paid_on": ["2022-10-01"], "amount": pa.array([1000], pa.int64())}
    )

    result = run(ScenarioTable.from_arrow(scenarios, contracts, payments))

    assert result.paid.tolist() == [1000 * 100, 0]
    assert result.accrued.tolist() == [(3 * 20_000 + 4 * 15_000) * 100] * 2


def test_arrow_a_record_batch_is_taken_as_a_table() -> None:
    scenarios, contracts, payments = arrow_tables()

    result = run(ScenarioTable.from_arrow(scenarios.to_batches()[0], contracts, payments))

    assert result.table.keys == ("base", "strict")


# --- bad input: InvalidInput naming the table, the row and the column ----------------------


def test_arrow_a_missing_column_is_named() -> None:
    scenarios, contracts, payments = arrow_tables()

    with pytest.raises(InvalidInput, match=r"^contracts\.signed_on: is a required column and is missing"):
        ScenarioTable.from_arrow(scenarios, contracts.drop_columns(["signed_on"]), payments)
    with pytest.raises(InvalidInput, match=r"^scenarios\.as_of: is a required column"):
        ScenarioTable.from_arrow(scenarios.drop_columns(["as_of"]), contracts, payments)


def test_arrow_an_unknown_or_repeated_column_is_named() -> None:
    scenarios, contracts, payments = arrow_tables()

    with pytest.raises(InvalidInput, match=r"^payments\.'note': is not a column of payments"):
        ScenarioTable.from_arrow(scenarios, contracts, payments.append_column("note", pa.array(["x"])))
    with pytest.raises(InvalidInput, match=r"^payments\.'amount': is a column given twice"):
        ScenarioTable.from_arrow(scenarios, contracts, payments.append_column("amount", pa.array([1])))


def test_arrow_a_contract_for_an_unknown_scenario_is_named() -> None:
    scenarios, contracts, _ = rows()
    contracts[5]["scenario"] = "nowhere"

    with pytest.raises(InvalidInput, match=r"^contracts\[5\]\.scenario: 'nowhere' is not a scenario"):
        ScenarioTable.from_arrow(
            pa.Table.from_pylist(scenarios), pa.Table.from_pylist(contracts, schema=CONTRACT_SCHEMA)
        )


def test_arrow_a_wrong_type_is_named_by_table_row_and_column() -> None:
    scenarios, contracts, payments = arrow_tables()
    # An integer column where dates are expected: the first row is refused.
    as_numbers = contracts.set_column(2, "signed_on", pa.array(range(len(contracts)), pa.int64()))
    # A string column whose third cell is not a date.
    texts = [str(day) for day in contracts.column("signed_on").to_pylist()]
    texts[2] = "soon"
    as_texts = contracts.set_column(2, "signed_on", pa.array(texts))

    with pytest.raises(InvalidInput, match=r"^contracts\[0\]\.signed_on: expected a date"):
        ScenarioTable.from_arrow(scenarios, as_numbers, payments)
    with pytest.raises(InvalidInput, match=r"^contracts\[2\]\.signed_on: "):
        ScenarioTable.from_arrow(scenarios, as_texts, payments)
    with pytest.raises(InvalidInput, match=r"^payments\[0\]\.amount: 'lots' is not an amount"):
        ScenarioTable.from_arrow(scenarios, contracts, payments.set_column(3, "amount", pa.array(["lots"])))


def test_arrow_a_time_of_day_or_a_bad_parameter_is_refused_with_its_path() -> None:
    scenarios, contracts, payments = arrow_tables()
    noon = pa.array([dt.datetime(2025, 7, 1, 12)] * 2, type=pa.timestamp("s"))
    timed = scenarios.set_column(scenarios.column_names.index("as_of"), "as_of", noon)
    capped = scenarios.append_column("total_cap", pa.array(["-5", None]))

    with pytest.raises(InvalidInput, match=r"^scenarios\[0\]\.as_of: expected a date, not a date and time"):
        ScenarioTable.from_arrow(timed, contracts, payments)
    with pytest.raises(InvalidInput, match=r"^scenarios\[0\]\.total_cap: -5 is negative"):
        ScenarioTable.from_arrow(capped, contracts, payments)


def test_arrow_not_a_table_is_named() -> None:
    scenarios, contracts, _ = rows()

    with pytest.raises(InvalidInput, match=r"^scenarios: expected a pyarrow Table, not a list"):
        ScenarioTable.from_arrow(scenarios)
    with pytest.raises(InvalidInput, match=r"^contracts: expected a pyarrow Table, not DataFrame"):
        ScenarioTable.from_arrow(pa.Table.from_pylist(scenarios), pd.DataFrame(contracts))
    with pytest.raises(InvalidInput, match=r"^base: expected a Convention"):
        ScenarioTable.from_arrow(pa.Table.from_pylist(scenarios), base="DIJON")  # type: ignore[arg-type]


def test_arrow_without_pyarrow_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of pyarrow now fails

    with pytest.raises(MissingExtra, match=r"pip install 'propulseur-rules\[arrow\]'"):
        ScenarioTable.from_arrow(object())


# --- the same data as frames and as Arrow tables ------------------------------------------


def parameter_cells(convention: Convention) -> dict[str, Any]:
    """The convention as the parameter columns of a scenarios row (enums by value, money as Decimal)."""
    cells: dict[str, Any] = {
        "period_start": convention.period.start,
        "period_end": convention.period.end,
    }
    for name in PARAMETER_COLUMNS[2:]:
        value = getattr(convention, name)
        cells[name] = getattr(value, "value", value)
    return cells


def as_rows(batch: list[Case]) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    scenarios, contracts, payments = [], [], []
    for number, case in enumerate(batch):
        key = f"s{number}"
        scenarios.append(
            {
                "scenario": key,
                "as_of": case.as_of,
                "regional_authorisation_on": case.regional_authorisation_on,
                **parameter_cells(case.convention),
            }
        )
        contracts += [contract_row(key, c, siren=c.startup.siren) for c in case.contracts]
        payments += [
            {"scenario": key, "reference": p.reference, "paid_on": p.paid_on, "amount": p.amount} for p in case.payments
        ]
    return scenarios, contracts, payments


# The profile's count, at most 300: the readers are compared here; the engine against assess
# has its own property test with the profile's full count (test_columnar_equality.py).
@settings(max_examples=min(settings.default.max_examples, 300))
@given(batches(max_size=3))
def test_arrow_tables_equal_frames_of_the_same_rows(batch: list[Case]) -> None:
    scenarios, contracts, payments = as_rows(batch)
    frames = ScenarioTable.from_frames(
        pd.DataFrame(scenarios),
        pd.DataFrame(contracts, columns=list(CONTRACT_COLUMNS)),
        pd.DataFrame(payments, columns=list(PAYMENT_COLUMNS)),
    )

    arrow = ScenarioTable.from_arrow(
        pa.Table.from_pylist(scenarios),
        pa.Table.from_pylist(contracts, schema=CONTRACT_SCHEMA),
        pa.Table.from_pylist(payments, schema=PAYMENT_SCHEMA),
    )

    assert arrow.keys == frames.keys == tuple(f"s{number}" for number in range(len(batch)))
    assert arrow.cases == frames.cases
    assert run(arrow).assessments() == run(frames).assessments()


@pytest.mark.slow  # starts a Python process
def test_pyarrow_is_imported_only_when_an_arrow_table_is_read() -> None:
    import subprocess

    code = (
        "import sys, datetime as dt, propulseur_rules, propulseur_rules.batch\n"
        "propulseur_rules.assess(propulseur_rules.DIJON_2022, [], as_of=dt.date(2023, 1, 1))\n"
        "print('pyarrow' in sys.modules)\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout

    assert shown.strip() == "False"
