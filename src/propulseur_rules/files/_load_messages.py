"""The messages of the loaders' common errors, in English and French, in one table.

The loaders build their English text with :func:`message`; the command line
gives the French one under ``--lang fr`` with :func:`in_french`, which reads a
whole error line (``contrats.csv:4: signed_on: '31/02/2023' is not a day of the
calendar``), keeps its file, line and column, and translates the reason. A
reason that no template matches stays in English.

>>> in_french("contrats.csv:4: Date de signature: '31/02/2023' is not a day of the calendar")
"contrats.csv:4: Date de signature: '31/02/2023' n'est pas un jour du calendrier"
"""

from __future__ import annotations

import functools
import re

__all__ = ["TEMPLATES", "in_french", "message"]

#: Each common error: its English and French templates; the values given are already quoted as shown.
TEMPLATES: dict[str, tuple[str, str]] = {
    # files
    "no_such_file": ("no such file", "fichier introuvable"),
    "is_folder": ("is a folder, not a file", "est un dossier, pas un fichier"),
    "permission": ("cannot be read: permission denied", "ne peut être lu : permission refusée"),
    "unreadable": ("cannot be read: {reason}", "ne peut être lu : {reason}"),
    "empty": ("is empty", "est vide"),
    "too_large": ("is larger than {size} MB", "dépasse {size} Mo"),
    # not a CSV export
    "workbook_as_csv": (
        "is a workbook (.xlsx or .ods), not CSV text: save it as CSV, or name it .xlsx",
        "est un classeur (.xlsx ou .ods), pas du texte CSV : enregistrez-le en CSV, ou nommez-le .xlsx",
    ),
    "bad_csv": ("is not valid CSV: {detail}", "n'est pas un CSV valide : {detail}"),
    "bad_workbook": ("is not an .xlsx workbook that can be read", "n'est pas un classeur .xlsx lisible"),
    "too_many_rows": ("has more than {limit} rows", "a plus de {limit} lignes"),
    "fields": (
        "has {count} fields where the header has {expected}",
        "a {count} champs là où l'en-tête en a {expected}",
    ),
    "not_utf8": (
        "is not UTF-8 text (byte {byte}); save it as UTF-8 (« CSV UTF-8 » in a spreadsheet)",
        "n'est pas du texte UTF-8 (octet {byte}) ; enregistrez-le en UTF-8 (« CSV UTF-8 » dans un tableur)",
    ),
    # columns
    "missing_column": (
        "the column {column} is missing (the columns are {columns})",
        "la colonne {column} manque (les colonnes sont {columns})",
    ),
    "twice_column": ("the column {column} is given twice", "la colonne {column} est donnée deux fois"),
    "unnamed_column": ("column {position} has no name", "la colonne {position} n'a pas de nom"),
    "unknown_column_hint": (
        "column {position}{named} is not a known column; did you mean {close}?",
        "la colonne {position}{named} n'est pas une colonne connue ; vouliez-vous dire {close} ?",
    ),
    "unknown_column": (
        "column {position} is not a known column; the columns are {columns}",
        "la colonne {position} n'est pas une colonne connue ; les colonnes sont {columns}",
    ),
    # values
    "not_a_day": ("{value} is not a day of the calendar", "{value} n'est pas un jour du calendrier"),
    "not_a_date": (
        "{value} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)",
        "{value} n'est pas une date (attendu : AAAA-MM-JJ ou JJ/MM/AAAA)",
    ),
    "not_an_amount": (
        "{value} is not an amount in euros (expected 50000.00 or 50 000,00)",
        "{value} n'est pas un montant en euros (attendu : 50000.00 ou 50 000,00)",
    ),
    # the wording of Startup's check of its sector (_model)
    "not_a_sector": (
        "{value} is not a sector; expected one of industry, health, other",
        "{value} n'est pas un secteur ; attendu : industry (industrie), health (santé) ou other (autre)",
    ),
    # documents (_financing and the documents' spreadsheet)
    "not_a_document_kind": (
        "{value} is not a kind of document; expected contract_copy, financial_statement or final_report",
        "{value} n'est pas une pièce connue ; attendu : copie du contrat (contract_copy), compte rendu financier "
        "(financial_statement) ou rapport final (final_report)",
    ),
    "not_a_document_kind_value": (
        "{value} is not a kind of document; expected one of contract_copy, financial_statement, final_report",
        "{value} n'est pas une pièce connue ; attendu : contract_copy, financial_statement ou final_report",
    ),
    "not_a_contract_of_convention": (
        "{value} is not a contract of this convention",
        "{value} n'est pas un contrat de cette convention",
    ),
    "no_such_programme_year": (
        "the convention has no programme year {year}; it has {count}",
        "la convention n'a pas d'année de programme {year} ; elle en a {count}",
    ),
    "before_financing_signed": (
        "{day} is before the financing convention was signed, {signed}",
        "{day} est antérieur à la signature de la convention de financement, le {signed}",
    ),
    # what a document covers, and the terms of the financing convention (_financing)
    "not_a_year_number": (
        "expected a programme year number (1, 2, …), not {value}",
        "attendu : un numéro d'année de programme (1, 2, …), pas {value}",
    ),
    "no_year_number": (
        "{value} is not a programme year number (1, 2, …)",
        "{value} n'est pas un numéro d'année de programme (1, 2, …)",
    ),
    "copy_covers_contract": (
        "a copy of a contract covers a contract reference, not {value}",
        "la copie d'un contrat porte sur la référence d'un contrat, pas sur {value}",
    ),
    "final_report_covers_all": (
        "the final report covers the whole convention, not {value}",
        "le rapport final porte sur toute la convention, pas sur {value}",
    ),
    "not_a_share": (
        "{value} is not a share between 0 and 1 (0 % to 100 %)",
        "{value} n'est pas une part entre 0 et 1 (0 % à 100 %)",
    ),
    "share_decimals": (
        "{value} has more than four decimals (a hundredth of a per cent)",
        "{value} a plus de quatre décimales (un centième de pour cent)",
    ),
    "not_a_delay": ("{value} is not a delay of 0 to {limit} months", "{value} n'est pas un délai de 0 à {limit} mois"),
    "used_twice": ("{value} is used twice (also {origin})", "{value} est utilisée deux fois (aussi {origin})"),
    # every bad row at once
    "rows_wrong": ("{count} rows are wrong: line {lines}", "{count} lignes sont erronées : ligne {lines}"),
    "and_more": ("; and {count} more", " ; et {count} de plus"),
}


