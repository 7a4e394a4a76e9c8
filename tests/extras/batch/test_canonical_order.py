"""The canonical order of a table's contracts, ``(scenario, signed_on, reference)``, is lexsort's on any columns,
whether the scenario, the day and the reference fit in one number or not."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from propulseur_rules.batch._order import canonical_order

#: Rows of (scenario, day, reference rank); days span the dates a table holds (1 January 1 to 31 December 9999).
rows = st.lists(
    st.tuples(st.integers(0, 5), st.integers(-719_162, 2_932_896), st.integers(0, 40)), min_size=0, max_size=40
)


@settings(max_examples=200)
@given(rows, st.booleans())
def test_the_order_is_lexsorts_by_scenario_day_and_reference(
    given_rows: list[tuple[int, int, int]], wide: bool
) -> None:
    # Wide: ranks up to 40 * 2**31 and scenarios up to 750 make the key, over the span of days, pass 2**62, so
    # that the scenario is sorted on its own (the two-sort path); the day and the rank still fit in one int64.
    scenario = np.array([row[0] for row in given_rows], dtype=np.int64) * (150 if wide else 1)
    signed_on = np.array([row[1] for row in given_rows], dtype=np.int64)
    rank = np.array([row[2] for row in given_rows], dtype=np.int64) * (2**31 if wide else 1)

    expected = np.lexsort((rank, signed_on, scenario)).tolist()

    assert canonical_order(scenario, signed_on, rank).tolist() == expected


def test_a_key_too_wide_for_one_number_is_ordered_by_two_sorts() -> None:
    # Days 3 651 000 apart and ranks up to 2**31: about 2**53 keys within a scenario, so that scenario 600 in
    # front of them passes 2**62; the order is still by scenario, then day, then reference.
    scenario = np.array([600, 0, 600, 0], dtype=np.int64)
    signed_on = np.array([0, 3_651_000, 0, 0], dtype=np.int64)
    rank = np.array([2**31, 0, 0, 2**31], dtype=np.int64)

    assert canonical_order(scenario, signed_on, rank).tolist() == [3, 1, 2, 0]
