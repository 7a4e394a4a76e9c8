"""Small builders for the tests: startups, contracts and payments for DIJON_2022.

Dates of the convention, written from C1 (« du 1er juillet 2022 au 30 juin 2025 »):
three programme years of twelve months, each from 1 July to 30 June.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from propulseur_rules import DIJON_2022, Contract, Payment, Sector, Startup

DAY = dt.timedelta(days=1)

#: C1: « du 1er juillet 2022 au 30 juin 2025 ».
PERIOD_START = dt.date(2022, 7, 1)
PERIOD_END = dt.date(2025, 6, 30)

#: The programme years of C1, written out by hand: (first day, last day).
YEARS = (
    (dt.date(2022, 7, 1), dt.date(2023, 6, 30)),
    (dt.date(2023, 7, 1), dt.date(2024, 6, 30)),
    (dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
)

#: C2: « 20 000 € attribués chaque année pour le fonctionnement du dispositif ».
OPERATING = 20_000
#: C2: « 15 000 € pour chacun des contrats d'accompagnement ».
PER_CONTRACT = 15_000
#: C2: « dans la limite de 3 contrats par an ».
LIMIT = 3
#: C2: « arrêtée à 195 000 € ».
CAP = 195_000

#: An INSEE code in the métropole (Dijon) and one outside it (Beaune).
DIJON = "21231"
BEAUNE = "21054"

#: The day the council voted (C9).
VOTED_ON = dt.date(2022, 9, 29)

__all__ = [
    "BEAUNE",
    "CAP",
    "DAY",
    "DIJON",
    "DIJON_2022",
    "LIMIT",
    "OPERATING",
    "PERIOD_END",
    "PERIOD_START",
    "PER_CONTRACT",
    "VOTED_ON",
    "YEARS",
    "contract",
    "euros",
    "payment",
    "siren_with_key",
    "startup",
    "three_contracts_a_year",
]

_UNSET: dt.date = dt.date.min


def euros(amount: int | str) -> Decimal:
    """An amount in euros as the library holds it: a Decimal to the cent."""
    return Decimal(amount).quantize(Decimal("0.01"))


def siren_with_key(first_eight: str) -> str:
    """A SIREN with its Luhn check digit, computed here independently of the library."""
    assert len(first_eight) == 8
    assert first_eight.isdigit()
    for key in "0123456789":
        digits = first_eight + key
        total = 0
        # Luhn: from the right, double every second digit and add the digits of the product.
        for position, char in enumerate(reversed(digits)):
            value = int(char) * (2 if position % 2 else 1)
            total += value // 10 + value % 10
        if total % 10 == 0:
            return digits
    raise AssertionError("a Luhn key always exists")  # pragma: no cover


def startup(
    name: str = "Hydrolis",
    *,
    head_office: str = DIJON,
    sector: Sector = Sector.INDUSTRY,
    siren: str | None = None,
) -> Startup:
    return Startup(name=name, head_office=head_office, sector=sector, siren=siren)


def contract(
    reference: str,
    signed_on: dt.date,
    *,
    of: Startup | None = None,
    applied_on: dt.date | None = _UNSET,
    selected_on: dt.date | None = _UNSET,
) -> Contract:
    """A contract eligible under C6 unless told otherwise.

    By default the startup (named after the reference) applied 60 days and was
    selected 30 days before signature, in Dijon, in industry.
    """
    return Contract(
        reference=reference,
        startup=of if of is not None else startup(f"Startup {reference}"),
        signed_on=signed_on,
        applied_on=signed_on - 60 * DAY if applied_on is _UNSET else applied_on,
        selected_on=signed_on - 30 * DAY if selected_on is _UNSET else selected_on,
    )


def payment(reference: str, paid_on: dt.date, amount: int | str) -> Payment:
    return Payment(reference=reference, paid_on=paid_on, amount=Decimal(amount))


def three_contracts_a_year() -> list[Contract]:
    """Nine eligible contracts, three in each programme year, for nine startups."""
    contracts = []
    for index, (first, _last) in enumerate(YEARS, start=1):
        for number, month_offset in enumerate((60, 150, 270), start=1):
            contracts.append(contract(f"Y{index}-{number}", first + month_offset * DAY))
    return contracts
