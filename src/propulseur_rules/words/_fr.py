"""Les mots de la bibliothèque en français : les mêmes clés que :mod:`._en`, les mêmes champs."""

from __future__ import annotations

from ._fr_contracts import CONTRACT_WORDS
from ._fr_documents import DOCUMENT_WORDS
from ._fr_errors import ERROR_WORDS
from ._fr_page import PAGE_WORDS
from ._fr_sheets import SHEET_WORDS

__all__ = ["WORDS"]

#: Ce que disent les rapports, la trace, la planification et les exports.
_SHOWN: dict[str, str] = {
    # words: a share in hundredths.
    "unit.percent": "{value} %",
    # words: the signs that join the items of a list or a label and its value.
    "punctuation.or": " ou ",
    "punctuation.colon": " :",
    "punctuation.semicolon": " ; ",
    "language.name": "français",
    # rules: what each clause of the deliberation is about (``clause.`` + its id).
    "clause.c1": "la période de trois ans, du 1er juillet 2022 au 30 juin 2025",
    "clause.c2": "les montants : 195 000 € au total, 20 000 € par an, 15 000 € par contrat, 3 contrats par an",
    "clause.c3": "versement conditionné à la signature de 9 contrats d'accompagnement",
    "clause.c4": "versement conditionné à la convention d'autorisation unique avec la Région",
    "clause.c5": "contrats supplémentaires : la Métropole pourrait reconsidérer son aide",
    "clause.c6": "entrée qualifiée par le comité de sélection, siège social dans la métropole, souhait exprimé",
    "clause.c7": "la subvention de 195 000 € au titre de 9 projets",
    "clause.c8": "les deux domaines : industriel et santé",
    "clause.c9": "le vote du conseil",
    # rules: the terms of the financing convention (``term.`` + the member's name).
    # « avance » : money paid before the expense it funds is justified.
    "term.advance": "avance",
    # « acompte » : a part payment on a right already partly earned.
    "term.instalment": "acompte",
    # « solde » : the last payment, once everything is justified.
    "term.balance": "solde",
    "term.supporting_documents": "pièces justificatives",
    "term.financial_statement": "compte rendu financier",
    # « titre de recette » : the order by which a public body claims money back.
    "term.recovery_order": "titre de recette",
    "term.limitation": "prescription quadriennale",
    # rules: the supporting documents (``document.`` + the member's name).
    "document.contract_copy": "copie du contrat d'accompagnement signé",
    "document.financial_statement": "rapport d'activité annuel et compte rendu financier",
    "document.final_report": "rapport final",
    # rules: the fields of a startup, in the deliberation's words in French (``sector.`` + the member's name).
    "sector.industry": "industriel",
    "sector.health": "santé",
    "sector.other": "autre",
    # reports: the financing convention and the balance, said alike by the report and the trace.
    "financing.signed": "La convention de financement a été signée le {day}",
    "financing.signed_later": (
        "La convention de financement est signée le {day}, après la date de l'évaluation : rien n'est versé avant"
    ),
    "financing.not_signed": "La convention de financement n'est pas signée : rien n'est versé avant sa signature",
    "financing.balance_held": (
        "Solde retenu : {amount}{share}, jusqu'à la signature des contrats requis et la réception du rapport final."
    ),
    "limitation.funder_only": (
        "la Métropole ne peut y renoncer (loi n° 68-1250, art. 6) : la somme est retenue du paiement, sauf si son "
        "conseil en relève le bénéficiaire par une délibération motivée"
    ),
    # reports: a recovery to decide, said alike by the unmet condition, the report and the trace.
    "recovery.to_decide": "Reversement à décider : {amount}{reasons} : ",
    "recovery.reasons": " ({reasons})",
    "recovery.procedure.paid_before_condition": (
        "versée avant qu'une condition du versement ne soit remplie, rien d'autre n'est versé tant qu'elle ne l'est "
        "pas et la somme s'impute sur les versements suivants ; si la condition défaille définitivement, ce qui a "
        "été versé sans fondement est recouvré par un titre de recette"
    ),
    "recovery.procedure.paid_before_condition.final": (
        "versée avant une condition du versement qui ne peut plus être remplie, la somme versée sans fondement est "
        "recouvrée par un titre de recette"
    ),
    "recovery.procedure.overpayment.final": (
        "versée au-delà de ce qui est acquis, sans versement à venir sur lequel l'imputer, la somme est recouvrée "
        "par un titre de recette"
    ),
    "recovery.procedure.breach": (
        "une condition de l'octroi n'a pas été respectée par le bénéficiaire : la Métropole peut retirer la "
        "subvention en tout ou en partie{withdrawal}, par une décision motivée ({reasons}), après avoir mis le "
        "bénéficiaire à même de présenter ses observations ({hearing}) ; un titre de recette suit la décision"
    ),
    "recovery.procedure.overpayment": (
        "versée au-delà de ce qui est acquis, la somme s'impute sur les versements suivants ; le reliquat final est "
        "recouvré par un titre de recette"
    ),
    # reports: the short names of the conditions (``condition.`` + the member's name).
    "condition.regional_authorisation": "autorisation régionale",
    "condition.deliberation_adopted": "délibération adoptée",
    "condition.contract_target": "objectif de contrats",
    "condition.signed_within_period": "signé dans la période",
    "condition.head_office_in_territory": "siège social sur le territoire",
    "condition.startup_applied": "souhait exprimé par la startup",
    "condition.selected_by_committee": "sélection par le comité",
    "condition.sector_in_scope": "domaine concerné",
    "condition.one_contract_per_startup": "un contrat par startup",
    "condition.annual_contract_limit": "limite annuelle de contrats",
    "condition.convention_contract_limit": "places de la convention",
    "condition.reconsideration_possible": "réexamen possible",
    "condition.no_excess_payment": "pas de trop-versé",
    "condition.financing_convention_signed": "convention de financement signée",
    "condition.supporting_document": "pièces justificatives",
    "condition.balance_held": "solde retenu",
    "condition.claim_time_barred": "prescription quadriennale",
    "condition.de_minimis_ceiling": "plafond de minimis",
    # reports: the names of the statuses of a contract (``status.`` + the member's name).
    "status.funded": "financé",
    "status.over_annual_limit": "au-delà de la limite annuelle",
    "status.supplementary": "supplémentaire",
    "status.ineligible": "inéligible",
    "status.not_yet_signed": "pas encore signé",
    # reports: why a condition is unmet (``UnmetCondition.message``).
    "unmet.signed_within_period": "Le contrat {contract} a été signé hors de la période de la convention.",
    "unmet.head_office_in_territory": (
        "Contrat {contract} : le siège social de la startup n'est pas sur le territoire de la convention."
    ),
    "unmet.startup_applied": (
        "Contrat {contract} : le souhait de la startup n'est pas exprimé au plus tard à sa sélection."
    ),
    "unmet.selected_by_committee": (
        "Contrat {contract} : le comité de sélection n'a pas qualifié la startup au plus tard à la signature."
    ),
    "unmet.sector_in_scope": "Contrat {contract} : le domaine de la startup n'est pas un des domaines concernés.",
    "unmet.one_contract_per_startup": (
        "Contrat {contract} : la startup a déjà un contrat éligible antérieur dans cette convention."
    ),
    "unmet.annual_contract_limit": (
        "Le contrat {contract} dépasse la limite de contrats financés de son année de programme alors que des places "
        "restent libres d'autres années : il compte pour l'objectif mais n'apporte aucune subvention ; selon la "
        "lecture mutualisée des « 9 projets » (C7), il pourrait prendre une place libre."
    ),
    "unmet.convention_contract_limit": (
        "Le contrat {contract} est un contrat supplémentaire : toutes les places financées de la convention sont "
        "prises. Il compte pour l'objectif mais n'apporte aucune subvention ; la Métropole pourrait reconsidérer son "
        "aide."
    ),
    "unmet.signed_after_deadline": (
        "Le contrat {contract} a été signé après la date limite de signature de la convention (lecture stricte de « "
        "pour la période 2022 – 2024 »)."
    ),
    "unmet.selected_before_programme": (
        "Contrat {contract} : la startup a été sélectionnée avant le début des sélections de la convention ; elle "
        "était déjà accompagnée."
    ),
    "unmet.reconsideration": (
        "{beyond} contrat(s) éligible(s) dépassent les places financées de la convention : la Métropole pourrait "
        "reconsidérer son aide sur la période, jusqu'à {amount} pour leurs subventions (hors plafond). Rien n'est "
        "retenu pour autant."
    ),
    "unmet.financing_not_verified": (
        "La subvention dépasse {threshold} par an ({decree}) : son versement exige une convention de financement "
        "signée, dont la date de signature n'est pas donnée ; cette condition n'est donc pas vérifiée. Rien n'est "
        "retenu pour autant."
    ),
    "unmet.regional_authorisation": (
        "La convention d'autorisation unique entre le Conseil régional de Bourgogne-Franche-Comté et le financeur "
        "n'est pas validée."
    ),
    "unmet.deliberation_not_adopted": (
        "La délibération du conseil n'a pas été adoptée (quorum, décompte des voix ou majorité)."
    ),
    "unmet.deliberation_quorum": (
        "La délibération du conseil n'a pas été adoptée : la majorité de ses membres en exercice n'était pas "
        "présente, et le conseil ne siégeait pas sur une seconde convocation."
    ),
    "unmet.deliberation_vote_count": (
        "La délibération du conseil n'a pas été adoptée : les voix ne correspondent pas aux membres présents et "
        "représentés."
    ),
    "unmet.deliberation_majority": "La délibération du conseil n'a pas été adoptée : plus de voix contre que pour.",
    "unmet.deliberation_tie": (
        "La délibération du conseil n'a pas été adoptée : partage égal des voix, sans voix prépondérante du "
        "président en sa faveur (aucune en scrutin secret)."
    ),
    "unmet.deliberation_not_executory": (
        "La délibération est votée mais pas encore exécutoire à cette date : elle le devient une fois publiée et "
        "transmise au préfet."
    ),
    "unmet.deliberation_not_yet": "Le conseil n'a pas encore voté la délibération à cette date.",
    "unmet.target": (
        "Le versement est conditionné à la signature des contrats requis : il manque {needed} contrat(s) éligible(s)."
    ),
    "unmet.target_final": "La période est close avec {needed} contrat(s) éligible(s) de moins que le nombre requis.",
    "unmet.target_pro_rata": " Selon la lecture au prorata, rien n'est retenu pour autant.",
    "unmet.releases": " Sa levée libérerait {amount}.",
    "unmet.withheld_with_others": " {amount} sont retenus ; d'autres conditions bloquent aussi le versement.",
    "unmet.nothing_accrued": " Rien n'est encore acquis, donc rien n'est retenu pour l'instant.",
    "unmet.never_releasable": " Rien de ce qui est acquis ne pourra être versé.",
    "unmet.excess": "{amount} ont été versés au-delà du montant versable.",
    "unmet.excess_final": " La période étant close, c'est une somme à recouvrer.",
    "unmet.recovery": " C'est un reversement à décider, pas une dette déjà due : ",
    "unmet.document_waits": "{term} : {amount} attendent le {document}",
    "unmet.document_waits.any": "{term} : {amount} attendent une pièce justificative",
    "unmet.document_waits.contract_copy": "{term} : {amount} attendent la {document}",
    "document.covers.contract_copy": " {covers}",
    "document.covers.financial_statement": " de l'année de programme {covers}",
    "unmet.due_on": ", à remettre au plus tard le {day}",
    "unmet.overdue": " — en retard",
    "unmet.balance_held": (
        "Le {term} de {amount} est retenu jusqu'à la signature des contrats requis (il en manque {needed}) et la "
        "réception du rapport final"
    ),
    "unmet.balance_held.final": (
        "Le {term} de {amount} est retenu définitivement : la période est close et il manque {needed} des contrats "
        "requis ; il ne peut plus être versé, sauf décision contraire de la Métropole"
    ),
    "unmet.balance_held.report": "Le {term} de {amount} est retenu jusqu'à la réception du rapport final",
    "unmet.time_barred": ("{amount} restés impayés sont atteints par la {term}{on} : {funder_only}."),
    "unmet.time_barred_relieved": (
        "{amount} restés impayés sont atteints par la {term}{on} ; le conseil en a relevé le bénéficiaire le {day} "
        "par une délibération motivée : la somme est de nouveau à verser."
    ),
    "unmet.time_barred.on": " depuis le {day}",
    "unmet.de_minimis_ceiling": (
        "Contrat {contract} : sa subvention de {amount}, une aide à la start-up, porterait ses aides de minimis "
        "au-delà du plafond de {ceiling} ; un avertissement sur l'aide à la start-up, le versement n'est pas "
        "retenu."
    ),
    "unmet.de_minimis_no_siren": (
        "Contrat {contract} : la start-up n'a pas de SIREN, ses aides de minimis avec cette subvention de "
        "{amount} ne peuvent être comparées au plafond de {ceiling} ; le versement n'est pas retenu."
    ),
    # reports: the readings of the convention (C2, C3, C7).
    "reading.annual": "par année de programme",
    "reading.pooled": "mutualisées sur la période",
    "reading.pro_rata": "au prorata",
    "reading.all_or_nothing": "tout ou rien",
    "reading.on_event": "à chaque événement",
    "reading.at_year_end": "à chaque fin d'année",
    # reports: the text, Markdown and HTML reports, the readings and the budget years.
    "report.title": "Évaluation de {reference} au {as_of}",
    "report.parties": "Financeur : {funder}. Bénéficiaire : {beneficiary}.",
    "report.terms": (
        "Période {period} (C1) ; plafond {cap} (C2) ; {operating} par an pour le fonctionnement, {per_contract} par "
        "contrat, au plus {limit} contrat(s) financé(s) par an (C2) ; {required} contrats requis (C3)."
    ),
    "report.readings": "Lectures : objectif {policy}, acquisition {accrual} (C3) ; places {places} (C2, C7)",
    "report.readings.deadline": " ; contrats signés au plus tard le {day} (C7)",
    "report.readings.selected_from": " ; startups sélectionnées à partir du {day} (C6)",
    "report.readings_title": "{reference} : les montants selon chaque lecture",
    "report.readings_default": "Défaut",
    "report.readings_target": "Objectif (C3)",
    "report.readings_accrual": "Acquisition (C3)",
    "report.readings_places": "Places (C2, C7)",
    "report.readings_period": "Période (C1, C7)",
    "report.readings_accrued_difference": "Acquis / défaut",
    "report.readings_payable_difference": "À verser / défaut",
    "report.period_c1": "période de C1",
    "report.period_by": "signés au plus tard le {day}",
    "report.readings_note": (
        "* les lectures de la convention elle-même. Seul le dispositif de la délibération (C7, sous la réserve de C4 ; "
        "le vote, C9) a force juridique ; l'exposé en donne les modalités. docs/interpretation.md dit quand choisir "
        "laquelle."
    ),
    "report.years": "Années de programme",
    "report.year": "Année",
    "report.accrues_on": "acquis le {day}",
    "report.year_total": "Droits {entitled}, acquis {accrued}.",
    "report.contracts": "Contrats",
    "report.no_contracts": "Aucun contrat.",
    "report.reference": "Référence",
    "report.status": "Statut",
    "report.grant": "Subvention",
    "report.why": "Motif",
    "report.operating": "Fonctionnement",
    "report.contract_grants": "Contrats",
    "report.entitled": "Droits",
    "report.money": "Montants",
    "report.accrued": "Acquis",
    "report.withheld": "Retenu",
    "report.releasable": "Versable",
    "report.paid": "Déjà versé",
    "report.payable": "À verser",
    "report.excess_paid": "Trop-versé",
    "report.payments": "Versements pris en compte",
    "report.unmet": "Conditions non remplies",
    "report.all_met": "Toutes les conditions sont remplies.",
    "report.target_count": "Contrats éligibles : {eligible} sur {required} requis (C3).",
    "report.blocking": "bloque le versement",
    "report.final": "définitif",
    "report.awaiting_documents": "En attente de pièces",
    "report.balance_held_money": "Solde retenu",
    "report.time_barred": "Prescrit",
    "report.financing": "Versement selon la convention de financement",
    "report.financing.assumed": (
        "Les modalités ci-dessous sont des HYPOTHÈSES : la convention de financement n'a pas été "
        "publiée avec la délibération (C3 : « selon les modalités définies dans la convention de financement »)."
    ),
    "report.financing.given": (
        "Les modalités ci-dessous sont celles du scénario, et non les hypothèses par défaut ; la convention de "
        "financement n'a pas été publiée avec la délibération (C3 : « selon les modalités définies dans la "
        "convention de financement ») : elles n'ont pu être vérifiées sur son texte."
    ),
    "report.financing.assumptions": (
        "{lead} {advance} % de chaque subvention annuelle de fonctionnement est une {advance_term} ; le {balance_term} "
        "est de {balance} % des sommes versables ; le {statement} est dû dans un délai de {statement_months} mois "
        "après la fin de chaque année de programme, le rapport final dans un délai de {report_months} mois après la "
        "fin de la période, la copie de chaque contrat dans un délai de {copy_months} mois après sa signature."
    ),
    "report.financing.cited": "{sentence} (C3 ; {citation}).",
    "report.financing.payable": (
        "À verser{nature} : {payable} = {releasable} versables − {awaiting} en attente de pièces − {balance} de solde "
        "retenu − {paid} déjà versés, au vu des {received} pièce(s) justificative(s) reçue(s) (ci-dessous)."
    ),
    "report.financing.payable_time_barred": (
        "À verser{nature} : {payable} = {releasable} versables − {awaiting} en attente de pièces − {balance} de solde "
        "retenu − {paid} déjà versés − {time_barred} atteints par la prescription quadriennale, au vu des "
        "{received} pièce(s) justificative(s) reçue(s) (ci-dessous)."
    ),
    "report.financing.as_instalment": " au titre d'un acompte",
    "report.financing.as_balance": " au titre du solde",
    "report.financing.payable_none": "À verser : {payable} ; aucune pièce justificative reçue pour l'instant.",
    "report.financing.documents": "Pièces justificatives",
    "report.financing.document": "Pièce",
    "report.financing.due_on": "À remettre le",
    "report.financing.received_on": "Reçue le",
    "report.financing.waiting": "En attente",
    "report.financing.not_received": "non reçue",
    "report.financing.overdue": "en retard",
    "report.financing.awaited": (
        "En attente : {amount} pour la pièce « {document} », à remettre au plus tard le {day}{late}."
    ),
    "report.financing.next": "Prochaines échéances :",
    "report.financing.next_none": "Aucune échéance à venir.",
    "report.financing.next_document": "{day} : {document}{waiting}",
    "report.financing.next_waiting": " ({amount} en attente)",
    "report.financing.next_limitation": (
        "{day} : dernier jour pour verser {amount} (droit acquis le {arose}) avant la {term} ({citation})"
    ),
    "report.financing.time_barred": "Au-delà de la prescription :",
    "report.financing.open_data": (
        "Données ouvertes : cette subvention est aussi un enregistrement SCDL « subventions » (décret n° 2017-779), "
        "daté de la signature de la convention de financement : propulseur-rules export --format scdl-csv."
    ),
    "report.budget_title": "Exercices budgétaires (années civiles) de {reference} au {as_of}",
    "report.budget_year": "Exercice",
    "report.budget_accrued": "Acquis dans l'exercice",
    "report.budget_withheld": "Dont retenu à ce jour",
    "report.budget_releasable": "Dont versable à ce jour",
    "report.budget_became_releasable": "Devenu versable dans l'exercice",
    "report.budget_paid": "Versé dans l'exercice",
    "report.budget_total": "Total",
    "report.budget_not_by_year": "Non ventilé par exercice",
    "report.budget_note": (
        "Acquis dans l'exercice : ce qui a été acquis dans l'année civile ; dont retenu ou versable à ce jour : la "
        "part retenue ou versable à la date de l'évaluation, comptée dans l'exercice où elle a été acquise ; devenu "
        "versable dans l'exercice : la même somme versable, comptée dans l'exercice où elle l'est devenue (à la "
        "levée de la dernière condition, C4, C9, C3) ; versé dans l'exercice : selon la date du versement. Les "
        "totaux sont ceux "
        "des années de programme. Les montants en attente de pièces, le solde retenu, le montant à verser et le "
        "trop-versé s'entendent de l'évaluation dans son ensemble."
    ),
    "report.schedule_title": "Calendrier de {reference}",
    "report.schedule_date": "Date",
    "report.schedule_event": "Événement",
    "report.schedule_clause": "Clause",
    "report.schedule_amount": "Montant",
    "report.schedule_note": (
        "Montant : ce qui est acquis, ou ce que la levée d'une condition libère ; acquis et versable sont des cumuls."
    ),
    "report.schedule_empty": "Aucun montant n'est acquis ni libéré.",
    "report.event_year_opens": "Ouverture de l'année de programme {index} ({label}) : fonctionnement",
    "report.event_contract_signed": "Signature du contrat {contract}",
    "report.event_year_closes": "Clôture de l'année de programme {index} ({label})",
    "report.event_authorisation_validated": "Validation de l'autorisation régionale",
    "report.event_deliberation_adopted": "Vote de la délibération par le conseil",
    "report.event_target_reached": "Objectif de contrats atteint avec {contract}",
    # planning: the events of the financing terms in the schedule.
    "report.event_financing_signed": "Signature de la convention de financement",
    "report.event_document_received": "Reçu : {document}{covering}",
    "report.event_balance_released": "Solde libéré : objectif atteint et rapport final reçu",
    "report.event_document_due": "Date limite d'envoi : {document}{covering}",
    "report.event_claim_time_barred": "Créance impayée atteinte par la prescription quadriennale",
    "report.covering_contract": ", contrat {contract}",
    "report.covering_year": ", année de programme {index}",
    "report.schedule_released": "Versable hors pièces et solde",
    "report.schedule_financing_note": (
        "Versable hors pièces et solde : le versable moins ce qui attend une pièce justificative et le solde retenu ; "
        "le montant d'une pièce est ce qu'elle libère, celui d'une échéance ce qui l'attend encore."
    ),
    # reports: the steps of the trace (``step.`` + the step's kind and its forms).
    "step.section.convention": "La convention",
    "step.section.conditions": "Conditions du versement",
    "step.readings": (
        "Lectures : objectif {target_policy}, acquisition {accrual}, places {places} ; contrats signés au plus tard le "
        "{signing_deadline}."
    ),
    "step.readings.selected_from": " Les startups sélectionnées avant le {selected_from} étaient déjà accompagnées.",
    "step.period": "Période du {start} au {end} : {years} année(s) de programme de douze mois.",
    "step.deliberation": (
        "Vote du conseil du {decided_on} : {present} présents sur {members_in_office} membres en exercice, {proxies} "
        "procurations ; {votes_for} pour, {votes_against} contre, {abstentions} abstentions, {not_voting} ne se "
        "prononcent pas."
    ),
    "step.deliberation.adopted": " La délibération est adoptée.",
    "step.deliberation.second_convocation": " Le conseil siégeait sur seconde convocation : sans condition de quorum.",
    "step.deliberation.casting_vote": " Partage égal des voix : la voix du président a été prépondérante.",
    "step.deliberation.executory": " Elle est devenue exécutoire le {executory_on}.",
    "step.deliberation.quorum": " La délibération n'est pas adoptée : quorum non atteint.",
    "step.deliberation.vote_count": " La délibération n'est pas adoptée : le décompte des voix est incohérent.",
    "step.deliberation.majority": " La délibération n'est pas adoptée : plus de voix contre que pour.",
    "step.deliberation.tie": (
        " La délibération n'est pas adoptée : partage égal des voix, non départagé par la voix du président."
    ),
    "step.year": "Année de programme {year}, {label} (du {start} au {end})",
    "step.operating_grant": "Fonctionnement du dispositif : {amount}",
    "step.contract_grant": "Contrat {contract} : {amount}",
    "step.grant.cut": " (réduit par le plafond, au lieu de {nominal})",
    "step.grant.accrued": ", acquis le {accrues_on}",
    "step.grant.pending": ", sera acquis le {accrues_on}",
    "step.over_annual_limit_contract": (
        "Contrat {contract} : au-delà de la limite annuelle, après les {limit} contrat(s) financé(s) de l'année alors "
        "que d'autres années ont des places : aucune subvention."
    ),
    "step.supplementary_contract": (
        "Contrat {contract} : supplémentaire, les {places} places financées de la convention sont toutes prises : "
        "aucune subvention ; la Métropole pourrait reconsidérer son aide."
    ),
    "step.year_total.pooled": (
        "Droits {operating_grant} + {contract_grants} = {entitled} (places mutualisées sur la période : pas de plafond "
        "annuel, seulement le plafond total) ; acquis {amount}."
    ),
    "step.year_total": (
        "Droits {operating_grant} + {contract_grants} = {entitled} (au plus {annual_ceiling} par an) ; acquis {amount}."
    ),
    "step.contract_status": "{contract} : {status}, {amount}",
    "step.contract_status.why": " : {why}",
    "step.contract_status.year": "{contract} : {status}, année {programme_year}, {amount}",
    "step.target": "Contrats éligibles : {eligible} sur {required} requis ; lecture {policy}.",
    "step.regional_authorisation": "La convention d'autorisation unique avec la Région est validée le {authorised_on}.",
    "step.regional_authorisation.later": (
        "La convention d'autorisation unique avec la Région est validée le {authorised_on}, après la date de "
        "l'évaluation."
    ),
    "step.regional_authorisation.missing": "La convention d'autorisation unique avec la Région n'est pas validée.",
    "step.payment": "{reference}, versé le {paid_on} : {amount}",
    "step.accrued": "Acquis : {by_year} = {amount} (plafond {total_cap})",
    "step.withheld": "Retenu : {amount}, tout l'acquis, tant que le versement est bloqué ({blocking})",
    "step.withheld.none": "Retenu : {amount}, aucune condition ne bloque le versement",
    "step.releasable": "Versable : {accrued} − {withheld} = {amount}",
    "step.paid": "Déjà versé : {payments} versement(s), {amount}",
    "step.payable": "À verser : max(0, {releasable} − {paid}) = {amount}",
    "step.excess_paid": "Trop-versé : max(0, {paid} − {releasable}) = {amount}",
    "step.payable.financing": (
        "À verser : max(0, {releasable} − {awaiting_documents} en attente de pièces − {balance_held} de solde retenu − "
        "{paid}) = {amount}"
    ),
    "step.payable.time_barred": (
        "À verser : max(0, {releasable} − {awaiting_documents} en attente de pièces − {balance_held} de solde retenu − "
        "{paid}) − {time_barred} prescrits, retenus au titre de la prescription quadriennale = {amount}"
    ),
    "step.document": "{document} : à remettre au plus tard le {due_on} ; réception le {received_on}.",
    "step.document.awaited": (
        "{document} : à remettre au plus tard le {due_on} ; pas encore de réception ; {amount} en attente."
    ),
    "step.document.due": "{document} : à remettre au plus tard le {due_on} ; pas encore de réception.",
    "step.document.overdue": "{document} : à remettre au plus tard le {due_on} ; en retard ; {amount} en attente.",
    "step.balance.share": ", {balance_share} du versable {releasable}",
    "step.balance.released": (
        "Solde libéré : les contrats requis sont signés et le rapport final est arrivé le {final_report_on}."
    ),
    "step.limitation": (
        "Impayé de {amount}, droit acquis le {arose_on} : dernier jour le {due_on} avant la prescription quadriennale."
    ),
    "step.limitation.overdue": (
        "Impayé de {amount}, droit acquis le {arose_on} : atteint par la prescription quadriennale depuis le "
        "{lapsed_on} ; "
    ),
    "step.unmet.quote": "« {quote} »",
}

WORDS: dict[str, str] = {
    **_SHOWN,
    **CONTRACT_WORDS,
    **DOCUMENT_WORDS,
    **ERROR_WORDS,
    **SHEET_WORDS,
    **PAGE_WORDS,
}
