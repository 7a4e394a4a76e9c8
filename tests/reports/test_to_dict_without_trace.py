"""``to_dict(trace=False)``: the figures without the steps behind them, for a lighter answer."""

from __future__ import annotations

import json

import pytest

from propulseur_rules import Assessment, InvalidInput, assess, reports
from propulseur_rules.example import example_assessment_inputs


def example_assessment() -> Assessment:
    """The built-in example, with the assumed terms of its financing convention."""
    return assess(**example_assessment_inputs())  # type: ignore[arg-type]


def test_the_trace_is_left_out_and_nothing_else() -> None:
    assessment = example_assessment()

    whole = assessment.to_dict()
    light = assessment.to_dict(trace=False)

    assert "trace" not in light
    assert {**light, "trace": whole["trace"]} == whole
    assert reports.to_dict(assessment, trace=False) == light


def test_by_default_the_trace_is_there() -> None:
    assessment = example_assessment()

    assert assessment.to_dict()["trace"] == assessment.to_dict(trace=True)["trace"] != []


def test_the_answer_without_the_trace_is_smaller_by_the_trace_alone() -> None:
    assessment = example_assessment()
    whole = json.dumps(assessment.to_dict())
    light = json.dumps(assessment.to_dict(trace=False))

    # the trace and its key, with the ", " that separated it from the last key before it
    trace = '"trace": ' + json.dumps(assessment.to_dict()["trace"])
    assert len(whole) == len(light) + len(", ") + len(trace)


@pytest.mark.parametrize(("trace", "kind"), [(0, "a whole number"), ("no", "text"), (None, "null")])
def test_trace_is_true_or_false(trace: object, kind: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        example_assessment().to_dict(trace=trace)  # type: ignore[arg-type]

    assert str(caught.value) == f"trace: expected true or false, not {kind}"
