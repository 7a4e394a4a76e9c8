"""Files and requests: scenarios from TOML or JSON (files, text or data), contracts and payments from CSV.

The loaders check the shape of what they read and leave the meaning of each
value to the value objects; every error is an :class:`~propulseur_rules.InvalidInput`
naming the file, line and field (``contracts.csv:4: signed_on``).

A service that assesses requests uses :func:`loads_scenario` or
:func:`scenario_from_data`: they read no file unless given a ``base_dir``, and
then only within it.

>>> from propulseur_rules.files import scenario_from_data
>>> body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
>>> str(scenario_from_data(body).assess().accrued)
'40000.00'
"""

from ._load import (
    dump_scenario,
    load_contracts_csv,
    load_payments_csv,
    load_scenario,
    loads_scenario,
    scenario_from_data,
)

__all__ = [
    "dump_scenario",
    "load_contracts_csv",
    "load_payments_csv",
    "load_scenario",
    "loads_scenario",
    "scenario_from_data",
]
