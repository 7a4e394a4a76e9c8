"""The planning tools' frames and the columnar engine under the financing convention's terms (C3 « modalités »)."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import DIJON_2022
from propulseur_rules import (
    Document,
    FinancingTerms,
    InvalidInput,
    assess,
)
from propulseur_rules.example._example import example_assessment_inputs

#: One contract is the target here, and no vote to wait for: the balance can be released.
TERMS = DIJON_2022.replace(financing=FinancingTerms(), deliberation=None, required_contracts=1)


def test_a_frame_of_deadlines_types_its_columns() -> None:
    import pandas

    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    frame = assessment.to_frame(by="deadline")
    empty = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)).to_frame(by="deadline")

    assert isinstance(frame["kind"].dtype, pandas.CategoricalDtype)
    assert frame["overdue"].dtype == bool
    assert frame["amount_cents"].sum() == sum(int(deadline.amount * 100) for deadline in assessment.deadlines)
    assert frame["due_on"].dtype == "datetime64[s]"
    assert list(empty.columns) == list(frame.columns)
    assert len(empty) == 0


def test_the_columnar_engine_refuses_a_convention_with_financing_terms_naming_the_field() -> None:
    from propulseur_rules.batch import ScenarioTable

    good = (DIJON_2022, [], {"as_of": dt.date(2023, 1, 1)})
    with pytest.raises(InvalidInput) as raised:
        ScenarioTable.from_cases([good, good, good, (TERMS, [], {"as_of": dt.date(2023, 1, 1)})])

    assert raised.value.path == "cases[3].convention.financing"
    assert "use assess or assess_many" in raised.value.reason


@pytest.mark.parametrize(
    ("keyword", "value"),
    [
        ("financing_signed_on", dt.date(2022, 11, 15)),
        ("documents", [Document(kind="final_report", received_on=dt.date(2025, 9, 1))]),
    ],
)
def test_the_columnar_engine_refuses_the_financing_inputs_of_a_case(keyword: str, value: object) -> None:
    from propulseur_rules.batch import ScenarioTable

    with pytest.raises(InvalidInput) as raised:
        ScenarioTable.from_cases([(DIJON_2022, [], {"as_of": dt.date(2023, 1, 1), keyword: value})])

    assert raised.value.path == f"cases[0].{keyword}"


def test_a_frame_of_scenarios_on_a_convention_with_terms_is_refused_by_its_row() -> None:
    import pandas

    from propulseur_rules.batch import ScenarioTable

    scenarios = pandas.DataFrame({"as_of": [dt.date(2023, 1, 1)]})
    with pytest.raises(InvalidInput) as raised:
        ScenarioTable.from_frames(scenarios, base=TERMS)

    assert raised.value.path == "scenarios[0].convention.financing"


def test_a_table_of_case_objects_refuses_the_terms_too_while_the_forecast_pays_under_them() -> None:
    from propulseur_rules.batch import Case, ScenarioTable, forecast

    case = Case(TERMS, (), dt.date(2023, 1, 1), None, ())
    with pytest.raises(InvalidInput) as table:
        ScenarioTable([case._replace(convention=DIJON_2022), case])

    assert table.value.path == "cases[1].convention.financing"
    # The forecast assesses the payments under the terms one future at a time (assess), not as columns.
    assert forecast(TERMS, [], [], draws=10).paid is not None
