"""C3 (« selon les modalités définies dans la convention de financement »): the documents the terms
require come by due date, then kind, then what they cover, whatever order the contracts are given in;
the words of public finance are in English unless French is asked."""

from __future__ import annotations

import datetime as dt

from propulseur_rules import FinancingTerms
from propulseur_rules.rules._dates import Period
from propulseur_rules.rules._documents import DocumentKind, required_documents
from propulseur_rules.rules._financing import FinanceTerm

#: C1: 1 July 2022 to 30 June 2025.
PERIOD = Period(start=dt.date(2022, 7, 1), end=dt.date(2025, 6, 30))


def test_copies_of_contracts_signed_the_same_day_come_in_the_order_of_their_references() -> None:
    signed = dt.date(2022, 9, 15)
    # Given PMT-02 first: both copies are due on 15 October 2022, one month after signature (ASSUMPTION of
    # the terms), and come in the order of their references.
    needed = required_documents(
        FinancingTerms(), period=PERIOD, years=PERIOD.years(), contracts={"PMT-02": signed, "PMT-01": signed}
    )

    copies = [(document.covers, document.due_on) for document in needed if document.kind is DocumentKind.CONTRACT_COPY]
    assert copies == [("PMT-01", dt.date(2022, 10, 15)), ("PMT-02", dt.date(2022, 10, 15))]


def test_finance_terms_are_in_english_unless_french_is_asked() -> None:
    # The four-year limitation of loi n° 68-1250; in French, the prescription quadriennale.
    assert FinanceTerm.LIMITATION.label() == "four-year limitation"
    assert FinanceTerm.LIMITATION.label("fr") == "prescription quadriennale"
