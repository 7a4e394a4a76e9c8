"""propulseur_rules: the funding convention of Dijon Métropole for ProPulseur, as executable rules.

The council of Dijon Métropole granted 195 000 € on 29 September 2022 to the
Pôle de Compétitivité PMT for its ProPulseur startup accelerator. This package
turns that deliberation into immutable value objects and one pure function,
:func:`assess`, that says on a date what is earned, what may be paid, what is
withheld and why, citing the clauses C1 to C9.
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._batch import assess_many
from ._clauses import Clause
from ._convention import DIJON_2022, Accrual, Convention, PlacesPolicy, TargetPolicy
from ._engine import assess
from ._errors import InvalidInput, PropulseurRulesError
from ._model import Contract, Deliberation, Payment, Period, Sector, Startup
from ._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    UnmetCondition,
    YearAssessment,
)
from ._territory import DIJON_METROPOLE_COMMUNES, Commune, is_in_metropole, metropole_commune

if TYPE_CHECKING:
    from ._load import dump_scenario, load_contracts_csv, load_scenario
    from ._planning import BudgetYear, EventKind, ScheduleEvent, schedule, sweep
    from ._scenario import Expectation, Scenario
    from ._trace import StepKind, TraceStep

#: Names whose modules are imported the first time one of them is asked for: the
#: loaders, the scenario files, the planning tools and the trace need modules
#: (tomllib, json, difflib, the renderers) that assessing alone does not, and
#: importing them all made ``import propulseur_rules`` a third slower. A new name
#: from one of these modules goes here and in the TYPE_CHECKING imports above.
_LAZY = {
    "dump_scenario": "_load",
    "load_contracts_csv": "_load",
    "load_scenario": "_load",
    "BudgetYear": "_planning",
    "EventKind": "_planning",
    "ScheduleEvent": "_planning",
    "schedule": "_planning",
    "sweep": "_planning",
    "Expectation": "_scenario",
    "Scenario": "_scenario",
    "StepKind": "_trace",
    "TraceStep": "_trace",
}

#: The installed version, read from the package metadata when first asked for:
#: importlib.metadata takes longer to import than the rest of the package.
__version__: str


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    elif name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("propulseur-rules")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree without installing
            value = "0+unknown"
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, "__version__"})


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
    "PlacesPolicy",
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
