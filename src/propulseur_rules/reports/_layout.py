"""The layout of the text and Markdown reports: aligned tables and the final text.

The words come from the catalogue (``words``); this module only lays them out, the
same way for the assessment, the budget years and the forecast.
"""

from __future__ import annotations

from collections.abc import Collection

__all__ = ["report_text", "table"]


def report_text(lines: list[str], markdown: bool) -> str:
    """The report's lines as text; in Markdown, ``&`` and ``<`` escaped so that no name or
    reference taken from the input can open an HTML tag where the Markdown is shown.

    >>> report_text(["# A <b> & B"], markdown=True)
    '# A &lt;b> &amp; B\\n'
    """
    out = "\n".join(lines) + "\n"
    return out.replace("&", "&amp;").replace("<", "&lt;") if markdown else out


def table(headers: list[str], rows: list[list[str]], markdown: bool, right: Collection[int]) -> list[str]:
    """The lines of a table: a Markdown table, or columns padded to their widest cell in text.

    ``right`` holds the positions of the columns aligned to the right (the amounts).

    >>> for line in table(["Year", "Accrued"], [["1", "€20,000.00"]], markdown=False, right={1}):
    ...     print(line)
    Year     Accrued
    ----  ----------
    1     €20,000.00
    """
    if markdown:
        lines = ["| " + " | ".join(headers) + " |"]
        lines.append("|" + "|".join("---:" if index in right else "---" for index in range(len(headers))) + "|")
        lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows)
        return lines
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [
            cell.rjust(width) if index in right else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return [line(headers), "  ".join("-" * width for width in widths), *(line(row) for row in rows)]
