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

from ._convention import Convention
from ._errors import InvalidInput, shown
from ._model import Contract, Startup, to_date, to_optional_date
from ._money import in_money_context

__all__ = [
    "EXAMPLE_PIPELINE",
    "Forecast",
    "Prospect",
    "forecast",
    "forecast_chart",
    "quantiles_option",
    "render_forecast",
]

_DEFAULT_QUANTILES = (10, 50, 90)
_MAX_DRAWS = 1_000_000


def _probability(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise InvalidInput("probability", f"expected a probability from 0 to 1, not {type(value).__name__}")
    try:
        number = float(value)
    except ValueError:
        raise InvalidInput("probability", f"{shown(value)} is not a probability from 0 to 1") from None
    if not 0 <= number <= 1:  # NaN fails too
        raise InvalidInput("probability", f"{shown(value)} is not a probability from 0 to 1")
    return number


def _startup(value: object) -> Startup:
    if not isinstance(value, Startup):
        raise InvalidInput("startup", f"expected a Startup, not {type(value).__name__}")
    return value


def _reference(value: object) -> str:
    from ._model import _text

    return _text(value, "reference")


def _earliest(value: object) -> dt.date:
    return to_date(value, "earliest")


def _latest(value: object) -> dt.date:
    return to_date(value, "latest")


def _applied_on(value: object) -> dt.date | None:
    return to_optional_date(value, "applied_on")


def _selected_on(value: object) -> dt.date | None:
    return to_optional_date(value, "selected_on")


@attrs.frozen(kw_only=True)
class Prospect:
    """An expected contract: its startup, the probability it is signed, and the window of days it may be signed in.

    The day of signature is drawn uniformly from ``earliest`` to ``latest``, both included.
    """

    reference: str = attrs.field(converter=_reference)
    startup: Startup = attrs.field(converter=_startup)
    probability: float = attrs.field(converter=_probability)
    earliest: dt.date = attrs.field(converter=_earliest)
    latest: dt.date = attrs.field(converter=_latest)
    applied_on: dt.date | None = attrs.field(default=None, converter=_applied_on)
    selected_on: dt.date | None = attrs.field(default=None, converter=_selected_on)

    def __attrs_post_init__(self) -> None:
        if self.latest < self.earliest:
            raise InvalidInput("latest", f"{self.latest} is before the earliest day, {self.earliest}")

    def signed(self, signed_on: dt.date) -> Contract:
        """The contract, signed on ``signed_on``."""
        return Contract(
            reference=self.reference,
            startup=self.startup,
            signed_on=signed_on,
            applied_on=self.applied_on or signed_on,
            selected_on=self.selected_on or signed_on,
        )


@attrs.frozen(kw_only=True)
class Forecast:
    """What :func:`forecast` returns; money in euros (``Decimal``), each quantile one of the futures drawn."""

    convention: Convention
    draws: int
    seed: int
    quantiles: tuple[int, ...]
    pipeline: int
    budget_years: tuple[int, ...]
    #: Per budget year, the money that becomes releasable in it, at each quantile (``payments[year][q]``).
    payments: dict[int, dict[int, Decimal]]
    #: Per budget year, the mean over the futures, to the cent (rounded half up).
    mean: dict[int, Decimal]
    #: The share of futures where the target of contracts (C3) is reached by the end.
    target_probability: float
    #: The day by which the money is earned, at each quantile (``None`` if nothing is ever earned).
    earned_by: dict[int, dt.date | None]

    def render(self, lang: str = "en") -> str:
        """The forecast as text, in English or French."""
        return render_forecast(self, lang)


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
) -> Forecast:
    """Draw ``draws`` futures of ``pipeline`` beside the signed ``contracts`` and sum them up (see the module).

    >>> from propulseur_rules import DIJON_2022
    >>> from propulseur_rules.example import EXAMPLE_CONTRACTS
    >>> result = forecast(DIJON_2022, EXAMPLE_CONTRACTS[:-1], EXAMPLE_PIPELINE,
    ...                   regional_authorisation_on=dt.date(2023, 2, 15), draws=200, seed=1)
    >>> result.payments[2023][50]
    Decimal('100000.00')
    >>> result == forecast(DIJON_2022, EXAMPLE_CONTRACTS[:-1], EXAMPLE_PIPELINE,
    ...                    regional_authorisation_on=dt.date(2023, 2, 15), draws=200, seed=1)
    True
    """
    from ._extras import require

    np = require("numpy", "batch", "a forecast")
    from ._columnar import Case, ScenarioTable, run

    if not isinstance(convention, Convention):
        raise InvalidInput("convention", f"expected a Convention, not {type(convention).__name__}")
    if convention.financing is not None:
        raise InvalidInput(
            "convention.financing",
            "the forecast's columnar engine assesses the deliberation alone, not the financing convention's "
            "terms; set the convention's financing to None, or use planning.payment_forecast",
        )
    if isinstance(draws, bool) or not isinstance(draws, int) or not 1 <= draws <= _MAX_DRAWS:
        raise InvalidInput("draws", f"expected a number of futures from 1 to {_MAX_DRAWS}, not {shown(draws)}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvalidInput("seed", f"expected a whole number, 0 or more, not {shown(seed)}")
    levels = _levels(quantiles)
    signed = _listed("contracts", contracts, Contract)
    prospects = _listed("pipeline", pipeline, Prospect)
    references = [item.reference for item in signed] + [item.reference for item in prospects]
    for position, reference in enumerate(references):
        if references.index(reference) != position:
            raise InvalidInput("pipeline", f"{reference!r} is the reference of two contracts or prospects")
    authorised_on = to_optional_date(regional_authorisation_on, "regional_authorisation_on")

    # The futures: which prospects are signed, and on which day (seeded, reproducible).
    generator = np.random.default_rng(seed)
    count = len(prospects)
    happens = generator.random((draws, count)) < np.array([p.probability for p in prospects], dtype=float)
    spans = np.array([(p.latest - p.earliest).days + 1 for p in prospects], dtype=np.int64)
    offsets = generator.integers(0, np.maximum(spans, 1), size=(draws, count)) if count else np.zeros((draws, 0))
    # Each budget year ends on 31 December; the last one holds the day after the period.
    last = convention.period.end + dt.timedelta(days=1)
    years = tuple(range(convention.period.start.year, last.year + 1))
    ends = [dt.date(year, 12, 31) for year in years]
    cases: list[Case] = []
    for draw in range(draws):
        future = tuple(signed) + tuple(
            prospect.signed(prospect.earliest + dt.timedelta(days=int(offsets[draw, k])))
            for k, prospect in enumerate(prospects)
            if happens[draw, k]
        )
        cases += [Case(convention, future, end, authorised_on, ()) for end in ends]
    result = run(ScenarioTable(cases))
    releasable = result.releasable.reshape(draws, len(years))
    by_year = np.diff(releasable, axis=1, prepend=0)
    at_end = slice(len(years) - 1, None, len(years))
    reached = result.scenario["eligible_contracts"][at_end] >= convention.required_contracts
    earned = _earned_on(result, len(years))

    def quantile(values: Any, level: int) -> int:
        return int(np.quantile(values, level / 100, method="inverted_cdf"))

    cent = Decimal("0.01")
    return Forecast(
        convention=convention,
        draws=draws,
        seed=seed,
        quantiles=levels,
        pipeline=count,
        budget_years=years,
        payments={
            year: {level: Decimal(quantile(by_year[:, k], level)).scaleb(-2) for level in levels}
            for k, year in enumerate(years)
        },
        mean={
            year: (Decimal(int(by_year[:, k].sum())) / draws / 100).quantize(cent, rounding=decimal.ROUND_HALF_UP)
            for k, year in enumerate(years)
        },
        target_probability=float(reached.mean()),
        earned_by={level: None if (found := quantile(earned, level)) < 0 else _day(found) for level in levels},
    )


def _day(days: int) -> dt.date:
    return dt.date(1970, 1, 1) + dt.timedelta(days=days)


def _earned_on(result: Any, per_future: int) -> Any:
    """Per future: the day its last item with money accrues (C2, C3); -1 when nothing is earned."""
    import numpy as np

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


def _levels(quantiles: object) -> tuple[int, ...]:
    if isinstance(quantiles, (str, bytes)) or not isinstance(quantiles, Iterable):
        raise InvalidInput("quantiles", f"expected percentiles such as (10, 50, 90), not {type(quantiles).__name__}")
    levels = tuple(quantiles)
    if not levels:
        raise InvalidInput("quantiles", "expected at least one percentile")
    for position, level in enumerate(levels):
        if isinstance(level, bool) or not isinstance(level, int) or not 0 < level < 100:
            raise InvalidInput(f"quantiles[{position}]", f"{shown(level)} is not a percentile from 1 to 99")
    return tuple(sorted(set(levels)))


def _listed(field: str, values: object, kind: type[Any]) -> list[Any]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidInput(field, f"expected a collection of {kind.__name__}, not {type(values).__name__}")
    items = list(values)
    for position, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInput(f"{field}[{position}]", f"expected a {kind.__name__}, not {type(item).__name__}")
    return items


# --- rendering ---------------------------------------------------------------------------

_TEXT = {
    "title": (
        "Forecast of {reference}: {draws} futures drawn (seed {seed}), {pipeline} expected contracts in the pipeline.",
        "Prévision pour {reference} : {draws} avenirs tirés (graine {seed}), {pipeline} contrats attendus.",
    ),
    "payments": (
        "Money releasable by budget year (C2, C3), {levels}, and mean:",
        "Montants libérables par exercice budgétaire (C2, C3), {levels}, et moyenne :",
    ),
    "target": (
        "Probability that the {required} contracts are reached (C3): {probability}",
        "Probabilité d'atteindre les {required} contrats (C3) : {probability}",
    ),
    "earned": ("Money earned by ({levels}): {days}", "Montant acquis au plus tard le ({levels}) : {days}"),
    "never": ("never", "jamais"),
}


def render_forecast(result: Forecast, lang: str = "en") -> str:
    """``result`` as text in English (``en``) or French (``fr``)."""
    from ._messages import check_lang, format_date
    from ._messages import format_money as money

    at = 1 if check_lang(lang) == "fr" else 0
    levels = " / ".join(f"P{level}" for level in result.quantiles)
    draws = f"{result.draws:,}".replace(",", " " if at else ",")
    lines = [
        _TEXT["title"][at].format(
            reference=result.convention.reference, draws=draws, seed=result.seed, pipeline=result.pipeline
        ),
        _TEXT["payments"][at].format(levels=levels),
    ]
    for year in result.budget_years:
        amounts = [money(result.payments[year][level], lang) for level in result.quantiles]
        amounts.append(money(result.mean[year], lang))
        lines.append(f"  {year}  " + "  ".join(f"{amount:>15}" for amount in amounts))
    percent = f"{100 * result.target_probability:.1f} %"
    lines.append(
        _TEXT["target"][at].format(
            required=result.convention.required_contracts,
            probability=percent.replace(".", ",") if at else percent,
        )
    )
    days = " / ".join(
        _TEXT["never"][at] if day is None else format_date(day, lang) for day in result.earned_by.values()
    )
    lines.append(_TEXT["earned"][at].format(levels=levels, days=days))
    return "\n".join(lines) + "\n"


def forecast_chart(result: Forecast, path: str | None = None, lang: str = "en") -> Any:
    """A bar chart of the money releasable by budget year, P50 with the P10–P90 range (extra ``charts``).

    Returns the matplotlib ``Figure``; writes it to ``path`` (PNG, SVG, PDF…) when given.
    """
    from ._extras import require
    from ._messages import check_lang

    at = 1 if check_lang(lang) == "fr" else 0
    require("matplotlib", "charts", "the forecast chart")
    from matplotlib.figure import Figure  # no pyplot: no window, no global state

    low, middle, high = result.quantiles[0], result.quantiles[len(result.quantiles) // 2], result.quantiles[-1]
    years = [str(year) for year in result.budget_years]
    centre = [float(result.payments[year][middle]) for year in result.budget_years]  # for drawing only
    below = [centre[k] - float(result.payments[year][low]) for k, year in enumerate(result.budget_years)]
    above = [float(result.payments[year][high]) - centre[k] for k, year in enumerate(result.budget_years)]
    figure = Figure(figsize=(7, 4))
    axes = figure.subplots()
    axes.bar(years, centre, yerr=[below, above], capsize=6, color="#4C72B0")
    axes.set_ylabel("€")
    axes.set_title(
        (
            f"Money releasable by budget year: P{middle}, P{low}–P{high}",
            f"Montants libérables par exercice : P{middle}, P{low}–P{high}",
        )[at]
    )
    figure.tight_layout()
    if path is not None:
        try:
            figure.savefig(path)
        except (OSError, ValueError) as error:
            raise InvalidInput("path", f"cannot write the chart: {error}") from None
    return figure


# --- the command line ----------------------------------------------------------------------


def _example_pipeline() -> tuple[Prospect, ...]:
    from ._model import Sector

    d = dt.date
    return (
        Prospect(
            reference="PRO-2025-13",
            startup=Startup(name="DataCœur", head_office="21171", sector=Sector.HEALTH, siren="841234560"),
            probability=0.8,
            earliest=d(2025, 4, 1),
            latest=d(2025, 6, 15),
            applied_on=d(2025, 2, 10),
            selected_on=d(2025, 4, 1),
        ),
        Prospect(
            reference="PRO-2025-14",
            startup=Startup(name="Capteo", head_office="21231", sector=Sector.INDUSTRY),
            probability=0.5,
            earliest=d(2025, 4, 15),
            latest=d(2025, 6, 30),
        ),
        Prospect(
            reference="PRO-2025-15",
            startup=Startup(name="Medisens", head_office="21617", sector=Sector.HEALTH),
            probability=0.3,
            earliest=d(2025, 5, 1),
            latest=d(2025, 8, 31),
        ),
    )


#: Expected contracts for the built-in example: the planned DataCœur contract and two prospects.
EXAMPLE_PIPELINE: tuple[Prospect, ...] = _example_pipeline()


def quantiles_option(text: str) -> tuple[int, ...]:
    """The percentiles of a command-line option such as ``"10,50,90"``."""
    levels = []
    for position, part in enumerate(text.split(",")):
        try:
            levels.append(int(part.strip()))
        except ValueError:
            raise InvalidInput(f"--quantiles[{position}]", f"{shown(part.strip())} is not a whole percentile") from None
    return _levels(levels)
