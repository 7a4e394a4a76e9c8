"""The sentences the reports compose from the objects of the rules: why a condition is unmet, the name of a
condition, a status or a document, the readings of a convention.

Every word comes from the one catalogue (:func:`~propulseur_rules.words._catalogue.say`);
this module only chooses the keys and fills in their values. Each function takes ``lang``
and refuses a language the reports do not speak.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..rules._documents import DocumentKind
from ..rules._financing import FinanceTerm
from ..rules._legal import CONVENTION_THRESHOLD, HEARING_BEFORE_WITHDRAWAL, PRIOR_HEARING, STATED_REASONS
from ..rules._outcome import Condition, ContractStatus, RecoveryCause
from ..rules._settlement import CONTRACT_CONDITIONS, CONVENTION_THRESHOLD_AMOUNT
from ..rules._state_aid import DE_MINIMIS_CEILINGS
from ..words._catalogue import say
from ..words._format import format_date, format_money

if TYPE_CHECKING:
    from ..rules._convention import Convention
    from ..rules._outcome import UnmetCondition

__all__ = [
    "condition_label",
    "contract_failure",
    "document_text",
    "failure_label",
    "reading_label",
    "readings_text",
    "recovery_text",
    "status_label",
    "unmet_message",
]


def readings_text(convention: Convention, lang: str = "en") -> str:
    """The readings an assessment used, in one sentence: target and accrual (C3), places (C2, C7), and the
    signing deadline (C7) and first selection day (C6) when they are set."""
    line = say(
        "report.readings",
        lang,
        policy=reading_label(convention.target_policy.value, lang),
        accrual=reading_label(convention.accrual.value, lang),
        places=reading_label(convention.places.value, lang),
    )
    if convention.signing_deadline is not None:
        line += say("report.readings.deadline", lang, day=format_date(convention.signing_deadline, lang))
    if convention.selected_from is not None:
        line += say("report.readings.selected_from", lang, day=format_date(convention.selected_from, lang))
    return line + "."


def reading_label(value: str, lang: str = "en") -> str:
    """The name of a reading of the convention, by its value: ``pooled``, ``pro_rata``, ``on_event`` …"""
    return say("reading." + value, lang)


def condition_label(condition: Condition, lang: str = "en") -> str:
    """The short name of a condition, such as « autorisation régionale »."""
    return say("condition." + condition.name.lower(), lang)


def failure_label(condition: Condition, lang: str = "en", reason: str | None = None) -> str:
    """A condition as a contract fails it, such as « siège social hors du territoire »; ``reason`` is the
    message key of the rule that set it, when two rules set the same condition (``ContractRule.message``).

    >>> failure_label(Condition.HEAD_OFFICE_IN_TERRITORY, "fr")
    'siège social hors du territoire'
    """
    return say("failed." + (reason or condition.name.lower()), lang)


def contract_failure(unmet: UnmetCondition, lang: str = "en") -> str:
    """Why a contract fails a condition, in a few words and with its clause: « même startup que PRO-01 (C7) »."""
    if unmet.earlier is not None:
        shown = say("failed.one_contract_per_startup.earlier", lang, earlier=unmet.earlier)
    else:
        shown = failure_label(unmet.condition, lang, unmet.reason)
    return f"{shown} ({unmet.clause.value})"


def status_label(status: ContractStatus, lang: str = "en") -> str:
    """The name of a contract's status, such as « financé »."""
    return say("status." + status.name.lower(), lang)


#: The conditions a contract fails on its own, each with the sentence ``unmet.`` + its name, completed
#: by ``{contract}``; a rule that sets a condition already set by another one has its own sentence,
#: ``unmet.`` + the ``message`` key of its record (``ContractRule.message``).
_CONTRACT_CONDITIONS = frozenset(CONTRACT_CONDITIONS)


