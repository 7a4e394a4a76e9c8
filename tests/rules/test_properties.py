"""The invariants of SPEC §4, one property each, for every input that constructs without error.

The ``dev`` hypothesis profile runs them quickly; ``HYPOTHESIS_PROFILE=ci`` runs each with
1 000 examples, the cap properties included.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import pickle
import random
from collections.abc import Iterator
from decimal import Decimal

import attrs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from propulseur_rules import (
    DIJON_2022,
    Assessment,
    Condition,
    Contract,
    ContractStatus,
    Convention,
    Deliberation,
    Payment,
    Period,
    PlacesPolicy,
    Startup,
    TargetPolicy,
)
from propulseur_rules.rules._outcome import ELIGIBLE_STATUSES
from strategies import (
    BEFORE_ANYTHING,
    BINDING_CAP,
    CORNERS,
    DAY,
    FULL_DIJON,
    LEAP_YEARS,
    MISSED_ALL_OR_NOTHING,
    Case,
    cases,
    conventions,
    dijon_full_cases,
    fresh_eligible_contracts,
)

CENT = Decimal("0.01")


def _pin_corners(test):  # type: ignore[no-untyped-def]
    """Pin every corner scenario with @example."""
    for corner in CORNERS:
        test = example(scenario=corner)(test)
    return test


def _pin_corners_under_annual_places(test):  # type: ignore[no-untyped-def]
    """Pin every corner scenario with @example, its places counted per programme year."""
    for corner in CORNERS:
        annual = dataclasses.replace(corner, convention=corner.convention.replace(places=PlacesPolicy.ANNUAL))
        test = example(scenario=annual)(test)
    return test


def _money_figures(result: Assessment) -> Iterator[tuple[str, Decimal]]:
    for name in ("accrued", "withheld", "releasable", "paid", "payable", "excess_paid"):
        yield name, getattr(result, name)
    for year in result.years:
        for name in ("operating_grant", "contract_grants", "entitled", "accrued"):
            yield f"years[{year.index}].{name}", getattr(year, name)
    for row in result.contracts:
        yield f"contracts[{row.reference}].grant", row.grant
    for index, unmet in enumerate(result.unmet):
        yield f"unmet[{index}].amount", unmet.amount
        if unmet.releases is not None:
            yield f"unmet[{index}].releases", unmet.releases


# --- C2: the cap and the annual ceiling -------------------------------------------------------


@given(scenario=cases())
@_pin_corners
def test_accrued_never_exceeds_the_total_cap(scenario: Case) -> None:
    result = scenario.assess()

    assert result.accrued <= scenario.convention.total_cap
    assert sum((year.entitled for year in result.years), Decimal(0)) <= scenario.convention.total_cap


@given(scenario=cases(conventions(places=[PlacesPolicy.ANNUAL])))
@_pin_corners_under_annual_places
def test_under_annual_places_each_years_entitlement_stays_within_the_annual_ceiling(scenario: Case) -> None:
    result = scenario.assess()

    for year in result.years:
        assert year.entitled <= scenario.convention.annual_ceiling
        assert year.accrued <= year.entitled


@given(scenario=cases())
@_pin_corners
def test_the_years_accrued_add_up_to_the_accrued_total(scenario: Case) -> None:
    result = scenario.assess()

    assert sum((year.accrued for year in result.years), Decimal(0)) == result.accrued


# --- The money figures ---------------------------------------------------------------------------


@given(scenario=cases())
@_pin_corners
def test_payable_plus_paid_less_excess_paid_is_releasable(scenario: Case) -> None:
    result = scenario.assess()

    assert result.payable + result.paid - result.excess_paid == result.releasable
    assert result.releasable == result.accrued - result.withheld


@given(scenario=cases())
@_pin_corners
def test_payable_and_excess_paid_are_never_both_positive_nor_negative(scenario: Case) -> None:
    result = scenario.assess()

    assert result.payable >= 0
    assert result.excess_paid >= 0
    assert not (result.payable > 0 and result.excess_paid > 0)


@given(scenario=cases())
@_pin_corners
def test_every_figure_is_a_whole_number_of_cents(scenario: Case) -> None:
    result = scenario.assess()

    for name, amount in _money_figures(result):
        assert amount == amount.quantize(CENT), name
        assert amount.as_tuple().exponent == -2, name


# --- Purity -------------------------------------------------------------------------------------


@given(scenario=cases(), shuffler=st.randoms(use_true_random=False))
@example(scenario=FULL_DIJON, shuffler=random.Random(0))
@example(scenario=MISSED_ALL_OR_NOTHING, shuffler=random.Random(1))
def test_shuffling_contracts_and_payments_changes_nothing(scenario: Case, shuffler: random.Random) -> None:
    contracts = list(scenario.contracts)
    payments = list(scenario.payments)
    shuffler.shuffle(contracts)
    shuffler.shuffle(payments)

    assert scenario.assess(contracts=contracts, payments=payments) == scenario.assess()


# --- C4: the regional authorisation ---------------------------------------------------------------


@given(scenario=cases(), days_late=st.one_of(st.none(), st.integers(1, 1000)))
@example(scenario=FULL_DIJON, days_late=None)
@example(scenario=FULL_DIJON, days_late=1)
def test_without_the_regional_authorisation_nothing_is_releasable(scenario: Case, days_late: int | None) -> None:
    authorised_on = None if days_late is None else scenario.as_of + days_late * DAY
    result = scenario.assess(regional_authorisation_on=authorised_on)

    assert result.releasable == 0
    assert result.withheld == result.accrued


# --- C3: accrual over time and per contract ----------------------------------------------------


@given(scenario=cases(), days_later=st.one_of(st.sampled_from([1, 365, 366]), st.integers(0, 2000)))
@example(scenario=LEAP_YEARS, days_later=1)
@example(scenario=BEFORE_ANYTHING, days_later=1)
@example(scenario=Case(convention=DIJON_2022, as_of=dt.date(2023, 6, 30)), days_later=1)
def test_accrued_never_decreases_as_the_date_moves_later(scenario: Case, days_later: int) -> None:
    earlier = scenario.assess()
    later = scenario.assess(as_of=scenario.as_of + days_later * DAY)

    assert later.accrued >= earlier.accrued


@st.composite
def _with_a_fresh_eligible_contract(draw: st.DrawFn) -> tuple[Case, Contract]:
    scenario = draw(cases(conventions(policies=[TargetPolicy.PRO_RATA])))
    return scenario, draw(fresh_eligible_contracts(scenario.convention))


def _fresh(signed_on: dt.date) -> Contract:
    startup = Startup(name="Zéphyr Fresh Startup", head_office="21231", sector="health")  # type: ignore[arg-type]
    return Contract(
        reference="FRESH", startup=startup, signed_on=signed_on, applied_on=signed_on, selected_on=signed_on
    )


@given(case=_with_a_fresh_eligible_contract())
@example(case=(FULL_DIJON, _fresh(dt.date(2022, 7, 1))))  # a fourth contract in year 1
@example(case=(BINDING_CAP, _fresh(dt.date(2023, 7, 1))))  # under a cap that binds
@example(case=(BEFORE_ANYTHING, _fresh(dt.date(2025, 6, 30))))
def test_under_pro_rata_adding_an_eligible_contract_never_lowers_accrued(case: tuple[Case, Contract]) -> None:
    scenario, fresh = case
    as_of = max(scenario.as_of, fresh.signed_on)  # the new contract is signed by the date

    without = scenario.assess(as_of=as_of)
    with_it = scenario.assess(as_of=as_of, contracts=(*scenario.contracts, fresh))

    assert with_it.contract("FRESH").status in ELIGIBLE_STATUSES
    assert with_it.accrued >= without.accrued


# --- C7: a name as a person sees it; C3: refunds --------------------------------------------------

#: Characters a copy leaves in a name that show nothing (Unicode category Cf), and Cyrillic or Greek
#: letters drawn like Latin ones, each with the Latin letter it stands for.
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u200e", "\u202a", "\u2066")
_LOOK_ALIKE = {"a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441", "H": "\u041d", "O": "\u039f"}


@st.composite
def _disguised(draw: st.DrawFn, name: str) -> str:
    """``name`` as a copy may give it: invisible characters slipped in, look-alike letters swapped in."""
    letters = [_LOOK_ALIKE[char] if char in _LOOK_ALIKE and draw(st.booleans()) else char for char in name]
    for _ in range(draw(st.integers(0, 3))):
        letters.insert(draw(st.integers(0, len(letters))), draw(st.sampled_from(_INVISIBLE)))
    return "".join(letters)


@st.composite
def _with_a_disguised_copy(draw: st.DrawFn) -> tuple[Case, Contract]:
    """A case with a signed eligible contract, and a later contract of the same startup under a disguised name."""
    scenario = draw(cases(max_contracts=12))
    eligible = [row.contract for row in scenario.assess().contracts if row.status in ELIGIBLE_STATUSES]
    if not eligible:
        scenario = FULL_DIJON
        eligible = list(FULL_DIJON.contracts)
    original = draw(st.sampled_from(eligible))
    startup = attrs.evolve(original.startup, name=draw(_disguised(original.startup.name)), siren=None)
    copy = attrs.evolve(original, reference=original.reference + "~", startup=startup)
    return scenario, copy


@settings(max_examples=150)
@given(case=_with_a_disguised_copy())
def test_c7_a_second_contract_under_a_disguised_name_changes_no_figure(case: tuple[Case, Contract]) -> None:
    scenario, copy = case
    without = scenario.assess()
    with_it = scenario.assess(contracts=(*scenario.contracts, copy))

    refused = with_it.contract(copy.reference)
    assert refused.status is ContractStatus.INELIGIBLE
    assert Condition.ONE_CONTRACT_PER_STARTUP in [unmet.condition for unmet in refused.unmet]
    assert refused.grant == 0
    assert (with_it.accrued, with_it.payable) == (without.accrued, without.payable)


@settings(max_examples=150)
@given(scenario=cases())
@_pin_corners
def test_c3_paid_is_the_sum_of_payments_and_refunds_by_the_date_and_never_negative(scenario: Case) -> None:
    result = scenario.assess()

    counted = [payment.amount for payment in scenario.payments if payment.paid_on <= scenario.as_of]
    assert result.paid == sum(counted, Decimal(0))
    assert result.paid >= 0
    assert result.payable <= result.releasable


# --- DIJON_2022 to the letter --------------------------------------------------------------------


@given(scenario=dijon_full_cases())
@example(scenario=FULL_DIJON)
def test_dijon_2022_with_three_eligible_contracts_a_year_gives_exactly_195_000(scenario: Case) -> None:
    result = scenario.assess()

    # C2: 3 × (20 000 + 3 × 15 000)
    assert result.accrued == Decimal("195000.00") == Decimal(3 * (20_000 + 3 * 15_000))
    assert result.releasable == Decimal("195000.00")
    assert result.eligible_contracts == 9


# --- SPEC §2: the value objects drawn by the registered strategies -------------------------------


@given(
    value=st.one_of(*(st.from_type(kind) for kind in (Period, Startup, Deliberation, Convention, Contract, Payment)))
)
def test_every_value_object_compares_by_value_hashes_and_pickles(value: object) -> None:
    copy = pickle.loads(pickle.dumps(value))

    assert copy == value
    assert hash(copy) == hash(value)


@given(convention=conventions())
def test_every_drawn_convention_has_whole_programme_years_within_their_ceiling(convention: Convention) -> None:
    years = convention.programme_years

    assert years[0].start == convention.period.start
    assert years[-1].end == convention.period.end
    assert all(following.start == previous.end + DAY for previous, following in itertools.pairwise(years))
    assert convention.annual_ceiling == (
        convention.operating_grant_per_year + convention.grant_per_contract * convention.max_funded_contracts_per_year
    )


def test_the_corners_pinned_above_are_what_they_claim() -> None:
    assert FULL_DIJON.assess().accrued == Decimal(195_000)
    # 92 500 cap: the third programme year gets nothing.
    assert BINDING_CAP.assess().years[2].entitled == 0
    assert BINDING_CAP.assess().excess_paid == Decimal(150_000 - 92_500)
    assert LEAP_YEARS.convention.period == Period(start=dt.date(2024, 2, 29), end=dt.date(2028, 2, 28))
    assert MISSED_ALL_OR_NOTHING.assess().excess_paid == Decimal(50_000 + 60_000)
    assert BEFORE_ANYTHING.assess().accrued == 0
