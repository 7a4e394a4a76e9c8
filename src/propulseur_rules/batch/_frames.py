"""pandas frames and Arrow tables into the columnar engine.

A ``scenarios`` frame (one row per scenario), ``contracts`` and ``payments``
frames keyed by its ``scenario`` column, as pandas frames or as ``pyarrow.Table``
objects with the same columns. Each row is checked by the value objects
themselves, so a table is refused exactly where :func:`assess` would refuse the
same value; the error names the table, the row and the column, as
``contracts[3].signed_on``, and never comes from numpy, pandas or pyarrow.

The figures of a result go out as frames beside the result itself (:mod:`._result`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Callable, Hashable, Iterator
from decimal import Decimal
from typing import Any

from ..files._spreadsheet_columns import _HEADER_KEYS, _header_key
from ..rules._convention import DIJON_2022, Convention
from ..rules._dates import Period, to_optional_date
from ..rules._documents import Document, check_documents
from ..rules._extras import require
from ..rules._limitation import LimitationEvent
from ..rules._model import Contract, Payment, Startup
from ..words._errors import InvalidInput, Worded, kind_of, shown
from ._cases import Case, checked_case

__all__ = [
    "CONTRACT_COLUMNS",
    "DOCUMENT_COLUMNS",
    "LIMITATION_EVENT_COLUMNS",
    "PARAMETER_COLUMNS",
    "PAYMENT_COLUMNS",
    "SCENARIO_COLUMNS",
    "cases_from_arrow",
    "cases_from_frames",
]

#: The columns of the scenarios frame: ``as_of`` is required, the others optional.
SCENARIO_COLUMNS = ("scenario", "as_of", "regional_authorisation_on", "convention", "financing_signed_on")
#: Parameters a scenarios frame may set, each replacing the base convention's (SPEC §2).
PARAMETER_COLUMNS = (
    "period_start",
    "period_end",
    "total_cap",
    "operating_grant_per_year",
    "grant_per_contract",
    "max_funded_contracts_per_year",
    "required_contracts",
    "target_policy",
    "accrual",
    "places",
    "signing_deadline",
    "selected_from",
)
#: The columns of the contracts frame; ``applied_on``, ``selected_on`` and ``siren`` are optional.
CONTRACT_COLUMNS = (
    "scenario",
    "reference",
    "signed_on",
    "applied_on",
    "selected_on",
    "name",
    "head_office",
    "sector",
    "siren",
)
_CONTRACT_OPTIONAL = ("applied_on", "selected_on", "siren")
#: The columns of the payments frame.
PAYMENT_COLUMNS = ("scenario", "reference", "paid_on", "amount")
#: The columns of the documents frame (:class:`~propulseur_rules.Document`); ``covers`` is optional.
DOCUMENT_COLUMNS = ("scenario", "kind", "covers", "received_on")
#: The columns of the frame of the events of the limitation (:class:`~propulseur_rules.rules.LimitationEvent`).
LIMITATION_EVENT_COLUMNS = ("scenario", "kind", "on")


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _plain(value: object) -> object:
    """A cell as the value objects take it: ``None`` for a missing value, a ``date`` for a midnight timestamp."""
    if _missing(value):
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0) and value.tzinfo is None:
        return value.date()
    item = getattr(value, "item", None)  # a numpy scalar: its Python value
    if item is not None and type(value).__module__ == "numpy":
        return item()
    return value


#: How the rows of one kind of table are read: ``(table, name, required, known)`` to rows as dicts.
_Reader = Callable[[Any, str, tuple[str, ...], tuple[str, ...]], Iterator[dict[str, Any]]]


#: The columns a frame of the library gives beside the facts (``Assessment.to_frame()``): what the rules
#: decided, and the scenario's own date and convention. A frame fed back in may hold them; they are not read.
_DECIDED = frozenset(
    {"as_of", "convention", "status", "programme_year", "grant", "grant_cents", "accrues_on", "unmet", "commune"}
)


def _column_name(column: str, table: str, known: tuple[str, ...]) -> str | None:
    """The column of ``known`` a header names: itself, ``startup`` for ``name`` (as ``to_frame`` and the
    spreadsheets write it), ``amount_cents`` for an amount in cents, or a French header of a spreadsheet
    (« date de signature »); ``None`` for a column the library wrote that is not read back."""
    named = column if column in known else _HEADER_KEYS.get(_header_key(column))
    if named == "startup":
        named = "name"
    if named in known:
        return named
    if column == "amount_cents" and "amount" in known:
        return column
    if column in _DECIDED and "reference" in known:
        return None
    raise InvalidInput(f"{table}.{shown(column)}", "error.not_a_column_of", table=table, columns=", ".join(known))


def _check_columns(
    columns: list[str], table: str, required: tuple[str, ...], known: tuple[str, ...]
) -> list[str | None]:
    """The column of ``known`` each header names (``None`` for one not read); a missing, unknown or
    repeated column is refused with its path."""
    names = [_column_name(column, table, known) for column in columns]
    given = [name for name in names if name is not None]
    for name in given:
        if given.count(name) > 1 or (name == "amount_cents" and "amount" in given):
            raise InvalidInput(f"{table}.{name}", "error.column_given_twice")
    for column in required:
        if column not in given and not (column == "amount" and "amount_cents" in given):
            raise InvalidInput(f"{table}.{column}", "error.required_column_missing")
    return names


def _rows(frame: Any, table: str, required: tuple[str, ...], known: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    pandas = require("pandas", "frames", Worded("error.feature_frames"))
    if not isinstance(frame, pandas.DataFrame):
        raise InvalidInput(table, "error.expected_a_kind", kind="pandas DataFrame", type=kind_of(frame))
    names = _check_columns([str(column) for column in frame.columns], table, required, known)
    for values in frame.itertuples(index=False, name=None):
        yield {name: _plain(value) for name, value in zip(names, values, strict=True) if name is not None}


def _arrow_rows(
    arrow_table: Any, table: str, required: tuple[str, ...], known: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    """The rows of a ``pyarrow.Table`` (or record batch) as Python values, column by column.

    Arrow gives ``date32`` cells as dates, timestamps as datetimes, decimals as
    ``Decimal`` and nulls as ``None``; a cell of a type the value objects do not
    take (an integer for a date, say) is refused by them, with its path.
    """
    pyarrow = require("pyarrow", "arrow", Worded("error.feature_arrow"))
    if isinstance(arrow_table, pyarrow.RecordBatch):
        arrow_table = pyarrow.Table.from_batches([arrow_table])
    if not isinstance(arrow_table, pyarrow.Table):
        raise InvalidInput(table, "error.expected_a_kind", kind="pyarrow Table", type=kind_of(arrow_table))
    columns = [str(column) for column in arrow_table.column_names]
    if len(set(columns)) != len(columns):
        twice = next(column for column in columns if columns.count(column) > 1)
        raise InvalidInput(f"{table}.{shown(twice)}", "error.column_given_twice")
    names = _check_columns(columns, table, required, known)
    cells: list[list[Any]] = []
    for column, name in zip(columns, names, strict=True):
        if name is None:
            continue
        try:
            cells.append(arrow_table.column(column).to_pylist())
        except Exception as error:  # a type without a Python value (an extension type, a bad timezone): named here
            raise InvalidInput(
                f"{table}.{shown(column)}", "error.unreadable_cells", type=type(error).__name__
            ) from None
    read = [name for name in names if name is not None]
    for values in zip(*cells, strict=True):
        yield {name: _plain(value) for name, value in zip(read, values, strict=True)}


def cases_from_frames(
    scenarios: Any,
    contracts: Any = None,
    payments: Any = None,
    *,
    base: Convention = DIJON_2022,
    documents: Any = None,
    limitation_events: Any = None,
) -> tuple[list[Hashable], list[Case]]:
    """The scenario keys and the cases of the frames; ``base`` gives every parameter a scenario's row leaves out.

    ``scenarios``: ``as_of`` (required), ``scenario`` (the key the other frames
    use; the row number when absent), ``regional_authorisation_on``, ``convention``
    (a :class:`Convention`, instead of ``base``) and any of
    :data:`PARAMETER_COLUMNS`. ``contracts``: :data:`CONTRACT_COLUMNS`.
    ``payments``: :data:`PAYMENT_COLUMNS`. ``documents``: :data:`DOCUMENT_COLUMNS`;
    ``limitation_events``: :data:`LIMITATION_EVENT_COLUMNS`.
    """
    facts = (documents, limitation_events)
    return _cases(_rows, scenarios, contracts, payments, facts, base=base)


def cases_from_arrow(
    scenarios: Any,
    contracts: Any = None,
    payments: Any = None,
    *,
    base: Convention = DIJON_2022,
    documents: Any = None,
    limitation_events: Any = None,
) -> tuple[list[Hashable], list[Case]]:
    """The scenario keys and the cases of ``pyarrow`` tables with the columns of :func:`cases_from_frames`.

    A ``convention`` column cannot be held by Arrow: parameters are given as the
    columns of :data:`PARAMETER_COLUMNS`, replacing those of ``base``.
    """
    facts = (documents, limitation_events)
    return _cases(_arrow_rows, scenarios, contracts, payments, facts, base=base)


#: A scenario's row: its convention, ``as_of``, the day of the regional authorisation and that of the signature.
_Head = tuple[Convention, Any, Any, dt.date | None]


def _cases(
    rows: _Reader, scenarios: Any, contracts: Any, payments: Any, facts: tuple[Any, Any], *, base: Convention
) -> tuple[list[Hashable], list[Case]]:
    if not isinstance(base, Convention):
        raise InvalidInput("base", "error.expected_convention", type=kind_of(base))
    keys, heads = _heads(rows, scenarios, base)
    contract_lists: list[list[Contract]] = [[] for _ in heads]
    if contracts is not None:
        # With one scenario, the rows of the other tables are its own: ``scenario`` may be left out.
        optional = (*_CONTRACT_OPTIONAL, *(("scenario",) if len(keys) == 1 else ()))
        required = tuple(column for column in CONTRACT_COLUMNS if column not in optional)
        for row, values in enumerate(rows(contracts, "contracts", required, CONTRACT_COLUMNS)):
            path = f"contracts[{row}]"
            contract_lists[_scenario(keys, values, path)].append(_contract(values, path))
    payment_lists: list[list[Payment]] = [[] for _ in heads]
    if payments is not None:
        paid = PAYMENT_COLUMNS[1:] if len(keys) == 1 else PAYMENT_COLUMNS
        for row, values in enumerate(rows(payments, "payments", paid, PAYMENT_COLUMNS)):
            path = f"payments[{row}]"
            target = _scenario(keys, values, path)
            try:
                payment_lists[target].append(
                    Payment(reference=values["reference"], paid_on=values["paid_on"], amount=_paid(values))
                )
            except InvalidInput as error:
                raise error.within(path) from None
    references = [[contract.reference for contract in each] for each in contract_lists]
    documents = _documents(rows, facts[0], keys, references, heads)
    events = _limitation_events(rows, facts[1], keys)
    cases: list[Case] = []
    for row, (convention, as_of, authorised_on, signed_on) in enumerate(heads):
        arguments = {
            "as_of": as_of,
            "regional_authorisation_on": authorised_on,
            "payments": payment_lists[row],
            "financing_signed_on": signed_on,
            "documents": documents[row],
            "limitation_events": events[row],
        }
        try:
            cases.append(checked_case("", (convention, contract_lists[row], arguments)))
        except InvalidInput as error:
            # A duplicate reference is named by its place in the scenario; the row of the frame is clearer.
            raise error.at(
                f"scenarios[{row}]{'.' if error.path and error.path[0] != '[' else ''}{error.path}"
            ) from None
    assert all(isinstance(case, Case) for case in cases)
    return list(keys), cases


def _heads(rows: _Reader, scenarios: Any, base: Convention) -> tuple[dict[Hashable, int], list[_Head]]:
    """The row of each scenario's key, and each scenario's convention and dates, read from the scenarios table."""
    keys: dict[Hashable, int] = {}
    heads: list[_Head] = []
    variants: dict[tuple[tuple[str, object], ...], Convention] = {}
    for row, values in enumerate(rows(scenarios, "scenarios", ("as_of",), SCENARIO_COLUMNS + PARAMETER_COLUMNS)):
        path = f"scenarios[{row}]"
        key = values.get("scenario", row)
        try:
            hash(key)
        except TypeError:
            raise InvalidInput(f"{path}.scenario", "error.expected_scenario_key", type=kind_of(key)) from None
        if key in keys:
            raise InvalidInput(
                f"{path}.scenario", "error.used_twice", value=shown(key), origin=f"scenarios[{keys[key]}]"
            )
        keys[key] = row
        convention = values.get("convention") or base
        if not isinstance(convention, Convention):
            raise InvalidInput(f"{path}.convention", "error.expected_convention", type=kind_of(convention))
        changes = tuple((name, values[name]) for name in PARAMETER_COLUMNS if values.get(name) is not None)
        if changes:
            convention = _variant(convention, changes, variants, path)
        try:
            signed_on = to_optional_date(values.get("financing_signed_on"), "financing_signed_on")
        except InvalidInput as error:
            raise error.within(path) from None
        heads.append((convention, values["as_of"], values.get("regional_authorisation_on"), signed_on))
    return keys, heads


def _variant(
    convention: Convention,
    changes: tuple[tuple[str, object], ...],
    variants: dict[tuple[tuple[str, object], ...], Convention],
    path: str,
) -> Convention:
    key = ((" convention", id(convention)), *changes)
    try:
        found = variants.get(key)
    except TypeError:  # an unhashable cell: let the convention name it
        found = None
    if found is not None:
        return found
    values = dict(changes)
    start = values.pop("period_start", None)
    end = values.pop("period_end", None)
    try:
        if start is not None or end is not None:
            try:
                values["period"] = Period(
                    start=convention.period.start if start is None else start,
                    end=convention.period.end if end is None else end,
                )
            except InvalidInput as error:
                raise error.at(f"period_{error.path}") from None
        for name in ("total_cap", "operating_grant_per_year", "grant_per_contract"):
            if name in values:
                values[name] = _amount(values[name])
        variant = convention.replace(**values)
    except InvalidInput as error:
        raise error.within(path) from None
    with contextlib.suppress(TypeError):  # an unhashable cell: not kept for the next row
        variants[key] = variant
    return variant


def _amount(value: object) -> object:
    """A float cell that holds a whole number of euros as an ``int``; anything else as it is, for ``to_money``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, Decimal):
        return value
    return value


