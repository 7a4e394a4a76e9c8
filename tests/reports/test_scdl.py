"""The subsidy as a record of « SCDL subventions » 2.1.1 (décret n° 2017-779), as CSV and JSON.

The SIRET numbers here are fictitious: 12345678200002 and 98765432400001 pass the
Luhn key (SIREN 123456782 and 987654324 too) and stand for no real organisation.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import attrs
import pytest

from propulseur_rules import DIJON_2022, FinancingTerms, InvalidInput, Period
from propulseur_rules.example import EXAMPLE_CONVENTION
from propulseur_rules.reports import LEGAL_BASES, legal_basis
from propulseur_rules.reports._scdl import (
    SCDL_FIELDS,
    SCDL_REQUIRED,
    SCDL_VERSION,
    example_scdl_inputs,
    expected_payment_period,
    publication_due_on,
    scdl_csv,
    scdl_json,
    scdl_record,
    siret_valid,
    validate_scdl_record,
)

FUNDER = "12345678200002"
BENEFICIARY = "98765432400001"


def record(**changes: object) -> dict[str, str]:
    arguments: dict[str, object] = {
        "funder_siret": FUNDER,
        "beneficiary_siret": BENEFICIARY,
        "convention_signed_on": dt.date(2022, 11, 1),
        "eu_notified": False,
        **changes,
    }
    return scdl_record(DIJON_2022, **arguments)  # type: ignore[arg-type]


def test_the_schema_has_sixteen_columns_eleven_of_them_required() -> None:
    assert SCDL_VERSION == "2.1.1"
    assert len(SCDL_FIELDS) == 16
    assert SCDL_FIELDS[0] == "nomAttribuant"
    # 2.1.0 added rnaBeneficiaire after idBeneficiaire and dispositifAide at the end.
    assert SCDL_FIELDS[5:7] == ("idBeneficiaire", "rnaBeneficiaire")
    assert SCDL_FIELDS[-2:] == ("pourcentageSubvention", "dispositifAide")
    optional = {"referenceDecision", "idBeneficiaire", "rnaBeneficiaire", "idRAE", "dispositifAide"}
    assert set(SCDL_FIELDS) - SCDL_REQUIRED == optional
    assert len(SCDL_REQUIRED) == 16 - 5


def test_the_fictitious_sirets_pass_the_luhn_key_digit_by_digit() -> None:
    # 12345678200002 from the right, doubling every second digit (a double above 9 loses 9):
    # 2 + 0 + 0 + 0 + 0 + 4 + 8 + (7×2−9=5) + 6 + (5×2−9=1) + 4 + 6 + 2 + 2 = 40, a multiple of 10.
    assert siret_valid(FUNDER)
    assert not siret_valid("12345678200003")
    assert not siret_valid("1234567820000")
    assert not siret_valid("１２３４５６７８２００００２")  # full-width digits are not ASCII digits


def test_the_dijon_record_has_every_column_in_order_with_the_values_of_the_deliberation() -> None:
    got = record(decision_reference="DM-2022-09-29")

    assert list(got) == list(SCDL_FIELDS)
    assert got["nomAttribuant"] == "Dijon Métropole"
    assert got["idAttribuant"] == FUNDER
    assert got["dateConvention"] == "2022-11-01"
    assert got["referenceDecision"] == "DM-2022-09-29"
    assert got["nomBeneficiaire"] == "Association Pôle de Compétitivité PMT"
    assert got["idBeneficiaire"] == BENEFICIARY
    assert "9 projets accompagnés par le dispositif ProPulseur" in got["objet"]
    assert len(got["objet"]) <= 256
    # C2: 65 000 € a year × 3 years = 195 000 €, two decimals, a point.
    assert got["montant"] == "195000.00"
    assert got["nature"] == "aide en numéraire"
    assert got["conditionsVersement"] == "échelonné"
    # The payments: not before the convention's signature (1 November 2022, after the vote of
    # 29 September 2022 and the start of C1 on 1 July 2022); DIJON_2022 has no financing terms,
    # so no balance waits for a final report and the last payment falls by the end of C1, 30 June 2025.
    assert got["datesPeriodeVersement"] == "2022-11-01/2025-06-30"
    assert (got["rnaBeneficiaire"], got["dispositifAide"]) == ("", "")
    assert got["idRAE"] == ""
    assert got["notificationUE"] == "non"
    # One beneficiary: 100 %, written 1.00.
    assert got["pourcentageSubvention"] == "1.00"


def test_the_amount_follows_the_conventions_cap() -> None:
    smaller = attrs.evolve(DIJON_2022, total_cap=Decimal("120000.5"))
    got = scdl_record(
        smaller, funder_siret=FUNDER, beneficiary_siret=BENEFICIARY, convention_signed_on="2022-11-01", eu_notified=True
    )

    assert (got["montant"], got["notificationUE"]) == ("120000.50", "oui")


def test_a_single_payment_day_and_a_share_can_be_given() -> None:
    got = record(payment_period=dt.date(2023, 1, 15), share="0.45", payment_conditions="unique", rae_id="12345")

    assert got["datesPeriodeVersement"] == "2023-01-15"
    assert got["pourcentageSubvention"] == "0.45"
    assert (got["conditionsVersement"], got["idRAE"]) == ("unique", "12345")


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"funder_siret": None}, "funder_siret"),
        ({"beneficiary_siret": ""}, "beneficiary_siret"),
        ({"funder_siret": "12345678200003"}, "funder_siret"),
        ({"beneficiary_siret": "987654324"}, "beneficiary_siret"),
        ({"beneficiary_siret": 98765432400001}, "beneficiary_siret"),
        ({"convention_signed_on": None}, "convention_signed_on"),
        ({"convention_signed_on": "01/11/2022"}, "convention_signed_on"),
        ({"eu_notified": None}, "eu_notified"),
        ({"eu_notified": "non"}, "eu_notified"),
        ({"purpose": "x" * 257}, "purpose"),
        ({"rae_id": "123456"}, "rae_id"),
        ({"nature": "subvention"}, "nature"),
        ({"share": "0"}, "share"),
        ({"share": "1.5"}, "share"),
        ({"share": "0.455"}, "share"),
        ({"share": 1.0}, "share"),
        ({"payment_period": "2023"}, "payment_period"),
        ({"beneficiary_siret": None}, "beneficiary_siret"),
        ({"beneficiary_rna": "W12345678"}, "beneficiary_rna"),
        ({"beneficiary_rna": "A123456789"}, "beneficiary_rna"),
        ({"beneficiary_rna": 212000123}, "beneficiary_rna"),
        ({"decision_reference": "DM\x07"}, "decision_reference"),
        ({"aid_scheme": "\udcff"}, "aid_scheme"),
        ({"regional_authorisation_on": "15/02/2023"}, "regional_authorisation_on"),
        ({"convention_signed_on": "2026-01-01"}, "convention_signed_on"),
    ],
)
def test_a_missing_or_bad_input_is_refused_naming_it(changes: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        record(**changes)

    assert raised.value.path == path


def test_a_spaced_siret_is_read_without_its_spaces() -> None:
    assert record(funder_siret="123 456 782 00002")["idAttribuant"] == FUNDER


# --- the published rules, on records built by hand ---------------------------------


def valid() -> dict[str, str]:
    return dict(record())


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("nomAttribuant", ""),
        ("idAttribuant", "1234567820000"),
        ("idBeneficiaire", "98765432400002"),
        ("dateConvention", "2022-02-30"),
        ("dateConvention", "01/11/2022"),
        ("montant", "195 000,00"),
        ("montant", "0195000.00"),
        ("montant", "-1.00"),
        ("nature", "aide en numéraire; aide en nature"),
        ("conditionsVersement", ""),
        ("conditionsVersement", "x" * 257),
        ("datesPeriodeVersement", "2022-07-01 - 2025-06-30"),
        ("datesPeriodeVersement", "2025-06-30/2022-07-01"),
        ("datesPeriodeVersement", "2022-07-01/2025-06-31"),
        ("idRAE", "123456"),
        ("notificationUE", "false"),
        ("pourcentageSubvention", "0.00"),
        ("pourcentageSubvention", "1.01"),
        ("pourcentageSubvention", "45%"),
        ("objet", "line one\nline two"),
        ("rnaBeneficiaire", "W21200012"),
        ("rnaBeneficiaire", "w212000123"),
        ("dispositifAide", "line one\rline two"),
    ],
)
def test_a_record_that_breaks_a_rule_of_the_schema_is_refused_naming_the_column(column: str, value: str) -> None:
    broken = valid()
    broken[column] = value

    with pytest.raises(InvalidInput) as raised:
        validate_scdl_record(broken)

    assert raised.value.path == column


def test_both_orders_of_a_mixed_nature_are_allowed() -> None:
    for nature in ("aide en numéraire;aide en nature", "aide en nature;aide en numéraire"):
        validate_scdl_record({**valid(), "nature": nature})


def test_a_missing_an_extra_or_a_misplaced_column_is_refused() -> None:
    missing = valid()
    del missing["idRAE"]
    with pytest.raises(InvalidInput, match="idRAE: the column is missing"):
        validate_scdl_record(missing)
    with pytest.raises(InvalidInput, match="typeBeneficiaire: is not a column"):
        validate_scdl_record({**valid(), "typeBeneficiaire": ""})
    reordered = dict(reversed(list(valid().items())))
    with pytest.raises(InvalidInput, match="not in the SCDL order"):
        validate_scdl_record(reordered)


# --- CSV and JSON -------------------------------------------------------------------


def test_the_csv_has_the_header_and_one_row_that_reads_back_the_same() -> None:
    text = scdl_csv([record()])

    assert text.startswith(",".join(SCDL_FIELDS) + "\r\n")
    assert text.count("\r\n") == 2
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == [record()]


def test_a_name_with_a_comma_or_a_quote_is_quoted_in_the_csv() -> None:
    got = {**record(), "referenceDecision": 'CONV N° 1, "bis"'}

    text = scdl_csv([got])

    assert '"CONV N° 1, ""bis"""' in text
    assert next(csv.DictReader(io.StringIO(text, newline="")))["referenceDecision"] == 'CONV N° 1, "bis"'


