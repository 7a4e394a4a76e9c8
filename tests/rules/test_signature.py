"""The financing convention the law requires, terms or not (loi n° 2000-321, art. 10; décret n° 2001-495, art. 1er).

« L'autorité administrative … qui attribue une subvention doit, lorsque cette subvention
dépasse un seuil défini par décret, conclure une convention avec l'organisme de droit
privé qui en bénéficie »; the decree sets that threshold at 23 000 € a year. The
deliberation grants 195 000 € over three programme years (C1, C2): 65 000 € a year. A
signature dated after the assessment withholds all that has accrued, whatever the terms;
with no signature date given under the deliberation alone, the figures stay as they are and the
condition is reported not verified, a warning.
"""

from __future__ import annotations

import datetime as dt

import pytest

from builders import DAY, OPERATING, PER_CONTRACT, contract, euros, payment
from propulseur_rules import DIJON_2022, Condition, FinancingTerms, assess
from propulseur_rules.planning import EventKind, payment_forecast, schedule
from propulseur_rules.reports import legal_basis

AUTHORISED = dt.date(2022, 12, 1)
AS_OF = dt.date(2023, 1, 1)
SIGNED_LATER = dt.date(2023, 2, 1)
#: Signed on 15 September 2022: 20 000 € (year 1's operating grant, 1 July 2022) + 15 000 € accrue by 1 January 2023.
ALPHA = contract("ALPHA", dt.date(2022, 9, 15))


def test_a_signature_after_the_date_withholds_all_under_the_deliberation_alone() -> None:
    result = assess(
        DIJON_2022, [ALPHA], as_of=AS_OF, regional_authorisation_on=AUTHORISED, financing_signed_on=SIGNED_LATER
    )

    # 20 000 + 15 000 accrued; the convention is signed on 1 February 2023, after 1 January 2023.
    assert result.accrued == euros(OPERATING + PER_CONTRACT) == euros(35_000)
    assert (result.withheld, result.releasable, result.payable) == (euros(35_000), euros(0), euros(0))
    (blocking,) = result.blocking
    assert (blocking.condition, blocking.clause.value) == (Condition.FINANCING_CONVENTION_SIGNED, "C3")
    assert blocking.basis is legal_basis("loi-2000-321-art-10-convention")
    # The only blocker: signing releases all 35 000 €.
    assert blocking.releases == euros(35_000)
    assert "nothing is payable before it is" in blocking.message("en")


def test_signed_on_the_day_or_not_given_the_figures_of_the_deliberation_alone_stay() -> None:
    given = {"as_of": AS_OF, "regional_authorisation_on": AUTHORISED}
    on_the_day = assess(DIJON_2022, [ALPHA], financing_signed_on=AS_OF, **given)
    not_given = assess(DIJON_2022, [ALPHA], **given)

    # Signed on 1 January 2023, it is signed by the date; not given, it is not verified: a warning only.
    for result in (on_the_day, not_given):
        assert (result.withheld, result.releasable, result.payable) == (euros(0), euros(35_000), euros(35_000))
    assert Condition.FINANCING_CONVENTION_SIGNED not in [unmet.condition for unmet in on_the_day.unmet]
    (warning,) = [unmet for unmet in not_given.unmet if unmet.condition is Condition.FINANCING_CONVENTION_SIGNED]
    assert (warning.blocks_payment, warning.amount, warning.reason) == (False, euros(0), "financing_not_verified")
    assert warning.basis is legal_basis("loi-2000-321-art-10-convention")
    assert "23,000.00 a year" in warning.message("en")
    assert "not verified" in warning.message("en")
    assert "n'est donc pas vérifiée" in warning.message("fr")


def test_below_the_threshold_no_signature_is_asked_for() -> None:
    # 60 000 € over 3 years = 20 000 € a year, not above 23 000 €: no warning.
    result = assess(DIJON_2022.replace(total_cap="60000"), [ALPHA], as_of=AS_OF, regional_authorisation_on=AUTHORISED)

    assert Condition.FINANCING_CONVENTION_SIGNED not in [unmet.condition for unmet in result.unmet]


def test_the_warning_is_in_every_output() -> None:
    result = assess(DIJON_2022, [ALPHA], as_of=AS_OF, regional_authorisation_on=AUTHORISED)

    data = result.to_dict()
    (warning,) = [unmet for unmet in data["unmet"] if unmet["condition"] == "financing_convention_signed"]
    assert warning["blocks_payment"] is False
    assert "not verified" in result.explain("en")
    assert "pas vérifiée" in result.explain("fr")
    assert "financing_convention_signed" in str(result.trace())


@pytest.mark.parametrize(
    ("total_cap", "withheld"),
    [
        # 69 000 € = 23 000 € × 3 years: not above the threshold, no convention required.
        ("69000", euros(0)),
        # 69 000,03 € / 3 = 23 000,01 € a year: above it, the later signature withholds the 35 000 €.
        ("69000.03", euros(35_000)),
    ],
)
def test_the_threshold_is_a_yearly_amount_above_23_000(total_cap: str, withheld: object) -> None:
    convention = DIJON_2022.replace(total_cap=total_cap)
    result = assess(
        convention, [ALPHA], as_of=AS_OF, regional_authorisation_on=AUTHORISED, financing_signed_on=SIGNED_LATER
    )

    assert result.accrued == euros(35_000)
    assert result.withheld == withheld


def test_with_terms_below_the_threshold_the_convention_still_binds() -> None:
    # The terms are the convention: without its signature nothing is paid, whatever the amount.
    convention = DIJON_2022.replace(total_cap="60000", financing=FinancingTerms())
    result = assess(convention, [ALPHA], as_of=AS_OF, regional_authorisation_on=AUTHORISED)

    assert [unmet.condition for unmet in result.blocking] == [Condition.FINANCING_CONVENTION_SIGNED]
    assert result.withheld == euros(35_000)


def test_a_payment_before_the_signature_is_paid_beyond_what_is_releasable() -> None:
    paid = payment("VIR-1", dt.date(2022, 12, 15), 20_000)
    result = assess(
        DIJON_2022,
        [ALPHA],
        as_of=AS_OF,
        regional_authorisation_on=AUTHORISED,
        financing_signed_on=SIGNED_LATER,
        payments=[paid],
    )

    # Nothing is releasable before 1 February 2023: all 20 000 € paid are beyond it.
    assert (result.paid, result.excess_paid, result.payable) == (euros(20_000), euros(20_000), euros(0))


def test_the_schedule_and_the_forecast_release_the_money_on_the_day_of_signature() -> None:
    given = {"regional_authorisation_on": AUTHORISED, "financing_signed_on": SIGNED_LATER}
    events = schedule(DIJON_2022, [ALPHA], **given)

    (signed,) = [event for event in events if event.kind is EventKind.FINANCING_SIGNED]
    # By 1 February 2023: 20 000 + 15 000 accrued, all released that day.
    assert (signed.on, signed.amount, signed.releasable) == (SIGNED_LATER, euros(35_000), euros(35_000))
    forecast = payment_forecast(DIJON_2022, [ALPHA], as_of=AS_OF, **given)
    assert [(row.on, row.change) for row in forecast[:2]] == [(AS_OF, euros(0)), (SIGNED_LATER, euros(35_000))]
    assert SIGNED_LATER - DAY not in [row.on for row in forecast]
