"""Results a notebook or a service uses directly: records an analyst filters on, typed frames, dates out of
pandas and numpy, a short repr.

The scenario: DIJON_2022 (pro rata, on event), authorised on 1 October 2022, assessed on 31 December 2022.
Contract A (Hydrolis, Dijon) signed on 1 September 2022 is funded in programme year 1; contract B (a startup
of Beaune, outside the métropole, never selected) signed on 2 November 2022 is ineligible (C6); contract C is
planned for 1 September 2023 (programme year 2). A payment of 20 000 € on 15 November 2022. By the date the
operating grant of year 1 (20 000 €, on 1 July 2022) and one contract grant (15 000 €) have accrued.
"""

from __future__ import annotations

import datetime as dt
import json
import sys

import attrs
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import BEAUNE, DIJON, DIJON_2022, OPERATING, PER_CONTRACT, contract, euros, payment, startup
from propulseur_rules import Contract, ContractStatus, InvalidInput, Payment, Sector, assess, planning
from propulseur_rules.rules._dates import to_date, to_optional_date
from propulseur_rules.rules._extras import MissingExtra

AUTHORISED_ON = dt.date(2022, 10, 1)
AS_OF = dt.date(2022, 12, 31)
HYDROLIS = startup("Hydrolis", head_office=DIJON, sector=Sector.INDUSTRY, siren="732829320")
CARDIO = startup("Cardio Beaune", head_office=BEAUNE, sector=Sector.HEALTH)
FIRST = contract("A", dt.date(2022, 9, 1), of=HYDROLIS)
SECOND = contract("B", dt.date(2022, 11, 2), of=CARDIO, applied_on=dt.date(2022, 10, 3), selected_on=None)
PLANNED = contract("C", dt.date(2023, 9, 1))
CONTRACTS = [FIRST, SECOND, PLANNED]
PAYMENTS = [payment("V1", dt.date(2022, 11, 15), "20000")]


ASSESSMENT = assess(DIJON_2022, CONTRACTS, as_of=AS_OF, regional_authorisation_on=AUTHORISED_ON, payments=PAYMENTS)


# --- the contract in the result ---------------------------------------------------------


def test_each_contract_result_carries_the_contract_it_assesses() -> None:
    assert [result.contract for result in ASSESSMENT.contracts] == [FIRST, SECOND, PLANNED]
    assert ASSESSMENT.contract("B").contract.startup.name == "Cardio Beaune"


def test_the_contract_counts_in_equality_but_not_in_the_repr() -> None:
    other = contract("A", dt.date(2022, 9, 1), of=startup("Another name", siren="732829320"))
    changed = assess(
        DIJON_2022, [other, SECOND, PLANNED], as_of=AS_OF, regional_authorisation_on=AUTHORISED_ON, payments=PAYMENTS
    )
    first, changed_first = ASSESSMENT.contracts[0], changed.contracts[0]
    assert attrs.evolve(changed_first, contract=FIRST) == first
    assert changed_first != first
    assert "Hydrolis" not in repr(first)


def test_to_dict_writes_the_same_keys_for_a_contract_as_before() -> None:
    data = ASSESSMENT.to_dict()
    # The keys of before, the startup's name and SIREN beside each contract, and the warnings on its facts.
    keys = {"reference", "startup", "siren", "status", "programme_year", "grant", "accrues_on", "unmet", "warnings"}
    assert [set(item) for item in data["contracts"]] == [keys, keys, keys]
    json.dumps(data)


# --- records ------------------------------------------------------------------------------


def test_a_record_carries_the_startup_its_commune_its_sector_and_the_contracts_dates() -> None:
    first, second, planned = ASSESSMENT.to_records()
    assert first == {
        "as_of": AS_OF,
        "convention": DIJON_2022.reference,
        "reference": "A",
        "status": "funded",
        "programme_year": 1,
        "grant": euros(PER_CONTRACT),
        "accrues_on": dt.date(2022, 9, 1),
        "unmet": "",
        "startup": "Hydrolis",
        "siren": "732829320",
        "head_office": "21231",
        "commune": "Dijon",
        "sector": "industry",
        # The builder's defaults: applied 60 days and selected 30 days before signature.
        "applied_on": dt.date(2022, 7, 3),
        "selected_on": dt.date(2022, 8, 2),
        "signed_on": dt.date(2022, 9, 1),
    }
    # Beaune is outside the métropole: no commune name, and the contract is ineligible (C6).
    assert (second["head_office"], second["commune"], second["siren"], second["sector"]) == (
        BEAUNE,
        None,
        None,
        "health",
    )
    assert second["status"] == "ineligible"
    assert (second["applied_on"], second["selected_on"]) == (dt.date(2022, 10, 3), None)
    assert (planned["status"], planned["signed_on"]) == ("not_yet_signed", dt.date(2023, 9, 1))


