"""Loi n° 68-1250: a claim left unpaid four years from 1 January of the year after its right arose is
time-barred (art. 1er), a payment interrupts it (art. 2), and the administration cannot waive it (art. 6,
« Les autorités administratives ne peuvent renoncer à opposer la prescription »): the sum is withheld from
``payable`` as ``time_barred``, unless the council relieved the beneficiary of it by a reasoned
deliberation (« Ces délibérations doivent être motivées »), dated on or before the date of the assessment.
A relief concerns the claims already time-barred when it is taken: a claim that lapses after it is not
relieved by it.

The case: the assumed terms (half of each operating grant as an advance, a fifth held as the balance),
no contract, no document; the financing convention signed on 15 November 2022 and the regional
authorisation on 1 December 2022, the day year 1's 20 000 € became a right (C4 lifted last). In 2027:
3 × 20 000 = 60 000 accrued and releasable, 2 × 10 000 waiting for the financial statements of years 1
and 2, 60 000 / 5 = 12 000 held as the balance: 60 000 − 20 000 − 12 000 = 28 000 payable before the
limitation, of which year 1's 20 000 and 8 000 of year 2's advance (10 000 less the 2 000 of the balance
left after year 3's 10 000). Year 1's 20 000, a right from 1 December 2022, lapses on 1 January 2027 (four
years from 1 January 2023); year 2's 8 000, a right from 1 July 2023, on 1 January 2028 (four years from
1 January 2024).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import DIJON_2022, Assessment, DeadlineKind, FinancingTerms, Payment, assess, reports
from propulseur_rules.files import Expectation, ScenarioOptions, assemble
from propulseur_rules.reports import legal_basis
from propulseur_rules.reports._export import assessment_csv
from propulseur_rules.rules import LimitationEvent

TERMS = DIJON_2022.replace(financing=FinancingTerms())
AROSE = dt.date(2022, 12, 1)
#: 60 000 − 20 000 waiting − 12 000 balance: payable before payments and before the limitation.
BEFORE_PAYMENTS = Decimal(60_000 - 2 * 10_000 - 60_000 // 5)
#: The two unpaid claims: year 1's, lapsing on 1 January 2027, and year 2's advance less the balance's 2 000.
YEAR_1, YEAR_2 = Decimal(20_000), Decimal(10_000 - (12_000 - 10_000))
YEAR_1_LAPSES, YEAR_2_LAPSES = dt.date(2022 + 1 + 4, 1, 1), dt.date(2023 + 1 + 4, 1, 1)


def _case(as_of: dt.date, **facts: object) -> Assessment:
    return assess(
        TERMS,
        [],
        as_of=as_of,
        regional_authorisation_on=AROSE,
        financing_signed_on=dt.date(2022, 11, 15),
        **facts,  # type: ignore[arg-type]
    )


def _figures(result: Assessment) -> tuple[Decimal, Decimal]:
    return result.time_barred, result.payable


# --- art. 1er: four years from 1 January of the year after the right arose -----------------------------


def test_without_payment_year_1s_claim_is_withheld_from_1_january_2027() -> None:
    # The right arose in 2022: four years from 1 January 2023, the last day is 31 December 2026.
    assert _figures(_case(dt.date(2026, 12, 31))) == (Decimal(0), BEFORE_PAYMENTS)
    # On 1 January 2027 year 1's 20 000 is time-barred: 28 000 − 20 000 = 8 000 payable.
    assert _figures(_case(dt.date(2027, 1, 1))) == (Decimal(20_000), BEFORE_PAYMENTS - 20_000)


# --- art. 2: a payment interrupts the limitation ----------------------------------------------------


def test_a_payment_in_2024_puts_the_limitation_off_to_1_january_2029_art_2() -> None:
    # 5 000 € paid on 1 June 2024 leaves 15 000 of year 1's claim and 8 000 of year 2's, and interrupts
    # both: four years again from 1 January 2025, time-barred from 1 January 2029, not 2027.
    paid = [Payment(reference="VIR-1", paid_on=dt.date(2024, 6, 1), amount=Decimal(5_000))]
    payable = BEFORE_PAYMENTS - 5_000  # 23 000 = 15 000 + 8 000

    assert _figures(_case(dt.date(2027, 1, 1), payments=paid)) == (Decimal(0), payable)
    assert _figures(_case(dt.date(2028, 12, 31), payments=paid)) == (Decimal(0), payable)
    assert _figures(_case(dt.date(2029, 1, 1), payments=paid)) == (Decimal(15_000 + 8_000), Decimal(0))


# --- art. 6: no waiver; relief by a reasoned deliberation, from its day --------------------------------


def test_a_relief_dated_1_march_2027_releases_the_sum_from_that_day_art_6() -> None:
    relief = [LimitationEvent(kind="relief", on="2027-03-01")]

    # Before the deliberation the 20 000 is withheld; from its day it is payable again.
    assert _figures(_case(dt.date(2027, 2, 1), limitation_events=relief)) == (Decimal(20_000), Decimal(8_000))
    assert _figures(_case(dt.date(2027, 3, 1), limitation_events=relief)) == (Decimal(0), BEFORE_PAYMENTS)


def test_a_relief_dated_1_march_2027_covers_year_1_not_year_2_which_lapses_after_it_art_6() -> None:
    relief = [LimitationEvent(kind="relief", on="2027-03-01")]
    result = _case(dt.date(2028, 6, 1), limitation_events=relief)

    # On 1 March 2027 only year 1's 20 000 was time-barred: the relief covers it. Year 2's 8 000 lapses on
    # 1 January 2028, after the relief: withheld. Payable 28 000 − 8 000 = 20 000.
    assert _figures(result) == (YEAR_2, BEFORE_PAYMENTS - YEAR_2)
    assert _figures(result) == (Decimal(8_000), Decimal(20_000))
    assert _time_barred_unmet(result) == [
        (YEAR_1, YEAR_1_LAPSES, dt.date(2027, 3, 1)),
        (YEAR_2, YEAR_2_LAPSES, None),
    ]
    # Without the relief both are withheld: 28 000 − 20 000 − 8 000 = 0 payable.
    assert _figures(_case(dt.date(2028, 6, 1))) == (YEAR_1 + YEAR_2, Decimal(0))


def test_a_relief_dated_before_anything_lapsed_relieves_nothing_art_6() -> None:
    # On 1 January 2023 no claim was time-barred: in 2030 both claims are, as without the relief.
    early = [LimitationEvent(kind="relief", on="2023-01-01")]
    result = _case(dt.date(2030, 1, 1), limitation_events=early)

    assert _figures(result) == (Decimal(20_000 + 8_000), BEFORE_PAYMENTS - 20_000 - 8_000)
    assert _figures(result) == _figures(_case(dt.date(2030, 1, 1)))
    assert [relieved for _, _, relieved in _time_barred_unmet(result)] == [None, None]


def test_a_relief_covers_the_claim_that_lapses_on_its_very_day_not_the_day_after_art_6() -> None:
    # Year 2's 8 000 is time-barred from 1 January 2028: a relief that day covers it, one the day before not.
    on_the_day = _case(dt.date(2028, 6, 1), limitation_events=[LimitationEvent(kind="relief", on="2028-01-01")])
    the_day_before = _case(dt.date(2028, 6, 1), limitation_events=[LimitationEvent(kind="relief", on="2027-12-31")])

    assert _figures(on_the_day) == (Decimal(0), BEFORE_PAYMENTS)
    assert _figures(the_day_before) == (Decimal(8_000), BEFORE_PAYMENTS - 8_000)


def test_each_relief_covers_what_was_time_barred_on_its_own_day_art_6() -> None:
    reliefs = [LimitationEvent(kind="relief", on="2028-02-01"), LimitationEvent(kind="relief", on="2027-03-01")]
    result = _case(dt.date(2028, 6, 1), limitation_events=reliefs)

    # 1 March 2027 covers year 1's 20 000, 1 February 2028 year 2's 8 000 (and year 1's again): nothing withheld.
    assert _figures(result) == (Decimal(0), BEFORE_PAYMENTS)
    assert _time_barred_unmet(result) == [
        (YEAR_1, YEAR_1_LAPSES, dt.date(2027, 3, 1)),
        (YEAR_2, YEAR_2_LAPSES, dt.date(2028, 2, 1)),
    ]
    # Before the second relief, only the first: year 2's 8 000 withheld in January 2028.
    assert _figures(_case(dt.date(2028, 1, 15), limitation_events=reliefs)) == (Decimal(8_000), Decimal(20_000))


def test_the_messages_say_which_claim_was_relieved_and_which_was_not_art_6() -> None:
    result = _case(dt.date(2028, 6, 1), limitation_events=[LimitationEvent(kind="relief", on="2027-03-01")])
    relieved, withheld = (u for u in result.unmet if u.condition.value == "claim_time_barred")

    assert "the council relieved the beneficiary of it on 2027-03-01" in relieved.message()
    assert "le conseil en a relevé le bénéficiaire le 01/03/2027" in relieved.message("fr")
    assert "cannot waive it" in withheld.message()
    assert "relevé" not in withheld.message("fr")
    assert (relieved.basis, withheld.basis) == (legal_basis("loi-68-1250-art-6"), legal_basis("loi-68-1250-art-1"))


def _time_barred_unmet(result: Assessment) -> list[tuple[Decimal, dt.date | None, dt.date | None]]:
    """Each claim time-barred: its amount, the day it lapsed, the day the council relieved it of the limitation."""
    return [
        (unmet.amount, unmet.lapsed_on, unmet.relieved_on)
        for unmet in result.unmet
        if unmet.condition.value == "claim_time_barred"
    ]


def test_a_written_claim_is_no_relief_art_2_and_6() -> None:
    # A claim written after the lapse revives nothing (art. 2) and only the council relieves (art. 6).
    late = [LimitationEvent(kind="written_claim", on="2027-02-01")]
    assert _figures(_case(dt.date(2027, 6, 1), limitation_events=late)) == (Decimal(20_000), Decimal(8_000))


def test_under_the_deliberation_alone_nothing_is_time_barred_and_no_figure_moves() -> None:
    # Without financing terms there is no deadline of the limitation: in 2030 the three operating grants,
    # 60 000, authorised and (the financing convention signed) releasable, all payable.
    result = assess(
        DIJON_2022,
        [],
        as_of=dt.date(2030, 1, 1),
        regional_authorisation_on=AROSE,
        financing_signed_on=dt.date(2022, 11, 15),
    )
    assert result.deadlines == ()
    assert _figures(result) == (Decimal(0), Decimal(3 * 20_000))


# --- the words: the unmet condition, the trace, the statement, the exports ----------------------------


def test_the_trace_says_the_time_barred_sum_is_taken_from_payable() -> None:
    result = _case(dt.date(2027, 6, 1))

    assert (
        "Payable now: max(0, €60,000.00 − €20,000.00 waiting for documents − €12,000.00 balance held − €0.00) "
        "− €20,000.00 time-barred, withheld under the four-year limitation = €8,000.00"
    ) in result.explain()
    assert (
        "À verser : max(0, 60 000,00 € − 20 000,00 € en attente de pièces − 12 000,00 € de solde retenu − 0,00 €) "
        "− 20 000,00 € prescrits, retenus au titre de la prescription quadriennale = 8 000,00 €"
    ) in result.explain("fr")


def test_the_exports_give_the_time_barred_figure_in_both_languages() -> None:
    result = _case(dt.date(2027, 6, 1))

    assert reports.to_dict(result)["time_barred"] == "20000.00"
    english = assessment_csv(result, "en").decode("utf-8")
    french = assessment_csv(result, "fr").decode("utf-8-sig")
    assert "\ntime_barred,20000.00" in english.replace("\r\n", "\n")
    assert "\nprescrit;20000,00" in french.replace("\r\n", "\n")


_SCENARIO = """\
name = "Year 1's operating grant, unpaid four years from 1 January 2023, is time-barred and withheld."
covers = ["C3"]
as_of = 2027-06-01
regional_authorisation_on = 2022-12-01
financing_signed_on = 2022-11-15

