"""Reports of an assessment: text, Markdown, HTML, JSON-ready data and the trace, in English or French.

Each function reads an :class:`~propulseur_rules.Assessment` and computes no rule:
every figure it shows is a field of the assessment. The languages are
:data:`LANGUAGES`; any other ``lang`` is an :class:`~propulseur_rules.InvalidInput`
on the path ``lang``.

>>> import datetime as dt
>>> from propulseur_rules import DIJON_2022, assess
>>> from propulseur_rules import reports
>>> assessment = assess(DIJON_2022, [], as_of=dt.date(2023, 1, 1))
>>> print(reports.render(assessment, "fr").splitlines()[0])
Évaluation de Dijon Métropole – PMT ProPulseur 2022-2025 au 01/01/2023
>>> reports.to_dict(assessment)["accrued"], reports.format_money(assessment.accrued, "fr")
('20000.00', '20 000,00 €')
>>> reports.to_html(assessment, "fr").count("<table>")
2
>>> reports.trace(assessment)[0].kind
<StepKind.PERIOD: 'period'>
>>> reports.check_lang("de")
Traceback (most recent call last):
...
propulseur_rules.words._errors.InvalidInput: lang: 'de' is not a language of the reports; expected en or fr

Beyond the deliberation, the law of subsidies: :data:`LEGAL_BASES` lists each
article a rule may cite besides C1–C9 (a :class:`LegalBasis`, found by key with
:func:`legal_basis`), and :func:`scdl_record` writes the subsidy as open data,
one record of the SCDL « subventions » format, as CSV (:func:`scdl_csv`) or JSON
(:func:`scdl_json`). The SIRETs below are fictitious.

>>> reports.legal_basis("loi-68-1250-art-1").legifrance_id
'LEGIARTI000006528553'
>>> record = reports.scdl_record(DIJON_2022, funder_siret="12345678200002", beneficiary_siret="98765432400001",
...                              convention_signed_on="2022-11-01", eu_notified=False)
>>> record["montant"]
'195000.00'
"""

from ..rules._legal import LEGAL_BASES, LegalBasis, legal_basis
from ..words._format import format_date, format_money
from ..words._language import LANGUAGES, check_lang
from ._json_ready import json_ready
from ._render import assessment_html as to_html
from ._render import assessment_to_dict as to_dict
from ._render import explain, render
from ._scdl import scdl_csv, scdl_json, scdl_record
from ._statement_layout import statement_html, statement_markdown
from ._step_kind import StepKind
from ._trace import TraceStep, trace

__all__ = [
    "LANGUAGES",
    "LEGAL_BASES",
    "LegalBasis",
    "StepKind",
    "TraceStep",
    "check_lang",
    "explain",
    "format_date",
    "format_money",
    "json_ready",
    "legal_basis",
    "render",
    "scdl_csv",
    "scdl_json",
    "scdl_record",
    "statement_html",
    "statement_markdown",
    "to_dict",
    "to_html",
    "trace",
]