def message(key: str, **values: object) -> str:
    """The English text of the error ``key`` with its ``values``.

    >>> message("missing_column", column="'signed_on'", columns="reference, signed_on")
    "the column 'signed_on' is missing (the columns are reference, signed_on)"
    """
    return TEMPLATES[key][0].format(**values)


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    found = []
    for key, (english, french) in TEMPLATES.items():
        if key in ("rows_wrong", "and_more"):
            continue
        parts = re.split(r"\{(\w+)\}", english)
        pattern = "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>.*?)" for index, part in enumerate(parts))
        found.append((re.compile(pattern, re.DOTALL), french))
    return tuple(found)


def _reason_in_french(reason: str) -> str | None:
    for pattern, french in _patterns():
        match = pattern.fullmatch(reason)
        if match is not None:
            return french.format(**match.groupdict())
    return None


_ROWS_WRONG = re.compile(r"(?P<count>\d+) rows are wrong: line (?P<lines>.*?)(?:; and (?P<more>\d+) more)?", re.DOTALL)


def in_french(text: str) -> str:
    """An error line with its reason in French when a template matches; else the line unchanged."""
    # The reason is the end of the line after one of its ": "; the file, line and column before it are kept.
    starts = [0] + [match.end() for match in re.finditer(": ", text)]
    for start in starts:
        rows = _ROWS_WRONG.fullmatch(text, start)
        if rows is not None:
            lines = "; ligne ".join(in_french(line) for line in rows["lines"].split("; line "))
            more = TEMPLATES["and_more"][1].format(count=rows["more"]) if rows["more"] else ""
            return text[:start] + TEMPLATES["rows_wrong"][1].format(count=rows["count"], lines=lines) + more
    for start in reversed(starts):
        french = _reason_in_french(text[start:])
        if french is not None:
            return text[:start] + french
    return text
