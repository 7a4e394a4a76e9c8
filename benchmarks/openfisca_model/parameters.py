"""The deliberation's figures as OpenFisca parameters, each with the clause it comes from."""

from __future__ import annotations

from typing import Any

from .entities import DELIBERATION, VOTED_ON


def _value(value: Any, clause: str, description: str) -> dict[str, Any]:
    return {"description": description, "reference": f"{DELIBERATION}, {clause}", "values": {VOTED_ON: value}}


#: The deliberation's figures, as a country package keeps them in its YAML files.
PARAMETERS = {
    "programme": {
        "start": _value("2022-07-01", "C1", "First day of the convention"),
        "end": _value("2025-06-30", "C1", "Last day of the convention"),
        "years": _value(3, "C1", "Programme years of twelve months"),
    },
    "grants": {
        "total_cap": _value(195_000, "C2", "Cap of the subsidy over the convention, in euros"),
        "operating_grant": _value(20_000, "C2", "Operating grant of each programme year, in euros"),
        "per_contract": _value(15_000, "C2", "Grant for each funded accompaniment contract, in euros"),
        "contracts_per_year": _value(3, "C2", "Contracts funded in a programme year at most"),
        "places_pooled": _value(False, "C2, C7", "The 3 × years places taken over the whole convention"),
        "accrual_at_year_end": _value(False, "C3", "Grants accrue the day after their programme year"),
    },
    "target": {
        "contracts": _value(9, "C3, C7", "Eligible contracts that payment is conditioned on"),
        "all_or_nothing": _value(False, "C3", "Everything accrued is withheld while the target is missed"),
    },
    "eligibility": {
        "territory": _value(
            # The 23 communes of Dijon Métropole, by INSEE code.
            [
                "21003",
                "21105",
                "21106",
                "21166",
                "21171",
                "21192",
                "21223",
                "21231",
                "21263",
                "21270",
                "21278",
                "21315",
                "21355",
                "21370",
                "21390",
                "21452",
                "21473",
                "21481",
                "21485",
                "21515",
                "21540",
                "21605",
                "21617",
            ],
            "C6",
            "Communes where a startup's head office must be",
        ),
        "sectors": {
            "industry": _value(True, "C8", "Industry is an eligible field"),
            "health": _value(True, "C8", "Health is an eligible field"),
            "other": _value(False, "C8", "Other fields are not eligible"),
        },
    },
    "vote": {
        "members_in_office": _value(86, "C9", "Members in office"),
        "present": _value(69, "C9", "Members present"),
        "proxies": _value(15, "C9", "Proxies"),
        "votes_for": _value(84, "C9", "Votes for"),
        "votes_against": _value(0, "C9", "Votes against"),
        "abstentions": _value(0, "C9", "Abstentions"),
        "not_voting": _value(0, "C9", "Members not voting"),
    },
}
