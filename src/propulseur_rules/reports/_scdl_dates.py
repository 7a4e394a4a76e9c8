"""The dates of an SCDL record the deliberation implies: when the payments may fall, and when to publish.

``datesPeriodeVersement`` is « la ou les dates ou période … de versement » of the
décret n° 2017-779: the days on which the subsidy is paid, not the programme's period.
Read with the deliberation and the financing terms, it runs

- from the **first day a payment is possible**: the latest of the start of the
  programme (C1), the vote of the council (C9), the signature of the financing
  convention (loi n° 2000-321, art. 10: no payment before it) and the validation of
  the regional authorisation (C4: « Ce versement est aussi conditionné à la
  validation … »), when its day is known;
- to the **last expected payment**: the balance, released by the final report
  (:class:`~propulseur_rules.rules._financing.FinancingTerms`), is paid at the latest
  when that report is due, ``final_report_months`` after the end of the period
  (30 June 2025 + 6 months = 31 December 2025 with the default terms). A convention
  without financing terms holds no balance back: the last payment is due by the end
  of its period (30 June 2025).

A payment made later than the report's due day (a late report) is not « expected »:
give the period of the actual payments instead (``payment_period``).

The funder publishes the record « au plus tard trois mois à compter de la date de
signature de la convention » (décret n° 2017-779, ``OPEN_DATA_DEADLINE``): a delay
after an event, counted to the same day of the month, 15 November 2022 + 3 months =
15 February 2023.

>>> from propulseur_rules.example import EXAMPLE_CONVENTION
>>> period = expected_payment_period(EXAMPLE_CONVENTION, convention_signed_on=dt.date(2022, 11, 15),
...                                  regional_authorisation_on=dt.date(2023, 2, 15))
>>> period.start, period.end
(datetime.date(2023, 2, 15), datetime.date(2025, 12, 31))
>>> publication_due_on(dt.date(2022, 11, 15))
datetime.date(2023, 2, 15)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..rules._dates import Period
from ..rules._financing import add_months, final_report_due_on
from ..words._errors import InvalidInput

if TYPE_CHECKING:
    from ..rules._convention import Convention

__all__ = [
    "PUBLICATION_MONTHS",
    "expected_payment_period",
    "first_payment_on",
    "last_payment_on",
    "publication_due_on",
]

#: Décret n° 2017-779: the essential data are published at the latest three months after the signature.
PUBLICATION_MONTHS = 3


def first_payment_on(
    convention: Convention, *, convention_signed_on: dt.date, regional_authorisation_on: dt.date | None = None
) -> dt.date:
    """The first day a payment is possible: the latest of C1's start, C9's vote, the signature and C4's validation."""
    vote = convention.deliberation
    days = [convention.period.start, convention_signed_on]
    days += [day for day in (regional_authorisation_on, None if vote is None else vote.decided_on) if day is not None]
    return max(days)


def last_payment_on(convention: Convention) -> dt.date:
    """The last expected payment: the balance when the final report is due, or the end of the period without terms."""
    if convention.financing is None:
        return convention.period.end
    return final_report_due_on(convention.period, convention.financing)


def expected_payment_period(
    convention: Convention, *, convention_signed_on: dt.date, regional_authorisation_on: dt.date | None = None
) -> Period:
    """From the first day a payment is possible to the last expected payment (the module's reading).

    A convention signed after its last expected payment has no such period:
    :class:`InvalidInput` on ``convention_signed_on``, to give ``payment_period`` instead.

    >>> from propulseur_rules import DIJON_2022
    >>> period = expected_payment_period(DIJON_2022, convention_signed_on=dt.date(2022, 11, 1))
    >>> period.start.isoformat(), period.end.isoformat()
    ('2022-11-01', '2025-06-30')
    """
    first = first_payment_on(
        convention, convention_signed_on=convention_signed_on, regional_authorisation_on=regional_authorisation_on
    )
    last = last_payment_on(convention)
    if first > last:
        raise InvalidInput(
            "convention_signed_on", "error.scdl_no_payment_left", first=first.isoformat(), last=last.isoformat()
        )
    return Period(start=first, end=last)


def publication_due_on(convention_signed_on: dt.date) -> dt.date:
    """Décret n° 2017-779 — the last day to publish the record: three months after the signature.

    The same day of the month three months later, or the month's last day when it has no
    such day: 30 November 2022 + 3 months = 28 February 2023.

    >>> publication_due_on(dt.date(2022, 11, 30))
    datetime.date(2023, 2, 28)
    """
    return add_months(convention_signed_on, PUBLICATION_MONTHS)
