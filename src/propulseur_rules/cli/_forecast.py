"""The ``forecast`` subcommand: futures of a scenario's pipeline and documents, by budget year."""

from __future__ import annotations

import argparse
import sys

from ..files._assemble import ScenarioOptions, assemble
from ..files._scenario import Scenario
from ..planning._forecast import EXAMPLE_PIPELINE, Prospect, quantiles_option, render_forecast
from ..planning._outlook import DocumentOutlook
from ..planning._pipeline import load_pipeline
from ..rules._documents import Document
from ..rules._model import Contract
from ..words._catalogue import say
from ..words._errors import InvalidInput, PropulseurRulesError
from ._output import (
    EXIT_OK,
    refused,
)

__all__ = ["run_forecast"]


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
