"""The money paid under the financing terms in each future of a forecast, assessed by the columnar engine.

C3: the payment « interviendra selon les modalités définies dans la convention de
financement ». The documents each future still misses (:func:`missing_documents`,
found for every future at once) are drawn under a
:class:`~propulseur_rules.planning.DocumentOutlook`; then every future is assessed on
31 December of every budget year, all at once, by the columnar engine with the
convention and its terms (the advance, the parts waiting for a supporting document,
the balance held until the final report). The money paid in a year is what becomes
payable in it (``payable_before_payments`` at its end less at the end of the year
before), each amount paid on the day it becomes payable. That is the figure
:func:`~propulseur_rules.planning.payable_by_budget_year` gives for the same facts and
documents, and each figure of the engine equals
:attr:`Assessment.payable_before_payments <propulseur_rules.Assessment.payable_before_payments>`.

A future's case on a day holds the contracts signed and the documents received by
then (a copy only of a contract signed): those to come change nothing on that day, so
futures that agree up to a day share that day's case (most of the past budget years).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from ..planning._outlook import DocumentOutlook, draw_documents
from ..planning._schedule import next_day
from ..rules._convention import Convention
from ..rules._documents import Document, RequiredDocument, required_documents
from ..rules._facts import Facts
from ..rules._model import Contract
from ._cases import Case
from ._codes import Int64s
from ._eligibility import judge_eligibility
from ._engine import run
from ._places import allot_places
from ._table import ScenarioTable

__all__ = ["drawn_documents", "missing_documents", "paid_in_futures"]

#: What makes the case of a future on a day: the day, the contracts signed and the documents received by then.
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
    documents, latest = drawn_documents(convention, facts, futures, outlook, seed=seed)
    last_year = years[-1] if latest is None else max(years[-1], latest.year)
    ends = [dt.date(year, 12, 31) for year in range(years[0], last_year + 1)]
    # Futures that agree up to a day have the same case that day (most of the past budget years): one each.
    places: dict[_Key, int] = {}
    cases: list[Case] = []
    at = np.empty((len(futures), len(ends)), dtype=np.int64)
    for row, (future, drawn) in enumerate(zip(futures, documents, strict=True)):
        every = (*facts.documents, *drawn)
        for column, end in enumerate(ends):
            case = _case_on(convention, facts, end, future, every)
            place = places.setdefault((case.as_of, case.contracts, case.documents), len(cases))
            if place == len(cases):
                cases.append(case)
            at[row, column] = place
    payable = run(ScenarioTable(cases)).payable_before_payments[at]
    return np.diff(payable, axis=1, prepend=0)


def drawn_documents(
    convention: Convention,
    facts: Facts,
    futures: Sequence[tuple[Contract, ...]],
    outlook: DocumentOutlook,
    *,
    seed: int,
) -> tuple[list[tuple[Document, ...]], dt.date | None]:
    """The documents still missing that come in, per future, drawn under ``outlook`` with the generator
    of ``seed``, none before the day after ``facts.as_of`` nor before the financing convention's signature;
    and the last day one of them may come in (``None`` when no future misses any)."""
    generator = np.random.default_rng([seed, 1])
    not_before = max(next_day(facts.as_of), facts.financing_signed_on or dt.date.min)
    drawn: list[tuple[Document, ...]] = []
    last: dt.date | None = None
    for needed in missing_documents(convention, facts, futures):
        if needed:
            latest = max(document.due_on for document in needed) + dt.timedelta(days=outlook.latest_delay)
            last = max(latest, not_before, last or dt.date.min)
        drawn.append(draw_documents(needed, outlook, generator, not_before=not_before))
    return drawn, last


def missing_documents(
    convention: Convention, facts: Facts, futures: Sequence[tuple[Contract, ...]]
) -> list[tuple[RequiredDocument, ...]]:
    """Per future, the documents the terms require and ``facts`` lack, by the end of the period or
    ``facts.as_of``: those of :func:`~propulseur_rules.planning._outlook.missing_deadlines`, in its order.

    C3 « modalités »: the copies of the contracts funded on that day, each programme year's financial
    statement and the final report (:func:`~propulseur_rules.rules._documents.required_documents`); the
    contracts funded are found for every future at once, by steps 2 and 3 of the columnar engine.
    """
    terms = convention.financing
    if terms is None:
        return [() for _ in futures]
    day = max(facts.as_of, next_day(convention.period.end))
    table = ScenarioTable(
        [
            Case(
                convention,
                future,
                day,
                facts.regional_authorisation_on,
                facts.payments,
                financing_signed_on=facts.financing_signed_on,
                documents=facts.documents,
                limitation_events=facts.limitation_events,
            )
            for future in futures
        ]
    )
    funded_at = allot_places(table, judge_eligibility(table)).funded_at
    funded: list[dict[str, dt.date]] = [{} for _ in futures]
    for owner, contract in zip(table.contract_scenario[funded_at].tolist(), table.contracts(funded_at), strict=True):
        funded[owner][contract.reference] = contract.signed_on
    have = {document.key for document in facts.documents}
    return [
        tuple(
            needed
            for needed in required_documents(
                terms, period=convention.period, years=convention.programme_years, contracts=signed
            )
            if needed.key not in have
        )
        for signed in funded
    ]


def _case_on(
    convention: Convention,
    facts: Facts,
    day: dt.date,
    contracts: tuple[Contract, ...],
    documents: tuple[Document, ...],
) -> Case:
    """The case of a future on ``day``: the contracts signed and the documents received by then, no payment."""
    signed = tuple(contract for contract in contracts if contract.signed_on <= day)
    references = {contract.reference for contract in signed}
    received = tuple(
        document
        for document in documents
        if document.received_on <= day and (not isinstance(document.covers, str) or document.covers in references)
    )
    return Case(
        convention,
        signed,
        day,
        facts.regional_authorisation_on,
        (),
        financing_signed_on=facts.financing_signed_on,
        documents=received,
    )
