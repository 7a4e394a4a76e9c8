"""docs/rules.md lists every legal basis the library applies in one table: its key, where, and what it does."""

from __future__ import annotations

import re
from pathlib import Path

from propulseur_rules.rules._legal import LEGAL_BASES

RULES = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
TITLE = "### Every legal basis: where it applies and what it does"


def table_rows() -> list[list[str]]:
    text = RULES.read_text("utf-8")
    after = text[text.index(TITLE) + len(TITLE) :]
    block = after[: after.index("\n\n```")]
    rows = [line for line in block.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]


def test_the_table_lists_every_legal_basis_once_in_the_order_of_legal_bases() -> None:
    keys = [re.fullmatch(r"`([a-z0-9-]+)`", row[0]).group(1) for row in table_rows()]  # type: ignore[union-attr]

    assert keys == [basis.key for basis in LEGAL_BASES]


def test_each_row_says_where_the_basis_applies_and_what_it_does() -> None:
    for key, article, where, what in table_rows():
        assert article, key
        assert where, key
        assert what, key


def test_the_regulations_of_the_union_are_in_the_table_with_their_ceilings() -> None:
    rows = {row[0]: row for row in table_rows()}

    assert "200 000 €" in rows["`reglement-ue-1407-2013-art-3`"][3]
    assert "300 000 €" in rows["`reglement-ue-2023-2831-art-3`"][3]