def unmet_message(unmet: UnmetCondition, lang: str = "en", *, cite: bool = True) -> str:
    """The sentence for an unmet condition, ending with its clause id unless ``cite`` is false."""
    condition = unmet.condition
    if unmet.earlier is not None:  # C7, naming the earlier contract of the same startup
        sentence = say(
            "unmet.one_contract_per_startup.earlier",
            lang,
            contract=unmet.contract,
            startup=unmet.startup,
            earlier=unmet.earlier,
            earlier_startup=unmet.earlier_startup,
        )
    elif condition in _CONTRACT_CONDITIONS:
        sentence = say("unmet." + (unmet.reason or condition.name.lower()), lang, contract=unmet.contract)
    elif condition is Condition.RECONSIDERATION_POSSIBLE:
        sentence = say("unmet.reconsideration", lang, beyond=unmet.beyond, amount=format_money(unmet.amount, lang))
    elif condition is Condition.NO_EXCESS_PAYMENT:
        sentence = say("unmet.excess", lang, amount=format_money(unmet.amount, lang))
        if unmet.final:
            sentence += say("unmet.excess_final", lang)
        if unmet.reason is not None:  # the cause of the recovery, as the engine found it
            cause = RecoveryCause(unmet.reason.removeprefix("recovery_"))
            sentence += say("unmet.recovery", lang) + recovery_procedure(cause, lang, final=unmet.final) + "."
    elif condition in _FINANCING_MESSAGES:
        sentence = _FINANCING_MESSAGES[condition](unmet, lang)
    elif condition is Condition.DE_MINIMIS_CEILING:
        sentence = _de_minimis(unmet, lang)
    else:
        if condition is Condition.REGIONAL_AUTHORISATION:
            sentence = say("unmet.regional_authorisation", lang)
        elif condition is Condition.DELIBERATION_ADOPTED:
            # Why the vote does not yet allow payment, as the engine found it (C9; CGCT).
            reason = unmet.reason or ("deliberation_not_adopted" if unmet.final else "deliberation_not_yet")
            sentence = say("unmet." + reason, lang)
        else:
            key = "unmet.target_final" if unmet.final else "unmet.target"
            sentence = say(key, lang, needed=unmet.needed)
            if not unmet.blocks_payment:
                sentence += say("unmet.target_pro_rata", lang)
        if unmet.blocks_payment:
            sentence += _lifting(unmet, lang)
    return _cited(sentence, unmet, cite, lang)


def _cited(sentence: str, unmet: UnmetCondition, cite: bool, lang: str) -> str:
    """The sentence with its clause (unless ``cite`` is false) and the article of law it cites, if any."""
    sources = [unmet.clause.value] if cite else []
    if unmet.basis is not None:
        sources.append(unmet.basis.citation)
    return f"{sentence} ({say('punctuation.semicolon', lang).join(sources)})" if sources else sentence


def recovery_text(
    amount: str, reasons: str, cause: RecoveryCause, lang: str = "en", *, final: bool = False, withdrawal: str = ""
) -> str:
    """A recovery to decide: how much, for which conditions, and how it is decided by its cause; ``withdrawal``
    cites the article that lets the funder withdraw the subsidy, when the sentence does not."""
    shown = say("recovery.reasons", lang, reasons=reasons) if reasons else ""
    procedure = recovery_procedure(cause, lang, withdrawal, final=final)
    return say("recovery.to_decide", lang, amount=amount, reasons=shown) + procedure + "."


def recovery_procedure(cause: RecoveryCause, lang: str = "en", withdrawal: str = "", *, final: bool = False) -> str:
    """How a recovery of that cause is decided: set against the next instalments, or recovered once nothing can
    be set against it (``final``), or, for a breach, a withdrawal with its reasons after a hearing (CRPA,
    L. 121-1, L. 122-1, L. 211-2, L. 242-2); a recovery order follows."""
    hearing = say("punctuation.semicolon", lang).join((PRIOR_HEARING.citation, HEARING_BEFORE_WITHDRAWAL.citation))
    key = f"recovery.procedure.{cause.value}"
    if final and cause is not RecoveryCause.BREACH:  # a breach is always final
        key += ".final"
    return say(key, lang, withdrawal=withdrawal, reasons=STATED_REASONS.citation, hearing=hearing)


def _financing_not_signed(unmet: UnmetCondition, lang: str) -> str:
    if unmet.reason is not None:  # a warning: the law requires the convention, its signature is not given
        threshold = format_money(CONVENTION_THRESHOLD_AMOUNT, lang)
        return say("unmet." + unmet.reason, lang, threshold=threshold, decree=CONVENTION_THRESHOLD.citation)
    sentence = say("financing.not_signed", lang) + "."
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
        shown += say("document.covers." + document.value, lang, covers=covers)
    return shown


