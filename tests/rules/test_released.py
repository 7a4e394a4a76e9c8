"""What is releasable, by the day it became releasable (``Assessment.released``).

Money accrues on its day (C3) and is releasable once no condition withholds it: the
regional authorisation validated (C4), the vote in force (C9), the financing
convention signed when the law requires it (loi n° 2000-321, art. 10) and, under all
or nothing, the ninth contract signed (C3). A part becomes releasable on the later of
the day it accrued and the day the last of those conditions was lifted.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from builders import OPERATING, PER_CONTRACT, contract, euros, three_contracts_a_year
from propulseur_rules import DIJON_2022, Assessment, Clause, FinancingTerms, TargetPolicy, assess
from strategies import Case, FinancedCase, cases, dates_around, financed_cases

YEAR_1, YEAR_2 = dt.date(2022, 7, 1), dt.date(2023, 7, 1)
ALPHA = contract("ALPHA", dt.date(2022, 9, 15))


def _parts(result: Assessment) -> list[tuple[dt.date, Clause, object]]:
    return [(part.released_on, part.clause, part.amount) for part in result.released]


def test_money_accrued_before_the_authorisation_is_releasable_on_the_day_of_the_authorisation() -> None:
    # Authorised on 15 February 2023 (C4): year 1's 20 000 € (1 July 2022) and ALPHA's 15 000 €
    # (15 September 2022) wait for it; year 2's 20 000 € accrues on 1 July 2023, when nothing withholds it.
    result = assess(DIJON_2022, [ALPHA], as_of=dt.date(2024, 1, 1), regional_authorisation_on=dt.date(2023, 2, 15))

    assert _parts(result) == [
        (dt.date(2023, 2, 15), Clause.C4, euros(OPERATING + PER_CONTRACT)),
        (YEAR_2, Clause.C3, euros(OPERATING)),
    ]
    assert result.releasable == euros(20_000 + 15_000 + 20_000)


def test_before_the_vote_in_force_the_money_waits_for_it() -> None:
    # Authorised on 1 August 2022; the council votes on 29 September 2022 (C9). Year 1's 20 000 € and
    # ALPHA's 15 000 € (15 September) wait for it; BETA's 15 000 € accrues on 3 October, after it.
    beta = contract("BETA", dt.date(2022, 10, 3))
    result = assess(
        DIJON_2022, [ALPHA, beta], as_of=dt.date(2022, 12, 31), regional_authorisation_on=dt.date(2022, 8, 1)
    )

    assert _parts(result) == [
        (dt.date(2022, 9, 29), Clause.C9, euros(OPERATING + PER_CONTRACT)),
        (dt.date(2022, 10, 3), Clause.C3, euros(PER_CONTRACT)),
    ]


def test_the_signature_of_the_financing_convention_releases_on_its_day() -> None:
    # 20 000 + 15 000 accrued in 2022, authorised on 1 December 2022, signed on 1 February 2023.
    result = assess(
        DIJON_2022,
        [ALPHA],
        as_of=dt.date(2023, 3, 1),
        regional_authorisation_on=dt.date(2022, 12, 1),
        financing_signed_on=dt.date(2023, 2, 1),
    )

    assert _parts(result) == [(dt.date(2023, 2, 1), Clause.C3, euros(35_000))]


def test_under_all_or_nothing_the_ninth_contract_releases_all_that_accrued_before() -> None:
    # Nine contracts, three a year; the ninth is the last of year 3. Before it, everything is withheld.
    nine = three_contracts_a_year()
    convention = DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING)
    result = assess(convention, nine, as_of=dt.date(2025, 7, 1), regional_authorisation_on=dt.date(2022, 7, 1))
    ninth = max(item.signed_on for item in nine)

    # 195 000 € in all (3 × (20 000 + 3 × 15 000)), all of it released by the ninth signature.
    assert _parts(result) == [(ninth, Clause.C3, euros(195_000))]


def test_while_a_condition_withholds_all_nothing_is_released() -> None:
    result = assess(DIJON_2022, [ALPHA], as_of=dt.date(2023, 1, 1))

    assert (result.withheld, result.released) == (euros(35_000), ())


def _check(result: Assessment) -> None:
    parts = result.released
    assert sum((part.amount for part in parts), euros(0)) == result.releasable
    assert all(part.amount > 0 and part.released_on <= result.as_of for part in parts)
    keys = [(part.released_on, part.clause.value) for part in parts]
    assert keys == sorted(set(keys))


@given(cases(), st.data())
def test_the_parts_add_up_to_what_is_releasable_under_the_deliberation_alone(case: Case, data: st.DataObject) -> None:
    signed_on = data.draw(st.none() | dates_around(case.convention, before=60, after=60))
    result = case.assess(financing_signed_on=signed_on)

    _check(result)
    # No part is released before the conditions given were lifted; the signature is one above 23 000 € a year
    # (loi n° 2000-321, art. 10; décret n° 2001-495, art. 1er).
    convention = case.convention
    required = convention.total_cap > 23_000 * len(convention.programme_years)
    days = (case.regional_authorisation_on, signed_on if required else None)
    lifted = [day for day in days if day is not None and day <= case.as_of]
    assert all(part.released_on >= max(lifted) for part in result.released) or not lifted


@given(financed_cases())
def test_the_parts_add_up_to_what_is_releasable_with_terms(financed: FinancedCase) -> None:
    _check(financed.assess())


def test_terms_change_no_part_of_what_is_releasable() -> None:
    given = {"as_of": dt.date(2024, 1, 1), "regional_authorisation_on": dt.date(2023, 2, 15)}
    signed = dt.date(2022, 8, 1)
    plain = assess(DIJON_2022, [ALPHA], financing_signed_on=signed, **given)
    financed = assess(DIJON_2022.replace(financing=FinancingTerms()), [ALPHA], financing_signed_on=signed, **given)

    assert financed.released == plain.released
    assert financed.releasable == plain.releasable == euros(55_000)
