"""The words of the reports: the English and French text tables, money and dates.

Every text exists in both languages; a test checks that no key lacks its twin.
Each function here takes ``lang`` and refuses a language the reports do not
speak (:func:`~propulseur_rules.words._language.check_lang`); the renderers, the trace
and the planning views take their words, amounts and dates from here only.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from ..rules._financing import DocumentKind, FinanceTerm
from ..rules._legal import HEARING_BEFORE_WITHDRAWAL
from ..rules._money import CENT
from ..rules._outcome import Condition, ContractStatus
from ..words._language import LANGUAGES, check_lang, language_index

if TYPE_CHECKING:
    from ..rules._convention import Convention
    from ..rules._model import Period
    from ..rules._outcome import UnmetCondition

__all__ = [
    "CONDITION_LABELS",
    "LANGUAGES",
    "STATUS_LABELS",
    "STEP_TEXTS",
    "TEXTS",
    "check_lang",
    "condition_label",
    "document_text",
    "format_date",
    "format_money",
    "format_period",
    "status_label",
    "step_text",
    "text",
    "unmet_message",
]

#: The context amounts are shown in, whatever the caller's: a caller's lower
#: precision or traps must not change a report.
_CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation])


def format_money(amount: Decimal, lang: str = "en") -> str:
    """Euros for a reader: ``€195,000.00`` in English, ``195 000,00 €`` in French.

    >>> format_money(Decimal("195000"), "fr")
    '195 000,00 €'
    >>> format_money(Decimal("85000.5"))
    '€85,000.50'
    """
    french = language_index(lang) == 1
    text = f"{amount.quantize(CENT, rounding=decimal.ROUND_HALF_UP, context=_CONTEXT):,.2f}"
    if french:
        # French usage: a space between thousands, a comma for the cents, and
        # the euro sign after the amount. Plain spaces keep terminals and CSV simple.
        whole, cents = text.split(".")
        return whole.replace(",", " ") + "," + cents + " €"
    return f"€{text}" if not text.startswith("-") else f"-€{text[1:]}"


def format_date(day: dt.date, lang: str = "en") -> str:
    """A date for a reader: ISO 8601 in English (``2025-06-30``), ``30/06/2025`` in French.

    >>> format_date(dt.date(2025, 6, 30)), format_date(dt.date(2025, 6, 30), "fr")
    ('2025-06-30', '30/06/2025')
    """
    return day.strftime("%d/%m/%Y") if language_index(lang) == 1 else day.isoformat()


def readings_text(convention: Convention, lang: str = "en") -> str:
    """The readings an assessment used, in one sentence: target and accrual (C3), places (C2, C7), and the
    signing deadline (C7) and first selection day (C6) when they are set."""
    line = text(
        "readings",
        lang,
        policy=text(convention.target_policy.value, lang),
        accrual=text(convention.accrual.value, lang),
        places=text(convention.places.value, lang),
    )
    if convention.signing_deadline is not None:
        line += text("readings.deadline", lang, day=format_date(convention.signing_deadline, lang))
    if convention.selected_from is not None:
        line += text("readings.selected_from", lang, day=format_date(convention.selected_from, lang))
    return line + "."


def format_period(period: Period, lang: str = "en") -> str:
    """A period for a reader, both ends included: ``2022-07-01 – 2025-06-30``."""
    return f"{format_date(period.start, lang)} – {format_date(period.end, lang)}"


#: Short names of the conditions.
CONDITION_LABELS: dict[Condition, tuple[str, str]] = {
    Condition.REGIONAL_AUTHORISATION: ("regional authorisation", "autorisation régionale"),
    Condition.DELIBERATION_ADOPTED: ("deliberation adopted", "délibération adoptée"),
    Condition.CONTRACT_TARGET: ("contract target", "objectif de contrats"),
    Condition.SIGNED_WITHIN_PERIOD: ("signed within the period", "signé dans la période"),
    Condition.HEAD_OFFICE_IN_TERRITORY: ("head office in the territory", "siège social sur le territoire"),
    Condition.STARTUP_APPLIED: ("startup applied", "souhait exprimé par la startup"),
    Condition.SELECTED_BY_COMMITTEE: ("selected by the committee", "sélection par le comité"),
    Condition.SECTOR_IN_SCOPE: ("sector in scope", "domaine concerné"),
    Condition.ONE_CONTRACT_PER_STARTUP: ("one contract per startup", "un contrat par startup"),
    Condition.ANNUAL_CONTRACT_LIMIT: ("annual contract limit", "limite annuelle de contrats"),
    Condition.CONVENTION_CONTRACT_LIMIT: ("places of the convention", "places de la convention"),
    Condition.RECONSIDERATION_POSSIBLE: ("reconsideration possible", "réexamen possible"),
    Condition.NO_EXCESS_PAYMENT: ("no excess payment", "pas de trop-versé"),
    Condition.FINANCING_CONVENTION_SIGNED: ("financing convention signed", "convention de financement signée"),
    Condition.SUPPORTING_DOCUMENT: (
        FinanceTerm.SUPPORTING_DOCUMENTS.label("en"),
        FinanceTerm.SUPPORTING_DOCUMENTS.label("fr"),
    ),
    Condition.BALANCE_HELD: (
        f"{FinanceTerm.BALANCE.label('en')} held",
        f"{FinanceTerm.BALANCE.label('fr')} retenu",
    ),
    Condition.CLAIM_TIME_BARRED: (FinanceTerm.LIMITATION.label("en"), FinanceTerm.LIMITATION.label("fr")),
}

STATUS_LABELS: dict[ContractStatus, tuple[str, str]] = {
    ContractStatus.FUNDED: ("funded", "financé"),
    ContractStatus.OVER_ANNUAL_LIMIT: ("over the annual limit", "au-delà de la limite annuelle"),
    ContractStatus.SUPPLEMENTARY: ("supplementary", "supplémentaire"),
    ContractStatus.INELIGIBLE: ("ineligible", "inéligible"),
    ContractStatus.NOT_YET_SIGNED: ("not yet signed", "pas encore signé"),
}

#: Why a contract fails a condition, completed by ``{contract}``.
_CONTRACT_REASONS: dict[Condition, tuple[str, str]] = {
    Condition.SIGNED_WITHIN_PERIOD: (
        "Contract {contract} was signed outside the period of the convention.",
        "Le contrat {contract} a été signé hors de la période de la convention.",
    ),
    Condition.HEAD_OFFICE_IN_TERRITORY: (
        "Contract {contract}: the startup's head office is not in the territory of the convention.",
        "Contrat {contract} : le siège social de la startup n'est pas sur le territoire de la convention.",
    ),
    Condition.STARTUP_APPLIED: (
        "Contract {contract}: the startup's wish to join is not recorded on or before its selection.",
        "Contrat {contract} : le souhait de la startup n'est pas exprimé au plus tard à sa sélection.",
    ),
    Condition.SELECTED_BY_COMMITTEE: (
        "Contract {contract}: the selection committee did not qualify the startup on or before signature.",
        "Contrat {contract} : le comité de sélection n'a pas qualifié la startup au plus tard à la signature.",
    ),
    Condition.SECTOR_IN_SCOPE: (
        "Contract {contract}: the startup's sector is not one of the convention's fields.",
        "Contrat {contract} : le domaine de la startup n'est pas un des domaines concernés.",
    ),
    Condition.ONE_CONTRACT_PER_STARTUP: (
        "Contract {contract}: the startup already has an earlier eligible contract in this convention.",
        "Contrat {contract} : la startup a déjà un contrat éligible antérieur dans cette convention.",
    ),
    Condition.ANNUAL_CONTRACT_LIMIT: (
        "Contract {contract} is beyond the limit of funded contracts for its programme year while places "
        "remain in other years: it counts towards the target but brings no grant; under the pooled reading "
        "of « 9 projets » (C7) it could take a place left free.",
        "Le contrat {contract} dépasse la limite de contrats financés de son année de programme alors que "
        "des places restent libres d'autres années : il compte pour l'objectif mais n'apporte aucune "
        "subvention ; selon la lecture mutualisée des « 9 projets » (C7), il pourrait prendre une place libre.",
    ),
    Condition.CONVENTION_CONTRACT_LIMIT: (
        "Contract {contract} is a supplementary contract: every funded place of the convention is taken. "
        "It counts towards the target but brings no grant; the funder may reconsider its aid.",
        "Le contrat {contract} est un contrat supplémentaire : toutes les places financées de la convention "
        "sont prises. Il compte pour l'objectif mais n'apporte aucune subvention ; la Métropole pourrait "
        "reconsidérer son aide.",
    ),
}

#: The sentences of the rules that set a condition already set by another rule, by
#: the ``message`` key of their record (``ContractRule.message``), completed by ``{contract}``.
_RULE_REASONS: dict[str, tuple[str, str]] = {
    "signed_after_deadline": (
        "Contract {contract} was signed after the signing deadline of the convention "
        "(the strict reading of « pour la période 2022 – 2024 »).",
        "Le contrat {contract} a été signé après la date limite de signature de la convention "
        "(lecture stricte de « pour la période 2022 – 2024 »).",
    ),
    "selected_before_programme": (
        "Contract {contract}: the startup was selected before the selections of the convention began; "
        "it was already accompanied.",
        "Contrat {contract} : la startup a été sélectionnée avant le début des sélections de la convention ; "
        "elle était déjà accompagnée.",
    ),
}

#: Other texts of the reports, by key.
TEXTS: dict[str, tuple[str, str]] = {
    "reconsideration": (
        "{beyond} eligible contract(s) lie beyond the funded places of the convention: the funder may "
        "reconsider its aid over the period, up to {amount} for their grants (the cap aside). "
        "This withholds nothing.",
        "{beyond} contrat(s) éligible(s) dépassent les places financées de la convention : la Métropole "
        "pourrait reconsidérer son aide sur la période, jusqu'à {amount} pour leurs subventions (hors plafond). "
        "Rien n'est retenu pour autant.",
    ),
    "regional_authorisation": (
        "The single authorisation agreement between the Région Bourgogne-Franche-Comté and the funder "
        "is not validated.",
        "La convention d'autorisation unique entre le Conseil régional de Bourgogne-Franche-Comté et "
        "le financeur n'est pas validée.",
    ),
    "deliberation_not_adopted": (
        "The council's deliberation was not adopted (quorum, vote arithmetic or majority fails).",
        "La délibération du conseil n'a pas été adoptée (quorum, décompte des voix ou majorité).",
    ),
    "deliberation_not_yet": (
        "The council has not yet voted the deliberation on this date.",
        "Le conseil n'a pas encore voté la délibération à cette date.",
    ),
    "target": (
        "Payment is conditional on the signature of the required contracts: {needed} more eligible contract(s) needed.",
        "Le versement est conditionné à la signature des contrats requis : il manque {needed} contrat(s) éligible(s).",
    ),
    "target_final": (
        "The period has ended {needed} eligible contract(s) short of the required number.",
        "La période est close avec {needed} contrat(s) éligible(s) de moins que le nombre requis.",
    ),
    "target_pro_rata": (
        " Under the pro rata reading this withholds nothing.",
        " Selon la lecture au prorata, rien n'est retenu pour autant.",
    ),
    "releases": (
        " Lifting it would release {amount}.",
        " Sa levée libérerait {amount}.",
    ),
    "withheld_with_others": (
        " {amount} is withheld; other conditions also block payment.",
        " {amount} sont retenus ; d'autres conditions bloquent aussi le versement.",
    ),
    "nothing_accrued": (
        " Nothing has accrued yet, so nothing is withheld for now.",
        " Rien n'est encore acquis, donc rien n'est retenu pour l'instant.",
    ),
    "never_releasable": (
        " Nothing accrued can ever be released.",
        " Rien de ce qui est acquis ne pourra être versé.",
    ),
    "excess": (
        "{amount} has been paid beyond what is releasable.",
        "{amount} ont été versés au-delà du montant versable.",
    ),
    "excess_final": (
        " The period has ended: this is money to recover.",
        " La période étant close, c'est une somme à recouvrer.",
    ),
    # The financing convention (C3's « modalités ») and the law of subsidies.
    "recovery": (
        " A recovery to decide, not a debt already owed: the funder may withdraw the subsidy only after the "
        "beneficiary has been heard ({hearing}); a recovery order (« titre de recette ») follows the decision.",
        " C'est un reversement à décider, pas une dette déjà due : la Métropole ne peut retirer la subvention "
        "qu'après avoir entendu le bénéficiaire ({hearing}) ; un titre de recette suit la décision.",
    ),
    "financing_not_signed": (
        "The financing convention is not signed on this date: nothing is paid before it is, "
        "the law requiring one for a subsidy of this size.",
        "La convention de financement n'est pas signée à cette date : rien n'est versé avant sa signature, "
        "la loi l'exigeant pour une subvention de ce montant.",
    ),
    # The article each document takes in French: « la copie », « le rapport ».
    "document_waits": (
        "{term}: {amount} waits for the {document}",
        "{term} : {amount} attendent le {document}",
    ),
    "document_waits.any": (
        "{term}: {amount} waits for a supporting document",
        "{term} : {amount} attendent une pièce justificative",
    ),
    "document_waits.contract_copy": (
        "{term}: {amount} waits for the {document}",
        "{term} : {amount} attendent la {document}",
    ),
    "covers.contract_copy": (" {covers}", " {covers}"),
    "covers.financial_statement": (" of programme year {covers}", " de l'année de programme {covers}"),
    "due_on": (", due by {day}", ", à remettre au plus tard le {day}"),
    "overdue": (" — overdue", " — en retard"),
    "balance_held": (
        "The {term} of {amount} is held until the required contracts are signed ({needed} missing) and the "
        "final report is received",
        "Le {term} de {amount} est retenu jusqu'à la signature des contrats requis (il en manque {needed}) et "
        "la réception du rapport final",
    ),
    "balance_held.final": (
        "The {term} of {amount} is held for good: the period is over and {needed} of the required contracts "
        "were not signed; it can no longer be paid unless the funder reconsiders",
        "Le {term} de {amount} est retenu définitivement : la période est close et il manque {needed} des "
        "contrats requis ; il ne peut plus être versé, sauf décision contraire de la Métropole",
    ),
    "balance_held.report": (
        "The {term} of {amount} is held until the final report is received",
        "Le {term} de {amount} est retenu jusqu'à la réception du rapport final",
    ),
    "time_barred": (
        "{amount} left unpaid became time-barred{on} under the {term} (« prescription quadriennale »): only "
        "the funder may invoke it, and it must do so itself; nothing is cut from the figures.",
        "{amount} restés impayés sont atteints par la {term}{on} : seule la Métropole peut l'opposer, "
        "et elle doit le faire elle-même ; rien n'est retranché des montants.",
    ),
    "time_barred.on": (" on {day}", " depuis le {day}"),
    # Headings and labels of the reports.
    "title": ("Assessment of {reference} on {as_of}", "Évaluation de {reference} au {as_of}"),
    "parties": ("Funder: {funder}. Beneficiary: {beneficiary}.", "Financeur : {funder}. Bénéficiaire : {beneficiary}."),
    "terms": (
        "Period {period} (C1); cap {cap} (C2); operating grant {operating} a year, {per_contract} a contract, "
        "at most {limit} funded contract(s) a year (C2); {required} contracts required (C3).",
        "Période {period} (C1) ; plafond {cap} (C2) ; {operating} par an pour le fonctionnement, "
        "{per_contract} par contrat, au plus {limit} contrat(s) financé(s) par an (C2) ; "
        "{required} contrats requis (C3).",
    ),
    "readings": (
        "Readings: target {policy}, accrual {accrual} (C3); places {places} (C2, C7)",
        "Lectures : objectif {policy}, acquisition {accrual} (C3) ; places {places} (C2, C7)",
    ),
    "readings.deadline": ("; contracts signed by {day} (C7)", " ; contrats signés au plus tard le {day} (C7)"),
    "readings.selected_from": (
        "; startups selected from {day} (C6)",
        " ; startups sélectionnées à partir du {day} (C6)",
    ),
    "annual": ("per programme year", "par année de programme"),
    "readings_title": (
        "{reference}: the figures under each reading",
        "{reference} : les montants selon chaque lecture",
    ),
    "readings_default": ("Default", "Défaut"),
    "readings_target": ("Target (C3)", "Objectif (C3)"),
    "readings_accrual": ("Accrual (C3)", "Acquisition (C3)"),
    "readings_places": ("Places (C2, C7)", "Places (C2, C7)"),
    "readings_period": ("Period (C1, C7)", "Période (C1, C7)"),
    "readings_accrued_difference": ("Accrued vs default", "Acquis / défaut"),
    "readings_payable_difference": ("Payable vs default", "À verser / défaut"),
    "period_c1": ("C1's period", "période de C1"),
    "period_by": ("signed by {day}", "signés au plus tard le {day}"),
    "readings_note": (
        "* the convention's own readings. Only the decision part of the deliberation (C7, with the reservation of "
        "C4; the vote, C9) has legal force; the explanatory part gives its terms. docs/interpretation.md says when "
        "to choose which.",
        "* les lectures de la convention elle-même. Seul le dispositif de la délibération (C7, sous la réserve de "
        "C4 ; le vote, C9) a force juridique ; l'exposé en donne les modalités. docs/interpretation.md dit quand "
        "choisir laquelle.",
    ),
    "pooled": ("pooled over the period", "mutualisées sur la période"),
    "pro_rata": ("pro rata", "au prorata"),
    "all_or_nothing": ("all or nothing", "tout ou rien"),
    "on_event": ("on each event", "à chaque événement"),
    "at_year_end": ("at each year end", "à chaque fin d'année"),
    "years": ("Programme years", "Années de programme"),
    "year": ("Year", "Année"),
    "accrues_on": ("accrues on {day}", "acquis le {day}"),
    "year_total": ("Entitled {entitled}, accrued {accrued}.", "Droits {entitled}, acquis {accrued}."),
    "contracts": ("Contracts", "Contrats"),
    "no_contracts": ("No contracts.", "Aucun contrat."),
    "reference": ("Reference", "Référence"),
    "status": ("Status", "Statut"),
    "grant": ("Grant", "Subvention"),
    "why": ("Why", "Motif"),
    "operating": ("Operating", "Fonctionnement"),
    "contract_grants": ("Contract grants", "Contrats"),
    "entitled": ("Entitled", "Droits"),
    "money": ("Money", "Montants"),
    "accrued": ("Accrued", "Acquis"),
    "withheld": ("Withheld", "Retenu"),
    "releasable": ("Releasable", "Versable"),
    "paid": ("Paid", "Déjà versé"),
    "payable": ("Payable now", "À verser"),
    "excess_paid": ("Excess paid", "Trop-versé"),
    "payments": ("Payments counted", "Versements pris en compte"),
    "unmet": ("Unmet conditions", "Conditions non remplies"),
    "all_met": ("All conditions are met.", "Toutes les conditions sont remplies."),
    "target_count": (
        "Eligible contracts: {eligible} of {required} required (C3).",
        "Contrats éligibles : {eligible} sur {required} requis (C3).",
    ),
    "blocking": ("blocks payment", "bloque le versement"),
    "final": ("final", "définitif"),
    # The section on the financing convention (reports with financing terms only).
    "awaiting_documents": ("Waiting for documents", "En attente de pièces"),
    "balance_held_money": ("Balance held", "Solde retenu"),
    "financing": ("Payment under the financing convention", "Versement selon la convention de financement"),
    # The terms are the assumed defaults (FinancingTerms()), or terms a scenario gives.
    "financing.assumed": (
        "The terms below are ASSUMPTIONS: the financing convention is not public (C3: « selon les modalités "
        "définies dans la convention de financement »).",
        "Les modalités ci-dessous sont des HYPOTHÈSES : la convention de financement n'est pas publique (C3 : "
        "« selon les modalités définies dans la convention de financement »).",
    ),
    "financing.given": (
        "The terms below are those of the scenario, not the assumed defaults; the financing convention is not "
        "public (C3: « selon les modalités définies dans la convention de financement »): they could not be "
        "checked against it.",
        "Les modalités ci-dessous sont celles du scénario, et non les hypothèses par défaut ; la convention de "
        "financement n'est pas publique (C3 : « selon les modalités définies dans la convention de "
        "financement ») : elles n'ont pu être vérifiées sur son texte.",
    ),
    "financing.assumptions": (
        "{lead} {advance}% of each operating grant is an {advance_term} "
        "(« avance »); the {balance_term} is {balance}% of what is releasable; the {statement} is due within "
        "{statement_months} month(s) of the end of each programme year, the final report within {report_months} "
        "month(s) of the end of the period, the copy of each contract within {copy_months} month(s) of its "
        "signature.",
        "{lead} {advance} % de chaque "
        "subvention annuelle de fonctionnement est une {advance_term} ; le {balance_term} est de {balance} % "
        "des sommes versables ; "
        "le {statement} est dû dans un délai de {statement_months} mois après la fin de chaque année de programme, "
        "le rapport final dans un délai de {report_months} mois après la fin de la période, la copie de chaque "
        "contrat dans un délai de {copy_months} mois après sa signature.",
    ),
    "financing.signed": (
        "The financing convention was signed on {day} (C3; {citation}).",
        "La convention de financement a été signée le {day} (C3 ; {citation}).",
    ),
    "financing.signed_later": (
        "The financing convention is signed on {day}, after the date of the assessment: nothing is payable "
        "before (C3; {citation}).",
        "La convention de financement est signée le {day}, après la date de l'évaluation : rien n'est versé "
        "avant (C3 ; {citation}).",
    ),
    "financing.not_signed": (
        "The financing convention is not signed: nothing is payable before it is (C3; {citation}).",
        "La convention de financement n'est pas signée : rien n'est versé avant sa signature (C3 ; {citation}).",
    ),
    "financing.payable": (
        "Payable now{nature}: {payable} = {releasable} releasable − {awaiting} waiting for documents − {balance} "
        "balance held − {paid} already paid, against the {received} supporting document(s) received "
        "(below).",
        "À verser{nature} : {payable} = {releasable} versables − {awaiting} en attente de pièces − {balance} de "
        "solde retenu − {paid} déjà versés, au vu des {received} pièce(s) justificative(s) reçue(s) (ci-dessous).",
    ),
    # What a payment now would be: the balance (« solde ») once it is released, else an instalment
    # (« acompte ») on a subsidy partly earned.
    "financing.as_instalment": (", as an instalment (« acompte »)", " au titre d'un acompte"),
    "financing.as_balance": (", as the balance (« solde »)", " au titre du solde"),
    "financing.payable_none": (
        "Payable now: {payable}; no supporting document received yet.",
        "À verser : {payable} ; aucune pièce justificative reçue pour l'instant.",
    ),
    "financing.documents": ("Supporting documents", "Pièces justificatives"),
    "financing.document": ("Document", "Pièce"),
    "financing.due_on": ("Due by", "À remettre le"),
    "financing.received_on": ("Received on", "Reçue le"),
    "financing.waiting": ("Waiting", "En attente"),
    "financing.not_received": ("not received", "non reçue"),
    "financing.overdue": ("overdue", "en retard"),
    "financing.awaited": (
        "Waiting: {amount} for the {document}, due by {day}{late}.",
        "En attente : {amount} pour la pièce « {document} », à remettre au plus tard le {day}{late}.",
    ),
    "financing.balance": (
        "Balance (« solde ») held: {amount}, until the required contracts are signed and the final report is received.",
        "Solde retenu : {amount}, jusqu'à la signature des contrats requis et la réception du rapport final.",
    ),
    "financing.next": ("Next deadlines:", "Prochaines échéances :"),
    "financing.next_none": ("No deadline to come.", "Aucune échéance à venir."),
    "financing.next_document": ("{day}: {document}{waiting}", "{day} : {document}{waiting}"),
    "financing.next_waiting": (" ({amount} waiting)", " ({amount} en attente)"),
    "financing.next_limitation": (
        "{day}: last day to pay {amount} (right arisen on {arose}) before the {term} ({citation})",
        "{day} : dernier jour pour verser {amount} (droit acquis le {arose}) avant la {term} ({citation})",
    ),
    "financing.time_barred": ("Past the limitation:", "Au-delà de la prescription :"),
    "financing.recovery": (
        "Recovery to decide: {amount}{reasons}. The beneficiary is heard first ({hearing}); the funder may then "
        "withdraw the subsidy ({withdrawal}) and issue a recovery order (« titre de recette »).",
        "Reversement à décider : {amount}{reasons}. Le bénéficiaire présente d'abord ses observations ({hearing}) ; "
        "la Métropole peut ensuite retirer la subvention ({withdrawal}) et émettre un titre de recette.",
    ),
    "financing.recovery_reasons": (" ({reasons})", " ({reasons})"),
    "financing.open_data": (
        "Open data: this subsidy is also an SCDL « subventions » record (décret n° 2017-779), dated by the "
        "signature of the financing convention: propulseur-rules export --format scdl-csv.",
        "Données ouvertes : cette subvention est aussi un enregistrement SCDL « subventions » (décret "
        "n° 2017-779), daté de la signature de la convention de financement : propulseur-rules export "
        "--format scdl-csv.",
    ),
    # The budget-year view and the forecast (_planning.py).
    "budget_title": (
        "Budget years (calendar years) of {reference} on {as_of}",
        "Exercices budgétaires (années civiles) de {reference} au {as_of}",
    ),
    "budget_year": ("Budget year", "Exercice"),
    "budget_total": ("Total", "Total"),
    "budget_note": (
        "Accrued and releasable are counted in the year the money accrues, paid in the year of payment; "
        "the totals are those of the programme years.",
        "L'acquis et le versable sont comptés dans l'exercice où le montant est acquis, le déjà versé dans "
        "celui du versement ; les totaux sont ceux des années de programme.",
    ),
    "schedule_title": ("Schedule of {reference}", "Calendrier de {reference}"),
    "schedule_date": ("Date", "Date"),
    "schedule_event": ("Event", "Événement"),
    "schedule_clause": ("Clause", "Clause"),
    "schedule_amount": ("Amount", "Montant"),
    "schedule_note": (
        "Amount: what accrues, or what the lifting of a condition releases; accrued and releasable are running totals.",
        "Montant : ce qui est acquis, ou ce que la levée d'une condition libère ; acquis et versable sont des cumuls.",
    ),
    "schedule_empty": ("No money accrues or is released.", "Aucun montant n'est acquis ni libéré."),
    "event_year_opens": (
        "Programme year {index} ({label}) opens: operating grant",
        "Ouverture de l'année de programme {index} ({label}) : fonctionnement",
    ),
    "event_contract_signed": ("Contract {contract} signed", "Signature du contrat {contract}"),
    "event_year_closes": (
        "Programme year {index} ({label}) closes",
        "Clôture de l'année de programme {index} ({label})",
    ),
    "event_authorisation_validated": (
        "Regional authorisation validated",
        "Validation de l'autorisation régionale",
    ),
    "event_deliberation_adopted": ("Deliberation voted by the council", "Vote de la délibération par le conseil"),
    "event_target_reached": (
        "Contract target reached with {contract}",
        "Objectif de contrats atteint avec {contract}",
    ),
}


def text(key: str, lang: str = "en", **values: object) -> str:
    """The text under ``key`` in ``lang``, with ``values`` filled in."""
    return TEXTS[key][language_index(lang)].format(**values)


def condition_label(condition: Condition, lang: str = "en") -> str:
    """The short name of a condition, such as « autorisation régionale »."""
    return CONDITION_LABELS[condition][language_index(lang)]


def status_label(status: ContractStatus, lang: str = "en") -> str:
    """The name of a contract's status, such as « financé »."""
    return STATUS_LABELS[status][language_index(lang)]