def _due(due_on: dt.date | None, overdue: bool, lang: str) -> str:
    shown = "" if due_on is None else say("unmet.due_on", lang, day=format_date(due_on, lang))
    return shown + say("unmet.overdue", lang) if overdue else shown


def _supporting_document(unmet: UnmetCondition, lang: str) -> str:
    """The money that waits for one document: which, what it covers, how much, by when, and whether it is late."""
    term = FinanceTerm.SUPPORTING_DOCUMENTS.label(lang).capitalize()
    key = (
        "unmet.document_waits.contract_copy" if unmet.document is DocumentKind.CONTRACT_COPY else "unmet.document_waits"
    )
    if unmet.document is None:
        key = "unmet.document_waits.any"
    document = document_text(unmet.document, unmet.covers, lang)
    sentence = say(key, lang, term=term, amount=format_money(unmet.amount, lang), document=document)
    return sentence + _due(unmet.due_on, unmet.overdue, lang) + "."


def _balance_held(unmet: UnmetCondition, lang: str) -> str:
    """C3 « modalités » — the balance held until the target and the final report, its due date."""
    values = {"term": FinanceTerm.BALANCE.label(lang), "amount": format_money(unmet.amount, lang)}
    if unmet.needed and unmet.final:
        return say("unmet.balance_held.final", lang, needed=unmet.needed, **values) + "."
    if unmet.needed:
        sentence = say("unmet.balance_held", lang, needed=unmet.needed, **values)
    else:
        sentence = say("unmet.balance_held.report", lang, **values)
    return sentence + _due(unmet.due_on, unmet.overdue, lang) + "."


def _time_barred(unmet: UnmetCondition, lang: str) -> str:
    """Loi n° 68-1250, art. 1er and 6 — a claim left unpaid past the limitation, which the métropole cannot waive
    unless its council relieved the beneficiary of it (``relieved_on``)."""
    on = "" if unmet.lapsed_on is None else say("unmet.time_barred.on", lang, day=format_date(unmet.lapsed_on, lang))
    if unmet.relieved_on is not None:
        term = FinanceTerm.LIMITATION.label(lang)
        day = format_date(unmet.relieved_on, lang)
        return say(
            "unmet.time_barred_relieved", lang, amount=format_money(unmet.amount, lang), on=on, term=term, day=day
        )
    return say(
        "unmet.time_barred",
        lang,
        amount=format_money(unmet.amount, lang),
        on=on,
        term=FinanceTerm.LIMITATION.label(lang),
        funder_only=say("limitation.funder_only", lang),
    )


#: The sentences of the conditions the financing convention adds (C3's « modalités »).
_FINANCING_MESSAGES: dict[Condition, Callable[[UnmetCondition, str], str]] = {
    Condition.FINANCING_CONVENTION_SIGNED: _financing_not_signed,
    Condition.SUPPORTING_DOCUMENT: _supporting_document,
    Condition.BALANCE_HELD: _balance_held,
    Condition.CLAIM_TIME_BARRED: _time_barred,
}


def _de_minimis(unmet: UnmetCondition, lang: str) -> str:
    """A contract's grant over the de minimis ceiling of the regulation it cites, or not checked (no SIREN)."""
    ceiling = DE_MINIMIS_CEILINGS[unmet.basis] if unmet.basis is not None else None
    return say(
        "unmet." + (unmet.reason or "de_minimis_ceiling"),
        lang,
        contract=unmet.contract,
        amount=format_money(unmet.amount, lang),
        ceiling="" if ceiling is None else format_money(ceiling, lang),
    )


def _lifting(unmet: UnmetCondition, lang: str) -> str:
    if unmet.final:
        return say("unmet.never_releasable", lang) if unmet.amount else ""
    if not unmet.amount:
        return say("unmet.nothing_accrued", lang)
    if unmet.releases is not None:
        return say("unmet.releases", lang, amount=format_money(unmet.releases, lang))
    return say("unmet.withheld_with_others", lang, amount=format_money(unmet.amount, lang))
