"""The columnar engine gives what assess gives, on every scenario: every figure, status and unmet code.

The settings come from the profile (tests/conftest.py): ``dev`` keeps it to a few
seconds, ``ci`` draws at least 2 000 batches.
"""

from __future__ import annotations

from hypothesis import given, settings

from columnar_strategies import as_case, batches
from propulseur_rules import Assessment
from propulseur_rules.batch import STATUS_CODES, BatchResult, ScenarioTable, contract_bit, run
from strategies import Case

CENT = 100


def cents(amount: object) -> int:
    return int(amount * CENT)  # type: ignore[operator]


def assert_arrays_equal_assess(result: BatchResult, index: int, expected: Assessment) -> None:
    """Each array of ``result`` for scenario ``index`` against the assessment of ``assess``."""
    for name in ("accrued", "withheld", "releasable", "paid", "payable", "excess_paid"):
        assert int(result.scenario[name][index]) == cents(getattr(expected, name)), name
    assert int(result.scenario["eligible_contracts"][index]) == expected.eligible_contracts
    whole = {unmet.condition for unmet in expected.unmet if unmet.contract is None}
    assert set(result.unmet_conditions(index)) == whole
    years = [row for row, owner in enumerate(result.year["scenario"].tolist()) if owner == index]
    assert len(years) == len(expected.years)
    for row, year in zip(years, expected.years, strict=True):
        assert int(result.year["index"][row]) == year.index
        for name in ("operating_grant", "contract_grants", "entitled", "accrued"):
            assert int(result.year[name][row]) == cents(getattr(year, name)), (year.index, name)
        assert int(result.year["funded"][row]) == len(year.funded)
        assert int(result.year["supplementary"][row]) == len(year.supplementary)
        assert int(result.year["over_annual_limit"][row]) == len(year.over_annual_limit)
    table = result.table
    first, last = int(table.contract_offsets[index]), int(table.contract_offsets[index + 1])
    for row in range(first, last):
        reference = table.contract_reference[row]
        wanted = expected.contract(reference)
        assert int(result.contract["status"][row]) == STATUS_CODES[wanted.status], reference
        assert int(result.contract["programme_year"][row]) == (wanted.programme_year or 0), reference
        assert int(result.contract["grant"][row]) == cents(wanted.grant), reference
        code = sum(contract_bit(unmet.condition, unmet.reason) for unmet in wanted.unmet)
        assert int(result.contract["unmet"][row]) == code, reference


def check(batch: list[Case]) -> None:
    result = run(ScenarioTable.from_cases([as_case(scenario) for scenario in batch]))
    for index, scenario in enumerate(batch):
        expected = scenario.assess()
        assert_arrays_equal_assess(result, index, expected)
        assert result.assessment(index) == expected


@settings()  # the profile's: dev is fast, ci draws at least 2 000 batches
@given(batches())
def test_every_figure_status_and_unmet_code_equals_assess(batch: list[Case]) -> None:
    check(batch)


# Frames cost more than arrays: a tenth of the profile's examples, at least ten.
@settings(max_examples=max(10, settings().max_examples // 10))
@given(batches())
def test_the_unmet_frame_lists_what_assess_lists_in_its_order_with_its_clauses(batch: list[Case]) -> None:
    unmet = run(ScenarioTable.from_cases([as_case(scenario) for scenario in batch])).to_frames()["unmet"]

    for index, scenario in enumerate(batch):
        expected = [(row.contract, row.condition.value, row.clause.name) for row in scenario.assess().unmet]
        rows = unmet[unmet["scenario"] == index]
        assert list(zip(rows["contract"], rows["condition"], rows["clause"], strict=True)) == expected
