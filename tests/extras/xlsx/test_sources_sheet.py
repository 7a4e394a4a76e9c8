"""``assess --format xlsx``: a sheet « Hypothèses et sources » says where each fact and figure comes from.

The built-in example on 31 March 2025: 165 000 accrued (3 × 20 000 + 7 × 15 000, C2) and 110 000 paid.
Under the deliberation alone 165 000 − 110 000 = 55 000 is payable (C3, the ceiling); under the assumed
terms 10 000 waits for year 2's financial statement and 20 % × 165 000 = 33 000 is the balance held:
165 000 − 10 000 − 33 000 − 110 000 = 12 000 (a simulation).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl

from propulseur_rules.cli import EXIT_OK, main

ACCRUED = Decimal(3 * 20_000 + 7 * 15_000)
PAID = Decimal(110_000)
CEILING = ACCRUED - PAID
SIMULATION = ACCRUED - Decimal(10_000) - ACCRUED * Decimal("0.20") - PAID


def test_the_workbook_has_a_sheet_of_assumptions_and_sources(tmp_path: Path) -> None:
    output = tmp_path / "evaluation.xlsx"

    assert main(["assess", "--format", "xlsx", "--output", str(output), "--lang", "fr"]) == EXIT_OK

    sheet = openpyxl.load_workbook(output)["Hypothèses et sources"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Hypothèses et sources", "Source"]
    assert str(rows[1][0]).startswith("EXEMPLE FICTIF")
    assert ["Signature", "inventé pour l'exemple intégré (fictif)"] in rows
    assert ["Solde", "supposée par la bibliothèque, non publiée"] in rows
    assert [Decimal(str(amount)) for _, amount in rows[-2:]] == [CEILING, SIMULATION]
    assert (Decimal(55_000), Decimal(12_000)) == (CEILING, SIMULATION)
