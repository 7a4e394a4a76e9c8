"""Every export reconciles: each format carries every money figure, and ``payable`` follows from them.

C3, C4 and C9 withhold all that accrued while a condition blocks payment, so
``releasable = accrued − withheld``; of what is releasable, C3's « modalités » (the
financing convention) keep back what waits for a supporting document and the balance
held; what was paid is set against the rest; and the claims left unpaid past the four-year
limitation are withheld unless the council relieved the beneficiary of it (loi n° 68-1250,
art. 1er and 6):

    payable     = max(0, releasable − awaiting_documents − balance_held − paid) − time_barred
    excess_paid = max(0, paid − releasable)

:func:`rebuilt` applies this to the figures one format gives and to nothing else: the
CSV text in English and in French, the command line's CSV and JSON, ``to_dict()``, the
records of the assessment as a whole, the rows of ``sweep``, the readings and the budget
years, as data and as CSV (the workbooks and the pandas frames are read back in
``tests/extras/``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules import Assessment, assess, sweep
from propulseur_rules.cli import EXIT_OK, main
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.planning import budget_years_to_dict, compare_readings, readings_to_dict, records
from propulseur_rules.planning._planning import budget_years_csv
from propulseur_rules.reports._export import assessment_csv
from propulseur_rules.rules._outcome import MONEY_FIGURES
from strategies import FinancedCase, cases, financed_cases

ZERO = Decimal("0.00")


def rebuilt(figures: Mapping[str, Decimal]) -> tuple[Decimal, Decimal]:
    """``payable`` and ``excess_paid`` from a format's own accrued, withheld, releasable, awaiting
    documents, balance held, time-barred and paid, after checking that its releasable is accrued less withheld."""
    assert figures["releasable"] == figures["accrued"] - figures["withheld"]
    keep_back = figures["awaiting_documents"] + figures["balance_held"]
    payable = max(ZERO, max(ZERO, figures["releasable"] - keep_back - figures["paid"]) - figures["time_barred"])
    return payable, max(ZERO, figures["paid"] - figures["releasable"])


def reconciles(figures: Mapping[str, Decimal]) -> None:
    """The format has every money figure, and its payable and excess paid are those its other figures give."""
    assert set(MONEY_FIGURES) <= set(figures)
    assert rebuilt(figures) == (figures["payable"], figures["excess_paid"])


def csv_figures(content: bytes, lang: str) -> dict[str, Decimal]:
    """The figures table of an exported CSV file, read as a spreadsheet would: after the first empty line,
    up to the next (the assumptions and sources follow); in a file of that table alone, every row."""
    french = lang == "fr"
    text = content.decode("utf-8-sig" if french else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if french else ","))
    figures = rows[rows.index([]) + 2 :] if [] in rows else rows[1:]
    figures = figures[: figures.index([])] if [] in figures else figures
    # In French the labels are words (« en attente de pièces »): they come in the order of MONEY_FIGURES.
    assert len(figures) == len(MONEY_FIGURES)
    if not french:
        assert [label for label, _ in figures] == list(MONEY_FIGURES)
    return {
        name: Decimal(amount.replace(",", ".") if french else amount)
        for name, (_, amount) in zip(MONEY_FIGURES, figures, strict=True)
    }


def texts(data: Mapping[str, object]) -> dict[str, Decimal]:
    """The money figures of JSON-ready data (``"15000.00"``) as amounts."""
    return {name: Decimal(str(data[name])) for name in MONEY_FIGURES}


def every_format(assessment: Assessment) -> dict[str, dict[str, Decimal]]:
    """The money figures of one assessment as each core format gives them back."""
    [whole] = records(assessment, by="assessment")
    return {
        "csv en": csv_figures(assessment_csv(assessment, "en"), "en"),
        "csv fr": csv_figures(assessment_csv(assessment, "fr"), "fr"),
        "to_dict": texts(assessment.to_dict()),
        "records": {name: whole[name] for name in MONEY_FIGURES},
        "budget years": budget_year_figures(assessment),
        "budget years csv en": budget_year_csv_figures(assessment, "en"),
        "budget years csv fr": budget_year_csv_figures(assessment, "fr"),
    }


def budget_year_figures(assessment: Assessment) -> dict[str, Decimal]:
    """The budget-year view's figures: the rows add up to its total, which has the rest."""
    data = budget_years_to_dict(assessment)
    total = texts(data["total"])
    rows = data["budget_years"]
    for name in ("accrued", "withheld", "releasable", "paid"):
        assert sum((Decimal(row[name]) for row in rows), ZERO) == total[name]
    for row in rows:
        assert Decimal(row["releasable"]) == Decimal(row["accrued"]) - Decimal(row["withheld"])
    return total


