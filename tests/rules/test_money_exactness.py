"""Money to the cent: every figure out of the library is whole cents, and the sums add up exactly.

The conventions here have amounts with cents (12 345.67 € a contract, an operating grant
of 20 000.01 €) and a cap that cuts one entitlement item in its middle: the item gets
exactly what is left of the cap, to the cent, and every later item gets nothing (C2:
« arrêtée à … € »). The test works out the items itself, in order (year 1 operating
grant, year 1 funded contracts, year 2 operating grant, …), and checks the assessment,
its budget years, its records and its JSON-ready data against them.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from builders import DIJON
from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Assessment,
    Contract,
    ContractStatus,
    Convention,
    Payment,
    Sector,
    Startup,
    TargetPolicy,
    assess,
)
from propulseur_rules.rules._outcome import MONEY_FIGURES
from strategies import CORNER_STARTS, DAY, cents, dates_around, whole_years

CENT = Decimal("0.01")
MONEY_TEXT = re.compile(r"\d+\.\d\d")


@dataclass(frozen=True)
class Case:
    """A convention with cents, its contract feed, payments, a date, and the items worked out by hand."""

    convention: Convention
    contracts: tuple[Contract, ...]
    payments: tuple[Payment, ...]
    as_of: dt.date
    authorised_on: dt.date | None
    #: Every possible entitlement item before the cap, in the order of C2: (year index, contract
    #: reference or None, amount), a year's contracts in order of signature, at most the limit.
    possible_items: tuple[tuple[int, str | None, Decimal], ...]

    @property
    def items(self) -> tuple[tuple[int, str | None, Decimal], ...]:
        """The items on ``as_of``: a contract not yet signed is not funded (SPEC §3.1)."""
        signed = {contract.reference for contract in self.contracts if contract.signed_on <= self.as_of}
        return tuple(item for item in self.possible_items if item[1] is None or item[1] in signed)

    def assess(self) -> Assessment:
        return assess(
            self.convention,
            self.contracts,
            as_of=self.as_of,
            regional_authorisation_on=self.authorised_on,
            payments=self.payments,
        )


def _contract(reference: str, signed_on: dt.date, index: int) -> Contract:
    """An eligible contract for a startup of its own, in Dijon (C6), in health (C8)."""
    return Contract(
        reference=reference,
        startup=Startup(name=f"Centime {index}", head_office=DIJON, sector=Sector.HEALTH),
        signed_on=signed_on,
        applied_on=signed_on - 20 * DAY,
        selected_on=signed_on - 10 * DAY,
    )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    years = draw(st.integers(1, 4))
    period = whole_years(
        draw(st.sampled_from(CORNER_STARTS) | st.dates(dt.date(2000, 1, 1), dt.date(2080, 1, 1))), years
    )
    operating = draw(st.sampled_from([Decimal("20000.01"), Decimal("0.99")]) | cents(0, 50_000_00))
    per_contract = draw(st.sampled_from([Decimal("12345.67"), Decimal("0.01")]) | cents(0, 30_000_00))
    limit = draw(st.integers(1, 4))

    feed: list[Contract] = []
    items: list[tuple[int, str | None, Decimal]] = []
    for index, year in enumerate(whole_years(period.start, years).years(), start=1):
        items.append((index, None, operating))
        days = sorted(draw(st.lists(st.dates(year.start, year.end), max_size=limit + 2)))
        for number, day in enumerate(days):
            reference = f"Y{index}-{number}"
            feed.append(_contract(reference, day, len(feed)))
            if number < limit:  # C2: « dans la limite de 3 contrats par an », here `limit`
                items.append((index, reference, per_contract))
    # One contract outside the métropole: ineligible (C6), it must bring no cent.
    feed.append(
        Contract(
            reference="OUTSIDE",
            startup=Startup(name="Ailleurs", head_office="75056", sector=Sector.HEALTH),
            signed_on=period.start,
            applied_on=period.start,
            selected_on=period.start,
        )
    )

    total = sum((amount for _, _, amount in items), Decimal(0))
    cut = draw(st.integers(0, len(items)))  # the item the cap falls in; len(items): the cap binds nothing
    if cut == len(items):
        cap = total + draw(cents(0, 100_00))
    else:
        before = sum((amount for _, _, amount in items[:cut]), Decimal(0))
        item_cents = int(items[cut][2] * 100)
        cap = before + draw(st.integers(0, item_cents)) * CENT  # 0 and the whole item included

    convention = DIJON_2022.replace(
        period=period,
        total_cap=cap,
        operating_grant_per_year=operating,
        grant_per_contract=per_contract,
        max_funded_contracts_per_year=limit,
        required_contracts=draw(st.integers(0, 12)),
        target_policy=draw(st.sampled_from(TargetPolicy)),
        accrual=draw(st.sampled_from(Accrual)),
        deliberation=None,
    )
    payments = tuple(
        Payment(
            reference=f"P-{index}", paid_on=draw(dates_around(convention, after=400)), amount=draw(cents(1, 9_999_999))
        )
        for index in range(draw(st.integers(0, 4)))
    )
    # Refunds (« reversements »): each pays back part or all of one payment, on its day or later.
    payments += tuple(
        Payment(
            reference=f"R-{index}",
            paid_on=payment.paid_on + dt.timedelta(days=draw(st.integers(0, 90))),
            amount=-draw(cents(1, int(payment.amount * 100))),
        )
        for index, payment in enumerate(payments)
        if draw(st.booleans())
    )
    as_of = draw(dates_around(convention, after=400))
    authorised_on = draw(st.none() | st.just(period.start) | dates_around(convention))
    return Case(convention, tuple(feed), payments, as_of, authorised_on, tuple(items))


def capped(case: Case) -> list[tuple[int, str | None, Decimal]]:
    """C2: each item cut so that the running total never exceeds the cap."""
    remaining = case.convention.total_cap
    result = []
    for index, reference, amount in case.items:
        granted = min(amount, remaining)
        remaining -= granted
        result.append((index, reference, granted))
    return result


#: 20 000.00 a year, 12 345.67 a contract, three contracts in year 1: a cap of
#: 20 000.00 + 12 345.67 + 5 000.05 = 37 345.72 leaves the second contract 5 000.05 and the third nothing.
_YEAR_1 = whole_years(dt.date(2022, 7, 1), 3).years()[0]
CUT_IN_THE_MIDDLE = Case(
    convention=DIJON_2022.replace(
        total_cap=Decimal("37345.72"), grant_per_contract=Decimal("12345.67"), deliberation=None
    ),
    contracts=tuple(_contract(f"Y1-{number}", _YEAR_1.start + (30 + number) * DAY, number) for number in range(3)),
    payments=(Payment(reference="P-1", paid_on=dt.date(2023, 1, 2), amount=Decimal("30000.01")),),
    as_of=dt.date(2025, 7, 1),
    authorised_on=dt.date(2022, 12, 15),
    possible_items=(
        (1, None, Decimal("20000.00")),
        (1, "Y1-0", Decimal("12345.67")),
        (1, "Y1-1", Decimal("12345.67")),
        (1, "Y1-2", Decimal("12345.67")),
        (2, None, Decimal("20000.00")),
        (3, None, Decimal("20000.00")),
    ),
)


def money_figures(result: Assessment) -> Iterator[tuple[str, Decimal]]:
    for name in MONEY_FIGURES:
        yield name, getattr(result, name)
    for year in result.years:
        for name in ("operating_grant", "contract_grants", "entitled", "accrued"):
            yield f"years[{year.index}].{name}", getattr(year, name)
    for row in result.contracts:
        yield f"contracts[{row.reference}].grant", row.grant
        for unmet in row.unmet:
            yield f"contracts[{row.reference}].unmet.amount", unmet.amount
    for position, unmet in enumerate(result.unmet):
        yield f"unmet[{position}].amount", unmet.amount
        if unmet.releases is not None:
            yield f"unmet[{position}].releases", unmet.releases
    for payment in result.payments:
        yield f"payments[{payment.reference}].amount", payment.amount
    for budget in result.by_budget_year():
        for name in ("accrued", "releasable", "paid"):
            yield f"budget_years[{budget.year}].{name}", getattr(budget, name)
    for step in result.trace():
        if step.amount is not None:
            yield f"trace[{step.kind.value}].amount", step.amount


def money_texts(data: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every money string of ``to_dict()``: the values of the keys that hold amounts."""
    money_keys = {
        *MONEY_FIGURES, "operating_grant", "contract_grants", "entitled", "grant", "amount", "releases", "total_cap",
        "operating_grant_per_year", "grant_per_contract",
    }  # fmt: skip
    if isinstance(data, dict):
        for key, value in data.items():
            if key in money_keys and isinstance(value, str):
                yield f"{path}.{key}", value
            else:
                yield from money_texts(value, f"{path}.{key}")
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from money_texts(value, f"{path}[{position}]")


