"""What only the files combined refuse is gathered with every other error, not raised one at a time.

The rows: the contracts file has one contract, P-1; the documents file names a copy of P-9 (no such contract),
a copy of P-1 received on 1 September 2022 (before the financing convention signed on 1 October 2022), and a
financial statement of programme year 7 (DIJON_2022 has three, C1). The option --as-of names 30 February.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.files import InputsWrong, ScenarioOptions, assemble

CONTRACTS = "reference;startup;head_office;sector;signed_on\nP-1;Hydrolis;21231;industry;2022-11-03\n"
DOCUMENTS = (
    "pièce;reçue le;objet\n"
    "contract_copy;2022-11-20;P-9\n"
    "contract_copy;2022-11-21;P-1\n"
    "contract_copy;2022-09-01;P-1\n"
    "financial_statement;2023-09-01;7\n"
)


def options(tmp_path: Path, **changes: object) -> ScenarioOptions:
    contracts, documents = tmp_path / "contrats.csv", tmp_path / "pieces.csv"
    contracts.write_text(CONTRACTS, encoding="utf-8")
    documents.write_text(DOCUMENTS, encoding="utf-8")
    given: dict[str, object] = {
        "contracts": str(contracts),
        "documents": str(documents),
        "no_payments": True,
        "as_of": "2023-12-31",
        "authorised_on": "2022-12-15",
        "financing": "assumed",
        "financing_signed_on": "2022-10-01",
        **changes,
    }
    return ScenarioOptions(**given)  # type: ignore[arg-type]


def test_every_document_the_contracts_and_the_signature_refuse_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputsWrong) as caught:
        assemble(options(tmp_path))

    documents = tmp_path / "pieces.csv"
    # Rows 2, 4 and 5 of the file (its header is row 1); row 3, a copy of P-1 after the signature, is right.
    assert [error.message() for error in caught.value.errors] == [
        f"{documents}:2: objet: 'P-9' is not a contract of this convention",
        f"{documents}:4: reçue le: 2022-09-01 is before the financing convention was signed, 2022-10-01",
        f"{documents}:5: objet: the convention has no programme year 7; it has 3",
    ]


def test_they_come_with_the_errors_of_the_options(tmp_path: Path) -> None:
    with pytest.raises(InputsWrong) as caught:
        assemble(options(tmp_path, as_of="2023-02-30"))

    documents = tmp_path / "pieces.csv"
    assert [error.path for error in caught.value.errors] == [
        "--as-of",
        f"{documents}:2: objet",
        f"{documents}:4: reçue le",
        f"{documents}:5: objet",
    ]


def test_one_error_of_the_combination_alone_is_raised_as_it_is(tmp_path: Path) -> None:
    documents = tmp_path / "pieces.csv"
    given = options(tmp_path)
    documents.write_text("pièce;reçue le;objet\ncontract_copy;2022-11-20;P-9\n", encoding="utf-8")

    with pytest.raises(InvalidInput) as caught:
        assemble(given)

    assert not isinstance(caught.value, InputsWrong)
    assert caught.value.message() == f"{documents}:2: objet: 'P-9' is not a contract of this convention"
