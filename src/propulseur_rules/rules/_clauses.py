"""The clauses of the deliberation, C1 to C9, with their verbatim French text.

The deliberation of the Conseil métropolitain de Dijon Métropole of 29 September
2022 ships with the package (``data/deliberation-2022-09-29.txt``). Every rule of
the engine and every unmet condition it reports names one of these clauses, so
that each figure can be traced back to the words that justify it.
"""

from __future__ import annotations

import enum

from ..words._catalogue import say

__all__ = ["Clause"]


class Clause(enum.Enum):
    """A clause of the deliberation; ``Clause.C2.quote`` is its French text."""

    C1 = "C1"
    C2 = "C2"
    C3 = "C3"
    C4 = "C4"
    C5 = "C5"
    C6 = "C6"
    C7 = "C7"
    C8 = "C8"
    C9 = "C9"

    @property
    def quote(self) -> str:
        """The verbatim French words of the deliberation (« … » marks a cut)."""
        return _QUOTES[self]

    def subject(self, lang: str = "en") -> str:
        """What the clause is about, in a few words, in English or French."""
        return say("clause." + self.name.lower(), lang)

    def __str__(self) -> str:
        return self.value


_QUOTES: dict[Clause, str] = {
    Clause.C1: ("une convention de partenariat … pour une période de 3 ans, du 1er juillet 2022 au 30 juin 2025"),
    Clause.C2: (
        "La participation de Dijon Métropole, pour cette durée de trois ans, est arrêtée "
        "à 195 000 €, soit un montant de 65 000 € par an dont 20 000 € attribués chaque "
        "année pour le fonctionnement du dispositif et 15 000 € pour chacun des contrats "
        "d'accompagnement dans la limite de 3 contrats par an."
    ),
    Clause.C3: (
        "Le versement de cette participation est conditionné à la signature de 9 contrats "
        "d'accompagnement de start-ups et interviendra selon les modalités définies dans "
        "la convention de financement"
    ),
    Clause.C4: (
        "Ce versement est aussi conditionné à la validation de la convention "
        "d'autorisation unique en matière d'aides aux entreprises entre le Conseil "
        "Régional de Bourgogne-Franche-Comté et Dijon Métropole"
    ),
    Clause.C5: (
        "Si des contrats supplémentaires relatifs à des start-ups présentes sur le "
        "territoire sont réalisés, Dijon Métropole pourrait éventuellement reconsidérer "
        "le montant de son aide sur la période."
    ),
    Clause.C6: (
        "Un comité de sélection Propulseur … qualifie l'entrée des startups dans le "
        "dispositif, dès lors où elles auront leur siège social sur le territoire de "
        "Dijon Métropole et où elles en auront exprimé le souhait"
    ),
    Clause.C7: (
        "d'attribuer … une subvention de 195 000 € au titre de 9 projets accompagnés par "
        "le dispositif ProPulseur sur la Métropole dijonnaise, pour la période 2022 – 2024"
    ),
    Clause.C8: (
        "dans le domaine « industriel » (objets connectés, mécatronique, technologies "
        "hydrogène, industrie 4.0...) et de la « santé » (biotechs, medtechs, e-santé...) "
        "… accompagner les startups des deux domaines concernés"
    ),
    Clause.C9: (
        "Nombre de membres en exercice : 86 … Nombre de présents participant au vote : 69 "
        "… Nombre de procurations : 15 … SCRUTIN POUR : 84 ABSTENTION : 0 CONTRE : 0 "
        "NE SE PRONONCE PAS : 0"
    ),
}
