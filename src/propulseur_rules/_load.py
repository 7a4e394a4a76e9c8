"""Scenario files (TOML, JSON) and contract lists (CSV): reading, checking and writing.

The loader checks the shape of a file (tables, lists, known keys) and leaves the
meaning of each value to the value objects, whose errors it places under the
path of the field (``contracts[3].signed_on``) and the name of the file, with
the line for a CSV file. Whatever the input, the only exception that leaves this
module is :class:`~propulseur_rules.InvalidInput`.

cattrs was considered and set aside: when an attrs validator fails it reports the
object rather than the field, and it has no ``Decimal`` support.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import difflib
import io
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import attrs

from ._convention import DIJON_2022, Convention
from ._errors import InvalidInput, shorten, shown, shown_integer
from ._model import Contract, Deliberation, Payment, Period, Sector, Startup, name_key
from ._money import money_text
from ._scenario import MONEY_FIGURES, YEAR_MONEY_FIGURES, Expectation, ExpectedContract, ExpectedYear, Scenario

__all__ = [
    "CSV_COLUMNS",
    "MAX_FILE_BYTES",
    "PAYMENT_CSV_COLUMNS",
    "PRESETS",
    "dump_scenario",
    "load_contracts_csv",
    "load_payments_csv",
    "load_scenario",
    "loads_scenario",
    "scenario_from_data",
    "scenario_from_text",
    "scenario_to_data",
]

#: Files larger than this are refused before they are parsed.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: The conventions a scenario can name with ``preset``.
PRESETS: dict[str, Convention] = {"dijon-2022": DIJON_2022}
#: The columns of a contracts CSV file; ``startup`` is the startup's name.
CSV_COLUMNS = ("reference", "startup", "head_office", "sector", "siren", "applied_on", "selected_on", "signed_on")
_CSV_REQUIRED = ("reference", "startup", "head_office", "sector", "signed_on")
#: The columns of a payments CSV file, all required.
PAYMENT_CSV_COLUMNS = ("reference", "paid_on", "amount")

_MAX_DEPTH = 16
_MAX_INTEGER = 10**15
_MAX_NUMBER_TEXT = 40
_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_FRENCH_SECTORS = {name_key(sector.label("fr")): sector for sector in Sector}

_SCENARIO_KEYS = (
    "$schema",
    "name",
    "as_of",
    "regional_authorisation_on",
    "convention",
    "contracts",
    "contracts_csv",
    "payments",
    "covers",
    "expect",
)
_CONVENTION_KEYS = tuple(field.name for field in attrs.fields(Convention))
_PERIOD_KEYS = ("start", "end")
_DELIBERATION_KEYS = tuple(field.name for field in attrs.fields(Deliberation))
_CONTRACT_KEYS = ("reference", "startup", "applied_on", "selected_on", "signed_on")
_STARTUP_KEYS = ("name", "head_office", "sector", "siren")
_PAYMENT_KEYS = ("reference", "paid_on", "amount")
_EXPECT_KEYS = (*MONEY_FIGURES, "eligible_contracts", "target_met", "unmet", "years", "contracts")
_EXPECTED_YEAR_KEYS = ("index", *YEAR_MONEY_FIGURES, "funded", "supplementary", "over_annual_limit")
_EXPECTED_CONTRACT_KEYS = ("status", "grant", "programme_year", "unmet")

_Built = TypeVar("_Built")


class _FileError(InvalidInput):
    """An error whose path already names its file (and line): not prefixed again."""

    def plain(self) -> InvalidInput:
        """The same error as a plain :class:`InvalidInput`, as the public functions raise it."""
        return InvalidInput(self.path, self.reason)


# --- public functions -----------------------------------------------------------------


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario from a ``.toml`` or ``.json`` file.

    Every problem raises :class:`InvalidInput` whose path names the file and the
    field (``scenario.toml: contracts[3].signed_on``).
    """
    file = _file_path(path)
    shown = str(path)
    try:
        text = _read_text(file, shown)
    except _FileError as error:
        raise error.plain() from None
    return scenario_from_text(text, file.suffix, source=shown, base=file.parent)


