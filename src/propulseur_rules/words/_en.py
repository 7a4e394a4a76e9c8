"""The words of the library in English: one sentence per key, the key saying what it means.

Keys are namespaced by what they name: ``error.…`` for the reasons of errors,
``condition.…``, ``status.…``, ``report.…``, ``step.…`` … for what the reports,
the trace and the planning show. The table gathers four parts: the words below, those
that name a contract's startup, why it fails and the warnings on it (:mod:`._en_contracts`),
those of the documents a person takes away (:mod:`._en_documents`) and those of the errors
(:mod:`._en_errors`). :mod:`._fr` has the same keys with the same placeholders (a test
checks it).
"""

from __future__ import annotations

from ._en_contracts import CONTRACT_WORDS
from ._en_documents import DOCUMENT_WORDS
from ._en_errors import ERROR_WORDS
from ._en_page import PAGE_WORDS
from ._en_sheets import SHEET_WORDS

__all__ = ["WORDS"]

#: What the reports, the trace, the planning and the exports say.
_SHOWN: dict[str, str] = {
    # words: a share in hundredths.
    "unit.percent": "{value}%",
    # words: the signs that join the items of a list or a label and its value.
    "punctuation.or": " or ",
    "punctuation.colon": ":",
    "punctuation.semicolon": "; ",
    "language.name": "English",
    # rules: what each clause of the deliberation is about (``clause.`` + its id).
    "clause.c1": "the three-year period, 1 July 2022 to 30 June 2025",
    "clause.c2": "the amounts: 195 000 € in all, 20 000 € a year, 15 000 € a contract, 3 contracts a year",
    "clause.c3": "payment conditional on 9 signed accompaniment contracts",
    "clause.c4": "payment conditional on the regional single authorisation",
    "clause.c5": "supplementary contracts: the funder may reconsider its aid",
    "clause.c6": "entry by the selection committee, head office in the métropole, the startup's wish",
    "clause.c7": "the grant of 195 000 € for 9 projects",
    "clause.c8": "the two fields: industry and health",
    "clause.c9": "the council's vote",
    # rules: the terms of the financing convention (``term.`` + the member's name).
    "term.advance": "advance",
    "term.instalment": "instalment",
    "term.balance": "balance",
    "term.supporting_documents": "supporting documents",
    "term.financial_statement": "financial statement",
    "term.recovery_order": "recovery order",
    "term.limitation": "four-year limitation",
    # rules: the supporting documents (``document.`` + the member's name).
    "document.contract_copy": "copy of the signed accompaniment contract",
    "document.financial_statement": "annual activity report and financial statement",
    "document.final_report": "final report",
    # rules: the fields of a startup, in the deliberation's words in French (``sector.`` + the member's name).
    "sector.industry": "industry",
    "sector.health": "health",
    "sector.other": "other",
    # reports: the financing convention and the balance, said alike by the report and the trace.
    "financing.signed": "The financing convention was signed on {day}",
    "financing.signed_later": (
        "The financing convention is signed on {day}, after the date of the assessment: nothing is payable before"
    ),
    "financing.not_signed": "The financing convention is not signed: nothing is payable before it is",
    "financing.balance_held": (
        "Balance (« solde ») held: {amount}{share}, until the required contracts are signed and the final "
        "report is received."
    ),
    "limitation.funder_only": (
        "the métropole cannot waive it (loi n° 68-1250, art. 6): the sum is withheld from payment unless its council "
        "relieves the beneficiary of it by a deliberation stating its reasons"
    ),
    # reports: a recovery to decide, said alike by the unmet condition, the report and the trace.
    "recovery.to_decide": "Recovery to decide: {amount}{reasons}: ",
    "recovery.reasons": " ({reasons})",
    "recovery.procedure.paid_before_condition": (
        "paid before a condition of payment was met, nothing more is paid until it is and the sum is set against "
        "the next instalments; if the condition fails for good, what was paid without legal basis is recovered by "
        "a recovery order (« titre de recette »)"
    ),
    "recovery.procedure.paid_before_condition.final": (
        "paid before a condition of payment that can no longer be met, what was paid without legal basis is "
        "recovered by a recovery order (« titre de recette »)"
    ),
    "recovery.procedure.overpayment.final": (
        "paid beyond what has been earned, with nothing left to set it against, the sum is recovered by a recovery "
        "order (« titre de recette »)"
    ),
    "recovery.procedure.breach": (
        "a condition of the grant was not met by the beneficiary: the funder may withdraw the subsidy in whole or in "
        "part{withdrawal}, by a decision stating its reasons ({reasons}), after the beneficiary has been able to "
        "present observations ({hearing}); a recovery order (« titre de recette ») follows the decision"
    ),
    "recovery.procedure.overpayment": (
        "paid beyond what has been earned, the sum is set against the next instalments; what remains at the end is "
        "recovered by a recovery order (« titre de recette »)"
    ),
    # reports: the short names of the conditions (``condition.`` + the member's name).
    "condition.regional_authorisation": "regional authorisation",
    "condition.deliberation_adopted": "deliberation adopted",
    "condition.contract_target": "contract target",
    "condition.signed_within_period": "signed within the period",
    "condition.head_office_in_territory": "head office in the territory",
    "condition.startup_applied": "startup applied",
    "condition.selected_by_committee": "selected by the committee",
    "condition.sector_in_scope": "sector in scope",
    "condition.one_contract_per_startup": "one contract per startup",
    "condition.annual_contract_limit": "annual contract limit",
    "condition.convention_contract_limit": "places of the convention",
    "condition.reconsideration_possible": "reconsideration possible",
    "condition.no_excess_payment": "no excess payment",
    "condition.financing_convention_signed": "financing convention signed",
    "condition.supporting_document": "supporting documents",
    "condition.balance_held": "balance held",
    "condition.claim_time_barred": "four-year limitation",
    "condition.de_minimis_ceiling": "de minimis ceiling",
    # reports: the names of the statuses of a contract (``status.`` + the member's name).
    "status.funded": "funded",
    "status.over_annual_limit": "over the annual limit",
    "status.supplementary": "supplementary",
    "status.ineligible": "ineligible",
    "status.not_yet_signed": "not yet signed",
    # reports: why a condition is unmet (``UnmetCondition.message``).
    "unmet.signed_within_period": "Contract {contract} was signed outside the period of the convention.",
    "unmet.head_office_in_territory": (
        "Contract {contract}: the startup's head office is not in the territory of the convention."
    ),
    "unmet.startup_applied": (
        "Contract {contract}: the startup's wish to join is not recorded on or before its selection."
    ),
    "unmet.selected_by_committee": (
        "Contract {contract}: the selection committee did not qualify the startup on or before signature."
    ),
    "unmet.sector_in_scope": "Contract {contract}: the startup's sector is not one of the convention's fields.",
    "unmet.one_contract_per_startup": (
        "Contract {contract}: the startup already has an earlier eligible contract in this convention."
    ),
    "unmet.annual_contract_limit": (
        "Contract {contract} is beyond the limit of funded contracts for its programme year while places remain in "
        "other years: it counts towards the target but brings no grant; under the pooled reading of « 9 projets » (C7) "
        "it could take a place left free."
    ),
    "unmet.convention_contract_limit": (
        "Contract {contract} is a supplementary contract: every funded place of the convention is taken. It counts "
        "towards the target but brings no grant; the funder may reconsider its aid."
    ),
    "unmet.signed_after_deadline": (
        "Contract {contract} was signed after the signing deadline of the convention (the strict reading of « pour la "
        "période 2022 – 2024 »)."
    ),
    "unmet.selected_before_programme": (
        "Contract {contract}: the startup was selected before the selections of the convention began; it was already "
        "accompanied."
    ),
    "unmet.reconsideration": (
        "{beyond} eligible contract(s) lie beyond the funded places of the convention: the funder may reconsider its "
        "aid over the period, up to {amount} for their grants (the cap aside). This withholds nothing."
    ),
    "unmet.financing_not_verified": (
        "The subsidy is above {threshold} a year ({decree}): payment needs a signed financing convention, and the "
        "day of its signature is not given, so this condition is not verified. This withholds nothing."
    ),
    "unmet.regional_authorisation": (
        "The single authorisation agreement between the Région Bourgogne-Franche-Comté and the funder is not validated."
    ),
    "unmet.deliberation_not_adopted": (
        "The council's deliberation was not adopted (quorum, vote arithmetic or majority fails)."
    ),
    "unmet.deliberation_quorum": (
        "The council's deliberation was not adopted: not more than half its members in office were present, and "
        "the council did not meet on a second convocation."
    ),
    "unmet.deliberation_vote_count": (
        "The council's deliberation was not adopted: the votes do not add up to the members present and represented."
    ),
    "unmet.deliberation_majority": "The council's deliberation was not adopted: more votes against than for.",
    "unmet.deliberation_tie": (
        "The council's deliberation was not adopted: as many votes for as against, and no president's vote for it "
        "to decide the tie (none in a secret ballot)."
    ),
    "unmet.deliberation_not_executory": (
        "The deliberation is voted but not yet executory on this date: it takes force once made public and "
        "transmitted to the prefect."
    ),
    "unmet.deliberation_not_yet": "The council has not yet voted the deliberation on this date.",
    "unmet.target": (
        "Payment is conditional on the signature of the required contracts: {needed} more eligible contract(s) needed."
    ),
    "unmet.target_final": "The period has ended {needed} eligible contract(s) short of the required number.",
    "unmet.target_pro_rata": " Under the pro rata reading this withholds nothing.",
    "unmet.releases": " Lifting it would release {amount}.",
    "unmet.withheld_with_others": " {amount} is withheld; other conditions also block payment.",
    "unmet.nothing_accrued": " Nothing has accrued yet, so nothing is withheld for now.",
    "unmet.never_releasable": " Nothing accrued can ever be released.",
    "unmet.excess": "{amount} has been paid beyond what is releasable.",
    "unmet.excess_final": " The period has ended: this is money to recover.",
    "unmet.recovery": " A recovery to decide, not a debt already owed: ",
    "unmet.document_waits": "{term}: {amount} waits for the {document}",
    "unmet.document_waits.any": "{term}: {amount} waits for a supporting document",
    "unmet.document_waits.contract_copy": "{term}: {amount} waits for the {document}",
    "document.covers.contract_copy": " {covers}",
    "document.covers.financial_statement": " of programme year {covers}",
    "unmet.due_on": ", due by {day}",
    "unmet.overdue": " — overdue",
    "unmet.balance_held": (
        "The {term} of {amount} is held until the required contracts are signed ({needed} missing) and the final "
        "report is received"
    ),
    "unmet.balance_held.final": (
        "The {term} of {amount} is held for good: the period is over and {needed} of the required contracts were not "
        "signed; it can no longer be paid unless the funder reconsiders"
    ),
    "unmet.balance_held.report": "The {term} of {amount} is held until the final report is received",
    "unmet.time_barred": (
        "{amount} left unpaid became time-barred{on} under the {term} (« prescription quadriennale »): {funder_only}."
    ),
    "unmet.time_barred_relieved": (
        "{amount} left unpaid became time-barred{on} under the {term} (« prescription quadriennale »); the council "
        "relieved the beneficiary of it on {day} by a deliberation stating its reasons: the sum is payable again."
    ),
    "unmet.time_barred.on": " on {day}",
    "unmet.de_minimis_ceiling": (
        "Contract {contract}: its grant of {amount}, an aid to the startup, would take the startup's de minimis "
        "aid beyond the ceiling of {ceiling}; a warning about the aid to the startup, payment is not withheld."
    ),
    "unmet.de_minimis_no_siren": (
        "Contract {contract}: the startup has no SIREN, so its de minimis aid with this grant of {amount} cannot "
        "be checked against the ceiling of {ceiling}; payment is not withheld."
    ),
    # reports: the readings of the convention (C2, C3, C7).
    "reading.annual": "per programme year",
    "reading.pooled": "pooled over the period",
    "reading.pro_rata": "pro rata",
    "reading.all_or_nothing": "all or nothing",
    "reading.on_event": "on each event",
    "reading.at_year_end": "at each year end",
    # reports: the text, Markdown and HTML reports, the readings and the budget years.
    "report.title": "Assessment of {reference} on {as_of}",
    "report.parties": "Funder: {funder}. Beneficiary: {beneficiary}.",
    "report.terms": (
        "Period {period} (C1); cap {cap} (C2); operating grant {operating} a year, {per_contract} a contract, at most "
        "{limit} funded contract(s) a year (C2); {required} contracts required (C3)."
    ),
    "report.readings": "Readings: target {policy}, accrual {accrual} (C3); places {places} (C2, C7)",
    "report.readings.deadline": "; contracts signed by {day} (C7)",
    "report.readings.selected_from": "; startups selected from {day} (C6)",
    "report.readings_title": "{reference}: the figures under each reading",
    "report.readings_default": "Default",
    "report.readings_target": "Target (C3)",
    "report.readings_accrual": "Accrual (C3)",
    "report.readings_places": "Places (C2, C7)",
    "report.readings_period": "Period (C1, C7)",
    "report.readings_accrued_difference": "Accrued vs default",
    "report.readings_payable_difference": "Payable vs default",
    "report.period_c1": "C1's period",
    "report.period_by": "signed by {day}",
    "report.readings_note": (
        "* the convention's own readings. Only the decision part of the deliberation (C7, with the reservation of C4; "
        "the vote, C9) has legal force; the explanatory part gives its terms. docs/interpretation.md says when to "
        "choose which."
    ),
    "report.years": "Programme years",
    "report.year": "Year",
    "report.accrues_on": "accrues on {day}",
    "report.year_total": "Entitled {entitled}, accrued {accrued}.",
    "report.contracts": "Contracts",
    "report.no_contracts": "No contracts.",
    "report.reference": "Reference",
    "report.status": "Status",
    "report.grant": "Grant",
    "report.why": "Why",
    "report.operating": "Operating",
    "report.contract_grants": "Contract grants",
    "report.entitled": "Entitled",
    "report.money": "Money",
    "report.accrued": "Accrued",
    "report.withheld": "Withheld",
    "report.releasable": "Releasable",
    "report.paid": "Paid",
    "report.payable": "Payable now",
    "report.excess_paid": "Excess paid",
    "report.payments": "Payments counted",
    "report.unmet": "Unmet conditions",
    "report.all_met": "All conditions are met.",
    "report.target_count": "Eligible contracts: {eligible} of {required} required (C3).",
    "report.blocking": "blocks payment",
    "report.final": "final",
    "report.awaiting_documents": "Waiting for documents",
    "report.balance_held_money": "Balance held",
    "report.time_barred": "Time-barred",
    "report.financing": "Payment under the financing convention",
    "report.financing.assumed": (
        "The terms below are ASSUMPTIONS: the financing convention was not published with the deliberation "
        "(C3: « selon les modalités définies dans la convention de financement »)."
    ),
    "report.financing.given": (
        "The terms below are those of the scenario, not the assumed defaults; the financing convention was not "
        "published with the deliberation (C3: « selon les modalités définies dans la convention de financement »): "
        "they could not be checked against it."
    ),
    "report.financing.assumptions": (
        "{lead} {advance}% of each operating grant is an {advance_term} (« avance »); the {balance_term} is {balance}% "
        "of what is releasable; the {statement} is due within {statement_months} month(s) of the end of each programme "
        "year, the final report within {report_months} month(s) of the end of the period, the copy of each contract "
        "within {copy_months} month(s) of its signature."
    ),
    "report.financing.cited": "{sentence} (C3; {citation}).",
    "report.financing.payable": (
        "Payable now{nature}: {payable} = {releasable} releasable − {awaiting} waiting for documents − {balance} "
        "balance held − {paid} already paid, against the {received} supporting document(s) received (below)."
    ),
    "report.financing.payable_time_barred": (
        "Payable now{nature}: {payable} = {releasable} releasable − {awaiting} waiting for documents − {balance} "
        "balance held − {paid} already paid − {time_barred} time-barred under the four-year limitation, against the "
        "{received} supporting document(s) received (below)."
    ),
    "report.financing.as_instalment": ", as an instalment (« acompte »)",
    "report.financing.as_balance": ", as the balance (« solde »)",
    "report.financing.payable_none": "Payable now: {payable}; no supporting document received yet.",
    "report.financing.documents": "Supporting documents",
    "report.financing.document": "Document",
    "report.financing.due_on": "Due by",
    "report.financing.received_on": "Received on",
    "report.financing.waiting": "Waiting",
    "report.financing.not_received": "not received",
    "report.financing.overdue": "overdue",
    "report.financing.awaited": "Waiting: {amount} for the {document}, due by {day}{late}.",
    "report.financing.next": "Next deadlines:",
    "report.financing.next_none": "No deadline to come.",
    "report.financing.next_document": "{day}: {document}{waiting}",
    "report.financing.next_waiting": " ({amount} waiting)",
    "report.financing.next_limitation": (
        "{day}: last day to pay {amount} (right arisen on {arose}) before the {term} ({citation})"
    ),
    "report.financing.time_barred": "Past the limitation:",
    "report.financing.open_data": (
        "Open data: this subsidy is also an SCDL « subventions » record (décret n° 2017-779), dated by the signature "
        "of the financing convention: propulseur-rules export --format scdl-csv."
    ),
    "report.budget_title": "Budget years (calendar years) of {reference} on {as_of}",
    "report.budget_year": "Budget year",
    "report.budget_accrued": "Accrued in the year",
    "report.budget_withheld": "Of which withheld now",
    "report.budget_releasable": "Of which releasable now",
    "report.budget_became_releasable": "Became releasable in the year",
    "report.budget_paid": "Paid in the year",
    "report.budget_total": "Total",
    "report.budget_not_by_year": "Not cut by year",
    "report.budget_note": (
        "Accrued in the year: what accrued in the calendar year; of which withheld or releasable now: the part of "
        "it withheld or releasable on the date of the assessment, counted in the year it accrued; became releasable "
        "in the year: the same releasable money, counted in the year it became releasable (when the last condition "
        "was lifted, C4, C9, C3); paid in the year: by date of payment. The totals are those of the programme years. "
        "What "
        "waits for a document, the balance held, what is payable and the excess paid are figures of the assessment "
        "as a whole."
    ),
    "report.schedule_title": "Schedule of {reference}",
    "report.schedule_date": "Date",
    "report.schedule_event": "Event",
    "report.schedule_clause": "Clause",
    "report.schedule_amount": "Amount",
    "report.schedule_note": (
        "Amount: what accrues, or what the lifting of a condition releases; accrued and releasable are running totals."
    ),
    "report.schedule_empty": "No money accrues or is released.",
    "report.event_year_opens": "Programme year {index} ({label}) opens: operating grant",
    "report.event_contract_signed": "Contract {contract} signed",
    "report.event_year_closes": "Programme year {index} ({label}) closes",
    "report.event_authorisation_validated": "Regional authorisation validated",
    "report.event_deliberation_adopted": "Deliberation voted by the council",
    "report.event_target_reached": "Contract target reached with {contract}",
    # planning: the events of the financing terms in the schedule.
    "report.event_financing_signed": "Financing convention signed",
    "report.event_document_received": "Received: {document}{covering}",
    "report.event_balance_released": "Balance released: target met and final report received",
    "report.event_document_due": "Last day to send: {document}{covering}",
    "report.event_claim_time_barred": "Unpaid claim time-barred (four-year limitation)",
    "report.covering_contract": ", contract {contract}",
    "report.covering_year": ", programme year {index}",
    "report.schedule_released": "Payable before payments",
    "report.schedule_financing_note": (
        "Payable before payments: releasable less what waits for a supporting document and the balance held; the "
        "amount of a document is what it releases, of a due date what still waits for it."
    ),
    # reports: the steps of the trace (``step.`` + the step's kind and its forms).
    "step.section.convention": "The convention",
    "step.section.conditions": "Conditions of payment",
    "step.readings": (
        "Readings: target {target_policy}, accrual {accrual}, places {places}; contracts signed by {signing_deadline}."
    ),
    "step.readings.selected_from": " Startups selected before {selected_from} were already in the programme.",
    "step.period": "Period {start} – {end}: {years} programme year(s) of twelve months.",
    "step.deliberation": (
        "Council vote of {decided_on}: {present} present of {members_in_office} in office, {proxies} proxies; "
        "{votes_for} for, {votes_against} against, {abstentions} abstaining, {not_voting} not voting."
    ),
    "step.deliberation.adopted": " The deliberation is adopted.",
    "step.deliberation.second_convocation": " The council met on a second convocation: no quorum was needed.",
    "step.deliberation.casting_vote": " The votes were tied; the president's vote decided.",
    "step.deliberation.executory": " It became executory on {executory_on}.",
    "step.deliberation.quorum": " The deliberation is not adopted: no quorum.",
    "step.deliberation.vote_count": " The deliberation is not adopted: the votes do not add up.",
    "step.deliberation.majority": " The deliberation is not adopted: more votes against than for.",
    "step.deliberation.tie": " The deliberation is not adopted: a tie that the president's vote did not decide.",
    "step.year": "Programme year {year}, {label} ({start} – {end})",
    "step.operating_grant": "Operating grant: {amount}",
    "step.contract_grant": "Contract {contract}: {amount}",
    "step.grant.cut": " (cut by the cap from {nominal})",
    "step.grant.accrued": ", accrued on {accrues_on}",
    "step.grant.pending": ", accrues on {accrues_on}",
    "step.over_annual_limit_contract": (
        "Contract {contract}: over the annual limit, beyond the {limit} funded contract(s) of the year while other "
        "years have places: no grant."
    ),
    "step.supplementary_contract": (
        "Contract {contract}: supplementary, the {places} funded places of the convention are all taken: no grant; the "
        "funder may reconsider its aid."
    ),
    "step.year_total.pooled": (
        "Entitled {operating_grant} + {contract_grants} = {entitled} (places pooled over the period: no annual "
        "ceiling, only the cap); accrued {amount}."
    ),
    "step.year_total": (
        "Entitled {operating_grant} + {contract_grants} = {entitled} (at most {annual_ceiling} a year); accrued "
        "{amount}."
    ),
    "step.contract_status": "{contract}: {status}, {amount}",
    "step.contract_status.why": ": {why}",
    "step.contract_status.year": "{contract}: {status}, year {programme_year}, {amount}",
    "step.target": "Eligible contracts: {eligible} of {required} required; reading {policy}.",
    "step.regional_authorisation": "The regional single authorisation is validated on {authorised_on}.",
    "step.regional_authorisation.later": (
        "The regional single authorisation is validated on {authorised_on}, after the date of the assessment."
    ),
    "step.regional_authorisation.missing": "The regional single authorisation is not validated.",
    "step.payment": "{reference}, paid on {paid_on}: {amount}",
    "step.accrued": "Accrued: {by_year} = {amount} (cap {total_cap})",
    "step.withheld": "Withheld: {amount}, all that has accrued, while payment is blocked ({blocking})",
    "step.withheld.none": "Withheld: {amount}, no condition blocks payment",
    "step.releasable": "Releasable: {accrued} − {withheld} = {amount}",
    "step.paid": "Paid: {payments} payment(s), {amount}",
    "step.payable": "Payable now: max(0, {releasable} − {paid}) = {amount}",
    "step.excess_paid": "Excess paid: max(0, {paid} − {releasable}) = {amount}",
    "step.payable.financing": (
        "Payable now: max(0, {releasable} − {awaiting_documents} waiting for documents − {balance_held} balance held − "
        "{paid}) = {amount}"
    ),
    "step.payable.time_barred": (
        "Payable now: max(0, {releasable} − {awaiting_documents} waiting for documents − {balance_held} balance held − "
        "{paid}) − {time_barred} time-barred, withheld under the four-year limitation = {amount}"
    ),
    "step.document": "{document}: due by {due_on}, received on {received_on}.",
    "step.document.awaited": "{document}: due by {due_on}, not received; {amount} waits for it.",
    "step.document.due": "{document}: due by {due_on}, not received yet.",
    "step.document.overdue": "{document}: due by {due_on}, overdue; {amount} waits for it.",
    "step.balance.share": ", {balance_share} of the releasable {releasable}",
    "step.balance.released": (
        "Balance (« solde ») released: the required contracts are signed and the final report came in on "
        "{final_report_on}."
    ),
    "step.limitation": (
        "Unpaid {amount}, the right to it arisen on {arose_on}: last day {due_on} before the four-year limitation."
    ),
    "step.limitation.overdue": (
        "Unpaid {amount}, the right to it arisen on {arose_on}: time-barred since {lapsed_on} under the four-year "
        "limitation; "
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
