"""The views of an :class:`Assessment`: the report as text or Markdown, the explanation, HTML and plain data.

Views read an assessment and never compute a rule: every figure they show is a
field of the assessment. Each view here is assembled from parts kept by
concern: the report's title and tables (``_tables``), the section on the
financing convention (``_financing_section``), the sentences of the trace's steps
(``_step_sentences``), the HTML markup (``_html``) and the parts of the plain
data (``_data``).
"""

from __future__ import annotations

import html
from collections.abc import Collection
from typing import Any

from ..rules._money import money_text
from ..rules._outcome import Assessment
from ..rules._plain import convention_to_dict
from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of
from ..words._format import format_money
from ..words._language import check_lang
from ._data import contracts_to_dict, day_text, financing_to_dict, unmet_to_dict, years_to_dict
from ._financing_section import financing_lines, financing_section
from ._html import financing_html, html_table, unmet_html
from ._layout import report_text, table
from ._messages import readings_text, unmet_message
from ._step_kind import StepKind
from ._step_sentences import STEP_SECTIONS, cite_basis, section_title, step_line
from ._tables import (
    CONTRACT_AMOUNTS,
    MONEY_WITHOUT_TERMS,
    contract_headers,
    contract_rows,
    money_rows,
    report_header,
    report_title,
    year_headers,
    year_rows,
)

__all__ = [
    "assessment_html",
    "assessment_to_dict",
    "convention_to_dict",
    "explain",
    "render",
]


def assessment_to_dict(assessment: Assessment, *, trace: bool = True) -> dict[str, Any]:
    """An assessment as plain JSON-ready data (money as ``"15000.00"``, dates ISO 8601).

    ``trace=False`` leaves out ``"trace"``, the steps behind the figures: about
    half of the data, which a service that only returns the figures does without.
    """
    if not isinstance(trace, bool):
        raise InvalidInput("trace", "error.expected_true_or_false", type=kind_of(trace))
    data: dict[str, Any] = {
        "as_of": assessment.as_of.isoformat(),
        "regional_authorisation_on": day_text(assessment.regional_authorisation_on),
        "convention": convention_to_dict(assessment.convention),
    }
    data.update({name: money_text(getattr(assessment, name)) for name in MONEY_WITHOUT_TERMS})
    data["target"] = {
        "required": assessment.convention.required_contracts,
        "eligible": assessment.eligible_contracts,
        "met": assessment.target_met,
    }
    data["years"] = years_to_dict(assessment)
    data["contracts"] = contracts_to_dict(assessment)
    data["payments"] = [
        {
            "reference": payment.reference,
            "paid_on": payment.paid_on.isoformat(),
            "amount": money_text(payment.amount),
            "kind": "refund" if payment.refund else "payment",  # a refund (« reversement ») is negative
        }
        for payment in assessment.payments
    ]
    data["unmet"] = [unmet_to_dict(unmet) for unmet in assessment.unmet]
    data.update(financing_to_dict(assessment))
    if trace:
        data["trace"] = [step.to_dict() for step in assessment.trace()]
    return data


def headline(assessment: Assessment, lang: str, *, ceiling: Assessment | None, fictitious: bool) -> list[str]:
    """What the figures rest on, under the report's title: a fictitious example says so; with assumed
    terms, the payable under the deliberation alone (the ceiling, ``ceiling.payable``) and under the
    assumed terms (a simulation), side by side (C3)."""
    lines = [say("inputs.fictitious", lang)] if fictitious else []
    if ceiling is not None:
        lines.append(say("inputs.headline.ceiling", lang, payable=format_money(ceiling.payable, lang)))
        lines.append(say("inputs.headline.simulation", lang, payable=format_money(assessment.payable, lang)))
    return lines


def _top(assessment: Assessment, lang: str, markdown: bool, ceiling: Assessment | None, fictitious: bool) -> list[str]:
    """The report's header, then its headline; in Markdown the title as a heading and the headline as a list."""
    lines = report_header(assessment, lang)
    shown = headline(assessment, lang, ceiling=ceiling, fictitious=fictitious)
    if not markdown:
        return lines + (["", *shown] if shown else [])
    return [f"# {lines[0]}", "", *lines[1:], *(["", *(f"- **{line}**" for line in shown)] if shown else [])]


def _checked_assessment(assessment: object, ceiling: object) -> None:
    """A report is of an :class:`Assessment`, and its ceiling too when given: anything else is refused by name."""
    for name, value in (("assessment", assessment), ("ceiling", ceiling)):
        if not isinstance(value, Assessment) and (name == "assessment" or value is not None):
            raise InvalidInput(name, "error.expected_a_kind", kind="Assessment", type=kind_of(value))


