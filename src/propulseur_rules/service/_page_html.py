"""The HTML of the page for the finance office: the form, its errors beside their fields, and the report.

Plain server-rendered HTML, no script: each field has its label, its hint and its errors linked by
``aria-describedby``; the errors are listed first, each a link to its field; every text is escaped and
said through the catalogue. The views show what they are given and compute nothing.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import attrs

from ..words._catalogue import say

__all__ = ["CHOICES", "FILE_SLOTS", "Kept", "PageValues", "form_page", "report_page"]

#: The spreadsheets the form takes, in the order it shows them.
FILE_SLOTS = ("contracts", "payments", "documents")
#: The dates the form takes: the date of the assessment and the facts of the case, then the readings' days.
_FACT_DATES = ("as_of", "authorised_on")
_READING_DATES = ("signing_deadline", "selected_from")
#: The choices of the form and the values of each, the first the default.
CHOICES: dict[str, tuple[str, ...]] = {"places": ("annual", "pooled"), "financing": ("none", "assumed")}
#: The kinds of spreadsheet the loaders read, offered first by the browser's file picker.
_ACCEPT = ".csv,.xlsx,.ods"

_STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #ffffff; margin: 0 auto;
       max-width: 60rem; padding: 1rem; line-height: 1.5; }
a { color: #0b4f9c; }
fieldset { border: 1px solid #767676; margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; }
legend { font-weight: bold; padding: 0 0.25rem; }
label { display: block; font-weight: bold; margin-top: 0.75rem; }
.hint { color: #4a4a4a; margin: 0.1rem 0; }
.error { color: #a4001d; font-weight: bold; margin: 0.1rem 0; }
.errors { border: 3px solid #a4001d; padding: 0.5rem 1rem; margin-bottom: 1rem; }
input, select, button { font: inherit; }
input[aria-invalid="true"] { border: 2px solid #a4001d; }
button { background: #0b4f9c; color: #ffffff; border: 2px solid #0b4f9c; padding: 0.4rem 0.9rem;
         margin: 0.5rem 0.5rem 0 0; cursor: pointer; }
button.secondary { background: #ffffff; color: #0b4f9c; }
:focus-visible { outline: 3px solid #c25e00; outline-offset: 2px; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { font-weight: bold; text-align: left; }
th, td { border: 1px solid #b0b0b0; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
"""


@attrs.frozen(kw_only=True)
class Kept:
    """A spreadsheet uploaded before, carried in the page so that a download or a language needs no new upload."""

    name: str
    data: str  # the file's bytes in base64


@attrs.frozen(kw_only=True)
class PageValues:
    """What the form holds: its dates as typed, its choices, and the spreadsheets kept from the last submission."""

    dates: Mapping[str, str] = attrs.field(factory=dict)
    choices: Mapping[str, str] = attrs.field(factory=dict)
    kept: Mapping[str, Kept] = attrs.field(factory=dict)


def _document(lang: str, title: str, body: Sequence[str]) -> str:
    esc = html.escape
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"


def _other_language(lang: str) -> str:
    return "fr" if lang == "en" else "en"


def form_page(
    lang: str, values: PageValues, errors: Mapping[str, Sequence[str]], size: str, *, status_note: str = ""
) -> str:
    """The form, with the ``errors`` of each field (``""`` for those of no field) listed first and beside it."""
    esc = html.escape
    other = _other_language(lang)
    body = [
        "<header>",
        f"<h1>{esc(say('page.title', lang))}</h1>",
        f'<p><a href="/page?lang={other}" hreflang="{other}" lang="{other}">{esc(say("page.other_language", lang))}'
        "</a></p>",
        "</header>",
        "<main>",
        *_error_summary(lang, errors),
        f"<p>{esc(say('page.lead', lang))}</p>",
        *_form(lang, values, errors, size),
        "</main>",
    ]
    return _document(lang, say("page.title", lang), body)


