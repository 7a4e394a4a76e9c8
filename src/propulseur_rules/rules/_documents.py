"""The supporting documents that release money under the financing terms, and their checks.

C3 says the payment « interviendra selon les modalités définies dans la convention
de financement »: under its terms (:class:`~._financing.FinancingTerms`), a copy of
each contract, a financial statement for each programme year and a final report
release the parts of the grant. Here are the documents received, those the terms
require and when, and the checks of the documents against a convention.

Nothing here reads a clock or a file: every function answers from its arguments.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of, shorten, shown
from ._dates import Period, to_date
from ._financing import FinancingTerms, contract_copy_due_on, final_report_due_on, financial_statement_due_on
from ._model import _text

__all__ = [
    "Document",
    "DocumentKind",
    "RequiredDocument",
    "check_documents",
    "first_received",
    "required_documents",
    "to_document_kind",
]


# --- documents --------------------------------------------------------------------


class DocumentKind(enum.Enum):
    """A supporting document (« pièce justificative ») that releases a part of the money.

    ``CONTRACT_COPY`` covers one accompaniment contract (its reference);
    ``FINANCIAL_STATEMENT`` — the annual activity report and financial statement,
    « compte rendu financier » — covers one programme year (its number, from 1);
    ``FINAL_REPORT`` covers the whole convention (``covers`` is ``None``).
    """

    CONTRACT_COPY = "contract_copy"
    FINANCIAL_STATEMENT = "financial_statement"
    FINAL_REPORT = "final_report"

    def label(self, lang: str = "en") -> str:
        """The document's name in English or in French."""
        return say("document." + self.name.lower(), lang)

    def __str__(self) -> str:
        return self.value


def to_document_kind(value: object, path: str = "kind") -> DocumentKind:
    """A :class:`DocumentKind` from a member or its value (``"contract_copy"``, …)."""
    if isinstance(value, DocumentKind):
        return value
    if isinstance(value, str):
        try:
            return DocumentKind(value.strip().lower().replace("-", "_"))
        except ValueError:
            pass
        raise InvalidInput(path, "error.not_a_document_kind_value", value=repr(shorten(value)))
    raise InvalidInput(path, "error.expected_document_kind", type=kind_of(value))


def _year_number(value: object, path: str) -> int:
    if isinstance(value, str) and value.strip().isdecimal() and value.strip().isascii():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(path, "error.not_a_year_number", value=shown(value))
    if not 1 <= value <= 1000:
        raise InvalidInput(path, "error.no_year_number", value=shown(value))
    return value


def _kind_from(value: object) -> DocumentKind:
    return to_document_kind(value, "kind")


def _received_on_from(value: object) -> dt.date:
    return to_date(value, "received_on")


def _covers_of_document(value: object, document: Any) -> str | int | None:
    return _covers(document.kind, value)


def _covers(kind: DocumentKind, value: object) -> str | int | None:
    if kind is DocumentKind.CONTRACT_COPY:
        if not isinstance(value, str):
            raise InvalidInput("covers", "error.copy_covers_contract", value=shown(value))
        return _text(value, "covers")
    if kind is DocumentKind.FINANCIAL_STATEMENT:
        return _year_number(value, "covers")
    if value is not None and not (isinstance(value, str) and not value.strip()):
        raise InvalidInput("covers", "error.final_report_covers_all", value=shown(value))
    return None


@attrs.frozen(kw_only=True)
class Document:
    """A supporting document received from the beneficiary: what it is, when, and what it covers.

    >>> Document(kind="financial_statement", received_on="2023-11-15", covers="1").covers
    1
    >>> Document(kind="contract_copy", received_on="2023-01-10", covers=2)
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: covers: a copy of a contract covers a contract reference, not 2
    """

    kind: DocumentKind = attrs.field(converter=_kind_from)
    received_on: dt.date = attrs.field(converter=_received_on_from)
    # What ``covers`` means depends on ``kind``, set before it: attrs hands the converter the
    # document being built (``takes_self``). mypy's attrs plugin does not read a Converter yet.
    covers: str | int | None = attrs.field(
        default=None,
        converter=attrs.Converter(_covers_of_document, takes_self=True),  # type: ignore[misc]
    )

    @property
    def key(self) -> tuple[DocumentKind, str | int | None]:
        """What the document is about: its kind and what it covers."""
        return (self.kind, self.covers)


# --- what the terms require, and what has come in ---------------------------------


@attrs.frozen(kw_only=True)
class RequiredDocument:
    """A document the terms require, what it covers, and the last day to send it."""

    kind: DocumentKind
    covers: str | int | None
    due_on: dt.date

    @property
    def key(self) -> tuple[DocumentKind, str | int | None]:
        """What the document is about: its kind and what it covers, as :attr:`Document.key`."""
        return (self.kind, self.covers)

    def overdue(self, as_of: dt.date, received: dt.date | None) -> bool:
        """Whether, on ``as_of``, the document has not come in and its last day has passed."""
        return (received is None or received > as_of) and as_of > self.due_on


