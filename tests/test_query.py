"""The query layer on the bundled dataset and on property-generated input."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from explorer.core.dates import date_label
from explorer.core.names import NameMatcher, fold, name_words, words
from explorer.core.query import Filter, Index

KAMIKAWA = {
    "kamikawa-global-south",
    "kamikawa-security-environment",
    "kamikawa-expand-security-cooperation",
    "kamikawa-space-cybersecurity",
    "kamikawa-dialogue",
    "ministers-military-exercises",
    "kamikawa-high-speed-rail",
}
CHO = {"jaishankar-cho-new-areas"}


def ids(statements) -> set[str]:
    return {s.id for s in statements}


@pytest.mark.parametrize(
    "query",
    ["kamikawa", "Yoko", "KAMIKAWA YOKO", "yoko kamikawa", "Kamikawá", "kami", "  yoko  "],
)
def test_kamikawa_by_any_form_of_her_name(index, query):
    assert ids(index.quotes(speaker=query)) == KAMIKAWA


@pytest.mark.parametrize("query", ["cho tae-yul", "Cho Taeyul", "tae yul", "TAE-YUL CHO", "cho"])
def test_cho_by_any_form_of_his_name(index, query):
    assert ids(index.quotes(speaker=query)) == CHO


@pytest.mark.parametrize("query", ["subrahmanyam", "Jaishankar", "S. Jaishankar", "JAISHANKAR S"])
def test_jaishankar_by_any_form_of_his_name(index, query):
    found = ids(index.quotes(speaker=query))
    assert len(found) == 9
    assert "jaishankar-cho-new-areas" in found and "ministers-military-exercises" in found
    assert not found & {"kamikawa-global-south", "mea-common-ground"}


def test_the_ministry_and_the_scholars_are_speakers(index):
    assert ids(index.quotes(speaker="ministry of external affairs")) == {
        "mea-indo-pacific-visions",
        "mea-common-ground",
    }
    assert ids(index.quotes(speaker="scholars")) == {"scholars-trilateral"}


def test_kamikawa_direct_quotes_only(index):
    assert ids(index.quotes(speaker="kamikawa", kind="direct")) == {
        "kamikawa-global-south",
        "kamikawa-security-environment",
    }


def test_a_speaker_nobody_is_is_an_empty_result(index):
    assert index.quotes(speaker="modi") == []
    assert index.quotes(speaker="kamikawa", country="south korea") == []


def test_by_country_is_where_it_was_said(index):
    in_korea = index.quotes(country="Republic of Korea")
    assert ids(in_korea) == ids(index.quotes(country="kr"))
    assert {index.statement_country(s).id for s in in_korea} == {"kr"}
    assert len(in_korea) == 8
    assert index.quotes(country="china") == []


def test_by_event_area_and_kind(index):
    at_speech = ids(index.quotes(event="diplomatic academy"))
    assert at_speech == {
        "jaishankar-is-significant",
        "jaishankar-even-more-so",
        "jaishankar-de-risking",
        "jaishankar-much-to-be-gained",
        "jaishankar-economic-logic",
    }
    assert ids(index.quotes(area="semiconductors")) == {
        "jaishankar-cho-new-areas",
        "jaishankar-economic-security",
    }
    assert ids(index.quotes(area="high-speed rail")) == {"kamikawa-high-speed-rail"}
    # A category name selects all its areas.
    energy = ids(index.quotes(area="energy and climate"))
    assert energy == {"jaishankar-cho-new-areas", "jaishankar-economic-security"}
    assert len(index.quotes(kind="direct")) == 8
    assert len(index.quotes(kind="reported")) == 10


def test_search_by_words(index):
    assert ids(index.quotes(text="GLOBAL south")) == {"kamikawa-global-south"}
    assert ids(index.quotes(text="de-risking")) == {"jaishankar-de-risking"}
    assert ids(index.quotes(text="hydrogen semiconductors")) == {"jaishankar-cho-new-areas"}
    assert index.quotes(text="nuclear") == []


def test_filter_by_leg_ids(index):
    found = index.select(Filter(legs=frozenset({"jaishankar-japan"}), kind="direct"))
    assert ids(found) == {
        "jaishankar-abiding-stake",
        "kamikawa-global-south",
        "kamikawa-security-environment",
    }


def test_timeline_is_in_date_order_with_events_under_legs(index):
    timeline = index.timeline()
    assert [entry.leg.country for entry in timeline] == ["kr", "jp"]
    assert [e.id for e in timeline[0].events] == ["joint-commission", "knda-speech"]
    assert [e.id for e in timeline[1].events] == [
        "tokyo-talks",
        "tokyo-news-conference",
        "tokyo-meetings",
    ]
    starts = [entry.leg.dates.start for entry in timeline]
    assert starts == sorted(starts)


def test_statement_dates_say_a_day_within_the_leg(index):
    statement = next(s for s in index.dataset.statements if s.id == "jaishankar-abiding-stake")
    assert date_label(index.statement_dates(statement)) == "during Mar 6–8, 2024 (year inferred)"
    assert (
        index.statement_dates(
            next(s for s in index.dataset.statements if s.id == "scholars-trilateral")
        )
        is None
    )


def test_each_countrys_quote_count_is_the_statements_made_there():
    """Counted from every statement's place at once, as each statement's own country says."""
    from explorer.core.load import validate_dataset
    from explorer.ingest.synth import generate

    index = Index(validate_dataset(generate(400), "synthetic"))
    expected = Counter(
        country.id
        for statement in index.dataset.statements
        if (country := index.statement_country(statement)) is not None
    )
    counts = {c: index.country_summary(c).quote_count for c in index.countries}
    assert counts == {c: expected[c] for c in index.countries} and sum(counts.values()) > 0


def test_country_summary(index):
    japan = index.country_summary("jp")
    assert japan.role == "host"
    assert [p.name for p in japan.officials] == ["Kamikawa Yoko"]
    assert [g.name for g in japan.groupings] == ["Quad"]
    assert len(japan.events) == 3
    assert japan.quote_count == 9
    assert {a.id for a, _ in japan.areas} >= {"space", "high-speed-rail", "semiconductors"}
    china = index.country_summary("cn")
    assert china.role == "context" and china.quote_count == 0 and not china.areas


def test_a_countrys_speakers_are_counted_wherever_they_spoke(index):
    """India's minister spoke in Korea and Japan: none of it was said in India."""
    d = index.dataset
    of_country = {p.id: p.country for p in [*d.people, *d.organizations]}
    for country in d.countries:
        spoken = [s for s in d.statements if any(of_country[p] == country.id for p in s.speakers)]
        assert index.country_summary(country.id).spoken_count == len(spoken)
    india = index.country_summary("in")
    assert india.quote_count == 0 < india.spoken_count


