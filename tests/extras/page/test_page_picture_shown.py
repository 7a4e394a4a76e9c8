"""The picture of the page kept in docs/ is the one docs/service.md shows, and it is a picture."""

from __future__ import annotations

import re
import struct
from pathlib import Path

DOCS = Path(__file__).resolve().parents[3] / "docs"

#: An image of Markdown: ![its description](its file).
IMAGE = re.compile(r"!\[([^\]]+)\]\(([^)\s]+)\)")


def test_docs_service_shows_the_picture_of_the_report_with_a_description() -> None:
    text = (DOCS / "service.md").read_text("utf-8")
    shown = {file: description for description, file in IMAGE.findall(text)}

    assert "page-report.png" in shown
    assert "report" in shown["page-report.png"]


def test_the_picture_of_the_report_is_a_png_of_a_screen() -> None:
    head = (DOCS / "page-report.png").read_bytes()[:24]
    width, height = struct.unpack(">II", head[16:24])

    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert head[12:16] == b"IHDR"
    assert width >= 800
    assert height >= 600
