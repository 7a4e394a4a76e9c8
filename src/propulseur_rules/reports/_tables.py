"""The parts of the report that text, Markdown and HTML share: its title and header, and the rows of its tables."""

from __future__ import annotations

import functools

from ..rules._outcome import FINANCING_FIGURES, MONEY_FIGURES, Assessment, UnmetCondition
from ..rules._warnings import NameWarning, PostalCodeWarning, contract_warnings
from ..words._catalogue import say
from ..words._format import format_date, format_money, format_period
from ._messages import contract_failure, readings_text, status_label

__all__ = [
    "CONTRACT_AMOUNTS",
    "MONEY_WITHOUT_TERMS",
    "contract_headers",
    "contract_rows",
    "money_rows",
    "report_header",
    "report_title",
    "year_headers",
    "year_rows",
]

#: Without financing terms, the money table leaves out what waits for documents and the balance
#: held (always zero then), as the first release did.
MONEY_WITHOUT_TERMS = tuple(name for name in MONEY_FIGURES if name not in FINANCING_FIGURES)
_MONEY_LABELS = {"balance_held": "balance_held_money"}


def money_rows(assessment: Assessment, lang: str) -> list[list[str]]:
    """The money table's rows: the figure's name and its amount."""
    names = MONEY_WITHOUT_TERMS if assessment.convention.financing is None else MONEY_FIGURES
    return [
        [say("report." + _MONEY_LABELS.get(name, name), lang), format_money(getattr(assessment, name), lang)]
        for name in names
    ]


def report_title(assessment: Assessment, lang: str) -> str:
    return say(
        "report.title", lang, reference=assessment.convention.reference, as_of=format_date(assessment.as_of, lang)
    )


def report_header(assessment: Assessment, lang: str) -> list[str]:
    convention = assessment.convention
    money = functools.partial(format_money, lang=lang)
    return [
        report_title(assessment, lang),
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


def _contract_why(unmets: tuple[UnmetCondition, ...], warnings: tuple[Warning, ...], lang: str) -> str:
    """Each condition as the contract fails it, with its clause: « siège social hors du territoire (C6) »;
    then the warnings on the contract's facts, beside it."""
    reasons = [contract_failure(unmet, lang) for unmet in unmets]
    reasons += [say("report.warning", lang, warning=warning.short(lang)) for warning in warnings]
    return say("punctuation.semicolon", lang).join(reasons)


def year_headers(lang: str) -> list[str]:
    return [say("report." + key, lang) for key in ("year", "operating", "contract_grants", "entitled", "accrued")]


def year_rows(assessment: Assessment, lang: str) -> list[list[str]]:
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


Warning = PostalCodeWarning | NameWarning

#: The positions of the columns of the contracts table aligned to the right: the programme year and the grant.
CONTRACT_AMOUNTS = frozenset({3, 4})


def contract_headers(lang: str) -> list[str]:
    return [say("report." + key, lang) for key in ("reference", "startup", "status", "year", "grant", "why")]


def contract_rows(assessment: Assessment, lang: str) -> list[list[str]]:
    """The contracts as table rows: reference, startup, status, programme year, grant, why it fails and the
    warnings on its facts (:func:`~propulseur_rules.rules._warnings.contract_warnings`)."""
    warned = contract_warnings(contract.contract for contract in assessment.contracts)
    return [
        [
            contract.reference,
            contract.contract.startup.name,
            status_label(contract.status, lang),
            "" if contract.programme_year is None else str(contract.programme_year),
            format_money(contract.grant, lang),
            _contract_why(contract.unmet, warned.get(contract.reference, ()), lang),
        ]
        for contract in assessment.contracts
    ]
