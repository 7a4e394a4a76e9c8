"""The law around the deliberation, typed: each legal basis a rule may cite besides C1–C9.

The deliberation (C1–C9) sets the terms of this subsidy; French law frames how any
subsidy is agreed, paid, claimed, withdrawn and published. A :class:`LegalBasis`
names one article: its citation, a short verbatim quote and its Légifrance
identifier, each kept only where it was read in a published source. Where the
wording or the identifier could not be checked, the field is ``None``: a citation
is never completed from memory (``docs/rules.md``, its last section, lists what is missing and why).

>>> FOUR_YEAR_LIMITATION.citation
'loi n° 68-1250 du 31 décembre 1968, art. 1er'
>>> FOUR_YEAR_LIMITATION.legifrance_id
'LEGIARTI000006528553'
>>> legal_basis("crpa-l242-2") is WITHDRAWAL_OF_SUBSIDY
True
"""

from __future__ import annotations

import re

import attrs

from ..words._errors import InvalidInput, UnknownReference, shown
from ..words._language import LANGUAGES, check_lang

__all__ = [
    "CASTING_VOTE",
    "COMPTABLE_CHECKS",
    "CONVENTION_REQUIRED",
    "CONVENTION_THRESHOLD",
    "DE_MINIMIS_2013",
    "DE_MINIMIS_2023",
    "EXECUTORY_ACTS",
    "FINANCIAL_STATEMENT_CONTENT",
    "FINANCIAL_STATEMENT_DEADLINE",
    "FOUR_YEAR_LIMITATION",
    "FUNDER_CONTROL",
    "HEARING_BEFORE_WITHDRAWAL",
    "INTERCOMMUNAL_ACTS",
    "INTERCOMMUNAL_COUNCIL",
    "LEGAL_BASES",
    "LIMITATION_INTERRUPTED",
    "LIMITATION_NOT_WAIVED",
    "OPEN_DATA_DEADLINE",
    "OPEN_DATA_ESSENTIAL_DATA",
    "OPEN_DATA_FORMAT",
    "PRIOR_HEARING",
    "QUORUM",
    "STATED_REASONS",
    "WITHDRAWAL_OF_SUBSIDY",
    "LegalBasis",
    "legal_basis",
]

#: A Légifrance identifier: an article (LEGIARTI, JORFARTI) or a text (JORFTEXT, LEGITEXT), 12 digits.
_LEGIFRANCE_ID = re.compile(r"(LEGIARTI|JORFARTI|JORFTEXT|LEGITEXT)\d{12}", re.ASCII)
#: A CELEX number of EUR-Lex for a regulation of the European Union: sector 3, the year, R, the number.
_CELEX_ID = re.compile(r"3\d{4}R\d{4}", re.ASCII)
_KEY = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*", re.ASCII)


def _key_from(value: object) -> str:
    if not isinstance(value, str) or not _KEY.fullmatch(value):
        raise InvalidInput("key", "error.not_a_basis_key", value=shown(value))
    return value


