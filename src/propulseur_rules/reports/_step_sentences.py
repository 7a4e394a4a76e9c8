"""The sentence of each step of the trace, and the section of the explanation it is shown in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from ..rules._documents import DocumentKind
from ..rules._outcome import Condition, ContractStatus, RecoveryCause
from ..words._catalogue import say
from ..words._format import format_date, format_money
from ._financing_section import percent
from ._messages import condition_label, document_text, failure_label, reading_label, recovery_text, status_label
from ._step_kind import StepKind
from ._trace import TraceStep

__all__ = ["STEP_SECTIONS", "cite_basis", "section_title", "step_line"]


def cite_basis(line: str, step: TraceStep) -> str:
    """The step's sentence citing the article of law it applies, if any, before its last full stop."""
    if step.basis is None:
        return line
    stop = "." if line.endswith(".") else ""
    return f"{line.removesuffix('.')} ({step.basis.citation}){stop}"


#: The section of the explanation each kind of step is shown in; steps of a
#: programme year stay under that year's heading.
STEP_SECTIONS: dict[StepKind, str] = {
    StepKind.PERIOD: "step.section.convention",
    StepKind.DELIBERATION: "step.section.convention",
    StepKind.CONTRACT_STATUS: "report.contracts",
    StepKind.TARGET: "step.section.conditions",
    StepKind.REGIONAL_AUTHORISATION: "step.section.conditions",
    StepKind.PAYMENT: "report.payments",
    StepKind.ACCRUED: "report.money",
    StepKind.WITHHELD: "report.money",
    StepKind.RELEASABLE: "report.money",
    StepKind.PAID: "report.money",
    StepKind.PAYABLE: "report.money",
    StepKind.EXCESS_PAID: "report.money",
    StepKind.FINANCING_CONVENTION: "step.section.conditions",
    StepKind.DOCUMENT: "report.financing",
    StepKind.BALANCE: "report.financing",
    StepKind.LIMITATION: "report.financing",
    StepKind.RECOVERY: "report.financing",
    StepKind.UNMET: "report.unmet",
}


def section_title(name: str, lang: str) -> str:
    return say(name, lang)


