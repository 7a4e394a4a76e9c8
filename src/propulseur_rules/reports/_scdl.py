"""The subsidy as open data: a record of the national « SCDL subventions » format, as CSV or JSON.

Décret n° 2017-779 du 5 mai 2017 lists the essential data of a subsidy convention
that the funder publishes; the arrêté du 17 novembre 2017 points to a reference of
formats. The « Socle commun des données locales » (SCDL) publishes that reference
as a table schema, ``schema.json`` of ``scdl/subventions``; this module follows its
version 2.0.2: fourteen columns, in this order, with their types, patterns and
allowed values. Version 2.1.0 adds ``rnaBeneficiaire`` and ``dispositifAide``;
they are not written here.

The SIRET numbers in the examples are fictitious (they pass the Luhn key and
belong to no one we know of): the real ones are inputs, not guesses.

>>> import datetime as dt
>>> from propulseur_rules import DIJON_2022
>>> record = scdl_record(DIJON_2022, funder_siret="12345678200002", beneficiary_siret="98765432400001",
...                      convention_signed_on=dt.date(2022, 11, 1), eu_notified=False)
>>> record["montant"], record["datesPeriodeVersement"], record["notificationUE"]
('195000.00', '2022-07-01/2025-06-30', 'non')
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from ..example._example import EXAMPLE_BENEFICIARY_SIRET, EXAMPLE_FINANCING_SIGNED_ON, EXAMPLE_FUNDER_SIRET
from ..rules._dates import Period, to_date
from ..rules._legal import OPEN_DATA_ESSENTIAL_DATA, OPEN_DATA_FORMAT, LegalBasis
from ..rules._model import luhn_valid
from ..rules._money import CENT, money_text
from ..words._catalogue import say
from ..words._errors import InvalidInput, Said, shorten, shown

if TYPE_CHECKING:
    from ..rules._convention import Convention

__all__ = [
    "SCDL_FIELDS",
    "SCDL_REQUIRED",
    "SCDL_VERSION",
    "ScdlInputError",
    "example_scdl_inputs",
    "scdl_csv",
    "scdl_json",
    "scdl_record",
    "siret_valid",
    "validate_scdl_record",
]

#: The version of the SCDL « subventions » schema these records follow.
SCDL_VERSION = "2.0.2"

#: The columns of the schema, in its order.
SCDL_FIELDS: tuple[str, ...] = (
    "nomAttribuant",
    "idAttribuant",
    "dateConvention",
    "referenceDecision",
    "nomBeneficiaire",
    "idBeneficiaire",
    "objet",
    "montant",
    "nature",
    "conditionsVersement",
    "datesPeriodeVersement",
    "idRAE",
    "notificationUE",
    "pourcentageSubvention",
)

#: The columns the schema marks ``required``: all but ``referenceDecision`` and ``idRAE``.
SCDL_REQUIRED: frozenset[str] = frozenset(SCDL_FIELDS) - {"referenceDecision", "idRAE"}

#: The allowed values of ``nature``, from the schema's ``enum``.
NATURES: tuple[str, ...] = (
    "aide en numéraire",
    "aide en nature",
    "aide en numéraire;aide en nature",
    "aide en nature;aide en numéraire",
)

#: The values ``conditionsVersement`` names (the schema also allows a free text of up to 256 characters).
PAYMENT_CONDITIONS: tuple[str, ...] = ("unique", "échelonné", "autre")

#: What the SCDL columns publish, by law.
LEGAL_BASES: tuple[LegalBasis, ...] = (OPEN_DATA_ESSENTIAL_DATA, OPEN_DATA_FORMAT)

_SIRET = re.compile(r"\d{14}", re.ASCII)
_ISO_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DAY_OR_PERIOD = re.compile(rf"({_ISO_DAY})(/({_ISO_DAY}))?", re.ASCII)
_NUMBER = re.compile(r"(0|[1-9][0-9]*)(\.[0-9]+)?", re.ASCII)
_MAX_TEXT = 256
_MAX_RAE = 5

#: ASSUMPTION: the purpose of the subsidy, in the deliberation's words (C7), cut to the schema's 256 characters.
DEFAULT_PURPOSE = (
    "Subvention au titre de 9 projets accompagnés par le dispositif ProPulseur sur la Métropole dijonnaise : "
    "fonctionnement du dispositif et contrats d'accompagnement de start-ups (délibération du 29 septembre 2022)"
)


class ScdlInputError(InvalidInput):
    """An input of :func:`scdl_record` missing or wrong: its path, the SCDL column it fills, and why.

    >>> error = ScdlInputError("funder_siret", "idAttribuant", "error.required")
    >>> str(error)
    'funder_siret: is required (SCDL column idAttribuant)'
    >>> error.message("fr")
    'funder_siret: est obligatoire (colonne SCDL idAttribuant)'
    >>> error.message("en", path="--funder-siret")
    '--funder-siret: is required (SCDL column idAttribuant)'
    """

    column: str

    def __init__(self, path: str, column: str, key: str, /, **values: str | Said) -> None:
        self.column = column
        super().__init__(path, key, **values)

    def reason_in(self, lang: str) -> str:
        """Why the input is refused, in ``lang``, with the SCDL column it fills."""
        return say("error.scdl_column", lang, reason=super().reason_in(lang), column=self.column)

    def message(self, lang: str = "en", *, path: str | None = None) -> str:
        """The error in ``lang``, its field named ``path`` when given (a command-line option)."""
        return f"{self.path if path is None else path}: {self.reason_in(lang)}"

    def __reduce__(self) -> tuple[object, ...]:
        return (functools.partial(type(self), self.path, self.column, self.key, **self.values), ())


def example_scdl_inputs() -> dict[str, str | dt.date]:
    """The facts of the built-in example's record that the deliberation does not give: fictitious SIRETs and
    the day its financing convention was signed, the record's ``dateConvention``.

    >>> from propulseur_rules.example import EXAMPLE_CONVENTION
    >>> record = scdl_record(EXAMPLE_CONVENTION, **example_scdl_inputs(), eu_notified=False)
    >>> record["dateConvention"], record["idAttribuant"]
    ('2022-11-15', '12345678200002')
    """
    return {
        "funder_siret": EXAMPLE_FUNDER_SIRET,
        "beneficiary_siret": EXAMPLE_BENEFICIARY_SIRET,
        "convention_signed_on": EXAMPLE_FINANCING_SIGNED_ON,
    }


def siret_valid(value: str) -> bool:
    """Whether ``value`` is a SIRET: 14 ASCII digits whose Luhn key is right.

    >>> siret_valid("12345678200002"), siret_valid("12345678200003"), siret_valid("1234567820000")
    (True, False, False)
    """
    return bool(_SIRET.fullmatch(value)) and luhn_valid(value)


def _siret(value: object, path: str, field: str) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ScdlInputError(path, field, "error.siret_required")
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_siret_text", type=type(value).__name__)
    digits = "".join(value.split())
    if not _SIRET.fullmatch(digits):
        raise ScdlInputError(path, field, "error.not_a_siret", value=repr(shorten(value)))
    if not luhn_valid(digits):
        raise ScdlInputError(path, field, "error.siret_key", value=digits)
    return digits


def _optional_text(value: object, path: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_text", type=type(value).__name__)
    text = " ".join(value.split())
    if len(text) > limit:
        raise InvalidInput(path, "error.scdl_text_too_long", length=str(len(text)), limit=str(limit))
    return text


def _period_text(value: object) -> str:
    if isinstance(value, Period):
        return f"{value.start.isoformat()}/{value.end.isoformat()}"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    raise InvalidInput("payment_period", "error.expected_period_or_date", type=type(value).__name__)


def scdl_record(
    convention: Convention,
    *,
    funder_siret: str | None = None,
    beneficiary_siret: str | None = None,
    convention_signed_on: dt.date | str | None = None,
    eu_notified: bool | None = None,
    decision_reference: str | None = None,
    purpose: str | None = None,
    nature: str = "aide en numéraire",
    payment_conditions: str = "échelonné",
    payment_period: Period | dt.date | None = None,
    rae_id: str | None = None,
    share: Decimal | str = Decimal("1.00"),
) -> dict[str, str]:
    """The convention as one SCDL record: column name to text, in the schema's column order.

    The SIRETs, the day the financing convention was signed and whether the aid
    was notified to the European Commission are not in the deliberation: they are
    inputs, and a missing one is an :class:`InvalidInput` naming it. The payment
    period defaults to the convention's period, the amount to its total cap (C2),
    the purpose to the words of C7.

    >>> from propulseur_rules import DIJON_2022
    >>> try:
    ...     scdl_record(DIJON_2022, beneficiary_siret="98765432400001", convention_signed_on="2022-11-01",
    ...                 eu_notified=False)
    ... except InvalidInput as error:
    ...     print(error)
    funder_siret: is required: a SIRET of 14 digits (SCDL column idAttribuant)
    """
    if convention_signed_on is None or convention_signed_on == "":
        raise ScdlInputError("convention_signed_on", "dateConvention", "error.convention_signed_on_required")
    signed_on = to_date(convention_signed_on, "convention_signed_on")
    if not isinstance(eu_notified, bool):
        raise ScdlInputError("eu_notified", "notificationUE", "error.eu_notified_required")
    record = {
        "nomAttribuant": convention.funder,
        "idAttribuant": _siret(funder_siret, "funder_siret", "idAttribuant"),
        "dateConvention": signed_on.isoformat(),
        "referenceDecision": _optional_text(decision_reference, "decision_reference", _MAX_TEXT),
        "nomBeneficiaire": convention.beneficiary,
        "idBeneficiaire": _siret(beneficiary_siret, "beneficiary_siret", "idBeneficiaire"),
        "objet": _optional_text(DEFAULT_PURPOSE if purpose is None else purpose, "purpose", _MAX_TEXT),
        "montant": money_text(convention.total_cap),
        "nature": nature,
        "conditionsVersement": _optional_text(payment_conditions, "payment_conditions", _MAX_TEXT),
        "datesPeriodeVersement": _period_text(convention.period if payment_period is None else payment_period),
        "idRAE": _optional_text(rae_id, "rae_id", _MAX_RAE),
        "notificationUE": "oui" if eu_notified else "non",
        "pourcentageSubvention": _share_text(share),
    }
    validate_scdl_record(record)
    return record


def _share_text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, Decimal | str):
        raise InvalidInput("share", "error.expected_share", type=type(value).__name__)
    text = value.strip() if isinstance(value, str) else str(value)
    if not _NUMBER.fullmatch(text):
        raise InvalidInput("share", "error.not_a_scdl_share", value=shown(value))
    share = Decimal(text)
    if share != share.quantize(CENT) or not CENT <= share <= 1:
        raise InvalidInput("share", "error.scdl_share_range", value=shown(value))
    return money_text(share)


def validate_scdl_record(record: Mapping[str, str]) -> None:
    """Check one record against the published rules of SCDL subventions 2.0.2; :class:`InvalidInput` names the column.

    Column names and order, required columns, SIRET pattern and Luhn key, ISO
    dates that exist, ``montant`` and ``pourcentageSubvention`` as numbers with a
    point (the percentage from 0.01 to 1), the allowed ``nature`` values,
    ``notificationUE`` as ``oui`` or ``non``, and the lengths of the free texts.

    >>> validate_scdl_record({"nomAttribuant": "Dijon Métropole"})
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: idAttribuant: the column is missing
    """
    _check_columns(record)
    for name in ("idAttribuant", "idBeneficiaire"):
        if not siret_valid(record[name]):
            raise InvalidInput(name, "error.not_a_siret_with_key", value=shown(record[name]))
    _check_day(record["dateConvention"], "dateConvention")
    _check_texts(record)
    if not _NUMBER.fullmatch(record["montant"]):
        raise InvalidInput("montant", "error.not_a_point_number", value=shown(record["montant"]))
    if record["nature"] not in NATURES:
        choices = "; ".join(repr(nature) for nature in NATURES)
        raise InvalidInput("nature", "error.not_one_of", value=shown(record["nature"]), choices=choices)
    match = _DAY_OR_PERIOD.fullmatch(record["datesPeriodeVersement"])
    if match is None:
        raise InvalidInput(
            "datesPeriodeVersement", "error.not_a_scdl_period", value=shown(record["datesPeriodeVersement"])
        )
    first = _check_day(match.group(1), "datesPeriodeVersement")
    if match.group(3) is not None and _check_day(match.group(3), "datesPeriodeVersement") < first:
        raise InvalidInput("datesPeriodeVersement", "error.period_ends_before_start")
    if record["notificationUE"] not in ("oui", "non"):
        raise InvalidInput("notificationUE", "error.not_oui_or_non", value=shown(record["notificationUE"]))
    percentage = record["pourcentageSubvention"]
    if not _NUMBER.fullmatch(percentage) or not Decimal("0.01") <= Decimal(percentage) <= 1:
        raise InvalidInput("pourcentageSubvention", "error.not_a_scdl_percentage", value=shown(percentage))


def _check_columns(record: Mapping[str, str]) -> None:
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
            raise InvalidInput(name, "error.expected_text", type=type(value).__name__)
        if name in SCDL_REQUIRED and not value.strip():
            raise InvalidInput(name, "error.scdl_required_empty")


def _check_texts(record: Mapping[str, str]) -> None:
    """The free texts: within their lengths, on one line."""
    for name, limit in (
        ("objet", _MAX_TEXT),
        ("conditionsVersement", _MAX_TEXT),
        ("idRAE", _MAX_RAE),
        ("nomAttribuant", None),
        ("nomBeneficiaire", None),
        ("referenceDecision", None),
    ):
        if limit is not None and len(record[name]) > limit:
            raise InvalidInput(name, "error.scdl_text_too_long", length=str(len(record[name])), limit=str(limit))
        if "\n" in record[name] or "\r" in record[name]:
            raise InvalidInput(name, "error.line_break")


def _check_day(text: str, path: str) -> dt.date:
    if not re.fullmatch(_ISO_DAY, text, re.ASCII):
        raise InvalidInput(path, "error.not_a_scdl_date", value=shown(text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(path, "error.not_a_day", value=shown(text)) from None


def _checked(records: Iterable[Mapping[str, str]]) -> list[Mapping[str, str]]:
    checked = []
    for index, record in enumerate(records):
        try:
            validate_scdl_record(record)
        except InvalidInput as error:
            raise error.within(f"[{index}]") from None
        checked.append(record)
    return checked


def scdl_csv(records: Iterable[Mapping[str, str]]) -> str:
    """The records as a CSV text: a header of the fourteen columns, commas, ``"`` quotes, CRLF lines.

    The dialect is the table schema's default, as in the SCDL's own example files.

    >>> print(scdl_csv([]), end="")
    nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention
    """
    rows = _checked(records)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SCDL_FIELDS)
    for record in rows:
        writer.writerow([record[name] for name in SCDL_FIELDS])
    return buffer.getvalue()


def scdl_json(records: Iterable[Mapping[str, str]]) -> str:
    """The records as a JSON array of objects, each value in its schema type.

    Strings and dates are JSON strings, ``montant`` and ``pourcentageSubvention``
    JSON numbers written exactly as in the CSV (never through a float),
    ``notificationUE`` a boolean, an empty optional column ``null``.

    >>> scdl_json([])
    '[]'
    """
    rows = _checked(records)
    objects = []
    for record in rows:
        members = []
        for name in SCDL_FIELDS:
            value = record[name]
            if name in ("montant", "pourcentageSubvention"):
                literal = value  # checked: digits with an optional point, a valid JSON number
            elif name == "notificationUE":
                literal = "true" if value == "oui" else "false"
            elif not value:
                literal = "null"
            else:
                literal = json.dumps(value, ensure_ascii=False)
            members.append(f'"{name}": {literal}')
        objects.append("{" + ", ".join(members) + "}")
    return "[" + ",\n ".join(objects) + "]"