# --- every figure is whole cents ------------------------------------------------------------------


@given(case=cases())
@example(case=CUT_IN_THE_MIDDLE)
def test_every_money_figure_out_of_the_library_is_whole_cents(case: Case) -> None:
    result = case.assess()

    for name, amount in money_figures(result):
        assert amount.as_tuple().exponent == -2, (name, amount)
        assert amount >= 0 or _may_be_a_refund(name), (name, amount)
    for record in result.to_records():
        assert record["grant"].as_tuple().exponent == -2
    data = result.to_dict()
    texts = list(money_texts(data))
    assert texts  # the walk found the figures
    payment_steps = {f".trace[{index}].amount" for index, step in enumerate(data["trace"]) if step["kind"] == "payment"}
    for name, text in texts:
        refund = _may_be_a_refund(name) or name in payment_steps
        assert MONEY_TEXT.fullmatch(text.removeprefix("-") if refund else text), (name, text)


def _may_be_a_refund(name: str) -> bool:
    """Whether a figure may be negative: a refund (« reversement ») is a payment with a negative amount, shown
    as such in the payments and the trace, and a budget year may hold more refunds than payments."""
    return name.startswith(("payments[", ".payments[", "trace[payment]")) or name.endswith("].paid")


@given(case=cases())
@example(case=CUT_IN_THE_MIDDLE)
def test_the_json_figures_are_the_figures_to_the_cent(case: Case) -> None:
    result = case.assess()
    data = result.to_dict()

    for name in MONEY_FIGURES:
        assert Decimal(data[name]) == getattr(result, name)
    for year, row in zip(result.years, data["years"], strict=True):
        assert Decimal(row["entitled"]) == year.entitled
        assert Decimal(row["accrued"]) == year.accrued
    # Sums of the printed strings are the printed totals: nothing was rounded on the way out.
    assert sum(Decimal(row["accrued"]) for row in data["years"]) == Decimal(data["accrued"])
    assert sum(Decimal(row["amount"]) for row in data["payments"]) == Decimal(data["paid"])


