"""Warnings on the names of the startups (C7) and on head offices, printed beside their contracts."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import OPERATING, PER_CONTRACT, contract, startup
from propulseur_rules import DIJON_2022, ContractStatus, assess
from propulseur_rules.reports import render
from propulseur_rules.rules._warnings import NameWarningKind, name_warnings

AUTHORISED = dt.date(2022, 12, 15)
AS_OF = dt.date(2023, 6, 1)
FIRST, SECOND = dt.date(2022, 11, 3), dt.date(2023, 1, 10)


def kinds(first_name: str, second_name: str, *, sirens: tuple[str | None, str | None] = (None, None)) -> list[str]:
    contracts = [
        contract("P-1", FIRST, of=startup(first_name, siren=sirens[0])),
        contract("P-2", SECOND, of=startup(second_name, siren=sirens[1])),
    ]
    return [f"{warning.contract} {warning.kind}" for warning in name_warnings(contracts)]


def test_c7_two_names_differing_only_by_a_legal_form_are_two_startups_and_warned() -> None:
    # C7 compares the names as given: « HYDROLIS SAS » is not « Hydrolis », so both contracts are
    # funded, 20 000 + 2 × 15 000 = 50 000 €; the report asks whether they are one startup.
    contracts = [
        contract("P-1", FIRST, of=startup("Hydrolis")),
        contract("P-2", SECOND, of=startup("HYDROLIS SAS")),
    ]
    result = assess(DIJON_2022, contracts, as_of=AS_OF, regional_authorisation_on=AUTHORISED)

    assert [item.status for item in result.contracts] == [ContractStatus.FUNDED, ContractStatus.FUNDED]
    assert result.accrued == OPERATING + 2 * PER_CONTRACT == 50_000
    (warning,) = name_warnings(contracts)
    assert (warning.kind, warning.contract, warning.other_contract) == (NameWarningKind.LEGAL_FORM, "P-2", "P-1")
    assert warning.short("fr") == (
        "« HYDROLIS SAS » et « Hydrolis » du contrat P-1 ne diffèrent que par une forme juridique et n'ont pas de "
        "SIREN : la même startup ? (C7)"
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [("Hydrolis", "S.A.S. Hydrolis"), ("Hydrolis SARL", "HYDROLIS EURL"), ("Vitalis", "Vitalis SASU")],
)
def test_c7_any_legal_form_before_or_after_the_name_is_warned(first: str, second: str) -> None:
    assert kinds(first, second) == ["P-2 legal_form"]


@pytest.mark.parametrize(("first", "second"), [("Hydrolis", "Hydrolys"), ("MedTrack Santé", "Medtrak Santé")])
def test_c7_names_a_small_edit_apart_are_warned(first: str, second: str) -> None:
    # « Hydrolis » / « Hydrolys »: difflib's ratio is 2 × 7 matching letters / 16 letters = 0.875 ≥ 0.85.
    assert kinds(first, second) == ["P-2 similar_names"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hydrolis", "Vitalis"),  # 2 × 3 matching letters / 15 letters = 0.4
        ("Lumen", "Lumex"),  # five letters: too short to compare by ratio
        ("Hydrolis", "HYDROLIS"),  # the same name for C7: its second contract fails C7 instead
    ],
)
def test_c7_different_or_identical_names_are_not_warned(first: str, second: str) -> None:
    assert kinds(first, second) == []


def test_c7_two_sirens_decide_so_close_names_are_not_warned() -> None:
    assert kinds("Hydrolis", "Hydrolis SAS", sirens=("732829320", "552100554")) == []
    assert kinds("Hydrolis", "Hydrolis SAS", sirens=("732829320", None)) == ["P-2 legal_form"]


def test_a_name_mixing_latin_and_cyrillic_letters_is_warned() -> None:
    # « Нydrolis » with a Cyrillic Н: C7 reads it as « Hydrolis »; the report still points it out.
    warnings = name_warnings([contract("P-1", FIRST, of=startup("\u041dydrolis"))])

    assert [(warning.kind, warning.scripts) for warning in warnings] == [(NameWarningKind.MIXED_SCRIPTS, ("CYRILLIC",))]
    assert (
        warnings[0].short("en") == "the name « \u041dydrolis » mixes Latin letters with Cyrillic ones that look alike"
    )


def test_the_warnings_are_printed_beside_their_contract_in_every_report() -> None:
    contracts = [
        contract("P-1", FIRST, of=startup("Hydrolis", head_office="21000")),  # Dijon's postal code
        contract("P-2", SECOND, of=startup("HYDROLIS SAS")),
    ]
    result = assess(DIJON_2022, contracts, as_of=AS_OF, regional_authorisation_on=AUTHORISED)

    text = render(result, "en")
    (row_1,) = [line for line in text.splitlines() if line.startswith("P-1 ")]
    (row_2,) = [line for line in text.splitlines() if line.startswith("P-2 ")]
    assert row_1.endswith(
        "head office outside the territory (C6); warning: head office 21000 is a postal code; "
        "meant Dijon (INSEE code 21231)?"
    )
    assert "warning: « HYDROLIS SAS » and « Hydrolis » of contract P-1 differ only by a legal form" in row_2
    assert "attention : le siège 21000 est un code postal" in render(result, "fr", markdown=True)
    assert "warning: head office 21000 is a postal code" in result._repr_html_()  # type: ignore[attr-defined]
    data = result.to_dict()["contracts"]
    assert [[warning["kind"] for warning in item["warnings"]] for item in data] == [["postal_code"], ["legal_form"]]
