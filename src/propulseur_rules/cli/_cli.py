"""The command line: ``propulseur-rules`` and ``python -m propulseur_rules``.

Exit status: 0 when the assessment is printed (or every checked scenario
passes); 1 when ``check`` finds a scenario whose figures differ from its
``expect`` table; 2 for bad input or usage (one line on standard error naming the
file, the record or line and the field, never a traceback); 3 with
``--fail-on-unmet`` when a condition that blocks payment is unmet.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import TypeVar

import attrs

from .._version import package_version
from ..example._example import (
    EXAMPLE_AS_OF,
    EXAMPLE_CONTRACTS,
    EXAMPLE_CONVENTION,
    EXAMPLE_DOCUMENTS,
    EXAMPLE_FINANCING_SIGNED_ON,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
)
from ..files._forms import day
from ..files._inputs import Inputs, Origin, Source, postal_code_warnings
from ..files._load import MAX_FILE_BYTES, load_scenario, scenario_from_text
from ..files._load_csv import RowOrigin, contracts_from_file, documents_from_file, payments_from_file, placed_in_rows
from ..files._scenario import Scenario
from ..planning._forecast import EXAMPLE_PIPELINE, quantiles_option, render_forecast
from ..planning._planning import budget_years_to_dict, render_budget_years, render_schedule, schedule, schedule_to_dict
from ..planning._readings import compare_readings, readings_to_dict, render_readings
from ..reports._export import assessment_csv, assessment_xlsx, write_atomically
from ..reports._render import explain, render
from ..reports._scdl import ScdlInputError, example_scdl_inputs, scdl_csv, scdl_json, scdl_record
from ..rules._clauses import Clause
from ..rules._convention import DIJON_2022
from ..rules._financing import FinancingTerms
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import InvalidInput, Listed, PropulseurRulesError, Worded
from ._usage import EXIT_USAGE
from ._usage import Parser as _Parser

__all__ = ["EXIT_CHECK_FAILED", "EXIT_OK", "EXIT_UNMET", "EXIT_USAGE", "main"]

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_UNMET = 3

_PROG = "propulseur-rules"
_Result = TypeVar("_Result")

#: Each subcommand's own examples, shown by its --help; the main --help shows them all.
_EXAMPLES = {
    "assess": """\
  propulseur-rules assess                              the built-in Dijon 2022 example
  propulseur-rules assess --lang fr                    the same, in French
  propulseur-rules assess --as-of 2025-07-01           on another date
  propulseur-rules assess --format json                as JSON (Assessment.to_dict())
  propulseur-rules assess --format csv --lang fr --output evaluation.csv
                                                       for a French spreadsheet (;, decimal comma, dd/mm/yyyy)
  propulseur-rules assess --format xlsx --output evaluation.xlsx
                                                       a workbook with typed cells (xlsx extra)
  propulseur-rules assess examples/dijon-2022.toml     a scenario file (TOML or JSON)
  propulseur-rules assess examples/dijon-2022.toml --contracts examples/dijon-2022-contracts.csv
                                                       with the contracts of a spreadsheet export
  propulseur-rules assess --contracts contracts.csv --payments payments.csv --as-of 2025-03-31 \\
                          --authorised-on 2023-02-15   your own files and no scenario file: every fact is given
  propulseur-rules assess - < request.json             a JSON scenario read from standard input
  propulseur-rules assess --by budget-year             the figures by calendar year (exercice budgétaire)
  propulseur-rules assess --places pooled              the nine places shared over the period (C7)
  propulseur-rules assess --signing-deadline 2024-12-31
                                                       « pour la période 2022 – 2024 » read strictly (C7)
  propulseur-rules assess --documents examples/dijon-2022-documents.csv --lang fr
                                                       the supporting documents received (pièces justificatives)
  propulseur-rules assess --financing none             without the financing convention's terms: all releasable
                                                       money is payable
  propulseur-rules assess examples/scenarios/lower-cap.toml --financing assumed --financing-signed-on 2022-11-15
                                                       the assumed terms applied to a scenario that has none
""",
    "explain": """\
  propulseur-rules explain --lang fr                   every amount with its clause and arithmetic
  propulseur-rules explain examples/dijon-2022.toml --format markdown
                                                       a scenario file's trace, as Markdown
