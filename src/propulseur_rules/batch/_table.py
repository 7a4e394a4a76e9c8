"""The table of scenarios: one row per scenario, long tables of contracts and payments, as numpy arrays.

Dates are days since 1970-01-01 and money integer cents (:mod:`._codes`). The
columns of a convention are kept once per distinct convention and spread to
its scenarios; contracts are stored in the canonical order of :func:`assess`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Sequence
from copy import copy as shallow_copy
from typing import Any

import numpy as np
import numpy.typing as npt

from ..rules._convention import DIJON_2022, Accrual, Convention, PlacesPolicy, TargetPolicy
from ..rules._model import Contract
from ..rules._rules import startup_key
from ..rules._settlement import signature_required
from ..words._errors import InvalidInput, shown
from ._cases import Case, checked_case
from ._codes import SECTORS, Bools, Int64s, array, cents, days
from ._frames import cases_from_arrow, cases_from_frames

__all__ = ["SIREN_SPACE", "ScenarioTable"]

#: SIRENs are nine digits: below this bound, so a class key can put a name id above it.
SIREN_SPACE = 10**9


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
                found = convention_ids[case.convention] = len(conventions)
                conventions.append(case.convention)
            scenario_convention[position] = found
        self.conventions: tuple[Convention, ...] = tuple(conventions)
        self.convention_id: Int64s = scenario_convention
        self._set_convention_columns()
        self.as_of: Int64s = array(days(case.as_of) for case in self.cases)
        authorised = [case.regional_authorisation_on for case in self.cases]
        self.authorised: Bools = np.fromiter((day is not None for day in authorised), dtype=np.bool_, count=count)
        self.authorised_on: Int64s = array(0 if day is None else days(day) for day in authorised)
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
            raise InvalidInput("cases", "error.expected_cases", type=type(cases).__name__)
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
        keys, cases = cases_from_frames(scenarios, contracts, payments, **options)
        return cls(cases, keys)

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
        keys, cases = cases_from_arrow(scenarios, contracts, payments, base=base)
        return cls(cases, keys)

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

    def contracts(self, rows: Int64s) -> list[Contract]:
        """The contracts of rows of the contract columns, as their cases hold them."""
        scenarios = self.contract_scenario[rows]
        places = (self.contract_source[rows] - self.contract_offsets[scenarios]).tolist()
        return [
            self.cases[scenario].contracts[place] for scenario, place in zip(scenarios.tolist(), places, strict=True)
        ]

    def per_contract(self, column: npt.NDArray[Any]) -> Any:
        """A column of the scenarios, one value per contract; the value itself when the table has one convention."""
        if len(self.conventions) == 1:
            return column[0]
        return column[self.contract_scenario]

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
            self.year_starts[row, : len(each)] = [days(year.start) for year in each]
            self.year_ends[row, : len(each)] = [days(year.end) for year in each]
        self.year_counts: Int64s = array(len(each) for each in years)
        self.territories: tuple[frozenset[str], ...] = tuple(territories)

        def column(values: Iterable[int]) -> Int64s:
            return array(values)[self.convention_id] if conventions else np.empty(0, dtype=np.int64)

        self.period_id = column(period_of)
        self.period_start = column(days(c.period.start) for c in conventions)
        self.period_end = column(days(c.period.end) for c in conventions)
        self.total_cap = column(cents(c.total_cap) for c in conventions)
        self.operating_grant = column(cents(c.operating_grant_per_year) for c in conventions)
        self.grant_per_contract = column(cents(c.grant_per_contract) for c in conventions)
        self.max_per_year = column(c.max_funded_contracts_per_year for c in conventions)
        self.required = column(c.required_contracts for c in conventions)
        self.all_or_nothing = column(c.target_policy is TargetPolicy.ALL_OR_NOTHING for c in conventions) == 1
        self.at_year_end = column(c.accrual is Accrual.AT_YEAR_END for c in conventions) == 1
        self.has_deliberation = column(c.deliberation is not None for c in conventions) == 1
        # The financing convention the law requires (loi n° 2000-321, art. 10).
        self.signature_required = column(signature_required(c) for c in conventions) == 1
        self.adopted = column(c.deliberation is not None and c.deliberation.adopted for c in conventions) == 1
        self.in_force_on = column(
            0 if c.deliberation is None else days(c.deliberation.in_force_on) for c in conventions
        )
        self.territory_id = column(territory_of)
        self.pooled = column(c.places is PlacesPolicy.POOLED for c in conventions) == 1
        self.has_deadline = column(c.signing_deadline is not None for c in conventions) == 1
        self.deadline = column(0 if c.signing_deadline is None else days(c.signing_deadline) for c in conventions)
        self.has_selected_from = column(c.selected_from is not None for c in conventions) == 1
        self.selected_from = column(0 if c.selected_from is None else days(c.selected_from) for c in conventions)
        self.sector_mask = column(sum(1 << SECTORS.index(sector) for sector in c.eligible_sectors) for c in conventions)

    def _set_contract_columns(self) -> None:
        contracts = [contract for case in self.cases for contract in case.contracts]
        count = len(contracts)
        sizes = array(len(case.contracts) for case in self.cases)
        self.contract_offsets: Int64s = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.contract_scenario: Int64s = np.repeat(np.arange(len(self.cases), dtype=np.int64), sizes)
        self.contract_reference: npt.NDArray[np.object_] = np.array(
            [contract.reference for contract in contracts], dtype=object
        )
        self.signed_on: Int64s = array(days(c.signed_on) for c in contracts)
        self.has_applied: Bools = np.fromiter((c.applied_on is not None for c in contracts), np.bool_, count)
        self.applied_on: Int64s = array(0 if c.applied_on is None else days(c.applied_on) for c in contracts)
        self.has_selected: Bools = np.fromiter((c.selected_on is not None for c in contracts), np.bool_, count)
        self.selected_on: Int64s = array(0 if c.selected_on is None else days(c.selected_on) for c in contracts)
        sector_codes = {sector: code for code, sector in enumerate(SECTORS)}
        self.sector: Int64s = array(sector_codes[c.startup.sector] for c in contracts)
        keys = [startup_key(c.startup) for c in contracts]  # C7: what a startup is compared by
        self.siren: Int64s = array(-1 if key.siren is None else int(key.siren) for key in keys)
        offices: dict[str, int] = {}
        self.office_id: Int64s = array(offices.setdefault(c.startup.head_office, len(offices)) for c in contracts)
        self.offices: tuple[str, ...] = tuple(offices)
        # Head office in territory (C6): one row per distinct territory, one column per office seen.
        self.in_territory: Bools = np.array(
            [[office in territory for office in self.offices] for territory in self.territories], dtype=np.bool_
        ).reshape(len(self.territories), len(self.offices))
        names: dict[str, int] = {}
        self.name_id: Int64s = array(names.setdefault(key.name, len(names)) for key in keys)
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
            keyed = (self.contract_scenario * (SIREN_SPACE + self.name_count) + key)[present]
            positions = np.flatnonzero(present)
            if keyed.size:
                sorted_at = np.argsort(keyed, kind="stable")
                ranked = keyed[sorted_at]
                repeated = ranked[1:] == ranked[:-1]
                self.shares_a_key[positions[sorted_at[1:][repeated]]] = True
                self.shares_a_key[positions[sorted_at[:-1][repeated]]] = True

    def _set_payment_columns(self) -> None:
        payments = [payment for case in self.cases for payment in case.payments]
        sizes = array(len(case.payments) for case in self.cases)
        self.payment_scenario: Int64s = np.repeat(np.arange(len(self.cases), dtype=np.int64), sizes)
        self.paid_on: Int64s = array(days(p.paid_on) for p in payments)
        self.amount: Int64s = array(cents(p.amount) for p in payments)

    # -- variants for sweeps

    def repeated(self, times: int) -> ScenarioTable:
        """The same scenarios ``times`` times over, one copy after another, without rebuilding the columns.

        A sweep that varies only what the columns hold (``as_of``, a parameter) starts from here.
        """
        if isinstance(times, bool) or not isinstance(times, int) or times < 1:
            raise InvalidInput("times", "error.expected_copies", value=shown(times))
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