def _text_from(value: object, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(path, "error.expected_non_empty_text", value=shown(value))
    return " ".join(value.split())


def _citation_from(value: object) -> str:
    return _text_from(value, "citation")


def _quote_from(value: object) -> str | None:
    return None if value is None else _text_from(value, "quote")


def _identifier(value: object, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _LEGIFRANCE_ID.fullmatch(value):
        raise InvalidInput(path, "error.not_a_legifrance_id", value=shown(value))
    return value


def _legifrance_id_from(value: object) -> str | None:
    return _identifier(value, "legifrance_id")


def _text_id_from(value: object) -> str | None:
    return _identifier(value, "text_id")


def _eurlex_id_from(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _CELEX_ID.fullmatch(value):
        raise InvalidInput("eurlex_id", "error.not_a_celex_id", value=shown(value))
    return value


def _subject_from(value: object) -> tuple[str, str]:
    if not isinstance(value, tuple) or len(value) != 2:
        raise InvalidInput("subject", "error.expected_pair_of_texts")
    return (_text_from(value[0], "subject[0]"), _text_from(value[1], "subject[1]"))


@attrs.frozen(kw_only=True)
class LegalBasis:
    """One article of French law that a rule or a condition cites, as C1–C9 are cited.

    ``quote`` is verbatim French (« … » marks a cut) and ``legifrance_id`` the
    identifier of the article (``LEGIARTI…``) or, when only the text could be
    identified, of the text (``JORFTEXT…``); either is ``None`` when it could not
    be verified. ``text_id`` identifies the whole law, decree or code. A regulation
    of the European Union has no Légifrance identifier: ``eurlex_id`` is its CELEX
    number on EUR-Lex (``32023R2831``).

    >>> LegalBasis(key="x", citation="loi n° 1", subject=("a", "b"), legifrance_id="LEGIARTI1")
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: legifrance_id: 'LEGIARTI1' is not a Légifrance identifier such as ...
    """

    key: str = attrs.field(converter=_key_from)
    citation: str = attrs.field(converter=_citation_from)
    # The repr names the article (key and citation) and leaves out its texts.
    subject_texts: tuple[str, str] = attrs.field(converter=_subject_from, alias="subject", repr=False)
    quote: str | None = attrs.field(default=None, converter=_quote_from, repr=False)
    legifrance_id: str | None = attrs.field(default=None, converter=_legifrance_id_from, repr=False)
    text_id: str | None = attrs.field(default=None, converter=_text_id_from, repr=False)
    eurlex_id: str | None = attrs.field(default=None, converter=_eurlex_id_from, repr=False)

    def subject(self, lang: str = "en") -> str:
        """What the article means for this subsidy, in a few words, in English or French."""
        return dict(zip(LANGUAGES, self.subject_texts, strict=True))[check_lang(lang)]

    @property
    def verified(self) -> bool:
        """Whether both the wording and the identifier (Légifrance, or EUR-Lex for a regulation of the
        European Union) were read in a published source."""
        return self.quote is not None and (self.legifrance_id is not None or self.eurlex_id is not None)

    def __str__(self) -> str:
        return self.citation


QUORUM = LegalBasis(
    key="cgct-l2121-17",
    citation="code général des collectivités territoriales, art. L. 2121-17",
    subject=(
        "the council deliberates with more than half its members in office present; on a second convocation, "
        "three days at least after a first without quorum, with any number",
        "le conseil délibère si la majorité de ses membres en exercice est présente ; sur une seconde "
        "convocation, trois jours au moins après une première sans quorum, sans condition de quorum",
    ),
    # Its wording was read only in paraphrases (a parliamentary answer, an association of mayors):
    # no verbatim quote, no identifier.
    quote=None,
    legifrance_id=None,
    text_id="LEGITEXT000006070633",
)

CASTING_VOTE = LegalBasis(
    key="cgct-l2121-20",
    citation="code général des collectivités territoriales, art. L. 2121-20",
    subject=(
        "a majority of the votes cast decides; on a tie the president's vote decides, except in a secret ballot",
        "la majorité absolue des suffrages exprimés décide ; en cas de partage, la voix du président est "
        "prépondérante, sauf scrutin secret",
    ),
    # The version in force since 24 February 1996, read on Légifrance.
    quote=(
        "Les délibérations sont prises à la majorité absolue des suffrages exprimés. Lorsqu'il y a partage égal "
        "des voix et sauf cas de scrutin secret, la voix du président est prépondérante."
    ),
    legifrance_id="LEGIARTI000006389878",
    text_id="LEGITEXT000006070633",
)

EXECUTORY_ACTS = LegalBasis(
    key="cgct-l2131-1",
    citation="code général des collectivités territoriales, art. L. 2131-1",
    subject=(
        "a deliberation is executory once made public and transmitted to the prefect",
        "une délibération est exécutoire dès sa publication et sa transmission au préfet",
    ),
    # The version in force from 1 July 2022 (ordonnance n° 2021-1310), the one of the vote of
    # 29 September 2022.
    quote=(
        "Les actes pris par les autorités communales sont exécutoires de plein droit dès qu'ils ont été portés "
        "à la connaissance des intéressés dans les conditions prévues au présent article et, pour les actes "
        "mentionnés à l'article L. 2131-2, qu'il a été procédé à la transmission au représentant de l'Etat dans "
        "le département ou à son délégué dans l'arrondissement prévue par cet article."
    ),
    legifrance_id="LEGIARTI000044190563",
    text_id="LEGITEXT000006070633",
)

INTERCOMMUNAL_COUNCIL = LegalBasis(
    key="cgct-l5211-1",
    citation="code général des collectivités territoriales, art. L. 5211-1",
    subject=(
        "the council of a métropole works under the rules of a municipal council",
        "le conseil d'une métropole fonctionne selon les règles du conseil municipal",
    ),
    # Read in its version of 1 March 2020 to 23 February 2022 only; the one of the vote was not.
    quote=None,
    legifrance_id=None,
    text_id="LEGITEXT000006070633",
)

INTERCOMMUNAL_ACTS = LegalBasis(
    key="cgct-l5211-3",
    citation="code général des collectivités territoriales, art. L. 5211-3",
    subject=(
        "the acts of a métropole take force under the rules of the acts of a commune",
        "les actes d'une métropole entrent en vigueur selon les règles des actes des communes",
    ),
    # Its wording was read in two consolidated copies; its identifier was not found.
    quote=(
        "Les dispositions du chapitre premier du titre III du livre premier de la deuxième partie relatives au "
        "contrôle de légalité et à la publicité et à l'entrée en vigueur des actes des communes sont applicables "
        "aux établissements publics de coopération intercommunale."
    ),
    legifrance_id=None,
    text_id="LEGITEXT000006070633",
)

CONVENTION_REQUIRED = LegalBasis(
    key="loi-2000-321-art-10-convention",
    citation="loi n° 2000-321 du 12 avril 2000, art. 10",
    subject=(
        "a subsidy above the threshold set by decree needs a convention with the private body that receives it",
        "au-delà du seuil fixé par décret, une subvention exige une convention avec l'organisme de droit privé",
    ),
    # Words present in every version of the article from 2000 to the 2016 one read.
    quote=(
        "L'autorité administrative … qui attribue une subvention doit, lorsque cette subvention dépasse "
        "un seuil défini par décret, conclure une convention avec l'organisme de droit privé qui en bénéficie"
    ),
    legifrance_id="LEGIARTI000006529194",
    text_id="JORFTEXT000000215117",
)

FINANCIAL_STATEMENT_DEADLINE = LegalBasis(
    key="loi-2000-321-art-10-compte-rendu",
    citation="loi n° 2000-321 du 12 avril 2000, art. 10",
    subject=(
        "the financial statement is filed within six months of the end of the year the subsidy was granted for",
        "le compte rendu financier est déposé dans les six mois suivant la fin de l'exercice",
    ),
    quote=(
        "Lorsque la subvention est affectée à une dépense déterminée, l'organisme de droit privé bénéficiaire "
        "doit produire un compte rendu financier … dans les six mois suivant la fin de l'exercice pour lequel "
        "elle a été attribuée."
    ),
    legifrance_id="LEGIARTI000006529194",
    text_id="JORFTEXT000000215117",
)

CONVENTION_THRESHOLD = LegalBasis(
    key="decret-2001-495-art-1",
    citation="décret n° 2001-495 du 6 juin 2001, art. 1er",
    subject=(
        "the threshold of the convention: a yearly amount above 23 000 €",
        "le seuil de la convention : un montant annuel supérieur à 23 000 €",
    ),
    # The article's wording and identifier were not found in a source that could be read
    # whole: only its first words and secondary sources giving the 23 000 € threshold.
    quote=None,
    legifrance_id=None,
)

FOUR_YEAR_LIMITATION = LegalBasis(
    key="loi-68-1250-art-1",
    citation="loi n° 68-1250 du 31 décembre 1968, art. 1er",
    subject=(
        "a claim on a public body lapses four years from 1 January of the year after the right arose",
        "prescription quadriennale : quatre ans à partir du 1er janvier de l'année suivant l'acquisition du droit",
    ),
    quote=(
        "Sont prescrites, au profit de l'Etat, des départements et des communes, … toutes créances qui n'ont "
        "pas été payées dans un délai de quatre ans à partir du premier jour de l'année suivant celle au cours "
        "de laquelle les droits ont été acquis. Sont prescrites, dans le même délai et sous la même réserve, les "
        "créances sur les établissements publics dotés d'un comptable public."
    ),
    legifrance_id="LEGIARTI000006528553",
    text_id="JORFTEXT000000878035",
)

LIMITATION_INTERRUPTED = LegalBasis(
    key="loi-68-1250-art-2",
    citation="loi n° 68-1250 du 31 décembre 1968, art. 2",
    subject=(
        "a written claim, a written communication of the administration or any payment on the claim interrupts "
        "the limitation; a new four-year period runs from 1 January of the year after",
        "une réclamation écrite, une communication écrite de l'administration ou tout paiement sur la créance "
        "interrompt la prescription ; un nouveau délai de quatre ans court à partir du 1er janvier suivant",
    ),
    # The first and last causes of interruption, as read on Légifrance; the sentence that sets the
    # new period was cut from the copy read, and the article's identifier was not found.
    quote=(
        "La prescription est interrompue par : Toute demande de paiement ou toute réclamation écrite adressée par "
        "un créancier à l'autorité administrative, dès lors que la demande ou la réclamation a trait au fait "
        "générateur, à l'existence, au montant ou au paiement de la créance … Toute émission de moyen de "
        "règlement, même si ce règlement ne couvre qu'une partie de la créance ou si le créancier n'a pas été "
        "exactement désigné."
    ),
    legifrance_id=None,
    text_id="JORFTEXT000000878035",
)

LIMITATION_NOT_WAIVED = LegalBasis(
    key="loi-68-1250-art-6",
    citation="loi n° 68-1250 du 31 décembre 1968, art. 6",
    subject=(
        "the administration cannot waive the limitation; the council may relieve a creditor of it by a "
        "deliberation stating its reasons",
        "l'administration ne peut renoncer à opposer la prescription ; le conseil peut en relever un créancier "
        "par une délibération motivée",
    ),
    # The version in force since 22 March 2015.
    quote=(
        "Les autorités administratives ne peuvent renoncer à opposer la prescription qui découle de la présente "
        "loi. … La même décision peut être prise en faveur des créanciers des départements, des communes et des "
        "établissements publics, par délibérations prises respectivement par les conseils départementaux, les "
        "conseils municipaux et les conseils ou organes chargés des établissements publics. Ces délibérations "
        "doivent être motivées et être approuvées par l'autorité compétente pour approuver le budget de la "
        "collectivité intéressée."
    ),
    legifrance_id="LEGIARTI000027575011",
    text_id="JORFTEXT000000878035",
)

HEARING_BEFORE_WITHDRAWAL = LegalBasis(
    key="crpa-l122-1",
    citation="code des relations entre le public et l'administration, art. L. 122-1",
    subject=(
        "before withdrawing a subsidy and asking for it back, the beneficiary is given the chance to be heard",
        "avant de retirer une subvention et d'en exiger le remboursement, le bénéficiaire présente ses observations",
    ),
    # Only paraphrases of the article were found (and the Conseil d'État, 4 October 2021,
    # n° 438695, applying it to a subsidy): no verbatim quote, no identifier.
    quote=None,
    legifrance_id=None,
    text_id="LEGITEXT000031366350",
)

PRIOR_HEARING = LegalBasis(
    key="crpa-l121-1",
    citation="code des relations entre le public et l'administration, art. L. 121-1",
    subject=(
        "a decision that must state its reasons, such as a withdrawal, is taken only after a prior hearing",
        "une décision qui doit être motivée, comme un retrait, est précédée d'une procédure contradictoire",
    ),
    # Read in a consolidated copy; its identifier was not found.
    quote=(
        "Exception faite des cas où il est statué sur une demande, les décisions individuelles qui doivent être "
        "motivées en application de l'article L. 211-2, ainsi que les décisions qui, bien que non mentionnées à "
        "cet article, sont prises en considération de la personne, sont soumises au respect d'une procédure "
        "contradictoire préalable."
    ),
    legifrance_id=None,
    text_id="LEGITEXT000031366350",
)

STATED_REASONS = LegalBasis(
    key="crpa-l211-2",
    citation="code des relations entre le public et l'administration, art. L. 211-2",
    subject=(
        "a decision that withdraws a decision creating rights states its reasons",
        "une décision qui retire une décision créatrice de droits est motivée",
    ),
    # The version in force since 1 January 2016.
    quote=(
        "Les personnes physiques ou morales ont le droit d'être informées sans délai des motifs des décisions "
        "administratives individuelles défavorables qui les concernent. A cet effet, doivent être motivées les "
        "décisions qui : … 4° Retirent ou abrogent une décision créatrice de droits ;"
    ),
    legifrance_id="LEGIARTI000031367505",
    text_id="LEGITEXT000031366350",
)

WITHDRAWAL_OF_SUBSIDY = LegalBasis(
    key="crpa-l242-2",
    citation="code des relations entre le public et l'administration, art. L. 242-2",
    subject=(
        "a subsidy whose conditions were not met may be withdrawn at any time",
        "une subvention dont les conditions n'ont pas été respectées peut être retirée sans condition de délai",
    ),
    quote=(
        "Par dérogation à l'article L. 242-1, l'administration peut, sans condition de délai : … "
        "2° Retirer une décision attribuant une subvention lorsque les conditions mises à son octroi "
        "n'ont pas été respectées."
    ),
    legifrance_id="LEGIARTI000031367659",
    text_id="LEGITEXT000031366350",
)

OPEN_DATA_ESSENTIAL_DATA = LegalBasis(
    key="decret-2017-779",
    citation="décret n° 2017-779 du 5 mai 2017",
    subject=(
        "the essential data of a subsidy convention are published as open data",
        "les données essentielles des conventions de subvention sont publiées en données ouvertes",
    ),
    quote="la ou les dates ou période et les conditions de versement",
    # The identifier of the decree as a whole; the article's own identifier was not found.
    legifrance_id="JORFTEXT000034600552",
    text_id="JORFTEXT000034600552",
)

OPEN_DATA_FORMAT = LegalBasis(
    key="arrete-2017-11-17-art-1",
    citation="arrêté du 17 novembre 2017 relatif aux conditions de mises à disposition des données essentielles "
    "des conventions de subvention, art. 1er",
    subject=(
        "the essential data follow the formats of the reference annexed to the order",
        "les données essentielles suivent les formats du référentiel annexé à l'arrêté",
    ),
    quote=(
        "Les données essentielles des conventions de subvention sont mises à disposition conformément aux "
        "formats, normes et nomenclatures figurant dans le référentiel annexé au présent arrêté."
    ),
    legifrance_id="JORFTEXT000036040528",
    text_id="JORFTEXT000036040528",
)

OPEN_DATA_DEADLINE = LegalBasis(
    key="decret-2017-779-delai",
    citation="décret n° 2017-779 du 5 mai 2017",
    subject=(
        "the essential data are published within three months of the signature of the convention",
        "les données essentielles sont publiées dans les trois mois suivant la signature de la convention",
    ),
    # The words as two published commentaries of the decree quote them; the article that
    # holds them was not identified, so the identifier is the decree's and no article is cited.
    quote="au plus tard trois mois à compter de la date de signature de la convention",
    legifrance_id="JORFTEXT000034600552",
    text_id="JORFTEXT000034600552",
)

DE_MINIMIS_2013 = LegalBasis(
    key="reglement-ue-1407-2013-art-3",
    citation="règlement (UE) n° 1407/2013 de la Commission du 18 décembre 2013, art. 3",
    subject=(
        "de minimis aid to one undertaking: at most 200 000 € over three fiscal years; "
        "the regulation applied to aid granted until 31 December 2023",
        "aides de minimis à une entreprise unique : au plus 200 000 € sur trois exercices fiscaux ; "
        "le règlement s'appliquait aux aides octroyées jusqu'au 31 décembre 2023",
    ),
    # EUR-Lex gives the regulation's CELEX number and the end of its validity, 31 December 2023;
    # the ceiling was read in its recital 3 (in English) and in secondary sources, the words of
    # article 3 in French were not: no quote.
    quote=None,
    eurlex_id="32013R1407",
)

DE_MINIMIS_2023 = LegalBasis(
    key="reglement-ue-2023-2831-art-3",
    citation="règlement (UE) 2023/2831 de la Commission du 13 décembre 2023, art. 3",
    subject=(
        "de minimis aid to one undertaking: at most 300 000 € over any period of three years, "
        "for aid granted from 1 January 2024",
        "aides de minimis à une entreprise unique : au plus 300 000 € sur toute période de trois ans, "
        "pour les aides octroyées à partir du 1er janvier 2024",
    ),
    # EUR-Lex gives the regulation and its CELEX number; the ceiling and the date it applies from
    # were read in secondary sources only, the words of article 3: no quote.
    quote=None,
    eurlex_id="32023R2831",
)

FINANCIAL_STATEMENT_CONTENT = LegalBasis(
    key="arrete-2006-10-11",
    citation="arrêté du 11 octobre 2006 relatif au compte rendu financier prévu par l'article 10 de la loi "
    "du 12 avril 2000, art. 1er et 2",
    subject=(
        "the financial statement is a table of the charges and income of the subsidised action, "
        "with the gaps between forecast and outcome",
        "le compte rendu financier est un tableau des charges et des produits de l'action subventionnée, "
        "avec les écarts entre le budget prévisionnel et les réalisations",
    ),
    # Read in the text of the Journal officiel of 14 October 2006; its Légifrance identifier was not found.
    quote=(
        "Le compte rendu financier est constitué d'un tableau des charges et des produits affectés à la "
        "réalisation du projet ou de l'action subventionnée. Le tableau des charges et des produits est issu "
        "du compte de résultat de l'organisme."
    ),
    legifrance_id=None,
)

FUNDER_CONTROL = LegalBasis(
    key="cgct-l1611-4",
    citation="code général des collectivités territoriales, art. L. 1611-4",
    subject=(
        "the funder may control the beneficiary, who sends its accounts and may not pass the subsidy on "
        "unless the convention provides for it",
        "la collectivité peut contrôler le bénéficiaire, qui lui fournit ses comptes et ne peut reverser "
        "la subvention que si la convention le prévoit",
    ),
    # The version in force since 14 May 2009 (loi n° 2009-526, art. 84).
    quote=(
        "Toute association, oeuvre ou entreprise ayant reçu une subvention peut être soumise au contrôle des "
        "délégués de la collectivité qui l'a accordée. … Il est interdit à tout groupement ou à toute "
        "association, œuvre ou entreprise ayant reçu une subvention d'en employer tout ou partie en "
        "subventions à d'autres associations, œuvres ou entreprises, sauf lorsque cela est expressément "
        "prévu dans la convention conclue entre la collectivité territoriale et l'organisme subventionné."
    ),
    legifrance_id="LEGIARTI000006389560",
    text_id="LEGITEXT000006070633",
)

COMPTABLE_CHECKS = LegalBasis(
    key="decret-2012-1246-art-19-20",
    citation="décret n° 2012-1246 du 7 novembre 2012, art. 19 et 20",
    subject=(
        "before paying, the public accountant checks the debt: service done, the sum, the supporting "
        "documents, limitation",
        "avant de payer, le comptable public contrôle la validité de la dette : service fait, liquidation, "
        "pièces justificatives, prescription",
    ),
    # Article 20 in the version read; article 19 (« d) De la validité de la dette dans les conditions
    # prévues à l'article 20 ») was read in decisions quoting it, its identifier was not found.
    quote=(
        "Le contrôle des comptables publics sur la validité de la dette porte sur : 1° La certification du "
        "service fait ; 2° L'exactitude de la liquidation ; 3° La production des pièces justificatives ; "
        "4° L'application des règles de prescription et de déchéance."
    ),
    legifrance_id="LEGIARTI000037429925",
)

#: Every legal basis, in the order of the life of a subsidy: voted and in force, agreed, reported on,
#: claimed, withdrawn, published.
LEGAL_BASES: tuple[LegalBasis, ...] = (
    INTERCOMMUNAL_COUNCIL,
    QUORUM,
    CASTING_VOTE,
    INTERCOMMUNAL_ACTS,
    EXECUTORY_ACTS,
    CONVENTION_REQUIRED,
    CONVENTION_THRESHOLD,
    FINANCIAL_STATEMENT_DEADLINE,
    FOUR_YEAR_LIMITATION,
    LIMITATION_INTERRUPTED,
    LIMITATION_NOT_WAIVED,
    PRIOR_HEARING,
    HEARING_BEFORE_WITHDRAWAL,
    STATED_REASONS,
    WITHDRAWAL_OF_SUBSIDY,
    OPEN_DATA_ESSENTIAL_DATA,
    OPEN_DATA_FORMAT,
    OPEN_DATA_DEADLINE,
    FINANCIAL_STATEMENT_CONTENT,
    FUNDER_CONTROL,
    COMPTABLE_CHECKS,
    DE_MINIMIS_2013,
    DE_MINIMIS_2023,
)

_BY_KEY = {basis.key: basis for basis in LEGAL_BASES}


def legal_basis(key: str) -> LegalBasis:
    """The legal basis of that key; :class:`UnknownReference` for a key that names none."""
    try:
        return _BY_KEY[key]
    except (KeyError, TypeError):
        raise UnknownReference("key", "error.not_a_legal_basis", value=shown(key), choices=", ".join(_BY_KEY)) from None
