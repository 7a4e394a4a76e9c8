"""The facts of the financing convention in Arrow tables, checked with array operations (C3 « modalités »).

Beside the tables of :mod:`._arrays_check`: the day the financing convention was
signed (a column of the scenarios), the documents received and the events of the
limitation of unpaid claims (loi n° 68-1250), each a table keyed by ``scenario``.
A table is taken only when every cell is one :class:`~propulseur_rules.Document`
or :class:`~propulseur_rules.rules.LimitationEvent` takes as it is and every
document passes the checks of :func:`~propulseur_rules.rules.check_documents`,
applied over the columns:

- its kind is a value of :class:`~propulseur_rules.DocumentKind`;
- a copy covers a contract of its own scenario (a text taken as it is);
- a financial statement covers a programme year its scenario's convention has;
- the final report covers nothing;
- none was received before the day the financing convention was signed.

Any other table gives ``None``, and the caller reads the tables row by row with
the value objects, which name the first bad cell (``documents[2].covers``) in the
words of the catalogue.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Hashable, Mapping
from typing import Any

import numpy as np

from ..rules._convention import DIJON_2022, Convention
from ..rules._documents import DocumentKind
from ._arrays_check import (
    CLEAN_TEXT,
    _all,
    _case_after_case,
    _dates,
    _keys,
    _scenario_rows,
    _table,
    _Unsure,
    arrow_columns,
)
from ._codes import Int64s
from ._columns import DOCUMENT_KINDS, EVENT_KINDS, FinancingFactColumns, TableColumns
from ._frames import DOCUMENT_COLUMNS, LIMITATION_EVENT_COLUMNS

__all__ = ["arrow_columns_with_facts", "frame_columns", "table_columns"]

_COPY = DOCUMENT_KINDS.index(DocumentKind.CONTRACT_COPY)
_STATEMENT = DOCUMENT_KINDS.index(DocumentKind.FINANCIAL_STATEMENT)
_FINAL_REPORT = DOCUMENT_KINDS.index(DocumentKind.FINAL_REPORT)
#: A programme year as :class:`~propulseur_rules.Document` reads a text: ASCII digits (at most 1000, so four).
_YEAR_TEXT = r"^[0-9]{1,4}$"
_MAX_TEXT = 500
_DOCUMENT_REQUIRED = ("scenario", "kind", "received_on")
#: The tables of the facts of the financing convention, keyword arguments of the builders from tables.
_FACT_TABLES = ("documents", "limitation_events")


def frame_columns(
    scenarios: Any, contracts: Any, payments: Any, options: Mapping[str, Any]
) -> tuple[list[Hashable], TableColumns] | None:
    """The keys and columns of pandas frames (``options``: ``base`` and the tables of the facts), checked as
    Arrow tables; ``None`` without pyarrow, or when a frame or a cell needs the value objects to be read."""
    pyarrow = _pyarrow()
    if pyarrow is None or not set(options) <= {"base", *_FACT_TABLES}:
        return None
    facts = [options.get(name) for name in _FACT_TABLES]
    tables = _arrow_of_frames(pyarrow, scenarios, contracts, payments, *facts)
    if tables is None:
        return None
    arrow = dict(zip(_FACT_TABLES, tables[3:], strict=True))
    return arrow_columns_with_facts(pyarrow, *tables[:3], **arrow, base=options.get("base", DIJON_2022))


def table_columns(
    scenarios: Any, contracts: Any, payments: Any, *, documents: Any, limitation_events: Any, base: Convention
) -> tuple[list[Hashable], TableColumns] | None:
    """The keys and columns of Arrow tables, or ``None`` without pyarrow or when a cell needs the value objects."""
    pyarrow = _pyarrow()
    if pyarrow is None:
        return None
    facts = {"documents": documents, "limitation_events": limitation_events}
    return arrow_columns_with_facts(pyarrow, scenarios, contracts, payments, **facts, base=base)


def arrow_columns_with_facts(
    pyarrow: Any,
    scenarios: Any,
    contracts: Any,
    payments: Any,
    *,
    documents: Any = None,
    limitation_events: Any = None,
    base: Convention,
) -> tuple[list[Hashable], TableColumns] | None:
    """The keys and columns of the tables with their financing facts, or ``None`` when a cell needs the value
    objects to be read."""
    checked = arrow_columns(pyarrow, scenarios, contracts, payments, base=base)
    if checked is None:
        return None
    keys, columns = checked
    try:
        facts = _facts(pyarrow, scenarios, documents, limitation_events, columns)
    except (_Unsure, pyarrow.ArrowException):
        return None
    return keys, columns._replace(financing=facts)


def _facts(pyarrow: Any, scenarios: Any, documents: Any, events: Any, columns: TableColumns) -> FinancingFactColumns:
    compute = pyarrow.compute
    table = _table(pyarrow, scenarios, (), tuple(scenarios.column_names))
    count = table.num_rows
    if "scenario" in table.column_names:
        keys = _keys(pyarrow, table.column("scenario"))
    else:
        keys = pyarrow.array(np.arange(count, dtype=np.int64))
    signed, signed_on = _dates(pyarrow, table, "financing_signed_on", required=False)
    empty = np.empty(0, dtype=np.int64)
    document_scenario, document_kind, covers, received_on = empty, empty, np.empty(0, dtype=object), empty
    document_table = None if documents is None else _table(pyarrow, documents, _DOCUMENT_REQUIRED, DOCUMENT_COLUMNS)
    if document_table is not None and document_table.num_rows:  # no rows: no documents, whatever the types
        document_scenario = _scenario_rows(pyarrow, compute, document_table, keys)
        document_table, document_scenario = _case_after_case(pyarrow, document_table, document_scenario)
        document_kind = _kinds(pyarrow, compute, document_table, [kind.value for kind in DOCUMENT_KINDS])
        received_on = _dates(pyarrow, document_table, "received_on", required=True)[1]
        if np.any(signed[document_scenario] & (received_on < signed_on[document_scenario])):
            raise _Unsure  # received before the financing convention was signed
        covers = _covers(pyarrow, compute, document_table, document_scenario, document_kind, columns)
    event_scenario, event_kind, event_on = empty, empty, empty
    event_table = (
        None if events is None else _table(pyarrow, events, LIMITATION_EVENT_COLUMNS, LIMITATION_EVENT_COLUMNS)
    )
    if event_table is not None and event_table.num_rows:
        event_scenario = _scenario_rows(pyarrow, compute, event_table, keys)
        event_table, event_scenario = _case_after_case(pyarrow, event_table, event_scenario)
        event_kind = _kinds(pyarrow, compute, event_table, [kind.value for kind in EVENT_KINDS])
        event_on = _dates(pyarrow, event_table, "on", required=True)[1]
    return FinancingFactColumns(
        signed=signed,
        signed_on=signed_on,
        document_scenario=document_scenario,
        document_kind=document_kind,
        document_covers=covers,
        document_received_on=received_on,
        event_scenario=event_scenario,
        event_kind=event_kind,
        event_on=event_on,
    )


def _kinds(pyarrow: Any, compute: Any, table: Any, values: list[str]) -> Int64s:
    """The code of each row's kind: its value exactly (another spelling is for the value objects to read)."""
    column = table.column("kind").combine_chunks()
    if pyarrow.types.is_dictionary(column.type):  # a pandas category
        column = column.cast(pyarrow.string())
    if not pyarrow.types.is_string(column.type) or column.null_count:
        raise _Unsure
    found = compute.index_in(column, value_set=pyarrow.array(values))
    if found.null_count:
        raise _Unsure
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=np.int64)


