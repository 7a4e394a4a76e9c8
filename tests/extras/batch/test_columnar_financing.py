"""The financing convention over arrays (C3 « modalités », loi n° 68-1250): every figure equals assess.

Drawn cases have terms, a day of signature or none, documents, the events of the
limitation and dates up to eight years after the period, so that claims lapse.
Hand-worked cases check the figures from the deliberation: 20 000 € a year of
operating grant, 15 000 € per contract (C2), the assumed terms of the financing
convention (an advance of 50 %, a balance of 20 %).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import DIJON_2022, Assessment, Document, FinancingTerms, InvalidInput, assess_many
from propulseur_rules.batch import ScenarioTable, run
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.rules import LimitationEvent
from propulseur_rules.rules._outcome import MONEY_FIGURES, Condition
from strategies import DAY, FinancedCase, financed_cases, limitation_events

#: A case drawn with terms costs more than one without: a fortieth of the profile's examples, at least ten.
FOR_FINANCING = max(10, settings().max_examples // 40)
CENT = 100
TERMS = DIJON_2022.replace(financing=FinancingTerms())
AUTHORISED = dt.date(2022, 10, 1)
SIGNED = dt.date(2022, 11, 15)


def cents(amount: object) -> int:
    return int(amount * CENT)  # type: ignore[operator]


@st.composite
def financed_batches(draw: st.DrawFn) -> list[tuple[FinancedCase, tuple[LimitationEvent, ...]]]:
    """One to three financed cases, some assessed years after the period, with events of the limitation."""
    batch = []
    for financed in draw(st.lists(financed_cases(), min_size=1, max_size=3)):
        later = draw(st.sampled_from([0, 0, 365 * 4, 365 * 6, 365 * 8]))
        case = replace(financed.case, as_of=financed.case.as_of + later * DAY)
        start = min(case.convention.period.start, case.as_of)
        events = draw(limitation_events(start, case.as_of + 30 * DAY, max_size=3))
        batch.append((replace(financed, case=case), events))
    return batch


def assert_figures_equal(result: object, index: int, expected: Assessment) -> None:
    for name in MONEY_FIGURES:
        assert int(result.scenario[name][index]) == cents(getattr(expected, name)), name  # type: ignore[attr-defined]
    whole = {unmet.condition for unmet in expected.unmet if unmet.contract is None}
    assert set(result.unmet_conditions(index)) == whole  # type: ignore[attr-defined]


@settings(max_examples=FOR_FINANCING)
@given(financed_batches())
def test_steps_7_to_9_give_every_money_figure_and_unmet_condition_assess_gives(
    batch: list[tuple[FinancedCase, tuple[LimitationEvent, ...]]],
) -> None:
    cases = [financed.case_mapping(events) for financed, events in batch]
    result = run(ScenarioTable.from_cases(cases))
    for index, expected in enumerate(assess_many(cases)):
        assert_figures_equal(result, index, expected)
        assert result.assessment(index) == expected


def test_the_built_in_example_runs_in_a_batch_with_the_figures_of_its_terms() -> None:
    example = example_assessment_inputs()
    result = run(ScenarioTable.from_cases([example]))
    (expected,) = assess_many([example])

    # By 31 March 2025: 3 operating grants of 20 000 € and 7 funded contracts of 15 000 € (C2).
    accrued = 3 * 20_000 + 7 * 15_000
    # Year 3's operating grant beyond its advance of 50 % waits for year 2's financial statement, not received.
    awaiting = 20_000 - 20_000 // 2
    balance = accrued * 20 // 100  # the balance, 20 % of what is releasable: nothing is withheld
    paid = 50_000 + 60_000
    assert int(result.accrued[0]) == accrued * CENT
    assert int(result.scenario["awaiting_documents"][0]) == awaiting * CENT
    assert int(result.scenario["balance_held"][0]) == balance * CENT
    assert int(result.paid[0]) == paid * CENT
    assert int(result.payable[0]) == (accrued - awaiting - balance - paid) * CENT
    assert_figures_equal(result, 0, expected)
    assert result.assessment(0) == expected


def limitation_case(as_of: dt.date, events: tuple[LimitationEvent, ...] = ()) -> dict[str, object]:
    """No contract, the region's authorisation on 1 October 2022, the convention signed on 15 November 2022."""
    return {
        "convention": TERMS,
        "contracts": (),
        "as_of": as_of,
        "regional_authorisation_on": AUTHORISED,
        "financing_signed_on": SIGNED,
        "limitation_events": events,
    }


