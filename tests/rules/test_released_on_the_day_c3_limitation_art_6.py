"""C3: money accrued on the date of the assessment is releasable that day; loi n° 68-1250, art. 6: a relief
voted on the date of the assessment is known that day.

DIJON_2022: 20 000 € of operating grant a programme year (C2), accrued on the first day of its year (C3).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from propulseur_rules import DIJON_2022, Clause, Condition, FinancingTerms, ReleasedPart, assess
from propulseur_rules.rules import LimitationEvent


def test_the_grant_accrued_on_the_date_is_released_that_day_c3() -> None:
    # Authorised on 1 August 2022 (C4), voted on 29 September (C9), the financing convention signed on
    # 1 August: on 1 July 2023 year 1's 20 000 € is released since the vote, year 2's 20 000 € that day.
    result = assess(
        DIJON_2022,
        [],
        as_of=dt.date(2023, 7, 1),
        regional_authorisation_on="2022-08-01",
        financing_signed_on="2022-08-01",
    )

    assert result.released == (
        ReleasedPart(released_on=dt.date(2022, 9, 29), clause=Clause.C9, amount=Decimal(20_000)),
        ReleasedPart(released_on=dt.date(2023, 7, 1), clause=Clause.C3, amount=Decimal(20_000)),
    )


def test_money_accrued_the_day_the_last_condition_is_lifted_is_released_by_that_condition_c4() -> None:
    # The regional authorisation comes on 1 July 2023, the day year 2 accrues: the two grants, 2 × 20 000,
    # are released together that day by C4, the last condition that withheld payment.
    result = assess(
        DIJON_2022,
        [],
        as_of=dt.date(2023, 9, 1),
        regional_authorisation_on="2023-07-01",
        financing_signed_on="2022-08-01",
    )

    assert result.released == (ReleasedPart(released_on=dt.date(2023, 7, 1), clause=Clause.C4, amount=Decimal(40_000)),)


def test_a_relief_voted_on_the_date_of_the_assessment_is_known_that_day_art_6() -> None:
    # Year 1's 20 000 €, a right from 1 December 2022 (the authorisation), lapsed on 1 January 2027;
    # the council relieves the beneficiary of the limitation on 1 June 2027, the date of the assessment.
    result = assess(
        DIJON_2022.replace(financing=FinancingTerms()),
        [],
        as_of=dt.date(2027, 6, 1),
        regional_authorisation_on="2022-12-01",
        financing_signed_on="2022-11-15",
        limitation_events=[LimitationEvent(kind="relief", on="2027-06-01")],
    )

    barred = [u for u in result.unmet if u.condition is Condition.CLAIM_TIME_BARRED]
    assert [(u.amount, u.relieved_on) for u in barred] == [(Decimal(20_000), dt.date(2027, 6, 1))]
