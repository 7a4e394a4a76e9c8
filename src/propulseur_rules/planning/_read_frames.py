"""Spreadsheets of contracts, payments and documents read straight into ``pandas.DataFrame`` objects.

Each function reads its file with the loader of :mod:`propulseur_rules.files`
(``load_contracts_csv`` and the others), so that every check of a loader applies and
an error names the file, the line and the column; the values it returns are then laid
out as a frame of the library's convention (:func:`records_frame`): dates
``datetime64``, amounts in integer cents (``amount_cents``), sectors and kinds of
document as categories. The columns are those a frame is fed back with:
``ScenarioTable.from_frames`` takes the contracts and payments frames as they are.
"""

from __future__ import annotations

import os
from typing import Any

from ..files._load_csv import contracts_read, payments_read
from ..files._spreadsheet_documents import documents_read
from ..rules._documents import DocumentKind
from ..rules._extras import require
from ._frame import records_frame

__all__ = ["read_contracts", "read_documents", "read_payments"]


def read_contracts(path: str | os.PathLike[str]) -> Any:
    """The contracts of a CSV file, ``.xlsx`` or ``.ods`` workbook (by its suffix) as a frame:
    ``reference``, ``startup``, ``siren``,
    ``head_office``, ``sector``, ``applied_on``, ``selected_on``, ``signed_on`` (see ``docs/notebooks.md``)."""
    require("pandas", "frames", "read_contracts")
    contracts = contracts_read(path)[0]
    rows = [
        {
            "reference": contract.reference,
            "startup": contract.startup.name,
            "siren": contract.startup.siren,
            "head_office": contract.startup.head_office,
            "sector": contract.startup.sector.value,
            "applied_on": contract.applied_on,
            "selected_on": contract.selected_on,
            "signed_on": contract.signed_on,
        }
        for contract in contracts
    ]
    columns = ("reference", "startup", "siren", "head_office", "sector", "applied_on", "selected_on", "signed_on")
    return records_frame(rows, columns=columns)


def read_payments(path: str | os.PathLike[str]) -> Any:
    """The payments of a CSV file, ``.xlsx`` or ``.ods`` workbook as a frame: ``reference``, ``paid_on``,
    ``amount_cents``."""
    require("pandas", "frames", "read_payments")
    payments = payments_read(path)[0]
    rows = [{"reference": each.reference, "paid_on": each.paid_on, "amount": each.amount} for each in payments]
    return records_frame(rows, columns=("reference", "paid_on", "amount"))


def read_documents(path: str | os.PathLike[str]) -> Any:
    """The supporting documents received, from a CSV file, ``.xlsx`` or ``.ods`` workbook, as a frame: ``kind`` (a
    category of every kind of document), ``received_on``, ``covers`` (a contract's reference, a programme
    year, or empty)."""
    pandas = require("pandas", "frames", "read_documents")
    documents = documents_read(path)[0]
    rows = [{"received_on": document.received_on, "covers": document.covers} for document in documents]
    frame = records_frame(rows, columns=("received_on", "covers"))
    kinds = [document.kind.value for document in documents]
    frame.insert(0, "kind", pandas.Categorical(kinds, categories=[kind.value for kind in DocumentKind]))
    return frame
