"""The limits on the work of one request, enforced before the work: the body's size before it is parsed,
the counts of contracts, payments and documents right after, before any value is built.

>>> limits = Limits(max_contracts=2)
>>> check_counts({"contracts": [{}, {}, {}]}, limits)
Traceback (most recent call last):
...
propulseur_rules.words._errors.InvalidInput: contracts: holds 3 items, more than the 2 a request may send
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping

import attrs

from ..words._errors import InvalidInput

__all__ = ["COUNTED", "BodyTooLarge", "Limits", "check_counts", "read_body"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise InvalidInput(attribute.name, "error.not_positive_whole_number", value=repr(value))


@attrs.frozen(kw_only=True)
class Limits:
    """How much one request may ask of the service; each limit is enforced before the work it bounds.

    The defaults keep one request under about a second of work and a few megabytes of memory on a
    small machine, for a convention of three programme years: a scenario of the Dijon 2022 convention
    has at most nine contracts funded, and a thousand of each kind leaves room for every one applied for.
    """

    #: The largest body, in bytes, read at all: a larger one is refused before it is parsed (413).
    max_body_bytes: int = attrs.field(default=1024 * 1024, validator=_positive)
    #: The most contracts, payments and documents a scenario may list: more are refused (422) before
    #: any value is built.
    max_contracts: int = attrs.field(default=1000, validator=_positive)
    max_payments: int = attrs.field(default=1000, validator=_positive)
    max_documents: int = attrs.field(default=1000, validator=_positive)

    @classmethod
    def from_environment(cls, environment: Mapping[str, str] | None = None) -> Limits:
        """The limits set by ``PROPULSEUR_MAX_BODY_BYTES``, ``PROPULSEUR_MAX_CONTRACTS``,
        ``PROPULSEUR_MAX_PAYMENTS`` and ``PROPULSEUR_MAX_DOCUMENTS``; the default for each one unset.

        >>> Limits.from_environment({"PROPULSEUR_MAX_CONTRACTS": "50"}).max_contracts
        50
        """
        found = os.environ if environment is None else environment
        values: dict[str, int] = {}
        for field in attrs.fields(cls):
            name = f"PROPULSEUR_{field.name.upper()}"
            if name in found:
                text = found[name].strip()
                if not text.isascii() or not text.isdigit():
                    raise InvalidInput(name, "error.not_positive_whole_number", value=repr(text[:20]))
                values[field.name] = int(text)
        return cls(**values)


class BodyTooLarge(InvalidInput):
    """A body larger than the limit, refused before it is parsed (HTTP 413)."""


async def read_body(chunks: AsyncIterator[bytes], declared: str | None, limits: Limits) -> bytes:
    """The body of a request, read chunk by chunk and refused as soon as it passes ``limits.max_body_bytes``;
    a ``Content-Length`` that ``declared`` larger is refused before a byte is read."""
    limit = limits.max_body_bytes
    if declared is not None and declared.strip().isdigit() and int(declared) > limit:
        raise BodyTooLarge("", "error.body_too_large", limit=str(limit))
    body = bytearray()
    async for chunk in chunks:
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge("", "error.body_too_large", limit=str(limit))
    return bytes(body)


#: The lists of a scenario the limits count, and the limit of each.
#: What a request may list, each with the field of :class:`Limits` that bounds it.
COUNTED = {"contracts": "max_contracts", "payments": "max_payments", "documents": "max_documents"}


def check_counts(data: object, limits: Limits) -> None:
    """Refuse a parsed scenario that lists more contracts, payments or documents than ``limits`` allow."""
    if not isinstance(data, dict):
        return  # the loader says what is wrong with it
    for key, limit_name in COUNTED.items():
        items = data.get(key)
        limit = getattr(limits, limit_name)
        if isinstance(items, list) and len(items) > limit:
            raise InvalidInput(key, "error.too_many_items", count=str(len(items)), limit=str(limit))
