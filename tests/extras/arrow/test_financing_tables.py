"""Tables of scenarios carry the facts of the financing convention (C3 « modalités », loi n° 68-1250).

The scenarios frame may give ``financing_signed_on``; a ``documents`` table and a
``limitation_events`` table, keyed by ``scenario``, give the documents received and
the events of the limitation. A table built from frames, Arrow or Parquet holds the
same columns as the table of the same cases (``from_cases``), and gives the same
figures as :func:`assess`. A document the rules refuse is refused with the words and
path of the value objects, naming the row of its table.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from columnar_strategies import contract_row
from propulseur_rules import DIJON_2022, Contract, Document, FinancingTerms, InvalidInput, Sector, Startup, assess
from propulseur_rules.batch import CONTRACT_COLUMNS, ScenarioTable, run
from propulseur_rules.rules import LimitationEvent
from strategies import DAY, FinancedCase, financed_cases, limitation_events

CENT = 100
TERMS = DIJON_2022.replace(financing=FinancingTerms())
AUTHORISED = dt.date(2022, 10, 1)
SIGNED = dt.date(2022, 11, 15)


def one_contract(reference: str, signed_on: dt.date) -> Contract:
    startup = Startup(name=f"Startup {reference}", head_office="21231", sector=Sector.INDUSTRY)
    return Contract(reference=reference, startup=startup, signed_on=signed_on)


@st.composite
def financed_tables(draw: st.DrawFn) -> list[tuple[FinancedCase, tuple[LimitationEvent, ...]]]:
    """One to three financed cases under one convention (a table's ``base``), with events of the limitation."""
    drawn = draw(st.lists(financed_cases(), min_size=1, max_size=3))
    convention = drawn[0].case.convention
    years = len(convention.programme_years)
    batch = []
    for financed in drawn:
        documents = tuple(
            document
            for document in financed.documents
            if not (isinstance(document.covers, int) and document.covers > years)
        )
        case = replace(financed.case, convention=convention)
        events = draw(limitation_events(min(convention.period.start, case.as_of), case.as_of + 30 * DAY, max_size=2))
        batch.append((replace(financed, case=case, documents=documents), events))
    return batch


def frames(
    batch: list[tuple[FinancedCase, tuple[LimitationEvent, ...]]], *, covers_as_text: bool
) -> dict[str, pd.DataFrame]:
    """The frames of the batch, scenario ``k`` the ``k``-th case; ``covers`` as texts (a year as ``"2"``)
    or as :class:`Document` holds it (a reference or a year number, a column Arrow cannot type)."""

    def covered(document: Document) -> object:
        return str(document.covers) if covers_as_text and document.covers is not None else document.covers

    return {
        "scenarios": pd.DataFrame(
            {
                "scenario": list(range(len(batch))),
                "as_of": [financed.case.as_of for financed, _ in batch],
                "regional_authorisation_on": [financed.case.regional_authorisation_on for financed, _ in batch],
                "financing_signed_on": [financed.financing_signed_on for financed, _ in batch],
            }
        ),
        "contracts": pd.DataFrame(
            [
                contract_row(key, signed, siren=signed.startup.siren)
                for key, (financed, _) in enumerate(batch)
                for signed in financed.case.contracts
            ],
            columns=list(CONTRACT_COLUMNS),
        ),
        "payments": pd.DataFrame(
            [
                {"scenario": key, "reference": paid.reference, "paid_on": paid.paid_on, "amount": paid.amount}
                for key, (financed, _) in enumerate(batch)
                for paid in financed.case.payments
            ],
            columns=["scenario", "reference", "paid_on", "amount"],
        ),
        "documents": pd.DataFrame(
            [
                {"scenario": key, "kind": document.kind.value, "covers": covered(document), "received_on": day}
                for key, (financed, _) in enumerate(batch)
                for document, day in ((each, each.received_on) for each in financed.documents)
            ],
            columns=["scenario", "kind", "covers", "received_on"],
        ),
        "limitation_events": pd.DataFrame(
            [
                {"scenario": key, "kind": event.kind.value, "on": event.on}
                for key, (_, events) in enumerate(batch)
                for event in events
            ],
            columns=["scenario", "kind", "on"],
        ),
    }


def same_partition(left: np.ndarray, right: np.ndarray) -> bool:
    """Whether two columns of ids group the rows alike (the ids themselves are labels)."""
    return bool(np.array_equal(left[:, None] == left[None, :], right[:, None] == right[None, :]))


def assert_same_columns(built: ScenarioTable, expected: ScenarioTable) -> None:
    """Every column of the two tables equal: values, dtypes and shapes; ids of names as a grouping."""
    assert built.keys == expected.keys
    names = {name for name, value in vars(expected).items() if isinstance(value, np.ndarray)}
    assert names == {name for name, value in vars(built).items() if isinstance(value, np.ndarray)}
    assert {"financing_signed_on", "document_covers", "event_on"} <= names
    for name in sorted(names):
        left, right = getattr(built, name), getattr(expected, name)
        if name == "name_id":
            assert same_partition(left, right), name
        else:
            assert left.dtype == right.dtype, name
            assert left.shape == right.shape, name
            assert left.tolist() == right.tolist(), name


@settings(max_examples=25)
@given(batch=financed_tables(), covers_as_text=st.booleans())
def test_a_table_from_frames_is_the_table_of_the_same_cases(
    batch: list[tuple[FinancedCase, tuple[LimitationEvent, ...]]], covers_as_text: bool
) -> None:
    cases = [financed.case_mapping(events) for financed, events in batch]
    expected = ScenarioTable.from_cases(cases)
    given_frames = frames(batch, covers_as_text=covers_as_text)
    # A table without rows is left out: Arrow types its columns as nulls, which the array path does not read.
    scenarios, contracts, payments = (
        None if given_frames[name].empty else given_frames[name] for name in ("scenarios", "contracts", "payments")
    )
    facts = {name: given_frames[name] for name in ("documents", "limitation_events")}
    base = batch[0][0].case.convention
    built = ScenarioTable.from_frames(scenarios, contracts, payments, base=base, **facts)
    assert_same_columns(built, expected)
    result = run(built)
    for index, arguments in enumerate(cases):
        assessed = assess(**arguments)
        for name in ("accrued", "releasable", "paid", "payable", "awaiting_documents", "balance_held", "time_barred"):
            assert int(result.scenario[name][index]) == int(getattr(assessed, name) * CENT), name
        assert result.assessment(index) == assessed
    if covers_as_text:  # a column of texts: Arrow holds it, and the table is the same
        arrow = {name: pa.Table.from_pandas(frame, preserve_index=False) for name, frame in given_frames.items()}
        facts = {name: arrow[name] for name in ("documents", "limitation_events")}
        contracts, payments = (None if arrow[name].num_rows == 0 else arrow[name] for name in ("contracts", "payments"))
        from_arrow = ScenarioTable.from_arrow(arrow["scenarios"], contracts, payments, base=base, **facts)
        assert_same_columns(from_arrow, expected)


# --- hand-worked: one contract under the assumed terms (an advance of 50 %, a balance of 20 %) ----------


def hand_frames(*, copy_received: bool) -> dict[str, pd.DataFrame]:
    """Scenario ``x`` on 31 January 2023: one contract signed on 1 November 2022, the financing convention
    signed on 15 November 2022, the copy of the contract received on 20 November 2022 or not."""
    signed = one_contract("PRO-01", dt.date(2022, 11, 1))
    signed = Contract(
        reference=signed.reference,
        startup=signed.startup,
        applied_on=dt.date(2022, 9, 1),
        selected_on=dt.date(2022, 10, 1),
        signed_on=signed.signed_on,
    )
    documents = [{"scenario": "x", "kind": "contract_copy", "covers": "PRO-01", "received_on": dt.date(2022, 11, 20)}]
    return {
        "scenarios": pd.DataFrame(
            {
                "scenario": ["x"],
                "as_of": [dt.date(2023, 1, 31)],
                "regional_authorisation_on": [AUTHORISED],
                "financing_signed_on": [SIGNED],
            }
        ),
        "contracts": pd.DataFrame([contract_row("x", signed)]),
        "documents": pd.DataFrame(documents if copy_received else documents[:0], columns=list(documents[0])),
        "limitation_events": pd.DataFrame([{"scenario": "x", "kind": "written_claim", "on": dt.date(2023, 1, 10)}]),
    }


def from_tables(source: str, tables: dict[str, pd.DataFrame], tmp_path: Any = None) -> ScenarioTable:
    facts = {name: tables[name] for name in ("documents", "limitation_events") if name in tables}
    if source == "frames":
        return ScenarioTable.from_frames(tables["scenarios"], tables.get("contracts"), base=TERMS, **facts)
    arrow = {name: pa.Table.from_pandas(frame, preserve_index=False) for name, frame in tables.items()}
    facts = {name: arrow[name] for name in facts}
    if source == "arrow":
        return ScenarioTable.from_arrow(arrow["scenarios"], arrow.get("contracts"), base=TERMS, **facts)
    paths = {}
    for name, table in arrow.items():
        paths[name] = tmp_path / f"{name}.parquet"
        pq.write_table(table, paths[name])
    facts = {name: paths[name] for name in facts}
    return ScenarioTable.from_parquet(paths["scenarios"], paths.get("contracts"), base=TERMS, **facts)


@pytest.mark.parametrize("source", ["frames", "arrow", "parquet"])
@pytest.mark.parametrize("copy_received", [True, False])
def test_the_documents_of_a_table_release_their_money(
    source: str, copy_received: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    def row_by_row(*_: object, **__: object) -> None:
        raise AssertionError("read row by row")

    monkeypatch.setattr(sys.modules["propulseur_rules.batch._table"], "cases_from_arrow", row_by_row)
    monkeypatch.setattr(sys.modules["propulseur_rules.batch._table"], "cases_from_frames", row_by_row)

    result = run(from_tables(source, hand_frames(copy_received=copy_received), tmp_path))

    # Earned by 31 January 2023 (C2): year 1's operating grant, 20 000 €, and the contract's 15 000 €.
    accrued = 20_000 + 15_000
    # The copy of the contract releases its 15 000 € (C3 « modalités »); year 1's grant waits for nothing.
    awaiting = 0 if copy_received else 15_000
    # The balance, a fifth of what is releasable, is held short of nine contracts: 35 000 × 20 % = 7 000 €.
    balance = min(accrued * 20 // 100, accrued - awaiting)
    assert result.accrued.tolist() == [accrued * CENT]
    assert result.scenario["awaiting_documents"].tolist() == [awaiting * CENT]
    assert result.scenario["balance_held"].tolist() == [balance * CENT]
    assert result.payable.tolist() == [(accrued - awaiting - balance) * CENT]  # 28 000 € or 13 000 €
    case = result.table.case(0)
    assert case.financing_signed_on == SIGNED
    assert [event.on for event in case.limitation_events] == [dt.date(2023, 1, 10)]
    arguments = case._asdict()
    assert arguments.pop("convention") == TERMS
    assert result.assessment(0) == assess(TERMS, **arguments)


def two_scenarios() -> dict[str, pd.DataFrame]:
    """Scenarios ``x`` (contract PRO-01) and ``y`` (contract PRO-02), the financing convention of ``y`` signed on
    15 November 2022, a copy and a financial statement received by each."""
    rows = [
        contract_row(key, one_contract(reference, dt.date(2022, 11, 1)))
        for key, reference in (("x", "PRO-01"), ("y", "PRO-02"))
    ]
    return {
        "scenarios": pd.DataFrame(
            {
                "scenario": ["x", "y"],
                "as_of": [dt.date(2024, 1, 31)] * 2,
                "regional_authorisation_on": [AUTHORISED] * 2,
                "financing_signed_on": [None, SIGNED],
            }
        ),
        "contracts": pd.DataFrame(rows),
        "documents": pd.DataFrame(
            {
                "scenario": ["x", "y", "x", "y"],
                "kind": ["contract_copy", "contract_copy", "financial_statement", "final_report"],
                "covers": ["PRO-01", "PRO-02", "1", None],
                "received_on": [
                    dt.date(2022, 11, 20),
                    dt.date(2022, 11, 20),
                    dt.date(2023, 12, 1),
                    dt.date(2024, 1, 5),
                ],
            }
        ),
        "limitation_events": pd.DataFrame({"scenario": ["y"], "kind": ["relief"], "on": [dt.date(2024, 1, 2)]}),
    }


#: Each rule a document or an event must pass, the cell changed to break it, and the refusal.
BROKEN = [
    # A copy covers a contract of its own scenario: PRO-02 is the contract of scenario y, not x.
    ("documents", 0, "covers", "PRO-02", "documents[0].covers: 'PRO-02' is not a contract of this convention"),
    ("documents", 0, "covers", "PRO-99", "documents[0].covers: 'PRO-99' is not a contract of this convention"),
    # The conventions have three programme years (1 July 2022 – 30 June 2025).
    ("documents", 2, "covers", "4", "documents[2].covers: the convention has no programme year 4; it has 3"),
    ("documents", 2, "covers", "0", "documents[2].covers: "),
    (
        "documents",
        1,
        "received_on",
        dt.date(2022, 11, 14),
        "documents[1].received_on: 2022-11-14 is before the financing convention was signed, 2022-11-15",
    ),
    ("documents", 3, "covers", "PRO-02", "documents[3].covers: the final report covers the whole convention, not "),
    ("documents", 1, "kind", "letter", "documents[1].kind: 'letter' is not a kind of document"),
    ("documents", 1, "scenario", "z", "documents[1].scenario: 'z' is not a scenario of the scenarios table"),
    ("limitation_events", 0, "kind", "pardon", "limitation_events[0].kind: 'pardon' is not an event of the limitation"),
    ("scenarios", 0, "financing_signed_on", "someday", "scenarios[0].financing_signed_on: "),
]


def test_two_scenarios_keep_their_own_facts() -> None:
    table = from_tables("arrow", two_scenarios())
    x, y = table.case(0), table.case(1)
    assert (x.financing_signed_on, y.financing_signed_on) == (None, SIGNED)
    assert [(str(d.kind), d.covers) for d in x.documents] == [("contract_copy", "PRO-01"), ("financial_statement", 1)]
    assert [(str(d.kind), d.covers) for d in y.documents] == [("contract_copy", "PRO-02"), ("final_report", None)]
    assert [str(event.kind) for event in y.limitation_events] == ["relief"]
    assert not x.limitation_events
    repeated = table.repeated(2)
    assert [repeated.case(number) for number in range(4)] == [x, y, x, y]


@pytest.mark.parametrize(
    ("source", "table", "row", "column", "value", "refusal"),
    # Arrow cannot hold a text in a column of dates: that cell is for frames only.
    [("frames", *broken) for broken in BROKEN] + [("arrow", *broken) for broken in BROKEN if broken[0] != "scenarios"],
)
def test_a_fact_the_rules_refuse_is_named_by_its_row(
    source: str, table: str, row: int, column: str, value: object, refusal: str
) -> None:
    tables = two_scenarios()
    changed = tables[table].astype({column: object})
    changed.loc[row, column] = value
    tables[table] = changed

    with pytest.raises(InvalidInput) as raised:
        from_tables(source, tables)

    assert str(raised.value).startswith(refusal)
