"""C6 — « leur siège social sur le territoire de Dijon Métropole »: the 23 member communes.

The membership is that of the DGCL's list of EPCI (SIREN 242100410, 23 members every year from
2021 to 2025), the codes and names those of the INSEE's code officiel géographique, the postal
codes La Poste's (``data/dijon_metropole_communes.SOURCES.md``).
"""

from __future__ import annotations

import pkgutil

import pytest

from propulseur_rules.rules._territory import (
    DIJON_METROPOLE_COMMUNES,
    Commune,
    _read_communes,
    is_in_metropole,
    metropole_commune,
)


def test_the_table_read_from_the_package_is_the_23_communes_sorted_by_code() -> None:
    communes = _read_communes()

    assert communes == DIJON_METROPOLE_COMMUNES
    assert len(communes) == 23
    codes = [commune.insee_code for commune in communes]
    assert codes == sorted(codes)
    assert communes[0] == Commune(insee_code="21003", name="Ahuy", postal_code="21121")
    assert communes[-1] == Commune(insee_code="21617", name="Talant", postal_code="21240")
    assert Commune(insee_code="21231", name="Dijon", postal_code="21000") in communes
    # The commune nouvelle of Neuilly-lès-Dijon and Crimolois under the code it kept, and an accented name.
    assert Commune(insee_code="21452", name="Neuilly-Crimolois", postal_code="21800") in communes
    assert Commune(insee_code="21263", name="Fénay", postal_code="21600") in communes


def test_a_code_is_found_with_the_spaces_around_it() -> None:
    assert metropole_commune(" 21166 ") == Commune(insee_code="21166", name="Chenôve", postal_code="21300")
    assert is_in_metropole("21231\n")


def test_a_commune_outside_the_metropole_and_what_is_no_code_are_not_in_it() -> None:
    # Beaune (21054) is in the Côte-d'Or, not in the métropole.
    assert metropole_commune("21054") is None
    assert not is_in_metropole("21054")
    assert metropole_commune(21231) is None  # type: ignore[arg-type]


def test_a_package_whose_loader_cannot_read_its_data_says_the_communes_cannot_be_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pkgutil.get_data gives None when the package's loader has no get_data.
    monkeypatch.setattr(pkgutil, "get_data", lambda package, resource: None)

    with pytest.raises(RuntimeError) as raised:
        _read_communes()

    assert str(raised.value) == "the list of the communes of Dijon Métropole cannot be read from the package"


def test_a_code_in_another_case_is_the_same_code_as_digits_have_no_case() -> None:
    # Corsica's codes have a letter (2A, 2B); the métropole's are all digits, in the Côte-d'Or.
    assert all(commune.insee_code.isdigit() for commune in DIJON_METROPOLE_COMMUNES)
    assert metropole_commune("2a004") is None
