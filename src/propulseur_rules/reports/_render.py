"""Renderers: an :class:`Assessment` as JSON-ready data, text, Markdown or HTML.

Renderers read an assessment and never compute a rule: every figure they show
is a field of the assessment.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from ..rules._dates import Period
from ..rules._documents import DocumentKind
from ..rules._financing import FinanceTerm, FinancingTerms
from ..rules._legal import CONVENTION_REQUIRED, WITHDRAWAL_OF_SUBSIDY, LegalBasis
from ..rules._money import money_text
from ..rules._outcome import (
    FINANCING_FIGURES,
    MONEY_FIGURES,
    Assessment,
    Condition,
    ContractStatus,
    Deadline,
    DeadlineKind,
    UnmetCondition,
)
from ..rules._plain import convention_to_dict
from ..rules._territory import metropole_commune
from ..words._catalogue import say
from ..words._format import format_date, format_decimal, format_money, format_period
from ..words._language import check_lang
from ._layout import report_text, table
from ._messages import (
    condition_label,
    document_text,
    reading_label,
    readings_text,
    recovery_text,
    status_label,
    unmet_message,
)
from ._trace import StepKind, TraceStep, condition_met

__all__ = [
    "assessment_html",
    "assessment_records",
    "assessment_to_dict",
    "convention_to_dict",
    "explain",
    "render",
]

#: Without financing terms, the money table leaves out what waits for documents and the balance
#: held (always zero then), as the first release did.
_MONEY_FIELDS = tuple(name for name in MONEY_FIGURES if name not in FINANCING_FIGURES)
_MONEY_LABELS = {"balance_held": "balance_held_money"}


def _money_rows(assessment: Assessment, lang: str) -> list[list[str]]:
    """The money table's rows: the figure's name and its amount."""
    names = _MONEY_FIELDS if assessment.convention.financing is None else MONEY_FIGURES
    return [
        [say("report." + _MONEY_LABELS.get(name, name), lang), format_money(getattr(assessment, name), lang)]
        for name in names
    ]


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _period(period: Period) -> dict[str, str]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _basis_to_dict(basis: LegalBasis | None) -> dict[str, str] | None:
    return None if basis is None else {"key": basis.key, "citation": basis.citation}


def _unmet_to_dict(unmet: UnmetCondition) -> dict[str, Any]:
    return {
        "condition": unmet.condition.value,
        "clause": unmet.clause.value,
        "contract": unmet.contract,
        "amount": money_text(unmet.amount),
        "blocks_payment": unmet.blocks_payment,
        "final": unmet.final,
        "needed": unmet.needed,
        "releases": None if unmet.releases is None else money_text(unmet.releases),
        "basis": _basis_to_dict(unmet.basis),
        "document": None if unmet.document is None else unmet.document.value,
        "covers": unmet.covers,
        "due_on": _day(unmet.due_on),
        "overdue": unmet.overdue,
        "lapsed_on": _day(unmet.lapsed_on),
        "message": {"en": unmet.message("en"), "fr": unmet.message("fr")},
    }


def _deadline_to_dict(deadline: Deadline) -> dict[str, Any]:
    return {
        "kind": deadline.kind.value,
        "due_on": deadline.due_on.isoformat(),
        "covers": deadline.covers,
        "amount": money_text(deadline.amount),
        "received_on": _day(deadline.received_on),
        "arose_on": _day(deadline.arose_on),
        "overdue": deadline.overdue,
        "basis": _basis_to_dict(deadline.basis),
    }


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """An assessment as plain JSON-ready data (money as ``"15000.00"``, dates ISO 8601)."""
    data: dict[str, Any] = {
        "as_of": assessment.as_of.isoformat(),
        "regional_authorisation_on": _day(assessment.regional_authorisation_on),
        "convention": convention_to_dict(assessment.convention),
    }
    data.update({name: money_text(getattr(assessment, name)) for name in _MONEY_FIELDS})
    data["target"] = {
        "required": assessment.convention.required_contracts,
        "eligible": assessment.eligible_contracts,
        "met": assessment.target_met,
    }
    data["years"] = [
        {
            "index": year.index,
            "label": year.period.label,
            "period": _period(year.period),
            "operating_grant": money_text(year.operating_grant),
            "operating_grant_accrues_on": year.operating_grant_accrues_on.isoformat(),
            "contract_grants": money_text(year.contract_grants),
            "entitled": money_text(year.entitled),
            "accrued": money_text(year.accrued),
            "funded": list(year.funded),
            "supplementary": list(year.supplementary),
            "over_annual_limit": list(year.over_annual_limit),
        }
        for year in assessment.years
    ]
    data["contracts"] = [
        {
            "reference": contract.reference,
            "status": contract.status.value,
            "programme_year": contract.programme_year,
            "grant": money_text(contract.grant),
            "accrues_on": _day(contract.accrues_on),
            "unmet": [unmet.condition.value for unmet in contract.unmet],
        }
        for contract in assessment.contracts
    ]
    data["payments"] = [
        {"reference": payment.reference, "paid_on": payment.paid_on.isoformat(), "amount": money_text(payment.amount)}
        for payment in assessment.payments
    ]
    data["unmet"] = [_unmet_to_dict(unmet) for unmet in assessment.unmet]
    # The financing convention (C3's « modalités »): without terms, null, empty lists and zeros.
    data["financing_signed_on"] = _day(assessment.financing_signed_on)
    data["documents"] = [
        {"kind": document.kind.value, "received_on": document.received_on.isoformat(), "covers": document.covers}
        for document in assessment.documents
    ]
    data.update({name: money_text(getattr(assessment, name)) for name in FINANCING_FIGURES})
    data["deadlines"] = [_deadline_to_dict(deadline) for deadline in assessment.deadlines]
    recovery = assessment.recovery
    data["recovery"] = (
        None
        if recovery is None
        else {
            "amount": money_text(recovery.amount),
            "reasons": [condition.value for condition in recovery.reasons],
            "final": recovery.final,
            "bases": [_basis_to_dict(basis) for basis in recovery.bases],
        }
    )
    data["trace"] = [step.to_dict() for step in assessment.trace()]
    return data


def assessment_records(assessment: Assessment) -> list[dict[str, Any]]:
    """One flat record per contract, with the assessment's date and convention repeated.

    Besides the outcome, a record carries what an analyst filters on: the
    startup's name, SIREN, head office (INSEE code) and the name of that commune
    when it is one of the métropole's (``None`` outside), the sector and the
    contract's dates.
    """
    common: dict[str, Any] = {"as_of": assessment.as_of, "convention": assessment.convention.reference}
    records = []
    for result in assessment.contracts:
        contract = result.contract
        startup = contract.startup
        commune = metropole_commune(startup.head_office)
        records.append(
            {
                **common,
                "reference": result.reference,
                "status": result.status.value,
                "programme_year": result.programme_year,
                "grant": result.grant,
                "accrues_on": result.accrues_on,
                "unmet": ", ".join(unmet.condition.value for unmet in result.unmet),
                "startup": startup.name,
                "siren": startup.siren,
                "head_office": startup.head_office,
                "commune": None if commune is None else commune.name,
                "sector": startup.sector.value,
                "applied_on": contract.applied_on,
                "selected_on": contract.selected_on,
                "signed_on": contract.signed_on,
            }
        )
    return records


# --- the financing convention -------------------------------------------------------------


@attrs.frozen
class _Financing:
    """The section on the financing convention, laid out the same way in text, Markdown and HTML:
    paragraphs, the table of supporting documents, more paragraphs, then two lists."""

    before: tuple[str, ...]
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    after: tuple[str, ...]
    lists: tuple[tuple[str, tuple[str, ...]], ...]


def _percent(share: Decimal, lang: str) -> str:
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


def _financing_section(assessment: Assessment, lang: str) -> _Financing | None:
    """C3 « modalités » — what may be paid today and against which documents, what waits, the balance,
    the next deadlines, claims past the limitation and a recovery; ``None`` without financing terms."""
    terms = assessment.convention.financing
    if terms is None:
        return None
    money = functools.partial(format_money, lang=lang)
    before = [
        say(
            "report.financing.assumptions",
            lang,
            lead=say("report.financing.assumed" if terms == FinancingTerms() else "report.financing.given", lang),
            advance=_percent(terms.advance_share, lang),
            advance_term=FinanceTerm.ADVANCE.label(lang),
            balance_term=FinanceTerm.BALANCE.label(lang),
            balance=_percent(terms.balance_share, lang),
            statement=FinanceTerm.FINANCIAL_STATEMENT.label(lang),
            statement_months=terms.financial_statement_months,
            report_months=terms.final_report_months,
            copy_months=terms.contract_copy_months,
        )
    ]
    signed_on = assessment.financing_signed_on
    citation = CONVENTION_REQUIRED.citation
    if signed_on is None:
        signature = say("financing.not_signed", lang)
    else:
        signed = condition_met(assessment, Condition.FINANCING_CONVENTION_SIGNED)
        key = "financing.signed" if signed else "financing.signed_later"
        signature = say(key, lang, day=format_date(signed_on, lang))
    before.append(say("report.financing.cited", lang, sentence=signature, citation=citation))
    documents = _documents(assessment)
    received = sum(1 for deadline in documents if deadline.received_on is not None)
    if received:
        before.append(
            say(
                "report.financing.payable",
                lang,
                nature=_payment_nature(assessment, lang),
                payable=money(assessment.payable),
                releasable=money(assessment.releasable),
                awaiting=money(assessment.awaiting_documents),
                balance=money(assessment.balance_held),
                paid=money(assessment.paid),
                received=received,
            )
        )
    else:
        before.append(say("report.financing.payable_none", lang, payable=money(assessment.payable)))
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
        withdrawal = f" ({WITHDRAWAL_OF_SUBSIDY.citation})"
        after.append(recovery_text(money(recovery.amount), reasons, lang, withdrawal=withdrawal))
    if condition_met(assessment, Condition.FINANCING_CONVENTION_SIGNED):
        after.append(say("report.financing.open_data", lang))
    coming = tuple(_next_deadline(deadline, lang) for deadline in assessment.next_deadlines)
    lists = [(say("report.financing.next", lang), coming or (say("report.financing.next_none", lang),))]
    barred = tuple(
        unmet_message(unmet, lang, cite=True)
        for unmet in assessment.unmet
        if unmet.condition is Condition.CLAIM_TIME_BARRED
    )
    if barred:
        lists.append((say("report.financing.time_barred", lang), barred))
    return _Financing(
        before=tuple(before),
        headers=tuple(
            say("report." + key, lang)
            for key in ("financing.document", "financing.due_on", "financing.received_on", "financing.waiting")
        ),
        rows=tuple(_document_row(deadline, lang) for deadline in documents),
        after=tuple(after),
        lists=tuple(lists),
    )


def _financing_lines(section: _Financing, markdown: bool) -> list[str]:
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


# --- text and Markdown ----------------------------------------------------------------


def _title(assessment: Assessment, lang: str) -> str:
    return say(
        "report.title", lang, reference=assessment.convention.reference, as_of=format_date(assessment.as_of, lang)
    )


def _header(assessment: Assessment, lang: str) -> list[str]:
    convention = assessment.convention
    money = functools.partial(format_money, lang=lang)
    return [
        _title(assessment, lang),
        say("report.parties", lang, funder=convention.funder, beneficiary=convention.beneficiary),
        say(
            "report.terms",
            lang,
            period=format_period(convention.period, lang),
            cap=money(convention.total_cap),
            operating=money(convention.operating_grant_per_year),
            per_contract=money(convention.grant_per_contract),
            limit=convention.max_funded_contracts_per_year,
            required=convention.required_contracts,
        ),
        readings_text(convention, lang),
    ]


def _contract_why(unmets: tuple[UnmetCondition, ...], lang: str) -> str:
    return "; ".join(f"{condition_label(unmet.condition, lang)} ({unmet.clause.value})" for unmet in unmets)


def _year_headers(lang: str) -> list[str]:
    return [say("report." + key, lang) for key in ("year", "operating", "contract_grants", "entitled", "accrued")]


def _year_rows(assessment: Assessment, lang: str) -> list[list[str]]:
    """The programme years as table rows: the year, its operating grant, contract grants, entitled, accrued."""
    money = functools.partial(format_money, lang=lang)
    return [
        [
            f"{year.index} ({year.period.label})",
            money(year.operating_grant),
            money(year.contract_grants),
            money(year.entitled),
            money(year.accrued),
        ]
        for year in assessment.years
    ]


def _contract_headers(lang: str) -> list[str]:
    return [say("report." + key, lang) for key in ("reference", "status", "year", "grant", "why")]


def _contract_rows(assessment: Assessment, lang: str) -> list[list[str]]:
    """The contracts as table rows: reference, status, programme year, grant, and the conditions unmet."""
    return [
        [
            contract.reference,
            status_label(contract.status, lang),
            "" if contract.programme_year is None else str(contract.programme_year),
            format_money(contract.grant, lang),
            _contract_why(contract.unmet, lang),
        ]
        for contract in assessment.contracts
    ]


def render(assessment: Assessment, lang: str = "en", markdown: bool = False) -> str:
    """The assessment as a readable report: years, contracts, money and unmet conditions."""
    check_lang(lang)
    heading = (lambda title: ["", f"## {title}", ""]) if markdown else (lambda title: ["", title])
    lines = _header(assessment, lang)
    if markdown:
        lines = [f"# {lines[0]}", "", *lines[1:]]

    lines += heading(say("report.years", lang))
    lines += table(_year_headers(lang), _year_rows(assessment, lang), markdown, right={1, 2, 3, 4})

    lines += heading(say("report.contracts", lang))
    if assessment.contracts:
        lines += table(_contract_headers(lang), _contract_rows(assessment, lang), markdown, right={2, 3})
    else:
        lines.append(say("report.no_contracts", lang))
    if markdown:
        lines.append("")
    lines.append(
        say(
            "report.target_count",
            lang,
            eligible=assessment.eligible_contracts,
            required=assessment.convention.required_contracts,
        )
    )

    lines += heading(say("report.money", lang))
    money_table = table([say("report.money", lang), ""], _money_rows(assessment, lang), markdown, right={1})
    lines += money_table if markdown else money_table[2:]  # in text, the heading above names the table

    financing = _financing_section(assessment, lang)
    if financing is not None:
        lines += heading(say("report.financing", lang))
        lines += _financing_lines(financing, markdown)

    lines += heading(say("report.unmet", lang))
    lines += _unmet_lines(assessment, lang, bullet="- " if markdown else "  ")
    return report_text(lines, markdown)


def _unmet_lines(assessment: Assessment, lang: str, bullet: str) -> list[str]:
    if not assessment.unmet:
        return [say("report.all_met", lang)]
    return [f"{bullet}[{unmet.clause.value}] {unmet_message(unmet, lang, cite=False)}" for unmet in assessment.unmet]


def explain(assessment: Assessment, lang: str = "en", markdown: bool = False) -> str:
    """The trace of an assessment (:meth:`Assessment.trace`) as text or Markdown.

    Each programme year with each amount, its clause and its arithmetic; each
    contract's status and why; the conditions of payment; the money figures; and
    each unmet condition with the words of its clause and what would lift it.
    """
    check_lang(lang)
    lines = _header(assessment, lang)
    if markdown:
        lines = [f"# {lines[0]}", "", *lines[1:]]
    bullet, quote_prefix = ("- ", "  > ") if markdown else ("  ", "      ")
    # The trace lists one UNMET step per unmet condition, in the order of
    # ``assessment.unmet``: each is worded from the condition itself, so the text
    # always follows from the outcome, never the outcome from a step's inputs.
    unmets = iter(assessment.unmet)
    section = ""
    for step in assessment.trace():
        if step.kind is StepKind.YEAR:
            heading = _step_line(step, lang)
            section = f"year {step.input('year')}"
        else:
            name = _STEP_SECTIONS.get(step.kind, section)
            heading = _section_title(name, lang) if name != section else ""
            section = name
        if heading:
            lines += ["", f"## {heading}", ""] if markdown else ["", heading]
        if step.kind is StepKind.YEAR:
            continue
        tag = f"[{step.clause.value}] " if step.clause is not None else ""
        if step.kind is StepKind.UNMET:
            unmet = next(unmets)
            lines.append(f"{bullet}{tag}{unmet_message(unmet, lang, cite=False)}")
            lines.append(quote_prefix + say("step.unmet.quote", lang, quote=unmet.clause.quote))
        else:
            lines.append(f"{bullet}{tag}{_cite_basis(_step_line(step, lang), step)}")
    return report_text(lines, markdown)


def _cite_basis(line: str, step: TraceStep) -> str:
    """The step's sentence citing the article of law it applies, if any, before its last full stop."""
    if step.basis is None:
        return line
    stop = "." if line.endswith(".") else ""
    return f"{line.removesuffix('.')} ({step.basis.citation}){stop}"


