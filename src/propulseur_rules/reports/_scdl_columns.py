"""The columns of SCDL « subventions » 2.1.1 and the rules of its schema that name no French value.

The schema ships in ``propulseur_rules/data/scdl_subventions_2.1.1.schema.json``; its
names, order, patterns and lengths are written here, and checked by
:func:`~._scdl.validate_scdl_record` with the allowed values of ``nature``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..rules._model import luhn_valid
from ..words._errors import InvalidInput, kind_of, shown

__all__ = [
    "SCDL_FIELDS",
    "SCDL_REQUIRED",
    "SCDL_VERSION",
    "check_columns",
    "check_day",
    "check_identifiers",
    "check_texts",
    "rna_valid",
    "siret_valid",
]

#: The version of the SCDL « subventions » schema these records follow.
SCDL_VERSION = "2.1.1"

#: The columns of the schema, in its order.
SCDL_FIELDS: tuple[str, ...] = (
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
    "dispositifAide",
)

#: The columns the schema marks ``required``; of the others, ``idBeneficiaire`` or ``rnaBeneficiaire`` must be filled.
SCDL_REQUIRED: frozenset[str] = frozenset(SCDL_FIELDS) - {
    "referenceDecision",
    "idBeneficiaire",
    "rnaBeneficiaire",
    "idRAE",
    "dispositifAide",
}

#: The schema's patterns: ``idAttribuant`` and ``idBeneficiaire`` (``^\\d{14}$``, in ASCII digits),
#: ``rnaBeneficiaire`` (``^W\\d{9}$``), ``datesPeriodeVersement`` (a day or two joined by ``/``); a number
#: with a point; the ``maxLength`` of ``objet`` and ``conditionsVersement``, and of ``idRAE``.
SIRET = re.compile(r"\d{14}", re.ASCII)
RNA = re.compile(r"W\d{9}", re.ASCII)
ISO_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
DAY_OR_PERIOD = re.compile(rf"({ISO_DAY})(/({ISO_DAY}))?", re.ASCII)
NUMBER = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?", re.ASCII)
MAX_TEXT = 256
MAX_RAE = 5
#: Controls (Unicode Cc) and lone surrogates (Cs): no UTF-8 file can hold the latter, no cell the former.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
SURROGATE = re.compile("[\ud800-\udfff]")


def siret_valid(value: str) -> bool:
    """Whether ``value`` is a SIRET: 14 ASCII digits whose Luhn key is right.

    >>> siret_valid("12345678200002"), siret_valid("12345678200003"), siret_valid("1234567820000")
    (True, False, False)
    """
    return bool(SIRET.fullmatch(value)) and luhn_valid(value)


def rna_valid(value: str) -> bool:
    """Whether ``value`` is an RNA number as the schema writes it: ``W`` and 9 ASCII digits.

    >>> rna_valid("W212000123"), rna_valid("w212000123"), rna_valid("W21200012")
    (True, False, False)
    """
    return bool(RNA.fullmatch(value))


def check_identifiers(record: Mapping[str, str]) -> None:
    """The SIRETs with their key, the RNA number, and ``idBeneficiaire`` or ``rnaBeneficiaire`` filled."""
    for name in ("idAttribuant", "idBeneficiaire"):
        if (name == "idAttribuant" or record[name]) and not siret_valid(record[name]):
            raise InvalidInput(name, "error.not_a_siret_with_key", value=shown(record[name]))
    if record["rnaBeneficiaire"] and not rna_valid(record["rnaBeneficiaire"]):
        raise InvalidInput("rnaBeneficiaire", "error.not_an_rna", value=shown(record["rnaBeneficiaire"]))
    if not record["idBeneficiaire"] and not record["rnaBeneficiaire"]:
        raise InvalidInput("idBeneficiaire", "error.scdl_siret_or_rna_empty")


def check_columns(record: Mapping[str, str]) -> None:
    """Every column of SCDL subventions, in its order, each a text, the required ones not empty."""
    for name in SCDL_FIELDS:
        if name not in record:
            raise InvalidInput(name, "error.column_missing")
    if tuple(record) != SCDL_FIELDS:
        extra = [name for name in record if name not in SCDL_FIELDS]
        if extra:
            raise InvalidInput(str(extra[0]), "error.not_a_scdl_column")
        raise InvalidInput("", "error.scdl_order", columns=", ".join(SCDL_FIELDS))
    for name in SCDL_FIELDS:
        value = record[name]
        if not isinstance(value, str):
            raise InvalidInput(name, "error.expected_text", type=kind_of(value))
        if name in SCDL_REQUIRED and not value.strip():
            raise InvalidInput(name, "error.scdl_required_empty")


def check_texts(record: Mapping[str, str]) -> None:
    """The free texts: within their lengths, on one line."""
    for name, limit in (
        ("objet", MAX_TEXT),
        ("conditionsVersement", MAX_TEXT),
        ("idRAE", MAX_RAE),
        ("nomAttribuant", None),
        ("nomBeneficiaire", None),
        ("referenceDecision", None),
        ("dispositifAide", None),
    ):
        if limit is not None and len(record[name]) > limit:
            raise InvalidInput(name, "error.scdl_text_too_long", length=str(len(record[name])), limit=str(limit))
        if "\n" in record[name] or "\r" in record[name]:
            raise InvalidInput(name, "error.line_break")


def check_day(text: str, path: str) -> dt.date:
    """``text`` as a day of the calendar written AAAA-MM-JJ, or :class:`InvalidInput` on ``path``."""
    if not re.fullmatch(ISO_DAY, text, re.ASCII):
        raise InvalidInput(path, "error.not_a_scdl_date", value=shown(text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(path, "error.not_a_day", value=shown(text)) from None
