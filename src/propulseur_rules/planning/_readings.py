"""One scenario under every reading of the ambiguous clauses, side by side.

The deliberation leaves four questions open, each with two readings (SPEC §2, §7):
the target of C3 (``TargetPolicy``), when money accrues (``Accrual``, C3), the places
(« 3 contrats par an », C2, or « 9 projets », C7: ``PlacesPolicy``) and the period
(C1's 1 July 2022 – 30 June 2025, or C7's « 2022 – 2024 », contracts signed by 31
December 2024). :func:`compare_readings` assesses one scenario under each of the
sixteen combinations and says, for each, every money figure of the assessment
(``MONEY_FIGURES``: accrued, withheld, releasable, what waits for a document, the
balance held, the claims time-barred, paid, payable, excess paid) and how far the main ones are from the
convention's own readings: what a finance officer needs before choosing one.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..reports._json_ready import json_ready
from ..reports._layout import report_text, table
from ..reports._messages import reading_label
from ..reports._tables import MONEY_WITHOUT_TERMS
from ..rules._convention import Accrual, Convention, PlacesPolicy, TargetPolicy
from ..rules._documents import Document
from ..rules._engine import assess
from ..rules._facts import Facts, facts_from
from ..rules._model import Contract, Payment
from ..rules._money import in_money_context
from ..rules._outcome import MONEY_FIGURES
from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of
from ..words._format import format_date, format_money
from ..words._language import check_lang

__all__ = ["Reading", "compare_readings", "readings_to_dict", "render_readings", "strict_signing_deadline"]

#: The catalogue key of a money figure's label where it is not ``report.`` + its name.
_MONEY_LABELS = {"balance_held": "balance_held_money"}


@attrs.frozen(kw_only=True)
class Reading:
    """The figures of one scenario under one combination of readings.

    ``signing_deadline`` is ``None`` for C1's period, the last day a contract may be
    signed under C7's strict reading otherwise. ``default`` marks the convention's own
    readings. The money figures are those of the assessment under these readings, all of
    ``MONEY_FIGURES`` (``awaiting_documents``, ``balance_held`` and ``time_barred`` are zero without
    financing terms); the ``*_difference`` figures are this row's minus the default row's.
    """

    target_policy: TargetPolicy
    accrual: Accrual
    places: PlacesPolicy
    signing_deadline: dt.date | None
    default: bool
    accrued: Decimal
    withheld: Decimal
    releasable: Decimal
    awaiting_documents: Decimal
    balance_held: Decimal
    time_barred: Decimal
    paid: Decimal
    payable: Decimal
    excess_paid: Decimal
    accrued_difference: Decimal
    releasable_difference: Decimal
    payable_difference: Decimal


def strict_signing_deadline(convention: Convention) -> dt.date | None:
    """C7 — « pour la période 2022 – 2024 »: the convention's own signing deadline, or the last 31 December
    before the period ends; ``None`` when the period ends on a 31 December (the strict reading is then the
    period itself) or holds no 31 December.

    >>> from propulseur_rules import DIJON_2022
    >>> strict_signing_deadline(DIJON_2022)
    datetime.date(2024, 12, 31)
    """
    if convention.signing_deadline is not None:
        return convention.signing_deadline
    period = convention.period
    if (period.end.month, period.end.day) == (12, 31):
        return None
    last = dt.date(period.end.year - 1, 12, 31)
    return last if last in period else None


@in_money_context
def compare_readings(
    convention: Convention,
    contracts: Facts | Iterable[Contract] = (),
    *,
    as_of: dt.date | None = None,
    regional_authorisation_on: dt.date | None = None,
    payments: Iterable[Payment] = (),
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
) -> tuple[Reading, ...]:
    """Assess one scenario under every combination of readings: target × accrual × places × period.

    The rows come in a fixed order, the convention's own readings first. The
    financing convention's inputs count as in :func:`assess`, for a convention with terms.
    The facts may come as one :class:`~propulseur_rules.Facts` in place of the contracts.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> rows = compare_readings(DIJON_2022, [], as_of=dt.date(2025, 7, 1))
    >>> len(rows), rows[0].default, str(rows[0].accrued)
    (16, True, '60000.00')
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))
    facts = facts_from(
        contracts,
        as_of=as_of,
        regional_authorisation_on=regional_authorisation_on,
        payments=payments,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    combinations = _combinations(convention)
    assessments = [
        assess(
            convention.replace(target_policy=target, accrual=accrual, places=places, signing_deadline=deadline),
            facts,
        )
        for target, accrual, places, deadline in combinations
    ]
    default = assessments[0]
    return tuple(
        Reading(
            target_policy=target,
            accrual=accrual,
            places=places,
            signing_deadline=deadline,
            default=index == 0,
            **{name: getattr(assessment, name) for name in MONEY_FIGURES},
            accrued_difference=assessment.accrued - default.accrued,
            releasable_difference=assessment.releasable - default.releasable,
            payable_difference=assessment.payable - default.payable,
        )
        for index, ((target, accrual, places, deadline), assessment) in enumerate(
            zip(combinations, assessments, strict=True)
        )
    )


def _combinations(convention: Convention) -> list[tuple[TargetPolicy, Accrual, PlacesPolicy, dt.date | None]]:
    """Every combination of readings, target × accrual × places × period, the convention's own first."""
    # The convention's own period first, then C1's and C7's strict one, each once.
    periods = [convention.signing_deadline, None, strict_signing_deadline(convention.replace(signing_deadline=None))]
    return list(
        itertools.product(
            _own_first(TargetPolicy, convention.target_policy),
            _own_first(Accrual, convention.accrual, _accruals_possible(convention)),
            _own_first(PlacesPolicy, convention.places),
            list(dict.fromkeys(periods)),
        )
    )


def _own_first(kind: type[Any], own: Any, possible: Iterable[Any] | None = None) -> list[Any]:
    return [own, *(member for member in (kind if possible is None else possible) if member is not own)]


def _accruals_possible(convention: Convention) -> list[Accrual]:
    """The accruals a convention can take: none at the end of a year when no day follows its period (C3)."""
    if convention.period.end == dt.date.max:
        return [Accrual.ON_EVENT]
    return list(Accrual)


def readings_to_dict(readings: Iterable[Reading]) -> list[dict[str, Any]]:
    """The comparison as JSON-ready rows: readings by their values, money as ``"15000.00"``, dates ISO 8601."""
    return [json_ready(attrs.asdict(reading, recurse=False)) for reading in readings]  # type: ignore[misc]


def render_readings(
    convention: Convention, readings: Iterable[Reading], lang: str = "en", markdown: bool = False
) -> str:
    """The comparison as a table in text or Markdown, in English or French, the default marked.

    Every money figure has its column, those of the financing convention only when it has terms
    (zero otherwise), as in the report of an assessment.
    """
    check_lang(lang)
    money = functools.partial(format_money, lang=lang)
    figures = MONEY_WITHOUT_TERMS if convention.financing is None else MONEY_FIGURES
    rows = [
        [
            "*" if reading.default else "",
            reading_label(reading.target_policy.value, lang),
            reading_label(reading.accrual.value, lang),
            reading_label(reading.places.value, lang),
            say("report.period_c1", lang)
            if reading.signing_deadline is None
            else say("report.period_by", lang, day=format_date(reading.signing_deadline, lang)),
            *(money(getattr(reading, name)) for name in figures),
            _difference(reading.accrued_difference, lang),
            _difference(reading.payable_difference, lang),
        ]
        for reading in readings
    ]
    headers = [
        say("report." + key, lang)
        for key in (
            "readings_default",
            "readings_target",
            "readings_accrual",
            "readings_places",
            "readings_period",
            *(_MONEY_LABELS.get(name, name) for name in figures),
            "readings_accrued_difference",
            "readings_payable_difference",
        )
    ]
    title = say("report.readings_title", lang, reference=convention.reference)
    lines = [f"# {title}", ""] if markdown else [title, ""]
    right = set(range(5, len(headers)))
    lines += [*table(headers, rows, markdown, right=right), "", say("report.readings_note", lang)]
    return report_text(lines, markdown)


def _difference(amount: Decimal, lang: str) -> str:
    if not amount:
        return "="
    sign = "+" if amount > 0 else "−"
    return sign + format_money(abs(amount), lang)
