"""Les mots de la page du service financier, en français (extra ``service``) : son formulaire, son rapport,
ses téléchargements et les erreurs de ce qui y est déposé. :mod:`._en_page` a les mêmes clés."""

from __future__ import annotations

__all__ = ["PAGE_WORDS"]

PAGE_WORDS: dict[str, str] = {
    # page: the form.
    "page.title": "Évaluer la subvention ProPulseur",
    "page.lead": (
        "Déposez les tableaux des contrats, des versements et des pièces justificatives, choisissez la date et "
        "les lectures de la délibération, puis lisez le rapport ou téléchargez-le."
    ),
    "page.language": "Langue",
    "page.other_language": "Read in English",
    "page.files": "Tableaux",
    "page.files_hint": (
        "Fichiers CSV, classeurs Excel (.xlsx) ou tableurs OpenDocument (.ods), tels que le logiciel financier "
        "les exporte ; {size} au plus par fichier."
    ),
    "page.size": "{count} Ko",
    "page.field.contracts": "Contrats",
    "page.field.contracts_hint": "Obligatoire : une ligne par contrat d'accompagnement.",
    "page.field.payments": "Versements déjà effectués",
    "page.field.payments_hint": "Laissez vide si rien n'a encore été versé.",
    "page.field.documents": "Pièces justificatives déjà reçues",
    "page.field.documents_hint": "Lues seulement avec les modalités de la convention financière.",
    "page.field.kept": "Conservé de l'envoi précédent : {file}. Choisissez un fichier pour le remplacer.",
    "page.dates": "Dates",
    "page.field.as_of": "Date de l'évaluation",
    "page.field.authorised_on": "Autorisation régionale validée le",
    "page.field.authorised_on_hint": "Laissez vide si elle n'est pas validée (C4).",
    "page.readings": "Lectures de la délibération",
    "page.field.places": "Places financées (C2, C7)",
    "page.places.annual": "3 contrats par année de programme (« 3 contrats par an »)",
    "page.places.pooled": "9 places partagées sur la période (« 9 projets »)",
    "page.field.signing_deadline": "Dernier jour de signature d'un contrat (C7)",
    "page.field.signing_deadline_hint": "Vide : tout jour de la période.",
    "page.field.selected_from": "Les startups sélectionnées avant ce jour étaient déjà accompagnées (C6)",
    "page.field.selected_from_hint": "Vide : toute sélection compte.",
    "page.financing": "Convention financière (C3)",
    "page.field.financing": "Modalités de la convention financière",
    "page.financing.none": "La délibération seule : ce qui est libérable est payable",
    "page.financing.assumed": ("Les modalités supposées (une simulation : avance, solde retenu, délais des pièces)"),
    "page.field.financing_signed_on": "Convention financière signée le",
    "page.field.financing_signed_on_hint": "Vide : non signée.",
    "page.submit.report": "Afficher le rapport",
    "page.submit.xlsx": "Télécharger le tableau (.xlsx)",
    "page.submit.csv": "Télécharger le tableau (.csv)",
    "page.submit.statement": "Télécharger l'état de liquidation",
    "page.uploaded": "déposé sur la page",
    # page: the report.
    "page.report": "Rapport",
    "page.downloads": "Téléchargements",
    "page.again": "Changer les fichiers ou les options",
    "page.errors": "Les fichiers ou les options ne peuvent pas être évalués :",
    "page.error_in": "{field} : {message}",
    # page: the names of the files downloaded.
    "page.download.export": "evaluation",
    "page.download.statement": "etat-de-liquidation",
    # page: the errors of what is uploaded.
    "error.page_no_contracts": "choisissez le tableau des contrats",
    "error.page_no_as_of": "donnez la date de l'évaluation",
    "error.page_file_too_large": "le fichier dépasse les {size} qu'un fichier peut faire",
    "error.page_not_a_form": "la requête n'est pas le formulaire de la page",
    "error.page_kept_file": "le fichier conservé de l'envoi précédent est illisible ; choisissez-le de nouveau",
}