def _shown(name: str, value: object, lang: str) -> str:
    """One input of a step as a reader sees it."""
    if isinstance(value, Decimal):
        return format_money(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if value is None:
        return "—"
    if name == "status" and isinstance(value, str):
        return status_label(ContractStatus(value), lang)
    if name in ("policy", "target_policy", "accrual", "places") and isinstance(value, str):
        return reading_label(value, lang)
    if name in ("blocking", "unmet", "reasons") and isinstance(value, tuple):
        return ", ".join(condition_label(Condition(code), lang) for code in value) or "—"
    if name == "balance_share" and isinstance(value, str):
        return say("unit.percent", lang, value=percent(Decimal(value), lang))
    if name == "by_year" and isinstance(value, tuple):
        return " + ".join(format_money(Decimal(amount), lang) for amount in value)
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def step_line(step: TraceStep, lang: str) -> str:
    """The sentence of one step of the trace."""
    values = {name: _shown(name, value, lang) for name, value in step.inputs}
    if step.amount is not None:
        values["amount"] = format_money(step.amount, lang)
    kind = step.kind
    if kind is StepKind.DELIBERATION:
        line = say("step.deliberation", lang, **values)
        if step.input("second_convocation"):
            line += say("step.deliberation.second_convocation", lang)
        failure = step.input("failure")
        if failure is not None:
            return line + say(f"step.deliberation.{failure}", lang)
        if step.input("decided_by_president"):
            line += say("step.deliberation.casting_vote", lang)
        line += say("step.deliberation.adopted", lang)
        if step.input("executory_on") is not None:
            line += say("step.deliberation.executory", lang, **values)
        return line
    if kind in (StepKind.OPERATING_GRANT, StepKind.CONTRACT_GRANT):
        line = say("step." + kind.value, lang, **values)
        if step.amount != step.input("nominal"):
            line += say("step.grant.cut", lang, **values)
        return line + say("step.grant.accrued" if step.input("accrued") else "step.grant.pending", lang, **values)
    if kind is StepKind.CONTRACT_STATUS:
        key = "contract_status" if step.input("programme_year") is None else "contract_status.year"
        line = say("step." + key, lang, **values)
        codes, clauses = step.input("unmet"), step.input("clauses")
        if isinstance(codes, tuple) and isinstance(clauses, tuple) and codes:
            why = "; ".join(
                f"{failure_label(Condition(code), lang)} ({clause})"
                for code, clause in zip(codes, clauses, strict=True)
            )
            line += say("step.contract_status.why", lang, why=why)
        return line
    if kind is StepKind.PAYMENT and step.amount is not None and step.amount < 0:
        return say("step.refund", lang, **values)  # a refund (« reversement »): a negative payment
    if kind is StepKind.READINGS:
        line = say("step.readings", lang, **values)
        if step.input("selected_from") is not None:
            line += say("step.readings.selected_from", lang, **values)
        return line
    if kind is StepKind.REGIONAL_AUTHORISATION:
        if step.input("authorised_on") is None:
            return say("step.regional_authorisation.missing", lang)
        key = "regional_authorisation" if step.input("validated") else "regional_authorisation.later"
        return say("step." + key, lang, **values)
    if kind is StepKind.YEAR_TOTAL and step.input("places") == "pooled":
        return say("step.year_total.pooled", lang, **values)
    if kind is StepKind.WITHHELD and not step.input("blocking"):
        return say("step.withheld.none", lang, **values)
    if kind in _FINANCING_STEPS:
        return _FINANCING_STEPS[kind](step, values, lang)
    return say("step." + kind.value, lang, **values)


def _payable_line(step: TraceStep, values: dict[str, str], lang: str) -> str:
    if step.input("time_barred"):  # loi n° 68-1250, art. 1er and 6: withheld unless the council relieved it
        return say("step.payable.time_barred", lang, **values)
    waiting = step.input("awaiting_documents") or step.input("balance_held")
    return say("step.payable.financing" if waiting else "step.payable", lang, **values)


def _financing_convention_line(step: TraceStep, values: dict[str, str], lang: str) -> str:
    if step.input("signed_on") is None:
        return say("financing.not_signed", lang) + "."
    key = "financing.signed" if step.input("signed") else "financing.signed_later"
    return say(key, lang, day=values["signed_on"]) + "."


def _document_line(step: TraceStep, values: dict[str, str], lang: str) -> str:
    document, covers = step.input("document"), step.input("covers")
    if isinstance(document, str) and (covers is None or isinstance(covers, str | int)):
        shown = document_text(DocumentKind(document), covers, lang)
        values["document"] = shown[:1].upper() + shown[1:]
    if step.input("received_on") is not None:
        return say("step.document", lang, **values)
    if step.input("overdue"):
        return say("step.document.overdue", lang, **values)
    return say("step.document.awaited" if step.amount else "step.document.due", lang, **values)


def _balance_line(step: TraceStep, values: dict[str, str], lang: str) -> str:
    released = step.input("released_on") is not None
    if released:
        return say("step.balance.released", lang, **values)
    return say("financing.balance_held", lang, amount=values["amount"], share=say("step.balance.share", lang, **values))


def _recovery_line(step: TraceStep, values: dict[str, str], lang: str) -> str:
    # The withdrawal's article, for a breach, is the step's basis, cited at the end of its sentence.
    cause = RecoveryCause(step.input("cause"))
    reasons = values["reasons"] if step.input("reasons") else ""
    return recovery_text(values["amount"], reasons, cause, lang, final=bool(step.input("final")))


def _limitation_line(step: TraceStep, values: dict[str, str], lang: str) -> str:
    if step.input("overdue"):
        return say("step.limitation.overdue", lang, **values) + say("limitation.funder_only", lang) + "."
    return say("step.limitation", lang, **values)


#: The sentences of the steps whose wording depends on their state, by kind.
_FINANCING_STEPS: dict[StepKind, Callable[[TraceStep, dict[str, str], str], str]] = {
    StepKind.PAYABLE: _payable_line,
    StepKind.FINANCING_CONVENTION: _financing_convention_line,
    StepKind.DOCUMENT: _document_line,
    StepKind.BALANCE: _balance_line,
    StepKind.LIMITATION: _limitation_line,
    StepKind.RECOVERY: _recovery_line,
}
