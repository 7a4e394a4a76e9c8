"""The pieces of the HTML view: a table, the financing section and the unmet conditions, every text escaped."""

from __future__ import annotations

import html
from collections.abc import Collection

from ..rules._outcome import Assessment
from ..words._catalogue import say
from ._financing_section import FinancingSection
from ._messages import unmet_message

__all__ = ["financing_html", "html_table", "unmet_html"]

_RIGHT = ' style="text-align:right"'


def _row(cells: list[str], numeric: Collection[int], headers: Collection[int]) -> str:
    html_cells = []
    for index, cell in enumerate(cells):
        tag = "th" if index in headers else "td"
        html_cells.append(f"<{tag}{_RIGHT if index in numeric else ''}>{html.escape(cell)}</{tag}>")
    return "<tr>" + "".join(html_cells) + "</tr>"


def html_table(caption: str, headers: list[str], rows: list[list[str]], numeric: Collection[int]) -> str:
    """A table with a header row, or with a header column when ``headers`` is empty."""
    head = f"<thead>{_row(headers, numeric, set(range(len(headers))))}</thead>" if headers else ""
    body = "".join(_row(cells, numeric, set() if headers else {0}) for cells in rows)
    return f"<table><caption>{html.escape(caption)}</caption>{head}<tbody>{body}</tbody></table>"


def financing_html(financing: FinancingSection, lang: str) -> list[str]:
    """The section on the financing convention: its paragraphs, its table of documents and its lists."""
    esc = html.escape
    parts = [f"<p><strong>{esc(say('report.financing', lang))}</strong></p>"]
    parts += [f"<p>{esc(paragraph)}</p>" for paragraph in financing.before]
    if financing.rows:
        parts.append(
            html_table(
                say("report.financing.documents", lang),
                list(financing.headers),
                [list(row) for row in financing.rows],
                {3},
            )
        )
    parts += [f"<p>{esc(paragraph)}</p>" for paragraph in financing.after]
    for title, items in financing.lists:
        parts.append(f"<p>{esc(title)}</p><ul>")
        parts += [f"<li>{esc(item)}</li>" for item in items]
        parts.append("</ul>")
    return parts


def unmet_html(assessment: Assessment, lang: str) -> list[str]:
    """The unmet conditions with their clauses, or the sentence that all are met."""
    esc = html.escape
    parts = [f"<p><strong>{esc(say('report.unmet', lang))}</strong></p>"]
    if assessment.unmet:
        parts.append("<ul>")
        parts += [
            f"<li>[{esc(unmet.clause.value)}] {esc(unmet_message(unmet, lang, cite=False))}</li>"
            for unmet in assessment.unmet
        ]
        parts.append("</ul>")
    else:
        parts.append(f"<p>{esc(say('report.all_met', lang))}</p>")
    return parts
