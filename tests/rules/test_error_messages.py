"""Each bad value is refused with one message that names its field and says what is wrong.

SPEC §2: « a bad value raises InvalidInput naming the field ». A person reads the
message in a terminal, a service returns it in a response: the whole text is the
contract, so each case below checks it to the letter, the value shown in it too (cut to
39 characters and « … » beyond 40). These were written when mutation testing showed
that a message could be emptied, or name the wrong field, and no test would notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from builders import startup
from propulseur_rules import DIJON_2022, Contract, Deliberation, InvalidInput, Payment, Period, Startup, assess
from propulseur_rules.rules._dates import to_date, to_optional_date
from propulseur_rules.rules._model import to_sector
from propulseur_rules.rules._money import to_money

DAY = dt.date(2023, 1, 1)


def vote(**changes: object) -> Deliberation:
    figures: dict[str, object] = {
        "decided_on": DAY,
        "members_in_office": 10,
        "present": 6,
        "proxies": 0,
        "votes_for": 6,
        "votes_against": 0,
        "abstentions": 0,
        "not_voting": 0,
    }
    return Deliberation(**{**figures, **changes})  # type: ignore[arg-type]


def founded(**changes: object) -> Startup:
    return Startup(**{"name": "Hydrolis", "head_office": "21231", "sector": "industry", **changes})  # type: ignore[arg-type]


CASES: list[tuple[str, Callable[[], object], str]] = [
    # Dates (SPEC §2: ISO 8601 text or a date, never a date and time)
    ("a date and time", lambda: to_date(dt.datetime(2023, 1, 1)), "date: expected a date, not a date and time"),
    ("31 February", lambda: to_date("2023-02-30"), "date: '2023-02-30' is not a day of the calendar"),
    ("40 characters", lambda: to_date("x" * 40), f"date: '{'x' * 40}' is not a date in the form YYYY-MM-DD"),
    ("41 characters", lambda: to_date("y" * 41), f"date: '{'y' * 39}…' is not a date in the form YYYY-MM-DD"),
    ("a number for a date", lambda: to_date(5), "date: expected a date, not a whole number"),
    ("a number for an optional date", lambda: to_optional_date(5), "date: expected a date, not a whole number"),
    ("paid_on", lambda: Payment(reference="P", paid_on="soon", amount=1),
     "paid_on: 'soon' is not a date in the form YYYY-MM-DD"),
    ("end before start", lambda: Period(start=DAY, end=dt.date(2022, 1, 1)),
     "end: 2022-01-01 is before the start, 2023-01-01"),
    # Text
    ("a number for a name", lambda: founded(name=5), "name: expected text, not a whole number"),
    ("a blank name", lambda: founded(name="  "), "name: must not be empty"),
    ("501 characters", lambda: founded(name="a" * 501), "name: is longer than 500 characters"),
    ("a NUL byte", lambda: founded(name="a\x00"), "name: contains a control character"),
    ("a lone surrogate", lambda: founded(name="a\udcff"), "name: contains a lone surrogate, which is not text"),
    # Sector (C8), INSEE code (C6), SIREN (C7)
    ("a 40-character sector", lambda: founded(sector="s" * 40),
     f"sector: '{'s' * 40}' is not a sector; expected one of industry, health, other"),
    ("a 41-character sector", lambda: founded(sector="t" * 41),
     f"sector: '{'t' * 39}…' is not a sector; expected one of industry, health, other"),
    ("a number for a sector", lambda: founded(sector=5), "sector: expected a sector, not a whole number"),
    ("a sector with no path given", lambda: to_sector("space"),
     "sector: 'space' is not a sector; expected one of industry, health, other"),
    ("a number for an INSEE code", lambda: founded(head_office=21231),
     "head_office: expected an INSEE commune code as text, not a whole number"),
    ("a 40-character INSEE code", lambda: founded(head_office="9" * 40),
     f"head_office: '{'9' * 40}' is not an INSEE commune code (5 characters, such as 21231)"),
    ("a 41-character INSEE code", lambda: founded(head_office="9" * 41),
     f"head_office: '{'9' * 39}…' is not an INSEE commune code (5 characters, such as 21231)"),
    ("a number for a SIREN", lambda: founded(siren=732829320), "siren: expected a SIREN as text, not a whole number"),
    ("a 40-character SIREN", lambda: founded(siren="8" * 40), f"siren: '{'8' * 40}' is not a SIREN (9 digits)"),
    ("a 41-character SIREN", lambda: founded(siren="8" * 41), f"siren: '{'8' * 39}…' is not a SIREN (9 digits)"),
    ("a wrong SIREN key", lambda: founded(siren="732829321"),
     "siren: 732829321 is not a valid SIREN: its check digit is wrong"),
    ("text for a startup", lambda: Contract(reference="C", startup="Hydrolis", signed_on=DAY),  # type: ignore[arg-type]
     "startup: expected a Startup, not text"),
    # Counts (C2, C3, C9)
    ("text for a count", lambda: DIJON_2022.replace(required_contracts="9"),
     "required_contracts: expected a whole number, not text"),
    ("a negative count", lambda: DIJON_2022.replace(required_contracts=-1), "required_contracts: -1 is negative"),
    ("a count past 10**9", lambda: DIJON_2022.replace(max_funded_contracts_per_year=10**9 + 1),
     "max_funded_contracts_per_year: 1000000001 is more than the largest count accepted (1000000000)"),
    ("negative members", lambda: vote(members_in_office=-1), "members_in_office: -1 is negative"),
    ("negative present", lambda: vote(present=-1), "present: -1 is negative"),
    ("negative proxies", lambda: vote(proxies=-1), "proxies: -1 is negative"),
    ("no member in office", lambda: vote(members_in_office=0, present=0),
     "members_in_office: a council has at least one member in office"),
    ("more present than members", lambda: vote(members_in_office=5),
     "present: 6 present is more than the 5 members in office"),
    # 10 in office, 4 present: 6 absent, so at most 6 proxies.
    ("more proxies than absent members", lambda: vote(present=4, proxies=7),
     "proxies: 7 proxies is more than the 6 members absent"),
    # Money (SPEC §6)
    ("true for an amount", lambda: to_money(True), "amount: expected an amount in euros, not True"),
    ("a trillion as an integer", lambda: to_money(10**12),
     "amount: 1000000000000 is more than the largest amount accepted (999999999999.99)"),
    ("a trillion as a Decimal", lambda: to_money(Decimal(10**12)),
     "amount: 1000000000000 is more than the largest amount accepted (999999999999.99)"),
    ("40 letters for an amount", lambda: to_money("a" * 40), f"amount: '{'a' * 40}' is not an amount in euros"),
    ("41 letters for an amount", lambda: to_money("b" * 41), f"amount: '{'b' * 39}…' is not an amount in euros"),
    ("an exponent Decimal cannot hold", lambda: to_money("1e99999999999999999999"),
     "amount: '1e99999999999999999999' is not an amount in euros"),
    ("a float NaN", lambda: to_money(float("nan")), "amount: nan is not an amount in euros"),
    ("a float infinity", lambda: to_money(float("inf")), "amount: inf is not an amount in euros"),
    ("a float minus infinity", lambda: to_money(float("-inf")), "amount: -inf is not an amount in euros"),
    ("a Decimal NaN", lambda: to_money(Decimal("NaN")), "amount: NaN is not an amount in euros"),
    ("a list for an amount", lambda: to_money([]), "amount: expected an amount in euros, not a list"),
    ("a negative amount", lambda: to_money("-1"), "amount: -1 is negative"),
    ("a fraction of a cent", lambda: to_money("0.001"), "amount: 0.001 is not a whole number of cents"),
    ("a payment of nothing", lambda: Payment(reference="P", paid_on=DAY, amount=0),
     "amount: a payment must not be 0 (a refund is a negative amount)"),
    ("a payment of text", lambda: Payment(reference="P", paid_on=DAY, amount="much"),
     "amount: 'much' is not an amount in euros"),
    # The convention (C1, C2, C6, C8, C9)
    ("text for a period", lambda: DIJON_2022.replace(period="2022"), "period: expected a Period, not text"),
    ("a period of five months", lambda: DIJON_2022.replace(period=Period(start=DAY, end=dt.date(2023, 6, 1))),
     "period: 2023-01-01 – 2023-06-01 is not a whole number of twelve-month programme years (C1 gives three)"),
    ("text for a deliberation", lambda: DIJON_2022.replace(deliberation="yes"),
     "deliberation: expected a Deliberation or None, not text"),
    ("a number for sectors", lambda: DIJON_2022.replace(eligible_sectors=5),
     "eligible_sectors: expected a collection, not a whole number"),
    ("text for a territory", lambda: DIJON_2022.replace(territory="21231"),
     "territory: expected a collection, not text"),
    ("an unknown policy", lambda: DIJON_2022.replace(target_policy="sometimes"),
     "target_policy: 'sometimes' is not one of pro_rata, all_or_nothing"),
    ("an unknown accrual", lambda: DIJON_2022.replace(accrual=3), "accrual: 3 is not one of on_event, at_year_end"),
    # assess (SPEC §3)
    ("a number for contracts", lambda: assess(DIJON_2022, 5, as_of=DAY),  # type: ignore[arg-type]
     "contracts: expected a collection of Contract, not a whole number"),
    ("a startup for a contract", lambda: assess(DIJON_2022, [startup()], as_of=DAY),  # type: ignore[list-item]
     "contracts[0]: expected a Contract, not Startup"),
    ("a number for payments", lambda: assess(DIJON_2022, as_of=DAY, payments=7),  # type: ignore[arg-type]
     "payments: expected a collection of Payment, not a whole number"),
    ("an object for a payment", lambda: assess(DIJON_2022, as_of=DAY, payments=[object()]),  # type: ignore[list-item]
     "payments[0]: expected a Payment, not a value of another kind"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_a_bad_value_is_refused_with_a_message_that_names_its_field(call: Callable[[], object], expected: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        call()

    assert str(refused.value) == expected
    assert refused.value.path == expected.split(":", 1)[0]


def test_an_unknown_parameter_of_a_convention_lists_the_parameters() -> None:
    with pytest.raises(InvalidInput) as refused:
        DIJON_2022.replace(cap=1)

    assert refused.value.path == ""
    assert str(refused.value) == (
        "Convention.__init__() got an unexpected keyword argument 'cap'; the parameters are reference, funder, "
        "beneficiary, period, total_cap, operating_grant_per_year, grant_per_contract, max_funded_contracts_per_year, "
        "required_contracts, territory, eligible_sectors, deliberation, target_policy, accrual, places, "
        "signing_deadline, selected_from, financing"
    )


def test_a_policy_is_read_in_any_case_and_with_spaces_around() -> None:
    # C3: the policies as a scenario file or a form may write them.
    assert DIJON_2022.replace(target_policy=" ALL_OR_NOTHING ").target_policy.value == "all_or_nothing"
    assert DIJON_2022.replace(accrual="At_Year_End").accrual.value == "at_year_end"
