"""Warnings on the contracts of a case: facts that look wrong but that no clause makes a condition.

A warning changes no figure and is no unmet condition; the reports print it beside
its contract so that a person can check the input. Two kinds:

- a head office given as the postal code of communes of the métropole where the
  INSEE code of one belongs (C6 reads the INSEE code; the value is kept as given);
- a startup's name that may hide the same startup under C7: a name mixing Latin
  letters with Cyrillic or Greek ones, or two names, one of them without SIREN,
  that differ only by a legal form (« HYDROLIS SAS » and « Hydrolis ») or by a
  small edit (« Hydrolis » and « Hydrolys »). C7 compares such names as they are
  (:func:`~._rules.same_startup`): the warning asks whether they are one startup.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable, Sequence
from operator import attrgetter
from typing import Any

import attrs

from ..words._catalogue import say
from ._model import Contract, mixed_scripts
from ._rules import same_startup
from ._territory import DIJON_METROPOLE_COMMUNES, Commune, metropole_commune

__all__ = [
    "LEGAL_FORMS",
    "SIMILAR_NAMES_RATIO",
    "NameWarning",
    "NameWarningKind",
    "PostalCodeWarning",
    "contract_warnings",
    "name_warnings",
    "postal_code_warnings",
    "without_legal_form",
]

#: The legal forms of French companies a name may carry, as words of the name key (dots dropped):
#: « S.A.S. » is ``sas``.
LEGAL_FORMS = frozenset(
    {"sa", "sas", "sasu", "sarl", "eurl", "sci", "snc", "scop", "scic", "selarl", "selas", "sem", "gie", "ei", "eirl"}
)
#: Two names, their legal forms left out, are similar when ``difflib.SequenceMatcher.ratio()`` on their
#: name keys reaches this: one letter changed in a name of eight (« Hydrolis », « Hydrolys ») gives
#: 2 × 7 / 16 = 0.875, one changed in a name of six 2 × 5 / 12 ≈ 0.83, below it.
SIMILAR_NAMES_RATIO = 0.85
#: Names shorter than this (legal form left out) are not compared by ratio: one letter is too much of them.
_SHORTEST_COMPARED = 6


@attrs.frozen(kw_only=True)
class PostalCodeWarning:
    """A contract whose head office is the postal code of communes of the métropole, not an INSEE code of one.

    The value is kept as given (a postal code can be another commune's INSEE code);
    the report says which INSEE code may have been meant.
    """

    contract: str
    head_office: str
    meant: tuple[Commune, ...]

    def _communes(self, lang: str) -> str:
        return say("punctuation.or", lang).join(
            say("inputs.commune", lang, name=commune.name, insee_code=commune.insee_code) for commune in self.meant
        )

    def text(self, lang: str = "en") -> str:
        """The warning in words, in English or French."""
        communes = self._communes(lang)
        return say("inputs.postal_code", lang, contract=self.contract, head_office=self.head_office, communes=communes)

    def short(self, lang: str = "en") -> str:
        """The warning in a few words, beside its contract."""
        return say("warning.postal_code", lang, head_office=self.head_office, communes=self._communes(lang))

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "contract": self.contract,
            "head_office": self.head_office,
            "meant": [{"insee_code": commune.insee_code, "name": commune.name} for commune in self.meant],
            "message": self.text(lang),
        }


def postal_code_warnings(contracts: Iterable[Contract]) -> tuple[PostalCodeWarning, ...]:
    """A warning for each contract whose head office is a postal code of the métropole and no member's INSEE code.

    >>> from propulseur_rules import Contract, Sector, Startup
    >>> startup = Startup(name="Hydrolis", head_office="21000", sector=Sector.INDUSTRY)
    >>> contract = Contract(reference="P-1", startup=startup, signed_on="2023-03-01")
    >>> [(commune.name, commune.insee_code) for commune in postal_code_warnings([contract])[0].meant]
    [('Dijon', '21231')]
    """
    found = []
    for contract in contracts:
        code = contract.startup.head_office.strip()
        if metropole_commune(code) is not None:
            continue
        meant = tuple(commune for commune in DIJON_METROPOLE_COMMUNES if commune.postal_code == code)
        if meant:
            found.append(PostalCodeWarning(contract=contract.reference, head_office=code, meant=meant))
    return tuple(found)


class NameWarningKind(enum.Enum):
    """Why a startup's name is worth a second look (C7)."""

    MIXED_SCRIPTS = "mixed_scripts"
    LEGAL_FORM = "legal_form"
    SIMILAR_NAMES = "similar_names"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class NameWarning:
    """A startup's name worth a second look: it mixes scripts, or it is close to the name of an earlier contract.

    ``contract`` and ``name`` are the contract warned about and its startup's name; for
    two names, ``other_contract`` and ``other_name`` are the earlier contract's. ``scripts``
    are the scripts mixed with Latin letters (``"CYRILLIC"``, ``"GREEK"``).
    """

    kind: NameWarningKind
    contract: str
    name: str
    other_contract: str | None = None
    other_name: str | None = None
    scripts: tuple[str, ...] = ()

    def short(self, lang: str = "en") -> str:
        """The warning in words, beside its contract."""
        if self.kind is NameWarningKind.MIXED_SCRIPTS:
            scripts = say("punctuation.or", lang).join(
                say("warning.script." + script.lower(), lang) for script in self.scripts
            )
            return say("warning.mixed_scripts", lang, name=self.name, scripts=scripts)
        return say(
            "warning." + self.kind.value,
            lang,
            name=self.name,
            other=self.other_name,
            other_contract=self.other_contract,
        )

    def text(self, lang: str = "en") -> str:
        """The warning in words, naming its contract."""
        return f"{self.contract}{say('punctuation.colon', lang)} {self.short(lang)}"

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "contract": self.contract,
            "name": self.name,
            "other_contract": self.other_contract,
            "other_name": self.other_name,
            "scripts": list(self.scripts),
            "message": self.text(lang),
        }


