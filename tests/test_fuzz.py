"""Fuzzed and hostile dataset files: always a DatasetError (a clear message), never a crash."""

from __future__ import annotations

import copy
import json

import pytest
from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.cli import report
from explorer.core.load import DatasetError, parse_json, validate_dataset
from explorer.core.query import Index

GOOD = json.loads((DATA / "dataset.json").read_text(encoding="utf-8"))
RAW = (DATA / "dataset.json").read_bytes()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children),
    max_leaves=30,
)


def load(raw: bytes):
    """What `explorer` does with a file's bytes: parse, then validate and check."""
    return validate_dataset(parse_json(raw, "fuzzed.json"), "fuzzed.json")


def refused(raw: bytes) -> list[str]:
    """The problems found in `raw`; fails the test if the data was accepted or crashed."""
    try:
        load(raw)
    except DatasetError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
        return error.problems
    raise AssertionError("hostile data was accepted")


@FUZZ
@given(json_values)
def test_random_json_is_refused(value):
    refused(json.dumps(value).encode())


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_are_refused(raw):
    refused(raw)


@FUZZ
@given(st.integers(min_value=0, max_value=len(RAW) - 2))
def test_every_truncation_is_refused(cut):
    problems = refused(RAW[:cut])
    assert "invalid JSON" in problems[0] or "is empty" in problems[0]


def paths_of(value, path=()):
    """Every path into a JSON value."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, (*path, index))


ALL_PATHS = [p for p in paths_of(GOOD) if p]


@FUZZ
@given(st.sampled_from(ALL_PATHS), json_values, st.sampled_from(["replace", "delete", "copy"]))
def test_a_mutated_dataset_is_refused_clearly_or_fully_usable(path, value, how):
    data = copy.deepcopy(GOOD)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if how == "replace":
        parent[key] = value
    elif how == "delete":
        del parent[key]
    elif isinstance(parent, list):  # copy: a duplicate record, as a careless merge makes
        parent.append(copy.deepcopy(parent[key]))
    raw = json.dumps(data).encode()
    try:
        dataset = load(raw)
    except DatasetError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
        return
    # Whatever the loader accepts, every question the command line asks must answer.
    index = Index(dataset)
    for statement in index.quotes():
        report.quote_record(index, statement)
    report.timeline_records(index)
    report.area_records(index)
    for summary in index.country_summaries():
        report.country_record(index, summary)


def test_duplicate_records_name_their_duplicate_ids():
    data = copy.deepcopy(GOOD)
    data["statements"].append(copy.deepcopy(data["statements"][0]))
    data["events"].append(copy.deepcopy(data["events"][2]))
    problems = refused(json.dumps(data).encode())
    assert "statements[18].id: duplicate statement id 'jaishankar-abiding-stake'" in problems
    assert "events[5].id: duplicate event id 'tokyo-talks'" in problems


def test_self_references_are_unknown_ids():
    """The schema has no record that may point at itself: such a reference is unknown."""
    data = copy.deepcopy(GOOD)
    data["groupings"][0]["members"].append("quad")
    data["statements"][0]["speakers"] = [data["statements"][0]["id"]]
    problems = refused(json.dumps(data).encode())
    assert "groupings[0].members[4]: unknown country 'quad'" in problems
    assert "statements[0].speakers[0]: unknown party 'jaishankar-abiding-stake'" in problems


@pytest.mark.timeout(120)
def test_oversized_files_are_refused():
    for raw in (
        b"[" + b"1," * 10_000_000 + b"1]",  # 20 MB of the wrong shape
        b'{"sources": "' + b"x" * 30_000_000 + b'"}',  # one 30 MB string
        b"{" + b" " * 20_000_000,  # 20 MB and never closed
    ):
        assert refused(raw)


def test_a_huge_quote_in_a_valid_dataset_loads():
    data = copy.deepcopy(GOOD)
    source = data["sources"][0]
    source["text"] += "\n“" + "words " * 500_000 + "”"
    import hashlib

    source["sha256"] = hashlib.sha256(source["text"].encode()).hexdigest()
    start = source["text"].index("“words") + 1
    quote = {"source": source["id"], "start": start, "end": start + 3_000_000}
    quote["text"] = source["text"][quote["start"] : quote["end"]]
    data["statements"][0]["quote"] = quote
    dataset = load(json.dumps(data).encode())
    assert len(dataset.statements[0].text) == 3_000_000
