"""The financing convention in the reports: its messages, its section, its JSON, its HTML and its trace.

C3: the payment « interviendra selon les modalités définies dans la convention de
financement ». Every figure below is worked out from the assumed terms of
``FinancingTerms()`` (half of each operating grant an advance, a fifth of what is
releasable held as the balance, the financial statement six months after each
programme year, the final report six months after the period) and the clauses.
"""

from __future__ import annotations

import datetime as dt
import json
import string
from decimal import Decimal

import pytest

from propulseur_rules import (
    DIJON_2022,
    Clause,
    Condition,
    Contract,
    Document,
    DocumentKind,
    FinancingTerms,
    Payment,
    RecoveryCause,
    Sector,
    Startup,
    StepKind,
    assess,
)
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.reports import render, to_dict, to_html
from propulseur_rules.reports._messages import condition_label
from propulseur_rules.words._catalogue import CATALOGUES

TERMS = DIJON_2022.replace(financing=FinancingTerms())
CONVENTION_LAW = "loi n° 2000-321 du 12 avril 2000, art. 10"
LIMITATION_LAW = "loi n° 68-1250 du 31 décembre 1968, art. 1er"
HEARING_LAW = "code des relations entre le public et l'administration, art. L. 122-1"
PRIOR_HEARING_LAW = "code des relations entre le public et l'administration, art. L. 121-1"
WITHDRAWAL_LAW = "code des relations entre le public et l'administration, art. L. 242-2"

# The built-in example on 31 March 2025: 3 × 20 000 operating + 7 funded contracts × 15 000 = 165 000 accrued,
# nothing withheld. Year 3's operating grant: an advance of 20 000 × 0.50 = 10 000, and 10 000 that waits for
# year 2's financial statement, due six months after 30 June 2024, on 31 December 2024, not received: overdue.
# The balance: 165 000 × 0.20 = 33 000, held until the ninth eligible contract (8 of 9) and the final report,
# due six months after 30 June 2025, on 31 December 2025. Paid 50 000 + 60 000 = 110 000.
EXAMPLE_AWAITING = Decimal(20_000) - Decimal(20_000) * Decimal("0.50")
EXAMPLE_BALANCE = Decimal(165_000) * Decimal("0.20")
EXAMPLE_PAYABLE = Decimal(165_000) - EXAMPLE_AWAITING - EXAMPLE_BALANCE - Decimal(50_000 + 60_000)


def example():
    return assess(**example_assessment_inputs())


def unmet_of(assessment, condition):
    (unmet,) = [unmet for unmet in assessment.unmet if unmet.condition is condition]
    return unmet


def not_signed():
    # 1 January 2023: year 1's operating grant, 20 000, accrued on 1 July 2022; the regional authorisation is
    # validated and the vote adopted, but the financing convention is not signed: all 20 000 is withheld, and
    # signing it, the only condition blocking, would release them.
    return assess(TERMS, [], as_of=dt.date(2023, 1, 1), regional_authorisation_on=dt.date(2022, 12, 1))


def time_barred():
    # 1 June 2027, no contract, no document, no payment. Accrued: 3 × 20 000 = 60 000, all releasable.
    # Waiting: the rest of year 2's grant for year 1's statement, 10 000, and of year 3's for year 2's, 10 000.
    # Balance: min(60 000 × 0.20 = 12 000, 60 000 − 20 000) = 12 000. Payable: 60 000 − 20 000 − 12 000 = 28 000.
    # Year 1's 20 000 is a right from 1 December 2022 (the last condition lifted, the regional authorisation):
    # four years from 1 January 2023, unpaid by 31 December 2026, time-barred on 1 January 2027.
    return assess(
        TERMS,
        [],
        as_of=dt.date(2027, 6, 1),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2022, 11, 15),
    )


def overpaid():
    # 1 January 2023 without the regional authorisation (C4): the 20 000 accrued is all withheld, nothing is
    # releasable, and the 5 000 paid on 15 December 2022 is an excess of 5 000 − 0 = 5 000.
    return assess(
        TERMS,
        [],
        as_of=dt.date(2023, 1, 1),
        financing_signed_on=dt.date(2022, 11, 15),
        payments=[Payment(reference="VIR-1", paid_on=dt.date(2022, 12, 15), amount=Decimal(5000))],
    )


