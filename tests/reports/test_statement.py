"""The liquidation statement (« état liquidatif »): the payment an assessment allows, line by line, each fact sourced.

Expected figures are worked out from the deliberation (C2: 20 000 € a year for the
programme, 15 000 € a contract, at most 3 a year, 195 000 € in all) and from the
facts of each case, the arithmetic written beside them.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from propulseur_rules import Assessment, InvalidInput, Scenario, reports
from propulseur_rules.files import ScenarioOptions, assemble
from propulseur_rules.files._inputs import Inputs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FINANCING_CONVENTION = str(EXAMPLES / "scenarios" / "financing-convention.toml")
FULL = str(EXAMPLES / "scenarios" / "full-195000.toml")


def case(file: str | None = None, **options: str | bool) -> tuple[Assessment, Inputs, Assessment | None]:
    """The assessment, its inputs and, with financing terms, the same case under the deliberation alone."""
    scenario, inputs = assemble(ScenarioOptions(file=file, **options))  # type: ignore[arg-type]
    return scenario.assess(), inputs, _deliberation_alone(scenario)


def _deliberation_alone(scenario: Scenario) -> Assessment | None:
    if scenario.convention.financing is None:
        return None
    return scenario.replace(convention=scenario.convention.replace(financing=None)).assess()


def markdown(file: str | None = None, lang: str = "fr", **options: str | bool) -> str:
    assessment, inputs, ceiling = case(file, **options)
    return reports.statement_markdown(assessment, inputs, lang, ceiling=ceiling)


def row(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


# --- the built-in example, on 31 March 2025 ----------------------------------------------------


def test_the_example_statement_accrues_item_by_item_as_clause_c2_says() -> None:
    shown = markdown()

    # Year 1: the operating grant (20 000, C2) on 1 July 2022 and three funded contracts
    # (3 × 15 000 = 45 000; a fourth is over the annual limit of 3): 20 000 + 45 000 = 65 000.
    assert row("Année 1 : fonctionnement du dispositif, acquis le 01/07/2022", "C2", "20 000,00 €") in shown
    assert row("Année 1 : contrat PRO-2022-01, acquis le 03/11/2022", "C2", "15 000,00 €") in shown
    assert row("Année 1 : acquis de l'année", "C2", "65 000,00 €") in shown
    # Years 2 and 3: 20 000 + 2 × 15 000 = 50 000 each.
    assert row("Année 2 : acquis de l'année", "C2", "50 000,00 €") in shown
    assert row("Année 3 : acquis de l'année", "C2", "50 000,00 €") in shown
    # The contract over the annual limit brings nothing and has no line.
    assert "PRO-2023-04" not in shown


def test_the_example_statement_computes_the_payable_line_by_line() -> None:
    shown = markdown()
    lines = [line for line in shown.splitlines() if line.startswith("| ")]

    # Accrued 65 000 + 50 000 + 50 000 = 165 000; nothing withheld (C4 validated on 15 February
    # 2023, the deliberation adopted, the financing convention signed): releasable 165 000.
    # Year 2's operating grant less its advance, 20 000 − 50 % × 20 000 = 10 000, waits for year
    # 2's financial statement; the balance held is 20 % × 165 000 = 33 000; paid 50 000 + 60 000.
    # Payable: 165 000 − 10 000 − 33 000 − 110 000 = 12 000.
    chain = [
        row("Acquis", "C2", "165 000,00 €"),
        row("moins le retenu pour condition non remplie", "", "0,00 €"),
        row("égale le versable", "", "165 000,00 €"),
        row("moins l'attente de pièces justificatives", "C3", "10 000,00 €"),
        row("moins le solde retenu", "C3", "33 000,00 €"),
        row("moins le déjà versé (2 versement(s))", "", "110 000,00 €"),
        row("égale le montant proposé au paiement", "C3", "12 000,00 €"),
    ]
    start = lines.index(chain[0])
    assert lines[start : start + len(chain)] == chain
    assert "Montant proposé au paiement : 12 000,00 €." in shown


def test_with_assumed_terms_the_deliberation_alone_is_the_ceiling_and_the_terms_a_simulation() -> None:
    shown = markdown()

    # Under the deliberation alone all that is releasable and unpaid is payable:
    # 165 000 − 110 000 = 55 000, the ceiling; the assumed terms give 12 000, a simulation.
    assert row("Délibération seule (plafond)", "55 000,00 €") in shown
    assert row("Modalités de versement supposées (simulation)", "12 000,00 €") in shown
    assert "le montant selon les modalités supposées est une simulation" in shown


def test_the_example_statement_says_at_the_top_that_it_is_fictitious() -> None:
    lines = markdown().splitlines()

    assert lines[0] == "# État liquidatif"
    warning = next(line for line in lines if line.startswith("> "))
    assert lines.index(warning) < next(index for index, line in enumerate(lines) if line.startswith("## "))
    assert "Exemple fictif : ce document n'est pas à signer." in warning
    assert lines[-1] == "(Exemple fictif : ne pas signer.)"


def test_each_fact_of_the_example_says_where_it_came_from() -> None:
    shown = markdown(as_of="2025-03-31")
    invented = "inventé pour l'exemple intégré (fictif)"

    assert row("Bénéficiaire", "Association Pôle de Compétitivité PMT", "la convention prédéfinie dijon-2022") in shown
    assert row("Délibération (C9)", "du 29/09/2022, adoptée", "la convention prédéfinie dijon-2022") in shown
    assert row("Convention de financement (C3)", "signée le 15/11/2022", invented) in shown
    assert row("Autorisation régionale (C4)", "15/02/2023", invented) in shown
    assert row("Date de la liquidation", "31/03/2025", "l'option --as-of") in shown
    # 13 contracts: 7 funded, the one over the annual limit counted too, 8 eligible of the 9 (C3).
    assert row("Contrats d'accompagnement", "13 contrat(s), dont 8 éligible(s) sur 9 requis", invented) in shown
    assert row("Versements effectués", "2 versement(s), 110 000,00 €", invented) in shown


def test_the_example_statement_lists_the_documents_received_and_awaited_with_their_dates() -> None:
    shown = markdown()

    # The copy of a contract is due a month after its signature: 3 November 2022 + 1 month.
    assert row("copie du contrat d'accompagnement signé PRO-2022-01", "03/12/2022", "21/11/2022", "0,00 €") in shown
    # Year 2 ends on 30 June 2024; its financial statement is due six months later, and is late.
    assert (
        row(
            "rapport d'activité annuel et compte rendu financier de l'année de programme 2",
            "31/12/2024",
            "en retard",
            "10 000,00 €",
        )
        in shown
    )
    # The final report, six months after 30 June 2025, holds the balance of 33 000.
    assert row("rapport final", "31/12/2025", "non reçue", "33 000,00 €") in shown


def test_the_example_statement_gives_the_budget_year_and_what_remains_of_the_grant() -> None:
    shown = markdown()

    assert "Exercice budgétaire du paiement : 2025 (l'année civile du 31/03/2025)." in shown
    # 195 000 − 110 000 paid − 12 000 proposed = 73 000.
    assert "195 000,00 € : 110 000,00 € versés, 12 000,00 € proposés ce jour ; il reste 73 000,00 €." in shown
    assert row("VIR-2023-0412", "12/04/2023", "50 000,00 €") in shown
    assert row("VIR-2024-0328", "28/03/2024", "60 000,00 €") in shown


def test_the_statement_cites_the_clauses_and_the_articles_it_rests_on() -> None:
    shown = markdown()

    subject = "les montants : 195 000 € au total, 20 000 € par an, 15 000 € par contrat, 3 contrats par an"
    assert row("C2", subject, "la délibération") in shown
    assert "| C9 | le vote du conseil | la délibération |" in shown
    # The financing convention (loi n° 2000-321, art. 10) and the four-year limitation of the unpaid claim.
    assert "| loi n° 2000-321 du 12 avril 2000, art. 10 |" in shown
    assert "| LEGIARTI000006528553 |" in shown


def test_the_signature_is_left_blank_for_the_ordonnateur() -> None:
    lines = markdown().splitlines()
    signature = lines[lines.index("---") :]

    assert "Certifié exact le présent état, arrêté à la somme de 12 000,00 €." in signature
    assert "À ………………………………, le ……………………" in signature
    assert "L'ordonnateur (nom, qualité, signature) :" in signature


def test_the_statement_is_said_in_english_too() -> None:
    shown = markdown(lang="en")

    assert shown.startswith("# Liquidation statement\n")
    assert row("Accrued", "C2", "€165,000.00") in shown
    assert row("equals the amount proposed for payment", "C3", "€12,000.00") in shown
    assert row("Deliberation alone (ceiling)", "€55,000.00") in shown
    assert "Fictitious example: not a document to sign." in shown
    assert "The ordonnateur (name, position, signature):" in shown


def test_the_statement_refuses_a_language_it_does_not_speak() -> None:
    assessment, inputs, ceiling = case()

    for view in (reports.statement_markdown, reports.statement_html):
        with pytest.raises(InvalidInput) as refused:
            view(assessment, inputs, "de", ceiling=ceiling)
        assert refused.value.path == "lang"


# --- scenarios of the user's own ---------------------------------------------------------------


def test_a_scenario_of_the_users_own_is_not_said_to_be_fictitious() -> None:
    shown = markdown(FINANCING_CONVENTION)

    assert "fictif" not in shown
    assert row("Date de la liquidation", "31/03/2024", f"le fichier de scénario {FINANCING_CONVENTION}") in shown
    # The file's own arithmetic: accrued 65 000 + 35 000 = 100 000; awaiting 15 000 + 10 000;
    # balance 20 % × 100 000 = 20 000; paid 50 000: payable 100 000 − 25 000 − 20 000 − 50 000 = 5 000.
    # Its terms are the assumed ones written out: the deliberation alone, 100 000 − 50 000 = 50 000.
    assert row("égale le montant proposé au paiement", "C3", "5 000,00 €") in shown
    assert row("Délibération seule (plafond)", "50 000,00 €") in shown
    assert "(Exemple fictif" not in shown


def test_without_financing_terms_the_statement_has_no_ceiling_and_asks_for_no_document() -> None:
    shown = markdown(FULL)

    # Three years of 20 000 + 3 × 15 000 = 65 000: 195 000, the cap; paid 130 000; payable 65 000.
    assert row("Acquis", "C2", "195 000,00 €") in shown
    assert row("moins le déjà versé (2 versement(s))", "", "130 000,00 €") in shown
    assert row("égale le montant proposé au paiement", "C3", "65 000,00 €") in shown
    assert "plafond)" not in shown
    assert "moins le solde retenu" not in shown
    assert "Sans modalités de versement, la délibération ne demande aucune pièce justificative." in shown
    # 195 000 − 130 000 − 65 000 = 0: nothing of the grant remains.
    assert "il reste 0,00 €." in shown
    assert row("Modalités de versement (C3)", "aucune : la délibération seule", "non indiquée") in shown


def test_a_name_holding_markup_is_shown_as_written_never_as_a_tag() -> None:
    scenario, inputs = assemble(ScenarioOptions(file=FULL))
    scenario = scenario.replace(convention=scenario.convention.replace(beneficiary="<b>PMT</b> & co"))
    assessment = scenario.assess()

    assert "&lt;b>PMT&lt;/b> &amp; co" in reports.statement_markdown(assessment, inputs)
    assert "&lt;b&gt;PMT&lt;/b&gt; &amp; co" in reports.statement_html(assessment, inputs)


# --- the printable page ------------------------------------------------------------------------

#: The elements of HTML that have no end tag.
VOID = {"meta", "br", "hr", "img", "link", "input"}


class _Checker(HTMLParser):
    """Records every element and the text, and fails on an end tag that closes nothing open."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []
        self.style = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open[-1:] == [tag], (tag, self.open)
        self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.open and self.open[-1] == "style":
            self.style += data
        else:
            self.text.append(data)