# --- the cap of C2 cuts one item, to the cent -------------------------------------------------------


@given(case=cases())
@example(case=CUT_IN_THE_MIDDLE)
def test_c2_the_cap_cuts_one_item_to_the_cent_and_leaves_nothing_after_it(case: Case) -> None:
    result = case.assess()
    expected = capped(case)

    cut = [
        granted for (_, _, amount), (_, _, granted) in zip(case.items, expected, strict=True) if 0 < granted < amount
    ]
    assert len(cut) <= 1  # at most one item is cut in its middle
    for index, year in enumerate(result.years, start=1):
        assert year.operating_grant == sum(granted for i, ref, granted in expected if i == index and ref is None)
        assert year.contract_grants == sum(granted for i, ref, granted in expected if i == index and ref is not None)
        assert year.entitled == year.operating_grant + year.contract_grants
    for _, reference, granted in expected:
        if reference is not None:
            assert result.contract(reference).grant == granted
            assert result.contract(reference).status is ContractStatus.FUNDED
    for row in result.contracts:  # ineligible (OUTSIDE), supplementary (C5), not yet signed: not a cent
        if row.status is not ContractStatus.FUNDED:
            assert row.grant == 0
    total = sum((amount for _, _, amount in case.items), Decimal(0))
    assert sum(year.entitled for year in result.years) == min(case.convention.total_cap, total)