@pytest.mark.parametrize(
    ("as_of", "events", "barred", "reported"),
    [
        # The advance of year 1 (20 000 €) is claimable from 15 November 2022, the last condition lifted: it
        # lapses on 1 January 2027 (loi n° 68-1250, art. 1er: four years from 1 January 2023).
        (dt.date(2026, 12, 31), (), 0, False),
        (dt.date(2027, 6, 1), (), 20_000, True),
        # Year 2's advance, 10 000 € on 1 July 2023, less the 2 000 € of the balance left after year 3's
        # advance is held whole, lapses on 1 January 2028.
        (dt.date(2028, 1, 1), (), 20_000 + 10_000 - (12_000 - 10_000), True),
        # A written claim in 2026 starts four years again from 1 January 2027 (art. 2).
        (dt.date(2027, 6, 1), (LimitationEvent(kind="written_claim", on="2026-03-01"),), 0, False),
        # The council's relief (art. 6) lifts the cut, the condition stays reported.
        (dt.date(2027, 6, 1), (LimitationEvent(kind="relief", on="2027-05-02"),), 0, True),
        # A relief covers the claims time-barred on its day: on 1 March 2027 year 1's 20 000, not year 2's
        # 8 000, which lapses on 1 January 2028 and stays withheld.
        (dt.date(2028, 6, 1), (LimitationEvent(kind="relief", on="2027-03-01"),), 10_000 - (12_000 - 10_000), True),
        # A relief on 1 January 2023, before anything lapsed, relieves nothing in 2030.
        (dt.date(2030, 1, 1), (LimitationEvent(kind="relief", on="2023-01-01"),), 20_000 + 8_000, True),
        # One on the day year 2's claim lapses covers it; the day before, only year 1's.
        (dt.date(2028, 6, 1), (LimitationEvent(kind="relief", on="2028-01-01"),), 0, True),
        (dt.date(2028, 6, 1), (LimitationEvent(kind="relief", on="2027-12-31"),), 8_000, True),
        # Two reliefs, each covering what was time-barred on its day: nothing withheld.
        (
            dt.date(2028, 6, 1),
            (LimitationEvent(kind="relief", on="2028-02-01"), LimitationEvent(kind="relief", on="2027-03-01")),
            0,
            True,
        ),
    ],
)
def test_the_four_year_limitation_cuts_the_payable_as_assess_does(
    as_of: dt.date, events: tuple[LimitationEvent, ...], barred: int, reported: bool
) -> None:
    case = limitation_case(as_of, events)
    result = run(ScenarioTable.from_cases([case]))
    (expected,) = assess_many([case])

    accrued = 3 * 20_000  # no contract: the three operating grants (C2)
    awaiting = 2 * (20_000 - 20_000 // 2)  # the rests of years 2 and 3 wait for the statements of years 1 and 2
    balance = accrued * 20 // 100
    assert int(result.scenario["time_barred"][0]) == barred * CENT
    assert int(result.payable[0]) == max(0, accrued - awaiting - balance - barred) * CENT
    assert (Condition.CLAIM_TIME_BARRED in result.unmet_conditions(0)) is reported
    assert_figures_equal(result, 0, expected)


def test_a_document_about_a_contract_the_case_lacks_is_refused_as_assess_many_refuses_it() -> None:
    stray = Document(kind="contract_copy", covers="X-1", received_on=dt.date(2022, 12, 1))
    case = {**limitation_case(dt.date(2023, 1, 1)), "documents": [stray]}

    with pytest.raises(InvalidInput) as columnar:
        ScenarioTable.from_cases([limitation_case(dt.date(2023, 1, 1)), case])
    with pytest.raises(InvalidInput) as scalar:
        assess_many([limitation_case(dt.date(2023, 1, 1)), case])

    assert columnar.value.path == scalar.value.path == "cases[1].documents[0].covers"
    assert columnar.value.message("fr") == scalar.value.message("fr")


def test_a_case_object_built_by_hand_with_a_stray_document_is_refused_by_its_path() -> None:
    from propulseur_rules.batch import Case

    stray = Document(kind="financial_statement", covers=4, received_on=dt.date(2024, 1, 1))  # C1: three years
    case = Case(TERMS, (), dt.date(2025, 1, 1), AUTHORISED, (), SIGNED, (stray,))

    with pytest.raises(InvalidInput) as refused:
        run(ScenarioTable([case._replace(documents=()), case]))

    assert refused.value.path == "cases[1].documents[0].covers"
