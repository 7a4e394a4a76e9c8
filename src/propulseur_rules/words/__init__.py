"""The words of the library: its errors, the languages it speaks and the one catalogue of its sentences.

The lowest layer of the package: every other layer may use it, it uses none of them.
"""

from ._errors import InvalidInput, PropulseurRulesError, UnknownReference

__all__ = ["InvalidInput", "PropulseurRulesError", "UnknownReference"]
