"""C3 « interviendra » — the liquidation statement (« état liquidatif ») of the payment an assessment allows.

The document the ordonnateur attaches to a payment order: the beneficiary and the
funder, the deliberation (C9) and the financing convention, the amount proposed for
payment and its computation line by line, the supporting documents received and
awaited, the budget year, what has been paid and what remains of the grant, the
clauses and articles it rests on, the source of each fact, and a blank place for
the ordonnateur's signature.

Like every view it decides nothing: each amount is a field of the assessment or a
step of its trace. When the financing terms are assumed rather than given, the
payable under the deliberation alone is shown as the ceiling beside the payable
under the assumed terms, a simulation; the caller assesses the convention without
terms and passes that assessment as ``ceiling``. :mod:`._statement_layout` lays
the statement out as Markdown or as printable HTML.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs

from ..rules._clauses import Clause
from ..rules._financing import FinancingTerms
from ..rules._legal import LegalBasis
from ..rules._model import Payment
from ..rules._outcome import Assessment, Condition, DeadlineKind
from ..words._catalogue import say
from ..words._format import format_date, format_money
from ..words._language import check_lang
from ._financing_section import financing_section
from ._messages import unmet_message
from ._step_kind import StepKind
from ._trace import TraceStep, condition_met

if TYPE_CHECKING:
    from ..files._inputs import Inputs, Source

__all__ = ["Section", "Statement", "statement"]

#: The origin of a fact invented for the built-in example: the value of ``Origin.EXAMPLE``, compared
#: by value because the inputs' module (``files``) stands above the reports.
_EXAMPLE = "example"


@attrs.frozen
class Section:
    """One part of the statement: a heading, paragraphs, then a table (``numeric``: its amount columns)."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    numeric: frozenset[int] = frozenset()
    after: tuple[str, ...] = ()


@attrs.frozen
class Statement:
    """The statement in one language, laid out the same way as Markdown and as HTML."""

    lang: str
    title: str
    subtitle: str
    warning: str | None
    sections: tuple[Section, ...]
    signature: tuple[str, ...]


def statement(
    assessment: Assessment, inputs: Inputs, lang: str = "fr", *, ceiling: Assessment | None = None
) -> Statement:
    """The liquidation statement of ``assessment``, each fact with the source ``inputs`` gives for it.

    ``ceiling`` is the same case assessed under the deliberation alone (without financing
    terms): with assumed terms, its payable is shown as the ceiling of the simulation.
    """
    check_lang(lang)
    fictitious = any(source.origin.value == _EXAMPLE for source in _sources(inputs))
    money = functools.partial(format_money, lang=lang)
    sections = (
        _facts(assessment, inputs, lang),
        _amount(
            assessment, ceiling, lang, assumed=inputs.terms_assumed if inputs.terms else _terms_assumed(assessment)
        ),
        _computation(assessment, lang),
        _documents(assessment, lang),
        _situation(assessment, lang),
        _bases(assessment, lang),
    )
    signature = [
        say("statement.certified", lang, payable=money(assessment.payable)),
        say("statement.signed_at", lang),
        say("statement.ordonnateur", lang),
        *([say("statement.do_not_sign", lang)] if fictitious else []),
    ]
    return Statement(
        lang=lang,
        title=say("statement.title", lang),
        subtitle=say(
            "statement.subtitle",
            lang,
            reference=assessment.convention.reference,
            as_of=format_date(assessment.as_of, lang),
        ),
        warning=say("statement.fictitious", lang) if fictitious else None,
        sections=sections,
        signature=tuple(signature),
    )


def _sources(inputs: Inputs) -> list[Source]:
    """The sources of the facts the statement shows (an input not reported has none)."""
    found = [getattr(inputs, key) for key in dict.fromkeys(source for _, source in _FACT_SOURCES)]
    return [source for source in found if source is not None]


def _source_text(inputs: Inputs, key: str, lang: str) -> str:
    """Where one input came from; a fact of the built-in example is said to be invented."""
    source: Source | None = getattr(inputs, key)
    if source is None:
        return say("statement.source.not_reported", lang)
    return source.text(lang, nothing=say("inputs.none." + key, lang))


def _terms_assumed(assessment: Assessment) -> bool:
    """Whether the financing terms are the assumed ones, as the report's section on them says."""
    return assessment.convention.financing == FinancingTerms()


#: Each fact of the statement, in its order, and the input its source is read from.
_FACT_SOURCES = (
    ("beneficiary", "convention"),
    ("funder", "convention"),
    ("programme", "convention"),
    ("deliberation", "convention"),
    ("financing_signed_on", "financing_signed_on"),
    ("financing", "financing"),
    ("regional_authorisation_on", "regional_authorisation_on"),
    ("as_of", "as_of"),
    ("contracts", "contracts"),
    ("payments", "payments"),
    ("documents", "documents"),
)


