"""Dates and amounts as they are written in France, read into the forms the value objects take.

A spreadsheet exported in France writes ``05/09/2022`` and ``50 000,00 €``; the
value objects take ``2022-09-05`` and ``50000.00``. These functions accept both
forms, and nothing ambiguous: no two-digit year, no month before the day.
"""

from __future__ import annotations

import datetime as dt
import re

from ..words._errors import InvalidInput, shorten

__all__ = ["amount_text", "day"]

_FRENCH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Spaces a spreadsheet puts between thousands: the space, the no-break space, the narrow no-break space.
_SPACES = re.compile("[ \u00a0\u202f]")
_PLAIN_AMOUNT = re.compile(r"\d+(?:\.\d+)?", re.ASCII)
_COMMA_AMOUNT = re.compile(r"\d+,\d+", re.ASCII)
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+", re.ASCII)
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", re.ASCII)


def day(text: str, path: str) -> dt.date:
    """A day written ``YYYY-MM-DD`` or ``DD/MM/YYYY``.

    >>> day("05/09/2022", "signed_on"), day("2022-09-05", "signed_on")
    (datetime.date(2022, 9, 5), datetime.date(2022, 9, 5))
    >>> try:
    ...     day("31/02/2023", "signed_on")
    ... except InvalidInput as error:
    ...     print(error)
    signed_on: '31/02/2023' is not a day of the calendar
    """
    value = text.strip()
    match = _FRENCH_DATE.fullmatch(value)
    try:
        if match is not None:
            day_of_month, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day_of_month)
        if _ISO_DATE.fullmatch(value):
            return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(path, "error.not_a_day", value=repr(value)) from None
    raise InvalidInput(path, "error.not_a_date", value=repr(shorten(value)))


def amount_text(text: str, path: str) -> str:
    """An amount in euros as the value objects read it: ``50 000,00 €`` gives ``50000.00``.

    Accepted: ``50000``, ``50000.00``, ``50 000,00``, ``50.000,00``, ``50,000.00``,
    with or without a euro sign, and after a minus sign (``-`` or ``−``, as a refund is
    written). The value objects then check it (its sign, to the cent).

    >>> amount_text("50 000,00 €", "amount"), amount_text("1.234,5", "amount"), amount_text("12,000.00", "amount")
    ('50000.00', '1234.5', '12000.00')
    >>> amount_text("-5 000,00 €", "amount"), amount_text("\u22125 000,00", "amount")
    ('-5000.00', '-5000.00')
    """
    value = _SPACES.sub("", text.strip().removesuffix("€").removeprefix("€"))
    sign = ""
    if value[:1] in ("-", "\u2212"):  # a hyphen-minus, or the minus sign a French spreadsheet may write
        sign, value = "-", value[1:].removeprefix("€")
    if _PLAIN_AMOUNT.fullmatch(value):
        return sign + value
    if _COMMA_AMOUNT.fullmatch(value):
        return sign + value.replace(",", ".")
    if _DOTTED_THOUSANDS.fullmatch(value):
        return sign + value.replace(".", "").replace(",", ".")
    if _COMMA_THOUSANDS.fullmatch(value):
        return sign + value.replace(",", "")
    raise InvalidInput(path, "error.not_an_amount", value=repr(shorten(text.strip())))
