"""The scenario a set of options describes, and where each of its facts came from.

The command line (and any tool that takes the same options) describes a case by
a scenario file or none (the built-in example), files of the user's own for
the contracts, payments and documents, dates, and the readings of the ambiguous
clauses. :func:`assemble` turns those :class:`ScenarioOptions` into one
:class:`~propulseur_rules.files.Scenario` and the :class:`Inputs` that say
where each fact came from. The example's facts are never lent to the user's
own files: once a file of contracts or payments is given without a scenario
file, every fact must be (an :class:`~propulseur_rules.InvalidInput` names those left out).
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

import attrs

from ..example._example import (
    EXAMPLE_AS_OF,
    EXAMPLE_CONTRACTS,
    EXAMPLE_CONVENTION,
    EXAMPLE_DOCUMENTS,
    EXAMPLE_FINANCING_SIGNED_ON,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
)
from ..rules._convention import DIJON_2022
from ..rules._documents import check_documents
from ..rules._financing import FinancingTerms
from ..rules._outcome import Assessment
from ..words._errors import InvalidInput, Listed, Worded
from ._forms import day
from ._gathered import InputsWrong, all_wrong, attempt
from ._inputs import Inputs, Origin, Source, postal_code_warnings
from ._load import _parse_json, _parse_toml, load_scenario, scenario_from_text
from ._load_csv import contracts_read, payments_read
from ._load_files import _file_path, _read_text
from ._requests import STDIN, read_request
from ._scenario import Scenario
from ._sheet_table import Notice
from ._spreadsheet_documents import documents_read, placed_in_rows
from ._spreadsheet_rows import RowOrigin, SheetRead

__all__ = ["InputsWrong", "ScenarioOptions", "assemble", "deliberation_alone", "example_scenario"]

#: The endings of spreadsheets, which are given with --contracts or --payments, never as a scenario file.
_SPREADSHEETS = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")


def example_scenario() -> Scenario:
    """The built-in example as a scenario: DIJON_2022 with the assumed financing terms, its feed on 31 March 2025.

    It holds exactly the inputs of ``example_assessment_inputs()``.

    >>> example_scenario().assess().payable
    Decimal('12000.00')
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


@attrs.frozen(kw_only=True)
class ScenarioOptions:
    """A case as the command line describes it: each field one option, ``None`` when not given.

    ``file`` is a scenario file, ``"-"`` for JSON read from a stream, or ``None``
    for the built-in example. ``dated`` is false for a view with no date of
    assessment (the schedule).
    """

    file: str | None = None
    contracts: str | None = None
    payments: str | None = None
    no_payments: bool = False
    authorised_on: str | None = None
    not_authorised: bool = False
    as_of: str | None = None
    dated: bool = True
    places: str | None = None
    signing_deadline: str | None = None
    selected_from: str | None = None
    financing: str | None = None
    financing_signed_on: str | None = None
    financing_not_signed: bool = False
    documents: str | None = None
    #: The sheet of each workbook given to read (``--sheet``); none: the sheet each opens on.
    sheet: str | None = None

    @classmethod
    def of(cls, namespace: object) -> ScenarioOptions:
        """The options found on an object with these attribute names (an ``argparse.Namespace``)."""
        values = {
            field.name: getattr(namespace, field.name)
            for field in attrs.fields(cls)
            if field.name != "dated" and hasattr(namespace, field.name)
        }
        return cls(dated=hasattr(namespace, "as_of"), **values)


