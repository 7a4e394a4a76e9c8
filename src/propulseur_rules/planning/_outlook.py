"""What to expect of the supporting documents still to come, for forecasts of payments under the financing terms.

C3: the payment « interviendra selon les modalités définies dans la convention de
financement »; under those terms each part of the money waits for its supporting
document (pièce justificative) and the balance (« solde ») for the final report.
A :class:`DocumentOutlook` says how each document still missing comes in: on its
last day, late by a delay drawn in a range of days, or never, with probabilities
that add up to 1. :func:`missing_deadlines` lists the documents a case still
lacks; :func:`draw_documents` draws, with a seeded numpy ``Generator``, the day
each of them comes in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from ..rules._convention import Convention
from ..rules._documents import Document, DocumentKind, RequiredDocument
from ..rules._engine import assess
from ..rules._facts import Facts
from ..rules._outcome import Deadline
from ..words._errors import InvalidInput, kind_of, shown
from ._schedule import next_day

__all__ = ["DocumentOutlook", "draw_documents", "missing_deadlines"]

#: The longest delay a late document may be given, in days (about ten years).
_MAX_DELAY = 3660
#: How far the three probabilities may stray from adding up to 1, for the rounding of floats.
_TOLERANCE = 1e-9


def _probability(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise InvalidInput(field, "error.expected_probability", type=kind_of(value))
    try:
        number = float(value)
    except ValueError:
        raise InvalidInput(field, "error.not_a_probability", value=shown(value)) from None
    if not 0 <= number <= 1:  # NaN fails too
        raise InvalidInput(field, "error.not_a_probability", value=shown(value))
    return number


def _delay(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _MAX_DELAY:
        raise InvalidInput(field, "error.expected_delay", limit=str(_MAX_DELAY), value=shown(value))
    return value


def _on_time(value: object) -> float:
    return _probability(value, "on_time")


def _late(value: object) -> float:
    return _probability(value, "late")


def _never(value: object) -> float:
    return _probability(value, "never")


def _shortest_delay(value: object) -> int:
    return _delay(value, "shortest_delay")


def _longest_delay(value: object) -> int:
    return _delay(value, "longest_delay")


@attrs.frozen(kw_only=True)
class DocumentOutlook:
    """How each supporting document still missing comes in: on time, late, or never (C3, financing terms).

    ``on_time``, ``late`` and ``never`` are probabilities that add up to 1. A
    document on time comes in on its last day; a late one ``shortest_delay`` to
    ``longest_delay`` days after it (both included, drawn uniformly); one that
    never comes keeps its money waiting, and the final report the balance. The
    default: every document on time.

    >>> DocumentOutlook(on_time=0.7, late=0.2, never=0.1, shortest_delay=15, longest_delay=120).never
    0.1
    """

    on_time: float = attrs.field(default=1.0, converter=_on_time)
    late: float = attrs.field(default=0.0, converter=_late)
    never: float = attrs.field(default=0.0, converter=_never)
    shortest_delay: int = attrs.field(default=30, converter=_shortest_delay)
    longest_delay: int = attrs.field(default=90, converter=_longest_delay)

    def __attrs_post_init__(self) -> None:
        total = self.on_time + self.late + self.never
        if abs(total - 1) > _TOLERANCE:
            raise InvalidInput("never", "error.outlook_total", total=f"{total:g}")
        if self.longest_delay < self.shortest_delay:
            raise InvalidInput(
                "longest_delay",
                "error.delay_range",
                longest=str(self.longest_delay),
                shortest=str(self.shortest_delay),
            )

    @property
    def latest_delay(self) -> int:
        """The most days after its last day a document may come in under this outlook (0 if never late)."""
        return self.longest_delay if self.late else 0


def missing_deadlines(convention: Convention, facts: Facts) -> tuple[Deadline, ...]:
    """The documents the terms require and ``facts`` lack, by the end of the period or ``facts.as_of``.

    Without financing terms, none.
    """
    if convention.financing is None:
        return ()
    horizon = assess(convention, facts.replace(as_of=max(facts.as_of, next_day(convention.period.end))))
    have = {document.key for document in horizon.documents}
    return tuple(
        deadline
        for deadline in horizon.deadlines
        if deadline.kind.document is not None and (deadline.kind.document, deadline.covers) not in have
    )


def draw_documents(
    deadlines: Sequence[Deadline | RequiredDocument],
    outlook: DocumentOutlook,
    generator: Any,
    *,
    not_before: dt.date,
) -> tuple[Document, ...]:
    """The documents of ``deadlines`` that come in, each on the day drawn under ``outlook``.

    ``deadlines`` are those of :func:`missing_deadlines`, or the same documents as
    :class:`~propulseur_rules.rules._documents.RequiredDocument` values, in the same order.
    ``generator`` is a numpy ``Generator``: the same one in the same state draws
    the same documents. No document comes in before ``not_before`` (the day after
    the facts' date, or the financing convention's signature).
    """
    count = len(deadlines)
    if not count:
        return ()
    chance = generator.random(count)
    delays = generator.integers(outlook.shortest_delay, outlook.longest_delay + 1, size=count)
    documents = []
    for k, deadline in enumerate(deadlines):
        kind = _document_kind(deadline)
        if kind is None or chance[k] < outlook.never:
            continue
        late = chance[k] >= outlook.never + outlook.on_time
        day = deadline.due_on + dt.timedelta(days=int(delays[k])) if late else deadline.due_on
        documents.append(Document(kind=kind, received_on=max(day, not_before), covers=deadline.covers))
    return tuple(documents)


def _document_kind(due: Deadline | RequiredDocument) -> DocumentKind | None:
    """The kind of document due, ``None`` for a deadline of the limitation."""
    return due.kind if isinstance(due, RequiredDocument) else due.kind.document
