"""Renderers: an :class:`Assessment` as JSON-ready data, text, Markdown or HTML.

Renderers read an assessment and never compute a rule: every figure they show
is a field of the assessment.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from decimal import Decimal
from typing import Any

from ._convention import Convention
from ._messages import check_lang, condition_label, format_date, status_label, text, unmet_message
from ._model import Period
from ._money import format_money
from ._outcome import Assessment, ContractStatus, UnmetCondition

__all__ = [
    "assessment_html",
    "assessment_records",
    "assessment_to_dict",
    "convention_to_dict",
    "explain",
    "render",
]

_MONEY_FIELDS = ("accrued", "withheld", "releasable", "paid", "payable", "excess_paid")


def _money(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _day(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _period(period: Period) -> dict[str, str]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def convention_to_dict(convention: Convention) -> dict[str, Any]:
    """The parameters of a convention as JSON-ready data."""
    deliberation = convention.deliberation
    return {
        "reference": convention.reference,
        "funder": convention.funder,
        "beneficiary": convention.beneficiary,
        "period": _period(convention.period),
        "total_cap": _money(convention.total_cap),
        "operating_grant_per_year": _money(convention.operating_grant_per_year),
        "grant_per_contract": _money(convention.grant_per_contract),
        "max_funded_contracts_per_year": convention.max_funded_contracts_per_year,
        "required_contracts": convention.required_contracts,
        "territory": sorted(convention.territory),
        "eligible_sectors": sorted(sector.value for sector in convention.eligible_sectors),
        "deliberation": None
        if deliberation is None
        else {
            "decided_on": deliberation.decided_on.isoformat(),
            "members_in_office": deliberation.members_in_office,
            "present": deliberation.present,
            "proxies": deliberation.proxies,
            "votes_for": deliberation.votes_for,
            "votes_against": deliberation.votes_against,
            "abstentions": deliberation.abstentions,
            "not_voting": deliberation.not_voting,
        },
        "target_policy": convention.target_policy.value,
        "accrual": convention.accrual.value,
    }


def _unmet_to_dict(unmet: UnmetCondition) -> dict[str, Any]:
    return {
        "condition": unmet.condition.value,
        "clause": unmet.clause.value,
        "contract": unmet.contract,
        "amount": _money(unmet.amount),
        "blocks_payment": unmet.blocks_payment,
        "final": unmet.final,
        "needed": unmet.needed,
        "releases": None if unmet.releases is None else _money(unmet.releases),
        "message": {"en": unmet.message("en"), "fr": unmet.message("fr")},
    }


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """An assessment as plain JSON-ready data (money as ``"15000.00"``, dates ISO 8601)."""
    data: dict[str, Any] = {
        "as_of": assessment.as_of.isoformat(),
        "regional_authorisation_on": _day(assessment.regional_authorisation_on),
        "convention": convention_to_dict(assessment.convention),
    }
    data.update({name: _money(getattr(assessment, name)) for name in _MONEY_FIELDS})
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
            "operating_grant": _money(year.operating_grant),
            "operating_grant_accrues_on": year.operating_grant_accrues_on.isoformat(),
            "contract_grants": _money(year.contract_grants),
            "entitled": _money(year.entitled),
            "accrued": _money(year.accrued),
            "funded": list(year.funded),
            "supplementary": list(year.supplementary),
        }
        for year in assessment.years
    ]
    data["contracts"] = [
        {
            "reference": contract.reference,
            "status": contract.status.value,
            "programme_year": contract.programme_year,
            "grant": _money(contract.grant),
            "accrues_on": _day(contract.accrues_on),
            "unmet": [unmet.condition.value for unmet in contract.unmet],
        }
        for contract in assessment.contracts
    ]
    data["payments"] = [
        {"reference": payment.reference, "paid_on": payment.paid_on.isoformat(), "amount": _money(payment.amount)}
        for payment in assessment.payments
    ]
    data["unmet"] = [_unmet_to_dict(unmet) for unmet in assessment.unmet]
    return data


def assessment_records(assessment: Assessment) -> list[dict[str, Any]]:
    """One flat record per contract, with the assessment's date and totals repeated."""
    common: dict[str, Any] = {"as_of": assessment.as_of, "convention": assessment.convention.reference}
    return [
        {
            **common,
            "reference": contract.reference,
            "status": contract.status.value,
            "programme_year": contract.programme_year,
            "grant": contract.grant,
            "accrues_on": contract.accrues_on,
            "unmet": ", ".join(unmet.condition.value for unmet in contract.unmet),
        }
        for contract in assessment.contracts
    ]