def render(
    assessment: Assessment,
    lang: str = "en",
    markdown: bool = False,
    *,
    ceiling: Assessment | None = None,
    fictitious: bool = False,
    assumed: Collection[str] | None = None,
) -> str:
    """The assessment as a readable report: years, contracts, money and unmet conditions.

    ``ceiling``, the same case assessed under the deliberation alone, is shown beside the
    payable when the financing terms are assumed; ``fictitious`` says the facts are the
    built-in example's, invented; ``assumed`` names the financing terms assumed rather than
    given (see :func:`financing_section`).
    """
    check_lang(lang)
    _checked_assessment(assessment, ceiling)
    heading = (lambda title: ["", f"## {title}", ""]) if markdown else (lambda title: ["", title])
    lines = _top(assessment, lang, markdown, ceiling, fictitious)

    lines += heading(say("report.years", lang))
    lines += table(year_headers(lang), year_rows(assessment, lang), markdown, right={1, 2, 3, 4})

    lines += heading(say("report.contracts", lang))
    if assessment.contracts:
        lines += table(contract_headers(lang), contract_rows(assessment, lang), markdown, right=CONTRACT_AMOUNTS)
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
    money_table = table([say("report.money", lang), ""], money_rows(assessment, lang), markdown, right={1})
    lines += money_table if markdown else money_table[2:]  # in text, the heading above names the table

    financing = financing_section(assessment, lang, assumed=assumed)
    if financing is not None:
        lines += heading(say("report.financing", lang))
        lines += financing_lines(financing, markdown)

    lines += heading(say("report.unmet", lang))
    lines += _unmet_lines(assessment, lang, bullet="- " if markdown else "  ")
    return report_text(lines, markdown)


def _unmet_lines(assessment: Assessment, lang: str, bullet: str) -> list[str]:
    if not assessment.unmet:
        return [say("report.all_met", lang)]
    return [f"{bullet}[{unmet.clause.value}] {unmet_message(unmet, lang, cite=False)}" for unmet in assessment.unmet]


def explain(
    assessment: Assessment,
    lang: str = "en",
    markdown: bool = False,
    *,
    ceiling: Assessment | None = None,
    fictitious: bool = False,
) -> str:
    """The trace of an assessment (:meth:`Assessment.trace`) as text or Markdown.

    Each programme year with each amount, its clause and its arithmetic; each
    contract's status and why; the conditions of payment; the money figures; and
    each unmet condition with the words of its clause and what would lift it. ``ceiling`` and
    ``fictitious`` head it as they head :func:`render`.
    """
    check_lang(lang)
    _checked_assessment(assessment, ceiling)
    lines = _top(assessment, lang, markdown, ceiling, fictitious)
    bullet, quote_prefix = ("- ", "  > ") if markdown else ("  ", "      ")
    # The trace lists one UNMET step per unmet condition, in the order of
    # ``assessment.unmet``: each is worded from the condition itself, so the text
    # always follows from the outcome, never the outcome from a step's inputs.
    unmets = iter(assessment.unmet)
    section = ""
    for step in assessment.trace():
        if step.kind is StepKind.YEAR:
            heading = step_line(step, lang)
            section = f"year {step.input('year')}"
        else:
            name = STEP_SECTIONS.get(step.kind, section)
            heading = section_title(name, lang) if name != section else ""
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
            lines.append(f"{bullet}{tag}{cite_basis(step_line(step, lang), step)}")
    return report_text(lines, markdown)


def assessment_html(
    assessment: Assessment,
    lang: str = "en",
    *,
    ceiling: Assessment | None = None,
    fictitious: bool = False,
    assumed: Collection[str] | None = None,
) -> str:
    """An HTML view for notebooks: the programme years, the contracts and the money as
    tables, then the unmet conditions with their clauses. Every text is escaped, so a
    reference or a name holding markup shows as written and never runs. ``ceiling``,
    ``fictitious`` and ``assumed`` are those of :func:`render`.
    """
    check_lang(lang)
    esc = html.escape
    parts = [
        '<div class="propulseur-rules">',
        f"<p><strong>{esc(report_title(assessment, lang))}</strong></p>",
        f"<p>{esc(readings_text(assessment.convention, lang))}</p>",
    ]
    parts += [
        f"<p><strong>{esc(line)}</strong></p>"
        for line in headline(assessment, lang, ceiling=ceiling, fictitious=fictitious)
    ]
    parts.append(
        html_table(
            say("report.years", lang),
            year_headers(lang),
            year_rows(assessment, lang),
            {1, 2, 3, 4},
        )
    )
    if assessment.contracts:
        parts.append(
            html_table(
                say("report.contracts", lang),
                contract_headers(lang),
                contract_rows(assessment, lang),
                CONTRACT_AMOUNTS,
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
    parts.append(html_table(say("report.money", lang), [], money_rows(assessment, lang), {1}))
    financing = financing_section(assessment, lang, assumed=assumed)
    if financing is not None:
        parts += financing_html(financing, lang)
    parts += unmet_html(assessment, lang)
    parts.append("</div>")
    return "".join(parts)