def _paid(values: dict[str, Any]) -> object:
    """The amount of a payment row: ``amount`` in euros, or ``amount_cents`` in whole cents (as frames give it)."""
    if "amount_cents" not in values:
        return _amount(values["amount"])
    cents = values["amount_cents"]
    if isinstance(cents, int) and not isinstance(cents, bool):
        return Decimal(cents).scaleb(-2)
    return cents  # refused by the payment, with its path


def _scenario(keys: dict[Hashable, int], values: dict[str, Any], path: str) -> int:
    if "scenario" not in values and len(keys) == 1:
        return 0
    key = values["scenario"]
    try:
        found = keys.get(key)
    except TypeError:
        found = None
    if found is None:
        raise InvalidInput(f"{path}.scenario", "error.not_a_scenario_of_table", value=shown(key))
    return found


def _contract(values: dict[str, Any], path: str) -> Contract:
    try:
        startup = Startup(
            name=values["name"],
            head_office=values["head_office"],
            sector=values["sector"],
            siren=values.get("siren"),
        )
        return Contract(
            reference=values["reference"],
            startup=startup,
            signed_on=values["signed_on"],
            applied_on=values.get("applied_on"),
            selected_on=values.get("selected_on"),
        )
    except InvalidInput as error:
        raise error.within(path) from None


