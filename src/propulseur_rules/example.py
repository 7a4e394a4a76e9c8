"""The built-in example: thirteen invented contracts over the three programme years of ``DIJON_2022``.

The startups are invented; the convention is the one voted. On 31 March 2025,
with the regional authorisation validated on 15 February 2023, the feed shows
each case a grant officer meets (see ``docs/guide.md``). The command line
assesses it when no scenario file is given.

>>> from propulseur_rules import assess
>>> from propulseur_rules.example import example_assessment_inputs
>>> str(assess(**example_assessment_inputs()).payable)
'55000.00'
"""

from ._example import (
    EXAMPLE_AS_OF,
    EXAMPLE_CONTRACTS,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
    example_assessment_inputs,
)

__all__ = [
    "EXAMPLE_AS_OF",
    "EXAMPLE_CONTRACTS",
    "EXAMPLE_PAYMENTS",
    "EXAMPLE_REGIONAL_AUTHORISATION_ON",
    "example_assessment_inputs",
]
