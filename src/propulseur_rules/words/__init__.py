"""The words of the library: its errors and the languages it speaks.

The lowest layer of the package: every other layer may use it, it uses none of them.
"""

from ._errors import InvalidInput, PropulseurRulesError, UnknownReference

__all__ = ["InvalidInput", "PropulseurRulesError", "UnknownReference"]
