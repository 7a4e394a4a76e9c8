"""The planning tools under the financing convention's terms (C3 « modalités »).

The schedule's new events (the financing convention signed, documents received and
due, the balance, the four-year limitation), the payment forecast that assumes each
missing document comes in on its due date, the records for analysts, and the
columnar engine's refusal of terms it does not model. Every expected figure is worked
out from the assumed terms of ``FinancingTerms()``: half of a year's operating grant
is an advance, the rest waits for the previous year's financial statement (due six
months after the year), a contract's grant waits for its copy (due a month after
signature), and a fifth of what is releasable is the balance, held until the target
is met and the final report is in.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import DIJON_2022, contract, euros, payment
from propulseur_rules import (
    Clause,
    Document,
    DocumentKind,
    EventKind,
    FinancingTerms,
    InvalidInput,
    assess,
    assess_many,
)
from propulseur_rules.example._example import EXAMPLE_DOCUMENTS, example_assessment_inputs
from propulseur_rules.planning import (
    budget_years,
    json_ready,
    payable_by_budget_year,
    payment_forecast,
    records,
    render_schedule,
    schedule,
    schedule_to_dict,
)
from propulseur_rules.rules._legal import CONVENTION_REQUIRED, FINANCIAL_STATEMENT_DEADLINE, FOUR_YEAR_LIMITATION

#: One contract is the target here, and no vote to wait for: the balance can be released.
TERMS = DIJON_2022.replace(financing=FinancingTerms(), deliberation=None, required_contracts=1)
AUTHORISED_ON = dt.date(2022, 7, 1)
SIGNED_ON = dt.date(2022, 8, 1)
ALPHA = contract("ALPHA", dt.date(2022, 9, 15))
DOCUMENTS = (
    Document(kind="contract_copy", received_on=dt.date(2022, 10, 1), covers="ALPHA"),
    Document(kind="final_report", received_on=dt.date(2025, 9, 1)),
)


def small_case(**changes: Any) -> dict[str, Any]:
    return {
        "convention": TERMS,
        "contracts": [ALPHA],
        "regional_authorisation_on": AUTHORISED_ON,
        "financing_signed_on": SIGNED_ON,
        "documents": DOCUMENTS,
        **changes,
    }


def test_the_schedule_follows_the_signature_the_documents_the_balance_and_the_limitation() -> None:
    events = schedule(**small_case())

    got = [(e.on, e.kind, e.amount, e.accrued, e.releasable, e.released) for e in events]
    assert got == [
        # Year 1 opens: 20 000 accrue, withheld until the financing convention is signed; the
        # authorisation of the same day lifts C4 but releases nothing while it is not.
        (dt.date(2022, 7, 1), EventKind.YEAR_OPENS, euros(20_000), euros(20_000), euros(0), euros(0)),
        (dt.date(2022, 7, 1), EventKind.AUTHORISATION_VALIDATED, euros(0), euros(20_000), euros(0), euros(0)),
        # Signed: 20 000 releasable; year 1 waits for no statement; balance 20 % × 20 000 = 4 000.
        (SIGNED_ON, EventKind.FINANCING_SIGNED, euros(20_000), euros(20_000), euros(20_000), euros(20_000 - 4_000)),
        # ALPHA: 15 000 wait for its copy; balance 20 % × 35 000 = 7 000: 35 000 − 15 000 − 7 000.
        (
            dt.date(2022, 9, 15),
            EventKind.CONTRACT_SIGNED,
            euros(15_000),
            euros(35_000),
            euros(35_000),
            euros(35_000 - 15_000 - 7_000),
        ),
        # The copy releases the 15 000 that waited for it.
        (dt.date(2022, 10, 1), EventKind.DOCUMENT_RECEIVED, euros(15_000), euros(35_000), euros(35_000), euros(28_000)),
        # Year 2: advance 10 000, the other 10 000 wait for year 1's statement; balance 20 % × 55 000.
        (
            dt.date(2023, 7, 1),
            EventKind.YEAR_OPENS,
            euros(20_000),
            euros(55_000),
            euros(55_000),
            euros(55_000 - 10_000 - 11_000),
        ),
        # Year 1 ends 30 June 2023: its statement is due six months later, and 10 000 still wait for it.
        (dt.date(2023, 12, 31), EventKind.DOCUMENT_DUE, euros(10_000), euros(55_000), euros(55_000), euros(34_000)),
        # Year 3: 10 000 more wait, for year 2's statement; balance 20 % × 75 000 = 15 000.
        (
            dt.date(2024, 7, 1),
            EventKind.YEAR_OPENS,
            euros(20_000),
            euros(75_000),
            euros(75_000),
            euros(75_000 - 20_000 - 15_000),
        ),
        (dt.date(2024, 12, 31), EventKind.DOCUMENT_DUE, euros(10_000), euros(75_000), euros(75_000), euros(40_000)),
        # The final report, the target met since ALPHA: the balance of 15 000 is released.
        (dt.date(2025, 9, 1), EventKind.DOCUMENT_RECEIVED, euros(15_000), euros(75_000), euros(75_000), euros(55_000)),
        # Year 3's statement is due too; nothing waits for it (there is no year 4).
        (dt.date(2025, 12, 31), EventKind.DOCUMENT_DUE, euros(0), euros(75_000), euros(75_000), euros(55_000)),
        # Nothing was paid. Claims, oldest first: year 1's 20 000 (from the signature, 1 August 2022) and
        # ALPHA's 15 000 (its copy, 1 October 2022); year 2's advance of 10 000 less the part of the
        # balance taken from it (the balance comes from the latest: year 3's 10 000, then 5 000 of year 2);
        # the balance itself arose on its release in 2025. Each lapses on 1 January of the fifth year after.
        (
            dt.date(2027, 1, 1),
            EventKind.CLAIM_TIME_BARRED,
            euros(20_000 + 15_000),
            euros(75_000),
            euros(75_000),
            euros(55_000),
        ),
        (
            dt.date(2028, 1, 1),
            EventKind.CLAIM_TIME_BARRED,
            euros(10_000 - 5_000),
            euros(75_000),
            euros(75_000),
            euros(55_000),
        ),
        (
            dt.date(2030, 1, 1),
            EventKind.CLAIM_TIME_BARRED,
            euros(15_000),
            euros(75_000),
            euros(75_000),
            euros(55_000),
        ),
    ]


def test_each_event_of_the_terms_cites_clause_c3_its_document_and_its_law() -> None:
    events = {(e.on, e.kind): e for e in schedule(**small_case())}

    signed = events[SIGNED_ON, EventKind.FINANCING_SIGNED]
    copy = events[dt.date(2022, 10, 1), EventKind.DOCUMENT_RECEIVED]
    statement = events[dt.date(2023, 12, 31), EventKind.DOCUMENT_DUE]
    lapsed = events[dt.date(2027, 1, 1), EventKind.CLAIM_TIME_BARRED]
    assert (signed.clause, signed.basis) == (Clause.C3, CONVENTION_REQUIRED)
    assert (copy.clause, copy.document, copy.contract, copy.basis) == (
        Clause.C3,
        DocumentKind.CONTRACT_COPY,
        "ALPHA",
        None,
    )
    assert (statement.document, statement.programme_year, statement.basis) == (
        DocumentKind.FINANCIAL_STATEMENT,
        1,
        FINANCIAL_STATEMENT_DEADLINE,
    )
    assert (lapsed.clause, lapsed.basis) == (Clause.C3, FOUR_YEAR_LIMITATION)


def test_the_balance_is_released_by_the_contract_that_meets_the_target_after_the_final_report() -> None:
    # The final report comes in on 1 February 2025, before the only contract, signed on 1 March 2025.
    late = contract("LATE", dt.date(2025, 3, 1))
    documents = (Document(kind="final_report", received_on=dt.date(2025, 2, 1)),)
    events = schedule(**small_case(contracts=[late], documents=documents))

    by_day = [(e.kind, e.amount, e.released) for e in events if e.on == dt.date(2025, 3, 1)]
    # Before: 60 000 of operating grants, 20 000 waiting for statements 1 and 2, balance 20 % × 60 000 =
    # 12 000: 28 000. LATE brings 15 000 that wait for its copy, and meets the target: the balance is no
    # longer held, 75 000 − 20 000 − 15 000 = 40 000, so the day releases 40 000 − 28 000 = 12 000.
    assert by_day == [
        (EventKind.CONTRACT_SIGNED, euros(15_000), euros(28_000)),
        (EventKind.BALANCE_RELEASED, euros(12_000), euros(40_000)),
    ]


def test_after_the_last_event_of_a_day_the_running_totals_are_those_of_assess() -> None:
    case = small_case()
    events = schedule(**case)

    for day in sorted({e.on for e in events}):
        last = [e for e in events if e.on == day][-1]
        assessment = assess(as_of=day, **case)
        released = assessment.releasable - assessment.awaiting_documents - assessment.balance_held
        assert (last.accrued, last.releasable, last.released) == (
            assessment.accrued,
            assessment.releasable,
            released,
        )


DOCUMENT_DAYS = st.dates(min_value=dt.date(2022, 7, 1), max_value=dt.date(2026, 6, 30))


@given(
    signed_on=DOCUMENT_DAYS,
    delays=st.lists(st.integers(min_value=0, max_value=900), min_size=4, max_size=4),
    paid=st.integers(min_value=0, max_value=80_000),
)
def test_with_terms_each_day_of_the_schedule_ends_on_the_figures_of_assess(
    signed_on: dt.date, delays: list[int], paid: int
) -> None:
    # Documents drawn after the signature, so that every one is valid by construction.
    day = dt.timedelta(days=1)
    documents = [
        Document(kind="contract_copy", received_on=signed_on + delays[0] * day, covers="ALPHA"),
        Document(kind="financial_statement", received_on=signed_on + delays[1] * day, covers=1),
        Document(kind="financial_statement", received_on=signed_on + delays[2] * day, covers=2),
        Document(kind="final_report", received_on=signed_on + delays[3] * day),
    ]
    case = small_case(
        financing_signed_on=signed_on,
        documents=documents,
        payments=[payment("P-1", dt.date(2024, 1, 15), paid)] if paid else [],
    )

    events = schedule(**case)

    for on in sorted({event.on for event in events}):
        last = [event for event in events if event.on == on][-1]
        assessment = assess(as_of=on, **case)
        released = assessment.releasable - assessment.awaiting_documents - assessment.balance_held
        assert (last.accrued, last.releasable, last.released) == (
            assessment.accrued,
            assessment.releasable,
            released,
        )
    received = [event for event in events if event.kind is EventKind.DOCUMENT_RECEIVED]
    assert len(received) == len(documents)


@given(
    signed_on=st.none() | DOCUMENT_DAYS,
    copy_on=DOCUMENT_DAYS,
    statement_on=DOCUMENT_DAYS,
    paid=st.integers(min_value=0, max_value=100_000),
)
def test_without_terms_documents_change_no_event_and_the_signature_withholds_until_signed(
    signed_on: dt.date | None, copy_on: dt.date, statement_on: dt.date, paid: int
) -> None:
    convention = TERMS.replace(financing=None)
    payments = [payment("P-1", dt.date(2023, 3, 1), paid)] if paid else []
    documents = [
        Document(kind="contract_copy", received_on=copy_on, covers="ALPHA"),
        Document(kind="financial_statement", received_on=statement_on, covers=1),
    ]
    if signed_on is not None:
        documents = [document for document in documents if document.received_on >= signed_on]
    case: dict[str, Any] = {"regional_authorisation_on": AUTHORISED_ON, "payments": payments}
    plain = schedule(convention, [ALPHA], **case)

    with_documents = schedule(convention, [ALPHA], documents=documents, **case)
    signed = schedule(convention, [ALPHA], financing_signed_on=signed_on, documents=documents, **case)

    assert with_documents == plain
    assert all(e.kind.accrues or e.kind.releases for e in plain)
    assert all(e.released is None and e.document is None and e.basis is None for e in plain)
    # 195 000 € over 3 years is above 23 000 € a year: the signature is the law (loi n° 2000-321, art. 10),
    # terms or not. Nothing is releasable before it; each day's last event is what assess says of that day.
    for on in sorted({event.on for event in signed}):
        last = [event for event in signed if event.on == on][-1]
        assessment = assess(convention, [ALPHA], as_of=on, financing_signed_on=signed_on, **case)
        assert (last.accrued, last.releasable) == (assessment.accrued, assessment.releasable)
        if signed_on is not None and on < signed_on:
            assert last.releasable == euros(0)


def test_without_terms_the_schedule_s_data_and_records_keep_the_first_release_s_fields() -> None:
    convention = TERMS.replace(financing=None)
    events = schedule(convention, [ALPHA], regional_authorisation_on=AUTHORISED_ON)

    fields = ["on", "kind", "clause", "amount", "accrued", "releasable", "programme_year", "contract"]
    assert list(records(events)[0]) == fields
    assert list(schedule_to_dict(convention, events)["events"][0]) == [*fields, "label"]
    assert all(list(row) == fields for row in json_ready(events))  # type: ignore[union-attr]
    with_terms = json_ready(schedule(**small_case()))
    assert all(list(row) == [*fields, "released", "document", "basis"] for row in with_terms)  # type: ignore[union-attr]


def test_the_schedule_s_data_and_table_name_the_documents_in_both_languages() -> None:
    events = schedule(**small_case())

    data = schedule_to_dict(TERMS, events)["events"]
    copy = next(event for event in data if event["kind"] == "document_received")
    assert (copy["amount"], copy["released"], copy["document"], copy["contract"]) == (
        "15000.00",
        "28000.00",
        "contract_copy",
        "ALPHA",
    )
    assert copy["label"] == {
        "en": "Received: copy of the signed accompaniment contract, contract ALPHA",
        "fr": "Reçu : copie du contrat d'accompagnement signé, contrat ALPHA",
    }
    french = render_schedule(TERMS, events, "fr")
    assert "Date limite d'envoi : rapport d'activité annuel et compte rendu financier, année de programme 1" in french
    assert "Créance impayée atteinte par la prescription quadriennale" in french
    assert "loi n° 68-1250 du 31 décembre 1968, art. 1er" in french
    assert "Versable hors pièces et solde" in french
    assert "Payable before payments" in render_schedule(TERMS, events, "en", markdown=True)


# --- the payment forecast of the built-in example ----------------------------------------


def test_the_forecast_of_the_example_assumes_each_missing_document_on_its_due_date() -> None:
    rows = payment_forecast(**example_assessment_inputs())

    got = [(row.on, row.released, row.change, row.payable, [d.key for d in row.assumed]) for row in rows]
    # 31 March 2025: 165 000 accrued, 10 000 wait for year 2's statement, balance 20 % × 165 000 = 33 000,
    # 110 000 paid: 12 000 payable, as assess says.
    today = 165_000 - 10_000 - 33_000
    assert got == [
        (dt.date(2025, 3, 31), euros(today), euros(today), euros(today - 110_000), []),
        # Year 2's statement was due on 31 December 2024, before the forecast: it cannot come in on that
        # day any more, so it is assumed the day after the forecast's date, and releases its 10 000.
        (
            dt.date(2025, 4, 1),
            euros(today + 10_000),
            euros(10_000),
            euros(today + 10_000 - 110_000),
            [(DocumentKind.FINANCIAL_STATEMENT, 2)],
        ),
        # The planned PRO-2025-13 (20 May): 15 000 wait for its copy, the balance grows by 20 % × 15 000.
        (dt.date(2025, 5, 20), euros(today + 10_000 - 3_000), euros(-3_000), euros(19_000), []),
        # Its copy, due a month after signature, releases the 15 000.
        (
            dt.date(2025, 6, 20),
            euros(144_000),
            euros(15_000),
            euros(144_000 - 110_000),
            [(DocumentKind.CONTRACT_COPY, "PRO-2025-13")],
        ),
        # 31 December 2025: year 3's statement and the final report, due six months after 30 June 2025; with
        # nine eligible contracts the balance of 20 % × 180 000 = 36 000 is released.
        (
            dt.date(2025, 12, 31),
            euros(180_000),
            euros(36_000),
            euros(180_000 - 110_000),
            [(DocumentKind.FINANCIAL_STATEMENT, 3), (DocumentKind.FINAL_REPORT, None)],
        ),
    ]


def test_documents_a_month_late_move_the_payments_a_month_later() -> None:
    rows = payment_forecast(**example_assessment_inputs(), days_late=31)

    # The overdue statement still comes the day after the forecast's date (31 December 2024 + 31 days is
    # 31 January 2025, before it); the copy on 20 June + 31 days; the final report on 31 January 2026.
    assert [(row.on, row.change) for row in rows[1:]] == [
        (dt.date(2025, 4, 1), euros(10_000)),
        (dt.date(2025, 5, 20), euros(-3_000)),
        (dt.date(2025, 7, 21), euros(15_000)),
        (dt.date(2026, 1, 31), euros(36_000)),
    ]
    assert payable_by_budget_year(rows) == {2025: euros(122_000 + 10_000 - 3_000 + 15_000), 2026: euros(36_000)}
    assert sum(payable_by_budget_year(rows).values()) == rows[-1].released == euros(180_000)


def test_the_forecast_keeps_the_documents_received_and_never_assumes_them_twice() -> None:
    inputs = example_assessment_inputs()
    statement = Document(kind="financial_statement", received_on=dt.date(2025, 3, 20), covers=2)

    rows = payment_forecast(**{**inputs, "documents": (*EXAMPLE_DOCUMENTS, statement)})

    # Received on 20 March 2025, the statement already releases its 10 000 on the forecast's date.
    assert rows[0].released == euros(165_000 - 33_000)
    assert all((DocumentKind.FINANCIAL_STATEMENT, 2) not in [d.key for d in row.assumed] for row in rows)


@pytest.mark.parametrize("days_late", [-1, 1.5, True, 10_000])
def test_a_delay_that_is_not_a_number_of_days_is_invalid_input(days_late: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        payment_forecast(**example_assessment_inputs(), days_late=days_late)  # type: ignore[arg-type]

    assert raised.value.path == "days_late"


def test_budget_years_still_add_up_to_the_totals_with_documents_awaited() -> None:
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    rows = budget_years(assessment)

    assert sum(row.accrued for row in rows) == assessment.accrued == euros(165_000)
    assert sum(row.releasable for row in rows) == assessment.releasable == euros(165_000)
    assert sum(row.paid for row in rows) == assessment.paid == euros(110_000)


# --- records for analysts -------------------------------------------------------------------


def test_records_by_deadline_list_the_documents_and_the_limitation() -> None:
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    rows = [row for row in records(assessment, by="deadline") if row["received_on"] is None]

    assert [(row["kind"], row["covers"], row["due_on"], row["amount"], row["overdue"]) for row in rows] == [
        ("financial_statement", "2", dt.date(2024, 12, 31), euros(10_000), True),
        ("financial_statement", "3", dt.date(2025, 12, 31), euros(0), False),
        ("final_report", None, dt.date(2025, 12, 31), euros(33_000), False),
        # Claims: 122 000 may be paid, 110 000 paid; the 12 000 left arose in 2024, lapse after 2028.
        ("limitation", None, dt.date(2028, 12, 31), euros(122_000 - 110_000), False),
    ]
    assert rows[0]["basis"] == FINANCIAL_STATEMENT_DEADLINE.key
    assert rows[-1]["basis"] == FOUR_YEAR_LIMITATION.key


def test_records_by_contract_and_year_show_the_document_each_waits_for() -> None:
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    contracts = {row["reference"]: row for row in records(assessment)}
    years = records(assessment, by="programme_year")

    assert (contracts["PRO-2025-12"]["copy_due_on"], contracts["PRO-2025-12"]["copy_received_on"]) == (
        dt.date(2025, 3, 3),  # signed 3 February 2025, plus a month
        dt.date(2025, 2, 20),
    )
    assert contracts["PRO-2023-05"]["copy_due_on"] is None  # Beaune: not funded, no copy needed
    assert [(row["statement_due_on"], row["awaiting_statement"]) for row in years] == [
        (dt.date(2023, 12, 31), euros(0)),
        (dt.date(2024, 12, 31), euros(20_000 // 2)),
        (dt.date(2025, 12, 31), euros(0)),
    ]


def test_without_terms_records_have_no_document_columns_and_no_deadlines() -> None:
    assessment = assess(TERMS.replace(financing=None), [ALPHA], as_of=dt.date(2023, 1, 1))

    assert "copy_due_on" not in records(assessment)[0]
    assert "statement_due_on" not in records(assessment, by="programme_year")[0]
    assert records(assessment, by="deadline") == []


# --- the columnar engine does not model the terms ---------------------------------------------


def test_assess_many_takes_the_financing_inputs_of_each_case() -> None:
    inputs = example_assessment_inputs()
    without = {**inputs, "documents": ()}

    got = assess_many([inputs, without])

    assert [a.payable for a in got] == [
        # Every document of the example: 165 000 − 10 000 − 33 000 − 110 000.
        euros(12_000),
        # No document at all: every contract grant (7 × 15 000) and the 2 × 10 000 beyond the advances of
        # years 2 and 3 wait, and the balance is 20 % × 165 000; less is payable than was paid.
        euros(0),
    ]
    assert got[1].awaiting_documents == euros(7 * 15_000 + 2 * 10_000)
    # The balance is 20 % × 165 000 = 33 000, less than the 165 000 − 125 000 = 40 000 not waiting.
    assert got[1].balance_held == euros(33_000)
