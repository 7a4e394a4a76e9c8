"""The columnar engine: the rules of :func:`assess` over many scenarios at once, as numpy arrays.

A :class:`ScenarioTable` holds one row per scenario (the convention's parameters
and readings, ``as_of``, the regional authorisation) and long tables of
contracts and payments keyed by scenario. :func:`run` applies SPEC §3 to every
scenario with array operations and returns a :class:`BatchResult`: per scenario
and per scenario-year the money figures, per contract its status, programme
year and grant, and the unmet conditions as bit codes.

Money is integer cents in ``int64`` arrays, never floats: every amount the
library accepts is at most ``MAX_AMOUNT`` (10¹⁴ cents), and the cap of C2 is
applied with the running totals of uniform items (``y × operating grant +
n × grant per contract``, the count ``n`` saturated at the cap), so no sum can
leave ``int64``. Dates are days since 1970-01-01.

C7's « same startup » is not transitive (a SIREN-less contract may match two
contracts with different SIRENs by name). Where, in a scenario, no candidate
without a SIREN shares its name with a candidate that has one, the relation
restricted to the candidates is an equivalence, and the eligible contracts are
the first of each class: that is computed with sorts. The other scenarios go
through an exact loop, the rule of :func:`assess` one contract at a time.

Every figure equals what :func:`assess` gives (a property test checks it); for
any one scenario :meth:`BatchResult.assessment` builds the :class:`Assessment`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from copy import copy as shallow_copy
from decimal import Decimal
from typing import Any, NamedTuple

import attrs
import numpy as np
import numpy.typing as npt

from ..rules._batch import checked_shape
from ..rules._convention import DIJON_2022, Accrual, Convention, PlacesPolicy, TargetPolicy
from ..rules._engine import Money, checked_items, payment_conditions, unmet_conditions
from ..rules._model import Contract, Payment, Sector, to_date, to_optional_date
from ..rules._money import in_money_context
from ..rules._outcome import (
    Assessment,
    Condition,
    ContractAssessment,
    ContractStatus,
    UnmetCondition,
    YearAssessment,
)
from ..rules._rules import (
    CONTRACT_RULES,
    ContractRule,
    Predicate,
    first_contract_of_its_startup,
    head_office_in_territory,
    sector_in_scope,
    selected_by_committee,
    selected_since_the_programme_began,
    signed_by_the_deadline,
    signed_within_period,
    startup_applied,
)
from ..words._errors import InvalidInput, shown

__all__ = [
    "CONDITION_BITS",
    "CONTRACT_UNMET",
    "STATUS_CODES",
    "BatchResult",
    "Case",
    "ScenarioTable",
    "contract_bit",
    "run",
]

Int64s = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

#: ``1970-01-01`` as a proleptic ordinal: a date is stored as ``date.toordinal() - _EPOCH`` days.
_EPOCH = dt.date(1970, 1, 1).toordinal()
#: The bit of each condition in the ``unmet`` codes: ``1 << position`` in :class:`Condition`.
CONDITION_BITS: dict[Condition, int] = {condition: 1 << position for position, condition in enumerate(Condition)}
#: The code of each contract status in the ``status`` arrays.
STATUS_CODES: dict[ContractStatus, int] = {status: code for code, status in enumerate(ContractStatus)}
_STATUSES = tuple(ContractStatus)
_SECTORS = tuple(Sector)
#: SIRENs are nine digits: below this bound, so a class key can put a name id above it.
_SIREN_SPACE = 10**9

#: What a contract's ``unmet`` code holds, bit by bit: each rule of eligibility of
#: :data:`CONTRACT_RULES`, in the order :func:`assess` lists them, then the two
#: conditions of a contract left without a place (C2, C5).
CONTRACT_UNMET: tuple[ContractRule | Condition, ...] = (
    *CONTRACT_RULES,
    Condition.ANNUAL_CONTRACT_LIMIT,
    Condition.CONVENTION_CONTRACT_LIMIT,
)
_RULE_BITS = {rule: 1 << position for position, rule in enumerate(CONTRACT_RULES)}
_OVER_ANNUAL_BIT = 1 << len(CONTRACT_RULES)
_BEYOND_PLACES_BIT = 1 << (len(CONTRACT_RULES) + 1)


def contract_bit(condition: Condition, reason: str | None = None) -> int:
    """The bit of a contract's unmet condition (with the ``reason`` of its rule) in the ``unmet`` codes."""
    for position, item in enumerate(CONTRACT_UNMET):
        if isinstance(item, Condition) and item is condition and reason is None:
            return 1 << position
        if isinstance(item, ContractRule) and item.condition is condition and item.message == reason:
            return 1 << position
    raise InvalidInput("condition", f"{condition.value} with {shown(reason)} is not a condition of a contract")


def _bit(holds: Predicate) -> int:
    return next(bit for rule, bit in _RULE_BITS.items() if rule.holds is holds)


class Case(NamedTuple):
    """The inputs of one call of :func:`assess`, checked."""

    convention: Convention
    contracts: tuple[Contract, ...]
    as_of: dt.date
    regional_authorisation_on: dt.date | None
    payments: tuple[Payment, ...]


def _days(day: dt.date) -> int:
    return day.toordinal() - _EPOCH


def _date(days: int) -> dt.date:
    return dt.date.fromordinal(int(days) + _EPOCH)


def _cents(amount: Decimal) -> int:
    return int(amount.scaleb(2))


def _euros(cents: int | np.integer[Any]) -> Decimal:
    return Decimal(int(cents)).scaleb(-2)


def _array(values: Sequence[int] | Iterable[int], dtype: type = np.int64) -> Int64s:
    return np.fromiter(values, dtype=dtype)


# --- the table --------------------------------------------------------------------------


