"""C3 « modalités »: the day the money of the financing terms is counted, released or held.

The terms (``FinancingTerms()``, assumptions): half of each operating grant is an advance, the
rest of year n's grant waits for the financial statement of year n - 1, each contract's grant
waits for the copy of the contract, a fifth of what is releasable is the balance, held until the
nine contracts of C3 are signed and the final report is in. A right arises on the latest of the
day its money is earned, the day its document came in and the day the last condition of payment
was lifted. The vote of the deliberation is in force from 29 September 2022 (C9).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from builders import DAY, euros, three_contracts_a_year
from propulseur_rules import (
    DIJON_2022,
    Assessment,
    Condition,
    Contract,
    DeadlineKind,
    Document,
    DocumentKind,
    FinancingTerms,
    assess,
)

FINANCED = DIJON_2022.replace(financing=FinancingTerms())
NINE = three_contracts_a_year()  # the ninth signed on 28 March 2025


def _financed(as_of: dt.date, contracts: Sequence[Contract] = (), **facts: Any) -> Assessment:
    arguments: dict[str, Any] = {"regional_authorisation_on": dt.date(2022, 8, 1), **facts}
    return assess(FINANCED, contracts, as_of=as_of, **arguments)


def _all_documents(final_report: bool) -> list[Document]:
    documents = [
        *[
            Document(kind=DocumentKind.CONTRACT_COPY, received_on=s.signed_on + 10 * DAY, covers=s.reference)
            for s in NINE
        ],
        Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=dt.date(2023, 10, 1), covers=1),
        Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=dt.date(2024, 10, 1), covers=2),
    ]
    if final_report:
        documents.append(Document(kind=DocumentKind.FINAL_REPORT, received_on=dt.date(2025, 7, 20)))
    return documents


def test_a_right_arises_on_the_day_the_financing_convention_is_signed_when_it_is_the_last_condition() -> None:
    # Authorised on 1 August 2022, voted on 29 September, the financing convention signed on 1 December:
    # year 1's 20 000 €, less the balance of 20 000 / 5 = 4 000 held, is a right of 16 000 € from
    # 1 December 2022, to claim by 31 December 2026.
    result = _financed(dt.date(2023, 1, 1), financing_signed_on=dt.date(2022, 12, 1))

    claims = [(d.arose_on, d.due_on, d.amount) for d in result.deadlines if d.kind is DeadlineKind.LIMITATION]
    assert claims == [(dt.date(2022, 12, 1), dt.date(2026, 12, 31), euros(20_000 - 4_000))]


def test_the_operating_grant_accrued_on_the_date_waits_for_its_financial_statement() -> None:
    # On 1 July 2023, the first day of programme year 2, its grant has accrued: 2 × 20 000 = 40 000
    # releasable. Year 2's rest, 20 000 / 2 = 10 000, waits for the statement of year 1; the balance
    # is 40 000 / 5 = 8 000; payable 40 000 - 10 000 - 8 000 = 22 000.
    result = _financed(dt.date(2023, 7, 1), financing_signed_on=dt.date(2022, 8, 1))

    assert (result.releasable, result.awaiting_documents, result.balance_held, result.payable) == (
        euros(40_000),
        euros(10_000),
        euros(8_000),
        euros(22_000),
    )


def test_the_balance_is_released_on_the_final_report_even_while_payment_is_withheld() -> None:
    # Everything in, the final report on 20 July 2025 after the ninth contract (28 March 2025), but no
    # regional authorisation (C4): all 195 000 € is withheld, yet the balance's day is 20 July 2025.
    result = _financed(
        dt.date(2025, 9, 1),
        contracts=NINE,
        regional_authorisation_on=None,
        financing_signed_on=dt.date(2022, 8, 1),
        documents=_all_documents(final_report=True),
    )

    assert (result.withheld, result.releasable) == (euros(195_000), euros(0))
    assert result.balance_released_on == dt.date(2025, 7, 20)


def test_with_the_target_met_the_balance_waits_for_the_final_report_alone() -> None:
    # The nine contracts signed by 28 March 2025, all in but the final report, on 1 September 2025:
    # the balance, 195 000 / 5 = 39 000, is held; no more contract is needed, and it can still be
    # released (not final) although the period ended on 30 June 2025.
    result = _financed(
        dt.date(2025, 9, 1),
        contracts=NINE,
        financing_signed_on=dt.date(2022, 8, 1),
        documents=_all_documents(final_report=False),
    )

    held = [u for u in result.unmet if u.condition is Condition.BALANCE_HELD]
    assert [(u.amount, u.needed, u.final) for u in held] == [(euros(39_000), None, False)]
