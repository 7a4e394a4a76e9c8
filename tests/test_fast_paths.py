"""The engine's fast paths give what the plain rules give.

``assess`` makes one pass over the contracts, applies the contract rules inline
on what it derives once from the convention (``ConventionTerms``) and looks
startups up in a register instead of comparing every pair. Each property below
compares one of those paths with the plain definition it stands for.
"""

from __future__ import annotations

import datetime as dt
import pickle
import random
import sys
import unicodedata
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Condition,
    Contract,
    ContractAssessment,
    ContractStatus,
    Convention,
    InvalidInput,
    UnmetCondition,
    _engine,
    assess,
)
from propulseur_rules._engine import ConventionTerms, accrues_on
from propulseur_rules._model import _CONTROL, _SURROGATE, _anniversary, name_key
from strategies import Scenario, contracts, conventions, scenarios

_DAY = dt.timedelta(days=1)


def programme_year(convention: Convention, day: dt.date) -> int | None:
    """The programme year (1-based) holding ``day``, by looking at each year in turn."""
    for index, year in enumerate(convention.programme_years, start=1):
        if day in year:
            return index
    return None


@st.composite
def conventions_with_contracts(draw: st.DrawFn, max_size: int = 12) -> tuple[Convention, list[Contract]]:
    convention = draw(conventions())
    count = draw(st.integers(0, max_size))
    return convention, [draw(contracts(convention, f"C-{number:02d}")) for number in range(count)]


@given(case=conventions_with_contracts(max_size=4))
def test_the_inline_contract_rules_fail_exactly_the_rule_functions_that_fail(
    case: tuple[Convention, list[Contract]],
) -> None:
    convention, feed = case
    for contract in feed:
        index = programme_year(convention, contract.signed_on)
        plain = [condition for condition, rule in _engine._CONTRACT_RULES if not rule(convention, contract)]

        assert _engine._failed_conditions(ConventionTerms(convention), contract, index) == plain


@given(convention=conventions())
def test_the_terms_of_a_convention_are_its_own_figures(convention: Convention) -> None:
    terms = ConventionTerms(convention)

    assert terms.years == convention.programme_years
    assert terms.year_starts == tuple(year.start for year in convention.programme_years)
    assert (terms.start, terms.end) == (convention.period.start, convention.period.end)
    assert terms.territory == convention.territory
    assert set(terms.sectors) == set(convention.eligible_sectors)
    assert len(terms.sectors) == len(convention.eligible_sectors)
    assert terms.operating_grant_per_year == convention.operating_grant_per_year
    if convention.deliberation is None:
        assert terms.deliberation[0] is None
    else:
        assert terms.deliberation == (convention.deliberation.adopted, convention.deliberation.decided_on)
    assert terms.operating_accrues_on == tuple(
        accrues_on(convention, year.start, year.end) for year in convention.programme_years
    )
    for year in convention.programme_years:  # a contract's grant accrues on its day or with its year
        assert accrues_on(convention, year.start, year.end) == (year.start if terms.on_event else year.end + _DAY)


def same_startup(first: Contract, second: Contract) -> bool:
    """SPEC §3.2, pair by pair: equal SIRENs when both have one, else equal names (case, accents, spaces)."""
    if first.startup.siren is not None and second.startup.siren is not None:
        return first.startup.siren == second.startup.siren
    return name_key(first.startup.name) == name_key(second.startup.name)


@given(case=conventions_with_contracts(), registered=st.lists(st.booleans(), min_size=12, max_size=12))
def test_the_startup_register_answers_like_comparing_every_pair(
    case: tuple[Convention, list[Contract]], registered: list[bool]
) -> None:
    _, feed = case
    register = _engine._StartupRegister()
    earlier: list[Contract] = []
    for contract, add in zip(feed, registered, strict=False):
        expected = any(same_startup(before, contract) for before in earlier)

        assert register.has_earlier_eligible_contract(contract) == expected
        if add:
            register.add(contract)
            earlier.append(contract)


@given(scenario=scenarios())
def test_an_assessment_with_the_terms_already_worked_out_is_the_same_as_with_fresh_ones(scenario: Scenario) -> None:
    warm = scenario.assess()  # the convention now holds its terms
    fresh = attrs.evolve(scenario.convention)  # an equal convention that has not worked them out yet
    cold = assess(
        fresh,
        scenario.contracts,
        as_of=scenario.as_of,
        regional_authorisation_on=scenario.regional_authorisation_on,
        payments=scenario.payments,
    )

    assert scenario.assess() == warm == cold
    for name in ConventionTerms.__slots__:
        assert getattr(scenario.convention._terms, name) == getattr(ConventionTerms(scenario.convention), name)


def test_a_convention_works_its_terms_out_once_and_a_variant_its_own() -> None:
    variant = DIJON_2022.replace(accrual=Accrual.AT_YEAR_END)

    assert DIJON_2022._terms is DIJON_2022._terms
    assert variant._terms is not DIJON_2022._terms
    assert variant._terms.on_event is False
    assert DIJON_2022._terms.on_event is True


_DAYS = st.none() | st.dates()
_MONEY = st.integers(0, 10**14).map(lambda cents: Decimal(cents).scaleb(-2))


