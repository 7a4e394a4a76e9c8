"""The columnar engine on worked cases, its tables and frames, and the errors for bad input."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from builders import DAY, YEARS, contract, payment, siren_with_key, startup, three_contracts_a_year
from columnar_strategies import contract_row
from propulseur_rules import DIJON_2022, Condition, ContractStatus, InvalidInput, Period, assess
from propulseur_rules.batch import STATUS_CODES, ScenarioTable, assess_table, contract_bit, run
from propulseur_rules.rules._outcome import MONEY_FIGURES

AFTER_END = dt.date(2025, 7, 1)
AUTHORISED = dt.date(2022, 10, 1)


def case(
    contracts: object = (), convention: object = DIJON_2022, **arguments: object
) -> tuple[object, object, dict[str, object]]:
    arguments.setdefault("as_of", AFTER_END)
    arguments.setdefault("regional_authorisation_on", AUTHORISED)
    return (convention, contracts, arguments)


def test_c2_nine_eligible_contracts_authorised_after_the_end_accrue_195_000() -> None:
    result = assess_table([case(three_contracts_a_year())])

    # 3 operating grants of 20 000 € and 9 contract grants of 15 000 €, in cents.
    assert result.accrued.tolist() == [(3 * 20_000 + 9 * 15_000) * 100]
    assert result.releasable.tolist() == [195_000 * 100]
    assert result.year["entitled"].tolist() == [(20_000 + 3 * 15_000) * 100] * 3
    assert set(result.contract["status"].tolist()) == {STATUS_CODES[ContractStatus.FUNDED]}
    # Only the warning: the financing convention the law requires (65 000 € a year > 23 000 €) not verified.
    assert result.unmet_conditions(0) == (Condition.FINANCING_CONVENTION_SIGNED,)


def test_c2_a_cap_that_binds_cuts_the_items_in_order() -> None:
    capped = DIJON_2022.replace(total_cap="50000")
    first_year = [contract(f"A{n}", YEARS[0][0] + n * 10 * DAY) for n in range(1, 4)]

    result = assess_table([case(first_year, capped)])

    # 20 000 (year 1) + 15 000 + 15 000 = 50 000: the third contract and later years get nothing.
    assert result.contract["grant"].tolist() == [1_500_000, 1_500_000, 0]
    assert result.year["operating_grant"].tolist() == [2_000_000, 0, 0]
    assert result.accrued.tolist() == [5_000_000]


def test_c7_is_not_transitive_a_startup_without_siren_between_two_sirens() -> None:
    day = YEARS[0][0] + 60 * DAY
    first = contract("A", day, of=startup("Tangle", siren=siren_with_key("71000001")))
    bare = contract("B", day + DAY, of=startup("TANGLE"))
    other = contract("C", day + 2 * DAY, of=startup("tangle", siren=siren_with_key("72000002")))

    result = assess_table([case([first, bare, other])])

    # B is A's startup by name; C is not A's (another SIREN), and B, ineligible, registers nothing.
    assert result.contract["status"].tolist() == [
        STATUS_CODES[ContractStatus.FUNDED],
        STATUS_CODES[ContractStatus.INELIGIBLE],
        STATUS_CODES[ContractStatus.FUNDED],
    ]
    assert result.contract["unmet"].tolist()[1] == contract_bit(Condition.ONE_CONTRACT_PER_STARTUP)


def test_c1_programme_years_from_29_february_follow_each_anniversary() -> None:
    leap = DIJON_2022.replace(period=Period(start=dt.date(2024, 2, 29), end=dt.date(2027, 2, 27)))
    signed = [contract("L1", dt.date(2025, 2, 27)), contract("L2", dt.date(2025, 2, 28))]

    result = assess_table([case(signed, leap, as_of=dt.date(2027, 3, 1))])

    # 2025 has no 29 February: year 2 begins on its anniversary, 28 February 2025.
    assert result.contract["programme_year"].tolist() == [1, 2]
    assert result.assessment(0) == assess(leap, signed, as_of=dt.date(2027, 3, 1), regional_authorisation_on=AUTHORISED)


def test_payments_after_as_of_are_not_counted() -> None:
    paid = [payment("P1", dt.date(2023, 1, 1), 30_000), payment("P2", dt.date(2026, 1, 1), 99_000)]

    result = assess_table([case(three_contracts_a_year(), payments=paid)])

    assert result.paid.tolist() == [30_000 * 100]
    assert result.payable.tolist() == [(195_000 - 30_000) * 100]


def test_assessment_of_each_scenario_equals_assess() -> None:
    cases = [case(three_contracts_a_year()[:k], as_of=day) for k in (0, 4, 9) for day in (YEARS[1][0], AFTER_END)]

    result = assess_table(cases)

    for index, (convention, contracts, arguments) in enumerate(cases):
        assert result.assessment(index) == assess(convention, contracts, **arguments)  # type: ignore[arg-type]
    assert result.assessments() == [result.assessment(index) for index in range(len(cases))]


def test_a_repeated_table_gives_each_copy_the_figures_and_assessment_of_its_case() -> None:
    # Four contracts by the end of 2023 (three in year 1, one in year 2), then all nine.
    cases = [case(three_contracts_a_year()[:4], as_of=dt.date(2023, 12, 31)), case(three_contracts_a_year())]

    result = run(ScenarioTable.from_cases(cases).repeated(3))

    # 2 × 20 000 € + 4 × 15 000 € = 100 000 €; then 195 000 €, the cap of C2.
    assert result.accrued.tolist() == [100_000_00, 195_000_00] * 3
    assert result.assessment(5) == assess(cases[1][0], cases[1][1], **cases[1][2])  # type: ignore[arg-type]
    assert [assessment.accrued for assessment in result.assessments()] == [100_000, 195_000] * 3


def test_an_empty_table_gives_empty_arrays() -> None:
    result = run(ScenarioTable.from_cases([]))

    assert len(result) == 0
    assert result.accrued.tolist() == []


# --- frames ------------------------------------------------------------------------------


def frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    scenarios = pd.DataFrame(
        {
            "scenario": ["base", "strict"],
            "as_of": [AFTER_END, AFTER_END],
            "regional_authorisation_on": [AUTHORISED, None],
            "target_policy": [None, "all_or_nothing"],
        }
    )
    contracts = pd.DataFrame([contract_row(key, c) for key in ("base", "strict") for c in three_contracts_a_year()[:4]])
    payments = pd.DataFrame({"scenario": ["base"], "reference": ["P1"], "paid_on": [AUTHORISED], "amount": [1000.5]})
    return scenarios, contracts, payments


def test_frames_in_and_out() -> None:
    result = run(ScenarioTable.from_frames(*frames()))
    out = result.to_frames()

    # 3 operating grants + 4 contracts (3 funded in year 1 and the 4th in year 2): 60 000 + 60 000.
    assert out["scenarios"]["accrued_cents"].tolist() == [120_000 * 100, 120_000 * 100]
    # Under ALL_OR_NOTHING, 4 of 9 contracts withhold everything; no authorisation blocks too.
    assert out["scenarios"]["withheld_cents"].tolist() == [0, 120_000 * 100]
    assert out["scenarios"]["paid_cents"].tolist() == [100_050, 0]
    assert out["scenarios"]["scenario"].tolist() == ["base", "strict"]
    # Every money figure is a column, those of the financing convention zero (the engine refuses terms), so
    # that payable is rebuilt from the frame: max(0, accrued − withheld − awaiting − balance − paid).
    scenarios = out["scenarios"]
    assert [name for name in MONEY_FIGURES if f"{name}_cents" not in scenarios] == []
    assert scenarios["awaiting_documents_cents"].tolist() == scenarios["balance_held_cents"].tolist() == [0, 0]
    rebuilt = (
        scenarios["accrued_cents"]
        - scenarios["withheld_cents"]
        - scenarios["awaiting_documents_cents"]
        - scenarios["balance_held_cents"]
        - scenarios["paid_cents"]
    ).clip(lower=0)
    assert rebuilt.tolist() == scenarios["payable_cents"].tolist() == [120_000 * 100 - 100_050, 0]
    assert out["contracts"]["status"].tolist() == ["funded"] * 8
    conditions = out["unmet"].groupby("scenario")["condition"].apply(sorted).to_dict()
    # Each also warns that the financing convention the law requires is not verified (no signature date).
    signature = "financing_convention_signed"
    assert conditions == {
        "base": ["contract_target", signature],
        "strict": ["contract_target", signature, "regional_authorisation"],
    }
    assert list(out["years"]["entitled_cents"])[:3] == [6_500_000, 3_500_000, 2_000_000]


def test_frames_a_missing_column_is_named() -> None:
    scenarios, contracts, payments = frames()

    with pytest.raises(InvalidInput, match=r"^contracts\.signed_on: is a required column"):
        ScenarioTable.from_frames(scenarios, contracts.drop(columns="signed_on"), payments)


def test_frames_a_contract_for_an_unknown_scenario_is_named() -> None:
    scenarios, contracts, payments = frames()
    contracts.loc[5, "scenario"] = "nowhere"

    with pytest.raises(InvalidInput, match=r"^contracts\[5\]\.scenario: 'nowhere' is not a scenario"):
        ScenarioTable.from_frames(scenarios, contracts, payments)


def test_frames_a_wrong_type_is_named_by_table_row_and_column() -> None:
    scenarios, contracts, payments = frames()
    contracts["signed_on"] = contracts["signed_on"].astype(object)
    contracts.loc[2, "signed_on"] = 12.5
    payments["amount"] = ["lots"]

    with pytest.raises(InvalidInput, match=r"^contracts\[2\]\.signed_on: expected a date"):
        ScenarioTable.from_frames(scenarios, contracts, payments)
    with pytest.raises(InvalidInput, match=r"^payments\[0\]\.amount: 'lots' is not an amount"):
        ScenarioTable.from_frames(scenarios, contracts[contracts.index != 2], payments)


def test_frames_a_bad_parameter_is_named() -> None:
    scenarios, contracts, payments = frames()
    scenarios["total_cap"] = ["-5", None]

    with pytest.raises(InvalidInput, match=r"^scenarios\[0\]\.total_cap: -5 is negative"):
        ScenarioTable.from_frames(scenarios, contracts, payments)


def test_frames_a_duplicate_reference_names_the_scenario() -> None:
    scenarios, contracts, payments = frames()
    contracts.loc[1, "reference"] = contracts.loc[0, "reference"]

    with pytest.raises(InvalidInput, match=r"^scenarios\[0\]\.contracts\[1\]\.reference: .* is used twice"):
        ScenarioTable.from_frames(scenarios, contracts, payments)


def test_cases_a_wrong_type_is_named() -> None:
    with pytest.raises(InvalidInput, match=r"^cases\[1\]\.contracts\[0\]: expected a Contract, not text"):
        ScenarioTable.from_cases([case(), case(["not a contract"])])
    with pytest.raises(InvalidInput, match=r"^cases\[0\]\.as_of: is required"):
        ScenarioTable.from_cases([(DIJON_2022, [], {})])
    with pytest.raises(InvalidInput, match=r"^table: expected a ScenarioTable"):
        run([])  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"^scenario: 3 is not the number of a scenario"):
        assess_table([case()]).assessment(3)


# --- the extras --------------------------------------------------------------------------


def run_python(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout


@pytest.mark.slow  # starts a Python process
def test_the_core_imports_none_of_the_extras() -> None:
    code = (
        "import sys, datetime as dt, propulseur_rules\n"
        "propulseur_rules.assess(propulseur_rules.DIJON_2022, [], as_of=dt.date(2023, 1, 1))\n"
        "from propulseur_rules.planning import _forecast\n"
        "print(sorted({'numpy', 'pandas', 'dask', 'distributed', 'matplotlib'} & set(sys.modules)))\n"
    )
    assert run_python(code).splitlines() == ["[]"]


@pytest.mark.slow  # starts a Python process
def test_without_numpy_the_batch_module_names_the_extra_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['numpy'] = None  # as if it were not installed\n"
        "from propulseur_rules import PropulseurRulesError\n"
        "try:\n"
        "    import propulseur_rules.batch\n"
        "except PropulseurRulesError as error:\n"
        "    print(type(error).__name__, isinstance(error, ImportError), error)\n"
    )
    assert run_python(code).strip() == (
        "MissingExtra True propulseur_rules.batch needs numpy: pip install 'propulseur-rules[batch]'"
    )


def test_c2_c7_a_fourth_contract_in_a_year_is_over_the_annual_limit_or_funded_when_places_are_pooled() -> None:
    from propulseur_rules import PlacesPolicy

    four = [contract(f"A{n}", YEARS[0][0] + n * 10 * DAY) for n in range(1, 5)]
    pooled = DIJON_2022.replace(places=PlacesPolicy.POOLED)

    result = assess_table([case(four), case(four, pooled)])

    # ANNUAL: 3 places in year 1 while years 2 and 3 keep theirs (SPEC §7.1); POOLED: 9 places in all.
    statuses = result.contract["status"].tolist()
    assert statuses[3] == STATUS_CODES[ContractStatus.OVER_ANNUAL_LIMIT]
    assert statuses[7] == STATUS_CODES[ContractStatus.FUNDED]
    # Year 1: 20 000 + 3 × 15 000 = 65 000, or 20 000 + 4 × 15 000 = 80 000 when pooled.
    assert result.year["entitled"].tolist()[0::3] == [6_500_000, 8_000_000]


def test_a_callers_decimal_context_changes_no_figure_of_the_columnar_engine_or_the_forecast() -> None:
    import decimal

    from propulseur_rules.batch import EXAMPLE_PIPELINE, forecast
    from propulseur_rules.example import EXAMPLE_CONTRACTS, example_assessment_inputs

    inputs = example_assessment_inputs()
    # The columnar engine assesses the deliberation alone: the example's convention without its financing terms.
    table = ScenarioTable.from_cases([(DIJON_2022, inputs["contracts"], {"as_of": inputs["as_of"]})])
    with decimal.localcontext(prec=3):
        accrued = run(table).assessment(0).accrued
        result = forecast(
            DIJON_2022,
            EXAMPLE_CONTRACTS[:-1],
            EXAMPLE_PIPELINE,
            regional_authorisation_on=dt.date(2023, 2, 15),
            draws=20,
        )

    # 3 × 20 000 + 7 × 15 000 = 165 000 on 31 March 2025, written to the cent, not 1.65E+5.
    assert str(accrued) == "165000.00"
    assert result.draws == 20


def test_the_modules_of_the_columnar_engine_import_one_another_one_way() -> None:
    import ast
    from importlib import resources

    import propulseur_rules.batch

    folder = resources.files(propulseur_rules.batch)
    imports: dict[str, set[str]] = {}
    for module in (item for item in folder.iterdir() if item.name.endswith(".py")):
        found = imports.setdefault(module.name.removesuffix(".py"), set())
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                found.add(node.module)
    # Depth-first: no module reaches itself through the modules it imports.
    for start in imports:
        seen: set[str] = set()
        waiting = list(imports[start])
        while waiting:
            module = waiting.pop()
            assert module != start, f"{start} imports itself through {sorted(seen)}"
            if module not in seen:
                seen.add(module)
                waiting += imports.get(module, set())
