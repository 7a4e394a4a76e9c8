"""Forecasts with their uncertainty: many futures of the pipeline, assessed by the columnar engine.

From the contracts signed so far and a pipeline of expected ones (each with a
probability of signing and a window of dates), :func:`forecast` draws many
futures with a seeded numpy ``Generator`` (the same seed gives the same
forecast), assesses each future on the last day of every budget year (the
calendar year, « exercice budgétaire ») with the columnar engine, and gives:

- per budget year, the money that becomes releasable in it (what may be paid
  that year), at chosen quantiles such as P10, P50 and P90;
- the probability that the convention's target of contracts is reached (C3);
- the date by which the money is earned (the last item accrued under the cap,
  C2), at the same quantiles.

Quantiles are taken with numpy's ``inverted_cdf`` method: each is the amount or
date of one of the futures drawn, so money stays a whole number of cents.
An expected contract is assumed applied and selected on the day it is signed
(C6) unless its prospect gives those dates.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from ..planning._forecast import _DEFAULT_QUANTILES, _MAX_DRAWS, Forecast, Prospect, _levels, _listed
from ..planning._outlook import DocumentOutlook
from ..rules._convention import Convention
from ..rules._dates import to_optional_date
from ..rules._documents import Document
from ..rules._extras import require
from ..rules._facts import Facts
from ..rules._model import Contract
from ..rules._money import in_money_context
from ..words._catalogue import say
from ..words._errors import InvalidInput, Worded, kind_of, shown
from ..words._format import format_count
from ..words._format import format_money as money
from ..words._language import check_lang
from ._cases import Case
from ._codes import Int64s, date
from ._engine import run
from ._paid import paid_in_futures
from ._result import BatchResult
from ._table import ScenarioTable

__all__ = ["forecast", "forecast_chart"]


@in_money_context
def forecast(
    convention: Convention,
    contracts: Iterable[Contract] = (),
    pipeline: Iterable[Prospect] = (),
    *,
    regional_authorisation_on: dt.date | None = None,
    draws: int = 2000,
    seed: int = 2022,
    quantiles: Sequence[int] = _DEFAULT_QUANTILES,
    financing_signed_on: dt.date | None = None,
    documents: Iterable[Document] = (),
    outlook: DocumentOutlook | None = None,
    as_of: dt.date | None = None,
) -> Forecast:
    """Draw ``draws`` futures of ``pipeline`` beside the signed ``contracts`` and sum them up (see the module).

    With financing terms (``convention.financing``), each future also draws the day each supporting
    document still missing comes in, under ``outlook`` (default: every one on time), none before the
    day after ``as_of``; ``documents`` are those already received, ``financing_signed_on`` the day the
    financing convention was signed.

    >>> from propulseur_rules import DIJON_2022
    >>> from propulseur_rules.batch import EXAMPLE_PIPELINE
    >>> from propulseur_rules.example import EXAMPLE_CONTRACTS
    >>> result = forecast(DIJON_2022, EXAMPLE_CONTRACTS[:-1], EXAMPLE_PIPELINE,
    ...                   regional_authorisation_on=dt.date(2023, 2, 15), draws=200, seed=1)
    >>> result.releasable[2023][50]
    Decimal('100000.00')
    >>> result == forecast(DIJON_2022, EXAMPLE_CONTRACTS[:-1], EXAMPLE_PIPELINE,
    ...                    regional_authorisation_on=dt.date(2023, 2, 15), draws=200, seed=1)
    True
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))
    if isinstance(draws, bool) or not isinstance(draws, int) or not 1 <= draws <= _MAX_DRAWS:
        raise InvalidInput("draws", "error.expected_draws", limit=str(_MAX_DRAWS), value=shown(draws))
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidInput("seed", "error.expected_seed", value=shown(seed))
    levels = _levels(quantiles)
    signed = _listed("contracts", contracts, Contract)
    prospects = _listed("pipeline", pipeline, Prospect)
    references = [item.reference for item in signed] + [item.reference for item in prospects]
    for position, reference in enumerate(references):
        if references.index(reference) != position:
            raise InvalidInput("pipeline", "error.reference_of_two", value=repr(reference))
    if outlook is not None and not isinstance(outlook, DocumentOutlook):
        raise InvalidInput("outlook", "error.expected_a_kind", kind="DocumentOutlook", type=kind_of(outlook))
    day = to_optional_date(as_of, "as_of")
    facts = Facts(
        as_of=day or convention.period.start - dt.timedelta(days=1),
        regional_authorisation_on=regional_authorisation_on,
        contracts=signed,
        financing_signed_on=financing_signed_on,
        documents=documents,
    )
    # Each budget year ends on 31 December; the last one holds the day after the period.
    last = convention.period.end + dt.timedelta(days=1)
    years = tuple(range(convention.period.start.year, last.year + 1))
    futures = _futures(signed, prospects, draws=draws, seed=seed)
    paid = None
    if convention.financing is not None:
        chosen = outlook or DocumentOutlook()
        paid = paid_in_futures(convention, facts, futures, chosen, years, seed=seed)
        years = tuple(range(years[0], years[0] + paid.shape[1]))
    deliberation = attrs.evolve(convention, financing=None)
    ends = [dt.date(year, 12, 31) for year in years]
    cases = [Case(deliberation, future, end, facts.regional_authorisation_on, ()) for future in futures for end in ends]
    result = _summary(
        run(ScenarioTable(cases)), convention, years, levels, draws=draws, seed=seed, pipeline=len(prospects)
    )
    if paid is None:
        return result
    return attrs.evolve(
        result,
        paid={year: {level: _quantile(paid[:, k], level) for level in levels} for k, year in enumerate(years)},
        paid_mean={year: _mean(paid[:, k], draws) for k, year in enumerate(years)},
        outlook=outlook or DocumentOutlook(),
    )


