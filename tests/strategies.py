"""Hypothesis strategies for propulseur_rules, each valid by construction (no heavy filtering).

Conventions are drawn beyond DIJON_2022: one to five programme years starting on any day
(29 February and 31 December included), amounts with cents, caps that bind or not, both
target policies and both accruals, with or without a deliberation, adopted or not.
Contract feeds hold 0 to 60 contracts for a small pool of startups, so the same startup
comes back by SIREN and by name written with other accents, case or spaces; their dates
fall on the first and last day of each programme year, before and after the period, and
some lack an application or a selection date. Payments go up to beyond the cap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import assume
from hypothesis import strategies as st

from builders import siren_with_key, three_contracts_a_year
from propulseur_rules import (
    DIJON_2022,
    Accrual,
    Assessment,
    Contract,
    Convention,
    Deliberation,
    Document,
    DocumentKind,
    FinancingTerms,
    Payment,
    Period,
    PlacesPolicy,
    Sector,
    Startup,
    TargetPolicy,
    assess,
)
from propulseur_rules.rules import LimitationEvent

DAY = dt.timedelta(days=1)

#: First days worth trying: C1's, leap days, the last and first day of a year.
CORNER_STARTS = (
    dt.date(2022, 7, 1),
    dt.date(2024, 2, 29),
    dt.date(2000, 2, 29),
    dt.date(2023, 12, 31),
    dt.date(2024, 12, 31),
    dt.date(2023, 1, 1),
    dt.date(2023, 3, 1),
)

#: Names of a few startups, each with variants that name the same startup (case, accents, spaces,
#: invisible format characters, Cyrillic or Greek look-alike letters).
NAME_VARIANTS = (
    ("Hydrogène Mobile", "HYDROGENE MOBILE", "hydrogène  mobile", " Hydrogene Mobile "),
    ("MedTrack Santé", "medtrack sante", "MEDTRACK  SANTÉ"),
    ("Mécatronix", "MECATRONIX", "mécatronix"),
    ("Bioptic", "BIOPTIC", "Bi\u00adoptic", "B\u0456optic"),  # a soft hyphen; a Cyrillic і
    ("Kinésens", "KINESENS", "kinésens"),
    ("Neurolia",),
    ("Vitalis", "VITALIS", "Vi\u200btalis", "VIT\u0391LIS", "\u2066Vitalis\u2069"),  # a zero-width space; a Greek Α
    ("Robotime",),
    ("CapteurLab", "capteurlab"),
    ("DataCœur",),
)
#: Startups with one spelling only, so that a long feed can hold more than a handful of startups.
PLAIN_NAMES = tuple(f"Startup {number:02d}" for number in range(1, 16))
NAMES = tuple(name for variants in NAME_VARIANTS for name in variants) + PLAIN_NAMES

#: A small pool of valid SIRENs, so that the same SIREN comes back under different names.
SIRENS = tuple(
    siren_with_key(first_eight)
    for first_eight in (
        "91234567",
        "88765432",
        "90311224",
        "85247136",
        "92583614",
        "87654321",
        "93456781",
        "80123456",
        "81234567",
        "82345678",
        "83456789",
        "84567890",
    )
)
#: A SIREN and a name that no drawn startup uses.
FRESH_SIREN = siren_with_key("70000001")
FRESH_NAME = "Zéphyr Fresh Startup"

DIJON_CODES = tuple(sorted(DIJON_2022.territory))
#: Beaune, Bretigny (21103, next to Bressey-sur-Tille), Paris, Ajaccio, Bastia.
OUTSIDE_CODES = ("21054", "21103", "75056", "2A004", "2B033")
CODES = DIJON_CODES + OUTSIDE_CODES

#: The vote of C9.
C9_VOTE = DIJON_2022.deliberation


def cents(low: int, high: int) -> st.SearchStrategy[Decimal]:
    """Amounts from ``low`` to ``high`` cents, as euros to the cent."""
    return st.integers(low, high).map(lambda count: Decimal(count).scaleb(-2))


def whole_years(start: dt.date, years: int) -> Period:
    """``years`` twelve-month years from ``start``: each boundary is an anniversary of the start."""
    return Period(start=start, end=start + relativedelta(years=years) - DAY)


@st.composite
def periods(draw: st.DrawFn, min_years: int = 1, max_years: int = 5) -> Period:
    """A period of whole programme years, from a corner start or any day of 2000–2090."""
    start = draw(st.one_of(st.sampled_from(CORNER_STARTS), st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31))))
    return whole_years(start, draw(st.integers(min_years, max_years)))


def edge_dates(convention: Convention) -> list[dt.date]:
    """The days where rules change: first and last day of each programme year, and either side of the period."""
    period = convention.period
    days = [period.start - DAY, period.end + DAY]
    for year in convention.programme_years:
        days += [year.start, year.end]
    return days


def dates_around(convention: Convention, *, before: int = 30, after: int = 30) -> st.SearchStrategy[dt.date]:
    """An edge day of the convention, a day within it, or any day from ``before`` days before to ``after`` after."""
    period = convention.period
    return st.one_of(
        st.sampled_from(edge_dates(convention)),
        st.dates(period.start, period.end),
        st.dates(period.start - before * DAY, period.end + after * DAY),
    )


@st.composite
def deliberations(draw: st.DrawFn, decided_on: st.SearchStrategy[dt.date] | None = None) -> Deliberation:
    """A council vote with possible figures: adopted or not (quorum, arithmetic, majority, a tie), on a first
    or a second convocation, the president's vote known or not, executory on the day of the vote or later."""
    members = draw(st.integers(1, 120))
    present = draw(st.integers(0, members))
    proxies = draw(st.integers(0, members - present))
    voters = present + proxies
    if draw(st.booleans()):  # votes that add up
        votes_for = draw(st.integers(0, voters))
        votes_against = draw(st.integers(0, voters - votes_for))
        abstentions = draw(st.integers(0, voters - votes_for - votes_against))
        not_voting = voters - votes_for - votes_against - abstentions
    else:
        votes_for, votes_against, abstentions, not_voting = (draw(st.integers(0, 150)) for _ in range(4))
    if draw(st.booleans()):  # a tie, the case the president's vote decides (CGCT, L. 2121-20)
        votes_against = votes_for
    sides = [None, *([True] if votes_for else []), *([False] if votes_against else [])]
    day = draw(decided_on if decided_on is not None else st.dates(dt.date(2000, 1, 1), dt.date(2095, 12, 31)))
    executory = draw(st.none() | st.integers(0, 60).map(lambda days: day + dt.timedelta(days=days)))
    return Deliberation(
        decided_on=day,
        members_in_office=members,
        present=present,
        proxies=proxies,
        votes_for=votes_for,
        votes_against=votes_against,
        abstentions=abstentions,
        not_voting=not_voting,
        president_voted_for=draw(st.sampled_from(sides)),
        secret_ballot=draw(st.booleans()),
        second_convocation=draw(st.booleans()),
        executory_on=executory,
    )


