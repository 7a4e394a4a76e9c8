"""The stories a grant officer meets, told as DIJON_2022 scenarios with figures worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from builders import (
    BEAUNE,
    DAY,
    PERIOD_END,
    PERIOD_START,
    YEARS,
    contract,
    payment,
    startup,
    three_contracts_a_year,
)
from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Condition,
    ContractStatus,
    DocumentKind,
    TargetPolicy,
    assess,
)
from propulseur_rules.example._example import (
    EXAMPLE_AS_OF,
    EXAMPLE_CONTRACTS,
    EXAMPLE_PAYMENTS,
    EXAMPLE_REGIONAL_AUTHORISATION_ON,
    example_assessment_inputs,
)

AUTHORISED = dt.date(2022, 12, 15)
AFTER_THE_END = PERIOD_END + DAY
Y1, Y2, Y3 = YEARS


def test_the_full_195_000_with_three_eligible_contracts_in_each_programme_year() -> None:
    result = assess(DIJON_2022, three_contracts_a_year(), as_of=AFTER_THE_END, regional_authorisation_on=AUTHORISED)

    # C2: three years of 20 000 € and three contracts of 15 000 €.
    assert result.accrued == Decimal(3 * (20_000 + 3 * 15_000))
    assert result.accrued == Decimal("195000.00")
    assert result.releasable == Decimal("195000.00")
    assert result.payable == Decimal("195000.00")
    assert result.withheld == Decimal(0)
    assert [year.entitled for year in result.years] == [Decimal(20_000 + 3 * 15_000)] * 3
    assert result.eligible_contracts == 9
    assert result.target_met
    # 195 000 € over 3 years = 65 000 € a year > 23 000 €: the financing convention the law requires is
    # not verified, its signature not given; a warning only.
    assert [(unmet.condition, unmet.blocks_payment) for unmet in result.unmet] == [
        (Condition.FINANCING_CONVENTION_SIGNED, False)
    ]
    signed = assess(
        DIJON_2022,
        three_contracts_a_year(),
        as_of=AFTER_THE_END,
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=AUTHORISED,
    )
    assert signed.unmet == ()
    assert result.to_dict()["accrued"] == "195000.00"


def test_a_year_with_five_eligible_contracts_funds_three_and_reports_two_over_the_annual_limit() -> None:
    feed = [contract(f"Y2-{n}", Y2[0] + n * 40 * DAY) for n in range(1, 6)]
    result = assess(DIJON_2022, feed, as_of=Y2[1], regional_authorisation_on=AUTHORISED)

    year = result.years[1]
    assert year.funded == ("Y2-1", "Y2-2", "Y2-3")
    # Places remain in years 1 and 3 (SPEC §7.1): over the annual limit of C2, not C5's supplementary.
    assert year.over_annual_limit == ("Y2-4", "Y2-5")
    assert year.supplementary == ()
    assert year.entitled == Decimal(20_000 + 3 * 15_000)
    # Year 1's operating grant (no contract) and year 2: 20 000 + 20 000 + 3 × 15 000.
    assert result.accrued == Decimal(20_000 + 20_000 + 3 * 15_000)
    limit = [unmet for unmet in result.unmet if unmet.condition is Condition.ANNUAL_CONTRACT_LIMIT]
    assert [(unmet.contract, unmet.clause.value, unmet.amount) for unmet in limit] == [
        ("Y2-4", "C2", Decimal(15_000)),
        ("Y2-5", "C2", Decimal(15_000)),
    ]
    assert "C5" not in limit[0].message("en")  # C5 is for contracts beyond every place (SPEC §7.1)
    assert "pooled" in limit[0].message("en")
    # Supplementary contracts count for the target of C3: five of nine, four more needed.
    assert result.eligible_contracts == 5
    assert [unmet.needed for unmet in result.unmet if unmet.condition is Condition.CONTRACT_TARGET] == [9 - 5]


def test_a_startup_outside_the_metropole_gets_nothing_and_must_be_replaced_for_the_target() -> None:
    feed = three_contracts_a_year()
    feed[4] = contract("Y2-2", feed[4].signed_on, of=startup("Lumen Beaune", head_office=BEAUNE))
    result = assess(DIJON_2022, feed, as_of=AFTER_THE_END, regional_authorisation_on=AUTHORISED)

    assert result.contract("Y2-2").status is ContractStatus.INELIGIBLE
    assert [unmet.condition for unmet in result.contract("Y2-2").unmet] == [Condition.HEAD_OFFICE_IN_TERRITORY]
    assert "siège social" in result.contract("Y2-2").unmet[0].message("fr")
    # 195 000 less the 15 000 of the contract that does not count.
    assert result.accrued == Decimal(195_000 - 15_000)
    assert [(unmet.needed, unmet.final) for unmet in result.unmet if unmet.condition is Condition.CONTRACT_TARGET] == [
        (1, True)
    ]


def test_a_contract_signed_before_the_committee_selected_the_startup_is_ineligible() -> None:
    signed = dt.date(2024, 1, 25)
    feed = [contract("PRO-2024-09", signed, applied_on=dt.date(2023, 11, 20), selected_on=dt.date(2024, 3, 6))]
    result = assess(DIJON_2022, feed, as_of=dt.date(2024, 4, 1), regional_authorisation_on=AUTHORISED)

    row = result.contract("PRO-2024-09")
    assert row.status is ContractStatus.INELIGIBLE
    assert [(unmet.condition, unmet.clause.value, unmet.final) for unmet in row.unmet] == [
        (Condition.SELECTED_BY_COMMITTEE, "C6", True)
    ]
    # Only the operating grants of years 1 and 2.
    assert result.accrued == Decimal(2 * 20_000)


def test_the_regional_authorisation_arriving_late_releases_nothing_before_and_everything_after() -> None:
    late = dt.date(2024, 1, 15)
    feed = three_contracts_a_year()
    # By 14 January 2024: year 1 whole (20 000 + 3 × 15 000), year 2's operating grant and its
    # contracts of 30 August and 28 November 2023: 65 000 + 20 000 + 2 × 15 000 = 115 000.
    accrued = Decimal(20_000 + 3 * 15_000 + 20_000 + 2 * 15_000)

    before = assess(DIJON_2022, feed, as_of=late - DAY, regional_authorisation_on=late)
    on = assess(DIJON_2022, feed, as_of=late, regional_authorisation_on=late)
    end = assess(DIJON_2022, feed, as_of=AFTER_THE_END, regional_authorisation_on=late)

    assert (before.accrued, before.withheld, before.releasable) == (accrued, accrued, Decimal(0))
    authorisation = [unmet for unmet in before.unmet if unmet.condition is Condition.REGIONAL_AUTHORISATION]
    assert [(unmet.clause.value, unmet.releases) for unmet in authorisation] == [("C4", accrued)]
    assert "€115,000.00" in authorisation[0].message("en")
    assert (on.accrued, on.withheld, on.releasable) == (accrued, Decimal(0), accrued)
    assert end.releasable == Decimal(195_000)


def test_payments_ahead_of_entitlement_are_excess_until_the_contracts_catch_up() -> None:
    feed = three_contracts_a_year()
    advance = [payment("VIR-2022-10", dt.date(2022, 10, 3), 65_000)]

    # 3 October 2022, after the vote of 29 September: year 1's operating grant and the contract
    # of 30 August 2022 have accrued, 20 000 + 15 000 = 35 000; 65 000 - 35 000 paid too early.
    early = assess(
        DIJON_2022, feed, as_of=dt.date(2022, 10, 3), regional_authorisation_on=PERIOD_START, payments=advance
    )
    assert (early.releasable, early.paid, early.payable) == (Decimal(20_000 + 15_000), Decimal(65_000), Decimal(0))
    assert early.excess_paid == Decimal(65_000 - (20_000 + 15_000))
    excess = [unmet for unmet in early.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert [(unmet.amount, unmet.final) for unmet in excess] == [(Decimal(30_000), False)]

    # 28 March 2023, the third contract of year 1 is signed: 20 000 + 3 × 15 000 = 65 000, all paid.
    caught_up = assess(
        DIJON_2022, feed, as_of=dt.date(2023, 3, 28), regional_authorisation_on=PERIOD_START, payments=advance
    )
    assert (caught_up.releasable, caught_up.payable, caught_up.excess_paid) == (
        Decimal(65_000),
        Decimal(0),
        Decimal(0),
    )
    assert Condition.NO_EXCESS_PAYMENT not in [unmet.condition for unmet in caught_up.unmet]


@pytest.mark.parametrize(
    ("policy", "releasable", "payable", "excess_paid"),
    [
        # Pro rata: 3 × 20 000 + 8 × 15 000 = 180 000 releasable; 100 000 paid, 80 000 still due.
        (TargetPolicy.PRO_RATA, 3 * 20_000 + 8 * 15_000, 3 * 20_000 + 8 * 15_000 - 100_000, 0),
        # All or nothing: nothing releasable, the 100 000 paid is to recover.
        (TargetPolicy.ALL_OR_NOTHING, 0, 0, 100_000),
    ],
)
def test_the_target_missed_at_the_end_of_the_period(
    policy: TargetPolicy, releasable: int, payable: int, excess_paid: int
) -> None:
    convention = DIJON_2022.replace(target_policy=policy)
    feed = three_contracts_a_year()[:8]
    paid = [payment("VIR-1", dt.date(2023, 4, 12), 50_000), payment("VIR-2", dt.date(2024, 3, 28), 50_000)]
    result = assess(convention, feed, as_of=AFTER_THE_END, regional_authorisation_on=AUTHORISED, payments=paid)

    assert result.accrued == Decimal(3 * 20_000 + 8 * 15_000)
    assert result.releasable == Decimal(releasable)
    assert result.payable == Decimal(payable)
    assert result.excess_paid == Decimal(excess_paid)
    target = [unmet for unmet in result.unmet if unmet.condition is Condition.CONTRACT_TARGET]
    assert [(unmet.needed, unmet.final) for unmet in target] == [(1, True)]
    assert target[0].blocks_payment is (policy is TargetPolicy.ALL_OR_NOTHING)
    excess = [unmet.final for unmet in result.unmet if unmet.condition is Condition.NO_EXCESS_PAYMENT]
    assert excess == ([True] if excess_paid else [])


# Three contracts a year signed 60, 150 and 270 days into each programme year (never on its
# first or last day). What has accrued on the first and on the last day of year k:
#   ON_EVENT:    first day: the earlier years whole, (k - 1) × 65 000, and year k's 20 000;
#                last day:  k × 65 000.
#   AT_YEAR_END: first day and last day alike: (k - 1) × 65 000, year k comes the day after.
@pytest.mark.parametrize("index", [1, 2, 3])
@pytest.mark.parametrize(
    ("accrual", "on_first_day", "on_last_day"),
    [
        (Accrual.ON_EVENT, lambda k: (k - 1) * 65_000 + 20_000, lambda k: k * 65_000),
        (Accrual.AT_YEAR_END, lambda k: (k - 1) * 65_000, lambda k: (k - 1) * 65_000),
    ],
    ids=["on_event", "at_year_end"],
)
def test_both_accrual_modes_on_the_first_and_last_day_of_each_programme_year(
    index: int, accrual: Accrual, on_first_day: object, on_last_day: object
) -> None:
    convention = DIJON_2022.replace(accrual=accrual)
    first, last = YEARS[index - 1]
    feed = three_contracts_a_year()

    def accrued(day: dt.date) -> Decimal:
        return assess(convention, feed, as_of=day, regional_authorisation_on=AUTHORISED).accrued

    assert accrued(first) == Decimal(on_first_day(index))  # type: ignore[operator]
    assert accrued(last) == Decimal(on_last_day(index))  # type: ignore[operator]
    assert accrued(AFTER_THE_END) == Decimal(195_000)


def test_both_accrual_modes_agree_once_the_period_has_ended() -> None:
    feed = three_contracts_a_year()[:7]
    results = [
        assess(DIJON_2022.replace(accrual=accrual), feed, as_of=AFTER_THE_END, regional_authorisation_on=AUTHORISED)
        for accrual in Accrual
    ]

    # 3 × 20 000 + 7 × 15 000 under either reading.
    assert [result.accrued for result in results] == [Decimal(3 * 20_000 + 7 * 15_000)] * 2


def test_the_built_in_example_on_31_march_2025() -> None:
    result = assess(**example_assessment_inputs())  # type: ignore[arg-type]

    assert result.as_of == EXAMPLE_AS_OF == dt.date(2025, 3, 31)
    assert result.regional_authorisation_on == EXAMPLE_REGIONAL_AUTHORISATION_ON == dt.date(2023, 2, 15)
    assert len(EXAMPLE_CONTRACTS) == 13

    # Year 1 (1 July 2022 – 30 June 2023): Hydrolis, MedTrack Santé and Mécatronix funded;
    # Bioptic (10 May 2023) is the fourth eligible contract: over the annual limit of year 1
    # (C2) while places remain in years 2 and 3 (SPEC §7.1);
    # Lumen Beaune has its head office in Beaune, 21054 (C6).
    # Year 2 (1 July 2023 – 30 June 2024): Kinésens and Neurolia funded; Hydrolis again (C7),
    # Agrinov in agri-food (C8), CapteurLab signed on 25 January 2024 before its selection on
    # 6 March (C6).
    # Year 3 (1 July 2024 – 30 June 2025): Vitalis and Robotime funded; DataCœur is signed on
    # 20 May 2025, after 31 March 2025.
    assert {row.reference: row.status for row in result.contracts} == {
        "PRO-2022-01": ContractStatus.FUNDED,
        "PRO-2022-02": ContractStatus.FUNDED,
        "PRO-2023-03": ContractStatus.FUNDED,
        "PRO-2023-04": ContractStatus.OVER_ANNUAL_LIMIT,
        "PRO-2023-05": ContractStatus.INELIGIBLE,
        "PRO-2023-06": ContractStatus.FUNDED,
        "PRO-2023-07": ContractStatus.INELIGIBLE,
        "PRO-2024-08": ContractStatus.INELIGIBLE,
        "PRO-2024-09": ContractStatus.INELIGIBLE,
        "PRO-2024-10": ContractStatus.FUNDED,
        "PRO-2024-11": ContractStatus.FUNDED,
        "PRO-2025-12": ContractStatus.FUNDED,
        "PRO-2025-13": ContractStatus.NOT_YET_SIGNED,
    }

    # Entitled and accrued, year by year (all accrued by 31 March 2025, on each event):
    #   year 1: 20 000 + 3 × 15 000 = 65 000
    #   year 2: 20 000 + 2 × 15 000 = 50 000
    #   year 3: 20 000 + 2 × 15 000 = 50 000
    assert [year.accrued for year in result.years] == [
        Decimal(20_000 + 3 * 15_000),
        Decimal(20_000 + 2 * 15_000),
        Decimal(20_000 + 2 * 15_000),
    ]
    # 165 000 in all, under the cap of 195 000; nothing withheld: the authorisation came on
    # 15 February 2023, the council voted on 29 September 2022, the target reads pro rata.
    assert result.accrued == Decimal(65_000 + 50_000 + 50_000)
    assert result.withheld == Decimal(0)
    assert result.releasable == Decimal(165_000)
    # Paid: 50 000 on 12 April 2023 and 60 000 on 28 March 2024.
    assert sum(paid.amount for paid in EXAMPLE_PAYMENTS) == Decimal(50_000 + 60_000)
    assert result.paid == Decimal(110_000)
    assert result.excess_paid == Decimal(0)
    # The assumed financing terms (signed on 15 November 2022): the rest of year 3's operating
    # grant beyond its advance, 20 000 - 50 % = 10 000, waits for year 2's financial statement,
    # due on 31 December 2024 and not received; a fifth of what is releasable, 165 000 / 5 =
    # 33 000, is the balance held until the ninth contract and the final report.
    assert result.financing_signed_on == dt.date(2022, 11, 15)
    assert result.awaiting_documents == Decimal(20_000 - 10_000)
    assert result.balance_held == Decimal(165_000 // 5)
    assert result.payable == Decimal(165_000 - 10_000 - 33_000 - 110_000)
    assert result.recovery is None

    # Eight eligible contracts (seven funded, one over the annual limit): one short of nine, which
    # withholds nothing under the pro rata reading and is not final before 30 June 2025.
    assert result.eligible_contracts == 3 + 1 + 2 + 2
    assert [(unmet.condition, unmet.contract, unmet.clause.value) for unmet in result.unmet] == [
        (Condition.CONTRACT_TARGET, None, "C3"),
        (Condition.ANNUAL_CONTRACT_LIMIT, "PRO-2023-04", "C2"),
        (Condition.HEAD_OFFICE_IN_TERRITORY, "PRO-2023-05", "C6"),
        (Condition.ONE_CONTRACT_PER_STARTUP, "PRO-2023-07", "C7"),
        (Condition.SECTOR_IN_SCOPE, "PRO-2024-08", "C8"),
        (Condition.SELECTED_BY_COMMITTEE, "PRO-2024-09", "C6"),
        (Condition.SUPPORTING_DOCUMENT, None, "C3"),
        (Condition.BALANCE_HELD, None, "C3"),
    ]
    waiting, balance = result.unmet[-2:]
    assert (waiting.document, waiting.covers, waiting.due_on, waiting.overdue, waiting.amount) == (
        DocumentKind.FINANCIAL_STATEMENT,
        2,
        dt.date(2024, 12, 31),
        True,
        Decimal(10_000),
    )
    assert (balance.document, balance.due_on, balance.needed, balance.amount) == (
        DocumentKind.FINAL_REPORT,
        dt.date(2025, 12, 31),
        9 - 8,
        Decimal(33_000),
    )
    target = result.unmet[0]
    assert (target.needed, target.blocks_payment, target.final) == (9 - 8, False, False)
