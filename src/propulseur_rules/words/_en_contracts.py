"""The words that name a contract's startup and why it fails, the warnings on names, and refunds, in English.
Part of the table of :mod:`._en`."""

from __future__ import annotations

__all__ = ["CONTRACT_WORDS"]

CONTRACT_WORDS: dict[str, str] = {
    # reports: the startup's name beside each contract.
    "report.startup": "Startup",
    "export.column.startup": "startup",
    # reports: each condition as a contract fails it (``failed.`` + the condition, or + the rule's message key).
    "failed.signed_within_period": "signed outside the period",
    "failed.signed_after_deadline": "signed after the deadline",
    "failed.head_office_in_territory": "head office outside the territory",
    "failed.startup_applied": "no wish to join recorded by its selection",
    "failed.selected_by_committee": "not selected by the committee by signature",
    "failed.selected_before_programme": "selected before the programme began",
    "failed.sector_in_scope": "sector out of scope",
    "failed.one_contract_per_startup": "startup already has an eligible contract",
    "failed.one_contract_per_startup.earlier": "same startup as {earlier}",
    "failed.annual_contract_limit": "beyond the annual limit",
    "failed.convention_contract_limit": "beyond the places of the convention",
    # reports: C7 naming the earlier contract of the same startup.
    "unmet.one_contract_per_startup.earlier": (
        "Contract {contract} ({startup}): the startup already has an earlier eligible contract in this convention, "
        "{earlier} ({earlier_startup})."
    ),
    # reports: the warnings on a contract, beside it.
    "report.warning": "warning: {warning}",
    "warning.postal_code": "head office {head_office} is a postal code; meant {communes}?",
    "warning.mixed_scripts": "the name « {name} » mixes Latin letters with {scripts} ones that look alike",
    "warning.script.cyrillic": "Cyrillic",
    "warning.script.greek": "Greek",
    "warning.legal_form": (
        "« {name} » and « {other} » of contract {other_contract} differ only by a legal form and have no SIREN: "
        "the same startup? (C7)"
    ),
    "warning.similar_names": (
        "« {name} » and « {other} » of contract {other_contract} differ by a small edit and have no SIREN: "
        "the same startup? (C7)"
    ),
    # reports: a payment and a refund (« reversement »), a negative payment.
    "payment.kind.payment": "payment",
    "step.refund": "{reference}, refunded on {paid_on}: {amount}",
    "payment.kind.refund": "refund",
}
