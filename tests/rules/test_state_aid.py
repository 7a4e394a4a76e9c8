"""State aid to the startups: the de minimis ceiling of the regulation in force on each contract's date.

The deliberation names the startups « bénéficiaires directs » (the paragraph of C4) and gives
each contract 15 000 € (C2). Règlement (UE) n° 1407/2013: 200 000 € over three fiscal years,
for aid granted until 31 December 2023 (fiscal years taken as calendar years); règlement (UE)
2023/2831: 300 000 € over any period of three years, from 1 January 2024. A warning only:
nothing the métropole pays the PMT changes.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from builders import DIJON_2022, PER_CONTRACT, contract, euros, siren_with_key, startup
from propulseur_rules import Condition, DeMinimisAid, Facts, InvalidInput, assess, assess_many
from propulseur_rules.rules._clauses import Clause
from propulseur_rules.rules._legal import DE_MINIMIS_2013, DE_MINIMIS_2023, LEGAL_BASES, LegalBasis, legal_basis

SIREN = siren_with_key("73282932")
OTHER_SIREN = siren_with_key("88765432")
#: The same eight digits with another check digit: exactly one digit in ten passes the Luhn check.
WRONG_KEY = SIREN[:8] + str((int(SIREN[8]) + 1) % 10)
#: Règlement (UE) n° 1407/2013: « 200 000 € » over three fiscal years; (UE) 2023/2831: « 300 000 € ».
OLD_CEILING = 200_000
NEW_CEILING = 300_000


def aid(amount: int | str, granted_on: dt.date, siren: str = SIREN) -> DeMinimisAid:
    return DeMinimisAid(siren=siren, granted_on=granted_on, amount=Decimal(amount))


def warnings(signed_on: dt.date, *given: DeMinimisAid, siren: str | None = SIREN) -> list[object]:
    """The de minimis warnings of one eligible contract signed on ``signed_on`` by the startup of ``siren``."""
    signed = contract("A", signed_on, of=startup("Hydrolis", siren=siren))
    assessment = assess(DIJON_2022, [signed], as_of=dt.date(2025, 6, 30), de_minimis_aid=given)
    return [unmet for unmet in assessment.unmet if unmet.condition is Condition.DE_MINIMIS_CEILING]


def test_up_to_the_ceiling_is_allowed_one_cent_more_is_a_warning_under_1407_2013() -> None:
    signed_on = dt.date(2023, 3, 15)
    # 185 000 € of other aid + the contract's 15 000 € = 200 000 €: at the ceiling, not beyond.
    assert warnings(signed_on, aid(OLD_CEILING - PER_CONTRACT, dt.date(2022, 1, 10))) == []

    # 185 000.01 € + 15 000 € = 200 000.01 € > 200 000 €.
    [warning] = warnings(signed_on, aid("185000.01", dt.date(2022, 1, 10)))

    assert warning.condition is Condition.DE_MINIMIS_CEILING
    assert warning.clause is Clause.C4
    assert warning.contract == "A"
    assert warning.amount == euros(PER_CONTRACT)
    assert warning.basis is DE_MINIMIS_2013
    assert not warning.blocks_payment


def test_under_1407_2013_the_window_is_the_calendar_year_and_the_two_before() -> None:
    signed_on = dt.date(2023, 3, 15)
    over = OLD_CEILING - PER_CONTRACT + 1  # 185 001 €: over the ceiling with the contract's 15 000 €
    # 2023, 2022 and 2021 count: the first day of the window is 1 January 2021.
    assert len(warnings(signed_on, aid(over, dt.date(2021, 1, 1)))) == 1
    # 31 December 2020 is in the fourth fiscal year back: not counted.
    assert warnings(signed_on, aid(over, dt.date(2020, 12, 31))) == []


def test_aid_granted_after_the_contract_is_not_counted_against_it() -> None:
    over = OLD_CEILING - PER_CONTRACT + 1
    assert warnings(dt.date(2023, 3, 15), aid(over, dt.date(2023, 3, 16))) == []
    assert len(warnings(dt.date(2023, 3, 15), aid(over, dt.date(2023, 3, 15)))) == 1


def test_from_1_january_2024_the_ceiling_is_300_000_over_three_rolling_years() -> None:
    signed_on = dt.date(2024, 3, 1)
    # 200 000 € + 15 000 € = 215 000 €: beyond the old ceiling, within the new one.
    assert warnings(signed_on, aid(OLD_CEILING, dt.date(2023, 6, 1))) == []

    # 285 001 € + 15 000 € = 300 001 € > 300 000 €; three years back from 1 March 2024: from 2 March 2021.
    over = NEW_CEILING - PER_CONTRACT + 1
    [warning] = warnings(signed_on, aid(over, dt.date(2021, 3, 2)))
    assert warning.basis is DE_MINIMIS_2023
    assert warnings(signed_on, aid(over, dt.date(2021, 3, 1))) == []


def test_the_regulation_changes_on_1_january_2024() -> None:
    # 190 000 € + 15 000 € = 205 000 €: over 200 000 € on 31 December 2023, under 300 000 € the next day.
    given = aid(190_000, dt.date(2023, 7, 1))
    assert [warning.basis for warning in warnings(dt.date(2023, 12, 31), given)] == [DE_MINIMIS_2013]
    assert warnings(dt.date(2024, 1, 1), given) == []


def test_only_the_aid_of_the_same_siren_is_added() -> None:
    signed_on = dt.date(2023, 3, 15)
    half = (OLD_CEILING - PER_CONTRACT) // 2 + 1  # two halves of 92 501 €: 185 002 € in all
    assert warnings(signed_on, aid(half, dt.date(2022, 5, 1)), aid(half, dt.date(2022, 6, 1), OTHER_SIREN)) == []
    assert len(warnings(signed_on, aid(half, dt.date(2022, 5, 1)), aid(half, dt.date(2022, 6, 1)))) == 1


def test_a_startup_without_siren_cannot_be_checked_and_the_result_says_so() -> None:
    [warning] = warnings(dt.date(2023, 3, 15), aid(1, dt.date(2022, 1, 1)), siren=None)

    assert warning.reason == "de_minimis_no_siren"
    assert not warning.blocks_payment
    assert "SIREN" in warning.message("en")
    assert "SIREN" in warning.message("fr")


def test_without_any_aid_given_there_is_no_warning_even_without_siren() -> None:
    assert warnings(dt.date(2023, 3, 15), siren=None) == []


def test_a_warning_changes_no_figure_and_withholds_nothing() -> None:
    signed = contract("A", dt.date(2023, 3, 15), of=startup("Hydrolis", siren=SIREN))
    facts = Facts(as_of=dt.date(2025, 6, 30), contracts=[signed], regional_authorisation_on=dt.date(2022, 12, 15))
    without = assess(DIJON_2022, facts)
    with_aid = assess(DIJON_2022, facts.replace(de_minimis_aid=[aid(OLD_CEILING, dt.date(2022, 1, 1))]))

    assert with_aid.unmet[len(without.unmet) :][0].condition is Condition.DE_MINIMIS_CEILING
    assert attrs.evolve(with_aid, unmet=without.unmet) == without
    assert with_aid.payable == without.payable
    assert with_aid.blocking == without.blocking


def test_the_message_names_the_contract_the_grant_the_ceiling_and_the_regulation() -> None:
    [warning] = warnings(dt.date(2023, 3, 15), aid(OLD_CEILING, dt.date(2022, 1, 1)))

    english = warning.message("en")
    assert "Contract A" in english
    assert "€15,000.00" in english
    assert "€200,000.00" in english
    assert "règlement (UE) n° 1407/2013" in english
    french = warning.message("fr")
    assert "15 000,00" in french
    assert "200 000,00" in french
    assert "(C4 ; règlement (UE) n° 1407/2013" in french


def test_assess_many_takes_the_aid_as_a_keyword() -> None:
    signed = contract("A", dt.date(2024, 3, 1), of=startup("Hydrolis", siren=SIREN))
    keywords = {"as_of": dt.date(2024, 6, 1), "de_minimis_aid": [aid(NEW_CEILING, dt.date(2023, 1, 1))]}
    [assessment] = assess_many([(DIJON_2022, [signed], keywords)])

    ceiling = [unmet.basis for unmet in assessment.unmet if unmet.condition is Condition.DE_MINIMIS_CEILING]
    assert ceiling == [DE_MINIMIS_2023]


@pytest.mark.parametrize(
    ("fields", "path"),
    [
        ({"siren": WRONG_KEY}, "siren"),
        ({"siren": "73282932"}, "siren"),
        ({"siren": None}, "siren"),
        ({"siren": 732829320}, "siren"),
        ({"granted_on": "2023-02-30"}, "granted_on"),
        ({"amount": 0}, "amount"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "1.001"}, "amount"),
    ],
)
def test_a_bad_aid_is_an_invalid_input_naming_its_field(fields: dict[str, object], path: str) -> None:
    values: dict[str, object] = {"siren": SIREN, "granted_on": "2023-01-01", "amount": "1000", **fields}

    with pytest.raises(InvalidInput) as raised:
        DeMinimisAid(**values)  # type: ignore[arg-type]

    assert raised.value.path == path


def test_the_facts_take_only_de_minimis_aid() -> None:
    with pytest.raises(InvalidInput) as raised:
        Facts(as_of=dt.date(2023, 1, 1), de_minimis_aid=[aid(1, dt.date(2022, 1, 1)), "aid"])
    assert raised.value.path == "de_minimis_aid[1]"
    with pytest.raises(InvalidInput) as raised:
        assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1), de_minimis_aid="aid")  # type: ignore[arg-type]
    assert raised.value.path == "de_minimis_aid"


def test_the_regulations_are_cited_by_their_celex_numbers_and_not_quoted() -> None:
    assert DE_MINIMIS_2013.eurlex_id == "32013R1407"
    assert DE_MINIMIS_2023.eurlex_id == "32023R2831"
    for basis in (DE_MINIMIS_2013, DE_MINIMIS_2023):
        # Article 3 was not read verbatim in French: no quote, so not verified.
        assert basis.quote is None
        assert basis.legifrance_id is None
        assert not basis.verified
        assert legal_basis(basis.key) is basis
    assert "200 000 €" in DE_MINIMIS_2013.subject("en")
    assert "300 000 €" in DE_MINIMIS_2023.subject("fr")


def test_a_celex_number_has_its_form_and_a_legifrance_id_is_not_one() -> None:
    with pytest.raises(InvalidInput) as raised:
        LegalBasis(key="k", citation="règlement", subject=("en", "fr"), eurlex_id="LEGIARTI000006528553")
    assert raised.value.path == "eurlex_id"
    assert all(basis.eurlex_id is None or basis.legifrance_id is None for basis in LEGAL_BASES)


def test_the_bases_a_comptable_works_from_are_quoted_as_read() -> None:
    control = legal_basis("cgct-l1611-4")
    assert control.legifrance_id == "LEGIARTI000006389560"
    assert control.quote is not None
    assert "sauf lorsque cela est expressément prévu dans la convention" in control.quote
    checks = legal_basis("decret-2012-1246-art-19-20")
    assert checks.quote is not None
    assert "La production des pièces justificatives" in checks.quote
    statement = legal_basis("arrete-2006-10-11")
    assert statement.quote is not None
    assert "tableau des charges et des produits" in statement.quote
    assert statement.legifrance_id is None