def _facts(assessment: Assessment, inputs: Inputs, lang: str) -> Section:
    """The parties, the deliberation, the financing convention and the other facts, each with its source."""
    values = _fact_values(assessment, lang)
    if inputs.terms and assessment.convention.financing is not None:
        values["financing"] = _terms_value(inputs, lang)
    return Section(
        heading=say("statement.facts", lang),
        headers=tuple(say("statement.column." + key, lang) for key in ("fact", "value", "source")),
        rows=tuple(
            (say("statement.fact." + fact, lang), values[fact], _source_text(inputs, source, lang))
            for fact, source in _FACT_SOURCES
        ),
    )


def _terms_value(inputs: Inputs, lang: str) -> str:
    """The financing terms as their sources say: given, assumed, or given in part (the assumed ones named)."""
    assumed = inputs.assumed_terms
    if not assumed:
        return say("statement.value.given", lang)
    if len(assumed) == len(inputs.terms):
        return say("statement.value.assumed", lang)
    return say("inputs.terms_partly", lang, assumed=", ".join(say("inputs.term." + term, lang) for term in assumed))


def _fact_values(assessment: Assessment, lang: str) -> dict[str, str]:
    """Each fact as the statement writes it, read from the assessment."""
    convention = assessment.convention
    deliberation = convention.deliberation
    decided = "—" if deliberation is None else format_date(deliberation.decided_on, lang)
    adopted = condition_met(assessment, Condition.DELIBERATION_ADOPTED)
    signed_on, authorised_on = assessment.financing_signed_on, assessment.regional_authorisation_on
    if convention.financing is None:
        terms = "statement.value.no_terms"
    else:
        terms = "statement.value.assumed" if _terms_assumed(assessment) else "statement.value.given"
    return {
        "beneficiary": convention.beneficiary,
        "funder": convention.funder,
        "programme": convention.reference,
        "deliberation": say("statement.value." + ("adopted" if adopted else "not_adopted"), lang, day=decided),
        "financing_signed_on": say("statement.value.not_signed", lang)
        if signed_on is None
        else say("statement.value.signed", lang, day=format_date(signed_on, lang)),
        "financing": say(terms, lang),
        "regional_authorisation_on": say("inputs.none.regional_authorisation_on", lang)
        if authorised_on is None
        else format_date(authorised_on, lang),
        "as_of": format_date(assessment.as_of, lang),
        "contracts": say(
            "statement.value.contracts",
            lang,
            count=len(assessment.contracts),
            eligible=assessment.eligible_contracts,
            required=convention.required_contracts,
        ),
        "payments": say(
            "statement.value.payments", lang, count=len(assessment.payments), paid=format_money(assessment.paid, lang)
        ),
        "documents": say("statement.value.documents", lang, count=_received(assessment)),
    }


def _received(assessment: Assessment) -> int:
    """How many supporting documents came in by the date, as the deadlines the engine set record."""
    return sum(
        1
        for deadline in assessment.deadlines
        if deadline.kind is not DeadlineKind.LIMITATION and deadline.received_on is not None
    )


def _amount(assessment: Assessment, ceiling: Assessment | None, lang: str, *, assumed: bool) -> Section:
    """The amount proposed for payment; with assumed terms, the ceiling and the simulation side by side."""
    money = functools.partial(format_money, lang=lang)
    proposed = say("statement.proposed", lang, payable=money(assessment.payable))
    if ceiling is None and not assumed:
        return Section(heading=say("statement.amount", lang), paragraphs=(proposed,))
    rows = []
    if ceiling is not None:
        rows.append((say("statement.reading.deliberation", lang), money(ceiling.payable)))
    rows.append((say("statement.reading.assumed", lang), money(assessment.payable)))
    return Section(
        heading=say("statement.amount", lang),
        paragraphs=(proposed, say("statement.simulation", lang)),
        headers=(say("statement.column.reading", lang), say("statement.column.payable", lang)),
        rows=tuple(rows),
        numeric=frozenset({1}),
    )


def _accrued_lines(assessment: Assessment, lang: str) -> list[tuple[str, str, str]]:
    """What has accrued, item by item with its clause, and each programme year's total, read from the trace."""
    money = functools.partial(format_money, lang=lang)
    lines = []
    for step in assessment.trace():
        if step.amount is None:
            continue
        if step.kind in (StepKind.OPERATING_GRANT, StepKind.CONTRACT_GRANT) and step.input("accrued"):
            lines.append((_item_label(step, lang), _clause(step.clause), money(step.amount)))
        elif step.kind is StepKind.YEAR_TOTAL:
            lines.append(
                (say("statement.line.year", lang, year=step.input("year")), _clause(step.clause), money(step.amount))
            )
    return lines


