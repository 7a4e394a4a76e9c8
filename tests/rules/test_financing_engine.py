"""The financing convention in ``assess``: figures worked out by hand from the assumed terms.

The terms (``FinancingTerms()``, all assumptions): half of each operating grant is an advance,
the rest of year n's grant waits for the financial statement of year n - 1, due six months after
that year ends; each contract's grant waits for the copy of the contract, due a month after its
signature; a fifth of what is releasable is the balance, held until nine eligible contracts are
signed and the final report is in.

The nine contracts of ``three_contracts_a_year`` are signed 60, 150 and 270 days into each
programme year: 30 Aug 2022, 28 Nov 2022, 28 Mar 2023 / 30 Aug 2023, 28 Nov 2023, 27 Mar 2024 /
30 Aug 2024, 28 Nov 2024, 28 Mar 2025.
"""

from __future__ import annotations

import datetime as dt

import pytest

from builders import DAY, euros, payment, three_contracts_a_year
from propulseur_rules import (
    DIJON_2022,
    Condition,
    DeadlineKind,
    Document,
    DocumentKind,
    FinancingTerms,
    InvalidInput,
    RecoveryCause,
    assess,
)
from propulseur_rules.example import EXAMPLE_CONVENTION, example_assessment_inputs
from propulseur_rules.reports import legal_basis

FINANCED = DIJON_2022.replace(financing=FinancingTerms())
SIGNED = dt.date(2022, 8, 1)
AUTHORISED = dt.date(2022, 8, 1)
NINE = three_contracts_a_year()


def copy(reference: str, received_on: dt.date) -> Document:
    return Document(kind=DocumentKind.CONTRACT_COPY, received_on=received_on, covers=reference)


def statement(year: int, received_on: dt.date) -> Document:
    return Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=received_on, covers=year)


def final_report(received_on: dt.date) -> Document:
    return Document(kind=DocumentKind.FINAL_REPORT, received_on=received_on)


def prompt_copies(contracts: list) -> list[Document]:  # type: ignore[type-arg]
    """The copy of each contract, ten days after its signature (within the month of the terms)."""
    return [copy(signed.reference, signed.signed_on + 10 * DAY) for signed in contracts]


def financed(contracts: list, as_of: dt.date, documents: list[Document], **more: object):  # type: ignore[no-untyped-def, type-arg]
    arguments: dict[str, object] = {
        "as_of": as_of,
        "regional_authorisation_on": AUTHORISED,
        "financing_signed_on": SIGNED,
        "documents": documents,
    }
    arguments.update(more)
    return assess(FINANCED, contracts, **arguments)  # type: ignore[arg-type]


# --- the built-in example -----------------------------------------------------------------


def test_the_built_in_example_without_any_document_pays_nothing_more() -> None:
    inputs = {**example_assessment_inputs(), "documents": ()}
    result = assess(**inputs)  # type: ignore[arg-type]

    # Earned and releasable, as with the documents: 165 000 (3 + 2 + 2 funded contracts and
    # three operating grants). Waiting for a document: the seven funded contracts' grants,
    # 7 × 15 000, and the rest of the operating grants of years 2 and 3, 2 × (20 000 − 10 000).
    assert result.releasable == euros(165_000)
    assert result.awaiting_documents == euros(7 * 15_000 + 2 * 10_000)
    # The balance is a fifth of 165 000, 33 000, no more than the 40 000 left (the advances).
    assert result.balance_held == euros(33_000)
    # 165 000 − 125 000 − 33 000 = 7 000 may be paid in all; 110 000 is already paid: nothing
    # more, and nothing to recover (the payments are within what is releasable).
    assert result.payable == euros(0)
    assert result.excess_paid == euros(0)
    assert result.recovery is None
    waiting = [(unmet.document, unmet.covers, unmet.amount, unmet.overdue) for unmet in result.unmet
               if unmet.condition is Condition.SUPPORTING_DOCUMENT]  # fmt: skip
    assert len(waiting) == 7 + 2
    assert (DocumentKind.FINANCIAL_STATEMENT, 1, euros(10_000), True) in waiting
    assert (DocumentKind.CONTRACT_COPY, "PRO-2025-12", euros(15_000), True) in waiting


