"""A dataset's records as columns of plain values, and back: how a file validated once is kept.

Building a hundred thousand records from JSON means parsing it and validating every value
(seconds at 100,000 statements); building them from columns is a few passes of C loops.
Each record class becomes a table: the records of that class in a fixed order, and one column
per field holding plain values only (strings, numbers, lists, dicts, None), which `marshal`
reads back fast. The tables are filled parents first, each field's records appended in turn,
so they lie side by side: a field holding a record is kept as where its records start, a list
of records as its length, a date as its ordinal.

Reading builds every record bare (`object.__new__`) and sets each field through its slot,
column by column: no `__init__`, no Python code per record. Nothing here checks values: the
columns are only ever made from records pydantic validated (`explorer.core.trusted`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from collections import deque
from collections.abc import Callable
from itertools import accumulate, islice, repeat

from explorer.core.model import Dataset

# What a field holds, as far as the columns are concerned.
PLAIN, DATE, MAYBE_DATE, RECORD, MAYBE_RECORD, RECORDS, RECORD_OR_TEXT, VALUES = range(8)


def _refuse(self, *args: object, **kwargs: object) -> None:
    raise TypeError("a record's values cannot be changed")


class EmptyList(list):
    """The empty list the records read back share (most `claims` and `disputed` are empty:
    at 100,000 statements a quarter of a million lists, 18 MB): it cannot be changed."""

    __slots__ = ()
    append = extend = insert = remove = pop = clear = sort = reverse = _refuse
    __setitem__ = __delitem__ = __iadd__ = __imul__ = _refuse


class EmptyDict(dict):
    """The empty dict the records read back share (most `inferred` are empty: 225,000 at
    100,000 statements, 18 MB): it cannot be changed."""

    __slots__ = ()
    __setitem__ = __delitem__ = __ior__ = _refuse
    pop = popitem = clear = update = setdefault = _refuse


EMPTY: dict[type, list | dict] = {list: EmptyList(), dict: EmptyDict()}


def _kind(hint: object) -> tuple[int, type | None]:
    """How a field of type `hint` is kept, and the record class it holds if any."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        return RECORD, hint
    if origin is list and dataclasses.is_dataclass(args[0]):
        return RECORDS, args[0]
    if origin is typing.Annotated:
        return _kind(args[0])
    if origin in (list, dict):
        return VALUES, origin  # a list or dict of plain values
    if origin in (typing.Union, types.UnionType):
        records = [arg for arg in args if dataclasses.is_dataclass(arg)]
        others = [arg for arg in args if not dataclasses.is_dataclass(arg)]
        if records and others == [type(None)]:
            return MAYBE_RECORD, records[0]
        if records and others == [str] and len(records) == 1:
            return RECORD_OR_TEXT, records[0]  # an index (int) or the text itself
        if dt.date in args and others == [dt.date, type(None)]:
            return MAYBE_DATE, None
        if records or dt.date in args:
            raise TypeError(f"no column for a field of type {hint}")
        return PLAIN, None
    if hint is dt.date:
        return DATE, None
    return PLAIN, None


@functools.cache
def _fields(cls: type) -> tuple[tuple[str, int, type | None], ...]:
    """A record class's fields: (name, kind, record class held, or for VALUES list or
    dict)."""
    return tuple((name, *_kind(hint)) for name, hint in typing.get_type_hints(cls).items())


@functools.cache
def classes() -> tuple[type, ...]:
    """Every record class a dataset holds, each after every class that holds it."""
    order: list[type] = []

    def visit(cls: type) -> None:
        if cls not in order:
            for _, _, child in _fields(cls):
                if dataclasses.is_dataclass(child):
                    visit(child)
            order.append(cls)

    visit(Dataset)
    return tuple(reversed(order))


def encode(dataset: Dataset) -> tuple:
    """The dataset as (class names, counts, columns): plain values only."""
    tables: dict[type, list] = {cls: [] for cls in classes()}
    tables[Dataset].append(dataset)
    columns = []
    for cls in classes():
        rows = tables[cls]
        mine = []
        for name, kind, child in _fields(cls):
            values = [getattr(row, name) for row in rows]
            mine.append(_encode_column(values, kind, tables.get(child)))
        columns.append(mine)
    names = tuple(cls.__name__ for cls in classes())
    return names, tuple(len(tables[cls]) for cls in classes()), columns


