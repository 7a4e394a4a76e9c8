"""The records that cite the deliberation: each clause's subject, and the rule of eligibility that
first sets each condition with the clause it comes from."""

from __future__ import annotations

import pytest

from propulseur_rules import InvalidInput, Sector
from propulseur_rules.rules._clauses import Clause
from propulseur_rules.rules._outcome import Condition
from propulseur_rules.rules._rules import (
    contract_rule,
    head_office_in_territory,
    sector_in_scope,
    selected_by_committee,
    signed_within_period,
    startup_applied,
)


def test_a_clause_says_its_subject_in_english_unless_asked_in_french() -> None:
    # C2: « 195 000 € … 20 000 € … 15 000 € … dans la limite de 3 contrats par an ».
    assert Clause.C2.subject() == Clause.C2.subject("en")
    assert "195 000 €" in Clause.C2.subject()
    assert "a year" in Clause.C2.subject()
    assert "par an" in Clause.C2.subject("fr")


@pytest.mark.parametrize(
    ("condition", "clause", "holds"),
    [
        # C1: « pour une période de 3 ans, du 1er juillet 2022 au 30 juin 2025 ».
        (Condition.SIGNED_WITHIN_PERIOD, Clause.C1, signed_within_period),
        # C6: « siège social sur le territoire de Dijon Métropole », « exprimé le souhait », « comité de sélection ».
        (Condition.HEAD_OFFICE_IN_TERRITORY, Clause.C6, head_office_in_territory),
        (Condition.STARTUP_APPLIED, Clause.C6, startup_applied),
        (Condition.SELECTED_BY_COMMITTEE, Clause.C6, selected_by_committee),
        # C8: « dans le domaine « industriel » … et de la « santé » ».
        (Condition.SECTOR_IN_SCOPE, Clause.C8, sector_in_scope),
    ],
)
def test_the_first_rule_setting_a_condition_is_the_clause_that_states_it(
    condition: Condition, clause: Clause, holds: object
) -> None:
    rule = contract_rule(condition)

    assert (rule.condition, rule.clause, rule.holds, rule.message) == (condition, clause, holds, None)


def test_a_condition_no_rule_of_eligibility_sets_is_refused_naming_it() -> None:
    # C4 (the regional authorisation) is a condition of payment, not of a contract's eligibility.
    with pytest.raises(InvalidInput) as raised:
        contract_rule(Condition.REGIONAL_AUTHORISATION)

    assert raised.value.path == "condition"
    assert str(raised.value).startswith("condition: <Condition.REGIONAL_AUTHORISATION")
    assert str(raised.value).endswith(" is not set by a rule of eligibility")


def test_a_sector_says_its_name_in_english_unless_asked_in_french() -> None:
    # C8: « dans le domaine « industriel » … et de la « santé » ».
    assert (Sector.INDUSTRY.label(), Sector.INDUSTRY.label("fr")) == ("industry", "industriel")
    assert (Sector.HEALTH.label(), Sector.HEALTH.label("fr")) == ("health", "santé")
