"""The columns of the financing convention (C3 « modalités », loi n° 68-1250) come from the table's columns.

``run`` reads the day of signature, the documents and the events of the limitation
from the columns a table holds, never from its cases: a table built from columns
is assessed without building a single case. The documents of cases built by hand
are checked once, when the table is built, not at every ``run``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from builders import contract, payment
from propulseur_rules import DIJON_2022, Document, FinancingTerms, InvalidInput, assess_many
from propulseur_rules.batch import Case, ScenarioTable, run
from propulseur_rules.batch._columns import columns_of_cases
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.rules import LimitationEvent
from propulseur_rules.rules._outcome import MONEY_FIGURES

CENT = 100
TERMS = DIJON_2022.replace(financing=FinancingTerms())
AUTHORISED = dt.date(2022, 10, 1)
SIGNED = dt.date(2022, 11, 15)


def example_awaiting_and_payable() -> tuple[int, int]:
    """The example's figures by 31 March 2025, in euros, worked out from the deliberation and the terms."""
    accrued = 3 * 20_000 + 7 * 15_000  # 3 operating grants, 7 funded contracts, each with its copy received (C2)
    awaiting = 20_000 - 20_000 // 2  # year 3's rest waits for year 2's financial statement, not received
    balance = accrued * 20 // 100  # the balance of 20 %
    paid = 50_000 + 60_000
    return awaiting, accrued - awaiting - balance - paid


def limitation_case(as_of: dt.date) -> Case:
    """No contract, a payment of 5 000 € in 2023, a written claim in 2026 and a relief in 2027."""
    return Case(
        convention=TERMS,
        contracts=(),
        as_of=as_of,
        regional_authorisation_on=AUTHORISED,
        payments=(payment("VIR-1", dt.date(2023, 3, 1), 5_000),),
        financing_signed_on=SIGNED,
        limitation_events=(
            LimitationEvent(kind="written_claim", on="2026-03-01"),
            LimitationEvent(kind="relief", on="2027-05-02"),
        ),
    )


def test_run_on_a_table_built_from_columns_never_builds_its_cases(monkeypatch: pytest.MonkeyPatch) -> None:
    example = ScenarioTable.from_cases([example_assessment_inputs()]).case(0)
    cases = [example, limitation_case(dt.date(2027, 6, 1)), limitation_case(dt.date(2030, 1, 1))]
    expected = run(ScenarioTable(cases))

    def refuse(table: ScenarioTable, scenario: int) -> Case:
        raise AssertionError(f"run built the case of scenario {scenario}")

    table = ScenarioTable(keys=range(3), columns=columns_of_cases(cases))
    monkeypatch.setattr(ScenarioTable, "_case_of", refuse)
    result = run(table)

    awaiting, payable = example_awaiting_and_payable()
    assert int(result.scenario["awaiting_documents"][0]) == awaiting * CENT
    assert int(result.payable[0]) == payable * CENT
    for name in MONEY_FIGURES:
        assert result.scenario[name].tolist() == expected.scenario[name].tolist(), name


def test_each_copy_of_a_repeated_table_finds_the_copies_of_its_own_contracts() -> None:
    result = run(ScenarioTable.from_cases([example_assessment_inputs()]).repeated(3))

    awaiting, payable = example_awaiting_and_payable()
    assert result.scenario["awaiting_documents"].tolist() == [awaiting * CENT] * 3
    assert result.payable.tolist() == [payable * CENT] * 3


def test_a_copy_not_received_holds_its_contracts_grant() -> None:
    inputs = example_assessment_inputs()
    documents = [each for each in inputs["documents"] if each.covers != "PRO-2024-10"]  # type: ignore[attr-defined]
    result = run(ScenarioTable.from_cases([{**inputs, "documents": documents}]))

    awaiting, _ = example_awaiting_and_payable()
    # PRO-2024-10, funded, releases its 15 000 € only with its copy (C3 « modalités »).
    assert int(result.scenario["awaiting_documents"][0]) == (awaiting + 15_000) * CENT


@pytest.mark.parametrize(
    ("document", "path"),
    [
        # C1: three programme years, no fourth.
        (Document(kind="financial_statement", covers=4, received_on="2024-01-01"), "cases[1].documents[0].covers"),
        # A copy of a contract of the other case.
        (Document(kind="contract_copy", covers="A-1", received_on="2023-01-01"), "cases[1].documents[0].covers"),
        # Received before the financing convention was signed, on 15 November 2022.
        (Document(kind="final_report", received_on="2022-11-14"), "cases[1].documents[0].received_on"),
    ],
)
def test_a_stray_document_of_a_case_built_by_hand_is_refused_when_the_table_is_built(
    document: Document, path: str
) -> None:
    first = Case(TERMS, (contract("A-1", dt.date(2022, 9, 1)),), dt.date(2025, 1, 1), AUTHORISED, (), SIGNED)
    stray = Case(TERMS, (), dt.date(2025, 1, 1), AUTHORISED, (), SIGNED, (document,))

    with pytest.raises(InvalidInput) as refused:
        ScenarioTable([first, stray])
    with pytest.raises(InvalidInput) as scalar:
        assess_many([first._asdict(), stray._asdict()])

    assert refused.value.path == scalar.value.path == path
    assert refused.value.message("fr") == scalar.value.message("fr")


def test_a_sweep_over_as_of_reads_the_documents_and_events_by_the_day_of_its_column() -> None:
    inputs = example_assessment_inputs()
    table = ScenarioTable.from_cases([inputs]).repeated(2)
    earlier = dt.date(2023, 11, 30)  # before year 1's financial statement came in, on 8 December 2023
    table.as_of = np.array([table.as_of[0], (earlier - dt.date(1970, 1, 1)).days], dtype=np.int64)
    result = run(table)

    # By then year 2's operating grant beyond its advance of 50 % waits for year 1's financial statement (C3).
    assert int(result.scenario["awaiting_documents"][1]) == (20_000 - 20_000 // 2) * CENT
    (expected,) = assess_many([{**inputs, "as_of": earlier}])
    for name in MONEY_FIGURES:
        assert int(result.scenario[name][1]) == int(getattr(expected, name) * CENT), name
    awaiting, _ = example_awaiting_and_payable()
    assert int(result.scenario["awaiting_documents"][0]) == awaiting * CENT
