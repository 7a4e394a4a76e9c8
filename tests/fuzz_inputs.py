"""Hostile inputs for the fuzz tests, shared with the long fuzz run (``benchmarks/fuzz.py``).

Everything here is outside data as it reaches the library: bytes of a file, text of
a JSON or TOML document, cells of a spreadsheet export, arguments of a command line,
values handed to a constructor by a notebook. The strategies lean towards what broke
parsers before: numbers too large for ``int`` or ``Decimal`` to print, nesting deeper
than the interpreter's stack, text longer than any field, and Unicode that looks like
something it is not (combining accents, right-to-left marks, full-width digits,
lone surrogates, NUL bytes).

:func:`only_our_errors` is the contract every fuzz test checks: a call returns a
value or raises :class:`~propulseur_rules.PropulseurRulesError`; anything else fails.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from hypothesis import strategies as st

from propulseur_rules import PropulseurRulesError
from propulseur_rules.files._load_data import (
    _CONTRACT_KEYS,
    _CONVENTION_KEYS,
    _EXPECT_KEYS,
    _PAYMENT_KEYS,
    _SCENARIO_KEYS,
    _STARTUP_KEYS,
)
from propulseur_rules.files._spreadsheet_columns import CSV_COLUMNS

_T = TypeVar("_T")


def only_our_errors(call: Callable[..., _T], *args: Any, **kwargs: Any) -> _T | None:
    """``call(*args, **kwargs)``, or ``None`` when it raises PropulseurRulesError; any other exception escapes."""
    try:
        return call(*args, **kwargs)
    except PropulseurRulesError:
        return None


# --- odd text ------------------------------------------------------------------------------------

#: Characters that look harmless and are not: each has broken some parser or report somewhere.
ODD_CHARACTERS = (
    "\u0301",  # combining acute accent: « e\u0301 » looks like « é »
    "\u0308",  # combining diaeresis
    "\u200f",  # right-to-left mark
    "\u200e",  # left-to-right mark
    "\u202e",  # right-to-left override: « 13212 » shown for 21231
    "\u2066",  # left-to-right isolate
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte order mark, or zero-width no-break space
    "\u00a0",  # no-break space, as spreadsheets write thousands
    "\u202f",  # narrow no-break space, the French thousands separator
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
    "\x00",  # NUL
    "\x1b",  # escape: terminal control sequences
    "\x7f",  # delete
    "\x85",  # next line (C1 control)
    "\r",
    "\t",
    "\n",
    "\ud800",  # lone high surrogate: valid in a Python str and in JSON, not encodable in UTF-8
    "\udcff",  # lone low surrogate, as os.fsdecode leaves an undecodable byte
    "０",  # full-width zero
    "９",  # full-width nine
    "٣",  # Arabic-Indic three
    "߁",  # NKo one
    "²",  # superscript two: int() refuses it, str.isdigit() accepts it
    "ﬁ",  # a ligature that NFKD splits in two
    "\ufdfa",  # one character that NFKD turns into eighteen
    "İ",  # casefold() makes it two characters
    "ß",
    "É",
    "é",
    "🚀",
    '"',
    "'",
    ";",
    ",",
    "|",
    "<",
    "&",
    "\\",
    "#",
    "=",
    "[",
    "{",
)

_PLAIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_./")
_ANY_CHARACTER = st.characters(exclude_categories=())  # surrogates included
odd_characters = st.one_of(_PLAIN, st.sampled_from(ODD_CHARACTERS), _ANY_CHARACTER)

#: Texts worth trying in every text field, chosen by hand.
ODD_TEXTS = (
    "",
    " ",
    "\x00",
    "Hydroge\u0301ne Mobile",  # combining accent
    "\u200fهيدروجين\u200f",  # right-to-left name between marks
    "\u202eelibom enègordyh",  # right-to-left override
    "Start\x00up",
    "２１２３１",  # full-width INSEE code of Dijon
    "21231\u200f",
    "\u200e21231",
    "９１２３４５６７５",  # full-width SIREN
    "732\u00a0829\u00a0320",  # a SIREN with no-break spaces
    "732\u202f829\u202f320",
    "7３2829320",
    "２０２３-０１-０１",  # full-width ISO date
    "2023-01-01\u200f",
    "0١/07/2022",
    "1e999999999",
    "1e99999999999999999999",
    "9" * 5000,
    "0." + "0" * 60 + "1",
    "-0.00",
    "15000.005",
    "NaN",
    "sNaN",
    "Infinity",
    "１５０００",
    "15 000,00",
    "\ud800",
    "\udcff.toml",
    "dijon-2022\u200b",
    "santé",
    "sante\u0301",
    "SANTÉ",
    "a" * 501,
    "é" * 600,
    "\ufdfa" * 500,
    "İ" * 500,
    "x" * 100_000,
)


def odd_texts(max_size: int = 40) -> st.SearchStrategy[str]:
    """A hand-picked odd text, or text drawn from the odd characters and any code point."""
    return st.one_of(st.sampled_from(ODD_TEXTS), st.text(odd_characters, max_size=max_size))


# --- odd numbers ---------------------------------------------------------------------------------

#: Numbers at the edges of int, float and Decimal, and far beyond any amount.
ODD_NUMBERS: tuple[object, ...] = (
    0,
    -1,
    2**63,
    -(2**63),
    10**15,
    10**15 + 1,
    10**30,
    0.0,
    -0.0,
    0.1 + 0.2,
    1e308,
    5e-324,
    float("nan"),
    float("inf"),
    float("-inf"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("-Infinity"),
    Decimal("1E+999999999"),
    Decimal("1E-999999999"),
    Decimal("-0"),
    Decimal("0E-1000000"),
    Decimal("999999999999.99"),
    Decimal("999999999999.995"),
    Decimal("1000000000000.00"),
    Decimal("12345.67"),
    Decimal("0.001"),
    Decimal("9" * 60),
)


#: Integers of 4 301 digits and more, which ``str()`` refuses to print (and hypothesis to show,
#: so they are built by a function rather than listed).
huge_integers = st.builds(
    lambda digits, sign: sign * 10 ** (digits - 1), st.integers(4301, 6000), st.sampled_from([1, -1])
)


def odd_numbers() -> st.SearchStrategy[object]:
    return st.one_of(
        st.sampled_from(ODD_NUMBERS),
        huge_integers,
        st.integers(),
        st.integers(min_value=-(10**40), max_value=10**40),
        st.floats(),
        st.decimals(),
        st.decimals(places=2, min_value=0, max_value=10**13),
    )


class _Opaque:
    """An object of a class no loader knows; its ``str`` and ``repr`` still work."""

    def __repr__(self) -> str:
        return "<opaque>"


def python_scalars() -> st.SearchStrategy[object]:
    """Any scalar a caller might pass where a value object's field is expected."""
    return st.one_of(
        st.none(),
        st.booleans(),
        odd_numbers(),
        odd_texts(),
        st.binary(max_size=20),
        st.dates(),
        st.sampled_from([dt.date.min, dt.date.max, dt.date(2024, 2, 29), dt.date(2022, 7, 1)]),
        st.datetimes(),
        st.times(),
        st.timedeltas(),
        st.just(_Opaque()),
        st.just(object),
        st.just(Decimal),
    )


