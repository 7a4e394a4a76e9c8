"""The words of the library in English: one sentence per key, the key saying what it means.

Keys are namespaced by what they name: ``error.…`` for the reasons of errors,
``condition.…``, ``status.…``, ``report.…``, ``step.…`` … for what the reports,
the trace and the planning show. :mod:`._fr` has the same keys with the same
placeholders (a test checks it).
"""

from __future__ import annotations

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
        "the métropole cannot waive it, unless its council relieves the beneficiary of it by a deliberation stating "
        "its reasons; this assessment does not cut it from the figures"
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
        "relieved the beneficiary of it on {day} by a deliberation stating its reasons."
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
    # reports: the headers and sheets of the CSV and .xlsx exports (in English, the codes of the records).
    "export.column.reference": "reference",
    "export.column.status": "status",
    "export.column.programme_year": "programme_year",
    "export.column.grant": "grant",
    "export.column.accrues_on": "accrues_on",
    "export.column.unmet": "unmet",
    "export.heading.figure": "figure",
    "export.heading.amount": "amount",
    "export.figure.accrued": "accrued",
    "export.figure.withheld": "withheld",
    "export.figure.releasable": "releasable",
    "export.figure.awaiting_documents": "awaiting_documents",
    "export.figure.balance_held": "balance_held",
    "export.figure.paid": "paid",
    "export.figure.payable": "payable",
    "export.figure.excess_paid": "excess_paid",
    "export.budget.year": "year",
    "export.budget.accrued": "accrued_in_year",
    "export.budget.withheld": "withheld_now",
    "export.budget.releasable": "releasable_now",
    "export.budget.became_releasable": "became_releasable_in_year",
    "export.budget.paid": "paid_in_year",
    "export.sheet.budget_years": "budget_years",
    "export.sheet.contracts": "contracts",
    "export.sheet.figures": "figures",
    # reports: the liquidation statement (« état liquidatif ») of the payment an assessment allows.
    "statement.title": "Liquidation statement",
    "statement.subtitle": "{reference}, payment proposed on {as_of}",
    "statement.fictitious": (
        "Fictitious example: not a document to sign. The contracts, payments, dates and documents below were "
        "invented for the built-in example of the library."
    ),
    "statement.do_not_sign": "(Fictitious example: do not sign.)",
    "statement.certified": "Certified correct, this statement settled at the sum of {payable}.",
    "statement.signed_at": "At ………………………………, on ……………………",
    "statement.ordonnateur": "The ordonnateur (name, position, signature):",
    "statement.source.not_reported": "not given",
    "statement.facts": "Facts and their sources",
    "statement.column.fact": "Fact",
    "statement.column.value": "Value",
    "statement.column.source": "Source",
    "statement.column.reading": "Basis of the figure",
    "statement.column.payable": "Payable",
    "statement.column.line": "Line",
    "statement.column.clause": "Clause",
    "statement.column.amount": "Amount",
    "statement.column.payment": "Payment",
    "statement.column.paid_on": "Paid on",
    "statement.column.basis": "Basis",
    "statement.column.subject": "What it says",
    "statement.column.reference": "Reference",
    "statement.fact.beneficiary": "Beneficiary",
    "statement.fact.funder": "Funder",
    "statement.fact.programme": "Subsidised programme",
    "statement.fact.deliberation": "Deliberation (C9)",
    "statement.fact.financing_signed_on": "Financing convention (C3)",
    "statement.fact.financing": "Terms of payment (C3)",
    "statement.fact.regional_authorisation_on": "Regional authorisation (C4)",
    "statement.fact.as_of": "Date of the liquidation",
    "statement.fact.contracts": "Accompaniment contracts",
    "statement.fact.payments": "Payments made",
    "statement.fact.documents": "Supporting documents received",
    "statement.value.adopted": "of {day}, adopted",
    "statement.value.not_adopted": "of {day}, not adopted",
    "statement.value.signed": "signed on {day}",
    "statement.value.not_signed": "not signed",
    "statement.value.no_terms": "none: the deliberation alone",
    "statement.value.assumed": "assumed (the financing convention was not published)",
    "statement.value.given": "given",
    "statement.value.contracts": "{count} contract(s), {eligible} eligible of {required} required",
    "statement.value.payments": "{count} payment(s), {paid}",
    "statement.value.documents": "{count} document(s)",
    "statement.amount": "Amount proposed for payment",
    "statement.proposed": "Amount proposed for payment: {payable}.",
    "statement.simulation": (
        "The terms of payment are assumed, not given: the payable under the deliberation alone is the ceiling; "
        "the payable under the assumed terms is a simulation."
    ),
    "statement.reading.deliberation": "Deliberation alone (ceiling)",
    "statement.reading.assumed": "Assumed terms of payment (simulation)",
    "statement.computation": "Computation of the amount, line by line",
    "statement.line.operating": "Year {year}: running the programme, accrued on {day}",
    "statement.line.contract": "Year {year}: contract {contract}, accrued on {day}",
    "statement.line.year": "Year {year}: accrued in the year",
    "statement.line.accrued": "Accrued",
    "statement.line.withheld": "less withheld by an unmet condition",
    "statement.line.releasable": "equals releasable",
    "statement.line.awaiting": "less waiting for supporting documents",
    "statement.line.balance": "less the balance held",
    "statement.line.paid": "less paid ({count} payment(s))",
    "statement.line.payable": "equals the amount proposed for payment",
    "statement.excess": "Paid beyond what is releasable: {amount}, nothing to pay; a recovery to decide.",
    "statement.documents": "Supporting documents",
    "statement.no_documents": "Without terms of payment, the deliberation asks for no supporting document.",
    "statement.situation": "Budget year and the grant",
    "statement.budget_year": "Budget year of the payment: {year} (the calendar year of {as_of}).",
    "statement.remains": "Of the grant of {cap}: {paid} paid, {payable} proposed now; {remains} remains.",
    "statement.bases": "Legal bases",
    "statement.deliberation_source": "the deliberation",
    # files: where each input of a report came from, and the warnings on the inputs.
    "inputs.heading": "Inputs",
    "inputs.warning": "Warning",
    "inputs.origin.example": "invented for the built-in example (fictitious)",
    "inputs.origin.preset": "the preset {name}",
    "inputs.origin.scenario": "the scenario file {file}",
    "inputs.origin.stdin": "the scenario read from standard input",
    "inputs.origin.file": "the file {file} ({option}{read})",
    "inputs.origin.read_as": ", read as {encoding}",
    "inputs.origin.option": "the option {option}",
    "inputs.origin.assumed": "the assumed terms, not published ({option})",
    "inputs.origin.library": "assumed by the library, not published",
    "inputs.fictitious": (
        "FICTITIOUS EXAMPLE: the facts marked invented were made up for the built-in example; "
        "no figure of this report is to be signed."
    ),
    "inputs.term.advance_share": "Advance",
    "inputs.term.balance_share": "Balance",
    "inputs.term.financial_statement_months": "Statement",
    "inputs.term.final_report_months": "Final report",
    "inputs.term.contract_copy_months": "Contract copy",
    "inputs.headline.ceiling": "Payable under the deliberation alone (ceiling): {payable}",
    "inputs.headline.simulation": (
        "Payable under the assumed terms of the financing convention (a simulation, not a figure to sign): {payable}"
    ),
    "inputs.column.source": "Source",
    "error.financing_signed_on_needed": (
        "--financing assumed needs the day the financing convention was signed: give --financing-signed-on "
        "YYYY-MM-DD, or --financing-not-signed if it is not signed"
    ),
    "error.documents_without_terms": (
        "--documents needs the terms of the financing convention: give --financing assumed, or a scenario file "
        "whose convention has financing terms"
    ),
    "inputs.basis.deliberation_alone": "Payable under the deliberation alone (ceiling)",
    "inputs.basis.assumed_terms": "Payable under the assumed terms (simulation, not to be signed)",
    "inputs.basis.given_terms": "Payable under the terms given",
    "export.sheet.sources": "Assumptions and sources",
    "inputs.terms_partly_assumed": (
        "Of the terms below, these are ASSUMPTIONS of the library, the others the scenario's: {assumed}; the "
        "financing convention was not published with the deliberation (C3: « selon les modalités définies dans la "
        "convention de financement »)."
    ),
    "inputs.terms_partly": "given in part; assumed by the library: {assumed}",
    "inputs.readings.simulation": (
        "Under the assumed terms of the financing convention (a simulation, not a figure to sign):"
    ),
    "inputs.readings.ceiling": "Under the deliberation alone (the ceiling of each reading):",
    "inputs.label.convention": "Convention",
    "inputs.label.contracts": "Contracts",
    "inputs.label.payments": "Payments",
    "inputs.label.as_of": "As of",
    "inputs.label.regional_authorisation_on": "Authorisation",
    "inputs.label.financing": "Financing terms",
    "inputs.label.financing_signed_on": "Financing date",
    "inputs.label.documents": "Documents",
    "inputs.none.convention": "none",
    "inputs.none.contracts": "none",
    "inputs.none.payments": "none",
    "inputs.none.as_of": "none",
    "inputs.none.regional_authorisation_on": "not validated",
    "inputs.none.financing": "none",
    "inputs.none.financing_signed_on": "not signed",
    "inputs.none.documents": "none received",
    "inputs.postal_code": (
        "contract {contract}: head office {head_office} is the INSEE code of no commune of the métropole but "
        "the postal code of {communes}"
    ),
    "inputs.commune": "{name} (INSEE code {insee_code})",
    # files: the check of scenario files against their expect tables (``propulseur-rules check``).
    "check.expected_got": "{path}: expected {expected}, got {got}",
    "check.no_such_year": "{path}.index: the convention has {count} programme year(s)",
    "check.no_such_contract": "{path}: no contract has this reference",
    "check.clause_not_cited": "covers: {clause} is cited by no unmet condition and no step of the trace",
    "check.line.pass": "PASS  {file}: {name}",
    "check.line.fail": "FAIL  {file}: {name}",
    "check.line.skip": "SKIP  {file}: no expect table — {name}",
    "check.line.error": "ERROR {file}",
    "check.clauses_exercised": "Clauses exercised: {clauses}",
    "check.clauses_not_exercised": "Clauses no scenario exercised: {clauses}",
    "check.no_clause": "none",
    "check.summary": "{passed} passed, {failed} failed",
    "check.summary_skipped": "{passed} passed, {failed} failed, {skipped} skipped",
    # planning: the forecast.
    "forecast.title": (
        "Forecast of {reference}: {draws} futures drawn (seed {seed}), {pipeline} expected contracts in the pipeline."
    ),
    "forecast.payments": "Money releasable by budget year (C2, C3), {levels}, and mean:",
    "forecast.target": "Probability that the {required} contracts are reached (C3): {probability} %",
    "forecast.earned": "Money earned by ({levels}): {days}",
    "forecast.never": "never",
    "forecast.chart_title": "Money releasable by budget year: P{middle}, P{low}–P{high}",
}