def test_the_built_in_example_with_its_documents_shows_what_waits_and_the_next_deadlines() -> None:
    result = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    assert result.convention == EXAMPLE_CONVENTION
    # Waiting on a document: 10 000 on year 2's financial statement, late since 31 December
    # 2024, and the balance of 33 000 on the final report (and the ninth contract).
    assert [(d.kind, d.covers, d.due_on, d.overdue, d.amount) for d in result.awaited] == [
        (DeadlineKind.FINANCIAL_STATEMENT, 2, dt.date(2024, 12, 31), True, euros(10_000)),
        (DeadlineKind.FINAL_REPORT, None, dt.date(2025, 12, 31), False, euros(33_000)),
    ]
    # Still to come after 31 March 2025: the financial statement of year 3 and the final report,
    # six months after 30 June 2025; and the last day to pay the 12 000 € still owed on claims
    # that arose in 2024 before the limitation may be invoked, 31 December 2028.
    upcoming = [(d.kind, d.covers, d.due_on, d.amount) for d in result.next_deadlines]
    assert upcoming == [
        (DeadlineKind.FINANCIAL_STATEMENT, 3, dt.date(2025, 12, 31), euros(0)),
        (DeadlineKind.FINAL_REPORT, None, dt.date(2025, 12, 31), euros(33_000)),
        (DeadlineKind.LIMITATION, None, dt.date(2028, 12, 31), euros(12_000)),
    ]


# --- documents ----------------------------------------------------------------------------


def test_a_late_financial_statement_holds_the_rest_of_the_next_operating_grant_until_it_arrives() -> None:
    documents = [*prompt_copies(NINE), statement(1, dt.date(2024, 3, 15))]

    late = financed(NINE, dt.date(2024, 1, 15), documents)
    arrived = financed(NINE, dt.date(2024, 3, 15), documents)

    # On 15 January 2024: year 1, 20 000 + 3 × 15 000; year 2, 20 000 + 2 × 15 000 (the third
    # contract of year 2 is signed on 27 March 2024): 115 000 earned, nothing withheld (pro rata).
    assert late.releasable == arrived.releasable == euros(65_000 + 50_000)
    # Year 2's operating grant beyond its advance, 10 000, waits for year 1's statement, due on
    # 31 December 2023: late. The balance is 115 000 / 5 = 23 000.
    assert (late.awaiting_documents, late.balance_held) == (euros(10_000), euros(23_000))
    assert late.payable == euros(115_000 - 10_000 - 23_000)
    [waiting] = [unmet for unmet in late.unmet if unmet.condition is Condition.SUPPORTING_DOCUMENT]
    assert (waiting.covers, waiting.due_on, waiting.overdue, waiting.blocks_payment) == (
        1,
        dt.date(2023, 12, 31),
        True,
        False,
    )
    assert waiting.basis is legal_basis("loi-2000-321-art-10-compte-rendu")
    # On 15 March 2024 the statement is in: the 10 000 is released that day.
    assert arrived.awaiting_documents == euros(0)
    assert arrived.payable == late.payable + euros(10_000)
    statement_deadline = next(d for d in arrived.deadlines if d.kind is DeadlineKind.FINANCIAL_STATEMENT)
    assert (statement_deadline.received_on, statement_deadline.overdue) == (dt.date(2024, 3, 15), False)


def test_a_contract_whose_copy_never_arrives_keeps_its_grant_waiting_after_everything_else_is_paid() -> None:
    last = NINE[-1]  # Y3-3, signed on 28 March 2025: its copy was due on 28 April 2025
    documents = [
        *prompt_copies(NINE[:-1]),
        statement(1, dt.date(2023, 10, 1)),
        statement(2, dt.date(2024, 10, 1)),
        statement(3, dt.date(2025, 10, 1)),
        final_report(dt.date(2025, 12, 20)),
    ]

    result = financed(NINE, dt.date(2026, 1, 15), documents)

    # All 195 000 is earned; nine eligible contracts and the final report release the balance.
    assert result.releasable == euros(195_000)
    assert result.balance_held == euros(0)
    assert result.awaiting_documents == euros(15_000)
    assert result.payable == euros(195_000 - 15_000)
    [waiting] = [unmet for unmet in result.unmet if unmet.condition is Condition.SUPPORTING_DOCUMENT]
    assert (waiting.contract, waiting.document, waiting.due_on, waiting.overdue) == (
        last.reference,
        DocumentKind.CONTRACT_COPY,
        dt.date(2025, 4, 28),
        True,
    )