def unmet_message(unmet: UnmetCondition, lang: str = "en", *, cite: bool = True) -> str:
    """The sentence for an unmet condition, ending with its clause id unless ``cite`` is false."""
    side = language_index(lang)
    condition = unmet.condition
    if unmet.reason is not None:
        sentence = _RULE_REASONS[unmet.reason][side].format(contract=unmet.contract)
    elif condition in _CONTRACT_REASONS:
        sentence = _CONTRACT_REASONS[condition][side].format(contract=unmet.contract)
    elif condition is Condition.RECONSIDERATION_POSSIBLE:
        sentence = text("reconsideration", lang, beyond=unmet.beyond, amount=format_money(unmet.amount, lang))
    elif condition is Condition.NO_EXCESS_PAYMENT:
        sentence = text("excess", lang, amount=format_money(unmet.amount, lang))
        if unmet.final:
            sentence += text("excess_final", lang)
        if unmet.basis is not None:
            sentence += text("recovery", lang, hearing=HEARING_BEFORE_WITHDRAWAL.citation)
    elif condition in _FINANCING_MESSAGES:
        sentence = _FINANCING_MESSAGES[condition](unmet, lang)
    else:
        if condition is Condition.REGIONAL_AUTHORISATION:
            sentence = text("regional_authorisation", lang)
        elif condition is Condition.DELIBERATION_ADOPTED:
            sentence = text("deliberation_not_adopted" if unmet.final else "deliberation_not_yet", lang)
        else:
            key = "target_final" if unmet.final else "target"
            sentence = text(key, lang, needed=unmet.needed)
            if not unmet.blocks_payment:
                sentence += text("target_pro_rata", lang)
        if unmet.blocks_payment:
            sentence += _lifting(unmet, lang)
    return _cited(sentence, unmet, cite, lang)