def assemble(options: ScenarioOptions, stdin: IO[Any] | None = None) -> tuple[Scenario, Inputs]:
    """The scenario ``options`` describe, and where each of its inputs came from.

    ``stdin`` (by default the process's standard input) is read when ``options.file`` is ``"-"``.
    Every input is read and checked before any is refused: one error names every bad cell of every file
    and every bad option (see :func:`all_wrong`).
    """
    errors: list[InvalidInput] = []
    based = attempt(errors, lambda: _base(options, stdin))
    changes: dict[str, object] = {}
    sources: dict[str, Source | None] = {}
    notices: list[Notice] = []
    _fact_changes(options, changes, sources, errors, notices)
    rows = _financing_changes(options, None if based is None else based[0], changes, sources, errors, notices)
    if based is not None and _combinable(options, changes):
        errors += [_placed(error, rows, options.file) for error in _combined_errors(based[0], changes)]
    if based is None or errors:
        raise all_wrong(errors)
    scenario, inputs = based
    try:
        scenario = scenario.replace(**changes)
    except InvalidInput as error:
        raise _placed(error, rows, options.file) from None
    scenario = _with_readings(scenario, options)
    _refuse_silent_defaults(scenario, options)
    inputs = attrs.evolve(inputs, notices=(*inputs.notices, *notices), **sources)  # type: ignore[arg-type]
    if options.financing == "assumed":
        assumed = Source(origin=Origin.ASSUMED, option="--financing assumed")
        inputs = attrs.evolve(inputs, terms=tuple((term, assumed) for term in _TERMS))
    if scenario.convention.financing is None:
        inputs = attrs.evolve(inputs, terms=())
    if not _has_financing(scenario, options):
        inputs = inputs.without_financing()
    if inputs.contracts.origin is not Origin.EXAMPLE:
        inputs = attrs.evolve(inputs, warnings=postal_code_warnings(scenario.contracts))
    return scenario, inputs


def _base(options: ScenarioOptions, stdin: IO[Any] | None) -> tuple[Scenario, Inputs]:
    """The scenario the options start from: the example, the user's own files alone, a scenario file or a stream."""
    if options.file is None and (options.contracts is not None or options.payments is not None):
        _require_every_fact(options)
        scenario = Scenario(
            name=f"The contracts of {options.contracts}.",
            convention=DIJON_2022,
            as_of=DIJON_2022.period.end,  # replaced by the as_of option; a schedule has none
        )
        return scenario, Inputs.of_own_files()
    if options.file is None:
        library = Source(origin=Origin.ASSUMED)
        return example_scenario(), attrs.evolve(Inputs.of_example(), terms=tuple((term, library) for term in _TERMS))
    if options.file == "-":
        text = read_request(sys.stdin if stdin is None else stdin)
        scenario = scenario_from_text(text, ".json", source=STDIN)
        return scenario, _scenario_inputs(STDIN, _given_terms(_parse_json(text)))
    if options.file.lower().endswith(_SPREADSHEETS):
        raise InvalidInput(options.file, "error.spreadsheet_not_scenario", file=options.file)
    scenario = load_scenario(options.file)
    text = _read_text(_file_path(options.file), options.file)
    data = _parse_toml(text) if options.file.lower().endswith(".toml") else _parse_json(text)
    inputs = _scenario_inputs(options.file, _given_terms(data))
    return scenario, attrs.evolve(inputs, notices=_named_notices(options.file, data))


def _named_notices(file: str, data: object) -> tuple[Notice, ...]:
    """What a person should know of how the spreadsheets a scenario file names were read (``contracts_csv``,
    ``documents`` as a file), as of the files given on the command line: each named as the scenario's errors
    name it, beside the scenario file. The scenario was loaded, so each file reads as it did then (CSV text)."""
    table = data if isinstance(data, dict) else {}
    notices: list[Notice] = []
    contracts, documents = table.get("contracts_csv"), table.get("documents")
    if isinstance(contracts, str):
        notices.extend(contracts_read(os.path.join(os.path.dirname(file), contracts), kind="csv")[1].notices)
    if isinstance(documents, str):
        notices.extend(documents_read(os.path.join(os.path.dirname(file), documents), kind="csv")[1].notices)
    return tuple(notices)


#: The terms of the financing convention (C3 « modalités »), each labelled on its own in a report.
_TERMS = tuple(field.name for field in attrs.fields(FinancingTerms))


def _given_terms(data: object) -> frozenset[str]:
    """The terms of the financing convention a scenario file writes out: the others are assumed by the library."""
    convention = data.get("convention") if isinstance(data, dict) else None
    terms = convention.get("financing") if isinstance(convention, dict) else None
    return frozenset(terms) if isinstance(terms, dict) else frozenset()


def _scenario_inputs(file: str, given: frozenset[str]) -> Inputs:
    """A scenario file's origins, each term of its financing convention given by the file or assumed."""
    scenario, library = Source(origin=Origin.SCENARIO, file=file), Source(origin=Origin.ASSUMED)
    terms = tuple((term, scenario if term in given else library) for term in _TERMS)
    return attrs.evolve(Inputs.of_scenario(file), terms=terms)


