"""A scenario: a convention, its contracts and payments, a date, and what it should give.

A :class:`Scenario` is what a scenario file holds once read (see ``_load.py``);
its optional :class:`~._expectation.Expectation` lists figures worked out by hand,
which ``propulseur-rules check`` compares with the assessment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ..rules._clauses import Clause
from ..rules._convention import Convention
from ..rules._dates import to_date, to_optional_date
from ..rules._documents import Document, check_documents
from ..rules._engine import assess
from ..rules._facts import FACT_NAMES, Facts
from ..rules._limitation import LimitationEvent
from ..rules._model import Contract, Payment
from ..rules._model import _text as text
from ..rules._outcome import Assessment
from ..rules._state_aid import DeMinimisAid, check_aid
from ..words._errors import InvalidInput, kind_of, shown
from ._expectation import Expectation, items_of, unique_keys

__all__ = ["Scenario"]


def _name_from(value: object) -> str:
    return text(value, "name")


def _convention_from(value: object) -> Convention:
    if not isinstance(value, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(value))
    return value


def _as_of_from(value: object) -> dt.date:
    return to_date(value, "as_of")


def _regional_authorisation_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "regional_authorisation_on")


def _referenced(value: object, field: str, kind: type[Contract] | type[Payment]) -> list[object]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInput(field, "error.expected_list_of", kind=kind.__name__, type=kind_of(value))
    items = list(value)
    for position, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInput(f"{field}[{position}]", "error.expected_a_kind", kind=kind.__name__, type=kind_of(item))
    unique_keys((getattr(item, "reference", None) for item in items), field, "reference")
    return items


def _contract_list_from(value: object) -> tuple[Contract, ...]:
    return tuple(item for item in _referenced(value, "contracts", Contract) if isinstance(item, Contract))


def _payment_list_from(value: object) -> tuple[Payment, ...]:
    return tuple(item for item in _referenced(value, "payments", Payment) if isinstance(item, Payment))


def _financing_signed_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "financing_signed_on")


def _limitation_event_list_from(value: object) -> tuple[LimitationEvent, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        kind, shown_type = "LimitationEvent", kind_of(value)
        raise InvalidInput("limitation_events", "error.expected_list_of", kind=kind, type=shown_type)
    items = tuple(value)
    for position, item in enumerate(items):
        if not isinstance(item, LimitationEvent):
            path, shown_type = f"limitation_events[{position}]", kind_of(item)
            raise InvalidInput(path, "error.expected_a_kind", kind="LimitationEvent", type=shown_type)
    return items


def _document_list_from(value: object) -> tuple[Document, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInput("documents", "error.expected_list_of", kind="Document", type=kind_of(value))
    items = list(value)
    for position, item in enumerate(items):
        if not isinstance(item, Document):
            raise InvalidInput(f"documents[{position}]", "error.expected_document", type=kind_of(item))
    return tuple(items)


def _de_minimis_aid_from(value: object) -> tuple[DeMinimisAid, ...]:
    return check_aid(value)


def _expect_from(value: object) -> Expectation | None:
    if value is None or isinstance(value, Expectation):
        return value
    raise InvalidInput("expect", "error.expected_expectation", type=kind_of(value))


def _covers_from(value: object) -> tuple[Clause, ...]:
    clauses: set[Clause] = set()
    for index, item in enumerate(items_of(list(value) if isinstance(value, (set, frozenset)) else value, "covers")):
        if isinstance(item, Clause):
            clauses.add(item)
        elif isinstance(item, str) and item.strip().upper() in Clause.__members__:
            clauses.add(Clause[item.strip().upper()])
        else:
            raise InvalidInput(f"covers[{index}]", "error.not_a_clause", value=shown(item))
    return tuple(sorted(clauses, key=lambda clause: int(clause.value[1:])))


@attrs.frozen(kw_only=True)
class Scenario:
    """A convention, its contracts and payments on a date, and optionally what they should give.

    ``name`` is a sentence that says what the scenario shows; ``covers`` lists the
    clauses it is meant to exercise, which ``propulseur-rules check`` verifies.
    ``financing_signed_on`` and ``documents`` are the facts of the financing
    convention (see :class:`~propulseur_rules.FinancingTerms`): they change a figure
    only when the convention has terms (``convention.financing``).

    >>> from propulseur_rules import DIJON_2022
    >>> scenario = Scenario(name="Nothing signed yet.", convention=DIJON_2022, as_of=dt.date(2023, 1, 1))
    >>> scenario.assess().accrued
    Decimal('20000.00')
    """

    name: str = attrs.field(converter=_name_from)
    convention: Convention = attrs.field(converter=_convention_from)
    as_of: dt.date = attrs.field(converter=_as_of_from)
    regional_authorisation_on: dt.date | None = attrs.field(default=None, converter=_regional_authorisation_on_from)
    contracts: tuple[Contract, ...] = attrs.field(default=(), converter=_contract_list_from)
    payments: tuple[Payment, ...] = attrs.field(default=(), converter=_payment_list_from)
    #: The day the financing convention was signed (loi n° 2000-321, art. 10); ``None``: not signed.
    financing_signed_on: dt.date | None = attrs.field(default=None, converter=_financing_signed_on_from)
    #: The supporting documents received, in the order given.
    documents: tuple[Document, ...] = attrs.field(default=(), converter=_document_list_from)
    #: The written claims, letters of the administration and relief of the four-year limitation
    #: (loi n° 68-1250, art. 2 and 6).
    limitation_events: tuple[LimitationEvent, ...] = attrs.field(default=(), converter=_limitation_event_list_from)
    #: The other de minimis aid the startups received, by SIREN: a warning, never a figure (C4).
    de_minimis_aid: tuple[DeMinimisAid, ...] = attrs.field(default=(), converter=_de_minimis_aid_from)
    covers: tuple[Clause, ...] = attrs.field(default=(), converter=_covers_from)
    expect: Expectation | None = attrs.field(default=None, converter=_expect_from)

    def facts(self) -> Facts:
        """The facts of the scenario, everything but the convention, as :func:`assess`,
        :func:`schedule` and the planning tools take them (``schedule(scenario.convention,
        scenario.facts())``)."""
        return Facts(**{name: getattr(self, name) for name in FACT_NAMES})

    def assess(self) -> Assessment:
        """The assessment of the scenario's contracts and payments on its date."""
        return assess(self.convention, self.facts())

    def __attrs_post_init__(self) -> None:
        # Each document is about a contract or a programme year of the scenario, and none came in
        # before the financing convention was signed: what assess() would refuse, refused here.
        check_documents(
            self.documents,
            contract_references=[contract.reference for contract in self.contracts],
            year_count=len(self.convention.programme_years),
            financing_signed_on=self.financing_signed_on,
        )

    def replace(self, **changes: object) -> Scenario:
        """A copy with some fields changed, checked like a new scenario."""
        try:
            return attrs.evolve(self, **changes)
        except TypeError as error:
            known = ", ".join(field.name for field in attrs.fields(Scenario))
            raise InvalidInput("", "error.unknown_scenario_field", detail=str(error), known=known) from None
