"""The schedule as a reader sees it: each event's label, the table in text or Markdown, JSON-ready data."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from ..reports._layout import report_text, table
from ..reports._messages import readings_text
from ..rules._convention import Convention
from ..rules._money import ZERO, money_text
from ..words._catalogue import say
from ..words._format import format_date, format_money
from ..words._language import LANGUAGES, check_lang
from ._schedule import EventKind, ScheduleEvent

__all__ = ["event_label", "render_schedule", "schedule_to_dict"]

#: The events of the financing terms, whose labels name a document and what it covers.
_FINANCING_EVENTS = frozenset(
    {
        EventKind.FINANCING_SIGNED,
        EventKind.DOCUMENT_RECEIVED,
        EventKind.BALANCE_RELEASED,
        EventKind.DOCUMENT_DUE,
        EventKind.CLAIM_TIME_BARRED,
    }
)


def event_label(event: ScheduleEvent, convention: Convention, lang: str = "en") -> str:
    """What happens at an event, in a few words, in English or French."""
    check_lang(lang)
    key = f"report.event_{event.kind.value}"
    if event.kind in _FINANCING_EVENTS:
        covering = ""
        if event.contract is not None and event.document is not None:
            covering = say("report.covering_contract", lang, contract=event.contract)
        elif event.programme_year is not None and event.document is not None:
            covering = say("report.covering_year", lang, index=event.programme_year)
        document = "" if event.document is None else event.document.label(lang)
        return say(key, lang, document=document, covering=covering)
    label = ""
    if event.programme_year is not None and 0 < event.programme_year <= len(convention.programme_years):
        label = convention.programme_years[event.programme_year - 1].label
    return say(
        key,
        lang,
        index=event.programme_year,
        label=label,
        contract=event.contract if event.contract is not None else "",
    )


def schedule_to_dict(convention: Convention, events: Iterable[ScheduleEvent]) -> dict[str, Any]:
    """The forecast as JSON-ready data: each event with its date, kind, clause, amount and running totals."""
    return {
        "convention": convention.reference,
        "events": [
            {
                "on": event.on.isoformat(),
                "kind": event.kind.value,
                "clause": event.clause.value,
                "amount": money_text(event.amount),
                "accrued": money_text(event.accrued),
                "releasable": money_text(event.releasable),
                "programme_year": event.programme_year,
                "contract": event.contract,
                "label": {lang: event_label(event, convention, lang) for lang in LANGUAGES},
                **_financing_fields(event),
            }
            for event in events
        ],
    }


def _financing_fields(event: ScheduleEvent) -> dict[str, Any]:
    """The fields an event has with financing terms only, so that a schedule without them is unchanged."""
    if event.released is None:
        return {}
    return {
        "released": money_text(event.released),
        "document": None if event.document is None else event.document.value,
        "basis": None if event.basis is None else event.basis.citation,
    }


def render_schedule(
    convention: Convention, events: Iterable[ScheduleEvent], lang: str = "en", markdown: bool = False
) -> str:
    """The forecast as a table in text or Markdown, in English or French."""
    check_lang(lang)
    money = functools.partial(format_money, lang=lang)
    title = say("report.schedule_title", lang, reference=convention.reference)
    readings = readings_text(convention, lang)
    lines = [f"# {title}", "", readings, ""] if markdown else [title, readings, ""]
    events = tuple(events)
    with_terms = convention.financing is not None
    rows = [
        [
            format_date(event.on, lang),
            event_label(event, convention, lang),
            _cited(event),
            money(event.amount),
            money(event.accrued),
            money(event.releasable),
            *([money(event.released if event.released is not None else ZERO)] if with_terms else []),
        ]
        for event in events
    ]
    if rows:
        headers = [
            say("report." + key, lang)
            for key in (
                "schedule_date",
                "schedule_event",
                "schedule_clause",
                "schedule_amount",
                "accrued",
                "releasable",
            )
        ]
        right = {3, 4, 5}
        if with_terms:
            headers.append(say("report.schedule_released", lang))
            right.add(6)
        lines += [*table(headers, rows, markdown, right=right), "", say("report.schedule_note", lang)]
        if with_terms:
            lines.append(say("report.schedule_financing_note", lang))
    else:
        lines.append(say("report.schedule_empty", lang))
    return report_text(lines, markdown)


def _cited(event: ScheduleEvent) -> str:
    """The clause of an event, and the short citation of its article of law when it has one."""
    return event.clause.value if event.basis is None else f"{event.clause.value}, {event.basis.citation}"
