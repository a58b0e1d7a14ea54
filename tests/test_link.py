"""A draft joins the dataset it drafts into: the same people, trip, leg and event by id."""

from __future__ import annotations

import json
import re
import shutil
import tomllib

import pytest
from conftest import DATA, FIXTURES

from explorer.core.load import load_dataset
from explorer.core.query import source_summaries
from explorer.ingest.build import BuildError, build_dataset
from explorer.ingest.draft_file import draft_text
from explorer.ingest.link import same_name
from explorer.ingest.sources import read_taxonomy

KEYWORDS = read_taxonomy(DATA / "taxonomy.toml").keywords()
SECOND = FIXTURES / "draft" / "link" / "second_report.txt"


@pytest.mark.parametrize(
    ("drafted", "known"),
    [
        ("S Jaishankar", "Subrahmanyam Jaishankar"),
        ("Dr S Jaishankar", "Subrahmanyam Jaishankar"),
        ("EAM Jaishankar", "Subrahmanyam Jaishankar"),
        ("Cho-Tae Yul", "Cho Tae-yul"),
        ("Yoko Kamikawa", "Kamikawa Yoko"),
        ("Łukasz Nowak", "Lukasz Nowak"),
    ],
)
def test_names_that_are_one_person(drafted, known):
    assert same_name(drafted, known)


@pytest.mark.parametrize(
    ("drafted", "known"),
    [("Taro Kono", "Kamikawa Yoko"), ("S Menon", "Subrahmanyam Jaishankar"), ("Dr", "Dr No")],
)
def test_names_that_are_not(drafted, known):
    assert not same_name(drafted, known)


