"""The cases of the columnar engine: the inputs of one call of :func:`assess`, checked.

A case carries the facts of the financing convention (C3 « modalités »): the day
it was signed, the documents received and the events of the limitation of unpaid
claims. The other de minimis aid of the startups is refused, never given figures
that differ from :func:`assess`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..rules._batch import checked_shape
from ..rules._convention import Convention
from ..rules._dates import to_date, to_optional_date
from ..rules._documents import Document, check_documents
from ..rules._engine import checked_items
from ..rules._facts import Facts, checked_payments, financing_facts
from ..rules._limitation import LimitationEvent
from ..rules._model import Contract, Payment
from ..words._errors import InvalidInput, kind_of

__all__ = ["Case", "checked_case", "refuse_unmodelled"]


class Case(NamedTuple):
    """The inputs of one call of :func:`assess`, checked."""

    convention: Convention
    contracts: tuple[Contract, ...]
    as_of: dt.date
    regional_authorisation_on: dt.date | None
    payments: tuple[Payment, ...]
    financing_signed_on: dt.date | None = None
    documents: tuple[Document, ...] = ()
    limitation_events: tuple[LimitationEvent, ...] = ()

    @property
    def facts(self) -> Facts:
        """The facts of this case as :func:`assess` takes them, the convention aside."""
        return Facts(
            contracts=self.contracts,
            as_of=self.as_of,
            regional_authorisation_on=self.regional_authorisation_on,
            payments=self.payments,
            financing_signed_on=self.financing_signed_on,
            documents=self.documents,
            limitation_events=self.limitation_events,
        )


def checked_case(path: str, case: object) -> Case:
    """One case as a :class:`Case`, every value checked; a bad one raises :class:`InvalidInput` under ``path``.

    A case has the shapes :func:`~propulseur_rules.assess_many` takes, checked by the same function.
    """
    if isinstance(case, Case):
        convention, contracts, arguments = case.convention, case.contracts, case._asdict()
        arguments.pop("convention")
        arguments.pop("contracts")
    else:
        convention, contracts, arguments = checked_shape(path, case)
    if not isinstance(convention, Convention):
        raise InvalidInput(f"{path}.convention", "error.expected_convention", type=kind_of(convention))
    if "as_of" not in arguments:
        raise InvalidInput(f"{path}.as_of", "error.required")
    refuse_unmodelled(path, arguments)
    try:
        as_of = to_date(arguments["as_of"], "as_of")
        authorised_on = to_optional_date(arguments.get("regional_authorisation_on"), "regional_authorisation_on")
        checked = tuple(checked_items("contracts", contracts, Contract))
        payments = checked_payments(arguments.get("payments", ()))
        financing = _financing_facts(convention, checked, arguments)
        return Case(convention, checked, as_of, authorised_on, payments, *financing)
    except InvalidInput as error:
        raise error.within(path) from None


def _financing_facts(
    convention: Convention, contracts: tuple[Contract, ...], arguments: Mapping[str, Any]
) -> tuple[dt.date | None, tuple[Document, ...], tuple[LimitationEvent, ...]]:
    """The facts of the financing convention, checked as :func:`assess` checks them: the day of signature,
    the documents (each about a contract of the case or a programme year of the convention, none received
    before the signature) and the events of the limitation."""
    signed_on, documents, events = financing_facts(
        contracts,
        financing_signed_on=arguments.get("financing_signed_on"),
        documents=arguments.get("documents", ()),
        limitation_events=arguments.get("limitation_events", ()),
    )
    if documents:  # with no document there is no programme year to check
        check_documents(
            documents,
            contract_references=[contract.reference for contract in contracts],
            year_count=len(convention.programme_years),
            financing_signed_on=signed_on,
        )
    return signed_on, documents, events


def refuse_unmodelled(path: str, arguments: Mapping[str, Any]) -> None:
    """The other de minimis aid of the startups (C4) is not modelled by the columnar engine: refuse it, never
    give figures that differ from :func:`assess`. The financing convention (C3 « modalités ») is modelled."""
    aid = arguments.get("de_minimis_aid")
    if aid is not None and not _empty(aid):
        prefix = f"{path}." if path else ""
        raise InvalidInput(f"{prefix}de_minimis_aid", "error.columnar_de_minimis")


def _empty(value: object) -> bool:
    return isinstance(value, (tuple, list)) and not value