def _covers(pyarrow: Any, compute: Any, table: Any, scenario: Int64s, kind: Int64s, columns: TableColumns) -> Any:
    """What each document covers, as :class:`~propulseur_rules.Document` holds it, checked against its scenario."""
    count = table.num_rows
    covers = np.empty(count, dtype=object)
    if "covers" not in table.column_names or pyarrow.types.is_null(table.column("covers").type):
        if np.any(kind != _FINAL_REPORT):
            raise _Unsure  # a copy or a statement covers something
        return covers
    column = table.column("covers").combine_chunks()
    present = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
    if np.any(present != (kind != _FINAL_REPORT)):
        raise _Unsure  # the final report covers nothing, the others something
    years = np.zeros(count, dtype=np.int64)
    statements = np.flatnonzero(kind == _STATEMENT)
    copies = np.flatnonzero(kind == _COPY)
    if pyarrow.types.is_integer(column.type) and not pyarrow.types.is_uint64(column.type):
        if copies.size:
            raise _Unsure  # a copy covers a reference, a text
        years = np.asarray(column.cast(pyarrow.int64()).fill_null(0).to_numpy(), dtype=np.int64)
    elif pyarrow.types.is_string(column.type):
        texts = column.fill_null("")
        years[statements] = _year_numbers(pyarrow, compute, texts.take(pyarrow.array(statements, pyarrow.int64())))
        covers[copies] = _references(pyarrow, compute, texts, scenario, copies, columns)
    else:
        raise _Unsure
    year_counts = np.array([len(c.programme_years) for c in columns.scenarios.conventions], dtype=np.int64)
    owned = year_counts[columns.scenarios.convention_id][scenario[statements]] if statements.size else statements
    chosen = years[statements]
    if np.any((chosen < 1) | (chosen > np.minimum(owned, 1000))):
        raise _Unsure  # no such programme year
    covers[statements] = chosen.tolist()
    return covers


