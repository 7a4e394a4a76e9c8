"""The figures of one assessment for a finance department: by budget year, and as flat records.

The deliberation ends with « les crédits nécessaires au versement de cette somme
globale seront prélevés sur les budgets des exercices concernés »: the métropole
votes its budget by calendar year (exercice budgétaire), while the programme runs
from July to June (C1). :func:`budget_years` (``Assessment.by_budget_year()``)
cuts an assessment by calendar year, with the same totals to the cent, shown as
text, Markdown or JSON-ready data; :func:`records` (``Assessment.to_records()``)
gives flat records of an assessment or of any planning result, for
``pandas.DataFrame`` (pandas stays optional), which
:func:`propulseur_rules.planning.json_ready` turns into JSON-ready data.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..reports._data import assessment_records
from ..reports._export import tables_csv, tables_xlsx
from ..reports._layout import report_text, table
from ..rules._documents import Document
from ..rules._legal import LegalBasis
from ..rules._money import ZERO, in_money_context, money_text
from ..rules._outcome import FINANCING_FIGURES, MONEY_FIGURES, Assessment, ContractStatus, Deadline, DeadlineKind
from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of, shown
from ..words._format import format_date, format_money
from ..words._language import check_lang
from ._forecast import Forecast
from ._payments import PayableDay
from ._readings import Reading
from ._schedule import ScheduleEvent

__all__ = [
    "ASSESSMENT_WIDE",
    "BY_YEAR",
    "BudgetYear",
    "budget_years",
    "budget_years_csv",
    "budget_years_to_dict",
    "budget_years_xlsx",
    "records",
    "render_budget_years",
]


@attrs.frozen(kw_only=True)
class BudgetYear:
    """One calendar year (exercice budgétaire) of an assessment.

    ``accrued`` is what accrued in the year (an operating grant on the day it
    accrues, a contract grant on its own day); ``withheld`` and ``releasable`` are
    the parts of it withheld and releasable on the date of the assessment (C3, C4,
    C9), by the year it accrued; ``became_releasable`` is what is releasable on
    that date by the year it became releasable (``Assessment.released``: the day it
    accrued or, if later, the day the last condition was lifted); ``paid`` is what
    was paid in the year, by payment date. The rows add up to the assessment's
    ``accrued``, ``withheld``, ``releasable`` (twice) and ``paid``, to the cent; the
    other money figures (:data:`ASSESSMENT_WIDE`) are not cut by year.
    """

    year: int
    accrued: Decimal
    releasable: Decimal
    paid: Decimal
    withheld: Decimal = attrs.field()
    became_releasable: Decimal = ZERO

    @withheld.default
    def _accrued_less_releasable(self) -> Decimal:
        return self.accrued - self.releasable


#: The money figures of an assessment that the budget years cut by year, in the order of ``MONEY_FIGURES``.
BY_YEAR = tuple(name for name in MONEY_FIGURES if name in attrs.fields_dict(BudgetYear))
#: The money figures of an assessment that are not cut by year: what waits for a document, the balance
#: held, what is payable and the excess paid are measured on the assessment as a whole.
ASSESSMENT_WIDE = tuple(name for name in MONEY_FIGURES if name not in BY_YEAR)
#: The columns of the budget years: the figures cut by year, then the money releasable on the date by the
#: year it became releasable (its total is ``releasable``).
_COLUMNS = (*BY_YEAR, "became_releasable")


def _total(assessment: Assessment, column: str) -> Decimal:
    total: Decimal = getattr(assessment, "releasable" if column == "became_releasable" else column)
    return total


@in_money_context
def budget_years(assessment: Assessment) -> tuple[BudgetYear, ...]:
    """The assessment cut by calendar year, one row per year, the totals unchanged.

    The rows cover every calendar year from the start of the period to the date
    of the assessment or the end of the period, whichever is later, and the years
    of any counted payment. ``releasable`` follows ``accrued`` year by year when
    nothing is withheld and is zero in every row when everything is (the rules
    withhold all or nothing: C3, C4, C9); were only part withheld, it would be
    taken from the latest years first, so the rows would still add up.

    Documents change no row: with financing terms, what waits for a supporting
    document and the balance held are parts of what is releasable, shown by the
    assessment as a whole (``awaiting_documents``, ``balance_held``), not cut by
    year; the rows still add up to the totals. When that money becomes payable
    is the question of :func:`payment_forecast` and :func:`payable_by_budget_year`.
    """
    as_of = assessment.as_of
    accrued: dict[int, Decimal] = {}
    paid: dict[int, Decimal] = {}
    for year in assessment.years:
        if year.operating_grant_accrues_on <= as_of:
            day = year.operating_grant_accrues_on
            accrued[day.year] = accrued.get(day.year, ZERO) + year.operating_grant
    for contract in assessment.contracts:
        if (
            contract.status is ContractStatus.FUNDED
            and contract.accrues_on is not None
            and contract.accrues_on <= as_of
        ):
            day = contract.accrues_on
            accrued[day.year] = accrued.get(day.year, ZERO) + contract.grant
    for payment in assessment.payments:
        paid[payment.paid_on.year] = paid.get(payment.paid_on.year, ZERO) + payment.amount
    became: dict[int, Decimal] = {}
    for part in assessment.released:
        became[part.released_on.year] = became.get(part.released_on.year, ZERO) + part.amount

    period = assessment.convention.period
    first = min([period.start.year, *accrued, *paid])
    last = max([as_of.year, period.end.year, *accrued, *paid])

    # Withheld money is taken from the latest years first; with the engine's all
    # or nothing, that is every year or none.
    releasable: dict[int, Decimal] = {}
    to_withhold = assessment.withheld
    for calendar_year in range(last, first - 1, -1):
        year_accrued = accrued.get(calendar_year, ZERO)
        held = min(to_withhold, year_accrued)
        to_withhold -= held
        releasable[calendar_year] = year_accrued - held

    return tuple(
        BudgetYear(
            year=calendar_year,
            accrued=accrued.get(calendar_year, ZERO),
            releasable=releasable[calendar_year],
            paid=paid.get(calendar_year, ZERO),
            became_releasable=became.get(calendar_year, ZERO),
        )
        for calendar_year in range(first, last + 1)
    )


_RECORDS_BY = ("contract", "programme_year", "budget_year", "deadline", "assessment")


def records(result: object, by: str = "contract") -> list[dict[str, Any]]:
    """Flat records of a result, one dict per row, ready for ``pandas.DataFrame``.

    For an assessment, one record per contract, per programme year, per budget
    year or per deadline: ``by`` is ``"contract"``, ``"programme_year"``,
    ``"budget_year"`` or ``"deadline"``, also spelt as on the command line
    (``"programme-year"``, ``"budget-year"``); or one record of the assessment as a
    whole with every money figure of ``MONEY_FIGURES`` (``by="assessment"``). Each
    record repeats the date of the assessment and the convention's reference, so
    that records of several assessments can be stacked in one table. The records
    per budget year hold the figures cut by year (:data:`BY_YEAR`), not the others.

    With financing terms (``Convention.financing``), a contract's record also has
    its copy's due date, the day it came in and the money waiting for it
    (``copy_due_on``, ``copy_received_on``, ``awaiting_copy``), and a programme
    year's the same for its financial statement (``statement_due_on``,
    ``statement_received_on``, ``awaiting_statement``: the next year's money that
    waits for it); ``by="deadline"`` lists ``Assessment.deadlines`` (empty
    without terms), each article of law by its key. Without terms the records
    are those of the first release.

    The other planning results give records too: the events of :func:`schedule`,
    the rows of :func:`budget_years` and of ``compare_readings`` (one per item,
    enums as their values; an event's ``basis`` by its key, its ``released``,
    ``document`` and ``basis`` only with financing terms), the days of
    :func:`payment_forecast` (the documents assumed as text), a ``Forecast``
    (one row per budget year: the mean and each percentile as ``p10``,
    ``p50``…) and the rows of :func:`sweep` (copied). Money stays ``Decimal`` and dates stay ``date``;
    :func:`propulseur_rules.planning.json_ready` makes any of them JSON.
    """
    if isinstance(result, Assessment):
        return _assessment_records(result, by)
    if by != "contract":
        raise InvalidInput("by", "error.cut_by_assessment_only", value=shown(by))
    if isinstance(result, Forecast):
        return _forecast_records(result)
    if isinstance(result, (str, bytes)) or not isinstance(result, Iterable):
        raise InvalidInput("result", "error.expected_result", type=kind_of(result))
    return [_record(item, position) for position, item in enumerate(result)]


def _forecast_records(result: Forecast) -> list[dict[str, Any]]:
    """One record per budget year: the mean and each percentile as ``p10``, ``p50``…"""
    return [
        {
            "convention": result.convention.reference,
            "budget_year": year,
            "mean": result.mean[year],
            **{f"p{level}": result.payments[year][level] for level in result.quantiles},
        }
        for year in result.budget_years
    ]


def _record(item: object, position: int) -> dict[str, Any]:
    """The record of one item of a planning result: an event, a day of a forecast, a row or a dict."""
    if isinstance(item, ScheduleEvent):
        row = {field.name: _plain_value(getattr(item, field.name)) for field in attrs.fields(ScheduleEvent)}
        if item.released is None:  # no financing terms: the columns of the first release
            for name in ("released", "document", "basis"):
                del row[name]
        return row
    if isinstance(item, PayableDay):
        row = {field.name: getattr(item, field.name) for field in attrs.fields(PayableDay)}
        row["assumed"] = "; ".join(_document_text(document) for document in item.assumed)
        return row
    if isinstance(item, (BudgetYear, Reading)):
        return {field.name: _plain_value(getattr(item, field.name)) for field in attrs.fields(type(item))}
    if isinstance(item, dict):
        return dict(item)
    raise InvalidInput(f"result[{position}]", "error.expected_result_row", type=kind_of(item))


def _plain_value(value: object) -> object:
    if isinstance(value, LegalBasis):
        return value.key
    return value.value if isinstance(value, enum.Enum) else value


def _document_text(document: Document) -> str:
    """A document as ``kind`` or ``kind covers``: ``contract_copy PRO-2025-13``, ``final_report``."""
    return document.kind.value if document.covers is None else f"{document.kind.value} {document.covers}"


def _assessment_records(assessment: Assessment, by: str) -> list[dict[str, Any]]:
    if isinstance(by, str) and by.replace("-", "_") in _RECORDS_BY:
        by = by.replace("-", "_")
    common: dict[str, Any] = {"as_of": assessment.as_of, "convention": assessment.convention.reference}
    documents = {
        (deadline.kind, deadline.covers): deadline
        for deadline in assessment.deadlines
        if deadline.kind is not DeadlineKind.LIMITATION
    }
    with_terms = assessment.convention.financing is not None
    if by == "contract":
        rows = assessment_records(assessment)
        if with_terms:
            for row in rows:
                row.update(_document_columns("copy", documents.get((DeadlineKind.CONTRACT_COPY, row["reference"]))))
        return rows
    if by == "assessment":
        return [{**common, **{name: getattr(assessment, name) for name in MONEY_FIGURES}}]
    if by == "deadline":
        return [
            {
                **common,
                "kind": deadline.kind.value,
                "due_on": deadline.due_on,
                "covers": None if deadline.covers is None else str(deadline.covers),
                "amount": deadline.amount,
                "received_on": deadline.received_on,
                "arose_on": deadline.arose_on,
                "overdue": deadline.overdue,
                "basis": None if deadline.basis is None else deadline.basis.key,
            }
            for deadline in assessment.deadlines
        ]
    if by == "programme_year":
        rows = [
            {
                **common,
                "programme_year": year.index,
                "label": year.period.label,
                "start": year.period.start,
                "end": year.period.end,
                "operating_grant": year.operating_grant,
                "operating_grant_accrues_on": year.operating_grant_accrues_on,
                "contract_grants": year.contract_grants,
                "entitled": year.entitled,
                "accrued": year.accrued,
                "funded": len(year.funded),
                "over_annual_limit": len(year.over_annual_limit),
                "supplementary": len(year.supplementary),
            }
            for year in assessment.years
        ]
        if with_terms:
            for row in rows:
                statement = documents.get((DeadlineKind.FINANCIAL_STATEMENT, row["programme_year"]))
                row.update(_document_columns("statement", statement))
        return rows
    if by == "budget_year":
        return [
            {**common, "year": row.year, **{name: getattr(row, name) for name in _COLUMNS}}
            for row in budget_years(assessment)
        ]
    raise InvalidInput("by", "error.not_one_of", value=shown(by), choices=", ".join(_RECORDS_BY))


def _document_columns(prefix: str, deadline: Deadline | None) -> dict[str, Any]:
    """A document's due date, the day it came in and the money that waits for it, as record columns."""
    return {
        f"{prefix}_due_on": None if deadline is None else deadline.due_on,
        f"{prefix}_received_on": None if deadline is None else deadline.received_on,
        f"awaiting_{prefix}": ZERO if deadline is None else deadline.amount,
    }