def _cited(sentence: str, unmet: UnmetCondition, cite: bool, lang: str) -> str:
    """The sentence with its clause (unless ``cite`` is false) and the article of law it cites, if any."""
    sources = [unmet.clause.value] if cite else []
    if unmet.basis is not None:
        sources.append(unmet.basis.citation)
    # French sets a space before a semicolon, as in every other text of the reports.
    return f"{sentence} ({(' ; ' if language_index(lang) == 1 else '; ').join(sources)})" if sources else sentence


def _financing_not_signed(unmet: UnmetCondition, lang: str) -> str:
    sentence = text("financing_not_signed", lang)
    return sentence + _lifting(unmet, lang) if unmet.blocks_payment else sentence


def document_text(document: DocumentKind | None, covers: str | int | None, lang: str = "en") -> str:
    """A supporting document for a reader: its name and what it covers.

    >>> document_text(DocumentKind.FINANCIAL_STATEMENT, 2, "fr")
    "rapport d'activité annuel et compte rendu financier de l'année de programme 2"
    """
    if document is None:
        return FinanceTerm.SUPPORTING_DOCUMENTS.label(lang)
    shown = document.label(lang)
    if covers is not None and document is not DocumentKind.FINAL_REPORT:
        shown += text(f"covers.{document.value}", lang, covers=covers)
    return shown