def _item_label(step: TraceStep, lang: str) -> str:
    accrues_on = step.input("accrues_on")
    day = format_date(accrues_on, lang) if isinstance(accrues_on, dt.date) else "—"
    if step.kind is StepKind.OPERATING_GRANT:
        return say("statement.line.operating", lang, year=step.input("year"), day=day)
    return say("statement.line.contract", lang, year=step.input("year"), contract=step.input("contract"), day=day)


def _clause(clause: Clause | None) -> str:
    return "" if clause is None else clause.value


def _computation(assessment: Assessment, lang: str) -> Section:
    """The liquidation line by line: accrued by item, less withheld, awaiting, balance, time-barred and paid, equals
    payable."""
    money = functools.partial(format_money, lang=lang)
    blocking = sorted({unmet.clause for unmet in assessment.blocking}, key=lambda clause: clause.value)
    rows = _accrued_lines(assessment, lang)
    rows += [
        (say("statement.line.accrued", lang), Clause.C2.value, money(assessment.accrued)),
        (say("statement.line.withheld", lang), ", ".join(c.value for c in blocking), money(assessment.withheld)),
        (say("statement.line.releasable", lang), "", money(assessment.releasable)),
    ]
    if assessment.convention.financing is not None:
        rows += [
            (say("statement.line.awaiting", lang), Clause.C3.value, money(assessment.awaiting_documents)),
            (say("statement.line.balance", lang), Clause.C3.value, money(assessment.balance_held)),
        ]
    if assessment.time_barred:  # loi n° 68-1250, art. 1er and 6: withheld unless the council relieved it
        rows.append((say("statement.line.time_barred", lang), Clause.C3.value, money(assessment.time_barred)))
    rows += [
        (say("statement.line.paid", lang, count=len(assessment.payments)), "", money(assessment.paid)),
        (say("statement.line.payable", lang), Clause.C3.value, money(assessment.payable)),
    ]
    after = [unmet_message(unmet, lang) for unmet in assessment.blocking]
    if assessment.excess_paid:
        after.append(say("statement.excess", lang, amount=money(assessment.excess_paid)))
    return Section(
        heading=say("statement.computation", lang),
        headers=tuple(say("statement.column." + key, lang) for key in ("line", "clause", "amount")),
        rows=tuple(rows),
        numeric=frozenset({2}),
        after=tuple(after),
    )


def _documents(assessment: Assessment, lang: str) -> Section:
    """The supporting documents: each one's last day, the day it came in or that it is awaited, the money waiting."""
    section = financing_section(assessment, lang)
    if section is None:
        return Section(heading=say("statement.documents", lang), paragraphs=(say("statement.no_documents", lang),))
    return Section(
        heading=say("statement.documents", lang),
        headers=section.headers,
        rows=section.rows,
        numeric=frozenset({3}),
    )


def _situation(assessment: Assessment, lang: str) -> Section:
    """The budget year of the payment, the payments made and what remains of the grant after this one."""
    money = functools.partial(format_money, lang=lang)
    cap = assessment.convention.total_cap
    paragraphs = (
        say("statement.budget_year", lang, year=assessment.as_of.year, as_of=format_date(assessment.as_of, lang)),
        say(
            "statement.remains",
            lang,
            cap=money(cap),
            paid=money(assessment.paid),
            payable=money(assessment.payable),
            remains=money(assessment.remaining_grant),
        ),
    )
    return Section(
        heading=say("statement.situation", lang),
        paragraphs=paragraphs,
        headers=tuple(say("statement.column." + key, lang) for key in ("payment", "paid_on", "amount")),
        rows=tuple(
            (_payment_label(payment, lang), format_date(payment.paid_on, lang), money(payment.amount))
            for payment in assessment.payments
        ),
        numeric=frozenset({2}),
    )


def _payment_label(payment: Payment, lang: str) -> str:
    """A payment's reference; a refund's says so: « REV-1 (reversement) »."""
    return f"{payment.reference} ({say('payment.kind.refund', lang)})" if payment.refund else payment.reference


def _bases(assessment: Assessment, lang: str) -> Section:
    """The clauses of the deliberation the computation applies, then the articles of law it cites."""
    steps = assessment.trace()
    clauses = [clause for clause in Clause if any(step.clause is clause for step in steps)]
    bases: list[LegalBasis] = []
    for step in steps:
        if step.basis is not None and step.basis not in bases:
            bases.append(step.basis)
    rows = [(clause.value, clause.subject(lang), say("statement.deliberation_source", lang)) for clause in clauses]
    rows += [(basis.citation, basis.subject(lang), basis.legifrance_id or "—") for basis in bases]
    return Section(
        heading=say("statement.bases", lang),
        headers=tuple(say("statement.column." + key, lang) for key in ("basis", "subject", "reference")),
        rows=tuple(rows),
    )
