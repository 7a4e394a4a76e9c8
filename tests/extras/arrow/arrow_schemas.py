"""The Arrow schema of a contracts table as a data engineer types it: the tests of Arrow tables share it."""

from __future__ import annotations

import pyarrow as pa

#: The columns of the contracts of many scenarios, dates as days and every other cell as text.
CONTRACT_SCHEMA = pa.schema(
    [
        ("scenario", pa.string()),
        ("reference", pa.string()),
        ("signed_on", pa.date32()),
        ("applied_on", pa.date32()),
        ("selected_on", pa.date32()),
        ("name", pa.string()),
        ("head_office", pa.string()),
        ("sector", pa.string()),
        ("siren", pa.string()),
    ]
)
