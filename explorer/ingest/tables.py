"""The pieces of a TOML annotation file, made with tomlkit: inline tables and entries."""

from __future__ import annotations

import tomlkit
from tomlkit.items import InlineTable, Table


def inline(**values: object) -> InlineTable:
    """An inline table `{ key = value, ... }`, leaving out empty values."""
    table = tomlkit.inline_table()
    table.update({k: v for k, v in values.items() if v is not None})
    return table


def entry(fields: dict[str, object], flags: list[str] = (), notes: list[str] = ()) -> Table:
    """One `[[table]]` entry: its notes and REVIEW lines first, then its fields, None ones
    left out."""
    table = tomlkit.table()
    for note in notes:
        table.add(tomlkit.comment(note))
    for flag in dict.fromkeys(flags):
        table.add(tomlkit.comment(f"REVIEW: {flag}"))
    for key, value in fields.items():
        if value is not None:
            table.add(key, value)
    return table
