"""The spreadsheets the tests of the page upload, and a client of the application (the service extra)."""

from __future__ import annotations

from html.parser import HTMLParser

from fastapi.testclient import TestClient

from propulseur_rules.service import Limits, create_app

#: One accompaniment contract for a startup of Dijon (INSEE 21231) in the industry, signed on 3 November 2022,
#: in programme year 1 (README, "In Python"), as a French spreadsheet exports it.
ONE_CONTRACT_CSV = (
    b"reference;startup;head_office;sector;siren;applied_on;selected_on;signed_on\n"
    b"PRO-01;Hydrolis;21231;industriel;;05/09/2022;12/10/2022;03/11/2022\n"
)

#: The same contract selected on a day the calendar does not have: row 2 of the file, column selected_on.
BAD_DAY_CSV = (
    b"reference;startup;head_office;sector;siren;applied_on;selected_on;signed_on\n"
    b"PRO-01;Hydrolis;21231;industriel;;05/09/2022;31/02/2022;03/11/2022\n"
)

#: One payment of 10 000 € made on 10 January 2023.
ONE_PAYMENT_CSV = b"reference;paid_on;amount\nV-01;10/01/2023;10 000,00\n"

#: The facts of the README's example: assessed on 1 January 2023, the regional authorisation validated on
#: 15 December 2022.
FACTS = {"as_of": "2023-01-01", "authorised_on": "2022-12-15"}


def client(limits: Limits | None = None) -> TestClient:
    """A client of a fresh application; a failure of the service is answered (500), not raised in the test."""
    return TestClient(create_app(limits), raise_server_exceptions=False)


class Page(HTMLParser):
    """A page as a reader finds it: each element's attributes by id, the text of each element with an id,
    each row of a table as its header and its cells, and the language of the document."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.attributes: dict[str, dict[str, str]] = {}
        self.texts: dict[str, str] = {}
        self.rows: dict[str, list[str]] = {}
        self.lang = ""
        self.labelled: list[str] = []  # the fields named by a label's ``for``, in order
        self._open: list[str] = []  # the ids of the elements being read
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "label":
            self.labelled.append(found.get("for", ""))
        if tag == "html":
            self.lang = found.get("lang", "")
        if "id" in found:
            self.attributes[found["id"]] = {"tag": tag, **found}
            if tag not in ("input", "select"):
                self._open.append(found["id"])
                self.texts[found["id"]] = ""
        if tag == "tr":
            self._row = []
        if tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("th", "td") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        if tag == "tr" and self._row:
            self.rows[self._row[0]] = self._row[1:]
            self._row = None
        if self._open and self.attributes[self._open[-1]]["tag"] == tag:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for opened in self._open:
            self.texts[opened] += data
        if self._cell is not None:
            self._cell.append(data)

    def described(self, field: str) -> list[str]:
        """The texts that describe a field: its hints and its errors, by ``aria-describedby``."""
        return [self.texts[each] for each in self.attributes[field].get("aria-describedby", "").split()]


#: The fields of the form, in the order a reader meets them.
FIELDS = [
    "contracts",
    "payments",
    "documents",
    "as_of",
    "authorised_on",
    "places",
    "signing_deadline",
    "selected_from",
    "financing",
    "financing_signed_on",
]
