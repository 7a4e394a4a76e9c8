"""Les mots de la bibliothèque en français : les mêmes clés que :mod:`._en`, les mêmes champs."""

from __future__ import annotations

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
        "la Métropole ne peut y renoncer, sauf si son conseil en relève le bénéficiaire par une délibération "
        "motivée ; cette évaluation ne la retranche pas des montants"
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
        "par une délibération motivée."
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
    # reports: the headers and sheets of the CSV and .xlsx exports (in English, the codes of the records).
    "export.column.reference": "référence",
    "export.column.status": "statut",
    "export.column.programme_year": "année du programme",
    "export.column.grant": "subvention",
    "export.column.accrues_on": "acquise le",
    "export.column.unmet": "conditions non remplies",
    "export.heading.figure": "poste",
    "export.heading.amount": "montant",
    "export.figure.accrued": "acquis",
    "export.figure.withheld": "retenu",
    "export.figure.releasable": "versable",
    "export.figure.awaiting_documents": "en attente de pièces",
    "export.figure.balance_held": "solde retenu",
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
}

#: Les motifs des erreurs que la bibliothèque lève à dessein.
_ERRORS: dict[str, str] = {
    # words : les langues, les valeurs dans une erreur (erreurs, choix, valeur trop grande pour être montrée)
    "error.unknown_language": "{value} n'est pas une langue des rapports ; langues possibles : {choices}",
    "error.either": "{first} ou {last}",
    "error.integer_size": "un entier de {bits} bits",
    "error.nested_value": "un {type} imbriqué trop profondément",
    "error.value_number_too_long": "un {type} contenant un nombre trop long pour être montré",
    # files : la lecture d'un fichier
    "error.no_such_file": "fichier introuvable",
    "error.is_folder": "est un dossier, pas un fichier",
    "error.permission": "ne peut être lu : permission refusée",
    "error.unreadable": "ne peut être lu : {reason}",
    "error.empty": "est vide",
    "error.too_large": "dépasse {size} Mo",
    "error.workbook_as_csv": (
        "est un classeur (.xlsx ou .ods), pas du texte CSV : enregistrez-le en CSV, ou nommez-le .xlsx"
    ),
    "error.bad_csv": "n'est pas un CSV valide : {detail}",
    "error.bad_workbook": "n'est pas un classeur .xlsx lisible",
    "error.too_many_rows": "a plus de {limit} lignes",
    "error.fields": "a {count} champs là où l'en-tête en a {expected}",
    "error.not_utf8": (
        "n'est pas du texte UTF-8 (octet {byte}) ; enregistrez-le en UTF-8 (« CSV UTF-8 » dans un tableur)"
    ),
    "error.missing_column": "la colonne {column} manque (les colonnes sont {columns})",
    "error.twice_column": "la colonne {column} est donnée deux fois",
    "error.unnamed_column": "la colonne {position} n'a pas de nom",
    "error.unknown_column_hint": (
        "la colonne {position}{named} n'est pas une colonne connue ; vouliez-vous dire {close} ?"
    ),
    "error.unknown_column": "la colonne {position} n'est pas une colonne connue ; les colonnes sont {columns}",
    "error.not_a_day": "{value} n'est pas un jour du calendrier",
    "error.not_a_date": "{value} n'est pas une date (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)",
    "error.not_an_amount": "{value} n'est pas un montant en euros (attendu : 50000.00 ou 50 000,00)",
    "error.not_a_document_kind": (
        "{value} n'est pas une pièce connue ; attendu : copie du contrat (contract_copy), compte rendu "
        "financier (financial_statement) ou rapport final (final_report)"
    ),
    "error.used_twice": "{value} est utilisée deux fois (aussi {origin})",
    "error.rows_wrong": "{count} lignes sont erronées : ligne {lines}",
    "error.rows_wrong_and_more": "{count} lignes sont erronées : ligne {lines} ; et {more} de plus",
    "error.rows_joint": "; ligne ",
    "error.expected_file_path": "attendu : un chemin de fichier, pas {type}",
    "error.not_a_file_path": "n'est pas un chemin de fichier : {detail}",
    "error.expected_folder_path": "attendu : un chemin de dossier, pas {type}",
    "error.not_a_folder": "n'est pas un dossier existant",
    "error.absolute_path": "doit être un chemin relatif au dossier de base, pas un chemin absolu",
    "error.path_leaves_folder": "doit rester dans le dossier de base : '..' n'est pas permis",
    "error.control_in_file_name": "n'est pas un nom de fichier : il contient un caractère de contrôle",
    "error.link_leaves_folder": "doit nommer un fichier du dossier de base (un lien symbolique ne peut pas en sortir)",
    # rules : dates, textes, nombres, secteurs, start-ups, versements, conseils
    "error.date_and_time": "attendu : une date, pas une date et une heure",
    "error.not_an_iso_date": "{value} n'est pas une date de la forme AAAA-MM-JJ",
    "error.expected_date_not": "attendu : une date, pas {type}",
    "error.date_nat": "attendu : une date, pas NaT (aucune date)",
    "error.date_numpy": "attendu : une date, pas une valeur numpy {dtype}",
    "error.date_and_time_zone": "attendu : une date, pas une date et une heure avec un fuseau horaire",
    "error.expected_text": "attendu : du texte, pas {type}",
    "error.must_not_be_empty": "ne doit pas être vide",
    "error.text_too_long": "dépasse {limit} caractères",
    "error.control_character": "contient un caractère de contrôle",
    "error.lone_surrogate": "contient un demi-caractère isolé (surrogate), qui n'est pas du texte",
    "error.expected_whole_number": "attendu : un nombre entier, pas {type}",
    "error.negative": "{value} est négatif",
    "error.count_too_large": "{value} dépasse le plus grand nombre accepté ({limit})",
    "error.end_before_start": "{end} est antérieur au début, le {start}",
    "error.not_a_sector": (
        "{value} n'est pas un secteur ; attendu : industry (industrie), health (santé) ou other (autre)"
    ),
    "error.expected_sector": "attendu : un secteur, pas {type}",
    "error.expected_insee_text": "attendu : un code commune INSEE sous forme de texte, pas {type}",
    "error.not_an_insee_code": "{value} n'est pas un code commune INSEE (5 caractères, comme 21231)",
    "error.expected_siren_text": "attendu : un SIREN sous forme de texte, pas {type}",
    "error.not_a_siren": "{value} n'est pas un SIREN (9 chiffres)",
    "error.siren_key": "{value} n'est pas un SIREN valide : sa clé de contrôle est fausse",
    "error.expected_startup": "attendu : une Startup, pas {type}",
    "error.payment_not_positive": "un versement doit être supérieur à 0",
    "error.not_a_limitation_event": "{value} n'est pas un événement de la prescription ; les événements sont {choices}",
    "error.aid_not_positive": "une aide doit être supérieure à 0",
    "error.president_for_not_counted": "le président a voté pour, mais aucune voix pour n'est comptée",
    "error.president_against_not_counted": "le président a voté contre, mais aucune voix contre n'est comptée",
    "error.executory_before_vote": "exécutoire le {executory_on}, c'est avant le vote du {decided_on}",
    "error.no_member_in_office": "un conseil a au moins un membre en exercice",
    "error.too_many_present": "{present} présents, c'est plus que les {members} membres en exercice",
    "error.too_many_proxies": "{proxies} pouvoirs, c'est plus que les {absent} membres absents",
    # rules : les montants en euros
    "error.expected_amount_not_value": "attendu : un montant en euros, pas {value}",
    "error.amount_too_large": "{value} dépasse le plus grand montant accepté ({limit})",
    "error.not_an_amount_in_euros": "{value} n'est pas un montant en euros",
    "error.expected_amount": "attendu : un montant en euros, pas {type}",
    "error.not_whole_cents": "{value} n'est pas un nombre entier de centimes",
    # rules : la convention de financement, ses termes et ses pièces
    "error.not_a_document_kind_value": (
        "{value} n'est pas une pièce connue ; attendu : contract_copy, financial_statement ou final_report"
    ),
    "error.expected_document_kind": "attendu : une sorte de pièce, pas {type}",
    "error.not_a_year_number": "attendu : un numéro d'année de programme (1, 2, …), pas {value}",
    "error.no_year_number": "{value} n'est pas un numéro d'année de programme (1, 2, …)",
    "error.copy_covers_contract": "la copie d'un contrat porte sur la référence d'un contrat, pas sur {value}",
    "error.final_report_covers_all": "le rapport final porte sur toute la convention, pas sur {value}",
    "error.not_a_share": "{value} n'est pas une part entre 0 et 1 (0 % à 100 %)",
    "error.not_a_number": "{value} n'est pas un nombre",
    "error.share_decimals": "{value} a plus de quatre décimales (un centième de pour cent)",
    "error.not_a_delay": "{value} n'est pas un délai de 0 à {limit} mois",
    "error.beyond_calendar": "{months} mois après le {day}, c'est au-delà du calendrier",
    "error.expected_document": "attendu : un Document, pas {type}",
    "error.not_a_contract_of_convention": "{value} n'est pas un contrat de cette convention",
    "error.no_such_programme_year": "la convention n'a pas d'année de programme {year} ; elle en a {count}",
    "error.before_financing_signed": "{day} est antérieur à la signature de la convention de financement, le {signed}",
    # rules : bases légales, entrées du moteur, règles, convention, résultat
    "error.not_a_basis_key": "{value} n'est pas une clé de mots en minuscules reliés par des traits d'union",
    "error.expected_non_empty_text": "attendu : un texte non vide, pas {value}",
    "error.not_a_celex_id": "{value} n'est pas le numéro CELEX d'un règlement comme 32023R2831",
    "error.not_a_legifrance_id": "{value} n'est pas un identifiant Légifrance comme LEGIARTI000006528553",
    "error.expected_pair_of_texts": "attendu : une paire de textes : anglais, français",
    "error.not_a_legal_basis": "{value} n'est pas une base légale ; attendu : l'une de {choices}",
    "error.fact_given_twice": "fait partie des faits donnés par un Facts : donnez-le là, ou ne donnez pas de Facts",
    "error.expected_convention": "attendu : une Convention, pas {type}",
    "error.expected_collection_of": "attendu : une collection de {kind}, pas {type}",
    "error.expected_a_kind": "attendu : un objet {kind}, pas {type}",
    "error.expected_cases": "attendu : une collection de cas, pas {type}",
    "error.expected_case": "attendu : un tuple (convention, contrats, arguments nommés) ou un dictionnaire, pas {type}",
    "error.required": "est obligatoire",
    "error.not_a_case_key": "{value} n'est pas une clé d'un cas ; attendu : {choices}",
    "error.case_length": "attendu : (convention, contrats, arguments nommés), pas {count} éléments",
    "error.expected_keywords": "attendu : un dictionnaire d'arguments nommés, pas {type}",
    "error.not_a_keyword": "{value} n'est pas un argument nommé de assess ; attendu : {choices}",
    "error.not_an_eligibility_condition": "{value} n'est fixée par aucune règle d'éligibilité",
    "error.not_one_of": "{value} n'est pas l'une des valeurs {choices}",
    "error.expected_collection": "attendu : une collection, pas {type}",
    "error.expected_period": "attendu : une Period, pas {type}",
    "error.not_whole_years": (
        "{value} n'est pas un nombre entier d'années de programme de douze mois (C1 en donne trois)"
    ),
    "error.too_many_years": "{years} années de programme, c'est plus que les {limit} acceptées",
    "error.expected_deliberation": "attendu : une Deliberation ou None, pas {type}",
    "error.expected_financing_terms": "attendu : des FinancingTerms ou None, pas {type}",
    "error.deadline_outside_period": "{deadline} n'est pas dans la période de la convention, {period}",
    "error.selected_after_end": "{value} est postérieur à la fin de la période, le {end}",
    "error.unknown_parameter": "{detail} ; les paramètres sont {known}",
    "error.not_a_contract_of_assessment": "{value} n'est pas la référence d'un contrat de cette évaluation",
    # files : fichiers de scénario et requêtes
    "error.kind_true_or_false": "vrai ou faux",
    "error.kind_table": "une table",
    "error.kind_list": "une liste",
    "error.kind_text": "du texte",
    "error.kind_whole_number": "un nombre entier",
    "error.kind_number": "un nombre",
    "error.kind_date_and_time": "une date et une heure",
    "error.kind_date": "une date",
    "error.kind_time": "une heure du jour",
    "error.expected_table": "attendu : une table, pas {kind}",
    "error.unknown_key_hint": "n'est pas une clé connue ; vouliez-vous dire {close} ?",
    "error.unknown_key": "n'est pas une clé connue ; les clés sont {keys}",
    "error.missing": "manque",
    "error.nested_too_deeply": "est imbriqué trop profondément",
    "error.number_too_large": "{value} est un nombre trop grand",
    "error.expected_csv_path": "attendu : le chemin d'un fichier CSV, pas {kind}",
    "error.csv_needs_base": "seul un scénario lu dans un fichier ou donné avec un base_dir peut nommer un fichier CSV",
    "error.absolute_csv_path": "doit être un chemin relatif au fichier de scénario, pas un chemin absolu",
    "error.unknown_preset": "{value} n'est pas une convention connue ; les conventions prédéfinies sont {presets}",
    "error.expected_expected_contracts": "attendu : une table de références de contrats, pas {kind}",
    "error.not_a_scenario_file": "attendu : un fichier de scénario .toml ou .json",
    "error.expected_scenario_text": "attendu : le texte d'un scénario, pas {type}",
    "error.not_a_scenario_format": "{value} n'est pas un format de scénario ; attendu : toml ou json",
    "error.bad_toml": "n'est pas du TOML valide : {detail}",
    "error.toml_integer_too_long": "n'est pas du TOML valide : un entier a trop de chiffres",
    "error.bad_json": "n'est pas du JSON valide : {detail} (ligne {line}, colonne {column})",
    "error.number_too_long": "le nombre {value}… est trop long",
    "error.number_out_of_range": "{value} est un nombre trop grand ou trop petit",
    "error.unusable_number": "{value} n'est pas un nombre utilisable",
    "error.key_twice": "est donnée deux fois dans le même objet",
    "error.expected_list": "attendu : une liste, pas {kind}",
    "error.years_from_one": "les années de programme sont numérotées à partir de 1",
    "error.unknown_field": "n'est pas un champ ; les champs sont {fields}",
    "error.needs_field": "demande {field}",
    "error.expected_an_item": "attendu : un objet {kind}, pas {type}",
    "error.expected_true_or_false": "attendu : true ou false, pas {type}",
    "error.expected_list_of": "attendu : une liste de {kind}, pas {type}",
    "error.expected_expectation": "attendu : une Expectation ou None, pas {type}",
    "error.not_a_clause": "{value} n'est pas une clause ; attendu : C1 à C9",
    "error.unknown_scenario_field": "{detail} ; les champs sont {known}",
    "error.expected_scenario": "attendu : un Scenario, pas {type}",
    "error.cannot_write": "ne peut être écrit : {reason}",
    # reports : résultats en JSON, trace, écriture d'un fichier, SCDL subventions
    "error.no_json_form": "{type} n'a pas de forme JSON dans les résultats",
    "error.not_an_input_of_step": "{value} n'est pas une entrée de cette étape {step}",
    "error.scdl_column": "{reason} (colonne SCDL {column})",
    "error.siret_required": "est obligatoire : un SIRET de 14 chiffres",
    "error.expected_siret_text": "attendu : un SIRET sous forme de texte, pas {type}",
    "error.not_a_siret": "{value} n'est pas un SIRET (14 chiffres : SIREN et NIC)",
    "error.siret_key": "{value} n'est pas un SIRET valide : sa clé de contrôle est fausse",
    "error.scdl_text_too_long": "compte {length} caractères ; le SCDL en permet {limit}",
    "error.expected_period_or_date": "attendu : une Period ou une date, pas {type}",
    "error.convention_signed_on_required": "est obligatoire : le jour de la signature de la convention de financement",
    "error.eu_notified_required": "est obligatoire (oui ou non) : si l'aide a été notifiée à la Commission européenne",
    "error.expected_share": "attendu : une part comme 1.00, en Decimal ou en texte, pas {type}",
    "error.not_a_scdl_share": "{value} n'est pas une part comme 1.00 ou 0.45",
    "error.scdl_share_range": "{value} n'est pas une part de 0.01 à 1 en centièmes",
    "error.column_missing": "la colonne manque",
    "error.not_a_scdl_column": "n'est pas une colonne de SCDL subventions",
    "error.scdl_order": "les colonnes ne sont pas dans l'ordre du SCDL : {columns}",
    "error.scdl_required_empty": "est obligatoire dans SCDL subventions et est vide",
    "error.not_a_siret_with_key": "{value} n'est pas un SIRET à la clé valide (14 chiffres)",
    "error.line_break": "contient un saut de ligne",
    "error.not_a_point_number": "{value} n'est pas un nombre avec un point, comme 47800.20",
    "error.not_a_scdl_period": "{value} n'est ni AAAA-MM-JJ ni AAAA-MM-JJ/AAAA-MM-JJ",
    "error.period_ends_before_start": "la période finit avant de commencer",
    "error.not_oui_or_non": "{value} n'est ni oui ni non",
    "error.not_a_scdl_percentage": "{value} n'est pas un nombre de 0.01 à 1",
    "error.not_a_scdl_date": "{value} n'est pas une date AAAA-MM-JJ",
    "error.siret_or_rna_required": (
        "est obligatoire : un SIRET de 14 chiffres, ou le numéro RNA d'une association (colonne rnaBeneficiaire)"
    ),
    "error.not_an_rna": "{value} n'est pas un numéro RNA (W et 9 chiffres)",
    "error.scdl_siret_or_rna_empty": "est vide, rnaBeneficiaire aussi : SCDL subventions exige l'un des deux",
    "error.scdl_no_payment_left": (
        "le dernier versement attendu, le {last}, précède le premier possible, le {first} : "
        "donnez la période de versement"
    ),
    "error.not_a_payment_period": "{value} n'est ni un jour ni une période DÉBUT/FIN (AAAA-MM-JJ/AAAA-MM-JJ)",
    "error.scdl_example_identifiers": (
        "les SIRET et le jour de signature de l'exemple intégré sont fictifs et seraient publiés sous les vrais "
        "noms de l'attribuant et du bénéficiaire : donnez les vrais, ou ajoutez --example-identifiers pour exporter "
        "l'exemple en tant qu'exemple"
    ),
    "note.scdl_example_identifiers": (
        "remarque : cet enregistrement porte les identifiants fictifs de l'exemple intégré ({values}) : un exemple, "
        "à ne pas publier"
    ),
    # planning : entrées de la prévision, échéancier, lectures, tableaux
    "error.expected_probability": "attendu : une probabilité de 0 à 1, pas {type}",
    "error.not_a_probability": "{value} n'est pas une probabilité de 0 à 1",
    "error.latest_before_earliest": "{latest} est antérieur au jour le plus tôt, le {earliest}",
    "error.expected_percentiles": "attendu : des centiles comme (10, 50, 90), pas {type}",
    "error.no_percentile": "attendu : au moins un centile",
    "error.not_a_percentile": "{value} n'est pas un centile de 1 à 99",
    "error.not_a_whole_percentile": "{value} n'est pas un centile entier",
    "error.expected_days_late": "attendu : un nombre entier de jours de 0 à 3660, pas {value}",
    "error.expected_dates": "attendu : une date ou une collection de dates, pas {type}",
    "error.expected_conventions": "attendu : une collection de Convention, pas {type}",
    "error.cut_by_assessment_only": "seule une évaluation se découpe par {value}",
    "error.expected_result": "attendu : une évaluation ou un résultat de planification, pas {type}",
    "error.expected_result_row": "attendu : une ligne d'un résultat de planification, pas {type}",
    # batch : les cas, tableaux pandas et tables Arrow du moteur en colonnes, ses résultats, Dask, la prévision
    # et son graphique, et les fonctions qui demandent un extra
    "error.columnar_financing": (
        "le moteur en colonnes évalue la délibération seule, pas les modalités de la convention de financement ; "
        "utilisez assess ou assess_many, ou {advice}"
    ),
    "error.columnar_de_minimis": (
        "le moteur en colonnes évalue la délibération seule, pas les aides de minimis des start-ups ; "
        "utilisez assess ou assess_many, ou laissez de côté de_minimis_aid"
    ),
    "error.advice_financing_none": "mettez le financement (financing) de la convention à None",
    "error.advice_leave_out": "ne donnez pas {name}",
    "error.forecast_financing": (
        "le moteur en colonnes de la prévision évalue la délibération seule, pas les modalités de la convention de "
        "financement ; mettez le financement (financing) de la convention à None, ou utilisez "
        "planning.payment_forecast"
    ),
    "error.not_a_contract_condition": "{condition} avec {reason} n'est pas une condition d'un contrat",
    "error.required_column_missing": "est une colonne obligatoire et manque",
    "error.not_a_column_of": "n'est pas une colonne de {table} ; attendu : {columns}",
    "error.column_given_twice": "est une colonne donnée deux fois",
    "error.unreadable_cells": "a des cellules d'un type qui ne peut être lu : {type}",
    "error.expected_scenario_key": "attendu : une clé comme un nombre ou un nom, pas {type}",
    "error.not_a_scenario_of_table": "{value} n'est pas un scénario de la table scenarios",
    "error.not_a_scenario_number": "{value} n'est pas le numéro d'un scénario de ce résultat",
    "error.expected_copies": "attendu : un nombre entier de copies, au moins 1, pas {value}",
    "error.expected_partitions": "attendu : un nombre entier de partitions, au moins 1, pas {value}",
    "error.expected_case_sequence": "attendu : une séquence de cas, pas {type}",
    "error.not_a_result_frame": "{value} n'est pas un tableau d'un résultat ; attendu : {choices}",
    "error.expected_draws": "attendu : un nombre d'avenirs tirés de 1 à {limit}, pas {value}",
    "error.expected_seed": "attendu : un nombre entier, 0 ou plus, pas {value}",
    "error.reference_of_two": "{value} est la référence de deux contrats, signés ou attendus",
    "error.cannot_write_chart": "impossible d'écrire le graphique : {reason}",
    "error.feature_frames": "l'usage de tableaux pandas de scénarios",
    "error.feature_arrow": "l'usage de tables Arrow de scénarios",
    "error.feature_dask": "l'exécution sur Dask",
    "error.feature_chart": "le graphique de la prévision",
    # rules : une dépendance optionnelle non installée, et les fonctions qui en demandent une
    "error.missing_extra": "{feature} demande {module} : pip install 'propulseur-rules[{extra}]'",
    "error.feature_read_xlsx": "la lecture d'un classeur .xlsx",
    "error.feature_write_xlsx": "l'écriture d'un classeur .xlsx",
    "error.feature_write_toml": "l'écriture d'un scénario en TOML",
    # cli : les faits, fichiers et options de la ligne de commande
    "error.comma_joint": ", ",
    "error.missing_facts": (
        "sans fichier de scénario, les données de l'exemple intégré ne complètent pas les vôtres : il manque {missing}"
    ),
    "error.option_contracts": "--contracts FICHIER",
    "error.option_as_of": "--as-of DATE",
    "error.option_authorised_on": "--authorised-on DATE (ou --not-authorised)",
    "error.option_payments": "--payments FICHIER (ou --no-payments)",
    "error.spreadsheet_not_scenario": (
        "un tableur de contrats ou de versements n'est pas un fichier de scénario ; donnez-le avec "
        "--contracts {file} (ou --payments)"
    ),
    "error.not_utf8_text": "n'est pas du texte UTF-8",
    "error.not_yes_or_no": "{value} n'est ni oui ni non",
    "error.xlsx_needs_output": (
        "--format xlsx demande --output FICHIER : un classeur ne s'écrit pas sur la sortie standard"
    ),
    "error.folder_without_scenario": "le dossier ne contient aucun scénario .toml ou .json",
    # cli : les erreurs d'usage de la ligne de commande, les messages d'argparse (ses msgids gettext) redits
    "error.label": "erreur :",
    "error.usage_argument": "argument {argument_name} : {message}",
    "error.usage_unrecognized": "arguments non reconnus : {value}",
    "error.usage_required": "ces arguments sont obligatoires : {value}",
    "error.usage_one_required": "l'un des arguments {value} est obligatoire",
    "error.usage_not_allowed_with": "interdit avec l'argument {value}",
    "error.usage_ignored_explicit": "valeur explicite {value} ignorée",
    "error.usage_expected_one": "une valeur attendue",
    "error.usage_expected_at_most_one": "au plus une valeur attendue",
    "error.usage_expected_at_least_one": "au moins une valeur attendue",
    "error.usage_expected_count": "{value} valeurs attendues",
    "error.usage_ambiguous": "option ambiguë : {option} peut désigner {matches}",
    "error.usage_invalid_choice": "choix invalide : {value} (choisir parmi {choices})",
    "error.usage_invalid_value": "valeur {type} invalide : {value}",
    "error.usage_unexpected_option": "option inattendue : {value}",
}

WORDS: dict[str, str] = {**_SHOWN, **_ERRORS}
