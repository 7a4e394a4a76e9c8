"""The built-in example: a realistic year-by-year feed for DIJON_2022.

The startups are invented; the convention is the one voted. On 31 March 2025,
with the regional authorisation validated on 15 February 2023, the feed shows
each case a grant officer meets: funded contracts, a fourth contract in a year
(over the annual limit of C2), a head office outside the métropole (C6), a second
contract for the same startup (C7), a startup outside the two fields (C8), a
contract signed before the committee's selection (C6), and a contract planned
after the date of the assessment.

The financing convention was not published: the example applies the assumed terms of
:class:`FinancingTerms` (half of each operating grant as an advance, a fifth held
as the balance), an invented day of signature, and the supporting documents
received, the financial statement of programme year 2 among the missing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..rules._convention import DIJON_2022, Convention
from ..rules._documents import Document, DocumentKind
from ..rules._financing import FinancingTerms
from ..rules._model import Contract, Payment, Sector, Startup

__all__ = [
    "EXAMPLE_AS_OF",
    "EXAMPLE_BENEFICIARY_SIRET",
    "EXAMPLE_CONTRACTS",
    "EXAMPLE_CONVENTION",
    "EXAMPLE_DOCUMENTS",
    "EXAMPLE_FINANCING_SIGNED_ON",
    "EXAMPLE_FUNDER_SIRET",
    "EXAMPLE_PAYMENTS",
    "EXAMPLE_REGIONAL_AUTHORISATION_ON",
    "example_assessment_inputs",
]

_d = dt.date

_HYDROLIS = Startup(name="Hydrolis", head_office="21231", sector=Sector.INDUSTRY, siren="912345675")


def _contract(
    reference: str, startup: Startup, applied_on: dt.date, selected_on: dt.date, signed_on: dt.date
) -> Contract:
    return Contract(
        reference=reference, startup=startup, applied_on=applied_on, selected_on=selected_on, signed_on=signed_on
    )


#: Thirteen contracts across the three programme years.
EXAMPLE_CONTRACTS: tuple[Contract, ...] = (
    # Programme year 1, 2022-2023: four eligible contracts, one of them over the annual limit.
    _contract("PRO-2022-01", _HYDROLIS, _d(2022, 9, 5), _d(2022, 10, 12), _d(2022, 11, 3)),
    _contract(
        "PRO-2022-02",
        Startup(name="MedTrack Santé", head_office="21515", sector=Sector.HEALTH, siren="887654325"),
        _d(2022, 10, 1),
        _d(2022, 11, 16),
        _d(2022, 12, 1),
    ),
    _contract(
        "PRO-2023-03",
        Startup(name="Mécatronix", head_office="21355", sector=Sector.INDUSTRY),
        _d(2023, 1, 9),
        _d(2023, 2, 22),
        _d(2023, 3, 15),
    ),
    _contract(
        "PRO-2023-04",
        Startup(name="Bioptic", head_office="21166", sector=Sector.HEALTH, siren="903112241"),
        _d(2023, 2, 1),
        _d(2023, 4, 5),
        _d(2023, 5, 10),
    ),
    # Head office in Beaune (21054): outside the métropole (C6).
    _contract(
        "PRO-2023-05",
        Startup(name="Lumen Beaune", head_office="21054", sector=Sector.INDUSTRY, siren="852471366"),
        _d(2023, 3, 1),
        _d(2023, 4, 5),
        _d(2023, 6, 2),
    ),
    # Programme year 2, 2023-2024.
    _contract(
        "PRO-2023-06",
        Startup(name="Kinésens", head_office="21617", sector=Sector.HEALTH, siren="925836140"),
        _d(2023, 6, 15),
        _d(2023, 9, 6),
        _d(2023, 9, 20),
    ),
    # Hydrolis again: one project per startup (C7).
    _contract("PRO-2023-07", _HYDROLIS, _d(2023, 7, 3), _d(2023, 9, 6), _d(2023, 10, 2)),
    # Agri-food: outside « industriel » and « santé » (C8).
    _contract(
        "PRO-2024-08",
        Startup(name="Agrinov", head_office="21263", sector=Sector.OTHER, siren="890123458"),
        _d(2023, 10, 10),
        _d(2023, 12, 13),
        _d(2024, 1, 8),
    ),
    # Signed before the committee selected it (C6).
    _contract(
        "PRO-2024-09",
        Startup(name="CapteurLab", head_office="21540", sector=Sector.INDUSTRY),
        _d(2023, 11, 20),
        _d(2024, 3, 6),
        _d(2024, 1, 25),
    ),
    _contract(
        "PRO-2024-10",
        Startup(name="Neurolia", head_office="21278", sector=Sector.HEALTH, siren="876543216"),
        _d(2023, 12, 1),
        _d(2024, 1, 17),
        _d(2024, 2, 14),
    ),
    # Programme year 3, 2024-2025.
    _contract(
        "PRO-2024-11",
        Startup(name="Vitalis", head_office="21231", sector=Sector.HEALTH, siren="934567819"),
        _d(2024, 7, 8),
        _d(2024, 9, 18),
        _d(2024, 10, 8),
    ),
    _contract(
        "PRO-2025-12",
        Startup(name="Robotime", head_office="21390", sector=Sector.INDUSTRY),
        _d(2024, 11, 4),
        _d(2025, 1, 15),
        _d(2025, 2, 3),
    ),
    # Planned: signed after the date of the example.
    _contract(
        "PRO-2025-13",
        Startup(name="DataCœur", head_office="21171", sector=Sector.HEALTH, siren="841234560"),
        _d(2025, 2, 10),
        _d(2025, 4, 9),
        _d(2025, 5, 20),
    ),
)

#: Two payments already made by the métropole.
EXAMPLE_PAYMENTS: tuple[Payment, ...] = (
    Payment(reference="VIR-2023-0412", paid_on=_d(2023, 4, 12), amount=Decimal("50000")),
    Payment(reference="VIR-2024-0328", paid_on=_d(2024, 3, 28), amount=Decimal("60000")),
)

EXAMPLE_AS_OF = _d(2025, 3, 31)
EXAMPLE_REGIONAL_AUTHORISATION_ON = _d(2023, 2, 15)

#: The convention voted, with the assumed terms of its financing convention (not published).
EXAMPLE_CONVENTION: Convention = DIJON_2022.replace(financing=FinancingTerms())

#: Invented: the day the financing convention was signed, after the vote of 29 September 2022.
EXAMPLE_FINANCING_SIGNED_ON = _d(2022, 11, 15)

#: Fictitious SIRETs of the funder and the beneficiary, for the example's open-data record: they pass the
#: Luhn key and stand for no one. The real ones are inputs (``propulseur-rules export --funder-siret``).
EXAMPLE_FUNDER_SIRET = "12345678200002"
EXAMPLE_BENEFICIARY_SIRET = "98765432400001"


def _copy(reference: str, received_on: dt.date) -> Document:
    return Document(kind=DocumentKind.CONTRACT_COPY, received_on=received_on, covers=reference)


#: The supporting documents received by the métropole: the copy of each funded contract, the
#: financial statement of programme year 1; that of year 2, due on 31 December 2024, is missing.
EXAMPLE_DOCUMENTS: tuple[Document, ...] = (
    _copy("PRO-2022-01", _d(2022, 11, 21)),
    _copy("PRO-2022-02", _d(2022, 12, 12)),
    _copy("PRO-2023-03", _d(2023, 3, 30)),
    Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=_d(2023, 12, 8), covers=1),
    _copy("PRO-2023-06", _d(2023, 10, 5)),
    _copy("PRO-2024-10", _d(2024, 3, 1)),
    _copy("PRO-2024-11", _d(2024, 10, 21)),
    _copy("PRO-2025-12", _d(2025, 2, 20)),
)


def example_assessment_inputs() -> dict[str, object]:
    """Keyword arguments of :func:`assess` for the built-in example."""
    return {
        "convention": EXAMPLE_CONVENTION,
        "contracts": EXAMPLE_CONTRACTS,
        "as_of": EXAMPLE_AS_OF,
        "regional_authorisation_on": EXAMPLE_REGIONAL_AUTHORISATION_ON,
        "payments": EXAMPLE_PAYMENTS,
        "financing_signed_on": EXAMPLE_FINANCING_SIGNED_ON,
        "documents": EXAMPLE_DOCUMENTS,
    }
