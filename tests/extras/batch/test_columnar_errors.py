"""The errors of the columnar engine: the path of the bad value, and why, in English and in French."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from propulseur_rules import DIJON_2022, DeMinimisAid, InvalidInput
from propulseur_rules.batch import MissingExtra, ScenarioTable, assess_table, forecast, run

AS_OF = {"as_of": dt.date(2023, 1, 1)}


def test_a_count_of_copies_below_one_is_refused_in_french() -> None:
    table = ScenarioTable.from_cases([(DIJON_2022, [], AS_OF)])

    with pytest.raises(InvalidInput) as refused:
        table.repeated(0)

    assert str(refused.value) == "times: expected a whole number of copies, at least 1, not 0"
    assert refused.value.message("fr") == "times: attendu : un nombre entier de copies, au moins 1, pas 0"


def test_a_forecast_of_no_future_is_refused_in_french_and_a_huge_count_is_said_by_its_size() -> None:
    with pytest.raises(InvalidInput) as none:
        forecast(DIJON_2022, draws=0)
    with pytest.raises(InvalidInput) as huge:
        forecast(DIJON_2022, draws=10**5000)

    assert none.value.message("fr") == "draws: attendu : un nombre d'avenirs tirés de 1 à 1000000, pas 0"
    # 10**5000 has 5000 × log2(10) ≈ 16609.6, so 16 610 bits.
    assert (
        huge.value.message("fr")
        == "draws: attendu : un nombre d'avenirs tirés de 1 à 1000000, pas un entier de 16610 bits"
    )


def test_without_pandas_the_frames_of_a_result_name_the_extra_in_each_language(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run(ScenarioTable.from_cases([(DIJON_2022, [], AS_OF)]))
    monkeypatch.setitem(sys.modules, "pandas", None)  # an import of pandas now fails, as if it were not installed

    with pytest.raises(MissingExtra) as missing:
        result.to_frames()

    assert str(missing.value) == "pandas frames of scenarios needs pandas: pip install 'propulseur-rules[frames]'"
    assert missing.value.message("fr") == (
        "l'usage de tableaux pandas de scénarios demande pandas : pip install 'propulseur-rules[frames]'"
    )


def test_the_columnar_engine_refuses_the_aid_rather_than_give_other_figures() -> None:
    # The columnar engine states the deliberation alone: a case with de minimis aid is refused, not given
    # figures without its warning.
    given = [DeMinimisAid(siren="732829320", granted_on="2022-05-02", amount="1")]
    with pytest.raises(InvalidInput) as raised:
        assess_table([(DIJON_2022, [], {"as_of": dt.date(2023, 1, 1), "de_minimis_aid": given})])
    assert raised.value.path == "cases[0].de_minimis_aid"
    assert "de minimis" in str(raised.value)
    # Without aid, the same case is assessed.
    assess_table([(DIJON_2022, [], {"as_of": dt.date(2023, 1, 1), "de_minimis_aid": []})])
