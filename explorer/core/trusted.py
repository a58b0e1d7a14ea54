"""Files validated before: a dataset file is validated with pydantic once, and then, while
its bytes and the model stay the same, its records are built directly from its JSON.

Importing pydantic and building its validators takes ~0.3 s here, many times what a small
dataset's records take to build by hand; at start-up it was most of explorer's lead over a
bare Textual app. So each file pydantic validated is remembered by a hash of its bytes and
of the model's source, in the user's cache folder — but only when building it directly gave
the very records pydantic gave (compared by their full `repr`, so 5 and 5.0 differ): the two
ways cannot disagree on a file that is remembered. The integrity checks run at every load
all the same. Large files are always validated: pydantic builds records faster than Python
does. A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import types
import typing
from collections.abc import Callable
from pathlib import Path

from explorer.core import model
from explorer.core.model import Dataset
from explorer.core.settings import cache_folder, keep

# Files up to this size are remembered (the building is measured in PERFORMANCE.md).
LIMIT = 4 << 20
REMEMBERED = 32  # the most recent files validated


def _same(value: object) -> object:
    return value


@functools.cache
def _builder(hint: object) -> Callable[[object], object]:
    """How to build a value of type `hint` from its parsed JSON (which pydantic accepted)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        return _record_builder(hint)
    if origin is list:  # (the parsed list itself, when its items are kept as they are)
        item = _builder(args[0])
        return _same if item is _same else lambda values: [item(v) for v in values]
    if origin is dict:
        return _same
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in args if arg is not type(None)]
        if len(options) == 1:  # X | None
            only = _builder(options[0])
            return only if only is _same else lambda value: None if value is None else only(value)
        # a record or a string (a claim's value): the record's fields arrive as an object
        record = _builder(next(a for a in options if dataclasses.is_dataclass(a)))
        return lambda value: record(value) if isinstance(value, dict) else value
    if hint is dt.date:
        return dt.date.fromisoformat
    return _same  # str, int, bool, a Literal: JSON's own value


def _record_builder(cls: type) -> Callable[[object], object]:
    hints = typing.get_type_hints(cls)
    converted = [(name, b) for name, hint in hints.items() if (b := _builder(hint)) is not _same]

    def build(fields: dict) -> object:  # the parsed object, used up
        for name, convert in converted:
            if name in fields:
                fields[name] = convert(fields[name])
        return cls(**fields)

    return build


def construct(raw: bytes) -> Dataset:
    """The records of a dataset file's bytes, built without validation: only for a file whose
    records pydantic made before. Raises ValueError, TypeError or KeyError on what it cannot
    build."""
    return _builder(Dataset)(json.loads(raw))


@functools.cache
def _model_source() -> bytes:
    return Path(model.__file__).read_bytes()


def fingerprint(raw: bytes) -> str:
    """A hash of a file's bytes and of the model they were validated against."""
    return hashlib.sha256(_model_source() + b"\0" + raw).hexdigest()


def _path() -> Path:
    return cache_folder() / "validated.json"


def _remembered() -> list[str]:
    try:
        value = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return []
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return value if ok else []


def known(raw: bytes) -> Dataset | None:
    """The records of a file validated before, built directly; None for any other file."""
    if len(raw) > LIMIT or fingerprint(raw) not in _remembered():
        return None
    try:
        return construct(raw)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # the cache was wrong: validate as if it had never been


def learn(raw: bytes, validated: Dataset) -> bool:
    """Remember a file pydantic validated into `validated`, if building it directly gives
    the same records; True if it was remembered."""
    if len(raw) > LIMIT:
        return False
    try:
        same = repr(construct(raw)) == repr(validated)
    except (ValueError, TypeError, KeyError, AttributeError):
        same = False
    if not same:
        return False
    key = fingerprint(raw)
    return keep(_path(), [*[k for k in _remembered() if k != key][-(REMEMBERED - 1) :], key])
