"""The words of the documents a person takes away, in English: the CSV and .xlsx exports, the liquidation
statement, where each input came from, the check of scenario files and the forecast. Part of the table of
:mod:`._en`."""

from __future__ import annotations

__all__ = ["DOCUMENT_WORDS"]

DOCUMENT_WORDS: dict[str, str] = {
    # reports: the headers and sheets of the CSV and .xlsx exports (in English, the codes of the records).
    "export.column.reference": "reference",
    "export.column.status": "status",
    "export.column.programme_year": "programme_year",
    "export.column.grant": "grant",
    "export.column.accrues_on": "accrues_on",
    "export.column.unmet": "unmet",
    "export.column.warnings": "warnings",
    "export.warnings_joint": "; ",
    "export.column.contract": "contract",
    "export.column.condition": "condition",
    "export.column.clause": "clause",
    "export.column.amount": "amount",
    "export.heading.figure": "figure",
    "export.heading.amount": "amount",
    "export.figure.accrued": "accrued",
    "export.figure.withheld": "withheld",
    "export.figure.releasable": "releasable",
    "export.figure.awaiting_documents": "awaiting_documents",
    "export.figure.balance_held": "balance_held",
    "export.figure.time_barred": "time_barred",
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
    "export.sheet.assessment": "assessment",
    "export.sheet.unmet": "unmet",
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
    "statement.line.time_barred": "less the unpaid claims time-barred (loi n° 68-1250, art. 1er and 6)",
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
    "forecast.chart_past": "Budget years past",
    "forecast.chart_median": "P{middle} (median)",
    "forecast.chart_range": "P{low}–P{high} range",
    "forecast.paid": "Money paid under the financing terms by budget year (C3), {levels}, and mean:",
    "forecast.outlook": (
        "Each supporting document still missing comes in on time {on_time} %, late {late} % (by {shortest} to "
        "{longest} days), never {never} %; money is paid on the day it becomes payable."
    ),
    "forecast.no_terms": "Without financing terms: the money releasable is not a forecast of payments.",
    "forecast.chart_paid_title": "Money paid under the financing terms by budget year: P{middle}, P{low}–P{high}",
}