def _due(due_on: dt.date | None, overdue: bool, lang: str) -> str:
    shown = "" if due_on is None else text("due_on", lang, day=format_date(due_on, lang))
    return shown + text("overdue", lang) if overdue else shown


def _supporting_document(unmet: UnmetCondition, lang: str) -> str:
    """The money that waits for one document: which, what it covers, how much, by when, and whether it is late."""
    term = FinanceTerm.SUPPORTING_DOCUMENTS.label(lang).capitalize()
    key = "document_waits.contract_copy" if unmet.document is DocumentKind.CONTRACT_COPY else "document_waits"
    if unmet.document is None:
        key = "document_waits.any"
    document = document_text(unmet.document, unmet.covers, lang)
    sentence = text(key, lang, term=term, amount=format_money(unmet.amount, lang), document=document)
    return sentence + _due(unmet.due_on, unmet.overdue, lang) + "."


def _balance_held(unmet: UnmetCondition, lang: str) -> str:
    """C3 « modalités » — the balance held until the target and the final report, its due date."""
    values = {"term": FinanceTerm.BALANCE.label(lang), "amount": format_money(unmet.amount, lang)}
    if unmet.needed and unmet.final:
        return text("balance_held.final", lang, needed=unmet.needed, **values) + "."
    if unmet.needed:
        sentence = text("balance_held", lang, needed=unmet.needed, **values)
    else:
        sentence = text("balance_held.report", lang, **values)
    return sentence + _due(unmet.due_on, unmet.overdue, lang) + "."


