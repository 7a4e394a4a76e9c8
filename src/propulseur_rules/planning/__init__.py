"""Planning for finance departments and analysts: budget years, the forecast, what-ifs, flat records.

The programme runs from July to June (C1) while the métropole votes its budget by
calendar year, and the deliberation leaves readings open (``compare_readings``);
these tools answer a finance officer's questions from the figures
of :func:`~propulseur_rules.assess`, and never apply a rule themselves.

>>> import datetime as dt
>>> from propulseur_rules import DIJON_2022, assess
>>> from propulseur_rules import planning
>>> assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 7, 1), regional_authorisation_on=dt.date(2022, 10, 1))
>>> [(row.year, str(row.accrued)) for row in planning.budget_years(assessment)]
[(2022, '20000.00'), (2023, '20000.00'), (2024, '0.00'), (2025, '0.00')]
>>> events = planning.schedule(DIJON_2022, regional_authorisation_on=dt.date(2022, 10, 1))
>>> for event in events[:3]:
...     print(event.on, event.kind.value, event.clause.value, event.amount)
2022-07-01 year_opens C2 20000.00
2022-09-29 deliberation_adopted C9 0.00
2022-10-01 authorisation_validated C4 20000.00
>>> import json
>>> row = planning.json_ready(planning.records(assessment, by="budget-year")[1])
>>> print(json.dumps(row, ensure_ascii=False))
{"as_of": "2023-07-01", "convention": "Dijon Métropole – PMT ProPulseur 2022-2025", "year": 2023, ...}
>>> row["accrued"], row["releasable"], row["paid"]
('20000.00', '20000.00', '0.00')
"""

from ..reports._json_ready import json_ready
from ._frame import records_frame
from ._payments import PayableDay, assumed_documents, payable_by_budget_year, payment_forecast
from ._planning import BudgetYear, budget_years, budget_years_to_dict, records, render_budget_years
from ._read_frames import read_contracts, read_documents, read_payments
from ._readings import Reading, compare_readings, readings_to_dict, render_readings, strict_signing_deadline
from ._schedule import EventKind, ScheduleEvent, schedule
from ._schedule_views import event_label, render_schedule, schedule_to_dict
from ._sweep import sweep

__all__ = [
    "BudgetYear",
    "EventKind",
    "PayableDay",
    "Reading",
    "ScheduleEvent",
    "assumed_documents",
    "budget_years",
    "budget_years_to_dict",
    "compare_readings",
    "event_label",
    "json_ready",
    "payable_by_budget_year",
    "payment_forecast",
    "read_contracts",
    "read_documents",
    "read_payments",
    "readings_to_dict",
    "records",
    "records_frame",
    "render_budget_years",
    "render_readings",
    "render_schedule",
    "schedule",
    "schedule_to_dict",
    "strict_signing_deadline",
    "sweep",
]
