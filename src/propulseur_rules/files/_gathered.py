"""Every input read before any is refused: the errors of several files and options gathered into one.

A file or option that cannot be read leaves its error in a list and the others
are read all the same; then one error is raised, a lone one as it is and several
together as :class:`InputsWrong`, each on its own line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from ..words._errors import InvalidInput, Listed
from ._load_files import _FileError, _in_file

__all__ = ["InputsWrong", "all_wrong", "attempt"]

_Read = TypeVar("_Read")


def attempt(errors: list[InvalidInput], read: Callable[[], _Read]) -> _Read | None:
    """What ``read`` returns, or ``None`` with its error kept in ``errors``: every input is read before any
    is refused."""
    try:
        return read()
    except InvalidInput as error:
        errors.append(error)
        return None


class InputsWrong(InvalidInput):
    """Several inputs refused at once, each error in :attr:`errors`: its message lists them one a line.

    >>> error = InputsWrong([InvalidInput("a.csv:2: Montant", "error.empty"), InvalidInput("--as-of", "error.empty")])
    >>> print(error.message("fr"))
    2 entrées sont fausses :
      a.csv:2: Montant: est vide
      --as-of: est vide
    """

    def __init__(self, errors: Iterable[InvalidInput]) -> None:
        self.errors = tuple(errors)
        listed = Listed(self.errors, "inputs.errors_joint")
        super().__init__("", "error.inputs_wrong", count=str(len(self.errors)), errors=listed)

    def placed_in(self, source: str | None) -> InputsWrong:
        """The same errors as read from the file ``source`` (a scenario file): an error that names its own file
        (one the scenario names) as it is, any other placed in ``source``."""
        return InputsWrong(_placed(error, source) for error in self.errors)

    def __reduce__(self) -> tuple[object, ...]:
        return (InputsWrong, (self.errors,))


def _placed(error: InvalidInput, source: str | None) -> InvalidInput:
    """One error as read from the file ``source``: one that names its own file as it is, any other placed in it."""
    if isinstance(error, _FileError):
        return error.plain()
    return error if source is None else _in_file(source, error).plain()


def all_wrong(errors: list[InvalidInput]) -> InvalidInput:
    """The one error of every input refused: a lone error as it is, several together (:class:`InputsWrong`),
    those of a scenario file among them each on its own."""
    flat = [each for error in errors for each in (error.errors if isinstance(error, InputsWrong) else (error,))]
    # An error said twice (one missing file named by two options) is said once.
    said = {each.message("en"): each for each in reversed(flat)}
    once = [each for each in flat if said[each.message("en")] is each]
    return once[0] if len(once) == 1 else InputsWrong(once)
