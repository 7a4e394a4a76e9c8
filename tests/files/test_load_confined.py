"""Scenarios from text and from data: no file read without a base folder, none outside it, no content echoed."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from propulseur_rules import InvalidInput, load_scenario
from propulseur_rules.files import loads_scenario, scenario_from_data
from propulseur_rules.files._load_files import _read_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SECRET = "TOP-SECRET-LINE"
CONTRACTS = (
    "reference,startup,head_office,sector,signed_on\n"
    "IN-1,Alpha,21231,industry,2022-11-15\n"  # the one file a scenario may name
)
OUTSIDE = (
    "reference,startup,head_office,sector,signed_on\n"
    "OUT-1,Leak,21231,industry,2022-11-15\n"  # a well-formed CSV a service must never read
)


def request(**extra: object) -> dict[str, object]:
    return {"name": "A request to a service.", "as_of": "2023-01-01", "convention": "dijon-2022", **extra}


def make_tree(root: Path) -> Path:
    """root/secret.csv (outside), root/base/contracts.csv, notes.txt, sub/, and links out and in."""
    base = root / "base"
    (base / "sub").mkdir(parents=True)
    (root / "secret.csv").write_text(OUTSIDE, encoding="utf-8")
    (root / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    (base / "contracts.csv").write_text(CONTRACTS, encoding="utf-8")
    (base / "notes.txt").write_text(SECRET + "\n", encoding="utf-8")
    (base / "link-out.csv").symlink_to(root / "secret.csv")
    (base / "sub" / "link-in.csv").symlink_to(base / "contracts.csv")
    (base / "dir-out").symlink_to(root, target_is_directory=True)
    return base


@pytest.fixture(scope="module")
def tree() -> Iterator[tuple[Path, Path]]:
    """The folders of every test here, built once and only read: no test writes in them."""
    root = Path(tempfile.mkdtemp())
    try:
        yield root, make_tree(root)
    finally:
        shutil.rmtree(root)


def refused(data: dict[str, object], base: Path | None, root: Path) -> str:
    with pytest.raises(InvalidInput) as caught:
        scenario_from_data(data, base_dir=base)
    message = str(caught.value)
    assert SECRET.lower() not in message.lower()
    assert "OUT-1" not in message
    assert str(root) not in message
    return message


# --- from text -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dijon-2022-request.json", "dijon-2022.toml"])
def test_loads_scenario_reads_the_text_of_a_file_alike(name: str) -> None:
    path = EXAMPLES / name
    kind = path.suffix.lstrip(".")

    assert loads_scenario(path.read_text("utf-8"), kind) == load_scenario(path)
    assert loads_scenario(path.read_text("utf-8"), kind.upper()) == load_scenario(path)


def test_an_error_in_text_names_the_field_and_no_file() -> None:
    body = json.dumps(request(as_of="2023-02-30"))

    with pytest.raises(InvalidInput) as caught:
        loads_scenario(body, "json")

    assert str(caught.value) == "as_of: '2023-02-30' is not a day of the calendar"


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        (b"{}", "json", "text: expected the text of a scenario, not binary data"),
        ("{}", "yaml", "format: 'yaml' is not a scenario format; expected toml or json"),
        ("{}", None, "format: None is not a scenario format; expected toml or json"),
    ],
)
def test_loads_scenario_refuses_what_is_not_a_scenario_text(text: object, kind: object, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        loads_scenario(text, kind)  # type: ignore[arg-type]

    assert str(caught.value) == message


# --- no file without a base folder --------------------------------------------------------------


def test_without_a_base_folder_no_file_is_opened(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_file(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was opened")

    monkeypatch.setattr(Path, "open", no_file)
    monkeypatch.setattr("builtins.open", no_file)

    for name in ("contracts.csv", "../secret.csv", "/etc/passwd"):
        with pytest.raises(InvalidInput, match="can only be named by a scenario read from a file or given a base_dir"):
            scenario_from_data(request(contracts_csv=name))
        with pytest.raises(InvalidInput, match="can only be named"):
            loads_scenario(json.dumps(request(contracts_csv=name)), "json")


# --- within the base folder only ------------------------------------------------------------------


def test_a_file_within_the_base_folder_is_read(tree: tuple[Path, Path]) -> None:
    _, base = tree

    for name in ("contracts.csv", "./contracts.csv", "sub/link-in.csv", "sub/./link-in.csv"):
        scenario = scenario_from_data(request(contracts_csv=name), base_dir=base)
        assert [contract.reference for contract in scenario.contracts] == ["IN-1"]
    assert scenario_from_data(request(contracts_csv="contracts.csv"), base_dir=str(base)).contracts


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../secret.csv", "'..' is not allowed"),
        ("sub/../../secret.csv", "'..' is not allowed"),
        ("sub\\..\\..\\secret.csv", "'..' is not allowed"),
        ("/etc/passwd", "not an absolute one"),
        ("\\\\server\\share\\secret.csv", "not an absolute one"),
        ("C:\\secret.csv", "not an absolute one"),
        ("c:secret.csv", "not an absolute one"),
        ("link-out.csv", "a symbolic link may not lead out"),
        ("dir-out/secret.csv", "a symbolic link may not lead out"),
        (".", "must name a file within the base folder"),
        ("sub/\x00.csv", "control character"),
    ],
)
def test_a_file_outside_the_base_folder_is_refused(tree: tuple[Path, Path], name: str, reason: str) -> None:
    root, base = tree

    message = refused(request(contracts_csv=name), base, root)

    assert message.startswith("contracts_csv: ")
    assert reason in message


def test_an_absolute_path_into_the_base_folder_is_refused_all_the_same(tree: tuple[Path, Path]) -> None:
    root, base = tree

    assert "not an absolute one" in refused(request(contracts_csv=str(base / "contracts.csv")), base, root)


def test_a_file_that_is_not_a_csv_export_is_not_echoed(tree: tuple[Path, Path]) -> None:
    root, base = tree

    message = refused(request(contracts_csv="notes.txt"), base, root)

    assert message.startswith("notes.txt:1: column 1 is not a known column")


def test_a_missing_file_is_named_as_the_scenario_names_it(tree: tuple[Path, Path]) -> None:
    root, base = tree

    assert refused(request(contracts_csv="sub/none.csv"), base, root) == "sub/none.csv: no such file"


@pytest.mark.parametrize("base_dir", ["does-not-exist", "contracts.csv", 3])
def test_a_base_folder_that_is_not_one_is_refused_without_being_named(
    tree: tuple[Path, Path], base_dir: object
) -> None:
    root, base = tree
    folder = base / base_dir if isinstance(base_dir, str) else base_dir

    with pytest.raises(InvalidInput) as caught:
        scenario_from_data(request(), base_dir=folder)  # type: ignore[arg-type]

    assert str(caught.value).startswith("base_dir: ")
    assert str(root) not in str(caught.value)


# --- fuzzing the path strings -------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "..",
        ".",
        "",
        "sub",
        "contracts.csv",
        "secret.csv",
        "link-out.csv",
        "dir-out",
        "base",
        "~",
        "C:",
        "\\\\",
        "%2e%2e",
    ]
)
_SEPARATORS = st.sampled_from(["/", "\\", "//", "/./"])


@st.composite
def path_strings(draw: st.DrawFn) -> str:
    """Paths built from the pieces that lead out of a folder, or any text at all."""
    if draw(st.booleans()):
        return draw(st.text(max_size=40))
    pieces = draw(st.lists(_PIECES, min_size=1, max_size=6))
    separators = [draw(_SEPARATORS) for _ in pieces]
    lead = draw(st.sampled_from(["", "/", "\\", "./", "C:\\", "file:"]))
    return lead + "".join(piece + separator for piece, separator in zip(pieces, separators, strict=True)).rstrip("/\\")


@given(path_strings())
@example("../secret.csv")
@example("dir-out/secret.csv")
@example("sub/../../secret.txt")
@example("link-out.csv")
@example("dir-out/base/../secret.csv")
def test_no_path_string_reads_a_file_outside_the_base_folder(tree: tuple[Path, Path], name: str) -> None:
    root, base = tree  # read only: the same tree serves every example

    try:
        scenario = scenario_from_data(request(contracts_csv=name), base_dir=base)
    except InvalidInput as error:
        message = str(error)
        assert SECRET.lower() not in message.lower()
        assert "OUT-1" not in message
        assert str(root) not in message
    else:
        assert [contract.reference for contract in scenario.contracts] == ["IN-1"]


# --- only regular files with a single link -----------------------------------------------------------


def special_tree(root: Path) -> Path:
    """root/secret.csv (outside) and root/base/ with a named pipe, a socket and a hard link to the secret."""
    base = root / "base"
    base.mkdir()
    (root / "secret.csv").write_text(OUTSIDE, encoding="utf-8")
    (base / "contracts.csv").write_text(CONTRACTS, encoding="utf-8")
    os.mkfifo(base / "pipe.csv")
    os.link(root / "secret.csv", base / "hard.csv")
    return base


@pytest.fixture
def special(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    base = special_tree(tmp_path)
    # A socket's path is limited to about a hundred bytes: bound from within the folder, by a relative name.
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.chdir(base):
        listening.bind("socket.csv")
    try:
        yield tmp_path, base
    finally:
        listening.close()


def no_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any open fails the test at once: a named pipe opened to be read would wait for a writer forever."""

    def refused_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file was opened")

    monkeypatch.setattr(os, "open", refused_open)
    monkeypatch.setattr(Path, "open", refused_open)
    monkeypatch.setattr("builtins.open", refused_open)


