"""The communes of Dijon Métropole, shipped as package data.

``data/dijon_metropole_communes.csv`` lists the 23 member communes (INSEE code,
official name, postal code); its sources are in the sibling ``.SOURCES.md`` file.
Membership is the same in every year of the convention, 2022 to 2025.
"""

from __future__ import annotations

import csv
import io
import pkgutil

import attrs

__all__ = ["DIJON_METROPOLE_COMMUNES", "Commune", "is_in_metropole", "metropole_commune"]


@attrs.frozen(kw_only=True)
class Commune:
    """A member commune: INSEE code, official name (COG), postal code."""

    insee_code: str
    name: str
    postal_code: str


def _read_communes() -> tuple[Commune, ...]:
    # pkgutil reads the file through the package's loader, as importlib.resources does,
    # for a fifth of what importing importlib.resources costs at every start.
    data = pkgutil.get_data("propulseur_rules", "data/dijon_metropole_communes.csv")
    if data is None:  # a loader that cannot read package data
        raise RuntimeError("the list of the communes of Dijon Métropole cannot be read from the package")
    text = data.decode("utf-8")
    rows = csv.DictReader(io.StringIO(text))
    return tuple(
        Commune(insee_code=row["insee_code"], name=row["name"], postal_code=row["postal_code"]) for row in rows
    )


#: The 23 communes of Dijon Métropole, sorted by INSEE code.
DIJON_METROPOLE_COMMUNES: tuple[Commune, ...] = _read_communes()
_BY_CODE = {commune.insee_code: commune for commune in DIJON_METROPOLE_COMMUNES}


def metropole_commune(insee_code: str) -> Commune | None:
    """The member commune with this INSEE code, or ``None`` if it is not in the métropole.

    >>> metropole_commune("21231").name
    'Dijon'
    >>> metropole_commune("75056") is None
    True
    """
    if not isinstance(insee_code, str):
        return None
    # Every code of the métropole is five digits (Côte-d'Or, 21): no change of case can make one.
    return _BY_CODE.get(insee_code.strip())


def is_in_metropole(insee_code: str) -> bool:
    """Whether the commune with this INSEE code belongs to Dijon Métropole.

    >>> is_in_metropole("21105"), is_in_metropole("21103")
    (True, False)
    """
    return metropole_commune(insee_code) is not None
