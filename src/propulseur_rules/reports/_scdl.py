"""The subsidy as open data: a record of the national « SCDL subventions » format, as CSV or JSON.

Décret n° 2017-779 du 5 mai 2017 lists the essential data of a subsidy convention
that the funder publishes, at the latest three months after its signature; the
arrêté du 17 novembre 2017 points to a reference of formats. The « Socle commun des
données locales » (SCDL) publishes that reference as a table schema, ``schema.json``
of ``opendatafrance/scdl/subventions``; this module follows its version 2.1.1 (a copy
ships in ``propulseur_rules/data``): sixteen columns, in this order, with their types,
patterns and allowed values. ``idBeneficiaire`` (a SIRET) or ``rnaBeneficiaire`` (the
RNA number of an association) must be filled, or both.

``datesPeriodeVersement`` is the period of the payments, not the programme's: from
the first day a payment is possible (not before the programme, the vote, the
signature of the financing convention nor the regional authorisation) to the last
expected payment (the balance, when the final report is due); :mod:`._scdl_dates`
gives the reading.

The SIRET numbers in the examples are fictitious (they pass the Luhn key and
belong to no one we know of): the real ones are inputs, not guesses.

>>> import datetime as dt
>>> from propulseur_rules import DIJON_2022
>>> record = scdl_record(DIJON_2022, funder_siret="12345678200002", beneficiary_siret="98765432400001",
...                      convention_signed_on=dt.date(2022, 11, 1), eu_notified=False)
>>> record["montant"], record["datesPeriodeVersement"], record["notificationUE"]
('195000.00', '2022-11-01/2025-06-30', 'non')
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Iterable, Mapping
from decimal import Decimal

from ..example._example import (
    EXAMPLE_BENEFICIARY_SIRET,
    EXAMPLE_FINANCING_SIGNED_ON,
    EXAMPLE_FUNDER_SIRET,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
)
from ..rules._convention import Convention
from ..rules._dates import Period, to_date, to_optional_date
from ..rules._legal import OPEN_DATA_DEADLINE, OPEN_DATA_ESSENTIAL_DATA, OPEN_DATA_FORMAT, LegalBasis
from ..rules._model import luhn_valid
from ..rules._money import CENT, money_text
from ..words._catalogue import say
from ..words._errors import InvalidInput, Said, kind_of, shorten, shown
from ._scdl_columns import (
    CONTROL,
    DAY_OR_PERIOD,
    MAX_RAE,
    MAX_TEXT,
    NUMBER,
    SCDL_FIELDS,
    SCDL_REQUIRED,
    SCDL_VERSION,
    SIRET,
    SURROGATE,
    check_columns,
    check_day,
    check_identifiers,
    check_texts,
    rna_valid,
    siret_valid,
)
from ._scdl_dates import expected_payment_period, publication_due_on

__all__ = [
    "SCDL_FIELDS",
    "SCDL_REQUIRED",
    "SCDL_VERSION",
    "ScdlInputError",
    "example_scdl_inputs",
    "expected_payment_period",
    "publication_due_on",
    "rna_valid",
    "scdl_csv",
    "scdl_json",
    "scdl_record",
    "siret_valid",
    "validate_scdl_record",
]

#: The allowed values of ``nature``, from the schema's ``enum``.
NATURES: tuple[str, ...] = (
    "aide en numéraire",
    "aide en nature",
    "aide en numéraire;aide en nature",
    "aide en nature;aide en numéraire",
)

#: The values ``conditionsVersement`` names (the schema also allows a free text of up to 256 characters).
PAYMENT_CONDITIONS: tuple[str, ...] = ("unique", "échelonné", "autre")

#: What the SCDL columns publish, and when, by law.
LEGAL_BASES: tuple[LegalBasis, ...] = (OPEN_DATA_ESSENTIAL_DATA, OPEN_DATA_FORMAT, OPEN_DATA_DEADLINE)

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
    """The facts of the built-in example's record that the deliberation does not give: fictitious SIRETs,
    the day its financing convention was signed (``dateConvention``, invented) and the day its regional
    authorisation was validated (the first day of ``datesPeriodeVersement``).

    They are an example's, not Dijon Métropole's or the PMT's: a record made of them is not for publication.

    >>> from propulseur_rules.example import EXAMPLE_CONVENTION
    >>> record = scdl_record(EXAMPLE_CONVENTION, **example_scdl_inputs(), eu_notified=False)
    >>> record["dateConvention"], record["idAttribuant"], record["datesPeriodeVersement"]
    ('2022-11-15', '12345678200002', '2023-02-15/2025-12-31')
    """
    return {
        "funder_siret": EXAMPLE_FUNDER_SIRET,
        "beneficiary_siret": EXAMPLE_BENEFICIARY_SIRET,
        "convention_signed_on": EXAMPLE_FINANCING_SIGNED_ON,
        "regional_authorisation_on": EXAMPLE_REGIONAL_AUTHORISATION_ON,
    }


def _siret(value: object, path: str, field: str, *, required: bool = True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ScdlInputError(path, field, "error.siret_required")
        return ""
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_siret_text", type=kind_of(value))
    digits = "".join(value.split())
    if not SIRET.fullmatch(digits):
        raise ScdlInputError(path, field, "error.not_a_siret", value=repr(shorten(value)))
    if not luhn_valid(digits):
        raise ScdlInputError(path, field, "error.siret_key", value=digits)
    return digits


def _rna(value: object) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    if not isinstance(value, str):
        raise InvalidInput("beneficiary_rna", "error.expected_text", type=kind_of(value))
    text = "".join(value.split()).upper()
    if not rna_valid(text):
        raise ScdlInputError("beneficiary_rna", "rnaBeneficiaire", "error.not_an_rna", value=repr(shorten(value)))
    return text


def _beneficiary(siret: object, rna: object) -> tuple[str, str]:
    """``idBeneficiaire`` and ``rnaBeneficiaire``: either may be empty, not both (the schema's one-of-required)."""
    beneficiary = _siret(siret, "beneficiary_siret", "idBeneficiaire", required=False)
    number = _rna(rna)
    if not beneficiary and not number:
        raise ScdlInputError("beneficiary_siret", "idBeneficiaire", "error.siret_or_rna_required")
    return beneficiary, number


def _optional_text(value: object, path: str, column: str, limit: int | None = MAX_TEXT) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput(path, "error.expected_text", type=kind_of(value))
    text = " ".join(value.split())
    if limit is not None and len(text) > limit:
        raise ScdlInputError(path, column, "error.scdl_text_too_long", length=str(len(text)), limit=str(limit))
    if CONTROL.search(text):
        raise ScdlInputError(path, column, "error.control_character")
    if SURROGATE.search(text):
        raise ScdlInputError(path, column, "error.lone_surrogate")
    return text


def _required_text(value: object, path: str, column: str) -> str:
    text = _optional_text(value, path, column)
    if not text:
        raise ScdlInputError(path, column, "error.scdl_required_empty")
    return text


def _period_text(value: object) -> str:
    if isinstance(value, Period):
        return f"{value.start.isoformat()}/{value.end.isoformat()}"
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    raise InvalidInput("payment_period", "error.expected_period_or_date", type=kind_of(value))


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
    beneficiary_rna: str | None = None,
    aid_scheme: str | None = None,
    regional_authorisation_on: dt.date | str | None = None,
) -> dict[str, str]:
    """The convention as one SCDL record: column name to text, in the schema's column order.

    The funder's SIRET, the beneficiary's SIRET or RNA number, the day the financing
    convention was signed and whether the aid was notified to the European Commission
    are not in the deliberation: they are inputs, and a missing one is an
    :class:`InvalidInput` naming it. The amount is the total cap (C2), the purpose the
    words of C7, the payments :func:`expected_payment_period` unless ``payment_period``
    is given; ``rae_id`` (idRAE) and ``aid_scheme`` (dispositifAide) are optional.
    """
    if not isinstance(convention, Convention):
        raise InvalidInput("convention", "error.expected_convention", type=kind_of(convention))
    if convention_signed_on is None or convention_signed_on == "":
        raise ScdlInputError("convention_signed_on", "dateConvention", "error.convention_signed_on_required")
    signed_on = to_date(convention_signed_on, "convention_signed_on")
    if not isinstance(eu_notified, bool):
        raise ScdlInputError("eu_notified", "notificationUE", "error.eu_notified_required")
    funder = _siret(funder_siret, "funder_siret", "idAttribuant")
    beneficiary, rna = _beneficiary(beneficiary_siret, beneficiary_rna)
    authorised_on = to_optional_date(regional_authorisation_on, "regional_authorisation_on")
    if payment_period is None:
        payment_period = expected_payment_period(
            convention, convention_signed_on=signed_on, regional_authorisation_on=authorised_on
        )
    record = {
        "nomAttribuant": convention.funder,
        "idAttribuant": funder,
        "dateConvention": signed_on.isoformat(),
        "referenceDecision": _optional_text(decision_reference, "decision_reference", "referenceDecision", None),
        "nomBeneficiaire": convention.beneficiary,
        "idBeneficiaire": beneficiary,
        "rnaBeneficiaire": rna,
        "objet": _required_text(DEFAULT_PURPOSE if purpose is None else purpose, "purpose", "objet"),
        "montant": money_text(convention.total_cap),
        "nature": nature,
        "conditionsVersement": _required_text(payment_conditions, "payment_conditions", "conditionsVersement"),
        "datesPeriodeVersement": _period_text(payment_period),
        "idRAE": _optional_text(rae_id, "rae_id", "idRAE", MAX_RAE),
        "notificationUE": "oui" if eu_notified else "non",
        "pourcentageSubvention": _share_text(share),
        "dispositifAide": _optional_text(aid_scheme, "aid_scheme", "dispositifAide", None),
    }
    validate_scdl_record(record)
    return record