def _time_barred(unmet: UnmetCondition, lang: str) -> str:
    """Loi n° 68-1250, art. 1er — a claim left unpaid past the limitation: a warning, never a cut."""
    on = "" if unmet.lapsed_on is None else text("time_barred.on", lang, day=format_date(unmet.lapsed_on, lang))
    return text(
        "time_barred", lang, amount=format_money(unmet.amount, lang), on=on, term=FinanceTerm.LIMITATION.label(lang)
    )


#: The sentences of the conditions the financing convention adds (C3's « modalités »).
_FINANCING_MESSAGES: dict[Condition, Callable[[UnmetCondition, str], str]] = {
    Condition.FINANCING_CONVENTION_SIGNED: _financing_not_signed,
    Condition.SUPPORTING_DOCUMENT: _supporting_document,
    Condition.BALANCE_HELD: _balance_held,
    Condition.CLAIM_TIME_BARRED: _time_barred,
}


def _lifting(unmet: UnmetCondition, lang: str) -> str:
    if unmet.final:
        return text("never_releasable", lang) if unmet.amount else ""
    if not unmet.amount:
        return text("nothing_accrued", lang)
    if unmet.releases is not None:
        return text("releases", lang, amount=format_money(unmet.releases, lang))
    return text("withheld_with_others", lang, amount=format_money(unmet.amount, lang))


