"""The parameters of a funding convention, the two reading policies, and DIJON_2022.

Every parameter names the clause it comes from in its ``attrs`` metadata
(``attrs.fields(Convention).total_cap.metadata["clause"]`` is ``Clause.C2``).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from ..words._errors import InvalidInput, kind_of, shown
from ._clauses import Clause
from ._dates import Period, to_optional_date
from ._deliberation import Deliberation
from ._financing import FinancingTerms
from ._model import Sector, _count, _insee_code, _reference_from, _text, to_sector
from ._money import in_money_context, to_money
from ._territory import DIJON_METROPOLE_COMMUNES

__all__ = ["DIJON_2022", "Accrual", "Convention", "PlacesPolicy", "TargetPolicy"]

_MAX_YEARS = 100


class TargetPolicy(enum.Enum):
    """How the target of C3 (« conditionné à la signature de 9 contrats ») gates payment.

    ``PRO_RATA``: money accrues per funded contract; a missed target is reported
    but withholds nothing. ``ALL_OR_NOTHING``: while the target is unmet, all that
    has accrued is withheld; once the period has ended short of it, nothing is
    ever releasable.
    """

    PRO_RATA = "pro_rata"
    ALL_OR_NOTHING = "all_or_nothing"

    def __str__(self) -> str:
        return self.value


class Accrual(enum.Enum):
    """When money is earned, under the payment modalities that C3 leaves to the convention.

    ``ON_EVENT``: a year's operating grant on the first day of its programme year,
    a contract's grant on the day it is signed. ``AT_YEAR_END``: a programme year's
    operating grant and contract grants on the day after that year ends.
    """

    ON_EVENT = "on_event"
    AT_YEAR_END = "at_year_end"

    def __str__(self) -> str:
        return self.value


class PlacesPolicy(enum.Enum):
    """How the funded places are counted: « dans la limite de 3 contrats par an » (C2) or « 9 projets » (C7).

    ``ANNUAL``: each programme year has ``max_funded_contracts_per_year``
    places. ``POOLED``: the convention has ``max_funded_contracts_per_year ×``
    the number of programme years places over the whole period, taken in signing
    order whatever the year; a year's entitlement can then exceed the annual
    ceiling, never the total cap. Only the decision part of the deliberation
    (C7, « au titre de 9 projets … pour la période 2022 – 2024 ») has legal force;
    C2, in the explanatory part, paces it per year.
    """

    ANNUAL = "annual"
    POOLED = "pooled"

    def __str__(self) -> str:
        return self.value


_Policy = TypeVar("_Policy", TargetPolicy, Accrual, PlacesPolicy)


def _member(kind: type[_Policy], value: object, path: str) -> _Policy:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value.strip().lower() in (member.value, member.name.lower()):
                return member
    choices = ", ".join(member.value for member in kind)
    raise InvalidInput(path, "error.not_one_of", value=shown(value), choices=choices)


def _target_policy_from(value: object) -> TargetPolicy:
    return _member(TargetPolicy, value, "target_policy")


def _accrual_from(value: object) -> Accrual:
    return _member(Accrual, value, "accrual")


def _places_from(value: object) -> PlacesPolicy:
    return _member(PlacesPolicy, value, "places")


def _signing_deadline_from(value: object) -> dt.date | None:
    return to_optional_date(value, "signing_deadline")


def _selected_from_from(value: object) -> dt.date | None:
    return to_optional_date(value, "selected_from")


def _items(value: object, path: str) -> list[object]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidInput(path, "error.expected_collection", type=kind_of(value))
    return list(value)


def _territory(value: object) -> frozenset[str]:
    return frozenset(_insee_code(code, f"territory[{index}]") for index, code in enumerate(_items(value, "territory")))


def _sectors(value: object) -> frozenset[Sector]:
    items = _items(value, "eligible_sectors")
    return frozenset(to_sector(item, f"eligible_sectors[{index}]") for index, item in enumerate(items))


def _period(value: object) -> Period:
    if not isinstance(value, Period):
        raise InvalidInput("period", "error.expected_period", type=kind_of(value))
    years = value.whole_years
    if years is None:
        raise InvalidInput("period", "error.not_whole_years", value=str(value))
    if years > _MAX_YEARS:
        raise InvalidInput("period", "error.too_many_years", years=str(years), limit=str(_MAX_YEARS))
    return value


def _deliberation(value: object) -> Deliberation | None:
    if value is None or isinstance(value, Deliberation):
        return value
    raise InvalidInput("deliberation", "error.expected_deliberation", type=kind_of(value))


def _financing_from(value: object) -> FinancingTerms | None:
    if value is None or isinstance(value, FinancingTerms):
        return value
    raise InvalidInput("financing", "error.expected_financing_terms", type=kind_of(value))


def _max_funded_contracts_per_year_from(value: object) -> int:
    return _count(value, "max_funded_contracts_per_year")


def _required_contracts_from(value: object) -> int:
    return _count(value, "required_contracts")


def _beneficiary_from(value: object) -> str:
    return _text(value, "beneficiary")


def _funder_from(value: object) -> str:
    return _text(value, "funder")


def _grant_per_contract_from(value: object) -> Decimal:
    return to_money(value, "grant_per_contract")


def _operating_grant_per_year_from(value: object) -> Decimal:
    return to_money(value, "operating_grant_per_year")


def _total_cap_from(value: object) -> Decimal:
    return to_money(value, "total_cap")


@attrs.frozen(kw_only=True, cache_hash=True)
class Convention:
    """The parameters of one funding convention; ``DIJON_2022`` is the one voted.

    Variants for what-if work come from :meth:`replace` (or ``attrs.evolve``),
    which checks the new values like the constructor does:

    >>> DIJON_2022.replace(total_cap="240000", max_funded_contracts_per_year=4).annual_ceiling
    Decimal('80000.00')
    """

    reference: str = attrs.field(converter=_reference_from)
    funder: str = attrs.field(converter=_funder_from)
    beneficiary: str = attrs.field(converter=_beneficiary_from)
    period: Period = attrs.field(converter=_period, metadata={"clause": Clause.C1})
    total_cap: Decimal = attrs.field(converter=_total_cap_from, metadata={"clause": Clause.C2})
    operating_grant_per_year: Decimal = attrs.field(
        converter=_operating_grant_per_year_from, metadata={"clause": Clause.C2}
    )
    grant_per_contract: Decimal = attrs.field(converter=_grant_per_contract_from, metadata={"clause": Clause.C2})
    max_funded_contracts_per_year: int = attrs.field(
        converter=_max_funded_contracts_per_year_from, metadata={"clause": Clause.C2}
    )
    required_contracts: int = attrs.field(converter=_required_contracts_from, metadata={"clause": Clause.C3})
    territory: frozenset[str] = attrs.field(converter=_territory, metadata={"clause": Clause.C6})
    eligible_sectors: frozenset[Sector] = attrs.field(converter=_sectors, metadata={"clause": Clause.C8})
    deliberation: Deliberation | None = attrs.field(
        default=None, converter=_deliberation, metadata={"clause": Clause.C9}
    )
    target_policy: TargetPolicy = attrs.field(
        default=TargetPolicy.PRO_RATA,
        converter=_target_policy_from,
        metadata={"clause": Clause.C3},
    )
    accrual: Accrual = attrs.field(default=Accrual.ON_EVENT, converter=_accrual_from, metadata={"clause": Clause.C3})
    places: PlacesPolicy = attrs.field(
        default=PlacesPolicy.ANNUAL, converter=_places_from, metadata={"clause": Clause.C7}
    )
    signing_deadline: dt.date | None = attrs.field(
        default=None, converter=_signing_deadline_from, metadata={"clause": Clause.C7}
    )
    selected_from: dt.date | None = attrs.field(
        default=None, converter=_selected_from_from, metadata={"clause": Clause.C6}
    )
    #: C3 (« selon les modalités définies dans la convention de financement »): the payment terms of the
    #: financing convention, which was not published. ``None``, the default, applies the deliberation alone:
    #: what is releasable is payable, with no document, balance or deadline.
    financing: FinancingTerms | None = attrs.field(
        default=None, converter=_financing_from, metadata={"clause": Clause.C3}
    )

    def __attrs_post_init__(self) -> None:
        deadline = self.signing_deadline
        if deadline is not None and deadline not in self.period:
            raise InvalidInput(
                "signing_deadline",
                "error.deadline_outside_period",
                deadline=deadline.isoformat(),
                period=str(self.period),
            )
        if self.selected_from is not None and self.selected_from > self.period.end:
            raise InvalidInput(
                "selected_from",
                "error.selected_after_end",
                value=self.selected_from.isoformat(),
                end=self.period.end.isoformat(),
            )
        if self.accrual is Accrual.AT_YEAR_END and self.period.end == dt.date.max:
            # C3: what accrues at the end of a programme year accrues on the day after it,
            # and no day of the calendar follows 31 December 9999.
            raise InvalidInput("accrual", "error.no_day_after_period", end=self.period.end.isoformat())

    @functools.cached_property
    def programme_years(self) -> tuple[Period, ...]:
        """The twelve-month programme years of the period, in order (C1)."""
        return self.period.years()

    @property
    @in_money_context
    def annual_ceiling(self) -> Decimal:
        """The most a programme year can bring: operating grant + grant per contract × limit (C2)."""
        return self.operating_grant_per_year + self.grant_per_contract * self.max_funded_contracts_per_year

    def replace(self, **changes: Any) -> Convention:
        """A copy with some parameters changed, checked like a new convention."""
        try:
            return attrs.evolve(self, **changes)
        except TypeError as error:
            known = ", ".join(field.name for field in attrs.fields(Convention))
            raise InvalidInput("", "error.unknown_parameter", detail=str(error), known=known) from None


#: The convention voted by the council of Dijon Métropole on 29 September 2022.
DIJON_2022 = Convention(
    reference="Dijon Métropole – PMT ProPulseur 2022-2025",
    funder="Dijon Métropole",
    beneficiary="Association Pôle de Compétitivité PMT",
    # C1: « pour une période de 3 ans, du 1er juillet 2022 au 30 juin 2025 »
    period=Period(start=dt.date(2022, 7, 1), end=dt.date(2025, 6, 30)),
    # C2: « arrêtée à 195 000 € … 20 000 € … chaque année … 15 000 € pour chacun
    # des contrats d'accompagnement dans la limite de 3 contrats par an »
    total_cap=Decimal("195000"),
    operating_grant_per_year=Decimal("20000"),
    grant_per_contract=Decimal("15000"),
    max_funded_contracts_per_year=3,
    # C3: « conditionné à la signature de 9 contrats d'accompagnement »
    required_contracts=9,
    # C6: « leur siège social sur le territoire de Dijon Métropole »
    territory=[commune.insee_code for commune in DIJON_METROPOLE_COMMUNES],
    # C8: « industriel » and « santé »
    eligible_sectors=[Sector.INDUSTRY, Sector.HEALTH],
    # C9: 86 in office, 69 present, 15 proxies; 84 for, none against
    deliberation=Deliberation(
        decided_on=dt.date(2022, 9, 29),
        members_in_office=86,
        present=69,
        proxies=15,
        votes_for=84,
        votes_against=0,
        abstentions=0,
        not_voting=0,
    ),
    target_policy=TargetPolicy.PRO_RATA,
    accrual=Accrual.ON_EVENT,
)