def _encode_column(values: list, kind: int, table: list | None) -> object:
    """One field's values as plain values, their records appended to the child's table.

    A field's records are appended in turn, so they lie side by side in the child's table:
    a record field is kept as where its records start, a list of records as each list's
    length, a field that may hold a record as whether each does (small numbers and booleans
    that `marshal` reads without making an object for each).
    """
    if kind == PLAIN:
        return values
    if kind == VALUES:  # whether each is empty, and those that are not
        return [bool(value) for value in values], [value for value in values if value]
    if kind == DATE:
        return [value.toordinal() for value in values]
    if kind == MAYBE_DATE:
        return [None if value is None else value.toordinal() for value in values]
    assert table is not None
    start = len(table)
    if kind == RECORD:
        table.extend(values)
        return start
    if kind == RECORDS:
        for records in values:
            table.extend(records)
        return start, [len(records) for records in values]
    if kind == MAYBE_RECORD:
        table.extend(value for value in values if value is not None)
        return start, [value is not None for value in values]
    column = []  # RECORD_OR_TEXT: the text itself, or the record's index
    for value in values:
        if isinstance(value, str):
            column.append(value)
        else:
            column.append(len(table))
            table.append(value)
    return column


def decode(names: object, counts: object, columns: object) -> Dataset:
    """The records `encode` gave these columns of. Raises TypeError, ValueError, IndexError or
    KeyError where they do not fit the model (another model's, a table or column cut short,
    an index past its table)."""
    if names != tuple(cls.__name__ for cls in classes()):
        raise ValueError("columns of another model")
    tables = {
        cls: list(map(object.__new__, repeat(cls, count)))
        for cls, count in zip(classes(), counts, strict=True)
    }
    for cls, column_list in zip(classes(), columns, strict=True):
        rows = tables[cls]
        for (name, kind, child), column in zip(_fields(cls), column_list, strict=True):
            if kind == VALUES:
                values = _decode_values(column, EMPTY[child])
            else:
                values = _decode_column(column, kind, tables.get(child), len(rows))
            if len(values) != len(rows):
                raise ValueError(f"{cls.__name__}.{name}: {len(values)} values")
            deque(map(_setter(cls, name), rows, values), maxlen=0)
    (dataset,) = tables[Dataset]
    return dataset


def _decode_column(column: object, kind: int, table: list | None, count: int) -> list:
    if kind == PLAIN:
        return column
    if kind == DATE:
        return list(map(dt.date.fromordinal, column))
    if kind == MAYBE_DATE:
        return [None if value is None else dt.date.fromordinal(value) for value in column]
    assert table is not None
    if kind == RECORD:
        return _slice(table, column, count)
    if kind == RECORDS:
        start, lengths = column
        stops = list(accumulate(lengths, initial=start))
        if start < 0 or stops[-1] > len(table):
            raise IndexError("records past the end of their table")
        empty, ends = EMPTY[list], islice(stops, 1, None)
        return [table[a:b] if a != b else empty for a, b in zip(stops, ends, strict=False)]
    if kind == MAYBE_RECORD:
        start, present = column
        records = iter(_slice(table, start, sum(present)))
        return [next(records) if here else None for here in present]
    return [value if isinstance(value, str) else table[value] for value in column]


def _decode_values(column: object, empty: list | dict) -> list:
    """Lists or dicts of plain values, each empty one the shared `empty`."""
    present, full = column
    if len(full) != sum(present):
        raise ValueError("values missing")
    values = iter(full)
    return [next(values) if here else empty for here in present]


def _slice(table: list, start: int, count: int) -> list:
    """`count` records from `start`, all there."""
    records = table[start : start + count]
    if len(records) != count or start < 0:
        raise IndexError("records past the end of their table")
    return records


@functools.cache
def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    """Sets a field's slot directly (a frozen record's own __setattr__ refuses)."""
    slot = next(vars(k)[name] for k in cls.__mro__ if name in vars(k))
    return slot.__set__
