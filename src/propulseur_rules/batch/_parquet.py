"""Parquet files of scenarios, contracts and payments, read with ``pyarrow.parquet``.

The tables have the columns of :meth:`ScenarioTable.from_frames`; a file that
cannot be read raises :class:`InvalidInput` naming its table and saying why in the words of each
language, never a pyarrow error nor its English text.
"""

from __future__ import annotations

from typing import Any

from ..rules._extras import require
from ..words._errors import InvalidInput, Worded, kind_of, shown

__all__ = ["read_parquet_tables"]


def read_parquet_tables(**sources: Any) -> dict[str, Any]:
    """Each source (a path, a folder of files or a file object) as a ``pyarrow.Table``; ``None`` stays ``None``."""
    pyarrow = require("pyarrow", "arrow", Worded("error.feature_arrow"))
    parquet = require("pyarrow.parquet", "arrow", Worded("error.feature_arrow"))
    tables: dict[str, Any] = {}
    for name, source in sources.items():
        if source is None:
            tables[name] = None
            continue
        try:
            tables[name] = parquet.read_table(source)
        except (OSError, ValueError, TypeError, pyarrow.ArrowException) as error:
            raise _unreadable(name, source, error, pyarrow) from None
    return tables


def _unreadable(name: str, source: Any, error: Exception, pyarrow: Any) -> InvalidInput:
    """The error of a source pyarrow could not read, in the words of each language rather than pyarrow's own:
    not a path or a file object, no such file, not Parquet (or damaged), else only that it cannot be read."""
    if isinstance(error, TypeError):
        return InvalidInput(name, "error.parquet_not_a_source", type=kind_of(source))
    if isinstance(error, FileNotFoundError):
        return InvalidInput(name, "error.parquet_missing", value=shown(str(source), 80))
    if isinstance(error, pyarrow.ArrowInvalid):
        return InvalidInput(name, "error.parquet_damaged")
    return InvalidInput(name, "error.unreadable_parquet")
