"""Validating parsed JSON into the dataset's records with pydantic, and back into JSON.

The one place the dataset meets pydantic: `explorer.core.model` states the records and their
constraints without importing it, and a start-up whose file was validated before never
imports this module (`explorer.core.trusted`).
"""

from __future__ import annotations

import dataclasses
import functools
import sys
import types
import typing


def _no_plugins() -> None:
    """Tell pydantic there are no plugins before it looks. The first time it builds a
    validator it imports importlib.metadata and reads every installed package's entry
    points to find plugins (~30 ms of each start-up here); explorer uses none. This does
    what PYDANTIC_DISABLE_PLUGINS=__all__ does, without the import. Should pydantic move
    the lookup, this stays unused and nothing breaks (a test watches the import)."""
    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # no plugins
    sys.modules.setdefault("pydantic.plugin._loader", loader)


_no_plugins()

from pydantic import TypeAdapter, ValidationError  # noqa: E402
from pydantic_core import ErrorDetails  # noqa: E402

from explorer.core.checks import format_path  # noqa: E402
from explorer.core.model import Dataset  # noqa: E402

# The collections that grow with the articles, validated a chunk at a time.
CHUNKED = ("statements", "areas", "events")
CHUNK = 2000
# Pydantic's words for some errors, in the words of this dataset's readers.
FRIENDLIER = {
    "unexpected_keyword_argument": "unknown field (not part of the dataset format)",
    "extra_forbidden": "unknown field (not part of the dataset format)",
}


@functools.cache
def adapter(annotation: object) -> TypeAdapter:
    """A validator for a type of the model (built once, on first use)."""
    return TypeAdapter(annotation)


def error_message(item: ErrorDetails) -> str:
    """A pydantic error's message, in the words of this dataset's readers."""
    return FRIENDLIER.get(item["type"], item["msg"])


def error_lines(error: ValidationError, field: str = "", start: int = 0) -> list[str]:
    """One `path: message` line per pydantic error; `field` and `start` say where in the
    file the list validated begins, for a chunk of one."""
    lines = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        if field:
            loc = (field, start + loc[0], *loc[1:])
        lines.append(f"{format_path(loc) or '(top level)'}: {error_message(item)}")
    return lines


def _validate_in_chunks(field: str, items: list, errors: list[str]) -> list:
    """Validate a long list a chunk at a time, dropping each chunk's parsed values as it goes.

    The parsed values of a large file take more memory than its records: letting them go
    while the records are made keeps the peak near the parsed size, not the sum of both.
    """
    item_type = typing.get_args(typing.get_type_hints(Dataset)[field])[0]
    validator, validated = adapter(list[item_type]), []
    for start in range(0, len(items), CHUNK):
        chunk = items[start : start + CHUNK]
        items[start : start + CHUNK] = [None] * len(chunk)
        try:
            validated += validator.validate_python(chunk)
        except ValidationError as error:
            errors += error_lines(error, field, start)
        del chunk
    return validated


def validate(data: dict) -> tuple[Dataset | None, list[str]]:
    """The records `data` (a parsed dataset file) describes, or the lines saying what is
    wrong with it. The largest collections are taken out of `data` and validated chunk by
    chunk."""
    chunked = {f: data.pop(f) for f in CHUNKED if isinstance(data.get(f), list)}
    errors: list[str] = []
    dataset = None
    try:
        dataset = adapter(Dataset).validate_python(data)
    except ValidationError as error:
        errors += error_lines(error)
    records = {f: _validate_in_chunks(f, items, errors) for f, items in chunked.items()}
    if errors or dataset is None:
        return None, errors
    return dataclasses.replace(dataset, **records), []


def validate_whole(data: object) -> Dataset:
    """The records `data` describes, validated at once; raises pydantic's ValidationError."""
    return adapter(Dataset).validate_python(data)


def to_json_data(dataset: Dataset) -> dict:
    """The dataset as JSON values (dates as ISO strings), every field written out."""
    return adapter(Dataset).dump_python(dataset, mode="json")


def json_schema() -> dict:
    """The dataset file's JSON Schema."""
    return adapter(Dataset).json_schema()
