"""The public submodules propulseur_rules.reports and propulseur_rules.planning, and json_ready.

A notebook or a service imports the renderers and the planning tools from these two
modules, never from a private one; the records and the planning results they give
become JSON through one helper, money kept to the cent as text.
"""

from __future__ import annotations

import ast
import datetime as dt
import enum
import importlib
import json
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from propulseur_rules import DIJON_2022, InvalidInput, assess, planning, reports
from propulseur_rules.example._example import example_assessment_inputs

SOURCE = Path(__file__).resolve().parents[2] / "src" / "propulseur_rules"
DOCS = Path(__file__).resolve().parents[2] / "docs"
ASSESSMENT = assess(**example_assessment_inputs())


@pytest.mark.parametrize("module", [reports, planning], ids=["reports", "planning"])
def test_a_public_submodule_re_exports_a_sorted_list_of_names_that_all_exist(module: object) -> None:
    names = module.__all__  # type: ignore[attr-defined]

    assert names == sorted(names, key=lambda name: (not name.isupper(), not name[0].isupper(), name))
    assert len(set(names)) == len(names)
    for name in names:
        value = getattr(module, name)
        if callable(value):  # defined in a private module, re-exported here
            assert any(part.startswith("_") for part in value.__module__.split(".")[1:]), name


@pytest.mark.parametrize("module", ["reports", "planning"])
def test_a_public_submodule_only_re_exports(module: str) -> None:
    tree = ast.parse((SOURCE / module / "__init__.py").read_text(encoding="utf-8"))

    kinds = {type(node).__name__ for node in tree.body}

    assert kinds <= {"Expr", "ImportFrom", "Assign"}
    assert ast.get_docstring(tree) is not None


def test_the_public_submodules_are_the_private_ones_own_objects() -> None:
    assert reports.explain is importlib.import_module("propulseur_rules.reports._render").explain
    assert reports.to_dict is importlib.import_module("propulseur_rules.reports._render").assessment_to_dict
    assert reports.to_html is importlib.import_module("propulseur_rules.reports._render").assessment_html
    assert planning.schedule is importlib.import_module("propulseur_rules.planning._schedule").schedule
    assert reports.json_ready is planning.json_ready


#: The modules of the reports and the planning, and the pages that show them.
PRESENTATION = [
    *(
        SOURCE / f"{name}.py"
        for name in ("reports/__init__", "planning/__init__", "reports/_render", "planning/_planning")
    ),
    *(
        SOURCE / f"{name}.py"
        for name in ("planning/_schedule", "planning/_schedule_views", "planning/_payments", "planning/_sweep")
    ),
    *(SOURCE / f"{name}.py" for name in ("reports/_trace", "reports/_messages", "reports/_layout", "words/_language")),
    *(
        SOURCE / f"{name}.py"
        for name in ("reports/_tables", "reports/_financing_section", "reports/_step_sentences", "reports/_html")
    ),
    SOURCE / "reports" / "_data.py",
    SOURCE / "reports" / "_json_ready.py",
    DOCS / "reports.md",
    DOCS / "notebooks.md",
    DOCS / "guide.md",
]


def test_no_example_of_the_reports_or_the_planning_imports_a_private_module() -> None:
    # Examples are what users copy: the ones in the docstrings and the pages of this layer.
    texts = [path.read_text(encoding="utf-8") for path in PRESENTATION]
    examples = [line for text in texts for line in text.splitlines() if line.lstrip().startswith((">>>", "..."))]

    assert len(examples) > 20
    assert [line for line in examples if re.search(r"propulseur_rules(\._[a-z]| import _)", line)] == []


def test_reports_speak_the_languages_they_list() -> None:
    assert reports.LANGUAGES == ("en", "fr")
    english, french = (reports.render(ASSESSMENT, lang) for lang in reports.LANGUAGES)
    assert english.startswith("Assessment of ")
    assert french.startswith("Évaluation de ")