def test_shared_areas(index):
    shared = index.shared_areas("jp", "kr")
    assert {a.id for a in shared.both} == {
        "security-cooperation",
        "supply-chains",
        "semiconductors",
    }
    assert "high-speed-rail" in {a.id for a in shared.only_first}
    assert "green-hydrogen" in {a.id for a in shared.only_second}
    everything = shared.both + shared.only_first + shared.only_second
    assert len(everything) == len(index.dataset.areas)


def test_areas_by_category_follow_the_taxonomy(index):
    grouped = index.areas_by_category()
    assert grouped[0][0].id == "defence-security"
    assert sum(len(areas) for _, areas in grouped) == len(index.dataset.areas)


def test_name_words_join_hyphenated_parts():
    assert name_words("Cho Tae-yul") == {"cho", "tae", "yul", "taeyul"}
    assert words("India’s MEA") == ["indias", "mea"]
    assert fold("Ōkubo") == "okubo"


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=40))
def test_any_typed_speaker_query_is_safe_and_narrows(index, text):
    found = ids(index.quotes(speaker=text))
    assert found <= ids(index.dataset.statements)


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12))
def test_a_name_always_matches_itself_in_any_case(name):
    # Some letters (Turkish dotless ı) do not survive a round trip through upper case.
    assume(words(name) and fold(name.upper()) == fold(name))
    matcher = NameMatcher([("x", [name])])
    assert matcher.match(name.upper()) == ["x"]
    assert matcher.match(name.lower()) == ["x"]


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Łukasz Kowalczyk", "lukasz"),
        ("Lars Løkke Rasmussen", "lokke"),
        ("Đorđe Đukanović", "dorde dukanovic"),
        ("Ævar Þórsson", "aevar thorsson"),
        ("Gustav Weißmann", "weissmann"),
        ("Kamikawa Yōko", "yoko"),
    ],
)
def test_letters_without_a_decomposition_are_found_by_their_plain_letters(name, typed):
    matcher = NameMatcher([("p", [name])])
    assert matcher.match(typed) == ["p"]
    assert matcher.match(name.upper()) == ["p"]


def test_other_scripts_are_kept_as_they_are():
    # Folding to Latin would turn these into other words; they must match themselves.
    assert words("Москва") == ["москва"]
    assert NameMatcher([("p", ["Сергей Лавров"])]).match("лавров") == ["p"]
    assert NameMatcher([("p", ["王毅"])]).match("王毅") == ["p"]
    assert NameMatcher([("p", ["王毅"])]).match("wang") == []


