"""A file validated once is built directly afterwards, into the very records pydantic made;
anything else — a changed byte, a value pydantic had to convert, a broken cache — is
validated as before."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DATA
from factory import hostile_dataset

from explorer.core import trusted
from explorer.core.load import DatasetError, load_dataset
from explorer.core.settings import cache_folder
from explorer.core.validation import to_json_data
from explorer.ingest.synth import generate

BUNDLED = DATA / "dataset.json"


def write(path, data) -> bytes:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize("make", [lambda: json.loads(BUNDLED.read_text()), lambda: generate(200)])
def test_built_directly_the_records_are_those_pydantic_made(tmp_path, make):
    path = tmp_path / "data.json"
    raw = write(path, make())
    validated = load_dataset(path)
    assert trusted.known(raw) is not None  # remembered by the load
    built = load_dataset(path)
    assert built is not validated
    assert repr(built) == repr(validated)


def test_hostile_text_is_built_the_same_way(tmp_path):
    path = tmp_path / "hostile.json"
    raw = write(path, to_json_data(hostile_dataset()))
    validated = load_dataset(path)
    assert repr(trusted.construct(raw)) == repr(validated)


def test_a_second_start_does_not_import_pydantic(tmp_path):
    path = tmp_path / "data.json"
    write(path, json.loads(BUNDLED.read_text()))
    probe = (
        "import sys\n"
        "from explorer.core.load import load_dataset\n"
        f"dataset = load_dataset({str(path)!r})\n"
        "print(len(dataset.statements), 'pydantic' in sys.modules)"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": ""}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    count = str(len(json.loads(BUNDLED.read_text())["statements"]))
    assert runs == [[count, "True"], [count, "False"]]


def test_a_changed_byte_is_validated_again(tmp_path):
    path = tmp_path / "data.json"
    data = json.loads(BUNDLED.read_text())
    write(path, data)
    load_dataset(path)
    data["statements"][0]["quote"]["start"] = -1
    raw = write(path, data)
    assert trusted.known(raw) is None
    with pytest.raises(DatasetError, match=r"statements\[0\]\.quote\.start: .*greater than"):
        load_dataset(path)


def test_a_value_pydantic_converted_is_never_remembered(tmp_path):
    """pydantic reads "12" as 12 for a number; built directly it would stay a string."""
    path = tmp_path / "data.json"
    data = json.loads(BUNDLED.read_text())
    data["statements"][0]["quote"]["start"] = str(data["statements"][0]["quote"]["start"])
    raw = write(path, data)
    assert isinstance(load_dataset(path).statements[0].quote.start, int)
    assert trusted.known(raw) is None
    assert isinstance(load_dataset(path).statements[0].quote.start, int)


def test_a_changed_model_forgets_what_was_validated(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    load_dataset(path)
    assert trusted.known(raw) is not None
    monkeypatch.setattr(trusted, "_model_source", lambda: b"another model")
    assert trusted.known(raw) is None


@pytest.mark.parametrize("cache", ["not json", '{"a": 1}', "[1, 2]", "\udcff"])
def test_a_broken_cache_is_ignored_and_mended(tmp_path, cache):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    cache_folder().mkdir(parents=True)
    (cache_folder() / "validated.json").write_text(cache, errors="surrogateescape")
    assert len(load_dataset(path).statements) > 0
    assert trusted.known(raw) is not None


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    assert len(load_dataset(path).statements) > 0
    assert trusted.known(raw) is None


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("unknown", 1, "unknown field"),
        (
            "quote",
            {"source": "jaishankar-east-asia-tour", "start": 0, "end": None, "text": 5},
            "end",
        ),
    ],
)
def test_a_lying_cache_costs_a_validation_not_a_wrong_record(tmp_path, field, value, error):
    """A fingerprint remembered (by someone else's hand) for a file pydantic refuses: the
    builder cannot build it, or the checks trip over what it built; either way the file is
    validated, and refused with the lines saying why, never with a traceback."""
    path = tmp_path / "data.json"
    data = json.loads(BUNDLED.read_text())
    data["statements"][0][field] = value
    raw = write(path, data)
    cache_folder().mkdir(parents=True)
    (cache_folder() / "validated.json").write_text(json.dumps([trusted.fingerprint(raw)]))
    with pytest.raises(DatasetError, match=error):
        load_dataset(path)


def test_only_the_most_recent_files_are_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr(trusted, "REMEMBERED", 3)
    data = json.loads(BUNDLED.read_text())
    raws = []
    for n in range(5):
        data["sources"][0]["title"] = f"title {n}"
        path = tmp_path / f"data{n}.json"
        raws.append(write(path, data))
        load_dataset(path)
    assert [trusted.known(raw) is not None for raw in raws] == [False, False, True, True, True]


def test_large_files_are_always_validated(tmp_path, monkeypatch):
    monkeypatch.setattr(trusted, "LIMIT", 100)
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    load_dataset(path)
    assert not (cache_folder() / "validated.json").exists()
    assert trusted.known(raw) is None