@given(
    reference=st.text(min_size=1),
    status=st.sampled_from(ContractStatus),
    programme_year=st.none() | st.integers(1, 100),
    grant=_MONEY,
    accrues_on=_DAYS,
    conditions=st.lists(st.sampled_from(Condition), max_size=3),
)
def test_a_contract_result_built_field_by_field_is_the_one_the_constructor_builds(
    reference: str,
    status: ContractStatus,
    programme_year: int | None,
    grant: Decimal,
    accrues_on: dt.date | None,
    conditions: list[Condition],
) -> None:
    unmet = tuple(_engine._unmet(condition, contract=reference) for condition in conditions)
    built = _engine._contract_result(reference, status, programme_year, grant=grant, accrues_on=accrues_on, unmet=unmet)
    constructed = ContractAssessment(
        reference=reference,
        status=status,
        programme_year=programme_year,
        grant=grant,
        accrues_on=accrues_on,
        unmet=tuple(
            UnmetCondition(condition=condition, clause=condition.clause, contract=reference) for condition in conditions
        ),
    )

    assert built == constructed
    assert (repr(built), hash(built)) == (repr(constructed), hash(constructed))
    assert pickle.loads(pickle.dumps(built)) == constructed
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        built.grant = grant  # type: ignore[misc]


@given(
    condition=st.sampled_from(Condition),
    contract=st.none() | st.text(min_size=1),
    amount=_MONEY,
    blocks_payment=st.booleans(),
    final=st.booleans(),
    needed=st.none() | st.integers(0, 100),
    releases=st.none() | _MONEY,
)
def test_an_unmet_condition_built_field_by_field_is_the_one_the_constructor_builds(
    condition: Condition,
    contract: str | None,
    amount: Decimal,
    blocks_payment: bool,
    final: bool,
    needed: int | None,
    releases: Decimal | None,
) -> None:
    fields = {
        "contract": contract,
        "amount": amount,
        "blocks_payment": blocks_payment,
        "final": final,
        "needed": needed,
        "releases": releases,
    }
    built = _engine._unmet(condition, **fields)
    constructed = UnmetCondition(condition=condition, clause=condition.clause, **fields)

    assert built == constructed
    assert (repr(built), hash(built)) == (repr(constructed), hash(constructed))
    assert pickle.loads(pickle.dumps(built)) == constructed
    assert built.message("en") == constructed.message("en")
    assert _engine._unmet(condition) == UnmetCondition(condition=condition, clause=condition.clause)


def test_the_engine_refuses_to_build_a_class_whose_init_does_more_than_store() -> None:
    @attrs.frozen(kw_only=True)
    class Checked:
        amount: Decimal = attrs.field(converter=Decimal)

    with pytest.raises(RuntimeError, match="Checked has changed"):
        _engine._slot_setters(Checked, ("amount",))
    with pytest.raises(RuntimeError):
        _engine._slot_setters(ContractAssessment, ("reference", "status"))


def _checked_outcome(values: object) -> object:
    try:
        return _engine._checked("contracts", values, Contract)
    except InvalidInput as error:
        return (error.path, error.reason)


@given(
    case=conventions_with_contracts(max_size=6),
    references=st.lists(st.sampled_from(["C-00", "C-01", "C-02", "C-03", "C-04", "C-05"]), min_size=6, max_size=6),
    strangers=st.lists(st.sampled_from([None, "C-00", 42]), max_size=2),
    as_tuple=st.booleans(),
)
def test_a_list_or_tuple_is_checked_like_any_other_collection(
    case: tuple[Convention, list[Contract]], references: list[str], strangers: list[object], as_tuple: bool
) -> None:
    _, feed = case
    values: list[object] = [
        attrs.evolve(contract, reference=ref) for contract, ref in zip(feed, references, strict=False)
    ]
    values[len(values) // 2 : len(values) // 2] = strangers
    collection = tuple(values) if as_tuple else values

    assert _checked_outcome(collection) == _checked_outcome(iter(values))


@given(start=st.dates(), years=st.integers(1, 200))
def test_an_anniversary_is_the_day_relativedelta_gives(start: dt.date, years: int) -> None:
    def outcome(compute: Callable[[], dt.date]) -> object:
        try:
            return compute()
        except (ValueError, OverflowError) as error:
            return type(error)

    assert outcome(lambda: _anniversary(start, years)) == outcome(lambda: start + relativedelta(years=years))


@given(name=st.text() | st.text(alphabet=st.characters(max_codepoint=127)))
def test_a_name_key_ignores_case_accents_and_spaces_as_spec_3_2_says(name: str) -> None:
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))

    assert name_key(name) == " ".join(bare.casefold().split())


@given(case=conventions_with_contracts(), order=st.randoms(use_true_random=False))
def test_two_stable_sorts_put_contracts_in_the_order_signed_on_then_reference(
    case: tuple[Convention, list[Contract]], order: random.Random
) -> None:
    _, feed = case
    shuffled = list(feed)
    order.shuffle(shuffled)

    assert _engine._in_canonical_order(shuffled, _engine._signed_on) == sorted(
        feed, key=lambda contract: (contract.signed_on, contract.reference)
    )


def test_the_text_check_finds_exactly_the_control_characters_and_surrogates_of_unicode() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        category = unicodedata.category(char)
        assert bool(_CONTROL.match(char)) is (category == "Cc"), hex(code)
        assert bool(_SURROGATE.match(char)) is (category == "Cs"), hex(code)