def test_search_finds_speakers_and_words_within_a_filter(index, article_text):
    from explorer.core.query import NO_FILTER, Filter

    found = index.search(NO_FILTER, "impelled by both national interests")
    assert [article_text[s.quote.start : s.quote.end] for s in found] == [found[0].text]
    assert "impelled by both national interests" in found[0].text
    assert index.matched_by(found[0], "impelled by both national interests") == "words"
    # Letters typed one by one narrow what the shorter word found, to the same answer.
    for typed in ("n", "na", "nat", "nati", "natio", "nation"):
        step = index.search(NO_FILTER, typed)
    fresh = type(index)(index.dataset)
    assert step == fresh.search(NO_FILTER, "nation")
    # Within a filter: only what passes it, speakers and words alike.
    reported = index.search(Filter(kind="reported"), "kamikawa")
    assert reported and {s.kind for s in reported} == {"reported"}
    assert {index.matched_by(s, "kamikawa") for s in reported} <= {"speaker", "both"}
    only = index.search(Filter(speakers=frozenset({"cho"})), "cooperation")
    assert only and all("cho" in s.speakers for s in only)
    assert index.search(NO_FILTER, "cho") == index.select(Filter(speakers=frozenset({"cho"})))


def test_what_a_search_matched_is_said_of_the_statements_own_words(index, article_text):
    """A name found only in "Kamikawa said" is the speaker's, not the statement's words;
    a word found only there is the attribution's."""
    from explorer.core.names import spaced_words
    from explorer.core.query import NO_FILTER

    def own_words(statement) -> str:
        return spaced_words(article_text[statement.quote.start : statement.quote.end])

    found = index.search(NO_FILTER, "kamikawa")
    assert any(" kamikawa" in spaced_words(s.attribution.text) for s in found if s.attribution)
    for statement in found:
        said = " kamikawa" in own_words(statement)
        assert index.matched_by(statement, "kamikawa") == ("both" if said else "speaker")
    by_attribution = [s for s in index.search(NO_FILTER, "said") if " said" not in own_words(s)]
    assert by_attribution
    assert {index.matched_by(s, "said") for s in by_attribution} == {"attribution"}


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("defence", "defense"),
        ("offences", "offenses"),
        ("labour", "labor"),
        ("organisation", "organization"),
        ("recognised", "recognized"),
        ("centre", "center"),
        ("dialogue", "dialog"),
        ("programme", "program"),
        ("analyse", "analyze"),
    ],
)
def test_a_word_has_its_other_spelling(typed, other):
    from explorer.core.names import spellings

    assert spellings(typed) == (typed, other) and spellings(other) == (other, typed)


@pytest.mark.parametrize("word", ["four", "tour", "hour", "sense", "size", "is", "nat", "defen"])
def test_a_word_too_short_or_cut_short_has_no_other_spelling(word):
    from explorer.core.names import spellings

    assert spellings(word) == (word,)


def test_names_are_matched_in_either_spelling(index):
    """The areas say "Defence and security"; "defense" finds them too."""
    assert index.area_matcher.match("defense") == index.area_matcher.match("defence") != []


def test_either_spelling_is_marked_where_found():
    from explorer.core.names import found_spans

    text = "Talks on defense and the Defence Ministry's programmes"
    assert [text[a:b] for a, b in found_spans(text, "defence program")] == [
        "defense",
        "Defence",
        "programme",  # "program" and "programme" both begin it: one span
    ]


def test_a_search_finds_either_spelling(index, article_text):
    """The article writes "defense"; the dataset's areas say "Defence": either finds the
    statements whose words hold it."""
    import re

    from explorer.core.query import NO_FILTER

    said = [
        s for s in index.dataset.statements
        if re.search(r"\bdefen[cs]e", article_text[s.quote.start : s.quote.end], re.I)
    ]  # fmt: skip
    assert said
    for typed in ("defence", "Defense", "DEFENCE"):
        found = index.search(NO_FILTER, typed)
        assert set(map(id, said)) <= set(map(id, found)), typed
        assert all(index.matched_by(s, typed) in ("words", "both") for s in said)