def test_the_json_holds_each_value_in_its_schema_type_and_money_exactly() -> None:
    text = scdl_json([record()])

    (data,) = json.loads(text, parse_float=Decimal)
    assert list(data) == list(SCDL_FIELDS)
    assert data["montant"] == Decimal("195000.00")
    assert '"montant": 195000.00' in text
    assert data["pourcentageSubvention"] == Decimal("1.00")
    assert data["notificationUE"] is False
    assert data["idRAE"] is None
    assert data["referenceDecision"] is None
    assert (data["rnaBeneficiaire"], data["dispositifAide"]) == (None, None)
    assert data["dateConvention"] == "2022-11-01"
    assert data["nomBeneficiaire"] == "Association Pôle de Compétitivité PMT"


def test_the_writers_refuse_a_bad_record_naming_its_row_and_column() -> None:
    bad = {**record(), "notificationUE": "peut-être"}

    with pytest.raises(InvalidInput) as raised:
        scdl_csv([record(), bad])
    assert raised.value.path == "[1].notificationUE"
    with pytest.raises(InvalidInput, match=r"\[0\]\.notificationUE"):
        scdl_json([bad])


def test_a_payment_period_given_as_a_period_is_written_as_an_interval() -> None:
    period = Period(start=dt.date(2022, 12, 1), end=dt.date(2026, 6, 30))

    assert record(payment_period=period)["datesPeriodeVersement"] == "2022-12-01/2026-06-30"


