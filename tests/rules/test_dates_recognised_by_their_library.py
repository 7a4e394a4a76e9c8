"""A date out of a table is recognised by its library and its type together: a type of another
library that shares the name of pandas' ``Timestamp`` or numpy's ``datetime64`` is read as what it is."""

from __future__ import annotations

import datetime as dt

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.rules._dates import to_date


class Timestamp(dt.datetime):
    """A date and time of this module, named as pandas names its own."""


class datetime64(str):
    """A text of this module, named as numpy names its dates."""


def test_a_date_and_time_named_like_pandas_but_not_of_pandas_is_refused_as_a_date_and_time() -> None:
    # C1 counts days: a date and time is refused, even at midnight, unless it is pandas' own Timestamp.
    with pytest.raises(InvalidInput) as raised:
        to_date(Timestamp(2022, 9, 29), "as_of")

    assert raised.value.key == "error.date_and_time"
    assert raised.value.path == "as_of"


def test_a_text_named_like_numpy_but_not_of_numpy_is_read_as_text() -> None:
    assert to_date(datetime64("2022-09-29"), "as_of") == dt.date(2022, 9, 29)