def report_page(lang: str, values: PageValues, report: str, sources: str, size: str) -> str:
    """The report of an assessment, the forms that download it or read it in the other language, then the
    form again with the values of the assessment."""
    esc = html.escape
    other = _other_language(lang)
    carried = _carried(values)
    switch = (
        f'<form method="post" action="/page" enctype="multipart/form-data">{carried}'
        f'<input type="hidden" name="lang" value="{other}"><input type="hidden" name="output" value="report">'
        f'<button type="submit" class="secondary" lang="{other}">{esc(say("page.other_language", lang))}</button>'
        "</form>"
    )
    buttons = "".join(
        f'<button type="submit" name="output" value="{output}">{esc(say("page.submit." + output, lang))}</button>'
        for output in ("xlsx", "csv", "statement")
    )
    downloads = (
        f'<form method="post" action="/page" enctype="multipart/form-data">{carried}'
        f'<input type="hidden" name="lang" value="{lang}">{buttons}</form>'
    )
    body = [
        "<header>",
        f"<h1>{esc(say('page.title', lang))}</h1>",
        switch,
        "</header>",
        "<main>",
        '<section aria-labelledby="report-heading">',
        f'<h2 id="report-heading">{esc(say("page.report", lang))}</h2>',
        report,
        sources,
        "</section>",
        '<section aria-labelledby="downloads-heading">',
        f'<h2 id="downloads-heading">{esc(say("page.downloads", lang))}</h2>',
        downloads,
        "</section>",
        '<section aria-labelledby="again-heading">',
        f'<h2 id="again-heading">{esc(say("page.again", lang))}</h2>',
        *_form(lang, values, {}, size),
        "</section>",
        "</main>",
    ]
    return _document(lang, say("page.title", lang), body)


def _error_summary(lang: str, errors: Mapping[str, Sequence[str]]) -> list[str]:
    """The errors listed first, each a link to its field (those of no field are plain)."""
    if not any(errors.values()):
        return []
    esc = html.escape
    items = []
    for field, messages in errors.items():
        for message in messages:
            if field:
                said = say("page.error_in", lang, field=say("page.field." + field, lang), message=message)
                items.append(f'<li><a href="#{field}">{esc(said)}</a></li>')
            else:
                items.append(f"<li>{esc(message)}</li>")
    return [
        '<div class="errors" role="alert" aria-labelledby="errors-heading" tabindex="-1" id="errors">',
        f'<h2 id="errors-heading">{esc(say("page.errors", lang))}</h2>',
        "<ul>",
        *items,
        "</ul>",
        "</div>",
    ]


def _form(lang: str, values: PageValues, errors: Mapping[str, Sequence[str]], size: str) -> list[str]:
    esc = html.escape
    parts = [
        '<form method="post" action="/page" enctype="multipart/form-data">',
        f'<input type="hidden" name="lang" value="{lang}">',
        "<fieldset>",
        f"<legend>{esc(say('page.files', lang))}</legend>",
        f'<p class="hint">{esc(say("page.files_hint", lang, size=size))}</p>',
    ]
    for slot in FILE_SLOTS:
        parts += _file_field(lang, slot, values.kept.get(slot), errors.get(slot, ()))
    parts += ["</fieldset>", "<fieldset>", f"<legend>{esc(say('page.dates', lang))}</legend>"]
    for name in _FACT_DATES:
        parts += _date_field(lang, name, values.dates.get(name, ""), errors.get(name, ()), required=name == "as_of")
    parts += ["</fieldset>", "<fieldset>", f"<legend>{esc(say('page.readings', lang))}</legend>"]
    parts += _select_field(lang, "places", values.choices.get("places", ""), errors.get("places", ()))
    for name in _READING_DATES:
        parts += _date_field(lang, name, values.dates.get(name, ""), errors.get(name, ()))
    parts += ["</fieldset>", "<fieldset>", f"<legend>{esc(say('page.financing', lang))}</legend>"]
    parts += _select_field(lang, "financing", values.choices.get("financing", ""), errors.get("financing", ()))
    parts += _date_field(
        lang, "financing_signed_on", values.dates.get("financing_signed_on", ""), errors.get("financing_signed_on", ())
    )
    parts += [
        "</fieldset>",
        f'<button type="submit" name="output" value="report">{esc(say("page.submit.report", lang))}</button>',
        "</form>",
    ]
    return parts


