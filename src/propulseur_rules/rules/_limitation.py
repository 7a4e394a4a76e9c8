"""The four-year limitation of unpaid claims whole (loi n° 68-1250): its interruptions and its relief.

A claim on the métropole lapses four years from 1 January of the year after the right arose
(art. 1er). Article 2 interrupts it: a written claim by the creditor, a written communication
of the administration about the claim, and « toute émission de moyen de règlement, même si ce
règlement ne couvre qu'une partie de la créance ». After an interruption a new period of four
years runs from 1 January of the year after it (our reading of art. 2, whose last sentence could
not be read whole). Article 6: the administration cannot waive the limitation; the council may
relieve the creditor of it by a deliberation stating its reasons. A relief concerns the claims
already time-barred when it is taken: a claim that lapses after it is not relieved by it
(:func:`relief_of`).

The payments are already facts of a case; a :class:`LimitationEvent` adds a written claim, a
written communication of the administration, or the council's relief, each with its day.

>>> LimitationEvent(kind="written_claim", on="2026-03-01").on
datetime.date(2026, 3, 1)
>>> lapse_year(dt.date(2022, 7, 1), [dt.date(2024, 6, 1)])  # four years from 1 January 2025
2024
>>> relief_of(dt.date(2027, 1, 1), [dt.date(2027, 3, 1)])  # barred on 1 January 2027, relieved on 1 March
datetime.date(2027, 3, 1)
>>> relief_of(dt.date(2028, 1, 1), [dt.date(2027, 3, 1)]) is None  # lapses after the relief: not relieved
True
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from ..words._errors import InvalidInput, shown
from ._dates import to_date

__all__ = [
    "LimitationEvent",
    "LimitationEventKind",
    "interruption_days",
    "lapse_year",
    "relief_days",
    "relief_of",
]


class LimitationEventKind(enum.Enum):
    """What happened to an unpaid claim (loi n° 68-1250, art. 2 and 6)."""

    #: The beneficiary claimed payment in writing (art. 2): it interrupts the limitation.
    WRITTEN_CLAIM = "written_claim"
    #: The administration wrote about the claim (art. 2): it interrupts the limitation.
    ADMINISTRATION_LETTER = "administration_letter"
    #: The council relieved the beneficiary of the limitation by a reasoned deliberation (art. 6).
    RELIEF = "relief"

    def __str__(self) -> str:
        return self.value


def _kind_from(value: object) -> LimitationEventKind:
    if isinstance(value, LimitationEventKind):
        return value
    for kind in LimitationEventKind:
        if value == kind.value:
            return kind
    choices = ", ".join(kind.value for kind in LimitationEventKind)
    raise InvalidInput("kind", "error.not_a_limitation_event", value=shown(value), choices=choices)


def _on_from(value: object) -> dt.date:
    return to_date(value, "on")


@attrs.frozen(kw_only=True)
class LimitationEvent:
    """A dated event of the limitation of unpaid claims: a written claim, a letter of the administration, a relief."""

    kind: LimitationEventKind = attrs.field(converter=_kind_from)
    on: dt.date = attrs.field(converter=_on_from)


def interruption_days(payments_on: Iterable[dt.date], events: Iterable[LimitationEvent]) -> list[dt.date]:
    """Loi n° 68-1250, art. 2 — the days the limitation was interrupted: every payment, every written claim
    or letter of the administration, in order."""
    letters = [event.on for event in events if event.kind is not LimitationEventKind.RELIEF]
    return sorted([*payments_on, *letters])


def lapse_year(arose_on: dt.date, interruptions: Iterable[dt.date]) -> int:
    """Loi n° 68-1250, art. 1er and 2 — the year the four years of a claim that arose on ``arose_on`` start after.

    Without interruption, the year it arose; an interruption on or after that day and before the
    claim lapsed starts a new period from 1 January of the year after the interruption. An
    interruption once the claim has lapsed revives nothing. The claim lapses on 1 January of that
    year plus five.
    """
    year = arose_on.year
    for day in sorted(interruptions):
        if day >= arose_on and day.year < year + 5:  # before 1 January of year + 5, when the claim lapses
            year = max(year, day.year)
    return year


def relief_days(events: Iterable[LimitationEvent], as_of: dt.date) -> tuple[dt.date, ...]:
    """Loi n° 68-1250, art. 6 — the days, on or before ``as_of``, the council relieved the beneficiary of the
    limitation by a reasoned deliberation, in order."""
    return tuple(sorted(event.on for event in events if event.kind is LimitationEventKind.RELIEF and event.on <= as_of))


def relief_of(lapses_on: dt.date, reliefs: Iterable[dt.date]) -> dt.date | None:
    """Loi n° 68-1250, art. 6 — the day of the first relief that covers a claim time-barred from ``lapses_on``.

    A relief concerns the claims already time-barred on the day it is taken (``lapses_on`` on or before
    that day); a claim that lapses after it is not relieved by it, only by a later one. ``None``: no
    relief of ``reliefs`` covers the claim.
    """
    return min((day for day in reliefs if day >= lapses_on), default=None)
