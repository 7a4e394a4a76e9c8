"""The council's vote that grants the aid (C9): the Deliberation, the counts it checks, and when it takes force.

The council of a métropole works under the rules of a municipal council
(CGCT, L. 5211-1): a quorum of more than half the members in office, unless the
council meets on a second convocation after a first without one (L. 2121-17);
a majority of the votes cast, the president's vote deciding a tie except in a
secret ballot (L. 2121-20). Its acts are executory once made public and
transmitted to the prefect (L. 2131-1, applied by L. 5211-3).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from ..words._errors import InvalidInput, kind_of
from ._dates import to_date, to_optional_date
from ._model import _count

__all__ = ["Deliberation", "VoteFailure"]


# --- field converters: each names its field in the errors it raises -----------------


def _abstentions_from(value: object) -> int:
    return _count(value, "abstentions")


def _members_in_office_from(value: object) -> int:
    return _count(value, "members_in_office")


def _not_voting_from(value: object) -> int:
    return _count(value, "not_voting")


def _present_from(value: object) -> int:
    return _count(value, "present")


def _proxies_from(value: object) -> int:
    return _count(value, "proxies")


def _votes_against_from(value: object) -> int:
    return _count(value, "votes_against")


def _votes_for_from(value: object) -> int:
    return _count(value, "votes_for")


def _decided_on_from(value: object) -> dt.date:
    return to_date(value, "decided_on")


def _executory_on_from(value: object) -> dt.date | None:
    return to_optional_date(value, "executory_on")


def _flag(value: object, path: str) -> bool:
    if not isinstance(value, bool):
        raise InvalidInput(path, "error.expected_true_or_false", type=kind_of(value))
    return value


def _second_convocation_from(value: object) -> bool:
    return _flag(value, "second_convocation")


def _secret_ballot_from(value: object) -> bool:
    return _flag(value, "secret_ballot")


def _president_voted_for_from(value: object) -> bool | None:
    return None if value is None else _flag(value, "president_voted_for")


class VoteFailure(enum.Enum):
    """Why a vote does not adopt the deliberation (C9), each with the article it applies."""

    QUORUM = "quorum"  # CGCT, L. 2121-17: not more than half the members in office present, on a first convocation
    VOTE_COUNT = "vote_count"  # the votes do not add up to the members present and represented
    MAJORITY = "majority"  # CGCT, L. 2121-20: fewer votes for than against
    TIE = "tie"  # CGCT, L. 2121-20: as many for as against, and no president's vote to decide it


# --- Deliberation -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Deliberation:
    """The council's vote that grants the aid (C9), and the day it became executory.

    >>> vote = Deliberation(decided_on=dt.date(2022, 9, 29), members_in_office=86, present=69,
    ...                     proxies=15, votes_for=84, votes_against=0, abstentions=0, not_voting=0)
    >>> vote.quorum_reached, vote.adopted, vote.in_force_on
    (True, True, datetime.date(2022, 9, 29))

    A tie is decided by the president's vote, except in a secret ballot (CGCT, L. 2121-20):

    >>> tie = vote.replace(votes_for=42, votes_against=42, president_voted_for=True)
    >>> tie.adopted, tie.replace(secret_ballot=True).failure
    (True, <VoteFailure.TIE: 'tie'>)

    The four fields after the counts are optional; left out, a tie fails, a quorum is
    required, and the deliberation takes force the day it is voted.
    """

    decided_on: dt.date = attrs.field(converter=_decided_on_from)
    members_in_office: int = attrs.field(converter=_members_in_office_from)
    present: int = attrs.field(converter=_present_from)
    proxies: int = attrs.field(converter=_proxies_from)
    votes_for: int = attrs.field(converter=_votes_for_from)
    votes_against: int = attrs.field(converter=_votes_against_from)
    abstentions: int = attrs.field(converter=_abstentions_from)
    not_voting: int = attrs.field(converter=_not_voting_from)
    #: How the president of the session voted: ``True`` for, ``False`` against, ``None`` not known or
    #: neither. It decides a tie (CGCT, L. 2121-20).
    president_voted_for: bool | None = attrs.field(default=None, converter=_president_voted_for_from)
    #: The vote was a secret ballot: the president's vote then does not decide a tie (L. 2121-20).
    secret_ballot: bool = attrs.field(default=False, converter=_secret_ballot_from)
    #: The council met on a second convocation, a first having found no quorum: none is needed (L. 2121-17).
    second_convocation: bool = attrs.field(default=False, converter=_second_convocation_from)
    #: The day the deliberation became executory, made public and transmitted to the prefect (CGCT,
    #: L. 2131-1 and L. 5211-3); ``None``: taken as the day of the vote.
    executory_on: dt.date | None = attrs.field(default=None, converter=_executory_on_from)

    def __attrs_post_init__(self) -> None:
        if self.members_in_office == 0:
            raise InvalidInput("members_in_office", "error.no_member_in_office")
        if self.present > self.members_in_office:
            raise InvalidInput(
                "present", "error.too_many_present", present=str(self.present), members=str(self.members_in_office)
            )
        if self.proxies > self.members_in_office - self.present:
            raise InvalidInput(
                "proxies",
                "error.too_many_proxies",
                proxies=str(self.proxies),
                absent=str(self.members_in_office - self.present),
            )
        self._check_president_and_date()

    def _check_president_and_date(self) -> None:
        if self.president_voted_for is True and self.votes_for == 0:
            raise InvalidInput("president_voted_for", "error.president_for_not_counted")
        if self.president_voted_for is False and self.votes_against == 0:
            raise InvalidInput("president_voted_for", "error.president_against_not_counted")
        if self.executory_on is not None and self.executory_on < self.decided_on:
            raise InvalidInput(
                "executory_on",
                "error.executory_before_vote",
                executory_on=self.executory_on.isoformat(),
                decided_on=self.decided_on.isoformat(),
            )

    def replace(self, **changes: Any) -> Deliberation:
        """A copy with some fields changed, checked like a new vote."""
        try:
            return attrs.evolve(self, **changes)
        except TypeError as error:
            known = ", ".join(field.name for field in attrs.fields(Deliberation))
            raise InvalidInput("", "error.unknown_parameter", detail=str(error), known=known) from None

    @property
    def quorum_reached(self) -> bool:
        """More than half the members in office are present; proxies do not count (CGCT, L. 2121-17)."""
        return self.present * 2 > self.members_in_office

    @property
    def quorum_met(self) -> bool:
        """The quorum is reached, or none was needed: a second convocation (CGCT, L. 2121-17)."""
        return self.second_convocation or self.quorum_reached

    @property
    def votes_consistent(self) -> bool:
        """Votes for and against, abstentions and members not voting add up to present plus proxies."""
        counted = self.votes_for + self.votes_against + self.abstentions + self.not_voting
        return counted == self.present + self.proxies

    @property
    def failure(self) -> VoteFailure | None:
        """Why the vote does not adopt the deliberation, checked in this order; ``None`` when it does."""
        if not self.quorum_met:
            return VoteFailure.QUORUM
        if not self.votes_consistent:
            return VoteFailure.VOTE_COUNT
        if self.votes_for < self.votes_against:
            return VoteFailure.MAJORITY
        if self.votes_for == self.votes_against and (self.secret_ballot or self.president_voted_for is not True):
            return VoteFailure.TIE
        return None

    @property
    def adopted(self) -> bool:
        """The quorum met, the vote arithmetic consistent, and a majority for, a tie decided by the president's vote
        (CGCT, L. 2121-17 and L. 2121-20)."""
        return self.failure is None

    @property
    def decided_by_president(self) -> bool:
        """Whether the vote is adopted on a tie, the president's vote deciding it (CGCT, L. 2121-20)."""
        return self.adopted and self.votes_for == self.votes_against

    @property
    def in_force_on(self) -> dt.date:
        """The day the deliberation takes force: the day it became executory if given, else the day of the vote."""
        return self.decided_on if self.executory_on is None else self.executory_on