def _futures(
    signed: Sequence[Contract],
    prospects: Sequence[Prospect],
    *,
    draws: int,
    seed: int,
) -> list[tuple[Contract, ...]]:
    """The contracts of each future: which prospects are signed, and on which day (seeded, reproducible)."""
    generator = np.random.default_rng(seed)
    count = len(prospects)
    happens = generator.random((draws, count)) < np.array([p.probability for p in prospects], dtype=float)
    spans = np.array([(p.latest - p.earliest).days + 1 for p in prospects], dtype=np.int64)
    offsets = generator.integers(0, np.maximum(spans, 1), size=(draws, count)) if count else np.zeros((draws, 0))
    return [
        tuple(signed)
        + tuple(
            prospect.signed(prospect.earliest + dt.timedelta(days=int(offsets[draw, k])))
            for k, prospect in enumerate(prospects)
            if happens[draw, k]
        )
        for draw in range(draws)
    ]


def _quantile(values: Any, level: int) -> Decimal:
    """The amount in cents of one of the futures at the percentile ``level``, in euros."""
    return Decimal(int(np.quantile(values, level / 100, method="inverted_cdf"))).scaleb(-2)


def _mean(values: Any, draws: int) -> Decimal:
    """The mean of amounts in cents over the futures, in euros to the cent (rounded half up)."""
    return (Decimal(int(values.sum())) / draws / 100).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)


def _summary(
    result: BatchResult,
    convention: Convention,
    years: tuple[int, ...],
    levels: tuple[int, ...],
    *,
    draws: int,
    seed: int,
    pipeline: int,
) -> Forecast:
    """The money releasable in each budget year and the day the money is earned, at each quantile, and the
    share of futures that reach the target of C3."""
    releasable = result.releasable.reshape(draws, len(years))
    by_year = np.diff(releasable, axis=1, prepend=0)
    at_end = slice(len(years) - 1, None, len(years))
    reached = result.scenario["eligible_contracts"][at_end] >= convention.required_contracts
    earned = _earned_on(result, len(years))

    return Forecast(
        convention=convention,
        draws=draws,
        seed=seed,
        quantiles=levels,
        pipeline=pipeline,
        budget_years=years,
        payments={year: {level: _quantile(by_year[:, k], level) for level in levels} for k, year in enumerate(years)},
        mean={year: _mean(by_year[:, k], draws) for k, year in enumerate(years)},
        target_probability=float(reached.mean()),
        earned_by={level: _day(earned, level) for level in levels},
    )


def _day(days: Int64s, level: int) -> dt.date | None:
    """The day of one of the futures at the percentile ``level``; ``None`` where it has none (-1)."""
    found = int(np.quantile(days, level / 100, method="inverted_cdf"))
    return None if found < 0 else date(found)


