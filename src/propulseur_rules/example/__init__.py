"""The built-in example: thirteen invented contracts over the three programme years of ``DIJON_2022``.

The startups are invented; the convention is the one voted, with the assumed
terms of its financing convention (``EXAMPLE_CONVENTION``: the financing
convention was not published). On 31 March 2025, with the regional authorisation
validated on 15 February 2023, the feed shows each case a grant officer meets
(see ``docs/guide.md``), and the supporting documents received
(``EXAMPLE_DOCUMENTS``), the financial statement of programme year 2 among the
missing. The command line assesses it when no scenario file is given.

>>> from propulseur_rules import assess
>>> from propulseur_rules.example import example_assessment_inputs
>>> str(assess(**example_assessment_inputs()).payable)
'12000.00'
"""

from ._example import (
    EXAMPLE_AS_OF,
    EXAMPLE_CONTRACTS,
    EXAMPLE_CONVENTION,
    EXAMPLE_DOCUMENTS,
    EXAMPLE_FINANCING_SIGNED_ON,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
    example_assessment_inputs,
)

__all__ = [
    "EXAMPLE_AS_OF",
    "EXAMPLE_CONTRACTS",
    "EXAMPLE_CONVENTION",
    "EXAMPLE_DOCUMENTS",
    "EXAMPLE_FINANCING_SIGNED_ON",
    "EXAMPLE_PAYMENTS",
    "EXAMPLE_REGIONAL_AUTHORISATION_ON",
    "example_assessment_inputs",
]