def _documents(
    rows: _Reader,
    frame: Any,
    keys: dict[Hashable, int],
    references: list[list[str]],
    heads: list[_Head],
) -> list[list[Document]]:
    """The documents of each scenario, each row checked as :class:`Document` and :func:`check_documents` check
    it: a copy of a contract of its scenario, a programme year its convention has, not received before the
    financing convention was signed; an error names the row, such as ``documents[2].covers``."""
    lists: list[list[Document]] = [[] for _ in keys]
    if frame is None:
        return lists
    required = ("kind", "received_on") if len(keys) == 1 else ("scenario", "kind", "received_on")
    for row, values in enumerate(rows(frame, "documents", required, DOCUMENT_COLUMNS)):
        path = f"documents[{row}]"
        target = _scenario(keys, values, path)
        try:
            document = Document(kind=values["kind"], received_on=values["received_on"], covers=_covers(values))
            # The checks of one document against its scenario, named by the row of the frame.
            check_documents(
                [document],
                contract_references=references[target],
                year_count=len(heads[target][0].programme_years),
                financing_signed_on=heads[target][3],
            )
        except InvalidInput as error:
            checked = error.path.removeprefix("documents[0]")  # check_documents names the one document it had
            raise (error.at(path + checked) if checked != error.path else error.within(path)) from None
        lists[target].append(document)
    return lists


def _covers(values: dict[str, Any]) -> object:
    """What a document covers; a whole float is the programme year pandas gives for integers beside blanks."""
    covers = values.get("covers")
    if isinstance(covers, float) and covers.is_integer() and abs(covers) < 2**53:
        return int(covers)
    return covers


def _limitation_events(rows: _Reader, frame: Any, keys: dict[Hashable, int]) -> list[list[LimitationEvent]]:
    """The events of the limitation of each scenario, each row checked by :class:`LimitationEvent`."""
    lists: list[list[LimitationEvent]] = [[] for _ in keys]
    if frame is None:
        return lists
    required = LIMITATION_EVENT_COLUMNS[1:] if len(keys) == 1 else LIMITATION_EVENT_COLUMNS
    for row, values in enumerate(rows(frame, "limitation_events", required, LIMITATION_EVENT_COLUMNS)):
        path = f"limitation_events[{row}]"
        target = _scenario(keys, values, path)
        try:
            lists[target].append(LimitationEvent(kind=values["kind"], on=values["on"]))
        except InvalidInput as error:
            raise error.within(path) from None
    return lists
