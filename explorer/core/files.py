"""Files read and written safely: only regular files of bounded size in, whole files out.

Datasets and annotation folders may come from anyone. Reading refuses what is not a
regular file (a FIFO would hang, /dev/zero would fill the memory) and what is too large,
and can refuse to follow a symbolic link out of a folder. Writing goes to a temporary file
in the same folder, flushed to disk, then renamed over the target: an interrupted write or
a full disk leaves the previous file whole.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class FileProblem(Exception):
    """A file that cannot be read or written: which file, and why."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def read_regular_file(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of a regular file no larger than `limit`; FileProblem says why not.

    With `follow_links=False` a symbolic link is refused rather than followed.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        if not follow_links and path.is_symlink():
            raise FileProblem(path, "is a symbolic link; give the file itself")
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise FileProblem(path, "no such file") from None
    except IsADirectoryError:
        raise FileProblem(path, "is a directory, not a file") from None
    except OSError as error:
        raise FileProblem(path, f"cannot be read: {error.strerror or error}") from None
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise FileProblem(path, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileProblem(path, "is not a regular file (a device, pipe or socket)")
        if info.st_size > limit:
            raise FileProblem(path, f"is {info.st_size:,} bytes; the limit is {limit:,}")
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise FileProblem(path, f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew while being read
        raise FileProblem(path, f"is larger than the limit of {limit:,} bytes")
    return data


def write_atomically(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` whole or not at all; a link at
    `path` is replaced, never written through. FileProblem names the file when it cannot be
    written."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    except OSError as error:
        raise FileProblem(path, f"cannot be written: {error.strerror or error}") from None
    try:
        binary = isinstance(text, bytes)
        mode = {"mode": "wb"} if binary else {"mode": "w", "encoding": "utf-8", "newline": ""}
        with os.fdopen(descriptor, **mode) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists() and not path.is_symlink():
            os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FileProblem(path, f"cannot be written: {error.strerror or error}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
