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

from ..example._example import EXAMPLE_AS_OF, EXAMPLE_CONTRACTS, EXAMPLE_REGIONAL_AUTHORISATION_ON
from ..files._assemble import ScenarioOptions, assemble, example_scenario
from ..files._check import CheckReport, Verdict, check_scenarios
from ..files._forms import day
from ..files._load import load_scenario, scenario_from_text
from ..files._requests import STDIN, read_request, schema_text
from ..files._scenario import Scenario
from ..planning._forecast import EXAMPLE_PIPELINE, quantiles_option, render_forecast
from ..planning._planning import budget_years_to_dict, render_budget_years
from ..planning._readings import compare_readings, readings_to_dict, render_readings
from ..planning._schedule import schedule
from ..planning._schedule_views import render_schedule, schedule_to_dict
from ..reports._export import assessment_csv, assessment_xlsx
from ..reports._render import explain, render
from ..reports._scdl import ScdlInputError, example_scdl_inputs, scdl_csv, scdl_json, scdl_record
from ..reports._statement_layout import statement_html, statement_markdown
from ..rules._clauses import Clause
from ..rules._convention import DIJON_2022
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import InvalidInput, PropulseurRulesError
from ._output import (
    EXIT_CHECK_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    as_json,
    fail,
    refused,
    report,
    status,
    write_output,
)

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


def run_assess(arguments: argparse.Namespace) -> int:
    """``assess`` and ``explain``: the assessment of the scenario the options describe, in the format asked."""
    try:
        scenario, inputs = assemble(ScenarioOptions.of(arguments))
        assessment = scenario.assess()
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    if arguments.command == "assess" and arguments.format in ("csv", "xlsx"):
        return _spreadsheet(arguments, assessment)
    markdown = arguments.format == "markdown"
    if arguments.command == "explain":
        output = explain(assessment, arguments.lang, markdown=markdown)
    elif arguments.by == "budget-year":
        if arguments.format == "json":
            output = as_json(budget_years_to_dict(assessment), inputs, arguments.lang)
        else:
            output = render_budget_years(assessment, arguments.lang, markdown=markdown)
    elif arguments.format == "json":
        output = as_json(assessment.to_dict(), inputs, arguments.lang)
    else:
        output = render(assessment, arguments.lang, markdown=markdown)
    if arguments.format != "json":
        output += inputs.render(arguments.lang, markdown=markdown)
    try:
        write_output(arguments, output.encode("utf-8", "backslashreplace"))
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return status(arguments, assessment)


def run_statement(arguments: argparse.Namespace) -> int:
    """``statement``: the liquidation statement of the payment the assessment allows, Markdown or printable HTML.

    With financing terms, the same case is also assessed under the deliberation alone: the
    statement shows that payable as the ceiling when the terms are assumed.
    """
    try:
        scenario, inputs = assemble(ScenarioOptions.of(arguments))
        assessment = scenario.assess()
        ceiling = None
        if scenario.convention.financing is not None:
            ceiling = scenario.replace(convention=scenario.convention.replace(financing=None)).assess()
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    write = statement_html if arguments.format == "html" else statement_markdown
    output = write(assessment, inputs, arguments.lang, ceiling=ceiling)
    try:
        write_output(arguments, output.encode("utf-8", "backslashreplace"))
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return EXIT_OK


def _spreadsheet(arguments: argparse.Namespace, assessment: Assessment) -> int:
    """``--format csv`` (to standard output or ``--output``) or ``--format xlsx`` (to ``--output`` only)."""
    if arguments.by != "programme-year":
        return fail(
            say("error.spreadsheet_by", arguments.lang, format=arguments.format, by=arguments.by), arguments.lang
        )
    try:
        if arguments.format == "xlsx":
            if arguments.output is None:
                return fail(say("error.xlsx_needs_output", arguments.lang), arguments.lang)
            content = assessment_xlsx(assessment, arguments.lang)
        else:
            content = assessment_csv(assessment, arguments.lang)
        write_output(arguments, content)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return status(arguments, assessment)


def run_schedule(arguments: argparse.Namespace) -> int:
    """``schedule``: the dated events at which money accrues or is released."""
    return _scenario_report(
        arguments,
        lambda scenario: schedule(scenario.convention, scenario.facts()),
        lambda scenario, events: schedule_to_dict(scenario.convention, events),
        lambda scenario, events, markdown: render_schedule(
            scenario.convention, events, arguments.lang, markdown=markdown
        ),
    )


def run_readings(arguments: argparse.Namespace) -> int:
    """``readings``: the figures under every reading of the ambiguous clauses, side by side."""
    return _scenario_report(
        arguments,
        lambda scenario: compare_readings(scenario.convention, scenario.facts()),
        lambda scenario, rows: {"readings": readings_to_dict(rows)},
        lambda scenario, rows, markdown: render_readings(scenario.convention, rows, arguments.lang, markdown=markdown),
    )


def _scenario_report(
    arguments: argparse.Namespace,
    compute: Callable[[Scenario], _Result],
    data: Callable[[Scenario, _Result], dict[str, object]],
    text: Callable[[Scenario, _Result, bool], str],
) -> int:
    """Compute something from the scenario the arguments describe and print it as a report."""
    try:
        scenario, inputs = assemble(ScenarioOptions.of(arguments))
        result = compute(scenario)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    return report(arguments, inputs, lambda: data(scenario, result), lambda markdown: text(scenario, result, markdown))