def test_records_of_the_schedule_are_its_events_with_enums_as_their_values() -> None:
    events = planning.schedule(DIJON_2022, [FIRST], regional_authorisation_on=AUTHORISED_ON)
    rows = planning.records(events)
    assert len(rows) == len(events)
    assert rows[0] == {
        "on": DIJON_2022.period.start,
        "kind": "year_opens",
        "clause": "C2",
        "amount": euros(OPERATING),
        "accrued": euros(OPERATING),
        # On 1 July 2022 neither the deliberation (C9) nor the authorisation (C4) is there yet.
        "releasable": euros(0),
        "programme_year": 1,
        "contract": None,
    }
    assert json.loads(json.dumps(planning.json_ready(rows)))[0]["amount"] == "20000.00"


def test_records_of_budget_years_readings_and_a_sweep() -> None:
    years = planning.records(planning.budget_years(ASSESSMENT))
    # 2022: the operating grant of year 1 and one contract grant accrued, the payment paid.
    assert years[0] == {
        "year": 2022,
        "accrued": euros(OPERATING + PER_CONTRACT),
        "releasable": euros(OPERATING + PER_CONTRACT),
        "paid": euros(20000),
        "withheld": euros(0),  # authorised, the target read pro rata: nothing withheld
        # All of it became releasable in 2022: on 1 October 2022, the day of the authorisation (C4).
        "became_releasable": euros(OPERATING + PER_CONTRACT),
    }
    readings = planning.records(planning.compare_readings(DIJON_2022, CONTRACTS, as_of=AS_OF))
    assert all(isinstance(row["target_policy"], str) for row in readings)
    assert sum(row["default"] for row in readings) == 1
    sweep = planning.sweep(DIJON_2022, CONTRACTS, as_of=[AS_OF])
    copied = planning.records(sweep)
    assert copied == sweep
    assert copied[0] is not sweep[0]


def test_records_refuse_what_is_not_a_result_and_a_view_of_something_else_than_an_assessment() -> None:
    with pytest.raises(InvalidInput, match=r"^result\[0\]: "):
        planning.records([1])
    with pytest.raises(InvalidInput, match=r"^result: "):
        planning.records(42)
    with pytest.raises(InvalidInput, match=r"^by: "):
        planning.records(planning.budget_years(ASSESSMENT), by="budget_year")


# --- frames -------------------------------------------------------------------------------


def test_the_frame_has_money_in_cents_dates_as_datetime64_and_statuses_as_categories() -> None:
    frame = ASSESSMENT.to_frame()
    names = [f"{name}_cents" if name == "grant" else name for name in ASSESSMENT.to_records()[0]]
    assert list(frame.columns) == names
    assert frame["grant_cents"].dtype == np.int64
    # C2: 15 000 € for the funded contract A, nothing for B (ineligible, C6) nor C (not signed yet).
    assert list(frame["grant_cents"]) == [15_000 * 100, 0, 0]
    assert frame["signed_on"].dtype == "datetime64[s]"
    assert list(frame["signed_on"].dt.month) == [9, 11, 9]
    assert frame.loc[1, "applied_on"] == pd.Timestamp(2022, 10, 3)
    assert isinstance(frame["status"].dtype, pd.CategoricalDtype)
    assert list(frame["status"].cat.categories) == [status.value for status in ContractStatus]
    assert frame["status"].value_counts()["supplementary"] == 0
    assert list(frame["sector"].cat.categories) == [sector.value for sector in Sector]
    # C1: 1 September and 2 November 2022 fall in programme year 1, 1 September 2023 in year 2.
    assert list(frame["programme_year"]) == [1, 1, 2]
    # B is unmet for C6: each row lists its conditions, and a long frame has one row per condition.
    assert isinstance(frame.loc[1, "unmet"], list)
    assert frame.loc[1, "unmet"] == [unmet.condition.value for unmet in ASSESSMENT.unmet if unmet.contract == "B"]
    assert frame.loc[0, "unmet"] == []


