"""Where each fact of an assembled case comes from, term by term, and the ceiling under the deliberation alone.

The request examples/dijon-2022-request.json on 1 July 2025, after the period (C1), with the balance alone
given, 10 %: its other four terms are the library's. Under the deliberation alone (C3 « interviendra »,
no terms), the money the terms hold back (awaiting documents, the balance) is payable too.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from pathlib import Path

from propulseur_rules.files import ScenarioOptions, assemble
from propulseur_rules.files._assemble import deliberation_alone
from propulseur_rules.files._inputs import Origin

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
REQUEST = EXAMPLES / "dijon-2022-request.json"
ASSUMED_BY_THE_LIBRARY = ("advance_share", "financial_statement_months", "final_report_months", "contract_copy_months")


def _request_with_balance_only() -> io.StringIO:
    data = json.loads(REQUEST.read_text("utf-8"))
    data["convention"]["financing"] = {"balance_share": "0.10"}
    data["financing_signed_on"] = "2022-11-15"
    return io.StringIO(json.dumps(data))


def test_a_request_read_from_a_stream_labels_each_term() -> None:
    scenario, inputs = assemble(ScenarioOptions(file="-"), stdin=_request_with_balance_only())

    assert dict(inputs.terms)["balance_share"].origin is Origin.SCENARIO
    assert inputs.assumed_terms == ASSUMED_BY_THE_LIBRARY
    assert not inputs.fictitious
    assert scenario.convention.financing is not None
    assert scenario.convention.financing.balance_share == Decimal("0.10")


def test_the_ceiling_is_the_case_without_terms_when_any_is_assumed() -> None:
    scenario, inputs = assemble(ScenarioOptions(file="-"), stdin=_request_with_balance_only())

    ceiling = deliberation_alone(scenario, inputs)

    assert ceiling is not None
    assert ceiling.convention.financing is None
    paid = sum(Decimal(payment["amount"]) for payment in json.loads(REQUEST.read_text("utf-8"))["payments"])
    simulation = scenario.assess()
    # Under the deliberation alone, what has accrued and not been paid is payable (C3); with the terms,
    # 10 % of it is the balance held, whatever else waits for its documents.
    assert ceiling.payable == ceiling.accrued - paid
    assert simulation.balance_held == Decimal("0.10") * simulation.accrued
    assert simulation.payable < ceiling.payable


def test_no_ceiling_without_terms_or_with_every_term_given() -> None:
    scenario, inputs = assemble(ScenarioOptions(file=str(REQUEST)))
    assert scenario.convention.financing is None
    assert deliberation_alone(scenario, inputs) is None
    assert inputs.terms == ()

    scenario, inputs = assemble(ScenarioOptions(file=str(EXAMPLES / "dijon-2022.toml")))
    assert scenario.convention.financing is not None
    assert inputs.assumed_terms == ()  # the file writes out all five
    assert deliberation_alone(scenario, inputs) is None


def test_the_sources_table_ends_with_the_payable_by_basis() -> None:
    _, inputs = assemble(ScenarioOptions())

    table = inputs.table({"deliberation_alone": "55000.00", "assumed_terms": "12000.00"}, "en")

    assert table[0] == ["Assumptions and sources", "Source"]
    assert table[1][0].startswith("FICTITIOUS EXAMPLE")
    assert table[-2:] == [
        ["Payable under the deliberation alone (ceiling)", Decimal("55000.00")],
        ["Payable under the assumed terms (simulation, not to be signed)", Decimal("12000.00")],
    ]