# --- the messages, in English and French ------------------------------------------------------------


def test_the_example_s_figures_are_those_worked_out_from_the_terms() -> None:
    assessment = example()

    figures = (assessment.awaiting_documents, assessment.balance_held, assessment.payable)
    assert figures == (EXAMPLE_AWAITING, EXAMPLE_BALANCE, EXAMPLE_PAYABLE)
    assert figures == (Decimal(10_000), Decimal(33_000), Decimal(12_000))


def test_a_supporting_document_says_which_what_it_covers_how_much_waits_by_when_and_that_it_is_late() -> None:
    unmet = unmet_of(example(), Condition.SUPPORTING_DOCUMENT)

    english, french = unmet.message("en"), unmet.message("fr")

    assert english == (
        "Supporting documents: €10,000.00 waits for the annual activity report and financial statement of "
        "programme year 2, due by 2024-12-31 — overdue. (C3; loi n° 2000-321 du 12 avril 2000, art. 10)"
    )
    assert french == (
        "Pièces justificatives : 10 000,00 € attendent le rapport d'activité annuel et compte rendu financier de "
        "l'année de programme 2, à remettre au plus tard le 31/12/2024 — en retard. "
        "(C3 ; loi n° 2000-321 du 12 avril 2000, art. 10)"
    )


def test_a_copy_of_a_contract_awaited_names_the_contract_and_is_not_late_before_its_day() -> None:
    # Signed on 10 January 2023, its copy is due a month later, 10 February 2023; on 31 January 2023 it is not
    # in, and the contract's 15 000 waits for it (accrued on signature, C3).
    startup = Startup(name="Hydrolis", head_office="21231", sector=Sector.INDUSTRY)
    contract = Contract(
        reference="PRO-1", startup=startup, applied_on="2022-11-01", selected_on="2022-12-01", signed_on="2023-01-10"
    )
    assessment = assess(
        TERMS,
        [contract],
        as_of=dt.date(2023, 1, 31),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2022, 11, 15),
    )

    unmet = unmet_of(assessment, Condition.SUPPORTING_DOCUMENT)

    assert unmet.message("en") == (
        "Supporting documents: €15,000.00 waits for the copy of the signed accompaniment contract PRO-1, "
        "due by 2023-02-10. (C3)"
    )
    assert unmet.message("fr") == (
        "Pièces justificatives : 15 000,00 € attendent la copie du contrat d'accompagnement signé PRO-1, "
        "à remettre au plus tard le 10/02/2023. (C3)"
    )


def test_the_balance_held_says_how_many_contracts_are_missing_and_when_the_final_report_is_due() -> None:
    unmet = unmet_of(example(), Condition.BALANCE_HELD)

    assert unmet.message("en") == (
        "The balance of €33,000.00 is held until the required contracts are signed (1 missing) and the final "
        "report is received, due by 2025-12-31. (C3)"
    )
    assert unmet.message("fr") == (
        "Le solde de 33 000,00 € est retenu jusqu'à la signature des contrats requis (il en manque 1) et la "
        "réception du rapport final, à remettre au plus tard le 31/12/2025. (C3)"
    )


def test_the_financing_convention_not_signed_blocks_and_says_what_signing_it_releases() -> None:
    unmet = unmet_of(not_signed(), Condition.FINANCING_CONVENTION_SIGNED)

    assert (unmet.amount, unmet.releases, unmet.blocks_payment) == (Decimal(20_000), Decimal(20_000), True)
    # The law that requires the convention for a subsidy of this size is cited after C3.
    assert unmet.message("en") == (
        "The financing convention is not signed: nothing is payable before it is. Lifting it would release "
        f"€20,000.00. (C3; {CONVENTION_LAW})"
    )
    assert unmet.message("fr") == (
        "La convention de financement n'est pas signée : rien n'est versé avant sa signature. Sa levée libérerait "
        f"20 000,00 €. (C3 ; {CONVENTION_LAW})"
    )


