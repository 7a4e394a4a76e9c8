"""The prefix of a schema's references and the stream of a request, refused by name when they are not what the
functions take, instead of failing with Python's own error."""

from __future__ import annotations

import io

import pytest

from propulseur_rules import InvalidInput
from propulseur_rules.files import assessment_schema, read_request, scenario_schema


@pytest.mark.parametrize("schema", [scenario_schema, assessment_schema])
@pytest.mark.parametrize(("defs_at", "kind"), [(None, "null"), (5, "a whole number")])
def test_a_prefix_that_is_not_text_is_refused(schema: object, defs_at: object, kind: str) -> None:
    # Failed before: AttributeError ('NoneType' / 'int' object has no attribute 'rsplit').
    with pytest.raises(InvalidInput) as caught:
        schema(defs_at=defs_at)  # type: ignore[operator]

    assert caught.value.message("en") == f"defs_at: expected the prefix of the references as text, not {kind}"


@pytest.mark.parametrize("defs_at", ["", "#", "components/schemas/Scenario.", "#/components/schemas/Scenario"])
def test_a_prefix_that_would_point_nowhere_is_refused(defs_at: str) -> None:
    # Failed before for "": every reference became "date", "money"…, pointing nowhere.
    with pytest.raises(InvalidInput) as caught:
        scenario_schema(defs_at=defs_at)

    assert caught.value.path == "defs_at"
    assert caught.value.message("fr").startswith(f"defs_at: {defs_at!r} n'est pas un préfixe de références")


@pytest.mark.parametrize("defs_at", ["#/components/schemas/Scenario.", "#/definitions/"])
def test_a_prefix_as_described_places_every_reference_under_it(defs_at: str) -> None:
    embedded = scenario_schema(defs_at=defs_at)

    assert embedded["properties"]["as_of"]["$ref"] == defs_at + "date"


@pytest.mark.parametrize(("stream", "kind"), [(None, "null"), ("abc", "text"), (5, "a whole number")])
def test_what_is_not_a_stream_is_refused_by_name(stream: object, kind: str) -> None:
    # Failed before: AttributeError ('NoneType' / 'str' object has no attribute 'read').
    with pytest.raises(InvalidInput) as caught:
        read_request(stream)  # type: ignore[arg-type]

    assert caught.value.path == "stream"
    assert caught.value.message("en").endswith(f", not {kind}")


def test_a_stream_that_reads_neither_bytes_nor_text_is_refused_by_name() -> None:
    class Numbers(io.RawIOBase):
        def read(self, size: int = -1) -> int:  # type: ignore[override]
            return 5

    with pytest.raises(InvalidInput, match=r"^stream: expected a stream"):
        read_request(Numbers())