def run_forecast(arguments: argparse.Namespace) -> int:
    """``forecast``: the built-in example's contracts signed by its date and its pipeline, under the deliberation
    alone (the columnar engine refuses the financing convention's terms)."""
    signed = [contract for contract in EXAMPLE_CONTRACTS if contract.signed_on <= EXAMPLE_AS_OF]
    pipeline = [prospect for prospect in EXAMPLE_PIPELINE if prospect.reference not in {c.reference for c in signed}]
    try:
        from ..batch import forecast, forecast_chart  # the batch extra, needed by this command alone

        result = forecast(
            DIJON_2022,
            signed,
            pipeline,
            regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON,
            draws=arguments.draws,
            seed=arguments.seed,
            quantiles=quantiles_option(arguments.quantiles),
        )
        if arguments.chart:
            forecast_chart(result, arguments.chart, arguments.lang)
    except PropulseurRulesError as error:
        return refused(error, arguments.lang)
    sys.stdout.write(render_forecast(result, arguments.lang))
    return EXIT_OK


#: Each input of the SCDL record: its option on the command line and the SCDL column it fills.
_SCDL_OPTIONS = {
    "funder_siret": ("--funder-siret", "idAttribuant"),
    "beneficiary_siret": ("--beneficiary-siret", "idBeneficiaire"),
    "convention_signed_on": ("--convention-signed-on", "dateConvention"),
    "eu_notified": ("--eu-notified", "notificationUE"),
}


def run_export(arguments: argparse.Namespace) -> int:
    """``export --format scdl-csv|scdl-json``: the convention's subsidy as one SCDL record, checked, written whole."""
    try:
        scenario = _export_scenario(arguments.file)
        record = _scdl_record(arguments, scenario)
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
    return EXIT_OK


def _scdl_record(arguments: argparse.Namespace, scenario: Scenario) -> dict[str, str]:
    """The SCDL record, with the inputs the deliberation does not give taken from the options and the scenario.

    The built-in example gives its own facts (fictitious SIRETs, the financing convention's
    signature day); a scenario its signature day, when it has one. An option overrides either.
    """
    facts: dict[str, object] = dict(example_scdl_inputs()) if arguments.file is None else {}
    if scenario.financing_signed_on is not None:
        facts["convention_signed_on"] = scenario.financing_signed_on
    for name in ("funder_siret", "beneficiary_siret"):
        if getattr(arguments, name) is not None:
            facts[name] = getattr(arguments, name)
    if arguments.convention_signed_on is not None:
        facts["convention_signed_on"] = _scdl_day(arguments.convention_signed_on)
    signed_on = facts.get("convention_signed_on")
    return scdl_record(
        scenario.convention,
        funder_siret=_text_or_none(facts.get("funder_siret")),
        beneficiary_siret=_text_or_none(facts.get("beneficiary_siret")),
        convention_signed_on=signed_on if isinstance(signed_on, dt.date) else None,
        eu_notified=_yes_or_no(arguments.eu_notified),
    )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _export_scenario(file: str | None) -> Scenario:
    if file is None:
        return example_scenario()
    if file == "-":
        return scenario_from_text(read_request(sys.stdin), ".json", source=STDIN)
    return load_scenario(file)


def _scdl_day(text: str) -> dt.date:
    """The day the financing convention was signed, or an error naming its option and the column dateConvention."""
    try:
        return day(text, "--convention-signed-on")
    except InvalidInput as error:
        raise ScdlInputError("convention_signed_on", "dateConvention", error.key, **error.values) from None


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
    """``check``: a line per scenario file, the clauses exercised, and the counts."""
    checked = check_scenarios(arguments.paths)
    for file in checked.files:
        _print_checked(file.file, file.verdict, file.name, file.mismatches, file.error)
    print(f"Clauses exercised: {_clause_list(checked.exercised)}")
    print(f"Clauses no scenario exercised: {_clause_list(checked.not_exercised)}")
    failed = checked.count(Verdict.FAIL) + checked.count(Verdict.ERROR)
    skipped = checked.count(Verdict.SKIP)
    summary = f"{checked.count(Verdict.PASS)} passed, {failed} failed"
    print(summary + (f", {skipped} skipped" if skipped else ""))
    return _check_status(checked)


def _print_checked(
    file: str, verdict: Verdict, name: str, mismatches: tuple[str, ...], error: PropulseurRulesError | None
) -> None:
    if verdict is Verdict.ERROR and error is None:
        fail(f"{file}: {say('error.folder_without_scenario')}")
    elif verdict is Verdict.ERROR:
        fail(str(error))
        print(f"ERROR {file}")
    elif verdict is Verdict.SKIP:
        print(f"SKIP  {file}: no expect table — {name}")
    else:
        print(f"{verdict.value}  {file}: {name}")
        print("".join(f"      {line}\n" for line in mismatches), end="")


def _check_status(checked: CheckReport) -> int:
    if checked.count(Verdict.ERROR):
        return EXIT_USAGE
    return EXIT_CHECK_FAILED if checked.count(Verdict.FAIL) else EXIT_OK


def _clause_list(clauses: frozenset[Clause]) -> str:
    return ", ".join(clause.value for clause in Clause if clause in clauses) or "none"


def run_schema(arguments: argparse.Namespace) -> int:
    """``schema``: the JSON Schema of scenario files."""
    sys.stdout.write(schema_text())
    return EXIT_OK
