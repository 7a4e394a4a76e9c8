"""The facts of a case, as one value: what :func:`~._engine.assess` and the planning tools read.

A case is a convention and what happened under it: the contracts signed or planned, the
day of the assessment, the day the regional authorisation was validated (C4), the
payments made, the day the financing convention was signed (loi n° 2000-321, art. 10),
the supporting documents received (C3), the events of the limitation of unpaid claims
(loi n° 68-1250) and the other de minimis aid the startups received (C4,
:mod:`._state_aid`). :class:`Facts` holds these eight facts and
checks them as :func:`~._engine.assess` always has; every function that assesses a case
takes one, and still takes the same facts as keyword arguments.

>>> import datetime as dt
>>> from propulseur_rules import DIJON_2022, Facts, assess
>>> facts = Facts(as_of="2023-01-01", regional_authorisation_on=dt.date(2022, 12, 15))
>>> facts.as_of, facts.contracts
(datetime.date(2023, 1, 1), ())
>>> assess(DIJON_2022, facts) == assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1),
...                                     regional_authorisation_on=dt.date(2022, 12, 15))
True
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from typing import Any, TypeGuard, TypeVar

import attrs

from ..words._errors import InvalidInput, kind_of
from ._dates import to_date, to_optional_date
from ._documents import Document, check_documents
from ._limitation import LimitationEvent
from ._model import Contract, Payment
from ._money import ZERO, in_money_context, money_text
from ._state_aid import DeMinimisAid, check_aid

__all__ = ["FACT_NAMES", "Facts", "checked_items", "checked_payments", "facts_from", "financing_facts"]

_Referenced = TypeVar("_Referenced", Contract, Payment)


def checked_items(field: str, values: object, kind: type[_Referenced]) -> list[_Referenced]:
    """The items of ``values``, each of type ``kind``, with no reference used twice."""
    if not _collection(values):
        raise InvalidInput(field, "error.expected_collection_of", kind=kind.__name__, type=kind_of(values))
    if isinstance(values, (tuple, list)):
        # Each value of the right kind was checked when it was built: only the references remain to compare.
        references = {value.reference for value in values if isinstance(value, kind)}
        if len(references) == len(values):
            return list(values)
    # A reference used twice, a wrong item, or items that come one at a time: each is named in turn.
    items: list[_Referenced] = []
    seen: dict[str, int] = {}
    for position, value in enumerate(values):
        if not isinstance(value, kind):
            raise InvalidInput(f"{field}[{position}]", "error.expected_a_kind", kind=kind.__name__, type=kind_of(value))
        if value.reference in seen:
            raise InvalidInput(
                f"{field}[{position}].reference",
                "error.used_twice",
                value=repr(value.reference),
                origin=f"{field}[{seen[value.reference]}]",
            )
        seen[value.reference] = position
        items.append(value)
    return items


def _collection(values: object) -> TypeGuard[Iterable[Any]]:
    """Whether ``values`` holds items: a tuple or a list, or any other iterable but a text."""
    return isinstance(values, (tuple, list)) or (not isinstance(values, (str, bytes)) and isinstance(values, Iterable))


def _as_of_from(value: object) -> dt.date:
    return to_date(value, "as_of")


def _regional_authorisation_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "regional_authorisation_on")


def _financing_signed_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "financing_signed_on")


def _contracts_from(values: object) -> tuple[Contract, ...]:
    return tuple(checked_items("contracts", values, Contract))


def _payments_from(values: object) -> tuple[Payment, ...]:
    return checked_payments(values)


def checked_payments(values: object) -> tuple[Payment, ...]:
    """The payments of ``values``, each a :class:`Payment` with its own reference, no refund paying back
    more than was paid before it."""
    payments = tuple(checked_items("payments", values, Payment))
    if any(payment.refund for payment in payments):  # only a refund can pay back more than was paid
        _check_refunds(payments)
    return payments


@in_money_context
def _check_refunds(payments: tuple[Payment, ...]) -> None:
    """A refund (« reversement ») pays back money paid before it, never more: day by day, the payments
    of a day before its refunds, what was paid stays zero or more."""
    paid = ZERO
    order = sorted(range(len(payments)), key=lambda k: (payments[k].paid_on, payments[k].refund, payments[k].reference))
    for position in order:
        payment = payments[position]
        if payment.refund and paid + payment.amount < 0:
            raise InvalidInput(
                f"payments[{position}].amount",
                "error.refund_exceeds_paid",
                reference=payment.reference,
                refund=money_text(-payment.amount),
                paid=money_text(paid),
            )
        paid += payment.amount


def _limitation_events_from(values: object) -> tuple[LimitationEvent, ...]:
    if not _collection(values):
        kind = "LimitationEvent"
        raise InvalidInput("limitation_events", "error.expected_collection_of", kind=kind, type=kind_of(values))
    events = tuple(values)
    for position, event in enumerate(events):
        if not isinstance(event, LimitationEvent):
            path = f"limitation_events[{position}]"
            raise InvalidInput(path, "error.expected_a_kind", kind="LimitationEvent", type=kind_of(event))
    return events


def _documents_from(values: object) -> tuple[Any, ...]:
    if not _collection(values):
        raise InvalidInput("documents", "error.expected_collection_of", kind="Document", type=kind_of(values))
    return tuple(values)


def _de_minimis_aid_from(values: object) -> tuple[DeMinimisAid, ...]:
    return check_aid(values)


@attrs.frozen(kw_only=True)
class Facts:
    """The facts of a case: everything :func:`~propulseur_rules.assess` reads besides the convention.

    The fields are checked in the order below, as :func:`~propulseur_rules.assess`
    checks its arguments; each error is an :class:`InvalidInput` naming the field
    (``contracts[3].reference``). The contracts, payments and documents keep the
    order given; the rules put them in their own order. A document must be about
    a contract of these facts and not come in before the financing convention was
    signed; whether the programme year it covers exists is for the convention to
    say, when the facts are assessed.
    """

    #: The day of the assessment.
    as_of: dt.date = attrs.field(converter=_as_of_from)
    #: The day the regional authorisation was validated (C4); ``None``: not yet.
    regional_authorisation_on: dt.date | None = attrs.field(default=None, converter=_regional_authorisation_on_from)
    #: The accompaniment contracts, signed or planned (a ``signed_on`` after ``as_of``).
    contracts: tuple[Contract, ...] = attrs.field(default=(), converter=_contracts_from)
    #: The payments made; those after ``as_of`` are planned ones.
    payments: tuple[Payment, ...] = attrs.field(default=(), converter=_payments_from)
    #: The day the financing convention was signed (loi n° 2000-321, art. 10); ``None``: not signed.
    financing_signed_on: dt.date | None = attrs.field(default=None, converter=_financing_signed_on_from)
    #: The supporting documents received (C3, the financing convention's « modalités »).
    documents: tuple[Document, ...] = attrs.field(default=(), converter=_documents_from)
    #: The written claims, letters of the administration and relief that act on the four-year limitation
    #: of unpaid claims (loi n° 68-1250, art. 2 and 6); the payments interrupt it by themselves.
    limitation_events: tuple[LimitationEvent, ...] = attrs.field(default=(), converter=_limitation_events_from)
    #: The other de minimis aid the startups received, by SIREN (C4 and the de minimis regulations).
    de_minimis_aid: tuple[DeMinimisAid, ...] = attrs.field(default=(), converter=_de_minimis_aid_from)

    def __attrs_post_init__(self) -> None:
        _check_documents_of(self.documents, self.contracts, self.financing_signed_on)

    def replace(self, **changes: object) -> Facts:
        """A copy with some facts changed, checked like new facts."""
        try:
            return attrs.evolve(self, **changes)
        except TypeError as error:
            raise InvalidInput(
                "", "error.unknown_scenario_field", detail=str(error), known=", ".join(FACT_NAMES)
            ) from None


def _check_documents_of(
    documents: tuple[Document, ...], contracts: tuple[Contract, ...], financing_signed_on: dt.date | None
) -> None:
    """Each document is about a contract of the facts and not received before the financing convention
    was signed; with no document there is nothing to check."""
    if documents:
        check_documents(
            documents,
            contract_references=[contract.reference for contract in contracts],
            year_count=sys.maxsize,  # the convention's years are checked when it is assessed
            financing_signed_on=financing_signed_on,
        )


def financing_facts(
    contracts: tuple[Contract, ...],
    *,
    financing_signed_on: object = None,
    documents: object = (),
    limitation_events: object = (),
) -> tuple[dt.date | None, tuple[Document, ...], tuple[LimitationEvent, ...]]:
    """The facts of the financing convention of facts whose other fields are checked: the day it was
    signed, the documents and the events of the limitation, checked as :class:`Facts` checks them, in
    the same order and with the same errors, without checking the other facts a second time."""
    signed_on = _financing_signed_on_from(financing_signed_on)
    checked_documents = _documents_from(documents)
    events = _limitation_events_from(limitation_events)
    _check_documents_of(checked_documents, contracts, signed_on)
    return signed_on, checked_documents, events


#: The names of the facts, in the order they are checked: the keyword arguments of ``assess``
#: with ``contracts``.
FACT_NAMES: tuple[str, ...] = tuple(field.name for field in attrs.fields(Facts))


def facts_from(contracts: object, **keywords: Any) -> Facts:
    """The facts given to a function that assesses a case: a :class:`Facts` in place of the contracts,
    or the contracts and the keyword arguments that name the other facts, never both."""
    if isinstance(contracts, Facts):
        given = [name for name, value in keywords.items() if not _left_out(value)]
        if given:
            raise InvalidInput(given[0], "error.fact_given_twice")
        return contracts
    return Facts(contracts=contracts, **keywords)


def _left_out(value: object) -> bool:
    """Whether a keyword argument is at its default: no date, or no items."""
    return value is None or (isinstance(value, (tuple, list)) and not value)