def test_a_claim_past_the_limitation_is_withheld_from_what_is_payable() -> None:
    assessment = time_barred()
    unmet = unmet_of(assessment, Condition.CLAIM_TIME_BARRED)

    assert (unmet.amount, unmet.lapsed_on) == (Decimal(20_000), dt.date(2027, 1, 1))
    # 60 000 − 20 000 − 12 000 − 0 = 28 000, less the 20 000 past the limitation (loi n° 68-1250, art. 6).
    assert assessment.time_barred == Decimal(20_000)
    assert assessment.payable == Decimal(60_000 - 20_000 - 12_000 - 20_000)
    assert unmet.message("en") == (
        "€20,000.00 left unpaid became time-barred on 2027-01-01 under the four-year limitation (« prescription "
        "quadriennale »): the métropole cannot waive it (loi n° 68-1250, art. 6): the sum is withheld from payment "
        "unless its council relieves the beneficiary of it by a deliberation stating its reasons. "
        f"(C3; {LIMITATION_LAW})"
    )
    assert unmet.message("fr") == (
        "20 000,00 € restés impayés sont atteints par la prescription quadriennale depuis le 01/01/2027 : la "
        "Métropole ne peut y renoncer (loi n° 68-1250, art. 6) : la somme est retenue du paiement, sauf si son "
        f"conseil en relève le bénéficiaire par une délibération motivée. (C3 ; {LIMITATION_LAW})"
    )


def test_money_paid_before_a_condition_of_payment_is_set_against_later_payments_not_withdrawn() -> None:
    # 5 000 € paid before the regional authorisation (C4) was validated: the beneficiary breached
    # nothing; the sum is set against the next instalments, recovered only if C4 fails for good.
    assessment = overpaid()
    unmet = unmet_of(assessment, Condition.NO_EXCESS_PAYMENT)

    assert assessment.recovery is not None
    assert (assessment.recovery.amount, assessment.recovery.reasons) == (
        Decimal(5000),
        (Condition.REGIONAL_AUTHORISATION,),
    )
    assert assessment.recovery.cause is RecoveryCause.PAID_BEFORE_CONDITION
    assert assessment.recovery.bases == ()
    english, french = unmet.message("en"), unmet.message("fr")
    assert english.startswith("€5,000.00 has been paid beyond what is releasable. A recovery to decide")
    assert "set against the next instalments" in english
    assert "recovery order (« titre de recette »)" in english
    assert "withdraw" not in english
    assert english.endswith("(C3)")
    assert french.startswith("5 000,00 € ont été versés au-delà du montant versable. C'est un reversement à décider")
    assert "s'impute sur les versements suivants" in french
    assert "retirer" not in french
    assert french.endswith("(C3)")


def test_without_financing_terms_an_excess_payment_is_worded_as_with_them() -> None:
    # The same 5 000 € paid before C4, on DIJON_2022 itself: the same cause and the same procedure.
    assessment = assess(
        DIJON_2022,
        [],
        as_of=dt.date(2023, 1, 1),
        payments=[Payment(reference="VIR-1", paid_on=dt.date(2022, 12, 15), amount=Decimal(5000))],
    )

    unmet = unmet_of(assessment, Condition.NO_EXCESS_PAYMENT)

    assert assessment.recovery is not None
    assert assessment.recovery.cause is RecoveryCause.PAID_BEFORE_CONDITION
    assert unmet.message("en") == unmet_of(overpaid(), Condition.NO_EXCESS_PAYMENT).message("en")
    assert unmet.message("fr") == unmet_of(overpaid(), Condition.NO_EXCESS_PAYMENT).message("fr")


def test_a_target_missed_for_good_is_a_breach_the_funder_may_withdraw_for_after_a_hearing() -> None:
    # All or nothing (C3): the period ended on 30 June 2025 with no contract signed; 20 000 € was paid
    # on 1 March 2023 for year 1's operating grant. The condition of the grant was not met: CRPA,
    # L. 242-2 2° lets the funder withdraw the subsidy, with reasons (L. 211-2), after a hearing
    # (L. 121-1, L. 122-1).
    convention = DIJON_2022.replace(target_policy="all_or_nothing")
    paid = [Payment(reference="VIR-1", paid_on=dt.date(2023, 3, 1), amount=Decimal(20000))]
    assessment = assess(
        convention, [], as_of=dt.date(2025, 9, 1), regional_authorisation_on=dt.date(2023, 2, 15), payments=paid
    )

    recovery = assessment.recovery
    assert recovery is not None
    # 60 000 € accrued (3 × 20 000), all withheld: the 20 000 € paid is all excess.
    assert (recovery.amount, recovery.cause, recovery.final) == (Decimal(20000), RecoveryCause.BREACH, True)
    assert [basis.key for basis in recovery.bases] == ["crpa-l121-1", "crpa-l122-1", "crpa-l211-2", "crpa-l242-2"]
    unmet = unmet_of(assessment, Condition.NO_EXCESS_PAYMENT)
    assert unmet.basis is not None
    assert unmet.basis.citation == WITHDRAWAL_LAW
    english, french = unmet.message("en"), unmet.message("fr")
    assert "withdraw the subsidy in whole or in part" in english
    assert f"present observations ({PRIOR_HEARING_LAW}; {HEARING_LAW})" in english
    assert english.endswith(f"(C3; {WITHDRAWAL_LAW})")
    assert "retirer la subvention en tout ou en partie" in french
    assert "décision motivée" in french


