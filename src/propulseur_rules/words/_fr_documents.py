"""Les mots des documents que l'on emporte, en français : les exports CSV et .xlsx, l'état liquidatif,
l'origine de chaque donnée, la vérification des scénarios et la prévision. Partie de la table de :mod:`._fr`."""

from __future__ import annotations

__all__ = ["DOCUMENT_WORDS"]

DOCUMENT_WORDS: dict[str, str] = {
    # reports: the headers and sheets of the CSV and .xlsx exports (in English, the codes of the records).
    "export.column.reference": "référence",
    "export.column.status": "statut",
    "export.column.programme_year": "année du programme",
    "export.column.grant": "subvention",
    "export.column.accrues_on": "acquise le",
    "export.column.unmet": "conditions non remplies",
    "export.column.warnings": "avertissements",
    "export.warnings_joint": " ; ",
    "export.column.contract": "contrat",
    "export.column.condition": "condition",
    "export.column.clause": "clause",
    "export.column.amount": "montant en jeu",
    "export.heading.figure": "poste",
    "export.heading.amount": "montant",
    "export.figure.accrued": "acquis",
    "export.figure.withheld": "retenu",
    "export.figure.releasable": "versable",
    "export.figure.awaiting_documents": "en attente de pièces",
    "export.figure.balance_held": "solde retenu",
    "export.figure.time_barred": "prescrit",
    "export.figure.paid": "déjà versé",
    "export.figure.payable": "à verser",
    "export.figure.excess_paid": "trop-versé",
    "export.budget.year": "exercice",
    "export.budget.accrued": "acquis dans l'exercice",
    "export.budget.withheld": "dont retenu à ce jour",
    "export.budget.releasable": "dont versable à ce jour",
    "export.budget.became_releasable": "devenu versable dans l'exercice",
    "export.budget.paid": "versé dans l'exercice",
    "export.sheet.budget_years": "exercices",
    "export.sheet.contracts": "contrats",
    "export.sheet.figures": "montants",
    "export.sheet.assessment": "évaluation",
    "export.sheet.unmet": "conditions non remplies",
    # reports: the liquidation statement (« état liquidatif ») of the payment an assessment allows.
    "statement.title": "État liquidatif",
    "statement.subtitle": "{reference}, paiement proposé au {as_of}",
    "statement.fictitious": (
        "Exemple fictif : ce document n'est pas à signer. Les contrats, versements, dates et pièces ci-dessous "
        "sont inventés pour l'exemple intégré de la bibliothèque."
    ),
    "statement.do_not_sign": "(Exemple fictif : ne pas signer.)",
    "statement.certified": "Certifié exact le présent état, arrêté à la somme de {payable}.",
    "statement.signed_at": "À ………………………………, le ……………………",
    "statement.ordonnateur": "L'ordonnateur (nom, qualité, signature) :",
    "statement.source.not_reported": "non indiquée",
    "statement.facts": "Les faits et leur source",
    "statement.column.fact": "Fait",
    "statement.column.value": "Valeur",
    "statement.column.source": "Source",
    "statement.column.reading": "Fondement du montant",
    "statement.column.payable": "À verser",
    "statement.column.line": "Ligne",
    "statement.column.clause": "Clause",
    "statement.column.amount": "Montant",
    "statement.column.payment": "Versement",
    "statement.column.paid_on": "Versé le",
    "statement.column.basis": "Fondement",
    "statement.column.subject": "Objet",
    "statement.column.reference": "Référence",
    "statement.fact.beneficiary": "Bénéficiaire",
    "statement.fact.funder": "Financeur",
    "statement.fact.programme": "Dispositif subventionné",
    "statement.fact.deliberation": "Délibération (C9)",
    "statement.fact.financing_signed_on": "Convention de financement (C3)",
    "statement.fact.financing": "Modalités de versement (C3)",
    "statement.fact.regional_authorisation_on": "Autorisation régionale (C4)",
    "statement.fact.as_of": "Date de la liquidation",
    "statement.fact.contracts": "Contrats d'accompagnement",
    "statement.fact.payments": "Versements effectués",
    "statement.fact.documents": "Pièces justificatives reçues",
    "statement.value.adopted": "du {day}, adoptée",
    "statement.value.not_adopted": "du {day}, non adoptée",
    "statement.value.signed": "signée le {day}",
    "statement.value.not_signed": "non signée",
    "statement.value.no_terms": "aucune : la délibération seule",
    "statement.value.assumed": "supposées (la convention de financement n'a pas été publiée)",
    "statement.value.given": "données",
    "statement.value.contracts": "{count} contrat(s), dont {eligible} éligible(s) sur {required} requis",
    "statement.value.payments": "{count} versement(s), {paid}",
    "statement.value.documents": "{count} pièce(s)",
    "statement.amount": "Montant proposé au paiement",
    "statement.proposed": "Montant proposé au paiement : {payable}.",
    "statement.simulation": (
        "Les modalités de versement sont supposées, non données : le montant selon la délibération seule est le "
        "plafond ; le montant selon les modalités supposées est une simulation."
    ),
    "statement.reading.deliberation": "Délibération seule (plafond)",
    "statement.reading.assumed": "Modalités de versement supposées (simulation)",
    "statement.computation": "Liquidation du montant, ligne par ligne",
    "statement.line.operating": "Année {year} : fonctionnement du dispositif, acquis le {day}",
    "statement.line.contract": "Année {year} : contrat {contract}, acquis le {day}",
    "statement.line.year": "Année {year} : acquis de l'année",
    "statement.line.accrued": "Acquis",
    "statement.line.withheld": "moins le retenu pour condition non remplie",
    "statement.line.releasable": "égale le versable",
    "statement.line.awaiting": "moins l'attente de pièces justificatives",
    "statement.line.balance": "moins le solde retenu",
    "statement.line.time_barred": "moins les créances impayées prescrites (loi n° 68-1250, art. 1er et 6)",
    "statement.line.paid": "moins le déjà versé ({count} versement(s))",
    "statement.line.payable": "égale le montant proposé au paiement",
    "statement.excess": "Versé au-delà du versable : {amount}, rien à verser ; un reversement à décider.",
    "statement.documents": "Pièces justificatives",
    "statement.no_documents": "Sans modalités de versement, la délibération ne demande aucune pièce justificative.",
    "statement.situation": "Exercice budgétaire et subvention",
    "statement.budget_year": "Exercice budgétaire du paiement : {year} (l'année civile du {as_of}).",
    "statement.remains": "Sur la subvention de {cap} : {paid} versés, {payable} proposés ce jour ; il reste {remains}.",
    "statement.bases": "Fondements juridiques",
    "statement.deliberation_source": "la délibération",
    # files: where each input of a report came from, and the warnings on the inputs.
    "inputs.heading": "Données d'entrée",
    "inputs.warning": "Attention",
    "inputs.origin.example": "inventé pour l'exemple intégré (fictif)",
    "inputs.origin.preset": "la convention prédéfinie {name}",
    "inputs.origin.scenario": "le fichier de scénario {file}",
    "inputs.origin.stdin": "le scénario lu sur l'entrée standard",
    "inputs.origin.file": "le fichier {file} ({option}{read})",
    "inputs.origin.read_as": ", lu en {encoding}",
    "inputs.origin.option": "l'option {option}",
    "inputs.origin.assumed": "les modalités supposées, non publiées ({option})",
    "inputs.origin.library": "supposée par la bibliothèque, non publiée",
    "inputs.fictitious": (
        "EXEMPLE FICTIF : les faits marqués inventés l'ont été pour l'exemple intégré ; "
        "aucun montant de ce rapport n'est à signer."
    ),
    "inputs.term.advance_share": "Avance",
    "inputs.term.balance_share": "Solde",
    "inputs.term.financial_statement_months": "Compte rendu",
    "inputs.term.final_report_months": "Rapport final",
    "inputs.term.contract_copy_months": "Copie contrat",
    "inputs.headline.ceiling": "À verser selon la délibération seule (plafond) : {payable}",
    "inputs.headline.simulation": (
        "À verser selon les modalités supposées de la convention de financement (simulation, montant à ne pas "
        "signer) : {payable}"
    ),
    "inputs.column.source": "Source",
    "error.financing_signed_on_needed": (
        "--financing assumed demande le jour de signature de la convention de financement : indiquez "
        "--financing-signed-on AAAA-MM-JJ, ou --financing-not-signed si elle n'est pas signée"
    ),
    "error.documents_without_terms": (
        "--documents demande les modalités de la convention de financement : indiquez --financing assumed, ou un "
        "fichier de scénario dont la convention a des modalités"
    ),
    "inputs.basis.deliberation_alone": "À verser selon la délibération seule (plafond)",
    "inputs.basis.assumed_terms": "À verser selon les modalités supposées (simulation, à ne pas signer)",
    "inputs.basis.given_terms": "À verser selon les modalités données",
    "export.sheet.sources": "Hypothèses et sources",
    "inputs.terms_partly_assumed": (
        "Parmi les modalités ci-dessous, celles-ci sont des HYPOTHÈSES de la bibliothèque, les autres celles du "
        "scénario : {assumed} ; la convention de financement n'a pas été publiée avec la délibération (C3 : « selon "
        "les modalités définies dans la convention de financement »)."
    ),
    "inputs.terms_partly": "données en partie ; supposées par la bibliothèque : {assumed}",
    "inputs.readings.simulation": (
        "Selon les modalités supposées de la convention de financement (simulation, montants à ne pas signer) :"
    ),
    "inputs.readings.ceiling": "Selon la délibération seule (le plafond de chaque lecture) :",
    "inputs.label.convention": "Convention",
    "inputs.label.contracts": "Contrats",
    "inputs.label.payments": "Versements",
    "inputs.label.as_of": "Date d'effet",
    "inputs.label.regional_authorisation_on": "Autorisation",
    "inputs.label.financing": "Modalités",
    "inputs.label.financing_signed_on": "Signature",
    "inputs.label.documents": "Pièces",
    "inputs.none.convention": "aucune",
    "inputs.none.contracts": "aucun",
    "inputs.none.payments": "aucun",
    "inputs.none.as_of": "aucune",
    "inputs.none.regional_authorisation_on": "non validée",
    "inputs.none.financing": "aucune",
    "inputs.none.financing_signed_on": "non signée",
    "inputs.none.documents": "aucune reçue",
    "inputs.postal_code": (
        "contrat {contract} : le siège {head_office} n'est le code INSEE d'aucune commune de la métropole "
        "mais le code postal de {communes}"
    ),
    "inputs.commune": "{name} (code INSEE {insee_code})",
    # files: the check of scenario files against their expect tables (``propulseur-rules check``).
    "check.expected_got": "{path} : attendu {expected}, obtenu {got}",
    "check.no_such_year": "{path}.index : la convention compte {count} année(s) de programme",
    "check.no_such_contract": "{path} : aucun contrat n'a cette référence",
    "check.clause_not_cited": (
        "covers : {clause} n'est cité par aucune condition non remplie ni aucune étape de la trace"
    ),
    "check.line.pass": "RÉUSSI {file} : {name}",
    "check.line.fail": "ÉCHEC  {file} : {name}",
    "check.line.skip": "IGNORÉ {file} : pas de table expect — {name}",
    "check.line.error": "ERREUR {file}",
    "check.clauses_exercised": "Clauses exercées : {clauses}",
    "check.clauses_not_exercised": "Clauses qu'aucun scénario n'exerce : {clauses}",
    "check.no_clause": "aucune",
    "check.summary": "{passed} réussi(s), {failed} en échec",
    "check.summary_skipped": "{passed} réussi(s), {failed} en échec, {skipped} ignoré(s)",
    # planning: the forecast.
    "forecast.title": (
        "Prévision pour {reference} : {draws} avenirs tirés (graine {seed}), {pipeline} contrats attendus."
    ),
    "forecast.payments": "Montants libérables par exercice budgétaire (C2, C3), {levels}, et moyenne :",
    "forecast.target": "Probabilité d'atteindre les {required} contrats (C3) : {probability} %",
    "forecast.earned": "Montant acquis au plus tard le ({levels}) : {days}",
    "forecast.never": "jamais",
    "forecast.chart_title": "Montants libérables par exercice : P{middle}, P{low}–P{high}",
    "forecast.chart_past": "Exercices écoulés",
    "forecast.chart_median": "P{middle} (médiane)",
    "forecast.chart_range": "Fourchette P{low}–P{high}",
    "forecast.paid": (
        "Montants versés selon la convention de financement par exercice budgétaire (C3), {levels}, et moyenne :"
    ),
    "forecast.outlook": (
        "Chaque pièce justificative encore attendue arrive à temps {on_time} %, en retard {late} % (de {shortest} à "
        "{longest} jours), jamais {never} % ; chaque montant est versé le jour où il devient payable."
    ),
    "forecast.no_terms": (
        "Sans convention de financement : les montants libérables ne sont pas une prévision de versements."
    ),
    "forecast.chart_paid_title": (
        "Montants versés selon la convention de financement par exercice : P{middle}, P{low}–P{high}"
    ),
}