def budget_year_csv_figures(assessment: Assessment, lang: str) -> dict[str, Decimal]:
    """The budget years' CSV file: the years add up to its figures table, which has every figure."""
    content = budget_years_csv(assessment, lang)
    figures = csv_figures(content, lang)
    text = content.decode("utf-8-sig" if lang == "fr" else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if lang == "fr" else ","))
    years = [[Decimal(cell.replace(",", ".")) for cell in row[1:]] for row in rows[1 : rows.index([])]]
    # The columns of the years: accrued in the year, withheld and releasable now, paid in the year.
    for column, name in enumerate(("accrued", "withheld", "releasable", "paid")):
        assert sum((row[column] for row in years), ZERO) == figures[name]
    return figures


# --- the built-in example, figure by figure -----------------------------------------------

EXAMPLE = assess(**example_assessment_inputs())  # type: ignore[arg-type]

#: The built-in example on 31 March 2025 (its financing convention assumed: half of each operating
#: grant as an advance, a fifth held as the balance).
EXPECTED = {
    # Three operating grants and seven contract grants signed by 31 March 2025 (C2).
    "accrued": Decimal(3 * 20_000 + 7 * 15_000),
    # The authorisation came on 15 February 2023 (C4) and the target reads pro rata (C3): nothing withheld.
    "withheld": ZERO,
    "releasable": Decimal(3 * 20_000 + 7 * 15_000 - 0),
    # Year 2's financial statement is not in: the half of year 3's operating grant it releases waits.
    "awaiting_documents": Decimal(20_000 // 2),
    # A fifth of what is releasable, held until the final report: 165 000 / 5.
    "balance_held": Decimal(165_000 // 5),
    # The oldest claim arose in 2022: four years from 1 January 2023, nothing is time-barred before 2027.
    "time_barred": ZERO,
    # 50 000 on 12 April 2023 and 60 000 on 28 March 2024.
    "paid": Decimal(50_000 + 60_000),
    "payable": Decimal(165_000 - 10_000 - 33_000 - 110_000),
    "excess_paid": ZERO,
}


@pytest.mark.parametrize(
    "view", ["csv en", "csv fr", "to_dict", "records", "budget years", "budget years csv en", "budget years csv fr"]
)
def test_each_format_of_the_built_in_example_gives_every_figure_and_payable_follows(view: str) -> None:
    figures = every_format(EXAMPLE)[view]

    assert figures == EXPECTED
    reconciles(figures)


def test_the_command_lines_csv_and_json_of_the_built_in_example_reconcile(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    assert main(["assess", "--format", "csv"]) == EXIT_OK
    assert csv_figures(capsysbinary.readouterr().out, "en") == EXPECTED
    assert main(["assess", "--format", "csv", "--lang", "fr"]) == EXIT_OK
    assert csv_figures(capsysbinary.readouterr().out, "fr") == EXPECTED
    assert main(["assess", "--format", "json"]) == EXIT_OK
    assert texts(json.loads(capsysbinary.readouterr().out)) == EXPECTED
    assert main(["assess", "--by", "budget-year", "--format", "json"]) == EXIT_OK
    assert texts(json.loads(capsysbinary.readouterr().out)["total"]) == EXPECTED
    assert main(["assess", "--by", "budget-year", "--format", "csv", "--lang", "fr"]) == EXIT_OK
    assert csv_figures(capsysbinary.readouterr().out, "fr") == EXPECTED


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_command_lines_csv_files_of_the_built_in_example_reconcile(
    lang: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["assess", "--format", "csv", "--lang", lang, "--output", f"{tmp_path}/"]) == EXIT_OK
    assert capsysbinary.readouterr().out == b""

    # One table per file: the figures of the assessment alone in assessment.csv, the years in budget_years.csv.
    figures = csv_figures((tmp_path / "assessment.csv").read_bytes(), lang)
    assert figures == EXPECTED
    reconciles(figures)
    years = (tmp_path / "budget_years.csv").read_bytes().decode("utf-8-sig" if lang == "fr" else "utf-8")
    rows = list(csv.reader(io.StringIO(years, newline=""), delimiter=";" if lang == "fr" else ","))
    assert [] not in rows
    assert sum((Decimal(row[1].replace(",", ".")) for row in rows[1:]), ZERO) == EXPECTED["accrued"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "assessment.csv",
        "budget_years.csv",
        "contracts.csv",
        "sources.csv",
        "unmet.csv",
    ]


def test_the_sweep_and_the_readings_of_the_built_in_example_reconcile() -> None:
    inputs = example_assessment_inputs()
    convention = inputs.pop("convention")
    [row] = sweep(convention, **inputs)  # type: ignore[arg-type]
    readings = compare_readings(convention, **inputs)  # type: ignore[arg-type]

    assert {name: row[name] for name in MONEY_FIGURES} == EXPECTED
    assert {name: getattr(readings[0], name) for name in MONEY_FIGURES} == EXPECTED  # the default reading
    for reading, data in zip(readings, readings_to_dict(readings), strict=True):
        reconciles({name: getattr(reading, name) for name in MONEY_FIGURES})
        reconciles(texts(data))


def test_the_all_or_nothing_reading_of_the_built_in_example_reconciles_with_its_excess_paid() -> None:
    # Eight eligible contracts for nine (C3): everything accrued is withheld, nothing is releasable or
    # kept back, and the 110 000 paid are an excess: payable max(0, 0 − 0 − 0 − 110 000) = 0.
    strict = {
        "accrued": Decimal(165_000),
        "withheld": Decimal(165_000),
        "releasable": ZERO,
        "awaiting_documents": ZERO,
        "balance_held": ZERO,
        "time_barred": ZERO,
        "paid": Decimal(110_000),
        "payable": ZERO,
        "excess_paid": Decimal(110_000 - 0),
    }
    inputs = example_assessment_inputs()
    convention = inputs.pop("convention").replace(target_policy="all_or_nothing")  # type: ignore[attr-defined]
    assessment = assess(convention, **inputs)  # type: ignore[arg-type]

    for figures in every_format(assessment).values():
        assert figures == strict
        reconciles(figures)


# --- any case ------------------------------------------------------------------------------


@given(st.one_of(cases(max_contracts=20), financed_cases()))
def test_every_core_format_of_any_assessment_reconciles(drawn: object) -> None:
    assessment = drawn.assess()  # type: ignore[attr-defined]
    expected = {name: getattr(assessment, name) for name in MONEY_FIGURES}

    for figures in every_format(assessment).values():
        assert figures == expected
        reconciles(figures)


@given(financed_cases())
def test_the_sweep_and_the_readings_of_any_case_reconcile(drawn: FinancedCase) -> None:
    case = drawn.case
    facts = {
        "regional_authorisation_on": case.regional_authorisation_on,
        "payments": case.payments,
        "financing_signed_on": drawn.financing_signed_on,
        "documents": drawn.documents,
    }
    later = case.as_of + dt.timedelta(days=365)
    rows = sweep(case.convention, case.contracts, as_of=[case.as_of, later], **facts)
    readings = compare_readings(case.convention, case.contracts, as_of=case.as_of, **facts)

    for row in rows:
        reconciles({name: row[name] for name in MONEY_FIGURES})
    for row in records(rows):
        reconciles({name: row[name] for name in MONEY_FIGURES})
    for reading, data in zip(readings, readings_to_dict(readings), strict=True):
        reconciles({name: getattr(reading, name) for name in MONEY_FIGURES})
        reconciles(texts(data))
