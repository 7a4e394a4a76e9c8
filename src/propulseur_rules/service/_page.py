"""The page for the finance office: ``GET /page`` shows a form, ``POST /page`` assesses what it was given.

The form takes the spreadsheets of the contracts, the payments and the supporting documents, the date of
the assessment, the date of the regional authorisation, the readings of the deliberation and the terms of
the financing convention, as the command line takes them (:class:`~propulseur_rules.files.ScenarioOptions`).
Each request is read in this order: the body's size before it is parsed, then the form, each file within
its own limit, then the files through the library's loaders, each written for the time of the request into
a temporary folder deleted after it. The answer is the report (the library's HTML view and where each input
came from), the spreadsheet export or the liquidation statement, in French or English; an error is shown
beside its field, a file's error with its row and column as the loaders name them. The page computes nothing.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

import attrs
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.types import Message

from ..files._assemble import ScenarioOptions, assemble, deliberation_alone
from ..files._inputs import Inputs, Source
from ..files._scenario import Scenario
from ..reports._data import payable_bases
from ..reports._export import assessment_csv, assessment_xlsx
from ..reports._html import html_table
from ..reports._render import assessment_html
from ..reports._statement_layout import statement_html
from ..rules._outcome import Assessment
from ..words._catalogue import say
from ..words._errors import Either, InvalidInput, PropulseurRulesError, Worded, shown
from ..words._format import format_count
from ..words._language import LANGUAGES
from ._limits import COUNTED, BodyTooLarge, Limits, read_body
from ._page_html import CHOICES, FILE_SLOTS, Kept, PageValues, form_page, report_page
from ._problems import language

__all__ = ["mount_page"]

#: The dates of the form, each the value of the command line's option of the same name.
_DATES = ("as_of", "authorised_on", "signing_deadline", "selected_from", "financing_signed_on")
#: What a submission asks for: the report, a spreadsheet or the liquidation statement.
_OUTPUTS = ("report", "xlsx", "csv", "statement")
#: The media type of each download.
_MEDIA = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "statement": "text/html; charset=utf-8",
}
#: The options of the command line the library's inputs and errors name, and the field of the form for each.
_OPTION_FIELDS = {
    "--contracts": "contracts",
    "--payments": "payments",
    "--no-payments": "payments",
    "--documents": "documents",
    "--as-of": "as_of",
    "--authorised-on": "authorised_on",
    "--not-authorised": "authorised_on",
    "--signing-deadline": "signing_deadline",
    "--selected-from": "selected_from",
    "--financing assumed": "financing",
    "--financing-signed-on": "financing_signed_on",
    "--financing-not-signed": "financing_signed_on",
}
#: The errors of no option that belong to a field all the same.
_KEY_FIELDS = {"error.documents_without_terms": "documents", "error.financing_signed_on_needed": "financing_signed_on"}
#: What a file's name keeps of what the browser sent: letters, digits, dots, dashes, underscores and spaces.
_UNSAFE = re.compile(r"[^\w.\- ]+")
#: The most fields a form may hold: its own, and each file kept as a name and its content.
_MAX_FIELDS = 40


@attrs.frozen(kw_only=True)
class _Submission:
    """A form as read: its language, what it asks for, its values, and the errors found before any loader ran."""

    lang: str
    output: str
    values: PageValues
    errors: Mapping[str, list[str]]


def mount_page(app: FastAPI, limits: Limits) -> None:
    """Add the page to ``app``: each file uploaded at most ``limits.max_body_bytes``, the whole form at most
    four times that (three files, each carried in base64 by the report's forms, and the fields)."""

    async def show(request: Request) -> Response:
        asked = request.query_params.get("lang")
        lang = asked if asked in LANGUAGES else language(request.headers.get("accept-language"))
        return HTMLResponse(form_page(lang, PageValues(), {}, _size(limits, lang)))

    async def submit(request: Request) -> Response:
        lang = language(request.headers.get("accept-language"))
        try:
            body = await read_body(request.stream(), request.headers.get("content-length"), _form_limit(limits))
            form = await _parsed(request, body)
        except BodyTooLarge as error:
            return _refused(lang, PageValues(), {"": [error.message(lang)]}, limits, 413)
        except (HTTPException, MultiPartException):
            return _refused(lang, PageValues(), {"": [say("error.page_not_a_form", lang)]}, limits, 400)
        try:
            submission = await _submission(form, lang, limits)
        finally:
            await form.close()
        if any(submission.errors.values()):
            return _refused(submission.lang, submission.values, submission.errors, limits, 422)
        return await run_in_threadpool(_answer, submission, limits)

    app.add_api_route("/page", show, methods=["GET"], include_in_schema=False)
    app.add_api_route("/page", submit, methods=["POST"], include_in_schema=False)


def _form_limit(limits: Limits) -> Limits:
    return Limits(max_body_bytes=4 * limits.max_body_bytes + 64 * 1024)


def _size(limits: Limits, lang: str) -> str:
    return say("page.size", lang, count=format_count(limits.max_body_bytes // 1024, lang))


async def _parsed(request: Request, body: bytes) -> FormData:
    """The form of ``body``, read once it is known to be within the limit."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    replay = Request(request.scope, receive)
    return await replay.form(max_files=len(FILE_SLOTS), max_fields=_MAX_FIELDS, max_part_size=len(body) + 1)


async def _submission(form: FormData, lang: str, limits: Limits) -> _Submission:
    """The values of ``form``, each file read within the limit; what is missing or not a choice, as errors."""
    asked = form.get("lang")
    lang = asked if isinstance(asked, str) and asked in LANGUAGES else lang
    errors: dict[str, list[str]] = {}
    kept: dict[str, Kept] = {}
    for slot in FILE_SLOTS:
        try:
            upload = await _upload(form, slot, limits)
        except InvalidInput as error:
            errors.setdefault(slot, []).append(error.reason_in(lang))
            continue
        if upload is not None:
            kept[slot] = upload
    if "contracts" not in kept and not errors.get("contracts"):
        errors["contracts"] = [say("error.page_no_contracts", lang)]
    dates = {name: _text(form, name) for name in _DATES}
    if not dates["as_of"]:
        errors["as_of"] = [say("error.page_no_as_of", lang)]
    choices = {}
    for name, allowed in CHOICES.items():
        choices[name] = _text(form, name) or allowed[0]
        if choices[name] not in allowed:
            wrong = InvalidInput(name, "error.not_one_of", value=shown(choices[name]), choices=Either(allowed))
            errors[name] = [wrong.reason_in(lang)]
            choices[name] = allowed[0]
    output = _text(form, "output") or "report"
    if output not in _OUTPUTS:
        wrong = InvalidInput("output", "error.not_one_of", value=shown(output), choices=Either(_OUTPUTS))
        errors[""] = [wrong.reason_in(lang)]
    values = PageValues(dates={name: value for name, value in dates.items() if value}, choices=choices, kept=kept)
    return _Submission(lang=lang, output=output, values=values, errors=errors)


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


async def _upload(form: FormData, slot: str, limits: Limits) -> Kept | None:
    """The file of ``slot``: the one uploaded now, else the one kept from the last submission, else none."""
    limit = limits.max_body_bytes
    too_large = InvalidInput(slot, "error.page_file_too_large", size=Worded("page.size", count=str(limit // 1024)))
    value = form.get(slot)
    if isinstance(value, UploadFile) and value.filename:
        content = await value.read(limit + 1)
        if len(content) > limit:
            raise too_large
        return Kept(name=_safe_name(value.filename, slot), data=base64.b64encode(content).decode("ascii"))
    data, name = form.get(slot + "_kept"), form.get(slot + "_kept_name")
    if not isinstance(data, str) or not isinstance(name, str) or not data:
        return None
    try:
        content = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput(slot, "error.page_kept_file") from None
    if len(content) > limit:
        raise too_large
    return Kept(name=_safe_name(name, slot), data=data)


def _safe_name(filename: str, slot: str) -> str:
    """The name a file is written under: the browser's name without folders or unusual signs, else the slot's."""
    name = _UNSAFE.sub("_", filename.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")[:100]
    return name or slot


def _answer(submission: _Submission, limits: Limits) -> Response:
    """The output the submission asks for, its files read from a temporary folder deleted before the answer."""
    lang, values = submission.lang, submission.values
    with tempfile.TemporaryDirectory(prefix="propulseur-page-") as folder:
        paths = {slot: _written(folder, slot, kept) for slot, kept in values.kept.items()}
        try:
            scenario, inputs = assemble(_options(values, paths))
            over = _over_limits(scenario, limits, lang)
            if over:
                return _refused(lang, values, over, limits, 422)
            assessment = scenario.assess()
            ceiling = deliberation_alone(scenario, inputs)
            inputs = _shown_inputs(inputs, folder, lang)
            return _output(submission, assessment, ceiling, inputs, limits)
        except PropulseurRulesError as error:
            return _refused(lang, values, _placed(error, folder, lang), limits, 422)


def _over_limits(scenario: Scenario, limits: Limits, lang: str) -> dict[str, list[str]]:
    """The files that hold more rows than ``limits`` allow, each with its error, before any assessment: the
    limits of a request to the service bound the page's work as well (``docs/service.md``, "Limits")."""
    counted = {slot: (len(getattr(scenario, slot)), getattr(limits, limit)) for slot, limit in COUNTED.items()}
    return {
        slot: [say("error.page_too_many_rows", lang, count=format_count(count, lang), limit=format_count(limit, lang))]
        for slot, (count, limit) in counted.items()
        if count > limit
    }


def _written(folder: str, slot: str, kept: Kept) -> str:
    place = Path(folder, slot)
    place.mkdir()
    path = place / kept.name
    path.write_bytes(base64.b64decode(kept.data))
    return str(path)


def _options(values: PageValues, paths: Mapping[str, str]) -> ScenarioOptions:
    """The command line's options for what the form holds: an empty date is a fact said not to have happened."""
    dates, choices = values.dates, values.choices
    assumed = choices.get("financing") == "assumed"
    return ScenarioOptions(
        contracts=paths.get("contracts"),
        payments=paths.get("payments"),
        no_payments="payments" not in paths,
        documents=paths.get("documents"),
        as_of=dates.get("as_of"),
        authorised_on=dates.get("authorised_on"),
        not_authorised="authorised_on" not in dates,
        places=choices.get("places"),
        signing_deadline=dates.get("signing_deadline"),
        selected_from=dates.get("selected_from"),
        financing="assumed" if assumed else None,
        financing_signed_on=dates.get("financing_signed_on"),
        financing_not_signed=assumed and "financing_signed_on" not in dates,
    )


def _output(
    submission: _Submission, assessment: Assessment, ceiling: Assessment | None, inputs: Inputs, limits: Limits
) -> Response:
    lang, output = submission.lang, submission.output
    if output == "statement":
        return _download(statement_html(assessment, inputs, lang, ceiling=ceiling), "statement", "html", lang)
    sources = inputs.table(payable_bases(assessment, ceiling), lang)
    if output == "xlsx":
        return _download(assessment_xlsx(assessment, lang, sources=sources), "xlsx", "xlsx", lang)
    if output == "csv":
        return _download(assessment_csv(assessment, lang, sources=sources), "csv", "csv", lang)
    report = assessment_html(
        assessment,
        lang,
        ceiling=ceiling,
        fictitious=inputs.fictitious,
        assumed=inputs.assumed_terms if inputs.terms else None,
    )
    rows = [[label.strip(), text] for label, text in inputs.rows(lang)]
    shown_inputs = html_table(say("inputs.heading", lang), [], rows, set())
    return HTMLResponse(report_page(lang, submission.values, report, shown_inputs, _size(limits, lang)))


def _download(content: str | bytes, output: str, suffix: str, lang: str) -> Response:
    name = say("page.download." + ("statement" if output == "statement" else "export"), lang)
    headers = {"Content-Disposition": f'attachment; filename="{name}.{suffix}"'}
    return Response(content, media_type=_MEDIA[output], headers=headers)


def _refused(
    lang: str, values: PageValues, errors: Mapping[str, list[str]], limits: Limits, status: int
) -> HTMLResponse:
    return HTMLResponse(form_page(lang, values, errors, _size(limits, lang)), status_code=status)


def _placed(error: PropulseurRulesError, folder: str, lang: str) -> dict[str, list[str]]:
    """The errors the library found, each by the field of the form it is about (``""`` for none): every one
    of them when the loaders report several at once."""
    listed = getattr(error, "errors", None)
    found = [each for each in listed if isinstance(each, PropulseurRulesError)] if listed else []
    placed: dict[str, list[str]] = {}
    for each in found or [error]:
        field, message = _field_message(each, folder, lang)
        placed.setdefault(field, []).append(message)
    return placed


def _field_message(error: PropulseurRulesError, folder: str, lang: str) -> tuple[str, str]:
    """The field an error is about and what it says there: a file's error names the file as it was uploaded,
    its row and its column; an option's error says only what is wrong, beside its field."""
    if not isinstance(error, InvalidInput):
        return "", error.message(lang)
    for slot in FILE_SLOTS:
        prefix = os.path.join(folder, slot) + os.sep
        if prefix in error.message(lang):
            return slot, error.message(lang).replace(prefix, "")
    field = _OPTION_FIELDS.get(error.path) or _KEY_FIELDS.get(error.key, "")
    if field:
        return field, error.reason_in(lang)
    return "", error.message(lang)


def _shown_inputs(inputs: Inputs, folder: str, lang: str) -> Inputs:
    """Where each input came from, said as the page gave it: a file by the name it was uploaded under, an
    option by the label of its field."""
    changes: dict[str, object] = {}
    for field in attrs.fields(Inputs):
        value = getattr(inputs, field.name)
        if isinstance(value, Source):
            changes[field.name] = _shown_source(value, folder, lang)
    changes["terms"] = tuple((term, _shown_source(source, folder, lang)) for term, source in inputs.terms)
    return attrs.evolve(inputs, **changes)  # type: ignore[arg-type]


def _shown_source(source: Source, folder: str, lang: str) -> Source:
    if source.file is not None and source.file.startswith(folder + os.sep):
        return attrs.evolve(source, file=Path(source.file).name, option=say("page.uploaded", lang))
    if source.option in _OPTION_FIELDS:
        return attrs.evolve(source, option=say("page.field." + _OPTION_FIELDS[source.option], lang))
    return source
