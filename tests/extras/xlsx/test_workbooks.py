"""Workbooks (the xlsx extra, openpyxl): contracts and documents read from .xlsx files, bad cells named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from propulseur_rules import (
    Document,
    InvalidInput,
)
from propulseur_rules.cli import EXIT_OK, main
from propulseur_rules.files import load_documents_xlsx
from propulseur_rules.files._load_csv import contracts_from_file

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def workbook(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_workbook_with_typed_cells_assesses_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    contracts = workbook(
        tmp_path / "contrats.xlsx",
        [
            [
                *("Référence", "Raison sociale", "Code INSEE", "Secteur", "SIREN"),
                *("Date de candidature", "Date de sélection", "Date de signature", None),
            ],
            [
                *("PRO-1", "Hydrogène Côte-d'Or", 21231, "Industrie", 912345675),
                *(dt.datetime(2022, 9, 5), "12/10/2022", dt.datetime(2022, 11, 3), None),
            ],
            [
                *("PRO-2", "MedTrack Santé", "21515", "Santé", None),
                *(dt.date(2022, 10, 1), dt.date(2022, 11, 16), dt.date(2022, 12, 1), None),
            ],
        ],
    )
    payments = workbook(
        tmp_path / "versements.xlsx",
        [["Référence", "Date de versement", "Montant"], ["V-1", dt.datetime(2023, 3, 15), 50000.5]],
    )
    argv = ["--contracts", str(contracts), "--payments", str(payments), "--as-of", "2023-03-31", "--not-authorised"]

    status = main(["assess", *argv, "--format", "json"])

    data = json.loads(capsys.readouterr().out)
    assert status == EXIT_OK
    assert [contract["status"] for contract in data["contracts"]] == ["funded", "funded"]
    # Year 1: 20 000 + 2 × 15 000 = 50 000 accrued, all withheld without the authorisation (C4).
    assert (data["accrued"], data["withheld"], data["paid"]) == ("50000.00", "50000.00", "50000.50")
    assert data["inputs"]["contracts"] == {
        "source": "file",
        "file": str(contracts),
        "option": "--contracts",
        "sheet": "Sheet",
    }


def test_a_bad_cell_of_a_workbook_names_its_row_and_column(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "c.xlsx",
        [
            ["reference", "startup", "head_office", "sector", "signed_on"],
            ["PRO-1", "Alpha", 21231, "industry", dt.datetime(2022, 11, 3, 14, 30)],
        ],
    )

    with pytest.raises(InvalidInput) as caught:
        contracts_from_file(path)

    assert (
        str(caught.value)
        == f"{path}[Sheet]:2: signed_on: '2022-11-03 14:30:00' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"
    )


@pytest.mark.parametrize("content", [b"PK\x03\x04garbage", b"not a zip at all", b""])
def test_a_damaged_workbook_is_invalid_input(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path, "c.xlsx", content)

    with pytest.raises(InvalidInput) as caught:
        contracts_from_file(path)

    assert str(caught.value) == f"{path}: is not a workbook (.xlsx or .ods) that can be read"


def test_a_workbook_of_documents_is_read(tmp_path: Path) -> None:
    import openpyxl  # installed with the test extra: a missing one fails the test, never skips it

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Pièce", "Reçue le", "Objet"])
    sheet.append(["Copie du contrat", dt.datetime(2022, 11, 21), "A-01"])
    sheet.append(["Compte rendu financier", dt.datetime(2023, 12, 8), 1])
    workbook.save(tmp_path / "pièces.xlsx")

    assert load_documents_xlsx(tmp_path / "pièces.xlsx") == (
        Document(kind="contract_copy", received_on="2022-11-21", covers="A-01"),
        Document(kind="financial_statement", received_on="2023-12-08", covers=1),
    )
