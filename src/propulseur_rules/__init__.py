"""propulseur_rules: the funding convention of Dijon Métropole for ProPulseur, as executable rules.

The council of Dijon Métropole granted 195 000 € on 29 September 2022 to the
Pôle de Compétitivité PMT for its ProPulseur startup accelerator. This package
turns that deliberation into immutable value objects and one pure function,
:func:`assess`, that says on a date what is earned, what may be paid, what is
withheld and why, citing the clauses C1 to C9.

The public API (``__all__``; every other name, and every module whose name
starts with ``_``, is internal):

- assessing: ``assess``, ``assess_many``, giving an ``Assessment`` with its
  ``YearAssessment``, ``ContractAssessment``, ``ContractStatus``,
  ``UnmetCondition``, ``Condition``, ``TraceStep`` and ``StepKind``;
- the convention: ``DIJON_2022``, ``Convention``, ``Deliberation``, ``Period``,
  ``Clause``, ``TargetPolicy``, ``Accrual``, ``PlacesPolicy``;
- the financing convention (C3's « modalités »): ``FinancingTerms``, ``Document``,
  ``DocumentKind``, and on the results ``Deadline``, ``DeadlineKind``, ``Recovery``,
  ``RecoveryCause``, ``ReleasedPart``; the limitation of unpaid claims: ``LimitationEvent``,
  ``LimitationEventKind``;
- the facts: ``Facts`` (all the facts of a case as one value), ``Contract``, ``Startup``,
  ``Sector``, ``Payment``, ``DeMinimisAid`` (state aid to the startups); the territory:
  ``DIJON_METROPOLE_COMMUNES``, ``Commune``, ``is_in_metropole``, ``metropole_commune``;
- files: ``Scenario``, ``Expectation``, ``load_scenario``, ``loads_scenario``,
  ``scenario_from_data``, ``dump_scenario``, ``load_contracts_csv``, ``load_payments_csv``,
  ``load_documents_csv``;
- planning: ``schedule``, ``ScheduleEvent``, ``EventKind``, ``BudgetYear``,
  ``sweep``, ``compare_readings``, ``Reading``;
- errors: ``PropulseurRulesError``, ``InvalidInput``, ``UnknownReference``;
  and ``__version__``.

The public submodules, each imported the first time it is used:

- :mod:`propulseur_rules.rules`: the rules as ``assess`` runs them, one record each;
- :mod:`propulseur_rules.files`: scenario files, requests and spreadsheets;
- :mod:`propulseur_rules.reports`: text, Markdown, HTML and JSON, in English or French;
- :mod:`propulseur_rules.planning`: budget years, the forecast, what-ifs, the readings side by side;
- :mod:`propulseur_rules.batch`: many scenarios at once as columns, forecasts, Dask (the ``batch`` extra);
- :mod:`propulseur_rules.example`: the built-in example.

The command line is ``propulseur-rules`` (``propulseur-rules --help``).
"""

import importlib as _importlib
import importlib.util as _importlib_util
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

from .rules._batch import assess_many
from .rules._clauses import Clause
from .rules._convention import DIJON_2022, Accrual, Convention, PlacesPolicy, TargetPolicy
from .rules._dates import Period
from .rules._deliberation import Deliberation
from .rules._documents import Document, DocumentKind
from .rules._engine import assess
from .rules._facts import Facts
from .rules._financing import FinancingTerms
from .rules._limitation import LimitationEvent, LimitationEventKind
from .rules._model import Contract, Payment, Sector, Startup
from .rules._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    Deadline,
    DeadlineKind,
    Recovery,
    RecoveryCause,
    ReleasedPart,
    UnmetCondition,
    YearAssessment,
)
from .rules._state_aid import DeMinimisAid
from .rules._territory import DIJON_METROPOLE_COMMUNES, Commune, is_in_metropole, metropole_commune
from .words._errors import InvalidInput, PropulseurRulesError, UnknownReference

if _TYPE_CHECKING:  # the names below that come from the submodules, for type checkers
    from .files import *
    from .planning import *
    from .reports import *

#: The public submodules. They need modules (tomllib, csv, difflib, the renderers)
#: that assessing alone does not, so each is imported the first time it is used.
_SUBMODULES = ("batch", "example", "files", "planning", "reports", "rules")

#: The submodules whose public names the package also gives, found there when first asked for.
_REEXPORTED_FROM = ("files", "planning", "reports")


def __getattr__(name: str) -> _Any:
    if name == "__version__":
        from ._version import package_version

        value: _Any = package_version()
    elif name in _SUBMODULES:
        value = _importlib.import_module(f"{__name__}.{name}")
    elif name in __all__:
        value = _from_submodules(name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def _from_submodules(name: str) -> _Any:
    for submodule in _REEXPORTED_FROM:
        module = _importlib.import_module(f"{__name__}.{submodule}")
        if name in module.__all__:
            return getattr(module, name)
    raise AttributeError(f"module {__name__!r} lists {name!r} but no submodule gives it")  # pragma: no cover


#: The submodules that need an optional extra, and the module that extra installs.
_NEEDS_EXTRA = {"batch": "numpy"}


def __dir__() -> list[str]:
    """The public names of the package (``__all__`` and the public submodules, no helper of this module);
    a submodule whose extra is not installed is left out, so that a tool
    that reads every name (``help()``, completion) does not stop on it. Asking for it still says which
    extra to install."""
    dunders = [name for name in globals() if name.startswith("__") and name.endswith("__")]
    return sorted({*dunders, *__all__, *[name for name in _SUBMODULES if _can_import(name)]})


def _can_import(submodule: str) -> bool:
    """Whether the module that ``submodule``'s extra installs is there (without importing it)."""
    needed = _NEEDS_EXTRA.get(submodule)
    if needed is None:
        return True
    try:
        return _importlib_util.find_spec(needed) is not None
    except (ImportError, ValueError):  # a parent package missing, or a module blocked in sys.modules
        return False


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
    "DeMinimisAid",
    "Deadline",
    "DeadlineKind",
    "Deliberation",
    "Document",
    "DocumentKind",
    "EventKind",
    "Expectation",
    "Facts",
    "FinancingTerms",
    "InvalidInput",
    "LimitationEvent",
    "LimitationEventKind",
    "Payment",
    "Period",
    "PlacesPolicy",
    "PropulseurRulesError",
    "Reading",
    "Recovery",
    "RecoveryCause",
    "ReleasedPart",
    "Scenario",
    "ScheduleEvent",
    "Sector",
    "Startup",
    "StepKind",
    "TargetPolicy",
    "TraceStep",
    "UnknownReference",
    "UnmetCondition",
    "YearAssessment",
    "__version__",
    "assess",
    "assess_many",
    "compare_readings",
    "dump_scenario",
    "is_in_metropole",
    "load_contracts_csv",
    "load_documents_csv",
    "load_payments_csv",
    "load_scenario",
    "loads_scenario",
    "metropole_commune",
    "scenario_from_data",
    "schedule",
    "sweep",
]
