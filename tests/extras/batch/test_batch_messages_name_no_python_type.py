"""No message of many scenarios at once names a Python type (``NoneType``, ``Decimal``…), whatever an argument is
given."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings

from propulseur_rules import DIJON_2022, PropulseurRulesError, batch
from propulseur_rules.example import EXAMPLE_CONTRACTS
from type_names import ODD_ARGUMENTS, types_named_by

CALLS: dict[str, Callable[[object], object]] = {
    "forecast(convention)": lambda value: batch.forecast(value, draws=10),  # type: ignore[arg-type]
    "forecast(contracts=)": lambda value: batch.forecast(DIJON_2022, value, draws=10),  # type: ignore[arg-type]
    "forecast(contracts=[…])": lambda value: batch.forecast(DIJON_2022, [value], draws=10),  # type: ignore[list-item]
    "forecast(pipeline=)": lambda value: batch.forecast(DIJON_2022, EXAMPLE_CONTRACTS, value, draws=10),  # type: ignore[arg-type]
    "forecast(draws=)": lambda value: batch.forecast(DIJON_2022, draws=value),  # type: ignore[arg-type]
    "forecast(outlook=)": lambda value: batch.forecast(DIJON_2022, draws=10, outlook=value),  # type: ignore[arg-type]
    "forecast(as_of=)": lambda value: batch.forecast(DIJON_2022, draws=10, as_of=value),  # type: ignore[arg-type]
    "DocumentOutlook(late=)": lambda value: batch.DocumentOutlook(late=value),  # type: ignore[arg-type]
    "assess_table": batch.assess_table,
    "assess_table([…])": lambda value: batch.assess_table([value]),
    "assess_table([(…, convention)])": lambda value: batch.assess_table([(value, (), {})]),
    "run": lambda value: batch.run(value),  # type: ignore[arg-type]
    "ScenarioTable.from_frames": lambda value: batch.ScenarioTable.from_frames(value),
    "ScenarioTable.from_arrow": lambda value: batch.ScenarioTable.from_arrow(value),
}


@pytest.mark.parametrize("call", CALLS)
@settings(max_examples=15)
@given(value=ODD_ARGUMENTS)
def test_no_message_of_many_scenarios_at_once_names_a_python_type(call: str, value: object) -> None:
    assert types_named_by(CALLS[call], value) == []


def test_a_table_that_is_not_one_is_said_in_words() -> None:
    with pytest.raises(PropulseurRulesError) as refused:
        batch.run([])  # type: ignore[arg-type]

    assert str(refused.value) == "table: expected a ScenarioTable, not a list"
