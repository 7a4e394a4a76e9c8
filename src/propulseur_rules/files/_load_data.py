"""From parsed data (dicts and lists, as TOML and JSON give) to a :class:`Scenario` and its values.

The loader checks the shape of the data (tables, lists, known keys) and leaves
the meaning of each value to the value objects, whose errors it places under the
path of the field (``contracts[3].signed_on``). Whatever the input, the only
exception that leaves this module is :class:`~propulseur_rules.InvalidInput`.

cattrs was considered and set aside: when an attrs validator fails it reports the
object rather than the field, and it has no ``Decimal`` support.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import attrs

from ..rules._convention import DIJON_2022, Convention
from ..rules._dates import Period
from ..rules._deliberation import Deliberation
from ..rules._documents import Document
from ..rules._financing import FinancingTerms
from ..rules._limitation import LimitationEvent
from ..rules._model import Contract, Payment, Startup
from ..rules._outcome import MONEY_FIGURES
from ..rules._state_aid import DeMinimisAid
from ..words._errors import InvalidInput, kind_of, shorten, shown_integer
from ._expectation import YEAR_MONEY_FIGURES, Expectation, ExpectedContract, ExpectedYear
from ._forms import amount_text, day
from ._gathered import all_wrong, attempt
from ._load_csv import contract_records, sector_of, unique_references
from ._load_files import _base_folder, _confined, _read_spreadsheet_text
from ._scenario import Scenario
from ._spreadsheet_documents import document_records, placed_in_rows
from ._spreadsheet_rows import RowOrigin

__all__ = ["PRESETS", "scenario_from_data"]

#: The conventions a scenario can name with ``preset``.
PRESETS: dict[str, Convention] = {"dijon-2022": DIJON_2022}


_MAX_DEPTH = 16

_MAX_INTEGER = 10**15


_SCENARIO_KEYS = (
    "$schema",
    "name",
    "as_of",
    "regional_authorisation_on",
    "convention",
    "contracts",
    "contracts_csv",
    "payments",
    "financing_signed_on",
    "documents",
    "limitation_events",
    "de_minimis_aid",
    "covers",
    "expect",
)

#: The keys of one de minimis aid a startup received, all required.
_AID_KEYS = ("siren", "granted_on", "amount")

_CONVENTION_KEYS = tuple(field.name for field in attrs.fields(Convention))

_PERIOD_KEYS = ("start", "end")

_DELIBERATION_KEYS = tuple(field.name for field in attrs.fields(Deliberation))
#: The counts of the vote are required; how the president voted, a secret ballot, a second convocation
#: and the day the deliberation became executory may be left out.
_DELIBERATION_REQUIRED = tuple(field.name for field in attrs.fields(Deliberation) if field.default is attrs.NOTHING)

_CONTRACT_KEYS = ("reference", "startup", "applied_on", "selected_on", "signed_on")

_STARTUP_KEYS = ("name", "head_office", "sector", "siren")

_PAYMENT_KEYS = ("reference", "paid_on", "amount")

_FINANCING_KEYS = tuple(field.name for field in attrs.fields(FinancingTerms))

_DOCUMENT_KEYS = ("kind", "received_on", "covers")

_LIMITATION_EVENT_KEYS = ("kind", "on")

_EXPECT_KEYS = (*MONEY_FIGURES, "eligible_contracts", "target_met", "unmet", "years", "contracts")

_EXPECTED_YEAR_KEYS = ("index", *YEAR_MONEY_FIGURES, "funded", "supplementary", "over_annual_limit")

_EXPECTED_CONTRACT_KEYS = ("status", "grant", "programme_year", "unmet")

_Built = TypeVar("_Built")


def scenario_from_data(data: object, *, base_dir: str | os.PathLike[str] | None = None) -> Scenario:
    """A scenario from parsed data (a dict as ``json.loads`` gives), such as the body of a request.

    Read like :func:`loads_scenario`: no file is read unless ``base_dir`` is given,
    and then only within it.

    >>> request = {"name": "Nothing signed.", "as_of": "2023-01-01", "convention": {"preset": "dijon-2022"}}
    >>> scenario_from_data(request).assess().accrued
    Decimal('20000.00')
    """
    base = _base_folder(base_dir)
    try:
        return _scenario_from_data(data, base=base, base_shown="", confined=True)
    except InvalidInput as error:
        raise error.at(error.path) from None


# --- checking the shape of the data ----------------------------------------------------


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _table(value: object, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> dict[str, object]:
    """``value`` as a table whose keys are all in ``allowed`` and include ``required``."""
    if not isinstance(value, dict):
        raise InvalidInput(path, "error.expected_table", kind=kind_of(value))
    known = list(allowed)
    for key in value:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            where = _at(path, shorten(str(key)))
            if close:
                raise InvalidInput(where, "error.unknown_key_hint", close=repr(close[0]))
            raise InvalidInput(where, "error.unknown_key", keys=", ".join(known))
    for key in required:
        if key not in value:
            raise InvalidInput(_at(path, key), "error.missing")
    return value


def _list(value: object, path: str) -> list[object]:
    if not isinstance(value, list):
        raise InvalidInput(path, "error.expected_list", kind=kind_of(value))
    return value


def _check_tree(data: object) -> None:
    """Refuse nesting deeper than any scenario needs and integers too large to mean anything."""
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > _MAX_DEPTH:
            raise InvalidInput(path, "error.nested_too_deeply")
        if isinstance(value, dict):
            stack.extend((item, _at(path, shorten(str(key))), depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_INTEGER:
            # str() refuses an integer of more than 4 300 digits: such a one is shown by its size.
            shown = f"{str(value)[:20]}…" if value.bit_length() < 10_000 else shown_integer(value)
            raise InvalidInput(path, "error.number_too_large", value=shown)


def _build(path: str, factory: Callable[..., _Built], /, **values: object) -> _Built:
    """``factory(**values)``, its errors placed under ``path``; French dates and amounts read first."""
    try:
        return factory(**{key: _french_form(key, value) for key, value in values.items()})
    except InvalidInput as error:
        raise error.within(path) from None


_DATE_KEYS = frozenset(
    ("as_of", "regional_authorisation_on", "start", "end", "decided_on", "executory_on", "paid_on", "on")
)
_DATE_KEYS |= frozenset(("applied_on", "selected_on", "signed_on", "financing_signed_on", "received_on"))
_DATE_KEYS |= frozenset(("granted_on",))
_MONEY_KEYS = frozenset(("amount", "total_cap", "operating_grant_per_year", "grant_per_contract", "grant"))
_MONEY_KEYS |= frozenset((*MONEY_FIGURES, *YEAR_MONEY_FIGURES))
#: The whole numbers of a scenario: JSON may write one ``9.0`` (JSON Schema takes it as an integer).
_WHOLE_KEYS = frozenset(
    (
        *("max_funded_contracts_per_year", "required_contracts", "members_in_office", "present", "proxies"),
        *("votes_for", "votes_against", "abstentions", "not_voting", "eligible_contracts", "index"),
        *("financial_statement_months", "final_report_months", "contract_copy_months", "programme_year", "covers"),
    )
)
_FRENCH_DATE = re.compile(r"\s*\d{1,2}/\d{1,2}/\d{4}\s*", re.ASCII)
_FRENCH_AMOUNT = re.compile("[,\u00a0\u202f €]")


def _french_form(key: str, value: object) -> object:
    """A date written ``05/09/2022`` or an amount written ``50 000,00`` in the form the value objects read;
    a whole number written ``9.0`` as the integer it is."""
    if isinstance(value, Decimal) and key in _WHOLE_KEYS and value == value.to_integral_value():
        return int(value)
    if isinstance(value, str):
        if key in _DATE_KEYS and _FRENCH_DATE.fullmatch(value):
            return day(value, key)
        if key in _MONEY_KEYS and _FRENCH_AMOUNT.search(value.strip()):
            return amount_text(value, key)
    return value


# --- from data to values ------------------------------------------------------------------


def _scenario_from_data(data: object, *, base: Path | None, base_shown: str, confined: bool) -> Scenario:
    """A :class:`Scenario` from parsed data (a dict as ``json.load`` or ``tomllib`` gives).

    ``base`` is the folder against which ``contracts_csv`` is resolved; without it
    a scenario that names a CSV file is refused. ``confined``: the file must lie
    within ``base`` (see :func:`_confined`); else only an absolute path is refused.
    """
    _check_tree(data)
    table = _table(data, "", _SCENARIO_KEYS, required=("name", "as_of", "convention"))
    sources: list[tuple[Contract, str]] = []
    for index, item in enumerate(_list(table.get("contracts", []), "contracts")):
        sources.append((_contract(item, f"contracts[{index}]"), f"contracts[{index}]"))
    errors: list[InvalidInput] = []  # the files the scenario names are all read before any is refused
    if "contracts_csv" in table:
        sources.extend(
            attempt(errors, lambda: _contracts_csv(table["contracts_csv"], base, base_shown, confined)) or []
        )
    read = attempt(errors, lambda: _documents(table.get("documents", []), base, base_shown, confined))
    if read is None or errors:
        raise all_wrong(errors)
    unique_references(sources)
    payments = [
        _payment(item, f"payments[{index}]") for index, item in enumerate(_list(table.get("payments", []), "payments"))
    ]
    documents, origins = read
    events = _list(table.get("limitation_events", []), "limitation_events")
    limitation_events = [_limitation_event(item, f"limitation_events[{index}]") for index, item in enumerate(events)]
    try:
        return _build(
            "",
            Scenario,
            name=table["name"],
            convention=_convention(table["convention"], "convention"),
            as_of=table["as_of"],
            regional_authorisation_on=table.get("regional_authorisation_on"),
            contracts=[contract for contract, _ in sources],
            payments=payments,
            financing_signed_on=table.get("financing_signed_on"),
            documents=documents,
            limitation_events=limitation_events,
            de_minimis_aid=_aid_list(table.get("de_minimis_aid", [])),
            covers=_list(table.get("covers", []), "covers"),
            expect=None if "expect" not in table else _expectation(table["expect"], "expect"),
        )
    except InvalidInput as error:
        raise placed_in_rows(error, origins) from None


def _contracts_csv(name: object, base: Path | None, base_shown: str, confined: bool) -> list[tuple[Contract, str]]:
    """The contracts of the spreadsheet export a scenario names (``contracts_csv``), each with its row."""
    text, shown = _named_file(name, "contracts_csv", base, base_shown, confined)
    return contract_records(text, shown)


def _named_file(name: object, key: str, base: Path | None, base_shown: str, confined: bool) -> tuple[str, str]:
    """The text of the spreadsheet export a scenario names under ``key``, and the file as the user would name it."""
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput(key, "error.expected_csv_path", kind=kind_of(name))
    if base is None:
        raise InvalidInput(key, "error.csv_needs_base")
    if confined:
        file = _confined(base, name, key)
    elif os.path.isabs(name):
        raise InvalidInput(key, "error.absolute_csv_path")
    else:
        file = base / name
    shown = os.path.join(base_shown, name) if base_shown else name
    text, _ = _read_spreadsheet_text(file, shown, confined=confined)
    return text, shown


def _documents(
    value: object, base: Path | None, base_shown: str, confined: bool
) -> tuple[list[Document], list[RowOrigin | None]]:
    """The documents of a scenario, listed or read from the CSV file it names, and the row each came from."""
    if isinstance(value, str):
        text, shown = _named_file(value, "documents", base, base_shown, confined)
        read, rows = document_records(text, shown)
        return list(read), list(rows)
    items = _list(value, "documents")
    listed = [_document(item, f"documents[{index}]") for index, item in enumerate(items)]
    return listed, [None] * len(listed)


def _aid_list(value: object) -> list[DeMinimisAid]:
    """The other de minimis aid the startups received, each a table of ``siren``, ``granted_on`` and ``amount``."""
    aid: list[DeMinimisAid] = []
    for index, item in enumerate(_list(value, "de_minimis_aid")):
        path = f"de_minimis_aid[{index}]"
        aid.append(_build(path, DeMinimisAid, **_table(item, path, _AID_KEYS, _AID_KEYS)))
    return aid


def _document(value: object, path: str) -> Document:
    table = _table(value, path, _DOCUMENT_KEYS, required=("kind", "received_on"))
    return _build(path, Document, **table)


def _convention(value: object, path: str) -> Convention:
    if isinstance(value, str):
        value = {"preset": value}
    table = _table(value, path, ("preset", *_CONVENTION_KEYS))
    changes: dict[str, object] = {key: item for key, item in table.items() if key != "preset"}
    if "period" in changes:
        period = _table(changes["period"], _at(path, "period"), _PERIOD_KEYS, required=_PERIOD_KEYS)
        changes["period"] = _build(_at(path, "period"), Period, **period)
    if "deliberation" in changes:
        changes["deliberation"] = _deliberation(changes["deliberation"], _at(path, "deliberation"))
    if "financing" in changes:
        changes["financing"] = _financing(changes["financing"], _at(path, "financing"))
    for field in attrs.fields(Convention):
        if changes.get(field.name, True) is False and field.default is None:
            changes[field.name] = None  # TOML has no null: a scenario writes false for "none"
    for key in ("territory", "eligible_sectors"):
        if key in changes:
            items = _list(changes[key], _at(path, key))
            changes[key] = [sector_of(item) for item in items] if key == "eligible_sectors" else items
    if "preset" in table:
        preset = table["preset"]
        if not isinstance(preset, str) or preset.strip().lower() not in PRESETS:
            names = ", ".join(PRESETS)
            shown = repr(shorten(preset)) if isinstance(preset, str) else kind_of(preset)
            raise InvalidInput(_at(path, "preset"), "error.unknown_preset", value=shown, presets=names)
        return _build(path, PRESETS[preset.strip().lower()].replace, **changes)
    required = [field.name for field in attrs.fields(Convention) if field.default is attrs.NOTHING]
    _table(table, path, ("preset", *_CONVENTION_KEYS), required=required)
    return _build(path, Convention, **changes)


def _deliberation(value: object, path: str) -> Deliberation | None:
    if value is None or value is False:
        return None
    table = _table(value, path, _DELIBERATION_KEYS, required=_DELIBERATION_REQUIRED)
    return _build(path, Deliberation, **table)


def _financing(value: object, path: str) -> FinancingTerms | None:
    """The financing terms: a table of the parameters that differ from the assumed ones; false or null: none."""
    if value is None or value is False:
        return None
    table = _table(value, path, _FINANCING_KEYS)
    return _build(path, FinancingTerms, **table)


def _contract(value: object, path: str) -> Contract:
    table = _table(value, path, _CONTRACT_KEYS, required=("reference", "startup", "signed_on"))
    startup_path = _at(path, "startup")
    startup = _table(table["startup"], startup_path, _STARTUP_KEYS, required=("name", "head_office", "sector"))
    return _build(
        path,
        Contract,
        reference=table["reference"],
        startup=_build(startup_path, Startup, **{**startup, "sector": sector_of(startup["sector"])}),
        applied_on=table.get("applied_on"),
        selected_on=table.get("selected_on"),
        signed_on=table["signed_on"],
    )


def _payment(value: object, path: str) -> Payment:
    table = _table(value, path, _PAYMENT_KEYS, required=_PAYMENT_KEYS)
    return _build(path, Payment, **table)


def _limitation_event(value: object, path: str) -> LimitationEvent:
    table = _table(value, path, _LIMITATION_EVENT_KEYS, required=_LIMITATION_EVENT_KEYS)
    return _build(path, LimitationEvent, **table)


def _expectation(value: object, path: str) -> Expectation:
    table = _table(value, path, _EXPECT_KEYS)
    values: dict[str, object] = {key: item for key, item in table.items() if key not in ("years", "contracts")}
    years_path = _at(path, "years")
    values["years"] = [
        _build(
            f"{years_path}[{index}]",
            ExpectedYear,
            **_table(item, f"{years_path}[{index}]", _EXPECTED_YEAR_KEYS, ("index",)),
        )
        for index, item in enumerate(_list(table.get("years", []), years_path))
    ]
    contracts_path = _at(path, "contracts")
    contracts = table.get("contracts", {})
    if not isinstance(contracts, dict):
        raise InvalidInput(contracts_path, "error.expected_expected_contracts", kind=kind_of(contracts))
    expected: list[ExpectedContract] = []
    for reference, item in contracts.items():
        item_path = f"{contracts_path}[{shorten(reference)!r}]"
        fields = {"status": item} if isinstance(item, str) else _table(item, item_path, _EXPECTED_CONTRACT_KEYS)
        expected.append(_build(item_path, ExpectedContract, reference=reference, **fields))
    values["contracts"] = expected
    return _build(path, Expectation, **values)
