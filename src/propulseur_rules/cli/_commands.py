"""The subcommands: each reads its options, asks the library, and prints what the library answered.

Each takes the parsed ``argparse.Namespace`` and returns the exit status
(see :mod:`._output`); the parser (:mod:`._parser`) names the one to run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from typing import TypeVar

from ..files._assemble import ScenarioOptions, assemble, deliberation_alone, example_scenario
from ..files._check import CheckedFile, CheckReport, Verdict, check_scenarios
from ..files._forms import day
from ..files._inputs import Inputs
from ..files._load import load_scenario, scenario_from_text
from ..files._requests import STDIN, read_request, schema_text
from ..files._scenario import Scenario
from ..planning._forecast import EXAMPLE_PIPELINE, Prospect, quantiles_option, render_forecast
from ..planning._outlook import DocumentOutlook
from ..planning._pipeline import load_pipeline
from ..planning._planning import budget_years_to_dict, render_budget_years
from ..planning._readings import Reading, compare_readings, readings_to_dict, render_readings
from ..planning._schedule import schedule
from ..planning._schedule_views import render_schedule, schedule_to_dict
from ..reports._data import payable_bases
from ..reports._render import explain, headline, render
from ..reports._scdl import ScdlInputError, example_scdl_inputs, scdl_csv, scdl_json, scdl_record
from ..reports._statement_layout import statement_html, statement_markdown
from ..rules._clauses import Clause
from ..rules._dates import Period
from ..rules._documents import Document
from ..rules._model import Contract
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import InvalidInput, PropulseurRulesError
from ._output import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    as_json,
    fail,
    refused,
    report,
    status,
    write_output,
)
from ._spreadsheets import run_spreadsheet

__all__ = [
    "run_assess",
    "run_check",
    "run_export",
    "run_forecast",
    "run_readings",
    "run_schedule",
    "run_schema",
    "run_statement",
]

_Result = TypeVar("_Result")


def _assessed(arguments: argparse.Namespace) -> tuple[Inputs, Assessment, Assessment | None]:
    """Where the facts of the case the options describe came from, its assessment, and with financing terms
    assumed the same case under the deliberation alone (the ceiling)."""
    scenario, inputs = _assembled(arguments)
    return inputs, scenario.assess(), deliberation_alone(scenario, inputs)


def _assembled(arguments: argparse.Namespace) -> tuple[Scenario, Inputs]:
    """The scenario the options describe and its inputs; how the files were read told on standard error."""
    scenario, inputs = assemble(ScenarioOptions.of(arguments))
    for notice in inputs.notices:
        print(f"{PROG}: {notice.said(arguments.lang)}", file=sys.stderr)
    return scenario, inputs


def run_assess(arguments: argparse.Namespace) -> int:
    """``assess`` and ``explain``: the assessment of the scenario the options describe, in the format asked."""
    try:
        inputs, assessment, ceiling = _assessed(arguments)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    bases = {"payable_by_basis": payable_bases(assessment, ceiling)}
    if arguments.command == "assess" and arguments.format in ("csv", "xlsx", "ods"):
        return run_spreadsheet(arguments, assessment, inputs.table(bases["payable_by_basis"], arguments.lang))
    markdown = arguments.format == "markdown"
    fictitious = inputs.fictitious
    if arguments.command == "explain":
        output = explain(assessment, arguments.lang, markdown=markdown, ceiling=ceiling, fictitious=fictitious)
    elif arguments.by == "budget-year":
        if arguments.format == "json":
            output = as_json({**budget_years_to_dict(assessment), **bases}, inputs, arguments.lang)
        else:
            output = _budget_years_text(assessment, arguments.lang, markdown, ceiling=ceiling, fictitious=fictitious)
    elif arguments.format == "json":
        output = as_json({**assessment.to_dict(), **bases}, inputs, arguments.lang)
    else:
        output = render(
            assessment,
            arguments.lang,
            markdown=markdown,
            ceiling=ceiling,
            fictitious=fictitious,
            assumed=inputs.assumed_terms if inputs.terms else None,
        )
    if arguments.format != "json":
        output += inputs.render(arguments.lang, markdown=markdown)
    try:
        write_output(arguments, output.encode("utf-8", "backslashreplace"))
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return status(arguments, assessment)


def _budget_years_text(
    assessment: Assessment, lang: str, markdown: bool, *, ceiling: Assessment | None, fictitious: bool
) -> str:
    """The budget years, the headline of the assessment before them (in Markdown, under the title)."""
    text = render_budget_years(assessment, lang, markdown=markdown)
    lead = headline(assessment, lang, ceiling=ceiling, fictitious=fictitious)
    if not lead:
        return text
    if not markdown:
        return "\n".join(lead) + "\n\n" + text
    title, rest = text.split("\n", 1)
    return f"{title}\n\n" + "".join(f"- **{line}**\n" for line in lead) + rest


def run_statement(arguments: argparse.Namespace) -> int:
    """``statement``: the liquidation statement of the payment the assessment allows, Markdown or printable HTML.

    With financing terms assumed, wholly or in part, the same case is also assessed under the
    deliberation alone: the statement shows that payable as the ceiling.
    """
    try:
        inputs, assessment, ceiling = _assessed(arguments)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    write = statement_html if arguments.format == "html" else statement_markdown
    output = write(assessment, inputs, arguments.lang, ceiling=ceiling)
    try:
        write_output(arguments, output.encode("utf-8", "backslashreplace"))
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return EXIT_OK


def run_schedule(arguments: argparse.Namespace) -> int:
    """``schedule``: the dated events at which money accrues or is released."""
    return _scenario_report(
        arguments,
        lambda scenario, inputs: schedule(scenario.convention, scenario.facts()),
        lambda scenario, events: schedule_to_dict(scenario.convention, events),
        lambda scenario, events, markdown: render_schedule(
            scenario.convention, events, arguments.lang, markdown=markdown
        ),
    )


def run_readings(arguments: argparse.Namespace) -> int:
    """``readings``: the figures under every reading of the ambiguous clauses, side by side.

    When any financing term is assumed, the same readings under the deliberation alone follow,
    the ceiling of each: the figures under the assumed terms are a simulation (C3)."""
    return _scenario_report(
        arguments,
        _readings,
        lambda scenario, found: _readings_data(*found),
        lambda scenario, found, markdown: _readings_text(scenario, *found, arguments.lang, markdown),
    )


_Readings = tuple[tuple[Reading, ...], tuple[Reading, ...] | None]


def _readings(scenario: Scenario, inputs: Inputs) -> _Readings:
    """The readings of the case, and of the case under the deliberation alone when its terms are assumed."""
    rows = compare_readings(scenario.convention, scenario.facts())
    if scenario.convention.financing is None or not inputs.terms_assumed:
        return rows, None
    return rows, compare_readings(scenario.convention.replace(financing=None), scenario.facts())


def _readings_data(rows: tuple[Reading, ...], alone: tuple[Reading, ...] | None) -> dict[str, object]:
    data: dict[str, object] = {"readings": readings_to_dict(rows)}
    if alone is not None:
        data["readings_deliberation_alone"] = readings_to_dict(alone)
    return data


def _readings_text(
    scenario: Scenario, rows: tuple[Reading, ...], alone: tuple[Reading, ...] | None, lang: str, markdown: bool
) -> str:
    """The table of the readings; with assumed terms, labelled a simulation, the ceilings' table after it."""
    text = render_readings(scenario.convention, rows, lang, markdown=markdown)
    if alone is None:
        return text
    bold = (lambda line: f"**{line}**") if markdown else (lambda line: line)
    ceiling = render_readings(scenario.convention.replace(financing=None), alone, lang, markdown=markdown)
    return (
        f"{bold(say('inputs.readings.simulation', lang))}\n\n{text}\n"
        f"{bold(say('inputs.readings.ceiling', lang))}\n\n{ceiling}"
    )


