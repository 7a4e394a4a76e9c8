"""An assessment as plain data: JSON-ready parts of ``to_dict()``, and flat records per contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..rules._dates import Period
from ..rules._legal import LegalBasis
from ..rules._money import money_text
from ..rules._outcome import FINANCING_FIGURES, Assessment, Deadline, UnmetCondition
from ..rules._territory import metropole_commune
from ..rules._warnings import NameWarning, PostalCodeWarning, contract_warnings

__all__ = [
    "assessment_records",
    "contracts_to_dict",
    "day_text",
    "financing_to_dict",
    "payable_bases",
    "unmet_to_dict",
    "years_to_dict",
]


def payable_bases(assessment: Assessment, ceiling: Assessment | None) -> dict[str, str]:
    """C3 — the payable by what it rests on: the deliberation alone, the terms given, or, beside the
    deliberation alone (the ceiling), the assumed terms (a simulation). ``ceiling`` is the case assessed
    without terms, passed when its terms are assumed."""
    if assessment.convention.financing is None:
        return {"deliberation_alone": money_text(assessment.payable)}
    if ceiling is None:
        return {"given_terms": money_text(assessment.payable)}
    return {"deliberation_alone": money_text(ceiling.payable), "assumed_terms": money_text(assessment.payable)}


def day_text(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _period(period: Period) -> dict[str, str]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


def _basis_to_dict(basis: LegalBasis | None) -> dict[str, str] | None:
    return None if basis is None else {"key": basis.key, "citation": basis.citation}


def unmet_to_dict(unmet: UnmetCondition) -> dict[str, Any]:
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
        "due_on": day_text(unmet.due_on),
        "overdue": unmet.overdue,
        "lapsed_on": day_text(unmet.lapsed_on),
        "relieved_on": day_text(unmet.relieved_on),
        "reason": unmet.reason,
        "startup": unmet.startup,
        "earlier": unmet.earlier,
        "earlier_startup": unmet.earlier_startup,
        "message": {"en": unmet.message("en"), "fr": unmet.message("fr")},
    }


def _deadline_to_dict(deadline: Deadline) -> dict[str, Any]:
    return {
        "kind": deadline.kind.value,
        "due_on": deadline.due_on.isoformat(),
        "covers": deadline.covers,
        "amount": money_text(deadline.amount),
        "received_on": day_text(deadline.received_on),
        "arose_on": day_text(deadline.arose_on),
        "interrupted_on": day_text(deadline.interrupted_on),
        "overdue": deadline.overdue,
        "basis": _basis_to_dict(deadline.basis),
    }


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


def years_to_dict(assessment: Assessment) -> list[dict[str, Any]]:
    """The programme years: each with its period, grants, what accrued and its contracts by place."""
    return [
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


def _warning_to_dict(warning: PostalCodeWarning | NameWarning) -> dict[str, Any]:
    kind = "postal_code" if isinstance(warning, PostalCodeWarning) else warning.kind.value
    return {"kind": kind, "message": {"en": warning.short("en"), "fr": warning.short("fr")}}


def contracts_to_dict(assessment: Assessment) -> list[dict[str, Any]]:
    """The contracts: each with its startup's name and SIREN, its status, programme year, grant, the day it
    accrues, what it fails, and the warnings on its facts (a postal code for a head office, a name to check)."""
    warned = contract_warnings(contract.contract for contract in assessment.contracts)
    return [
        {
            "reference": contract.reference,
            "startup": contract.contract.startup.name,
            "siren": contract.contract.startup.siren,
            "status": contract.status.value,
            "programme_year": contract.programme_year,
            "grant": money_text(contract.grant),
            "accrues_on": day_text(contract.accrues_on),
            "unmet": [unmet.condition.value for unmet in contract.unmet],
            "warnings": [_warning_to_dict(warning) for warning in warned.get(contract.reference, ())],
        }
        for contract in assessment.contracts
    ]


def financing_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The financing convention (C3's « modalités »): without terms, null, empty lists and zeros."""
    data: dict[str, Any] = {"financing_signed_on": day_text(assessment.financing_signed_on)}
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
            "cause": recovery.cause.value,
            "reasons": [condition.value for condition in recovery.reasons],
            "final": recovery.final,
            "bases": [_basis_to_dict(basis) for basis in recovery.bases],
        }
    )
    return data