def _earned_on(result: BatchResult, per_future: int) -> Int64s:
    """Per future: the day its last item with money accrues (C2, C3); -1 when nothing is earned."""
    year = result.year
    table = result.table
    at_end = np.flatnonzero(year["scenario"] % per_future == per_future - 1)
    owner = year["scenario"][at_end] // per_future
    latest = np.full(len(table) // per_future, -1, dtype=np.int64)
    operating = np.where(year["operating_grant"][at_end] > 0, year["operating_grant_accrues_on"][at_end], -1)
    np.maximum.at(latest, owner, operating)
    contracts = (table.contract_scenario % per_future == per_future - 1) & (result.contract["grant"] > 0)
    np.maximum.at(latest, table.contract_scenario[contracts] // per_future, result.contract["accrues_on"][contracts])
    return latest


def forecast_chart(result: Forecast, path: str | None = None, lang: str = "en", *, as_of: dt.date | None = None) -> Any:
    """A bar chart of the money by budget year, P50 with the P10–P90 range (extra ``charts``): the money paid
    under the financing terms where the forecast has terms, else the money releasable, as its title says.

    Amounts are written as the reader of ``lang`` writes them (``€100,000`` or ``100 000 €``), on the
    axis and above each bar; the range is drawn as a band with its two ends marked, so that a narrow
    one still shows. With ``as_of``, the budget years ended by that day are drawn apart (grey, hatched):
    their money is known, not forecast. Returns the matplotlib ``Figure``; writes it to ``path`` (PNG,
    SVG, PDF…) when given.
    """
    lang = check_lang(lang)
    day = to_optional_date(as_of, "as_of")
    require("matplotlib", "charts", Worded("error.feature_chart"))
    from matplotlib.figure import Figure  # no pyplot: no window, no global state
    from matplotlib.patches import Patch
    from matplotlib.ticker import FuncFormatter

    low, middle, high = result.quantiles[0], result.quantiles[len(result.quantiles) // 2], result.quantiles[-1]
    years = result.budget_years
    past = [day is not None and dt.date(year, 12, 31) < day for year in years]
    drawn = result.paid if result.paid is not None else result.releasable
    title = "forecast.chart_title" if result.paid is None else "forecast.chart_paid_title"
    # Floats for drawing only; every amount written on the chart comes from the Decimal figures.
    centre = [float(drawn[year][middle]) for year in years]
    bottom = [float(drawn[year][low]) for year in years]
    top = [float(drawn[year][high]) for year in years]
    figure = Figure(figsize=(8, 4.5))
    axes = figure.subplots()
    places = list(range(len(years)))
    colours = ["#B0B0B0" if done else "#4C72B0" for done in past]
    bars = axes.bar(places, centre, color=colours, width=0.6, zorder=2)
    for bar, done in zip(bars, past, strict=True):
        if done:
            bar.set_hatch("//")
    axes.vlines(places, bottom, top, colors="#202020", linewidth=2.5, zorder=3)
    axes.scatter(places + places, bottom + top, marker="_", s=400, color="#202020", linewidths=2.5, zorder=3)
    for place, year in enumerate(years):
        amounts = drawn[year]
        text = money(amounts[middle], lang)
        if amounts[low] != amounts[high]:
            text += f"\n{money(amounts[low], lang)} – {money(amounts[high], lang)}"
        axes.annotate(
            text,
            (place, max(centre[place], top[place])),
            textcoords="offset points",
            xytext=(0, 6),
            ha="center",
            fontsize=8,
        )
    axes.set_xticks(places, [str(year) for year in years])
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: _axis_amount(value, lang)))
    axes.set_ylim(0, max([*top, *centre, 1.0]) * 1.15)
    axes.grid(axis="y", color="#E0E0E0", zorder=0)
    legend = [
        Patch(color="#4C72B0", label=say("forecast.chart_median", lang, middle=middle)),
        Patch(color="#202020", label=say("forecast.chart_range", lang, low=low, high=high)),
    ]
    if any(past):
        legend.append(Patch(facecolor="#B0B0B0", hatch="//", label=say("forecast.chart_past", lang)))
    axes.legend(handles=legend, loc="upper right", fontsize=8)
    axes.set_title(say(title, lang, middle=middle, low=low, high=high))
    figure.tight_layout()
    if path is not None:
        try:
            figure.savefig(path)
        except (OSError, ValueError) as error:
            raise InvalidInput("path", "error.cannot_write_chart", reason=str(error)) from None
    return figure


def _axis_amount(value: float, lang: str) -> str:
    """A tick of the axis of euros, in whole euros with the separators of ``lang``: ``€100,000``, ``100 000 €``."""
    euros = int(Decimal(float(value)).to_integral_value(rounding=decimal.ROUND_HALF_UP))
    return f"{format_count(euros, lang)} €" if lang == "fr" else f"€{format_count(euros, lang)}"
