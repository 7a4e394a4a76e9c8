"""The liquidation statement laid out: as Markdown, or as a printable HTML page (A4, no script).

The words and figures come from :func:`._statement.statement`; this module only
lays them out, every text escaped, so that a name or a reference taken from the
input shows as written and never opens a tag.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..rules._outcome import Assessment
from ..words._language import check_lang
from ._layout import report_text, table
from ._statement import Section, statement

if TYPE_CHECKING:
    from ..files._inputs import Inputs

__all__ = ["statement_html", "statement_markdown"]

#: The print stylesheet: an A4 page, its margins, tables that do not split a row, the warning boxed.
_STYLE = """\
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 10.5pt; color: #000; max-width: 178mm; margin: auto; }
h1 { font-size: 16pt; margin-bottom: 0; }
h2 { font-size: 12pt; border-bottom: 1px solid #000; margin-top: 14pt; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 2pt 4pt; vertical-align: top; text-align: left; }
td.amount, th.amount { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
.warning { border: 3px solid #000; padding: 6pt; font-weight: bold; font-size: 12pt; text-transform: uppercase; }
.signature { margin-top: 18pt; page-break-inside: avoid; }
.signature .space { height: 30mm; border: 1px dashed #555; }
@media print { .warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def statement_markdown(
    assessment: Assessment, inputs: Inputs, lang: str = "fr", *, ceiling: Assessment | None = None
) -> str:
    """The liquidation statement as Markdown (see :func:`._statement.statement` for its content)."""
    check_lang(lang)
    shown = statement(assessment, inputs, lang, ceiling=ceiling)
    lines = [f"# {shown.title}", "", f"**{shown.subtitle}**", ""]
    if shown.warning is not None:
        lines += [f"> **{shown.warning}**", ""]
    for section in shown.sections:
        lines += _markdown_section(section)
    lines += ["---", ""]
    for line in shown.signature:
        lines += [line, ""]
    return report_text(lines[:-1], markdown=True)


def _markdown_section(section: Section) -> list[str]:
    lines = [f"## {section.heading}", ""]
    for paragraph in section.paragraphs:
        lines += [paragraph, ""]
    if section.rows:
        lines += table(list(section.headers), [list(row) for row in section.rows], True, right=section.numeric)
        lines.append("")
    for paragraph in section.after:
        lines += [f"- {paragraph}"]
    if section.after:
        lines.append("")
    return lines


def statement_html(
    assessment: Assessment, inputs: Inputs, lang: str = "fr", *, ceiling: Assessment | None = None
) -> str:
    """The liquidation statement as a printable HTML page: a print stylesheet for A4, no script."""
    check_lang(lang)
    shown = statement(assessment, inputs, lang, ceiling=ceiling)
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{shown.lang}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(shown.title)} — {esc(shown.subtitle)}</title>",
        f'<style media="all">\n{_STYLE}</style>',
        "</head>",
        "<body>",
        f"<h1>{esc(shown.title)}</h1>",
        f"<p><strong>{esc(shown.subtitle)}</strong></p>",
    ]
    if shown.warning is not None:
        parts.append(f'<p class="warning" role="alert">{esc(shown.warning)}</p>')
    for section in shown.sections:
        parts += _html_section(section)
    parts.append('<div class="signature">')
    parts += [f"<p>{esc(line)}</p>" for line in shown.signature]
    parts += ['<div class="space"></div>', "</div>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_section(section: Section) -> list[str]:
    esc = html.escape
    parts = [f"<h2>{esc(section.heading)}</h2>"]
    parts += [f"<p>{esc(paragraph)}</p>" for paragraph in section.paragraphs]
    if section.rows:
        head = "".join(_cell("th", header, index in section.numeric) for index, header in enumerate(section.headers))
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>")
        for row in section.rows:
            cells = "".join(_cell("td", cell, index in section.numeric) for index, cell in enumerate(row))
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</tbody></table>")
    if section.after:
        parts.append("<ul>")
        parts += [f"<li>{esc(paragraph)}</li>" for paragraph in section.after]
        parts.append("</ul>")
    return parts


def _cell(tag: str, text: str, amount: bool) -> str:
    attribute = ' class="amount"' if amount else ""
    return f"<{tag}{attribute}>{html.escape(text)}</{tag}>"
