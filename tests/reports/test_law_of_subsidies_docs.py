"""The law of subsidies in docs/rules.md: every legal basis listed, only public modules imported, exposed by reports."""

from __future__ import annotations

import re
from pathlib import Path

from propulseur_rules import reports
from propulseur_rules.reports._scdl import scdl_csv, scdl_json, scdl_record
from propulseur_rules.rules._legal import LEGAL_BASES, legal_basis

RULES = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
TITLE = "## Beyond the deliberation: the law of subsidies"


def section() -> str:
    text = RULES.read_text("utf-8")
    return text[text.index(TITLE) :]


def test_the_section_is_the_last_of_the_page() -> None:
    assert re.findall(r"^## .*", section(), flags=re.MULTILINE) == [TITLE]


def test_every_legal_basis_is_cited_with_its_identifier_and_shown_by_a_running_example() -> None:
    text = section()
    examples = "".join(re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL))

    for basis in LEGAL_BASES:
        assert f'legal_basis("{basis.key}")' in examples, basis.key
        for identifier in (basis.legifrance_id, basis.text_id):
            if identifier is not None:
                assert identifier in text, (basis.key, identifier)


def test_what_could_not_be_verified_is_said() -> None:
    unverified = [basis for basis in LEGAL_BASES if not basis.verified]
    listed = section().split("### What could not be verified")[1]

    assert [basis.key for basis in unverified] == [
        "cgct-l5211-1",
        "cgct-l2121-17",
        "cgct-l5211-3",
        "decret-2001-495-art-1",
        "loi-68-1250-art-2",
        "crpa-l121-1",
        "crpa-l122-1",
        "arrete-2006-10-11",
        "reglement-ue-1407-2013-art-3",
        "reglement-ue-2023-2831-art-3",
    ]
    for citation in (
        "CGCT, art. L. 5211-1",
        "CGCT, art. L. 2121-17",
        "CGCT, art. L. 5211-3",
        "Loi n° 68-1250, art. 2",
        "CRPA, art. L. 121-1",
    ):
        assert citation in listed
    assert "Décret n° 2001-495, art. 1er" in listed
    assert "CRPA, art. L. 122-1" in listed
    assert "Arrêté du 11 octobre 2006" in listed
    assert "Règlement (UE) n° 1407/2013, art. 3, and règlement (UE) 2023/2831, art. 3" in listed


def test_no_example_of_the_docs_imports_a_private_module() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    for page in sorted(docs.glob("*.md")):
        for block in re.findall(r"```python\n(.*?)```", page.read_text("utf-8"), flags=re.DOTALL):
            assert re.findall(r"(?:from|import) propulseur_rules\._", block) == [], page.name


def test_reports_exposes_the_same_objects_as_the_library_verified() -> None:
    assert reports.LEGAL_BASES is LEGAL_BASES
    assert reports.legal_basis is legal_basis
    assert (reports.scdl_record, reports.scdl_csv, reports.scdl_json) == (scdl_record, scdl_csv, scdl_json)
    assert reports.legal_basis("crpa-l242-2").legifrance_id == "LEGIARTI000031367659"
