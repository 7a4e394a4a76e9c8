"""What :func:`~._engine.assess` says of each programme year and of each contract."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ._convention import Convention
from ._dates import Period
from ._eligibility import Place, Verdict, programme_year
from ._entitlement import Entitlement
from ._model import Contract
from ._money import ZERO
from ._outcome import Condition, ContractAssessment, ContractStatus, UnmetCondition, YearAssessment
from ._rules import ContractRule, same_startup

__all__ = ["contract_results", "year_results"]


def year_results(
    convention: Convention, as_of: dt.date, places: Sequence[Place], items: Sequence[Entitlement]
) -> tuple[YearAssessment, ...]:
    """The figures and the contracts of each programme year."""
    years = convention.programme_years
    placed: list[list[Place]] = [[] for _ in years]
    for place in places:
        placed[place.year - 1].append(place)
    earned: list[list[Entitlement]] = [[] for _ in years]
    for item in items:
        earned[item.year - 1].append(item)
    return tuple(
        _year_result(number, year, as_of, placed[number - 1], earned[number - 1])
        for number, year in enumerate(years, start=1)
    )


def _year_result(
    number: int, year: Period, as_of: dt.date, places: Sequence[Place], items: Sequence[Entitlement]
) -> YearAssessment:
    """One programme year: ``places`` and ``items`` are its own, the operating grant first."""
    operating, *grants = items
    contract_grants = sum([item.amount for item in grants], ZERO)
    return YearAssessment(
        index=number,
        period=year,
        operating_grant=operating.amount,
        operating_grant_accrues_on=operating.accrues_on,
        contract_grants=contract_grants,
        entitled=operating.amount + contract_grants,
        accrued=sum([item.amount for item in items if item.accrues_on <= as_of], ZERO),
        funded=_references(places, ContractStatus.FUNDED),
        supplementary=_references(places, ContractStatus.SUPPLEMENTARY),
        over_annual_limit=_references(places, ContractStatus.OVER_ANNUAL_LIMIT),
    )


def _references(places: Sequence[Place], status: ContractStatus) -> tuple[str, ...]:
    return tuple([place.contract.reference for place in places if place.status is status])


#: The condition that a contract left without a funded place does not meet (SPEC §7.1).
_NO_PLACE = {
    ContractStatus.OVER_ANNUAL_LIMIT: Condition.ANNUAL_CONTRACT_LIMIT,
    ContractStatus.SUPPLEMENTARY: Condition.CONVENTION_CONTRACT_LIMIT,
}


def contract_results(
    convention: Convention,
    ordered: Sequence[Contract],
    as_of: dt.date,
    verdicts: Sequence[Verdict],
    places: Sequence[Place],
    items: Sequence[Entitlement],
) -> tuple[ContractAssessment, ...]:
    """What became of each contract, in the order ``(signed_on, reference)``."""
    failed = {verdict.contract.reference: verdict.failed for verdict in verdicts}
    placed = {place.contract.reference: place for place in places}
    granted = {item.contract.reference: item for item in items if item.contract is not None}
    results = []
    eligible: list[Contract] = []
    for contract in ordered:
        reference = contract.reference
        grant, accrues = ZERO, None
        unmet: tuple[UnmetCondition, ...] = ()
        if contract.signed_on > as_of:
            status, year = ContractStatus.NOT_YET_SIGNED, programme_year(convention, contract.signed_on)
        elif failed[reference]:
            status, year = ContractStatus.INELIGIBLE, programme_year(convention, contract.signed_on)
            unmet = tuple(
                _contract_unmet(convention, contract, rule, rule.final(contract), eligible)
                for rule in failed[reference]
            )
        else:
            eligible.append(contract)
            place = placed[reference]
            status, year = place.status, place.year
            if status is ContractStatus.FUNDED:
                grant, accrues = granted[reference].amount, granted[reference].accrues_on
            else:
                unmet = (_contract_unmet(convention, contract, _NO_PLACE[status], True, eligible),)
        results.append(
            ContractAssessment(
                reference=reference,
                status=status,
                programme_year=year,
                grant=grant,
                accrues_on=accrues,
                unmet=unmet,
                contract=contract,
            )
        )
    return tuple(results)


def _contract_unmet(
    convention: Convention,
    contract: Contract,
    unmet: ContractRule | Condition,
    final: bool,
    eligible: Sequence[Contract],
) -> UnmetCondition:
    """A condition a contract does not meet, set by a rule of eligibility or by the places; the money at
    stake is the grant it does not get. ``eligible`` are the contracts found eligible before it: C7 names
    the first of the same startup."""
    if isinstance(unmet, ContractRule):
        condition, clause, reason = unmet.condition, unmet.clause, unmet.message
    else:
        condition, clause, reason = unmet, unmet.clause, None
    earlier = None
    if condition is Condition.ONE_CONTRACT_PER_STARTUP:
        earlier = next((before for before in eligible if same_startup(before.startup, contract.startup)), None)
    return UnmetCondition(
        condition=condition,
        clause=clause,
        contract=contract.reference,
        amount=convention.grant_per_contract,
        final=final,
        reason=reason,
        startup=contract.startup.name,
        earlier=None if earlier is None else earlier.reference,
        earlier_startup=None if earlier is None else earlier.startup.name,
    )