def test_more_paid_than_earned_with_nothing_withholding_is_an_overpayment() -> None:
    # Authorised, adopted, pro rata: 20 000 € accrued on 1 July 2022; 25 000 € paid.
    paid = [Payment(reference="VIR-1", paid_on=dt.date(2022, 12, 20), amount=Decimal(25000))]
    assessment = assess(
        DIJON_2022, [], as_of=dt.date(2023, 1, 1), regional_authorisation_on=dt.date(2022, 12, 1), payments=paid
    )

    assert assessment.recovery is not None
    assert (assessment.recovery.amount, assessment.recovery.cause) == (Decimal(5000), RecoveryCause.OVERPAYMENT)
    assert "paid beyond what has been earned" in unmet_of(assessment, Condition.NO_EXCESS_PAYMENT).message("en")


@pytest.mark.parametrize(
    ("condition", "english", "french"),
    [
        (Condition.FINANCING_CONVENTION_SIGNED, "financing convention signed", "convention de financement signée"),
        (Condition.SUPPORTING_DOCUMENT, "supporting documents", "pièces justificatives"),
        (Condition.BALANCE_HELD, "balance held", "solde retenu"),
        (Condition.CLAIM_TIME_BARRED, "four-year limitation", "prescription quadriennale"),
    ],
)
def test_the_new_conditions_have_labels_in_the_vocabulary_of_public_finance(
    condition: Condition, english: str, french: str
) -> None:
    assert (condition_label(condition, "en"), condition_label(condition, "fr")) == (english, french)


# --- the section of the reports ---------------------------------------------------------------------


def test_the_example_s_report_shows_what_may_be_paid_against_which_documents_and_what_comes_next() -> None:
    report = render(example())

    section = report[report.index("Payment under the financing convention") : report.index("Unmet conditions")]
    assert "ASSUMPTIONS" in section
    assert "signed on 2022-11-15 (C3; loi n° 2000-321 du 12 avril 2000, art. 10)" in section
    assert (
        "Payable now, as an instalment (« acompte »): €12,000.00 = €165,000.00 releasable − €10,000.00 "
        "waiting for documents − €33,000.00 balance held − €110,000.00 already paid, against the 8 supporting "
        "document(s) received" in section
    )
    # The documents received: seven copies of funded contracts and year 1's financial statement.
    assert section.count("copy of the signed accompaniment contract") == 7
    assert "programme year 2  2024-12-31  overdue       €10,000.00" in section
    assert "Waiting: €10,000.00 for the annual activity report and financial statement of programme year 2" in section
    assert "Balance (« solde ») held: €33,000.00" in section
    assert "  2025-12-31: final report (€33,000.00 waiting)" in section
    # Year 3's 12 000 still payable arose on 1 March 2024 (the copy of PRO-2024-10): four years from
    # 1 January 2025, last day 31 December 2028.
    assert "  2028-12-31: last day to pay €12,000.00 (right arisen on 2024-03-01)" in section
    assert "propulseur-rules export --format scdl-csv" in section