def test_the_html_view_takes_a_language() -> None:
    assert "<caption>Montants</caption>" in reports.to_html(ASSESSMENT, "fr")
    assert "<caption>Money</caption>" in reports.to_html(ASSESSMENT)
    assert reports.to_html(ASSESSMENT) == ASSESSMENT._repr_html_()


# --- json_ready -----------------------------------------------------------------------


def test_records_of_every_view_become_json_with_money_to_the_cent() -> None:
    for by in ("contract", "programme_year", "budget_year"):
        rows = ASSESSMENT.to_records(by=by)
        data = json.loads(json.dumps(planning.json_ready(rows)))
        assert len(data) == len(rows)
        for row, plain in zip(rows, data, strict=True):
            for key, value in row.items():
                if isinstance(value, Decimal):
                    assert plain[key] == f"{value:.2f}"
                    assert Decimal(plain[key]) == value
                elif isinstance(value, dt.date):
                    assert dt.date.fromisoformat(plain[key]) == value
                else:
                    assert plain[key] == value


def test_the_forecast_and_a_sweep_become_json() -> None:
    events = planning.schedule(DIJON_2022, regional_authorisation_on=dt.date(2022, 10, 1))
    rows = planning.sweep(DIJON_2022, as_of=[dt.date(2023, 1, 1), dt.date(2025, 7, 1)])

    plain_events = json.loads(json.dumps(planning.json_ready(events)))
    plain_rows = json.loads(json.dumps(planning.json_ready(rows)))

    # C2: 20 000 € of operating grant on 1 July 2022, the first event of the forecast.
    assert plain_events[0] == {
        "on": "2022-07-01",
        "kind": "year_opens",
        "clause": "C2",
        "amount": "20000.00",
        "accrued": "20000.00",
        "releasable": "0.00",
        "programme_year": 1,
        "contract": None,
    }
    # C2: three operating grants of 20 000 € once the period has ended, no contract.
    assert plain_rows[1]["accrued"] == "60000.00"
    assert plain_rows[1]["as_of"] == "2025-07-01"


def test_budget_years_and_a_whole_assessment_become_json() -> None:
    rows = json.loads(json.dumps(planning.json_ready(planning.budget_years(ASSESSMENT))))
    whole = json.loads(json.dumps(planning.json_ready(ASSESSMENT)))

    assert sum(Decimal(row["accrued"]) for row in rows) == ASSESSMENT.accrued
    assert whole["accrued"] == f"{ASSESSMENT.accrued:.2f}"
    assert whole["convention"]["territory"] == sorted(DIJON_2022.territory)


class Colour(enum.Enum):
    RED = "red"


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.text()
        | st.decimals(min_value=0, max_value=Decimal("999999999999.99"), places=2)
        | st.dates()
        | st.just(Colour.RED),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children) | st.tuples(children, children),
        max_leaves=20,
    )
)
def test_json_ready_gives_what_json_writes_and_reads_back_unchanged(value: object) -> None:
    plain = planning.json_ready(value)

    assert json.loads(json.dumps(plain)) == plain
    assert planning.json_ready(plain) == plain


@pytest.mark.parametrize("value", [1.5, b"bytes", object(), {"nested": [complex(1, 2)]}])
def test_json_ready_refuses_what_has_no_json_form_naming_where(value: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        planning.json_ready(value)
    assert refused.value.path.startswith("value")


def test_json_ready_names_the_path_of_the_value_it_refuses() -> None:
    with pytest.raises(InvalidInput) as refused:
        planning.json_ready({"rows": [{"grant": 1.5}]})
    assert str(refused.value) == "value['rows'][0]['grant']: a floating-point number has no JSON form in the results"


def test_json_ready_writes_a_frozen_value_as_its_fields() -> None:
    @attrs.frozen
    class Point:
        on: dt.date
        amount: Decimal

    assert planning.json_ready(Point(dt.date(2024, 2, 29), Decimal("0.5"))) == {"on": "2024-02-29", "amount": "0.50"}
