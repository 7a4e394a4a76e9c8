"""The rules of the convention as the engine runs them, for a reader who checks them against the text.

:data:`CONTRACT_RULES` holds one record per rule of eligibility (C1, C6, C7,
C8): its condition, its clause, its predicate, the columnar form of that
predicate and when its failure is final. :func:`~propulseur_rules.assess` walks
these very records, then the steps below, each named after what the deliberation
asks; the columnar engine of ``propulseur_rules.batch`` walks the same records
with their columnar forms, through steps of the same names.

>>> import inspect
>>> from propulseur_rules.rules import CONTRACT_RULES
>>> for rule in CONTRACT_RULES:
...     print(rule.clause, rule.holds.__name__, rule.columns.__name__)
C1 signed_within_period signed_within_period_columns
C7 signed_by_the_deadline signed_by_the_deadline_columns
C6 head_office_in_territory head_office_in_territory_columns
C6 startup_applied startup_applied_columns
C6 selected_by_committee selected_by_committee_columns
C6 selected_since_the_programme_began selected_since_the_programme_began_columns
C8 sector_in_scope sector_in_scope_columns
C7 first_contract_of_its_startup first_contract_of_its_startup_columns
>>> print(inspect.getsource(CONTRACT_RULES[-2].holds))
def sector_in_scope(convention: Convention, contract: Contract, earlier: EligibleStartups) -> bool:
    \"\"\"C8 — the startup works in one of the convention's fields (industry, health).\"\"\"
    return contract.startup.sector in convention.eligible_sectors
<BLANKLINE>
"""

from ._eligibility import Place, Verdict, allot_places, judge_eligibility, programme_year, target_met_on
from ._entitlement import Entitlement, accrues_on, entitlement
from ._facts import Facts
from ._financing_steps import FinancingSteps, financing_steps, financing_unmet, hold_back
from ._limitation import LimitationEvent, LimitationEventKind, lapse_year
from ._release import Claim, Part, Release, document_deadlines, limitation_deadlines, parts_of, release
from ._rules import (
    CONTRACT_RULES,
    ContractColumns,
    ContractRule,
    ConventionColumns,
    EarlierColumns,
    EligibleStartups,
    StartupKey,
    StartupKeyColumns,
    contract_rule,
    same_startup,
    same_startup_columns,
    startup_key,
)
from ._settlement import Money, PaymentCondition, payment_conditions, recovery, recovery_cause, settle
from ._warnings import (
    NameWarning,
    NameWarningKind,
    PostalCodeWarning,
    contract_warnings,
    name_warnings,
    postal_code_warnings,
)

__all__ = [
    "CONTRACT_RULES",
    "Claim",
    "ContractColumns",
    "ContractRule",
    "ConventionColumns",
    "EarlierColumns",
    "EligibleStartups",
    "Entitlement",
    "Facts",
    "FinancingSteps",
    "LimitationEvent",
    "LimitationEventKind",
    "Money",
    "NameWarning",
    "NameWarningKind",
    "Part",
    "PaymentCondition",
    "Place",
    "PostalCodeWarning",
    "Release",
    "StartupKey",
    "StartupKeyColumns",
    "Verdict",
    "accrues_on",
    "allot_places",
    "contract_rule",
    "contract_warnings",
    "document_deadlines",
    "entitlement",
    "financing_steps",
    "financing_unmet",
    "hold_back",
    "judge_eligibility",
    "lapse_year",
    "limitation_deadlines",
    "name_warnings",
    "parts_of",
    "payment_conditions",
    "postal_code_warnings",
    "programme_year",
    "recovery",
    "recovery_cause",
    "release",
    "same_startup",
    "same_startup_columns",
    "settle",
    "startup_key",
    "target_met_on",
]
