"""Parquet files of scenarios, contracts and payments, read with ``pyarrow.parquet``.

The tables have the columns of :meth:`ScenarioTable.from_frames`; a file that
cannot be read raises :class:`InvalidInput` naming its table, never a pyarrow error.
"""

from __future__ import annotations

from typing import Any

from ..rules._extras import require
from ..words._errors import InvalidInput, Worded

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
            raise InvalidInput(name, "error.unreadable_parquet", reason=str(error) or type(error).__name__) from None
    return tables
