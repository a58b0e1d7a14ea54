"""Building from several articles: one record for one thing, citing each; conflicts named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explorer.core.query import Index
from explorer.ingest.build import build_dataset, dataset_json
from explorer.ingest.merge import dates_relation
from explorer.tui.screens.source import source_text
from explorer.tui.views import Ref, Views

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "merge"


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


def edit(data_dir, name: str, old: str, new: str) -> None:
    path = data_dir / "annotations" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_same_things_become_one_record_citing_both_articles():
    dataset = build_dataset(FIXTURE)
    assert [p.id for p in dataset.people] == ["costa", "eklund"]  # "ana-costa" matched by name
    assert [c.id for c in dataset.countries] == ["veloria", "nordmark"]  # "vel" by name
    for record in (*dataset.people, *dataset.countries, dataset.events[0], dataset.trips[0]):
        assert {e.source for e in record.evidence} == {"wire-a", "wire-b"}, record
    (leg,) = dataset.trips[0].legs
    assert {e.source for e in leg.evidence} == {"wire-a", "wire-b"}
    assert dataset.trips[0].traveller == "costa"
    assert len(dataset.inferences) == 1


def test_references_follow_the_merged_ids():
    dataset = build_dataset(FIXTURE)
    speakers = {s.id: s.speakers for s in dataset.statements}
    assert speakers == {"costa-build": ["costa"], "eklund-new-chapter": ["eklund"]}
    assert dataset.events[0].participants == ["costa", "eklund"]
    partners = [m.partners for area in dataset.areas for m in area.mentions]
    assert partners == [["nordmark"], ["veloria", "nordmark"]]


def test_the_build_stays_byte_identical():
    assert dataset_json(build_dataset(FIXTURE)) == dataset_json(build_dataset(FIXTURE))


def test_two_dates_for_one_event_that_cannot_both_be_true_are_kept_as_disputed(data_dir):
    """Sources disagreeing is something to show the reader, never a build failure."""
    edit(
        data_dir,
        "wire-b.toml",
        'dates = { start = 2025-05-12, end = 2025-05-13, precision = "within"',
        'dates = { start = 2025-05-14, end = 2025-05-14, precision = "day"',
    )
    event = next(e for e in build_dataset(data_dir).events if e.id == "halvik-talks")
    assert event.disputed == ["dates"]
    assert [(c.source, str(c.value.start), str(c.value.end)) for c in event.claims] == [
        ("wire-a", "2025-05-12", "2025-05-13"),
        ("wire-b", "2025-05-14", "2025-05-14"),
    ]
    # The first source's dates stand until a reader settles it.
    assert (str(event.dates.start), str(event.dates.end)) == ("2025-05-12", "2025-05-13")


def test_a_day_inside_a_range_given_as_within_refines_it(data_dir):
    edit(
        data_dir,
        "wire-b.toml",
        'dates = { start = 2025-05-12, end = 2025-05-13, precision = "within"',
        'dates = { start = 2025-05-13, end = 2025-05-13, precision = "day"',
    )
    event = next(e for e in build_dataset(data_dir).events if e.id == "halvik-talks")
    assert (str(event.dates.start), event.dates.precision) == ("2025-05-13", "day")
    assert event.disputed == [] and [c.source for c in event.claims] == ["wire-a", "wire-b"]


def test_two_titles_for_one_person_are_both_kept(data_dir):
    edit(data_dir, "wire-b.toml", 'role = "Prime Minister"', 'role = "President"')
    person = next(p for p in build_dataset(data_dir).people if p.id == "eklund")
    assert person.role == "Prime Minister" and person.disputed == []
    assert [(c.source, c.value) for c in person.claims] == [
        ("wire-a", "Prime Minister"),
        ("wire-b", "President"),
    ]


def test_the_source_view_shows_each_article_behind_a_merged_fact():
    dataset = build_dataset(FIXTURE)
    index = Index(dataset)
    text = source_text(index, Views(index), Ref("event", "halvik-talks")).plain
    assert "From Costa arrives in Nordmark (title given by the annotator)" in text
    assert "From Nordmark and Veloria sign hydrogen memorandum" in text
    assert "wire-a.txt" in text and "wire-b.txt" in text
    assert "In Halvik, Costa held talks with Prime Minister Lars Eklund" in text
    assert "after his talks with Costa" in text


@pytest.mark.parametrize(
    ("old", "new", "relation"),
    [
        (("05-12", "05-13", "within"), ("05-13", "05-13", "day"), "refines"),
        (("05-12", "05-14", "span"), ("05-13", "05-13", "day"), "agrees"),
        (("05-13", "05-13", "day"), ("05-12", "05-14", "span"), "agrees"),  # either order
        (("05-12", "05-13", "within"), ("05-13", "05-14", "within"), "agrees"),
        (("05-12", "05-13", "day"), ("05-13", "05-14", "span"), "disagrees"),
        (("05-12", "05-12", "day"), ("05-14", "05-14", "day"), "disagrees"),
    ],
)
def test_how_two_sources_dates_stand(old, new, relation):
    def dates(start, end, precision):
        return {"start": f"2025-{start}", "end": f"2025-{end}", "precision": precision}

    assert dates_relation(dates(*old), dates(*new)) == relation