def test_the_example_s_report_in_french_uses_the_words_of_french_public_finance() -> None:
    report = render(example(), "fr", markdown=True)

    section = report[report.index("## Versement selon la convention de financement") : report.index("## Conditions")]
    assert "HYPOTHÈSES" in section
    assert "signée le 15/11/2022" in section
    assert "À verser au titre d'un acompte : 12 000,00 € = 165 000,00 € versables" in section
    assert (
        "| rapport d'activité annuel et compte rendu financier de l'année de programme 2 | 31/12/2024 | en retard"
        in (section)
    )
    assert "Solde retenu : 33 000,00 €" in section
    assert "- 31/12/2028 : dernier jour pour verser 12 000,00 €" in section
    assert "prescription quadriennale" in section
    assert "enregistrement SCDL « subventions »" in section


def test_the_terms_say_the_balance_is_a_share_of_what_is_releasable_as_the_engine_holds_it() -> None:
    # The balance held on 31 March 2025 is 165 000 × 0.20 = 33 000, a fifth of what is releasable; a fifth
    # of the subsidy would be 195 000 × 0.20 = 39 000, which the report does not hold.
    assert example().balance_held == EXAMPLE_BALANCE == Decimal("33000.00")
    english = render(example())
    french = render(example(), "fr")

    assert "the balance is 20% of what is releasable;" in english
    assert "of the subsidy" not in english
    assert "le solde est de 20 % des sommes versables ;" in french
    # The operating grant is « la subvention de fonctionnement », not « un fonctionnement ».
    assert "50 % de chaque subvention annuelle de fonctionnement est une avance ;" in french
    assert "% de la subvention" not in french


def test_the_money_table_shows_what_waits_and_the_balance_only_with_financing_terms() -> None:
    with_terms = render(example())
    inputs = example_assessment_inputs()
    inputs["convention"] = DIJON_2022
    without = render(assess(**inputs))

    assert "Waiting for documents   €10,000.00" in with_terms
    assert "Balance held            €33,000.00" in with_terms
    assert "Waiting for documents" not in without
    assert "Payment under the financing convention" not in without
    # Without terms, what is releasable is payable: 165 000 − 110 000 = 55 000.
    assert "Payable now   €55,000.00" in without


def test_claims_past_the_limitation_and_a_recovery_appear_in_the_section() -> None:
    barred = render(time_barred())
    recovered = render(overpaid(), "fr")

    assert "Past the limitation:" in barred
    assert "€20,000.00 left unpaid became time-barred on 2027-01-01" in barred
    assert "Reversement à décider : 5 000,00 € (autorisation régionale)" in recovered
    assert "titre de recette" in recovered


def test_without_financing_terms_the_report_has_no_section_on_the_financing_convention() -> None:
    # Signed: no warning that the financing convention the law requires is not verified.
    assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1), financing_signed_on=dt.date(2022, 10, 1))

    assert "financing convention" not in render(assessment)
    assert "convention de financement" not in render(assessment, "fr", markdown=True)
    assert "convention de financement" not in to_html(assessment, "fr")


# --- JSON ---------------------------------------------------------------------------------------


def test_to_dict_carries_the_financing_figures_as_plain_json() -> None:
    data = to_dict(example())

    assert json.loads(json.dumps(data)) == data
    assert data["financing_signed_on"] == "2022-11-15"
    assert (data["awaiting_documents"], data["balance_held"], data["payable"]) == ("10000.00", "33000.00", "12000.00")
    assert len(data["documents"]) == 8
    assert {"kind": "financial_statement", "received_on": "2023-12-08", "covers": 1} in data["documents"]
    statement = next(d for d in data["deadlines"] if d["kind"] == "financial_statement" and d["covers"] == 2)
    assert statement == {
        "kind": "financial_statement",
        "due_on": "2024-12-31",
        "covers": 2,
        "amount": "10000.00",
        "received_on": None,
        "arose_on": None,
        "interrupted_on": None,
        "overdue": True,
        "basis": {"key": "loi-2000-321-art-10-compte-rendu", "citation": CONVENTION_LAW},
    }
    limitation = next(d for d in data["deadlines"] if d["kind"] == "limitation")
    assert (limitation["amount"], limitation["arose_on"], limitation["due_on"]) == (
        "12000.00",
        "2024-03-01",
        "2028-12-31",
    )
    assert data["recovery"] is None
    waiting = next(u for u in data["unmet"] if u["condition"] == "supporting_document")
    assert (waiting["document"], waiting["covers"], waiting["due_on"], waiting["overdue"]) == (
        "financial_statement",
        2,
        "2024-12-31",
        True,
    )
    assert waiting["basis"]["key"] == "loi-2000-321-art-10-compte-rendu"


