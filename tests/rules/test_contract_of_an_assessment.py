"""An assessment's contract by its reference: a reference not assessed is refused by name."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import DIJON_2022, contract
from propulseur_rules import UnknownReference, assess


def test_a_reference_not_assessed_is_refused_with_the_field_it_came_from() -> None:
    result = assess(DIJON_2022, [contract("P-1", dt.date(2022, 9, 1))], as_of=dt.date(2023, 1, 1))

    assert result.contract("P-1").reference == "P-1"
    with pytest.raises(UnknownReference) as refused:
        result.contract("P-9")
    assert (refused.value.path, refused.value.key) == ("reference", "error.not_a_contract_of_assessment")
    assert str(refused.value).startswith("reference: ")
