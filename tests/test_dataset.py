"""The bundled dataset, checked against the article's own text on disk."""

from __future__ import annotations

import hashlib
import re

import pytest
from conftest import ARTICLE

from explorer.core.checks import find_problems, walk
from explorer.core.model import DateSpan, Evidence
from explorer.core.names import words

QUOTATION = re.compile(r"“([^”]*)”")


def test_the_article_is_the_seed_byte_for_byte():
    seed = ARTICLE.parents[3] / "shared" / "seeds" / ARTICLE.name
    if not seed.exists():
        pytest.skip("the seed folder lies beside the checkout only on the build machine")
    assert ARTICLE.read_bytes() == seed.read_bytes()


def test_source_records_the_article_file_and_its_hash(dataset, article_text):
    (source,) = dataset.sources
    assert source.file == ARTICLE.name
    assert source.sha256 == hashlib.sha256(ARTICLE.read_bytes()).hexdigest()
    assert source.text == article_text
    assert source.outlet is None and source.published is None


def test_every_evidence_is_the_articles_words_at_its_offsets(dataset, article_text):
    evidence = [model for _, model in walk(dataset) if isinstance(model, Evidence)]
    assert len(evidence) > 80
    for item in evidence:
        assert article_text[item.start : item.end] == item.text, item


def test_every_fact_carries_evidence(dataset):
    facts = [
        *dataset.countries,
        *dataset.groupings,
        *dataset.people,
        *dataset.organizations,
        *dataset.trips,
        *(leg for trip in dataset.trips for leg in trip.legs),
        *dataset.events,
        *(mention for area in dataset.areas for mention in area.mentions),
        *dataset.proposals,
    ]
    assert all(fact.evidence for fact in facts)


def test_direct_quotes_are_exactly_the_articles_quotations(dataset, article_text):
    """Every passage between curly quotation marks is a direct quote, verbatim, and no other."""
    in_article = [(m.start(1), m.end(1), m.group(1)) for m in QUOTATION.finditer(article_text)]
    direct = sorted(
        (s.quote.start, s.quote.end, s.text) for s in dataset.statements if s.kind == "direct"
    )
    assert direct == in_article
    assert len(direct) == 8


def test_reported_statements_are_not_quotations(dataset, article_text):
    reported = [s for s in dataset.statements if s.kind == "reported"]
    assert len(reported) == 10
    quoted = {m.group(1) for m in QUOTATION.finditer(article_text)}
    assert not {s.text for s in reported} & quoted


def test_each_attribution_names_a_speaker_or_refers_back_to_one(dataset, index):
    pronouns = {"she", "he", "the two", "the indian minister"}
    for statement in dataset.statements:
        assert statement.attribution is not None, statement.id
        said = " ".join(words(statement.attribution.text))
        names = {
            word
            for speaker in statement.speakers
            for name in (index.parties[speaker].name, *index.parties[speaker].aliases)
            for word in words(name)
        }
        assert set(said.split()) & names or any(p in said for p in pronouns), statement.id


def test_kamikawa_has_exactly_two_direct_quotations(dataset, article_text):
    theirs = [s for s in dataset.statements if s.kind == "direct" and "kamikawa" in s.speakers]
    assert [s.text for s in theirs] == [
        "Japan especially places importance on its relations with India, which has nurtured "
        "its own democracy and history and represents the Global South,",
        "In light of the increasingly severe security environment of today, we confirmed the "
        "need for our defense and security cooperation,",
    ]
    for statement in theirs:
        after = article_text[statement.quote.end : statement.quote.end + 16]
        assert after.startswith(("” Kamikawa said", "” she said"))


def test_joint_and_ministry_attributions(dataset):
    by_id = {s.id: s for s in dataset.statements}
    assert by_id["jaishankar-cho-new-areas"].speakers == ["jaishankar", "cho"]
    assert by_id["mea-indo-pacific-visions"].speakers == ["mea"]
    assert (
        by_id["mea-indo-pacific-visions"].text == "respective Indo-Pacific visions and strategies"
    )
    assert by_id["ministers-military-exercises"].speakers == ["kamikawa", "jaishankar"]


def test_bundled_dataset_has_no_integrity_problems(dataset):
    assert find_problems(dataset) == []


def test_legs_keep_the_articles_dates_and_cities(dataset, article_text):
    (trip,) = dataset.trips
    legs = {leg.country: leg for leg in trip.legs}
    assert (legs["kr"].dates.start.day, legs["kr"].dates.end.day) == (5, 6)
    assert (legs["jp"].dates.start.day, legs["jp"].dates.end.day) == (6, 8)
    assert legs["kr"].city is None  # the article names no city in South Korea
    assert legs["jp"].city == "Tokyo"
    assert "South Korea (March 5-6)" in article_text and "Japan (March 6-8)" in article_text


def test_every_date_marks_its_year_as_inferred_with_a_reason(dataset, article_text):
    assert not re.search(r"\b(19|20)\d\d\b", article_text)  # the article gives no year
    spans = [model for _, model in walk(dataset) if isinstance(model, DateSpan)]
    assert spans
    inferences = {i.id: i for i in dataset.inferences}
    for span in spans:
        assert inferences[span.inferred["year"]].reason


def test_inferred_fields_point_to_reasons(dataset):
    inferences = {i.id for i in dataset.inferences}
    marked = [m for _, m in walk(dataset) if getattr(m, "inferred", None)]
    assert len(marked) > 10
    for model in marked:
        assert set(model.inferred.values()) <= inferences


def test_names_places_and_titles_come_from_the_article(dataset, article_text):
    """Nothing is presented as stated that the article does not state."""
    folded_article = set(words(article_text))
    for party in (*dataset.people, *dataset.organizations):
        for name in (party.name, *party.aliases):
            # Every word of every name is in the article (other word orders allowed).
            assert set(words(name)) <= folded_article, name
    for place in [e.place for e in dataset.events if e.place]:
        assert place in article_text
    for leg in dataset.trips[0].legs:
        assert leg.city is None or leg.city in article_text
    for person in dataset.people:
        assert person.role is None or set(words(person.role)) <= folded_article
    for event in dataset.events:
        numbers = re.findall(r"\d+\w*", event.title)
        assert all(n in article_text for n in numbers)


def test_every_country_the_article_names_is_there_with_its_role(dataset):
    roles = {part.country: part.role for part in dataset.trips[0].countries}
    assert roles == {
        "in": "traveller",
        "kr": "host",
        "jp": "host",
        "cn": "context",
        "us": "context",
        "au": "context",
    }
    (quad,) = dataset.groupings
    assert set(quad.members) == {"jp", "in", "us", "au"}


def test_new_areas_are_those_the_article_calls_new(dataset, article_text):
    for area in dataset.areas:
        for mention in area.mentions:
            sentence_start = article_text.rfind("\n", 0, mention.evidence[0].start) + 1
            sentence = article_text[sentence_start : mention.evidence[0].end]
            assert mention.new == ("new areas" in sentence), (area.id, mention)


def test_the_trilateral_is_given_to_scholars(dataset):
    proposal = next(p for p in dataset.proposals if p.kind == "proposal")
    assert proposal.by == ["scholars"]
    assert set(proposal.countries) == {"in", "jp", "kr"}
    assert all(p.by == [] for p in dataset.proposals if p.kind == "analysis")