def _share_text(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, Decimal | str):
        raise InvalidInput("share", "error.expected_share", type=kind_of(value))
    text = value.strip() if isinstance(value, str) else str(value)
    if not NUMBER.fullmatch(text):
        raise InvalidInput("share", "error.not_a_scdl_share", value=shown(value))
    share = Decimal(text)
    if share != share.quantize(CENT) or not CENT <= share <= 1:
        raise InvalidInput("share", "error.scdl_share_range", value=shown(value))
    return money_text(share)


def validate_scdl_record(record: Mapping[str, str]) -> None:
    """Check one record against the published rules of SCDL subventions 2.1.1; :class:`InvalidInput` names the column.

    Column names and order, required columns, SIRET pattern and Luhn key, the RNA
    pattern, ``idBeneficiaire`` or ``rnaBeneficiaire`` filled, ISO dates that exist,
    ``montant`` and ``pourcentageSubvention`` as numbers with a point (the percentage
    from 0.01 to 1), the allowed ``nature`` values, ``notificationUE`` as ``oui`` or
    ``non``, and the lengths of the free texts.

    >>> validate_scdl_record({"nomAttribuant": "Dijon Métropole"})
    Traceback (most recent call last):
    ...
    propulseur_rules.words._errors.InvalidInput: idAttribuant: the column is missing
    """
    check_columns(record)
    check_identifiers(record)
    check_day(record["dateConvention"], "dateConvention")
    check_texts(record)
    if not NUMBER.fullmatch(record["montant"]):
        raise InvalidInput("montant", "error.not_a_point_number", value=shown(record["montant"]))
    if record["nature"] not in NATURES:
        choices = "; ".join(repr(nature) for nature in NATURES)
        raise InvalidInput("nature", "error.not_one_of", value=shown(record["nature"]), choices=choices)
    match = DAY_OR_PERIOD.fullmatch(record["datesPeriodeVersement"])
    if match is None:
        raise InvalidInput(
            "datesPeriodeVersement", "error.not_a_scdl_period", value=shown(record["datesPeriodeVersement"])
        )
    first = check_day(match.group(1), "datesPeriodeVersement")
    if match.group(3) is not None and check_day(match.group(3), "datesPeriodeVersement") < first:
        raise InvalidInput("datesPeriodeVersement", "error.period_ends_before_start")
    if record["notificationUE"] not in ("oui", "non"):
        raise InvalidInput("notificationUE", "error.not_oui_or_non", value=shown(record["notificationUE"]))
    percentage = record["pourcentageSubvention"]
    if not NUMBER.fullmatch(percentage) or not Decimal("0.01") <= Decimal(percentage) <= 1:
        raise InvalidInput("pourcentageSubvention", "error.not_a_scdl_percentage", value=shown(percentage))


def _checked(records: Iterable[Mapping[str, str]]) -> list[Mapping[str, str]]:
    if isinstance(records, (str, bytes, Mapping)) or not isinstance(records, Iterable):
        raise InvalidInput("records", "error.expected_scdl_records", type=kind_of(records))
    checked = []
    for index, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise InvalidInput(f"[{index}]", "error.expected_scdl_record", type=kind_of(record))
        try:
            validate_scdl_record(record)
        except InvalidInput as error:
            raise error.within(f"[{index}]") from None
        checked.append(record)
    return checked


def scdl_csv(records: Iterable[Mapping[str, str]]) -> str:
    """The records as a CSV text: a header of the sixteen columns, commas, ``"`` quotes, CRLF lines.

    The dialect is the table schema's default, as in the SCDL's own example files.

    >>> print(scdl_csv([]), end="")
    nomAttribuant,idAttribuant,dateConvention,referenceDecision,nomBeneficiaire,idBeneficiaire,rnaBeneficiaire,objet,montant,nature,conditionsVersement,datesPeriodeVersement,idRAE,notificationUE,pourcentageSubvention,dispositifAide
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
