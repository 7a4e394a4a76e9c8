"""Properties of the financing convention in ``assess``, for any terms, documents and dates.

The terms only hold back what the deliberation releases: they never pay more; a document
received earlier never pays less; every deadline is a real date in order; the unpaid claims
add up to what is payable; and without terms, documents and the signature change nothing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import example, given
from hypothesis import strategies as st

from builders import DAY, euros, three_contracts_a_year
from propulseur_rules import DIJON_2022, Assessment, DeadlineKind, Document, FinancingTerms
from strategies import Case, FinancedCase, cases, financed_cases

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


def _without_terms(financed: FinancedCase) -> Assessment:
    case = financed.case
    return Case(
        convention=case.convention.replace(financing=None),
        contracts=case.contracts,
        payments=case.payments,
        as_of=case.as_of,
        regional_authorisation_on=case.regional_authorisation_on,
    ).assess()


@given(financed_cases())
@example(_FULL)
def test_with_terms_what_is_payable_never_exceeds_what_is_payable_without_them(financed: FinancedCase) -> None:
    result = financed.assess()
    plain = _without_terms(financed)

    assert result.releasable <= plain.releasable
    assert result.payable <= plain.payable
    assert result.awaiting_documents + result.balance_held <= result.releasable
    assert result.payable <= financed.case.convention.total_cap
    assert result.payable == max(
        euros(0), result.releasable - result.awaiting_documents - result.balance_held - result.paid
    )


@given(financed_cases(), st.integers(1, 800))
def test_a_document_received_later_never_raises_what_is_payable(financed: FinancedCase, days: int) -> None:
    later = tuple(attrs.evolve(doc, received_on=doc.received_on + days * DAY) for doc in financed.documents)

    on_time = financed.assess()
    late = financed.assess(documents=later)

    assert late.payable <= on_time.payable
    assert late.awaiting_documents >= on_time.awaiting_documents


@given(financed_cases(), st.data())
def test_a_document_more_never_lowers_what_is_payable(financed: FinancedCase, data: st.DataObject) -> None:
    some = st.lists(st.sampled_from(financed.documents), unique_by=id) if financed.documents else st.just([])
    fewer = data.draw(some)

    assert financed.assess(documents=fewer).payable <= financed.assess().payable


@given(financed_cases())
@example(_FULL)
def test_every_deadline_is_a_real_date_in_order_and_after_what_it_follows(financed: FinancedCase) -> None:
    result = financed.assess()
    convention = result.convention
    signed = {row.reference: row.contract.signed_on for row in result.contracts}

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
            # Loi n° 68-1250, art. 1er: 31 December of the fourth year after the right arose.
            assert deadline.arose_on is not None
            assert (deadline.due_on.month, deadline.due_on.day) == (12, 31)
            assert deadline.due_on.year == min(deadline.arose_on.year + 4, dt.MAXYEAR)
        assert deadline.overdue == (deadline.received_on is None and result.as_of > deadline.due_on)


@given(financed_cases())
@example(_FULL)
def test_the_claims_left_unpaid_add_up_to_what_is_payable(financed: FinancedCase) -> None:
    result = financed.assess()

    unpaid = [deadline.amount for deadline in result.deadlines if deadline.kind is DeadlineKind.LIMITATION]
    assert sum(unpaid, euros(0)) == result.payable
    assert all(amount > 0 for amount in unpaid)


@given(cases(), st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))), st.data())
def test_without_terms_every_figure_is_the_deliberation_s(
    case: Case, signed_on: dt.date | None, data: st.DataObject
) -> None:
    references = [contract.reference for contract in case.contracts] or [None]
    kinds = st.sampled_from(["contract_copy", "financial_statement", "final_report"])
    received = st.dates(signed_on or dt.date(1990, 1, 1), dt.date(2100, 1, 1))
    documents = []
    for kind in data.draw(st.lists(kinds, max_size=5)):
        if kind == "contract_copy" and references != [None]:
            covers = data.draw(st.sampled_from(references))
            documents.append(Document(kind=kind, received_on=data.draw(received), covers=covers))
        elif kind == "financial_statement":
            documents.append(Document(kind=kind, received_on=data.draw(received), covers=1))
        elif kind == "final_report":
            documents.append(Document(kind=kind, received_on=data.draw(received)))

    with_inputs = case.assess(financing_signed_on=signed_on, documents=documents)
    plain = case.assess()

    assert _figures(with_inputs) == _figures(plain)
    assert with_inputs.unmet == plain.unmet
    assert (with_inputs.awaiting_documents, with_inputs.balance_held) == (euros(0), euros(0))
    assert (with_inputs.deadlines, with_inputs.recovery) == ((), None)