def _refuse_silent_defaults(scenario: Scenario, options: ScenarioOptions) -> None:
    """No fact is taken by default: assumed terms need the signature said, given or "not signed"."""
    if options.financing == "assumed" and scenario.financing_signed_on is None and not options.financing_not_signed:
        raise InvalidInput("", "error.financing_signed_on_needed")


def deliberation_alone(scenario: Scenario, inputs: Inputs) -> Assessment | None:
    """C3 — the case assessed under the deliberation alone, when its financing terms are assumed (wholly or in part).

    Its payable is the ceiling a report shows beside the simulation under the assumed terms;
    ``None`` when the terms are all given, or there are none: the case's own figure stands alone.
    """
    if scenario.convention.financing is None or not inputs.terms_assumed:
        return None
    return scenario.replace(convention=scenario.convention.replace(financing=None)).assess()


def _require_every_fact(options: ScenarioOptions) -> None:
    """Without a scenario file, a file of the user's own needs every other fact given too."""
    missing = [
        Worded(option)
        for given, option in (
            (options.contracts is not None, "error.option_contracts"),
            (options.as_of is not None or not options.dated, "error.option_as_of"),
            (options.authorised_on is not None or options.not_authorised, "error.option_authorised_on"),
            (options.payments is not None or options.no_payments, "error.option_payments"),
        )
        if not given
    ]
    if missing:
        raise InvalidInput("", "error.missing_facts", missing=Listed(missing, "error.comma_joint"))


def _fact_changes(
    options: ScenarioOptions,
    changes: dict[str, object],
    sources: dict[str, Source | None],
    errors: list[InvalidInput],
    notices: list[Notice],
) -> None:
    """The contracts, payments, authorisation and date the options give, with their origins; the errors of
    each kept in ``errors``, what a person should know of how each file was read in ``notices``."""
    if options.contracts is not None:
        file = options.contracts
        contracts = attempt(errors, lambda: contracts_read(file, sheet=options.sheet))
        if contracts is not None:
            changes["contracts"] = contracts[0]
            sources["contracts"] = _file_source(file, "--contracts", contracts[1], notices)
    if options.payments is not None:
        file = options.payments
        payments = attempt(errors, lambda: payments_read(file, sheet=options.sheet))
        if payments is not None:
            changes["payments"] = payments[0]
            sources["payments"] = _file_source(file, "--payments", payments[1], notices)
    elif options.no_payments:
        changes["payments"] = ()
        sources["payments"] = Source(origin=Origin.NONE, option="--no-payments")
    if options.authorised_on is not None:
        authorised = options.authorised_on
        changes["regional_authorisation_on"] = attempt(errors, lambda: day(authorised, "--authorised-on"))
        sources["regional_authorisation_on"] = Source(origin=Origin.OPTION, option="--authorised-on")
    elif options.not_authorised:
        changes["regional_authorisation_on"] = None
        sources["regional_authorisation_on"] = Source(origin=Origin.NONE, option="--not-authorised")
    if options.as_of is not None:
        as_of = options.as_of
        changes["as_of"] = attempt(errors, lambda: day(as_of, "--as-of"))
        sources["as_of"] = Source(origin=Origin.OPTION, option="--as-of")
    if not options.dated:
        sources["as_of"] = None


