"""Build hooks of the documentation site (mkdocs.yml): the README as its home page, the CHANGELOG as a page.

The README and the CHANGELOG stay where a reader of the repository looks for them;
the site takes them as its pages ``index.md`` and ``changelog.md``, and turns the
links between the files of the repository into links between the pages of the site.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent
#: The files of the repository's root the site shows, and the page each becomes.
ROOT_PAGES = {"README.md": "index.md", "CHANGELOG.md": "changelog.md"}


def on_files(files: Files, config: Any, **_: Any) -> Files:
    """Add the README and the CHANGELOG as pages of the site."""
    for name, page in ROOT_PAGES.items():
        files.append(File.generated(config, page, content=(ROOT / name).read_text(encoding="utf-8")))
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Links written for the repository's files, as links to the site's pages."""
    if page.file.src_uri in ROOT_PAGES.values():
        markdown = re.sub(r"\]\(docs/", "](", markdown)
        prefix = ""
    else:
        prefix = "../" * page.file.src_uri.count("/")
        markdown = re.sub(r"\]\(((?:\.\./)+)(?=" + "|".join(map(re.escape, ROOT_PAGES)) + ")", "](", markdown)
    for name, target in ROOT_PAGES.items():
        markdown = re.sub(r"\]\(" + re.escape(name) + r"(?=[)#])", f"]({prefix}{target}", markdown)
    return markdown


# --- the docstrings, for the API reference -----------------------------------------------------

_ROLE = re.compile(r":(?:func|class|meth|data|attr|mod|exc|obj):`~?([^`]+)`")


def plain_docstring(text: str) -> str:
    """A docstring as Markdown: its doctest examples fenced as code, its Sphinx roles as inline code."""
    lines: list[str] = []
    indent: str | None = None
    fenced = False  # within a block already fenced: left as it is, so that a second pass changes nothing
    for line in text.splitlines():
        stripped = line.lstrip()
        if indent is None and stripped.startswith("```"):
            fenced = not fenced
        if fenced or (indent is None and stripped.startswith("```")):
            lines.append(line)
            continue
        if indent is None and stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            if lines and lines[-1].strip():
                lines.append("")  # a fence opens a block of its own
            lines.append(f"{indent}```pycon")
        elif indent is not None and not stripped:
            lines.append(f"{indent}```")
            indent = None
        lines.append(line if indent is not None else _ROLE.sub(_short_role, line))
    if indent is not None:
        lines.append(f"{indent}```")
    return "\n".join(lines)


def _short_role(match: re.Match[str]) -> str:
    target = match.group(1)
    return f"`{target.rsplit('.', 1)[-1]}`" if "~" in match.group(0) else f"`{target}`"


try:
    import griffe
except ImportError:  # only the site's build loads this part, with the docs extra
    pass
else:

    class PlainDocstrings(griffe.Extension):
        """The griffe extension of mkdocs.yml: each docstring made Markdown by :func:`plain_docstring`."""

        def on_object(self, *, obj: griffe.Object, **_: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = plain_docstring(obj.docstring.value)

        def on_package(self, *, pkg: griffe.Module, **_: Any) -> None:
            """The package itself, which griffe hands to this event rather than to ``on_object``."""
            self.on_object(obj=pkg)
