"""Steps 7 to 9 of the columnar engine: the financing convention (C3 « modalités ») over arrays, in integer cents.

The columnar forms of :func:`~propulseur_rules.rules._financing_steps.financing_steps` and
:func:`~propulseur_rules.rules._financing_steps.hold_back`: what waits for a document, the balance
(« solde ») held, the unpaid claims past the four-year limitation (loi n° 68-1250, art. 1er, 2 and 6)
and what is payable. Each earned item is cut into the parts the terms release separately:

- an operating grant into its advance (« avance »), which waits for nothing, and from year 2 a rest
  that waits for the financial statement of the year before;
- a contract's grant, which waits for the copy of the contract.

The documents received are read from the table's columns, the first day each came in by ``as_of``
(:func:`~propulseur_rules.rules._documents.first_received`), into columns: the final report per
scenario, the financial statement per scenario and programme year, the copy per contract row (the
table matches each copy to its contract once, when it is built).
A share of an amount is rounded half up to the cent, as
:func:`~propulseur_rules.rules._financing.share_of` rounds it: a share has at most four decimals
and an amount at most 10¹⁴ cents, so ``amount × share × 10⁴`` stays within ``int64``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import numpy as np

from ..rules._documents import DocumentKind
from ..rules._limitation import LimitationEventKind
from ..rules._outcome import Condition
from ._codes import Bools, Int64s, array
from ._columns import DOCUMENT_KINDS, EVENT_KINDS
from ._eligibility import Eligibility
from ._money import Grants, Money
from ._places import Places, ScenarioYears
from ._table import ScenarioTable

__all__ = ["FinancingColumns", "FinancingMoney", "financing_columns", "hold_back"]

#: A share is a whole number of ten-thousandths: ``FinancingTerms`` refuses more than four decimals.
_SHARE_UNIT = 10_000
#: No day: later than any day a table holds, so that ``day <= as_of`` is false.
_NEVER = np.iinfo(np.int64).max // 4
_COPY = DOCUMENT_KINDS.index(DocumentKind.CONTRACT_COPY)
_STATEMENT = DOCUMENT_KINDS.index(DocumentKind.FINANCIAL_STATEMENT)
_FINAL_REPORT = DOCUMENT_KINDS.index(DocumentKind.FINAL_REPORT)
_RELIEF = EVENT_KINDS.index(LimitationEventKind.RELIEF)
#: No relief: earlier than any day a claim lapses on, so that ``lapses_on <= relief`` is false.
_NO_RELIEF = np.iinfo(np.int64).min // 4


class FinancingColumns(NamedTuple):
    """The financing terms and facts of each scenario as columns; shares in ten-thousandths."""

    #: Per scenario: whether the convention has terms, its shares, the day of signature (``_NEVER``: none).
    has_terms: Bools
    advance_share: Int64s
    balance_share: Int64s
    signed_on: Int64s
    #: Per scenario: the first day the final report came in by ``as_of``; ``_NEVER``: not received.
    final_report_on: Int64s
    #: Per scenario and programme year (padded): the first day its financial statement came in.
    statement_on: Int64s
    #: Per contract row: the first day its copy came in.
    copy_on: Int64s
    #: Per scenario, sorted, padded with ``_NEVER``: the days the limitation was interrupted by ``as_of``.
    interruptions: Int64s
    #: Per scenario: the day of the last relief of the limitation by ``as_of`` (art. 6); ``_NO_RELIEF``: none.
    #: A relief covers the claims time-barred on its day, so a claim is relieved if the last one came after
    #: it lapsed, as :func:`~propulseur_rules.rules._limitation.relief_of` finds a relief for it.
    last_relief_on: Int64s


def financing_columns(table: ScenarioTable) -> FinancingColumns:
    """The columns of the financing convention: its terms, its day of signature, the first day each document
    came in by ``as_of``, the interruptions and the relief of the limitation.

    The terms are read once per distinct convention and spread to its scenarios; the facts come from the
    table's columns (:attr:`ScenarioTable.financing_facts`), never from its cases.
    """
    terms = [convention.financing for convention in table.conventions]
    convention_id = table.convention_id
    return FinancingColumns(
        has_terms=(array(each is not None for each in terms) == 1)[convention_id],
        advance_share=array(0 if each is None else _units(each.advance_share) for each in terms)[convention_id],
        balance_share=array(0 if each is None else _units(each.balance_share) for each in terms)[convention_id],
        signed_on=np.where(table.financing_signed, table.financing_signed_on, _NEVER).astype(np.int64),
        **_received(table),
        interruptions=_interruptions(table),
        last_relief_on=_last_relief(table),
    )


def _received(table: ScenarioTable) -> dict[str, Int64s]:
    """The first day each document came in by ``as_of``, as
    :func:`~propulseur_rules.rules._documents.first_received` finds it: the final report per scenario, the
    financial statement per scenario and programme year, the copy per contract row (``_NEVER``: not received)."""
    count = len(table)
    owner, kind, day = table.document_scenario, table.document_kind, table.document_received_on
    by_as_of = day <= table.as_of[owner]
    final_report_on = np.full(count, _NEVER, dtype=np.int64)
    statement_on = np.full((count, int(table.year_counts.max(initial=1))), _NEVER, dtype=np.int64)
    copy_on = np.full(table.contract_count, _NEVER, dtype=np.int64)
    final = by_as_of & (kind == _FINAL_REPORT)
    np.minimum.at(final_report_on, owner[final], day[final])
    statement = by_as_of & (kind == _STATEMENT)
    year = table.document_covers[statement].astype(np.int64)
    np.minimum.at(statement_on, (owner[statement], year - 1), day[statement])
    copy = by_as_of & (kind == _COPY)
    np.minimum.at(copy_on, table.document_contract[copy], day[copy])
    return {"final_report_on": final_report_on, "statement_on": statement_on, "copy_on": copy_on}


def _units(share: Decimal) -> int:
    return int(share * _SHARE_UNIT)


def _interruptions(table: ScenarioTable) -> Int64s:
    """Loi n° 68-1250, art. 2 — per scenario, the days by ``as_of`` of each payment that is no refund, each
    written claim and each letter of the administration, sorted, padded with ``_NEVER``."""
    paid = (table.paid_on <= table.as_of[table.payment_scenario]) & (table.amount >= 0)
    events = (table.event_on <= table.as_of[table.event_scenario]) & (table.event_kind != _RELIEF)
    owner = np.concatenate([table.payment_scenario[paid], table.event_scenario[events]])
    day = np.concatenate([table.paid_on[paid], table.event_on[events]])
    order = np.lexsort((day, owner))
    owner, day = owner[order], day[order]
    rank = np.arange(owner.size) - np.searchsorted(owner, owner, side="left")
    padded = np.full((len(table), int(rank.max(initial=-1)) + 1), _NEVER, dtype=np.int64)
    padded[owner, rank] = day
    return padded


def _last_relief(table: ScenarioTable) -> Int64s:
    """Loi n° 68-1250, art. 6 — per scenario, the day of the last relief by ``as_of`` (``_NO_RELIEF``: none), the
    last of :func:`~propulseur_rules.rules._limitation.relief_days`."""
    last = np.full(len(table), _NO_RELIEF, dtype=np.int64)
    relief = (table.event_kind == _RELIEF) & (table.event_on <= table.as_of[table.event_scenario])
    np.maximum.at(last, table.event_scenario[relief], table.event_on[relief])
    return last


def share_of(amount: Int64s, share: Int64s) -> Int64s:
    """``share`` (ten-thousandths) of ``amount`` (cents, zero or more) to the cent, half a cent rounded up."""
    return ((amount * share + _SHARE_UNIT // 2) // _SHARE_UNIT).astype(np.int64)


class FinancingMoney(NamedTuple):
    """Per scenario, the money figures the financing terms set, in cents, and the conditions they leave unmet."""

    awaiting_documents: Int64s
    balance_held: Int64s
    time_barred: Int64s
    #: What may be paid, payments aside: releasable less what waits for a document and the balance held
    #: (``Assessment.payable_before_payments``); without terms, what is releasable.
    payable_before_payments: Int64s
    payable: Int64s
    #: A financial statement awaited with money waiting for it (a copy awaited is its contract's condition).
    supporting_document: Bools
    balance_unmet: Bools
    claim_time_barred: Bools
    #: Each document awaited with money waiting for it, as ``assess`` lists them: its scenario, and what it
    #: covers, a contract row for a copy (``awaited_copy``) or a programme year for a financial statement.
    awaited_scenario: Int64s
    awaited_covers: Int64s
    awaited_copy: Bools
    #: Each group of unpaid claims time-barred, as ``assess`` lists them: its scenario and the year its four
    #: years start after (loi n° 68-1250, art. 1er), one row per scenario and year.
    barred_scenario: Int64s
    barred_year: Int64s

    def unmet(self) -> tuple[tuple[Condition, Bools], ...]:
        """The conditions the terms leave unmet, each with the scenarios it holds for (C3, loi n° 68-1250)."""
        return (
            (Condition.SUPPORTING_DOCUMENT, self.supporting_document),
            (Condition.BALANCE_HELD, self.balance_unmet),
            (Condition.CLAIM_TIME_BARRED, self.claim_time_barred),
        )


class _Parts(NamedTuple):
    """The earned parts of every scenario, long: owner, amount, day earned, day its document came in, whether
    it needs one (``_NEVER`` for a document not received by ``as_of``)."""

    scenario: Int64s
    amount: Int64s
    accrues_on: Int64s
    document_on: Int64s
    documented: Bools
    copy: Bools
    #: What the document of a documented part covers: a contract row, a programme year (-1: no document).
    covers: Int64s

    def within(self, keep: Bools) -> _Parts:
        """The parts ``keep`` selects."""
        return _Parts(
            scenario=self.scenario[keep],
            amount=self.amount[keep],
            accrues_on=self.accrues_on[keep],
            document_on=self.document_on[keep],
            documented=self.documented[keep],
            copy=self.copy[keep],
            covers=self.covers[keep],
        )


def _parts(
    table: ScenarioTable, columns: FinancingColumns, years: ScenarioYears, grants: Grants, funded: Int64s
) -> _Parts:
    """C3 « modalités » — each item earned by ``as_of`` in the parts its terms release separately; only the
    scenarios whose convention has terms have parts."""
    year_kept = columns.has_terms[years.scenario]
    owner, number = years.scenario[year_kept], years.number[year_kept]
    operating_grant, operating_on = grants.operating_grant[year_kept], grants.operating_grant_accrues_on[year_kept]
    earned = operating_on <= table.as_of[owner]
    advance = np.where(number == 1, operating_grant, share_of(operating_grant, columns.advance_share[owner]))
    rest = operating_grant - advance
    statement_on = columns.statement_on[owner, np.maximum(number - 2, 0)]
    funded_kept = columns.has_terms[table.contract_scenario[funded]]
    funded, grant, grant_on = funded[funded_kept], grants.grant[funded_kept], grants.grant_accrues_on[funded_kept]
    f_owner = table.contract_scenario[funded]
    f_earned = grant_on <= table.as_of[f_owner]
    has_rest = earned & (rest != 0)
    pieces = (
        (owner[earned], advance[earned], operating_on[earned], None),
        (owner[has_rest], rest[has_rest], operating_on[has_rest], statement_on[has_rest]),
        (f_owner[f_earned], grant[f_earned], grant_on[f_earned], columns.copy_on[funded][f_earned]),
    )
    return _Parts(
        scenario=np.concatenate([piece[0] for piece in pieces]),
        amount=np.concatenate([piece[1] for piece in pieces]),
        accrues_on=np.concatenate([piece[2] for piece in pieces]),
        document_on=np.concatenate([np.full(piece[0].size, 0) if piece[3] is None else piece[3] for piece in pieces]),
        documented=np.concatenate([np.full(piece[0].size, piece[3] is not None) for piece in pieces]),
        copy=np.concatenate([np.full(piece[0].size, at == 2) for at, piece in enumerate(pieces)]),
        covers=np.concatenate([np.full(int(earned.sum()), -1), (number - 1)[has_rest], funded[f_earned]]),
    )


def target_met_on(table: ScenarioTable, eligibility: Eligibility, places: Places) -> Int64s:
    """C3 — per scenario, the day the required contracts were signed (``_NEVER``: not yet), the signature of the
    last one needed, as :func:`~propulseur_rules.rules._eligibility.target_met_on` finds it."""
    met = np.where(table.required == 0, table.period_start, _NEVER)
    rows = np.flatnonzero(eligibility.signed & eligibility.eligible)
    owner = table.contract_scenario[rows]
    rank = np.arange(rows.size) - np.searchsorted(owner, owner, side="left")
    last = rows[(rank == table.required[owner] - 1) & (table.required[owner] > 0)]
    met[table.contract_scenario[last]] = table.signed_on[last]
    return met.astype(np.int64)


def lifted_on(table: ScenarioTable, columns: FinancingColumns, met_on: Int64s) -> Int64s:
    """C4, C9, C3 — the day the last condition that withheld payment was lifted (0: none), as ``assess``'s lifts."""
    candidates = (
        np.where(table.authorised, table.authorised_on, 0),
        np.where(table.has_deliberation, table.in_force_on, 0),
        np.where(table.signature_required & (columns.signed_on != _NEVER), columns.signed_on, 0),
        np.where(table.all_or_nothing & (met_on != _NEVER), met_on, 0),
    )
    last: Int64s = np.maximum.reduce(candidates).astype(np.int64)
    return last


