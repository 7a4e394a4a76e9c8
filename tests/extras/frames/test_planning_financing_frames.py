"""The planning tools' frames and the columnar engine under the financing convention's terms (C3 « modalités »)."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import DIJON_2022
from propulseur_rules import (
    Document,
    FinancingTerms,
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


def test_the_columnar_engine_assesses_a_convention_with_financing_terms_as_assess_does() -> None:
    from propulseur_rules.batch import ScenarioTable, run

    good = (DIJON_2022, [], {"as_of": dt.date(2023, 1, 1)})
    with_terms = (TERMS, [], {"as_of": dt.date(2023, 1, 1)})
    result = run(ScenarioTable.from_cases([good, with_terms]))

    # With terms and no day of signature the financing convention withholds payment (loi n° 2000-321, art. 10).
    assert result.assessment(1) == assess(TERMS, [], as_of=dt.date(2023, 1, 1))
    assert int(result.withheld[1]) == int(result.accrued[1]) > 0


@pytest.mark.parametrize(
    ("keyword", "value"),
    [
        ("financing_signed_on", dt.date(2022, 11, 15)),
        ("documents", [Document(kind="final_report", received_on=dt.date(2025, 9, 1))]),
    ],
)
def test_the_columnar_engine_takes_the_financing_inputs_of_a_case(keyword: str, value: object) -> None:
    from propulseur_rules.batch import ScenarioTable, run

    result = run(ScenarioTable.from_cases([(TERMS, [], {"as_of": dt.date(2025, 10, 1), keyword: value})]))

    assert result.assessment(0) == assess(TERMS, [], as_of=dt.date(2025, 10, 1), **{keyword: value})


def test_a_frame_of_scenarios_on_a_convention_with_terms_is_assessed_under_them() -> None:
    import pandas

    from propulseur_rules.batch import ScenarioTable, run

    scenarios = pandas.DataFrame({"as_of": [dt.date(2023, 1, 1)]})
    result = run(ScenarioTable.from_frames(scenarios, base=TERMS))

    assert result.assessment(0) == assess(TERMS, [], as_of=dt.date(2023, 1, 1))


def test_a_table_of_case_objects_takes_the_terms_as_the_forecast_does() -> None:
    from propulseur_rules.batch import Case, ScenarioTable, forecast, run

    case = Case(TERMS, (), dt.date(2023, 1, 1), None, ())
    result = run(ScenarioTable([case._replace(convention=DIJON_2022), case]))

    assert result.assessment(1) == assess(TERMS, [], as_of=dt.date(2023, 1, 1))
    assert forecast(TERMS, [], [], draws=10).paid is not None
