"""The financing convention's terms as parameters, and the dates and shares they set.

C3 says the payment « interviendra selon les modalités définies dans la convention
de financement », a convention annexed to the deliberation but not published. French
law requires one above 23 000 € a year (loi n° 2000-321 du 12 avril 2000, art. 10;
décret n° 2001-495 du 6 juin 2001). Its usual terms are modelled here as explicit
parameters, each default labelled an ASSUMPTION, and a few pure helpers compute the
dates the rules need: when each document is due, when an unpaid claim lapses under
the four-year limitation (loi n° 68-1250 du 31 décembre 1968, art. 1er). The
documents themselves, and what the terms require of them, are in :mod:`._documents`.

Nothing here reads a clock or a file: every function answers from its arguments.

>>> terms = FinancingTerms()
>>> year = Period(start=dt.date(2022, 7, 1), end=dt.date(2023, 6, 30))
>>> financial_statement_due_on(year, terms)
datetime.date(2023, 12, 31)
>>> prescribed_on(dt.date(2023, 7, 1))
datetime.date(2028, 1, 1)
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import enum
from decimal import Decimal

import attrs

from ..words._catalogue import say
from ..words._errors import InvalidInput, shown
from ._dates import Period
from ._legal import FINANCIAL_STATEMENT_DEADLINE, LegalBasis
from ._money import CENT, ZERO, in_money_context

__all__ = [
    "FinanceTerm",
    "FinancingTerms",
    "add_months",
    "contract_copy_due_on",
    "final_report_due_on",
    "financial_statement_due_on",
    "last_day_to_claim",
    "operating_grant_parts",
    "prescribed_on",
    "share_of",
    "statement_year_for",
]

#: The most months a delay may run: ten years, far beyond any financing convention.
_MAX_DELAY_MONTHS = 120


# --- vocabulary -------------------------------------------------------------------


class FinanceTerm(enum.Enum):
    """The words of French public finance the reports use, in English and in French.

    >>> FinanceTerm.LIMITATION.label("fr")
    'prescription quadriennale'
    """

    ADVANCE = "advance"
    INSTALMENT = "instalment"
    BALANCE = "balance"
    SUPPORTING_DOCUMENTS = "supporting_documents"
    FINANCIAL_STATEMENT = "financial_statement"
    RECOVERY_ORDER = "recovery_order"
    LIMITATION = "limitation"

    def label(self, lang: str = "en") -> str:
        """The term in English or in French."""
        return say("term." + self.name.lower(), lang)

    def __str__(self) -> str:
        return self.value


# --- the terms --------------------------------------------------------------------


def _share(value: object, path: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str | float):
        raise InvalidInput(path, "error.not_a_share", value=shown(value))
    try:
        # A float is read by its shortest repr, as money is: 0.5 is Decimal("0.5").
        share = Decimal(repr(value) if isinstance(value, float) else value.strip() if isinstance(value, str) else value)
    except decimal.InvalidOperation:
        raise InvalidInput(path, "error.not_a_number", value=shown(value)) from None
    if not share.is_finite() or not ZERO <= share <= 1:
        raise InvalidInput(path, "error.not_a_share", value=shown(value))
    exponent = share.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        raise InvalidInput(path, "error.share_decimals", value=shown(value))
    return share


def _months(value: object, path: str) -> int:
    # One sentence for a value of the wrong type and one out of range, so that it reads the same in French.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_DELAY_MONTHS:
        raise InvalidInput(path, "error.not_a_delay", value=shown(value), limit=str(_MAX_DELAY_MONTHS))
    return value


def _advance_share_from(value: object) -> Decimal:
    return _share(value, "advance_share")


def _balance_share_from(value: object) -> Decimal:
    return _share(value, "balance_share")


def _financial_statement_months_from(value: object) -> int:
    return _months(value, "financial_statement_months")


def _final_report_months_from(value: object) -> int:
    return _months(value, "final_report_months")


def _contract_copy_months_from(value: object) -> int:
    return _months(value, "contract_copy_months")


@attrs.frozen(kw_only=True)
class FinancingTerms:
    """The payment terms of the financing convention (« modalités » of C3), each a parameter.

    The financing convention was not published: every default below is an ASSUMPTION,
    the common practice of French subsidy conventions, to be replaced by the real
    terms when they are known. Which document releases which money:

    - the copy of a signed accompaniment contract releases that contract's grant;
    - the financial statement of programme year *n* releases the part of year
      *n + 1*'s operating grant beyond the advance (year 1 waits for none);
    - the final report, with the required contracts signed, releases the balance.

    The delays are counted two ways, as such conventions write them: a delay after
    a period (« dans les six mois suivant la fin de l'exercice ») ends on the last
    day of its months, 30 June + 6 months = 31 December; a delay after an event (the
    signature of a contract) ends on the same day of the month, 1 December + 1
    month = 1 January.

    >>> FinancingTerms(advance_share="1.5")
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: advance_share: '1.5' is not a share between 0 and 1 (0 % to 100 %)
    """

    #: ASSUMPTION: half of each operating grant is an advance (« avance »), payable from
    #: the first day of its programme year without waiting for the previous year's
    #: financial statement.
    advance_share: Decimal = attrs.field(default=Decimal("0.50"), converter=_advance_share_from)
    #: ASSUMPTION: a fifth of what is releasable is the balance (« solde »), held until the
    #: required contracts (C3: nine) are signed and the final report is received.
    balance_share: Decimal = attrs.field(default=Decimal("0.20"), converter=_balance_share_from)
    #: The law's delay (loi n° 2000-321, art. 10: « dans les six mois suivant la fin de
    #: l'exercice »). ASSUMPTION: the « exercice » is the programme year.
    financial_statement_months: int = attrs.field(default=6, converter=_financial_statement_months_from)
    #: ASSUMPTION: the final report is due six months after the convention's period ends.
    final_report_months: int = attrs.field(default=6, converter=_final_report_months_from)
    #: ASSUMPTION: the copy of a contract is due one month after its signature.
    contract_copy_months: int = attrs.field(default=1, converter=_contract_copy_months_from)

    @property
    def financial_statement_basis(self) -> LegalBasis:
        """The law that sets the financial statement's delay."""
        return FINANCIAL_STATEMENT_DEADLINE


# --- dates ------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later in one step; the month's last day when it has no such day.

    Computed from ``day`` directly, so a chain of boundaries computed each from
    the same start never drifts (``relativedelta`` added repeatedly from 31 August
    would stay on the 28th after February).

    >>> add_months(dt.date(2023, 8, 31), 6), add_months(dt.date(2024, 1, 31), 1)
    (datetime.date(2024, 2, 29), datetime.date(2024, 2, 29))
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidInput("date", "error.beyond_calendar", months=str(months), day=day.isoformat())
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _months_after_end(end: dt.date, months: int) -> dt.date:
    """The last day of the ``months`` months that follow ``end``: 30 June + 6 months gives 31 December.

    The delay runs from the day after ``end``; it ends the day before the same
    date ``months`` later. A delay that would end beyond the calendar ends on its
    last day, 31 December 9999, so that every deadline is a real date.
    """
    if end == dt.date.max:
        return dt.date.max
    after = _within_calendar(end + dt.timedelta(days=1), months)
    return dt.date.max if after == dt.date.max else after - dt.timedelta(days=1)


def _within_calendar(day: dt.date, months: int) -> dt.date:
    """:func:`add_months`, or the day after 31 December 9999 taken as 31 December 9999 itself."""
    if (day.year * 12 + day.month - 1 + months) // 12 > dt.MAXYEAR:
        return dt.date.max
    return add_months(day, months)


def financial_statement_due_on(year: Period, terms: FinancingTerms) -> dt.date:
    """Loi n° 2000-321, art. 10 — the last day to file the financial statement of a programme year.

    >>> financial_statement_due_on(Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)), FinancingTerms())
    datetime.date(2025, 6, 30)
    """
    return _months_after_end(year.end, terms.financial_statement_months)


def final_report_due_on(period: Period, terms: FinancingTerms) -> dt.date:
    """The last day to file the final report: ``final_report_months`` after the period (ASSUMPTION)."""
    return _months_after_end(period.end, terms.final_report_months)


def contract_copy_due_on(signed_on: dt.date, terms: FinancingTerms) -> dt.date:
    """The last day to send the copy of a contract signed that day (ASSUMPTION: one month)."""
    return _within_calendar(signed_on, terms.contract_copy_months)


def prescribed_on(arose_on: dt.date) -> dt.date | None:
    """Loi n° 68-1250, art. 1er — the first day on which a claim that arose that day is time-barred.

    Four years « à partir du premier jour de l'année suivant celle au cours de
    laquelle les droits ont été acquis »: a right acquired in 2023 runs from
    1 January 2024 to 31 December 2027, and lapses on 1 January 2028. ``None``
    when that day is past 31 December 9999. The limitation is interrupted or
    suspended in cases this function does not know (art. 2 and 3 of the law): it
    gives the date the funder may invoke, not a cut to apply.

    >>> prescribed_on(dt.date(2023, 1, 1)), prescribed_on(dt.date(2023, 12, 31))
    (datetime.date(2028, 1, 1), datetime.date(2028, 1, 1))
    """
    last = last_day_to_claim(arose_on)
    return None if last == dt.date.max else last + dt.timedelta(days=1)


def last_day_to_claim(arose_on: dt.date) -> dt.date:
    """Loi n° 68-1250, art. 1er — 31 December of the fourth year after the one the right arose in.

    >>> last_day_to_claim(dt.date(2022, 7, 1))
    datetime.date(2026, 12, 31)
    """
    year = arose_on.year + 4
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, 12, 31)


