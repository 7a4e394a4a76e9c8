"""One check of the language, the same refusal everywhere a ``lang`` is taken.

The reports speak English and French (SPEC §3: ``message(lang="en" | "fr")``). A
language they do not speak is bad input, refused with the same
``InvalidInput("lang", …)`` naming the two choices by every public function that
takes one, rather than silently answered in English by some.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from propulseur_rules import DIJON_2022, Clause, InvalidInput, Sector, assess, schedule
from propulseur_rules.example._example import example_assessment_inputs
from propulseur_rules.planning import event_label, render_budget_years, render_schedule
from propulseur_rules.reports._messages import condition_label, status_label, unmet_message
from propulseur_rules.reports._render import assessment_html, explain, render
from propulseur_rules.words._catalogue import say
from propulseur_rules.words._format import format_date, format_money, format_period
from propulseur_rules.words._language import LANGUAGES, check_lang

ASSESSMENT = assess(**example_assessment_inputs())
UNMET = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)).unmet[0]
EVENTS = schedule(DIJON_2022, [], regional_authorisation_on=dt.date(2022, 10, 1))

#: Every function of the package that takes a language, called with ``lang``.
TAKING_A_LANGUAGE: dict[str, Callable[[object], object]] = {
    "UnmetCondition.message": lambda lang: UNMET.message(lang),  # type: ignore[arg-type]
    "Assessment.explain": lambda lang: ASSESSMENT.explain(lang),  # type: ignore[arg-type]
    "Sector.label": lambda lang: Sector.HEALTH.label(lang),  # type: ignore[arg-type]
    "Clause.subject": lambda lang: Clause.C3.subject(lang),  # type: ignore[arg-type]
    "render": lambda lang: render(ASSESSMENT, lang),  # type: ignore[arg-type]
    "render markdown": lambda lang: render(ASSESSMENT, lang, markdown=True),  # type: ignore[arg-type]
    "explain": lambda lang: explain(ASSESSMENT, lang),  # type: ignore[arg-type]
    "assessment_html": lambda lang: assessment_html(ASSESSMENT, lang),  # type: ignore[arg-type]
    "render_budget_years": lambda lang: render_budget_years(ASSESSMENT, lang),  # type: ignore[arg-type]
    "render_schedule": lambda lang: render_schedule(DIJON_2022, EVENTS, lang),  # type: ignore[arg-type]
    "event_label": lambda lang: event_label(EVENTS[0], DIJON_2022, lang),  # type: ignore[arg-type]
    "unmet_message": lambda lang: unmet_message(UNMET, lang),  # type: ignore[arg-type]
    "say": lambda lang: say("report.title", lang, reference="R", as_of="D"),  # type: ignore[arg-type]
    "say a step": lambda lang: say("step.section.conditions", lang),  # type: ignore[arg-type]
    "condition_label": lambda lang: condition_label(UNMET.condition, lang),  # type: ignore[arg-type]
    "status_label": lambda lang: status_label(ASSESSMENT.contracts[0].status, lang),  # type: ignore[arg-type]
    "format_money": lambda lang: format_money(Decimal("1.00"), lang),  # type: ignore[arg-type]
    "format_date": lambda lang: format_date(dt.date(2025, 6, 30), lang),  # type: ignore[arg-type]
    "format_period": lambda lang: format_period(DIJON_2022.period, lang),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(TAKING_A_LANGUAGE))
@pytest.mark.parametrize(
    ("lang", "shown"), [("de", "'de'"), ("FR", "'FR'"), ("", "''"), (None, "None"), (" fr", "' fr'"), (1, "1")]
)
def test_every_function_taking_a_language_refuses_an_unknown_one_the_same_way(
    name: str, lang: object, shown: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        TAKING_A_LANGUAGE[name](lang)
    assert refused.value.path == "lang"
    assert str(refused.value) == f"lang: {shown} is not a language of the reports; expected en or fr"


@pytest.mark.parametrize("name", sorted(TAKING_A_LANGUAGE))
def test_every_function_taking_a_language_speaks_english_and_french_differently(name: str) -> None:
    english, french = (TAKING_A_LANGUAGE[name](lang) for lang in ("en", "fr"))
    assert english != french


def test_the_languages_are_english_then_french_the_order_of_every_text_pair() -> None:
    assert LANGUAGES == ("en", "fr")
    assert [check_lang(lang) for lang in LANGUAGES] == ["en", "fr"]


def test_a_language_that_compares_strangely_is_refused_without_calling_its_comparison() -> None:
    class Hostile:
        def __eq__(self, other: object) -> bool:
            raise RuntimeError("compared")

        __hash__ = object.__hash__

        def __repr__(self) -> str:
            return "Hostile()"

    with pytest.raises(InvalidInput, match=r"^lang: Hostile\(\) is not a language of the reports"):
        check_lang(Hostile())


def test_a_long_unknown_language_is_cut_in_the_message() -> None:
    # shown() cuts at 20 characters, the 20th an ellipsis: "'" + 18 letters + "…".
    with pytest.raises(InvalidInput) as refused:
        check_lang("x" * 50)
    assert str(refused.value) == "lang: '" + "x" * 18 + "… is not a language of the reports; expected en or fr"
