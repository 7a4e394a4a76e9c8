"""The rules over HTTP: a FastAPI application whose endpoints take a scenario as JSON and keep no state.

Each request is read and checked in this order, each step before the work it guards: the body's size
(``Content-Length``, then the bytes as they come), its JSON (a key given twice refused), the counts of
contracts, payments and documents, then the values of the scenario, then the rules. Every error is a
problem (RFC 9457) in the language of ``Accept-Language``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from .._version import package_version
from ..files._assemble import _given_terms, _scenario_inputs
from ..files._inputs import Inputs
from ..files._load import _parse_json
from ..files._load_data import scenario_from_data
from ..files._scenario import Scenario
from ..planning._readings import compare_readings, readings_to_dict
from ..planning._schedule import schedule
from ..planning._schedule_views import schedule_to_dict
from ..reports._render import explain
from ..reports._scdl import scdl_csv, scdl_json, scdl_record
from ..reports._statement_layout import statement_html, statement_markdown
from ..words._errors import Either, InvalidInput, PropulseurRulesError, kind_of, shown
from ._limits import BodyTooLarge, Limits, check_counts, read_body
from ._openapi import openapi_document
from ._page import mount_page
from ._problems import PROBLEM_MEDIA_TYPE, language, problem

__all__ = ["create_app"]

_LOG = logging.getLogger("propulseur_rules.service")

#: How a scenario sent in a request is named where a report says where its facts came from.
REQUEST = "<request>"


class BadParameter(InvalidInput):
    """A parameter of the query that is not one of its values (HTTP 400)."""


def create_app(limits: Limits | None = None) -> FastAPI:
    """The application, each request bounded by ``limits`` (the defaults if none; see :class:`Limits`)."""
    limits = Limits() if limits is None else limits
    if not isinstance(limits, Limits):
        raise InvalidInput("limits", "error.expected_a_kind", kind="Limits", type=kind_of(limits))
    app = FastAPI(
        title="propulseur-rules",
        version=package_version(),
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    document = openapi_document(limits)
    app.openapi = lambda: document  # type: ignore[method-assign]
    app.add_exception_handler(HTTPException, _http_problem)
    app.add_exception_handler(Exception, _internal_problem)

    def endpoint(path: str, work: Callable[[Request, Scenario, Inputs, str], Response]) -> None:
        async def answer(request: Request) -> Response:
            lang = language(request.headers.get("accept-language"))
            try:
                body = await read_body(request.stream(), request.headers.get("content-length"), limits)
                return await run_in_threadpool(_work, request, body, limits, lang, work)
            except BodyTooLarge as error:
                return _problem(error, 413, lang)
            except BadParameter as error:
                return _problem(error, 400, lang)
            except PropulseurRulesError as error:
                return _problem(error, 422, lang)

        app.add_api_route(path, answer, methods=["POST"], include_in_schema=False)

    async def health() -> dict[str, str]:
        return {"status": "ok", "version": package_version()}

    app.add_api_route("/health", health, methods=["GET"], include_in_schema=False)
    endpoint("/assess", _assess)
    endpoint("/explain", _explain)
    endpoint("/readings", _readings)
    endpoint("/schedule", _schedule)
    endpoint("/statement", _statement)
    endpoint("/export/scdl", _scdl)
    mount_page(app, limits)
    return app


def _work(
    request: Request, body: bytes, limits: Limits, lang: str, work: Callable[[Request, Scenario, Inputs, str], Response]
) -> Response:
    """The scenario of ``body``, its counts checked before its values are built, and the ``work`` asked of it."""
    if not body.strip():
        raise InvalidInput("", "error.body_empty")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("", "error.not_utf8_text") from None
    data = _parse_json(text)
    check_counts(data, limits)
    scenario = scenario_from_data(data)
    return work(request, scenario, _inputs(scenario, data), lang)


def _inputs(scenario: Scenario, data: object) -> Inputs:
    """Where the facts of a request's scenario came from: the request, each financing term given or assumed."""
    inputs = _scenario_inputs(REQUEST, _given_terms(data))
    if scenario.convention.financing is None:
        inputs = inputs.without_financing()
    return inputs


def _choice(request: Request, name: str, choices: tuple[str, ...]) -> str:
    """The value of the query parameter ``name``, one of ``choices`` (the first if it is not given)."""
    value = request.query_params.get(name, choices[0])
    if value not in choices:
        raise BadParameter(name, "error.not_one_of", value=shown(value), choices=Either(choices))
    return value


def _json(data: object) -> Response:
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")


def _assess(request: Request, scenario: Scenario, inputs: Inputs, lang: str) -> Response:
    return _json(scenario.assess().to_dict())


def _explain(request: Request, scenario: Scenario, inputs: Inputs, lang: str) -> Response:
    markdown = _choice(request, "format", ("text", "markdown")) == "markdown"
    text = explain(scenario.assess(), lang, markdown=markdown)
    return Response(text, media_type="text/markdown" if markdown else "text/plain")


def _readings(request: Request, scenario: Scenario, inputs: Inputs, lang: str) -> Response:
    rows = compare_readings(scenario.convention, scenario.facts())
    return _json({"readings": readings_to_dict(rows)})


def _schedule(request: Request, scenario: Scenario, inputs: Inputs, lang: str) -> Response:
    events = schedule(scenario.convention, scenario.facts())
    return _json(schedule_to_dict(scenario.convention, events))


def _statement(request: Request, scenario: Scenario, inputs: Inputs, lang: str) -> Response:
    html = _choice(request, "format", ("markdown", "html")) == "html"
    write = statement_html if html else statement_markdown
    return Response(write(scenario.assess(), inputs, lang), media_type="text/html" if html else "text/markdown")


def _scdl(request: Request, scenario: Scenario, inputs: Inputs, lang: str) -> Response:
    as_csv = _choice(request, "format", ("json", "csv")) == "csv"
    query = request.query_params
    notified = query.get("eu_notified")
    if notified is not None and notified not in ("true", "false"):
        raise BadParameter("eu_notified", "error.not_one_of", value=shown(notified), choices=Either(("true", "false")))
    record = scdl_record(
        scenario.convention,
        funder_siret=query.get("funder_siret"),
        beneficiary_siret=query.get("beneficiary_siret"),
        eu_notified=None if notified is None else notified == "true",
        convention_signed_on=query.get("convention_signed_on") or scenario.financing_signed_on,
        regional_authorisation_on=scenario.regional_authorisation_on,
    )
    if as_csv:
        return Response(scdl_csv([record]), media_type="text/csv")
    return Response(scdl_json([record]), media_type="application/json")


def _problem(error: PropulseurRulesError, status: int, lang: str) -> Response:
    return JSONResponse(problem(error, status, lang), status_code=status, media_type=PROBLEM_MEDIA_TYPE)


async def _http_problem(request: Request, error: Exception) -> Response:
    """A path the service does not have, a method it does not allow: a problem like any other."""
    lang = language(request.headers.get("accept-language"))
    status = error.status_code if isinstance(error, HTTPException) else 500
    if status == 405:
        wrong = InvalidInput("", "error.method_not_allowed", method=shown(request.method), path=request.url.path)
    else:
        wrong = InvalidInput("", "error.no_such_endpoint", path=shown(request.url.path, 80))
    return _problem(wrong, status, lang)


async def _internal_problem(request: Request, error: Exception) -> Response:
    """A failure of the service itself: logged whole, answered without its details."""
    _LOG.exception("%s %s failed", request.method, request.url.path, exc_info=error)
    lang = language(request.headers.get("accept-language"))
    return _problem(InvalidInput("", "error.internal"), 500, lang)
