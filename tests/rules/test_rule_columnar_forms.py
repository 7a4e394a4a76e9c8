"""Each rule record holds its columnar form beside its predicate; a record without one cannot be made.

The two forms agree contract by contract (tests/extras/batch/test_rule_and_step_forms.py,
with numpy); here, without numpy, the records themselves: one columnar form per
rule, named after its predicate and citing the same clause, printed in
docs/rules.md as it is in the code.
"""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from builders import startup
from propulseur_rules import Clause, Condition
from propulseur_rules.rules import CONTRACT_RULES, ContractRule, StartupKey, _rules, startup_key
from propulseur_rules.rules._rules import first_contract_of_its_startup, same_startup

RULES_PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_a_rule_without_its_columnar_form_cannot_be_made() -> None:
    with pytest.raises(TypeError, match="columns"):
        ContractRule(  # type: ignore[call-arg]
            condition=Condition.SECTOR_IN_SCOPE, clause=Clause.C8, holds=_rules.sector_in_scope
        )


@pytest.mark.parametrize("rule", CONTRACT_RULES, ids=lambda rule: rule.holds.__name__)
def test_each_rule_has_its_columnar_form_named_after_its_predicate_citing_the_same_clause(rule: ContractRule) -> None:
    assert rule.columns.__name__ == f"{rule.holds.__name__}_columns"
    assert rule.columns.__module__ == rule.holds.__module__
    assert (rule.columns.__doc__ or "").startswith(f"{rule.clause.name} — ")
    assert (rule.holds.__doc__ or "").startswith(f"{rule.clause.name} — ")


def test_the_columnar_forms_are_distinct_functions_one_per_rule() -> None:
    assert len({rule.columns for rule in CONTRACT_RULES}) == len(CONTRACT_RULES)


def test_c7_only_the_rule_of_one_contract_per_startup_reads_the_earlier_eligible_contracts() -> None:
    assert [rule.holds for rule in CONTRACT_RULES if rule.reads_earlier] == [first_contract_of_its_startup]


@pytest.mark.parametrize("rule", CONTRACT_RULES, ids=lambda rule: rule.holds.__name__)
def test_docs_rules_prints_both_forms_of_each_rule_as_the_code_has_them(rule: ContractRule) -> None:
    page = RULES_PAGE.read_text(encoding="utf-8")

    assert inspect.getsource(rule.columns) in page
    # The predicate's first line at least (some docstrings are elided on the page with « ... »).
    assert inspect.getsource(rule.holds).splitlines()[0] in page


def test_c7_a_startup_is_compared_by_its_siren_and_the_key_of_its_name() -> None:
    with_siren = startup("  Hydrolis ", siren="912345675")

    assert startup_key(with_siren) == StartupKey(siren="912345675", name="hydrolis")
    assert startup_key(startup("HYDROLIS")) == StartupKey(siren=None, name="hydrolis")
    # Both have a SIREN: the SIRENs decide, whatever the names; one lacks it: the names decide.
    assert same_startup(with_siren, startup("Other name", siren="912345675"))
    assert not same_startup(with_siren, startup("Hydrolis", siren="732829320"))
    assert same_startup(with_siren, startup("HYDROLIS"))
