"""What-if: one flat row per date or per variant of the convention (the reconsideration that C5 allows, for example)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import attrs

from ..rules._convention import Convention
from ..rules._dates import to_date
from ..rules._documents import Document
from ..rules._engine import assess
from ..rules._facts import Facts, facts_from
from ..rules._model import Contract, Payment
from ..rules._outcome import MONEY_FIGURES, Assessment, ContractStatus
from ..words._errors import InvalidInput, kind_of

__all__ = ["sweep"]


def _dates(value: object) -> list[dt.date]:
    if isinstance(value, (dt.date, str)) or type(value).__name__ == "datetime64":  # numpy's, never imported
        return [to_date(value, "as_of")]
    if isinstance(value, bytes) or not isinstance(value, Iterable):
        raise InvalidInput("as_of", "error.expected_dates", type=kind_of(value))
    return [to_date(day, f"as_of[{position}]") for position, day in enumerate(value)]


def _variants(value: object) -> list[Convention]:
    if value is None:
        return []
    if isinstance(value, (str, bytes, Convention)) or not isinstance(value, Iterable):
        raise InvalidInput("conventions", "error.expected_conventions", type=kind_of(value))
    variants = list(value)
    for position, variant in enumerate(variants):
        if not isinstance(variant, Convention):
            raise InvalidInput(f"conventions[{position}]", "error.expected_convention", type=kind_of(variant))
    return variants


def _changed(original: Convention, variant: Convention) -> str:
    """The names of the parameters in which a variant differs from the original, comma-separated."""
    return ", ".join(
        field.name
        for field in attrs.fields(Convention)
        if getattr(original, field.name) != getattr(variant, field.name)
    )


def sweep(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    as_of: dt.date | Iterable[dt.date] | None = None,
    conventions: Iterable[Convention] | None = None,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
) -> list[dict[str, Any]]:
    """What-if: one flat row per case, ready for ``pandas.DataFrame`` (JSON through ``json_ready``).

    The cases are ``convention`` then each of ``conventions`` (variants made with
    ``Convention.replace``), each assessed on each date of ``as_of`` (one date or
    several). A row holds the case (``variant`` 0 is ``convention``, 1 the first
    variant…, ``changed`` the parameters a variant changes), the date, the main
    parameters, the contract counts and the money figures of :func:`assess`:
    money as ``Decimal``, dates as ``date``. The facts may come as one
    :class:`~propulseur_rules.Facts`, assessed on its ``as_of`` or on the dates of ``as_of``.
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))
    days = [contracts.as_of] if isinstance(contracts, Facts) and as_of is None else _dates(as_of)
    cases = [convention, *_variants(conventions)]
    if not days:
        return []
    facts = facts_from(
        contracts,
        as_of=None if isinstance(contracts, Facts) else days[0],
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    rows: list[dict[str, Any]] = []
    for variant, case in enumerate(cases):
        for day in days:
            assessment = assess(case, facts.replace(as_of=day))
            rows.append(_sweep_row(len(rows) + 1, variant, _changed(convention, case), assessment))
    return rows


def _sweep_row(case: int, variant: int, changed: str, assessment: Assessment) -> dict[str, Any]:
    convention = assessment.convention
    statuses = [contract.status for contract in assessment.contracts]
    return {
        "case": case,
        "variant": variant,
        "changed": changed,
        "as_of": assessment.as_of,
        "convention": convention.reference,
        "total_cap": convention.total_cap,
        "operating_grant_per_year": convention.operating_grant_per_year,
        "grant_per_contract": convention.grant_per_contract,
        "max_funded_contracts_per_year": convention.max_funded_contracts_per_year,
        "required_contracts": convention.required_contracts,
        "target_policy": convention.target_policy.value,
        "accrual": convention.accrual.value,
        "places": convention.places.value,
        "signing_deadline": convention.signing_deadline,
        "selected_from": convention.selected_from,
        "regional_authorisation_on": assessment.regional_authorisation_on,
        "funded_contracts": statuses.count(ContractStatus.FUNDED),
        "over_annual_limit_contracts": statuses.count(ContractStatus.OVER_ANNUAL_LIMIT),
        "supplementary_contracts": statuses.count(ContractStatus.SUPPLEMENTARY),
        "eligible_contracts": assessment.eligible_contracts,
        "target_met": assessment.target_met,
        **{name: getattr(assessment, name) for name in MONEY_FIGURES},
        "blocking": ", ".join(unmet.condition.value for unmet in assessment.blocking),
    }
