"""C3 « modalités » — the report's section on the financing convention, laid out once for text, Markdown and HTML.

What may be paid today and against which documents, what waits, the balance,
the next deadlines, the claims past the limitation and a recovery, each read
from the assessment; ``None`` without financing terms.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from decimal import Decimal

import attrs

from ..rules._financing import FinanceTerm, FinancingTerms
from ..rules._legal import CONVENTION_REQUIRED
from ..rules._outcome import Assessment, Condition, Deadline, DeadlineKind
from ..words._catalogue import say
from ..words._format import format_date, format_decimal, format_money
from ._layout import table
from ._messages import condition_label, document_text, recovery_text, unmet_message
from ._trace import condition_met

__all__ = ["FinancingSection", "financing_lines", "financing_section", "percent"]


@attrs.frozen
class FinancingSection:
    """The section on the financing convention, laid out the same way in text, Markdown and HTML:
    paragraphs, the table of supporting documents, more paragraphs, then two lists."""

    before: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    after: tuple[str, ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...]


def percent(share: Decimal, lang: str) -> str:
    return format_decimal(format(share.scaleb(2).normalize(), "f"), lang)


def _payment_nature(assessment: Assessment, lang: str) -> str:
    """What a payment now would be: the balance (« solde ») once the engine released it (the target met and
    the final report in), else an instalment (« acompte »); nothing when nothing is payable."""
    if not assessment.payable:
        return ""
    released = assessment.balance_released_on is not None
    return say("report.financing.as_balance" if released else "report.financing.as_instalment", lang)


def _documents(assessment: Assessment) -> tuple[Deadline, ...]:
    return tuple(deadline for deadline in assessment.deadlines if deadline.kind is not DeadlineKind.LIMITATION)


def _document_row(deadline: Deadline, lang: str) -> tuple[str, ...]:
    if deadline.received_on is not None:
        received = format_date(deadline.received_on, lang)
    else:
        received = say("report.financing.overdue" if deadline.overdue else "report.financing.not_received", lang)
    return (
        document_text(deadline.kind.document, deadline.covers, lang),
        format_date(deadline.due_on, lang),
        received,
        format_money(deadline.amount, lang),
    )


def _next_deadline(deadline: Deadline, lang: str) -> str:
    day = format_date(deadline.due_on, lang)
    if deadline.kind is DeadlineKind.LIMITATION:
        return say(
            "report.financing.next_limitation",
            lang,
            day=day,
            amount=format_money(deadline.amount, lang),
            arose="—" if deadline.arose_on is None else format_date(deadline.arose_on, lang),
            term=FinanceTerm.LIMITATION.label(lang),
            citation="" if deadline.basis is None else deadline.basis.citation,
        )
    waiting = (
        say("report.financing.next_waiting", lang, amount=format_money(deadline.amount, lang))
        if deadline.amount
        else ""
    )
    document = document_text(deadline.kind.document, deadline.covers, lang)
    return say("report.financing.next_document", lang, day=day, document=document, waiting=waiting)


def financing_section(
    assessment: Assessment, lang: str, *, assumed: Collection[str] | None = None
) -> FinancingSection | None:
    """C3 « modalités » — what may be paid today and against which documents, what waits, the balance,
    the next deadlines, claims past the limitation and a recovery; ``None`` without financing terms.

    ``assumed`` names the terms (fields of ``FinancingTerms``) assumed by the library rather than
    given, when the caller knows where each came from; ``None``: terms equal to the library's
    assumptions are said to be assumed, any other to be given."""
    terms = assessment.convention.financing
    if terms is None:
        return None
    documents = _documents(assessment)
    received = sum(1 for deadline in documents if deadline.received_on is not None)
    before = (_assumptions(terms, lang, assumed), _signature(assessment, lang), _payable(assessment, received, lang))
    return FinancingSection(
        before=before,
        headers=tuple(
            say("report." + key, lang)
            for key in ("financing.document", "financing.due_on", "financing.received_on", "financing.waiting")
        ),
        rows=tuple(_document_row(deadline, lang) for deadline in documents),
        after=tuple(_after(assessment, lang)),
        lists=tuple(_lists(assessment, lang)),
    )


def _lead(terms: FinancingTerms, lang: str, assumed: Collection[str] | None) -> str:
    """Whether the terms are assumed, given, or some of each (each assumed one named)."""
    names = [field.name for field in attrs.fields(FinancingTerms)]
    if assumed is None:
        return say("report.financing.assumed" if terms == FinancingTerms() else "report.financing.given", lang)
    if not assumed:
        return say("report.financing.given", lang)
    if set(names) <= set(assumed):
        return say("report.financing.assumed", lang)
    listed = ", ".join(say("inputs.term." + name, lang) for name in names if name in assumed)
    return say("inputs.terms_partly_assumed", lang, assumed=listed)


def _assumptions(terms: FinancingTerms, lang: str, assumed: Collection[str] | None) -> str:
    """The terms: assumed or given, the advance, the balance and the months each document may take."""
    return say(
        "report.financing.assumptions",
        lang,
        lead=_lead(terms, lang, assumed),
        advance=percent(terms.advance_share, lang),
        advance_term=FinanceTerm.ADVANCE.label(lang),
        balance_term=FinanceTerm.BALANCE.label(lang),
        balance=percent(terms.balance_share, lang),
        statement=FinanceTerm.FINANCIAL_STATEMENT.label(lang),
        statement_months=terms.financial_statement_months,
        report_months=terms.final_report_months,
        copy_months=terms.contract_copy_months,
    )


def _signature(assessment: Assessment, lang: str) -> str:
    """Whether and when the financing convention was signed, as the engine judged it, with its article."""
    signed_on = assessment.financing_signed_on
    if signed_on is None:
        signature = say("financing.not_signed", lang)
    else:
        signed = condition_met(assessment, Condition.FINANCING_CONVENTION_SIGNED)
        key = "financing.signed" if signed else "financing.signed_later"
        signature = say(key, lang, day=format_date(signed_on, lang))
    return say("report.financing.cited", lang, sentence=signature, citation=CONVENTION_REQUIRED.citation)


def _payable(assessment: Assessment, received: int, lang: str) -> str:
    """What may be paid today, and, once documents have come in, how it follows from the other figures."""
    money = functools.partial(format_money, lang=lang)
    if not received:
        return say("report.financing.payable_none", lang, payable=money(assessment.payable))
    return say(
        # Loi n° 68-1250, art. 1er and 6: the claims time-barred are withheld unless the council relieved them.
        "report.financing.payable_time_barred" if assessment.time_barred else "report.financing.payable",
        lang,
        nature=_payment_nature(assessment, lang),
        payable=money(assessment.payable),
        releasable=money(assessment.releasable),
        awaiting=money(assessment.awaiting_documents),
        balance=money(assessment.balance_held),
        paid=money(assessment.paid),
        time_barred=money(assessment.time_barred),
        received=received,
    )


def _after(assessment: Assessment, lang: str) -> list[str]:
    """The money that waits for each document, the balance held, a recovery and the open data due."""
    money = functools.partial(format_money, lang=lang)
    after = [
        say(
            "report.financing.awaited",
            lang,
            amount=money(deadline.amount),
            document=document_text(deadline.kind.document, deadline.covers, lang),
            day=format_date(deadline.due_on, lang),
            late=say("unmet.overdue", lang) if deadline.overdue else "",
        )
        for deadline in assessment.awaited
        if deadline.kind is not DeadlineKind.FINAL_REPORT
    ]
    if assessment.balance_held:
        after.append(say("financing.balance_held", lang, amount=money(assessment.balance_held), share=""))
    recovery = assessment.recovery
    if recovery is not None:
        reasons = ", ".join(condition_label(condition, lang) for condition in recovery.reasons)
        withdrawal = "" if recovery.withdrawal is None else f" ({recovery.withdrawal.citation})"
        text = recovery_text(
            money(recovery.amount), reasons, recovery.cause, lang, final=recovery.final, withdrawal=withdrawal
        )
        after.append(text)
    if condition_met(assessment, Condition.FINANCING_CONVENTION_SIGNED):
        after.append(say("report.financing.open_data", lang))
    return after


def _lists(assessment: Assessment, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """The next deadlines (or the sentence that there are none), then the claims past the limitation."""
    coming = tuple(_next_deadline(deadline, lang) for deadline in assessment.next_deadlines)
    lists = [(say("report.financing.next", lang), coming or (say("report.financing.next_none", lang),))]
    barred = tuple(
        unmet_message(unmet, lang, cite=True)
        for unmet in assessment.unmet
        if unmet.condition is Condition.CLAIM_TIME_BARRED
    )
    if barred:
        lists.append((say("report.financing.time_barred", lang), barred))
    return lists


def financing_lines(section: FinancingSection, markdown: bool) -> list[str]:
    """The section as lines of text or Markdown, after its heading."""
    lines: list[str] = []
    for paragraph in section.before:
        lines += [paragraph, ""] if markdown else [paragraph]
    if section.rows:
        if not markdown:
            lines.append("")
        lines += table(list(section.headers), [list(row) for row in section.rows], markdown, right={3})
        lines.append("")
    for paragraph in section.after:
        lines += [paragraph, ""] if markdown else [paragraph]
    for title, items in section.lists:
        if not markdown and lines and lines[-1] != "":
            lines.append("")
        lines.append(title)
        if markdown:
            lines.append("")
        lines += [f"{'- ' if markdown else '  '}{item}" for item in items]
        if markdown:
            lines.append("")
    while lines and lines[-1] == "":
        lines.pop()
    return lines
