"""The events of the four-year limitation (loi n° 68-1250, art. 2 and 6): a written claim, a letter of the
administration, the council's relief; an event of another kind or without a day is refused by name."""

from __future__ import annotations

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.rules import LimitationEvent


def test_limitation_event_of_an_unknown_kind_lists_the_three_events_of_the_law() -> None:
    # Art. 2: a written claim and a written communication of the administration; art. 6: the relief.
    with pytest.raises(InvalidInput) as error:
        LimitationEvent(kind="phone_call", on="2026-03-01")
    assert error.value.path == "kind"
    assert str(error.value) == (
        "kind: 'phone_call' is not an event of the limitation; "
        "the events are written_claim, administration_letter, relief"
    )


def test_limitation_event_without_a_real_day_names_its_field_on() -> None:
    with pytest.raises(InvalidInput) as error:
        LimitationEvent(kind="written_claim", on="2026-02-30")
    assert error.value.path == "on"
