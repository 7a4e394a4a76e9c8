"""The money figures are declared once (``MONEY_FIGURES``); every value, export and table takes them from there."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from propulseur_rules import DIJON_2022, Assessment, assess, sweep
from propulseur_rules.example import example_assessment_inputs
from propulseur_rules.reports import _export
from propulseur_rules.rules import Money
from propulseur_rules.rules._outcome import FINANCING_FIGURES, MONEY_FIGURES


def test_the_figures_are_the_nine_of_the_deliberation_and_the_financing_convention_in_order() -> None:
    # C3: accrued, withheld while a condition blocks, releasable; the financing convention's « modalités »: what
    # waits for a document and the balance held; the claims time-barred (loi n° 68-1250, art. 1er and 6); then
    # what was paid, what may be paid and what was paid too much.
    assert MONEY_FIGURES == (
        "accrued",
        "withheld",
        "releasable",
        "awaiting_documents",
        "balance_held",
        "time_barred",
        "paid",
        "payable",
        "excess_paid",
    )
    assert [name for name in MONEY_FIGURES if name in FINANCING_FIGURES] == list(FINANCING_FIGURES)


def test_the_steps_money_and_the_assessment_hold_exactly_the_declared_figures() -> None:
    assert set(Money._fields) == set(MONEY_FIGURES)
    assert set(MONEY_FIGURES) <= {field.name for field in attrs.fields(Assessment)}


def test_the_spreadsheet_lists_every_figure_in_the_declared_order() -> None:
    # In English each figure is headed by its name; the CSV ends with one row per figure.
    text = _export.assessment_csv(assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)), "en").decode("utf-8-sig")
    rows = [line.split(",")[0] for line in text.splitlines()]

    assert rows[-len(MONEY_FIGURES) :] == list(MONEY_FIGURES)


def test_the_json_and_the_sweep_give_every_figure() -> None:
    result = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
    (row,) = sweep(DIJON_2022, [], as_of=dt.date(2023, 1, 1))

    # Year 1's operating grant, 20 000 €, accrues on 1 July 2022 (C2, C3) and is withheld without the
    # regional authorisation (C4); nothing waits for a document, there are no financing terms.
    expected = dict.fromkeys(MONEY_FIGURES, "0.00") | {"accrued": "20000.00", "withheld": "20000.00"}
    assert {name: result.to_dict()[name] for name in MONEY_FIGURES} == expected
    assert {name: f"{row[name]:.2f}" for name in MONEY_FIGURES} == expected


def test_what_remains_of_the_grant_is_the_cap_less_what_is_paid_and_payable() -> None:
    # The built-in example on 31 March 2025: 110 000 € paid and 12 000 € payable now, of the 195 000 € of C2:
    # 195 000 − 110 000 − 12 000 = 73 000 € still to come.
    assessment = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    assert (assessment.paid, assessment.payable) == (Decimal(110_000), Decimal(12_000))
    assert assessment.remaining_grant == Decimal(195_000 - 110_000 - 12_000)