def python_values() -> st.SearchStrategy[object]:
    """Scalars, and lists, tuples, sets, frozensets and dicts of them."""
    return st.recursive(
        python_scalars(),
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.tuples(children, children),
            st.frozensets(st.one_of(st.integers(), odd_texts()), max_size=4),
            st.dictionaries(odd_texts(12), children, max_size=4),
        ),
        max_leaves=12,
    )


# --- JSON and TOML -------------------------------------------------------------------------------

KEYS = tuple(
    sorted(
        {*_SCENARIO_KEYS, *_CONVENTION_KEYS, *_CONTRACT_KEYS, *_STARTUP_KEYS, *_PAYMENT_KEYS, *_EXPECT_KEYS, "preset"}
    )
)

#: Values the loaders give a meaning to, so that random documents get past the first check.
MEANINGFUL = (
    "dijon-2022",
    "2023-01-01",
    "2023-02-30",
    "2022-07-01",
    "2025-06-30",
    "21231",
    "2A004",
    "industry",
    "health",
    "santé",
    "other",
    "732829320",
    "C4",
    "funded",
    "contract_target",
    "all_or_nothing",
    "at_year_end",
    "15000",
    "12345.67",
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([10**15, 10**15 + 1, 10**40, -(10**40)]),
    st.floats(allow_nan=False, allow_infinity=False),
    odd_texts(),
    st.sampled_from(MEANINGFUL),
)
json_keys = st.one_of(st.sampled_from(KEYS), odd_texts(12))
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(json_keys, children, max_size=6)),
    max_leaves=30,
)