def _scenario_report(
    arguments: argparse.Namespace,
    compute: Callable[[Scenario, Inputs], _Result],
    data: Callable[[Scenario, _Result], dict[str, object]],
    text: Callable[[Scenario, _Result, bool], str],
) -> int:
    """Compute something from the scenario the arguments describe and print it as a report."""
    try:
        scenario, inputs = _assembled(arguments)
        result = compute(scenario, inputs)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return report(arguments, inputs, lambda: data(scenario, result), lambda markdown: text(scenario, result, markdown))


def run_forecast(arguments: argparse.Namespace) -> int:
    """``forecast``: futures of the scenario's pipeline and documents, the money releasable and paid by budget year.

    The contracts signed by the scenario's date are certain; one planned after it is too, unless the pipeline
    names it; the documents received by that date are kept and the others drawn. With no scenario file and no
    ``--pipeline``, the pipeline is the built-in example's.
    """
    try:
        from ..batch import forecast, forecast_chart  # the batch extra, needed by this command alone

        scenario, inputs = assemble(ScenarioOptions.of(arguments))
        pipeline = _pipeline(arguments, scenario)
        contracts, documents = _certain(scenario, {prospect.reference for prospect in pipeline})
        result = forecast(
            scenario.convention,
            contracts,
            pipeline,
            regional_authorisation_on=scenario.regional_authorisation_on,
            financing_signed_on=scenario.financing_signed_on,
            documents=documents,
            outlook=_outlook(arguments),
            as_of=scenario.as_of,
            draws=arguments.draws,
            seed=arguments.seed,
            quantiles=quantiles_option(arguments.quantiles),
        )
        if arguments.chart:
            forecast_chart(result, arguments.chart, arguments.lang, as_of=scenario.as_of)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    output = render_forecast(result, arguments.lang)
    if inputs.fictitious:  # the built-in example's contracts, authorisation and pipeline are invented
        output += "\n" + say("inputs.fictitious", arguments.lang) + "\n"
    sys.stdout.write(output)
    return EXIT_OK


