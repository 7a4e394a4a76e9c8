"""The ``export`` subcommand: the convention's subsidy as one record of the SCDL « subventions », checked."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from ..files._assemble import example_scenario
from ..files._forms import day
from ..files._load import load_scenario, scenario_from_text
from ..files._requests import STDIN, read_request
from ..files._scenario import Scenario
from ..reports._scdl import ScdlInputError, example_scdl_inputs, scdl_csv, scdl_json, scdl_record
from ..rules._dates import Period
from ..words._catalogue import say
from ..words._errors import InvalidInput, PropulseurRulesError
from ._output import (
    EXIT_OK,
    PROG,
    fail,
    refused,
    write_output,
)

__all__ = ["run_export"]


#: Each input of the SCDL record: its option on the command line and the SCDL column it fills.
_SCDL_OPTIONS = {
    "funder_siret": ("--funder-siret", "idAttribuant"),
    "beneficiary_siret": ("--beneficiary-siret", "idBeneficiaire"),
    "beneficiary_rna": ("--beneficiary-rna", "rnaBeneficiaire"),
    "convention_signed_on": ("--convention-signed-on", "dateConvention"),
    "eu_notified": ("--eu-notified", "notificationUE"),
    "decision_reference": ("--decision-reference", "referenceDecision"),
    "purpose": ("--purpose", "objet"),
    "payment_period": ("--payment-period", "datesPeriodeVersement"),
    "rae_id": ("--rae-id", "idRAE"),
    "aid_scheme": ("--aid-scheme", "dispositifAide"),
}

#: The texts given as they are, each by its option.
_SCDL_TEXTS = ("beneficiary_rna", "decision_reference", "purpose", "rae_id", "aid_scheme")

#: The facts of a scenario an SCDL record takes: its input name to the scenario's field.
_SCENARIO_FACTS = {
    "convention_signed_on": "financing_signed_on",
    "regional_authorisation_on": "regional_authorisation_on",
}


def run_export(arguments: argparse.Namespace) -> int:
    """``export --format scdl-csv|scdl-json``: the convention's subsidy as one SCDL record, checked, written whole.

    A record that holds the built-in example's fictitious identifiers is refused unless
    ``--example-identifiers`` says it is an example; it is then written with a note saying so.
    """
    try:
        scenario = _export_scenario(arguments.file)
        record, fictitious = _scdl_record(arguments, scenario)
        if fictitious and not arguments.example_identifiers:
            return fail(say("error.scdl_example_identifiers", arguments.lang), arguments.lang)
        if arguments.format == "scdl-csv":
            content = scdl_csv([record]).encode("utf-8")
        else:
            content = (scdl_json([record]) + "\n").encode("utf-8")
        write_output(arguments, content)
    except ScdlInputError as error:
        option = _SCDL_OPTIONS.get(error.path, (None, None))[0]
        return fail(error.message(arguments.lang, path=option), arguments.lang)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    if fictitious:
        print(f"{PROG}: {say('note.scdl_example_identifiers', arguments.lang, values=fictitious)}", file=sys.stderr)
    return EXIT_OK


def _scdl_record(arguments: argparse.Namespace, scenario: Scenario) -> tuple[dict[str, str], str]:
    """The SCDL record, and the built-in example's fictitious values it holds (empty if none).

    The inputs the deliberation does not give come from the options and the scenario: its
    signature day and regional authorisation, when it has them; the built-in example gives
    its fictitious SIRETs and invented signature day too. An option overrides either.
    """
    facts: dict[str, object] = dict(example_scdl_inputs()) if arguments.file is None else {}
    for name, field in _SCENARIO_FACTS.items():
        if getattr(scenario, field) is not None:
            facts[name] = getattr(scenario, field)
    for name in ("funder_siret", "beneficiary_siret", *_SCDL_TEXTS):
        if getattr(arguments, name) is not None:
            facts[name] = getattr(arguments, name)
    if arguments.convention_signed_on is not None:
        facts["convention_signed_on"] = _scdl_day(arguments.convention_signed_on, "convention_signed_on")
    signed_on = facts.get("convention_signed_on")
    authorised_on = facts.get("regional_authorisation_on")
    record = scdl_record(
        scenario.convention,
        funder_siret=_text_or_none(facts.get("funder_siret")),
        beneficiary_siret=_text_or_none(facts.get("beneficiary_siret")),
        convention_signed_on=signed_on if isinstance(signed_on, dt.date) else None,
        eu_notified=_yes_or_no(arguments.eu_notified),
        payment_period=_payment_period(arguments.payment_period),
        regional_authorisation_on=authorised_on if isinstance(authorised_on, dt.date) else None,
        beneficiary_rna=_text_or_none(facts.get("beneficiary_rna")),
        decision_reference=_text_or_none(facts.get("decision_reference")),
        purpose=_text_or_none(facts.get("purpose")),
        rae_id=_text_or_none(facts.get("rae_id")),
        aid_scheme=_text_or_none(facts.get("aid_scheme")),
    )
    invented_day = arguments.file is None and arguments.convention_signed_on is None
    return record, _fictitious_values(record, invented_day=invented_day)


def _fictitious_values(record: dict[str, str], *, invented_day: bool) -> str:
    """The built-in example's SIRETs that ``record`` holds, and its signature day if taken from the example."""
    example = example_scdl_inputs()
    held = [
        record["idAttribuant"] if record["idAttribuant"] == example["funder_siret"] else "",
        record["idBeneficiaire"] if record["idBeneficiaire"] == example["beneficiary_siret"] else "",
        record["dateConvention"] if invented_day else "",
    ]
    return ", ".join(value for value in held if value)


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _export_scenario(file: str | None) -> Scenario:
    if file is None:
        return example_scenario()
    if file == "-":
        return scenario_from_text(read_request(sys.stdin), ".json", source=STDIN)
    return load_scenario(file)


def _scdl_day(text: str, name: str) -> dt.date:
    """A day of the record, or an error naming its option and SCDL column."""
    option, column = _SCDL_OPTIONS[name]
    try:
        return day(text, option)
    except InvalidInput as error:
        raise ScdlInputError(name, column, error.key, **error.values) from None


def _payment_period(text: str | None) -> Period | dt.date | None:
    """``--payment-period``: one day, or two joined by ``/``; none leaves the record its expected period."""
    if text is None:
        return None
    parts = text.split("/")
    if len(parts) > 2 or not all(part.strip() for part in parts):
        value = repr(" ".join(text.split())[:40])
        raise ScdlInputError("payment_period", "datesPeriodeVersement", "error.not_a_payment_period", value=value)
    days = [_scdl_day(part, "payment_period") for part in parts]
    if len(days) == 1:
        return days[0]
    if days[1] < days[0]:
        raise ScdlInputError("payment_period", "datesPeriodeVersement", "error.period_ends_before_start")
    return Period(start=days[0], end=days[1])


def _yes_or_no(text: str | None) -> bool | None:
    """``--eu-notified``: yes or no, in English or French; none is left to the record, which requires it."""
    if text is None:
        return None
    answer = text.strip().lower()
    if answer in ("yes", "oui", "true"):
        return True
    if answer in ("no", "non", "false"):
        return False
    raise ScdlInputError(
        "eu_notified", "notificationUE", "error.not_yes_or_no", value=repr(" ".join(text.split())[:40])
    )
