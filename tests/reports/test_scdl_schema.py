"""The CSV export validated against the published schema of SCDL « subventions » 2.1.1 itself.

The schema ships with the package (``data/scdl_subventions_2.1.1.schema.json``, copied
byte for byte from schema.data.gouv.fr); frictionless, the reference validator of Table
Schema, checks each cell against it. The schema's ``custom_checks`` are not Table
Schema: they are checked here as the schema names them, the SIRET key worked out digit
by digit with no code of the library.

The SIRET numbers are fictitious: 22222222200002 from the right, doubling every second
digit, 2 + 0 + 0 + 0 + 0 + 4 + 2 + 4 + 2 + 4 + 2 + 4 + 2 + 4 = 30; 55555555500005:
5 + 0 + 0 + 0 + 0 + (10→1) + 5 + 1 + 5 + 1 + 5 + 1 + 5 + 1 = 30; both multiples of 10.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from importlib import resources
from typing import Any

import frictionless  # in the test extra: a missing one fails the tests, never skips them
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules import DIJON_2022, Period
from propulseur_rules.example import EXAMPLE_CONVENTION
from propulseur_rules.reports._scdl import (
    NATURES,
    SCDL_FIELDS,
    SCDL_REQUIRED,
    SCDL_VERSION,
    example_scdl_inputs,
    scdl_csv,
    scdl_record,
)

SCHEMA_TEXT = (resources.files("propulseur_rules") / "data" / "scdl_subventions_2.1.1.schema.json").read_text("utf-8")
DESCRIPTOR: dict[str, Any] = json.loads(SCHEMA_TEXT)
SCHEMA = frictionless.Schema.from_descriptor(DESCRIPTOR)


def luhn(digits: str) -> bool:
    """The Luhn key, as the schema's ``french-siret-value`` check requires it of a SIRET."""
    total = 0
    for index, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def errors_of(text: str) -> list[list[Any]]:
    """Every error frictionless finds in the CSV ``text``, as [row, field, type], then the custom checks'."""
    report = frictionless.Resource(text.encode("utf-8"), format="csv", encoding="utf-8", schema=SCHEMA).validate()
    found: list[list[Any]] = report.flatten(["rowNumber", "fieldName", "type"])
    resource = frictionless.Resource(text.encode("utf-8"), format="csv", encoding="utf-8", schema=SCHEMA)
    rows = list(resource.read_rows())
    for check in DESCRIPTOR["custom_checks"]:
        params = check["params"]
        for number, row in enumerate(rows, start=2):
            if check["name"] == "french-siret-value":
                value = row[params["column"]]
                if value is not None and not luhn(str(value)):
                    found.append([number, params["column"], check["name"]])
            elif (
                check["name"] == "one-of-required" and row[params["column1"]] is None and row[params["column2"]] is None
            ):
                found.append([number, params["column1"], check["name"]])
            elif check["name"] not in ("french-siret-value", "one-of-required"):
                found.append([None, None, "unknown custom check " + check["name"]])
    return found


def test_the_vendored_schema_is_version_2_1_1_with_the_module_s_columns() -> None:
    assert DESCRIPTOR["version"] == SCDL_VERSION == "2.1.1"
    assert tuple(field["name"] for field in DESCRIPTOR["fields"]) == SCDL_FIELDS
    required = {field["name"] for field in DESCRIPTOR["fields"] if field.get("constraints", {}).get("required")}
    assert required == SCDL_REQUIRED
    (nature,) = (field for field in DESCRIPTOR["fields"] if field["name"] == "nature")
    assert tuple(nature["constraints"]["enum"]) == NATURES


def test_the_built_in_example_passes_the_published_schema() -> None:
    text = scdl_csv([scdl_record(EXAMPLE_CONVENTION, **example_scdl_inputs(), eu_notified=False)])

    assert errors_of(text) == []