def scenario_from_text(
    text: str, suffix: str, *, source: str | None, base: Path | None = None, confined: bool = False
) -> Scenario:
    """A scenario from the text of a ``.toml`` or ``.json`` file; errors name ``source`` (none: no file).

    ``base`` is the folder against which ``contracts_csv`` is resolved (none: a
    scenario that names a CSV file is refused); ``confined`` keeps it within ``base``.
    """
    try:
        if suffix.lower() == ".toml":
            data: object = _parse_toml(text)
        elif suffix.lower() == ".json":
            data = _parse_json(text)
        else:
            raise InvalidInput("", "expected a .toml or .json scenario file")
        base_shown = os.path.dirname(source) if base is not None and source is not None else ""
        return _scenario_from_data(data, base=base, base_shown=base_shown, confined=confined)
    except _FileError as error:
        raise error.plain() from None
    except InvalidInput as error:
        if source is None:
            raise InvalidInput(error.path, error.reason) from None
        raise _in_file(source, error).plain() from None


def loads_scenario(text: str, format: str, *, base_dir: str | os.PathLike[str] | None = None) -> Scenario:
    """A scenario from the text of a TOML or JSON document; ``format`` is ``"toml"`` or ``"json"``.

    Nothing is read from the file system unless ``base_dir`` is given; then a
    ``contracts_csv`` the scenario names must lie within that folder: a relative
    path, no ``..``, no symbolic link leading out. Errors name the field
    (``contracts[3].signed_on``) and never a file of the caller's:

    >>> text = 'name = "Nothing signed yet."\\nas_of = 2023-01-01\\nconvention = "dijon-2022"\\n'
    >>> loads_scenario(text, "toml").assess().accrued
    Decimal('20000.00')
    >>> try:
    ...     loads_scenario(text + 'contracts_csv = "/etc/passwd"\\n', "toml", base_dir=".")
    ... except InvalidInput as error:
    ...     print(error)
    contracts_csv: must be a path relative to the base folder, not an absolute one
    """
    if not isinstance(text, str):
        raise InvalidInput("text", f"expected the text of a scenario, not {type(text).__name__}")
    if not isinstance(format, str) or format.strip().lower().lstrip(".") not in ("toml", "json"):
        raise InvalidInput("format", f"{shown(format, 20)} is not a scenario format; expected toml or json")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise InvalidInput("text", f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    suffix = "." + format.strip().lower().lstrip(".")
    return scenario_from_text(text, suffix, source=None, base=_base_folder(base_dir), confined=True)


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
        raise InvalidInput(error.path, error.reason) from None


def load_contracts_csv(path: str | os.PathLike[str]) -> tuple[Contract, ...]:
    """Read contracts from a CSV file, as a spreadsheet exports them.

    UTF-8 with or without a byte order mark; comma or semicolon separated (read
    from the header line); dates as ``YYYY-MM-DD`` or ``DD/MM/YYYY``. The columns
    are those of :data:`CSV_COLUMNS`; ``siren``, ``applied_on`` and
    ``selected_on`` may be left out or empty. An error names the file, the line
    and the column: ``contracts.csv:4: signed_on: '31/02/2023' is not a day of the calendar``.
    """
    file = _file_path(path)
    shown = str(path)
    try:
        return _contracts_from_csv(_read_text(file, shown), shown)
    except _FileError as error:
        raise error.plain() from None
    except InvalidInput as error:
        raise _in_file(shown, error).plain() from None


def load_payments_csv(path: str | os.PathLike[str]) -> tuple[Payment, ...]:
    """Read payments from a CSV file with the columns of :data:`PAYMENT_CSV_COLUMNS`.

    Read like :func:`load_contracts_csv`: an error names the file, the line and the column.
    """
    file = _file_path(path)
    shown = str(path)
    try:
        rows = _csv_rows(_read_text(file, shown), shown, PAYMENT_CSV_COLUMNS, PAYMENT_CSV_COLUMNS)
        payments = [(_csv_payment(row, where), where) for row, where in rows]
        _unique_references(payments)
    except _FileError as error:
        raise error.plain() from None
    return tuple(payment for payment, _ in payments)


def dump_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario to a ``.toml`` or ``.json`` file that :func:`load_scenario` reads back equal.

    Contracts are written inline, whatever file they came from.
    """
    if not isinstance(scenario, Scenario):
        raise InvalidInput("scenario", f"expected a Scenario, not {type(scenario).__name__}")
    file = _file_path(path)
    suffix = file.suffix.lower()
    if suffix == ".toml":
        content = _toml_document(scenario_to_data(scenario))
    elif suffix == ".json":
        content = json.dumps(scenario_to_data(scenario), ensure_ascii=False, indent=2, default=_json_default) + "\n"
    else:
        raise InvalidInput(str(path), "expected a .toml or .json scenario file")
    try:
        file.write_text(content, encoding="utf-8")
    except OSError as error:
        raise InvalidInput(str(path), f"cannot be written: {error.strerror or error}") from None


# --- files named by a scenario ------------------------------------------------------------

_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:", re.ASCII)


def _base_folder(base_dir: object) -> Path | None:
    """The folder a scenario's files are confined to, resolved; never named in an error."""
    if base_dir is None:
        return None
    if not isinstance(base_dir, (str, os.PathLike)):
        raise InvalidInput("base_dir", f"expected a folder path, not {type(base_dir).__name__}")
    try:
        folder = Path(base_dir).resolve(strict=True)
        is_folder = folder.is_dir()
    except (OSError, RuntimeError, ValueError, TypeError):
        is_folder = False
    if not is_folder:
        raise InvalidInput("base_dir", "is not an existing folder")
    return folder


def _confined(base: Path, name: str, path: str) -> Path:
    """The file ``name`` within ``base``: a relative path with no ``..`` that resolves inside ``base``.

    The name is checked as text first (on every system: ``/``, ``\\``, a drive
    letter), then resolved, so that a symbolic link leading out is refused too.
    """
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(name) or os.path.isabs(name):
        raise InvalidInput(path, "must be a path relative to the base folder, not an absolute one")
    if ".." in (part.strip() for part in parts):
        raise InvalidInput(path, "must stay within the base folder: '..' is not allowed")
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        raise InvalidInput(path, "is not a file name: it holds a control character")
    try:
        file = (base / name).resolve(strict=False)
        inside = file.is_relative_to(base) and file != base
    except (OSError, RuntimeError, ValueError):
        inside = False
    if not inside:
        raise InvalidInput(path, "must name a file within the base folder (a symbolic link may not lead out)")
    return file


# --- reading files --------------------------------------------------------------------


def _file_path(path: object) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidInput("path", f"expected a file path, not {type(path).__name__}")
    try:
        return Path(path)
    except (TypeError, ValueError) as error:
        raise InvalidInput("path", f"is not a file path: {error}") from None


def _read_text(file: Path, shown: str) -> str:
    """The UTF-8 text of a file (a byte order mark is dropped), within the size limit."""
    try:
        with file.open("rb") as stream:
            content = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _FileError(shown, "no such file") from None
    except IsADirectoryError:
        raise _FileError(shown, "is a folder, not a file") from None
    except PermissionError:
        raise _FileError(shown, "cannot be read: permission denied") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _FileError(shown, f"cannot be read: {reason}") from None
    if len(content) > MAX_FILE_BYTES:
        raise _FileError(shown, f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise _FileError(
            f"{shown}:{line}",
            f"is not UTF-8 text (byte 0x{content[error.start]:02x}); save it as UTF-8 (« CSV UTF-8 » in a spreadsheet)",
        ) from None
    if not text.strip():
        raise _FileError(shown, "is empty")
    return text


def _parse_toml(text: str) -> object:
    try:
        return tomllib.loads(text, parse_float=_decimal)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput("", f"is not valid TOML: {error}") from None
    except RecursionError:
        raise InvalidInput("", "is nested too deeply") from None
    except InvalidInput:  # from _decimal: a float too long or too large
        raise
    except ValueError:  # from int(): an integer of more than 4 300 digits
        raise InvalidInput("", "is not valid TOML: an integer has too many digits") from None


def _parse_json(text: str) -> object:
    try:
        return json.loads(
            text,
            parse_float=_decimal,
            parse_int=_integer,
            parse_constant=_refuse_constant,
            object_pairs_hook=_object_without_duplicates,
        )
    except json.JSONDecodeError as error:
        raise InvalidInput("", f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except RecursionError:
        raise InvalidInput("", "is nested too deeply") from None


def _decimal(text: str) -> Decimal:
    if len(text) > _MAX_NUMBER_TEXT:
        raise InvalidInput("", f"the number {text[:20]}… is too long")
    try:
        number = Decimal(text)
    except (decimal.InvalidOperation, ValueError):
        raise InvalidInput("", f"{text} is too large or too small a number") from None
    if not number.is_finite() or abs(number.adjusted()) > 30:
        raise InvalidInput("", f"{text} is too large or too small a number")
    return number


def _integer(text: str) -> int:
    if len(text) > _MAX_NUMBER_TEXT:
        raise InvalidInput("", f"the number {text[:20]}… is too long")
    return int(text)


def _refuse_constant(name: str) -> NoReturn:
    raise InvalidInput("", f"{name} is not a number that can be used")


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise InvalidInput(key, "is given twice in the same object")
        data[key] = value
    return data


def _in_file(shown: str, error: InvalidInput) -> _FileError:
    if not error.path:
        return _FileError(shown, error.reason)
    return _FileError(f"{shown}: {error.path}", error.reason)


# --- checking the shape of the data ----------------------------------------------------


def _at(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, (Decimal, float)):
        return "a number"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dt.time):
        return "a time of day"
    return type(value).__name__


def _table(value: object, path: str, allowed: Iterable[str], required: Iterable[str] = ()) -> dict[str, object]:
    """``value`` as a table whose keys are all in ``allowed`` and include ``required``."""
    if not isinstance(value, dict):
        raise InvalidInput(path, f"expected a table, not {_kind(value)}")
    known = list(allowed)
    for key in value:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; the keys are {', '.join(known)}"
            raise InvalidInput(_at(path, shorten(str(key))), f"is not a known key{hint}")
    for key in required:
        if key not in value:
            raise InvalidInput(_at(path, key), "is missing")
    return value


def _list(value: object, path: str) -> list[object]:
    if not isinstance(value, list):
        raise InvalidInput(path, f"expected a list, not {_kind(value)}")
    return value


def _check_tree(data: object) -> None:
    """Refuse nesting deeper than any scenario needs and integers too large to mean anything."""
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > _MAX_DEPTH:
            raise InvalidInput(path, "is nested too deeply")
        if isinstance(value, dict):
            stack.extend((item, _at(path, shorten(str(key))), depth + 1) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value))
        elif isinstance(value, int) and not isinstance(value, bool) and abs(value) > _MAX_INTEGER:
            # str() refuses an integer of more than 4 300 digits: such a one is shown by its size.
            shown = f"{str(value)[:20]}…" if value.bit_length() < 10_000 else shown_integer(value)
            raise InvalidInput(path, f"{shown} is too large a number")


def _build(path: str, factory: Callable[..., _Built], /, **values: object) -> _Built:
    """``factory(**values)``, its errors placed under ``path``."""
    try:
        return factory(**values)
    except InvalidInput as error:
        raise error.within(path) from None


# --- from data to a scenario -------------------------------------------------------------


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
    if "contracts_csv" in table:
        csv_name = table["contracts_csv"]
        if not isinstance(csv_name, str) or not csv_name.strip():
            raise InvalidInput("contracts_csv", f"expected the path of a CSV file, not {_kind(csv_name)}")
        if base is None:
            raise InvalidInput(
                "contracts_csv", "a CSV file can only be named by a scenario read from a file or given a base_dir"
            )
        if confined:
            file = _confined(base, csv_name, "contracts_csv")
        elif os.path.isabs(csv_name):
            raise InvalidInput("contracts_csv", "must be a path relative to the scenario file, not an absolute one")
        else:
            file = base / csv_name
        csv_shown = os.path.join(base_shown, csv_name) if base_shown else csv_name
        text = _read_text(file, csv_shown)
        sources.extend(_csv_records(text, csv_shown))
    _unique_references(sources)
    payments = [
        _payment(item, f"payments[{index}]") for index, item in enumerate(_list(table.get("payments", []), "payments"))
    ]
    return _build(
        "",
        Scenario,
        name=table["name"],
        convention=_convention(table["convention"], "convention"),
        as_of=table["as_of"],
        regional_authorisation_on=table.get("regional_authorisation_on"),
        contracts=[contract for contract, _ in sources],
        payments=payments,
        covers=_list(table.get("covers", []), "covers"),
        expect=None if "expect" not in table else _expectation(table["expect"], "expect"),
    )


def _unique_references(sources: Iterable[tuple[Contract | Payment, str]]) -> None:
    """No reference used twice; an origin is ``contracts[3]`` or, for a CSV row, ``file.csv:4``."""
    seen: dict[str, str] = {}
    for contract, origin in sources:
        if contract.reference in seen:
            reason = f"{contract.reference!r} is used twice (also {seen[contract.reference]})"
            if origin.startswith("contracts["):
                raise InvalidInput(f"{origin}.reference", reason)
            raise _FileError(f"{origin}: reference", reason)
        seen[contract.reference] = origin


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
    for field in attrs.fields(Convention):
        if changes.get(field.name, True) is False and field.default is None:
            changes[field.name] = None  # TOML has no null: a scenario writes false for "none"
    for key in ("territory", "eligible_sectors"):
        if key in changes:
            items = _list(changes[key], _at(path, key))
            changes[key] = [_sector(item) for item in items] if key == "eligible_sectors" else items
    if "preset" in table:
        preset = table["preset"]
        if not isinstance(preset, str) or preset.strip().lower() not in PRESETS:
            names = ", ".join(PRESETS)
            shown = repr(shorten(preset)) if isinstance(preset, str) else _kind(preset)
            raise InvalidInput(_at(path, "preset"), f"{shown} is not a known convention; the presets are {names}")
        return _build(path, PRESETS[preset.strip().lower()].replace, **changes)
    required = [field.name for field in attrs.fields(Convention) if field.default is attrs.NOTHING]
    _table(table, path, ("preset", *_CONVENTION_KEYS), required=required)
    return _build(path, Convention, **changes)


def _deliberation(value: object, path: str) -> Deliberation | None:
    if value is None or value is False:
        return None
    table = _table(value, path, _DELIBERATION_KEYS, required=_DELIBERATION_KEYS)
    return _build(path, Deliberation, **table)


def _sector(value: object) -> object:
    """A sector's English value, or its French name as the deliberation writes it (« santé »)."""
    if isinstance(value, str):
        return _FRENCH_SECTORS.get(name_key(value), value)
    return value


def _contract(value: object, path: str) -> Contract:
    table = _table(value, path, _CONTRACT_KEYS, required=("reference", "startup", "signed_on"))
    startup_path = _at(path, "startup")
    startup = _table(table["startup"], startup_path, _STARTUP_KEYS, required=("name", "head_office", "sector"))
    return _build(
        path,
        Contract,
        reference=table["reference"],
        startup=_build(startup_path, Startup, **{**startup, "sector": _sector(startup["sector"])}),
        applied_on=table.get("applied_on"),
        selected_on=table.get("selected_on"),
        signed_on=table["signed_on"],
    )


def _payment(value: object, path: str) -> Payment:
    table = _table(value, path, _PAYMENT_KEYS, required=_PAYMENT_KEYS)
    return _build(path, Payment, **table)


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
        raise InvalidInput(contracts_path, f"expected a table of contract references, not {_kind(contracts)}")
    expected: list[ExpectedContract] = []
    for reference, item in contracts.items():
        item_path = f"{contracts_path}[{shorten(reference)!r}]"
        fields = {"status": item} if isinstance(item, str) else _table(item, item_path, _EXPECTED_CONTRACT_KEYS)
        expected.append(_build(item_path, ExpectedContract, reference=reference, **fields))
    values["contracts"] = expected
    return _build(path, Expectation, **values)


# --- CSV ---------------------------------------------------------------------------------


def _contracts_from_csv(text: str, shown: str) -> tuple[Contract, ...]:
    sources = _csv_records(text, shown)
    _unique_references(sources)
    return tuple(contract for contract, _ in sources)


_PLAIN_COLUMN = re.compile(r"[a-z_][a-z0-9_ -]{0,39}", re.ASCII)


def _csv_records(text: str, shown: str) -> list[tuple[Contract, str]]:
    """The contracts of a CSV text, each with its origin ``file.csv:4`` for error messages."""
    return [(_csv_contract(row, where), where) for row, where in _csv_rows(text, shown, CSV_COLUMNS, _CSV_REQUIRED)]


def _csv_rows(
    text: str, shown: str, columns: tuple[str, ...], required: tuple[str, ...]
) -> list[tuple[dict[str, str], str]]:
    """The non-empty rows of a CSV text as ``{column: cell}``, each with its origin ``file.csv:4``."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[dict[str, str], str]] = []
    try:
        header = [name.strip().lower() for name in next(reader)]
        for position, name in enumerate(header):
            if name not in columns:
                close = difflib.get_close_matches(name, columns, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; the columns are {', '.join(columns)}"
                # Only a short, plain header close to a known column (a typo) is repeated:
                # a file that is not a CSV export (one named by mistake, or on purpose) must
                # not have its content shown.
                named = f", {name!r}," if close and _PLAIN_COLUMN.fullmatch(name) else ""
                raise _FileError(f"{shown}:1", f"column {position + 1}{named} is not a known column{hint}")
            if header.index(name) != position:
                raise _FileError(f"{shown}:1", f"the column {name!r} is given twice")
        for name in required:
            if name not in header:
                raise _FileError(f"{shown}:1", f"the column {name!r} is missing (the columns are {', '.join(columns)})")
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise _FileError(f"{shown}:{line}", f"has {len(row)} fields where the header has {len(header)}")
            where = f"{shown}:{line}"
            cells = dict(zip(header, row, strict=True))
            for column in required:
                if not cells[column].strip():
                    raise _FileError(f"{where}: {column}", "is empty")
            rows.append((cells, where))
    except csv.Error as error:
        raise _FileError(f"{shown}:{reader.line_num}", f"is not valid CSV: {error}") from None
    except StopIteration:
        raise _FileError(shown, "is empty") from None
    return rows


def _csv_contract(row: dict[str, str], where: str) -> Contract:
    def date(column: str) -> dt.date | None:
        return _csv_date(row.get(column, ""), f"{where}: {column}")

    try:
        startup = Startup(
            name=row["startup"],
            head_office=row["head_office"],
            sector=_sector(row["sector"]),
            siren=row.get("siren") or None,
        )
    except InvalidInput as error:
        column = "startup" if error.path == "name" else error.path
        raise _FileError(f"{where}: {column}", error.reason) from None
    try:
        return Contract(
            reference=row["reference"],
            startup=startup,
            applied_on=date("applied_on"),
            selected_on=date("selected_on"),
            signed_on=date("signed_on"),
        )
    except _FileError:
        raise
    except InvalidInput as error:
        raise _FileError(f"{where}: {error.path}", error.reason) from None


def _csv_payment(row: dict[str, str], where: str) -> Payment:
    paid_on = _csv_date(row["paid_on"], f"{where}: paid_on")
    try:
        return Payment(reference=row["reference"], paid_on=paid_on, amount=row["amount"].strip())
    except InvalidInput as error:
        raise _FileError(f"{where}: {error.path}", error.reason) from None


def _csv_date(value: str, path: str) -> dt.date | None:
    text = value.strip()
    if not text:
        return None
    match = _FRENCH_DATE.fullmatch(text)
    if match is None:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise _FileError(path, f"{text!r} is not a day of the calendar") from None
        raise _FileError(path, f"{shorten(text)!r} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _FileError(path, f"{text!r} is not a day of the calendar") from None


# --- from a scenario to data ----------------------------------------------------------------


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as data that :func:`scenario_from_data` reads back equal (dates as ``date``)."""
    data: dict[str, Any] = {"name": scenario.name, "as_of": scenario.as_of}
    if scenario.regional_authorisation_on is not None:
        data["regional_authorisation_on"] = scenario.regional_authorisation_on
    if scenario.covers:
        data["covers"] = [clause.value for clause in scenario.covers]
    data["convention"] = _convention_data(scenario.convention)
    data["contracts"] = [_contract_data(contract) for contract in scenario.contracts]
    data["payments"] = [
        {"reference": payment.reference, "paid_on": payment.paid_on, "amount": money_text(payment.amount)}
        for payment in scenario.payments
    ]
    if scenario.expect is not None:
        data["expect"] = _expectation_data(scenario.expect)
    return data


def _field_data(convention: Convention, name: str) -> object:
    value = getattr(convention, name)
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, Period):
        return {"start": value.start, "end": value.end}
    if isinstance(value, Deliberation):
        return {field.name: getattr(value, field.name) for field in attrs.fields(Deliberation)}
    if value is None:
        return False
    if name == "territory":
        return sorted(value)
    if name == "eligible_sectors":
        return sorted(sector.value for sector in value)
    if hasattr(value, "value"):
        return value.value
    return value