def budget_years_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The budget-year view as JSON-ready data (money as ``"15000.00"``): the rows with the figures cut by
    year (:data:`BY_YEAR`), and the total with every money figure of the assessment (``MONEY_FIGURES``)."""
    rows = budget_years(assessment)
    return {
        "as_of": assessment.as_of.isoformat(),
        "convention": assessment.convention.reference,
        "budget_years": [
            {"year": row.year, **{name: money_text(getattr(row, name)) for name in _COLUMNS}} for row in rows
        ],
        "total": {name: money_text(getattr(assessment, name)) for name in MONEY_FIGURES},
    }


def render_budget_years(assessment: Assessment, lang: str = "en", markdown: bool = False) -> str:
    """The budget-year view as a table in text or Markdown, with a total row, in English or French.

    Below it, the money figures not cut by year, those of the financing convention only when it
    has terms (zero otherwise), as in the report of an assessment.
    """
    check_lang(lang)
    money = functools.partial(format_money, lang=lang)
    title = say(
        "report.budget_title",
        lang,
        reference=assessment.convention.reference,
        as_of=format_date(assessment.as_of, lang),
    )
    rows = [[str(row.year), *(money(getattr(row, name)) for name in _COLUMNS)] for row in budget_years(assessment)]
    rows.append([say("report.budget_total", lang), *(money(_total(assessment, name)) for name in _COLUMNS)])
    budget_table = table(
        [say("report.budget_year", lang), *(say(_BUDGET_LABELS[name], lang) for name in _COLUMNS)],
        rows,
        markdown,
        right=set(range(1, len(_COLUMNS) + 1)),
    )
    wide = [
        name for name in ASSESSMENT_WIDE if assessment.convention.financing is not None or name not in FINANCING_FIGURES
    ]
    wide_table = table(
        [say("report.budget_not_by_year", lang), ""],
        [[say(_BUDGET_LABELS[name], lang), money(getattr(assessment, name))] for name in wide],
        markdown,
        right={1},
    )
    lines = [f"# {title}", ""] if markdown else [title, ""]
    lines += [*budget_table, "", *wide_table, "", say("report.budget_note", lang)]
    return report_text(lines, markdown)


def _spreadsheet_tables(assessment: Assessment, lang: str) -> tuple[list[list[Any]], list[list[Any]]]:
    """The budget years for a spreadsheet: one row per year with the figures cut by year, then every money
    figure of the assessment (the rows add up to the first four), amounts as ``Decimal``."""
    years: list[list[Any]] = [[say("export.budget." + key, lang) for key in ("year", *_COLUMNS)]]
    years += [[row.year, *(getattr(row, name) for name in _COLUMNS)] for row in budget_years(assessment)]
    figures: list[list[Any]] = [[say("export.heading.figure", lang), say("export.heading.amount", lang)]]
    figures += [[say("export.figure." + name, lang), getattr(assessment, name)] for name in MONEY_FIGURES]
    return years, figures


def budget_years_csv(assessment: Assessment, lang: str = "en", *, sources: Sequence[Sequence[Any]] = ()) -> bytes:
    """The budget years as the bytes of a CSV file: the years, an empty line, the money figures
    (``assess --by budget-year --format csv``); ``sources``, a table of where each input came from,
    follows as a third table."""
    return tables_csv([*_spreadsheet_tables(assessment, lang), *([sources] if sources else [])], lang)


def budget_years_xlsx(assessment: Assessment, lang: str = "en", *, sources: Sequence[Sequence[Any]] = ()) -> bytes:
    """The budget years as the bytes of an ``.xlsx`` workbook, the years and the money figures on two
    sheets, and ``sources`` on a third; needs the ``xlsx`` extra."""
    tables = list(zip(("budget_years", "figures"), _spreadsheet_tables(assessment, lang), strict=True))
    return tables_xlsx([*tables, *([("sources", sources)] if sources else [])], lang)


#: The label of each money figure in the budget-year view: those cut by year say which year counts.
_BUDGET_LABELS = {
    "accrued": "report.budget_accrued",
    "withheld": "report.budget_withheld",
    "releasable": "report.budget_releasable",
    "became_releasable": "report.budget_became_releasable",
    "awaiting_documents": "report.awaiting_documents",
    "balance_held": "report.balance_held_money",
    "time_barred": "report.time_barred",
    "paid": "report.budget_paid",
    "payable": "report.payable",
    "excess_paid": "report.excess_paid",
}