#: What a parser hands the loader besides JSON's types: TOML's dates, times and date-times,
#: and, from a caller's own data, decimals and floats that are not numbers.
parsed_scalars = st.one_of(
    json_scalars,
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1e999999999", "1e99999999999999999999", "-0.00", "15000.005", "912345675"]),
    st.dates(),
    st.datetimes(),
    st.times(),
)
parsed_values = st.recursive(
    parsed_scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(json_keys, children, max_size=6)),
    max_leaves=40,
)


def startup_tables() -> st.SearchStrategy[dict[str, object]]:
    field = st.one_of(st.sampled_from(MEANINGFUL), odd_texts(), json_scalars)
    return st.fixed_dictionaries(
        {
            "name": st.one_of(odd_texts(), st.sampled_from(["Hydrolis", "HYDROLIS", "Hydrolís"])),
            "head_office": st.one_of(st.sampled_from(["21231", "21054", "2A004", "２１２３１", "21231\u200f"]), field),
            "sector": st.one_of(st.sampled_from(["industry", "health", "santé", "industriel", "SANTE\u0301"]), field),
        },
        optional={"siren": st.one_of(st.sampled_from(["732829320", "９１２３４５６７５", "732 829 320"]), field)},
    )


def _date_like() -> st.SearchStrategy[object]:
    return st.one_of(
        st.dates(dt.date(2021, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat),
        st.sampled_from(["2023-02-30", "２０２３-０１-０１", "9999-12-31", "0001-01-01", "2023-1-1", ""]),
        json_scalars,
    )


def contract_tables() -> st.SearchStrategy[dict[str, object]]:
    return st.fixed_dictionaries(
        {"reference": odd_texts(8), "startup": st.one_of(startup_tables(), json_values), "signed_on": _date_like()},
        optional={"applied_on": _date_like(), "selected_on": _date_like()},
    )


def payment_tables() -> st.SearchStrategy[dict[str, object]]:
    amount = st.one_of(st.sampled_from(["15000", "12345.67", "0.001", "1e999999999", "１５０００"]), json_scalars)
    return st.fixed_dictionaries({"reference": odd_texts(8), "paid_on": _date_like(), "amount": amount})


def convention_tables() -> st.SearchStrategy[object]:
    changes = st.dictionaries(st.sampled_from(_CONVENTION_KEYS), json_values, max_size=4)
    period = st.fixed_dictionaries({"start": _date_like(), "end": _date_like()})
    return st.one_of(
        st.just("dijon-2022"),
        odd_texts(),
        changes.map(lambda table: {"preset": "dijon-2022", **table}),
        st.fixed_dictionaries({"preset": st.just("dijon-2022"), "period": period}),
        st.fixed_dictionaries(
            {"preset": st.just("dijon-2022")},
            optional={
                "total_cap": st.sampled_from(["92500.50", "12345.67", "0", "1e999999999", "999999999999.99"]),
                "grant_per_contract": st.sampled_from(["12345.67", "0.01", "１５０００"]),
                "max_funded_contracts_per_year": st.sampled_from([0, 1, 3, 10**15, 10**16, -1]),
                "accrual": st.sampled_from(["on_event", "at_year_end", "AT_YEAR_END\u200b"]),
            },
        ),
        changes,
    )


def scenario_tables() -> st.SearchStrategy[dict[str, object]]:
    """Scenario-shaped documents whose values are drawn at random, so that deep paths are reached."""
    return st.fixed_dictionaries(
        {"name": odd_texts(), "as_of": _date_like(), "convention": convention_tables()},
        optional={
            "contracts": st.lists(st.one_of(contract_tables(), json_values), max_size=4),
            "payments": st.lists(st.one_of(payment_tables(), json_values), max_size=3),
            "regional_authorisation_on": _date_like(),
            "covers": st.one_of(st.lists(st.sampled_from(["C1", "C4", "C10", "c2", ""]), max_size=3), json_values),
            "expect": st.one_of(st.dictionaries(st.sampled_from(_EXPECT_KEYS), json_values, max_size=3), json_values),
            "$schema": odd_texts(),
        },
    )


def parsed_scenario_tables() -> st.SearchStrategy[dict[str, object]]:
    """Scenario-shaped data as a parser gives it: dates as ``datetime.date``, any value where a field is expected."""
    startup = st.fixed_dictionaries(
        {"name": parsed_values, "head_office": parsed_values, "sector": parsed_values},
        optional={"siren": parsed_values},
    )
    contract = st.fixed_dictionaries(
        {"reference": st.text(max_size=5), "startup": st.one_of(startup, parsed_values), "signed_on": parsed_values},
        optional={"applied_on": parsed_values, "selected_on": parsed_values},
    )
    payment = st.fixed_dictionaries(
        {"reference": st.text(max_size=5), "paid_on": parsed_values, "amount": parsed_values}
    )
    period = st.fixed_dictionaries({"start": st.dates(), "end": st.dates()})
    convention = st.one_of(
        st.just("dijon-2022"),
        st.fixed_dictionaries(
            {"preset": st.just("dijon-2022"), "period": period},
            optional={"accrual": st.sampled_from(["on_event", "at_year_end"])},
        ),
        st.dictionaries(st.sampled_from([*_CONVENTION_KEYS, "preset"]), parsed_values, max_size=5).map(
            lambda table: {"preset": "dijon-2022", **table}
        ),
        st.dictionaries(st.sampled_from(_CONVENTION_KEYS), parsed_values),
    )
    expect = st.dictionaries(st.sampled_from(_EXPECT_KEYS), parsed_values, max_size=4)
    return st.fixed_dictionaries(
        {"name": parsed_values, "as_of": st.one_of(st.dates(), parsed_values), "convention": convention},
        optional={
            "contracts": st.lists(st.one_of(contract, parsed_values), max_size=3),
            "payments": st.lists(st.one_of(payment, parsed_values), max_size=3),
            "regional_authorisation_on": parsed_values,
            "covers": parsed_values,
            "expect": st.one_of(expect, parsed_values),
        },
    )


def toml_text(data: object) -> str:
    """A TOML document for a table: every value inline, strings escaped as TOML allows."""
    assert isinstance(data, dict)
    return "".join(f"{_toml_key(key)} = {_toml_value(value)}\n" for key, value in data.items())


def _toml_key(key: object) -> str:
    return _toml_string(str(key))


def _toml_string(text: str) -> str:
    # JSON's string escapes are TOML's basic-string escapes; a lone surrogate is written as
    # \ud800, which TOML refuses, so such a document is one more invalid one to try.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: object) -> str:
    if value is None:
        return '""'  # TOML has no null
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # "inf" and "nan" are TOML floats too
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_toml_key(key)} = {_toml_value(item)}" for key, item in value.items()) + " }"
    return _toml_string(str(value))


