"""Building the dataset from annotations: errors name the file, the entry and the problem."""

from __future__ import annotations

import shutil

import pytest
from conftest import DATA

from explorer.ingest.build import BuildError, build_dataset, dataset_json

ANNOTATION = "annotations/000_7dd50c9400a234e2.toml"


@pytest.fixture
def data_dir(tmp_path):
    """A copy of data/ to break."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit(data_dir, old: str, new: str, name: str = ANNOTATION) -> None:
    path = data_dir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data_dir) -> list[str]:
    with pytest.raises(BuildError) as caught:
        build_dataset(data_dir)
    return caught.value.problems


def test_build_of_a_copy_equals_the_committed_dataset(data_dir):
    assert dataset_json(build_dataset(data_dir)) == (DATA / "dataset.json").read_text("utf-8")


def test_snippet_not_found(data_dir):
    edit(data_dir, 'evidence = ["China’s growing influence"]', 'evidence = ["China’s shrinking"]')
    (line,) = problems(data_dir)
    assert line.startswith("data/annotations/000_7dd50c9400a234e2.toml: [[countries]] #4 (cn): ")
    assert "snippet 'China’s shrinking' not found" in line


def test_ambiguous_snippet_asks_for_nth(data_dir):
    edit(
        data_dir,
        'attribution = { text = "Kamikawa said", nth = 2 }',
        'attribution = "Kamikawa said"',
    )
    (line,) = problems(data_dir)
    assert "[[statements]] #2 (kamikawa-global-south)" in line
    assert "found 2 times" in line and "add nth = 1..2" in line


def test_nth_out_of_range(data_dir):
    edit(data_dir, '{ text = "Kamikawa said", nth = 2 }', '{ text = "Kamikawa said", nth = 3 }')
    assert "nth = 3 but snippet 'Kamikawa said' occurs 2 times" in problems(data_dir)[0]


def test_unknown_id(data_dir):
    edit(
        data_dir, 'speakers = ["kamikawa"]\nverb = "said"', 'speakers = ["kamikowa"]\nverb = "said"'
    )
    (line,) = problems(data_dir)
    assert (
        "[[statements]] #2 (kamikawa-global-south): speakers[0]: unknown party 'kamikowa'" in line
    )


def test_duplicate_id(data_dir):
    edit(data_dir, 'id = "knda-speech"', 'id = "joint-commission"')
    lines = problems(data_dir)
    assert any(
        "[[events]] #2 (joint-commission): id: duplicate event id 'joint-commission'" in line
        for line in lines
    )


def test_date_outside_its_leg(data_dir):
    edit(
        data_dir,
        'dates = { start = 2024-03-05, end = 2024-03-06, precision = "within"',
        'dates = { start = 2024-03-05, end = 2024-03-09, precision = "within"',
    )
    (line,) = problems(data_dir)
    assert "[[events]] #1 (joint-commission): dates: 2024-03-05..2024-03-09 lies outside" in line


def test_end_before_start(data_dir):
    edit(
        data_dir,
        'start = 2024-03-06, end = 2024-03-08, precision = "span"',
        'start = 2024-03-08, end = 2024-03-06, precision = "span"',
    )
    lines = problems(data_dir)
    assert any(
        "[[trips]] #1 (jaishankar-east-asia): legs #2: dates.end: end 2024-03-06 is before" in line
        for line in lines
    )


def test_unknown_area_and_bad_commitment(data_dir):
    edit(data_dir, 'area = "space"', 'area = "outer-space"')
    edit(data_dir, 'commitment = "welcomed"', 'commitment = "celebrated"')
    lines = problems(data_dir)
    assert any(
        "[[mentions]] #3 (outer-space): unknown area 'outer-space'" in line for line in lines
    )


def test_bad_commitment_names_the_mention(data_dir):
    edit(data_dir, 'commitment = "welcomed"', 'commitment = "celebrated"')
    (line,) = problems(data_dir)
    assert "[[mentions]] #6 (military-exercises): commitment: Input should be" in line


def test_unknown_key_is_refused(data_dir):
    edit(data_dir, 'title = "Speech at', 'colour = "red"\ntitle = "Speech at')
    (line,) = problems(data_dir)
    assert "[[events]] #2 (knda-speech): colour: unknown field" in line


def test_direct_quote_must_stand_between_quotation_marks(data_dir):
    edit(data_dir, 'text = "is significant"', 'text = "is significant” in itself"')
    (line,) = problems(data_dir)
    assert "(jaishankar-is-significant): text: a direct quotation must follow a quotation" in line


def test_a_quotation_may_run_to_the_end_of_its_paragraph_or_of_a_cut_excerpt(tmp_path):
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    (data / "annotations").mkdir()
    shutil.copy(DATA / "taxonomy.toml", data)
    article = "Ana Costa said: “We will build it.\n“Together,” she said. “It was cut off"
    (data / "articles" / "a.txt").write_text(article, encoding="utf-8")
    statements = "".join(
        f'[[statements]]\nid = "s{n}"\nkind = "direct"\nspeakers = ["costa"]\ntext = "{words}"\n'
        for n, words in enumerate(["We will build it.", "Together,", "It was cut off"])
    )
    (data / "annotations" / "a.toml").write_text(
        '[source]\nid = "a"\nfile = "a.txt"\ntitle = "A"\n'
        '[[people]]\nid = "costa"\nname = "Ana Costa"\nevidence = ["Ana Costa"]\n' + statements,
        encoding="utf-8",
    )
    built = build_dataset(data)
    assert [s.quote.text for s in built.statements] == [
        "We will build it.",
        "Together,",
        "It was cut off",
    ]


def test_invalid_toml_names_line(data_dir):
    edit(data_dir, '[source]\nid = "jaishankar-east-asia-tour"', "[source]\nid = jaishankar")
    (line,) = problems(data_dir)
    assert line.startswith("data/annotations/000_7dd50c9400a234e2.toml: invalid TOML: ")
    assert "line 10" in line


def test_unknown_table(data_dir):
    edit(data_dir, '[[proposals]]\nid = "trilateral"', '[[proposal]]\nid = "trilateral"')
    assert "unknown table(s) proposal" in problems(data_dir)[0]


def test_article_without_annotation(data_dir):
    (data_dir / "articles" / "another.txt").write_text("Another article.", encoding="utf-8")
    assert problems(data_dir) == ["data/articles/another.txt: no annotation file names it"]


def test_missing_article_file(data_dir):
    edit(data_dir, 'file = "000_7dd50c9400a234e2.txt"', 'file = "absent.txt"')
    assert "[source] file 'absent.txt'" in problems(data_dir)[0]


def test_build_command_reports_and_exits_1(run_cli, data_dir):
    edit(data_dir, 'evidence = ["China’s growing influence"]', 'evidence = ["Chinas"]')
    result = run_cli("build", "--data-dir", str(data_dir), "-o", str(data_dir / "out.json"))
    assert result.returncode == 1
    assert result.stderr.startswith("explorer build: data/annotations/000_7dd50c9400a234e2.toml")
    assert "Traceback" not in result.stderr
    assert not (data_dir / "out.json").exists()
