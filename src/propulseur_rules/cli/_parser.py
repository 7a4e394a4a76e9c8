"""The parser of the command line: its subcommands, their options and examples, and the command each runs.

Each subcommand's parser names the function that runs it (``set_defaults(run=…)``,
in :mod:`._commands`); :func:`propulseur_rules.cli.main` parses and calls it.
"""

from __future__ import annotations

import argparse

from .._version import package_version
from ._commands import (
    run_assess,
    run_check,
    run_readings,
    run_schedule,
    run_schema,
    run_statement,
)
from ._export import run_export
from ._forecast import run_forecast
from ._output import EXIT_UNMET, PROG
from ._serve import run_serve
from ._usage import Parser as _Parser

__all__ = ["parser"]

#: Each subcommand's own examples, shown by its --help; the main --help shows them all.
_EXAMPLES = {
    "assess": """\
  propulseur-rules assess                              the built-in Dijon 2022 example
  propulseur-rules assess --lang fr                    the same, in French
  propulseur-rules assess --as-of 2025-07-01           on another date
  propulseur-rules assess --format json                as JSON (Assessment.to_dict())
  propulseur-rules assess --format csv --lang fr --output evaluation/
                                                       for a French spreadsheet (;, decimal comma, dd/mm/yyyy),
                                                       one file per table in the folder evaluation/
  propulseur-rules assess --format xlsx --output evaluation.xlsx
                                                       a workbook with typed cells (xlsx extra; ods: ods extra)
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
  propulseur-rules forecast --lang fr                  money releasable and paid by budget year at P10 / P50 / P90
                                                       (batch extra)
  propulseur-rules forecast --draws 10000 --quantiles 5,50,95 --chart forecast.png
                                                       more draws, other quantiles, a chart (charts extra)
  propulseur-rules forecast examples/dijon-2022.toml --pipeline pipeline.csv --late 0.3 --never 0.1 --delay 15-120
                                                       a scenario file, its pipeline, documents late or never
  propulseur-rules forecast --financing none           the money releasable under the deliberation alone
""",
    "check": """\
  propulseur-rules check examples/                     compare scenarios with their expect tables
  propulseur-rules check examples/dijon-2022.toml      one scenario
  propulseur-rules check examples/ --lang fr           the same lines in French
""",
    "export": """\
  propulseur-rules export --format scdl-csv --example-identifiers --eu-notified no
                                                       the built-in example as SCDL open data (fictitious SIRETs)
  propulseur-rules export examples/dijon-2022.toml --format scdl-csv --funder-siret SIRET \\
      --beneficiary-siret SIRET --eu-notified no --decision-reference REF
                                                       a scenario's subsidy as SCDL open data, to publish
""",
    "statement": """\
  propulseur-rules statement                           the liquidation statement (état liquidatif), in French
  propulseur-rules statement --format html --output etat-liquidatif.html
                                                       as a page to print (A4)
  propulseur-rules statement examples/dijon-2022.toml --lang en
                                                       a scenario file's statement, in English
""",
    "schema": """\
  propulseur-rules schema > scenario.schema.json       the JSON Schema of scenario files
""",
    "serve": """\
  propulseur-rules serve --port 8000                   the rules over HTTP on 127.0.0.1:8000 (the service extra)
""",
}

_EXIT_STATUS = """
exit status: 0 assessed or all checks passed; 1 a check failed; 2 bad input or usage;
3 with --fail-on-unmet, a condition is unmet or money is held back (withheld, waiting for a
document, the balance held, time-barred).
"""

_EPILOG = "examples:\n" + "".join(_EXAMPLES.values()) + _EXIT_STATUS


def _scenario_arguments(parser: argparse.ArgumentParser, *, with_as_of: bool = True) -> None:
    """The options of a command that assesses a scenario: its facts, its readings, its financing and the language."""
    _fact_arguments(parser, with_as_of=with_as_of)
    _reading_arguments(parser)
    _financing_arguments(parser)
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the report")


