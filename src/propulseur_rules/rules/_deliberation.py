"""The council's vote that grants the aid (C9): the Deliberation and the counts it checks."""

from __future__ import annotations

import datetime as dt

import attrs

from ..words._errors import InvalidInput
from ._dates import to_date
from ._model import _count

__all__ = ["Deliberation"]


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


# --- Deliberation -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Deliberation:
    """The council's vote that grants the aid (C9).

    >>> vote = Deliberation(decided_on=dt.date(2022, 9, 29), members_in_office=86, present=69,
    ...                     proxies=15, votes_for=84, votes_against=0, abstentions=0, not_voting=0)
    >>> vote.quorum_reached, vote.adopted
    (True, True)
    """

    decided_on: dt.date = attrs.field(converter=_decided_on_from)
    members_in_office: int = attrs.field(converter=_members_in_office_from)
    present: int = attrs.field(converter=_present_from)
    proxies: int = attrs.field(converter=_proxies_from)
    votes_for: int = attrs.field(converter=_votes_for_from)
    votes_against: int = attrs.field(converter=_votes_against_from)
    abstentions: int = attrs.field(converter=_abstentions_from)
    not_voting: int = attrs.field(converter=_not_voting_from)

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

    @property
    def quorum_reached(self) -> bool:
        """More than half the members in office are present; proxies do not count."""
        return self.present * 2 > self.members_in_office

    @property
    def votes_consistent(self) -> bool:
        """Votes for and against, abstentions and members not voting add up to present plus proxies."""
        counted = self.votes_for + self.votes_against + self.abstentions + self.not_voting
        return counted == self.present + self.proxies

    @property
    def adopted(self) -> bool:
        """Quorum reached, the vote arithmetic consistent, and more votes for than against."""
        return self.quorum_reached and self.votes_consistent and self.votes_for > self.votes_against
