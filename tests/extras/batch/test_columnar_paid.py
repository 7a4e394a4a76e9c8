"""What may be paid under the financing terms, payments aside, as a column of the engine (C2, C3 « modalités »).

``payable_before_payments`` is a column of the engine equal to ``assess``'s.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from builders import three_contracts_a_year
from columnar_strategies import as_case
from propulseur_rules import DIJON_2022, assess_many
from propulseur_rules.batch import ScenarioTable, run
from propulseur_rules.example import example_assessment_inputs
from strategies import cases, financed_cases

#: A case drawn with terms costs more than one without: a fortieth of the profile's examples, at least ten.
FOR_FINANCING = max(10, settings().max_examples // 40)
CENT = 100
NINE = three_contracts_a_year()
AUTHORISED = dt.date(2022, 10, 1)


def cents(amount: Decimal) -> int:
    return int(amount * CENT)


# --- the column -------------------------------------------------------------------------


@settings(max_examples=FOR_FINANCING)
@given(st.lists(financed_cases(), min_size=1, max_size=3), st.lists(cases(max_contracts=12), max_size=2))
def test_c3_payable_before_payments_is_the_column_assess_gives(financed: list, plain: list) -> None:
    given_cases = [
        (
            each.case.convention,
            each.case.contracts,
            {
                "as_of": each.case.as_of,
                "regional_authorisation_on": each.case.regional_authorisation_on,
                "payments": each.case.payments,
                "financing_signed_on": each.financing_signed_on,
                "documents": each.documents,
            },
        )
        for each in financed
    ] + [as_case(each) for each in plain]

    result = run(ScenarioTable.from_cases(given_cases))

    for index, expected in enumerate(assess_many(given_cases)):
        assert int(result.payable_before_payments[index]) == cents(expected.payable_before_payments)
        assert int(result.scenario["payable_before_payments"][index]) == cents(expected.payable_before_payments)


def test_c3_the_built_in_example_may_be_paid_what_neither_waits_nor_is_the_balance() -> None:
    result = run(ScenarioTable.from_cases([example_assessment_inputs()]))

    # By 31 March 2025: 3 operating grants of 20 000 € and 7 funded contracts of 15 000 € (C2), 165 000 €;
    # year 3's operating grant beyond its advance of 50 % waits for year 2's financial statement (10 000 €);
    # the balance is 20 % of the 165 000 € releasable (33 000 €). Payments aside: 165 000 − 10 000 − 33 000.
    before_payments = 165_000 - 10_000 - 33_000
    assert int(result.payable_before_payments[0]) == before_payments * CENT
    # 110 000 € were paid: 12 000 € may be paid now.
    assert int(result.payable[0]) == (before_payments - 110_000) * CENT


def test_without_terms_payable_before_payments_is_what_is_releasable() -> None:
    case = (DIJON_2022, NINE, {"as_of": dt.date(2023, 12, 31), "regional_authorisation_on": AUTHORISED})

    result = run(ScenarioTable.from_cases([case]))

    # The operating grants of years 1 and 2 (20 000 € each, earned on 1 July 2022 and 1 July 2023) and the
    # grants of the three contracts of year 1 and the two of year 2 signed by then (5 × 15 000 €), C2, C3:
    # under the deliberation alone nothing waits for a document.
    assert int(result.payable_before_payments[0]) == (2 * 20_000 + 5 * 15_000) * CENT
    assert int(result.payable_before_payments[0]) == int(result.releasable[0])
