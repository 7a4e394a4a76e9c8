"""Forecasts with their uncertainty: the pipeline of expected contracts, the forecast as a value, and its text.

:func:`propulseur_rules.batch.forecast` draws the futures with the columnar engine
(the ``batch`` extra); what it draws from and what it returns are values of this
module, which needs no extra:

- a :class:`Prospect` is an expected contract: a probability of signing and a
  window of dates; it is assumed applied and selected on the day it is signed
  (C6) unless it gives those dates;
- a :class:`Forecast` gives, per budget year (the calendar year, « exercice
  budgétaire »), the money that becomes releasable in it under the deliberation at
  chosen quantiles such as P10, P50 and P90 and, with financing terms, the money
  paid in it under those terms (each document drawn under a
  :class:`~propulseur_rules.planning.DocumentOutlook`), the probability that the
  convention's target of contracts is reached (C3), and the date by which the money
  is earned (C2), at the same quantiles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from ..rules._convention import Convention
from ..rules._dates import to_date, to_optional_date
from ..rules._model import Contract, Sector, Startup
from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of, shown
from ..words._format import format_count, format_date, format_decimal
from ..words._format import format_money as money
from ._outlook import DocumentOutlook

__all__ = [
    "EXAMPLE_PIPELINE",
    "Forecast",
    "Prospect",
    "quantiles_option",
    "render_forecast",
]

_DEFAULT_QUANTILES = (10, 50, 90)
_MAX_DRAWS = 1_000_000


def _probability(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, str)):
        raise InvalidInput("probability", "error.expected_probability", type=kind_of(value))
    try:
        number = float(value)
    except ValueError:
        raise InvalidInput("probability", "error.not_a_probability", value=shown(value)) from None
    if not 0 <= number <= 1:  # NaN fails too
        raise InvalidInput("probability", "error.not_a_probability", value=shown(value))
    return number


def _startup(value: object) -> Startup:
    if not isinstance(value, Startup):
        raise InvalidInput("startup", "error.expected_startup", type=kind_of(value))
    return value


def _reference(value: object) -> str:
    from ..rules._model import _text

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
            raise InvalidInput(
                "latest", "error.latest_before_earliest", latest=str(self.latest), earliest=str(self.earliest)
            )

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
    #: Per budget year, the money that becomes releasable in it under the deliberation, at each quantile
    #: (``payments[year][q]``; the same as :attr:`releasable`). Releasable is not paid: with financing
    #: terms, :attr:`paid` says what is paid.
    payments: dict[int, dict[int, Decimal]]
    #: Per budget year, the mean over the futures of the money releasable, to the cent (rounded half up).
    mean: dict[int, Decimal]
    #: The share of futures where the target of contracts (C3) is reached by the end.
    target_probability: float
    #: The day by which the money is earned, at each quantile (``None`` if nothing is ever earned).
    earned_by: dict[int, dt.date | None]
    #: With financing terms: per budget year, the money paid in it under the terms at each quantile, each
    #: amount paid on the day it becomes payable (``Assessment.payable_before_payments``); ``None`` without terms.
    paid: dict[int, dict[int, Decimal]] | None = None
    #: With financing terms: per budget year, the mean over the futures of the money paid, to the cent.
    paid_mean: dict[int, Decimal] | None = None
    #: With financing terms: how the documents still missing were drawn to come in.
    outlook: DocumentOutlook | None = None

    @property
    def releasable(self) -> dict[int, dict[int, Decimal]]:
        """Per budget year, the money that becomes releasable in it under the deliberation, at each quantile."""
        return self.payments

    def render(self, lang: str = "en") -> str:
        """The forecast as text, in English or French."""
        return render_forecast(self, lang)

    def to_frame(self) -> Any:
        """One row per budget year as a ``pandas.DataFrame`` (the ``frames`` extra), in the convention of the
        library's frames: ``budget_year``, the money releasable at each quantile in integer cents
        (``p10_cents``, ``p50_cents``…) and ``mean_cents``, exact to the cent; with financing terms, the
        money paid the same way (``paid_p10_cents``… and ``paid_mean_cents``).
        """
        from ..rules._extras import require

        pandas = require("pandas", "frames", "Forecast.to_frame")
        columns: dict[str, Any] = {"budget_year": pandas.Series(self.budget_years, dtype="int64")}
        for level in self.quantiles:
            columns[f"p{level}_cents"] = pandas.Series(
                [_cents(self.payments[year][level]) for year in self.budget_years], dtype="int64"
            )
        columns["mean_cents"] = pandas.Series([_cents(self.mean[year]) for year in self.budget_years], dtype="int64")
        if self.paid is not None and self.paid_mean is not None:
            for level in self.quantiles:
                columns[f"paid_p{level}_cents"] = pandas.Series(
                    [_cents(self.paid[year][level]) for year in self.budget_years], dtype="int64"
                )
            paid_mean = [_cents(self.paid_mean[year]) for year in self.budget_years]
            columns["paid_mean_cents"] = pandas.Series(paid_mean, dtype="int64")
        return pandas.DataFrame(columns, index=pandas.RangeIndex(len(self.budget_years)))


def _cents(amount: Decimal) -> int:
    """Euros to the cent as whole cents, exactly."""
    return int(amount.scaleb(2).to_integral_exact())


def _levels(quantiles: object) -> tuple[int, ...]:
    if isinstance(quantiles, (str, bytes)) or not isinstance(quantiles, Iterable):
        raise InvalidInput("quantiles", "error.expected_percentiles", type=kind_of(quantiles))
    levels = tuple(quantiles)
    if not levels:
        raise InvalidInput("quantiles", "error.no_percentile")
    for position, level in enumerate(levels):
        if isinstance(level, bool) or not isinstance(level, int) or not 0 < level < 100:
            raise InvalidInput(f"quantiles[{position}]", "error.not_a_percentile", value=shown(level))
    return tuple(sorted(set(levels)))


def _listed(field: str, values: object, kind: type[Any]) -> list[Any]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidInput(field, "error.expected_collection_of", kind=kind.__name__, type=kind_of(values))
    items = list(values)
    for position, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidInput(f"{field}[{position}]", "error.expected_a_kind", kind=kind.__name__, type=kind_of(item))
    return items


# --- rendering ---------------------------------------------------------------------------


def render_forecast(result: Forecast, lang: str = "en") -> str:
    """``result`` as text in English (``en``) or French (``fr``)."""

    levels = " / ".join(f"P{level}" for level in result.quantiles)
    draws = format_count(result.draws, lang)
    lines = [
        say(
            "forecast.title",
            lang,
            reference=result.convention.reference,
            draws=draws,
            seed=result.seed,
            pipeline=result.pipeline,
        ),
        say("forecast.payments", lang, levels=levels),
    ]
    lines += _year_lines(result, result.payments, result.mean, lang)
    if result.paid is not None and result.paid_mean is not None and result.outlook is not None:
        lines.append(say("forecast.paid", lang, levels=levels))
        lines += _year_lines(result, result.paid, result.paid_mean, lang)
        lines.append(_outlook_line(result.outlook, lang))
    else:
        lines.append(say("forecast.no_terms", lang))
    probability = format_decimal(f"{100 * result.target_probability:.1f}", lang)
    lines.append(say("forecast.target", lang, required=result.convention.required_contracts, probability=probability))
    days = " / ".join(
        say("forecast.never", lang) if day is None else format_date(day, lang) for day in result.earned_by.values()
    )
    lines.append(say("forecast.earned", lang, levels=levels, days=days))
    return "\n".join(lines) + "\n"


def _year_lines(
    result: Forecast, amounts: dict[int, dict[int, Decimal]], mean: dict[int, Decimal], lang: str
) -> list[str]:
    lines = []
    for year in result.budget_years:
        shown_amounts = [money(amounts[year][level], lang) for level in result.quantiles]
        shown_amounts.append(money(mean[year], lang))
        lines.append(f"  {year}  " + "  ".join(f"{amount:>15}" for amount in shown_amounts))
    return lines


def _outlook_line(outlook: DocumentOutlook, lang: str) -> str:
    def percent(share: float) -> str:
        return format_decimal(f"{100 * share:.1f}", lang)

    return say(
        "forecast.outlook",
        lang,
        on_time=percent(outlook.on_time),
        late=percent(outlook.late),
        never=percent(outlook.never),
        shortest=outlook.shortest_delay,
        longest=outlook.longest_delay,
    )


# --- the built-in example's pipeline -------------------------------------------------------


def _example_pipeline() -> tuple[Prospect, ...]:
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
            raise InvalidInput(
                f"--quantiles[{position}]", "error.not_a_whole_percentile", value=shown(part.strip())
            ) from None
    return _levels(levels)
