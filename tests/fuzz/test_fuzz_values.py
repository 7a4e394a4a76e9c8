"""Fuzzing the value objects, assess and the other public functions with any Python value.

A notebook or a service hands the library whatever it has: a float for a SIREN, a
datetime for a date, a ten-thousand-digit integer for a count, a name with a
right-to-left mark. The contract: the call returns, or raises PropulseurRulesError
naming the field. And what is accepted must be usable: it assesses and renders in
UTF-8, and a SIREN or INSEE code written with other digits than 0–9 is refused, not
silently read.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import unicodedata
from decimal import Decimal

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builders import DIJON, contract, startup
from fuzz_inputs import ODD_CHARACTERS, odd_numbers, odd_texts, only_our_errors, python_scalars, python_values
from propulseur_rules import (
    DIJON_2022,
    Contract,
    Convention,
    Deliberation,
    Document,
    FinancingTerms,
    InvalidInput,
    Payment,
    Period,
    Startup,
    assess,
    assess_many,
    is_in_metropole,
    metropole_commune,
    schedule,
    sweep,
)

#: Every parameter of a convention, the readings and the financing terms included.
CONVENTION_FIELDS = tuple(field.name for field in attrs.fields(Convention))
DELIBERATION_FIELDS = (
    "members_in_office",
    "present",
    "proxies",
    "votes_for",
    "votes_against",
    "abstentions",
    "not_voting",
)

any_value = python_values()

FINANCING_FIELDS = (
    "advance_share",
    "balance_share",
    "financial_statement_months",
    "final_report_months",
    "contract_copy_months",
)


def every_output(
    convention: Convention, contracts: tuple[Contract, ...] = (), payments: tuple[Payment, ...] = ()
) -> None:
    """Assess on a day within the period and render every report; each must encode as UTF-8."""
    result = assess(
        convention,
        contracts,
        as_of=convention.period.end,
        regional_authorisation_on=convention.period.start,
        payments=payments,
    )
    for output in (
        json.dumps(result.to_dict(), ensure_ascii=False),
        result.explain("en"),
        result.explain("fr"),
        result._repr_html_(),
        repr(result.to_records()),
    ):
        output.encode("utf-8")


# --- the constructors ------------------------------------------------------------------------------


@given(start=any_value, end=any_value)
@example(start=dt.date.max, end=dt.date.max)
@example(start=dt.date.min, end=dt.date.max)
@example(start="２０２３-０１-０１", end="2023-12-31")
def test_period_with_any_values_gives_only_our_errors(start: object, end: object) -> None:
    period = only_our_errors(Period, start=start, end=end)

    if period is not None:
        only_our_errors(period.years)
        assert period.start <= period.end


@given(name=any_value, head_office=any_value, sector=any_value, siren=any_value)
@example(name="Hydroge\u0301ne", head_office="２１２３１", sector="industry", siren=None)
@example(name="Hydrolis", head_office=DIJON, sector="industry", siren="９１２３４５６７５")
@example(name="x" * 100_000, head_office=DIJON, sector="industry", siren=None)
@example(name="Hydrolis", head_office=DIJON, sector="industry", siren=732829320)
def test_startup_with_any_values_gives_only_our_errors(
    name: object, head_office: object, sector: object, siren: object
) -> None:
    made = only_our_errors(Startup, name=name, head_office=head_office, sector=sector, siren=siren)

    if made is not None:
        assert made.siren is None or (len(made.siren) == 9 and made.siren.isascii() and made.siren.isdigit())
        assert len(made.head_office) == 5
        assert made.head_office.isascii()


@given(
    reference=any_value,
    signed_on=any_value,
    applied_on=any_value,
    selected_on=any_value,
    startup_value=st.one_of(st.just(startup()), any_value),
)
def test_contract_with_any_values_gives_only_our_errors(
    reference: object, signed_on: object, applied_on: object, selected_on: object, startup_value: object
) -> None:
    only_our_errors(
        Contract,
        reference=reference,
        startup=startup_value,
        signed_on=signed_on,
        applied_on=applied_on,
        selected_on=selected_on,
    )


@given(reference=any_value, paid_on=any_value, amount=st.one_of(odd_numbers(), any_value))
@example(reference="P", paid_on="2023-01-01", amount=10**5000)
@example(reference="P", paid_on="2023-01-01", amount=-(10**5000))
@example(reference="P", paid_on="2023-01-01", amount=Decimal("sNaN"))
def test_payment_with_any_values_gives_only_our_errors(reference: object, paid_on: object, amount: object) -> None:
    payment = only_our_errors(Payment, reference=reference, paid_on=paid_on, amount=amount)

    if payment is not None:
        assert payment.amount > 0
        assert payment.amount.as_tuple().exponent == -2


@given(
    counts=st.lists(st.one_of(odd_numbers(), python_scalars()), min_size=7, max_size=7),
    decided_on=any_value,
)
@example(counts=[10**5000] * 7, decided_on="2022-09-29")
def test_deliberation_with_any_values_gives_only_our_errors(counts: list[object], decided_on: object) -> None:
    vote = only_our_errors(Deliberation, decided_on=decided_on, **dict(zip(DELIBERATION_FIELDS, counts, strict=True)))

    if vote is not None:
        assert isinstance(vote.adopted, bool)


@given(changes=st.dictionaries(st.sampled_from(CONVENTION_FIELDS), st.one_of(odd_numbers(), any_value), max_size=4))
@example(changes={"max_funded_contracts_per_year": 10**5000})
@example(changes={"required_contracts": 10**5000})
@example(changes={"total_cap": 10**5000})
@example(changes={"territory": ["２１２３１"]})
@example(changes={"target_policy": 10**5000})  # repr() of it raises ValueError
@example(changes={"accrual": {"": 10**5000}})  # and of a table holding it
@example(changes={"period": Period(start=dt.date(9997, 12, 31), end=dt.date(9999, 12, 30))})
@example(changes={"period": Period(start=dt.date(1, 1, 1), end=dt.date(100, 12, 31))})
def test_convention_with_any_changed_values_gives_only_our_errors(changes: dict[str, object]) -> None:
    convention = only_our_errors(DIJON_2022.replace, **changes)

    if convention is not None:
        start = convention.period.start
        signed = contract("C-1", start, applied_on=start, selected_on=start)
        only_our_errors(every_output, convention, (signed,))


def test_a_policy_given_as_a_list_nested_deeper_than_the_stack_is_invalid_input() -> None:
    deep = functools.reduce(lambda inner, _: [inner], range(100_000), [])  # repr() of it recurses too deep

    with pytest.raises(InvalidInput, match=r"^accrual: a list nested too deeply is not one of on_event, at_year_end$"):
        DIJON_2022.replace(accrual=deep)


@given(values=st.fixed_dictionaries(dict.fromkeys(CONVENTION_FIELDS, any_value)))
def test_convention_built_from_any_values_gives_only_our_errors(values: dict[str, object]) -> None:
    only_our_errors(Convention, **values)


@given(unknown=st.text(min_size=1, max_size=10).filter(lambda name: name not in CONVENTION_FIELDS), value=any_value)
def test_replace_with_an_unknown_parameter_is_invalid_input(unknown: str, value: object) -> None:
    with pytest.raises(InvalidInput, match="the parameters are"):
        DIJON_2022.replace(**{unknown: value})


# --- odd Unicode -----------------------------------------------------------------------------------


_NON_ASCII_DIGITS = st.characters(categories=["Nd"]).filter(lambda char: not char.isascii())


@given(digits=st.lists(st.sampled_from("0123456789") | _NON_ASCII_DIGITS, min_size=9, max_size=9))
@example(digits=list("９１２３４５６７５"))
@example(digits=list("73282932٠"))
def test_a_siren_with_digits_other_than_0_to_9_is_refused(digits: list[str]) -> None:
    siren = "".join(digits)

    if siren.isascii():
        only_our_errors(startup, siren=siren)  # a real SIREN or a wrong check digit, both fine here
    else:
        with pytest.raises(InvalidInput, match=r"siren: .* is not a SIREN"):
            startup(siren=siren)


@given(code=st.lists(st.sampled_from("0123456789AB") | _NON_ASCII_DIGITS, min_size=5, max_size=5).map("".join))
@example(code="２１２３１")
def test_an_insee_code_with_digits_other_than_0_to_9_is_refused(code: str) -> None:
    if code.isascii():
        only_our_errors(startup, head_office=code)
    else:
        with pytest.raises(InvalidInput, match="head_office"):
            startup(head_office=code)
        assert not is_in_metropole(code)
        assert metropole_commune(code) is None


@given(name=odd_texts(60))
@example(name="\u200fهيدروجين\u200f")
@example(name="\u202eelibom enègordyh")
@example(name="Hydroge\u0301ne Mobile")
@example(name="\ufdfa" * 500)
def test_a_startup_name_with_odd_unicode_is_refused_or_assessed_and_rendered(name: str) -> None:
    made = only_our_errors(startup, name)
    if made is None:
        return
    first = contract("C-1", dt.date(2022, 9, 1), of=made)
    second = contract("C-2", dt.date(2023, 9, 1), of=startup(unicodedata.normalize("NFC", name.upper())))

    every_output(DIJON_2022, (first, second))
    result = assess(DIJON_2022, (first, second), as_of=dt.date(2025, 7, 1))
    assert result.contract("C-1").status.value == "funded"
    assert all(unicodedata.category(char) not in ("Cc", "Cs", "Cf") for char in made.name)


_FORMAT_CHARACTERS = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff", "\u202e", "\u2066"])


@settings(max_examples=150)
@given(name=odd_texts(40), inserted=st.lists(st.tuples(st.integers(0, 40), _FORMAT_CHARACTERS), max_size=4))
@example(name="Hydrolis", inserted=[(5, "\u200b")])
def test_c7_invisible_characters_slipped_into_a_name_name_the_same_startup(
    name: str, inserted: list[tuple[int, str]]
) -> None:
    made = only_our_errors(startup, name)
    if made is None:
        return
    letters = list(made.name)
    for position, character in inserted:
        letters.insert(min(position, len(letters)), character)
    copied = startup("".join(letters))
    first = contract("C-1", dt.date(2022, 9, 1), of=made)
    second = contract("C-2", dt.date(2022, 10, 1), of=copied)

    result = assess(DIJON_2022, [first, second], as_of=dt.date(2023, 1, 1))

    assert copied.name == made.name
    assert [unmet.condition.value for unmet in result.contract("C-2").unmet] == ["one_contract_per_startup"]


@pytest.mark.parametrize(
    "character",
    [char for char in ODD_CHARACTERS if unicodedata.category(char) in ("Cc", "Cs") and not char.isspace()],
)
def test_a_reference_with_a_control_character_or_a_lone_surrogate_is_refused(character: str) -> None:
    with pytest.raises(InvalidInput, match=r"^reference: contains a (control character|lone surrogate)"):
        contract(f"C-{character}-1", dt.date(2022, 9, 1), of=startup())


@pytest.mark.parametrize("space", ["\n", "\r\n", "\t", "\u00a0", "\u2028", "  "])
def test_a_line_break_or_a_run_of_spaces_in_a_name_becomes_one_space(space: str) -> None:
    assert startup(f"Hydro{space}Énergie").name == "Hydro Énergie"


def test_two_names_that_differ_only_by_combining_accents_are_the_same_startup() -> None:
    # C7 (« 9 projets »): "Hydrogène" with a precomposed è and with e + U+0300 name one startup.
    composed = contract("C-1", dt.date(2022, 9, 1), of=startup("Hydrogène Mobile"))
    decomposed = contract("C-2", dt.date(2022, 10, 1), of=startup("Hydroge\u0300ne  MOBILE"))

    result = assess(DIJON_2022, [composed, decomposed], as_of=dt.date(2023, 1, 1))

    assert result.contract("C-1").status.value == "funded"
    assert [unmet.condition.value for unmet in result.contract("C-2").unmet] == ["one_contract_per_startup"]


# --- assess and the other public functions ----------------------------------------------------------


@given(
    convention=st.one_of(st.just(DIJON_2022), any_value),
    contracts=st.one_of(st.lists(st.one_of(st.just(contract("C-1", dt.date(2022, 9, 1))), any_value)), any_value),
    as_of=any_value,
    authorised_on=any_value,
    payments=st.one_of(st.lists(any_value, max_size=3), any_value),
)
def test_assess_with_any_arguments_gives_only_our_errors(
    convention: object, contracts: object, as_of: object, authorised_on: object, payments: object
) -> None:
    only_our_errors(
        assess,
        convention,  # type: ignore[arg-type]
        contracts,  # type: ignore[arg-type]
        as_of=as_of,  # type: ignore[arg-type]
        regional_authorisation_on=authorised_on,  # type: ignore[arg-type]
        payments=payments,  # type: ignore[arg-type]
    )


@given(
    as_of=st.one_of(st.sampled_from([dt.date.min, dt.date.max]), st.dates()),
    accrual=st.sampled_from(["on_event", "at_year_end"]),
)
def test_assess_on_any_day_of_the_calendar_gives_an_assessment(as_of: dt.date, accrual: str) -> None:
    late = DIJON_2022.replace(
        period=Period(start=dt.date(9996, 12, 31), end=dt.date(9999, 12, 30)), accrual=accrual, deliberation=None
    )

    for convention in (DIJON_2022, late):
        start = convention.period.start
        signed = contract("C-1", start, applied_on=start, selected_on=start)
        result = assess(convention, [signed], as_of=as_of)
        assert result.accrued <= convention.total_cap


def test_a_million_contracts_with_a_repeated_reference_are_refused_at_the_repeat() -> None:
    same = contract("C-1", dt.date(2022, 9, 1))
    drawn = 0

    def million() -> object:
        nonlocal drawn
        for _ in range(1_000_000):
            drawn += 1
            yield same

    with pytest.raises(InvalidInput, match=r"contracts\[1\]\.reference: 'C-1' is used twice"):
        assess(DIJON_2022, million(), as_of=dt.date(2023, 1, 1))  # type: ignore[arg-type]
    assert drawn == 2  # refused as soon as it is seen, not after reading a million


@given(cases=st.one_of(any_value, st.lists(any_value, max_size=3)))
def test_assess_many_with_any_cases_gives_only_our_errors(cases: object) -> None:
    only_our_errors(assess_many, cases)


@given(
    contracts=st.one_of(st.lists(any_value, max_size=2), any_value),
    authorised_on=any_value,
    as_of=st.one_of(any_value, st.lists(any_value, max_size=3)),
    variants=st.one_of(st.none(), any_value, st.lists(st.one_of(st.just(DIJON_2022), any_value), max_size=2)),
)
def test_schedule_and_sweep_with_any_arguments_give_only_our_errors(
    contracts: object, authorised_on: object, as_of: object, variants: object
) -> None:
    only_our_errors(schedule, DIJON_2022, contracts, regional_authorisation_on=authorised_on)  # type: ignore[arg-type]
    only_our_errors(sweep, DIJON_2022, contracts, as_of=as_of, conventions=variants)  # type: ignore[arg-type]


@given(code=any_value)
def test_the_territory_lookups_with_any_value_give_only_our_errors(code: object) -> None:
    inside = only_our_errors(is_in_metropole, code)  # type: ignore[arg-type]
    commune = only_our_errors(metropole_commune, code)  # type: ignore[arg-type]

    assert inside in (True, False, None)
    assert (commune is not None) <= bool(inside)


# --- the financing convention ------------------------------------------------------------------


@given(kind=st.one_of(st.sampled_from(["contract_copy", "financial_statement", "final_report"]), any_value),
       received_on=any_value, covers=any_value)  # fmt: skip
@example(kind="financial_statement", received_on="2023-01-01", covers="٣")
@example(kind="financial_statement", received_on="2023-01-01", covers=True)
def test_document_with_any_values_gives_only_our_errors(kind: object, received_on: object, covers: object) -> None:
    only_our_errors(Document, kind=kind, received_on=received_on, covers=covers)


@given(values=st.dictionaries(st.sampled_from(FINANCING_FIELDS), any_value, max_size=3))
@example(values={"advance_share": float("nan")})
@example(values={"balance_share": "1e-5"})
@example(values={"contract_copy_months": 121})
def test_financing_terms_with_any_values_give_only_our_errors(values: dict[str, object]) -> None:
    only_our_errors(FinancingTerms, **values)


@given(
    signed_on=any_value,
    documents=st.one_of(
        st.lists(st.one_of(st.just(Document(kind="final_report", received_on=dt.date(2023, 1, 1))), any_value)),
        any_value,
    ),
)
def test_assess_with_any_financing_inputs_gives_only_our_errors(signed_on: object, documents: object) -> None:
    only_our_errors(
        assess,
        DIJON_2022.replace(financing=FinancingTerms()),
        [contract("C-1", dt.date(2022, 9, 1))],
        as_of=dt.date(2023, 6, 1),
        financing_signed_on=signed_on,  # type: ignore[arg-type]
        documents=documents,  # type: ignore[arg-type]
    )


@given(as_of=st.one_of(st.sampled_from([dt.date.min, dt.date.max]), st.dates()))
def test_assess_with_terms_on_any_day_of_the_calendar_gives_real_deadlines(as_of: dt.date) -> None:
    late = DIJON_2022.replace(
        period=Period(start=dt.date(9996, 12, 31), end=dt.date(9999, 12, 30)),
        deliberation=None,
        financing=FinancingTerms(contract_copy_months=120),
    )
    start = late.period.start
    signed = contract("C-1", start, applied_on=start, selected_on=start)
    copy = Document(kind="contract_copy", received_on=start, covers="C-1")

    result = assess(late, [signed], as_of=as_of, financing_signed_on=start, documents=[copy])

    assert result.payable <= late.total_cap
    assert all(start <= deadline.due_on <= dt.date.max for deadline in result.deadlines)
