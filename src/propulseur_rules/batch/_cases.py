"""The cases of the columnar engine: the inputs of one call of :func:`assess`, checked.

The columnar engine assesses the deliberation alone: a case with the financing
convention's terms (C3 « modalités »), its signature or documents is refused,
never given figures that differ from :func:`assess`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from ..rules._batch import checked_shape
from ..rules._convention import Convention
from ..rules._dates import to_date, to_optional_date
from ..rules._engine import checked_items
from ..rules._facts import checked_payments
from ..rules._model import Contract, Payment
from ..words._errors import InvalidInput, Worded, kind_of

__all__ = ["Case", "checked_case", "refuse_financing"]


class Case(NamedTuple):
    """The inputs of one call of :func:`assess`, checked."""

    convention: Convention
    contracts: tuple[Contract, ...]
    as_of: dt.date
    regional_authorisation_on: dt.date | None
    payments: tuple[Payment, ...]


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
    refuse_financing(path, convention, arguments)
    try:
        as_of = to_date(arguments["as_of"], "as_of")
        authorised_on = to_optional_date(arguments.get("regional_authorisation_on"), "regional_authorisation_on")
        return Case(
            convention=convention,
            contracts=tuple(checked_items("contracts", contracts, Contract)),
            as_of=as_of,
            regional_authorisation_on=authorised_on,
            payments=checked_payments(arguments.get("payments", ())),
        )
    except InvalidInput as error:
        raise error.within(path) from None


def refuse_financing(path: str, convention: Convention, arguments: Mapping[str, Any]) -> None:
    """The financing convention (C3 « modalités ») is not modelled by the columnar engine: refuse it, never
    give figures that differ from :func:`assess`."""
    prefix = f"{path}." if path else ""
    if convention.financing is not None:
        raise InvalidInput(
            f"{prefix}convention.financing", "error.columnar_financing", advice=Worded("error.advice_financing_none")
        )
    for name in ("financing_signed_on", "documents"):
        value = arguments.get(name)
        if value is not None and not (name == "documents" and _empty(value)):
            raise InvalidInput(
                f"{prefix}{name}", "error.columnar_financing", advice=Worded("error.advice_leave_out", name=name)
            )
    aid = arguments.get("de_minimis_aid")
    if aid is not None and not _empty(aid):
        raise InvalidInput(f"{prefix}de_minimis_aid", "error.columnar_de_minimis")


def _empty(value: object) -> bool:
    return isinstance(value, (tuple, list)) and not value
