"""What a scenario should give: figures worked out by hand, and how an assessment differs from them.

An :class:`Expectation` names any of the money figures of an assessment, the
conditions left unmet, and some programme years (:class:`ExpectedYear`) and
contracts (:class:`ExpectedContract`); a field left ``None`` is not checked.
``propulseur-rules check`` lists the :meth:`~Expectation.mismatches` of each
scenario file with an ``expect`` table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from ..rules._model import _count as count
from ..rules._model import _reference_from
from ..rules._model import _text as text
from ..rules._money import money_text, to_money
from ..rules._outcome import MONEY_FIGURES, Assessment, Condition, ContractStatus
from ..words._catalogue import say
from ..words._errors import InvalidInput, kind_of, shown

__all__ = ["YEAR_MONEY_FIGURES", "Expectation", "ExpectedContract", "ExpectedYear", "items_of", "unique_keys"]

# An expectation may name any of the money figures of an assessment (MONEY_FIGURES).
#: The figures of a programme year that an expectation may name.
YEAR_MONEY_FIGURES = ("operating_grant", "contract_grants", "entitled", "accrued")


def items_of(value: object, path: str) -> list[object]:
    """``value`` as a list, or the error of a value that is not a list at ``path``."""
    if not isinstance(value, (list, tuple)):
        raise InvalidInput(path, "error.expected_list", kind=kind_of(value))
    return list(value)


def _optional_money(value: object, path: str) -> Decimal | None:
    return None if value is None else to_money(value, path)


def _optional_references(value: object, path: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(text(item, f"{path}[{index}]") for index, item in enumerate(items_of(value, path)))


def _member(kind: type[Condition] | type[ContractStatus], value: object, path: str) -> Condition | ContractStatus:
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value.strip().lower() == member.value:
                return member
    choices = ", ".join(member.value for member in kind)
    raise InvalidInput(path, "error.not_one_of", value=shown(value), choices=choices)


def _condition(value: object, path: str) -> Condition:
    member = _member(Condition, value, path)
    assert isinstance(member, Condition)
    return member


def _status(value: object, path: str) -> ContractStatus:
    member = _member(ContractStatus, value, path)
    assert isinstance(member, ContractStatus)
    return member


def _optional_conditions(value: object, path: str) -> tuple[Condition, ...] | None:
    """A set of condition codes, kept as a sorted tuple so that it dumps in a stable order."""
    if value is None:
        return None
    conditions = {_condition(item, f"{path}[{index}]") for index, item in enumerate(items_of(value, path))}
    return tuple(sorted(conditions, key=lambda condition: condition.value))


# --- converters that name their field -------------------------------------------------


def _index_from(value: object) -> int:
    index = count(value, "index")
    if index < 1:
        raise InvalidInput("index", "error.years_from_one")
    return index


def _optional_status_from(value: object) -> ContractStatus | None:
    return None if value is None else _status(value, "status")


def _optional_year_from(value: object) -> int | None:
    return None if value is None else _index_from(value)


def _unmet_from(value: object) -> tuple[Condition, ...] | None:
    return _optional_conditions(value, "unmet")


def _funded_from(value: object) -> tuple[str, ...] | None:
    return _optional_references(value, "funded")


def _supplementary_from(value: object) -> tuple[str, ...] | None:
    return _optional_references(value, "supplementary")


def _over_annual_limit_from(value: object) -> tuple[str, ...] | None:
    return _optional_references(value, "over_annual_limit")


def _accrued_from(value: object) -> Decimal | None:
    return _optional_money(value, "accrued")


def _contract_grants_from(value: object) -> Decimal | None:
    return _optional_money(value, "contract_grants")


def _entitled_from(value: object) -> Decimal | None:
    return _optional_money(value, "entitled")


def _excess_paid_from(value: object) -> Decimal | None:
    return _optional_money(value, "excess_paid")


def _grant_from(value: object) -> Decimal | None:
    return _optional_money(value, "grant")


def _operating_grant_from(value: object) -> Decimal | None:
    return _optional_money(value, "operating_grant")


def _paid_from(value: object) -> Decimal | None:
    return _optional_money(value, "paid")


def _payable_from(value: object) -> Decimal | None:
    return _optional_money(value, "payable")


def _releasable_from(value: object) -> Decimal | None:
    return _optional_money(value, "releasable")


def _withheld_from(value: object) -> Decimal | None:
    return _optional_money(value, "withheld")


def _awaiting_documents_from(value: object) -> Decimal | None:
    return _optional_money(value, "awaiting_documents")


def _balance_held_from(value: object) -> Decimal | None:
    return _optional_money(value, "balance_held")


def _time_barred_from(value: object) -> Decimal | None:
    return _optional_money(value, "time_barred")


@attrs.frozen(kw_only=True)
class ExpectedContract:
    """What a scenario expects of one contract: any of its status, grant, programme year, unmet conditions."""

    reference: str = attrs.field(converter=_reference_from)
    status: ContractStatus | None = attrs.field(default=None, converter=_optional_status_from)
    grant: Decimal | None = attrs.field(default=None, converter=_grant_from)
    programme_year: int | None = attrs.field(default=None, converter=_optional_year_from)
    unmet: tuple[Condition, ...] | None = attrs.field(default=None, converter=_unmet_from)


@attrs.frozen(kw_only=True)
class ExpectedYear:
    """What a scenario expects of one programme year (numbered from 1)."""

    index: int = attrs.field(converter=_index_from)
    operating_grant: Decimal | None = attrs.field(default=None, converter=_operating_grant_from)
    contract_grants: Decimal | None = attrs.field(default=None, converter=_contract_grants_from)
    entitled: Decimal | None = attrs.field(default=None, converter=_entitled_from)
    accrued: Decimal | None = attrs.field(default=None, converter=_accrued_from)
    funded: tuple[str, ...] | None = attrs.field(default=None, converter=_funded_from)
    supplementary: tuple[str, ...] | None = attrs.field(default=None, converter=_supplementary_from)
    over_annual_limit: tuple[str, ...] | None = attrs.field(default=None, converter=_over_annual_limit_from)


def _typeditems_of(value: object, path: str, kind: type[ExpectedYear] | type[ExpectedContract]) -> list[object]:
    """The items of ``value``, each an instance of ``kind`` or a mapping of its fields."""
    items = items_of(value, path)
    known = [field.name for field in attrs.fields(kind)]
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            unknown = [key for key in item if key not in known]
            if unknown:
                raise InvalidInput(f"{path}[{index}].{unknown[0]}", "error.unknown_field", fields=", ".join(known))
            try:
                items[index] = kind(**item)
            except InvalidInput as error:
                raise error.within(f"{path}[{index}]") from None
            except TypeError:  # a required field is missing
                raise InvalidInput(f"{path}[{index}]", "error.needs_field", field=known[0]) from None
        elif not isinstance(item, kind):
            raise InvalidInput(f"{path}[{index}]", "error.expected_an_item", kind=kind.__name__, type=kind_of(item))
    return items


def _years_from(value: object) -> tuple[ExpectedYear, ...]:
    years = tuple(item for item in _typeditems_of(value, "years", ExpectedYear) if isinstance(item, ExpectedYear))
    unique_keys((year.index for year in years), "years", "index")
    return tuple(sorted(years, key=lambda year: year.index))


def _contracts_from(value: object) -> tuple[ExpectedContract, ...]:
    contracts = tuple(
        item for item in _typeditems_of(value, "contracts", ExpectedContract) if isinstance(item, ExpectedContract)
    )
    unique_keys((contract.reference for contract in contracts), "contracts", "reference")
    return contracts


def unique_keys(keys: Iterable[object], field: str, key: str) -> None:
    """No key given twice among the items of ``field``; the second is named ``field[i].key``."""
    seen: dict[object, int] = {}
    for position, value in enumerate(keys):
        if value in seen:
            raise InvalidInput(
                f"{field}[{position}].{key}", "error.used_twice", value=repr(value), origin=f"{field}[{seen[value]}]"
            )
        seen[value] = position


def _eligible_contracts_from(value: object) -> int | None:
    return None if value is None else count(value, "eligible_contracts")


def _target_met_from(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidInput("target_met", "error.expected_true_or_false", type=kind_of(value))


def _expected_unmet_from(value: object) -> tuple[Condition, ...] | None:
    return _optional_conditions(value, "unmet")


@attrs.frozen(kw_only=True)
class Expectation:
    """Figures a scenario should give, worked out by hand; every field left ``None`` is not checked.

    ``unmet`` is the set of condition codes that should be unmet, exactly (a code
    that several contracts fail counts once). ``years`` and ``contracts`` name
    only the years and contracts to check; each is an :class:`ExpectedYear` or
    :class:`ExpectedContract`, or a mapping of its fields.

    >>> import datetime as dt
    >>> from propulseur_rules import DIJON_2022, assess
    >>> codes = ["regional_authorisation", "financing_convention_signed", "contract_target"]
    >>> expectation = Expectation(accrued="20000", unmet=codes)
    >>> expectation.mismatches(assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1)))
    ()
    >>> expectation.mismatches(assess(DIJON_2022, [], as_of=dt.date(2023, 7, 1)))
    ('accrued: expected 20000.00, got 40000.00',)
    """

    accrued: Decimal | None = attrs.field(default=None, converter=_accrued_from)
    withheld: Decimal | None = attrs.field(default=None, converter=_withheld_from)
    releasable: Decimal | None = attrs.field(default=None, converter=_releasable_from)
    awaiting_documents: Decimal | None = attrs.field(default=None, converter=_awaiting_documents_from)
    balance_held: Decimal | None = attrs.field(default=None, converter=_balance_held_from)
    time_barred: Decimal | None = attrs.field(default=None, converter=_time_barred_from)
    paid: Decimal | None = attrs.field(default=None, converter=_paid_from)
    payable: Decimal | None = attrs.field(default=None, converter=_payable_from)
    excess_paid: Decimal | None = attrs.field(default=None, converter=_excess_paid_from)
    eligible_contracts: int | None = attrs.field(default=None, converter=_eligible_contracts_from)
    target_met: bool | None = attrs.field(default=None, converter=_target_met_from)
    unmet: tuple[Condition, ...] | None = attrs.field(default=None, converter=_expected_unmet_from)
    years: tuple[ExpectedYear, ...] = attrs.field(default=(), converter=_years_from)
    contracts: tuple[ExpectedContract, ...] = attrs.field(default=(), converter=_contracts_from)

    def mismatches(self, assessment: Assessment, lang: str = "en") -> tuple[str, ...]:
        """One line per expected figure that the assessment does not give, in ``lang``; empty when all agree.

        The values are shown as a scenario file writes them, in either language.
        """
        found: list[str] = []

        def compare(path: str, expected: object, actual: object) -> None:
            if expected is not None and expected != actual:
                found.append(say("check.expected_got", lang, path=path, expected=_shown(expected), got=_shown(actual)))

        for name in MONEY_FIGURES:
            compare(name, getattr(self, name), getattr(assessment, name))
        compare("eligible_contracts", self.eligible_contracts, assessment.eligible_contracts)
        compare("target_met", self.target_met, assessment.target_met)
        if self.unmet is not None:
            compare("unmet", self.unmet, _codes(unmet.condition for unmet in assessment.unmet))
        for position, year in enumerate(self.years):
            path = f"years[{position}]"
            if year.index > len(assessment.years):
                found.append(say("check.no_such_year", lang, path=path, count=str(len(assessment.years))))
                continue
            actual = assessment.years[year.index - 1]
            for name in YEAR_MONEY_FIGURES:
                compare(f"{path}.{name}", getattr(year, name), getattr(actual, name))
            compare(f"{path}.funded", year.funded, actual.funded)
            compare(f"{path}.supplementary", year.supplementary, actual.supplementary)
            compare(f"{path}.over_annual_limit", year.over_annual_limit, actual.over_annual_limit)
        by_reference = {contract.reference: contract for contract in assessment.contracts}
        for expected in self.contracts:
            path = f"contracts[{expected.reference!r}]"
            contract = by_reference.get(expected.reference)
            if contract is None:
                found.append(say("check.no_such_contract", lang, path=path))
                continue
            compare(f"{path}.status", expected.status, contract.status)
            compare(f"{path}.grant", expected.grant, contract.grant)
            compare(f"{path}.programme_year", expected.programme_year, contract.programme_year)
            if expected.unmet is not None:
                compare(f"{path}.unmet", expected.unmet, _codes(unmet.condition for unmet in contract.unmet))
        return tuple(found)


def _codes(conditions: Iterable[Condition]) -> tuple[Condition, ...]:
    return tuple(sorted(set(conditions), key=lambda condition: condition.value))


def _shown(value: object) -> str:
    if isinstance(value, Decimal):
        return money_text(value)
    if isinstance(value, (Condition, ContractStatus)):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(_shown(item) for item in value) + "]"
    return str(value)