# --- 2.1.1: the beneficiary by SIRET or RNA, the aid scheme ---------------------------


def test_an_association_may_be_named_by_its_rna_number_instead_of_a_siret() -> None:
    got = record(beneficiary_siret=None, beneficiary_rna=" w212000123 ")

    assert (got["idBeneficiaire"], got["rnaBeneficiaire"]) == ("", "W212000123")
    assert record(beneficiary_rna="W212000123")["idBeneficiaire"] == BENEFICIARY  # both may be given


def test_neither_siret_nor_rna_is_refused_by_the_one_of_required_rule() -> None:
    with pytest.raises(InvalidInput, match="a SIRET of 14 digits, or the RNA number"):
        record(beneficiary_siret="", beneficiary_rna=None)
    with pytest.raises(InvalidInput) as raised:
        validate_scdl_record({**valid(), "idBeneficiaire": ""})
    assert raised.value.path == "idBeneficiaire"
    validate_scdl_record({**valid(), "idBeneficiaire": "", "rnaBeneficiaire": "W212000123"})


def test_the_new_optional_columns_are_written_as_given() -> None:
    got = record(decision_reference="  DM 2022-09-29  n° 12 ", aid_scheme="65d5b6c7-102c-4440-ac3b-768f708edc0a")

    assert got["referenceDecision"] == "DM 2022-09-29 n° 12"  # runs of spaces collapsed
    assert got["dispositifAide"] == "65d5b6c7-102c-4440-ac3b-768f708edc0a"
    assert list(got)[-1] == "dispositifAide"


