"""``create_app`` refuses by name limits that are not a ``Limits``."""

from __future__ import annotations

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.service import create_app


@pytest.mark.parametrize(("limits", "kind"), [("x", "text"), (5, "a whole number"), ({}, "a table")])
def test_limits_that_are_not_limits_are_refused_by_name(limits: object, kind: str) -> None:
    # Failed before: AttributeError ('str' object has no attribute 'max_body_bytes').
    with pytest.raises(InvalidInput) as caught:
        create_app(limits)  # type: ignore[arg-type]

    assert caught.value.path == "limits"
    assert caught.value.message("en") == f"limits: expected a Limits, not {kind}"