# --- the balance --------------------------------------------------------------------------


def test_the_balance_is_held_until_the_ninth_contract_and_the_final_report() -> None:
    eight = NINE[:-1]
    documents = [
        *prompt_copies(NINE),
        statement(1, dt.date(2023, 10, 1)),
        statement(2, dt.date(2024, 10, 1)),
        final_report(dt.date(2025, 8, 20)),
    ]
    day = dt.date(2025, 9, 1)

    short = financed(eight, day, [doc for doc in documents if doc.covers != NINE[-1].reference])
    nine_without_report = financed(NINE, day, documents[:-1])
    nine = financed(NINE, day, documents)

    # Eight contracts: 3 × 20 000 + 8 × 15 000 = 180 000 earned; its fifth, 36 000, is held
    # although the final report is in: the ninth contract is missing.
    assert short.releasable == euros(60_000 + 120_000)
    assert short.balance_held == euros(36_000)
    assert short.payable == euros(180_000 - 36_000)
    [balance] = [unmet for unmet in short.unmet if unmet.condition is Condition.BALANCE_HELD]
    assert (balance.needed, balance.amount, balance.document) == (1, euros(36_000), DocumentKind.FINAL_REPORT)
    # Nine contracts, no final report: the fifth of 195 000, 39 000, is held.
    assert nine_without_report.balance_held == euros(39_000)
    assert nine_without_report.payable == euros(195_000 - 39_000)
    # The period is over short of the ninth contract: the balance can no longer be released.
    assert balance.final
    in_the_period = financed(
        eight, dt.date(2025, 6, 30), [doc for doc in documents[:-1] if doc.covers != NINE[-1].reference]
    )
    assert [unmet.final for unmet in in_the_period.unmet if unmet.condition is Condition.BALANCE_HELD] == [False]
    # Nine contracts and the final report: everything is payable.
    assert (nine.balance_held, nine.payable) == (euros(0), euros(195_000))
    assert not [unmet for unmet in nine.unmet if unmet.condition is Condition.BALANCE_HELD]


# --- the financing convention's signature -------------------------------------------------


def test_a_payment_made_before_the_financing_convention_was_signed_is_a_recovery_to_decide_until_it_is() -> None:
    first = NINE[0]  # Y1-1, signed on 30 August 2022
    signed = dt.date(2022, 12, 1)
    paid = [payment("VIR-1", dt.date(2022, 10, 15), 20_000)]
    documents = [copy(first.reference, dt.date(2022, 12, 5))]

    before = financed([first], dt.date(2022, 11, 15), documents, financing_signed_on=signed, payments=paid)
    after = financed([first], dt.date(2023, 1, 10), documents, financing_signed_on=signed, payments=paid)

    # Before 1 December 2022, nothing is payable: 20 000 + 15 000 earned, all withheld, and the
    # 20 000 paid is in excess: a recovery to decide, not final (the convention can be signed).
    assert (before.accrued, before.withheld, before.payable) == (euros(35_000), euros(35_000), euros(0))
    [blocking] = before.blocking
    assert blocking.condition is Condition.FINANCING_CONVENTION_SIGNED
    assert blocking.basis is legal_basis("loi-2000-321-art-10-convention")
    assert before.excess_paid == euros(20_000)
    assert before.recovery is not None
    assert (before.recovery.amount, before.recovery.reasons, before.recovery.final) == (
        euros(20_000),
        (Condition.FINANCING_CONVENTION_SIGNED,),
        False,
    )
    # Once signed, 35 000 is releasable, a fifth of it (7 000) is the balance, 20 000 is paid.
    assert after.excess_paid == euros(0)
    assert after.recovery is None
    assert after.payable == euros(35_000 - 7_000 - 20_000)