def test_money_in_every_frame_is_the_assessment_in_cents_exactly() -> None:
    for by in ("contract", "programme_year", "budget_year", "assessment", "unmet"):
        cents = ASSESSMENT.to_frame(by=by)
        decimals = ASSESSMENT.to_frame(by=by, money="decimal")
        money = [name for name in cents.columns if name.endswith("_cents")]
        assert money, by
        for name in money:
            assert cents[name].tolist() == [int(value * 100) for value in decimals[name.removesuffix("_cents")]]
    # The whole: 20 000 € of operating grant and 15 000 € for contract A accrued (C2), 20 000 € paid.
    whole = ASSESSMENT.to_frame(by="assessment")
    assert whole.loc[0, "accrued_cents"] == (20_000 + 15_000) * 100
    assert whole.loc[0, "paid_cents"] == 20_000 * 100


def test_the_unmet_conditions_as_a_long_frame() -> None:
    frame = ASSESSMENT.to_frame(by="unmet")
    assert len(frame) == len(ASSESSMENT.unmet)
    assert frame["condition"].tolist() == [unmet.condition.value for unmet in ASSESSMENT.unmet]
    assert frame["clause"].tolist() == [unmet.clause.value for unmet in ASSESSMENT.unmet]
    assert isinstance(frame["condition"].dtype, pd.CategoricalDtype)
    empty = assess(DIJON_2022, [], as_of=AS_OF, regional_authorisation_on=AUTHORISED_ON).to_frame(by="unmet")
    assert list(empty.columns) == list(frame.columns)


def test_a_frame_out_goes_back_into_the_columnar_engine() -> None:
    from propulseur_rules.batch import ScenarioTable, run

    scenarios = pd.DataFrame({"as_of": [AS_OF], "regional_authorisation_on": [AUTHORISED_ON]})
    contracts = ASSESSMENT.to_frame()
    payments = pd.DataFrame({"reference": ["V1"], "paid_on": [pd.Timestamp(2022, 11, 15)], "amount": [20_000]})
    result = run(ScenarioTable.from_frames(scenarios, contracts, payments))
    again = result.to_frames()["contracts"]
    assert again["reference"].tolist() == contracts["reference"].tolist()
    assert again["grant_cents"].tolist() == contracts["grant_cents"].tolist()
    assert again["status"].astype(str).tolist() == contracts["status"].astype(str).tolist()
    assert again["accrues_on"].dtype == contracts["accrues_on"].dtype


def test_money_as_float_on_request() -> None:
    frame = ASSESSMENT.to_frame(by="budget-year", money="float")
    assert frame["accrued"].dtype == np.float64
    assert frame["accrued"].sum() == float(OPERATING + PER_CONTRACT)
    assert list(frame["year"]) == [2022, 2023, 2024, 2025]


def test_a_frame_without_contracts_still_has_its_columns() -> None:
    frame = assess(DIJON_2022, [], as_of=AS_OF).to_frame()
    assert len(frame) == 0
    assert list(frame.columns)[:6] == ["as_of", "convention", "reference", "status", "programme_year", "grant_cents"]


def test_the_frame_refuses_an_unknown_money_kind_and_view() -> None:
    with pytest.raises(InvalidInput, match=r"^money: 'floats' is not one of cents, decimal, float$"):
        ASSESSMENT.to_frame(money="floats")
    with pytest.raises(InvalidInput, match=r"^by: "):
        ASSESSMENT.to_frame(by="week")


def test_without_pandas_the_frame_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes ``import pandas`` fail
    with pytest.raises(MissingExtra, match=r"pip install 'propulseur-rules\[frames\]'"):
        ASSESSMENT.to_frame()


# --- dates out of pandas and numpy ----------------------------------------------------------

days = st.dates(dt.date(1700, 1, 1), dt.date(2200, 12, 31))


