"""The words of the page for the finance office, in English (``service`` extra): its form, its report,
its downloads and the errors of what is uploaded to it. :mod:`._fr_page` has the same keys."""

from __future__ import annotations

__all__ = ["PAGE_WORDS"]

PAGE_WORDS: dict[str, str] = {
    # page: the form.
    "page.title": "Assess the ProPulseur grant",
    "page.lead": (
        "Upload the spreadsheets of the contracts, the payments and the supporting documents, choose the date "
        "and the readings of the deliberation, then read the report or download it."
    ),
    "page.language": "Language",
    "page.other_language": "Lire en français",
    "page.files": "Spreadsheets",
    "page.files_hint": (
        "CSV, Excel workbooks (.xlsx) or OpenDocument spreadsheets (.ods), as the finance software exports "
        "them; at most {size} a file."
    ),
    "page.size": "{count} KB",
    "page.field.contracts": "Contracts",
    "page.field.contracts_hint": "Required: one row per accompaniment contract.",
    "page.field.payments": "Payments already made",
    "page.field.payments_hint": "Leave empty when nothing has been paid yet.",
    "page.field.documents": "Supporting documents already received",
    "page.field.documents_hint": "Read only with the terms of the financing convention.",
    "page.field.kept": "Kept from the last submission: {file}. Choose a file to replace it.",
    "page.dates": "Dates",
    "page.field.as_of": "Date of the assessment",
    "page.field.authorised_on": "Regional authorisation validated on",
    "page.field.authorised_on_hint": "Leave empty if it is not validated (C4).",
    "page.readings": "Readings of the deliberation",
    "page.field.places": "Funded places (C2, C7)",
    "page.places.annual": "3 contracts per programme year (« 3 contrats par an »)",
    "page.places.pooled": "9 places shared over the period (« 9 projets »)",
    "page.field.signing_deadline": "Last day a contract may be signed (C7)",
    "page.field.signing_deadline_hint": "Empty: any day of the period.",
    "page.field.selected_from": "Startups selected before this day were already in the programme (C6)",
    "page.field.selected_from_hint": "Empty: every selection counts.",
    "page.financing": "Financing convention (C3)",
    "page.field.financing": "Terms of the financing convention",
    "page.financing.none": "The deliberation alone: what is releasable is payable",
    "page.financing.assumed": "The assumed terms (a simulation: advance, balance held, documents' delays)",
    "page.field.financing_signed_on": "Financing convention signed on",
    "page.field.financing_signed_on_hint": "Empty: not signed.",
    "page.submit.report": "Show the report",
    "page.submit.xlsx": "Download the spreadsheet (.xlsx)",
    "page.submit.csv": "Download the spreadsheet (.csv)",
    "page.submit.statement": "Download the liquidation statement",
    "page.uploaded": "uploaded to the page",
    # page: the report.
    "page.report": "Report",
    "page.downloads": "Downloads",
    "page.again": "Change the files or the options",
    "page.errors": "The files or the options cannot be assessed:",
    "page.error_in": "{field}: {message}",
    # page: the names of the files downloaded.
    "page.download.export": "assessment",
    "page.download.statement": "liquidation-statement",
    # page: the errors of what is uploaded.
    "error.page_no_contracts": "choose the spreadsheet of the contracts",
    "error.page_no_as_of": "give the date of the assessment",
    "error.page_file_too_large": "the file is larger than the {size} a file may be",
    "error.page_not_a_form": "the request is not the page's form",
    "error.page_kept_file": "the file kept from the last submission is unreadable; choose it again",
}
