"""C9, the council's vote: a day of entry into force that is not a date, and a change to a field the vote
does not have, are refused by name."""

from __future__ import annotations

import pytest

from propulseur_rules import DIJON_2022, InvalidInput

#: The vote of 29 September 2022 (C9).
VOTE = DIJON_2022.deliberation
assert VOTE is not None


def test_deliberation_executory_day_that_is_not_a_date_names_executory_on() -> None:
    # CGCT, L. 2131-1: the day the deliberation became executory is a day.
    with pytest.raises(InvalidInput) as error:
        VOTE.replace(executory_on="2022-13-01")
    assert error.value.path == "executory_on"


def test_deliberation_replace_of_an_unknown_field_lists_the_fields_of_the_vote() -> None:
    with pytest.raises(InvalidInput) as error:
        VOTE.replace(quorum=50)
    assert error.value.path == ""
    assert error.value.key == "error.unknown_parameter"
    message = str(error.value)
    assert "quorum" in message  # the detail of the refusal names the field given
    assert message.endswith(
        "; the parameters are decided_on, members_in_office, present, proxies, votes_for, votes_against, "
        "abstentions, not_voting, president_voted_for, secret_ballot, second_convocation, executory_on"
    )