# --- money ------------------------------------------------------------------------


@in_money_context
def share_of(amount: Decimal, share: Decimal) -> Decimal:
    """``share`` of ``amount`` to the cent, half a cent rounded up (``ROUND_HALF_UP``).

    >>> share_of(Decimal("20000.00"), Decimal("0.50")), share_of(Decimal("0.05"), Decimal("0.5"))
    (Decimal('10000.00'), Decimal('0.03'))
    """
    return (amount * share).quantize(CENT, rounding=decimal.ROUND_HALF_UP)


@in_money_context
def operating_grant_parts(grant: Decimal, year_index: int, terms: FinancingTerms) -> tuple[Decimal, Decimal]:
    """A year's operating grant split into (advance, the part that waits for a financial statement).

    Year 1 follows no earlier year: nothing waits. From year 2 on, the part beyond
    the advance waits for the financial statement of the year before
    (:func:`statement_year_for`). The two parts always add up to ``grant``.

    >>> operating_grant_parts(Decimal("20000.00"), 2, FinancingTerms())
    (Decimal('10000.00'), Decimal('10000.00'))
    >>> operating_grant_parts(Decimal("20000.00"), 1, FinancingTerms())
    (Decimal('20000.00'), Decimal('0.00'))
    """
    if statement_year_for(year_index) is None:
        return (grant, ZERO)
    advance = share_of(grant, terms.advance_share)
    return (advance, grant - advance)


def statement_year_for(year_index: int) -> int | None:
    """The programme year whose financial statement releases year ``year_index``'s operating grant.

    >>> statement_year_for(1), statement_year_for(3)
    (None, 2)
    """
    if isinstance(year_index, bool) or not isinstance(year_index, int) or year_index < 1:
        raise InvalidInput("year_index", "error.no_year_number", value=shown(year_index))
    return None if year_index == 1 else year_index - 1