# --- text and Markdown ----------------------------------------------------------------


def _period_text(period: Period, lang: str) -> str:
    return f"{format_date(period.start, lang)} – {format_date(period.end, lang)}"


def _title(assessment: Assessment, lang: str) -> str:
    return text("title", lang, reference=assessment.convention.reference, as_of=format_date(assessment.as_of, lang))


def _header(assessment: Assessment, lang: str) -> list[str]:
    convention = assessment.convention
    money = functools.partial(format_money, lang=lang)
    return [
        _title(assessment, lang),
        text("parties", lang, funder=convention.funder, beneficiary=convention.beneficiary),
        text(
            "terms",
            lang,
            period=_period_text(convention.period, lang),
            cap=money(convention.total_cap),
            operating=money(convention.operating_grant_per_year),
            per_contract=money(convention.grant_per_contract),
            limit=convention.max_funded_contracts_per_year,
            required=convention.required_contracts,
        ),
        text(
            "readings",
            lang,
            policy=text(convention.target_policy.value, lang),
            accrual=text(convention.accrual.value, lang),
        ),
    ]


def _contract_why(unmets: tuple[UnmetCondition, ...], lang: str) -> str:
    return "; ".join(f"{condition_label(unmet.condition, lang)} ({unmet.clause.value})" for unmet in unmets)


def _table(headers: list[str], rows: list[list[str]], markdown: bool, right: set[int]) -> list[str]:
    if markdown:
        lines = ["| " + " | ".join(headers) + " |"]
        lines.append("|" + "|".join("---:" if index in right else "---" for index in range(len(headers))) + "|")
        lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows)
        return lines
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return [line(headers), "  ".join("-" * width for width in widths), *(line(row) for row in rows)]


def render(assessment: Assessment, lang: str = "en", markdown: bool = False) -> str:
    """The assessment as a readable report: years, contracts, money and unmet conditions."""
    check_lang(lang)
    money = functools.partial(format_money, lang=lang)
    heading = (lambda title: ["", f"## {title}", ""]) if markdown else (lambda title: ["", title])
    lines = _header(assessment, lang)
    if markdown:
        lines = [f"# {lines[0]}", "", *lines[1:]]

    lines += heading(text("years", lang))
    lines += _table(
        [text(key, lang) for key in ("year", "operating", "contract_grants", "entitled", "accrued")],
        [
            [
                f"{year.index} ({year.period.label})",
                money(year.operating_grant),
                money(year.contract_grants),
                money(year.entitled),
                money(year.accrued),
            ]
            for year in assessment.years
        ],
        markdown,
        right={1, 2, 3, 4},
    )

    lines += heading(text("contracts", lang))
    if assessment.contracts:
        lines += _table(
            [text(key, lang) for key in ("reference", "status", "year", "grant", "why")],
            [
                [
                    contract.reference,
                    status_label(contract.status, lang),
                    "" if contract.programme_year is None else str(contract.programme_year),
                    money(contract.grant),
                    _contract_why(contract.unmet, lang),
                ]
                for contract in assessment.contracts
            ],
            markdown,
            right={2, 3},
        )
    else:
        lines.append(text("no_contracts", lang))
    if markdown:
        lines.append("")
    lines.append(
        text(
            "target_count",
            lang,
            eligible=assessment.eligible_contracts,
            required=assessment.convention.required_contracts,
        )
    )

    lines += heading(text("money", lang))
    money_table = _table(
        [text("money", lang), ""],
        [[text(name, lang), money(getattr(assessment, name))] for name in _MONEY_FIELDS],
        markdown,
        right={1},
    )
    lines += money_table if markdown else money_table[2:]  # in text, the heading above names the table

    lines += heading(text("unmet", lang))
    lines += _unmet_lines(assessment, lang, bullet="- " if markdown else "  ")
    return "\n".join(lines) + "\n"


def _unmet_lines(assessment: Assessment, lang: str, bullet: str) -> list[str]:
    if not assessment.unmet:
        return [text("all_met", lang)]
    return [f"{bullet}[{unmet.clause.value}] {unmet_message(unmet, lang, cite=False)}" for unmet in assessment.unmet]


