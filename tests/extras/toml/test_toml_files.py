"""Scenarios written as TOML (the toml extra, tomli-w) and read back, beside JSON."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from propulseur_rules import (
    DIJON_2022,
    Contract,
    Document,
    Expectation,
    FinancingTerms,
    Payment,
    Scenario,
    Sector,
    dump_scenario,
    load_scenario,
)
from propulseur_rules.files import example_scenario
from strategies import cases, contract_feeds

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"

MINIMAL = """\
name = "A minimal scenario."
as_of = 2023-01-01
convention = "dijon-2022"
"""

FALSE_DEADLINE = '[convention]\npreset = "dijon-2022"\nsigning_deadline = false\n'


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


@st.composite
def financing_terms(draw: st.DrawFn) -> FinancingTerms:
    """Terms with shares of up to four decimals between 0 and 1, delays of 0 to 120 months."""
    share = st.integers(0, 10_000).map(lambda units: Decimal(units).scaleb(-4))
    months = st.integers(0, 120)
    return FinancingTerms(
        advance_share=draw(share),
        balance_share=draw(share),
        financial_statement_months=draw(months),
        final_report_months=draw(months),
        contract_copy_months=draw(months),
    )


@st.composite
def financed_scenarios(draw: st.DrawFn) -> Scenario:
    """DIJON_2022 with drawn terms, a drawn feed, a signature day and documents received after it."""
    contracts: tuple[Contract, ...] = draw(contract_feeds(DIJON_2022, max_size=6))
    signed_on = draw(st.dates(dt.date(2022, 1, 1), dt.date(2025, 12, 31)))
    received = st.dates(signed_on, dt.date(2027, 12, 31))
    years = st.integers(1, len(DIJON_2022.programme_years))
    kinds = [
        st.builds(lambda day: Document(kind="final_report", received_on=day), received),
        st.builds(
            lambda day, year: Document(kind="financial_statement", received_on=day, covers=year), received, years
        ),
    ]
    if contracts:
        references = st.sampled_from([contract.reference for contract in contracts])
        kinds.append(
            st.builds(
                lambda day, ref: Document(kind="contract_copy", received_on=day, covers=ref), received, references
            )
        )
    return Scenario(
        name="A drawn scenario with financing terms.",
        convention=DIJON_2022.replace(financing=draw(st.one_of(st.none(), financing_terms()))),
        as_of=draw(st.dates(dt.date(2022, 7, 1), dt.date(2026, 6, 30))),
        contracts=contracts,
        financing_signed_on=draw(st.one_of(st.none(), st.just(signed_on))),
        documents=draw(st.lists(st.one_of(*kinds), max_size=5)),
    )


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_dump_then_load_gives_the_same_scenario(tmp_path: Path, suffix: str) -> None:
    scenario = load_scenario(EXAMPLES / "dijon-2022.toml")
    path = tmp_path / f"again{suffix}"

    dump_scenario(scenario, path)

    assert load_scenario(path) == scenario


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_dump_writes_a_convention_far_from_any_preset_in_full(tmp_path: Path, suffix: str) -> None:
    convention = DIJON_2022.replace(
        reference="Une autre convention",
        funder="Quelqu'un",
        beneficiary='Autre "bénéficiaire"',
        total_cap="100000.50",
        operating_grant_per_year="10000",
        grant_per_contract="5000",
        max_funded_contracts_per_year=2,
        required_contracts=4,
        territory=["2A004", "21231"],
        eligible_sectors=[Sector.OTHER],
        deliberation=None,
    )
    scenario = Scenario(
        name="A scenario with a convention of its own.",
        convention=convention,
        as_of=dt.date(2023, 5, 1),
        payments=[Payment(reference="P 1", paid_on=dt.date(2023, 1, 2), amount="12.5")],
        expect=Expectation(unmet=["contract_target"], contracts=[]),
        covers=["C2"],
    )
    path = tmp_path / f"again{suffix}"

    dump_scenario(scenario, path)

    assert load_scenario(path) == scenario
    assert "preset" not in path.read_text("utf-8")


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_the_readings_of_the_second_release_are_written_and_read_back(tmp_path: Path, suffix: str) -> None:
    convention = DIJON_2022.replace(
        places="pooled", signing_deadline=dt.date(2024, 12, 31), selected_from=dt.date(2022, 7, 1)
    )
    scenario = Scenario(name="The strict readings.", convention=convention, as_of=dt.date(2025, 7, 1))
    path = tmp_path / f"strict{suffix}"

    dump_scenario(scenario, path)

    assert load_scenario(path) == scenario
    # A reading set back to "none" against a preset that has one is written false (TOML has no null).
    false = write(tmp_path, "false.toml", MINIMAL.replace('convention = "dijon-2022"', "") + FALSE_DEADLINE)
    assert load_scenario(false).convention == DIJON_2022


def test_a_dump_keeps_dates_as_toml_dates_and_money_to_the_cent(tmp_path: Path) -> None:
    scenario = Scenario(
        name="One payment of 12.50.",
        convention=DIJON_2022.replace(deliberation=None),
        as_of=dt.date(2023, 5, 1),
        payments=[Payment(reference="P-1", paid_on=dt.date(2023, 1, 2), amount=Decimal("12.5"))],
    )
    path = tmp_path / "s.toml"

    dump_scenario(scenario, path)

    text = path.read_text("utf-8")
    assert "as_of = 2023-05-01\n" in text
    assert "deliberation = false" in text
    assert '"12.50"' in text
    assert load_scenario(path) == scenario


@given(cases(), st.sampled_from([".toml", ".json"]))
def test_every_scenario_dumps_and_loads_back_equal(drawn: Any, suffix: str) -> None:
    scenario = Scenario(
        name="A drawn scenario.",
        convention=drawn.convention,
        as_of=drawn.as_of,
        regional_authorisation_on=drawn.regional_authorisation_on,
        contracts=drawn.contracts,
        payments=drawn.payments,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"drawn{suffix}"
        dump_scenario(scenario, path)
        assert load_scenario(path) == scenario


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_share_of_a_third_is_written_back_exactly(tmp_path: Path, suffix: str) -> None:
    terms = FinancingTerms(advance_share="0.3333", balance_share="0.1")
    scenario = example_scenario().replace(convention=DIJON_2022.replace(financing=terms))
    path = tmp_path / f"s{suffix}"

    dump_scenario(scenario, path)

    assert '"0.3333"' in path.read_text("utf-8")  # not money: not rounded to "0.33"
    assert load_scenario(path) == scenario


@given(financed_scenarios(), st.sampled_from([".toml", ".json"]))
@example(example_scenario(), ".toml")
def test_every_financed_scenario_dumps_and_loads_back_equal(scenario: Scenario, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"drawn{suffix}"
        dump_scenario(scenario, path)
        assert load_scenario(path) == scenario
