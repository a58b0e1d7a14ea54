"""What an annotation folder, a dataset file or an argument from anyone cannot do.

Each test is a promise that once failed: a file read from outside the articles folder, a
hang on a FIFO, a dataset overwritten by `build`, an escape sequence let through, a
traceback instead of a line.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import DATA, ROOT

from explorer.core.files import FileProblem, write_atomically
from explorer.core.validation import to_json_data
from explorer.ingest.build import BuildError, build_dataset

ANNOTATION = "000_7dd50c9400a234e2.toml"
ESC = "\x1b"


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the data folder to break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit(data_dir, old: str, new: str, name: str = ANNOTATION) -> None:
    path = data_dir / "annotations" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data_dir) -> list[str]:
    with pytest.raises(BuildError) as caught:
        build_dataset(data_dir)
    return caught.value.problems


def run(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        **kwargs,
    )


# ------------------------------------------------ the build reads only its articles


@pytest.mark.parametrize("file", ["/etc/passwd", "../../etc/passwd", "../dataset.json", "a/b.txt"])
def test_an_article_must_be_a_file_in_the_articles_folder(data_dir, file):
    edit(data_dir, 'file = "000_7dd50c9400a234e2.txt"', f'file = "{file}"')
    (line,) = problems(data_dir)[:1]
    assert "must be the name of a file in data/articles/" in line
    assert "root:" not in line


def test_a_link_out_of_the_articles_folder_is_not_followed(data_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("not an article", encoding="utf-8")
    article = data_dir / "articles" / "000_7dd50c9400a234e2.txt"
    article.unlink()
    article.symlink_to(secret)
    assert "is a symbolic link" in problems(data_dir)[0]


@pytest.mark.timeout(30)
def test_devices_and_pipes_are_refused_at_once(data_dir):
    article = data_dir / "articles" / "000_7dd50c9400a234e2.txt"
    article.unlink()
    os.mkfifo(article)  # opened for reading, a FIFO waits for a writer forever
    os.mkfifo(data_dir / "annotations" / "zz.toml")
    found = problems(data_dir)
    assert any("zz.toml: is not a regular file" in line for line in found)
    assert any("000_7dd50c9400a234e2.txt: is not a regular file" in line for line in found)


def test_an_oversized_article_is_refused(data_dir):
    article = data_dir / "articles" / "000_7dd50c9400a234e2.txt"
    article.write_bytes(article.read_bytes() + b" words" * 400_000)
    assert "the limit is 2,000,000" in problems(data_dir)[0]


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('name = "Cho Tae-yul"', 'name = "Cho\\u001b]0;owned\\u0007 Tae-yul"', "name"),
        ('aliases = ["Cho"]', 'aliases = ["Cho\\u202e"]', "aliases"),
        ('role = "Foreign Minister"', 'role = "Foreign\\u009b2J Minister"', "role"),
        ('title = "Speech at', 'title = "\\u001b[2JSpeech at', "title"),
    ],
)
def test_names_and_titles_with_control_characters_are_refused(data_dir, old, new, field):
    edit(data_dir, old, new)
    (line,) = problems(data_dir)
    assert f"{field} " in line and "holds control characters" in line
    assert ESC not in line and "\x9b" not in line  # the message itself is safe to print


def test_nth_must_be_a_number_not_a_boolean(data_dir):
    edit(
        data_dir,
        'evidence = ["China’s growing influence"]',
        'evidence = [{ text = "China", nth = true }]',
    )
    assert "nth = True" in problems(data_dir)[0]


# ------------------------------------------------------------- taxonomy problems

AREA = (
    '[[categories]]\nid = "a"\nname = "A"\n'
    'areas = [{{ id = "x", name = "X", keywords = {keywords} }}]\n'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[categories]]\nid = "a"\nareas = []\n', "categories[0].name: Field required"),
        ('categories = "oops"\n', "categories: Input should be a valid list"),
        ("[[categories]\n", "invalid TOML"),
        (
            AREA.format(keywords="[1]"),
            "categories[0].areas[0].keywords[0]: Input should be a valid string",
        ),
        (
            AREA.format(keywords='[""]'),
            "categories[0].areas[0].keywords[0]: String should have at least 1 character",
        ),
        ("x = " + "[" * 600 + "]" * 600 + "\n", "nested too deeply"),
    ],
)
def test_taxonomy_problems_are_one_line_naming_the_file(data_dir, text, expected):
    (data_dir / "taxonomy.toml").write_text(text, encoding="utf-8")
    found = problems(data_dir)
    assert any(line.startswith("data/taxonomy.toml: ") and expected in line for line in found)
    drafted = run(
        "draft",
        str(data_dir / "articles" / "000_7dd50c9400a234e2.txt"),
        "--data-dir",
        str(data_dir),
    )
    assert drafted.returncode == 1 and "Traceback" not in drafted.stderr
    assert "taxonomy.toml: " in drafted.stderr and expected in drafted.stderr


def test_a_taxonomy_that_is_not_utf8_is_blamed_not_the_article(data_dir):
    (data_dir / "taxonomy.toml").write_bytes(b'name = "\xff"\n')
    assert problems(data_dir) == ["data/taxonomy.toml: not valid UTF-8 (byte 8)"]
    article = data_dir / "articles" / "000_7dd50c9400a234e2.txt"
    drafted = run("draft", str(article), "--data-dir", str(data_dir))
    assert drafted.stderr == f"explorer draft: {data_dir}/taxonomy.toml: not valid UTF-8 (byte 8)\n"


def test_annotation_nested_too_deeply_is_one_line(data_dir):
    edit(data_dir, "[source]", "x = " + "[" * 600 + "]" * 600 + "\n[source]")
    (line,) = problems(data_dir)
    assert line == f"data/annotations/{ANNOTATION}: invalid TOML: nested too deeply"


# ----------------------------------------------------------------- nothing is lost


def test_build_never_writes_over_the_data_file_it_is_given(tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_text("precious", encoding="utf-8")
    result = run("--data", str(mine), "build")
    assert result.returncode == 2 and "-o/--output" in result.stderr
    assert mine.read_text(encoding="utf-8") == "precious"


def test_build_writes_to_output(tmp_path):
    out = tmp_path / "out.json"
    assert run("build", "-o", str(out)).returncode == 0
    assert out.read_bytes() == (DATA / "dataset.json").read_bytes()


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "dataset.json"
    target.write_text("the old, whole file", encoding="utf-8")

    def no_space(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(FileProblem) as caught:
        write_atomically(target, "the new one")
    assert str(caught.value) == f"{target}: cannot be written: No space left on device"
    assert target.read_text(encoding="utf-8") == "the old, whole file"
    assert [p.name for p in tmp_path.iterdir()] == ["dataset.json"]  # no temporary left


def test_a_build_that_cannot_finish_writing_leaves_the_old_dataset_whole(data_dir):
    """A full disk, made certain: the build may write at most 4 KB of any file."""
    import resource
    import signal

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    output = data_dir / "dataset.json"
    before = output.read_bytes()
    edit(data_dir, 'title = "Speech at', 'title = "A speech at')  # so there is news to write
    build = subprocess.run(
        [sys.executable, "-m", "explorer", "build", "--data-dir", str(data_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_files,
    )
    assert build.returncode == 1
    assert build.stderr.startswith(f"explorer build: {output}: cannot be written: File too large")
    assert output.read_bytes() == before
    assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []


def test_draft_never_writes_through_a_link(tmp_path):
    article = DATA / "articles" / "000_7dd50c9400a234e2.txt"
    elsewhere = tmp_path / "elsewhere.toml"
    link = tmp_path / "draft.toml"
    link.symlink_to(elsewhere)  # dangling: exists() says False
    refused = run("draft", str(article), "-o", str(link))
    assert refused.returncode == 1 and "is a link; --force to replace it" in refused.stderr
    assert run("draft", str(article), "-o", str(link), "--force").returncode == 0
    assert not elsewhere.exists() and not link.is_symlink()
    assert link.read_text(encoding="utf-8").startswith("# Draft annotations")


# ----------------------------------------------------------- bad input, one line


@pytest.mark.timeout(30)
@pytest.mark.parametrize("command", [["validate"], ["build", "--check", "-o"]])
def test_a_fifo_or_a_device_as_data_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    for path in (fifo, "/dev/zero"):
        args = [*command, str(path)] if command[-1] == "-o" else ["--data", str(path), *command]
        result = run(*args, timeout=20)
        assert result.returncode == 1 and "is not a regular file" in result.stderr, result.stderr


@pytest.mark.parametrize("option", ["--speaker", "--country", "--event", "--area"])
@pytest.mark.parametrize("value", ["!!!", ""])
def test_a_query_with_nothing_to_match_matches_nothing_and_says_so(option, value):
    result = run("quotes", option, value, "--json")
    assert result.returncode == 0 and json.loads(result.stdout) == []
    assert "has no letters or digits to match" in result.stderr


def test_a_huge_terminal_width_does_not_pad_the_output():
    result = run("quotes", env={**os.environ, "COLUMNS": "10000000"})
    assert result.returncode == 0 and len(result.stdout) < 200_000


def test_json_escapes_what_a_terminal_acts_on_and_keeps_the_text(tmp_path):
    from factory import hostile_dataset

    path = tmp_path / "hostile.json"
    data = to_json_data(hostile_dataset())
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run("quotes", "--json", "--data", str(path))
    for char in ("\x1b", "\x07", "\x9b", "\u202e", "\u2067"):
        assert char not in result.stdout
    assert "\\u202e" in result.stdout
    texts = {q["text"] for q in json.loads(result.stdout)}
    assert {s["quote"]["text"] for s in data["statements"]} == texts


def test_a_file_name_with_escapes_is_shown_safely(tmp_path):
    bad = tmp_path / "evil\x1b]0;owned\x07.json"
    result = run("--data", str(bad), "validate")
    assert result.returncode == 1 and "evil␛]0;owned␇.json: no such file" in result.stderr
    assert ESC not in result.stderr and "\x07" not in result.stderr
