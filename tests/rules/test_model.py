"""The value objects of SPEC §2: Period, Sector, Startup, Contract, Payment, Deliberation."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal

import attrs
import pytest

from builders import DIJON, PERIOD_END, PERIOD_START, VOTED_ON, YEARS, startup
from propulseur_rules import (
    Contract,
    Deliberation,
    InvalidInput,
    Payment,
    Period,
    Sector,
    Startup,
)

# --- Period (C1) ----------------------------------------------------------------------


def test_c1_period_of_the_convention_is_labelled_2022_2025() -> None:
    assert Period(start=PERIOD_START, end=PERIOD_END).label == "2022-2025"


def test_a_period_within_one_calendar_year_is_labelled_with_that_year() -> None:
    assert Period(start=dt.date(2023, 1, 1), end=dt.date(2023, 12, 31)).label == "2023"


def test_c1_period_holds_both_its_first_and_last_day() -> None:
    period = Period(start=PERIOD_START, end=PERIOD_END)

    assert PERIOD_START in period
    assert PERIOD_END in period
    assert dt.date(2022, 6, 30) not in period
    assert dt.date(2025, 7, 1) not in period


def test_a_period_holds_no_date_and_time_nor_anything_that_is_not_a_date() -> None:
    period = Period(start=PERIOD_START, end=PERIOD_END)

    assert dt.datetime(2023, 1, 1, 12, 0) not in period
    assert "2023-01-01" not in period
    assert None not in period


def test_c1_period_counts_1096_days_with_29_february_2024() -> None:
    # 2022-07-01..2023-06-30 is 365 days, 2023-07-01..2024-06-30 holds 29 Feb 2024: 366, then 365.
    assert Period(start=PERIOD_START, end=PERIOD_END).days == 365 + 366 + 365


def test_c1_period_splits_into_three_programme_years_from_1_july() -> None:
    years = Period(start=PERIOD_START, end=PERIOD_END).years()

    assert [(year.start, year.end) for year in years] == list(YEARS)
    assert [year.label for year in years] == ["2022-2023", "2023-2024", "2024-2025"]


def test_programme_years_from_29_february_are_counted_from_the_start_and_do_not_drift() -> None:
    # Each boundary is the start plus n years: 29 Feb 2024 + 1, 2, 3 years falls on 28 Feb
    # (no 29th), + 4 years falls on 29 Feb 2028 again. A period of four whole years from
    # 29 Feb 2024 therefore ends on the day before 29 Feb 2028.
    period = Period(start=dt.date(2024, 2, 29), end=dt.date(2028, 2, 28))

    assert period.whole_years == 4
    assert [(year.start, year.end) for year in period.years()] == [
        (dt.date(2024, 2, 29), dt.date(2025, 2, 27)),
        (dt.date(2025, 2, 28), dt.date(2026, 2, 27)),
        (dt.date(2026, 2, 28), dt.date(2027, 2, 27)),
        (dt.date(2027, 2, 28), dt.date(2028, 2, 28)),
    ]


def test_programme_years_from_31_december_end_on_30_december() -> None:
    period = Period(start=dt.date(2023, 12, 31), end=dt.date(2025, 12, 30))

    assert period.whole_years == 2
    assert [(year.start, year.end) for year in period.years()] == [
        (dt.date(2023, 12, 31), dt.date(2024, 12, 30)),
        (dt.date(2024, 12, 31), dt.date(2025, 12, 30)),
    ]


def test_the_last_year_of_a_period_that_is_not_whole_stops_at_its_end() -> None:
    period = Period(start=PERIOD_START, end=dt.date(2023, 12, 31))

    assert period.whole_years is None
    assert [(year.start, year.end) for year in period.years()] == [
        (dt.date(2022, 7, 1), dt.date(2023, 6, 30)),
        (dt.date(2023, 7, 1), dt.date(2023, 12, 31)),
    ]


@pytest.mark.parametrize(
    ("start", "end", "whole"),
    [
        (PERIOD_START, PERIOD_END, 3),
        (PERIOD_START, dt.date(2025, 6, 29), None),
        (PERIOD_START, dt.date(2025, 7, 1), None),
        (PERIOD_START, dt.date(2023, 6, 30), 1),
        (dt.date(2024, 1, 1), dt.date(2028, 12, 31), 5),
        (dt.date(2024, 2, 29), dt.date(2025, 2, 27), 1),
        (PERIOD_START, PERIOD_START, None),
    ],
)
def test_a_period_is_whole_when_it_ends_the_day_before_an_anniversary_of_its_start(
    start: dt.date, end: dt.date, whole: int | None
) -> None:
    assert Period(start=start, end=end).whole_years == whole


def test_a_period_ending_before_it_starts_is_invalid_input_naming_end() -> None:
    with pytest.raises(InvalidInput) as caught:
        Period(start=PERIOD_END, end=PERIOD_START)

    assert caught.value.path == "end"


def test_a_period_reads_iso_dates_and_refuses_dates_with_a_time() -> None:
    assert Period(start="2022-07-01", end="2025-06-30") == Period(start=PERIOD_START, end=PERIOD_END)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as caught:
        Period(start=dt.datetime(2022, 7, 1, 9, 0), end=PERIOD_END)
    assert caught.value.path == "start"
    with pytest.raises(InvalidInput) as caught:
        Period(start=PERIOD_START, end="2025-02-30")  # type: ignore[arg-type]
    assert caught.value.path == "end"


# --- Sector (C8) ----------------------------------------------------------------------


def test_c8_sectors_carry_the_two_fields_of_the_deliberation_in_french() -> None:
    assert Sector.INDUSTRY.label("fr") == "industriel"
    assert Sector.HEALTH.label("fr") == "santé"
    assert {sector.label("en") for sector in Sector} == {"industry", "health", "other"}


def test_a_sector_is_read_from_its_value_in_any_case() -> None:
    assert startup(sector=" Health ").sector is Sector.HEALTH  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as caught:
        startup(sector="santé")  # type: ignore[arg-type]
    assert caught.value.path == "sector"


# --- Startup (C6, C7) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("21231", "21231"),  # Dijon
        (" 21105 ", "21105"),  # Bressey-sur-Tille, spaces around
        ("2A004", "2A004"),  # Ajaccio, Corse-du-Sud
        ("2b033", "2B033"),  # Bastia, Haute-Corse, written in lower case
    ],
)
def test_c6_head_office_is_an_insee_commune_code_of_five_characters(given: str, kept: str) -> None:
    assert startup(head_office=given).head_office == kept


@pytest.mark.parametrize(
    "code",
    [
        "2123",  # four characters
        "212310",  # six
        "2C001",  # no department 2C
        "21A31",  # a letter elsewhere than the Corsican department
        "２１２３１",  # full-width digits
        "21 231",
        "",
    ],
)
def test_c6_head_office_that_is_not_an_insee_code_is_invalid_input(code: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        startup(head_office=code)

    assert caught.value.path == "head_office"


def test_c6_head_office_given_as_a_number_is_invalid_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        startup(head_office=21231)  # type: ignore[arg-type]

    assert caught.value.path == "head_office"


def test_siren_of_dijon_metropole_passes_the_luhn_check() -> None:
    # 242100410, from the right, doubling every second digit:
    # 0 + (1*2) + 4 + (0*2) + 0 + (1*2) + 2 + (4*2) + 2 = 20, a multiple of 10.
    assert startup(siren="242100410").siren == "242100410"


def test_siren_with_a_wrong_check_digit_is_invalid_input() -> None:
    # Same digits with the last one changed: the Luhn sum becomes 21.
    with pytest.raises(InvalidInput, match="check digit") as caught:
        startup(siren="242100411")

    assert caught.value.path == "siren"


def test_siren_written_in_groups_of_three_keeps_its_nine_digits() -> None:
    assert startup(siren="242 100 410").siren == "242100410"


def test_an_empty_siren_means_no_siren() -> None:
    assert startup(siren="  ").siren is None
    assert startup().siren is None


@pytest.mark.parametrize("siren", ["24210041", "2421004100", "２４２１００４１０", "24210041O"])
def test_siren_that_is_not_nine_ascii_digits_is_invalid_input(siren: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        startup(siren=siren)

    assert caught.value.path == "siren"


def test_siren_given_as_a_number_is_invalid_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        startup(siren=242100410)  # type: ignore[arg-type]

    assert caught.value.path == "siren"


def test_startup_name_keeps_single_spaces_and_refuses_empty_or_control_characters() -> None:
    assert startup("  Hydro \t Énergie ").name == "Hydro Énergie"
    for bad in ("   ", "Hydro\x00gen", "x" * 501):
        with pytest.raises(InvalidInput) as caught:
            startup(bad)
        assert caught.value.path == "name"


@pytest.mark.parametrize(
    "invisible",
    [
        "\u200b",
        "\u200c",
        "\u200d",
        "\u00ad",
        "\u2060",
        "\ufeff",
        "\u200e",
        "\u200f",
        "\u202a",
        "\u202e",
        "\u2066",
        "\u2069",
        "\u061c",
    ],
)
def test_invisible_format_characters_are_not_part_of_a_name_or_a_reference(invisible: str) -> None:
    # A zero-width space, soft hyphen, word joiner, byte order mark or bidi control (Unicode category Cf)
    # shows nothing: the name a person reads is « Hydrolis ».
    named = Startup(name=f"Hydro{invisible}lis", head_office="21231", sector=Sector.INDUSTRY)
    contract = Contract(reference=f"PRO{invisible}-01", startup=named, signed_on="2022-11-03")  # type: ignore[arg-type]

    assert named.name == "Hydrolis"
    assert contract.reference == "PRO-01"


def test_a_name_of_invisible_characters_only_is_empty() -> None:
    with pytest.raises(InvalidInput) as caught:
        Startup(name="\u200b\u00ad\u2060", head_office="21231", sector=Sector.INDUSTRY)

    assert caught.value.path == "name"
    assert caught.value.key == "error.must_not_be_empty"


def test_c7_name_key_reads_cyrillic_and_greek_look_alikes_as_latin_letters() -> None:
    # « Нydrоlis » with a Cyrillic Н (U+041D) and о (U+043E); « ΗYDROLIS » with a Greek Η (U+0397).
    assert startup("\u041dydr\u043elis").name_key == startup("Hydrolis").name_key
    assert startup("\u0397YDROLIS").name_key == startup("Hydrolis").name_key
    assert startup("\u041dydr\u043elis").name_key != startup("Hydrolys").name_key


def test_a_name_mixing_latin_with_cyrillic_or_greek_letters_is_found() -> None:
    from propulseur_rules.rules._model import mixed_scripts

    assert mixed_scripts("\u041dydrolis") == ("CYRILLIC",)
    assert mixed_scripts("Hydr\u03bflis") == ("GREEK",)
    assert mixed_scripts("Hydrolis") == ()
    assert mixed_scripts("Hydrogène Mobile") == ()  # an accent is Latin
    assert mixed_scripts("\u0420\u043e\u0441\u0441\u0438\u044f") == ()  # all Cyrillic: nothing mixed


def test_c7_name_key_ignores_case_accents_and_runs_of_spaces() -> None:
    assert startup("  Hydrogène   MOBILE ").name_key == startup("hydrogene mobile").name_key
    assert startup("Hydrogène Mobile").name_key != startup("Hydrogène Mobiles").name_key


def test_a_startup_is_immutable_compares_by_value_hashes_and_pickles() -> None:
    first = startup("Bioptic", siren="242100410")
    second = startup("Bioptic", siren="242100410")

    assert first == second
    assert hash(first) == hash(second)
    assert pickle.loads(pickle.dumps(first)) == first
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        first.name = "Other"  # type: ignore[misc]


def test_value_objects_take_keyword_arguments_only() -> None:
    with pytest.raises(TypeError):
        Startup("Bioptic", DIJON, Sector.HEALTH)  # type: ignore[misc]


# --- Contract -------------------------------------------------------------------------


def test_a_contract_reads_iso_dates_and_an_empty_date_means_none() -> None:
    built = Contract(
        reference=" PRO-1 ",
        startup=startup(),
        signed_on="2023-03-15",  # type: ignore[arg-type]
        applied_on="2023-01-09",  # type: ignore[arg-type]
        selected_on="",  # type: ignore[arg-type]
    )

    assert built.reference == "PRO-1"
    assert built.signed_on == dt.date(2023, 3, 15)
    assert built.applied_on == dt.date(2023, 1, 9)
    assert built.selected_on is None


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"signed_on": dt.datetime(2023, 3, 15, 10, 0)}, "signed_on"),
        ({"signed_on": "15/03/2023"}, "signed_on"),
        ({"signed_on": None}, "signed_on"),
        ({"applied_on": "2023-13-01"}, "applied_on"),
        ({"selected_on": 20230315}, "selected_on"),
        ({"startup": "Hydrolis"}, "startup"),
        ({"reference": ""}, "reference"),
    ],
)
def test_a_contract_with_a_bad_field_is_invalid_input_naming_it(changes: dict[str, object], path: str) -> None:
    fields: dict[str, object] = {"reference": "PRO-1", "startup": startup(), "signed_on": dt.date(2023, 3, 15)}
    fields.update(changes)

    with pytest.raises(InvalidInput) as caught:
        Contract(**fields)  # type: ignore[arg-type]

    assert caught.value.path == path


# --- Payment --------------------------------------------------------------------------


def test_a_payment_holds_its_amount_to_the_cent() -> None:
    paid = Payment(reference="VIR-1", paid_on="2023-04-12", amount="50000")  # type: ignore[arg-type]

    assert paid.amount == Decimal("50000.00")
    assert paid.amount.as_tuple().exponent == -2
    assert paid.paid_on == dt.date(2023, 4, 12)


@pytest.mark.parametrize("amount", [0, "0.00", Decimal(0), "-0", Decimal("-0.00"), -0.0])
def test_a_payment_of_zero_is_invalid_input_naming_amount(amount: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        Payment(reference="VIR-1", paid_on=dt.date(2023, 4, 12), amount=amount)  # type: ignore[arg-type]

    assert caught.value.path == "amount"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (-5000, Decimal("-5000.00")),
        ("-5000", Decimal("-5000.00")),
        (" -0.01 ", Decimal("-0.01")),
        (Decimal("-12.5"), Decimal("-12.50")),
        (-0.5, Decimal("-0.50")),
    ],
)
def test_a_negative_amount_is_a_refund_held_to_the_cent(amount: object, expected: Decimal) -> None:
    # « reversement »: money the beneficiary pays back, written as a negative payment.
    refund = Payment(reference="REV-1", paid_on=dt.date(2024, 3, 1), amount=amount)  # type: ignore[arg-type]

    assert refund.amount == expected
    assert refund.refund
    assert not Payment(reference="VIR-1", paid_on=dt.date(2024, 3, 1), amount="5000").refund  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["-0.001", "-", "--5", "-1e99999999999999999999", Decimal("-Infinity"), "-abc"])
def test_a_refund_that_is_no_amount_in_euros_is_invalid_input_naming_amount(amount: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        Payment(reference="REV-1", paid_on=dt.date(2024, 3, 1), amount=amount)  # type: ignore[arg-type]

    assert caught.value.path == "amount"


def test_a_payment_of_one_cent_is_accepted() -> None:
    assert Payment(reference="VIR-1", paid_on=dt.date(2023, 4, 12), amount="0.01").amount == Decimal("0.01")  # type: ignore[arg-type]


# --- Deliberation (C9) ------------------------------------------------------------------


def _vote(**changes: object) -> Deliberation:
    # C9: « membres en exercice : 86 … présents : 69 … procurations : 15 … POUR : 84 »
    fields: dict[str, object] = {
        "decided_on": VOTED_ON,
        "members_in_office": 86,
        "present": 69,
        "proxies": 15,
        "votes_for": 84,
        "votes_against": 0,
        "abstentions": 0,
        "not_voting": 0,
    }
    fields.update(changes)
    return Deliberation(**fields)  # type: ignore[arg-type]


def test_c9_quorum_is_reached_with_69_present_of_86_in_office() -> None:
    # More than half: 69 * 2 = 138 > 86.
    assert _vote().quorum_reached


def test_c9_votes_add_up_84_for_69_present_and_15_proxies() -> None:
    # 84 + 0 + 0 + 0 == 69 + 15
    assert _vote().votes_consistent
    assert _vote().adopted


def test_c9_quorum_needs_more_than_half_the_members_in_office() -> None:
    # 43 * 2 = 86 is not more than 86; 44 * 2 = 88 is. Proxies fill the votes, not the quorum.
    assert not _vote(present=43, proxies=15, votes_for=58).quorum_reached
    assert not _vote(present=43, proxies=15, votes_for=58).adopted
    assert _vote(present=44, proxies=15, votes_for=59).quorum_reached


def test_c9_proxies_do_not_count_towards_the_quorum() -> None:
    # 40 present and 46 proxies: every member votes, yet 40 * 2 = 80 is not more than 86.
    vote = _vote(present=40, proxies=46, votes_for=86)

    assert vote.votes_consistent
    assert not vote.quorum_reached
    assert not vote.adopted


def test_c9_votes_that_do_not_add_up_are_not_an_adoption() -> None:
    # 83 + 0 + 0 + 0 = 83, not 69 + 15 = 84.
    vote = _vote(votes_for=83)

    assert vote.quorum_reached
    assert not vote.votes_consistent
    assert not vote.adopted


def test_c9_a_tie_is_not_an_adoption() -> None:
    vote = _vote(votes_for=42, votes_against=42)

    assert vote.votes_consistent
    assert not vote.adopted


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"members_in_office": 0, "present": 0, "proxies": 0, "votes_for": 0}, "members_in_office"),
        ({"present": 87}, "present"),
        ({"proxies": 18}, "proxies"),  # 86 - 69 = 17 absent members at most
        ({"votes_for": -1}, "votes_for"),
        ({"votes_against": True}, "votes_against"),
        ({"abstentions": 1.0}, "abstentions"),
        ({"not_voting": "0"}, "not_voting"),
        ({"decided_on": "29/09/2022"}, "decided_on"),
    ],
)
def test_c9_a_deliberation_with_impossible_figures_is_invalid_input_naming_the_field(
    changes: dict[str, object], path: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        _vote(**changes)

    assert caught.value.path == path


def test_value_objects_compare_by_value_and_pickle() -> None:
    objects = [
        Period(start=PERIOD_START, end=PERIOD_END),
        Contract(reference="PRO-1", startup=startup(), signed_on=dt.date(2023, 1, 1)),
        Payment(reference="VIR-1", paid_on=dt.date(2023, 1, 1), amount=Decimal(1)),
        _vote(),
    ]
    for value in objects:
        copy = pickle.loads(pickle.dumps(value))
        assert copy == value
        assert hash(copy) == hash(value)


@pytest.mark.parametrize("lang", ["de", "FR", "", None])
def test_a_sector_label_in_a_language_the_reports_do_not_speak_is_refused(lang: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        Sector.HEALTH.label(lang)  # type: ignore[arg-type]

    assert refused.value.path == "lang"