def required_documents(
    terms: FinancingTerms,
    *,
    period: Period,
    years: Sequence[Period],
    contracts: Mapping[str, dt.date],
) -> tuple[RequiredDocument, ...]:
    """Every document the terms require, ordered by due date then kind and what it covers.

    ``contracts`` maps each contract reference to its signature day (the funded
    contracts: the others release no grant and need no copy).

    >>> period = Period(start=dt.date(2022, 7, 1), end=dt.date(2025, 6, 30))
    >>> needed = required_documents(FinancingTerms(), period=period, years=period.years(),
    ...                              contracts={"PMT-01": dt.date(2022, 9, 15)})
    >>> [(str(d.kind), d.covers, d.due_on.isoformat()) for d in needed]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('contract_copy', 'PMT-01', '2022-10-15'), ('financial_statement', 1, '2023-12-31'),
     ('financial_statement', 2, '2024-12-31'), ('financial_statement', 3, '2025-12-31'),
     ('final_report', None, '2025-12-31')]
    """
    needed = [
        RequiredDocument(kind=DocumentKind.CONTRACT_COPY, covers=reference, due_on=contract_copy_due_on(signed, terms))
        for reference, signed in contracts.items()
    ]
    needed.extend(
        RequiredDocument(
            kind=DocumentKind.FINANCIAL_STATEMENT, covers=index, due_on=financial_statement_due_on(year, terms)
        )
        for index, year in enumerate(years, start=1)
    )
    needed.append(
        RequiredDocument(kind=DocumentKind.FINAL_REPORT, covers=None, due_on=final_report_due_on(period, terms))
    )
    order = list(DocumentKind)
    return tuple(
        sorted(
            needed,
            key=lambda doc: (
                doc.due_on,
                order.index(doc.kind),
                doc.covers if isinstance(doc.covers, int) else 0,
                doc.covers if isinstance(doc.covers, str) else "",
            ),
        )
    )


def first_received(
    documents: Iterable[Document], as_of: dt.date | None = None
) -> dict[tuple[DocumentKind, str | int | None], dt.date]:
    """The first day each document (its kind and what it covers) came in, by ``as_of`` if given.

    A document sent twice counts from the first time.

    >>> days = ("2023-03-01", "2023-02-01")
    >>> copies = [Document(kind="contract_copy", received_on=day, covers="PMT-01") for day in days]
    >>> first_received(copies)
    {(<DocumentKind.CONTRACT_COPY: 'contract_copy'>, 'PMT-01'): datetime.date(2023, 2, 1)}
    """
    first: dict[tuple[DocumentKind, str | int | None], dt.date] = {}
    for document in documents:
        if as_of is None or document.received_on <= as_of:
            first[document.key] = min(document.received_on, first.get(document.key, document.received_on))
    return first


def check_documents(
    documents: Iterable[object],
    *,
    contract_references: Iterable[str],
    year_count: int,
    financing_signed_on: dt.date | None = None,
) -> tuple[Document, ...]:
    """The documents, each checked against the convention; :class:`InvalidInput` naming ``documents[i]``.

    A copy of a contract the convention does not know, a financial statement for a
    year it does not have, or a document received before the financing convention
    was signed, makes no sense.

    >>> check_documents([Document(kind="financial_statement", received_on="2023-10-01", covers=4)],
    ...                 contract_references=[], year_count=3)
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: documents[0].covers: the convention has no programme year 4; it has 3
    """
    known = frozenset(contract_references)
    checked = []
    for index, document in enumerate(documents):
        path = f"documents[{index}]"
        if not isinstance(document, Document):
            raise InvalidInput(path, "error.expected_document", type=kind_of(document))
        if document.kind is DocumentKind.CONTRACT_COPY and document.covers not in known:
            raise InvalidInput(f"{path}.covers", "error.not_a_contract_of_convention", value=shown(document.covers))
        if (
            document.kind is DocumentKind.FINANCIAL_STATEMENT
            and isinstance(document.covers, int)
            and document.covers > year_count
        ):
            raise InvalidInput(
                f"{path}.covers", "error.no_such_programme_year", year=str(document.covers), count=str(year_count)
            )
        if financing_signed_on is not None and document.received_on < financing_signed_on:
            raise InvalidInput(
                f"{path}.received_on",
                "error.before_financing_signed",
                day=document.received_on.isoformat(),
                signed=financing_signed_on.isoformat(),
            )
        checked.append(document)
    return tuple(checked)