def test_the_name_matcher_answers_the_same_however_the_query_was_typed():
    """Typed letter by letter, deleted, retyped in another order: each answer is the one a
    fresh matcher gives (the matcher narrows from earlier answers only when it may)."""
    from explorer.core.names import NameMatcher

    names = [
        ("a", ["Kamikawa Yoko"]),
        ("b", ["Yoko Ono"]),
        ("c", ["Cho Tae-yul"]),
        ("d", ["Kamala Harris", "VP Harris"]),
        ("e", ["Subrahmanyam Jaishankar"]),
    ]
    used = NameMatcher(names)
    typed = ["k", "ka", "kam", "kami", "kamik", "kami", "kam", "ka", "ka y", "ka yo", "yo",
             "yoko", "yoko k", "y", "", "cho t", "cho", "c", "harris k", "harris"]  # fmt: skip
    for query in typed:
        assert used.match(query) == NameMatcher(names).match(query), query


def _reference_match(names, query):
    """The rule, plainly: every word of the query begins a word of one name of the thing."""
    wanted = words(query)
    return [
        key
        for key, all_names in names
        if wanted
        and any(
            all(any(word.startswith(part) for word in name_words(name)) for part in wanted)
            for name in all_names
            if name
        )
    ]


NAME_PARTS = st.sampled_from(
    ["Kamikawa", "Yoko", "Cho", "Tae-yul", "Kamala", "Ono", "ka", "O'Neil"]
)


@given(
    names=st.lists(st.lists(NAME_PARTS, min_size=1, max_size=3).map(" ".join), max_size=8),
    query=st.text(alphabet="kamyoctehrn -'", max_size=8),
)
def test_the_name_matcher_gives_what_the_rule_says(names, query):
    things = [(str(n), [name, name.upper()]) for n, name in enumerate(names)]
    assert NameMatcher(things).match(query) == _reference_match(things, query)


def test_a_search_while_the_indexes_are_built_finds_every_speaker_then_every_word(dataset):
    """Built a slice at a time between keys: meanwhile a search builds nothing it can do
    without, says it is partial, and still finds every statement of a speaker it names."""
    from explorer.core.query import NO_FILTER, Index

    whole = Index(dataset)
    building = Index(dataset)
    building.background = True
    steps = building.warm_steps()
    next(steps)  # a first slice only
    assert building.indexing and not building._texts_done
    said = {s.id for s in whole.select(Filter(speakers=frozenset({"kamikawa"})))}
    assert said and {s.id for s in building.search(NO_FILTER, "kamikawa")} >= said
    for _ in steps:
        pass
    building.background = False
    assert not building.indexing
    for query in ["kamikawa", "national interests", "india", "cho coop", "zzz"]:
        assert building.search(NO_FILTER, query) == whole.search(NO_FILTER, query), query


def test_words_asked_while_indexed_are_carried_on_over_the_words_indexed_since():
    """An answer given while the words are indexed covers those indexed then; asked again
    (or a longer word after it) it covers the ones indexed since, as a new look would."""
    from explorer.core.load import validate_dataset
    from explorer.core.query import NO_FILTER, Index, _word_starts
    from explorer.ingest.synth import generate

    dataset = validate_dataset(generate(1200), "synthetic")
    whole, building = Index(dataset), Index(dataset)
    building.background = True
    steps = building._text_steps(chunk=100)

    def by_look(query: str) -> set[int]:
        texts = building._texts
        return {
            i
            for i, t in enumerate(texts)
            if all(any(s in t for s in w) for w in _word_starts(query))
        }

    for query in ["co", "coo", "co", "c", "coop", "zz"]:
        next(steps, None)
        got = {building._position[id(s)] for s in building.search(NO_FILTER, query)}
        speakers = set(building._positions_of(building._speakers_for(query)))
        assert got - speakers == by_look(query) - speakers, query
    for _ in steps:
        pass
    building.background = False
    for query in ["co", "coo", "c", "coop", "zz"]:
        assert building.search(NO_FILTER, query) == whole.search(NO_FILTER, query), query


@pytest.mark.parametrize("warm", [False, True])
def test_a_statement_is_found_in_any_rows_it_stands_in(dataset, warm):
    """The quote list keeps its cursor on the statement it was on: found by bisection in
    rows in the dataset's order once the statements are numbered, by looking before that
    and in rows sorted otherwise; None where absent."""
    index = Index(dataset)
    if warm:
        index.warm()
    everything = index.select(Filter())
    found = index.search(Filter(), "kamikawa")
    for rows in (everything, found):
        for n, statement in enumerate(rows):
            assert index.place_in(rows, statement) == n
    by_speaker = index.sort(everything, "speaker", reverse=True)  # (sorting numbers them)
    for n, statement in enumerate(by_speaker):
        assert index.place_in(by_speaker, statement) == n
    missing = next(s for s in everything if s not in found)
    assert index.place_in(found, missing) is None
    assert index.place_in(found, None) is None
