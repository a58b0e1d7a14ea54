"""Files validated before: a dataset file is validated with pydantic once, and while its
bytes and explorer's core stay the same, its records are read back from the cache.

Parsing and validating take seconds at 100,000 statements, and importing pydantic alone is
more than a small dataset's whole start-up. So the records pydantic made from a file that
passed the integrity checks are kept in the user's cache folder, as columns of plain values
(`explorer.core.columns`) that `marshal` reads fast, under a hash of the file's bytes, of
the source of `explorer/core` (the model, the checks, this code) and of the versions of
Python and pydantic: a changed byte, rule or version and the file is validated again. The
records read back are the very records pydantic made, so the checks they passed are not run
again; the evidence's are, until they have passed once (the app leaves them for after its
first paint, and a file it opened first has not had them). A file whose state (device,
inode, size, times) has not changed since it was read and hashed is not read again. A cache
that cannot be read, written or understood is ignored.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import marshal
import os
import stat
import sys
import time
from pathlib import Path

from explorer.core import columns
from explorer.core.files import FileProblem, write_atomically
from explorer.core.model import Dataset
from explorer.core.settings import cache_folder, keep

REMEMBERED = 8  # the files validated most recently (100,000 statements take ~60 MB here)
FILES = 64  # the states of the files read most recently (see `signature`)
SETTLED_NS = 2_000_000_000  # how long before it is read a file must have last changed
FORMAT = "explorer-records-1"
CORE = Path(__file__).resolve().parent


@functools.cache
def _code() -> str:
    """A hash of explorer's core code and of the versions of Python and pydantic installed:
    what validated and checked a file, and what reads its records back."""
    spec = importlib.util.find_spec("pydantic_core")  # found, not imported
    site = Path(spec.origin).parent.parent if spec and spec.origin else CORE
    versions = sorted(p.name for p in site.glob("pydantic*.dist-info"))
    code = [path.read_bytes() for path in sorted(CORE.glob("*.py"))]
    parts = [sys.version.encode(), *(v.encode() for v in versions), *code]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def fingerprint(raw: bytes) -> str:
    """A hash of a file's bytes and of the code that validated and checked them."""
    digest = hashlib.sha256(_code().encode() + b"\0")
    digest.update(raw)  # not joined to the rest: a large file's bytes are not copied
    return digest.hexdigest()


def folder() -> Path:
    """Where the records of files validated before are kept."""
    return cache_folder() / "records"


def signature(path: Path) -> str | None:
    """What tells this state of a file from any other without reading it, as git's index
    does: its device, inode, size and times (the change time is the system's own, set at
    every write); with the code's hash. None where that cannot tell: not a regular file, no
    inode number."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or not info.st_ino:
        return None
    return ":".join(
        map(
            str,
            (_code(), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns),
        )
    )


def _files() -> dict[str, str]:
    """The fingerprints of files read before, by their signature then."""
    return _kept("files.json", dict)  # type: ignore[return-value]


def fingerprint_of(state: str | None) -> str | None:
    """The fingerprint of a file in this state (its `signature`), if it was read in it."""
    return _files().get(state) if state else None


def remember_state(before: str | None, path: Path, key: str) -> bool:
    """Remember that the file at `path`, in the state `before` when it was read, has the
    fingerprint `key` — unless it changed while it was read, or so recently before that
    a change in the same tick of a coarse clock would leave its signature the same (git's
    "racily clean" files): such a file is read and hashed each time until it settles."""
    if before is None or signature(path) != before:
        return False
    if time.time_ns() - int(before.rsplit(":", 1)[1]) < SETTLED_NS:
        return False
    files = {**_files(), before: key}
    return keep(folder() / "files.json", dict(list(files.items())[-FILES:]))


def _recent() -> list[str]:
    """The keys of the files kept, the most recently validated last."""
    return _kept("recent.json", list)  # type: ignore[return-value]


def _kept(name: str, kind: type[list] | type[dict]) -> list | dict:
    """What a JSON file of the cache holds, if it is a list or dict (`kind`) of strings;
    else an empty one."""
    try:
        value = json.loads((folder() / name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return kind()
    strings = value.values() if isinstance(value, dict) else value
    ok = isinstance(value, kind) and all(isinstance(v, str) for v in strings)
    return value if ok else kind()


def keeps(key: str) -> bool:
    """Whether records are kept for the file of this fingerprint."""
    return (folder() / key).is_file()


def known(key: str) -> tuple[Dataset, bool] | None:
    """The records of the file of this fingerprint, validated before, and whether its
    evidence was checked since; None for any other file, or a cache that cannot be read."""
    try:
        form, name, names, counts, columns_ = marshal.loads((folder() / key).read_bytes())
        if (form, name) != (FORMAT, key):
            return None
        return columns.decode(names, counts, columns_), _marker(key).is_file()
    except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError):
        return None


def _marker(key: str) -> Path:
    return folder() / f"{key}.evidence"


def learn(key: str, validated: Dataset, evidence: bool) -> bool:
    """Keep the records pydantic made of the file of this fingerprint, which passed the
    checks (the evidence's too if `evidence`); True if they were kept. Only the REMEMBERED
    files validated most recently stay."""
    recent = [*[k for k in _recent() if k != key][-(REMEMBERED - 1) :], key]
    try:
        kept = marshal.dumps((FORMAT, key, *columns.encode(validated)))
        folder().mkdir(parents=True, exist_ok=True)
        write_atomically(folder() / key, kept)
        for stale in {p.name[:64] for p in folder().glob("?" * 64 + "*")} - set(recent):
            (folder() / stale).unlink(missing_ok=True)
            _marker(stale).unlink(missing_ok=True)
    except (OSError, FileProblem, ValueError):
        return False
    if evidence:
        evidence_checked(key)
    return keep(folder() / "recent.json", recent)


def evidence_checked(key: str) -> None:
    """Note that the evidence of the file of this fingerprint passed its checks."""
    with contextlib.suppress(OSError):  # if not noted, it is checked again next time
        _marker(key).touch()
