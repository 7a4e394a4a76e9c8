"""One convention for every frame: what a frame gives out can go back in, loaders give frames, forecasts too.

The scenario: DIJON_2022 authorised on 1 October 2022 (C4), assessed on 31 December 2022. Hydrolis (Dijon)
signed on 1 September 2022 and Mécatronix (Dijon) signed on 2 November 2022 are funded in programme year 1
(C2, C7): 20 000 € for the year and 2 × 15 000 € for the contracts, 50 000 € accrued. 20 000 € was paid on
15 November 2022.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from builders import DIJON, DIJON_2022, contract, payment, startup
from propulseur_rules import InvalidInput, Sector, assess
from propulseur_rules.batch import ScenarioTable, run
from propulseur_rules.planning import read_contracts, read_documents, read_payments, records_frame

ROOT = Path(__file__).resolve().parents[3]
AUTHORISED_ON = dt.date(2022, 10, 1)
AS_OF = dt.date(2022, 12, 31)
CONTRACTS = [
    contract("A", dt.date(2022, 9, 1), of=startup("Hydrolis", head_office=DIJON, sector=Sector.INDUSTRY)),
    contract("B", dt.date(2022, 11, 2), of=startup("Mécatronix", head_office=DIJON, sector=Sector.INDUSTRY)),
]
PAYMENTS = [payment("V1", dt.date(2022, 11, 15), "20000")]
ASSESSMENT = assess(DIJON_2022, CONTRACTS, as_of=AS_OF, regional_authorisation_on=AUTHORISED_ON, payments=PAYMENTS)
SCENARIOS = pd.DataFrame({"as_of": [AS_OF], "regional_authorisation_on": [AUTHORISED_ON]})


def test_the_frame_of_an_assessment_goes_back_into_the_columnar_engine_with_the_same_figures() -> None:
    payments = pd.DataFrame({"reference": ["V1"], "paid_on": [pd.Timestamp(2022, 11, 15)], "amount_cents": [2_000_000]})

    frames = run(ScenarioTable.from_frames(SCENARIOS, ASSESSMENT.to_frame(), payments)).to_frames()

    # 20 000 + 2 × 15 000 = 50 000 € accrued (C2), 50 000 − 20 000 = 30 000 € payable, in cents.
    assert frames["scenarios"].loc[0, "accrued_cents"] == 50_000 * 100
    assert frames["scenarios"].loc[0, "payable_cents"] == (50_000 - 20_000) * 100
    whole = ASSESSMENT.to_frame(by="assessment")
    for name in ("accrued_cents", "paid_cents", "payable_cents"):
        assert frames["scenarios"].loc[0, name] == whole.loc[0, name]
    assert frames["contracts"]["accrues_on"].dtype == ASSESSMENT.to_frame()["accrues_on"].dtype


def test_the_contracts_frame_takes_startup_for_name_and_the_headers_of_a_french_spreadsheet() -> None:
    french = pd.DataFrame(
        {
            "Référence": ["A"],
            "Raison sociale": ["Hydrolis"],
            "Code INSEE": [DIJON],
            "Secteur": ["industry"],
            "Date de signature": [pd.Timestamp(2022, 9, 1)],
        }
    )

    table = ScenarioTable.from_frames(SCENARIOS, french)

    assert table.case(0).contracts[0].startup.name == "Hydrolis"
    assert table.case(0).contracts[0].signed_on == dt.date(2022, 9, 1)


def test_a_column_named_twice_or_unknown_is_refused_with_its_path() -> None:
    twice = pd.DataFrame({"reference": ["A"], "name": ["X"], "startup": ["Y"], "head_office": [DIJON],
                          "sector": ["industry"], "signed_on": [dt.date(2022, 9, 1)]})  # fmt: skip
    with pytest.raises(InvalidInput, match=r"^contracts\.name: ") as raised:
        ScenarioTable.from_frames(SCENARIOS, twice)
    assert raised.value.key == "error.column_given_twice"
    with pytest.raises(InvalidInput, match=r"^contracts\.'colour': "):
        ScenarioTable.from_frames(SCENARIOS, twice.drop(columns="name").assign(colour=["red"]))
    # With two scenarios, a contract must say which one it belongs to.
    two = pd.DataFrame({"scenario": ["x", "y"], "as_of": [AS_OF, AS_OF]})
    with pytest.raises(InvalidInput, match=r"^contracts\.scenario: "):
        ScenarioTable.from_frames(two, twice.drop(columns="name"))


def test_an_amount_in_cents_must_be_a_whole_number_of_cents() -> None:
    payments = pd.DataFrame({"reference": ["V1"], "paid_on": [dt.date(2022, 11, 15)], "amount_cents": ["lots"]})
    with pytest.raises(InvalidInput, match=r"^payments\[0\]\.amount: "):
        ScenarioTable.from_frames(SCENARIOS, None, payments)


def test_the_loaders_give_frames_that_the_columnar_engine_takes() -> None:
    contracts = read_contracts(ROOT / "examples" / "dijon-2022-contracts.csv")
    documents = read_documents(ROOT / "examples" / "dijon-2022-documents.csv")

    # The first row of the file: PRO-2022-01;Hydrolis;21231;industriel;912 345 675;05/09/2022;12/10/2022;03/11/2022
    assert contracts.loc[0, ["reference", "startup", "head_office", "sector", "siren"]].tolist() == [
        "PRO-2022-01",
        "Hydrolis",
        "21231",
        "industry",
        "912345675",
    ]
    assert contracts.loc[0, "signed_on"] == pd.Timestamp(2022, 11, 3)
    assert contracts["signed_on"].dt.year.min() == 2022
    assert isinstance(contracts["sector"].dtype, pd.CategoricalDtype)
    # Copie du contrat;21/11/2022;PRO-2022-01
    assert documents.loc[0, ["kind", "covers"]].tolist() == ["contract_copy", "PRO-2022-01"]
    assert documents.loc[0, "received_on"] == pd.Timestamp(2022, 11, 21)
    table = ScenarioTable.from_frames(SCENARIOS, contracts)
    assert [item.reference for item in table.case(0).contracts] == contracts["reference"].tolist()


def test_a_payments_file_read_as_a_frame_holds_its_amounts_in_cents(tmp_path: Path) -> None:
    path = tmp_path / "versements.csv"
    path.write_text("Référence;Date de versement;Montant\nV1;15/11/2022;20 000,50\n", encoding="utf-8")

    frame = read_payments(path)

    assert frame.to_dict("records") == [
        {"reference": "V1", "paid_on": pd.Timestamp(2022, 11, 15), "amount_cents": 20_000 * 100 + 50}
    ]
    path.write_text("reference;paid_on;amount\nV1;31/02/2022;10\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"versements\.csv:2"):
        read_payments(path)


def test_records_frame_refuses_what_is_not_records() -> None:
    with pytest.raises(InvalidInput, match=r"^rows: "):
        records_frame({"a": 1})
    with pytest.raises(InvalidInput, match=r"^result\[1\]: "):
        records_frame([{"a": 1}, 2])
    with pytest.raises(InvalidInput, match=r"^money: "):
        records_frame([], money="euros")
    assert list(records_frame([], columns=["paid_on", "amount"]).dtypes.astype(str)) == ["datetime64[s]", "int64"]
