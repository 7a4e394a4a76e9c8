"""Errors as RFC 9457 problem details, in the language of the request's ``Accept-Language``.

Each problem has the members of the RFC (``type``, ``title``, ``status``, ``detail``) and those of the
library's errors as data (:meth:`~propulseur_rules.InvalidInput.to_dict`): ``code``, the ``path`` of the
field as a list of keys and positions, the ``values`` of the sentence, the ``message`` with its path.

>>> problem(InvalidInput("contracts[0].signed_on", "error.not_a_day", value="'2023-02-30'"), 422, "fr")["detail"]
"'2023-02-30' n'est pas un jour du calendrier"
>>> language("fr-FR,fr;q=0.9,en;q=0.8"), language("de, en;q=0.5"), language(None), language("*")
('fr', 'en', 'en', 'en')
"""

from __future__ import annotations

from typing import Any

from ..words._catalogue import CATALOGUES, say
from ..words._errors import InvalidInput, PropulseurRulesError

__all__ = ["PROBLEM_MEDIA_TYPE", "TYPE_PREFIX", "language", "problem"]

#: The media type of a problem (RFC 9457, section 3).
PROBLEM_MEDIA_TYPE = "application/problem+json"

#: The ``type`` of a problem is this prefix and its code: a URI that names the kind of problem.
TYPE_PREFIX = "urn:propulseur-rules:problem:"

#: The title of a problem by its HTTP status: a key of the catalogue.
_TITLES = {
    400: "error.problem_bad_parameter",
    404: "error.problem_not_found",
    405: "error.problem_not_allowed",
    413: "error.problem_too_large",
    422: "error.problem_invalid",
    500: "error.problem_internal",
}

_DEFAULT = "en"


def language(accept: str | None) -> str:
    """The language of the catalogue the ``Accept-Language`` header prefers (RFC 9110, 12.5.4); English
    when it names none the library speaks."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept or "").split(",")):
        tag, _, parameters = item.strip().partition(";")
        quality = 1.0
        name, _, value = parameters.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in CATALOGUES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else _DEFAULT


def problem(error: PropulseurRulesError, status: int, lang: str) -> dict[str, Any]:
    """The problem details of ``error`` for a response of ``status``, said in ``lang``."""
    title = say(_TITLES.get(status, "error.problem_invalid"), lang)
    if isinstance(error, InvalidInput):
        data = error.to_dict(lang)
        return {
            "type": TYPE_PREFIX + error.code,
            "title": title,
            "status": status,
            "detail": data["reason"],
            "code": error.code,
            "path": data["parts"],
            "values": data["values"],
            "message": data["message"],
        }
    message = error.message(lang)
    return {
        "type": TYPE_PREFIX + "error",
        "title": title,
        "status": status,
        "detail": message,
        "code": "error",
        "path": [],
        "values": {},
        "message": message,
    }
