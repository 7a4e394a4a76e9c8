"""C9 and the law of the council's vote: the quorum (CGCT, L. 2121-17), the majority and the president's
deciding vote (L. 2121-20), and the day the deliberation takes force (L. 2131-1, applied by L. 5211-3)."""

from __future__ import annotations

import datetime as dt

import pytest

from propulseur_rules import DIJON_2022, Condition, Deliberation, InvalidInput, assess
from propulseur_rules.reports import legal_basis
from propulseur_rules.rules._deliberation import VoteFailure

#: The vote of 29 September 2022 (C9): 86 members in office, 69 present, 15 proxies, 84 for.
VOTE = DIJON_2022.deliberation
assert VOTE is not None
AUTHORISED = dt.date(2022, 8, 1)


def _assess(vote: Deliberation, as_of: str) -> tuple[str, str, list[Condition]]:
    """The withheld and releasable figures and the unmet conditions on payment, no contract signed."""
    result = assess(DIJON_2022.replace(deliberation=vote), [], as_of=as_of, regional_authorisation_on=AUTHORISED)
    return str(result.withheld), str(result.releasable), [unmet.condition for unmet in result.unmet]


# --- L. 2121-20: a majority of the votes cast, the president's vote deciding a tie --------------


def test_a_tie_with_the_president_voting_for_adopts_the_deliberation_l2121_20() -> None:
    # 42 for, 42 against, 0 abstaining: 84 = 69 present + 15 proxies; the president voted for.
    tie = VOTE.replace(votes_for=42, votes_against=42, president_voted_for=True)

    assert tie.votes_consistent
    assert tie.adopted
    assert tie.decided_by_president
    # On 1 January 2023 the year-1 operating grant (20 000 €, C2) accrued on 1 July 2022 is releasable.
    assert _assess(tie, "2023-01-01")[:2] == ("0.00", "20000.00")


@pytest.mark.parametrize("president", [False, None])
def test_a_tie_the_president_did_not_vote_for_adopts_nothing_l2121_20(president: bool | None) -> None:
    tie = VOTE.replace(votes_for=42, votes_against=42, president_voted_for=president)

    assert tie.failure is VoteFailure.TIE
    assert not tie.adopted
    # Everything accrued is withheld for good: 20 000 €.
    withheld, releasable, unmet = _assess(tie, "2023-01-01")
    assert (withheld, releasable) == ("20000.00", "0.00")
    assert Condition.DELIBERATION_ADOPTED in unmet


def test_in_a_secret_ballot_the_presidents_vote_does_not_decide_a_tie_l2121_20() -> None:
    # « sauf cas de scrutin secret »
    tie = VOTE.replace(votes_for=42, votes_against=42, president_voted_for=True, secret_ballot=True)

    assert tie.failure is VoteFailure.TIE
    assert not tie.decided_by_president


def test_more_votes_against_than_for_is_a_failed_majority_l2121_20() -> None:
    vote = VOTE.replace(votes_for=40, votes_against=44)

    assert vote.failure is VoteFailure.MAJORITY
    result = assess(DIJON_2022.replace(deliberation=vote), [], as_of="2023-01-01", regional_authorisation_on=AUTHORISED)
    unmet = result.unmet[0]
    assert (unmet.reason, unmet.final, unmet.basis) == ("deliberation_majority", True, legal_basis("cgct-l2121-20"))
    assert "more votes against than for" in unmet.message("en")
    assert "plus de voix contre que pour" in unmet.message("fr")
    assert "L. 2121-20" in unmet.message("fr")


def test_the_presidents_vote_must_be_among_the_votes_counted() -> None:
    with pytest.raises(InvalidInput, match="president_voted_for: the president voted for") as error:
        VOTE.replace(votes_for=0, votes_against=84, president_voted_for=True)
    assert "le président a voté pour" in error.value.message("fr")
    with pytest.raises(InvalidInput, match="president_voted_for: the president voted against"):
        VOTE.replace(president_voted_for=False)  # 84 for, 0 against


# --- L. 2121-17: the quorum, none on a second convocation ----------------------------------------


def test_a_second_convocation_needs_no_quorum_l2121_17() -> None:
    # 40 present of 86: 40 × 2 = 80, not more than 86. 40 + 15 proxies = 55 votes, all for.
    first = VOTE.replace(present=40, votes_for=55)
    second = first.replace(second_convocation=True)

    assert not first.quorum_reached
    assert first.failure is VoteFailure.QUORUM
    assert not second.quorum_reached
    assert second.quorum_met
    assert second.adopted
    assert _assess(second, "2023-01-01")[:2] == ("0.00", "20000.00")


def test_no_quorum_on_a_first_convocation_cites_the_article_l2121_17() -> None:
    vote = VOTE.replace(present=43, votes_for=58)  # 43 × 2 = 86: not more than 86
    result = assess(DIJON_2022.replace(deliberation=vote), [], as_of="2023-01-01", regional_authorisation_on=AUTHORISED)

    unmet = result.unmet[0]
    assert (unmet.reason, unmet.basis) == ("deliberation_quorum", legal_basis("cgct-l2121-17"))
    assert "second convocation" in unmet.message("en")


# --- L. 2131-1 and L. 5211-3: executory once made public and transmitted -----------------------


def test_nothing_is_payable_before_the_deliberation_is_executory_l2131_1() -> None:
    # Voted on 29 September 2022, transmitted and published on 6 October 2022.
    vote = VOTE.replace(executory_on="2022-10-06")

    assert vote.in_force_on == dt.date(2022, 10, 6)
    # On 5 October the 20 000 € of year 1 are withheld, the condition not final; on 6 October released.
    assert _assess(vote, "2022-10-05")[:2] == ("20000.00", "0.00")
    assert _assess(vote, "2022-10-06")[:2] == ("0.00", "20000.00")
    result = assess(DIJON_2022.replace(deliberation=vote), [], as_of="2022-10-05", regional_authorisation_on=AUTHORISED)
    unmet = result.unmet[0]
    assert (unmet.reason, unmet.final, unmet.basis) == (
        "deliberation_not_executory",
        False,
        legal_basis("cgct-l2131-1"),
    )
    assert unmet.releases == 20_000


def test_before_the_vote_the_condition_says_it_is_not_yet_voted() -> None:
    vote = VOTE.replace(executory_on="2022-10-06")
    result = assess(DIJON_2022.replace(deliberation=vote), [], as_of="2022-09-01", regional_authorisation_on=AUTHORISED)

    assert result.unmet[0].reason == "deliberation_not_yet"
    assert result.unmet[0].basis is None


def test_a_deliberation_cannot_be_executory_before_it_is_voted() -> None:
    with pytest.raises(InvalidInput, match="executory_on: executory on 2022-09-28 is before the vote on 2022-09-29"):
        VOTE.replace(executory_on="2022-09-28")


def test_left_out_the_new_fields_change_nothing() -> None:
    # The vote of 29 September 2022 as C9 records it: adopted, in force the day of the vote.
    assert VOTE.president_voted_for is None
    assert not VOTE.secret_ballot
    assert not VOTE.second_convocation
    assert VOTE.executory_on is None
    assert VOTE.in_force_on == dt.date(2022, 9, 29)
    assert VOTE.failure is None


@pytest.mark.parametrize("field", ["secret_ballot", "second_convocation", "president_voted_for"])
def test_a_flag_of_the_vote_is_true_or_false(field: str) -> None:
    with pytest.raises(InvalidInput, match=f"{field}: expected true or false, not text"):
        VOTE.replace(**{field: "yes"})
