"""Arrow tables checked with array operations: the columns of a table without a value object per row.

:func:`arrow_columns` reads the ``scenarios``, ``contracts`` and ``payments``
tables of :meth:`ScenarioTable.from_arrow` column by column (pyarrow compute and
numpy) and accepts a table only when every cell is one the value objects take as
it is: a text already free of runs of spaces, controls and format characters, a
``date32`` date, a well-formed INSEE code, a SIREN of nine digits whose Luhn key
holds, a sector by its value, an amount of whole cents above zero, no reference
used twice in a scenario. It returns ``None`` for anything else, and the caller
reads that table row by row with the value objects (:mod:`._frames`): they accept
what the array path was not sure of (a date as an ISO string, a name with two
spaces) and name the first bad cell as ``contracts[3].signed_on``. So the array
path never accepts what the value objects refuse, and a refusal always has their
words and path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import Any

import numpy as np

from ..rules._convention import Convention
from ..rules._model import name_key
from ..rules._money import MAX_AMOUNT
from ..words._errors import InvalidInput
from ._codes import SECTORS, Bools, Int64s, days
from ._columns import ContractColumns, PaymentColumns, ScenarioColumns, TableColumns
from ._frames import CONTRACT_COLUMNS, PARAMETER_COLUMNS, PAYMENT_COLUMNS, SCENARIO_COLUMNS, _variant

__all__ = ["CLEAN_TEXT", "arrow_columns"]

#: The characters ``str.split()`` takes for white space (``str.isspace``), beside the ASCII ones.
_SPACES = r"\x{1c}-\x{1f}\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
#: A text the value objects keep as it is (RE2): no leading, trailing or repeated space, no other
#: white space, no control (Cc) and no invisible format character (Cf).
CLEAN_TEXT = rf"^[^\s\p{{Cc}}\p{{Cf}}{_SPACES}]+(?: [^\s\p{{Cc}}\p{{Cf}}{_SPACES}]+)*$"
_MAX_TEXT = 500
_INSEE = r"^(?:\d{5}|2[AB]\d{3})$"
_FIRST_DAY, _LAST_DAY = days(dt.date.min), days(dt.date.max)
_MAX_CENTS = int(MAX_AMOUNT.scaleb(2))


class _Unsure(Exception):
    """A cell the array path does not take as it is: the value objects read the table instead."""


def arrow_columns(
    pyarrow: Any, scenarios: Any, contracts: Any, payments: Any, *, base: Convention
) -> tuple[list[Hashable], TableColumns] | None:
    """The keys and columns of the tables, or ``None`` when a cell needs the value objects to be read."""
    if not isinstance(base, Convention):
        return None
    try:
        return _columns(pyarrow, scenarios, contracts, payments, base)
    except (_Unsure, pyarrow.ArrowException):  # a type or a value Arrow cannot take as asked: read row by row
        return None


def _columns(
    pyarrow: Any, scenarios: Any, contracts: Any, payments: Any, base: Convention
) -> tuple[list[Hashable], TableColumns]:
    compute = pyarrow.compute
    scenario_table = _table(pyarrow, scenarios, ("as_of",), SCENARIO_COLUMNS + PARAMETER_COLUMNS)
    if "convention" in scenario_table.column_names:
        raise _Unsure
    count = scenario_table.num_rows
    if "scenario" in scenario_table.column_names:
        key_column = _keys(pyarrow, scenario_table.column("scenario"))
        keys: list[Hashable] = key_column.to_pylist()
        if len(set(keys)) != count:
            raise _Unsure
    else:
        key_column = pyarrow.array(np.arange(count, dtype=np.int64))
        keys = list(range(count))
    conventions, convention_id = _conventions(scenario_table, base)
    authorised, authorised_on = _dates(pyarrow, scenario_table, "regional_authorisation_on", required=False)
    columns = TableColumns(
        ScenarioColumns(
            conventions=conventions,
            convention_id=convention_id,
            as_of=_dates(pyarrow, scenario_table, "as_of", required=True)[1],
            authorised=authorised,
            authorised_on=authorised_on,
        ),
        _contracts(pyarrow, compute, contracts, key_column),
        _payments(pyarrow, compute, payments, key_column),
    )
    return keys, columns


def _table(pyarrow: Any, table: Any, required: tuple[str, ...], known: tuple[str, ...]) -> Any:
    if isinstance(table, pyarrow.RecordBatch):
        table = pyarrow.Table.from_batches([table])
    if not isinstance(table, pyarrow.Table):
        raise _Unsure
    names = table.column_names
    if len(set(names)) != len(names) or any(name not in known for name in names):
        raise _Unsure
    if any(name not in names for name in required):
        raise _Unsure
    for position, field in enumerate(table.schema):
        if pyarrow.types.is_large_string(field.type) or pyarrow.types.is_string_view(field.type):
            # pandas' text columns come as large strings: one kind of text column below
            table = table.set_column(position, field.name, table.column(position).cast(pyarrow.string()))
    return table.combine_chunks()


def _keys(pyarrow: Any, column: Any) -> Any:
    kind = column.type
    if column.null_count or not (pyarrow.types.is_integer(kind) or pyarrow.types.is_string(kind)):
        raise _Unsure
    return column.combine_chunks()


def _scenario_rows(pyarrow: Any, compute: Any, table: Any, keys: Any) -> Int64s:
    column = _keys(pyarrow, table.column("scenario"))
    if pyarrow.types.is_integer(column.type) != pyarrow.types.is_integer(keys.type):
        raise _Unsure
    found = compute.index_in(column, value_set=keys)
    if found.null_count:
        raise _Unsure
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=np.int64)


def _conventions(table: Any, base: Convention) -> tuple[tuple[Convention, ...], Int64s]:
    present = [name for name in PARAMETER_COLUMNS if name in table.column_names]
    if not table.num_rows:
        return (), np.empty(0, dtype=np.int64)
    if not present or all(table.column(name).null_count == table.num_rows for name in present):
        return (base,), np.zeros(table.num_rows, dtype=np.int64)
    cells = [table.column(name).to_pylist() for name in present]
    variants: dict[tuple[tuple[str, object], ...], Convention] = {}
    ids: dict[Convention, int] = {}
    convention_id = np.empty(table.num_rows, dtype=np.int64)
    for row, values in enumerate(zip(*cells, strict=True)):
        if any(isinstance(value, dt.datetime) for value in values):
            raise _Unsure  # a timestamp: the value objects say whether it is a day
        changes = tuple((name, value) for name, value in zip(present, values, strict=True) if value is not None)
        try:
            convention = _variant(base, changes, variants, f"scenarios[{row}]") if changes else base
        except InvalidInput:
            raise _Unsure from None
        convention_id[row] = ids.setdefault(convention, len(ids))
    return tuple(ids), convention_id


def _dates(pyarrow: Any, table: Any, name: str, *, required: bool) -> tuple[Bools, Int64s]:
    """Whether each row has a date in column ``name``, and its days since 1970-01-01 (0 where none)."""
    count = table.num_rows
    if name not in table.column_names:
        if required:
            raise _Unsure
        return np.zeros(count, dtype=np.bool_), np.zeros(count, dtype=np.int64)
    column = table.column(name).combine_chunks()
    kind = column.type
    if pyarrow.types.is_null(kind) and not required:
        return np.zeros(count, dtype=np.bool_), np.zeros(count, dtype=np.int64)
    if pyarrow.types.is_date32(kind):
        values = column.cast(pyarrow.int32()).fill_null(0).to_numpy().astype(np.int64)
    elif pyarrow.types.is_timestamp(kind) and kind.tz is None:
        per_day = {"s": 86_400, "ms": 86_400_000, "us": 86_400_000_000, "ns": 86_400_000_000_000}[kind.unit]
        stamps = column.cast(pyarrow.int64()).fill_null(0).to_numpy()
        if np.any(stamps % per_day):
            raise _Unsure  # a time of day: the value objects refuse it, with their words
        values = stamps // per_day
    else:
        raise _Unsure
    present = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
    if (required and not present.all()) or np.any((values < _FIRST_DAY) | (values > _LAST_DAY)):
        raise _Unsure
    return present, np.where(present, values, 0)


def _texts(pyarrow: Any, compute: Any, table: Any, name: str) -> Any:
    column = table.column(name).combine_chunks()
    if not (pyarrow.types.is_string(column.type) or pyarrow.types.is_large_string(column.type)) or column.null_count:
        raise _Unsure
    clean = compute.match_substring_regex(column, CLEAN_TEXT)
    if not _all(compute, clean) or (compute.max(compute.utf8_length(column)).as_py() or 0) > _MAX_TEXT:
        raise _Unsure
    return column


def _all(compute: Any, mask: Any) -> bool:
    """Whether every cell of a boolean column holds (an empty column: yes)."""
    return len(mask) == 0 or bool(compute.all(mask).as_py())


def _ranks(compute: Any, column: Any) -> Int64s:
    """The rank of each text among the distinct texts, from 0, in code point order (UTF-8 bytes sort so)."""
    if not len(column):
        return np.empty(0, dtype=np.int64)
    ranks = compute.rank(column, sort_keys="ascending", tiebreaker="dense")
    return np.asarray(ranks.to_numpy(), dtype=np.int64) - 1


def _once_per_scenario(scenario: Int64s, ranks: Int64s) -> None:
    """No reference used twice in a scenario (the value objects name the second use)."""
    keyed = np.sort(scenario * (int(ranks.max(initial=0)) + 1) + ranks)
    if np.any(keyed[1:] == keyed[:-1]):
        raise _Unsure


def _ids(compute: Any, column: Any) -> tuple[Int64s, list[Any]]:
    """Ids in order of first appearance, and the distinct values."""
    encoded = compute.dictionary_encode(column)
    ids = np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
    return ids, encoded.dictionary.to_pylist()


def _contracts(pyarrow: Any, compute: Any, contracts: Any, keys: Any) -> ContractColumns:
    if contracts is None:
        return _no_contracts()
    required = tuple(name for name in CONTRACT_COLUMNS if name not in ("applied_on", "selected_on", "siren"))
    table = _table(pyarrow, contracts, required, CONTRACT_COLUMNS)
    scenario = _scenario_rows(pyarrow, compute, table, keys)
    table, scenario = _case_after_case(pyarrow, table, scenario)
    reference = _texts(pyarrow, compute, table, "reference")
    reference_rank = _ranks(compute, reference)
    _once_per_scenario(scenario, reference_rank)
    name = _texts(pyarrow, compute, table, "name")
    offices = table.column("head_office").combine_chunks()
    if not pyarrow.types.is_string(offices.type) or offices.null_count:
        raise _Unsure
    sector = compute.index_in(table.column("sector"), value_set=pyarrow.array([s.value for s in SECTORS]))
    if sector.null_count:
        raise _Unsure
    office_id, office_names = _ids(compute, offices)
    # The few distinct codes are checked, not every row.
    if not _all(compute, compute.match_substring_regex(pyarrow.array(office_names, pyarrow.string()), _INSEE)):
        raise _Unsure
    name_id, name_count = _name_ids(pyarrow, compute, name)
    has_applied, applied_on = _dates(pyarrow, table, "applied_on", required=False)
    has_selected, selected_on = _dates(pyarrow, table, "selected_on", required=False)
    return ContractColumns(
        scenario=scenario,
        reference=np.asarray(reference.to_numpy(zero_copy_only=False), dtype=object),
        name=np.asarray(name.to_numpy(zero_copy_only=False), dtype=object),
        signed_on=_dates(pyarrow, table, "signed_on", required=True)[1],
        has_applied=has_applied,
        applied_on=applied_on,
        has_selected=has_selected,
        selected_on=selected_on,
        sector=np.asarray(sector.to_numpy(zero_copy_only=False), dtype=np.int64),
        siren=_sirens(pyarrow, compute, table),
        office_id=office_id,
        offices=tuple(office_names),
        name_id=name_id,
        name_count=name_count,
        reference_rank=reference_rank,
    )


def _case_after_case(pyarrow: Any, table: Any, scenario: Int64s) -> tuple[Any, Int64s]:
    """The rows of a table case after case, each scenario's in the order given."""
    if np.all(scenario[1:] >= scenario[:-1]):
        return table, scenario
    order = np.argsort(scenario, kind="stable")
    return table.take(pyarrow.array(order)), scenario[order]