def _financing_changes(
    options: ScenarioOptions,
    scenario: Scenario | None,
    changes: dict[str, object],
    sources: dict[str, Source | None],
    errors: list[InvalidInput],
    notices: list[Notice],
) -> tuple[RowOrigin, ...] | None:
    """``--financing``, ``--financing-signed-on`` and ``--documents`` as changes to the scenario, with their origins.

    Returns the rows the documents were read from, if ``--documents`` gave them. ``scenario`` is the one the
    options start from; none when it could not be read (the documents are read all the same, for their errors).
    """
    terms = None if scenario is None else scenario.convention.financing
    if options.financing == "assumed":
        terms = FinancingTerms()
        if scenario is not None:
            changes["convention"] = scenario.convention.replace(financing=terms)
        sources["financing"] = Source(origin=Origin.ASSUMED, option="--financing assumed")
    elif options.financing == "none":
        terms = None
        if scenario is not None:
            changes["convention"] = scenario.convention.replace(financing=None)
        sources["financing"] = Source(origin=Origin.NONE, option="--financing none")
    if options.financing_signed_on is not None:
        signed = options.financing_signed_on
        changes["financing_signed_on"] = attempt(errors, lambda: day(signed, "--financing-signed-on"))
        sources["financing_signed_on"] = Source(origin=Origin.OPTION, option="--financing-signed-on")
    elif options.financing_not_signed:
        changes["financing_signed_on"] = None
        sources["financing_signed_on"] = Source(origin=Origin.NONE, option="--financing-not-signed")
    if options.documents is None:
        return None
    if terms is None and scenario is not None:  # documents without terms would be read by nothing: refused
        errors.append(InvalidInput("", "error.documents_without_terms"))
    file = options.documents
    documents = attempt(errors, lambda: documents_read(file, sheet=options.sheet))
    if documents is None:
        return None
    changes["documents"], read, rows = documents
    sources["documents"] = _file_source(file, "--documents", read, notices)
    return rows


def _with_readings(scenario: Scenario, options: ScenarioOptions) -> Scenario:
    """The scenario under the readings the options choose (SPEC §7), each checked by the convention."""
    readings: dict[str, object] = {}
    if options.places is not None:
        readings["places"] = options.places
    if options.signing_deadline is not None:
        readings["signing_deadline"] = day(options.signing_deadline, "--signing-deadline")
    if options.selected_from is not None:
        readings["selected_from"] = day(options.selected_from, "--selected-from")
    if not readings:
        return scenario
    return scenario.replace(convention=scenario.convention.replace(**readings))


def _placed(error: InvalidInput, rows: tuple[RowOrigin, ...] | None, file: str | None) -> InvalidInput:
    """An error about ``documents[i]`` placed at its row of ``--documents``, or in the scenario file it came from."""
    if rows is not None:
        return placed_in_rows(error, rows)
    if file is not None and error.path.startswith("documents["):
        return error.at(f"{STDIN if file == '-' else file}: {error.path}")
    return error


def _combinable(options: ScenarioOptions, changes: dict[str, object]) -> bool:
    """Whether the files given were all read, so that what only their combination refuses can be checked."""
    return (options.contracts is None or "contracts" in changes) and (
        options.documents is None or "documents" in changes
    )


def _combined_errors(scenario: Scenario, changes: dict[str, object]) -> list[InvalidInput]:
    """C3 — what only the files combined refuse, every one of it: each document against the contracts, the
    programme years and the day the financing convention was signed, as the scenario checks them (its
    :func:`check_documents`), one document at a time so that each is named."""
    combined = Scenario(
        name=scenario.name,
        convention=changes.get("convention", scenario.convention),
        as_of=scenario.as_of,
        contracts=changes.get("contracts", scenario.contracts),
        financing_signed_on=changes.get("financing_signed_on", scenario.financing_signed_on),
    )
    references = [contract.reference for contract in combined.contracts]
    years = len(combined.convention.programme_years)
    documents = changes.get("documents", scenario.documents)
    errors = []
    for index, document in enumerate(documents if isinstance(documents, tuple) else ()):
        try:
            check_documents(
                [document],
                contract_references=references,
                year_count=years,
                financing_signed_on=combined.financing_signed_on,
            )
        except InvalidInput as error:
            errors.append(error.at(f"documents[{index}]" + error.path.removeprefix("documents[0]")))
    return errors


def _has_financing(scenario: Scenario, options: ScenarioOptions) -> bool:
    """Whether a report names where the financing convention's inputs came from: terms, facts or an option."""
    return (
        scenario.convention.financing is not None
        or scenario.financing_signed_on is not None
        or bool(scenario.documents)
        or options.financing_not_signed
        or any(value is not None for value in (options.financing, options.financing_signed_on, options.documents))
    )


def _file_source(file: str, option: str, read: SheetRead, notices: list[Notice]) -> Source:
    """A file given with ``option``: the encoding it was read in, or the sheet of a workbook; its notices kept."""
    notices.extend(read.notices)
    workbook = read.how in ("xlsx", "ods")
    return Source(
        origin=Origin.FILE,
        file=file,
        option=option,
        encoding=None if workbook else read.how,
        sheet=read.sheet,
    )
