"""A Parquet source that cannot be read is refused in the words of each language, never with pyarrow's own text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.batch._parquet import read_parquet_tables


def refused(source: object) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        read_parquet_tables(contracts=source)
    return caught.value


def test_a_source_that_is_not_a_path_or_a_file_says_what_it_is() -> None:
    # Failed before: the French message carried pyarrow's « cannot construct a FileSource from 5 ».
    error = refused(5)

    assert error.path == "contracts"
    assert error.message("en") == (
        "contracts: cannot be read as Parquet: expected a path, a folder or a file object, not a whole number"
    )
    assert error.message("fr") == (
        "contracts: ne peut être lu comme Parquet : attendu un chemin, un dossier ou un objet fichier, "
        "pas un nombre entier"
    )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "absent.parquet"

    error = refused(missing)

    assert error.message("fr") == (
        f"contracts: ne peut être lu comme Parquet : il n'y a pas de fichier ni de dossier {str(missing)!r}"
    )


@pytest.mark.parametrize("content", [b"", b"reference;paid_on\nV-1;2023-01-10\n"])
def test_a_file_that_is_not_parquet_says_so_in_each_language(content: bytes) -> None:
    error = refused(io.BytesIO(content))

    assert error.message("en") == (
        "contracts: cannot be read as Parquet: it is not a Parquet file (or a folder of them), or it is damaged"
    )
    assert "Parquet magic" not in error.message("fr")
    assert error.message("fr").startswith("contracts: ne peut être lu comme Parquet : ce n'est pas un fichier Parquet")