#: Pieces of JSON and TOML syntax, glued at random: the parsers' edge cases, not the loader's.
JSON_TOKENS = (
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    '"',
    '"name"',
    '"as_of"',
    '"convention"',
    '"contracts"',
    '"dijon-2022"',
    '"2023-01-01"',
    "1e999999999",
    "-1e-999999999",
    "9" * 5000,
    "0.1",
    "NaN",
    "Infinity",
    "-Infinity",
    "true",
    "null",
    '"\\ud800"',
    '"\\u0000"',
    '"\\uDFFF\\uD800"',
    " ",
    "\n",
    "\x00",
    "\ufeff",
)
TOML_TOKENS = (
    "\n",
    " = ",
    "[",
    "]",
    "[[contracts]]",
    "[convention]",
    "[contracts.startup]",
    "{",
    "}",
    ",",
    '"',
    "'''",
    '"""',
    "name",
    "as_of",
    "convention",
    "preset",
    "total_cap",
    '"dijon-2022"',
    "2023-01-01",
    "2023-02-30",
    "9999-12-31T23:59:60Z",
    "0000-00-00",
    "23:59:60",
    "9" * 5000,
    "0x" + "f" * 5000,
    "0o7",
    "0b1",
    "1e400",
    "1e999999999",
    "inf",
    "-nan",
    "1_000",
    '"\\u00e9"',
    '"\\U0010FFFF"',
    '"\\uD800"',
    '"\\x00"',
    "\x00",
    "\ufeff",
    "#",
    ".",
    "a.b.c",
)


def token_soup(tokens: tuple[str, ...], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(tokens), odd_texts(4)), max_size=max_size).map("".join)


def nested(depth: int, kind: str) -> str:
    """A document nested ``depth`` deep: a JSON list of lists, or a TOML array of arrays."""
    if kind == "json":
        return '{"name": ' + "[" * depth + "]" * depth + "}"
    return "name = " + "[" * depth + "]" * depth + "\n"


