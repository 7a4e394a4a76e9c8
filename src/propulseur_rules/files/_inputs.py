"""Where each input of a report came from: a scenario file, a file or option of the command line, the example.

A report built from several places (a scenario file, a contracts CSV given with
``--contracts``, a date given with ``--as-of``) says so in an "Inputs" block
(text and Markdown) or an ``"inputs"`` object (JSON), so that no figure can rest
on a fact the reader did not know was used.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from ..rules._warnings import PostalCodeWarning, postal_code_warnings
from ..words._catalogue import say
from ._sheet_table import Notice

__all__ = ["Inputs", "Origin", "PostalCodeWarning", "Source", "postal_code_warnings"]


class Origin(enum.Enum):
    """The kinds of place an input can come from."""

    EXAMPLE = "example"  # the built-in example
    PRESET = "preset"  # a convention shipped in the package, by its preset name
    SCENARIO = "scenario"  # a scenario file (or one read from standard input)
    FILE = "file"  # a file named by a command-line option
    OPTION = "option"  # the value of a command-line option
    NONE = "none"  # explicitly nothing (no payment, no authorisation, no financing terms)
    ASSUMED = "assumed"  # assumed by the library: the terms of the financing convention, not published


@attrs.frozen(kw_only=True)
class Source:
    """One input's origin: its kind, and the file, option or preset that gave it."""

    origin: Origin
    name: str | None = None
    file: str | None = None
    option: str | None = None
    encoding: str | None = None  # the encoding a CSV file was read in
    sheet: str | None = None  # the sheet of a workbook that was read

    def to_dict(self) -> dict[str, str]:
        data = {"source": self.origin.value}
        for key, value in (
            ("name", self.name),
            ("file", self.file),
            ("option", self.option),
            ("encoding", self.encoding),
            ("sheet", self.sheet),
        ):
            if value is not None:
                data[key] = value
        return data

    def text(self, lang: str, *, nothing: str) -> str:
        """The origin in words; ``nothing`` is what :attr:`Origin.NONE` means for this input."""
        if self.origin is Origin.NONE:
            return nothing if self.option is None else f"{nothing} ({self.option})"
        if self.origin is Origin.ASSUMED and self.option is None:
            return say("inputs.origin.library", lang)
        if self.origin is Origin.SCENARIO and self.file == _STDIN:
            return say("inputs.origin.stdin", lang)
        read = "" if self.encoding is None else say("inputs.origin.read_as", lang, encoding=self.encoding)
        if self.sheet is not None:
            read += say("inputs.origin.sheet", lang, sheet=self.sheet)
        return say(
            "inputs.origin." + self.origin.value, lang, name=self.name, file=self.file, option=self.option, read=read
        )


_STDIN = "<stdin>"


#: Each input by its key in JSON, labelled ``inputs.label.`` + its key; what "none" means for it is
#: ``inputs.none.`` + its key.
_FIELDS = (
    "convention",
    "contracts",
    "payments",
    "as_of",
    "regional_authorisation_on",
    # The financing convention (C3's « modalités »): shown when the scenario has terms or an option names them.
    "financing",
    "financing_signed_on",
    "documents",
)


