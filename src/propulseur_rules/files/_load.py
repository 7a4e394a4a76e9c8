"""Scenario files and texts, TOML or JSON: parsed with the standard library, then read as data.

``load_scenario`` reads a file the user names; ``loads_scenario`` reads the text
of a request and no file unless given a folder (see ``_load_files``).
"""

from __future__ import annotations

import decimal
import json
import os
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

from ..words._errors import InvalidInput, kind_of, shown
from ._dump import dump_scenario
from ._gathered import InputsWrong
from ._load_csv import load_contracts_csv, load_payments_csv
from ._load_data import _scenario_from_data, scenario_from_data
from ._load_files import MAX_FILE_BYTES, _base_folder, _file_path, _FileError, _in_file, _read_text
from ._scenario import Scenario

# dump_scenario, load_contracts_csv, load_payments_csv and scenario_from_data are
# named here too for the package's lazy names; ``propulseur_rules.files`` is their public home.
__all__ = [
    "MAX_FILE_BYTES",
    "dump_scenario",
    "load_contracts_csv",
    "load_payments_csv",
    "load_scenario",
    "loads_scenario",
    "scenario_from_data",
    "scenario_from_text",
]

_MAX_NUMBER_TEXT = 40


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
            raise InvalidInput("", "error.not_a_scenario_file")
        base_shown = os.path.dirname(source) if base is not None and source is not None else ""
        return _scenario_from_data(data, base=base, base_shown=base_shown, confined=confined)
    except InputsWrong as error:  # the files the scenario names, each error in its own file
        raise error.placed_in(source) from None
    except _FileError as error:
        raise error.plain() from None
    except InvalidInput as error:
        if source is None:
            raise error.at(error.path) from None
        raise _in_file(source, error).plain() from None


def loads_scenario(text: str, format: str, *, base_dir: str | os.PathLike[str] | None = None) -> Scenario:
    """A scenario from the text of a TOML or JSON document; ``format`` is ``"toml"`` or ``"json"``.

    Nothing is read from the file system unless ``base_dir`` is given; then a
    ``contracts_csv`` the scenario names must lie within that folder: a relative
    path, no ``..``, no symbolic link leading out, a regular file (no named pipe,
    socket or device) with a single link. A key given twice is refused, which
    parsed data can no longer show: a service gives this function its raw body.
    Errors name the field (``contracts[3].signed_on``) and never a file of the caller's:

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
        raise InvalidInput("text", "error.expected_scenario_text", type=kind_of(text))
    if not isinstance(format, str) or format.strip().lower().lstrip(".") not in ("toml", "json"):
        raise InvalidInput("format", "error.not_a_scenario_format", value=shown(format, 20))
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise InvalidInput("text", "error.too_large", size=str(MAX_FILE_BYTES // (1024 * 1024)))
    suffix = "." + format.strip().lower().lstrip(".")
    return scenario_from_text(text, suffix, source=None, base=_base_folder(base_dir), confined=True)


# --- parsing ---------------------------------------------------------------------------


def _parse_toml(text: str) -> object:
    try:
        return tomllib.loads(text, parse_float=_decimal)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput("", "error.bad_toml", detail=str(error)) from None
    except RecursionError:
        raise InvalidInput("", "error.nested_too_deeply") from None
    except InvalidInput:  # from _decimal: a float too long or too large
        raise
    except ValueError:  # from int(): an integer of more than 4 300 digits
        raise InvalidInput("", "error.toml_integer_too_long") from None


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
        raise InvalidInput(
            "", "error.bad_json", detail=error.msg, line=str(error.lineno), column=str(error.colno)
        ) from None
    except RecursionError:
        raise InvalidInput("", "error.nested_too_deeply") from None


def _decimal(text: str) -> Decimal:
    if len(text) > _MAX_NUMBER_TEXT:
        raise InvalidInput("", "error.number_too_long", value=text[:20])
    try:
        number = Decimal(text)
    except (decimal.InvalidOperation, ValueError):
        raise InvalidInput("", "error.number_out_of_range", value=text) from None
    if not number.is_finite() or abs(number.adjusted()) > 30:
        raise InvalidInput("", "error.number_out_of_range", value=text)
    return number


def _integer(text: str) -> int:
    if len(text) > _MAX_NUMBER_TEXT:
        raise InvalidInput("", "error.number_too_long", value=text[:20])
    return int(text)


def _refuse_constant(name: str) -> NoReturn:
    raise InvalidInput("", "error.unusable_number", value=name)


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise InvalidInput(key, "error.key_twice")
        data[key] = value
    return data
