"""The financing convention's terms (issue 12): documents, due dates, shares and the four-year limitation."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from propulseur_rules import InvalidInput, Period
from propulseur_rules.rules._documents import (
    Document,
    DocumentKind,
    check_documents,
    first_received,
    required_documents,
)
from propulseur_rules.rules._financing import (
    FinanceTerm,
    FinancingTerms,
    add_months,
    contract_copy_due_on,
    final_report_due_on,
    financial_statement_due_on,
    last_day_to_claim,
    operating_grant_parts,
    prescribed_on,
    share_of,
    statement_year_for,
)

PERIOD = Period(start=dt.date(2022, 7, 1), end=dt.date(2025, 6, 30))
YEARS = PERIOD.years()
TERMS = FinancingTerms()

# --- the terms ----------------------------------------------------------------------


def test_the_assumed_terms_are_half_in_advance_a_fifth_as_balance_six_months_for_the_statement() -> None:
    assert TERMS.advance_share == Decimal("0.50")
    assert TERMS.balance_share == Decimal("0.20")
    assert TERMS.financial_statement_months == 6
    assert TERMS.financial_statement_basis.key == "loi-2000-321-art-10-compte-rendu"


@pytest.mark.parametrize("share", ["-0.01", "1.01", "NaN", "Infinity", "0.123456", True, None, [0.5]])
def test_an_advance_share_outside_0_to_100_per_cent_is_an_invalid_input(share: object) -> None:
    with pytest.raises(InvalidInput) as raised:
        FinancingTerms(advance_share=share)  # type: ignore[arg-type]

    assert raised.value.path == "advance_share"


@pytest.mark.parametrize(("given_share", "expected"), [("0", Decimal("0")), (1, Decimal("1")), (0.3, Decimal("0.3"))])
def test_a_share_is_read_exactly_from_text_an_integer_or_a_float(given_share: object, expected: Decimal) -> None:
    assert FinancingTerms(balance_share=given_share).balance_share == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("months", [-1, 121, 6.0, "6"])
def test_a_delay_that_is_not_0_to_120_whole_months_is_an_invalid_input(months: object) -> None:
    with pytest.raises(InvalidInput, match="financial_statement_months"):
        FinancingTerms(financial_statement_months=months)  # type: ignore[arg-type]


def test_the_terms_are_values() -> None:
    assert pickle.loads(pickle.dumps(TERMS)) == TERMS == FinancingTerms(advance_share="0.5")


# --- money ---------------------------------------------------------------------------


def test_year_1_operating_grant_waits_for_no_statement() -> None:
    # Year 1 follows no programme year: 20 000 € all released with no document.
    assert operating_grant_parts(Decimal("20000.00"), 1, TERMS) == (Decimal("20000.00"), Decimal("0.00"))


def test_year_2_operating_grant_half_advance_half_on_year_1_statement() -> None:
    # 20 000 € × 0.50 = 10 000 € advance; 20 000 − 10 000 = 10 000 € wait for year 1's statement.
    assert operating_grant_parts(Decimal("20000.00"), 2, TERMS) == (Decimal("10000.00"), Decimal("10000.00"))
    assert statement_year_for(2) == 1


def test_an_advance_of_a_third_rounds_half_a_cent_up_and_the_parts_still_add_up() -> None:
    terms = FinancingTerms(advance_share="0.3333")
    # 100.01 × 0.3333 = 33.333333 → 33.33; 100.01 − 33.33 = 66.68.
    assert operating_grant_parts(Decimal("100.01"), 3, terms) == (Decimal("33.33"), Decimal("66.68"))
    # 0.05 × 0.5 = 0.025 → 0.03 under ROUND_HALF_UP (the banker's rounding would give 0.02).
    assert share_of(Decimal("0.05"), Decimal("0.5")) == Decimal("0.03")


@pytest.mark.parametrize("index", [0, -1, True, "2"])
def test_a_year_index_that_is_not_1_or_more_is_an_invalid_input(index: object) -> None:
    with pytest.raises(InvalidInput, match="year_index"):
        statement_year_for(index)  # type: ignore[arg-type]


@given(
    grant=st.decimals(min_value=0, max_value=10**9, places=2),
    share=st.decimals(min_value=0, max_value=1, places=4),
    year=st.integers(min_value=1, max_value=50),
)
@example(grant=Decimal("20000.00"), share=Decimal("0.5"), year=2)
def test_the_two_parts_of_an_operating_grant_add_up_and_neither_is_negative(
    grant: Decimal, share: Decimal, year: int
) -> None:
    advance, waiting = operating_grant_parts(grant, year, FinancingTerms(advance_share=share))

    assert advance + waiting == grant
    assert advance >= 0
    assert waiting >= 0


# --- due dates ---------------------------------------------------------------------


def test_year_1_financial_statement_is_due_31_december_2023() -> None:
    # Year 1 ends 30 June 2023; the six months that follow run 1 July to 31 December 2023.
    assert financial_statement_due_on(YEARS[0], TERMS) == dt.date(2023, 12, 31)


def test_a_calendar_year_statement_is_due_30_june_of_the_next_year() -> None:
    year = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
    assert financial_statement_due_on(year, TERMS) == dt.date(2025, 6, 30)


def test_a_year_ending_30_august_has_its_statement_due_at_the_end_of_february() -> None:
    # The delay runs from 31 August; six months on is 29 February 2024 (a leap year) less one day.
    year = Period(start=dt.date(2022, 8, 31), end=dt.date(2023, 8, 30))
    assert financial_statement_due_on(year, TERMS) == dt.date(2024, 2, 28)


def test_the_final_report_is_due_six_months_after_the_period() -> None:
    assert final_report_due_on(PERIOD, TERMS) == dt.date(2025, 12, 31)


def test_a_contract_copy_is_due_one_month_after_signature_the_31st_clamped() -> None:
    assert contract_copy_due_on(dt.date(2023, 1, 31), TERMS) == dt.date(2023, 2, 28)
    assert contract_copy_due_on(dt.date(2022, 9, 15), TERMS) == dt.date(2022, 10, 15)


def test_add_months_from_the_same_start_never_drifts() -> None:
    # Each boundary from 31 August directly: February is clamped, later months are not.
    start = dt.date(2023, 8, 31)
    assert [add_months(start, n) for n in (6, 7, 9)] == [
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 31),
        dt.date(2024, 5, 31),
    ]


def test_a_month_past_the_calendar_is_an_invalid_input_but_a_deadline_there_ends_with_the_calendar() -> None:
    with pytest.raises(InvalidInput):
        add_months(dt.date(9999, 12, 1), 1)
    # Six months after 31 December 9999 (or after 30 June 9999 + 7 months) is past the calendar: the
    # deadline is its last day, so that an assessment of such a convention still has real dates.
    last_year = Period(start=dt.date(9999, 1, 1), end=dt.date(9999, 12, 31))
    assert financial_statement_due_on(last_year, TERMS) == dt.date.max
    assert financial_statement_due_on(Period(start=dt.date(9998, 7, 1), end=dt.date(9999, 6, 30)), TERMS) == (
        dt.date(9999, 12, 31)
    )
    assert contract_copy_due_on(dt.date(9999, 12, 15), TERMS) == dt.date.max


@given(day=st.dates(max_value=dt.date(9989, 1, 1)), months=st.integers(min_value=0, max_value=120))
def test_every_due_date_is_a_real_day_within_the_delay(day: dt.date, months: int) -> None:
    due = add_months(day, months)

    assert (due.year * 12 + due.month) - (day.year * 12 + day.month) == months
    assert due.day <= day.day
    assert due >= day


def test_the_documents_the_dijon_terms_require_in_order_of_due_date() -> None:
    needed = required_documents(
        TERMS, period=PERIOD, years=YEARS, contracts={"B": dt.date(2023, 1, 31), "A": dt.date(2022, 9, 15)}
    )

    assert [(doc.kind, doc.covers, doc.due_on) for doc in needed] == [
        (DocumentKind.CONTRACT_COPY, "A", dt.date(2022, 10, 15)),
        (DocumentKind.CONTRACT_COPY, "B", dt.date(2023, 2, 28)),
        (DocumentKind.FINANCIAL_STATEMENT, 1, dt.date(2023, 12, 31)),
        (DocumentKind.FINANCIAL_STATEMENT, 2, dt.date(2024, 12, 31)),
        (DocumentKind.FINANCIAL_STATEMENT, 3, dt.date(2025, 12, 31)),
        (DocumentKind.FINAL_REPORT, None, dt.date(2025, 12, 31)),
    ]


def test_a_late_financial_statement_is_overdue_the_day_after_its_due_date_until_it_arrives() -> None:
    statement = required_documents(TERMS, period=PERIOD, years=YEARS, contracts={})[0]
    late = Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=dt.date(2024, 2, 1), covers=1)

    assert not statement.overdue(dt.date(2023, 12, 31), None)
    assert statement.overdue(dt.date(2024, 1, 1), None)
    assert statement.overdue(dt.date(2024, 1, 31), first_received([late], dt.date(2024, 1, 31)).get(statement.key))
    assert not statement.overdue(dt.date(2024, 2, 1), first_received([late], dt.date(2024, 2, 1)).get(statement.key))


def test_the_first_of_two_copies_received_counts() -> None:
    copies = [
        Document(kind="contract_copy", received_on="2023-03-01", covers="PMT-01"),
        Document(kind="contract_copy", received_on="2023-02-01", covers="PMT-01"),
    ]
    assert first_received(copies) == {(DocumentKind.CONTRACT_COPY, "PMT-01"): dt.date(2023, 2, 1)}
    assert first_received(copies, dt.date(2023, 2, 28)) == {(DocumentKind.CONTRACT_COPY, "PMT-01"): dt.date(2023, 2, 1)}
    assert first_received(copies, dt.date(2023, 1, 31)) == {}


# --- the four-year limitation (loi n° 68-1250, art. 1er) --------------------------------


def test_a_right_acquired_on_1_july_2022_lapses_on_1_january_2027() -> None:
    # 2022 + 1 = 2023: four years from 1 January 2023 run to 31 December 2026.
    assert last_day_to_claim(dt.date(2022, 7, 1)) == dt.date(2026, 12, 31)
    assert prescribed_on(dt.date(2022, 7, 1)) == dt.date(2027, 1, 1)


def test_money_unpaid_for_five_years_is_time_barred_whatever_the_day_of_the_year() -> None:
    # Acquired on 31 December 2022 or on 1 January 2022: the same limitation date.
    assert prescribed_on(dt.date(2022, 12, 31)) == prescribed_on(dt.date(2022, 1, 1)) == dt.date(2027, 1, 1)


def test_the_limitation_beyond_the_calendar_is_none_and_the_last_day_the_calendars_last() -> None:
    assert prescribed_on(dt.date(9995, 6, 1)) is None
    assert last_day_to_claim(dt.date(9996, 6, 1)) == dt.date.max


@given(st.dates(max_value=dt.date(9994, 12, 31)))
def test_the_limitation_falls_on_1_january_after_four_whole_calendar_years(arose_on: dt.date) -> None:
    lapses = prescribed_on(arose_on)

    assert lapses == last_day_to_claim(arose_on) + dt.timedelta(days=1)
    assert lapses is not None
    assert (lapses.month, lapses.day) == (1, 1)
    assert dt.timedelta(days=4 * 365) < lapses - arose_on <= dt.timedelta(days=5 * 366)


# --- documents -----------------------------------------------------------------------


def test_a_document_reads_its_kind_date_and_year_from_file_text() -> None:
    document = Document(kind="financial-statement", received_on="2023-11-15", covers=" 2 ")

    assert document.key == (DocumentKind.FINANCIAL_STATEMENT, 2)
    assert document.received_on == dt.date(2023, 11, 15)


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"kind": "invoice", "received_on": "2023-01-01", "covers": None}, "kind"),
        ({"kind": 3, "received_on": "2023-01-01", "covers": None}, "kind"),
        ({"kind": "final_report", "received_on": "2023-02-30", "covers": None}, "received_on"),
        ({"kind": "final_report", "received_on": "2023-01-01", "covers": 3}, "covers"),
        ({"kind": "contract_copy", "received_on": "2023-01-01", "covers": None}, "covers"),
        ({"kind": "contract_copy", "received_on": "2023-01-01", "covers": "  "}, "covers"),
        ({"kind": "financial_statement", "received_on": "2023-01-01", "covers": 0}, "covers"),
        ({"kind": "financial_statement", "received_on": "2023-01-01", "covers": True}, "covers"),
        ({"kind": "financial_statement", "received_on": "2023-01-01", "covers": "year 1"}, "covers"),
    ],
)
def test_a_bad_document_is_an_invalid_input_naming_its_field(fields: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        Document(**fields)  # type: ignore[arg-type]

    assert raised.value.path == path


def test_a_copy_of_an_unknown_contract_is_refused_naming_the_document() -> None:
    documents = [
        Document(kind="final_report", received_on="2025-09-01"),
        Document(kind="contract_copy", received_on="2023-01-10", covers="PMT-99"),
    ]
    with pytest.raises(InvalidInput) as raised:
        check_documents(documents, contract_references=["PMT-01"], year_count=3)

    assert raised.value.path == "documents[1].covers"


def test_a_document_received_before_the_financing_convention_was_signed_is_refused() -> None:
    early = Document(kind="financial_statement", received_on="2022-10-01", covers=1)
    with pytest.raises(InvalidInput) as raised:
        check_documents([early], contract_references=[], year_count=3, financing_signed_on=dt.date(2022, 11, 1))

    assert raised.value.path == "documents[0].received_on"


def test_documents_that_fit_the_convention_come_back_unchanged() -> None:
    documents = (
        Document(kind="contract_copy", received_on="2023-01-10", covers="PMT-01"),
        Document(kind="financial_statement", received_on="2023-12-01", covers=3),
    )
    assert check_documents(iter(documents), contract_references=["PMT-01"], year_count=3) == documents
    with pytest.raises(InvalidInput, match=r"documents\[0\]: expected a Document"):
        check_documents(["PMT-01"], contract_references=[], year_count=3)


# --- words ---------------------------------------------------------------------------


def test_every_term_and_document_has_its_french_public_finance_name() -> None:
    assert [term.label("fr") for term in FinanceTerm] == [
        "avance",
        "acompte",
        "solde",
        "pièces justificatives",
        "compte rendu financier",
        "titre de recette",
        "prescription quadriennale",
    ]
    assert DocumentKind.FINANCIAL_STATEMENT.label("fr") == "rapport d'activité annuel et compte rendu financier"
    assert all(kind.label("en") != kind.label("fr") for kind in DocumentKind)


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("advance_share", True, "True is not a share between 0 and 1 (0 % to 100 %)"),
        ("balance_share", [0.2], "[0.2] is not a share between 0 and 1 (0 % to 100 %)"),
        ("final_report_months", Decimal("6.0"), "6.0 is not a delay of 0 to 120 months"),
        ("contract_copy_months", -1, "-1 is not a delay of 0 to 120 months"),
    ],
)
def test_a_term_of_the_wrong_type_is_named_by_its_value_in_the_sentence_of_a_value_out_of_range(
    field: str, value: object, reason: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        FinancingTerms(**{field: value})

    assert (raised.value.path, raised.value.reason) == (field, reason)


def _refusals() -> list[Callable[[], object]]:
    """Each way the financing convention's values refuse an input, once."""
    copy = Document(kind="contract_copy", received_on="2023-01-10", covers="PMT-01")
    return [
        lambda: Document(kind="invoice", received_on="2023-01-10", covers=None),
        lambda: Document(kind="financial_statement", received_on="2023-01-10", covers="first"),
        lambda: Document(kind="financial_statement", received_on="2023-01-10", covers=0),
        lambda: Document(kind="contract_copy", received_on="2023-01-10", covers=2),
        lambda: Document(kind="final_report", received_on="2023-01-10", covers=3),
        lambda: FinancingTerms(advance_share="1.5"),
        lambda: FinancingTerms(advance_share=True),
        lambda: FinancingTerms(balance_share="0.00001"),
        lambda: FinancingTerms(final_report_months=121),
        lambda: FinancingTerms(contract_copy_months="1"),
        lambda: check_documents([copy], contract_references=["PMT-02"], year_count=3),
        lambda: check_documents(
            [Document(kind="financial_statement", received_on="2023-01-10", covers=4)],
            contract_references=[],
            year_count=3,
        ),
        lambda: check_documents(
            [copy], contract_references=["PMT-01"], year_count=3, financing_signed_on=dt.date(2023, 2, 1)
        ),
    ]


@pytest.mark.parametrize("refusal", range(len(_refusals())))
def test_every_refusal_of_a_financing_value_is_said_in_french_too(refusal: int) -> None:
    # An error carries the key of its sentence in the catalogue, said in each language; the path stays as it is.
    with pytest.raises(InvalidInput) as raised:
        _refusals()[refusal]()
    error = raised.value

    assert error.message("en") == str(error)
    assert error.message("fr") != str(error)
    assert error.message("fr").startswith(f"{error.path}: ")
