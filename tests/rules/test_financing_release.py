"""C3 « modalités »: what the documents release, the balance, and the day each right arises.

The terms (``FinancingTerms()``, all assumptions): half of each operating grant is an
advance, the rest of year n's grant waits for the financial statement of year n - 1; each
contract's grant waits for the copy of the contract; a fifth of what is releasable is the
balance, held until the nine contracts of C3 are signed and the final report is in. A right
arises on the latest of the day its money is earned, the day its document came in and the day
the last condition of payment was lifted (here the vote of 29 September 2022). The four-year
limitation (loi n° 68-1250, art. 1er) runs to 31 December of the fourth year after the year
the right arose in.

The nine contracts of ``three_contracts_a_year`` are signed 60, 150 and 270 days into each
programme year: 30 Aug 2022, 28 Nov 2022, 28 Mar 2023 / 30 Aug 2023, 28 Nov 2023, 27 Mar 2024 /
30 Aug 2024, 28 Nov 2024, 28 Mar 2025.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from builders import DAY, euros, three_contracts_a_year
from propulseur_rules import (
    DIJON_2022,
    Assessment,
    Contract,
    DeadlineKind,
    Document,
    DocumentKind,
    FinancingTerms,
    assess,
)
from propulseur_rules.rules import Part, parts_of, release

FINANCED = DIJON_2022.replace(financing=FinancingTerms())
SIGNED = dt.date(2022, 8, 1)
AUTHORISED = dt.date(2022, 8, 1)
VOTE = dt.date(2022, 9, 29)
NINE = three_contracts_a_year()
FIRST_STATEMENT = (DocumentKind.FINANCIAL_STATEMENT, 1)


def copy(reference: str, received_on: dt.date) -> Document:
    return Document(kind=DocumentKind.CONTRACT_COPY, received_on=received_on, covers=reference)


def financed(contracts: list[Contract], as_of: dt.date, documents: list[Document], **more: Any) -> Assessment:
    convention = more.pop("convention", FINANCED)
    arguments: dict[str, Any] = {
        "as_of": as_of,
        "regional_authorisation_on": AUTHORISED,
        "financing_signed_on": SIGNED,
        "documents": documents,
    }
    arguments.update(more)
    return assess(convention, contracts, **arguments)


def limitation(result: Assessment) -> list[tuple[dt.date | None, dt.date, object, bool]]:
    return [(d.arose_on, d.due_on, d.amount, d.overdue) for d in result.deadlines if d.kind is DeadlineKind.LIMITATION]


def test_a_right_arises_on_the_day_its_late_document_came_in() -> None:
    first = NINE[0]  # signed 30 August 2022; its copy, due 30 September, comes in on 10 February 2023
    result = financed([first], dt.date(2028, 1, 2), [copy(first.reference, dt.date(2023, 2, 10))])

    # Earned: three operating grants and the contract, 3 × 20 000 + 15 000 = 75 000; waiting for
    # the statements never sent, 2 × 10 000; balance 75 000 / 5 = 15 000, held. The claims, oldest
    # first: year 1's grant on 29 September 2022 (the vote), 20 000; the contract's 15 000 on
    # 10 February 2023, the day its copy came in (later than its signature and the vote);
    # year 2's advance, 10 000 on 1 July 2023; year 3's, 10 000 on 1 July 2024. The balance
    # comes off the latest: all of year 3's advance and 5 000 of year 2's.
    assert (result.releasable, result.awaiting_documents, result.balance_held) == (
        euros(75_000),
        euros(20_000),
        euros(15_000),
    )
    # Left: 20 000 from 2022, to claim by 31 December 2026; 15 000 + 5 000 from 2023, the first
    # on 10 February, to claim by 31 December 2027. Both past on 2 January 2028.
    assert limitation(result) == [
        (VOTE, dt.date(2026, 12, 31), euros(20_000), True),
        (dt.date(2023, 2, 10), dt.date(2027, 12, 31), euros(20_000), True),
    ]


def test_a_claim_may_still_be_made_on_the_last_day_of_its_fourth_year() -> None:
    first = NINE[0]
    documents = [copy(first.reference, dt.date(2022, 9, 10))]

    # Year 1's grant and the contract arose on 29 September 2022, the vote: 4 years from
    # 1 January 2023 run to 31 December 2026, a day still within the limitation.
    on_the_last_day = financed([first], dt.date(2026, 12, 31), documents)
    the_day_after = financed([first], dt.date(2027, 1, 1), documents)

    arose, due, _, overdue = limitation(on_the_last_day)[0]
    assert (arose, due, overdue) == (VOTE, dt.date(2026, 12, 31), False)
    arose, due, _, overdue = limitation(the_day_after)[0]
    assert (arose, due, overdue) == (VOTE, dt.date(2026, 12, 31), True)


def test_the_balance_released_arises_on_the_day_of_the_final_report_and_the_target() -> None:
    documents = [
        *[copy(signed.reference, signed.signed_on + 10 * DAY) for signed in NINE],
        Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=dt.date(2023, 10, 1), covers=1),
        Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=dt.date(2024, 10, 1), covers=2),
        Document(kind=DocumentKind.FINAL_REPORT, received_on=dt.date(2025, 7, 20)),
    ]

    result = financed(NINE, dt.date(2025, 9, 1), documents)

    # Everything is earned and in: 3 × 20 000 + 9 × 15 000 = 195 000, all payable. The balance,
    # 195 000 / 5 = 39 000, is released on 20 July 2025: the final report came in after the
    # ninth contract (28 March 2025). It comes off the latest claims, which then arise that
    # day: the copies of 28 Nov 2024 and 28 Mar 2025 (8 Dec 2024 and 7 Apr 2025, 15 000 each)
    # and 9 000 of the copy of 30 Aug 2024 (9 Sep 2024), whose 6 000 left keeps its day.
    assert (result.payable, result.balance_held, result.awaiting_documents) == (euros(195_000), euros(0), euros(0))
    # 2022: year 1's grant and the first copy on the vote, the second copy on 8 Dec: 20 000 +
    # 15 000 + 15 000. 2023: the copies of 7 Apr, 9 Sep and 8 Dec and year 2's grant (advance
    # 1 Jul, rest with the statement on 1 Oct): 3 × 15 000 + 20 000. 2024: the copy of 6 Apr,
    # year 3's grant (1 Jul, 1 Oct) and the 6 000 left of 9 Sep: 15 000 + 20 000 + 6 000.
    # 2025: the balance, 39 000.
    assert [(arose, due, amount) for arose, due, amount, _ in limitation(result)] == [
        (VOTE, dt.date(2026, 12, 31), euros(50_000)),
        (dt.date(2023, 4, 7), dt.date(2027, 12, 31), euros(65_000)),
        (dt.date(2024, 4, 6), dt.date(2028, 12, 31), euros(41_000)),
        (dt.date(2025, 7, 20), dt.date(2029, 12, 31), euros(39_000)),
    ]


def test_the_balance_is_held_only_from_what_no_document_holds() -> None:
    terms = FinancingTerms(balance_share="0.90")
    first = NINE[0]

    result = financed([first], dt.date(2022, 12, 31), [], convention=DIJON_2022.replace(financing=terms))

    # Earned by 31 December 2022: year 1's grant and the contract, 20 000 + 15 000 = 35 000. The
    # contract's 15 000 waits for its copy; 90 % of 35 000 is 31 500, but only the 20 000 that
    # no document holds can be held as the balance. Nothing is left to pay.
    assert (result.releasable, result.awaiting_documents) == (euros(35_000), euros(15_000))
    assert result.balance_held == euros(35_000 - 15_000)
    assert result.payable == euros(0)


def test_a_document_sent_twice_counts_from_the_first_time() -> None:
    first = NINE[0]
    documents = [copy(first.reference, dt.date(2023, 2, 10)), copy(first.reference, dt.date(2023, 3, 20))]

    result = financed([first], dt.date(2023, 6, 1), documents)

    received = [d.received_on for d in result.deadlines if d.kind is DeadlineKind.CONTRACT_COPY]
    assert received == [dt.date(2023, 2, 10)]


def test_what_waits_for_a_document_is_every_part_it_releases() -> None:
    day = dt.date(2023, 7, 1)
    parts = [Part(euros(6_000), day, FIRST_STATEMENT), Part(euros(4_000), day, FIRST_STATEMENT)]

    outcome = release(
        FinancingTerms(balance_share=0),
        parts,
        releasable=euros(10_000),
        received={},
        lifted_on=day,
        target_met_on=None,
    )

    # Both parts wait for year 1's statement: 6 000 + 4 000.
    assert outcome.waiting_for(FIRST_STATEMENT) == euros(10_000)
    assert outcome.awaiting == euros(10_000)
    assert outcome.claims == ()


def test_without_a_condition_to_lift_a_right_arises_when_its_money_is_earned() -> None:
    earned = dt.date(2023, 7, 1)

    outcome = release(
        FinancingTerms(balance_share=0),
        [Part(euros(20_000), earned, None)],
        releasable=euros(20_000),
        received={},
        lifted_on=None,
        target_met_on=None,
    )

    assert [(claim.arose_on, claim.amount) for claim in outcome.claims] == [(earned, euros(20_000))]


def test_with_the_whole_operating_grant_as_advance_nothing_waits_for_a_statement() -> None:
    parts = parts_of(FinancingTerms(advance_share=1), 2, None, euros(20_000), dt.date(2023, 7, 1))

    assert [(part.amount, part.document) for part in parts] == [(euros(20_000), None)]