def _no_contracts() -> ContractColumns:
    empty = np.empty(0, dtype=np.int64)
    return ContractColumns(
        scenario=empty,
        reference=np.empty(0, dtype=object),
        name=np.empty(0, dtype=object),
        signed_on=empty,
        has_applied=np.empty(0, dtype=np.bool_),
        applied_on=empty,
        has_selected=np.empty(0, dtype=np.bool_),
        selected_on=empty,
        sector=empty,
        siren=empty,
        office_id=empty,
        offices=(),
        name_id=empty,
        name_count=0,
    )


def _name_ids(pyarrow: Any, compute: Any, names: Any) -> tuple[Int64s, int]:
    """The id of each name's key (:func:`name_key`): ASCII names lowered by Arrow, the others by ``name_key``."""
    ascii_only = compute.string_is_ascii(names)
    keys = compute.ascii_lower(names)
    if not _all(compute, ascii_only):
        others = np.flatnonzero(~np.asarray(ascii_only.to_numpy(zero_copy_only=False), dtype=np.bool_))
        taken = keys.to_numpy(zero_copy_only=False).astype(object)
        taken[others] = [name_key(name) for name in names.take(pyarrow.array(others)).to_pylist()]
        keys = pyarrow.array(taken, pyarrow.string())
    ids = _ranks(compute, keys)
    return ids, int(ids.max(initial=-1)) + 1


