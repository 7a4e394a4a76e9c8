"""The words that name a contract's startup and why it fails, the warnings on names, and refunds, in French.
Part of the table of :mod:`._fr`."""

from __future__ import annotations

__all__ = ["CONTRACT_WORDS"]

CONTRACT_WORDS: dict[str, str] = {
    # reports: the startup's name beside each contract.
    "report.startup": "Startup",
    "export.column.startup": "startup",
    # reports: each condition as a contract fails it (``failed.`` + the condition, or + the rule's message key).
    "failed.signed_within_period": "signé hors de la période",
    "failed.signed_after_deadline": "signé après la date limite",
    "failed.head_office_in_territory": "siège social hors du territoire",
    "failed.startup_applied": "souhait de la startup non exprimé avant sa sélection",
    "failed.selected_by_committee": "non sélectionné par le comité avant la signature",
    "failed.selected_before_programme": "sélectionné avant le début du programme",
    "failed.sector_in_scope": "domaine non concerné",
    "failed.one_contract_per_startup": "startup déjà sous contrat éligible",
    "failed.one_contract_per_startup.earlier": "même startup que {earlier}",
    "failed.annual_contract_limit": "au-delà de la limite annuelle",
    "failed.convention_contract_limit": "au-delà des places de la convention",
    # reports: C7 naming the earlier contract of the same startup.
    "unmet.one_contract_per_startup.earlier": (
        "Contrat {contract} ({startup}) : la startup a déjà un contrat éligible antérieur dans cette convention, "
        "{earlier} ({earlier_startup})."
    ),
    # reports: the warnings on a contract, beside it.
    "report.warning": "attention : {warning}",
    "warning.postal_code": "le siège {head_office} est un code postal ; vouliez-vous dire {communes} ?",
    "warning.mixed_scripts": "le nom « {name} » mêle à l'alphabet latin des lettres {scripts} qui lui ressemblent",
    "warning.script.cyrillic": "cyrilliques",
    "warning.script.greek": "grecques",
    "warning.legal_form": (
        "« {name} » et « {other} » du contrat {other_contract} ne diffèrent que par une forme juridique et n'ont "
        "pas de SIREN : la même startup ? (C7)"
    ),
    "warning.similar_names": (
        "« {name} » et « {other} » du contrat {other_contract} ne diffèrent que d'une petite retouche et n'ont "
        "pas de SIREN : la même startup ? (C7)"
    ),
    # reports: a payment and a refund (« reversement »), a negative payment.
    "payment.kind.payment": "versement",
    "step.refund": "{reference}, reversé le {paid_on} : {amount}",
    "payment.kind.refund": "reversement",
}
