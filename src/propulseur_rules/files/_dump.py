"""Writing a scenario back to a ``.json`` or ``.toml`` file that the loaders read back equal.

JSON is written with the standard library; TOML with ``tomli-w``, an optional
extra (``pip install 'propulseur-rules[toml]'``), since the standard library
reads TOML but does not write it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

import attrs

from ..rules._convention import Convention
from ..rules._extras import require
from ..rules._plain import convention_to_plain, to_plain
from ..words._errors import InvalidInput, Worded, kind_of
from ._expectation import Expectation
from ._load_data import PRESETS
from ._load_files import _file_path
from ._scenario import Scenario

__all__ = ["dump_scenario", "scenario_to_data"]


def dump_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write a scenario to a ``.toml`` or ``.json`` file that :func:`load_scenario` reads back equal.

    Contracts are written inline, whatever file they came from. Writing TOML needs
    the ``toml`` extra; without it :class:`MissingExtra` says so and nothing is written.
    """
    if not isinstance(scenario, Scenario):
        raise InvalidInput("scenario", "error.expected_scenario", type=kind_of(scenario))
    file = _file_path(path)
    suffix = file.suffix.lower()
    if suffix == ".toml":
        tomli_w = require("tomli_w", "toml", Worded("error.feature_write_toml"))
        content: str = tomli_w.dumps(scenario_to_data(scenario))
    elif suffix == ".json":
        content = json.dumps(scenario_to_data(scenario), ensure_ascii=False, indent=2, default=_json_default) + "\n"
    else:
        raise InvalidInput(str(path), "error.not_a_scenario_file")
    try:
        file.write_text(content, encoding="utf-8")
    except OSError as error:
        raise InvalidInput(str(path), "error.cannot_write", reason=str(error.strerror or error)) from None


def scenario_to_data(scenario: Scenario) -> dict[str, Any]:
    """The scenario as data that :func:`scenario_from_data` reads back equal (dates as ``date``, no ``None``)."""
    data: dict[str, Any] = {"name": scenario.name, "as_of": scenario.as_of}
    if scenario.regional_authorisation_on is not None:
        data["regional_authorisation_on"] = scenario.regional_authorisation_on
    if scenario.financing_signed_on is not None:
        data["financing_signed_on"] = scenario.financing_signed_on
    if scenario.covers:
        data["covers"] = to_plain(scenario.covers)
    data["convention"] = _convention_data(scenario.convention)
    data["contracts"] = [_without_none(to_plain(contract, dates_as_text=False)) for contract in scenario.contracts]
    data["payments"] = [to_plain(payment, dates_as_text=False) for payment in scenario.payments]
    if scenario.documents:
        data["documents"] = _plain_items(scenario.documents)
    if scenario.de_minimis_aid:
        data["de_minimis_aid"] = _plain_items(scenario.de_minimis_aid)
    if scenario.expect is not None:
        data["expect"] = _expectation_data(scenario.expect)
    return data


def _convention_data(convention: Convention) -> dict[str, Any]:
    """The convention as the preset it is closest to and the parameters that differ, or in full.

    A parameter set to ``None`` (no deliberation) is written ``false``, and a field left at ``None``
    within one (a vote's ``executory_on``) is left out: TOML has no null.
    The financing terms are written as a table when there are any, left out when
    there are none, as in the files written before they existed.
    """
    full = convention_to_plain(convention, dates_as_text=False)
    names = [field.name for field in attrs.fields(Convention)]
    best: tuple[str, list[str]] | None = None
    for preset_name, preset in PRESETS.items():
        changed = [name for name in names if getattr(preset, name) != getattr(convention, name)]
        if best is None or len(changed) < len(best[1]):
            best = (preset_name, changed)
    if best is not None and len(best[1]) <= len(names) // 2:
        changes = {name: False if full[name] is None else _without_none(full[name]) for name in best[1]}
        return {"preset": best[0], **changes}
    data: dict[str, Any] = _without_none(full)
    return data


def _without_none(data: Any) -> Any:
    """``data`` without the keys whose value is ``None``, in nested dicts and lists too: TOML has no null."""
    if isinstance(data, dict):
        return {key: _without_none(value) for key, value in data.items() if value is not None}
    if isinstance(data, list):
        return [_without_none(item) for item in data]
    return data


def _expectation_data(expect: Expectation) -> dict[str, Any]:
    data: dict[str, Any] = _without_none(to_plain(expect, dates_as_text=False))
    if not expect.years:
        del data["years"]
    del data["contracts"]
    if expect.contracts:
        contracts: dict[str, Any] = {}
        for contract in _plain_items(expect.contracts):
            reference = contract.pop("reference")
            contracts[reference] = contract["status"] if list(contract) == ["status"] else contract
        data["contracts"] = contracts
    return data


def _plain_items(items: tuple[Any, ...]) -> list[dict[str, Any]]:
    """Value objects as plain data without their ``None`` fields."""
    return [_without_none(to_plain(item, dates_as_text=False)) for item in items]


def _json_default(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON data")  # pragma: no cover - scenario_to_data gives no other