def hold_back(
    table: ScenarioTable,
    columns: FinancingColumns,
    steps: tuple[Eligibility, Places, ScenarioYears, Grants],
    money: Money,
) -> FinancingMoney:
    """Steps 7 to 9 over arrays: what waits for a document, the balance held, the claims time-barred, the payable.

    ``payable = max(0, max(0, payable_before_payments - paid) - time_barred)`` where ``payable_before_payments =
    releasable - awaiting - balance_held``, as :func:`~propulseur_rules.rules._financing_steps.hold_back`; without
    terms, what is releasable less what is paid.
    """
    eligibility, places, years, grants = steps
    count = len(table)
    open_ = columns.has_terms & (money.releasable > 0)
    parts = _parts(table, columns, years, grants, places.funded_at)
    parts = parts.within(open_[parts.scenario])
    waits = parts.documented & (parts.document_on == _NEVER)
    awaiting = _sums(parts.scenario[waits], parts.amount[waits], count)
    # A copy awaited is reported as its contract's condition; a financial statement as the scenario's.
    statements = waits & ~parts.copy
    releasable = np.where(open_, money.releasable, 0)
    balance = np.minimum(share_of(releasable, columns.balance_share), releasable - awaiting)
    met_on = target_met_on(table, eligibility, places)
    released = (met_on != _NEVER) & (columns.final_report_on != _NEVER)
    released_on = np.maximum(met_on, columns.final_report_on)
    claims = _claims(parts, waits, lifted_on(table, columns, met_on), balance, released, released_on)
    unpaid, lapse = _unpaid(table, columns, claims, money.paid)
    barred = (unpaid > 0) & (_year(table.as_of[claims[0]]) > lapse + 4)
    # Loi n° 68-1250, art. 6: a relief covers the claims time-barred on its day, from 1 January of lapse + 5.
    withheld = barred & (columns.last_relief_on[claims[0]] < _new_year(lapse + 5))
    time_barred = _sums(claims[0][withheld], unpaid[withheld], count)
    held = np.where(released, 0, balance)
    before_payments = money.releasable - awaiting - held
    before = np.maximum(0, before_payments - money.paid)
    listed = waits & (parts.amount > 0)
    groups = np.unique(np.stack([claims[0][barred], lapse[barred]]), axis=1)
    return FinancingMoney(
        awaiting_documents=awaiting,
        balance_held=held,
        time_barred=time_barred,
        payable_before_payments=before_payments,
        payable=np.where(columns.has_terms, np.maximum(0, before - time_barred), money.payable),
        supporting_document=_sums(parts.scenario[statements], parts.amount[statements], count) > 0,
        balance_unmet=held > 0,
        claim_time_barred=_sums(claims[0][barred], np.ones(int(barred.sum()), dtype=np.int64), count) > 0,
        awaited_scenario=parts.scenario[listed],
        awaited_covers=parts.covers[listed],
        awaited_copy=parts.copy[listed],
        barred_scenario=groups[0].astype(np.int64),
        barred_year=groups[1].astype(np.int64),
    )


