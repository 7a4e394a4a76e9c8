"""The unmet frames of the columnar engine list the conditions as ``assess`` lists them, one by one.

``assess`` reports each document awaited (C3 « modalités »: a copy as its contract's
condition, a financial statement per programme year) and each year of claims
time-barred (loi n° 68-1250) as an unmet condition of its own, ordered by
:data:`UNMET_ORDER` and, within the financing terms, by the last day of the document.
``to_frames()["unmet"]`` has the rows of ``Assessment.to_frame(by="unmet")`` and the
``unmet`` lists of the scenarios frame its conditions of no contract.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import DIJON_2022, Contract, FinancingTerms, Sector, Startup, assess
from propulseur_rules.batch import ScenarioTable, run
from propulseur_rules.rules._outcome import Condition
from propulseur_rules.rules._settlement import UNMET_ORDER, unmet_section
from strategies import DAY, financed_cases, limitation_events

TERMS = DIJON_2022.replace(financing=FinancingTerms())


@st.composite
def financed(draw: st.DrawFn) -> dict[str, object]:
    """A case with terms, documents and events of the limitation, some assessed years after the period."""
    drawn = draw(financed_cases())
    case = replace(drawn.case, as_of=drawn.case.as_of + draw(st.sampled_from([0, 0, 365 * 5, 365 * 8])) * DAY)
    start = min(case.convention.period.start, case.as_of)
    return replace(drawn, case=case).case_mapping(draw(limitation_events(start, case.as_of, max_size=2)))


def listed(frame: pd.DataFrame) -> list[tuple[object, str, str]]:
    return list(zip(frame["contract"], frame["condition"], frame["clause"], strict=True))


@settings(max_examples=30)
@given(st.lists(financed(), min_size=1, max_size=3))
def test_the_unmet_frames_list_each_document_and_claim_as_assess_does(cases: list[dict[str, object]]) -> None:
    frames = run(ScenarioTable.from_cases(cases)).to_frames()
    for index, arguments in enumerate(cases):
        assessed = assess(**arguments)  # type: ignore[arg-type]
        expected = assessed.to_frame(by="unmet")
        rows = frames["unmet"][frames["unmet"]["scenario"] == index]
        assert listed(rows) == listed(expected)
        whole = [unmet.condition.value for unmet in assessed.unmet if unmet.contract is None]
        assert frames["scenarios"].loc[index, "unmet"] == whole
        # The order assess declares: its sections never go back.
        sections = [unmet_section(unmet.condition) for unmet in assessed.unmet]
        assert sections == sorted(sections)


def test_every_condition_has_one_place_in_the_order() -> None:
    placed = [condition for section in UNMET_ORDER for condition in section]
    assert sorted(placed, key=list(Condition).index) == list(Condition)
    assert len(placed) == len(set(placed))


def eligible(reference: str, signed_on: dt.date) -> Contract:
    """A contract C6 and C8 accept: a startup of Dijon (INSEE 21231) in industry, applied and selected before."""
    startup = Startup(name=f"Startup {reference}", head_office="21231", sector=Sector.INDUSTRY)
    return Contract(
        reference=reference,
        startup=startup,
        applied_on=signed_on - 60 * DAY,
        selected_on=signed_on - 30 * DAY,
        signed_on=signed_on,
    )


def test_each_document_awaited_is_a_row_ordered_by_its_last_day() -> None:
    contracts = [eligible("PRO-01", dt.date(2022, 11, 1)), eligible("PRO-02", dt.date(2022, 12, 1))]
    arguments = {
        "as_of": dt.date(2024, 1, 31),
        "regional_authorisation_on": dt.date(2022, 10, 1),
        "financing_signed_on": dt.date(2022, 10, 15),
    }
    # Under the assumed terms the copies are due a month after signature (1 December 2022, 1 January 2023), the
    # financial statement of year 1 (to 30 June 2023) six months after it (31 December 2023), the final report
    # six months after the period (31 December 2025): the balance held comes last. With copies due ten years
    # after signature and the final report on the last day of the period, the balance comes first.
    late_copies = TERMS.replace(financing=FinancingTerms(contract_copy_months=120, final_report_months=0))
    result = run(ScenarioTable.from_cases([(TERMS, contracts, arguments), (late_copies, contracts, arguments)]))
    unmet = result.to_frames()["unmet"]

    # Two eligible contracts of the nine C3 requires; the grant of each waits for its copy, year 2's second
    # half (10 000 €) for the statement of year 1, a fifth of what is releasable is held (C3 « modalités »).
    target = (None, "contract_target", "C3")
    copies = [("PRO-01", "supporting_document", "C3"), ("PRO-02", "supporting_document", "C3")]
    statement = (None, "supporting_document", "C3")
    balance = (None, "balance_held", "C3")
    assert listed(unmet[unmet["scenario"] == 0]) == [target, *copies, statement, balance]
    assert listed(unmet[unmet["scenario"] == 1]) == [target, statement, balance, *copies]
    for index in (0, 1):
        assert listed(unmet[unmet["scenario"] == index]) == listed(result.assessment(index).to_frame(by="unmet"))
    assert (
        result.to_frames()["scenarios"]["unmet"].tolist()
        == [["contract_target", "supporting_document", "balance_held"]] * 2
    )
