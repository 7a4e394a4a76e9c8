"""The contracts table of the spreadsheets (CSV, xlsx, ods) has a ``warnings`` column: the postal-code and name
warnings of each contract, in words in the language chosen, beside it.

The rows: contract A's head office is written 21000, Dijon's postal code, not its INSEE code 21231; contracts
B « Hydrolis SAS » and C « Hydrolis », both without SIREN, differ only by a legal form (C7: the same startup?),
which is said beside C, the later.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from propulseur_rules import DIJON_2022, Contract, Sector, Startup, assess
from propulseur_rules.reports._export import assessment_csv, assessment_sheets

DIJON = "21231"


def signed(reference: str, name: str, head_office: str, day: int) -> Contract:
    startup = Startup(name=name, head_office=head_office, sector=Sector.INDUSTRY)
    return Contract(reference=reference, startup=startup, signed_on=dt.date(2022, 11, day))


ASSESSMENT = assess(
    DIJON_2022,
    [signed("A", "Capteo", "21000", 3), signed("B", "Hydrolis SAS", DIJON, 4), signed("C", "Hydrolis", DIJON, 5)],
    as_of=dt.date(2023, 1, 1),
)


def warnings_by_reference(lang: str) -> dict[str, str]:
    contracts = dict(assessment_sheets(ASSESSMENT, lang))["contracts"]
    column = list(contracts[0]).index("warnings" if lang == "en" else "avertissements")
    return {row[0]: row[column] for row in contracts[1:]}


def test_each_contract_has_its_warnings_in_english() -> None:
    warned = warnings_by_reference("en")

    assert warned["A"] == "head office 21000 is a postal code; meant Dijon (INSEE code 21231)?"
    # The later contract is warned, naming the earlier one; the earlier one has nothing to check.
    assert warned["B"] == ""
    assert warned["C"] == (
        "« Hydrolis » and « Hydrolis SAS » of contract B differ only by a legal form and have no SIREN: "
        "the same startup? (C7)"
    )


def test_each_contract_has_its_warnings_in_french() -> None:
    warned = warnings_by_reference("fr")

    assert warned["A"] == "le siège 21000 est un code postal ; vouliez-vous dire Dijon (code INSEE 21231) ?"
    assert warned["B"] == ""
    assert "« Hydrolis SAS »" in warned["C"]
    assert warned["C"].endswith("(C7)")


def test_the_csv_file_of_the_contracts_has_the_column_last() -> None:
    text = assessment_csv(ASSESSMENT, "fr").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))

    assert rows[0][-1] == "avertissements"
    assert rows[1][0] == "A"
    assert rows[1][-1] == "le siège 21000 est un code postal ; vouliez-vous dire Dijon (code INSEE 21231) ?"
