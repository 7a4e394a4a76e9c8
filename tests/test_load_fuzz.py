"""Whatever the bytes or values fed to the loaders, only PropulseurRulesError comes out."""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from fuzz_inputs import only_our_errors
from propulseur_rules import PropulseurRulesError, Scenario, load_contracts_csv, load_scenario
from propulseur_rules._load import scenario_from_data, scenario_from_text
from propulseur_rules._load_csv import CSV_COLUMNS
from propulseur_rules._load_data import (
    _CONTRACT_KEYS,
    _CONVENTION_KEYS,
    _EXPECT_KEYS,
    _PAYMENT_KEYS,
    _SCENARIO_KEYS,
    _STARTUP_KEYS,
)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


KEYS = sorted(
    {*_SCENARIO_KEYS, *_CONVENTION_KEYS, *_CONTRACT_KEYS, *_STARTUP_KEYS, *_PAYMENT_KEYS, *_EXPECT_KEYS, "preset"}
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        [
            "dijon-2022",
            "2023-02-30",
            "2023-01-01",
            "21231",
            "2A004",
            "industry",
            "santé",
            "C4",
            "funded",
            "contract_target",
            "1e999999999",
            "1e99999999999999999999",
            "-0.00",
            "15000.005",
            "912345675",
            "all_or_nothing",
            "at_year_end",
        ]
    ),
    st.dates(),
    st.datetimes(),
    st.times(),
)
keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=12))
values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)),
    max_leaves=40,
)


def near_valid_scenarios() -> st.SearchStrategy[dict[str, object]]:
    """Scenario-shaped data whose values are drawn at random: the loader's deeper paths get exercised."""
    startup = st.fixed_dictionaries(
        {"name": values, "head_office": values, "sector": values}, optional={"siren": values}
    )
    contract = st.fixed_dictionaries(
        {"reference": st.text(max_size=5), "startup": st.one_of(startup, values), "signed_on": values},
        optional={"applied_on": values, "selected_on": values},
    )
    payment = st.fixed_dictionaries({"reference": st.text(max_size=5), "paid_on": values, "amount": values})
    period = st.fixed_dictionaries({"start": st.dates(), "end": st.dates()})
    convention = st.one_of(
        st.just("dijon-2022"),
        st.fixed_dictionaries(
            {"preset": st.just("dijon-2022"), "period": period},
            optional={"accrual": st.sampled_from(["on_event", "at_year_end"])},
        ),
        st.dictionaries(st.sampled_from([*_CONVENTION_KEYS, "preset"]), values, max_size=5).map(
            lambda table: {"preset": "dijon-2022", **table}
        ),
        st.dictionaries(st.sampled_from(_CONVENTION_KEYS), values),
    )
    expect = st.dictionaries(st.sampled_from(_EXPECT_KEYS), values, max_size=4)
    return st.fixed_dictionaries(
        {"name": values, "as_of": st.one_of(st.dates(), values), "convention": convention},
        optional={
            "contracts": st.lists(st.one_of(contract, values), max_size=3),
            "payments": st.lists(st.one_of(payment, values), max_size=3),
            "regional_authorisation_on": values,
            "covers": values,
            "expect": st.one_of(expect, values),
        },
    )


@given(st.binary(max_size=400), st.sampled_from([".toml", ".json", ".csv"]))
@example(b"\xef\xbb\xbf", ".toml")
@example(b'{"name": 1e99999999999999999999}', ".json")
@example(b"a = 1e99999999999999999999", ".toml")
@example(b"[" * 5000, ".json")
@example(b"a = " + b"[" * 5000, ".toml")
@example(b"reference;startup\n\x00;\xff", ".csv")
def test_random_bytes_give_only_our_errors(folder: Path, content: bytes, suffix: str) -> None:
    path = folder / f"random{suffix}"
    path.write_bytes(content)

    if suffix == ".csv":
        only_our_errors(load_contracts_csv, path)
    else:
        only_our_errors(load_scenario, path)


@given(values)
def test_random_json_values_give_only_our_errors(folder: Path, data: object) -> None:
    text = json.dumps(data, default=str)  # NaN and Infinity are written as JSON allows them by default

    only_our_errors(scenario_from_text, text, ".json", source="request.json")


@given(values)
def test_random_toml_like_values_give_only_our_errors(data: object) -> None:
    only_our_errors(scenario_from_data, data)


@given(near_valid_scenarios())
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": "dijon-2022", "covers": {"C1": 1}})
@example(
    {"name": "x", "as_of": "2023-01-01", "convention": {"preset": "dijon-2022", "total_cap": "1e99999999999999999999"}}
)
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": {"preset": "dijon-2022", "territory": "21231"}})
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": "dijon-2022", "expect": {"years": [{"index": 0}]}})
@example({"name": "x", "as_of": dt.date(2023, 1, 1), "convention": "dijon-2022", "expect": {"contracts": {"A": 1}}})
def test_scenario_shaped_data_gives_only_our_errors(folder: Path, data: dict[str, object]) -> None:
    scenario = only_our_errors(scenario_from_data, data, base_dir=folder)

    if isinstance(scenario, Scenario):
        only_our_errors(scenario.assess)


@given(
    st.lists(st.sampled_from(CSV_COLUMNS), min_size=1, max_size=10),
    st.lists(st.lists(st.text(max_size=12), max_size=10), max_size=5),
    st.sampled_from([";", ","]),
)
def test_csv_files_with_random_cells_give_only_our_errors(
    folder: Path, header: list[str], rows: list[list[str]], delimiter: str
) -> None:
    path = folder / "random.csv"
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    path.write_text("\n".join(lines), encoding="utf-8")

    only_our_errors(load_contracts_csv, path)


def test_the_strategies_reach_the_numbers_that_broke_parsers() -> None:
    # The cases pinned above, checked once more in plain terms.
    assert math.isnan(float("nan"))
    with pytest.raises(PropulseurRulesError):
        scenario_from_text('{"a": 1e99999999999999999999}', ".json", source="x.json")
    with pytest.raises(PropulseurRulesError):
        scenario_from_data(
            {
                "name": "x",
                "as_of": "2023-01-01",
                "convention": {"preset": "dijon-2022", "total_cap": Decimal("1e999999999")},
            }
        )
