"""De minimis aid (C4, règlement (UE) n° 1407/2013 and 2023/2831): the window of a contract signed on
29 February, every contract checked in turn, and the errors of the aid given.

Règlement (UE) 2023/2831 caps the aid at 300 000 € over three years: here, as the library reads it, the three
years that end on the day the contract is signed, from the day after the same day three
years earlier. For 29 February, three years earlier has no 29 February: the day before the
window is 28 February, so the window opens on 1 March.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import BEAUNE, DIJON_2022, PER_CONTRACT, contract, siren_with_key, startup
from propulseur_rules import Condition, DeMinimisAid, InvalidInput, assess
from propulseur_rules.rules._state_aid import regulation_on

SIREN = siren_with_key("73282932")
OTHER_SIREN = siren_with_key("88765432")
#: Règlement (UE) 2023/2831: 300 000 € over three years.
NEW_CEILING = 300_000
AS_OF = dt.date(2025, 6, 30)


def _de_minimis(signed: list[object], *given: DeMinimisAid) -> list[object]:
    result = assess(DIJON_2022, signed, as_of=AS_OF, de_minimis_aid=given)  # type: ignore[arg-type]
    return [unmet for unmet in result.unmet if unmet.condition is Condition.DE_MINIMIS_CEILING]


@pytest.mark.parametrize(
    ("signed_on", "window_start"),
    [
        # 29 February 2024 − 3 years = 28 February 2021 (2021 has no 29 February); the day after: 1 March 2021.
        (dt.date(2024, 2, 29), dt.date(2021, 3, 1)),
        # 29 February 2028 − 3 years = 28 February 2025; the day after: 1 March 2025.
        (dt.date(2028, 2, 29), dt.date(2025, 3, 1)),
        # 28 February 2025 − 3 years = 28 February 2022; the day after: 1 March 2022.
        (dt.date(2025, 2, 28), dt.date(2022, 3, 1)),
    ],
)
def test_de_minimis_window_of_a_contract_signed_on_29_february(signed_on: dt.date, window_start: dt.date) -> None:
    assert regulation_on(signed_on).window_start == window_start


def test_de_minimis_aid_on_the_first_day_of_a_29_february_window_counts() -> None:
    signed = [contract("A", dt.date(2024, 2, 29), of=startup("Hydrolis", siren=SIREN))]
    over = NEW_CEILING - PER_CONTRACT + 1  # 285 001 € + 15 000 € = 300 001 € > 300 000 €
    assert len(_de_minimis(signed, DeMinimisAid(siren=SIREN, granted_on="2021-03-01", amount=over))) == 1
    assert _de_minimis(signed, DeMinimisAid(siren=SIREN, granted_on="2021-02-28", amount=over)) == []


def test_de_minimis_every_funded_contract_is_checked_after_one_without_grant_or_without_siren() -> None:
    over = NEW_CEILING - PER_CONTRACT + 1
    given = DeMinimisAid(siren=SIREN, granted_on="2024-01-10", amount=over)
    outside = startup("Côte", head_office=BEAUNE, siren=OTHER_SIREN)  # Beaune is not in the métropole (C6)
    signed = [
        contract("A", dt.date(2024, 2, 1), of=outside),  # ineligible: no grant, nothing to check
        contract("B", dt.date(2024, 2, 2), of=startup("Sans SIREN")),  # funded, cannot be checked
        contract("C", dt.date(2024, 2, 3), of=startup("Hydrolis", siren=SIREN)),  # funded, over the ceiling
    ]

    warnings = _de_minimis(signed, given)

    assert [(warning.contract, warning.reason) for warning in warnings] == [("B", "de_minimis_no_siren"), ("C", None)]
    assert all(warning.blocks_payment is False for warning in warnings)


def test_de_minimis_siren_may_be_written_with_spaces() -> None:
    spaced = f"{SIREN[:3]} {SIREN[3:6]} {SIREN[6:]}"
    assert DeMinimisAid(siren=spaced, granted_on="2023-05-02", amount="40000").siren == SIREN


def test_de_minimis_siren_errors_name_the_value_given() -> None:
    with pytest.raises(InvalidInput) as wrong_type:
        DeMinimisAid(siren=732829320, granted_on="2023-05-02", amount="1")
    assert (wrong_type.value.path, str(wrong_type.value)) == (
        "siren",
        "siren: expected a SIREN as text, not a whole number",
    )

    with pytest.raises(InvalidInput) as too_short:
        DeMinimisAid(siren="12345", granted_on="2023-05-02", amount="1")
    assert str(too_short.value) == "siren: '12345' is not a SIREN (9 digits)"


def test_de_minimis_aid_given_not_as_a_collection_of_aid_is_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as not_a_collection:
        assess(DIJON_2022, [], as_of=AS_OF, de_minimis_aid=3)  # type: ignore[arg-type]
    assert str(not_a_collection.value) == "de_minimis_aid: expected a collection of DeMinimisAid, not a whole number"

    with pytest.raises(InvalidInput) as not_an_aid:
        assess(DIJON_2022, [], as_of=AS_OF, de_minimis_aid=[Decimal("1")])  # type: ignore[list-item]
    assert str(not_an_aid.value) == "de_minimis_aid[0]: expected a DeMinimisAid, not a number"
