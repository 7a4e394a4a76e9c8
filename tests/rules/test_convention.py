"""Convention and DIJON_2022, built clause by clause from the deliberation (C1–C9)."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

from builders import CAP, LIMIT, OPERATING, PER_CONTRACT, PERIOD_END, PERIOD_START, VOTED_ON, YEARS
from propulseur_rules import (
    DIJON_2022,
    DIJON_METROPOLE_COMMUNES,
    Accrual,
    Clause,
    Convention,
    Deliberation,
    InvalidInput,
    Period,
    Sector,
    TargetPolicy,
    is_in_metropole,
    metropole_commune,
)

#: The 23 member communes of Dijon Métropole (INSEE code, name), from the package's communes file.
COMMUNES = {
    "21003": "Ahuy",
    "21105": "Bressey-sur-Tille",
    "21106": "Bretenière",
    "21166": "Chenôve",
    "21171": "Chevigny-Saint-Sauveur",
    "21192": "Corcelles-les-Monts",
    "21223": "Daix",
    "21231": "Dijon",
    "21263": "Fénay",
    "21270": "Flavignerot",
    "21278": "Fontaine-lès-Dijon",
    "21315": "Hauteville-lès-Dijon",
    "21355": "Longvic",
    "21370": "Magny-sur-Tille",
    "21390": "Marsannay-la-Côte",
    "21452": "Neuilly-Crimolois",
    "21473": "Ouges",
    "21481": "Perrigny-lès-Dijon",
    "21485": "Plombières-lès-Dijon",
    "21515": "Quetigny",
    "21540": "Saint-Apollinaire",
    "21605": "Sennecey-lès-Dijon",
    "21617": "Talant",
}

# --- DIJON_2022, clause by clause --------------------------------------------------------


def test_c1_dijon_2022_runs_from_1_july_2022_to_30_june_2025_in_three_programme_years() -> None:
    assert DIJON_2022.period == Period(start=PERIOD_START, end=PERIOD_END)
    assert [(year.start, year.end) for year in DIJON_2022.programme_years] == list(YEARS)


def test_c2_dijon_2022_caps_the_aid_at_195_000_or_65_000_a_year_for_three_years() -> None:
    # « 195 000 €, soit un montant de 65 000 € par an dont 20 000 € … et 15 000 € … dans la limite de 3 contrats »
    assert DIJON_2022.total_cap == Decimal(CAP)
    assert DIJON_2022.total_cap == Decimal(3 * 65_000)
    assert DIJON_2022.operating_grant_per_year == Decimal(OPERATING)
    assert DIJON_2022.grant_per_contract == Decimal(PER_CONTRACT)
    assert DIJON_2022.max_funded_contracts_per_year == LIMIT


def test_c2_annual_ceiling_is_the_operating_grant_plus_three_contracts() -> None:
    assert DIJON_2022.annual_ceiling == Decimal(20_000 + 3 * 15_000)
    assert DIJON_2022.annual_ceiling == Decimal(65_000)


def test_c3_c7_dijon_2022_requires_nine_contracts() -> None:
    # C3 « la signature de 9 contrats », C7 « au titre de 9 projets »: 3 contracts a year for 3 years.
    assert DIJON_2022.required_contracts == 9
    assert DIJON_2022.required_contracts == 3 * LIMIT


def test_c6_dijon_2022_territory_is_the_23_communes_of_the_metropole() -> None:
    assert DIJON_2022.territory == frozenset(COMMUNES)
    assert len(DIJON_2022.territory) == 23


def test_c6_bressey_sur_tille_is_21105_and_21103_is_not_in_the_metropole() -> None:
    assert "21105" in DIJON_2022.territory
    assert "21103" not in DIJON_2022.territory
    commune = metropole_commune("21105")
    assert commune is not None
    assert commune.name == "Bressey-sur-Tille"
    assert is_in_metropole("21105")
    assert not is_in_metropole("21103")


def test_c6_the_communes_of_the_metropole_are_shipped_sorted_with_their_names() -> None:
    assert [(commune.insee_code, commune.name) for commune in DIJON_METROPOLE_COMMUNES] == sorted(COMMUNES.items())
    assert all(commune.postal_code.startswith("21") for commune in DIJON_METROPOLE_COMMUNES)


def test_c6_the_helper_reads_codes_loosely_and_refuses_what_is_not_a_code() -> None:
    assert is_in_metropole(" 21231 ")
    assert not is_in_metropole("21054")  # Beaune
    assert not is_in_metropole(21231)  # type: ignore[arg-type]
    assert metropole_commune("75056") is None


def test_c8_dijon_2022_funds_industry_and_health_only() -> None:
    assert DIJON_2022.eligible_sectors == frozenset({Sector.INDUSTRY, Sector.HEALTH})


def test_c9_dijon_2022_carries_the_vote_of_29_september_2022() -> None:
    assert DIJON_2022.deliberation == Deliberation(
        decided_on=VOTED_ON,
        members_in_office=86,
        present=69,
        proxies=15,
        votes_for=84,
        votes_against=0,
        abstentions=0,
        not_voting=0,
    )
    assert DIJON_2022.deliberation.adopted


def test_dijon_2022_reads_the_target_pro_rata_and_accrues_on_each_event() -> None:
    assert DIJON_2022.target_policy is TargetPolicy.PRO_RATA
    assert DIJON_2022.accrual is Accrual.ON_EVENT


def test_every_parameter_of_a_convention_cites_its_clause() -> None:
    cited = {field.name: field.metadata["clause"] for field in attrs.fields(Convention) if "clause" in field.metadata}

    assert cited == {
        "period": Clause.C1,
        "total_cap": Clause.C2,
        "operating_grant_per_year": Clause.C2,
        "grant_per_contract": Clause.C2,
        "max_funded_contracts_per_year": Clause.C2,
        "required_contracts": Clause.C3,
        "territory": Clause.C6,
        "eligible_sectors": Clause.C8,
        "deliberation": Clause.C9,
        "target_policy": Clause.C3,
        "accrual": Clause.C3,
        # SPEC §7: « 9 projets … pour la période 2022 – 2024 » (C7) and the startups already
        # accompanied, whose entry the committee qualified (C6).
        "places": Clause.C7,
        "signing_deadline": Clause.C7,
        "selected_from": Clause.C6,
        "financing": Clause.C3,
    }


# --- Convention: whole programme years, what-ifs -----------------------------------------


def test_c1_a_period_that_is_not_whole_programme_years_is_invalid_input_naming_period() -> None:
    with pytest.raises(InvalidInput) as caught:
        DIJON_2022.replace(period=Period(start=PERIOD_START, end=dt.date(2025, 6, 29)))

    assert caught.value.path == "period"


def test_c1_programme_years_follow_the_period_of_a_what_if() -> None:
    one_year = DIJON_2022.replace(period=Period(start=PERIOD_START, end=dt.date(2023, 6, 30)))
    five_years = DIJON_2022.replace(period=Period(start=PERIOD_START, end=dt.date(2027, 6, 30)))

    assert [year.label for year in one_year.programme_years] == ["2022-2023"]
    assert len(five_years.programme_years) == 5
    assert five_years.programme_years[-1] == Period(start=dt.date(2026, 7, 1), end=dt.date(2027, 6, 30))
    assert len(DIJON_2022.programme_years) == 3  # the original is untouched


def test_c2_a_what_if_with_four_contracts_a_year_has_a_ceiling_of_80_000() -> None:
    variant = DIJON_2022.replace(total_cap="240000", max_funded_contracts_per_year=4)

    assert variant.total_cap == Decimal(3 * (20_000 + 4 * 15_000))
    assert variant.annual_ceiling == Decimal(20_000 + 4 * 15_000)


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"total_cap": -1}, "total_cap"),
        ({"grant_per_contract": "15000.001"}, "grant_per_contract"),
        ({"operating_grant_per_year": float("inf")}, "operating_grant_per_year"),
        ({"max_funded_contracts_per_year": -1}, "max_funded_contracts_per_year"),
        ({"required_contracts": 9.0}, "required_contracts"),
        ({"territory": ["21231", "2123"]}, "territory[1]"),
        ({"territory": "21231"}, "territory"),
        ({"eligible_sectors": ["industry", "agriculture"]}, "eligible_sectors[1]"),
        ({"deliberation": "adopted"}, "deliberation"),
        ({"target_policy": "half"}, "target_policy"),
        ({"accrual": None}, "accrual"),
        ({"period": (PERIOD_START, PERIOD_END)}, "period"),
        ({"reference": " "}, "reference"),
        ({"funder": 42}, "funder"),
        ({"beneficiary": ""}, "beneficiary"),
    ],
)
def test_a_what_if_is_checked_again_like_a_new_convention(changes: dict[str, object], path: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        DIJON_2022.replace(**changes)
    assert caught.value.path == path

    with pytest.raises(InvalidInput) as caught:
        attrs.evolve(DIJON_2022, **changes)
    assert caught.value.path == path


def test_a_what_if_with_an_unknown_parameter_is_invalid_input_listing_the_parameters() -> None:
    with pytest.raises(InvalidInput, match="total_cap"):
        DIJON_2022.replace(cap=1)


def test_policies_and_sectors_are_read_from_their_names() -> None:
    variant = DIJON_2022.replace(
        target_policy="ALL_OR_NOTHING", accrual="at_year_end", eligible_sectors=["health"], territory=["21231"]
    )

    assert variant.target_policy is TargetPolicy.ALL_OR_NOTHING
    assert variant.accrual is Accrual.AT_YEAR_END
    assert variant.eligible_sectors == frozenset({Sector.HEALTH})
    assert variant.territory == frozenset({"21231"})


def test_a_convention_is_immutable_compares_by_value_hashes_and_pickles() -> None:
    copy = pickle.loads(pickle.dumps(DIJON_2022))

    assert copy == DIJON_2022
    assert hash(copy) == hash(DIJON_2022)
    assert copy.programme_years == DIJON_2022.programme_years
    assert DIJON_2022.replace() == DIJON_2022
    assert DIJON_2022.replace(total_cap=1) != DIJON_2022
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        DIJON_2022.total_cap = Decimal(0)  # type: ignore[misc]