def _fact_arguments(parser: argparse.ArgumentParser, *, with_as_of: bool) -> None:
    """The scenario file and the facts that may replace its own: contracts, payments, authorisation, date."""
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
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help="the sheet to read in each .xlsx or .ods workbook given (default: the sheet the workbook opens on)",
    )
    authorisation = parser.add_mutually_exclusive_group()
    authorisation.add_argument(
        "--authorised-on", metavar="DATE", help="the day the regional authorisation was validated (C4)"
    )
    authorisation.add_argument(
        "--not-authorised", action="store_true", help="the regional authorisation is not validated (C4)"
    )
    if with_as_of:
        parser.add_argument("--as-of", metavar="DATE", help="the date of the assessment, YYYY-MM-DD or DD/MM/YYYY")


def _reading_arguments(parser: argparse.ArgumentParser) -> None:
    """The readings of the ambiguous clauses: places (C2, C7), the signing period (C7), the selection (C6)."""
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


def _financing_arguments(parser: argparse.ArgumentParser) -> None:
    """The financing convention (C3): its terms, the day it was signed and the supporting documents received."""
    parser.add_argument(
        "--financing",
        choices=("assumed", "none"),
        help="the terms of the financing convention (C3): the assumed ones (an advance of 50 %%, a balance of 20 %% "
        "held, the documents' delays), or none: what is releasable is payable",
    )
    signature = parser.add_mutually_exclusive_group()
    signature.add_argument(
        "--financing-signed-on",
        metavar="DATE",
        help="the day the financing convention was signed (loi n° 2000-321, art. 10): nothing is paid before it",
    )
    signature.add_argument(
        "--financing-not-signed",
        action="store_true",
        help="the financing convention is not signed yet: nothing is paid (--financing assumed needs this or "
        "--financing-signed-on)",
    )
    parser.add_argument(
        "--documents",
        metavar="FILE",
        help="take the supporting documents received from this CSV file or .xlsx workbook (kind, received_on, "
        "covers; in French pièce, reçue le, objet)",
    )


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


