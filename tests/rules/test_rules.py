"""The rule records of eligibility: each predicate on its own cases, and proof that ``assess`` runs them.

``CONTRACT_RULES`` in ``_rules.py`` is the one statement of the rules a signed
contract must meet. ``assess`` iterates over these very records, the messages are
keyed by their conditions and docs/rules.md prints their source: swapping one
record's predicate changes what ``assess`` says.
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from builders import BEAUNE, DAY, PER_CONTRACT, contract, startup
from propulseur_rules import DIJON_2022, Clause, Condition, ContractStatus, Sector, Startup, assess
from propulseur_rules.rules import _eligibility, _rules
from propulseur_rules.rules._rules import CONTRACT_RULES, EligibleStartups, same_startup
from strategies import startups

SIGNED = dt.date(2023, 3, 1)
AUTHORISED = dt.date(2022, 12, 15)
NOBODY = EligibleStartups()


def rule(condition: Condition, clause: Clause | None = None) -> _rules.ContractRule:
    """The one record that sets ``condition`` (with ``clause``, when two records set it)."""
    (found,) = [
        rule
        for rule in CONTRACT_RULES
        if rule.condition is condition
        and clause in (None, rule.clause)
        and (clause is not None or rule.message is None)
    ]
    return found


@pytest.mark.parametrize(
    ("applied_on", "selected_on", "expected"),
    [
        (None, None, False),  # never expressed the wish to join
        (None, SIGNED, False),  # selected without having applied
        (SIGNED, None, True),  # applied, not yet selected: C6's selection is its own rule
        (SIGNED, SIGNED, True),  # applied and selected the same day
        (SIGNED - DAY, SIGNED, True),
        (SIGNED + DAY, SIGNED, False),  # selected before it applied
    ],
)
def test_c6_startup_applied_on_or_before_its_selection(
    applied_on: dt.date | None, selected_on: dt.date | None, expected: bool
) -> None:
    signed = contract("C-1", SIGNED, applied_on=applied_on, selected_on=selected_on)

    assert rule(Condition.STARTUP_APPLIED).holds(DIJON_2022, signed, NOBODY) is expected


@pytest.mark.parametrize(
    ("selected_on", "expected"),
    [(None, False), (SIGNED, True), (SIGNED - DAY, True), (SIGNED + DAY, False)],
)
def test_c6_selected_by_the_committee_on_or_before_signature(selected_on: dt.date | None, expected: bool) -> None:
    signed = contract("C-1", SIGNED, applied_on=SIGNED - 30 * DAY, selected_on=selected_on)

    assert rule(Condition.SELECTED_BY_COMMITTEE).holds(DIJON_2022, signed, NOBODY) is expected


@pytest.mark.parametrize(
    ("signed_on", "expected"),
    # C1: « du 1er juillet 2022 au 30 juin 2025 », both days included.
    [
        (dt.date(2022, 6, 30), False),
        (dt.date(2022, 7, 1), True),
        (dt.date(2025, 6, 30), True),
        (dt.date(2025, 7, 1), False),
    ],
)
def test_c1_signed_within_the_period_both_ends_included(signed_on: dt.date, expected: bool) -> None:
    assert rule(Condition.SIGNED_WITHIN_PERIOD).holds(DIJON_2022, contract("C-1", signed_on), NOBODY) is expected


def test_c6_and_c8_the_head_office_and_the_sector() -> None:
    in_beaune = contract("C-1", SIGNED, of=startup(head_office=BEAUNE))
    in_other_field = contract("C-2", SIGNED, of=startup(sector=Sector.OTHER))

    assert rule(Condition.HEAD_OFFICE_IN_TERRITORY).holds(DIJON_2022, in_beaune, NOBODY) is False
    assert rule(Condition.SECTOR_IN_SCOPE).holds(DIJON_2022, in_other_field, NOBODY) is False
    assert rule(Condition.HEAD_OFFICE_IN_TERRITORY).holds(DIJON_2022, in_other_field, NOBODY) is True
    assert rule(Condition.SECTOR_IN_SCOPE).holds(DIJON_2022, in_beaune, NOBODY) is True


def test_c7_a_startup_already_registered_fails_one_contract_per_startup() -> None:
    earlier = EligibleStartups()
    earlier.add(startup("Hydrolis"))

    assert (
        rule(Condition.ONE_CONTRACT_PER_STARTUP).holds(
            DIJON_2022, contract("C-2", SIGNED, of=startup("HYDROLIS")), earlier
        )
        is False
    )
    assert (
        rule(Condition.ONE_CONTRACT_PER_STARTUP).holds(
            DIJON_2022, contract("C-3", SIGNED, of=startup("Vitalis")), earlier
        )
        is True
    )


@pytest.mark.parametrize(
    ("applied_on", "selected_on", "condition", "final"),
    [
        (None, SIGNED, Condition.STARTUP_APPLIED, False),  # the date may still be filled in
        (SIGNED, SIGNED - DAY, Condition.STARTUP_APPLIED, True),  # applied after selection: a fact
        (SIGNED - DAY, None, Condition.SELECTED_BY_COMMITTEE, False),
        (SIGNED - 2 * DAY, SIGNED + DAY, Condition.SELECTED_BY_COMMITTEE, True),
    ],
)
def test_a_missing_c6_date_is_not_final_a_wrong_one_is(
    applied_on: dt.date | None, selected_on: dt.date | None, condition: Condition, final: bool
) -> None:
    signed = contract("C-1", SIGNED, applied_on=applied_on, selected_on=selected_on)

    assert rule(condition).final(signed) is final


def test_every_rule_cites_its_clause_first_in_its_docstring() -> None:
    for record in CONTRACT_RULES:
        assert (record.holds.__doc__ or "").startswith(f"{record.clause.value} — "), record.holds.__name__


def test_a_second_rule_setting_a_condition_has_a_message_of_its_own_the_first_has_the_conditions() -> None:
    seen: set[Condition] = set()
    for record in CONTRACT_RULES:
        if record.condition in seen:
            assert record.message is not None, record.holds.__name__
        else:
            assert record.message is None, record.holds.__name__
            assert record.clause is record.condition.clause
        seen.add(record.condition)


def test_the_rules_are_those_of_spec_3_2_in_their_order() -> None:
    assert [(record.condition, record.clause) for record in CONTRACT_RULES] == [
        (Condition.SIGNED_WITHIN_PERIOD, Clause.C1),
        (Condition.SIGNED_WITHIN_PERIOD, Clause.C7),  # SPEC §7.2, the strict period
        (Condition.HEAD_OFFICE_IN_TERRITORY, Clause.C6),
        (Condition.STARTUP_APPLIED, Clause.C6),
        (Condition.SELECTED_BY_COMMITTEE, Clause.C6),
        (Condition.SELECTED_BY_COMMITTEE, Clause.C6),  # SPEC §7.3, startups already in the programme
        (Condition.SECTOR_IN_SCOPE, Clause.C8),
        (Condition.ONE_CONTRACT_PER_STARTUP, Clause.C7),
    ]


# --- assess runs these very records --------------------------------------------------------


def test_swapping_one_records_predicate_changes_what_assess_says(monkeypatch: pytest.MonkeyPatch) -> None:
    # C8 says « industriel » and « santé »: a startup of another field is ineligible...
    other_field = contract("C-1", SIGNED, of=startup(sector=Sector.OTHER))
    before = assess(DIJON_2022, [other_field], as_of=SIGNED, regional_authorisation_on=AUTHORISED)
    assert before.contracts[0].status is ContractStatus.INELIGIBLE
    assert [unmet.condition for unmet in before.contracts[0].unmet] == [Condition.SECTOR_IN_SCOPE]

    # ...until the record of C8 holds for every contract: then it is funded, 20 000 + 15 000 €.
    swapped = tuple(
        attrs.evolve(record, holds=lambda convention, contract, earlier: True)
        if record.condition is Condition.SECTOR_IN_SCOPE
        else record
        for record in CONTRACT_RULES
    )
    monkeypatch.setattr(_eligibility, "CONTRACT_RULES", swapped)
    after = assess(DIJON_2022, [other_field], as_of=SIGNED, regional_authorisation_on=AUTHORISED)

    assert after.contracts[0].status is ContractStatus.FUNDED
    assert after.accrued == 20_000 + PER_CONTRACT


def test_the_engine_iterates_over_the_records_of_the_rules_module() -> None:
    assert _eligibility.CONTRACT_RULES is _rules.CONTRACT_RULES


# --- C7: the register answers like comparing every pair -------------------------------------


@given(feed=st.lists(startups(), max_size=12), registered=st.lists(st.booleans(), min_size=12, max_size=12))
def test_c7_the_register_answers_like_comparing_every_pair(feed: list[Startup], registered: list[bool]) -> None:
    register = EligibleStartups()
    earlier: list[Startup] = []
    for candidate, add in zip(feed, registered, strict=False):
        expected = any(same_startup(before, candidate) for before in earlier)

        assert register.include(candidate) == expected
        if add:
            register.add(candidate)
            earlier.append(candidate)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (("Hydrolis", "732829320"), ("Hydrolis", "552100554"), False),  # two SIRENs decide
        (("Hydrolis", "732829320"), ("Vitalis", "732829320"), True),
        (("Hydrolis", None), ("HYDROLIS", "732829320"), True),  # one SIREN missing: the names decide
        (("Hydro  Énergie", None), ("hydro energie", None), True),
        (("Hydrolis", None), ("Vitalis", None), False),
    ],
)
def test_c7_same_startup_as_spec_3_2_defines_it(
    first: tuple[str, str | None], second: tuple[str, str | None], same: bool
) -> None:
    assert same_startup(startup(first[0], siren=first[1]), startup(second[0], siren=second[1])) is same