#: The texts of the trace (``Assessment.trace()``), keyed by step kind; ``kind.variant``
#: keys are the forms a step takes in some states. Every step kind has at least its
#: plain key, and a test checks that both languages use the same placeholders.
STEP_TEXTS: dict[str, tuple[str, str]] = {
    "section.convention": ("The convention", "La convention"),
    "section.conditions": ("Conditions of payment", "Conditions du versement"),
    "readings": (
        "Readings: target {target_policy}, accrual {accrual}, places {places}; contracts signed by {signing_deadline}.",
        "Lectures : objectif {target_policy}, acquisition {accrual}, places {places} ; contrats signés au plus "
        "tard le {signing_deadline}.",
    ),
    "readings.selected_from": (
        " Startups selected before {selected_from} were already in the programme.",
        " Les startups sélectionnées avant le {selected_from} étaient déjà accompagnées.",
    ),
    "period": (
        "Period {start} – {end}: {years} programme year(s) of twelve months.",
        "Période du {start} au {end} : {years} année(s) de programme de douze mois.",
    ),
    "deliberation": (
        "Council vote of {decided_on}: {present} present of {members_in_office} in office, {proxies} proxies; "
        "{votes_for} for, {votes_against} against, {abstentions} abstaining, {not_voting} not voting.",
        "Vote du conseil du {decided_on} : {present} présents sur {members_in_office} membres en exercice, "
        "{proxies} procurations ; {votes_for} pour, {votes_against} contre, {abstentions} abstentions, "
        "{not_voting} ne se prononcent pas.",
    ),
    "deliberation.adopted": (" The deliberation is adopted.", " La délibération est adoptée."),
    "deliberation.not_adopted": (
        " The deliberation is not adopted (quorum, vote count or majority).",
        " La délibération n'est pas adoptée (quorum, décompte des voix ou majorité).",
    ),
    "year": (
        "Programme year {year}, {label} ({start} – {end})",
        "Année de programme {year}, {label} (du {start} au {end})",
    ),
    "operating_grant": ("Operating grant: {amount}", "Fonctionnement du dispositif : {amount}"),
    "contract_grant": ("Contract {contract}: {amount}", "Contrat {contract} : {amount}"),
    "grant.cut": (" (cut by the cap from {nominal})", " (réduit par le plafond, au lieu de {nominal})"),
    "grant.accrued": (", accrued on {accrues_on}", ", acquis le {accrues_on}"),
    "grant.pending": (", accrues on {accrues_on}", ", sera acquis le {accrues_on}"),
    "over_annual_limit_contract": (
        "Contract {contract}: over the annual limit, beyond the {limit} funded contract(s) of the year while "
        "other years have places: no grant.",
        "Contrat {contract} : au-delà de la limite annuelle, après les {limit} contrat(s) financé(s) de l'année "
        "alors que d'autres années ont des places : aucune subvention.",
    ),
    "supplementary_contract": (
        "Contract {contract}: supplementary, the {places} funded places of the convention are all taken: "
        "no grant; the funder may reconsider its aid.",
        "Contrat {contract} : supplémentaire, les {places} places financées de la convention sont toutes prises : "
        "aucune subvention ; la Métropole pourrait reconsidérer son aide.",
    ),
    "year_total.pooled": (
        "Entitled {operating_grant} + {contract_grants} = {entitled} (places pooled over the period: no annual "
        "ceiling, only the cap); accrued {amount}.",
        "Droits {operating_grant} + {contract_grants} = {entitled} (places mutualisées sur la période : pas de "
        "plafond annuel, seulement le plafond total) ; acquis {amount}.",
    ),
    "year_total": (
        "Entitled {operating_grant} + {contract_grants} = {entitled} (at most {annual_ceiling} a year); "
        "accrued {amount}.",
        "Droits {operating_grant} + {contract_grants} = {entitled} (au plus {annual_ceiling} par an) ; "
        "acquis {amount}.",
    ),
    "contract_status": ("{contract}: {status}, {amount}", "{contract} : {status}, {amount}"),
    "contract_status.why": (": {why}", " : {why}"),
    "contract_status.year": (
        "{contract}: {status}, year {programme_year}, {amount}",
        "{contract} : {status}, année {programme_year}, {amount}",
    ),
    "target": (
        "Eligible contracts: {eligible} of {required} required; reading {policy}.",
        "Contrats éligibles : {eligible} sur {required} requis ; lecture {policy}.",
    ),
    "regional_authorisation": (
        "The regional single authorisation is validated on {authorised_on}.",
        "La convention d'autorisation unique avec la Région est validée le {authorised_on}.",
    ),
    "regional_authorisation.later": (
        "The regional single authorisation is validated on {authorised_on}, after the date of the assessment.",
        "La convention d'autorisation unique avec la Région est validée le {authorised_on}, après la date de "
        "l'évaluation.",
    ),
    "regional_authorisation.missing": (
        "The regional single authorisation is not validated.",
        "La convention d'autorisation unique avec la Région n'est pas validée.",
    ),
    "payment": ("{reference}, paid on {paid_on}: {amount}", "{reference}, versé le {paid_on} : {amount}"),
    "accrued": (
        "Accrued: {by_year} = {amount} (cap {total_cap})",
        "Acquis : {by_year} = {amount} (plafond {total_cap})",
    ),
    "withheld": (
        "Withheld: {amount}, all that has accrued, while payment is blocked ({blocking})",
        "Retenu : {amount}, tout l'acquis, tant que le versement est bloqué ({blocking})",
    ),
    "withheld.none": (
        "Withheld: {amount}, no condition blocks payment",
        "Retenu : {amount}, aucune condition ne bloque le versement",
    ),
    "releasable": ("Releasable: {accrued} − {withheld} = {amount}", "Versable : {accrued} − {withheld} = {amount}"),
    "paid": ("Paid: {payments} payment(s), {amount}", "Déjà versé : {payments} versement(s), {amount}"),
    "payable": (
        "Payable now: max(0, {releasable} − {paid}) = {amount}",
        "À verser : max(0, {releasable} − {paid}) = {amount}",
    ),
    "excess_paid": (
        "Excess paid: max(0, {paid} − {releasable}) = {amount}",
        "Trop-versé : max(0, {paid} − {releasable}) = {amount}",
    ),
    "payable.financing": (
        "Payable now: max(0, {releasable} − {awaiting_documents} waiting for documents − {balance_held} balance held "
        "− {paid}) = {amount}",
        "À verser : max(0, {releasable} − {awaiting_documents} en attente de pièces − {balance_held} de solde retenu "
        "− {paid}) = {amount}",
    ),
    "financing_convention": (
        "The financing convention is signed on {signed_on}.",
        "La convention de financement est signée le {signed_on}.",
    ),
    "financing_convention.later": (
        "The financing convention is signed on {signed_on}, after the date of the assessment: nothing is payable.",
        "La convention de financement est signée le {signed_on}, après la date de l'évaluation : rien n'est versé.",
    ),
    "financing_convention.missing": (
        "The financing convention is not signed: nothing is payable.",
        "La convention de financement n'est pas signée : rien n'est versé.",
    ),
    "document": (
        "{document}: due by {due_on}, received on {received_on}.",
        "{document} : à remettre au plus tard le {due_on} ; réception le {received_on}.",
    ),
    "document.awaited": (
        "{document}: due by {due_on}, not received; {amount} waits for it.",
        "{document} : à remettre au plus tard le {due_on} ; pas encore de réception ; {amount} en attente.",
    ),
    "document.due": (
        "{document}: due by {due_on}, not received yet.",
        "{document} : à remettre au plus tard le {due_on} ; pas encore de réception.",
    ),
    "document.overdue": (
        "{document}: due by {due_on}, overdue; {amount} waits for it.",
        "{document} : à remettre au plus tard le {due_on} ; en retard ; {amount} en attente.",
    ),
    "balance": (
        "Balance (« solde ») held: {amount}, {balance_share} of the releasable {releasable}, until the required "
        "contracts are signed and the final report is received.",
        "Solde retenu : {amount}, {balance_share} du versable {releasable}, jusqu'à la signature des contrats "
        "requis et la réception du rapport final.",
    ),
    "balance.released": (
        "Balance (« solde ») released: the required contracts are signed and the final report came in on "
        "{final_report_on}.",
        "Solde libéré : les contrats requis sont signés et le rapport final est arrivé le {final_report_on}.",
    ),
    "limitation": (
        "Unpaid {amount}, the right to it arisen on {arose_on}: last day {due_on} before the four-year limitation.",
        "Impayé de {amount}, droit acquis le {arose_on} : dernier jour le {due_on} avant la prescription quadriennale.",
    ),
    "limitation.overdue": (
        "Unpaid {amount}, the right to it arisen on {arose_on}: time-barred since {lapsed_on} under the four-year "
        "limitation; only the funder may invoke it, nothing is cut.",
        "Impayé de {amount}, droit acquis le {arose_on} : atteint par la prescription quadriennale depuis le "
        "{lapsed_on} ; seule la Métropole peut l'opposer, rien n'est retranché.",
    ),
    "recovery": (
        "Recovery to decide: {amount} (blocking conditions: {reasons}), once the beneficiary has been heard "
        "({hearing}); a recovery order (« titre de recette ») follows the decision.",
        "Reversement à décider : {amount} (conditions bloquantes : {reasons}), après avoir entendu le bénéficiaire "
        "({hearing}) ; un titre de recette suit la décision.",
    ),
    "unmet": ("{message}", "{message}"),
    "unmet.quote": ("« {quote} »", "« {quote} »"),
}


def step_text(key: str, lang: str = "en", **values: object) -> str:
    """The trace text under ``key`` in ``lang``, with ``values`` filled in."""
    return STEP_TEXTS[key][language_index(lang)].format(**values)