@given(days)
def test_a_pandas_timestamp_at_midnight_and_a_numpy_day_are_dates(day: dt.date) -> None:
    assert to_date(pd.Timestamp(day), "as_of") == day
    assert to_date(np.datetime64(day.isoformat(), "D"), "as_of") == day
    assert to_date(np.datetime64(day.isoformat(), "ns"), "as_of") == day


@given(days, st.integers(1, 24 * 3600 * 10**9 - 1))
def test_a_time_of_day_is_refused_to_the_nanosecond(day: dt.date, nanoseconds: int) -> None:
    with pytest.raises(InvalidInput, match=r"^as_of: expected a date, not a date and time$"):
        to_date(pd.Timestamp(day) + pd.Timedelta(nanoseconds, "ns"), "as_of")
    with pytest.raises(InvalidInput, match=r"^as_of: expected a date, not a date and time$"):
        to_date(np.datetime64(day.isoformat(), "ns") + np.timedelta64(nanoseconds, "ns"), "as_of")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (pd.Timestamp("2022-09-29", tz="Europe/Paris"), "expected a date, not a date and time with a time zone"),
        (np.datetime64("2022-09", "M"), "expected a date, not a numpy datetime64[M] value"),
        (np.datetime64("2022-09-29", "W"), "expected a date, not a numpy datetime64[W] value"),
        (pd.NaT, "expected a date, not NaT (no date)"),
        (np.datetime64("NaT"), "expected a date, not NaT (no date)"),
        (np.datetime64("12022-09-29", "D"), "'12022-09-29' is not a day of the calendar"),
    ],
)
def test_other_values_out_of_a_table_are_refused_naming_the_field(value: object, message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        to_date(value, "contracts[0].signed_on")
    assert str(raised.value) == f"contracts[0].signed_on: {message}"


def test_a_missing_date_of_a_table_is_no_date_where_a_date_is_optional() -> None:
    assert to_optional_date(pd.NaT, "applied_on") is None
    assert to_optional_date(np.datetime64("NaT"), "applied_on") is None


@pytest.mark.parametrize("kind", [pd.Timestamp, lambda text: np.datetime64(text, "D")])
def test_assess_takes_dates_from_a_table_everywhere_and_gives_the_same_figures(kind: object) -> None:
    def day(value: dt.date | None) -> object:
        return None if value is None else kind(value.isoformat())  # type: ignore[operator]

    contracts = [
        Contract(
            reference=item.reference,
            startup=item.startup,
            signed_on=day(item.signed_on),
            applied_on=day(item.applied_on),
            selected_on=day(item.selected_on),
        )
        for item in CONTRACTS
    ]
    payments = [Payment(reference=item.reference, paid_on=day(item.paid_on), amount=item.amount) for item in PAYMENTS]
    convention = DIJON_2022.replace(signing_deadline=day(dt.date(2024, 12, 31)))
    again = assess(
        convention, contracts, as_of=day(AS_OF), regional_authorisation_on=day(AUTHORISED_ON), payments=payments
    )
    assert again == assess(
        DIJON_2022.replace(signing_deadline=dt.date(2024, 12, 31)),
        CONTRACTS,
        as_of=AS_OF,
        regional_authorisation_on=AUTHORISED_ON,
        payments=PAYMENTS,
    )
    rows = planning.sweep(DIJON_2022, CONTRACTS, as_of=day(AS_OF))
    assert [row["as_of"] for row in rows] == [AS_OF]


# --- the short repr -----------------------------------------------------------------------


def test_the_repr_of_an_assessment_is_one_short_line() -> None:
    eligible = [FIRST, contract("B", dt.date(2022, 11, 2)), PLANNED]
    assessment = assess(DIJON_2022, eligible, as_of=AS_OF, regional_authorisation_on=AUTHORISED_ON, payments=PAYMENTS)
    # 20 000 + 2 × 15 000 = 50 000 accrued and releasable (the target of C3 is pro rata: nothing withheld);
    # 50 000 − 20 000 = 30 000 payable; the unmet conditions are that target, not yet reached, and the
    # financing convention the law requires, not verified (no signature date).
    assert repr(assessment) == (
        f"<Assessment of {DIJON_2022.reference!r} on 2022-12-31: accrued 50000.00, releasable 50000.00, "
        "payable 30000.00, 3 contract(s), 2 unmet>"
    )