# --- datesPeriodeVersement: the period of the payments ----------------------------------


def test_the_built_in_example_pays_from_the_regional_authorisation_to_the_final_report() -> None:
    got = scdl_record(EXAMPLE_CONVENTION, **example_scdl_inputs(), eu_notified=False)

    # First possible payment: the latest of C1's start (2022-07-01), the vote (2022-09-29), the
    # signature (2022-11-15) and the regional authorisation (C4, 2023-02-15). Last expected: the
    # balance, when the final report is due, 6 months after 30 June 2025: 31 December 2025.
    assert got["datesPeriodeVersement"] == "2023-02-15/2025-12-31"
    assert got["dateConvention"] == "2022-11-15"


def test_a_regional_authorisation_before_the_signature_leaves_the_signature_first() -> None:
    got = record(regional_authorisation_on=dt.date(2022, 10, 3))

    assert got["datesPeriodeVersement"] == "2022-11-01/2025-06-30"


def test_a_signature_before_the_programme_leaves_the_programme_s_start_and_the_vote_first() -> None:
    before_vote = record(convention_signed_on=dt.date(2022, 6, 1))

    # C1 starts on 1 July 2022, but the council voted on 29 September 2022 (C9): nothing before the vote.
    assert before_vote["datesPeriodeVersement"] == "2022-09-29/2025-06-30"


def test_the_last_payment_follows_the_delay_of_the_final_report() -> None:
    terms = FinancingTerms(final_report_months=3)
    period = expected_payment_period(
        EXAMPLE_CONVENTION.replace(financing=terms), convention_signed_on=dt.date(2022, 11, 15)
    )

    # 30 June 2025 + 3 months: the delay runs 1 July to 30 September 2025.
    assert (period.start, period.end) == (dt.date(2022, 11, 15), dt.date(2025, 9, 30))


def test_a_signature_after_the_last_expected_payment_asks_for_the_payment_period() -> None:
    with pytest.raises(InvalidInput, match=r"2025-06-30.*2025-07-01"):
        record(convention_signed_on=dt.date(2025, 7, 1))

    late = record(convention_signed_on=dt.date(2025, 7, 1), payment_period=dt.date(2025, 7, 15))
    assert late["datesPeriodeVersement"] == "2025-07-15"


# --- the publication deadline -------------------------------------------------------------


def test_the_record_is_published_within_three_months_of_the_signature() -> None:
    # Décret n° 2017-779: « au plus tard trois mois à compter de la date de signature de la convention ».
    assert publication_due_on(dt.date(2022, 11, 15)) == dt.date(2023, 2, 15)
    # 30 November + 3 months: February has no 30th, the delay ends on its last day.
    assert publication_due_on(dt.date(2022, 11, 30)) == dt.date(2023, 2, 28)
    assert publication_due_on(dt.date(2023, 11, 30)) == dt.date(2024, 2, 29)


def test_the_deadline_cites_the_decree_by_its_words_and_its_identifier() -> None:
    basis = legal_basis("decret-2017-779-delai")

    assert basis in LEGAL_BASES
    assert basis.quote is not None
    assert "trois mois" in basis.quote
    assert basis.text_id == "JORFTEXT000034600552"
    assert "trois mois" in basis.subject("fr")
