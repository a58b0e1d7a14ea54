"""A file validated once is read back from the cache afterwards, into the very records
pydantic made; anything else — a changed byte, changed rules, a broken cache — is validated
as before."""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import DATA
from factory import hostile_dataset

from explorer.core import load, trusted
from explorer.core.load import DatasetError, load_dataset
from explorer.core.validation import to_json_data
from explorer.ingest.synth import generate

BUNDLED = DATA / "dataset.json"


def known(raw: bytes):
    return trusted.known(trusted.fingerprint(raw))


def write(path, data) -> bytes:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path.read_bytes()


@pytest.mark.parametrize("make", [lambda: json.loads(BUNDLED.read_text()), lambda: generate(200)])
def test_read_back_the_records_are_those_pydantic_made(tmp_path, make):
    path = tmp_path / "data.json"
    raw = write(path, make())
    validated = load_dataset(path)
    assert known(raw) is not None  # kept by the load
    read_back = load_dataset(path)
    assert read_back is not validated
    assert repr(read_back) == repr(validated)


def test_hostile_text_is_read_back_the_same(tmp_path):
    path = tmp_path / "hostile.json"
    raw = write(path, to_json_data(hostile_dataset()))
    validated = load_dataset(path)
    read_back, _ = known(raw)
    assert repr(read_back) == repr(validated)


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
    assert known(raw) is None
    with pytest.raises(DatasetError, match=r"statements\[0\]\.quote\.start: .*greater than"):
        load_dataset(path)


def test_what_pydantic_converted_is_kept_converted(tmp_path):
    """pydantic reads "12" as 12 for a number: the records kept are its records."""
    path = tmp_path / "data.json"
    data = json.loads(BUNDLED.read_text())
    data["statements"][0]["quote"]["start"] = str(data["statements"][0]["quote"]["start"])
    raw = write(path, data)
    assert isinstance(load_dataset(path).statements[0].quote.start, int)
    read_back, _ = known(raw)
    assert isinstance(read_back.statements[0].quote.start, int)