def test_the_validator_does_find_what_the_schema_forbids() -> None:
    text = scdl_csv([scdl_record(EXAMPLE_CONVENTION, **example_scdl_inputs(), eu_notified=False)])
    header, row, _ = text.split("\r\n")
    cells = row.split(",")
    cells[SCDL_FIELDS.index("notificationUE")] = "no"
    cells[SCDL_FIELDS.index("rnaBeneficiaire")] = "W1"
    cells[SCDL_FIELDS.index("idBeneficiaire")] = "98765432400002"

    found = errors_of("\r\n".join([header, ",".join(cells), ""]))

    assert sorted(error[1] for error in found) == ["idBeneficiaire", "notificationUE", "rnaBeneficiaire"]


def test_the_fourteen_columns_of_2_0_2_fail_the_published_schema() -> None:
    # What the export wrote before 2.1.1: the columns without rnaBeneficiaire and dispositifAide.
    old = [name for name in SCDL_FIELDS if name not in ("rnaBeneficiaire", "dispositifAide")]
    record = scdl_record(EXAMPLE_CONVENTION, **example_scdl_inputs(), eu_notified=False)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([old, [record[name] for name in old]])

    found = errors_of(buffer.getvalue())

    # Columns 7 to 14 of the old file are not the schema's (8 wrong labels), its 15th and 16th
    # are missing (2): 10 errors of the header, and the cells under the wrong labels fail too.
    labels = [error for error in found if error[2] in ("incorrect-label", "missing-label")]
    assert len(labels) == 8 + 2
    assert [error for error in found if error[0] == 2] != []


def sirets() -> st.SearchStrategy[str]:
    """14 digits whose Luhn key is right: 13 drawn, the last one the digit that completes the key."""

    def completed(stem: str) -> str:
        return next(stem + digit for digit in "0123456789" if luhn(stem + digit))

    return st.text("0123456789", min_size=13, max_size=13).map(completed)


texts = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=300)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2024, 12, 31))


@st.composite
def inputs(draw: st.DrawFn) -> dict[str, object]:
    """The inputs of a record: identifiers, optional texts, a share, a nature, perhaps a payment period."""
    beneficiary = draw(st.one_of(st.none(), sirets()))
    rna = draw(st.from_regex(r"W[0-9]{9}", fullmatch=True)) if beneficiary is None else draw(st.none())
    start = draw(days)
    period = draw(
        st.one_of(st.none(), st.just(start), days.map(lambda end: Period(start=min(start, end), end=max(start, end))))
    )
    return {
        "funder_siret": draw(sirets()),
        "beneficiary_siret": beneficiary,
        "beneficiary_rna": rna,
        "convention_signed_on": draw(st.dates(min_value=dt.date(2017, 8, 1), max_value=dt.date(2025, 6, 30))),
        "eu_notified": draw(st.booleans()),
        "decision_reference": draw(st.one_of(st.none(), texts)),
        "purpose": draw(st.one_of(st.none(), texts.filter(lambda text: 0 < len(" ".join(text.split())) <= 256))),
        "nature": draw(st.sampled_from(NATURES)),
        "payment_conditions": draw(st.sampled_from(["unique", "échelonné", "autre", 'en trois fois, "solde" final'])),
        "payment_period": period,
        "rae_id": draw(st.one_of(st.none(), st.from_regex(r"[0-9]{1,5}", fullmatch=True))),
        "share": Decimal(draw(st.integers(1, 100))) / 100,
        "aid_scheme": draw(st.one_of(st.none(), texts)),
        "regional_authorisation_on": draw(st.one_of(st.none(), days)),
    }


# Each example runs the validator on a file: a tenth of the profile's examples, at least 10.
@settings(max_examples=max(10, settings.default.max_examples // 10))
@given(arguments=inputs(), financed=st.booleans())
def test_any_record_the_library_writes_passes_the_published_schema(
    arguments: dict[str, object], financed: bool
) -> None:
    convention = EXAMPLE_CONVENTION if financed else DIJON_2022

    text = scdl_csv([scdl_record(convention, **arguments)])  # type: ignore[arg-type]

    assert errors_of(text) == []