def test_to_dict_carries_a_recovery_with_its_cause_and_bases() -> None:
    data = to_dict(overpaid())

    assert json.loads(json.dumps(data)) == data
    assert data["recovery"] == {
        "amount": "5000.00",
        "cause": "paid_before_condition",
        "reasons": ["regional_authorisation"],
        "final": False,
        "bases": [],
    }


def test_without_financing_terms_the_new_keys_are_null_or_empty_and_the_others_unchanged() -> None:
    assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    data = to_dict(assessment)

    assert data["financing_signed_on"] is None
    assert (data["documents"], data["deadlines"], data["recovery"]) == ([], [], None)
    assert (data["awaiting_documents"], data["balance_held"]) == ("0.00", "0.00")
    # 20 000 accrued on 1 July 2022 for year 1, withheld for want of the regional authorisation (C4).
    assert (data["accrued"], data["withheld"], data["payable"]) == ("20000.00", "20000.00", "0.00")
    authorisation = data["unmet"][0]
    assert authorisation["condition"] == "regional_authorisation"
    assert {key: authorisation[key] for key in ("basis", "document", "covers", "due_on", "lapsed_on")} == dict.fromkeys(
        ("basis", "document", "covers", "due_on", "lapsed_on")
    )
    assert authorisation["overdue"] is False


# --- HTML ---------------------------------------------------------------------------------------


def test_the_html_section_escapes_what_comes_from_the_input() -> None:
    startup = Startup(name="<b>Hydrolis</b>", head_office="21231", sector=Sector.INDUSTRY)
    contract = Contract(
        reference="PRO-<script>1",
        startup=startup,
        applied_on="2022-11-01",
        selected_on="2022-12-01",
        signed_on="2023-01-10",
    )
    assessment = assess(
        TERMS,
        [contract],
        as_of=dt.date(2023, 3, 1),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2022, 11, 15),
    )

    shown = to_html(assessment)

    assert "<script>" not in shown
    assert "copy of the signed accompaniment contract PRO-&lt;script&gt;1" in shown
    assert "<p><strong>Payment under the financing convention</strong></p>" in shown
    assert "<caption>Supporting documents</caption>" in shown
    assert assessment._repr_html_() == shown


def test_the_notebook_view_of_the_example_shows_the_section_in_french() -> None:
    shown = to_html(example(), "fr")

    assert "Versement selon la convention de financement" in shown
    assert "<td>en retard</td>" in shown
    assert "Prochaines échéances" in shown


# --- the trace ----------------------------------------------------------------------------------


def test_the_trace_cites_the_legal_bases_of_the_financing_convention() -> None:
    steps = example().trace()
    cited = {
        (step.kind, step.input("document") if step.kind is StepKind.DOCUMENT else None): step.basis
        for step in steps
        if step.kind in (StepKind.FINANCING_CONVENTION, StepKind.DOCUMENT, StepKind.LIMITATION, StepKind.BALANCE)
    }

    assert all(
        step.clause is Clause.C3
        for step in steps
        if step.kind in (StepKind.FINANCING_CONVENTION, StepKind.DOCUMENT, StepKind.LIMITATION, StepKind.BALANCE)
    )
    assert cited[(StepKind.FINANCING_CONVENTION, None)].citation == CONVENTION_LAW
    assert cited[(StepKind.DOCUMENT, "financial_statement")].key == "loi-2000-321-art-10-compte-rendu"
    assert cited[(StepKind.DOCUMENT, "contract_copy")] is None  # a term of the convention, no article of its own
    assert cited[(StepKind.LIMITATION, None)].citation == LIMITATION_LAW
    assert cited[(StepKind.BALANCE, None)] is None
    balance = next(step for step in steps if step.kind is StepKind.BALANCE)
    assert balance.amount == EXAMPLE_BALANCE
    payable = next(step for step in steps if step.kind is StepKind.PAYABLE)
    assert (payable.input("awaiting_documents"), payable.input("balance_held")) == (EXAMPLE_AWAITING, EXAMPLE_BALANCE)
    waiting = next(
        step for step in steps if step.kind is StepKind.UNMET and step.input("condition") == "supporting_document"
    )
    assert waiting.basis is not None
    assert waiting.to_dict()["basis"] == {"key": "loi-2000-321-art-10-compte-rendu", "citation": CONVENTION_LAW}


