"""The legal bases beyond the deliberation: typed, verified where they could be, never invented."""

from __future__ import annotations

import pickle
import re

import attrs
import pytest

from propulseur_rules import InvalidInput, PropulseurRulesError
from propulseur_rules.rules._legal import (
    CONVENTION_REQUIRED,
    CONVENTION_THRESHOLD,
    FINANCIAL_STATEMENT_DEADLINE,
    FOUR_YEAR_LIMITATION,
    HEARING_BEFORE_WITHDRAWAL,
    LEGAL_BASES,
    OPEN_DATA_ESSENTIAL_DATA,
    OPEN_DATA_FORMAT,
    WITHDRAWAL_OF_SUBSIDY,
    LegalBasis,
    legal_basis,
)


def test_every_legal_basis_has_a_unique_key_and_is_found_by_it() -> None:
    keys = [basis.key for basis in LEGAL_BASES]

    assert len(set(keys)) == len(keys) == 23
    assert all(legal_basis(key) is basis for key, basis in zip(keys, LEGAL_BASES, strict=True))


def test_an_unknown_key_is_an_unknown_reference_and_a_key_error() -> None:
    with pytest.raises(KeyError, match="no-such-law"):
        legal_basis("no-such-law")
    with pytest.raises(PropulseurRulesError):
        legal_basis(12)  # type: ignore[arg-type]


def test_the_bases_say_what_the_law_says_in_both_languages() -> None:
    for basis in LEGAL_BASES:
        assert basis.subject("en") != basis.subject("fr")
    assert "quatre ans" in FOUR_YEAR_LIMITATION.subject("fr")
    with pytest.raises(InvalidInput, match="lang"):
        FOUR_YEAR_LIMITATION.subject("de")


def test_loi_68_1250_the_four_years_run_from_1_january_of_the_following_year() -> None:
    assert FOUR_YEAR_LIMITATION.quote is not None
    assert "quatre ans à partir du premier jour de l'année suivant" in FOUR_YEAR_LIMITATION.quote
    # Dijon Métropole is an établissement public with a comptable public: the second sentence covers it.
    assert "établissements publics dotés d'un comptable public" in FOUR_YEAR_LIMITATION.quote


def test_loi_2000_321_the_financial_statement_is_due_within_six_months() -> None:
    assert FINANCIAL_STATEMENT_DEADLINE.quote is not None
    assert "dans les six mois suivant la fin de l'exercice" in FINANCIAL_STATEMENT_DEADLINE.quote
    assert CONVENTION_REQUIRED.legifrance_id == FINANCIAL_STATEMENT_DEADLINE.legifrance_id  # one article, art. 10


def test_crpa_l242_2_allows_withdrawing_a_subsidy_whose_conditions_were_not_met() -> None:
    assert WITHDRAWAL_OF_SUBSIDY.quote is not None
    assert "Retirer une décision attribuant une subvention" in WITHDRAWAL_OF_SUBSIDY.quote
    assert WITHDRAWAL_OF_SUBSIDY.verified


def test_what_could_not_be_verified_is_left_out_not_made_up() -> None:
    # Only paraphrases were found for these two: no quote, no article identifier.
    for basis in (CONVENTION_THRESHOLD, HEARING_BEFORE_WITHDRAWAL):
        assert basis.quote is None
        assert basis.legifrance_id is None
        assert not basis.verified


def test_every_identifier_has_the_form_of_legifrance() -> None:
    pattern = re.compile(r"(LEGIARTI|JORFARTI|JORFTEXT|LEGITEXT)\d{12}")
    for basis in LEGAL_BASES:
        for identifier in (basis.legifrance_id, basis.text_id):
            assert identifier is None or pattern.fullmatch(identifier), basis.key


def test_open_data_bases_name_the_decree_and_its_order() -> None:
    assert OPEN_DATA_ESSENTIAL_DATA.legifrance_id == "JORFTEXT000034600552"
    assert OPEN_DATA_FORMAT.legifrance_id == "JORFTEXT000036040528"


def test_a_legal_basis_is_a_value_it_compares_hashes_and_pickles() -> None:
    copy = pickle.loads(pickle.dumps(FOUR_YEAR_LIMITATION))

    assert copy == FOUR_YEAR_LIMITATION
    assert hash(copy) == hash(FOUR_YEAR_LIMITATION)
    assert str(copy) == "loi n° 68-1250 du 31 décembre 1968, art. 1er"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        copy.quote = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"key": "Not A Key"}, "key"),
        ({"citation": "  "}, "citation"),
        ({"quote": ""}, "quote"),
        ({"legifrance_id": "LEGIARTI00000652855"}, "legifrance_id"),
        ({"text_id": "JORF000000878035"}, "text_id"),
        ({"subject": ("only one",)}, "subject"),
    ],
)
def test_a_bad_field_is_an_invalid_input_naming_it(changes: dict[str, object], path: str) -> None:
    fields = {"key": "k", "citation": "loi", "subject": ("en", "fr"), **changes}

    with pytest.raises(InvalidInput) as raised:
        LegalBasis(**fields)  # type: ignore[arg-type]

    assert raised.value.path.startswith(path)