def _sirens(pyarrow: Any, compute: Any, table: Any) -> Int64s:
    count = table.num_rows
    if "siren" not in table.column_names:
        return np.full(count, -1, dtype=np.int64)
    column = table.column("siren").combine_chunks()
    if pyarrow.types.is_null(column.type) or not count:
        return np.full(count, -1, dtype=np.int64)
    if not pyarrow.types.is_string(column.type):
        raise _Unsure
    present = ~np.asarray(column.is_null().to_numpy(zero_copy_only=False), dtype=np.bool_)
    filled = column.fill_null("000000000")
    offsets = np.frombuffer(filled.buffers()[1], dtype=np.int32)[filled.offset : filled.offset + count + 1]
    if np.any(np.diff(offsets) != 9):
        raise _Unsure  # not nine characters: the value objects say what it is
    data = np.frombuffer(filled.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
    if np.any((data < 48) | (data > 57)):
        raise _Unsure  # a byte that is not an ASCII digit
    digits = (data.reshape(count, 9) - 48).astype(np.int64)
    if not _luhn(digits).all():
        raise _Unsure  # the value objects name the SIREN whose key fails
    return np.where(present, digits @ (10 ** np.arange(8, -1, -1, dtype=np.int64)), -1)


#: A digit doubled by the Luhn check, its digits added: 7 gives 14, then 5.
_DOUBLED = np.array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9], dtype=np.int64)