def parsed(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_html_page_is_well_formed_has_a_print_stylesheet_and_no_script(lang: str) -> None:
    assessment, inputs, ceiling = case()
    page = reports.statement_html(assessment, inputs, lang, ceiling=ceiling)
    checker = parsed(page)

    assert checker.open == []
    assert page.startswith("<!DOCTYPE html>\n")
    assert f'<html lang="{lang}">' in page
    assert "script" not in checker.seen
    assert "@page { size: A4;" in checker.style
    assert checker.seen.count("h2") == 6


def test_the_html_page_puts_the_fictitious_warning_before_anything_else() -> None:
    assessment, inputs, ceiling = case()
    page = reports.statement_html(assessment, inputs, ceiling=ceiling)

    warning = page.index('<p class="warning" role="alert">Exemple fictif : ce document n&#x27;est pas à signer.')
    assert warning < page.index("<h2>")
    assert '<td class="amount">12 000,00 €</td>' in page


def test_the_html_page_of_a_users_scenario_has_no_warning() -> None:
    assessment, inputs, ceiling = case(FINANCING_CONVENTION)
    page = reports.statement_html(assessment, inputs, ceiling=ceiling)

    assert 'class="warning"' not in page
    assert parsed(page).open == []


# --- money withheld, money paid beyond -----------------------------------------------------------


def test_money_withheld_by_an_unmet_condition_is_a_line_with_its_clause_and_its_reason() -> None:
    shown = markdown(not_authorised=True)

    # C4: without the regional authorisation all that accrued, 165 000, is withheld: releasable
    # 165 000 − 165 000 = 0; the 110 000 already paid is beyond it, nothing is proposed.
    assert row("moins le retenu pour condition non remplie", "C4", "165 000,00 €") in shown
    assert row("égale le versable", "", "0,00 €") in shown
    assert row("égale le montant proposé au paiement", "C3", "0,00 €") in shown
    assert "- La convention d'autorisation unique entre le Conseil régional" in shown
    assert "- Versé au-delà du versable : 110 000,00 €, rien à verser ; un reversement à décider." in shown


def test_a_payment_beyond_what_is_releasable_proposes_nothing_and_says_the_excess() -> None:
    shown = markdown(str(EXAMPLES / "scenarios" / "excess-payment.toml"), lang="en")

    # C2: 20 000 + 15 000 = 35 000 accrued and releasable; 50 000 paid on 15 December 2022
    # (the payment of 1 March 2023 comes after the date): excess 50 000 − 35 000 = 15 000.
    assert row("Accrued", "C2", "€35,000.00") in shown
    assert row("less paid (1 payment(s))", "", "€50,000.00") in shown
    assert row("equals the amount proposed for payment", "C3", "€0.00") in shown
    assert "- Paid beyond what is releasable: €15,000.00, nothing to pay; a recovery to decide." in shown
    assert "VIR-2023-03" not in shown