def without_legal_form(key: str) -> str:
    """A name key without the words that are a legal form (:data:`LEGAL_FORMS`), dots dropped.

    >>> without_legal_form("hydrolis s.a.s."), without_legal_form("sarl les saveurs")
    ('hydrolis', 'les saveurs')
    """
    words = key.replace(".", "").split()
    kept = [word for word in words if word not in LEGAL_FORMS]
    return " ".join(kept or words)  # a name that is only a legal form keeps it


def _close(first: str, second: str) -> bool:
    """Whether two names, legal forms left out, differ by a small edit (:data:`SIMILAR_NAMES_RATIO`)."""
    shorter, longer = sorted((len(first), len(second)))
    if shorter < _SHORTEST_COMPARED or 2 * shorter < SIMILAR_NAMES_RATIO * (shorter + longer):
        return False  # too short, or too different in length for the ratio to reach the threshold
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR_NAMES_RATIO
        and matcher.quick_ratio() >= SIMILAR_NAMES_RATIO
        and matcher.ratio() >= SIMILAR_NAMES_RATIO
    )


def name_warnings(contracts: Iterable[Contract]) -> tuple[NameWarning, ...]:
    """C7 — the names worth a second look, contract by contract in the order ``(signed_on, reference)``.

    A name mixing Latin letters with Cyrillic or Greek ones is warned of. A contract whose startup
    C7 does not find the same as an earlier contract's, when one of the two has no SIREN, is warned
    of if their names differ only by a legal form, or else by a small edit; each contract is warned
    of once, beside the first earlier contract it resembles.

    >>> from propulseur_rules import Contract, Sector, Startup
    >>> def signed(reference, name):
    ...     startup = Startup(name=name, head_office="21231", sector=Sector.INDUSTRY)
    ...     return Contract(reference=reference, startup=startup, signed_on="2023-03-01")
    >>> [str(warning.kind) for warning in name_warnings([signed("P-1", "Hydrolis"), signed("P-2", "HYDROLIS SAS")])]
    ['legal_form']
    """
    ordered: Sequence[Contract] = sorted(contracts, key=attrgetter("signed_on", "reference"))
    bares = [without_legal_form(contract.startup.name_key) for contract in ordered]
    found: list[NameWarning] = []
    for position, contract in enumerate(ordered):
        startup = contract.startup
        scripts = mixed_scripts(startup.name)
        if scripts:
            found.append(
                NameWarning(
                    kind=NameWarningKind.MIXED_SCRIPTS, contract=contract.reference, name=startup.name, scripts=scripts
                )
            )
        bare = bares[position]
        for earlier, other_bare in zip(ordered[:position], bares, strict=False):
            other = earlier.startup
            if (startup.siren is not None and other.siren is not None) or same_startup(startup, other):
                continue
            if bare == other_bare:
                kind = NameWarningKind.LEGAL_FORM
            elif _close(bare, other_bare):
                kind = NameWarningKind.SIMILAR_NAMES
            else:
                continue
            found.append(
                NameWarning(
                    kind=kind,
                    contract=contract.reference,
                    name=startup.name,
                    other_contract=earlier.reference,
                    other_name=other.name,
                )
            )
            break
    return tuple(found)


def contract_warnings(contracts: Iterable[Contract]) -> dict[str, tuple[PostalCodeWarning | NameWarning, ...]]:
    """The warnings of each contract warned about, by its reference: its head office, then its name."""
    given = tuple(contracts)
    by_contract: dict[str, list[PostalCodeWarning | NameWarning]] = {}
    warnings: list[PostalCodeWarning | NameWarning] = [*postal_code_warnings(given), *name_warnings(given)]
    for warning in warnings:
        by_contract.setdefault(warning.contract, []).append(warning)
    return {reference: tuple(warnings) for reference, warnings in by_contract.items()}