class ScenarioTable:
    """Scenarios as columns: one row per scenario, long tables of contracts and payments.

    Build one with :meth:`from_cases` (the arguments of :func:`assess`, case by
    case), :meth:`from_frames` (pandas frames) or :meth:`from_arrow`; assess it with :func:`run`.
    The columns are numpy arrays, dates in days since 1970-01-01 and money in
    integer cents. Contracts are stored in the canonical order of :func:`assess`,
    ``(scenario, signed_on, reference)``; ``contract_source[i]`` is the position of
    row ``i`` among the contracts as given, case after case. Payments keep the
    order given.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> table = ScenarioTable.from_cases([(DIJON_2022, [], {"as_of": dt.date(2023, 1, 1)})])
    >>> len(table), table.contract_count, table.payment_count
    (1, 0, 0)
    """

    def __init__(self, cases: Sequence[Case], keys: Sequence[Hashable] | None = None) -> None:
        self.cases: tuple[Case, ...] = tuple(cases)
        count = len(self.cases)
        #: The key of each scenario in frames: its number, or the ``scenario`` column of the frame it came from.
        self.keys: tuple[Hashable, ...] = tuple(range(count)) if keys is None else tuple(keys)
        # Conventions: the parameters of each distinct one, once.
        convention_ids: dict[Convention, int] = {}
        conventions: list[Convention] = []
        scenario_convention = np.empty(count, dtype=np.int64)
        for position, case in enumerate(self.cases):
            found = convention_ids.get(case.convention)
            if found is None:
                # Cases built as ``Case`` objects skip ``checked_case``: the terms are refused here too.
                _refuse_financing(f"cases[{position}]", case.convention, {})
                found = convention_ids[case.convention] = len(conventions)
                conventions.append(case.convention)
            scenario_convention[position] = found
        self.conventions: tuple[Convention, ...] = tuple(conventions)
        self.convention_id: Int64s = scenario_convention
        self._set_convention_columns()
        self.as_of: Int64s = _array(_days(case.as_of) for case in self.cases)
        authorised = [case.regional_authorisation_on for case in self.cases]
        self.authorised: Bools = np.fromiter((day is not None for day in authorised), dtype=np.bool_, count=count)
        self.authorised_on: Int64s = _array(0 if day is None else _days(day) for day in authorised)
        self._set_contract_columns()
        self._set_payment_columns()

    # -- builders

    @classmethod
    def from_cases(cls, cases: Iterable[object]) -> ScenarioTable:
        """A table from cases: each ``(convention, contracts, keyword_arguments)`` or a mapping.

        ``keyword_arguments`` holds ``as_of`` (required), ``regional_authorisation_on``
        and ``payments``, as for :func:`assess`; a mapping has the keys ``convention``,
        ``contracts`` and those. A bad case raises :class:`InvalidInput` naming it,
        such as ``cases[3].contracts[0].reference``.
        """
        if isinstance(cases, (str, bytes)) or not isinstance(cases, Iterable):
            raise InvalidInput("cases", f"expected a collection of cases, not {type(cases).__name__}")
        return cls([checked_case(f"cases[{index}]", case) for index, case in enumerate(cases)])

    @classmethod
    def from_frames(cls, scenarios: Any, contracts: Any = None, payments: Any = None, **options: Any) -> ScenarioTable:
        """A table from pandas frames: scenarios, contracts and payments keyed by a ``scenario`` column.

        ``scenarios`` has ``as_of`` (required), ``scenario``, ``regional_authorisation_on``,
        ``convention`` and any parameter of :data:`propulseur_rules.batch.PARAMETER_COLUMNS`
        (replacing those of ``base=DIJON_2022``); ``contracts`` has ``scenario, reference,
        signed_on, applied_on, selected_on, name, head_office, sector, siren``; ``payments``
        has ``scenario, reference, paid_on, amount``. A bad cell raises :class:`InvalidInput`
        naming the table, row and column, such as ``contracts[3].signed_on``.
        """
        from ._frames import table_from_frames

        return table_from_frames(scenarios, contracts, payments, **options)

    @classmethod
    def from_arrow(
        cls, scenarios: Any, contracts: Any = None, payments: Any = None, *, base: Convention = DIJON_2022
    ) -> ScenarioTable:
        """A table from ``pyarrow.Table`` objects with the columns of :meth:`from_frames`.

        Needs the ``arrow`` extra (``pip install 'propulseur-rules[arrow]'``). Dates may
        be ``date32`` or midnight timestamps, amounts integers, decimals or strings; a
        bad cell raises :class:`InvalidInput` naming the table, row and column, such as
        ``contracts[3].signed_on``, never a pyarrow error.
        """
        from ._frames import table_from_arrow

        return table_from_arrow(scenarios, contracts, payments, base=base)

    # -- sizes

    def __len__(self) -> int:
        return len(self.cases)

    @property
    def contract_count(self) -> int:
        """How many contracts the table holds, over all scenarios."""
        return int(self.contract_scenario.size)

    @property
    def payment_count(self) -> int:
        """How many payments the table holds, over all scenarios."""
        return int(self.payment_scenario.size)

    def case(self, scenario: int) -> Case:
        """The inputs of one scenario, as :func:`assess` takes them."""
        return self.cases[scenario]

    # -- columns

    def _set_convention_columns(self) -> None:
        conventions = self.conventions
        periods: dict[tuple[dt.date, dt.date], int] = {}
        period_of: list[int] = []
        territories: dict[frozenset[str], int] = {}
        territory_of: list[int] = []
        for convention in conventions:
            key = (convention.period.start, convention.period.end)
            period_of.append(periods.setdefault(key, len(periods)))
            territory_of.append(territories.setdefault(convention.territory, len(territories)))
        # Programme years of each distinct period, padded to the longest.
        years = [
            next(c for c in conventions if (c.period.start, c.period.end) == key).programme_years for key in periods
        ]
        width = max((len(each) for each in years), default=1)
        far = np.iinfo(np.int64).max // 4
        self.year_starts: Int64s = np.full((len(years), width), far, dtype=np.int64)
        self.year_ends: Int64s = np.full((len(years), width), far, dtype=np.int64)
        for row, each in enumerate(years):
            self.year_starts[row, : len(each)] = [_days(year.start) for year in each]
            self.year_ends[row, : len(each)] = [_days(year.end) for year in each]
        self.year_counts: Int64s = _array(len(each) for each in years)
        self.territories: tuple[frozenset[str], ...] = tuple(territories)

        def column(values: Iterable[int]) -> Int64s:
            return _array(values)[self.convention_id] if conventions else np.empty(0, dtype=np.int64)

        self.period_id = column(period_of)
        self.period_start = column(_days(c.period.start) for c in conventions)
        self.period_end = column(_days(c.period.end) for c in conventions)
        self.total_cap = column(_cents(c.total_cap) for c in conventions)
        self.operating_grant = column(_cents(c.operating_grant_per_year) for c in conventions)
        self.grant_per_contract = column(_cents(c.grant_per_contract) for c in conventions)
        self.max_per_year = column(c.max_funded_contracts_per_year for c in conventions)
        self.required = column(c.required_contracts for c in conventions)
        self.all_or_nothing = column(c.target_policy is TargetPolicy.ALL_OR_NOTHING for c in conventions) == 1
        self.at_year_end = column(c.accrual is Accrual.AT_YEAR_END for c in conventions) == 1
        self.has_deliberation = column(c.deliberation is not None for c in conventions) == 1
        self.adopted = column(c.deliberation is not None and c.deliberation.adopted for c in conventions) == 1
        self.decided_on = column(0 if c.deliberation is None else _days(c.deliberation.decided_on) for c in conventions)
        self.territory_id = column(territory_of)
        self.pooled = column(c.places is PlacesPolicy.POOLED for c in conventions) == 1
        self.has_deadline = column(c.signing_deadline is not None for c in conventions) == 1
        self.deadline = column(0 if c.signing_deadline is None else _days(c.signing_deadline) for c in conventions)
        self.has_selected_from = column(c.selected_from is not None for c in conventions) == 1
        self.selected_from = column(0 if c.selected_from is None else _days(c.selected_from) for c in conventions)
        self.sector_mask = column(
            sum(1 << _SECTORS.index(sector) for sector in c.eligible_sectors) for c in conventions
        )

    def _set_contract_columns(self) -> None:
        contracts = [contract for case in self.cases for contract in case.contracts]
        count = len(contracts)
        sizes = _array(len(case.contracts) for case in self.cases)
        self.contract_offsets: Int64s = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.contract_scenario: Int64s = np.repeat(np.arange(len(self.cases), dtype=np.int64), sizes)
        self.contract_reference: npt.NDArray[np.object_] = np.array(
            [contract.reference for contract in contracts], dtype=object
        )
        self.signed_on: Int64s = _array(_days(c.signed_on) for c in contracts)
        self.has_applied: Bools = np.fromiter((c.applied_on is not None for c in contracts), np.bool_, count)
        self.applied_on: Int64s = _array(0 if c.applied_on is None else _days(c.applied_on) for c in contracts)
        self.has_selected: Bools = np.fromiter((c.selected_on is not None for c in contracts), np.bool_, count)
        self.selected_on: Int64s = _array(0 if c.selected_on is None else _days(c.selected_on) for c in contracts)
        sector_codes = {sector: code for code, sector in enumerate(_SECTORS)}
        self.sector: Int64s = _array(sector_codes[c.startup.sector] for c in contracts)
        self.siren: Int64s = _array(-1 if c.startup.siren is None else int(c.startup.siren) for c in contracts)
        offices: dict[str, int] = {}
        self.office_id: Int64s = _array(offices.setdefault(c.startup.head_office, len(offices)) for c in contracts)
        self.offices: tuple[str, ...] = tuple(offices)
        # Head office in territory (C6): one row per distinct territory, one column per office seen.
        self.in_territory: Bools = np.array(
            [[office in territory for office in self.offices] for territory in self.territories], dtype=np.bool_
        ).reshape(len(self.territories), len(self.offices))
        names: dict[str, int] = {}
        self.name_id: Int64s = _array(names.setdefault(c.startup.name_key, len(names)) for c in contracts)
        self.name_count = len(names)
        # The canonical order (scenario, signed_on, reference), references ranked once: the
        # contract columns are stored in it, so that the engine never gathers them again.
        if count:
            _, reference_rank = np.unique(np.array(self.contract_reference.tolist()), return_inverse=True)
        else:
            reference_rank = np.empty(0, dtype=np.int64)
        order = np.lexsort((reference_rank, self.signed_on, self.contract_scenario)).astype(np.int64)
        self.contract_source: Int64s = order
        for name in _CONTRACT_COLUMNS:
            setattr(self, name, getattr(self, name)[order])
        # C7: the contracts that share their SIREN or their name with another of their scenario.
        # Only they may be for the same startup as another; the rest are each their own startup.
        self.shares_a_key: Bools = np.zeros(count, dtype=np.bool_)
        for key, present in ((self.siren, self.siren >= 0), (self.name_id, np.ones(count, dtype=np.bool_))):
            keyed = (self.contract_scenario * (_SIREN_SPACE + self.name_count) + key)[present]
            positions = np.flatnonzero(present)
            if keyed.size:
                sorted_at = np.argsort(keyed, kind="stable")
                ranked = keyed[sorted_at]
                repeated = ranked[1:] == ranked[:-1]
                self.shares_a_key[positions[sorted_at[1:][repeated]]] = True
                self.shares_a_key[positions[sorted_at[:-1][repeated]]] = True

    def _set_payment_columns(self) -> None:
        payments = [payment for case in self.cases for payment in case.payments]
        sizes = _array(len(case.payments) for case in self.cases)
        self.payment_scenario: Int64s = np.repeat(np.arange(len(self.cases), dtype=np.int64), sizes)
        self.paid_on: Int64s = _array(_days(p.paid_on) for p in payments)
        self.amount: Int64s = _array(_cents(p.amount) for p in payments)

    # -- variants for sweeps

    def repeated(self, times: int) -> ScenarioTable:
        """The same scenarios ``times`` times over, one copy after another, without rebuilding the columns.

        A sweep that varies only what the columns hold (``as_of``, a parameter) starts from here.
        """
        if isinstance(times, bool) or not isinstance(times, int) or times < 1:
            raise InvalidInput("times", f"expected a whole number of copies, at least 1, not {shown(times)}")
        copy = shallow_copy(self)  # the same columns, replaced below by their repeated versions
        count, contracts = len(self), self.contract_count
        copy.cases = self.cases * times
        copy.keys = tuple(range(count * times))
        for name, value in self.__dict__.items():
            if isinstance(value, np.ndarray) and value.ndim == 1 and name not in _NOT_PER_ROW:
                setattr(copy, name, np.tile(value, times))
        copy.convention_id = np.tile(self.convention_id, times)
        copy.contract_scenario = np.tile(self.contract_scenario, times) + np.repeat(
            np.arange(times, dtype=np.int64) * count, contracts
        )
        copy.payment_scenario = np.tile(self.payment_scenario, times) + np.repeat(
            np.arange(times, dtype=np.int64) * count, self.payment_count
        )
        copy.contract_source = (
            self.contract_source[None, :] + (np.arange(times, dtype=np.int64) * contracts)[:, None]
        ).ravel()
        copy.contract_offsets = np.concatenate(
            [[0], (self.contract_offsets[1:][None, :] + (np.arange(times) * contracts)[:, None]).ravel()]
        ).astype(np.int64)
        return copy