def _convention_data(convention: Convention) -> dict[str, Any]:
    names = [field.name for field in attrs.fields(Convention)]
    best: tuple[str, list[str]] | None = None
    for preset_name, preset in PRESETS.items():
        changed = [name for name in names if getattr(preset, name) != getattr(convention, name)]
        if best is None or len(changed) < len(best[1]):
            best = (preset_name, changed)
    if best is not None and len(best[1]) <= len(names) // 2:
        return {"preset": best[0], **{name: _field_data(convention, name) for name in best[1]}}
    full = {name: _field_data(convention, name) for name in names}
    if convention.deliberation is None:
        del full["deliberation"]
    return full


def _contract_data(contract: Contract) -> dict[str, Any]:
    startup: dict[str, Any] = {
        "name": contract.startup.name,
        "head_office": contract.startup.head_office,
        "sector": contract.startup.sector.value,
    }
    if contract.startup.siren is not None:
        startup["siren"] = contract.startup.siren
    data: dict[str, Any] = {"reference": contract.reference, "startup": startup}
    for name in ("applied_on", "selected_on", "signed_on"):
        if getattr(contract, name) is not None:
            data[name] = getattr(contract, name)
    return data


def _optional_fields(value: object, names: Iterable[str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in names:
        item = getattr(value, name)
        if item is None:
            continue
        if isinstance(item, Decimal):
            data[name] = money_text(item)
        elif isinstance(item, tuple):
            data[name] = [getattr(element, "value", element) for element in item]
        else:
            data[name] = getattr(item, "value", item)
    return data


def _expectation_data(expect: Expectation) -> dict[str, Any]:
    data = _optional_fields(expect, (*MONEY_FIGURES, "eligible_contracts", "target_met", "unmet"))
    if expect.years:
        data["years"] = [_optional_fields(year, _EXPECTED_YEAR_KEYS) for year in expect.years]
    if expect.contracts:
        contracts: dict[str, Any] = {}
        for contract in expect.contracts:
            fields = _optional_fields(contract, _EXPECTED_CONTRACT_KEYS)
            contracts[contract.reference] = fields["status"] if list(fields) == ["status"] else fields
        data["contracts"] = contracts
    return data


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON data")  # pragma: no cover - scenario_to_data gives no other


# --- a small TOML writer for the data above -----------------------------------------------


def _toml_document(data: Mapping[str, Any]) -> str:
    lines: list[str] = []
    tables: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) or (isinstance(value, list) and value and isinstance(value[0], dict)):
            tables.append((key, value))
        elif not (isinstance(value, list) and not value and key in ("contracts", "payments")):
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    for key, value in tables:
        lines += _toml_table(key, value)
    return "\n".join(lines) + "\n"


def _toml_table(name: str, value: Any) -> list[str]:
    if isinstance(value, list):
        lines: list[str] = []
        for item in value:
            lines += [
                "",
                f"[[{name}]]",
                *(f"{_toml_key(key)} = {_toml_value(element)}" for key, element in item.items()),
            ]
        return lines
    lines = ["", f"[{name}]"]
    subtables = []
    for key, element in value.items():
        if name == "expect" and key in ("years", "contracts"):
            subtables.append((f"{name}.{key}", element))
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(element)}")
    for subname, element in subtables:
        lines += _toml_table(subname, element)
    return lines


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key, re.ASCII) else _toml_string(key)


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(key)} = {_toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(
        f"{type(value).__name__} has no TOML form here"
    )  # pragma: no cover - scenario_to_data gives no other
