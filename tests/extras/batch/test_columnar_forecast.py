"""Forecasts: seeded and reproducible, exact where the pipeline is certain, in English and French."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import YEARS, contract, three_contracts_a_year
from propulseur_rules import DIJON_2022, InvalidInput, assess
from propulseur_rules.batch import EXAMPLE_PIPELINE, Prospect, forecast, forecast_chart
from propulseur_rules.cli import main
from propulseur_rules.example._example import EXAMPLE_CONTRACTS

AUTHORISED = dt.date(2022, 10, 1)
EIGHT = three_contracts_a_year()[:8]  # the ninth, Y3-3, is signed on 2025-03-28


def prospect(probability: float, earliest: dt.date, latest: dt.date, reference: str = "EXP-1") -> Prospect:
    return Prospect(
        reference=reference,
        startup=contract(reference, earliest).startup,
        probability=probability,
        earliest=earliest,
        latest=latest,
    )


def releasable(contracts: list, day: dt.date) -> Decimal:
    return assess(DIJON_2022, contracts, as_of=day, regional_authorisation_on=AUTHORISED).releasable


def test_c3_a_certain_prospect_on_one_day_gives_the_figures_of_assess_in_every_future() -> None:
    day = dt.date(2025, 4, 10)
    sure = prospect(1, day, day)

    result = forecast(DIJON_2022, EIGHT, [sure], regional_authorisation_on=AUTHORISED, draws=50)

    signed = [*EIGHT, sure.signed(day)]
    ends = [dt.date(year, 12, 31) for year in (2021, 2022, 2023, 2024, 2025)]
    expected = {
        year: releasable(signed, ends[k + 1]) - releasable(signed, ends[k]) for k, year in enumerate(range(2022, 2026))
    }
    assert result.budget_years == (2022, 2023, 2024, 2025)
    assert {year: result.payments[year][50] for year in result.budget_years} == expected
    assert sum(expected.values()) == Decimal("195000.00")  # 3 × 20 000 + 9 × 15 000
    assert result.target_probability == 1.0
    # The last money is the ninth contract's grant, on the day it is signed (ON_EVENT).
    assert result.earned_by == {10: day, 50: day, 90: day}


def test_c3_a_prospect_that_never_signs_leaves_the_target_unreached() -> None:
    never = prospect(0, YEARS[2][0], YEARS[2][1])

    result = forecast(DIJON_2022, EIGHT, [never], regional_authorisation_on=AUTHORISED, draws=20)

    assert result.target_probability == 0.0
    # Without it: 3 × 20 000 + 8 × 15 000 = 180 000 over the four budget years.
    assert sum(result.payments[year][90] for year in result.budget_years) == Decimal("180000.00")


def test_the_same_seed_gives_the_same_forecast_and_the_quantiles_are_ordered() -> None:
    arguments = {"regional_authorisation_on": dt.date(2023, 2, 15), "draws": 300}
    signed = EXAMPLE_CONTRACTS[:-1]

    first = forecast(DIJON_2022, signed, EXAMPLE_PIPELINE, seed=7, **arguments)

    assert first == forecast(DIJON_2022, signed, EXAMPLE_PIPELINE, seed=7, **arguments)
    for year in first.budget_years:
        assert first.payments[year][10] <= first.payments[year][50] <= first.payments[year][90]
    assert 0 < first.target_probability < 1


def test_render_in_english_and_french() -> None:
    result = forecast(DIJON_2022, EIGHT, [prospect(1, YEARS[2][0], YEARS[2][0])], draws=10)

    english, french = result.render("en"), result.render("fr")

    assert "Probability that the 9 contracts are reached (C3): 100.0 %" in english
    assert "Probabilité d'atteindre les 9 contrats (C3) : 100,0 %" in french
    assert "P10 / P50 / P90" in english


def test_bad_input_is_refused_with_its_field() -> None:
    with pytest.raises(InvalidInput, match=r"^probability: 1\.5 is not a probability"):
        prospect(1.5, YEARS[0][0], YEARS[0][1])
    with pytest.raises(InvalidInput, match=r"^latest: .* is before the earliest day"):
        prospect(0.5, YEARS[0][1], YEARS[0][0])
    with pytest.raises(InvalidInput, match=r"^quantiles\[0\]: 100 is not a percentile"):
        forecast(DIJON_2022, EIGHT, quantiles=[100])
    with pytest.raises(InvalidInput, match=r"^draws: expected a number of futures"):
        forecast(DIJON_2022, EIGHT, draws=0)


def test_the_chart_is_written(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = forecast(DIJON_2022, EIGHT, [prospect(0.5, YEARS[2][0], YEARS[2][1])], draws=40)
    target = tmp_path / "forecast.png"

    figure = forecast_chart(result, str(target), lang="fr")

    assert target.read_bytes().startswith(b"\x89PNG")
    # The bars are the median of the default quantiles (10, 50, 90), the whiskers the outer two.
    assert figure.axes[0].get_title() == "Montants libérables par exercice : P50, P10–P90"
    assert forecast_chart(result).axes[0].get_title() == "Money releasable by budget year: P50, P10–P90"


def test_the_forecast_command_prints_quantiles_for_the_example_in_both_languages(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["forecast", "--draws", "200"]) == 0
    assert main(["forecast", "--draws", "200", "--lang", "fr"]) == 0

    english, french = capsys.readouterr().out.split("Prévision")
    assert "Money releasable by budget year (C2, C3), P10 / P50 / P90, and mean:" in english
    assert "Montants libérables par exercice budgétaire" in french
    # Its contracts, authorisation and pipeline are the built-in example's: said under the figures.
    assert english.endswith(
        "\n\nFICTITIOUS EXAMPLE: the facts marked invented were made up for the built-in example; "
        "no figure of this report is to be signed.\n"
    )
    assert french.endswith(
        "\n\nEXEMPLE FICTIF : les faits marqués inventés l'ont été pour l'exemple intégré ; "
        "aucun montant de ce rapport n'est à signer.\n"
    )


def test_the_forecast_command_refuses_bad_quantiles_in_one_line(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["forecast", "--quantiles", "10,abc"]) == 2

    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("propulseur-rules: error: --quantiles[1]: 'abc' is not a whole percentile")


def test_c1_c3_the_share_of_futures_reaching_the_target_is_its_probability() -> None:
    signed = [c for c in EXAMPLE_CONTRACTS if c.signed_on <= dt.date(2025, 3, 31)]

    result = forecast(DIJON_2022, signed, EXAMPLE_PIPELINE, regional_authorisation_on=AUTHORISED, draws=4000)

    # Eight eligible by 31 March 2025; the ninth comes unless DataCœur (0.8) and Capteo (0.5) both fail
    # and Medisens (0.3) fails or signs after the period: 61 of the 123 days of its window are within it (C1).
    expected = 1 - 0.2 * 0.5 * (1 - 0.3 * 61 / 123)
    # 4 000 futures: a standard deviation of sqrt(0.915 × 0.085 / 4000) ≈ 0.0044; 0.02 is over four of them.
    assert abs(result.target_probability - expected) < 0.02
