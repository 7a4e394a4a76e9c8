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
from ..rules._documents import check_documents
from ..rules._model import Contract, Payment, Startup
from ..rules._settlement import signature_required
from ..words._errors import InvalidInput, kind_of, shown
from ._arrays_facts import frame_columns, table_columns
from ._cases import Case, checked_case
from ._codes import SECTORS, Bools, Int64s, array, cents, date, days, euros
from ._columns import (
    TABLE_FINANCING_COLUMNS,
    ContractColumns,
    FinancingFactColumns,
    PaymentColumns,
    TableColumns,
    columns_of_cases,
    copied_contracts,
    financing_facts_of,
    no_financing_facts,
    stray_documents,
)
from ._frames import cases_from_arrow, cases_from_frames
from ._order import canonical_order, order_by_day_and_reference
from ._parquet import read_parquet_tables

__all__ = ["SIREN_SPACE", "ScenarioTable"]

#: SIRENs are nine digits: below this bound, so a class key can put a name id above it.
SIREN_SPACE = 10**9


class ScenarioTable:
    """Scenarios as columns: one row per scenario, long tables of contracts and payments.

    Build one with :meth:`from_cases` (the arguments of :func:`assess`, case by
    case), :meth:`from_frames` (pandas frames), :meth:`from_arrow` or :meth:`from_parquet`;
    assess it with :func:`run`. ``ScenarioTable(cases, keys)`` takes cases already checked,
    ``ScenarioTable(keys=keys, columns=columns)`` columns already checked.
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

    def __init__(
        self, cases: Sequence[Case] = (), keys: Sequence[Hashable] | None = None, *, columns: TableColumns | None = None
    ) -> None:
        given: tuple[Case, ...] | None = tuple(cases)
        if columns is None:
            columns = columns_of_cases(given or ())
        else:  # columns checked cell by cell: the cases are built back from them when asked for
            given = None
        count = len(columns.scenarios.as_of)
        self._cases: tuple[Case, ...] | None = given
        #: The key of each scenario in frames: its number, or the ``scenario`` column of the frame it came from.
        self.keys: tuple[Hashable, ...] = tuple(range(count)) if keys is None else tuple(keys)
        scenarios = columns.scenarios
        self.conventions: tuple[Convention, ...] = scenarios.conventions
        self.convention_id: Int64s = scenarios.convention_id
        self._set_convention_columns()
        self.as_of: Int64s = scenarios.as_of
        self.authorised: Bools = scenarios.authorised
        self.authorised_on: Int64s = scenarios.authorised_on
        self._set_contract_columns(columns.contracts)
        self._set_payment_columns(columns.payments)
        self._set_financing_columns(columns.financing or no_financing_facts(count))
        self._set_document_contracts()

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
            raise InvalidInput("cases", "error.expected_cases", type=kind_of(cases))
        return cls([checked_case(f"cases[{index}]", case) for index, case in enumerate(cases)])

    @classmethod
    def from_frames(
        cls,
        scenarios: Any,
        contracts: Any = None,
        payments: Any = None,
        *,
        base: Convention = DIJON_2022,
        documents: Any = None,
        limitation_events: Any = None,
    ) -> ScenarioTable:
        """A table from pandas frames: scenarios, contracts and payments keyed by a ``scenario`` column.

        ``scenarios`` has ``as_of`` (required), ``scenario``, ``regional_authorisation_on``,
        ``financing_signed_on``, ``convention`` and any parameter of
        :data:`propulseur_rules.batch.PARAMETER_COLUMNS` (replacing those of ``base=DIJON_2022``);
        ``contracts`` has ``scenario, reference, signed_on, applied_on, selected_on, name,
        head_office, sector, siren``; ``payments`` has ``scenario, reference, paid_on, amount``;
        the keyword arguments ``documents`` (``scenario, kind, covers, received_on``) and
        ``limitation_events`` (``scenario, kind, on``) the facts of the financing convention.
        A bad cell raises :class:`InvalidInput` naming the table, row and column, such as
        ``contracts[3].signed_on`` or ``documents[2].covers``.
        """
        options = {"base": base, "documents": documents, "limitation_events": limitation_events}
        checked = frame_columns(scenarios, contracts, payments, options)
        if checked is not None:
            return cls(keys=checked[0], columns=checked[1])
        keys, cases = cases_from_frames(scenarios, contracts, payments, **options)
        return cls(cases, keys)

    @classmethod
    def from_arrow(
        cls,
        scenarios: Any,
        contracts: Any = None,
        payments: Any = None,
        *,
        base: Convention = DIJON_2022,
        documents: Any = None,
        limitation_events: Any = None,
    ) -> ScenarioTable:
        """A table from ``pyarrow.Table`` objects with the columns of :meth:`from_frames`.

        Needs the ``arrow`` extra (``pip install 'propulseur-rules[arrow]'``). Dates may
        be ``date32`` or midnight timestamps, amounts integers, decimals or strings; a
        bad cell raises :class:`InvalidInput` naming the table, row and column, such as
        ``contracts[3].signed_on``, never a pyarrow error. The cells are checked column
        by column with array operations; a table with a cell they are not sure of is
        read row by row by the value objects, which name the first bad cell. ``documents`` and
        ``limitation_events`` are tables of the financing facts, as for :meth:`from_frames`.
        """
        facts = {"documents": documents, "limitation_events": limitation_events}
        checked = table_columns(scenarios, contracts, payments, **facts, base=base)
        if checked is not None:
            return cls(keys=checked[0], columns=checked[1])
        keys, cases = cases_from_arrow(scenarios, contracts, payments, base=base, **facts)
        return cls(cases, keys)

    @classmethod
    def from_parquet(
        cls,
        scenarios: Any,
        contracts: Any = None,
        payments: Any = None,
        *,
        base: Convention = DIJON_2022,
        documents: Any = None,
        limitation_events: Any = None,
    ) -> ScenarioTable:
        """A table from Parquet files (or folders of them) with the columns of :meth:`from_frames`.

        Each argument is a path or a file object, read with ``pyarrow.parquet``
        (the ``arrow`` extra); the tables are then checked as by :meth:`from_arrow`.
        A file that cannot be read raises :class:`InvalidInput` naming its table.
        """
        tables = read_parquet_tables(
            scenarios=scenarios,
            contracts=contracts,
            payments=payments,
            documents=documents,
            limitation_events=limitation_events,
        )
        facts = {name: tables[name] for name in ("documents", "limitation_events")}
        return cls.from_arrow(tables["scenarios"], tables["contracts"], tables["payments"], base=base, **facts)

    # -- sizes

    def __len__(self) -> int:
        return len(self.as_of)

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
        if self._cases is None:
            return self._case_of(scenario)
        return self._cases[scenario]

    def contracts(self, rows: Int64s) -> list[Contract]:
        """The contracts of rows of the contract columns, as their cases hold them."""
        if self._cases is None:
            return [self._contract(row) for row in rows.tolist()]
        scenarios = self.contract_scenario[rows]
        places = (self.contract_source[rows] - self.contract_offsets[scenarios]).tolist()
        return [
            self._cases[scenario].contracts[place] for scenario, place in zip(scenarios.tolist(), places, strict=True)
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

    def _set_contract_columns(self, columns: ContractColumns) -> None:
        count = len(columns.scenario)
        sizes = np.bincount(columns.scenario, minlength=len(self.as_of)).astype(np.int64)
        self.contract_offsets: Int64s = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        self.contract_scenario: Int64s = columns.scenario
        self.contract_reference: npt.NDArray[np.object_] = columns.reference
        #: The startup's name as given (its ``name_key`` makes ``name_id``).
        self.contract_name: npt.NDArray[np.object_] = columns.name
        self.signed_on: Int64s = columns.signed_on
        self.has_applied: Bools = columns.has_applied
        self.applied_on: Int64s = columns.applied_on
        self.has_selected: Bools = columns.has_selected
        self.selected_on: Int64s = columns.selected_on
        self.sector: Int64s = columns.sector
        self.siren: Int64s = columns.siren
        self.office_id: Int64s = columns.office_id
        self.offices: tuple[str, ...] = columns.offices
        # Head office in territory (C6): one row per distinct territory, one column per office seen.
        self.in_territory: Bools = np.array(
            [[office in territory for office in self.offices] for territory in self.territories], dtype=np.bool_
        ).reshape(len(self.territories), len(self.offices))
        self.name_id: Int64s = columns.name_id
        self.name_count = columns.name_count
        # The canonical order (scenario, signed_on, reference), with the references' ranks when the
        # columns bring them: the contract columns are stored in it, so that the engine never gathers them again.
        if columns.reference_rank is None:
            order = order_by_day_and_reference(self.contract_scenario, self.signed_on, self.contract_reference)
        else:
            order = canonical_order(self.contract_scenario, self.signed_on, columns.reference_rank)
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

    def _set_payment_columns(self, columns: PaymentColumns) -> None:
        self.payment_scenario: Int64s = columns.scenario
        self.payment_reference: npt.NDArray[np.object_] = columns.reference
        self.paid_on: Int64s = columns.paid_on
        self.amount: Int64s = columns.amount

    def _set_financing_columns(self, columns: FinancingFactColumns) -> None:
        """The facts of the financing convention: per scenario, then one row per document and per event."""
        self.financing_signed, self.financing_signed_on = columns.signed, columns.signed_on
        self.document_scenario, self.document_kind = columns.document_scenario, columns.document_kind
        self.document_covers, self.document_received_on = columns.document_covers, columns.document_received_on
        self.event_scenario, self.event_kind, self.event_on = (
            columns.event_scenario,
            columns.event_kind,
            columns.event_on,
        )

    def _set_document_contracts(self) -> None:
        """The contract row each copy covers (-1: a document that is no copy), and the check of the documents of
        cases built by hand, which skip :func:`~._cases.checked_case`: the first case with a stray document
        (:func:`~._columns.stray_documents`) raises :class:`InvalidInput` for it, under ``cases[i]``."""
        facts = self.financing_facts
        self.document_contract: Int64s = copied_contracts(facts, self.contract_scenario, self.contract_reference)
        year_count = self.year_counts[self.period_id[facts.document_scenario]]
        stray = stray_documents(facts, self.document_contract, year_count)
        if stray.any():
            self._refuse_documents(int(facts.document_scenario[stray].min()))

    def _refuse_documents(self, scenario: int) -> None:
        """Raise the :class:`InvalidInput` of the first bad document of a scenario, under ``cases[i]``."""
        case = self.case(scenario)
        try:
            check_documents(
                case.documents,
                contract_references=[contract.reference for contract in case.contracts],
                year_count=len(case.convention.programme_years),
                financing_signed_on=case.financing_signed_on,
            )
        except InvalidInput as error:
            raise error.within(f"cases[{scenario}]") from None

    @property
    def financing_facts(self) -> FinancingFactColumns:
        """The facts of the financing convention as columns: the day of signature, the documents, the events."""
        return FinancingFactColumns(*(getattr(self, name) for name in TABLE_FINANCING_COLUMNS))

    # -- the value objects, built back from the columns when the table was built from them

    @property
    def cases(self) -> tuple[Case, ...]:
        """The inputs of every scenario, as :func:`assess` takes them."""
        if self._cases is None:
            self._cases = tuple(self._case_of(scenario) for scenario in range(len(self)))
        return self._cases

    def _case_of(self, scenario: int) -> Case:
        start, end = int(self.contract_offsets[scenario]), int(self.contract_offsets[scenario + 1])
        rows = start + np.argsort(self.contract_source[start:end], kind="stable")
        first, last = np.searchsorted(self.payment_scenario, [scenario, scenario + 1])
        authorised = bool(self.authorised[scenario])
        financing_signed_on, documents, limitation_events = financing_facts_of(self.financing_facts, scenario)
        return Case(
            convention=self.conventions[int(self.convention_id[scenario])],
            contracts=tuple(self._contract(int(row)) for row in rows),
            as_of=date(self.as_of[scenario]),
            regional_authorisation_on=date(self.authorised_on[scenario]) if authorised else None,
            payments=tuple(
                Payment(
                    reference=self.payment_reference[row],
                    paid_on=date(self.paid_on[row]),
                    amount=euros(self.amount[row]),
                )
                for row in range(int(first), int(last))
            ),
            financing_signed_on=financing_signed_on,
            documents=documents,
            limitation_events=limitation_events,
        )

    def _contract(self, row: int) -> Contract:
        """The contract of row ``row`` of the contract columns (canonical order)."""
        siren = int(self.siren[row])
        return Contract(
            reference=self.contract_reference[row],
            startup=Startup(
                name=self.contract_name[row],
                head_office=self.offices[int(self.office_id[row])],
                sector=SECTORS[int(self.sector[row])],
                siren=None if siren < 0 else f"{siren:09d}",
            ),
            signed_on=date(self.signed_on[row]),
            applied_on=date(self.applied_on[row]) if self.has_applied[row] else None,
            selected_on=date(self.selected_on[row]) if self.has_selected[row] else None,
        )

    # -- variants for sweeps

    def repeated(self, times: int) -> ScenarioTable:
        """The same scenarios ``times`` times over, one copy after another, without rebuilding the columns.

        A sweep that varies only what the columns hold (``as_of``, a parameter) starts from here.
        """
        if isinstance(times, bool) or not isinstance(times, int) or times < 1:
            raise InvalidInput("times", "error.expected_copies", value=shown(times))
        copy = shallow_copy(self)  # the same columns, replaced below by their repeated versions
        count, contracts = len(self), self.contract_count
        copy._cases = None if self._cases is None else self._cases * times
        copy.keys = tuple(range(count * times))
        for name, value in self.__dict__.items():
            if isinstance(value, np.ndarray) and value.ndim == 1 and name not in _NOT_PER_ROW:
                setattr(copy, name, np.tile(value, times))
        copy.convention_id = np.tile(self.convention_id, times)
        copy.contract_scenario = np.tile(self.contract_scenario, times) + np.repeat(
            np.arange(times, dtype=np.int64) * count, contracts
        )
        for name in _LONG_SCENARIO_COLUMNS:  # each copy's rows point at that copy's scenarios
            column = getattr(self, name)
            setattr(
                copy, name, np.tile(column, times) + np.repeat(np.arange(times, dtype=np.int64) * count, column.size)
            )
        # Each copy's documents cover that copy's contract rows; a document that is no copy covers none.
        covered = np.tile(self.document_contract, times)
        shift = np.repeat(np.arange(times, dtype=np.int64) * contracts, self.document_contract.size)
        copy.document_contract = np.where(covered >= 0, covered + shift, -1).astype(np.int64)
        copy.contract_source = (
            self.contract_source[None, :] + (np.arange(times, dtype=np.int64) * contracts)[:, None]
        ).ravel()
        copy.contract_offsets = np.concatenate(
            [[0], (self.contract_offsets[1:][None, :] + (np.arange(times) * contracts)[:, None]).ravel()]
        ).astype(np.int64)
        return copy


#: Columns that are not one value per scenario, contract or payment: kept as they are by ``repeated``.
_NOT_PER_ROW = frozenset(
    {
        "year_counts",
        "contract_offsets",
        "contract_source",
        "contract_scenario",
        "payment_scenario",
        "document_scenario",
        "event_scenario",
        "document_contract",
    }
)
#: The scenario of each payment, document and event: copied with the number of each copy's scenarios.
_LONG_SCENARIO_COLUMNS = ("payment_scenario", "document_scenario", "event_scenario")
#: The columns of one value per contract, stored in canonical order.
_CONTRACT_COLUMNS = (
    "contract_reference",
    "contract_name",
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