def test_nothing_is_payable_without_the_day_the_financing_convention_was_signed() -> None:
    result = financed(NINE[:1], dt.date(2023, 1, 10), [], financing_signed_on=None)

    assert result.withheld == result.accrued == euros(35_000)
    assert (result.payable, result.awaiting_documents, result.balance_held) == (euros(0),) * 3
    assert [unmet.condition for unmet in result.blocking] == [Condition.FINANCING_CONVENTION_SIGNED]


# --- the four-year limitation -------------------------------------------------------------


def test_money_unpaid_for_five_years_is_reported_past_the_limitation_and_withheld() -> None:
    first = NINE[0]
    result = financed([first], dt.date(2028, 1, 2), [copy(first.reference, dt.date(2022, 9, 10))])

    # Earned: three operating grants and one contract, 3 × 20 000 + 15 000 = 75 000. Waiting:
    # the rest of years 2 and 3's grants, 2 × 10 000, for the statements never sent. Balance:
    # 75 000 / 5 = 15 000, held (one contract of nine).
    assert result.releasable == euros(75_000)
    assert (result.awaiting_documents, result.balance_held) == (euros(20_000), euros(15_000))
    # Of the 75 000 - 20 000 - 15 000 = 40 000 left, all is time-barred (below) and withheld: the métropole
    # cannot waive the limitation (loi n° 68-1250, art. 6), and no relief is given.
    assert result.time_barred == euros(35_000 + 5_000)
    assert result.payable == euros(75_000 - 20_000 - 15_000 - (35_000 + 5_000))
    # The balance is the last money: it comes off the latest claims, year 3's advance (10 000,
    # 1 July 2024) and 5 000 of year 2's (1 July 2023). Left: 35 000 whose right arose on
    # 29 September 2022 (the vote, the latest of the conditions lifted: authorisation and
    # financing convention on 1 August, the contract's copy on 10 September), and 5 000 on
    # 1 July 2023. Four years from 1 January 2023 end on 31 December 2026; from 1 January 2024,
    # on 31 December 2027: both past on 2 January 2028.
    limitation = [d for d in result.deadlines if d.kind is DeadlineKind.LIMITATION]
    assert [(d.arose_on, d.due_on, d.amount, d.overdue) for d in limitation] == [
        (dt.date(2022, 9, 29), dt.date(2026, 12, 31), euros(35_000), True),
        (dt.date(2023, 7, 1), dt.date(2027, 12, 31), euros(5_000), True),
    ]
    barred = [unmet for unmet in result.unmet if unmet.condition is Condition.CLAIM_TIME_BARRED]
    assert [(unmet.lapsed_on, unmet.amount, unmet.blocks_payment) for unmet in barred] == [
        (dt.date(2027, 1, 1), euros(35_000), False),
        (dt.date(2028, 1, 1), euros(5_000), False),
    ]
    assert all(unmet.basis is legal_basis("loi-68-1250-art-1") for unmet in barred)


def test_payments_settle_the_oldest_claims_first() -> None:
    first = NINE[0]
    paid = [payment("VIR-1", dt.date(2023, 3, 1), 30_000)]
    result = financed([first], dt.date(2028, 1, 2), [copy(first.reference, dt.date(2022, 9, 10))], payments=paid)

    # 30 000 of the 35 000 that arose on 29 September 2022 is paid on 1 March 2023: 5 000 of it is
    # left, and the payment interrupts its limitation (loi n° 68-1250, art. 2: « Toute émission de
    # moyen de règlement, même si ce règlement ne couvre qu'une partie de la créance »): its four
    # years start again on 1 January 2024, as do those of the 5 000 of 1 July 2023. One group of
    # 5 000 + 5 000 = 10 000, due by 31 December 2027, time-barred from 1 January 2028.
    limitation = [d for d in result.deadlines if d.kind is DeadlineKind.LIMITATION]
    assert [(d.arose_on, d.amount, d.interrupted_on) for d in limitation] == [
        (dt.date(2022, 9, 29), euros(10_000), dt.date(2023, 3, 1))
    ]
    assert (limitation[0].due_on, limitation[0].lapses_on) == (dt.date(2027, 12, 31), dt.date(2028, 1, 1))
    assert limitation[0].basis is legal_basis("loi-68-1250-art-2")
    # On 2 January 2028 those 10 000 are time-barred and withheld (art. 6): of 40 000 - 30 000 paid, nothing is payable.
    assert result.time_barred == euros(10_000)
    assert result.payable == euros(40_000 - 30_000 - 10_000)