def _described(lang: str, name: str, hints: Sequence[str], errors: Sequence[str]) -> tuple[str, list[str]]:
    """The attributes that link a field to its hints and errors, and the paragraphs of both."""
    esc = html.escape
    ids: list[str] = []
    parts: list[str] = []
    for index, hint in enumerate(hints):
        ids.append(f"{name}-hint{index or ''}")
        parts.append(f'<p class="hint" id="{ids[-1]}">{esc(hint)}</p>')
    for index, message in enumerate(errors):
        ids.append(f"{name}-error{index or ''}")
        parts.append(f'<p class="error" id="{ids[-1]}">{esc(message)}</p>')
    attributes = f' aria-describedby="{" ".join(ids)}"' if ids else ""
    if errors:
        attributes += ' aria-invalid="true"'
    return attributes, parts


def _hint(lang: str, name: str) -> list[str]:
    key = f"page.field.{name}_hint"
    return [say(key, lang)]


def _file_field(lang: str, slot: str, kept: Kept | None, errors: Sequence[str]) -> list[str]:
    esc = html.escape
    hints = _hint(lang, slot)
    carried = ""
    if kept is not None:
        hints.append(say("page.field.kept", lang, file=kept.name))
        carried = _kept_inputs(slot, kept)
    attributes, described = _described(lang, slot, hints, errors)
    required = " required" if slot == "contracts" and kept is None else ""
    return [
        f'<label for="{slot}">{esc(say("page.field." + slot, lang))}</label>',
        f'<input type="file" id="{slot}" name="{slot}" accept="{_ACCEPT}"{required}{attributes}>{carried}',
        *described,
    ]


def _date_field(lang: str, name: str, value: str, errors: Sequence[str], *, required: bool = False) -> list[str]:
    esc = html.escape
    hints = [] if required else _hint(lang, name)
    attributes, described = _described(lang, name, hints, errors)
    flag = " required" if required else ""
    return [
        f'<label for="{name}">{esc(say("page.field." + name, lang))}</label>',
        f'<input type="date" id="{name}" name="{name}" value="{esc(value)}"{flag}{attributes}>',
        *described,
    ]


def _select_field(lang: str, name: str, value: str, errors: Sequence[str]) -> list[str]:
    esc = html.escape
    attributes, described = _described(lang, name, [], errors)
    options = "".join(
        f'<option value="{choice}"{" selected" if choice == value else ""}>'
        f"{esc(say(f'page.{name}.{choice}', lang))}</option>"
        for choice in CHOICES[name]
    )
    return [
        f'<label for="{name}">{esc(say("page.field." + name, lang))}</label>',
        f'<select id="{name}" name="{name}"{attributes}>{options}</select>',
        *described,
    ]


def _kept_inputs(slot: str, kept: Kept) -> str:
    esc = html.escape
    return (
        f'<input type="hidden" name="{slot}_kept_name" value="{esc(kept.name)}">'
        f'<input type="hidden" name="{slot}_kept" value="{esc(kept.data)}">'
    )


def _carried(values: PageValues) -> str:
    """Every value of the form as hidden inputs: a download or the other language asks for no new upload."""
    esc = html.escape
    parts = [_kept_inputs(slot, kept) for slot, kept in values.kept.items()]
    parts += [f'<input type="hidden" name="{name}" value="{esc(value)}">' for name, value in values.dates.items()]
    parts += [f'<input type="hidden" name="{name}" value="{esc(value)}">' for name, value in values.choices.items()]
    return "".join(parts)