def test_c2_a_cap_of_37_345_72_leaves_the_second_contract_5_000_05_and_the_third_nothing() -> None:
    result = CUT_IN_THE_MIDDLE.assess()

    # 37 345.72 − 20 000.00 − 12 345.67 = 5 000.05
    assert [row.grant for row in result.contracts] == [Decimal("12345.67"), Decimal("5000.05"), Decimal("0.00")]
    assert [year.entitled for year in result.years] == [Decimal("37345.72"), Decimal("0.00"), Decimal("0.00")]
    assert result.accrued == Decimal("37345.72")
    # 37 345.72 releasable − 30 000.01 paid = 7 345.71 payable
    assert result.payable == Decimal("7345.71")
    assert result.to_dict()["contracts"][1]["grant"] == "5000.05"


# --- sums across years, contracts and payments ------------------------------------------------------


@given(case=cases())
@example(case=CUT_IN_THE_MIDDLE)
def test_the_sums_add_up_to_the_cent_across_years_contracts_and_payments(case: Case) -> None:
    result = case.assess()

    assert sum(year.accrued for year in result.years) == result.accrued
    funded = [row for row in result.contracts if row.status is ContractStatus.FUNDED]
    assert sum(row.grant for row in funded) == sum(year.contract_grants for year in result.years)
    accrued_contracts = sum(row.grant for row in funded if row.accrues_on is not None and row.accrues_on <= case.as_of)
    accrued_operating = sum(
        year.operating_grant for year in result.years if year.operating_grant_accrues_on <= case.as_of
    )
    assert accrued_contracts + accrued_operating == result.accrued
    counted = [payment for payment in case.payments if payment.paid_on <= case.as_of]
    assert result.paid == sum((payment.amount for payment in counted), Decimal(0))
    assert result.releasable + result.withheld == result.accrued
    assert result.payable - result.excess_paid == result.releasable - result.paid
    budget = result.by_budget_year()
    assert sum(row.accrued for row in budget) == result.accrued
    assert sum(row.releasable for row in budget) == result.releasable
    assert sum(row.paid for row in budget) == result.paid


# --- the caller's decimal context changes nothing --------------------------------------------------


@given(case=cases(), precision=st.integers(1, 12), rounding=st.sampled_from([decimal.ROUND_DOWN, decimal.ROUND_UP]))
@example(case=CUT_IN_THE_MIDDLE, precision=4, rounding=decimal.ROUND_DOWN)
def test_a_callers_decimal_context_changes_no_figure(case: Case, precision: int, rounding: str) -> None:
    expected = case.assess()

    with decimal.localcontext(prec=precision, rounding=rounding) as context:
        context.traps[decimal.Inexact] = True
        payments = tuple(
            Payment(reference=payment.reference, paid_on=payment.paid_on, amount=str(payment.amount))
            for payment in case.payments
        )
        convention = case.convention.replace(grant_per_contract=str(case.convention.grant_per_contract))
        result = assess(
            convention,
            case.contracts,
            as_of=case.as_of,
            regional_authorisation_on=case.authorised_on,
            payments=payments,
        )
        data = result.to_dict()
        budget = result.by_budget_year()
        reports = [result.explain("en"), result.explain("fr"), result._repr_html_()]

    assert result == expected
    assert data == expected.to_dict()
    assert budget == expected.by_budget_year()
    assert reports == [expected.explain("en"), expected.explain("fr"), expected._repr_html_()]
    assert [str(amount) for _, amount in money_figures(result)] == [
        str(amount) for _, amount in money_figures(expected)
    ]
