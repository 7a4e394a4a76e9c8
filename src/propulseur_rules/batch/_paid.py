"""The money paid under the financing terms in each future of a forecast, assessed one future at a time.

C3: the payment « interviendra selon les modalités définies dans la convention de
financement ». The columnar engine assesses the deliberation alone; the terms
(advance, parts waiting for a supporting document, the balance held until the final
report) are applied here by :func:`~propulseur_rules.assess` itself. In each future
the documents still missing are drawn under a
:class:`~propulseur_rules.planning.DocumentOutlook`, then the future is assessed on
31 December of every budget year: the money paid in a year is what becomes payable
in it (``Assessment.payable_before_payments`` at its end less at the end of the
year before), each amount paid on the day it becomes payable. That is the figure
:func:`~propulseur_rules.planning.payable_by_budget_year` gives for the same facts
and documents.

A future's facts on a day hold only the contracts signed and the documents received
by then: those to come change nothing on that day, so futures that agree up to a
day share that day's assessment (most of the past budget years).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from ..planning._outlook import DocumentOutlook, draw_documents, missing_deadlines
from ..planning._schedule import next_day
from ..rules._convention import Convention
from ..rules._documents import Document
from ..rules._engine import assess
from ..rules._facts import Facts
from ..rules._model import Contract
from ._codes import Int64s

__all__ = ["paid_in_futures"]

#: The cache key of one assessment: the day, the contracts signed and the documents received by then.
_Key = tuple[dt.date, tuple[Contract, ...], tuple[Document, ...]]


def paid_in_futures(
    convention: Convention,
    facts: Facts,
    futures: Sequence[tuple[Contract, ...]],
    outlook: DocumentOutlook,
    years: Sequence[int],
    *,
    seed: int,
) -> Int64s:
    """Per future (rows) and budget year (columns from ``years[0]``), the money paid in cents.

    The columns run past ``years`` when a document may come in later (a late final report). The
    documents are drawn with their own seeded generator, so that the contracts drawn stay those of
    the same seed without terms.
    """
    generator = np.random.default_rng([seed, 1])
    not_before = max(next_day(facts.as_of), facts.financing_signed_on or dt.date.min)
    drawn: list[tuple[Document, ...]] = []
    last_year = years[-1]
    for future in futures:
        deadlines = missing_deadlines(convention, facts.replace(contracts=future))
        if deadlines:
            latest = max(deadline.due_on for deadline in deadlines) + dt.timedelta(days=outlook.latest_delay)
            last_year = max(last_year, max(latest, not_before).year)
        drawn.append(draw_documents(deadlines, outlook, generator, not_before=not_before))
    ends = [dt.date(year, 12, 31) for year in range(years[0], last_year + 1)]
    cache: dict[_Key, int] = {}
    paid = np.zeros((len(futures), len(ends)), dtype=np.int64)
    for row, (future, documents) in enumerate(zip(futures, drawn, strict=True)):
        every = (*facts.documents, *documents)
        for column, end in enumerate(ends):
            paid[row, column] = _payable_on(convention, facts, end, future, every, cache)
    return np.diff(paid, axis=1, prepend=0)


def _payable_on(
    convention: Convention,
    facts: Facts,
    day: dt.date,
    contracts: tuple[Contract, ...],
    documents: tuple[Document, ...],
    cache: dict[_Key, int],
) -> int:
    """What may be paid by the end of ``day``, payments aside, in cents; one assessment per distinct key."""
    signed = tuple(contract for contract in contracts if contract.signed_on <= day)
    references = {contract.reference for contract in signed}
    received = tuple(
        document
        for document in documents
        if document.received_on <= day and (not isinstance(document.covers, str) or document.covers in references)
    )
    key = (day, signed, received)
    if key not in cache:
        assessment = assess(convention, facts.replace(as_of=day, contracts=signed, documents=received))
        cache[key] = int(assessment.payable_before_payments.scaleb(2))
    return cache[key]
