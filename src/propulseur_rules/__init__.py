"""propulseur_rules: the funding convention of Dijon Métropole for ProPulseur, as executable rules.

The council of Dijon Métropole granted 195 000 € on 29 September 2022 to the
Pôle de Compétitivité PMT for its ProPulseur startup accelerator. This package
turns that deliberation into immutable value objects and one pure function,
:func:`assess`, that says on a date what is earned, what may be paid, what is
withheld and why, citing the clauses C1 to C9.
"""

from ._batch import assess_many
from ._clauses import Clause
from ._convention import DIJON_2022, Accrual, Convention, TargetPolicy
from ._engine import assess
from ._errors import InvalidInput, PropulseurRulesError
from ._load import dump_scenario, load_contracts_csv, load_scenario
from ._model import Contract, Deliberation, Payment, Period, Sector, Startup
from ._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    UnmetCondition,
    YearAssessment,
)
from ._planning import BudgetYear, EventKind, ScheduleEvent, schedule, sweep
from ._scenario import Expectation, Scenario
from ._territory import DIJON_METROPOLE_COMMUNES, Commune, is_in_metropole, metropole_commune
from ._trace import StepKind, TraceStep

#: The installed version, read from the package metadata when first asked for:
#: importlib.metadata takes longer to import than the rest of the package.
__version__: str


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    global __version__
    try:
        __version__ = version("propulseur-rules")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
        __version__ = "0+unknown"
    return __version__


__all__ = [
    "DIJON_2022",
    "DIJON_METROPOLE_COMMUNES",
    "Accrual",
    "Assessment",
    "BudgetYear",
    "Clause",
    "Commune",
    "Condition",
    "Contract",
    "ContractAssessment",
    "ContractStatus",
    "Convention",
    "Deliberation",
    "EventKind",
    "Expectation",
    "InvalidInput",
    "Payment",
    "Period",
    "PropulseurRulesError",
    "Scenario",
    "ScheduleEvent",
    "Sector",
    "Startup",
    "StepKind",
    "TargetPolicy",
    "TraceStep",
    "UnmetCondition",
    "YearAssessment",
    "__version__",
    "assess",
    "assess_many",
    "dump_scenario",
    "is_in_metropole",
    "load_contracts_csv",
    "load_scenario",
    "metropole_commune",
    "schedule",
    "sweep",
]
