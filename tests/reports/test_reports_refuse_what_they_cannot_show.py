"""The public functions of the reports refuse, by name and in words, what is not theirs to show: a report is of
an ``Assessment``, an SCDL record of a ``Convention``, an SCDL file of a list of records — never a Python error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import DIJON_2022, assess, reports
from propulseur_rules.words._errors import InvalidInput
from type_names import named_types

#: Values of no kind a report takes: nothing, numbers, text, a mapping, lists, an object.
_NOT_THEIRS = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.lists(st.integers(), max_size=2),
    st.builds(object),
)


@settings(max_examples=40)
@given(_NOT_THEIRS)
def test_render_and_explain_name_the_assessment_they_expected(value: object) -> None:
    for show in (reports.render, reports.explain):
        with pytest.raises(InvalidInput) as raised:
            show(value)  # type: ignore[arg-type]
        assert raised.value.path == "assessment"
        assert named_types(raised.value) == []


def test_a_ceiling_that_is_not_an_assessment_is_named() -> None:
    assessment = assess(DIJON_2022, [], as_of="2023-01-01")
    with pytest.raises(InvalidInput) as raised:
        reports.render(assessment, ceiling=3)  # type: ignore[arg-type]
    assert raised.value.path == "ceiling"


@settings(max_examples=40)
@given(_NOT_THEIRS)
def test_an_scdl_record_is_of_a_convention(value: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        reports.scdl_record(value)  # type: ignore[arg-type]
    assert raised.value.path == "convention"


@pytest.mark.parametrize("write", [reports.scdl_csv, reports.scdl_json])
def test_the_scdl_files_are_of_a_list_of_records(write: object) -> None:
    for records, path in ((3, "records"), ("text", "records"), ({"montant": "1"}, "records"), ([None], "[0]")):
        with pytest.raises(InvalidInput) as raised:
            write(records)  # type: ignore[operator]
        assert raised.value.path == path
        assert named_types(raised.value) == []