def _year_numbers(pyarrow: Any, compute: Any, texts: Any) -> Int64s:
    if not _all(compute, compute.match_substring_regex(texts, _YEAR_TEXT)):
        raise _Unsure
    return np.asarray(texts.cast(pyarrow.int64()).to_numpy(), dtype=np.int64)


def _references(
    pyarrow: Any, compute: Any, texts: Any, scenario: Int64s, copies: Int64s, columns: TableColumns
) -> list[str]:
    """The contract each copy covers: a text taken as it is, a reference of a contract of its own scenario."""
    if not copies.size:
        return []
    covered = texts.take(pyarrow.array(copies, pyarrow.int64()))
    clean = compute.match_substring_regex(covered, CLEAN_TEXT)
    if not _all(compute, clean) or (compute.max(compute.utf8_length(covered)).as_py() or 0) > _MAX_TEXT:
        raise _Unsure
    contracts = columns.contracts
    # One id per distinct text over the references and the copies: a copy's (scenario, id) must be a contract's.
    pool = pyarrow.concat_arrays([pyarrow.array(contracts.reference, pyarrow.string()), covered])
    ids = np.asarray(compute.dictionary_encode(pool).indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    span = int(ids.max(initial=0)) + 1
    known = contracts.scenario * span + ids[: contracts.scenario.size]
    if not np.isin(scenario[copies] * span + ids[contracts.scenario.size :], known).all():
        raise _Unsure  # not a contract of its scenario
    references: list[str] = covered.to_pylist()
    return references


def _pyarrow() -> Any:
    """The ``pyarrow`` module with its ``compute`` functions, or ``None`` without the ``arrow`` extra."""
    try:
        return importlib.import_module("pyarrow.compute") and importlib.import_module("pyarrow")
    except ImportError:
        return None


def _arrow_of_frames(pyarrow: Any, *frames: Any) -> tuple[Any, ...] | None:
    """pandas frames as Arrow tables, or ``None`` when one is not a frame Arrow converts as it is."""
    pandas = sys.modules.get("pandas")
    tables: list[Any] = []
    for frame in frames:
        if frame is None:
            tables.append(None)
            continue
        if pandas is None or not isinstance(frame, pandas.DataFrame) or frame.columns.has_duplicates:
            return None
        if not all(_one_kind(pandas, column) for _, column in frame.items()):
            return None
        try:
            tables.append(pyarrow.Table.from_pandas(frame, preserve_index=False))
        except (pyarrow.ArrowException, TypeError, ValueError):  # mixed or unknown cells: read row by row
            return None
    return tuple(tables)


#: What pandas reads as a missing value in a column of objects: ``None``, ``NaN`` (a float) and ``NaT``.
_MISSING_KINDS = frozenset({type(None), float})


def _one_kind(pandas: Any, column: Any) -> bool:
    """Whether Arrow converts a column of a frame as the value objects read each of its cells.

    Arrow makes every cell of a column of objects fit the kind of its first one: a whole number after a
    date becomes that many days after 1 January 1970, a date and time loses its time. A column whose cells
    are of mixed kinds, or dates beside dates and times, is read row by row, where the cell is refused.
    """
    if isinstance(column.dtype, pandas.CategoricalDtype):
        column = column.cat.categories
    elif column.dtype != object:
        return True
    inferred = pandas.api.types.infer_dtype(column, skipna=True)
    if inferred.startswith("mixed"):
        return False
    if inferred in ("date", "datetime"):  # a date and time is a date to pandas: each cell's own type decides
        kinds = set(map(type, column)) - _MISSING_KINDS - {type(pandas.NaT)}
        return kinds == {dt.date} or kinds == {pandas.Timestamp} or not kinds
    return True
