"""A scenario read from a stream (a service's request body, the command line's standard input), and the schema.

>>> import io
>>> read_request(io.BytesIO(b'\\xef\\xbb\\xbf{"name": "x"}'))
'{"name": "x"}'
>>> read_request(io.BytesIO(b'{"name": "caf\\xe9"}'))
Traceback (most recent call last):
...
propulseur_rules.words._errors.InvalidInput: <stdin>: is not UTF-8 text
"""

from __future__ import annotations

from importlib import resources
from typing import IO, Any

from ..words._errors import InvalidInput, kind_of
from ._load import MAX_FILE_BYTES

__all__ = ["STDIN", "read_request", "schema_text"]

#: How a scenario read from standard input is named in errors and reports.
STDIN = "<stdin>"


def read_request(stream: IO[Any]) -> str:
    """The text of a JSON request on ``stream``: UTF-8 like a scenario file (a BOM allowed), at most 10 MB.

    ``stream`` is binary, or a text stream with a binary ``buffer`` (``sys.stdin``);
    a text stream without one is read as text (a test's ``StringIO``).
    """
    binary = getattr(stream, "buffer", stream)
    if not callable(getattr(binary, "read", None)):
        raise InvalidInput("stream", "error.expected_stream", type=kind_of(stream))
    content = binary.read(MAX_FILE_BYTES + 1)
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    if not isinstance(content, bytes | bytearray):
        raise InvalidInput("stream", "error.expected_stream", type=kind_of(stream))
    if len(content) > MAX_FILE_BYTES:
        raise InvalidInput(STDIN, "error.too_large", size=str(MAX_FILE_BYTES // (1024 * 1024)))
    try:
        return str(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InvalidInput(STDIN, "error.not_utf8_text") from None


def schema_text() -> str:
    """The JSON Schema (draft 2020-12) of scenario files, as shipped in the package."""
    return resources.files("propulseur_rules").joinpath("data/scenario.schema.json").read_text("utf-8")
