"""A legal basis is checked field by field, each error naming its field and the value refused.

Every rule cites a clause (C1–C9) or an article of law; an article's record is only as good
as the checks on its citation, its quote and its Légifrance identifier.
"""

from __future__ import annotations

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.rules._legal import FOUR_YEAR_LIMITATION, LEGAL_BASES, LegalBasis, legal_basis

# The limitation of claims on public bodies, loi n° 68-1250 du 31 décembre 1968, art. 1er.
_ARTICLE = "LEGIARTI000006528553"
_LAW = "JORFTEXT000000878035"


def test_a_basis_keeps_a_verified_identifier_of_the_article_and_of_the_law() -> None:
    basis = LegalBasis(
        key="loi-68-1250-art-1",
        citation="loi n° 68-1250 du 31 décembre 1968, art. 1er",
        subject=("four years", "quatre ans"),
        quote="toutes créances qui n'ont pas été payées dans un délai de quatre ans",
        legifrance_id=_ARTICLE,
        text_id=_LAW,
    )

    assert (basis.legifrance_id, basis.text_id) == (_ARTICLE, _LAW)
    assert basis.quote == "toutes créances qui n'ont pas été payées dans un délai de quatre ans"
    assert basis.verified


def test_the_citation_and_the_quote_are_kept_with_their_runs_of_spaces_made_one() -> None:
    basis = LegalBasis(
        key="x",
        citation="loi n°  68-1250\n du 31 décembre 1968",
        subject=("a", "b"),
        quote=" Sont  prescrites\t… ",
    )

    assert basis.citation == "loi n° 68-1250 du 31 décembre 1968"
    assert basis.quote == "Sont prescrites …"


def test_a_bad_key_is_refused_naming_the_key_given() -> None:
    with pytest.raises(InvalidInput) as error:
        LegalBasis(key="Loi 68", citation="loi", subject=("a", "b"))

    assert str(error.value) == "key: 'Loi 68' is not a key of lower-case words joined by hyphens"


def test_an_empty_citation_is_refused_naming_what_was_given() -> None:
    with pytest.raises(InvalidInput) as error:
        LegalBasis(key="x", citation="  ", subject=("a", "b"))

    assert str(error.value) == "citation: expected non-empty text, not '  '"


@pytest.mark.parametrize("field", ["legifrance_id", "text_id"])
def test_an_identifier_not_of_legifrance_is_refused_naming_it(field: str) -> None:
    with pytest.raises(InvalidInput) as error:
        LegalBasis(key="x", citation="loi", subject=("a", "b"), **{field: "LEGIARTI1"})  # 1 digit, not 12

    assert str(error.value) == (f"{field}: 'LEGIARTI1' is not a Légifrance identifier such as LEGIARTI000006528553")


def test_an_identifier_that_is_not_text_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        LegalBasis(key="x", citation="loi", subject=("a", "b"), legifrance_id=6528553)

    assert error.value.path == "legifrance_id"


@pytest.mark.parametrize(("subject", "path"), [(("", "b"), "subject[0]"), (("a", " "), "subject[1]")])
def test_an_empty_subject_in_either_language_is_refused_naming_which(subject: tuple[str, str], path: str) -> None:
    with pytest.raises(InvalidInput) as error:
        LegalBasis(key="x", citation="loi", subject=subject)

    assert error.value.path == path


def test_the_subject_is_english_first_french_second_and_english_by_default() -> None:
    basis = LegalBasis(key="x", citation="loi", subject=("four years", "quatre ans"))

    assert (basis.subject(), basis.subject("en"), basis.subject("fr")) == ("four years", "four years", "quatre ans")
    assert FOUR_YEAR_LIMITATION.subject().startswith("a claim on a public body lapses four years")


def test_an_unknown_key_names_every_key_there_is() -> None:
    with pytest.raises(InvalidInput) as error:
        legal_basis("loi-1901")

    keys = ", ".join(basis.key for basis in LEGAL_BASES)  # eight bases, in the order of the life of a subsidy
    assert str(error.value) == f"key: 'loi-1901' is not a legal basis; expected one of {keys}"
