"""The page served on the loopback by uvicorn, and a headless Chromium to read it: the system's browser
(Debian's ``chromium``), driven by Playwright (the ``page-test`` extra).

Run as a script, it keeps a picture of the report of the example's contracts:
``python tests/extras/page/page_browser.py docs/page-report.png``.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from playwright.sync_api import Browser, sync_playwright

from propulseur_rules.service import create_app

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


@contextmanager
def served() -> Iterator[str]:
    """The application on a port of the loopback chosen by the system, until the block ends; its address.

    The socket listens before the server starts, so a request made at once waits in its queue."""
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))
    listening.listen()
    port = listening.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listening.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """The system's Chromium, headless; Playwright downloads no browser of its own."""
    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("the browser tests need Debian's chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def keep_report_picture(target: Path) -> None:
    """A picture of the report of the example's contracts and documents, assessed on 31 March 2025 under the
    assumed terms of the financing convention, in French."""
    with served() as address, chromium() as browser:
        page = browser.new_page(viewport={"width": 1100, "height": 900}, locale="fr-FR")
        page.goto(f"{address}/page?lang=fr")
        page.set_input_files("#contracts", str(EXAMPLES / "dijon-2022-contracts.csv"))
        page.set_input_files("#documents", str(EXAMPLES / "dijon-2022-documents.csv"))
        page.fill("#as_of", "2025-03-31")
        page.fill("#authorised_on", "2022-12-15")
        page.select_option("#financing", "assumed")
        page.fill("#financing_signed_on", "2022-11-15")
        page.click("button[value=report]")
        page.locator("#downloads-heading").wait_for()
        page.screenshot(path=str(target), full_page=False)


if __name__ == "__main__":
    keep_report_picture(Path(sys.argv[1]))