def _luhn(digits: Int64s) -> Bools:
    """Whether each row of nine digits passes the Luhn check: every second digit from the right doubled."""
    total = digits[:, 0::2].sum(axis=1) + _DOUBLED[digits[:, 1::2]].sum(axis=1)
    return np.asarray(total % 10 == 0, dtype=np.bool_)


def _payments(pyarrow: Any, compute: Any, payments: Any, keys: Any) -> PaymentColumns:
    empty = np.empty(0, dtype=np.int64)
    if payments is None:
        return PaymentColumns(scenario=empty, reference=np.empty(0, dtype=object), paid_on=empty, amount=empty)
    table = _table(pyarrow, payments, PAYMENT_COLUMNS, PAYMENT_COLUMNS)
    scenario = _scenario_rows(pyarrow, compute, table, keys)
    table, scenario = _case_after_case(pyarrow, table, scenario)
    reference = _texts(pyarrow, compute, table, "reference")
    _once_per_scenario(scenario, _ranks(compute, reference))
    return PaymentColumns(
        scenario=scenario,
        reference=np.asarray(reference.to_numpy(zero_copy_only=False), dtype=object),
        paid_on=_dates(pyarrow, table, "paid_on", required=True)[1],
        amount=_cents(pyarrow, table.column("amount").combine_chunks()),
    )


def _cents(pyarrow: Any, column: Any) -> Int64s:
    """Amounts given as integers or decimals, in cents; above zero and at most :data:`MAX_AMOUNT`."""
    kind = column.type
    if column.null_count:
        raise _Unsure
    if pyarrow.types.is_integer(kind) and not pyarrow.types.is_uint64(kind):
        euros = np.asarray(column.cast(pyarrow.int64()).to_numpy(), dtype=np.int64)
        if np.any((euros <= 0) | (euros > _MAX_CENTS // 100)):
            raise _Unsure
        cents: Int64s = euros * 100
        return cents
    if not pyarrow.types.is_decimal(kind) or kind.byte_width != 16:
        raise _Unsure
    try:
        scaled = column.cast(pyarrow.decimal128(38, 2))  # refused when a cell has a fraction of a cent
    except pyarrow.ArrowInvalid:
        raise _Unsure from None
    words = np.frombuffer(scaled.buffers()[1], dtype=np.int64).reshape(-1, 2)[scaled.offset :][: len(scaled)]
    low, high = words[:, 0], words[:, 1]
    if np.any(high != 0) or np.any((low <= 0) | (low > _MAX_CENTS)):
        raise _Unsure
    return np.array(low, dtype=np.int64)
