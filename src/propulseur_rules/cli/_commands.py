"""The subcommands: each reads its options, asks the library, and prints what the library answered.

Each takes the parsed ``argparse.Namespace`` and returns the exit status
(see :mod:`._output`); the parser (:mod:`._parser`) names the one to run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TypeVar

from ..files._assemble import ScenarioOptions, assemble, deliberation_alone
from ..files._check import CheckedFile, CheckReport, Verdict, check_scenarios
from ..files._inputs import Inputs
from ..files._requests import schema_text
from ..files._scenario import Scenario
from ..planning._planning import budget_years_to_dict, render_budget_years
from ..planning._readings import Reading, compare_readings, readings_to_dict, render_readings
from ..planning._schedule import schedule
from ..planning._schedule_views import render_schedule, schedule_to_dict
from ..reports._data import payable_bases
from ..reports._render import explain, headline, render
from ..reports._statement_layout import statement_html, statement_markdown
from ..rules._clauses import Clause
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import PropulseurRulesError
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