def test_the_trace_of_a_recovery_says_its_cause() -> None:
    (step,) = [step for step in overpaid().trace() if step.kind is StepKind.RECOVERY]

    # Paid before C4: no withdrawal, so no article of one.
    assert (step.clause, step.amount, step.basis) == (Clause.C3, Decimal(5000), None)
    assert step.input("cause") == "paid_before_condition"
    assert step.input("reasons") == ("regional_authorisation",)


def test_explain_walks_the_documents_the_balance_and_the_limitation_in_both_languages() -> None:
    assessment = example()
    english, french = assessment.explain("en"), assessment.explain("fr")

    assert "[C3] The financing convention was signed on 2022-11-15 (loi n° 2000-321 du 12 avril 2000, art. 10)." in (
        english
    )
    assert (
        "[C3] Annual activity report and financial statement of programme year 2: due by 2024-12-31, overdue; "
        "€10,000.00 waits for it (loi n° 2000-321 du 12 avril 2000, art. 10)." in english
    )
    assert "[C3] Balance (« solde ») held: €33,000.00, 20% of the releasable €165,000.00" in english
    assert "Payable now: max(0, €165,000.00 − €10,000.00 waiting for documents − €33,000.00 balance held" in english
    assert "[C3] Solde retenu : 33 000,00 €, 20 % du versable 165 000,00 €" in french
    assert f"avant la prescription quadriennale ({LIMITATION_LAW})." in french


def test_without_financing_terms_the_trace_has_none_of_its_steps() -> None:
    kinds = {step.kind for step in assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)).trace()}

    new = {StepKind.FINANCING_CONVENTION, StepKind.DOCUMENT, StepKind.BALANCE, StepKind.LIMITATION, StepKind.RECOVERY}
    assert kinds & new == set()


def test_a_document_received_is_shown_with_its_day() -> None:
    assessment = example()
    document = Document(kind=DocumentKind.FINANCIAL_STATEMENT, received_on=dt.date(2023, 12, 8), covers=1)

    assert document in assessment.documents
    assert (
        "[C3] Annual activity report and financial statement of programme year 1: due by 2023-12-31, received on "
        "2023-12-08 (loi n° 2000-321 du 12 avril 2000, art. 10)." in assessment.explain()
    )


@pytest.mark.parametrize("case", [example, not_signed, time_barred, overpaid], ids=lambda case: case.__name__)
def test_every_text_of_a_financing_step_is_filled_from_its_inputs(case) -> None:
    kinds = {StepKind.FINANCING_CONVENTION, StepKind.DOCUMENT, StepKind.BALANCE, StepKind.LIMITATION}
    kinds |= {StepKind.RECOVERY, StepKind.PAYABLE}
    for step in case().trace():
        if step.kind not in kinds:
            continue
        names = {name for name, _ in step.inputs} | {"amount"}
        for key, english in CATALOGUES["en"].items():
            french = CATALOGUES["fr"][key]
            if key.startswith("step.") and key.split(".")[1] == step.kind.value:
                for template in (english, french):
                    assert {name for _, name, _, _ in string.Formatter().parse(template) if name} <= names, key
    for lang in ("en", "fr"):
        assert "{" not in case().explain(lang)
        assert "None" not in case().explain(lang)


def test_a_financing_convention_signed_after_the_date_pays_nothing_and_has_no_record_yet() -> None:
    # Signed on 1 February 2023, after 1 January 2023: as if unsigned, the 20 000 accrued is withheld.
    assessment = assess(
        TERMS,
        [],
        as_of=dt.date(2023, 1, 1),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2023, 2, 1),
    )

    report = render(assessment)

    assert (assessment.withheld, assessment.payable) == (Decimal(20_000), Decimal(0))
    assert "signed on 2023-02-01, after the date of the assessment: nothing is payable before" in report
    assert "SCDL" not in report