#: The reasons of the errors the library raises on purpose.
_ERRORS: dict[str, str] = {
    # words: the languages, values within an error (errors, choices, a value too large to show)
    "error.unknown_language": "{value} is not a language of the reports; expected {choices}",
    "error.either": "{first} or {last}",
    "error.integer_size": "an integer of {bits} bits",
    "error.nested_value": "a {type} nested too deeply",
    "error.value_number_too_long": "a {type} holding a number too long to show",
    # files: reading a file
    "error.no_such_file": "no such file",
    "error.is_folder": "is a folder, not a file",
    "error.permission": "cannot be read: permission denied",
    "error.unreadable": "cannot be read: {reason}",
    "error.empty": "is empty",
    "error.too_large": "is larger than {size} MB",
    "error.workbook_as_csv": "is a workbook (.xlsx or .ods), not CSV text: save it as CSV, or name it .xlsx",
    "error.bad_csv": "is not valid CSV: {detail}",
    "error.bad_workbook": "is not an .xlsx workbook that can be read",
    "error.too_many_rows": "has more than {limit} rows",
    "error.fields": "has {count} fields where the header has {expected}",
    "error.not_utf8": "is not UTF-8 text (byte {byte}); save it as UTF-8 (« CSV UTF-8 » in a spreadsheet)",
    "error.missing_column": "the column {column} is missing (the columns are {columns})",
    "error.twice_column": "the column {column} is given twice",
    "error.unnamed_column": "column {position} has no name",
    "error.unknown_column_hint": "column {position}{named} is not a known column; did you mean {close}?",
    "error.unknown_column": "column {position} is not a known column; the columns are {columns}",
    "error.not_a_day": "{value} is not a day of the calendar",
    "error.not_a_date": "{value} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)",
    "error.not_an_amount": "{value} is not an amount in euros (expected 50000.00 or 50 000,00)",
    "error.not_a_document_kind": (
        "{value} is not a kind of document; expected contract_copy, financial_statement or final_report"
    ),
    "error.used_twice": "{value} is used twice (also {origin})",
    "error.rows_wrong": "{count} rows are wrong: line {lines}",
    "error.rows_wrong_and_more": "{count} rows are wrong: line {lines}; and {more} more",
    "error.rows_joint": "; line ",
    "error.expected_file_path": "expected a file path, not {type}",
    "error.not_a_file_path": "is not a file path: {detail}",
    "error.expected_folder_path": "expected a folder path, not {type}",
    "error.not_a_folder": "is not an existing folder",
    "error.absolute_path": "must be a path relative to the base folder, not an absolute one",
    "error.path_leaves_folder": "must stay within the base folder: '..' is not allowed",
    "error.control_in_file_name": "is not a file name: it holds a control character",
    "error.link_leaves_folder": "must name a file within the base folder (a symbolic link may not lead out)",
    # rules: dates, texts, counts, sectors, startups, payments, councils
    "error.date_and_time": "expected a date, not a date and time",
    "error.not_an_iso_date": "{value} is not a date in the form YYYY-MM-DD",
    "error.expected_date_not": "expected a date, not {type}",
    "error.date_nat": "expected a date, not NaT (no date)",
    "error.date_numpy": "expected a date, not a numpy {dtype} value",
    "error.date_and_time_zone": "expected a date, not a date and time with a time zone",
    "error.expected_text": "expected text, not {type}",
    "error.must_not_be_empty": "must not be empty",
    "error.text_too_long": "is longer than {limit} characters",
    "error.control_character": "contains a control character",
    "error.lone_surrogate": "contains a lone surrogate, which is not text",
    "error.expected_whole_number": "expected a whole number, not {type}",
    "error.negative": "{value} is negative",
    "error.count_too_large": "{value} is more than the largest count accepted ({limit})",
    "error.end_before_start": "{end} is before the start, {start}",
    "error.not_a_sector": "{value} is not a sector; expected one of industry, health, other",
    "error.expected_sector": "expected a sector, not {type}",
    "error.expected_insee_text": "expected an INSEE commune code as text, not {type}",
    "error.not_an_insee_code": "{value} is not an INSEE commune code (5 characters, such as 21231)",
    "error.expected_siren_text": "expected a SIREN as text, not {type}",
    "error.not_a_siren": "{value} is not a SIREN (9 digits)",
    "error.siren_key": "{value} is not a valid SIREN: its check digit is wrong",
    "error.expected_startup": "expected a Startup, not {type}",
    "error.payment_not_positive": "a payment must be more than 0",
    "error.not_a_limitation_event": "{value} is not an event of the limitation; the events are {choices}",
    "error.aid_not_positive": "an aid must be more than 0",
    "error.president_for_not_counted": "the president voted for, but no vote for is counted",
    "error.president_against_not_counted": "the president voted against, but no vote against is counted",
    "error.executory_before_vote": "executory on {executory_on} is before the vote on {decided_on}",
    "error.no_member_in_office": "a council has at least one member in office",
    "error.too_many_present": "{present} present is more than the {members} members in office",
    "error.too_many_proxies": "{proxies} proxies is more than the {absent} members absent",
    # rules: amounts in euros
    "error.expected_amount_not_value": "expected an amount in euros, not {value}",
    "error.amount_too_large": "{value} is more than the largest amount accepted ({limit})",
    "error.not_an_amount_in_euros": "{value} is not an amount in euros",
    "error.expected_amount": "expected an amount in euros, not {type}",
    "error.not_whole_cents": "{value} is not a whole number of cents",
    # rules: the financing convention, its terms and its documents
    "error.not_a_document_kind_value": (
        "{value} is not a kind of document; expected one of contract_copy, financial_statement, final_report"
    ),
    "error.expected_document_kind": "expected a kind of document, not {type}",
    "error.not_a_year_number": "expected a programme year number (1, 2, …), not {value}",
    "error.no_year_number": "{value} is not a programme year number (1, 2, …)",
    "error.copy_covers_contract": "a copy of a contract covers a contract reference, not {value}",
    "error.final_report_covers_all": "the final report covers the whole convention, not {value}",
    "error.not_a_share": "{value} is not a share between 0 and 1 (0 % to 100 %)",
    "error.not_a_number": "{value} is not a number",
    "error.share_decimals": "{value} has more than four decimals (a hundredth of a per cent)",
    "error.not_a_delay": "{value} is not a delay of 0 to {limit} months",
    "error.beyond_calendar": "{months} months after {day} is beyond the calendar",
    "error.expected_document": "expected a Document, not {type}",
    "error.not_a_contract_of_convention": "{value} is not a contract of this convention",
    "error.no_such_programme_year": "the convention has no programme year {year}; it has {count}",
    "error.before_financing_signed": "{day} is before the financing convention was signed, {signed}",
    # rules: legal bases, the engine's inputs, rules, convention, outcome
    "error.not_a_basis_key": "{value} is not a key of lower-case words joined by hyphens",
    "error.expected_non_empty_text": "expected non-empty text, not {value}",
    "error.not_a_celex_id": "{value} is not the CELEX number of a regulation such as 32023R2831",
    "error.not_a_legifrance_id": "{value} is not a Légifrance identifier such as LEGIARTI000006528553",
    "error.expected_pair_of_texts": "expected a pair of texts: English, French",
    "error.not_a_legal_basis": "{value} is not a legal basis; expected one of {choices}",
    "error.fact_given_twice": "is one of the facts given as a Facts; give it there, or give no Facts",
    "error.expected_convention": "expected a Convention, not {type}",
    "error.expected_collection_of": "expected a collection of {kind}, not {type}",
    "error.expected_a_kind": "expected a {kind}, not {type}",
    "error.expected_cases": "expected a collection of cases, not {type}",
    "error.expected_case": "expected a tuple (convention, contracts, keyword arguments) or a mapping, not {type}",
    "error.required": "is required",
    "error.not_a_case_key": "{value} is not a key of a case; expected {choices}",
    "error.case_length": "expected (convention, contracts, keyword arguments), not {count} items",
    "error.expected_keywords": "expected a mapping of keyword arguments, not {type}",
    "error.not_a_keyword": "{value} is not a keyword argument of assess; expected {choices}",
    "error.not_an_eligibility_condition": "{value} is not set by a rule of eligibility",
    "error.not_one_of": "{value} is not one of {choices}",
    "error.expected_collection": "expected a collection, not {type}",
    "error.expected_period": "expected a Period, not {type}",
    "error.not_whole_years": "{value} is not a whole number of twelve-month programme years (C1 gives three)",
    "error.too_many_years": "{years} programme years is more than the {limit} accepted",
    "error.expected_deliberation": "expected a Deliberation or None, not {type}",
    "error.expected_financing_terms": "expected FinancingTerms or None, not {type}",
    "error.deadline_outside_period": "{deadline} is not within the period of the convention, {period}",
    "error.selected_after_end": "{value} is after the end of the period, {end}",
    "error.unknown_parameter": "{detail}; the parameters are {known}",
    "error.not_a_contract_of_assessment": "{value} is not the reference of a contract of this assessment",
    # files: scenario files and requests
    "error.kind_true_or_false": "true or false",
    "error.kind_table": "a table",
    "error.kind_list": "a list",
    "error.kind_text": "text",
    "error.kind_whole_number": "a whole number",
    "error.kind_number": "a number",
    "error.kind_date_and_time": "a date and time",
    "error.kind_date": "a date",
    "error.kind_time": "a time of day",
    "error.expected_table": "expected a table, not {kind}",
    "error.unknown_key_hint": "is not a known key; did you mean {close}?",
    "error.unknown_key": "is not a known key; the keys are {keys}",
    "error.missing": "is missing",
    "error.nested_too_deeply": "is nested too deeply",
    "error.number_too_large": "{value} is too large a number",
    "error.expected_csv_path": "expected the path of a CSV file, not {kind}",
    "error.csv_needs_base": "a CSV file can only be named by a scenario read from a file or given a base_dir",
    "error.absolute_csv_path": "must be a path relative to the scenario file, not an absolute one",
    "error.unknown_preset": "{value} is not a known convention; the presets are {presets}",
    "error.expected_expected_contracts": "expected a table of contract references, not {kind}",
    "error.not_a_scenario_file": "expected a .toml or .json scenario file",
    "error.expected_scenario_text": "expected the text of a scenario, not {type}",
    "error.not_a_scenario_format": "{value} is not a scenario format; expected toml or json",
    "error.bad_toml": "is not valid TOML: {detail}",
    "error.toml_integer_too_long": "is not valid TOML: an integer has too many digits",
    "error.bad_json": "is not valid JSON: {detail} (line {line}, column {column})",
    "error.number_too_long": "the number {value}… is too long",
    "error.number_out_of_range": "{value} is too large or too small a number",
    "error.unusable_number": "{value} is not a number that can be used",
    "error.key_twice": "is given twice in the same object",
    "error.expected_list": "expected a list, not {kind}",
    "error.years_from_one": "programme years are numbered from 1",
    "error.unknown_field": "is not a field; the fields are {fields}",
    "error.needs_field": "needs {field}",
    "error.expected_an_item": "expected an {kind}, not {type}",
    "error.expected_true_or_false": "expected true or false, not {type}",
    "error.expected_list_of": "expected a list of {kind}, not {type}",
    "error.expected_expectation": "expected an Expectation or None, not {type}",
    "error.not_a_clause": "{value} is not a clause; expected C1 to C9",
    "error.unknown_scenario_field": "{detail}; the fields are {known}",
    "error.expected_scenario": "expected a Scenario, not {type}",
    "error.cannot_write": "cannot be written: {reason}",
    # reports: results as JSON, the trace, writing a file, SCDL subventions
    "error.no_json_form": "{type} has no JSON form in the results",
    "error.not_an_input_of_step": "{value} is not an input of this {step} step",
    "error.scdl_column": "{reason} (SCDL column {column})",
    "error.siret_required": "is required: a SIRET of 14 digits",
    "error.expected_siret_text": "expected a SIRET as text, not {type}",
    "error.not_a_siret": "{value} is not a SIRET (14 digits: SIREN and NIC)",
    "error.siret_key": "{value} is not a valid SIRET: its check digit is wrong",
    "error.scdl_text_too_long": "is {length} characters long; the SCDL allows {limit}",
    "error.expected_period_or_date": "expected a Period or a date, not {type}",
    "error.convention_signed_on_required": "is required: the day the financing convention was signed",
    "error.eu_notified_required": (
        "is required (true or false): whether the aid was notified to the European Commission"
    ),
    "error.expected_share": "expected a share such as 1.00 as a Decimal or text, not {type}",
    "error.not_a_scdl_share": "{value} is not a share such as 1.00 or 0.45",
    "error.scdl_share_range": "{value} is not a share from 0.01 to 1 in hundredths",
    "error.column_missing": "the column is missing",
    "error.not_a_scdl_column": "is not a column of SCDL subventions",
    "error.scdl_order": "the columns are not in the SCDL order: {columns}",
    "error.scdl_required_empty": "is required by SCDL subventions and is empty",
    "error.not_a_siret_with_key": "{value} is not a SIRET with a valid key (14 digits)",
    "error.line_break": "holds a line break",
    "error.not_a_point_number": "{value} is not a number with a point, such as 47800.20",
    "error.not_a_scdl_period": "{value} is not AAAA-MM-JJ or AAAA-MM-JJ/AAAA-MM-JJ",
    "error.period_ends_before_start": "the period ends before it starts",
    "error.not_oui_or_non": "{value} is not oui or non",
    "error.not_a_scdl_percentage": "{value} is not a number from 0.01 to 1",
    "error.not_a_scdl_date": "{value} is not a date AAAA-MM-JJ",
    "error.siret_or_rna_required": (
        "is required: a SIRET of 14 digits, or the RNA number of an association (column rnaBeneficiaire)"
    ),
    "error.not_an_rna": "{value} is not an RNA number (W and 9 digits)",
    "error.scdl_siret_or_rna_empty": "is empty, and so is rnaBeneficiaire: SCDL subventions requires one of them",
    "error.scdl_no_payment_left": (
        "the last expected payment, {last}, comes before the first possible one, {first}: give the payment period"
    ),
    "error.not_a_payment_period": "{value} is not a day or a period START/END (YYYY-MM-DD/YYYY-MM-DD)",
    "error.scdl_example_identifiers": (
        "the built-in example's SIRETs and signature day are fictitious and would be published under the real "
        "names of the funder and the beneficiary: give the real ones, or add --example-identifiers to export the "
        "example as an example"
    ),
    "note.scdl_example_identifiers": (
        "note: this record holds the built-in example's fictitious identifiers ({values}): an example, not for "
        "publication"
    ),
    # planning: the forecast's inputs, the schedule, the readings, the frames
    "error.expected_probability": "expected a probability from 0 to 1, not {type}",
    "error.not_a_probability": "{value} is not a probability from 0 to 1",
    "error.latest_before_earliest": "{latest} is before the earliest day, {earliest}",
    "error.expected_percentiles": "expected percentiles such as (10, 50, 90), not {type}",
    "error.no_percentile": "expected at least one percentile",
    "error.not_a_percentile": "{value} is not a percentile from 1 to 99",
    "error.not_a_whole_percentile": "{value} is not a whole percentile",
    "error.expected_days_late": "expected a whole number of days from 0 to 3660, not {value}",
    "error.expected_dates": "expected a date or a collection of dates, not {type}",
    "error.expected_conventions": "expected a collection of Convention, not {type}",
    "error.cut_by_assessment_only": "only an assessment is cut by {value}",
    "error.expected_result": "expected an assessment or a planning result, not {type}",
    "error.expected_result_row": "expected a row of a planning result, not {type}",
    # batch: the columnar engine's cases, frames and Arrow tables, results, Dask, the forecast and its chart, and
    # the features that need an extra
    "error.columnar_financing": (
        "the columnar engine assesses the deliberation alone, not the financing convention's terms; "
        "use assess or assess_many, or {advice}"
    ),
    "error.columnar_de_minimis": (
        "the columnar engine assesses the deliberation alone, not the de minimis aid of the startups; "
        "use assess or assess_many, or leave de_minimis_aid out"
    ),
    "error.advice_financing_none": "set the convention's financing to None",
    "error.advice_leave_out": "leave {name} out",
    "error.forecast_financing": (
        "the forecast's columnar engine assesses the deliberation alone, not the financing convention's terms; "
        "set the convention's financing to None, or use planning.payment_forecast"
    ),
    "error.not_a_contract_condition": "{condition} with {reason} is not a condition of a contract",
    "error.required_column_missing": "is a required column and is missing",
    "error.not_a_column_of": "is not a column of {table}; expected {columns}",
    "error.column_given_twice": "is a column given twice",
    "error.unreadable_cells": "has cells of a type that cannot be read: {type}",
    "error.expected_scenario_key": "expected a key such as a number or a name, not {type}",
    "error.not_a_scenario_of_table": "{value} is not a scenario of the scenarios table",
    "error.not_a_scenario_number": "{value} is not the number of a scenario of this result",
    "error.expected_copies": "expected a whole number of copies, at least 1, not {value}",
    "error.expected_partitions": "expected a whole number of partitions, at least 1, not {value}",
    "error.expected_case_sequence": "expected a sequence of cases, not {type}",
    "error.not_a_result_frame": "{value} is not a frame of a result; expected {choices}",
    "error.expected_draws": "expected a number of futures from 1 to {limit}, not {value}",
    "error.expected_seed": "expected a whole number, 0 or more, not {value}",
    "error.reference_of_two": "{value} is the reference of two contracts or prospects",
    "error.cannot_write_chart": "cannot write the chart: {reason}",
    "error.feature_frames": "pandas frames of scenarios",
    "error.feature_arrow": "Arrow tables of scenarios",
    "error.feature_dask": "running on Dask",
    "error.feature_chart": "the forecast chart",
    # rules: an optional dependency not installed, and the features that need one
    "error.missing_extra": "{feature} needs {module}: pip install 'propulseur-rules[{extra}]'",
    "error.feature_read_xlsx": "reading an .xlsx workbook",
    "error.feature_write_xlsx": "writing an .xlsx workbook",
    "error.feature_write_toml": "writing a scenario as TOML",
    # cli: the facts, files and options of the command line
    "error.comma_joint": ", ",
    "error.missing_facts": (
        "with no scenario file, the built-in example's data does not complete yours: missing {missing}"
    ),
    "error.option_contracts": "--contracts FILE",
    "error.option_as_of": "--as-of DATE",
    "error.option_authorised_on": "--authorised-on DATE (or --not-authorised)",
    "error.option_payments": "--payments FILE (or --no-payments)",
    "error.spreadsheet_not_scenario": (
        "a spreadsheet of contracts or payments is not a scenario file; give it with --contracts {file} (or --payments)"
    ),
    "error.not_utf8_text": "is not UTF-8 text",
    "error.not_yes_or_no": "{value} is not yes or no",
    "error.xlsx_needs_output": "--format xlsx needs --output FILE: a workbook is not written to standard output",
    "error.folder_without_scenario": "the folder holds no .toml or .json scenario",
    # cli: the usage errors of the command line, argparse's own messages (its gettext msgids) said again
    "error.label": "error:",
    "error.usage_argument": "argument {argument_name}: {message}",
    "error.usage_unrecognized": "unrecognized arguments: {value}",
    "error.usage_required": "the following arguments are required: {value}",
    "error.usage_one_required": "one of the arguments {value} is required",
    "error.usage_not_allowed_with": "not allowed with argument {value}",
    "error.usage_ignored_explicit": "ignored explicit argument {value}",
    "error.usage_expected_one": "expected one argument",
    "error.usage_expected_at_most_one": "expected at most one argument",
    "error.usage_expected_at_least_one": "expected at least one argument",
    "error.usage_expected_count": "expected {value} arguments",
    "error.usage_ambiguous": "ambiguous option: {option} could match {matches}",
    "error.usage_invalid_choice": "invalid choice: {value} (choose from {choices})",
    "error.usage_invalid_value": "invalid {type} value: {value}",
    "error.usage_unexpected_option": "unexpected option string: {value}",
}

WORDS: dict[str, str] = {**_SHOWN, **_ERRORS}
