"""The kinds of step of the trace: what each step records, named once for the trace, its sentences and its data."""

from __future__ import annotations

import enum

__all__ = ["StepKind"]


class StepKind(enum.Enum):
    """What a step of the trace records."""

    PERIOD = "period"
    DELIBERATION = "deliberation"
    YEAR = "year"
    OPERATING_GRANT = "operating_grant"
    CONTRACT_GRANT = "contract_grant"
    READINGS = "readings"
    OVER_ANNUAL_LIMIT_CONTRACT = "over_annual_limit_contract"
    SUPPLEMENTARY_CONTRACT = "supplementary_contract"
    YEAR_TOTAL = "year_total"
    CONTRACT_STATUS = "contract_status"
    TARGET = "target"
    REGIONAL_AUTHORISATION = "regional_authorisation"
    PAYMENT = "payment"
    ACCRUED = "accrued"
    WITHHELD = "withheld"
    RELEASABLE = "releasable"
    PAID = "paid"
    PAYABLE = "payable"
    EXCESS_PAID = "excess_paid"
    # The financing convention (C3's « modalités »), with financing terms only.
    FINANCING_CONVENTION = "financing_convention"
    DOCUMENT = "document"
    BALANCE = "balance"
    LIMITATION = "limitation"
    RECOVERY = "recovery"
    UNMET = "unmet"

    def __str__(self) -> str:
        return self.value