""",
    "schedule": """\
  propulseur-rules schedule                            the dated events at which money accrues or is released
  propulseur-rules schedule --format json --lang fr    the same as JSON
""",
    "readings": """\
  propulseur-rules readings --lang fr                  the figures under every reading, side by side
  propulseur-rules readings examples/dijon-2022.toml --format markdown
""",
    "forecast": """\
  propulseur-rules forecast --lang fr                  payments by budget year at P10 / P50 / P90 (batch extra)
  propulseur-rules forecast --draws 10000 --quantiles 5,50,95 --chart forecast.png
                                                       more draws, other quantiles, a chart (charts extra)
""",
    "check": """\
  propulseur-rules check examples/                     compare scenarios with their expect tables
  propulseur-rules check examples/dijon-2022.toml      one scenario
""",
    "export": """\
  propulseur-rules export --format scdl-csv --funder-siret 12345678200002 \\
      --beneficiary-siret 98765432400001 --convention-signed-on 2022-11-01 --eu-notified no
                                                       the subsidy as SCDL open data (fictitious SIRETs)
""",
    "schema": """\
  propulseur-rules schema > scenario.schema.json       the JSON Schema of scenario files
""",
}

_EXIT_STATUS = """
exit status: 0 assessed or all checks passed; 1 a check failed; 2 bad input or usage;
3 with --fail-on-unmet, a condition that blocks payment is unmet.
"""

_EPILOG = "examples:\n" + "".join(_EXAMPLES.values()) + _EXIT_STATUS


def _scenario_arguments(parser: argparse.ArgumentParser, *, with_as_of: bool = True) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a scenario file, .toml or .json ('-': JSON on standard input); none: the built-in example",
    )
    parser.add_argument(
        "--contracts",
        metavar="FILE",
        help="take the contracts from this CSV file or .xlsx workbook instead of the scenario's",
    )
    payments = parser.add_mutually_exclusive_group()
    payments.add_argument(
        "--payments",
        metavar="FILE",
        help="take the payments from this CSV file or .xlsx workbook (reference, paid_on, amount)",
    )
    payments.add_argument("--no-payments", action="store_true", help="nothing has been paid yet")
    authorisation = parser.add_mutually_exclusive_group()
    authorisation.add_argument(
        "--authorised-on", metavar="DATE", help="the day the regional authorisation was validated (C4)"
    )
    authorisation.add_argument(
        "--not-authorised", action="store_true", help="the regional authorisation is not validated (C4)"
    )
    if with_as_of:
        parser.add_argument("--as-of", metavar="DATE", help="the date of the assessment, YYYY-MM-DD or DD/MM/YYYY")
    parser.add_argument(
        "--places",
        choices=("annual", "pooled"),
        help="funded places per programme year (« 3 contrats par an », C2) or pooled over the period "
        "(« 9 projets », C7)",
    )
    parser.add_argument(
        "--signing-deadline",
        metavar="DATE",
        help="the strict reading of « pour la période 2022 – 2024 » (C7): the last day a contract may be signed",
    )
    parser.add_argument(
        "--selected-from",
        metavar="DATE",
        help="startups selected before this day were already in the programme (C6)",
    )
    parser.add_argument(
        "--financing",
        choices=("assumed", "none"),
        help="the terms of the financing convention (C3): the assumed ones (an advance of 50 %%, a balance of 20 %% "
        "held, the documents' delays), or none: what is releasable is payable",
    )
    parser.add_argument(
        "--financing-signed-on",
        metavar="DATE",
        help="the day the financing convention was signed (loi n° 2000-321, art. 10): nothing is paid before it",
    )
    parser.add_argument(
        "--documents",
        metavar="FILE",
        help="take the supporting documents received from this CSV file or .xlsx workbook (kind, received_on, "
        "covers; in French pièce, reçue le, objet)",
    )
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the report")


def _command(
    commands: argparse._SubParsersAction[_Parser], name: str, *, help: str, description: str
) -> argparse.ArgumentParser:
    """A subcommand with its own examples as its epilog."""
    return commands.add_parser(
        name,
        help=help,
        description=description,
        epilog="examples:\n" + _EXAMPLES[name] + _EXIT_STATUS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_PROG,
        description="Assess the ProPulseur funding convention of Dijon Métropole (2022-2025).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    assess_parser = _command(
        commands,
        "assess",
        help="assess a scenario (with no file, the built-in Dijon 2022 example)",
        description="Assess a scenario: what is accrued, withheld, releasable and payable, and why.",
    )
    _scenario_arguments(assess_parser)
    assess_parser.add_argument(
        "--format",
        choices=("text", "json", "markdown", "csv", "xlsx"),
        default="text",
        help="csv: one row per contract, then the money figures (in French: ';', decimal comma, dd/mm/yyyy, "
        "UTF-8 with BOM); xlsx: the same with typed cells, needs --output and the xlsx extra",
    )
    assess_parser.add_argument(
        "--output", metavar="FILE", help="write the report to FILE, whole or not at all, instead of standard output"
    )
    assess_parser.add_argument(
        "--by",
        choices=("programme-year", "budget-year"),
        default="programme-year",
        help="programme years (July to June, the default) or budget years (calendar years, « exercices »)",
    )
    assess_parser.add_argument(
        "--fail-on-unmet",
        action="store_true",
        help=f"exit with status {EXIT_UNMET} when a condition that blocks payment is unmet",
    )

    explain_parser = _command(
        commands,
        "explain",
        help="the full trace: each amount with its clause and arithmetic",
        description="Explain an assessment step by step, citing the clauses of the deliberation.",
    )
    _scenario_arguments(explain_parser)
    explain_parser.add_argument("--format", choices=("text", "markdown"), default="text")

    schedule_parser = _command(
        commands,
        "schedule",
        help="the forecast: each dated event at which money accrues or is released",
        description=(
            "List every dated event at which money accrues or a condition on payment is lifted, with the "
            "running accrued and releasable totals: planned contracts give the payment calendar. With the "
            "financing convention's terms, also the documents received and due, the balance released and "
            "the day an unpaid claim lapses, with what may be paid after each."
        ),
    )
    _scenario_arguments(schedule_parser, with_as_of=False)
    schedule_parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    readings_parser = _command(
        commands,
        "readings",
        help="the figures under every reading of the ambiguous clauses, side by side",
        description=(
            "Assess one scenario under every combination of readings (target × accrual × places × period) "
            "and print accrued, releasable and payable for each, the scenario's own readings marked, with "
            "each row's difference from them."
        ),
    )
    _scenario_arguments(readings_parser)
    readings_parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")

    forecast_parser = _command(
        commands,
        "forecast",
        help="forecast the money by budget year from the signed contracts and a pipeline",
        description=(
            "Draw many futures of the pipeline of expected contracts of the built-in example and give, per "
            "budget year, the money releasable at the chosen quantiles, the probability that the target of "
            "contracts is reached (C3), and the date by which the money is earned. The columnar engine "
            "assesses the deliberation alone (DIJON_2022, without the financing convention's terms: no "
            "documents, advance or balance). Needs the batch extra."
        ),
    )
    forecast_parser.add_argument("--draws", type=int, default=2000, help="how many futures to draw (default 2000)")
    forecast_parser.add_argument("--seed", type=int, default=2022, help="the seed of the draws (default 2022)")
    forecast_parser.add_argument(
        "--quantiles", default="10,50,90", help="percentiles, separated by commas (default 10,50,90)"
    )
    forecast_parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the report")
    forecast_parser.add_argument("--chart", metavar="FILE", help="also draw the chart to FILE (needs the charts extra)")

    check_parser = _command(
        commands,
        "check",
        help="assess scenarios and compare them with their expect tables",
        description=(
            "Assess each scenario and compare it with its expect table; a folder stands for every "
            ".toml and .json file in it. Prints a line per scenario, the clauses exercised, and "
            "'N passed, M failed'."
        ),
    )
    check_parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")

    export_parser = _command(
        commands,
        "export",
        help="the subsidy as open data: one record of the SCDL « subventions » format, CSV or JSON",
        description=(
            "Write the subsidy of the scenario's convention (with no file, the built-in example's) as one record "
            "of the national SCDL « subventions » format 2.0.2 (décret n° 2017-779 du 5 mai 2017), checked against "
            "the format's published rules before anything is written. The SIRETs, the day the financing "
            "convention was signed and whether the aid was notified to the European Commission are not in the "
            "deliberation: they must be given. The built-in example gives its own fictitious SIRETs and the day "
            "its financing convention was signed; a scenario file its signature day when it has one."
        ),
    )
    export_parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a scenario file, .toml or .json ('-': JSON on standard input); none: the built-in example",
    )
    export_parser.add_argument(
        "--format",
        choices=("scdl-csv", "scdl-json"),
        required=True,
        help="scdl-csv: the SCDL columns, commas, CRLF lines, UTF-8; scdl-json: an array of one object",
    )
    export_parser.add_argument("--funder-siret", metavar="SIRET", help="the funder's SIRET (column idAttribuant)")
    export_parser.add_argument(
        "--beneficiary-siret", metavar="SIRET", help="the beneficiary's SIRET (column idBeneficiaire)"
    )
    export_parser.add_argument(
        "--convention-signed-on",
        metavar="DATE",
        help="the day the financing convention was signed, YYYY-MM-DD or DD/MM/YYYY (column dateConvention)",
    )
    export_parser.add_argument(
        "--eu-notified",
        metavar="yes|no",
        help="whether the aid was notified to the European Commission: yes or no, oui or non (column notificationUE)",
    )
    export_parser.add_argument(
        "--output", metavar="FILE", help="write the record to FILE, whole or not at all, instead of standard output"
    )
    export_parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the errors")

    _command(
        commands,
        "schema",
        help="print the JSON Schema of scenario files",
        description="Print the JSON Schema (draft 2020-12) of scenario files.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, or a usage error already printed
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if arguments.command is None:
        parser.print_help()
        return EXIT_USAGE
    if arguments.command == "schema":
        sys.stdout.write(schema_text())
        return EXIT_OK
    if arguments.command == "check":
        return _check(arguments.paths)
    if arguments.command == "schedule":
        return _schedule(arguments)
    if arguments.command == "readings":
        return _readings(arguments)
    if arguments.command == "forecast":
        return _forecast(arguments)
    if arguments.command == "export":
        return _export_scdl(arguments)
    try:
        scenario, inputs = _scenario(arguments)
        assessment = scenario.assess()
    except PropulseurRulesError as error:
        return _refused(error, arguments.lang)
    if arguments.command == "assess" and arguments.format in ("csv", "xlsx"):
        return _spreadsheet(arguments, assessment)
    markdown = arguments.format == "markdown"
    if arguments.command == "explain":
        output = explain(assessment, arguments.lang, markdown=markdown)
    elif arguments.by == "budget-year":
        if arguments.format == "json":
            output = _json(budget_years_to_dict(assessment), inputs, arguments.lang)
        else:
            output = render_budget_years(assessment, arguments.lang, markdown=markdown)
    elif arguments.format == "json":
        output = _json(assessment.to_dict(), inputs, arguments.lang)
    else:
        output = render(assessment, arguments.lang, markdown=markdown)
    if arguments.format != "json":
        output += inputs.render(arguments.lang, markdown=markdown)
    if getattr(arguments, "output", None) is not None:
        try:
            write_atomically(arguments.output, output.encode("utf-8", "backslashreplace"))
        except PropulseurRulesError as error:
            return _refused(error, arguments.lang)
    else:
        sys.stdout.write(output)
    return _status(arguments, assessment)


def _status(arguments: argparse.Namespace, assessment: Assessment) -> int:
    if getattr(arguments, "fail_on_unmet", False) and assessment.blocking:
        return EXIT_UNMET
    return EXIT_OK


def _spreadsheet(arguments: argparse.Namespace, assessment: Assessment) -> int:
    """``--format csv`` (to standard output or ``--output``) or ``--format xlsx`` (to ``--output`` only)."""
    if arguments.by != "programme-year":
        return _fail(
            say("error.spreadsheet_by", arguments.lang, format=arguments.format, by=arguments.by), arguments.lang
        )
    try:
        if arguments.format == "xlsx":
            if arguments.output is None:
                return _fail(say("error.xlsx_needs_output", arguments.lang), arguments.lang)
            content = assessment_xlsx(assessment, arguments.lang)
        else:
            content = assessment_csv(assessment, arguments.lang)
        if arguments.output is not None:
            write_atomically(arguments.output, content)
        else:
            _write_bytes(content)
    except PropulseurRulesError as error:
        return _refused(error, arguments.lang)
    return _status(arguments, assessment)


def _write_bytes(content: bytes) -> None:
    """Bytes on standard output, through its buffer when it has one."""
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:  # pragma: no cover - a text-only stream a caller put in place
        sys.stdout.write(content.decode("utf-8"))
        return
    sys.stdout.flush()
    stream.write(content)
    stream.flush()


def _json(data: dict[str, object], inputs: Inputs, lang: str = "en") -> str:
    """A JSON report: ``data`` with an ``"inputs"`` object saying where each input came from."""
    return json.dumps({**data, "inputs": inputs.to_dict(lang)}, ensure_ascii=False, indent=2) + "\n"


def _schedule(arguments: argparse.Namespace) -> int:
    return _scenario_report(
        arguments,
        lambda scenario: schedule(scenario.convention, **scenario.facts()),
        lambda scenario, events: schedule_to_dict(scenario.convention, events),
        lambda scenario, events, markdown: render_schedule(
            scenario.convention, events, arguments.lang, markdown=markdown
        ),
    )


def _readings(arguments: argparse.Namespace) -> int:
    return _scenario_report(
        arguments,
        lambda scenario: compare_readings(scenario.convention, as_of=scenario.as_of, **scenario.facts()),
        lambda scenario, rows: {"readings": readings_to_dict(rows)},
        lambda scenario, rows, markdown: render_readings(scenario.convention, rows, arguments.lang, markdown=markdown),
    )


def _scenario_report(
    arguments: argparse.Namespace,
    compute: Callable[[Scenario], _Result],
    data: Callable[[Scenario, _Result], dict[str, object]],
    text: Callable[[Scenario, _Result, bool], str],
) -> int:
    """Compute something from the scenario the arguments describe and print it as a report (``_report``)."""
    try:
        scenario, inputs = _scenario(arguments)
        result = compute(scenario)
    except PropulseurRulesError as error:
        return _refused(error, arguments.lang)
    return _report(arguments, inputs, lambda: data(scenario, result), lambda markdown: text(scenario, result, markdown))


def _forecast(arguments: argparse.Namespace) -> int:
    """The forecast of the built-in example: its contracts signed by its date, and its pipeline, under the
    deliberation alone (the columnar engine refuses the financing convention's terms)."""
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
        return _refused(error, arguments.lang)
    sys.stdout.write(render_forecast(result, arguments.lang))
    return EXIT_OK


#: Each input of the SCDL record: its option on the command line and the SCDL column it fills.
_SCDL_OPTIONS = {
    "funder_siret": ("--funder-siret", "idAttribuant"),
    "beneficiary_siret": ("--beneficiary-siret", "idBeneficiaire"),
    "convention_signed_on": ("--convention-signed-on", "dateConvention"),
    "eu_notified": ("--eu-notified", "notificationUE"),
}


def _export_scdl(arguments: argparse.Namespace) -> int:
    """``export --format scdl-csv|scdl-json``: the convention's subsidy as one SCDL record, checked, written whole."""
    try:
        scenario = _export_scenario(arguments.file)
        # The built-in example gives its own facts (fictitious SIRETs, the financing convention's
        # signature day); a scenario its signature day, when it has one. An option overrides either.
        facts: dict[str, object] = dict(example_scdl_inputs()) if arguments.file is None else {}
        scenario_signed_on = scenario.financing_signed_on
        if scenario_signed_on is not None:
            facts["convention_signed_on"] = scenario_signed_on
        for name in ("funder_siret", "beneficiary_siret"):
            if getattr(arguments, name) is not None:
                facts[name] = getattr(arguments, name)
        if arguments.convention_signed_on is not None:
            facts["convention_signed_on"] = _scdl_day(arguments.convention_signed_on)
        record = scdl_record(
            scenario.convention,
            funder_siret=_text_or_none(facts.get("funder_siret")),
            beneficiary_siret=_text_or_none(facts.get("beneficiary_siret")),
            convention_signed_on=_day_or_none(facts.get("convention_signed_on")),
            eu_notified=_yes_or_no(arguments.eu_notified),
        )
        if arguments.format == "scdl-csv":
            content = scdl_csv([record]).encode("utf-8")
        else:
            content = (scdl_json([record]) + "\n").encode("utf-8")
        if arguments.output is not None:
            write_atomically(arguments.output, content)
        else:
            _write_bytes(content)
    except ScdlInputError as error:
        option = _SCDL_OPTIONS.get(error.path, (None, None))[0]
        return _fail(error.message(arguments.lang, path=option), arguments.lang)
    except PropulseurRulesError as error:
        return _refused(error, arguments.lang)
    return EXIT_OK


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _day_or_none(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) else None


def _export_scenario(file: str | None) -> Scenario:
    if file is None:
        return example_scenario()
    if file == "-":
        return scenario_from_text(_read_stdin(), ".json", source="<stdin>")
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


def _report(
    arguments: argparse.Namespace,
    inputs: Inputs,
    data: Callable[[], dict[str, object]],
    text: Callable[[bool], str],
) -> int:
    """Print a report as JSON (``data``, with where each input came from) or as text or Markdown."""
    if arguments.format == "json":
        sys.stdout.write(_json(data(), inputs, arguments.lang))
    else:
        markdown = arguments.format == "markdown"
        sys.stdout.write(text(markdown) + inputs.render(arguments.lang, markdown=markdown))
    return EXIT_OK


def _refused(error: PropulseurRulesError, lang: str) -> int:
    """Bad input: one line on standard error, said in ``lang``, exit status 2."""
    return _fail(error.message(lang), lang)


def _with_readings(scenario: Scenario, arguments: argparse.Namespace) -> Scenario:
    """The scenario under the readings chosen on the command line (SPEC §7), each checked by the convention."""
    readings: dict[str, object] = {}
    if arguments.places is not None:
        readings["places"] = arguments.places
    if arguments.signing_deadline is not None:
        readings["signing_deadline"] = day(arguments.signing_deadline, "--signing-deadline")
    if arguments.selected_from is not None:
        readings["selected_from"] = day(arguments.selected_from, "--selected-from")
    if not readings:
        return scenario
    return scenario.replace(convention=scenario.convention.replace(**readings))


def _fail(message: str, lang: str = "en") -> int:
    print(f"{_PROG}: {say('error.label', lang)} {' '.join(message.split())}", file=sys.stderr)
    return EXIT_USAGE


def schema_text() -> str:
    """The JSON Schema of scenario files, as shipped in the package."""
    return resources.files("propulseur_rules").joinpath("data/scenario.schema.json").read_text("utf-8")


def example_scenario() -> Scenario:
    """The built-in example as a scenario: DIJON_2022 with the assumed financing terms, its feed on 31 March 2025.

    It holds exactly the inputs of ``example_assessment_inputs()``.
    """
    return Scenario(
        name="The built-in example: the Dijon 2022 convention on 31 March 2025.",
        convention=EXAMPLE_CONVENTION,
        as_of=EXAMPLE_AS_OF,
        regional_authorisation_on=EXAMPLE_REGIONAL_AUTHORISATION_ON,
        contracts=EXAMPLE_CONTRACTS,
        payments=EXAMPLE_PAYMENTS,
        financing_signed_on=EXAMPLE_FINANCING_SIGNED_ON,
        documents=EXAMPLE_DOCUMENTS,
    )


def _scenario(arguments: argparse.Namespace) -> tuple[Scenario, Inputs]:
    """The scenario the arguments describe, and where each of its inputs came from.

    With no scenario file, the built-in example; but once a file of the user's own
    (``--contracts``, ``--payments``) is given, every fact must be: the example's
    payments and dates are never lent to another feed.
    """
    as_of = getattr(arguments, "as_of", None)
    dated = hasattr(arguments, "as_of")  # a schedule has no date of assessment
    if arguments.file is None and (arguments.contracts is not None or arguments.payments is not None):
        missing = [
            Worded(option)
            for given, option in (
                (arguments.contracts is not None, "error.option_contracts"),
                (as_of is not None or not dated, "error.option_as_of"),
                (arguments.authorised_on is not None or arguments.not_authorised, "error.option_authorised_on"),
                (arguments.payments is not None or arguments.no_payments, "error.option_payments"),
            )
            if not given
        ]
        if missing:
            # Files of the user's own given without a scenario file, and some facts not given.
            raise InvalidInput("", "error.missing_facts", missing=Listed(missing, "error.comma_joint"))
        scenario = Scenario(
            name=f"The contracts of {arguments.contracts}.",
            convention=DIJON_2022,
            as_of=DIJON_2022.period.end,  # replaced by --as-of below; a schedule has none
        )
        inputs = Inputs.of_example()  # every field but the convention is replaced below
    elif arguments.file is None:
        scenario, inputs = example_scenario(), Inputs.of_example()
    elif arguments.file == "-":
        scenario = scenario_from_text(_read_stdin(), ".json", source="<stdin>")
        inputs = Inputs.of_scenario("<stdin>")
    else:
        if arguments.file.lower().endswith(_SPREADSHEETS):
            raise InvalidInput(arguments.file, "error.spreadsheet_not_scenario", file=arguments.file)
        scenario = load_scenario(arguments.file)
        inputs = Inputs.of_scenario(arguments.file)
    changes: dict[str, object] = {}
    sources: dict[str, Source | None] = {}
    if arguments.contracts is not None:
        changes["contracts"], read_as = contracts_from_file(arguments.contracts)
        sources["contracts"] = _file_source(arguments.contracts, "--contracts", read_as)
    if arguments.payments is not None:
        changes["payments"], read_as = payments_from_file(arguments.payments)
        sources["payments"] = _file_source(arguments.payments, "--payments", read_as)
    elif arguments.no_payments:
        changes["payments"] = ()
        sources["payments"] = Source(origin=Origin.NONE, option="--no-payments")
    if arguments.authorised_on is not None:
        changes["regional_authorisation_on"] = day(arguments.authorised_on, "--authorised-on")
        sources["regional_authorisation_on"] = Source(origin=Origin.OPTION, option="--authorised-on")
    elif arguments.not_authorised:
        changes["regional_authorisation_on"] = None
        sources["regional_authorisation_on"] = Source(origin=Origin.NONE, option="--not-authorised")
    if as_of is not None:
        changes["as_of"] = day(as_of, "--as-of")
        sources["as_of"] = Source(origin=Origin.OPTION, option="--as-of")
    if not dated:
        sources["as_of"] = None
    rows = _financing_changes(arguments, scenario, changes, sources)
    try:
        scenario = scenario.replace(**changes)
    except InvalidInput as error:
        raise _placed(error, rows, arguments.file) from None
    scenario = _with_readings(scenario, arguments)
    inputs = attrs.evolve(inputs, **sources)  # type: ignore[arg-type]
    if not _has_financing(scenario, arguments):
        inputs = inputs.without_financing()
    if inputs.contracts.origin is not Origin.EXAMPLE:
        inputs = attrs.evolve(inputs, warnings=postal_code_warnings(scenario.contracts))
    return scenario, inputs


_SPREADSHEETS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")
_STDIN = "<stdin>"


def _financing_changes(
    arguments: argparse.Namespace, scenario: Scenario, changes: dict[str, object], sources: dict[str, Source | None]
) -> tuple[RowOrigin, ...] | None:
    """``--financing``, ``--financing-signed-on`` and ``--documents`` as changes to the scenario, with their origins.

    Returns the rows the documents were read from, if ``--documents`` gave them.
    """
    if arguments.financing == "assumed":
        changes["convention"] = scenario.convention.replace(financing=FinancingTerms())
        sources["financing"] = Source(origin=Origin.ASSUMED, option="--financing assumed")
    elif arguments.financing == "none":
        changes["convention"] = scenario.convention.replace(financing=None)
        sources["financing"] = Source(origin=Origin.NONE, option="--financing none")
    if arguments.financing_signed_on is not None:
        changes["financing_signed_on"] = day(arguments.financing_signed_on, "--financing-signed-on")
        sources["financing_signed_on"] = Source(origin=Origin.OPTION, option="--financing-signed-on")
    if arguments.documents is None:
        return None
    changes["documents"], read_as, rows = documents_from_file(arguments.documents)
    sources["documents"] = _file_source(arguments.documents, "--documents", read_as)
    return rows


def _placed(error: InvalidInput, rows: tuple[RowOrigin, ...] | None, file: str | None) -> InvalidInput:
    """An error about ``documents[i]`` placed at its row of ``--documents``, or in the scenario file it came from."""
    if rows is not None:
        return placed_in_rows(error, rows)
    if file is not None and error.path.startswith("documents["):
        return error.at(f"{_STDIN if file == '-' else file}: {error.path}")
    return error


def _has_financing(scenario: Scenario, arguments: argparse.Namespace) -> bool:
    """Whether a report names where the financing convention's inputs came from: terms, facts or an option."""
    return (
        scenario.convention.financing is not None
        or scenario.financing_signed_on is not None
        or bool(scenario.documents)
        or any(value is not None for value in (arguments.financing, arguments.financing_signed_on, arguments.documents))
    )


def _file_source(file: str, option: str, read_as: str) -> Source:
    """A file given with ``option``, and the encoding it was read in (none for a workbook)."""
    return Source(origin=Origin.FILE, file=file, option=option, encoding=None if read_as == "xlsx" else read_as)


def _read_stdin() -> str:
    """A request on standard input: UTF-8 like a scenario file, whatever the terminal's encoding."""
    stream = getattr(sys.stdin, "buffer", None)  # none when a test gives a StringIO
    if stream is None:
        content = sys.stdin.read(MAX_FILE_BYTES + 1).encode("utf-8", "surrogatepass")
    else:
        content = stream.read(MAX_FILE_BYTES + 1)
    if len(content) > MAX_FILE_BYTES:
        raise InvalidInput(_STDIN, "error.too_large", size=str(MAX_FILE_BYTES // (1024 * 1024)))
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_STDIN, "error.not_utf8_text") from None


# --- check -------------------------------------------------------------------------------------


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long for the system: load_scenario says so, as for any file
        return False


def _scenario_files(paths: Sequence[str]) -> Iterator[str]:
    for name in paths:
        path = Path(name)
        if _is_folder(path):
            found = sorted(
                str(file)
                for file in path.rglob("*")
                if file.suffix.lower() in (".toml", ".json")
                and file.is_file()
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            )
            if not found:
                yield f"{name}/"  # reported below as a folder with no scenario
            yield from found
        else:
            yield name


def exercised_clauses(assessment: Assessment) -> set[Clause]:
    """The clauses cited by an unmet condition or a step of the trace of an assessment."""
    cited = {unmet.clause for unmet in assessment.unmet}
    cited.update(step.clause for step in assessment.trace() if step.clause is not None)
    return cited


def _clause_list(clauses: set[Clause]) -> str:
    return ", ".join(clause.value for clause in Clause if clause in clauses) or "none"


def _printable(name: str) -> str:
    """A file name for standard output: a byte that was not UTF-8 (os.fsdecode's ``\\udcff``) shown escaped."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _check(paths: Sequence[str]) -> int:
    passed = failed = skipped = errors = 0
    exercised: set[Clause] = set()
    for name in _scenario_files(paths):
        file = _printable(name)
        if file.endswith("/"):
            errors += 1
            _fail(f"{file}: {say('error.folder_without_scenario')}")
            continue
        try:
            scenario = load_scenario(name)
            assessment = scenario.assess()
        except PropulseurRulesError as error:
            errors += 1
            _fail(str(error))
            print(f"ERROR {file}")
            continue
        cited = exercised_clauses(assessment)
        exercised |= cited
        if scenario.expect is None:
            skipped += 1
            print(f"SKIP  {file}: no expect table — {scenario.name}")
            continue
        mismatches = list(scenario.expect.mismatches(assessment))
        mismatches += [
            f"covers: {clause.value} is cited by no unmet condition and no step of the trace"
            for clause in scenario.covers
            if clause not in cited
        ]
        if mismatches:
            failed += 1
            print(f"FAIL  {file}: {scenario.name}")
            print("".join(f"      {line}\n" for line in mismatches), end="")
        else:
            passed += 1
            print(f"PASS  {file}: {scenario.name}")
    print(f"Clauses exercised: {_clause_list(exercised)}")
    print(f"Clauses no scenario exercised: {_clause_list(set(Clause) - exercised)}")
    summary = f"{passed} passed, {failed + errors} failed"
    print(summary + (f", {skipped} skipped" if skipped else ""))
    if errors:
        return EXIT_USAGE
    return EXIT_CHECK_FAILED if failed else EXIT_OK
