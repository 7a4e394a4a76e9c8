"""Reading the files a user names: within a size limit, as text, and for a service only within its folder.

The one place where the loaders touch the file system. An error names the file
as the user wrote it, never a folder it was resolved against.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..words._errors import InvalidInput, kind_of

__all__ = ["MAX_FILE_BYTES"]

#: Files larger than this are refused before they are parsed.
MAX_FILE_BYTES = 10 * 1024 * 1024


class _FileError(InvalidInput):
    """An error whose path already names its file (and line): not prefixed again."""

    def plain(self) -> InvalidInput:
        """The same error as a plain :class:`InvalidInput`, as the public functions raise it."""
        return self.at(self.path)


def _in_file(shown: str, error: InvalidInput) -> _FileError:
    if not error.path:
        return _FileError(shown, error.key, **error.values)
    return _FileError(f"{shown}: {error.path}", error.key, **error.values)


def _file_path(path: object) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise InvalidInput("path", "error.expected_file_path", type=kind_of(path))
    try:
        return Path(path)
    except (TypeError, ValueError) as error:
        raise InvalidInput("path", "error.not_a_file_path", detail=str(error)) from None


#: How every file is opened: for reading, and on Windows as bytes, not text.
_READ = os.O_RDONLY | getattr(os, "O_BINARY", 0)
#: How a confined file is also opened: without waiting (a named pipe with no writer would hold
#: ``open`` forever) and with no symbolic link put in the place of the file checked, where the system has these.
_CONFINED = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def _read_bytes(file: Path, shown: str, *, confined: bool = False) -> bytes:
    """The content of a file, within the size limit.

    ``confined`` (a file a request named within its base folder, see
    :func:`_confined`): only a regular file with a single link is read, and the
    file opened is checked again, in case it changed after :func:`_confined`
    checked it. A file the user names himself may be a pipe: it is read as it comes.
    """
    try:
        descriptor = os.open(file, _READ | (_CONFINED if confined else 0))
    except FileNotFoundError:
        raise _FileError(shown, "error.no_such_file") from None
    except IsADirectoryError:
        raise _FileError(shown, "error.is_folder") from None
    except PermissionError:
        raise _FileError(shown, "error.permission") from None
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise _FileError(shown, "error.unreadable", reason=reason) from None
    try:
        _check_opened(os.fstat(descriptor), shown, confined=confined)
        content = _read_up_to(descriptor, MAX_FILE_BYTES + 1, shown)
    finally:
        os.close(descriptor)
    if len(content) > MAX_FILE_BYTES:
        raise _FileError(shown, "error.too_large", size=str(MAX_FILE_BYTES // (1024 * 1024)))
    return content


def _read_up_to(descriptor: int, limit: int, shown: str) -> bytes:
    """At most ``limit`` bytes from an open file, read until its end."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        try:
            chunk = os.read(descriptor, min(limit - size, 1024 * 1024))
        except OSError as error:
            raise _FileError(shown, "error.unreadable", reason=error.strerror or str(error)) from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _check_opened(status: os.stat_result, shown: str, *, confined: bool) -> None:
    """Refuse a folder, and for a confined read what :func:`_confined` refuses, as the file opened is."""
    if stat.S_ISDIR(status.st_mode):
        raise _FileError(shown, "error.is_folder")
    if not confined:
        return
    if not stat.S_ISREG(status.st_mode):
        raise _FileError(shown, "error.not_a_regular_file")
    if status.st_nlink > 1:
        raise _FileError(shown, "error.hard_linked_file")


def _read_text(file: Path, shown: str) -> str:
    """The UTF-8 text of a file (a byte order mark is dropped), within the size limit."""
    content = _read_bytes(file, shown)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise _FileError(f"{shown}:{line}", "error.not_utf8", byte=f"0x{content[error.start]:02x}") from None
    if not text.strip():
        raise _FileError(shown, "error.empty")
    return text


#: The encodings a spreadsheet export is read in, in this order, with the name a report gives each.
#: Windows-1252 is what Excel writes for « CSV (séparateur : point-virgule) » on a French
#: Windows; Latin-1 reads the five bytes Windows-1252 leaves undefined.
SPREADSHEET_ENCODINGS = (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))
_ZIP_SIGNATURE = b"PK\x03\x04"


def _read_spreadsheet_text(file: Path, shown: str, *, confined: bool = False) -> tuple[str, str]:
    """The text of a CSV export and the name of the encoding it was read in (see :data:`SPREADSHEET_ENCODINGS`)."""
    content = _read_bytes(file, shown, confined=confined)
    if content.startswith(_ZIP_SIGNATURE):
        raise _FileError(shown, "error.workbook_as_csv")
    for codec, name in SPREADSHEET_ENCODINGS:
        try:
            text = content.decode(codec)
        except UnicodeDecodeError:
            continue
        if not text.strip():
            raise _FileError(shown, "error.empty")
        return text, name
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


# --- files named by a scenario ------------------------------------------------------------

_WINDOWS_DRIVE = re.compile(r"[A-Za-z]:", re.ASCII)


def _base_folder(base_dir: object) -> Path | None:
    """The folder a scenario's files are confined to, resolved; never named in an error."""
    if base_dir is None:
        return None
    if not isinstance(base_dir, (str, os.PathLike)):
        raise InvalidInput("base_dir", "error.expected_folder_path", type=kind_of(base_dir))
    try:
        folder = Path(base_dir).resolve(strict=True)
        is_folder = folder.is_dir()
    except (OSError, RuntimeError, ValueError, TypeError):
        is_folder = False
    if not is_folder:
        raise InvalidInput("base_dir", "error.not_a_folder")
    return folder


def _confined(base: Path, name: str, path: str) -> Path:
    """The file ``name`` within ``base``: a relative path with no ``..`` that resolves inside ``base``.

    The name is checked as text first (on every system: ``/``, ``\\``, a drive
    letter), then resolved, so that a symbolic link leading out is refused too.
    What it names must then be a regular file with a single link, checked before
    it is opened: a named pipe, a socket or a device could hold the read forever
    or never end, and a hard link may be the same file as one outside ``base``.
    A file that does not exist is left to the read, which says so.
    """
    parts = re.split(r"[/\\]", name)
    if name.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(name) or os.path.isabs(name):
        raise InvalidInput(path, "error.absolute_path")
    if ".." in (part.strip() for part in parts):
        raise InvalidInput(path, "error.path_leaves_folder")
    if any(ord(character) < 32 or ord(character) == 127 for character in name):
        raise InvalidInput(path, "error.control_in_file_name")
    try:
        file = (base / name).resolve(strict=False)
        inside = file.is_relative_to(base) and file != base
    except (OSError, RuntimeError, ValueError):
        inside = False
    if not inside:
        raise InvalidInput(path, "error.link_leaves_folder")
    try:
        status = file.stat()
    except (OSError, ValueError):
        return file
    if stat.S_ISDIR(status.st_mode):
        return file
    if not stat.S_ISREG(status.st_mode):
        raise InvalidInput(path, "error.not_a_regular_file")
    if status.st_nlink > 1:
        raise InvalidInput(path, "error.hard_linked_file")
    return file
