"""How the catalogue writes a value for a reader: amounts, dates, periods and counts in each language.

>>> format_money(Decimal("195000"), "fr"), format_money(Decimal("-85000.5"))
('195 000,00 €', '-€85,000.50')
>>> format_date(dt.date(2025, 6, 30)), format_date(dt.date(2025, 6, 30), "fr")
('2025-06-30', '30/06/2025')
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal
from typing import Protocol

from ._language import check_lang

__all__ = [
    "csv_delimiter",
    "format_count",
    "format_date",
    "format_decimal",
    "format_money",
    "format_period",
    "spreadsheet_date_format",
]

#: The context amounts are shown in, whatever the caller's: a caller's lower
#: precision or traps must not change a report.
_CONTEXT = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation])
_CENT = Decimal("0.01")


class _Period(Protocol):
    @property
    def start(self) -> dt.date: ...

    @property
    def end(self) -> dt.date: ...


def format_money(amount: Decimal, lang: str = "en") -> str:
    """Euros for a reader: ``€195,000.00`` in English, ``195 000,00 €`` in French.

    >>> format_money(Decimal("195000"), "fr")
    '195 000,00 €'
    >>> format_money(Decimal("85000.5"))
    '€85,000.50'
    """
    french = check_lang(lang) == "fr"
    text = f"{amount.quantize(_CENT, rounding=decimal.ROUND_HALF_UP, context=_CONTEXT):,.2f}"
    if french:
        # French usage: a space between thousands, a comma for the cents, and
        # the euro sign after the amount. Plain spaces keep terminals and CSV simple.
        whole, cents = text.split(".")
        return whole.replace(",", " ") + "," + cents + " €"
    return f"€{text}" if not text.startswith("-") else f"-€{text[1:]}"


def format_date(day: dt.date, lang: str = "en") -> str:
    """A date for a reader: ISO 8601 in English (``2025-06-30``), ``30/06/2025`` in French.

    >>> format_date(dt.date(2025, 6, 30)), format_date(dt.date(2025, 6, 30), "fr")
    ('2025-06-30', '30/06/2025')
    """
    return day.strftime("%d/%m/%Y") if check_lang(lang) == "fr" else day.isoformat()


def format_period(period: _Period, lang: str = "en") -> str:
    """A period for a reader, both ends included: ``2022-07-01 – 2025-06-30``."""
    return f"{format_date(period.start, lang)} – {format_date(period.end, lang)}"


def format_count(count: int, lang: str = "en") -> str:
    """A whole number for a reader: ``10,000`` in English, ``10 000`` in French.

    >>> format_count(10000), format_count(10000, "fr")
    ('10,000', '10 000')
    """
    text = f"{count:,}"
    return text.replace(",", " ") if check_lang(lang) == "fr" else text


def format_decimal(number: str, lang: str = "en") -> str:
    """A number already written with a decimal point, as a reader of ``lang`` writes it.

    >>> format_decimal("12.5"), format_decimal("12.5", "fr")
    ('12.5', '12,5')
    """
    return number.replace(".", ",") if check_lang(lang) == "fr" else number


def csv_delimiter(lang: str = "en") -> str:
    """The delimiter of a CSV file for a spreadsheet set to ``lang``: a comma, or a semicolon in French,
    where the comma separates the cents."""
    return ";" if check_lang(lang) == "fr" else ","


def spreadsheet_date_format(lang: str = "en") -> str:
    """The number format of a date in a spreadsheet, as :func:`format_date` writes it."""
    return "DD/MM/YYYY" if check_lang(lang) == "fr" else "YYYY-MM-DD"
