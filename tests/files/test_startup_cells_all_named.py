"""Every bad cell of a row's startup is named at once: its name, head office, sector and SIREN, each in its place.

``Startup`` refuses its first bad field; the spreadsheet reader checks each cell of the startup on its own,
so that a row with four bad cells of the startup lists four errors, as the header writes each column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.files._load_csv import contracts_from_file

HEADER = "Référence;Raison sociale;Code INSEE;Secteur;SIREN;Date de signature\n"


def refused_cells(tmp_path: Path, row: str) -> list[InvalidInput]:
    """The errors of the bad cells of the one row of a contracts file, each at its column as the header says."""
    path = tmp_path / "contrats.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        contracts_from_file(path)
    error = caught.value
    if error.key != "sheet.cells_wrong":
        return [error.at(error.path.removeprefix(f"{path}:2: "))]
    assert error.path == f"{path}:2"
    return list(error.values["cells"].items)


def test_a_row_with_every_cell_of_its_startup_wrong_names_each(tmp_path: Path) -> None:
    # The name is blanks only, ABCDE is no INSEE code, « Agriculture » no sector of C8, 123 no SIREN (9 digits).
    errors = refused_cells(tmp_path, "P-1;   ;ABCDE;Agriculture;123;03/11/2022\n")

    assert [error.key for error in errors] == [
        "error.empty",
        "error.not_an_insee_code",
        "error.not_a_sector",
        "error.not_a_siren",
    ]
    # A header that writes the column's own name (« SIREN » is siren) is named by it.
    assert [error.path for error in errors] == ["Raison sociale", "Code INSEE", "Secteur", "siren"]


def test_the_startups_cells_and_a_date_of_one_row_together(tmp_path: Path) -> None:
    # The sector and the SIREN are wrong, and 31/02/2023 is not a day of the calendar.
    errors = refused_cells(tmp_path, "P-1;Hydrolis;21231;Agriculture;123;31/02/2023\n")

    assert [error.path for error in errors] == ["Secteur", "siren", "Date de signature"]


def test_one_bad_cell_reads_as_before(tmp_path: Path) -> None:
    (error,) = refused_cells(tmp_path, "P-1;Hydrolis;21231;Agriculture;;03/11/2022\n")

    assert error.message() == "Secteur: 'Agriculture' is not a sector; expected one of industry, health, other"