# --- recovery -----------------------------------------------------------------------------


def test_an_overpayment_after_the_period_is_a_final_recovery_of_what_was_paid_beyond_the_entitlement() -> None:
    documents = [
        *prompt_copies(NINE),
        statement(1, dt.date(2023, 10, 1)),
        statement(2, dt.date(2024, 10, 1)),
        final_report(dt.date(2025, 7, 20)),
    ]
    paid = [payment("VIR-1", dt.date(2025, 8, 1), 200_000)]

    result = financed(NINE, dt.date(2025, 9, 1), documents, payments=paid)

    # 195 000 is earned and releasable; 200 000 paid is 5 000 too much, after the period and
    # with no condition left to meet: an overpayment of the entitlement, not a breach by the
    # beneficiary, so no withdrawal (CRPA, L. 242-2 2° is for conditions not met).
    assert result.excess_paid == euros(200_000 - 195_000)
    assert result.recovery is not None
    assert (result.recovery.amount, result.recovery.reasons, result.recovery.final) == (euros(5_000), (), True)
    assert result.recovery.cause is RecoveryCause.OVERPAYMENT
    assert result.recovery.bases == ()
    [excess] = [unmet for unmet in result.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert excess.basis is None
    assert excess.reason == "recovery_overpayment"
    assert result.payable == euros(0)


# --- without terms ------------------------------------------------------------------------


def test_without_terms_documents_and_the_signature_change_no_figure() -> None:
    documents = prompt_copies(NINE[:2])
    with_inputs = assess(
        DIJON_2022,
        NINE[:2],
        as_of=dt.date(2023, 1, 10),
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=dt.date(2022, 8, 1),
        documents=documents,
    )
    without = assess(DIJON_2022, NINE[:2], as_of=dt.date(2023, 1, 10), regional_authorisation_on=AUTHORISED)

    # 20 000 + 2 × 15 000, all payable under the deliberation alone.
    assert with_inputs.payable == without.payable == euros(50_000)
    # The signature given, on 1 August 2022, verifies the convention the law requires: the warning goes.
    signature = without.unmet[0]
    assert (signature.condition, signature.blocks_payment) == (Condition.FINANCING_CONVENTION_SIGNED, False)
    assert with_inputs.unmet == without.unmet[1:]
    assert (with_inputs.deadlines, with_inputs.recovery, with_inputs.balance_held) == ((), None, euros(0))
    assert with_inputs.documents == tuple(documents)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("documents", "field"),
    [
        ([copy("NOT-A-CONTRACT", dt.date(2023, 1, 1))], "documents[0].covers"),
        ([copy("Y1-1", dt.date(2023, 1, 1)), statement(4, dt.date(2023, 1, 1))], "documents[1].covers"),
        ([copy("Y1-1", dt.date(2022, 7, 31))], "documents[0].received_on"),
        (["financial statement"], "documents[0]"),
        ("financial statement", "documents"),
        (42, "documents"),
    ],
)
def test_a_document_that_makes_no_sense_is_an_invalid_input_naming_it(documents: object, field: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        financed(NINE[:1], dt.date(2023, 1, 1), documents)  # type: ignore[arg-type]

    assert raised.value.path == field


def test_a_bad_signature_day_or_share_is_an_invalid_input_naming_it() -> None:
    with pytest.raises(InvalidInput) as raised:
        financed(NINE[:1], dt.date(2023, 1, 1), [], financing_signed_on="the first of August")
    assert raised.value.path == "financing_signed_on"
    with pytest.raises(InvalidInput) as raised:
        FinancingTerms(advance_share="1.01")
    assert raised.value.path == "advance_share"
    with pytest.raises(InvalidInput) as raised:
        DIJON_2022.replace(financing={"advance_share": "0.5"})
    assert raised.value.path == "financing"
