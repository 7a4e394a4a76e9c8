"""C7 — « pour la période 2022 – 2024 » read strictly: a contract signed after the signing deadline
fails C7, unless it is signed after the period of C1 too, when C1 alone says so."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import contract
from propulseur_rules import DIJON_2022
from propulseur_rules.rules._rules import EligibleStartups, signed_by_the_deadline, signed_within_period

# « 2022 – 2024 »: the last day of 2024; C1: the period ends on 30 June 2025.
STRICT = DIJON_2022.replace(signing_deadline=dt.date(2024, 12, 31))


@pytest.mark.parametrize(
    ("signed_on", "by_the_deadline", "within_the_period"),
    [
        (dt.date(2024, 12, 31), True, True),  # the deadline itself
        (dt.date(2025, 1, 1), False, True),  # the day after: C7 fails
        (dt.date(2025, 6, 30), False, True),  # the last day of the period: still C7's to refuse
        (dt.date(2025, 7, 1), True, False),  # after the period: C1 refuses it, not C7 as well
    ],
)
def test_a_contract_after_the_deadline_fails_c7_and_one_after_the_period_fails_c1(
    signed_on: dt.date, by_the_deadline: bool, within_the_period: bool
) -> None:
    signed = contract("C-1", signed_on)

    assert signed_by_the_deadline(STRICT, signed, EligibleStartups()) is by_the_deadline
    assert signed_within_period(STRICT, signed, EligibleStartups()) is within_the_period
