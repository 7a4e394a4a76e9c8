"""C3: the day the required contracts are signed is the signature of the ninth eligible contract
(« 9 projets »), not of the eighth nor of a tenth."""

from __future__ import annotations

import datetime as dt

from builders import DIJON_2022, contract
from propulseur_rules.rules import allot_places, target_met_on

#: Three contracts a programme year (C2: « dans la limite de 3 contrats par an »), each on its own day.
SIGNED = [
    dt.date(2022, 9, 1),
    dt.date(2022, 12, 1),
    dt.date(2023, 3, 1),
    dt.date(2023, 9, 1),
    dt.date(2023, 12, 1),
    dt.date(2024, 3, 1),
    dt.date(2024, 9, 1),
    dt.date(2024, 12, 1),  # the eighth
    dt.date(2025, 3, 1),  # the ninth: the last one C3 requires
    dt.date(2025, 5, 1),  # a tenth, supplementary (C5)
]


def test_c3_target_met_on_the_signature_of_the_ninth_contract() -> None:
    assert DIJON_2022.required_contracts == 9
    contracts = [contract(f"C{number}", day) for number, day in enumerate(SIGNED, start=1)]

    assert target_met_on(DIJON_2022, allot_places(DIJON_2022, contracts)) == dt.date(2025, 3, 1)
    # With eight signed, the target is not met.
    assert target_met_on(DIJON_2022, allot_places(DIJON_2022, contracts[:8])) is None


def test_c3_target_met_on_the_only_contract_when_one_is_required() -> None:
    one = DIJON_2022.replace(required_contracts=1)
    contracts = [contract("C1", dt.date(2022, 9, 1)), contract("C2", dt.date(2022, 12, 1))]

    assert target_met_on(one, allot_places(one, contracts)) == dt.date(2022, 9, 1)