@st.composite
def conventions(
    draw: st.DrawFn,
    *,
    policies: Sequence[TargetPolicy] = tuple(TargetPolicy),
    accruals: Sequence[Accrual] = tuple(Accrual),
    places: Sequence[PlacesPolicy] = tuple(PlacesPolicy),
) -> Convention:
    """DIJON_2022 under any reading, or another convention altogether.

    Every reading of SPEC §3 and §7 is drawn: the target, the accrual, the places, a
    signing deadline (none, the last day of a calendar year within the period, the end
    of the period or any day of it) and a first day of selection (none, or any day from
    before the period to its end).

    Territories and sectors are never empty: a convention where no contract can ever be
    eligible would only repeat, less usefully, the cases where none of the drawn ones is.
    """
    policy = draw(st.sampled_from(policies))
    accrual = draw(st.sampled_from(accruals))
    readings = {"target_policy": policy, "accrual": accrual, "places": draw(st.sampled_from(places))}
    if draw(st.integers(0, 3)) == 0:
        return DIJON_2022.replace(**readings, **draw(period_readings(DIJON_2022.period)))
    years = draw(st.integers(1, 5))
    period = draw(periods(years, years))
    operating = draw(st.one_of(st.just(Decimal(20_000)), cents(0, 50_000_00)))
    per_contract = draw(st.one_of(st.just(Decimal(15_000)), cents(0, 30_000_00)))
    limit = draw(st.sampled_from((3, 1, 2, 4, 5, 0)))
    # The cap is a share, in per cent, of what the years bring with some number of funded
    # contracts, plus a few odd cents: it binds below 100 % when that many are funded, and
    # leaves room above.
    funded = draw(st.integers(0, years * limit))
    base = int((years * operating + funded * per_contract) * 100)  # in cents
    share = draw(st.sampled_from((50, 100, 150)) | st.integers(0, 200))
    cap = Decimal(base * share // 100 + draw(st.integers(0, 99))).scaleb(-2)
    territory = draw(
        st.one_of(
            st.just(DIJON_2022.territory),
            st.frozensets(st.sampled_from(OUTSIDE_CODES)).map(DIJON_2022.territory.union),
            st.frozensets(st.sampled_from(CODES), min_size=1, max_size=8),
        )
    )
    sectors = draw(
        st.one_of(
            st.just(DIJON_2022.eligible_sectors),
            st.frozensets(st.sampled_from(tuple(Sector)), min_size=1),
        )
    )
    around = st.dates(period.start - 400 * DAY, period.end + 100 * DAY)
    deliberation = draw(st.one_of(st.none(), st.just(C9_VOTE), deliberations(around)))
    return Convention(
        reference="What-if",
        funder="Funder",
        beneficiary="Beneficiary",
        period=period,
        total_cap=cap,
        operating_grant_per_year=operating,
        grant_per_contract=per_contract,
        max_funded_contracts_per_year=limit,
        required_contracts=draw(st.integers(0, 20)),
        territory=territory,
        eligible_sectors=sectors,
        deliberation=deliberation,
        **readings,
        **draw(period_readings(period)),
    )


@st.composite
def period_readings(draw: st.DrawFn, period: Period) -> dict[str, dt.date | None]:
    """A signing deadline (SPEC §7.2) and a first day of selection (SPEC §7.3) for ``period``, often none."""
    year_ends = [dt.date(year, 12, 31) for year in range(period.start.year, period.end.year + 1)]
    year_ends = [day for day in year_ends if day in period]
    deadline = draw(
        st.one_of(
            st.none(),
            st.none(),
            st.sampled_from([*year_ends, period.end]),
            st.dates(period.start, period.end),
        )
    )
    selected_from = draw(st.one_of(st.none(), st.none(), st.dates(period.start - 400 * DAY, period.end)))
    return {"signing_deadline": deadline, "selected_from": selected_from}


# Strategies built once: a strategy is checked the first time it is drawn from, so building
# them anew inside a loop of 60 contracts would cost more than the rules being tested.
_NAME = st.sampled_from(NAMES)
_CODE = st.sampled_from(CODES)
_SECTOR = st.sampled_from((Sector.INDUSTRY, Sector.HEALTH, Sector.INDUSTRY, Sector.HEALTH, Sector.OTHER))
_SIREN = st.one_of(st.none(), st.sampled_from(SIRENS))
_ONE_IN_TWENTY = st.integers(0, 19)
_DAYS_APPLIED_BEFORE_SIGNATURE = st.integers(-5, 200)
#: Where the selection falls between application (0) and signature (100), a few days out either side.
_SELECTION_SHARE = st.integers(-2, 102)


@st.composite
def startups(draw: st.DrawFn) -> Startup:
    """A startup of the pool: a name variant, maybe a SIREN of the pool, a head office in or out."""
    return Startup(name=draw(_NAME), head_office=draw(_CODE), sector=draw(_SECTOR), siren=draw(_SIREN))


_STARTUP = startups()


def _draw_contract(draw: st.DrawFn, signed: st.SearchStrategy[dt.date], reference: str) -> Contract:
    signed_on = draw(signed)
    applied_on: dt.date | None = None
    selected_on: dt.date | None = None
    if draw(_ONE_IN_TWENTY):  # one in twenty never applied
        applied_on = signed_on - draw(_DAYS_APPLIED_BEFORE_SIGNATURE) * DAY
    if draw(_ONE_IN_TWENTY):  # one in twenty never selected
        after = applied_on if applied_on is not None else signed_on - 30 * DAY
        span = max(0, (signed_on - after).days)
        share = draw(_SELECTION_SHARE)
        offset = span * min(max(share, 0), 100) // 100 + min(share, 0) + max(share - 100, 0)
        selected_on = after + offset * DAY
    return Contract(
        reference=reference,
        startup=draw(_STARTUP),
        signed_on=signed_on,
        applied_on=applied_on,
        selected_on=selected_on,
    )


@st.composite
def contracts(draw: st.DrawFn, convention: Convention, reference: str) -> Contract:
    """A contract around the convention's period; most are in time under C6, some are not."""
    return _draw_contract(draw, dates_around(convention), reference)


@st.composite
def contract_feeds(draw: st.DrawFn, convention: Convention, max_size: int = 60) -> tuple[Contract, ...]:
    """0 to ``max_size`` contracts with distinct references, short feeds as often as long ones."""
    size = draw(st.integers(0, min(12, max_size)) | st.integers(0, max_size))
    signed = dates_around(convention)
    return tuple(_draw_contract(draw, signed, f"C-{index:02d}") for index in range(size))


def _payment_parts(convention: Convention) -> tuple[st.SearchStrategy[dt.date], st.SearchStrategy[Decimal]]:
    cap = int(convention.total_cap * 100)  # in cents
    return dates_around(convention, before=30, after=200), cents(1, cap + cap // 2 + 100)


@st.composite
def payments(draw: st.DrawFn, convention: Convention, reference: str) -> Payment:
    """A payment around the convention's period, from one cent to one and a half times the cap."""
    paid_on, amount = _payment_parts(convention)
    return Payment(reference=reference, paid_on=draw(paid_on), amount=draw(amount))


@st.composite
def payment_lists(draw: st.DrawFn, convention: Convention, max_size: int = 10) -> tuple[Payment, ...]:
    """0 to ``max_size`` payments with distinct references, and maybe refunds (« reversements »).

    A refund is valid by construction: each pays back part or all of one payment, on its day or later,
    so that what was paid never falls below zero."""
    size = draw(st.integers(0, max_size))
    paid_on, amount = _payment_parts(convention)
    paid = [Payment(reference=f"P-{index:02d}", paid_on=draw(paid_on), amount=draw(amount)) for index in range(size)]
    refunds = [
        Payment(
            reference=f"R-{index:02d}",
            paid_on=payment.paid_on + draw(st.integers(0, 400)) * dt.timedelta(days=1),
            amount=-draw(cents(1, int(payment.amount * 100))),
        )
        for index, payment in enumerate(paid)
        if draw(st.integers(0, 3)) == 0
    ]
    return tuple(paid + refunds)


@st.composite
def fresh_eligible_contracts(draw: st.DrawFn, convention: Convention) -> Contract:
    """An eligible contract for a startup that no other drawn contract names (needs a usable convention).

    It is signed by the signing deadline (SPEC §7.2) and selected on or after the first
    day of selection (SPEC §7.3) when the convention sets them.
    """
    period = convention.period
    first = max(period.start, convention.selected_from or period.start)
    last = convention.signing_deadline or period.end
    assume(first <= last)
    edges = [day for year in convention.programme_years for day in (year.start, year.end) if first <= day <= last]
    signed_on = draw(st.one_of(st.sampled_from([first, last, *edges]), st.dates(first, last)))
    applied_on = signed_on - draw(st.integers(0, 200)) * DAY
    earliest = max(applied_on, convention.selected_from or applied_on)
    selected_on = earliest + draw(st.integers(0, (signed_on - earliest).days)) * DAY
    startup = Startup(
        name=FRESH_NAME,
        head_office=draw(st.sampled_from(sorted(convention.territory))),
        sector=draw(st.sampled_from(sorted(convention.eligible_sectors, key=lambda sector: sector.value))),
        siren=draw(st.one_of(st.none(), st.just(FRESH_SIREN))),
    )
    return Contract(
        reference="FRESH", startup=startup, signed_on=signed_on, applied_on=applied_on, selected_on=selected_on
    )


@dataclass(frozen=True)
class Case:
    """The arguments of one call to ``assess``, as the strategies draw them (not a scenario file)."""

    convention: Convention
    contracts: tuple[Contract, ...] = ()
    payments: tuple[Payment, ...] = ()
    as_of: dt.date = dt.date(2025, 7, 1)
    regional_authorisation_on: dt.date | None = None

    def assess(self, **changes: Any) -> Assessment:
        arguments: dict[str, Any] = {
            "contracts": self.contracts,
            "payments": self.payments,
            "as_of": self.as_of,
            "regional_authorisation_on": self.regional_authorisation_on,
        }
        arguments.update(changes)
        return assess(self.convention, **arguments)


@st.composite
def cases(draw: st.DrawFn, convention: st.SearchStrategy[Convention] | None = None, max_contracts: int = 60) -> Case:
    """A convention, a contract feed, payments, a date and maybe the regional authorisation."""
    chosen = draw(convention if convention is not None else conventions())
    as_of = draw(dates_around(chosen, before=60, after=400))
    return Case(
        convention=chosen,
        contracts=draw(contract_feeds(chosen, max_size=max_contracts)),
        payments=draw(payment_lists(chosen)),
        as_of=as_of,
        regional_authorisation_on=draw(
            st.one_of(st.none(), st.dates(as_of - 500 * DAY, as_of), dates_around(chosen, before=400, after=100))
        ),
    )


@st.composite
def dijon_full_cases(draw: st.DrawFn) -> Case:
    """DIJON_2022 with three eligible contracts in each programme year, authorised, after the end.

    Distinct startups in the métropole in the two fields, applied on or before selection,
    selected on or before signature; plus a few contracts that are ineligible by construction
    (head office outside, or another field) and payments of any size.
    """
    feed: list[Contract] = []
    for index, year in enumerate(DIJON_2022.programme_years, start=1):
        for number in range(1, 4):
            signed_on = draw(st.one_of(st.sampled_from([year.start, year.end]), st.dates(year.start, year.end)))
            applied_on = signed_on - draw(st.integers(0, 200)) * DAY
            selected_on = applied_on + draw(st.integers(0, (signed_on - applied_on).days)) * DAY
            startup = Startup(
                name=f"Startup {index}-{number}",
                head_office=draw(st.sampled_from(DIJON_CODES)),
                sector=draw(st.sampled_from([Sector.INDUSTRY, Sector.HEALTH])),
                siren=draw(st.one_of(st.none(), st.just(siren_with_key(f"{index}{number}000000")))),
            )
            feed.append(
                Contract(
                    reference=f"Y{index}-{number}",
                    startup=startup,
                    signed_on=signed_on,
                    applied_on=applied_on,
                    selected_on=selected_on,
                )
            )
    for number in range(draw(st.integers(0, 4))):
        outside = draw(st.booleans())
        startup = Startup(
            name=f"Elsewhere {number}",
            head_office=draw(st.sampled_from(OUTSIDE_CODES)) if outside else draw(st.sampled_from(DIJON_CODES)),
            sector=draw(st.sampled_from(tuple(Sector))) if outside else Sector.OTHER,
        )
        signed_on = draw(st.dates(DIJON_2022.period.start, DIJON_2022.period.end))
        feed.append(
            Contract(
                reference=f"X-{number}",
                startup=startup,
                signed_on=signed_on,
                applied_on=signed_on - 60 * DAY,
                selected_on=signed_on - 30 * DAY,
            )
        )
    end = DIJON_2022.period.end
    as_of = draw(st.dates(end + DAY, end + 3 * 365 * DAY))
    return Case(
        convention=DIJON_2022,
        contracts=tuple(feed),
        payments=draw(payment_lists(DIJON_2022, max_size=3)),
        as_of=as_of,
        regional_authorisation_on=draw(st.dates(dt.date(2022, 1, 1), as_of)),
    )


# --- Corners pinned with @example ------------------------------------------------------------

#: C1–C3 to the letter: three eligible contracts a year, authorised, the day after the end.
FULL_DIJON = Case(
    convention=DIJON_2022,
    contracts=tuple(three_contracts_a_year()),
    as_of=dt.date(2025, 7, 1),
    regional_authorisation_on=dt.date(2022, 12, 15),
)

#: A cap of 92 500 that cuts year 2's first contract to 7 500, with money paid beyond it.
BINDING_CAP = Case(
    convention=DIJON_2022.replace(total_cap=92_500),
    contracts=tuple(three_contracts_a_year()),
    payments=(Payment(reference="P-01", paid_on=dt.date(2024, 1, 1), amount=Decimal(150_000)),),
    as_of=dt.date(2025, 7, 1),
    regional_authorisation_on=dt.date(2022, 12, 15),
)

#: Four years from 29 February 2024, accrued at each year end, contracts on each side of a boundary.
_LEAP = DIJON_2022.replace(period=whole_years(dt.date(2024, 2, 29), 4), accrual=Accrual.AT_YEAR_END, deliberation=None)
LEAP_YEARS = Case(
    convention=_LEAP,
    contracts=tuple(
        Contract(
            reference=f"L-{index}",
            startup=Startup(name=f"Leap {index}", head_office="21231", sector=Sector.HEALTH),
            signed_on=day,
            applied_on=day,
            selected_on=day,
        )
        for index, day in enumerate(edge_dates(_LEAP))
    ),
    as_of=dt.date(2028, 2, 28),
    regional_authorisation_on=dt.date(2024, 2, 29),
)

#: All or nothing, the target missed by one at the end, 110 000 paid: all of it to recover.
MISSED_ALL_OR_NOTHING = Case(
    convention=DIJON_2022.replace(target_policy=TargetPolicy.ALL_OR_NOTHING),
    contracts=tuple(three_contracts_a_year()[:8]),
    payments=(
        Payment(reference="P-01", paid_on=dt.date(2023, 4, 12), amount=Decimal(50_000)),
        Payment(reference="P-02", paid_on=dt.date(2024, 3, 28), amount=Decimal(60_000)),
    ),
    as_of=dt.date(2025, 7, 1),
    regional_authorisation_on=dt.date(2022, 12, 15),
)

#: The day before the period: nothing yet, the council has not voted.
BEFORE_ANYTHING = Case(convention=DIJON_2022, as_of=dt.date(2022, 6, 30))

#: Ten eligible contracts all in year 3, places pooled, a strict deadline of 31 December 2024:
#: nine places in one year (SPEC §7.1), one contract past the deadline (SPEC §7.2).
POOLED_IN_ONE_YEAR = Case(
    convention=DIJON_2022.replace(places=PlacesPolicy.POOLED, signing_deadline=dt.date(2024, 12, 31)),
    contracts=tuple(
        Contract(
            reference=f"Y3-{number:02d}",
            startup=Startup(name=f"Pooled {number}", head_office="21231", sector=Sector.INDUSTRY),
            signed_on=dt.date(2024, 7, 1) + number * 21 * DAY,  # the last on 6 January 2025
            applied_on=dt.date(2024, 6, 1),
            selected_on=dt.date(2024, 6, 15),
        )
        for number in range(10)
    ),
    as_of=dt.date(2025, 7, 1),
    regional_authorisation_on=dt.date(2022, 12, 15),
)

CORNERS = (FULL_DIJON, BINDING_CAP, LEAP_YEARS, MISSED_ALL_OR_NOTHING, BEFORE_ANYTHING, POOLED_IN_ONE_YEAR)


# --- Registered so that st.from_type builds valid value objects --------------------------------

st.register_type_strategy(Period, periods())
st.register_type_strategy(Startup, startups())
st.register_type_strategy(Deliberation, deliberations())
st.register_type_strategy(Convention, conventions())
st.register_type_strategy(Contract, contracts(DIJON_2022, "C-00"))
st.register_type_strategy(Payment, payments(DIJON_2022, "P-00"))


# --- the financing convention (issue 12) ---------------------------------------------------

#: Shares worth trying: none, all, the assumed ones, and odd ones with four decimals.
CORNER_SHARES = (Decimal(0), Decimal(1), Decimal("0.5"), Decimal("0.2"), Decimal("0.3333"), Decimal("0.0001"))


def shares() -> st.SearchStrategy[Decimal]:
    """A share from 0 to 1 with at most four decimals, the corners first."""
    return st.one_of(st.sampled_from(CORNER_SHARES), st.integers(0, 10_000).map(lambda n: Decimal(n).scaleb(-4)))


@st.composite
def financing_terms(draw: st.DrawFn) -> FinancingTerms:
    """Any terms of a financing convention: shares from 0 to 1, delays from 0 to 120 months."""
    months = st.one_of(st.sampled_from((0, 1, 6, 12, 120)), st.integers(0, 120))
    return FinancingTerms(
        advance_share=draw(shares()),
        balance_share=draw(shares()),
        financial_statement_months=draw(months),
        final_report_months=draw(months),
        contract_copy_months=draw(months),
    )


@dataclass(frozen=True)
class FinancedCase:
    """A :class:`Case` whose convention has financing terms, the day they were signed and the documents."""

    case: Case
    financing_signed_on: dt.date | None
    documents: tuple[Document, ...]

    def assess(self, **changes: Any) -> Assessment:
        arguments: dict[str, Any] = {"financing_signed_on": self.financing_signed_on, "documents": self.documents}
        arguments.update(changes)
        return self.case.assess(**arguments)

    def case_mapping(self, limitation_events: Sequence[Any] = ()) -> dict[str, Any]:
        """The case as one mapping, convention included, as ``assess_many`` and ``ScenarioTable.from_cases`` take it."""
        return {
            "convention": self.case.convention,
            "contracts": self.case.contracts,
            "as_of": self.case.as_of,
            "regional_authorisation_on": self.case.regional_authorisation_on,
            "payments": self.case.payments,
            "financing_signed_on": self.financing_signed_on,
            "documents": self.documents,
            "limitation_events": tuple(limitation_events),
        }


def limitation_events(start: dt.date, end: dt.date, *, max_size: int) -> st.SearchStrategy[tuple[Any, ...]]:
    """Events of the limitation of unpaid claims from ``start`` to ``end`` (loi n° 68-1250, art. 2 and 6): written
    claims, letters of the administration and reliefs by the council."""
    kinds = st.sampled_from(["written_claim", "administration_letter", "relief"])
    return st.lists(st.builds(LimitationEvent, kind=kinds, on=st.dates(start, end)), max_size=max_size).map(tuple)


@st.composite
def financed_cases(draw: st.DrawFn) -> FinancedCase:
    """A case with financing terms, signed on any day around the period or not at all, and documents.

    The documents cover any of the contracts (funded or not), any programme year, or the
    whole convention, received on or after the signature; the same document may come twice.
    """
    # Twenty contracts can reach any target of C3 drawn (at most 20) and the places of most
    # conventions; sixty, as elsewhere, made these cases three times slower to draw.
    base = draw(cases(max_contracts=20))
    case = Case(
        convention=base.convention.replace(financing=draw(financing_terms())),
        contracts=base.contracts,
        payments=base.payments,
        as_of=base.as_of,
        regional_authorisation_on=base.regional_authorisation_on,
    )
    signed_on = draw(st.one_of(st.none(), dates_around(case.convention, before=200, after=200)))
    earliest = signed_on if signed_on is not None else case.convention.period.start - 200 * DAY
    received = st.one_of(st.just(earliest), st.dates(earliest, case.convention.period.end + 900 * DAY))
    references = [contract.reference for contract in case.contracts]
    covers: list[tuple[DocumentKind, str | int | None]] = [(DocumentKind.FINAL_REPORT, None)]
    covers += [(DocumentKind.CONTRACT_COPY, reference) for reference in references]
    covers += [(DocumentKind.FINANCIAL_STATEMENT, year) for year in range(1, len(case.convention.programme_years) + 1)]
    keys = draw(st.lists(st.sampled_from(covers), max_size=12))
    documents = tuple(Document(kind=kind, received_on=draw(received), covers=what) for kind, what in keys)
    return FinancedCase(case=case, financing_signed_on=signed_on, documents=documents)