def test_changed_rules_forget_what_was_validated(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    load_dataset(path)
    assert known(raw) is not None
    monkeypatch.setattr(trusted, "_code", lambda: "other checks")
    assert known(raw) is None


def test_the_evidence_is_checked_once_the_cache_was_kept_without_it(tmp_path):
    """The app loads without the evidence's checks (it runs them after its first paint); the
    command line, loading the same file afterwards, still checks them."""
    path = tmp_path / "data.json"
    data = json.loads(BUNDLED.read_text())
    data["statements"][0]["quote"]["text"] = "words the article does not hold"
    raw = write(path, data)
    load_dataset(path, evidence=False)
    assert known(raw)[1] is False
    with pytest.raises(DatasetError, match=r"statements\[0\]\.quote.*differs from the words"):
        load_dataset(path)


def test_evidence_checked_before_is_not_checked_again(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    load_dataset(path)
    assert known(raw)[1] is True
    monkeypatch.setattr(load, "evidence_steps", None)  # would fail if called
    assert len(load_dataset(path).statements) > 0


@pytest.mark.parametrize(
    "spoil",
    [
        lambda kept: b"not marshal",
        lambda kept: kept[: len(kept) // 2],
        lambda kept: marshal.dumps([1, 2]),
        lambda kept: marshal.dumps(("explorer-records-0", *marshal.loads(kept)[1:])),
        lambda kept: marshal.dumps((*marshal.loads(kept)[:2], ("Dataset",), (1,), [[]])),
    ],
    ids=["not marshal", "cut short", "another shape", "another format", "another model"],
)
def test_a_broken_cache_is_ignored_and_mended(tmp_path, spoil):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    validated = load_dataset(path)
    kept = trusted.folder() / trusted.fingerprint(raw)
    kept.write_bytes(spoil(kept.read_bytes()))
    assert known(raw) is None
    assert repr(load_dataset(path)) == repr(validated)
    assert known(raw) is not None


def test_another_files_records_are_not_taken_for_this_ones(tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    data = json.loads(BUNDLED.read_text())
    write(first, data)
    data["sources"][0]["title"] = "another title"
    raw = write(second, data)
    load_dataset(first)
    first_key = trusted.fingerprint(first.read_bytes())
    (trusted.folder() / trusted.fingerprint(raw)).write_bytes(
        (trusted.folder() / first_key).read_bytes()
    )
    assert known(raw) is None
    assert load_dataset(second).sources[0].title == "another title"


def test_a_cache_that_cannot_be_written_is_ignored(tmp_path, monkeypatch):
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where a folder should be
    assert len(load_dataset(path).statements) > 0
    assert known(raw) is None


def test_only_the_most_recent_files_are_remembered(tmp_path, monkeypatch):
    monkeypatch.setattr(trusted, "REMEMBERED", 3)
    data = json.loads(BUNDLED.read_text())
    raws = []
    for n in range(5):
        data["sources"][0]["title"] = f"title {n}"
        path = tmp_path / f"data{n}.json"
        raws.append(write(path, data))
        load_dataset(path)
    assert [known(raw) is not None for raw in raws] == [False, False, True, True, True]
    assert len(list(trusted.folder().glob("?" * 64))) == 3


def test_the_app_checks_the_evidence_only_if_no_one_did_before(tmp_path, monkeypatch):
    """Opened first by the app, the file's evidence is left to the app (after its first
    paint), the next time too; once the command line has checked it, the app need not."""
    from explorer.cli import main as cli
    from explorer.tui import app as tui

    told = []
    monkeypatch.setattr(tui, "run", lambda *_, **kwargs: told.append(kwargs["evidence_checked"]))
    monkeypatch.setattr(load, "_forked", lambda *_: False)  # cached at once: no race here
    path = tmp_path / "data.json"
    write(path, json.loads(BUNDLED.read_text()))
    for _ in range(2):
        cli.main(["--data", str(path)])
    assert load.open_dataset(path, evidence=False)[1] is False
    assert cli.main(["validate", str(path)]) == 0
    cli.main(["--data", str(path)])
    assert told == [False, False, True]


def test_evidence_the_app_found_sound_is_not_checked_again(tmp_path, monkeypatch):
    """The app checks the evidence after its first paint; when it passes, the cache notes it
    for the bytes the app read, and the next opening skips the checks."""
    from explorer.cli import main as cli
    from explorer.tui import app as tui

    told = []

    def app_that_checks(dataset, notice=None, **kwargs):
        told.append(kwargs["evidence_checked"])
        kwargs["evidence_passed"]()  # as the app does when its checks pass
        return 0

    monkeypatch.setattr(tui, "run", app_that_checks)
    monkeypatch.setattr(load, "_forked", lambda *_: False)  # cached at once: no race here
    path = tmp_path / "data.json"
    write(path, json.loads(BUNDLED.read_text()))
    for _ in range(2):
        cli.main(["--data", str(path)])
    assert told == [False, True]


def test_the_app_does_not_wait_for_its_file_to_be_cached(tmp_path, monkeypatch):
    """A file the app opens first is cached by a child process, while the app goes on."""
    learn, by = trusted.learn, tmp_path / "cached by"

    def learn_and_say_who(*args):
        learn(*args)
        (tmp_path / "pid").write_text(str(os.getpid()))
        (tmp_path / "pid").replace(by)  # whole when seen

    monkeypatch.setattr(trusted, "learn", learn_and_say_who)
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    dataset, checked, _ = load.open_dataset(path, evidence=False, aside=True)
    assert len(dataset.statements) > 0 and checked is False
    deadline = time.monotonic() + 30
    while not by.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert int(by.read_text()) != os.getpid()
    assert repr(known(raw)[0]) == repr(dataset)


def test_where_no_child_can_be_made_the_file_is_cached_at_once(tmp_path, monkeypatch):
    monkeypatch.delattr(load.os, "fork", raising=False)
    path = tmp_path / "data.json"
    raw = write(path, json.loads(BUNDLED.read_text()))
    load.open_dataset(path, evidence=False, aside=True)
    assert known(raw) is not None


def reads_counted(monkeypatch) -> list:
    """Every read of a dataset file's bytes, counted."""
    reads, read = [], load.read_bytes
    monkeypatch.setattr(load, "read_bytes", lambda path: reads.append(path) or read(path))
    return reads


def test_a_file_unchanged_since_it_was_read_is_not_read_again(tmp_path, monkeypatch):
    """Known by its device, inode, size and times, as git knows a file unchanged: its
    records are read back without reading or hashing its bytes."""
    monkeypatch.setattr(trusted, "SETTLED_NS", 0)
    path = tmp_path / "data.json"
    write(path, json.loads(BUNDLED.read_text()))
    validated = load_dataset(path)
    reads = reads_counted(monkeypatch)
    assert repr(load_dataset(path)) == repr(validated) and reads == []
    monkeypatch.setattr(trusted, "_code", lambda: "other code")
    load_dataset(path)
    assert len(reads) == 1  # the code changed: what it knew of the file no longer holds


def test_a_changed_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setattr(trusted, "SETTLED_NS", 0)
    path = tmp_path / "data.json"
    data = json.loads(BUNDLED.read_text())
    write(path, data)
    load_dataset(path)
    data["sources"][0]["title"] = "A title of another length"
    write(path, data)
    reads = reads_counted(monkeypatch)
    assert load_dataset(path).sources[0].title == "A title of another length"
    assert len(reads) == 1


def test_a_file_changed_just_before_it_was_read_is_read_each_time(tmp_path, monkeypatch):
    """A change in the same tick of a coarse clock could leave the times as they were."""
    path = tmp_path / "data.json"
    write(path, json.loads(BUNDLED.read_text()))
    reads = reads_counted(monkeypatch)
    for _ in range(3):
        load_dataset(path)
    assert len(reads) == 3
    assert trusted.fingerprint_of(trusted.signature(path)) is None


def test_a_file_changed_while_it_was_read_is_not_known_by_its_state(tmp_path, monkeypatch):
    monkeypatch.setattr(trusted, "SETTLED_NS", 0)
    path = tmp_path / "data.json"
    text = json.dumps(json.loads(BUNDLED.read_text()))
    path.write_text(text, encoding="utf-8")
    read = load.read_bytes

    def read_then_change(file):
        raw = read(file)
        file.write_text(text + " ", encoding="utf-8")  # still valid, one byte longer
        return raw

    monkeypatch.setattr(load, "read_bytes", read_then_change)
    state = trusted.signature(path)
    load_dataset(path)
    assert trusted.fingerprint_of(state) is None


def test_a_dataset_just_built_opens_as_one_opened_before(run_cli, tmp_path):
    """`explorer build` reads what it wrote as the app will: the records are kept, the
    evidence noted as checked."""
    output = tmp_path / "dataset.json"
    assert run_cli("build", "-o", str(output)).returncode == 0
    kept = known(output.read_bytes())
    assert kept is not None and kept[1] is True
    assert repr(kept[0]) == repr(load_dataset(output))


def test_the_child_that_caches_lets_go_of_the_terminal_at_once(tmp_path):
    """Whoever reads the app's output (a shell's pipe, tmux) is not kept waiting for the
    child that caches the records: it holds none of the parent's outputs."""
    probe = (
        "import time\n"
        "from explorer.core import load\n"
        "print(load._forked(time.sleep, 20), flush=True)\n"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=15, check=True
    )
    assert result.stdout.split() == ["True"] and time.monotonic() - started < 10


def test_the_child_that_caches_outlives_the_terminal_closing(tmp_path):
    """A terminal closed (a tmux pane ending with the app, a window shut) hangs up the
    process group the app ran in: the child still writing the cache is not in it."""
    done = tmp_path / "done"
    probe = (
        "import time\n"
        "from pathlib import Path\n"
        "from explorer.core import load\n"
        f"load._forked(lambda: (time.sleep(1), Path({str(done)!r}).touch()))\n"
    )
    app = subprocess.Popen([sys.executable, "-c", probe], start_new_session=True)
    assert app.wait(timeout=15) == 0
    with contextlib.suppress(ProcessLookupError):  # the group is empty: none to hang up
        os.killpg(app.pid, signal.SIGHUP)  # as the terminal does when it closes
    deadline = time.monotonic() + 10
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert done.exists()
