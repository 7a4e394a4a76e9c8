"""No message of the reports names a Python type (``NoneType``, ``Decimal``…), whatever an argument is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings

from propulseur_rules import DIJON_2022, PropulseurRulesError, assess, reports
from propulseur_rules.example import example_assessment_inputs
from type_names import ODD_ARGUMENTS, types_named_by

#: What the SCDL record needs and the deliberation does not say (the example's fictitious SIRETs).
_SCDL = {
    "funder_siret": "12345678200002",
    "beneficiary_siret": "98765432400001",
    "convention_signed_on": dt.date(2022, 11, 15),
    "eu_notified": False,
}

_SCDL_ARGUMENTS = (
    *_SCDL,
    "decision_reference",
    "purpose",
    "nature",
    "payment_conditions",
    "payment_period",
    "rae_id",
    "share",
    "beneficiary_rna",
    "aid_scheme",
    "regional_authorisation_on",
)


def _scdl_with(name: str) -> Callable[[object], object]:
    return lambda value: reports.scdl_record(DIJON_2022, **{**_SCDL, name: value})


#: The built-in example, assessed once.
ASSESSMENT = assess(**example_assessment_inputs())  # type: ignore[arg-type]

CALLS: dict[str, Callable[[object], object]] = {
    "to_dict(trace=)": lambda value: reports.to_dict(ASSESSMENT, trace=value),  # type: ignore[arg-type]
    "json_ready": lambda value: reports.json_ready({"rows": [value]}),
    "render(lang=)": lambda value: reports.render(ASSESSMENT, value),  # type: ignore[arg-type]
    "scdl_csv": lambda value: reports.scdl_csv([{"nomAttribuant": value}]),  # type: ignore[dict-item]
    **{f"scdl_record({name}=)": _scdl_with(name) for name in _SCDL_ARGUMENTS},
}


@pytest.mark.parametrize("call", CALLS)
@settings(max_examples=15)
@given(value=ODD_ARGUMENTS)
def test_no_message_of_the_reports_names_a_python_type(call: str, value: object) -> None:
    assert types_named_by(CALLS[call], value) == []


def test_a_value_without_json_form_is_said_in_words() -> None:
    with pytest.raises(PropulseurRulesError) as refused:
        reports.json_ready({"rows": [b"x"]})

    assert str(refused.value) == "value['rows'][0]: binary data has no JSON form in the results"