#: The section of the explanation each kind of step is shown in; steps of a
#: programme year stay under that year's heading.
_STEP_SECTIONS: dict[StepKind, str] = {
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


def _section_title(name: str, lang: str) -> str:
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
        return say("unit.percent", lang, value=_percent(Decimal(value), lang))
    if name == "by_year" and isinstance(value, tuple):
        return " + ".join(format_money(Decimal(amount), lang) for amount in value)
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    return str(value)


def _step_line(step: TraceStep, lang: str) -> str:
    """The sentence of one step of the trace."""
    values = {name: _shown(name, value, lang) for name, value in step.inputs}
    if step.amount is not None:
        values["amount"] = format_money(step.amount, lang)
    kind = step.kind
    if kind is StepKind.DELIBERATION:
        state = "deliberation.adopted" if step.input("adopted") else "deliberation.not_adopted"
        return say("step.deliberation", lang, **values) + say("step." + state, lang)
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
                f"{condition_label(Condition(code), lang)} ({clause})"
                for code, clause in zip(codes, clauses, strict=True)
            )
            line += say("step.contract_status.why", lang, why=why)
        return line
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
    # The withdrawal's article is the step's basis, cited at the end of its sentence.
    return recovery_text(values["amount"], values["reasons"] if step.input("reasons") else "", lang)


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