[convention]
preset = "dijon-2022"

[convention.financing]
advance_share = "0.50"
balance_share = "0.20"

[expect]
time_barred = "20000.00"
payable = "8000.00"
"""


def test_a_scenario_expects_the_time_barred_sum_and_the_statement_deducts_it(tmp_path: Path) -> None:
    path = tmp_path / "time-barred.toml"
    path.write_text(_SCENARIO, encoding="utf-8")
    scenario, inputs = assemble(ScenarioOptions(file=str(path)))
    result = scenario.assess()

    assert scenario.expect is not None
    assert scenario.expect.mismatches(result) == ()
    assert Expectation(time_barred="0").mismatches(result) == ("time_barred: expected 0.00, got 20000.00",)
    shown = reports.statement_markdown(result, inputs, "fr")
    assert "| moins les créances impayées prescrites (loi n° 68-1250, art. 1er et 6) | C3 | 20 000,00 € |" in shown
    assert "| égale le montant proposé au paiement | C3 | 8 000,00 € |" in shown


# --- any case --------------------------------------------------------------------------------------------


@st.composite
def _late_cases(draw: st.DrawFn) -> tuple[dt.date, list[Payment], list[LimitationEvent]]:
    """A date from 2026 to 2031, up to three payments and up to two events of the limitation before it."""
    as_of = draw(st.dates(dt.date(2026, 1, 1), dt.date(2031, 12, 31)))
    days = st.dates(dt.date(2022, 7, 1), as_of)
    payments = [
        Payment(reference=f"VIR-{number}", paid_on=draw(days), amount=Decimal(draw(st.integers(1, 40_000))))
        for number in range(draw(st.integers(0, 3)))
    ]
    kinds = st.sampled_from(["written_claim", "administration_letter", "relief"])
    events = [LimitationEvent(kind=draw(kinds), on=draw(days)) for _ in range(draw(st.integers(0, 2)))]
    return as_of, payments, events


@settings(max_examples=40)
@given(_late_cases())
def test_payable_is_never_negative_and_never_more_than_without_the_limitation(
    drawn: tuple[dt.date, list[Payment], list[LimitationEvent]],
) -> None:
    as_of, payments, events = drawn
    result = _case(as_of, payments=payments, limitation_events=events)
    # The same case with the council's relief on the date: the limitation withholds nothing.
    relieved = _case(as_of, payments=payments, limitation_events=[*events, LimitationEvent(kind="relief", on=as_of)])

    assert relieved.time_barred == 0
    assert result.payable >= 0
    assert result.payable + result.time_barred <= relieved.payable
    # Art. 6: a relief covers the claims time-barred on its day; each deadline overdue on the date is
    # withheld unless a relief by the date was taken on or after the day its claim lapsed.
    reliefs = [event.on for event in events if event.kind.value == "relief"]
    withheld = [
        deadline.amount
        for deadline in result.deadlines
        if deadline.kind is DeadlineKind.LIMITATION
        and deadline.overdue
        and not any(deadline.lapses_on is not None and deadline.lapses_on <= day for day in reliefs)
    ]
    assert result.time_barred == sum(withheld, Decimal(0))