@pytest.fixture
def data(tmp_path):
    """A copy of the bundled data folder with a second report of the tour in it."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    shutil.copy(SECOND, folder / "articles" / "second.txt")
    return folder


def test_a_second_report_links_to_what_the_dataset_holds_and_builds_into_it(data):
    dataset = load_dataset(data / "dataset.json")
    text = SECOND.read_text(encoding="utf-8")
    written = draft_text(text, "second.txt", KEYWORDS, None, dataset)
    draft = tomllib.loads(written)
    # Everyone and everything already known keeps the dataset's id, and says why.
    assert [p["id"] for p in draft["people"]] == ["jaishankar", "kamikawa"]
    assert "# linked to the dataset's person 'jaishankar': 'S Jaishankar' matches" in written
    trip = draft["trips"][0]
    assert trip["id"] == "jaishankar-east-asia" and "title" not in trip
    assert [leg["id"] for leg in trip["legs"]] == ["jaishankar-japan"]
    assert [e["id"] for e in draft["events"]] == ["tokyo-talks"]
    # Where this report says otherwise, the reviewer is told; the build will keep both.
    assert "this report gives dates ('--03-07', '--03-07'); the dataset has" in written
    (data / "annotations" / "second.toml").write_text(reviewed(written), encoding="utf-8")
    built = build_dataset(data)
    assert len(built.people) == len(dataset.people)
    assert len(built.trips) == 1 and len(built.events) == len(dataset.events)
    jaishankar = next(p for p in built.people if p.id == "jaishankar")
    assert {e.source for e in jaishankar.evidence} == {"jaishankar-east-asia-tour", "second"}
    assert "S Jaishankar" in jaishankar.aliases
    # Each report says what it contributes.
    second = next(s for s in source_summaries(built) if s.source.id == "second")
    assert second.title_in_text and second.counts["people"] == 2
    assert second.counts["direct statements"] == 1 and second.counts["events"] == 1


def reviewed(draft: str, day: str = "2024-03-07") -> str:
    """What a reviewer of the second report's draft writes: the year of its day, and how
    the year is known."""
    draft = draft.replace('"--03-07"', day)
    draft = draft.replace('"REVIEW: the year the dates fall in"', '"The talks were in 2024."')
    return draft.replace(
        '"REVIEW: the article gives no year: say how it is known"',
        '"The report follows the minister\'s March 2024 tour."',
    )


def test_sources_refine_or_dispute_a_date_and_both_are_kept(data):
    """The dataset has the Tokyo talks within 6-8 March (its article gives no day). A report
    giving the 7th refines it; a third giving the 10th disputes it; every claim stays with
    its source, and neither is a build failure."""
    dataset = load_dataset(data / "dataset.json")
    text = SECOND.read_text(encoding="utf-8")
    written = reviewed(draft_text(text, "second.txt", KEYWORDS, None, dataset))
    (data / "annotations" / "second.toml").write_text(written, encoding="utf-8")
    built = build_dataset(data)
    talks = next(e for e in built.events if e.id == "tokyo-talks")
    assert (talks.dates.start.isoformat(), talks.dates.precision) == ("2024-03-07", "day")
    assert [(c.source, c.value.start.isoformat(), c.value.precision) for c in talks.claims] == [
        ("jaishankar-east-asia-tour", "2024-03-06", "within"),
        ("second", "2024-03-07", "day"),
    ]
    assert talks.disputed == []
    # The year of each claim is inferred by its own source's reasoning.
    assert [c.value.inferred["year"] for c in talks.claims] == ["year-2024", "year-second"]
    leg = next(leg for trip in built.trips for leg in trip.legs if leg.id == "jaishankar-japan")
    assert leg.dates.precision == "span" and leg.disputed == []  # a day inside the stay

    shutil.copy(SECOND, data / "articles" / "third.txt")
    third = written.replace("second", "third").replace("2024-03-07", "2024-03-10")
    (data / "annotations" / "third.toml").write_text(third, encoding="utf-8")
    built = build_dataset(data)
    talks = next(e for e in built.events if e.id == "tokyo-talks")
    assert talks.disputed == ["dates"]
    assert [c.source for c in talks.claims] == ["jaishankar-east-asia-tour", "second", "third"]


def test_the_draft_command_links_to_the_data_folder_it_drafts_into(run_cli, data):
    result = run_cli("draft", str(data / "articles" / "second.txt"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert 'id = "jaishankar-east-asia"' in result.stdout
    (data / "dataset.json").write_text("{ not json", encoding="utf-8")
    broken = run_cli("draft", str(data / "articles" / "second.txt"), "--data-dir", str(data))
    assert broken.returncode == 0
    assert "drafting without links to it" in broken.stderr and "Traceback" not in broken.stderr
    assert 'id = "trip-second"' in broken.stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('role = "Foreign Minister"', 'role = "REVIEW: no title found"', "role: still says"),
        ('country = "jp"', 'country = "REVIEW"', "country: still says 'REVIEW'"),
    ],
)
def test_nothing_left_for_review_builds(data, old, new, message):
    annotation = next((data / "annotations").glob("*.toml"))
    text = annotation.read_text(encoding="utf-8")
    assert old in text
    annotation.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_dataset(data)
    assert any(message in line for line in error.value.problems)


def test_a_date_without_its_year_is_refused_saying_what_to_write(data):
    annotation = next((data / "annotations").glob("*.toml"))
    text = annotation.read_text(encoding="utf-8")
    changed = text.replace("2024-03-05", '"--03-05"', 1)
    assert changed != text
    annotation.write_text(changed, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_dataset(data)
    assert any("'--03-05' has no year: write it (2024-03-05)" in p for p in error.value.problems)


def _second_annotation(data, people: str, events: str = "") -> None:
    """A second report's annotation beside the bundled one, with the given entries."""
    (data / "annotations" / "second.toml").write_text(
        '[source]\nid = "second"\nfile = "second.txt"\ntitle = "A second report"\n'
        + people
        + events,
        encoding="utf-8",
    )