def parser() -> argparse.ArgumentParser:
    """The parser of ``propulseur-rules`` and its subcommands."""
    main_parser = _Parser(
        prog=PROG,
        description="Assess the ProPulseur funding convention of Dijon Métropole (2022-2025).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    main_parser.add_argument("--version", action="version", version=f"%(prog)s {package_version()}")
    commands = main_parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _assess_command(commands)
    _explain_command(commands)
    _schedule_command(commands)
    _readings_command(commands)
    _forecast_command(commands)
    _check_command(commands)
    _export_command(commands)
    _statement_command(commands)
    _schema_command(commands)
    _serve_command(commands)
    return main_parser


def _assess_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    assess_parser = _command(
        commands,
        "assess",
        help="assess a scenario (with no file, the built-in Dijon 2022 example)",
        description="Assess a scenario: what is accrued, withheld, releasable and payable, and why.",
    )
    _scenario_arguments(assess_parser)
    assess_parser.add_argument(
        "--format",
        choices=("text", "json", "markdown", "csv", "xlsx", "ods"),
        default="text",
        help="csv: the assessment, contracts, unmet conditions, budget years and sources, one file each with "
        "--output (in French: ';', decimal comma, dd/mm/yyyy, UTF-8 with BOM); xlsx, ods: the same tables, "
        "one sheet each, typed cells, needs --output and the xlsx or ods extra",
    )
    assess_parser.add_argument(
        "--output",
        metavar="FILE",
        help="write the report to FILE, whole or not at all, instead of standard output; with --format csv, "
        "a folder (out/: out/assessment.csv…) or a prefix (out: out-assessment.csv…)",
    )
    assess_parser.add_argument(
        "--by",
        choices=("programme-year", "budget-year"),
        default="programme-year",
        help=(
            "programme years (July to June, the default) or budget years (calendar years, « exercices »; "
            "with --format csv or xlsx, the years then every money figure)"
        ),
    )
    assess_parser.add_argument(
        "--fail-on-unmet",
        action="store_true",
        help=(
            f"exit with status {EXIT_UNMET} when any condition is unmet or any money is held back "
            "(withheld, waiting for a document, the balance held, time-barred)"
        ),
    )
    assess_parser.set_defaults(run=run_assess)


def _explain_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    explain_parser = _command(
        commands,
        "explain",
        help="the full trace: each amount with its clause and arithmetic",
        description="Explain an assessment step by step, citing the clauses of the deliberation.",
    )
    _scenario_arguments(explain_parser)
    explain_parser.add_argument("--format", choices=("text", "markdown"), default="text")
    explain_parser.set_defaults(run=run_assess)


def _schedule_command(commands: argparse._SubParsersAction[_Parser]) -> None:
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
    schedule_parser.set_defaults(run=run_schedule)


def _readings_command(commands: argparse._SubParsersAction[_Parser]) -> None:
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
    readings_parser.set_defaults(run=run_readings)


def _forecast_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    forecast_parser = _command(
        commands,
        "forecast",
        help="forecast the money by budget year from the signed contracts, a pipeline and the documents to come",
        description=(
            "Draw many futures of a scenario: which expected contracts of the pipeline are signed and when, and, "
            "under the financing convention's terms, when each supporting document still missing comes in (on "
            "time, late or never). Give, per budget year, the money releasable under the deliberation and, with "
            "terms, the money paid under them, at the chosen percentiles; the probability that the target of "
            "contracts is reached (C3); and the date by which the money is earned. Without terms (--financing "
            "none) the money is releasable, not a forecast of payments. Needs the batch extra."
        ),
    )
    _scenario_arguments(forecast_parser)
    forecast_parser.add_argument(
        "--pipeline",
        metavar="FILE",
        help="the expected contracts, from a CSV file or .xlsx workbook (reference, startup, siren, head_office, "
        "sector, probability, earliest, latest; in French référence, raison sociale, SIREN, code INSEE, secteur, "
        "probabilité, signé au plus tôt, signé au plus tard); none: the built-in example's, with no scenario file",
    )
    forecast_parser.add_argument("--draws", type=int, default=2000, help="how many futures to draw (default 2000)")
    forecast_parser.add_argument("--seed", type=int, default=2022, help="the seed of the draws (default 2022)")
    forecast_parser.add_argument(
        "--quantiles", default="10,50,90", help="percentiles, separated by commas (default 10,50,90)"
    )
    forecast_parser.add_argument(
        "--on-time", metavar="P", help="the probability a missing document comes in on time (default: the rest)"
    )
    forecast_parser.add_argument("--late", metavar="P", help="the probability it comes in late (default 0)")
    forecast_parser.add_argument("--never", metavar="P", help="the probability it never comes in (default 0)")
    forecast_parser.add_argument(
        "--delay", metavar="DAYS-DAYS", default="30-90", help="how late a late document is, in days (default 30-90)"
    )
    forecast_parser.add_argument(
        "--chart",
        metavar="FILE",
        help="also draw the chart to FILE, the budget years ended by the date set apart (needs the charts extra)",
    )
    forecast_parser.set_defaults(run=run_forecast)


def _check_command(commands: argparse._SubParsersAction[_Parser]) -> None:
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
    check_parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the lines printed")
    check_parser.set_defaults(run=run_check)


def _export_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    export_parser = _command(
        commands,
        "export",
        help="the subsidy as open data: one record of the SCDL « subventions » format, CSV or JSON",
        description=(
            "Write the subsidy of the scenario's convention (with no file, the built-in example's) as one record "
            "of the national SCDL « subventions » format 2.1.1 (décret n° 2017-779 du 5 mai 2017), checked against "
            "the format's published rules before anything is written. The funder's SIRET, the beneficiary's SIRET "
            "or RNA number, the day the financing convention was signed and whether the aid was notified to the "
            "European Commission are not in the deliberation: they must be given. The payment period runs from the "
            "first day a payment is possible (the signature, the vote, the regional authorisation) to the last "
            "expected payment (the balance, when the final report is due) unless --payment-period says otherwise. "
            "The built-in example's SIRETs and signature day are fictitious: they are refused unless "
            "--example-identifiers says the record is an example. Publish the record within three months of the "
            "signature (décret n° 2017-779)."
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
    _export_inputs(export_parser)
    export_parser.add_argument(
        "--example-identifiers",
        action="store_true",
        help="the record is an example: accept the built-in example's fictitious SIRETs and signature day, "
        "and say so on standard error",
    )
    export_parser.add_argument(
        "--output", metavar="FILE", help="write the record to FILE, whole or not at all, instead of standard output"
    )
    export_parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the errors")
    export_parser.set_defaults(run=run_export)


def _export_inputs(export_parser: argparse.ArgumentParser) -> None:
    """The options of the record's inputs, each naming the SCDL column it fills."""
    for option, metavar, text in (
        ("--funder-siret", "SIRET", "the funder's SIRET (column idAttribuant)"),
        ("--beneficiary-siret", "SIRET", "the beneficiary's SIRET (column idBeneficiaire)"),
        ("--beneficiary-rna", "RNA", "the beneficiary's RNA number, W and 9 digits (column rnaBeneficiaire)"),
        (
            "--convention-signed-on",
            "DATE",
            "the day the financing convention was signed, YYYY-MM-DD or DD/MM/YYYY (column dateConvention)",
        ),
        (
            "--eu-notified",
            "yes|no",
            "whether the aid was notified to the European Commission: yes or no, oui or non (column notificationUE)",
        ),
        ("--decision-reference", "TEXT", "the reference of the act that decided the grant (column referenceDecision)"),
        ("--purpose", "TEXT", "the purpose of the subsidy, 256 characters at most (column objet); default: C7's words"),
        (
            "--payment-period",
            "START/END",
            "the day or period of the payments, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD (column datesPeriodeVersement); "
            "default: from the first possible payment to the last expected one",
        ),
        ("--rae-id", "ID", "the aid's number in the Répertoire des aides aux entreprises, 5 characters (column idRAE)"),
        ("--aid-scheme", "ID", "the identifier of the aid scheme (column dispositifAide)"),
    ):
        export_parser.add_argument(option, metavar=metavar, help=text)


def _schema_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    schema_parser = _command(
        commands,
        "schema",
        help="print the JSON Schema of scenario files",
        description="Print the JSON Schema (draft 2020-12) of scenario files.",
    )
    schema_parser.set_defaults(run=run_schema)


def _statement_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    statement_parser = _command(
        commands,
        "statement",
        help="the liquidation statement (état liquidatif) of the payment the assessment allows",
        description=(
            "Write the liquidation statement an ordonnateur attaches to a payment order: the beneficiary, the "
            "deliberation and the financing convention, the amount proposed for payment and its computation line "
            "by line, the supporting documents with their dates, the budget year, what has been paid and what "
            "remains, the legal bases and the source of each fact, with a blank place for the signature. With "
            "assumed terms of payment, the payable under the deliberation alone is shown as the ceiling."
        ),
    )
    _scenario_arguments(statement_parser)
    statement_parser.set_defaults(lang="fr")
    statement_parser.add_argument(
        "--format", choices=("markdown", "html"), default="markdown", help="html: a page to print, A4, no script"
    )
    statement_parser.add_argument(
        "--output", metavar="FILE", help="write the statement to FILE, whole or not at all, instead of standard output"
    )
    statement_parser.set_defaults(run=run_statement)


def _serve_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    serve_parser = _command(
        commands,
        "serve",
        help="serve the rules over HTTP (pip install 'propulseur-rules[service]')",
        description="Serve the rules over HTTP until interrupted: endpoints and limits in docs/service.md.",
    )
    serve_parser.add_argument("--host", default="127.0.0.1", help="the address to listen on (default 127.0.0.1)")
    serve_parser.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")
    serve_parser.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of errors")
    serve_parser.set_defaults(run=run_serve)