def _pipeline(arguments: argparse.Namespace, scenario: Scenario) -> tuple[Prospect, ...]:
    """The pipeline of ``--pipeline``, or the example's with no scenario file, less the contracts signed."""
    if arguments.pipeline:
        pipeline = load_pipeline(arguments.pipeline)
    elif arguments.file is None:
        pipeline = EXAMPLE_PIPELINE
    else:
        pipeline = ()
    signed = {contract.reference for contract in scenario.contracts if contract.signed_on <= scenario.as_of}
    return tuple(prospect for prospect in pipeline if prospect.reference not in signed)


def _certain(scenario: Scenario, expected: set[str]) -> tuple[list[Contract], list[Document]]:
    """The scenario's contracts but the planned ones the pipeline names, and its documents received by its date."""
    contracts = [
        contract
        for contract in scenario.contracts
        if contract.signed_on <= scenario.as_of or contract.reference not in expected
    ]
    kept = {contract.reference for contract in contracts}
    documents = [
        document
        for document in scenario.documents
        if document.received_on <= scenario.as_of and (not isinstance(document.covers, str) or document.covers in kept)
    ]
    return contracts, documents


def _outlook(arguments: argparse.Namespace) -> DocumentOutlook:
    """The outlook of the documents: ``--on-time``, ``--late``, ``--never`` and ``--delay DAYS-DAYS``."""
    shortest, _, longest = arguments.delay.partition("-")
    delays = []
    for text in (shortest, longest or shortest):
        try:
            delays.append(int(text.strip()))
        except ValueError:
            raise InvalidInput("--delay", "error.expected_delay", limit="3660", value=repr(arguments.delay)) from None
    late = _share("--late", arguments.late)
    never = _share("--never", arguments.never)
    on_time = _share("--on-time", arguments.on_time) if arguments.on_time is not None else max(0.0, 1 - late - never)
    try:
        return DocumentOutlook(
            on_time=on_time, late=late, never=never, shortest_delay=delays[0], longest_delay=delays[1]
        )
    except InvalidInput as error:
        options = {"on_time": "--on-time", "shortest_delay": "--delay", "longest_delay": "--delay"}
        raise error.at(options.get(error.path, f"--{error.path}")) from None


def _share(option: str, text: str | None) -> float:
    """A probability of the command line, ``0.3`` or ``0,3``; none: 0."""
    if text is None:
        return 0.0
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise InvalidInput(option, "error.not_a_probability", value=repr(text)) from None


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


def run_check(arguments: argparse.Namespace) -> int:
    """``check``: a line per scenario file, the clauses exercised, and the counts, in the language asked."""
    lang = arguments.lang
    checked = check_scenarios(arguments.paths, lang)
    for file in checked.files:
        _print_checked(file, lang)
    print(say("check.clauses_exercised", lang, clauses=_clause_list(checked.exercised, lang)))
    print(say("check.clauses_not_exercised", lang, clauses=_clause_list(checked.not_exercised, lang)))
    failed = checked.count(Verdict.FAIL) + checked.count(Verdict.ERROR)
    skipped = checked.count(Verdict.SKIP)
    counts = {"passed": checked.count(Verdict.PASS), "failed": failed, "skipped": skipped}
    print(say("check.summary_skipped" if skipped else "check.summary", lang, **counts))
    return _check_status(checked)


def _print_checked(checked: CheckedFile, lang: str) -> None:
    if checked.verdict is Verdict.ERROR and checked.error is None:
        fail(f"{checked.file}: {say('error.folder_without_scenario', lang)}", lang)
    elif checked.error is not None:
        refused(checked.error, lang)
        print(say("check.line.error", lang, file=checked.file))
    else:
        print(say(f"check.line.{checked.verdict.value.lower()}", lang, file=checked.file, name=checked.name))
        print("".join(f"      {line}\n" for line in checked.mismatches), end="")


def _check_status(checked: CheckReport) -> int:
    if checked.count(Verdict.ERROR):
        return EXIT_USAGE
    return EXIT_CHECK_FAILED if checked.count(Verdict.FAIL) else EXIT_OK


def _clause_list(clauses: frozenset[Clause], lang: str) -> str:
    return ", ".join(clause.value for clause in Clause if clause in clauses) or say("check.no_clause", lang)


def run_schema(arguments: argparse.Namespace) -> int:
    """``schema``: the JSON Schema of scenario files."""
    sys.stdout.write(schema_text())
    return EXIT_OK
