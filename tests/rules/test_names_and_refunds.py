"""C7 on names as a person sees them, and refunds (« reversements ») as negative payments (C3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from builders import OPERATING, PER_CONTRACT, contract, payment, startup
from propulseur_rules import DIJON_2022, Condition, ContractStatus, InvalidInput, assess, load_payments_csv
from propulseur_rules.files._inputs import Inputs
from propulseur_rules.reports import statement_markdown

AUTHORISED = dt.date(2022, 12, 15)
AS_OF = dt.date(2023, 6, 1)


@pytest.mark.parametrize(
    "second_name",
    [
        "Hydro\u200blis",  # a zero-width space, as a copy from a web page leaves it
        "Hydro\u00adlis",  # a soft hyphen
        "Hydro\u2060lis",  # a word joiner
        "\u202eHydrolis\u202c",  # a bidi override and its end
        "\u041dydr\u043elis",  # a Cyrillic Н and о
        "HYDR\u039fLIS",  # a Greek Ο
    ],
)
def test_c7_a_name_that_looks_the_same_is_the_same_startup_so_its_second_contract_earns_nothing(
    second_name: str,
) -> None:
    # C7, « 9 projets »: one project per startup. « Hydrolis » then the same name with invisible
    # or look-alike characters, both without SIREN: one startup, so the second contract is refused.
    first = contract("PRO-01", dt.date(2022, 11, 3), of=startup("Hydrolis"))
    second = contract("PRO-02", dt.date(2023, 1, 10), of=startup(second_name))

    result = assess(DIJON_2022, [first, second], as_of=AS_OF, regional_authorisation_on=AUTHORISED)

    assert result.contract("PRO-01").grant == PER_CONTRACT
    assert result.contract("PRO-02").status is ContractStatus.INELIGIBLE
    assert result.contract("PRO-02").grant == 0
    assert [unmet.condition for unmet in result.contract("PRO-02").unmet] == [Condition.ONE_CONTRACT_PER_STARTUP]
    # Year 1 (1 July 2022 – 30 June 2023): 20 000 € to run the programme + 15 000 € for one contract, not two.
    assert result.accrued == OPERATING + 1 * PER_CONTRACT == 35_000


def test_c7_the_refusal_names_the_earlier_contract_and_its_startup() -> None:
    first = contract("PRO-01", dt.date(2022, 11, 3), of=startup("Hydrolis"))
    second = contract("PRO-02", dt.date(2023, 1, 10), of=startup("HYDROLIS"))

    result = assess(DIJON_2022, [first, second], as_of=AS_OF, regional_authorisation_on=AUTHORISED)
    (unmet,) = result.contract("PRO-02").unmet

    assert unmet.earlier == "PRO-01"
    assert unmet.message("en") == (
        "Contract PRO-02 (HYDROLIS): the startup already has an earlier eligible contract in this convention, "
        "PRO-01 (Hydrolis). (C7)"
    )
    assert unmet.message("fr") == (
        "Contrat PRO-02 (HYDROLIS) : la startup a déjà un contrat éligible antérieur dans cette convention, "
        "PRO-01 (Hydrolis). (C7)"
    )


def test_c3_a_refund_of_5_000_after_20_000_paid_leaves_15_000_paid() -> None:
    # Year 1's operating grant, 20 000 €, paid in January; 5 000 € paid back in March (« reversement »).
    paid = payment("VIR-1", dt.date(2023, 1, 10), 20_000)
    refund = payment("REV-1", dt.date(2023, 3, 1), -5_000)
    first = contract("PRO-01", dt.date(2022, 11, 3), of=startup("Hydrolis"))

    result = assess(DIJON_2022, [first], as_of=AS_OF, regional_authorisation_on=AUTHORISED, payments=[paid, refund])

    assert result.paid == 20_000 - 5_000 == 15_000
    # Accrued and releasable: 20 000 + 15 000 = 35 000 €; payable 35 000 - 15 000 = 20 000 €.
    assert result.payable == 20_000 + PER_CONTRACT - 15_000 == 20_000
    assert result.excess_paid == 0


def test_c3_a_refund_dated_after_the_assessment_is_not_counted_yet() -> None:
    paid = payment("VIR-1", dt.date(2023, 1, 10), 20_000)
    refund = payment("REV-1", dt.date(2023, 9, 1), -5_000)

    result = assess(DIJON_2022, [], as_of=AS_OF, regional_authorisation_on=AUTHORISED, payments=[paid, refund])

    assert result.paid == 20_000


def test_a_refund_of_a_payment_made_the_same_day_is_accepted() -> None:
    paid = payment("VIR-9", dt.date(2023, 1, 10), 20_000)  # its reference sorts after the refund's
    refund = payment("REV-1", dt.date(2023, 1, 10), "-20000")

    result = assess(DIJON_2022, [], as_of=AS_OF, regional_authorisation_on=AUTHORISED, payments=[refund, paid])

    assert result.paid == 0


def test_a_refund_of_more_than_was_paid_before_it_is_invalid_input_naming_it() -> None:
    paid = payment("VIR-1", dt.date(2023, 1, 10), 20_000)
    too_much = payment("REV-1", dt.date(2023, 3, 1), "-20000.01")

    with pytest.raises(InvalidInput) as caught:
        assess(DIJON_2022, [], as_of=AS_OF, payments=[paid, too_much])

    assert caught.value.path == "payments[1].amount"
    assert str(caught.value) == (
        "payments[1].amount: the refund REV-1 of 20000.01 is more than the 20000.00 paid before it"
    )


def test_a_refund_before_any_payment_is_invalid_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        assess(DIJON_2022, [], as_of=AS_OF, payments=[payment("REV-1", dt.date(2023, 3, 1), -1)])

    assert caught.value.path == "payments[0].amount"
    assert caught.value.key == "error.refund_exceeds_paid"


def test_a_refund_is_shown_as_a_refund_in_every_report() -> None:
    paid = payment("VIR-1", dt.date(2023, 1, 10), 20_000)
    refund = payment("REV-1", dt.date(2023, 3, 1), -5_000)
    result = assess(DIJON_2022, [], as_of=AS_OF, regional_authorisation_on=AUTHORISED, payments=[paid, refund])

    assert "  REV-1, refunded on 2023-03-01: -€5,000.00" in result.explain("en").splitlines()
    assert "  REV-1, reversé le 01/03/2023 : -5 000,00 €" in result.explain("fr").splitlines()
    assert result.to_dict()["payments"] == [
        {"reference": "VIR-1", "paid_on": "2023-01-10", "amount": "20000.00", "kind": "payment"},
        {"reference": "REV-1", "paid_on": "2023-03-01", "amount": "-5000.00", "kind": "refund"},
    ]
    statement = statement_markdown(result, Inputs.of_own_files(), "fr")
    assert "| REV-1 (reversement) | 01/03/2023 | -5 000,00 € |" in statement


@pytest.mark.parametrize("written", ["-5 000,00", "\u22125 000,00 €", "-5000.00"])
def test_a_refund_is_read_from_a_french_spreadsheet_as_a_negative_amount(tmp_path: Path, written: str) -> None:
    path = tmp_path / "versements.csv"
    path.write_text(f"référence;date;montant\nVIR-1;10/01/2023;20 000,00\nREV-1;01/03/2023;{written}\n", "utf-8")

    paid, refund = load_payments_csv(path)

    assert (paid.amount, refund.amount) == (20_000, -5_000)
    assert refund.refund
