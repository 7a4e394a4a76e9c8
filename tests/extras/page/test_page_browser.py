"""The page for the finance office in a real browser: the system's headless Chromium, driven by Playwright,
on the page served by uvicorn on the loopback (docs/service.md, "A page for the finance office")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from page_browser import chromium, served
from page_client import BAD_DAY_CSV, FIELDS, ONE_CONTRACT_CSV
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]  # starts a server thread and a browser process


@pytest.fixture(scope="module")
def address() -> Iterator[str]:
    with served() as served_at:
        yield served_at


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as started:
        yield started


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = browser.new_page()
    yield opened
    opened.close()


def fill_the_form(page: Page, address: str, contracts: Path) -> None:
    """The README's case: one contract signed in programme year 1, assessed on 1 January 2023, the regional
    authorisation validated on 15 December 2022."""
    page.goto(f"{address}/page?lang=en")
    page.get_by_label("Contracts").set_input_files(str(contracts))
    page.get_by_label("Date of the assessment").fill("2023-01-01")
    page.get_by_label("Regional authorisation validated on").fill("2022-12-15")
    page.get_by_role("button", name="Show the report").click()


def figure(page: Page, label: str) -> str:
    """The amount in the row of the money table headed ``label``."""
    row = page.locator("tr").filter(has=page.locator("th", has_text=re.compile(f"^{label}$")))
    return row.locator("td").inner_text()


def test_the_report_says_what_is_payable_and_reads_again_in_french(page: Page, address: str, tmp_path: Path) -> None:
    contracts = tmp_path / "contrats.csv"
    contracts.write_bytes(ONE_CONTRACT_CSV)

    fill_the_form(page, address, contracts)

    # C2: 20 000 € for programme year 1 and 15 000 € for the contract; C3 pro rata and C4 met: 35 000 € payable.
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert figure(page, "Payable now") == "€35,000.00"
    page.get_by_role("button", name="Lire en français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert figure(page, "À verser") == "35 000,00 €"


def test_the_spreadsheet_is_downloaded_from_the_report(page: Page, address: str, tmp_path: Path) -> None:
    contracts = tmp_path / "contrats.csv"
    contracts.write_bytes(ONE_CONTRACT_CSV)
    fill_the_form(page, address, contracts)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download the spreadsheet (.xlsx)").click()

    assert download.value.suggested_filename == "assessment.xlsx"


def test_the_keyboard_reaches_every_field_in_the_order_of_the_form(page: Page, address: str) -> None:
    page.goto(f"{address}/page?lang=en")
    reached: list[str] = []
    for _ in range(40):  # a date takes three stops (day, month, year), each other field one
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id || document.activeElement.textContent")
        if not reached or reached[-1] != focused:
            reached.append(focused)
        if focused == "Show the report":
            break

    assert reached == ["Lire en français", *FIELDS, "Show the report"]


def test_a_bad_cell_is_shown_beside_its_file_and_describes_its_field(page: Page, address: str, tmp_path: Path) -> None:
    contracts = tmp_path / "contrats.csv"
    contracts.write_bytes(BAD_DAY_CSV)

    fill_the_form(page, address, contracts)

    error = "contrats.csv:2: selected_on: '31/02/2022' is not a day of the calendar"
    field = page.get_by_label("Contracts")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_accessible_description(re.compile(re.escape(error)))
    beside = page.locator("#contracts-error")
    expect(beside).to_have_text(error)
    below_field = field.bounding_box()
    shown = beside.bounding_box()
    next_label = page.locator("label[for=payments]").bounding_box()
    boxes = [box for box in (below_field, shown, next_label) if box is not None]
    assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
    assert len(boxes) == 3
    expect(page.get_by_role("link", name=f"Contracts: {error}")).to_have_attribute("href", "#contracts")