def test_two_people_of_one_country_and_surname_are_reported_unless_said_distinct(data):
    person = (
        '\n[[people]]\nid = "y-kamikawa"\nname = "Yuki Kamikawa"\ncountry = "jp"\n'
        'evidence = ["Japanese Foreign Minister Yoko Kamikawa"]\n'
    )
    _second_annotation(data, person)
    with pytest.raises(BuildError) as error:
        build_dataset(data)
    [line] = [p for p in error.value.problems if "look like one person" in p]
    assert "second.toml: [[people]] #1 (y-kamikawa)" in line and "(kamikawa)" in line
    assert "surname 'kamikawa', country 'jp'" in line
    _second_annotation(data, person + 'distinct_from = ["kamikawa"]\n')
    built = build_dataset(data)
    assert {"kamikawa", "y-kamikawa"} <= {p.id for p in built.people}


def test_two_events_of_one_kind_on_one_leg_on_the_same_days_are_reported(data):
    event = (
        '\n[[events]]\nid = "talks-again"\nkind = "talks"\ntitle = "Talks"\n'
        'leg = "jaishankar-japan"\ndates = {start = 2024-03-07, end = 2024-03-07, '
        'precision = "day"}\nevidence = ["Japanese Foreign Minister Yoko Kamikawa"]\n'
    )
    _second_annotation(data, "", event)
    with pytest.raises(BuildError) as error:
        build_dataset(data)
    assert any(
        "look like one event (a talks on leg 'jaishankar-japan' on overlapping days)" in p
        for p in error.value.problems
    )


def three_reports(data):
    """The bundled tour with a second report (the talks on the 7th) and a third (on the
    10th), each drafted against the dataset and reviewed."""
    dataset = load_dataset(data / "dataset.json")
    text = SECOND.read_text(encoding="utf-8")
    written = reviewed(draft_text(text, "second.txt", KEYWORDS, None, dataset))
    (data / "annotations" / "second.toml").write_text(written, encoding="utf-8")
    shutil.copy(SECOND, data / "articles" / "third.txt")
    third = written.replace("second", "third").replace("2024-03-07", "2024-03-10")
    (data / "annotations" / "third.toml").write_text(third, encoding="utf-8")
    return build_dataset(data)


