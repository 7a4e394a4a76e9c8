"""The documents and terms of the financing convention (C3 « modalités »): each bad value named, and the
deadlines at the two ends of the calendar.

SPEC §2: a bad value raises ``InvalidInput`` naming the field, with one sentence that says
what is wrong; a person reads it, so it is checked to the letter. The deadlines are real dates
however close the convention runs to 1 January of year 1 or 31 December 9999: the copy of a
contract is due one month after its signature (the same day of the next month), and a delay
that would end past the calendar ends on its last day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from builders import euros
from propulseur_rules import (
    DIJON_2022,
    Condition,
    Contract,
    DeadlineKind,
    Document,
    DocumentKind,
    FinancingTerms,
    InvalidInput,
    Period,
    Startup,
    assess,
)

RECEIVED = "2023-01-10"


def refused(build: object) -> str:
    with pytest.raises(InvalidInput) as caught:
        build()  # type: ignore[operator]
    return str(caught.value)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": 3}, "kind: expected a kind of document, not a whole number"),
        (
            {"kind": "financial_statement", "covers": 1.5},
            "covers: expected a programme year number (1, 2, …), not 1.5",
        ),
        ({"kind": "financial_statement", "covers": 0}, "covers: 0 is not a programme year number (1, 2, …)"),
        ({"kind": "financial_statement", "covers": 1001}, "covers: 1001 is not a programme year number (1, 2, …)"),
        ({"kind": "contract_copy", "covers": 2}, "covers: a copy of a contract covers a contract reference, not 2"),
        (
            {"kind": "final_report", "covers": "PMT-01"},
            "covers: the final report covers the whole convention, not 'PMT-01'",
        ),
    ],
)
def test_a_bad_document_is_refused_naming_its_field(fields: dict[str, object], message: str) -> None:
    assert refused(lambda: Document(received_on=RECEIVED, **fields)) == message  # type: ignore[arg-type]


def test_a_statement_may_cover_year_1000_and_a_final_report_a_blank() -> None:
    # The last programme year number accepted is 1 000; the final report covers the whole
    # convention, so a blank cell of a spreadsheet is no "covers" at all.
    assert Document(kind="financial_statement", received_on=RECEIVED, covers=1000).covers == 1000
    assert Document(kind="final_report", received_on=RECEIVED, covers="  ").covers is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"advance_share": "abc"}, "advance_share: 'abc' is not a number"),
        (
            {"balance_share": "0.12345"},
            "balance_share: '0.12345' has more than four decimals (a hundredth of a per cent)",
        ),
        ({"financial_statement_months": 121}, "financial_statement_months: 121 is not a delay of 0 to 120 months"),
    ],
)
def test_a_bad_term_is_refused_naming_its_field(fields: dict[str, object], message: str) -> None:
    assert refused(lambda: FinancingTerms(**fields)) == message  # type: ignore[arg-type]


def test_a_document_is_named_in_english_unless_french_is_asked_for() -> None:
    assert DocumentKind.FINAL_REPORT.label() == "final report"
    assert DocumentKind.FINAL_REPORT.label("fr") == "rapport final"


def signed(reference: str, day: dt.date) -> Contract:
    """A contract eligible under C6 whose startup applied and was selected on the day it signed."""
    startup = Startup(name=f"Startup {reference}", head_office="21231", sector="industry")
    return Contract(reference=reference, startup=startup, signed_on=day, applied_on=day, selected_on=day)


def financed_over(period: Period, contracts: list[Contract], as_of: dt.date):  # type: ignore[no-untyped-def]
    convention = DIJON_2022.replace(period=period, deliberation=None, financing=FinancingTerms())
    return assess(
        convention,
        contracts,
        as_of=as_of,
        regional_authorisation_on=period.start,
        financing_signed_on=period.start,
    )


def test_copies_due_in_the_last_year_of_the_calendar_are_due_on_their_day() -> None:
    # One programme year from 1 December 9998 to 30 November 9999. A copy is due the same day
    # of the next month: 15 February 9999 for a contract signed on 15 January, 15 December
    # 9999 for one signed on 15 November. The financial statement and the final report,
    # six months after 30 November 9999, would be due past the calendar: 31 December 9999.
    period = Period(start=dt.date(9998, 12, 1), end=dt.date(9999, 11, 30))
    contracts = [signed("Z-1", dt.date(9999, 1, 15)), signed("Z-2", dt.date(9999, 11, 15))]

    result = financed_over(period, contracts, dt.date(9999, 12, 31))

    due = [(d.kind, d.covers, d.due_on) for d in result.deadlines if d.kind is not DeadlineKind.LIMITATION]
    assert due == [
        (DeadlineKind.CONTRACT_COPY, "Z-1", dt.date(9999, 2, 15)),
        (DeadlineKind.CONTRACT_COPY, "Z-2", dt.date(9999, 12, 15)),
        (DeadlineKind.FINANCIAL_STATEMENT, 1, dt.date(9999, 12, 31)),
        (DeadlineKind.FINAL_REPORT, None, dt.date(9999, 12, 31)),
    ]


def test_a_copy_due_in_the_first_year_of_the_calendar_is_due_on_its_day() -> None:
    period = Period(start=dt.date(1, 1, 1), end=dt.date(1, 12, 31))

    result = financed_over(period, [signed("A-1", dt.date(1, 3, 15))], dt.date(1, 12, 31))

    copies = [d.due_on for d in result.deadlines if d.kind is DeadlineKind.CONTRACT_COPY]
    assert copies == [dt.date(1, 4, 15)]


def test_a_claim_of_9994_lapses_on_1_january_9999() -> None:
    # Loi n° 68-1250, art. 1er: a right acquired in 9994 runs from 1 January 9995 to
    # 31 December 9998, and lapses on 1 January 9999, still a day of the calendar. Earned:
    # the operating grant, 20 000; its balance (a fifth, 4 000) is held, the 16 000 left is
    # time-barred on 1 June 9999.
    period = Period(start=dt.date(9994, 1, 1), end=dt.date(9994, 12, 31))

    result = financed_over(period, [], dt.date(9999, 6, 1))

    barred = [unmet for unmet in result.unmet if unmet.condition is Condition.CLAIM_TIME_BARRED]
    assert [(unmet.amount, unmet.lapsed_on) for unmet in barred] == [(euros(16_000), dt.date(9999, 1, 1))]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("a copy", "documents[0]: expected a Document, not text"),
        (
            Document(kind="contract_copy", received_on="2022-10-01", covers="X-9"),
            "documents[0].covers: 'X-9' is not a contract of this convention",
        ),
    ],
)
def test_a_document_assess_cannot_place_is_refused_naming_it(document: object, message: str) -> None:
    contract = signed("A-1", dt.date(2022, 9, 1))
    convention = DIJON_2022.replace(financing=FinancingTerms())

    assert (
        refused(
            lambda: assess(
                convention,
                [contract],
                as_of=dt.date(2023, 1, 1),
                financing_signed_on=dt.date(2022, 8, 1),
                documents=[document],  # type: ignore[list-item]
            )
        )
        == message
    )