def _claims(
    parts: _Parts, waits: Bools, lifted: Int64s, balance: Int64s, released: Bools, released_on: Int64s
) -> tuple[Int64s, Int64s, Int64s]:
    """The claims (scenario, day the right arose, amount), sorted: each part released, the balance taken from the
    latest; while it is held that money is no claim, once released it arises on the day of its release."""
    keep = ~waits & (parts.amount > 0)
    owner = parts.scenario[keep]
    arose = np.maximum.reduce(
        [parts.accrues_on[keep], np.where(parts.documented[keep], parts.document_on[keep], 0), lifted[owner]]
    )
    order = np.lexsort((arose, owner))
    owner, arose, amount = owner[order], arose[order], parts.amount[keep][order]
    after = _suffix(owner, amount, balance.size)  # what the scenario's later claims hold, this one included
    kept = np.clip(after - balance[owner], 0, amount)
    taken = amount - kept
    tail = released[owner] & (taken > 0)
    owner, arose, amount = (
        np.concatenate([owner, owner[tail]]),
        np.concatenate([arose, np.maximum(arose[tail], released_on[owner[tail]])]),
        np.concatenate([kept, taken[tail]]),
    )
    order = np.lexsort((arose, owner))
    return owner[order], arose[order], amount[order]


def _unpaid(
    table: ScenarioTable, columns: FinancingColumns, claims: tuple[Int64s, Int64s, Int64s], paid: Int64s
) -> tuple[Int64s, Int64s]:
    """Loi n° 68-1250, art. 1er and 2 — what of each claim is unpaid (payments settle the oldest first), and the
    year its four years start after: the year it arose, or that of a later interruption made before it lapsed."""
    owner, arose, amount = claims
    settled = np.clip(paid[owner] - _earlier(owner, amount), 0, amount)
    year = _year(arose)
    for at in range(columns.interruptions.shape[1]):
        day = columns.interruptions[owner, at]
        reached = (day != _NEVER) & (day >= arose)
        interruption_year = _year(np.where(reached, day, 0))
        year = np.where(reached & (interruption_year < year + 5), np.maximum(year, interruption_year), year)
    return amount - settled, year


def _earlier(owner: Int64s, amount: Int64s) -> Int64s:
    """For rows sorted by scenario: the sum of ``amount`` over the scenario's rows before each row."""
    exclusive = np.cumsum(amount) - amount
    return (exclusive - exclusive[np.searchsorted(owner, owner, side="left")]).astype(np.int64)


def _suffix(owner: Int64s, amount: Int64s, count: int) -> Int64s:
    """For rows sorted by scenario: the sum of ``amount`` from each row to the scenario's last."""
    return (_sums(owner, amount, count)[owner] - _earlier(owner, amount)).astype(np.int64)


def _year(day: Int64s) -> Int64s:
    """The calendar year of days since 1970-01-01."""
    return (day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970).astype(np.int64)


def _new_year(year: Int64s) -> Int64s:
    """1 January of each year, in days since 1970-01-01."""
    return (year - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64)


def _sums(group: Int64s, values: Int64s, count: int) -> Int64s:
    total = np.zeros(count, dtype=np.int64)
    np.add.at(total, group, values)
    return total
