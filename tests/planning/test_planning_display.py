"""Notebook display and the renderers of the budget-year and schedule views, in English and French."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from builders import DIJON_2022, contract, euros, startup, three_contracts_a_year
from propulseur_rules import EventKind, InvalidInput, assess, schedule
from propulseur_rules.example._example import (
    EXAMPLE_CONTRACTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
    example_assessment_inputs,
)
from propulseur_rules.planning import (
    budget_years_to_dict,
    event_label,
    render_budget_years,
    render_schedule,
    schedule_to_dict,
)
from propulseur_rules.reports import to_html
from propulseur_rules.words._catalogue import CATALOGUES

SCRIPT = "<script>alert('x')</script>"


def example() -> object:
    return assess(**example_assessment_inputs())  # type: ignore[arg-type]


# --- _repr_html_ ------------------------------------------------------------------------


def test_html_escapes_markup_in_a_reference_a_startup_and_the_convention() -> None:
    convention = DIJON_2022.replace(reference=f"Convention {SCRIPT}")
    outside = startup(SCRIPT, head_office="21054")  # Beaune: outside the métropole (C6)
    feed = [contract(f"PRO-{SCRIPT}", dt.date(2022, 10, 3), of=outside)]
    assessment = assess(convention, feed, as_of=dt.date(2023, 1, 1))

    page = assessment._repr_html_()

    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    # The tags that remain are the ones of the view itself.
    assert set(re.findall(r"</?([a-z]+)", page)) <= {"div", "p", "strong", "table", "caption", "thead", "tbody"} | {
        "tr",
        "th",
        "td",
        "ul",
        "li",
    }


def test_html_shows_the_years_the_contracts_and_the_money_as_tables() -> None:
    page = example()._repr_html_()  # type: ignore[attr-defined]

    # With the example's financing terms, a fourth table: the supporting documents (C3 « modalités »).
    assert page.count("<table>") == 4
    for caption in ("Programme years", "Contracts", "Money", "Supporting documents"):
        assert f"<caption>{caption}</caption>" in page
    assert "<td>1 (2022-2023)</td>" in page
    assert '<td style="text-align:right">€65,000.00</td>' in page  # year 1: 20 000 + 3 × 15 000
    assert "<th>Accrued</th>" in page
    assert '<td style="text-align:right">€165,000.00</td>' in page
    assert "<td>PRO-2023-05</td><td>Lumen Beaune</td><td>ineligible</td>" in page  # the startup beside it


def test_html_says_which_readings_gave_the_figures_in_the_language_asked() -> None:
    pooled = DIJON_2022.replace(places="pooled", signing_deadline=dt.date(2024, 12, 31))
    assessment = assess(pooled, [], as_of=dt.date(2023, 1, 1))

    assert "places pooled over the period (C2, C7); contracts signed by 2024-12-31 (C7)" in assessment._repr_html_()
    assert "places mutualisées sur la période (C2, C7) ; contrats signés au plus tard le 31/12/2024 (C7)" in (
        to_html(assessment, "fr")
    )


def test_html_lists_each_unmet_condition_with_its_clause() -> None:
    assessment = example()
    page = assessment._repr_html_()  # type: ignore[attr-defined]

    items = re.findall(r"<li>\[(C\d)\] ", page)
    assert items == [unmet.clause.value for unmet in assessment.unmet]  # type: ignore[attr-defined]
    assert "1 more eligible contract(s) needed" in page


def test_html_says_when_every_condition_is_met() -> None:
    # Three contracts in each programme year (C2), nine in all (C3), the authorisation given (C4), the
    # financing convention the law requires signed.
    assessment = assess(
        DIJON_2022,
        three_contracts_a_year(),
        as_of=dt.date(2025, 7, 1),
        regional_authorisation_on=dt.date(2022, 8, 1),
        financing_signed_on=dt.date(2022, 8, 1),
    )

    page = assessment._repr_html_()

    assert "<ul>" not in page
    assert "All conditions are met." in page


def test_html_without_contracts_says_so() -> None:
    page = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))._repr_html_()

    assert "<p>No contracts.</p>" in page
    assert page.count("<table>") == 2


# --- budget years -----------------------------------------------------------------------


def test_the_budget_year_view_in_text_has_a_total_row_equal_to_the_programme_years() -> None:
    report = render_budget_years(example())  # type: ignore[arg-type]

    assert report.splitlines()[0] == (
        "Budget years (calendar years) of Dijon Métropole – PMT ProPulseur 2022-2025 on 2025-03-31"
    )
    lines = report.splitlines()
    assert lines[2].split("  ")[0] == "Budget year"
    assert [cell.strip() for cell in lines[2].split("  ") if cell.strip()][1:] == [
        "Accrued in the year",
        "Of which withheld now",
        "Of which releasable now",
        "Paid in the year",
        "Became releasable in the year",
    ]
    # 2022's 50 000 accrued, but none became releasable before the authorisation of 15 February 2023 (C4).
    assert lines[4].split() == ["2022", "€50,000.00", "€0.00", "€50,000.00", "€0.00", "€0.00"]
    # 2023: 2022's 50 000 on 15 February, then its own 15 000 + 20 000 + 15 000 on their days.
    assert lines[5].split()[-1] == "€100,000.00"
    # 50 000 + 50 000 + 50 000 + 15 000 = 165 000 accrued; 50 000 + 60 000 = 110 000 paid
    assert lines[8].split() == ["Total", "€165,000.00", "€0.00", "€165,000.00", "€110,000.00", "€165,000.00"]
    # Below, what is not cut by year: the year 2 statement awaited holds half of year 3's operating grant,
    # 20 000 / 2 = 10 000; the balance is a fifth of the releasable, 165 000 / 5 = 33 000; payable
    # 165 000 − 10 000 − 33 000 − 110 000 = 12 000, nothing time-barred (the first claims arose in 2022:
    # four years from 1 January 2023).
    assert lines[10] == "Not cut by year"
    assert [line.rsplit(maxsplit=1) for line in lines[12:17]] == [
        ["Waiting for documents", "€10,000.00"],
        ["Balance held", "€33,000.00"],
        ["Time-barred", "€0.00"],
        ["Payable now", "€12,000.00"],
        ["Excess paid", "€0.00"],
    ]


def test_the_budget_year_view_in_french_markdown() -> None:
    report = render_budget_years(example(), "fr", markdown=True)  # type: ignore[arg-type]

    assert report.startswith("# Exercices budgétaires (années civiles) de Dijon Métropole")
    headers = "| Exercice | Acquis dans l'exercice | Dont retenu à ce jour | Dont versable à ce jour |"
    assert headers + " Versé dans l'exercice | Devenu versable dans l'exercice |" in report
    # 2023: 50 000 accrued; 50 000 + 50 000 became releasable (2022's on the authorisation, 15 February 2023).
    assert "| 2023 | 50 000,00 € | 0,00 € | 50 000,00 € | 50 000,00 € | 100 000,00 € |" in report
    assert "| Total | 165 000,00 € | 0,00 € | 165 000,00 € | 110 000,00 € | 165 000,00 € |" in report
    assert "| Non ventilé par exercice |  |" in report
    assert "| À verser | 12 000,00 € |" in report  # 165 000 − 10 000 − 33 000 − 110 000


def test_the_budget_year_view_as_json_ready_data() -> None:
    data = budget_years_to_dict(example())  # type: ignore[arg-type]

    assert json.loads(json.dumps(data)) == data
    assert data["budget_years"][1] == {
        "year": 2023,
        "accrued": "50000.00",
        "withheld": "0.00",
        "releasable": "50000.00",
        "paid": "50000.00",
        # 2022's 50 000 on the authorisation of 15 February 2023 (C4), and 2023's own 50 000.
        "became_releasable": "100000.00",
    }
    # The total has every money figure: 10 000 wait for the statement of year 2, 33 000 (a fifth of
    # 165 000) is the balance held, 165 000 − 10 000 − 33 000 − 110 000 = 12 000 payable.
    assert data["total"] == {
        "accrued": "165000.00",
        "withheld": "0.00",
        "releasable": "165000.00",
        "awaiting_documents": "10000.00",
        "balance_held": "33000.00",
        "time_barred": "0.00",
        "paid": "110000.00",
        "payable": "12000.00",
        "excess_paid": "0.00",
    }
    assert data["as_of"] == "2025-03-31"


# --- the schedule -----------------------------------------------------------------------


def example_events() -> tuple[object, ...]:
    return schedule(DIJON_2022, EXAMPLE_CONTRACTS, regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON)


def test_the_schedule_in_text() -> None:
    report = render_schedule(DIJON_2022, example_events())  # type: ignore[arg-type]

    lines = report.splitlines()
    assert lines[0] == "Schedule of Dijon Métropole – PMT ProPulseur 2022-2025"
    assert lines[1] == "Readings: target pro rata, accrual on each event (C3); places per programme year (C2, C7)."
    assert "2023-02-15  Regional authorisation validated" in report
    assert re.search(r"2025-05-20  Contract PRO-2025-13 signed +C2 +€15,000.00 +€180,000.00 +€180,000.00", report)


def test_the_schedule_in_french_markdown() -> None:
    report = render_schedule(DIJON_2022, example_events(), "fr", markdown=True)  # type: ignore[arg-type]

    assert report.startswith("# Calendrier de Dijon Métropole")
    assert "| Date | Événement | Clause | Montant | Acquis | Versable |" in report
    assert (
        "| 01/07/2022 | Ouverture de l'année de programme 1 (2022-2023) : fonctionnement | C2 "
        "| 20 000,00 € | 20 000,00 € | 0,00 € |"
    ) in report
    assert (
        "| 15/02/2023 | Validation de l'autorisation régionale | C4 | 50 000,00 € | 50 000,00 € | 50 000,00 € |"
        in report
    )


def test_the_schedule_as_json_ready_data() -> None:
    data = schedule_to_dict(DIJON_2022, example_events())  # type: ignore[arg-type]

    assert json.loads(json.dumps(data)) == data
    assert data["events"][4] == {
        "on": "2023-02-15",
        "kind": "authorisation_validated",
        "clause": "C4",
        "amount": "50000.00",
        "accrued": "50000.00",
        "releasable": "50000.00",
        "programme_year": None,
        "contract": None,
        "label": {"en": "Regional authorisation validated", "fr": "Validation de l'autorisation régionale"},
    }


def test_an_empty_schedule_says_that_nothing_moves() -> None:
    # No operating grant, no contracts, no vote, no authorisation: no money accrues or is released.
    convention = DIJON_2022.replace(operating_grant_per_year=0, deliberation=None)

    assert schedule(convention, []) == ()
    assert render_schedule(convention, (), "fr").splitlines()[-1] == "Aucun montant n'est acquis ni libéré."


#: The texts of the reports, the planning's among them.
PLANNING_TEXTS = {
    key.removeprefix("report."): (english, CATALOGUES["fr"][key])
    for key, english in CATALOGUES["en"].items()
    if key.startswith("report.")
}


@pytest.mark.parametrize("kind", list(EventKind))
def test_every_kind_of_event_has_a_label_in_both_languages(kind: EventKind) -> None:
    english, french = PLANNING_TEXTS[f"event_{kind.value}"]

    assert english
    assert french
    assert english != french


@pytest.mark.parametrize(
    "key",
    [key for key in PLANNING_TEXTS if key.startswith(("budget_", "schedule_", "event_", "covering_"))],
)
def test_each_planning_text_exists_in_english_and_french_with_the_same_fields(key: str) -> None:
    english, french = PLANNING_TEXTS[key]

    assert english.strip()
    assert french.strip()
    assert sorted(re.findall(r"{(\w+)}", english)) == sorted(re.findall(r"{(\w+)}", french))


def test_renderers_refuse_a_language_they_do_not_speak() -> None:
    with pytest.raises(InvalidInput, match=r"^lang: 'de' is not a language"):
        render_schedule(DIJON_2022, (), "de")
    with pytest.raises(InvalidInput, match=r"^lang: 'de' is not a language"):
        render_budget_years(example(), "de")  # type: ignore[arg-type]


def test_an_event_label_names_the_year_and_the_contract() -> None:
    events = example_events()

    assert event_label(events[0], DIJON_2022, "fr") == (  # type: ignore[arg-type]
        "Ouverture de l'année de programme 1 (2022-2023) : fonctionnement"
    )
    assert event_label(events[2], DIJON_2022) == "Contract PRO-2022-01 signed"  # type: ignore[arg-type]
    assert events[2].amount == euros(15_000)  # type: ignore[attr-defined]
