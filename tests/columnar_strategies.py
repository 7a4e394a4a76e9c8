"""Strategies for the columnar engine: batches of scenarios, and feeds where C7 is not transitive.

Built on ``strategies.py``: a batch is a list of its scenarios, some sharing a
convention, some with a contract feed where a startup without SIREN bears the
name of two startups with different SIRENs (the case C7's relation is not
transitive), some with a cap that binds.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from builders import contract, siren_with_key, startup
from propulseur_rules import Contract
from strategies import DAY, Case, cases, conventions

#: Two SIRENs for the same name: with a third contract without SIREN, C7 is not transitive.
TANGLED_SIRENS = (siren_with_key("71000001"), siren_with_key("72000002"))


@st.composite
def tangled_scenarios(draw: st.DrawFn) -> Case:
    """A scenario where the same name comes with two SIRENs and without one, in any order of signature."""
    base = draw(cases(conventions()))
    year = base.convention.programme_years[0]
    sirens = [*TANGLED_SIRENS, None, None]
    feed = list(base.contracts)
    for number, siren in enumerate(draw(st.permutations(sirens))[: draw(st.integers(2, 4))]):
        signed_on = year.start + draw(st.integers(0, (year.end - year.start).days)) * DAY
        name = draw(st.sampled_from(["Tangle Labs", "TANGLE  LABS", "tangle labs"]))
        feed.append(contract(f"T{number}", signed_on, of=startup(name, siren=siren)))
    return Case(
        convention=base.convention,
        contracts=tuple(feed),
        payments=base.payments,
        as_of=max(base.as_of, year.end + DAY),
        regional_authorisation_on=base.regional_authorisation_on,
    )


def batches(max_size: int = 4) -> st.SearchStrategy[list[Case]]:
    """One to ``max_size`` scenarios: drawn freely, with tangled C7, or sharing one convention."""
    shared = conventions().flatmap(lambda chosen: st.lists(cases(st.just(chosen)), min_size=1, max_size=max_size))
    mixed = st.lists(st.one_of(cases(), tangled_scenarios()), min_size=1, max_size=max_size)
    return st.one_of(mixed, shared)


def as_case(scenario: Case) -> tuple[object, tuple[object, ...], dict[str, object]]:
    """The scenario as a case of ``ScenarioTable.from_cases``."""
    return (
        scenario.convention,
        scenario.contracts,
        {
            "as_of": scenario.as_of,
            "regional_authorisation_on": scenario.regional_authorisation_on,
            "payments": scenario.payments,
        },
    )


__all__ = ["DAY", "TANGLED_SIRENS", "as_case", "batches", "dt", "tangled_scenarios"]


def contract_row(key: object, signed: Contract, *, siren: str | None = None) -> dict[str, object]:
    """One row of a contracts frame or Arrow table: ``signed`` of the scenario ``key``."""
    return {
        "scenario": key,
        "reference": signed.reference,
        "signed_on": signed.signed_on,
        "applied_on": signed.applied_on,
        "selected_on": signed.selected_on,
        "name": signed.startup.name,
        "head_office": signed.startup.head_office,
        "sector": signed.startup.sector.value,
        "siren": siren,
    }
