"""Every input read before any is refused (issue: every error of every input at once), each error said once."""

from __future__ import annotations

from propulseur_rules.files._gathered import InputsWrong, all_wrong
from propulseur_rules.words._errors import InvalidInput


def test_one_missing_file_named_by_two_options_is_one_error() -> None:
    missing = [InvalidInput("assess", "error.no_such_file"), InvalidInput("assess", "error.no_such_file")]

    error = all_wrong(missing)

    assert not isinstance(error, InputsWrong)
    assert str(error) == str(missing[0])


def test_two_different_errors_stay_two_in_the_order_read() -> None:
    errors = [
        InvalidInput("a.csv", "error.no_such_file"),
        InvalidInput("--as-of", "error.empty"),
        InvalidInput("a.csv", "error.no_such_file"),
    ]

    error = all_wrong(errors)

    assert isinstance(error, InputsWrong)
    assert [str(each) for each in error.errors] == [str(errors[0]), str(errors[1])]