# --- CSV -----------------------------------------------------------------------------------------


def csv_cells() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            [
                "",
                "C-01",
                "Hydrolis",
                "21231",
                "２１２３１",
                "industry",
                "santé",
                "732829320",
                "９１２３４５６７５",
                "01/07/2022",
                "31/02/2023",
                "2022-07-01",
                "0١/07/2022",
                "99/99/99999",
                '"quoted"',
                '"unterminated',
                "a;b",
                "a,b",
                "line\nbreak",
                "x" * 200_000,  # past the csv module's field size limit
            ]
        ),
        odd_texts(20),
    )


def _csv_rows_in_column_order() -> st.SearchStrategy[list[str]]:
    """A row for the header CSV_COLUMNS, each cell plausible for its column or odd."""
    plausible = {
        "reference": st.sampled_from(["C-01", "C-02", "C-03", "C-01 "]),
        "startup": st.sampled_from(["Hydrolis", "HYDROLIS", "Hydroli\u0301s", "\u200fهيدروجين"]),
        "head_office": st.sampled_from(["21231", "21054", "2A004", "２１２３１", " 21231 "]),
        "sector": st.sampled_from(["industry", "santé", "industriel", "SANTE", "other"]),
        "siren": st.sampled_from(["", "732829320", "732 829 320", "９１２３４５６７５", "732829321"]),
        "applied_on": st.sampled_from(["", "01/07/2022", "2022-07-01", "31/02/2023"]),
        "selected_on": st.sampled_from(["", "15/07/2022", "2022-07-15", "0١/07/2022"]),
        "signed_on": st.sampled_from(["01/08/2022", "2022-08-01", "30/06/2025", "01/07/2025", ""]),
    }
    return st.tuples(*(st.one_of(plausible[column], csv_cells()) for column in CSV_COLUMNS)).map(list)


def csv_texts() -> st.SearchStrategy[str]:
    """A CSV export: the known header or a random one, plausible or odd cells, either separator."""
    random_header = st.lists(st.one_of(st.sampled_from(CSV_COLUMNS), odd_texts(8)), min_size=1, max_size=10)
    random_rows = st.lists(st.lists(csv_cells(), max_size=10), max_size=6)
    table = st.one_of(
        st.tuples(st.just(list(CSV_COLUMNS)), st.lists(_csv_rows_in_column_order(), max_size=6)),
        st.tuples(random_header, random_rows),
    )
    separator = st.sampled_from([";", ",", "\t"])
    newline = st.sampled_from(["\n", "\r\n", "\r"])
    bom = st.sampled_from(["", "\ufeff"])
    return st.builds(
        lambda parts, sep, end, mark: mark + end.join(sep.join(row) for row in [parts[0], *parts[1]]),
        table,
        separator,
        newline,
        bom,
    )


def valid_csv_header() -> str:
    return ";".join(CSV_COLUMNS)


# --- a valid request with one field made odd ---------------------------------------------------

#: The request of the grants service in the examples: every field valid.
VALID_REQUEST: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parent.parent / "examples" / "dijon-2022-request.json").read_text("utf-8")
)


def _leaf_paths(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(data, dict):
        return [path] + [leaf for key, value in data.items() for leaf in _leaf_paths(value, (*path, key))]
    if isinstance(data, list):
        return [path] + [leaf for index, value in enumerate(data) for leaf in _leaf_paths(value, (*path, index))]
    return [path]


_REQUEST_PATHS = [path for path in _leaf_paths(VALID_REQUEST) if path]


def _replaced(data: object, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {key: _replaced(item, rest, value) if key == head else item for key, item in data.items()}
    assert isinstance(data, list)
    return [_replaced(item, rest, value) if index == head else item for index, item in enumerate(data)]


def requests_with_one_odd_field() -> st.SearchStrategy[dict[str, Any]]:
    """The valid request with one field (or one whole table) replaced by an odd value.

    Most such requests still load, so the odd value travels through assess and every report:
    a name with a right-to-left mark, a date on 29 February, an amount of 0.01.
    """
    odd = st.one_of(
        odd_texts(),
        json_scalars,
        st.sampled_from(MEANINGFUL),
        st.sampled_from(["2024-02-29", "2022-06-30", "2025-06-30", "2025-07-01", "0.01", "999999999999.99"]),
        json_values,
    )
    return st.builds(_replaced, st.just(VALID_REQUEST), st.sampled_from(_REQUEST_PATHS), odd)