@pytest.mark.parametrize("name", ["pipe.csv", "socket.csv", "./pipe.csv"])
@pytest.mark.parametrize("key", ["contracts_csv", "documents"])
def test_a_pipe_or_a_socket_is_refused_before_it_is_opened(
    special: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, name: str, key: str
) -> None:
    root, base = special
    no_open(monkeypatch)

    message = refused(request(**{key: name}), base, root)

    assert message == f"{key}: must name a regular file within the base folder, not a named pipe, socket or device"


def test_a_pipe_is_refused_in_the_text_of_a_request_too(
    special: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, base = special
    no_open(monkeypatch)

    with pytest.raises(InvalidInput) as caught:
        loads_scenario(json.dumps(request(contracts_csv="pipe.csv")), "json", base_dir=base)

    assert caught.value.path == "contracts_csv"
    assert caught.value.key == "error.not_a_regular_file"
    assert "tube nommé" in caught.value.message("fr")


@pytest.mark.slow
def test_a_pipe_never_holds_a_real_load(special: tuple[Path, Path]) -> None:
    """The same load in a process of its own, with nothing patched: it ends, refused, instead of waiting.

    The read is tried on the pipe too, as if it had replaced a checked file before it was opened.
    """
    _, base = special
    code = (
        "import pathlib, sys\n"
        "from propulseur_rules import InvalidInput\n"
        "from propulseur_rules.files import scenario_from_data\n"
        "from propulseur_rules.files._load_files import _read_bytes\n"
        "data = {'name': 'x', 'as_of': '2023-01-01', 'convention': 'dijon-2022', 'contracts_csv': 'pipe.csv'}\n"
        "for load in (lambda: scenario_from_data(data, base_dir=sys.argv[1]),\n"
        "             lambda: _read_bytes(pathlib.Path(sys.argv[1], 'pipe.csv'), 'pipe.csv', confined=True)):\n"
        "    try:\n"
        "        load()\n"
        "    except InvalidInput as error:\n"
        "        print(error.path, error.key)\n"
    )

    # The timeout only ends a load that waits: a refusal takes the time of an import.
    done = subprocess.run(
        [sys.executable, "-c", code, str(base)], capture_output=True, text=True, timeout=120, check=True
    )

    assert done.stdout == "contracts_csv error.not_a_regular_file\npipe.csv error.not_a_regular_file\n"


def test_a_hard_link_is_refused_when_confined(special: tuple[Path, Path]) -> None:
    root, base = special

    message = refused(request(contracts_csv="hard.csv"), base, root)

    assert message == (
        "contracts_csv: must name a file with a single link: "
        "a file with hard links may also lie outside the base folder"
    )


def test_a_file_whose_other_link_is_inside_is_refused_all_the_same(special: tuple[Path, Path]) -> None:
    root, base = special
    os.link(base / "contracts.csv", base / "again.csv")

    for name in ("contracts.csv", "again.csv"):  # two names, one file: which one is the real one cannot be told
        assert refused(request(contracts_csv=name), base, root).startswith("contracts_csv: must name a file with")


def test_the_file_opened_is_checked_again(special: tuple[Path, Path]) -> None:
    """A hard link made after the file was checked is refused as it is opened (a pipe: in its own process above)."""
    _, base = special

    with pytest.raises(InvalidInput) as caught:
        _read_bytes(base / "hard.csv", "hard.csv", confined=True)

    assert (caught.value.path, caught.value.key) == ("hard.csv", "error.hard_linked_file")


def test_a_file_the_user_names_may_have_hard_links(special: tuple[Path, Path]) -> None:
    """Outside a base folder the user names the files himself: a hard link is his to make."""
    _, base = special

    assert _read_bytes(base / "hard.csv", "hard.csv") == OUTSIDE.encode("utf-8")


# --- a key given twice --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "message"),
    [
        (
            '{"name": "x", "as_of": "2023-01-01", "convention": "dijon-2022", "as_of": "2025-07-01"}',
            "json",
            "as_of: is given twice in the same object",
        ),
        (
            'name = "x"\nas_of = 2023-01-01\nconvention = "dijon-2022"\nas_of = 2025-07-01\n',
            "toml",
            "is not valid TOML: Cannot overwrite a value (at line 4, column 19)",
        ),
    ],
)
def test_a_key_given_twice_in_the_raw_body_is_refused(text: str, kind: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        loads_scenario(text, kind)

    assert str(caught.value) == message


def test_parsed_data_cannot_tell_a_key_given_twice() -> None:
    """Why a service reads the raw body with loads_scenario: once parsed, the first as_of is gone."""
    body = '{"name": "x", "as_of": "2023-01-01", "convention": "dijon-2022", "as_of": "2025-07-01"}'

    assert scenario_from_data(json.loads(body)).as_of == dt.date(2025, 7, 1)
