"""A forecast as a frame of the library's convention, and a chart a reader of French or English can read.

The forecast: DIJON_2022 authorised on 15 February 2023 (C4), the example's contracts signed by 1 June 2024
and its pipeline of three prospects, 200 futures of seed 1.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from propulseur_rules import DIJON_2022
from propulseur_rules.batch import EXAMPLE_PIPELINE, forecast, forecast_chart
from propulseur_rules.example import EXAMPLE_CONTRACTS

AS_OF = dt.date(2024, 6, 1)
OUTLOOK = forecast(
    DIJON_2022,
    [contract for contract in EXAMPLE_CONTRACTS if contract.signed_on <= AS_OF],
    EXAMPLE_PIPELINE,
    regional_authorisation_on=dt.date(2023, 2, 15),
    draws=200,
    seed=1,
)


def test_the_frame_of_a_forecast_holds_its_amounts_in_cents_exactly() -> None:
    frame = OUTLOOK.to_frame()

    assert list(frame.columns) == ["budget_year", "p10_cents", "p50_cents", "p90_cents", "mean_cents"]
    # The programme runs from 1 July 2022 to 30 June 2025 (C1): budget years 2022 to 2025.
    assert frame["budget_year"].tolist() == [2022, 2023, 2024, 2025]
    for row in frame.itertuples():
        year = row.budget_year
        assert row.p50_cents == int(OUTLOOK.payments[year][50] * 100)
        assert row.p10_cents <= row.p50_cents <= row.p90_cents
        assert row.mean_cents == int(OUTLOOK.mean[year] * 100)
    assert all(str(frame[name].dtype) == "int64" for name in frame.columns)


@pytest.mark.parametrize(
    ("lang", "tick", "median", "past"),
    [
        ("en", "€100,000", "P50 (median)", "Budget years past"),
        ("fr", "100 000 €", "P50 (médiane)", "Exercices écoulés"),
    ],
)
def test_the_chart_writes_amounts_with_thousands_separators_and_sets_past_years_apart(
    lang: str, tick: str, median: str, past: str
) -> None:
    figure = forecast_chart(OUTLOOK, lang=lang, as_of=AS_OF)
    axes = figure.axes[0]

    assert axes.yaxis.get_major_formatter()(100_000.0, 0) == tick
    legend = [text.get_text() for text in axes.get_legend().get_texts()]
    assert legend[0] == median
    assert legend[-1] == past
    # 2022 and 2023 ended before 1 June 2024: hatched; 2024 and 2025 are forecast.
    assert [bool(bar.get_hatch()) for bar in axes.patches[:4]] == [True, True, False, False]
    # Each bar is labelled with its P50, as the reader writes euros.
    labels = [text.get_text().split("\n")[0] for text in axes.texts]
    written = r"^€\d{1,3}(,\d{3})*\.\d{2}$" if lang == "en" else r"^\d{1,3}( \d{3})*,\d{2} €$"
    assert all(re.fullmatch(written, label) for label in labels), labels
    assert [Decimal(re.sub(r"[^\d]", "", label)) / 100 for label in labels] == [
        OUTLOOK.payments[year][50] for year in OUTLOOK.budget_years
    ]


def test_without_a_date_no_year_is_set_apart() -> None:
    axes = forecast_chart(OUTLOOK).axes[0]
    assert not any(bar.get_hatch() for bar in axes.patches[:4])
    assert len(axes.get_legend().get_texts()) == 2
