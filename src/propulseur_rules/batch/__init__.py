"""Many scenarios at once: the columnar engine, forecasts, and Dask (SPEC §9).

Needs the ``batch`` extra (numpy): ``pip install 'propulseur-rules[batch]'``;
frames need ``frames`` (pandas), the cluster helper ``dask``, the chart ``charts``.

>>> import datetime as dt
>>> from propulseur_rules import DIJON_2022
>>> from propulseur_rules.batch import ScenarioTable, run
>>> table = ScenarioTable.from_cases(
...     [(DIJON_2022, [], {"as_of": day}) for day in (dt.date(2022, 6, 30), dt.date(2023, 7, 1))]
... )
>>> run(table).accrued.tolist()
[0, 4000000]
"""

from __future__ import annotations

from ..rules._extras import MissingExtra, require

require("numpy", "batch", "propulseur_rules.batch")

from ..planning._forecast import EXAMPLE_PIPELINE, Forecast, Prospect, render_forecast  # noqa: E402
from ..planning._outlook import DocumentOutlook  # noqa: E402
from ._cases import Case  # noqa: E402  (after the check that numpy is there)
from ._codes import CONDITION_BITS, CONTRACT_UNMET, STATUS_CODES, contract_bit  # noqa: E402
from ._dask import assess_bag, assess_dataframes, assess_on_dask  # noqa: E402
from ._engine import run  # noqa: E402
from ._forecast import forecast, forecast_chart  # noqa: E402
from ._frames import CONTRACT_COLUMNS, PARAMETER_COLUMNS, PAYMENT_COLUMNS, SCENARIO_COLUMNS  # noqa: E402
from ._result import BatchResult  # noqa: E402
from ._table import ScenarioTable  # noqa: E402

__all__ = [
    "CONDITION_BITS",
    "CONTRACT_COLUMNS",
    "CONTRACT_UNMET",
    "EXAMPLE_PIPELINE",
    "PARAMETER_COLUMNS",
    "PAYMENT_COLUMNS",
    "SCENARIO_COLUMNS",
    "STATUS_CODES",
    "BatchResult",
    "Case",
    "DocumentOutlook",
    "Forecast",
    "MissingExtra",
    "Prospect",
    "ScenarioTable",
    "assess_bag",
    "assess_dataframes",
    "assess_on_dask",
    "assess_table",
    "contract_bit",
    "forecast",
    "forecast_chart",
    "render_forecast",
    "run",
]


def assess_table(cases: object) -> BatchResult:
    """Assess many cases with the columnar engine: ``run(ScenarioTable.from_cases(cases))``.

    A case is ``(convention, contracts, keyword_arguments)`` or a mapping, as for
    :func:`propulseur_rules.assess_many`; ``result.assessment(i)`` equals
    ``assess`` on case ``i``.
    """
    return run(ScenarioTable.from_cases(cases))  # type: ignore[arg-type]
