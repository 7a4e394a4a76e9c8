"""The analyst's notebook (docs/analyst.ipynb) runs headless from top to bottom, and shows the right figures.

The notebook is executed with nbclient in a Jupyter kernel of this environment (the
``notebook`` extra, installed with the test tools): a cell that raises fails the test,
so the notebook cannot rot. nbclient missing is a failure, not a skip.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

#: A Jupyter kernel runs the notebook.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[3]
NOTEBOOK = ROOT / "docs" / "analyst.ipynb"

#: Appended to the executed copy only: the figures the notebook computed, as JSON, and which package it used.
PROBE = """
import json, sys
from decimal import Decimal
import propulseur_rules
def euros(cents):  # the frames hold money in integer cents: back to euros, exactly
    return str(Decimal(int(cents)).scaleb(-2))
print(json.dumps({
    "package": propulseur_rules.__file__,
    "prefix": sys.prefix,
    "accrued": str(assessment.accrued),
    "sweep": [[row["variant"], row["as_of"].isoformat(), str(row["accrued"])] for row in rows],
    "budget": [[int(row.year), euros(row.accrued_cents), euros(row.paid_cents)] for row in budget.itertuples()],
    "default_reading": euros(readings.loc[0, "accrued_cents"]),
    "forecast_2023_p50": str(outlook.payments[2023][50]),
    "forecast_frame_2023_p50": euros(outlook.to_frame().set_index("budget_year").loc[2023, "p50_cents"]),
    "chart_bytes": chart.stat().st_size,
    "awaited": [
        [row.kind, row.covers, row.due_on.date().isoformat(), euros(row.amount_cents)] for row in not_met.itertuples()
    ],
    "payable": [[row.on.date().isoformat(), euros(row.payable_cents)] for row in payable.itertuples()],
}))
"""


def _read() -> Any:
    import nbformat  # the notebook extra; missing, the test fails here with ModuleNotFoundError

    return nbformat.read(NOTEBOOK, as_version=4)


@pytest.fixture(scope="module")
def executed() -> tuple[Any, dict[str, Any]]:
    import nbformat
    from nbclient import NotebookClient

    notebook = _read()
    notebook.cells.append(nbformat.v4.new_code_cell(PROBE, id="probe"))
    with pytest.MonkeyPatch.context() as patch:
        # The kernel of this environment first, before any kernel installed for the user.
        patch.setenv("JUPYTER_PATH", str(Path(sys.prefix) / "share" / "jupyter"))
        patch.setenv("MPLBACKEND", "Agg")
        client = NotebookClient(
            notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}
        )
        client.execute()  # raises CellExecutionError on the first cell that fails
    probe = notebook.cells[-1].outputs
    text = "".join(output.get("text", "") for output in probe if output.output_type == "stream")
    return notebook, json.loads(text)


def _texts(notebook: Any) -> str:
    """Every text the executed notebook shows: printed streams and the plain and HTML views."""
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            data = output.get("data", {})
            parts.extend(str(data.get(kind, "")) for kind in ("text/plain", "text/html"))
    return "\n".join(parts)


def test_the_notebook_is_stored_clean_with_the_python3_kernel() -> None:
    notebook = _read()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code"
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert notebook.metadata.kernelspec.name == "python3"
    assert sum(cell.cell_type == "markdown" for cell in notebook.cells) >= len(code) // 2


def test_the_kernel_runs_the_package_of_this_environment(executed: tuple[Any, dict[str, Any]]) -> None:
    _, figures = executed
    import propulseur_rules

    assert Path(figures["package"]) == Path(propulseur_rules.__file__)
    assert Path(figures["prefix"]).resolve() == Path(sys.prefix).resolve()


def test_the_example_is_assessed_and_shown_as_html(executed: tuple[Any, dict[str, Any]]) -> None:
    notebook, figures = executed
    # 31 March 2025. Programme year 1: 20 000 € + PRO-2022-01, -02, 2023-03 at 15 000 € (PRO-2023-04 is the
    # fourth of the year, PRO-2023-05 is in Beaune) = 65 000 €. Year 2: 20 000 € + PRO-2023-06 and
    # PRO-2024-10 = 50 000 €. Year 3: 20 000 € + PRO-2024-11 and PRO-2025-12 = 50 000 €. Paid 50 000 + 60 000.
    accrued = 20000 + 3 * 15000 + 20000 + 2 * 15000 + 20000 + 2 * 15000
    paid = 50000 + 60000
    assert Decimal(figures["accrued"]) == accrued == 165000
    # The assumed financing terms: half of year 3's operating grant waits for year 2's financial
    # statement, and a fifth of what is releasable is the balance, held until the ninth contract.
    waiting = 20000 // 2
    balance = accrued // 5
    shown = _texts(notebook)
    assert f"Accrued:  {accrued}.00 €" in shown
    assert f"Payable:  {accrued - waiting - balance - paid}.00 €" in shown
    assert accrued - waiting - balance - paid == 12000
    assert '<div class="propulseur-rules">' in shown


def test_the_sweep_applies_the_lower_cap(executed: tuple[Any, dict[str, Any]]) -> None:
    _, figures = executed
    sweep = {(variant, day): Decimal(accrued) for variant, day, accrued in figures["sweep"]}
    assert len(sweep) == 8
    # By 30 June 2025 the planned PRO-2025-13 (20 May 2025) is the third contract of year 3.
    assert sweep[0, "2025-06-30"] == 165000 + 15000
    assert sweep[1, "2025-06-30"] == sweep[1, "2025-03-31"] == 150000  # the variant's cap
    # Before the cap binds, the variant is the convention: 30 June 2023 is year 1 only.
    assert sweep[1, "2023-06-30"] == sweep[0, "2023-06-30"] == 20000 + 3 * 15000


def test_budget_years_add_up(executed: tuple[Any, dict[str, Any]]) -> None:
    _, figures = executed
    # Under ON_EVENT: 2022 = 20 000 (1 July) + PRO-2022-01 + PRO-2022-02; 2023 = PRO-2023-03 + 20 000 +
    # PRO-2023-06; 2024 = PRO-2024-10 + 20 000 + PRO-2024-11; 2025 = PRO-2025-12. Paid in April 2023, March 2024.
    expected = [
        [2022, 20000 + 2 * 15000, 0],
        [2023, 15000 + 20000 + 15000, 50000],
        [2024, 15000 + 20000 + 15000, 60000],
        [2025, 15000, 0],
    ]
    assert [[year, Decimal(accrued), Decimal(paid)] for year, accrued, paid in figures["budget"]] == expected
    assert sum(row[1] for row in expected) == Decimal(figures["accrued"])
    assert Decimal(figures["default_reading"]) == Decimal(figures["accrued"])


def test_the_forecast_and_its_chart(executed: tuple[Any, dict[str, Any]]) -> None:
    notebook, figures = executed
    # 2023: the authorisation of 15 February releases 2022's 50 000 €, then PRO-2023-03, the operating grant
    # of 1 July and PRO-2023-06 add 15 000 + 20 000 + 15 000: releasable in 2023 in every future.
    assert Decimal(figures["forecast_2023_p50"]) == 50000 + 15000 + 20000 + 15000
    assert figures["forecast_frame_2023_p50"] == figures["forecast_2023_p50"]
    assert figures["chart_bytes"] > 0
    images = [
        output for cell in notebook.cells for output in cell.get("outputs", []) if "image/png" in output.get("data", {})
    ]
    assert len(images) == 1
    assert "Probability that the 9 contracts are reached (C3)" in _texts(notebook)


def test_the_notebook_leaves_no_file_in_the_repository(executed: tuple[Any, dict[str, Any]]) -> None:
    assert not (ROOT / "forecast.png").exists()
    assert not (ROOT / "docs" / "forecast.png").exists()


def test_the_deadlines_not_met_and_the_payments_they_hold(executed: tuple[Any, dict[str, Any]]) -> None:
    _, figures = executed
    # Not received by 31 March 2025: year 2's statement (year 2 ends 30 June 2024, + 6 months), with the
    # 10 000 € of year 3 beyond the advance; year 3's statement and the final report (30 June 2025 + 6 months),
    # the balance of 20 % × 165 000 waiting for the final report. The claims unpaid: 122 000 − 110 000 paid,
    # all from 2024 (the balance is taken from the latest), last day 31 December 2028.
    assert figures["awaited"] == [
        ["financial_statement", "2", "2024-12-31", "10000.00"],
        ["financial_statement", "3", "2025-12-31", "0.00"],
        ["final_report", None, "2025-12-31", "33000.00"],
        ["limitation", None, "2028-12-31", "12000.00"],
    ]
    # The forecast: today 12 000; year 2's statement the day after adds 10 000; the planned PRO-2025-13 of
    # 20 May 2025 raises the balance by 20 % × 15 000 while its grant waits for its copy (due 20 June 2025,
    # + 15 000); the final report on 31 December 2025 releases the balance, 20 % × 180 000.
    assert figures["payable"] == [
        ["2025-03-31", "12000.00"],
        ["2025-04-01", f"{12000 + 10000}.00"],
        ["2025-05-20", f"{22000 - 15000 // 5}.00"],
        ["2025-06-20", f"{19000 + 15000}.00"],
        ["2025-12-31", f"{34000 + 180000 // 5}.00"],
    ]
