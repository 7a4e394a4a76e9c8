"""An excess payment's cause and finality (SPEC §10), and the conditions on payment on the day they change.

The deliberation alone (DIJON_2022): 20 000 € of operating grant a programme year (C2), each accrued on
the first day of its year (C3: 1 July 2022, 2023 and 2024); the period of C1 ends on 30 June 2025. The
vote of 29 September 2022 (C9). The law requires a financing convention, 195 000 € over three years
being 65 000 € a year, above 23 000 € (décret n° 2001-495, art. 1er).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from propulseur_rules import DIJON_2022, Condition, Payment, RecoveryCause, assess

AUTHORISED = dt.date(2022, 8, 1)
SIGNED = dt.date(2022, 8, 1)
#: More than the three operating grants, 3 × 20 000 = 60 000 €.
PAID = [Payment(reference="VIR-1", paid_on=dt.date(2024, 9, 1), amount=Decimal(70_000))]


def test_an_overpayment_on_the_last_day_of_the_period_can_still_be_made_good() -> None:
    # No contract: 60 000 € accrued, nothing withholds payment (the target of C3 withholds nothing
    # pro rata), 70 000 - 60 000 = 10 000 € paid beyond. On 30 June 2025 a contract signed that day
    # would still earn its 15 000 € (C1): not final. From 1 July 2025, the period over: final.
    def overpaid(as_of: dt.date):  # type: ignore[no-untyped-def]
        return assess(
            DIJON_2022, [], as_of=as_of, regional_authorisation_on=AUTHORISED, financing_signed_on=SIGNED, payments=PAID
        )

    on_the_last_day, the_day_after = overpaid(dt.date(2025, 6, 30)), overpaid(dt.date(2025, 7, 1))

    assert on_the_last_day.recovery is not None
    assert the_day_after.recovery is not None
    assert (on_the_last_day.recovery.amount, on_the_last_day.recovery.cause) == (
        Decimal(70_000 - 60_000),
        RecoveryCause.OVERPAYMENT,
    )
    assert (on_the_last_day.recovery.final, the_day_after.recovery.final) == (False, True)


def test_money_paid_under_a_vote_that_failed_is_paid_before_a_condition_not_a_breach_c9() -> None:
    # 43 members present of 86 in office: no quorum (CGCT, L. 2121-17), the deliberation is not
    # adopted for good. All that accrued is withheld; the 70 000 € paid were paid before a condition
    # that is not the beneficiary's to meet: no withdrawal procedure, whatever the finality.
    vote = DIJON_2022.deliberation
    assert vote is not None
    failed = DIJON_2022.replace(deliberation=vote.replace(present=43, votes_for=58))
    result = assess(
        failed,
        [],
        as_of=dt.date(2025, 9, 1),
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=SIGNED,
        payments=PAID,
    )

    assert result.recovery is not None
    assert (result.withheld, result.recovery.amount) == (Decimal(60_000), Decimal(70_000))
    assert (result.recovery.cause, result.recovery.bases) == (RecoveryCause.PAID_BEFORE_CONDITION, ())
    # The target of C3, missed, withholds nothing pro rata: the failed vote is the one reason, final.
    assert (result.recovery.reasons, result.recovery.final) == ((Condition.DELIBERATION_ADOPTED,), True)


def test_a_financing_convention_signed_later_can_still_be_signed() -> None:
    # Signed on 1 December 2022, assessed on 1 November: it withholds payment, not for good.
    result = assess(
        DIJON_2022,
        [],
        as_of=dt.date(2022, 11, 1),
        regional_authorisation_on=AUTHORISED,
        financing_signed_on="2022-12-01",
    )

    signature = next(u for u in result.unmet if u.condition is Condition.FINANCING_CONVENTION_SIGNED)
    assert (signature.blocks_payment, signature.final) == (True, False)
    assert signature.final is False  # a boolean, written false in the data, not null
    data = next(u for u in result.to_dict()["unmet"] if u["condition"] == "financing_convention_signed")
    assert data["final"] is False


def test_on_the_day_of_the_vote_the_deliberation_is_voted_but_not_yet_executory_c9() -> None:
    # Voted on 29 September 2022, transmitted and published on 6 October (CGCT, L. 2131-1): on the
    # day of the vote the condition is that it is not yet executory, no longer that it is not voted.
    vote = DIJON_2022.deliberation
    assert vote is not None
    convention = DIJON_2022.replace(deliberation=vote.replace(executory_on="2022-10-06"))
    result = assess(convention, [], as_of=dt.date(2022, 9, 29), regional_authorisation_on=AUTHORISED)

    adopted = next(u for u in result.unmet if u.condition is Condition.DELIBERATION_ADOPTED)
    assert (adopted.reason, adopted.blocks_payment) == ("deliberation_not_executory", True)
