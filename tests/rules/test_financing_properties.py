"""Properties of the financing convention in ``assess``, for any terms, documents and dates.

The terms only hold back what the deliberation releases: they never pay more; a document
received earlier never pays less; every deadline is a real date in order; the unpaid claims
add up to what is payable; and without terms, documents change nothing and the signature only
withholds what the law requires it to.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from builders import DAY, euros, three_contracts_a_year
from propulseur_rules import DIJON_2022, Assessment, DeadlineKind, FinancingTerms
from strategies import Case, FinancedCase, financed_cases

#: Nine eligible contracts, every document in time, all 195 000 paid: the corner of the cap.
_NINE = three_contracts_a_year()
_FULL = FinancedCase(
    case=Case(
        convention=DIJON_2022.replace(financing=FinancingTerms()),
        contracts=tuple(_NINE),
        as_of=dt.date(2026, 1, 1),
        regional_authorisation_on=dt.date(2022, 7, 1),
    ),
    financing_signed_on=dt.date(2022, 7, 1),
    documents=(),
)


def _figures(result: Assessment) -> tuple[Decimal, ...]:
    return (result.accrued, result.withheld, result.releasable, result.paid, result.payable, result.excess_paid)


def _without_terms(financed: FinancedCase, **inputs: Any) -> Assessment:
    """The same case under the deliberation alone (``financing=None``), given ``inputs`` besides."""
    case = financed.case
    return dataclasses.replace(case, convention=case.convention.replace(financing=None)).assess(**inputs)


# Each test below checks several properties of one drawn case: drawing a case with up to sixty
# contracts and a dozen documents costs far more than assessing it.


@given(financed_cases())
@example(_FULL)
def test_the_terms_never_pay_more_than_the_deliberation_and_without_them_documents_change_nothing(
    financed: FinancedCase,
) -> None:
    result = financed.assess()
    plain = _without_terms(financed)
    signed_on = financed.financing_signed_on
    plain_with_inputs = _without_terms(financed, financing_signed_on=signed_on, documents=financed.documents)

    assert result.releasable <= plain.releasable
    assert result.payable <= plain.payable
    assert result.payable <= financed.case.convention.total_cap
    # Without terms the documents change nothing; the signature matters only when the law requires the
    # convention (loi n° 2000-321, art. 10): a yearly amount above 23 000 € (décret n° 2001-495, art. 1er).
    convention = plain.convention
    required = convention.total_cap > 23_000 * len(convention.programme_years)
    if required and signed_on is not None and signed_on > plain.as_of:
        assert (plain_with_inputs.withheld, plain_with_inputs.releasable) == (plain.accrued, euros(0))
    else:
        assert _figures(plain_with_inputs) == _figures(plain)
        # An excess payment is a recovery to decide with or without terms, the same one.
        assert plain_with_inputs.recovery == plain.recovery
    assert (plain_with_inputs.awaiting_documents, plain_with_inputs.balance_held) == (euros(0), euros(0))
    assert plain_with_inputs.deadlines == ()


@given(financed_cases())
@example(_FULL)
def test_what_waits_what_is_payable_and_every_deadline_add_up_on_real_dates(financed: FinancedCase) -> None:
    result = financed.assess()
    convention = result.convention
    signed = {row.reference: row.contract.signed_on for row in result.contracts}

    assert result.awaiting_documents + result.balance_held <= result.releasable
    before = max(euros(0), result.releasable - result.awaiting_documents - result.balance_held - result.paid)
    assert result.payable == before - result.time_barred
    # The claims left unpaid, by the year they arose in, add up to what is payable before the limitation;
    # those past it (no relief is drawn) are withheld (loi n° 68-1250, art. 1er and 6).
    limitation = [deadline for deadline in result.deadlines if deadline.kind is DeadlineKind.LIMITATION]
    unpaid = [deadline.amount for deadline in limitation]
    assert sum(unpaid, euros(0)) == before
    assert sum((deadline.amount for deadline in limitation if deadline.overdue), euros(0)) == result.time_barred
    assert all(amount > 0 for amount in unpaid)
    # What waits for the documents is what the unreceived ones other than the final report hold.
    waiting = [
        deadline.amount
        for deadline in result.deadlines
        if deadline.kind in (DeadlineKind.CONTRACT_COPY, DeadlineKind.FINANCIAL_STATEMENT)
    ]
    assert sum(waiting, euros(0)) == result.awaiting_documents
    days = [deadline.due_on for deadline in result.deadlines]
    assert days == sorted(days)
    for deadline in result.deadlines:
        assert type(deadline.due_on) is dt.date
        if deadline.kind is DeadlineKind.CONTRACT_COPY:
            assert isinstance(deadline.covers, str)
            assert deadline.due_on >= signed[deadline.covers]
        elif deadline.kind is DeadlineKind.FINANCIAL_STATEMENT:
            assert isinstance(deadline.covers, int)
            assert deadline.due_on >= convention.programme_years[deadline.covers - 1].end
        elif deadline.kind is DeadlineKind.FINAL_REPORT:
            assert deadline.due_on >= convention.period.end
        else:
            # Loi n° 68-1250, art. 1er and 2: 31 December of the fourth year after the right arose, or
            # after the last interruption (a payment, a written claim) that started the period again.
            assert deadline.arose_on is not None
            assert (deadline.due_on.month, deadline.due_on.day) == (12, 31)
            start = deadline.arose_on if deadline.interrupted_on is None else deadline.interrupted_on
            assert deadline.due_on.year == min(start.year + 4, dt.MAXYEAR)
        assert deadline.overdue == (deadline.received_on is None and result.as_of > deadline.due_on)


@given(financed_cases(), st.integers(1, 800), st.data())
def test_a_document_received_later_or_not_at_all_never_raises_what_is_payable(
    financed: FinancedCase, days: int, data: st.DataObject
) -> None:
    later = tuple(attrs.evolve(doc, received_on=doc.received_on + days * DAY) for doc in financed.documents)
    some = st.lists(st.sampled_from(financed.documents), unique_by=id) if financed.documents else st.just([])
    fewer = data.draw(some)

    on_time = financed.assess()
    late = financed.assess(documents=later)
    missing = financed.assess(documents=fewer)

    assert late.payable <= on_time.payable
    assert late.awaiting_documents >= on_time.awaiting_documents
    assert missing.payable <= on_time.payable
