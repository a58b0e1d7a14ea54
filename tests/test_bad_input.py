"""Every class of bad dataset file: one clear line per problem, exit 1, no traceback, no change."""

from __future__ import annotations

import json
import os

import pytest
from conftest import DATA

GOOD = json.loads((DATA / "dataset.json").read_text(encoding="utf-8"))


def mutated(change) -> bytes:
    """The bundled dataset with `change` applied to a deep copy of it."""
    data = json.loads(json.dumps(GOOD))
    change(data)
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def _set(path: list, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


CASES = {
    "empty": (b"", "is empty"),
    "blank": (b"  \n\t\n", "is empty"),
    "invalid json": (b'{\n  "sources": [\n    oops\n]}', "invalid JSON at line 3, column 5"),
    "truncated": ((DATA / "dataset.json").read_bytes()[:500], "invalid JSON at line"),
    "invalid utf-8": (b'{"sources": "\xff\xfe"}', "not valid UTF-8 (byte 13)"),
    "byte-order mark": (b"\xef\xbb\xbf" + (DATA / "dataset.json").read_bytes(), "byte-order mark"),
    "nan": (
        (DATA / "dataset.json").read_bytes().replace(b'"start": 1008', b'"start": NaN', 1),
        "column 18: expected value",
    ),
    "infinity": (
        (DATA / "dataset.json").read_bytes().replace(b'"start": 1008', b'"start": Infinity', 1),
        "column 18: expected value",
    ),
    "top-level list": (b"[1, 2, 3]", "the top level must be an object, not list"),
    "top-level string": (b'"hello"', "the top level must be an object, not str"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "unknown field": (
        mutated(_set(["statements", 0, "colour"], "red")),
        "statements[0].colour: unknown field (not part of the dataset format)",
    ),
    "wrong type": (
        mutated(_set(["statements", 1, "speakers"], "kamikawa")),
        "statements[1].speakers: Input should be a valid list",
    ),
    "bad kind": (
        mutated(_set(["statements", 2, "kind"], "rumour")),
        "statements[2].kind: Input should be 'direct' or 'reported'",
    ),
    "missing field": (
        mutated(lambda d: d["events"][0].pop("title")),
        "events[0].title: Field required",
    ),
    "dangling speaker": (
        mutated(_set(["statements", 0, "speakers", 0], "nobody")),
        "statements[0].speakers[0]: unknown party 'nobody'",
    ),
    "dangling leg": (
        mutated(_set(["events", 1, "leg"], "mars")),
        "events[1].leg: unknown leg 'mars'",
    ),
    "duplicate id": (
        mutated(_set(["people", 1, "id"], "jaishankar")),
        "people[1].id: duplicate party id 'jaishankar'",
    ),
    "offsets outside text": (
        mutated(_set(["statements", 0, "quote", "end"], 10**6)),
        "statements[0].quote: offsets 1008-1000000 lie outside the text",
    ),
    "quote not the article's words": (
        mutated(_set(["statements", 0, "quote", "text"], "words nobody said")),
        "statements[0].quote.text: differs from the words",
    ),
    "wrong words at offsets": (
        mutated(_set(["countries", 0, "evidence", 0, "text"], "Pakistan")),
        "countries[0].evidence[0].text: differs from the words",
    ),
    "end before start": (
        mutated(_set(["trips", 0, "legs", 0, "dates", "end"], "2024-03-01")),
        "trips[0].legs[0].dates.end: end 2024-03-01 is before start 2024-03-05",
    ),
    "event outside its leg": (
        mutated(_set(["events", 0, "dates", "end"], "2024-03-20")),
        "events[0].dates: 2024-03-05..2024-03-20 lies outside its leg",
    ),
    "unknown inference": (
        mutated(_set(["events", 0, "dates", "inferred", "year"], "guess")),
        "events[0].dates.inferred.year: unknown inference 'guess'",
    ),
    "hash mismatch": (
        mutated(_set(["sources", 0, "sha256"], "0" * 64)),
        "sources[0].sha256: does not match",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_is_refused_clearly(run_cli, tmp_path, name):
    raw, expected = CASES[name]
    path = tmp_path / "bad.json"
    path.write_bytes(raw)
    os.utime(path, (1_000_000, 1_000_000))
    result = run_cli("validate", str(path))
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(f"explorer: {path}: ") for line in lines)
    assert expected in result.stderr
    # Reading never modifies the file.
    assert path.read_bytes() == raw and path.stat().st_mtime == 1_000_000


def test_missing_file_and_directory(run_cli, tmp_path):
    missing = run_cli("validate", str(tmp_path / "absent.json"))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    folder = run_cli("quotes", "--data", str(tmp_path))
    assert folder.returncode == 1 and "is a directory" in folder.stderr
    assert "Traceback" not in missing.stderr + folder.stderr


def test_every_command_refuses_bad_data_the_same_way(run_cli, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("[]")
    for command in (["quotes"], ["timeline"], ["countries"], ["areas"], ["quotes", "--json"]):
        result = run_cli(*command, "--data", str(path))
        assert result.returncode == 1, command
        assert "top level must be an object" in result.stderr


def test_many_problems_are_listed_then_counted(tmp_path):
    from explorer.core.load import MAX_PROBLEMS, DatasetError, load_dataset

    def break_all(data):
        for statement in data["statements"]:
            statement["speakers"] = ["ghost", "phantom"]

    path = tmp_path / "many.json"
    path.write_bytes(mutated(break_all))
    with pytest.raises(DatasetError) as caught:
        load_dataset(path)
    assert len(caught.value.problems) == 36
    lines = caught.value.lines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1].endswith(f"and {36 - MAX_PROBLEMS} more problems")