def explain(assessment: Assessment, lang: str = "en") -> str:
    """A readable trace: each programme year, each amount with its clause, each unmet condition."""
    check_lang(lang)
    convention = assessment.convention
    money = functools.partial(format_money, lang=lang)
    as_of = assessment.as_of
    lines = _header(assessment, lang)

    def mark(day: dt.date) -> str:
        state = text("accrued_mark" if day <= as_of else "pending_mark", lang)
        return f"{text('accrues_on', lang, day=format_date(day, lang))}, {state}"

    def cut(amount: Decimal, nominal: Decimal) -> str:
        return "" if amount == nominal else f" ({text('cut_by_cap', lang, nominal=money(nominal))})"

    by_reference = {contract.reference: contract for contract in assessment.contracts}
    for year in assessment.years:
        lines.append("")
        lines.append(
            text(
                "year_heading", lang, index=year.index, label=year.period.label, period=_period_text(year.period, lang)
            )
        )
        lines.append(
            f"  [C2] {text('operating_item', lang, amount=money(year.operating_grant))}"
            f"{cut(year.operating_grant, convention.operating_grant_per_year)}, {mark(year.operating_grant_accrues_on)}"
        )
        for reference in year.funded:
            contract = by_reference[reference]
            assert contract.accrues_on is not None
            lines.append(
                f"  [C2] {text('contract_item', lang, reference=reference, amount=money(contract.grant))}"
                f"{cut(contract.grant, convention.grant_per_contract)}, {mark(contract.accrues_on)}"
            )
        for reference in year.supplementary:
            lines.append(f"  [C2] {text('supplementary_item', lang, reference=reference)}")
        lines.append("  " + text("year_total", lang, entitled=money(year.entitled), accrued=money(year.accrued)))

    lines += ["", text("contracts", lang)]
    if not assessment.contracts:
        lines.append("  " + text("no_contracts", lang))
    for contract in assessment.contracts:
        status = status_label(contract.status, lang)
        in_year = "" if contract.programme_year is None else f", {text('year', lang).lower()} {contract.programme_year}"
        why = f": {_contract_why(contract.unmet, lang)}" if contract.status is ContractStatus.INELIGIBLE else ""
        line = text(
            "contract_line",
            lang,
            reference=contract.reference,
            status=status,
            year=in_year,
            grant=money(contract.grant),
        )
        lines.append(f"  {line}{why}")
    lines.append(
        "  "
        + text("target_count", lang, eligible=assessment.eligible_contracts, required=convention.required_contracts)
    )

    if assessment.payments:
        lines += ["", text("payments", lang)]
        lines += [
            "  "
            + text(
                "payment_line",
                lang,
                reference=payment.reference,
                day=format_date(payment.paid_on, lang),
                amount=money(payment.amount),
            )
            for payment in assessment.payments
        ]

    lines += ["", text("money", lang)]
    width = max(len(text(name, lang)) for name in _MONEY_FIELDS)
    lines += [f"  {text(name, lang).ljust(width)}  {money(getattr(assessment, name))}" for name in _MONEY_FIELDS]

    lines += ["", text("unmet", lang)]
    lines += _unmet_lines(assessment, lang, bullet="  ")
    return "\n".join(lines) + "\n"


# --- HTML for notebooks -----------------------------------------------------------------


def assessment_html(assessment: Assessment, lang: str = "en") -> str:
    """An HTML table of the years and the money, and the unmet conditions; all text escaped."""
    esc = html.escape

    def money(amount: Decimal) -> str:
        return esc(format_money(amount, lang))

    parts = [
        "<div><p><strong>" + esc(_title(assessment, lang)) + "</strong></p>",
        "<table><thead><tr>",
        *(
            f"<th>{esc(text(key, lang))}</th>"
            for key in ("year", "operating", "contract_grants", "entitled", "accrued")
        ),
        "</tr></thead><tbody>",
    ]
    for year in assessment.years:
        parts.append(
            f"<tr><td>{year.index} ({esc(year.period.label)})</td><td>{money(year.operating_grant)}</td>"
            f"<td>{money(year.contract_grants)}</td><td>{money(year.entitled)}</td><td>{money(year.accrued)}</td></tr>"
        )
    parts.append("</tbody></table><table><tbody>")
    parts += [
        f"<tr><th>{esc(text(name, lang))}</th><td>{money(getattr(assessment, name))}</td></tr>"
        for name in _MONEY_FIELDS
    ]
    parts.append("</tbody></table>")
    if assessment.unmet:
        parts.append(f"<p>{esc(text('unmet', lang))}</p><ul>")
        parts += [
            f"<li>[{unmet.clause.value}] {esc(unmet_message(unmet, lang, cite=False))}</li>"
            for unmet in assessment.unmet
        ]
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)
