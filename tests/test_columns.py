"""Records kept as columns come back as the very records pydantic made, every kind of field
included; columns of anything else are refused, never half-read."""

from __future__ import annotations

import dataclasses
import json
import marshal

import pytest
from conftest import DATA
from factory import hostile_dataset

from explorer.core import columns
from explorer.core.model import Claim, DateSpan, Source, Statement
from explorer.core.validation import to_json_data, validate_whole
from explorer.ingest.synth import generate


def every_kind() -> dict:
    """The bundled data with what it lacks: claims of a date and of a text, a source with no
        date of publication beside one with a date, a statement without the words naming its
    speaker, inferences on a statement."""
    data = json.loads((DATA / "dataset.json").read_text(encoding="utf-8"))
    event = data["events"][0]
    event["claims"] = [
        {"field": "dates", "value": event["dates"], "source": data["sources"][0]["id"]},
        {"field": "title", "value": "Another title", "source": data["sources"][0]["id"]},
    ]
    event["disputed"] = ["title"]
    data["sources"][0]["published"] = "2024-03-05"
    second = {**data["sources"][0], "id": "second", "published": None, "outlet": None}
    data["sources"].append(second)
    data["statements"][0]["inferred"] = {"leg": data["inferences"][0]["id"]}
    data["statements"][1]["attribution"] = None
    return data


def round_trip(dataset):
    return columns.decode(*marshal.loads(marshal.dumps(columns.encode(dataset))))


@pytest.mark.parametrize(
    "make",
    [every_kind, lambda: generate(300), lambda: to_json_data(hostile_dataset())],
    ids=["every kind", "synthetic", "hostile"],
)
def test_records_come_back_as_they_were(make):
    dataset = validate_whole(make())
    back = round_trip(dataset)
    assert back is not dataset
    assert repr(back) == repr(dataset)
    assert back.statements[0].speakers is not dataset.statements[0].speakers


def test_the_fields_that_hold_one_of_two_things_hold_each():
    back = round_trip(validate_whole(every_kind()))
    values = [claim.value for claim in back.events[0].claims]
    assert [type(value) for value in values] == [DateSpan, str]
    assert [type(source.published).__name__ for source in back.sources] == ["date", "NoneType"]
    assert {s.attribution is None for s in back.statements} == {True, False}
    assert all(isinstance(c, Claim) for c in back.events[0].claims)


def test_records_are_whole_and_still_immutable():
    back = round_trip(validate_whole(every_kind()))
    statement = back.statements[0]
    assert isinstance(statement, Statement) and statement.text == statement.quote.text
    with pytest.raises(AttributeError):
        statement.id = "changed"  # type: ignore[misc]


def test_empty_lists_and_dicts_are_one_each_and_cannot_be_changed():
    """Most `claims`, `disputed` and `inferred` are empty: read back, they share one empty
    list and one empty dict, which refuse every change."""
    dataset = validate_whole(generate(50))
    back = round_trip(dataset)
    mentions = [m for area in back.areas for m in area.mentions]
    lists = [x for m in mentions for x in (m.claims, m.disputed) if not x]
    dicts = [m.inferred for m in mentions if not m.inferred]
    assert len(lists) > 50 and len(dicts) > 25
    assert len({id(x) for x in lists}) == 1 and len({id(x) for x in dicts}) == 1
    empty_list, empty_dict = lists[0], dicts[0]
    assert empty_list == [] and empty_dict == {} and not empty_list and not empty_dict
    for change in (
        lambda: empty_list.append(1),
        lambda: empty_list.extend([1]),
        lambda: empty_list.insert(0, 1),
        lambda: empty_list.__setitem__(slice(0, 0), [1]),
        lambda: empty_list.__iadd__([1]),
        lambda: empty_dict.__setitem__("a", "b"),
        lambda: empty_dict.update(a="b"),
        lambda: empty_dict.setdefault("a", "b"),
        lambda: empty_dict.__ior__({"a": "b"}),
    ):
        with pytest.raises(TypeError):
            change()
    assert empty_list == [] and empty_dict == {}
    assert to_json_data(back) == to_json_data(dataset)
    assert [*empty_list, 1] == [1] and {**empty_dict, "a": "b"} == {"a": "b"}


def test_each_class_comes_after_every_class_that_holds_it():
    order = columns.classes()
    for position, cls in enumerate(order):
        for _, _, child in columns._fields(cls):
            if dataclasses.is_dataclass(child):
                assert order.index(child) > position, (cls, child)
    assert Source in order and len(set(order)) == len(order)


def out_of_range(cols, name):
    """The columns with the statements' `name` starting past the last piece of evidence."""
    table = columns.classes().index(Statement)
    field = [name for name, _, _ in columns._fields(Statement)].index(name)
    column = cols[table][field]
    cols[table][field] = 10**9 if isinstance(column, int) else (10**9, column[1])
    return cols


def values_missing(cols):
    """The columns with a statement's speakers gone but still said to be there."""
    table = columns.classes().index(Statement)
    field = [name for name, _, _ in columns._fields(Statement)].index("speakers")
    present, full = cols[table][field]
    cols[table][field] = (present, full[:-1])
    return cols


@pytest.mark.parametrize(
    "spoil",
    [
        lambda names, counts, cols: (names[::-1], counts, cols),  # another model
        lambda names, counts, cols: (names, (*counts[:-1], counts[-1] + 1), cols),  # a count
        lambda names, counts, cols: (names, counts, cols[:-1]),  # a table missing
        lambda names, counts, cols: (names, counts, [c[:-1] for c in cols]),  # a column
        lambda names, counts, cols: (names, counts, out_of_range(cols, "quote")),
        lambda names, counts, cols: (names, counts, values_missing(cols)),
        lambda names, counts, cols: (names, counts, out_of_range(cols, "attribution")),
    ],
)
def test_columns_it_did_not_make_are_refused(spoil):
    names, counts, cols = columns.encode(validate_whole(every_kind()))
    with pytest.raises((ValueError, TypeError, IndexError, KeyError)):
        columns.decode(*spoil(names, counts, cols))