def test_a_payment_now_is_an_instalment_until_the_balance_is_released_then_the_balance() -> None:
    from builders import three_contracts_a_year

    nine = three_contracts_a_year()
    documents = [
        *(
            Document(kind="contract_copy", received_on=c.signed_on + dt.timedelta(days=5), covers=c.reference)
            for c in nine
        ),
        Document(kind="financial_statement", received_on="2023-10-01", covers=1),
        Document(kind="financial_statement", received_on="2024-10-01", covers=2),
    ]
    inputs = {
        "as_of": dt.date(2026, 1, 15),
        "regional_authorisation_on": "2022-07-01",
        "financing_signed_on": "2022-07-01",
    }

    before_report = assess(TERMS, nine, documents=documents, **inputs)
    with_report = assess(
        TERMS, nine, documents=[*documents, Document(kind="final_report", received_on="2025-12-01")], **inputs
    )

    # Nine contracts, no final report: 195 000 − 20 % × 195 000 = 156 000 may be paid, an instalment.
    assert "Payable now, as an instalment (« acompte »): €156,000.00 =" in render(before_report)
    assert "À verser au titre d'un acompte : 156 000,00 € =" in render(before_report, "fr")
    # With the final report, the balance is released: the 195 000 paid now settles the subsidy.
    assert "Payable now, as the balance (« solde »): €195,000.00 =" in render(with_report)
    assert "À verser au titre du solde : 195 000,00 € =" in render(with_report, "fr")


def test_a_balance_held_for_good_after_the_period_says_so_in_both_languages() -> None:
    from builders import three_contracts_a_year

    eight = three_contracts_a_year()[:-1]
    result = assess(
        TERMS, eight, as_of="2025-09-01", regional_authorisation_on="2022-07-01", financing_signed_on="2022-07-01"
    )

    balance = unmet_of(result, Condition.BALANCE_HELD)
    # Eight contracts: 3 × 20 000 + 8 × 15 000 = 180 000. No document received: only year 1's operating
    # grant (20 000, it follows no year) and the advances of years 2 and 3 (2 × 10 000) wait for none,
    # 40 000; the balance held is min(20 % × 180 000, 40 000) = 36 000.
    assert (balance.amount, balance.needed, balance.final) == (Decimal(36_000), 1, True)
    assert balance.message() == (
        "The balance of €36,000.00 is held for good: the period is over and 1 of the required contracts were not "
        "signed; it can no longer be paid unless the funder reconsiders. (C3)"
    )
    assert balance.message("fr").startswith("Le solde de 36 000,00 € est retenu définitivement : la période est close")


def test_terms_given_by_a_scenario_are_not_called_assumptions() -> None:
    given = DIJON_2022.replace(financing=FinancingTerms(advance_share="0.3"))
    inputs = {"as_of": "2023-01-01", "regional_authorisation_on": "2022-07-01", "financing_signed_on": "2022-07-01"}

    assert "The terms below are ASSUMPTIONS" in render(assess(TERMS, **inputs))
    assert "The terms below are those of the scenario, not the assumed defaults" in render(assess(given, **inputs))
    assert "Les modalités ci-dessous sont celles du scénario" in render(assess(given, **inputs), "fr")


@pytest.mark.parametrize(
    ("lang", "signed", "held"),
    [
        ("en", "The financing convention was signed on 2022-11-15", "Balance (« solde ») held: €33,000.00"),
        ("fr", "La convention de financement a été signée le 15/11/2022", "Solde retenu : 33 000,00 €"),
    ],
)
def test_the_report_and_the_trace_say_the_signature_and_the_balance_in_the_same_words(
    lang: str, signed: str, held: str
) -> None:
    # C3 « modalités »: the example's convention is signed on 15 November 2022, and 20 % of the 165 000
    # releasable, 33 000, is held; the report and its trace state each fact once, in one wording.
    assessment = example()

    for shown in (render(assessment, lang), assessment.explain(lang)):
        assert signed in shown
        assert held in shown


def test_the_report_and_the_trace_say_an_unsigned_convention_and_a_time_barred_claim_in_the_same_words() -> None:
    unsigned = not_signed()
    for shown in (render(unsigned), unsigned.explain()):
        assert "The financing convention is not signed: nothing is payable before it is" in shown
    barred = time_barred()
    for shown in (render(barred, "fr"), barred.explain("fr")):
        assert (
            "la Métropole ne peut y renoncer (loi n° 68-1250, art. 6) : la somme est retenue du paiement, sauf si son "
            "conseil en relève le bénéficiaire par une délibération motivée" in shown
        )