@attrs.frozen(kw_only=True)
class Inputs:
    """The origin of each input of a report; ``as_of`` is ``None`` for a report that has no date (a schedule)."""

    convention: Source
    contracts: Source
    payments: Source
    as_of: Source | None
    regional_authorisation_on: Source
    #: Where the financing terms, the day the financing convention was signed and the documents
    #: came from; ``None``: not reported (a scenario without financing terms, as before they existed).
    financing: Source | None = None
    financing_signed_on: Source | None = None
    documents: Source | None = None
    #: C3 « modalités »: where each term of the financing convention came from, by its name in
    #: ``FinancingTerms``; a term no scenario or option gave is assumed by the library.
    terms: tuple[tuple[str, Source], ...] = ()
    warnings: tuple[PostalCodeWarning, ...] = ()
    #: What a person should know of how the files were read: the header found below a title, the columns
    #: and totals left out of a sheet.
    notices: tuple[Notice, ...] = ()

    @property
    def fictitious(self) -> bool:
        """Whether any fact of the case was invented for the built-in example."""
        return any(source.origin is Origin.EXAMPLE for _, source in self._items())

    @property
    def assumed_terms(self) -> tuple[str, ...]:
        """The terms of the financing convention assumed rather than given (C3 « modalités »)."""
        return tuple(term for term, source in self.terms if source.origin is Origin.ASSUMED)

    @property
    def terms_assumed(self) -> bool:
        """Whether any term of the financing convention is assumed rather than given (C3 « modalités »)."""
        return bool(self.assumed_terms)

    @classmethod
    def _alike(cls, convention: Source, facts: Source) -> Inputs:
        """The convention from ``convention``, every fact and the financing convention from ``facts``."""
        return cls(
            convention=convention,
            contracts=facts,
            payments=facts,
            as_of=facts,
            regional_authorisation_on=facts,
            financing=facts,
            financing_signed_on=facts,
            documents=facts,
        )

    @classmethod
    def of_example(cls) -> Inputs:
        return cls._alike(Source(origin=Origin.PRESET, name="dijon-2022"), Source(origin=Origin.EXAMPLE))

    @classmethod
    def of_scenario(cls, file: str) -> Inputs:
        scenario = Source(origin=Origin.SCENARIO, file=file)
        return cls._alike(scenario, scenario)

    @classmethod
    def of_own_files(cls) -> Inputs:
        """The origins of a case told by the user's own files and options alone, before they are named.

        Nothing is lent from the example: a fact no option gives is none.
        """
        return cls._alike(Source(origin=Origin.PRESET, name="dijon-2022"), Source(origin=Origin.NONE))

    def without_financing(self) -> Inputs:
        """The same origins without the lines of the financing convention: for a scenario that has none."""
        return attrs.evolve(self, financing=None, financing_signed_on=None, documents=None, terms=())

    def _items(self) -> list[tuple[str, Source]]:
        found = []
        for key in _FIELDS:
            source = getattr(self, key)
            if source is not None:
                found.append((key, source))
        return found

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """JSON-ready data: ``{"contracts": {"source": "file", "file": "my.csv", "option": "--contracts"}, ...}``.

        A ``"warnings"`` list follows when there is any, each message in ``lang``.
        """
        data: dict[str, Any] = {"fictitious_example": self.fictitious}
        data.update({key: source.to_dict() for key, source in self._items()})
        if self.terms:
            data["financing_terms"] = {term: source.to_dict() for term, source in self.terms}
        if self.warnings:
            data["warnings"] = [warning.to_dict(lang) for warning in self.warnings]
        if self.notices:
            data["notices"] = [notice.said(lang) for notice in self.notices]
        return data

    def rows(self, lang: str = "en") -> list[tuple[str, str]]:
        """Each input's label and origin in words, each term of the financing convention indented under
        the terms, then the warnings and the notices of how the files were read."""
        rows = []
        for key, source in self._items():
            rows.append((say("inputs.label." + key, lang), source.text(lang, nothing=say("inputs.none." + key, lang))))
            if key == "financing":
                rows += [
                    ("  " + say("inputs.term." + term, lang), term_source.text(lang, nothing=""))
                    for term, term_source in self.terms
                ]
        rows += [(say("inputs.warning", lang), warning.text(lang)) for warning in self.warnings]
        rows += [(say("inputs.notice", lang), notice.said(lang)) for notice in self.notices]
        return rows

    def table(self, bases: dict[str, str], lang: str = "en") -> list[list[Any]]:
        """The « Hypothèses et sources » table of a spreadsheet: a fictitious example said so, each input
        with its origin, then the payable by what it rests on (``bases``, as ``payable_bases`` gives it)."""
        table: list[list[Any]] = [[say("export.sheet.sources", lang), say("inputs.column.source", lang)]]
        if self.fictitious:
            table.append([say("inputs.fictitious", lang), ""])
        table += [[label.strip(), text] for label, text in self.rows(lang)]
        table += [[say("inputs.basis." + basis, lang), Decimal(amount)] for basis, amount in bases.items()]
        return table

    def render(self, lang: str = "en", *, markdown: bool = False) -> str:
        """The "Inputs" block of a report, to follow its last line."""
        rows = self.rows(lang)
        heading = say("inputs.heading", lang)
        notice = say("inputs.fictitious", lang) if self.fictitious else ""
        if markdown:
            colon = say("punctuation.colon", lang)
            lead = f"**{_escaped(notice)}**\n\n" if notice else ""
            listed = "".join(
                f"{label[: -len(label.lstrip())]}- {label.strip()}{colon} {_escaped(text)}\n" for label, text in rows
            )
            return f"\n## {heading}\n\n{lead}" + listed
        lead = f"  {notice}\n" if notice else ""
        return f"\n{heading}\n{lead}" + "".join(f"  {label:<16}{text}\n" for label, text in rows)


def _escaped(text: str) -> str:
    """Markdown that cannot open an HTML tag, as the reports write a name or a reference."""
    return text.replace("&", "&amp;").replace("<", "&lt;")