async def test_the_reader_sees_where_sources_differ_and_what_each_says(data):
    from conftest import screen_text

    from explorer.tui.app import make_app
    from explorer.tui.screens.source import SourceScreen

    app = make_app(three_reports(data))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        shown = screen_text(app)
        assert "Talks between Kamikawa and Jaishankar  [sources differ]" in shown
        await pilot.press("G", "s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        text = screen_text(app)
        assert "Cited in 3 articles" in text and "The sources differ:" in text
        # What each says is in the view (below the fold at this size: scrolled to).
        assert "• dates: Mar 10, 2024 (year inferred)" in app.screen.body().plain


def test_timeline_json_gives_each_claim_with_its_source(data, tmp_path, run_cli):
    path = tmp_path / "three.json"
    from explorer.ingest.build import dataset_json

    path.write_text(dataset_json(three_reports(data)), encoding="utf-8")
    result = run_cli("timeline", "--json", "--data", str(path))
    assert result.returncode == 0, result.stderr
    [talks] = [
        e for leg in json.loads(result.stdout) for e in leg["events"] if e["id"] == "tokyo-talks"
    ]
    assert list(dict.fromkeys(s["article"] for s in talks["sources"])) == [
        "jaishankar-east-asia-tour", "second", "third"
    ]  # fmt: skip
    # The second report's talks are in its second paragraph (a blank line is not one).
    [second] = [s for s in talks["sources"] if s["article"] == "second"]
    assert second["paragraph"] == 2
    assert talks["disputed"] == ["dates"]
    assert [(c["source"], c["value"]["start"]) for c in talks["claims"]] == [
        ("jaishankar-east-asia-tour", "2024-03-06"),
        ("second", "2024-03-07"),
        ("third", "2024-03-10"),
    ]


def test_every_problem_of_every_stage_in_one_build(data):
    """A snippet not in the article and a kind not allowed, in one run, with the allowed
    kinds named."""
    annotation = next((data / "annotations").glob("*.toml"))
    text = annotation.read_text(encoding="utf-8")
    text = text.replace('kind = "talks"', 'kind = "chat"', 1)
    text = text.replace(
        'evidence = ["Japanese Foreign Minister Kamikawa Yoko"]',
        'evidence = ["words the article does not hold"]',
        1,
    )
    annotation.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as error:
        build_dataset(data)
    problems = error.value.problems
    assert any("snippet 'words the article does not hold' not found" in p for p in problems)
    assert any(
        "kind: Input should be 'meeting', 'talks', 'speech', 'news conference' or 'meetings'" in p
        for p in problems
    )


THIRD = FIXTURES / "draft" / "link" / "third_report.txt"


def answer_review(draft: str) -> str:
    """What a reviewer answers, and only that: the year of every day written without one
    (the REVIEW line asks for it) and every value still saying REVIEW."""
    draft = re.sub(r'"--(\d\d)-(\d\d)"', r"2024-\1-\2", draft)
    return re.sub(r'"REVIEW: [^"]*"', '"Reviewed: the tour took place in March 2024."', draft)


async def test_three_reports_of_one_visit_make_one_picture(data, run_cli):
    """The bundled report, a second (initials, a more precise day) and a third (a day that
    disagrees, another title, a new person), each drafted into the data folder, its REVIEW
    values answered, and built, as a person does: one record per person and trip, the
    refined and the disputed dates kept with their sources, shown in the TUI."""
    from conftest import screen_text

    from explorer.tui.app import make_app
    from explorer.tui.widgets.country import CountryPane

    (data / "articles" / "second.txt").unlink()
    for name, article in (("second", SECOND), ("third", THIRD)):
        shutil.copy(article, data / "articles" / f"{name}.txt")
        drafted = run_cli("draft", str(data / "articles" / f"{name}.txt"), "--data-dir", str(data))
        assert drafted.returncode == 0, drafted.stderr
        path = data / "annotations" / f"{name}.toml"
        path.write_text(answer_review(drafted.stdout), encoding="utf-8")
        built = run_cli("build", "--data-dir", str(data))
        assert built.returncode == 0, built.stderr
    dataset = load_dataset(data / "dataset.json")
    assert sorted(p.id for p in dataset.people) == [
        "cho", "jaishankar", "kamikawa", "randhir-jaiswal"
    ]  # fmt: skip
    assert [t.id for t in dataset.trips] == ["jaishankar-east-asia"]
    jaishankar = next(p for p in dataset.people if p.id == "jaishankar")
    assert jaishankar.role == "External Affairs Minister"
    assert [(c.source, c.value) for c in jaishankar.claims if c.field == "role"][-1] == (
        "third", "foreign minister"
    )  # fmt: skip
    talks = next(e for e in dataset.events if e.id == "tokyo-talks")
    assert talks.disputed == ["dates"]
    assert [(c.source, str(c.value.start)) for c in talks.claims] == [
        ("jaishankar-east-asia-tour", "2024-03-06"),
        ("second", "2024-03-07"),
        ("third", "2024-03-08"),
    ]
    japan = next(leg for leg in dataset.trips[0].legs if leg.id == "jaishankar-japan")
    assert japan.disputed == [] and len({e.source for e in japan.evidence}) == 3
    app = make_app(dataset)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        shown = screen_text(app)
        assert "Japan, Tokyo  Mar 6–8, 2024 (year inferred)  [3 sources]" in shown
        assert "Talks between Kamikawa and Jaishankar  [sources differ]" in shown
        # A title one report gives otherwise is shown with the report that gives it.
        detail = str(app.screen.query_one(CountryPane).detail.render())
        assert "“foreign minister” per Japan, India vow closer defence ties" in detail
        assert "[3 sources]" in detail