# --- HTML for notebooks -----------------------------------------------------------------


def assessment_html(assessment: Assessment, lang: str = "en") -> str:
    """An HTML view for notebooks: the programme years, the contracts and the money as
    tables, then the unmet conditions with their clauses. Every text is escaped, so a
    reference or a name holding markup shows as written and never runs.
    """
    check_lang(lang)
    esc = html.escape
    right = ' style="text-align:right"'

    def row(cells: list[str], numeric: set[int], headers: set[int]) -> str:
        html_cells = []
        for index, cell in enumerate(cells):
            tag = "th" if index in headers else "td"
            html_cells.append(f"<{tag}{right if index in numeric else ''}>{esc(cell)}</{tag}>")
        return "<tr>" + "".join(html_cells) + "</tr>"

    def html_table(caption: str, headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
        """A table with a header row, or with a header column when ``headers`` is empty."""
        head = f"<thead>{row(headers, numeric, set(range(len(headers))))}</thead>" if headers else ""
        body = "".join(row(cells, numeric, set() if headers else {0}) for cells in rows)
        return f"<table><caption>{esc(caption)}</caption>{head}<tbody>{body}</tbody></table>"

    parts = [
        '<div class="propulseur-rules">',
        f"<p><strong>{esc(_title(assessment, lang))}</strong></p>",
        f"<p>{esc(readings_text(assessment.convention, lang))}</p>",
    ]
    parts.append(
        html_table(
            say("report.years", lang),
            _year_headers(lang),
            _year_rows(assessment, lang),
            {1, 2, 3, 4},
        )
    )
    if assessment.contracts:
        parts.append(
            html_table(
                say("report.contracts", lang),
                _contract_headers(lang),
                _contract_rows(assessment, lang),
                {2, 3},
            )
        )
    else:
        parts.append(f"<p>{esc(say('report.no_contracts', lang))}</p>")
    target = say(
        "report.target_count",
        lang,
        eligible=assessment.eligible_contracts,
        required=assessment.convention.required_contracts,
    )
    parts.append(f"<p>{esc(target)}</p>")
    parts.append(html_table(say("report.money", lang), [], _money_rows(assessment, lang), {1}))
    financing = _financing_section(assessment, lang)
    if financing is not None:
        parts.append(f"<p><strong>{esc(say('report.financing', lang))}</strong></p>")
        parts += [f"<p>{esc(paragraph)}</p>" for paragraph in financing.before]
        if financing.rows:
            parts.append(
                html_table(
                    say("report.financing.documents", lang),
                    list(financing.headers),
                    [list(row) for row in financing.rows],
                    {3},
                )
            )
        parts += [f"<p>{esc(paragraph)}</p>" for paragraph in financing.after]
        for title, items in financing.lists:
            parts.append(f"<p>{esc(title)}</p><ul>")
            parts += [f"<li>{esc(item)}</li>" for item in items]
            parts.append("</ul>")
    parts.append(f"<p><strong>{esc(say('report.unmet', lang))}</strong></p>")
    if assessment.unmet:
        parts.append("<ul>")
        parts += [
            f"<li>[{esc(unmet.clause.value)}] {esc(unmet_message(unmet, lang, cite=False))}</li>"
            for unmet in assessment.unmet
        ]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{esc(say('report.all_met', lang))}</p>")
    parts.append("</div>")
    return "".join(parts)
