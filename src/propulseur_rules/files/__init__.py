"""Files and requests: scenarios from TOML or JSON (files, text or data); contracts, payments, documents from CSV.

The loaders check the shape of what they read and leave the meaning of each
value to the value objects; every error is an :class:`~propulseur_rules.InvalidInput`
naming the file, line and field (``contracts.csv:4: signed_on``).

Spreadsheets are read as French exports write them (Windows-1252, ``;``,
French headers, ``05/09/2022``, ``50 000,00``), the table found below a title, columns of one's own and totals
left out; ``.xlsx`` workbooks need the ``xlsx`` extra, ``.ods`` ones the ``ods``
extra, writing TOML the ``toml`` extra.

A service that assesses requests uses :func:`loads_scenario` or
:func:`scenario_from_data`: they read no file unless given a ``base_dir``, and
then only within it; :func:`read_request` reads a request's body from a stream; :func:`scenario_schema` is the
JSON Schema of what they take, ready to embed in an OpenAPI document, and :func:`assessment_schema` the one of
the assessment answered (``Assessment.to_dict()``).

A tool that takes the command line's options (a scenario file or the built-in
example, files of contracts, payments and documents, dates, readings) builds the
scenario and where each of its facts came from with :func:`assemble`;
:func:`check_scenarios` compares scenario files with their ``expect`` tables.

>>> from propulseur_rules.files import scenario_from_data
>>> body = {"name": "Nothing signed yet.", "as_of": "2023-07-01", "convention": "dijon-2022"}
>>> str(scenario_from_data(body).assess().accrued)
'40000.00'
"""

from ._assemble import InputsWrong, ScenarioOptions, assemble, example_scenario
from ._check import CheckedFile, CheckReport, Verdict, check_scenarios, exercised_clauses
from ._dump import dump_scenario
from ._expectation import Expectation
from ._load import load_scenario, loads_scenario
from ._load_csv import load_contracts_csv, load_contracts_xlsx, load_payments_csv, load_payments_xlsx
from ._load_data import scenario_from_data
from ._requests import read_request, schema_text
from ._scenario import Scenario
from ._schema import assessment_schema, scenario_schema
from ._spreadsheet_documents import load_documents_csv, load_documents_xlsx

__all__ = [
    "CheckReport",
    "CheckedFile",
    "Expectation",
    "InputsWrong",
    "Scenario",
    "ScenarioOptions",
    "Verdict",
    "assemble",
    "assessment_schema",
    "check_scenarios",
    "dump_scenario",
    "example_scenario",
    "exercised_clauses",
    "load_contracts_csv",
    "load_contracts_xlsx",
    "load_documents_csv",
    "load_documents_xlsx",
    "load_payments_csv",
    "load_payments_xlsx",
    "load_scenario",
    "loads_scenario",
    "read_request",
    "scenario_from_data",
    "scenario_schema",
    "schema_text",
]