#: Columns that are not one value per scenario, contract or payment: kept as they are by ``repeated``.
_NOT_PER_ROW = frozenset(
    {"year_counts", "contract_offsets", "contract_source", "contract_scenario", "payment_scenario"}
)
#: The columns of one value per contract, stored in canonical order.
_CONTRACT_COLUMNS = (
    "contract_reference",
    "signed_on",
    "has_applied",
    "applied_on",
    "has_selected",
    "selected_on",
    "sector",
    "siren",
    "office_id",
    "name_id",
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
        raise InvalidInput(f"{path}.convention", f"expected a Convention, not {type(convention).__name__}")
    if "as_of" not in arguments:
        raise InvalidInput(f"{path}.as_of", "is required")
    _refuse_financing(path, convention, arguments)
    try:
        as_of = to_date(arguments["as_of"], "as_of")
        authorised_on = to_optional_date(arguments.get("regional_authorisation_on"), "regional_authorisation_on")
        return Case(
            convention=convention,
            contracts=tuple(checked_items("contracts", contracts, Contract)),
            as_of=as_of,
            regional_authorisation_on=authorised_on,
            payments=tuple(checked_items("payments", arguments.get("payments", ()), Payment)),
        )
    except InvalidInput as error:
        raise error.within(path) from None


#: Why the columnar engine refuses the financing convention: it would give other figures than ``assess``.
_NO_FINANCING = (
    "the columnar engine assesses the deliberation alone, not the financing convention's terms; "
    "use assess or assess_many, or {advice}"
)


def _refuse_financing(path: str, convention: Convention, arguments: Mapping[str, Any]) -> None:
    """The financing convention (C3 « modalités ») is not modelled by the columnar engine: refuse it, never
    give figures that differ from :func:`assess`."""
    prefix = f"{path}." if path else ""
    if convention.financing is not None:
        raise InvalidInput(
            f"{prefix}convention.financing", _NO_FINANCING.format(advice="set the convention's financing to None")
        )
    for name in ("financing_signed_on", "documents"):
        value = arguments.get(name)
        if value is not None and not (name == "documents" and _empty(value)):
            raise InvalidInput(f"{prefix}{name}", _NO_FINANCING.format(advice=f"leave {name} out"))


def _empty(value: object) -> bool:
    return isinstance(value, (tuple, list)) and not value


# --- the engine -------------------------------------------------------------------------


def run(table: ScenarioTable) -> BatchResult:
    """Assess every scenario of ``table``; each figure equals :func:`assess` on that scenario.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022
    >>> result = run(ScenarioTable.from_cases([(DIJON_2022, [], {"as_of": dt.date(2023, 1, 1)})]))
    >>> result.accrued.tolist(), result.payable.tolist()
    ([2000000], [0])
    >>> result.unmet_conditions(0)
    (<Condition.REGIONAL_AUTHORISATION: 'regional_authorisation'>, <Condition.CONTRACT_TARGET: 'contract_target'>)
    """
    if not isinstance(table, ScenarioTable):
        raise InvalidInput("table", f"expected a ScenarioTable, not {type(table).__name__}")
    return _Engine(table).result()


class _Engine:
    """One run of the rules over a table, whose contracts are in canonical order.

    A column of the conventions is one value when the table has a single
    convention: :meth:`spread` then gives that value instead of one per contract.
    """

    def __init__(self, table: ScenarioTable) -> None:
        self.t = table

    def result(self) -> BatchResult:
        t = self.t
        count = len(t)
        scenario = t.contract_scenario
        signed = t.signed_on
        size = signed.size
        spread = self.spread
        as_of = t.as_of[scenario]

        # 1. Only signed contracts count; the programme year of the signature (C1).
        within = (signed >= spread(t.period_start)) & (signed <= spread(t.period_end))
        year = self._programme_year(signed) * within
        signed_ok = signed <= as_of

        # 2. Eligibility (C1, C6, C8), one bit per failed condition, in the order of assess.
        applied, has_applied = t.applied_on, t.has_applied
        selected, has_selected = t.selected_on, t.has_selected
        failed = np.where(within, 0, _bit(signed_within_period))  # C1
        after_deadline = spread(t.has_deadline) & (signed > spread(t.deadline)) & within  # C7, strict reading
        failed |= np.where(after_deadline, _bit(signed_by_the_deadline), 0)
        office_in = t.in_territory[spread(t.territory_id), t.office_id] if size else within
        failed |= np.where(office_in, 0, _bit(head_office_in_territory))  # C6
        not_applied = ~has_applied | (has_selected & (applied > selected))
        failed |= np.where(not_applied, _bit(startup_applied), 0)  # C6
        not_selected = ~has_selected | (selected > signed)
        failed |= np.where(not_selected, _bit(selected_by_committee), 0)  # C6
        already_in = spread(t.has_selected_from) & has_selected & (selected < spread(t.selected_from))
        failed |= np.where(already_in, _bit(selected_since_the_programme_began), 0)  # C6, SPEC §7.3
        in_scope = (spread(t.sector_mask) >> t.sector) & 1
        failed |= np.where(in_scope == 1, 0, _bit(sector_in_scope))  # C8
        failed *= signed_ok
        candidate = signed_ok & (failed == 0)
        # C7: one project per startup.
        same = self._earlier_eligible_same_startup(scenario, signed_ok, candidate)
        failed |= np.where(same, _bit(first_contract_of_its_startup), 0)
        eligible = candidate & ~same

        # 3. Places (C2, C7, C5): the eligible contracts take them in signing order, per year
        # (ANNUAL) or over the whole convention (POOLED). One that finds none is SUPPLEMENTARY
        # when every place of the convention is taken, else OVER_ANNUAL_LIMIT.
        width = t.year_starts.shape[1] + 1
        eligible_at = np.flatnonzero(eligible)
        e_scenario = scenario[eligible_at]
        rank_in_year = _ranks(e_scenario * width + year[eligible_at])
        rank_in_convention = _ranks(e_scenario)
        places = t.max_per_year * t.year_counts[t.period_id] if count else np.empty(0, dtype=np.int64)
        e_places = places[e_scenario]
        funded_mask = np.where(
            t.pooled[e_scenario], rank_in_convention < e_places, rank_in_year < t.max_per_year[e_scenario]
        )
        funded_so_far = np.cumsum(funded_mask) - funded_mask
        if e_scenario.size:
            first_of_scenario = np.flatnonzero(np.concatenate([[True], e_scenario[1:] != e_scenario[:-1]]))
            funded_so_far -= np.repeat(
                funded_so_far[first_of_scenario], np.diff(np.append(first_of_scenario, e_scenario.size))
            )
        beyond_places = ~funded_mask & (funded_so_far == e_places)
        funded_at = eligible_at[funded_mask]
        extra_at = eligible_at[beyond_places]
        over_at = eligible_at[~funded_mask & ~beyond_places]
        failed[over_at] |= _OVER_ANNUAL_BIT
        failed[extra_at] |= _BEYOND_PLACES_BIT
        eligible_count = np.bincount(e_scenario, minlength=count).astype(np.int64)

        # Scenario-years, long: year y of scenario s for y in 1..years(s).
        years_of = t.year_counts[t.period_id] if count else np.empty(0, dtype=np.int64)
        year_scenario = np.repeat(np.arange(count, dtype=np.int64), years_of)
        year_offsets = np.concatenate([[0], np.cumsum(years_of)]).astype(np.int64)
        year_index = np.arange(year_scenario.size, dtype=np.int64) - year_offsets[year_scenario] + 1
        funded_key = scenario[funded_at] * width + year[funded_at]
        funded_per_year = np.bincount(funded_key, minlength=count * width)[year_scenario * width + year_index]
        extra_key = scenario[extra_at] * width + year[extra_at]
        extra_per_year = np.bincount(extra_key, minlength=count * width)[year_scenario * width + year_index]
        over_key = scenario[over_at] * width + year[over_at]
        over_per_year = np.bincount(over_key, minlength=count * width)[year_scenario * width + year_index]
        funded_before = np.cumsum(funded_per_year) - funded_per_year
        funded_before -= funded_before[year_offsets[:-1]][year_scenario] if year_scenario.size else 0

        # 4. Items under the cap (C2), in the order: year 1 operating grant, year 1 contracts, year 2…
        # Before any item the running total of uncut items is y × operating grant + n × grant per
        # contract; the count n is saturated where it already passes the cap, so nothing overflows.
        cap, operating, per_contract = t.total_cap, t.operating_grant, t.grant_per_contract
        room = cap // np.maximum(per_contract, 1) + 1

        def before(scenarios: Int64s, operating_items: Int64s, contract_items: Int64s) -> Int64s:
            saturated = np.minimum(contract_items, room[scenarios])
            return (operating_items * operating[scenarios] + saturated * per_contract[scenarios]).astype(np.int64)

        y_cap = cap[year_scenario]
        operating_cut = np.clip(
            y_cap - before(year_scenario, year_index - 1, funded_before), 0, operating[year_scenario]
        )
        f_scenario = scenario[funded_at]
        f_year = year[funded_at]
        f_flat = year_offsets[f_scenario] + f_year - 1
        f_rank = rank_in_year[funded_mask]
        f_before = before(f_scenario, f_year, funded_before[f_flat] + f_rank)
        grant = np.clip(cap[f_scenario] - f_before, 0, per_contract[f_scenario])

        # When each item accrues (C3): on its event, or the day after its programme year.
        y_period = t.period_id[year_scenario]
        year_start = t.year_starts[y_period, year_index - 1]
        year_end = t.year_ends[y_period, year_index - 1]
        year_end_scenario = t.at_year_end[year_scenario]
        operating_on = np.where(year_end_scenario, year_end + 1, year_start)
        y_as_of = t.as_of[year_scenario]
        grant_on = np.where(t.at_year_end[f_scenario], year_end[f_flat] + 1, signed[funded_at])
        grant_accrued = grant * (grant_on <= as_of[funded_at])
        contract_grants = _sums(f_flat, grant, year_scenario.size)
        year_accrued = operating_cut * (operating_on <= y_as_of) + _sums(f_flat, grant_accrued, year_scenario.size)
        accrued = _sums(year_scenario, year_accrued, count)

        # 5. Blocking conditions (C4, C9, C3) and the money figures.
        s_as_of = t.as_of
        regional = ~t.authorised | (t.authorised_on > s_as_of)
        deliberation = t.has_deliberation & (~t.adopted | (t.decided_on > s_as_of))
        short = eligible_count < t.required
        target_blocks = short & t.all_or_nothing
        blockers = regional.astype(np.int64) + deliberation + target_blocks
        withheld = np.where(blockers > 0, accrued, 0)
        releasable = accrued - withheld
        counted = t.paid_on <= t.as_of[t.payment_scenario]
        paid = _sums(t.payment_scenario[counted], t.amount[counted], count)
        payable = np.maximum(0, releasable - paid)
        excess = np.maximum(0, paid - releasable)
        unmet = (
            np.where(regional, CONDITION_BITS[Condition.REGIONAL_AUTHORISATION], 0)
            | np.where(deliberation, CONDITION_BITS[Condition.DELIBERATION_ADOPTED], 0)
            | np.where(short, CONDITION_BITS[Condition.CONTRACT_TARGET], 0)
            | np.where(eligible_count > places, CONDITION_BITS[Condition.RECONSIDERATION_POSSIBLE], 0)
            | np.where(excess > 0, CONDITION_BITS[Condition.NO_EXCESS_PAYMENT], 0)
        ).astype(np.int64)

        # Per contract, in the table's (canonical) order.
        status = np.full(size, STATUS_CODES[ContractStatus.INELIGIBLE], dtype=np.int8)
        status[~signed_ok] = STATUS_CODES[ContractStatus.NOT_YET_SIGNED]
        status[funded_at] = STATUS_CODES[ContractStatus.FUNDED]
        status[extra_at] = STATUS_CODES[ContractStatus.SUPPLEMENTARY]
        status[over_at] = STATUS_CODES[ContractStatus.OVER_ANNUAL_LIMIT]
        contract_grant = np.zeros(size, dtype=np.int64)
        contract_grant[funded_at] = grant
        accrues_on = np.full(size, np.iinfo(np.int64).min, dtype=np.int64)  # NaT
        accrues_on[funded_at] = grant_on
        rows: dict[str, Any] = {
            "status": status,
            "programme_year": year,
            "grant": contract_grant,
            "accrues_on": accrues_on,
            "unmet": failed,
        }
        return BatchResult(
            table=t,
            scenario={
                "accrued": accrued,
                "withheld": withheld,
                "releasable": releasable,
                "paid": paid,
                "payable": payable,
                "excess_paid": excess,
                "eligible_contracts": eligible_count,
                "unmet": unmet,
                "beyond_places": np.maximum(0, eligible_count - places),
                "blockers": blockers,
            },
            year={
                "scenario": year_scenario,
                "index": year_index,
                "start": year_start,
                "end": year_end,
                "operating_grant": operating_cut,
                "operating_grant_accrues_on": operating_on,
                "contract_grants": contract_grants,
                "entitled": operating_cut + contract_grants,
                "accrued": year_accrued,
                "funded": funded_per_year,
                "supplementary": extra_per_year,
                "over_annual_limit": over_per_year,
            },
            contract=rows,
        )

    def spread(self, column: npt.NDArray[Any]) -> Any:
        """A column of the scenarios, one value per contract; the value itself when the table has one convention."""
        if len(self.t.conventions) == 1:
            return column[0]
        return column[self.t.contract_scenario]

    def _programme_year(self, signed: Int64s) -> Int64s:
        """C1 — the 1-based programme year each day falls in (counting the years begun by then)."""
        t = self.t
        year = np.zeros(signed.size, dtype=np.int64)
        if t.year_starts.shape[0] == 1:
            return np.searchsorted(t.year_starts[0, : t.year_counts[0]], signed, side="right").astype(np.int64)
        period = t.period_id[t.contract_scenario]
        periods = np.unique(period) if period.size else period
        if periods.size <= 64:
            for each in periods.tolist():
                at = period == each
                starts = t.year_starts[each, : t.year_counts[each]]
                year[at] = np.searchsorted(starts, signed[at], side="right")
            return year
        counted: Int64s = (t.year_starts[period] <= signed[:, None]).sum(axis=1).astype(np.int64)
        return counted

    def _earlier_eligible_same_startup(self, scenario: Int64s, signed_ok: Bools, candidate: Bools) -> Bools:
        """C7 — whether an earlier eligible contract of the scenario is for the same startup.

        Only the contracts that share a SIREN or a name with another of their scenario
        take part; they are taken apart (in canonical order still) so that every sort
        here is over them alone.
        """
        t = self.t
        same = np.zeros(scenario.size, dtype=np.bool_)
        part = np.flatnonzero(t.shares_a_key)
        if not part.size:
            return same
        scenario, signed_ok, candidate = scenario[part], signed_ok[part], candidate[part]
        siren, name = t.siren[part], t.name_id[part]
        found = np.zeros(part.size, dtype=np.bool_)
        has_siren = siren >= 0
        names = t.name_count + 1
        by_name = scenario * names + name
        # Where a candidate without SIREN shares its name with one that has a SIREN, the relation
        # is not transitive: the exact loop below decides for the contracts linked to such a name,
        # by SIREN or by name, step by step until no more join. The others keep an equivalence.
        with_name = candidate & ~has_siren
        with_siren = candidate & has_siren
        exact = np.zeros(part.size, dtype=np.bool_)
        if with_name.any() and with_siren.any():
            by_siren = np.where(has_siren, scenario * _SIREN_SPACE + siren, -1)
            exact = np.isin(by_name, np.intersect1d(by_name[with_name], by_name[with_siren]))
            while exact.any():
                linked = np.isin(by_name, by_name[exact]) | (has_siren & np.isin(by_siren, by_siren[exact & has_siren]))
                if (linked == exact).all():
                    break
                exact = linked
        simple = ~exact
        # The first candidate of each class (a SIREN, or a name without SIREN) is eligible.
        at = np.flatnonzero(candidate & simple)
        startup_class = np.where(has_siren, siren, _SIREN_SPACE + name)
        _, first = np.unique(scenario[at] * (_SIREN_SPACE + names) + startup_class[at], return_index=True)
        first_eligible = at[first]
        asked = np.flatnonzero(signed_ok & simple)
        e_siren = first_eligible[has_siren[first_eligible]]
        e_bare = first_eligible[~has_siren[first_eligible]]
        a_siren = asked[has_siren[asked]]
        a_bare = asked[~has_siren[asked]]
        # Both have a SIREN and they are equal.
        found[a_siren] |= _seen_before(scenario * _SIREN_SPACE + siren, e_siren, a_siren)
        # At least one lacks a SIREN and the names are equal.
        found[asked] |= _seen_before(by_name, e_bare, asked)
        found[a_bare] |= _seen_before(by_name, e_siren, a_bare)
        if exact.any():
            self._exact_same_startup(np.flatnonzero(exact & signed_ok), scenario, candidate, siren, name, found)
        same[part] = found
        return same

    @staticmethod
    def _exact_same_startup(
        asked: Int64s, scenario: Int64s, candidate: Bools, siren: Int64s, name: Int64s, same: Bools
    ) -> None:
        """C7 — the rule of :func:`assess`, contract by contract, for the scenarios where it is not transitive."""
        current = -1
        sirens: set[int] = set()
        names: set[int] = set()
        bare_names: set[int] = set()
        for position, s, number, key, ok in zip(
            asked.tolist(),
            scenario[asked].tolist(),
            siren[asked].tolist(),
            name[asked].tolist(),
            candidate[asked].tolist(),
            strict=True,
        ):
            if s != current:
                current = s
                sirens, names, bare_names = set(), set(), set()
            found = key in names if number < 0 else (number in sirens or key in bare_names)
            same[position] = found
            if ok and not found:
                names.add(key)
                if number < 0:
                    bare_names.add(key)
                else:
                    sirens.add(number)


def _ranks(group: Int64s) -> Int64s:
    """The rank of each item in its group, groups being runs of equal values."""
    if not group.size:
        return group
    starts = np.flatnonzero(np.concatenate([[True], group[1:] != group[:-1]]))
    ranks: Int64s = np.arange(group.size, dtype=np.int64) - np.repeat(starts, np.diff(np.append(starts, group.size)))
    return ranks


def _seen_before(key: Int64s, registered: Int64s, asked: Int64s) -> Bools:
    """For each position in ``asked``: whether a position in ``registered`` with the same key comes before it."""
    if not registered.size or not asked.size:
        return np.zeros(asked.size, dtype=np.bool_)
    keys = key[registered]
    by_key = np.lexsort((registered, keys))
    keys, positions = keys[by_key], registered[by_key]
    first = np.concatenate([[True], keys[1:] != keys[:-1]])
    keys, positions = keys[first], positions[first]
    wanted = key[asked]
    at = np.minimum(np.searchsorted(keys, wanted), keys.size - 1)
    found: Bools = (keys[at] == wanted) & (positions[at] < asked)
    return found


def _sums(group: Int64s, values: Int64s, count: int) -> Int64s:
    """The sum of ``values`` per group, exact in ``int64`` (no float weights)."""
    total = np.zeros(count, dtype=np.int64)
    np.add.at(total, group, values)
    return total


# --- the result -------------------------------------------------------------------------


class BatchResult:
    """What :func:`run` returns: figures as arrays, per scenario, per scenario-year, per contract.

    Money is in integer cents (``int64``), dates in days since 1970-01-01
    (``accrues_on`` is the smallest ``int64``, numpy's ``NaT``, for no date),
    ``status`` a code of :data:`STATUS_CODES`, ``unmet`` a sum of the bits of
    :data:`CONDITION_BITS`. Contract arrays follow the rows of the table.
    """

    def __init__(
        self,
        *,
        table: ScenarioTable,
        scenario: dict[str, Int64s],
        year: dict[str, Int64s],
        contract: dict[str, Any],
    ) -> None:
        self.table = table
        self.scenario = scenario
        self.year = year
        self.contract = contract

    def __len__(self) -> int:
        return len(self.table)

    @property
    def accrued(self) -> Int64s:
        """Per scenario: what has been earned, in cents."""
        return self.scenario["accrued"]

    @property
    def withheld(self) -> Int64s:
        """Per scenario: what a blocking condition holds back, in cents."""
        return self.scenario["withheld"]

    @property
    def releasable(self) -> Int64s:
        """Per scenario: ``accrued - withheld``, in cents."""
        return self.scenario["releasable"]

    @property
    def paid(self) -> Int64s:
        """Per scenario: the payments made by ``as_of``, in cents."""
        return self.scenario["paid"]

    @property
    def payable(self) -> Int64s:
        """Per scenario: what may be paid now, in cents."""
        return self.scenario["payable"]

    @property
    def excess_paid(self) -> Int64s:
        """Per scenario: what was paid beyond what is releasable, in cents."""
        return self.scenario["excess_paid"]

    def unmet_conditions(self, scenario: int) -> tuple[Condition, ...]:
        """The conditions of one scenario as a whole that are unmet (C3, C4, C9 and excess payment)."""
        code = int(self.scenario["unmet"][scenario])
        return tuple(condition for condition, bit in CONDITION_BITS.items() if code & bit)

    @in_money_context
    def assessment(self, scenario: int) -> Assessment:
        """The :class:`Assessment` of one scenario, built from the arrays: equal to what :func:`assess` gives."""
        if isinstance(scenario, bool) or not isinstance(scenario, (int, np.integer)) or not 0 <= scenario < len(self):
            raise InvalidInput("scenario", f"{shown(scenario)} is not the number of a scenario of this result")
        return _assessment(self, int(scenario))

    @in_money_context
    def assessments(self) -> list[Assessment]:
        """The :class:`Assessment` of every scenario, in order: what ``assess_many`` returns for the same cases."""
        return [_assessment(self, scenario) for scenario in range(len(self))]

    def to_frames(self) -> dict[str, Any]:
        """pandas frames ``scenarios``, ``years``, ``contracts`` and ``unmet`` (money in cents, as integers)."""
        from ._frames import result_frames

        return result_frames(self)


def _assessment(result: BatchResult, scenario: int) -> Assessment:
    table = result.table
    case = table.case(scenario)
    convention = case.convention
    figures = {name: int(values[scenario]) for name, values in result.scenario.items()}
    per_contract = convention.grant_per_contract
    first, last = int(table.contract_offsets[scenario]), int(table.contract_offsets[scenario + 1])
    # The table's rows of this scenario are in canonical order; each comes from a contract of the case.
    sources = (table.contract_source[first:last] - first).tolist()
    columns = {name: values[first:last].tolist() for name, values in result.contract.items()}
    contracts: list[ContractAssessment] = []
    contract_unmet: list[UnmetCondition] = []
    funded: dict[int, list[str]] = {}
    supplementary: dict[int, list[str]] = {}
    over: dict[int, list[str]] = {}
    for row, source in enumerate(sources):
        contract = case.contracts[source]
        status = _STATUSES[columns["status"][row]]
        year = columns["programme_year"][row] or None
        code = columns["unmet"][row]
        unmet = tuple(
            UnmetCondition(
                condition=item.condition if isinstance(item, ContractRule) else item,
                clause=item.clause,
                contract=contract.reference,
                amount=per_contract,
                final=item.final(contract) if isinstance(item, ContractRule) else True,
                reason=item.message if isinstance(item, ContractRule) else None,
            )
            for position, item in enumerate(CONTRACT_UNMET)
            if code & (1 << position)
        )
        contract_unmet += unmet
        accrues = columns["accrues_on"][row]
        if status is ContractStatus.FUNDED:
            assert year is not None
            funded.setdefault(year, []).append(contract.reference)
        elif status is ContractStatus.SUPPLEMENTARY:
            assert year is not None
            supplementary.setdefault(year, []).append(contract.reference)
        elif status is ContractStatus.OVER_ANNUAL_LIMIT:
            assert year is not None
            over.setdefault(year, []).append(contract.reference)
        contracts.append(
            ContractAssessment(
                reference=contract.reference,
                status=status,
                programme_year=year,
                grant=_euros(columns["grant"][row]),
                accrues_on=None if status is not ContractStatus.FUNDED else _date(accrues),
                unmet=unmet,
                contract=contract,
            )
        )
    start = int(np.searchsorted(result.year["scenario"], scenario))  # the rows of a scenario follow one another
    year_rows = range(start, start + len(convention.programme_years))
    years = tuple(
        YearAssessment(
            index=index,
            period=period,
            operating_grant=_euros(result.year["operating_grant"][row]),
            operating_grant_accrues_on=_date(result.year["operating_grant_accrues_on"][row]),
            contract_grants=_euros(result.year["contract_grants"][row]),
            entitled=_euros(result.year["entitled"][row]),
            accrued=_euros(result.year["accrued"][row]),
            funded=tuple(funded.get(index, ())),
            supplementary=tuple(supplementary.get(index, ())),
            over_annual_limit=tuple(over.get(index, ())),
        )
        for index, (row, period) in enumerate(zip(year_rows, convention.programme_years, strict=True), start=1)
    )
    # The unmet conditions come from the engine's own steps, on this scenario's figures:
    # the conditions on payment (C3, C4, C9), then the contracts', a reconsideration (C5)
    # and an excess payment, in the order and with the clauses assess gives them.
    as_of = case.as_of
    # No financing terms here (``checked_case`` refuses them): nothing waits for a document.
    money = Money(**{name: _euros(figures[name]) for name in attrs.fields_dict(Money) if name in figures})
    conditions = payment_conditions(
        convention, as_of, case.regional_authorisation_on, eligible=figures["eligible_contracts"]
    )
    unmet_all = unmet_conditions(
        convention, as_of, conditions, money, contracts, eligible=figures["eligible_contracts"]
    )
    counted = sorted(
        (payment for payment in case.payments if payment.paid_on <= as_of),
        key=lambda payment: (payment.paid_on, payment.reference),
    )
    return Assessment(
        as_of=as_of,
        convention=convention,
        regional_authorisation_on=case.regional_authorisation_on,
        years=years,
        contracts=tuple(contracts),
        payments=tuple(counted),
        **attrs.asdict(money, recurse=False),
        unmet=unmet_all,
    )
