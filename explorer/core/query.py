"""The query layer: questions the command line and the TUI ask of a dataset.

It imports nothing from Textual; a test enforces that.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from explorer.core.dates import date_label
from explorer.core.model import (
    Area,
    AreaMention,
    Category,
    Claim,
    Country,
    Dataset,
    DateSpan,
    Event,
    Grouping,
    Leg,
    Organization,
    Person,
    Source,
    Statement,
    Trip,
)
from explorer.core.names import NameMatcher, fold, spaced_words, spellings, words

Party = Person | Organization
ROLE_ORDER = {"traveller": 0, "host": 1, "context": 2}


@dataclass(frozen=True)
class TimelineLeg:
    """A leg of a trip with its events in date order."""

    trip: Trip
    leg: Leg
    events: list[Event]


@dataclass(frozen=True)
class CountrySummary:
    """What the dataset says about one country."""

    country: Country
    roles: list[tuple[Trip, str]]
    officials: list[Person]
    organizations: list[Organization]
    groupings: list[Grouping]
    legs: list[Leg]
    events: list[Event]
    areas: list[tuple[Area, AreaMention]]
    quote_count: int  # said in the country
    spoken_count: int  # said by its people and bodies, anywhere

    @property
    def role(self) -> str | None:
        """The country's most central role in any trip: traveller, then host, then context."""
        roles = sorted((role for _, role in self.roles), key=ROLE_ORDER.__getitem__)
        return roles[0] if roles else None


@dataclass(frozen=True)
class SharedAreas:
    """The areas two partners share, and those only one of them has."""

    both: list[Area]
    only_first: list[Area]
    only_second: list[Area]


@dataclass(frozen=True)
class Filter:
    """Which statements to show; None means "any". Id sets come from the dataset."""

    speakers: frozenset[str] | None = None
    countries: frozenset[str] | None = None
    legs: frozenset[str] | None = None
    events: frozenset[str] | None = None
    areas: frozenset[str] | None = None
    kind: str | None = None
    text: str = ""


NO_FILTER = Filter()


@dataclass(frozen=True)
class SourceSummary:
    """One article of the dataset and what it contributes: how many records of each kind
    cite its words."""

    source: Source
    title_in_text: bool  # False: the title is the annotator's, the article gives none
    counts: dict[str, int]


def source_summaries(dataset: Dataset) -> list[SourceSummary]:
    """Each article, in the dataset's order, with the records that cite it, by kind."""
    cited: dict[str, dict[str, int]] = {s.id: {} for s in dataset.sources}

    def count(kind: str, sources: set[str]) -> None:
        for source in sources:
            if source in cited:
                cited[source][kind] = cited[source].get(kind, 0) + 1

    for kind, records in (
        ("countries", dataset.countries),
        ("people", dataset.people),
        ("organizations", dataset.organizations),
        ("trips", dataset.trips),
        ("events", dataset.events),
        ("proposals", dataset.proposals),
    ):
        for item in records:
            count(kind, {e.source for e in item.evidence})
    for trip in dataset.trips:
        for leg in trip.legs:
            count("legs", {e.source for e in leg.evidence})
    for statement in dataset.statements:
        count(f"{statement.kind} statements", {statement.quote.source})
    for area in dataset.areas:
        for mention in area.mentions:
            count("area mentions", {e.source for e in mention.evidence})
    return [SourceSummary(s, title_in_text(s), cited[s.id]) for s in dataset.sources]


def title_in_text(source: Source) -> bool:
    """Whether the article's text holds its title (else the annotator gave it)."""
    return source.title.strip().lower() in source.text.lower()


def cited_sources(record: object) -> list[str]:
    """The ids of the articles a record's evidence comes from, in order, each once."""
    return list(dict.fromkeys(e.source for e in getattr(record, "evidence", ())))


def sources_mark(record: object) -> str:
    """What a reader should see of a record's sources: "sources differ" where they
    disagree, "N sources" where several agree, nothing for one."""
    if getattr(record, "disputed", None):
        return "sources differ"
    count = len(cited_sources(record))
    return f"{count} sources" if count > 1 else ""


def claim_words(claim: Claim) -> str:
    """A claim's value as a reader reads it: a date with its precision, else the text."""
    return date_label(claim.value) if isinstance(claim.value, DateSpan) else claim.value


@dataclass(repr=False)
class Index:
    """A dataset with the look-ups and matchers its questions need."""

    dataset: Dataset

    def __post_init__(self) -> None:
        d = self.dataset
        self.countries = {c.id: c for c in d.countries}
        self.parties: dict[str, Party] = {p.id: p for p in (*d.people, *d.organizations)}
        self.trips = {t.id: t for t in d.trips}
        self.legs = {leg.id: leg for t in d.trips for leg in t.legs}
        self.leg_trip = {leg.id: t for t in d.trips for leg in t.legs}
        self.events = {e.id: e for e in d.events}
        self.areas = {a.id: a for a in d.areas}
        self.categories = {c.id: c for c in d.categories}
        self.inferences = {i.id: i for i in d.inferences}
        self.sources = {s.id: s for s in d.sources}
        # Answers kept between keystrokes: a word's matches, each order's keys, the last
        # query's speakers.
        self._word_hit_cache: dict[str, tuple[frozenset[int], int]] = {}  # (hits, covering)
        self._sort_key_cache: dict[str, list[tuple]] = {}
        self._last_speakers: tuple[str, frozenset[str]] | None = None
        # The search's indexes: the speakers' names, statement positions by speaker, and each
        # statement's searched words. Built by `warm_steps` a slice at a time (an app does
        # it between keys) or on first use; meanwhile a search finishes the speakers' and
        # looks at the words built so far, and `indexing` says so.
        self.background = False  # the app is building the indexes between keys
        self._speaker_matcher: NameMatcher | None = None
        self._matcher_building = NameMatcher()
        self._parties_listed = list(self.parties.values())
        self._matcher_added = 0
        self._speaker_index: dict[str, list[int]] | None = None
        self._speaker_building: dict[str, list[int]] = defaultdict(list)
        self._speakers_added = 0
        self._texts: list[str] = []
        self._numbered: dict[int, int] = {}  # id of a statement -> its place, as built
        self._numbered_to = 0

    def __repr__(self) -> str:
        return f"<Index of {len(self.dataset.statements)} statements>"

    @cached_property
    def titled(self) -> dict[str, bool]:
        """Whether each article's text holds its title (else the annotator gave it)."""
        return {s.id: title_in_text(s) for s in self.dataset.sources}

    # ------------------------------------------------------------- matchers

    @property
    def speaker_matcher(self) -> NameMatcher:
        """Matches people and organizations by name or alias (what `warm_steps` has not
        built yet, built now)."""
        if self._speaker_matcher is None:
            _finish(self._matcher_steps())
        return self._speaker_matcher  # type: ignore[return-value]

    def _matcher_steps(self, chunk: int = 250) -> Iterator[None]:
        """Add the parties to the matcher being built, `chunk` at a time, where the last
        call left off; then finish it."""
        building, parties = self._matcher_building, self._parties_listed
        while self._matcher_added < len(parties):
            start = self._matcher_added
            for party in parties[start : start + chunk]:
                building.add(party.id, [party.name, *party.aliases])
            self._matcher_added = min(start + chunk, len(parties))
            yield
        if self._speaker_matcher is None:
            building.finish()
            self._speaker_matcher = building

    @cached_property
    def country_matcher(self) -> NameMatcher:
        """Matches countries by id, name or alias."""
        return NameMatcher((c.id, [c.id, c.name, *c.aliases]) for c in self.countries.values())

    @cached_property
    def event_matcher(self) -> NameMatcher:
        """Matches events by id or title."""
        return NameMatcher((e.id, [e.id, e.title]) for e in self.events.values())

    @cached_property
    def area_matcher(self) -> NameMatcher:
        """Matches areas by id, name, or the id or name of their category."""
        return NameMatcher(
            (a.id, [a.id, a.name, a.category, self.category_name(a.category)])
            for a in self.areas.values()
        )

    def category_name(self, category_id: str) -> str:
        """A category's name, or its id if the taxonomy lacks it."""
        category = self.categories.get(category_id)
        return category.name if category else category_id

    # -------------------------------------------------------- statement facts

    def statement_leg(self, statement: Statement) -> Leg | None:
        """The leg a statement was made on: its own, else its event's."""
        leg_id = statement.leg
        if leg_id is None and statement.event is not None:
            leg_id = self.events[statement.event].leg
        return self.legs.get(leg_id) if leg_id else None

    def statement_dates(self, statement: Statement) -> DateSpan | None:
        """When a statement was made: on a day of its event's dates, else of its leg's.

        Words are said on one day, so a range here means "on some day within it".
        """
        if statement.event is not None:
            span = self.events[statement.event].dates
        else:
            leg = self.statement_leg(statement)
            if leg is None:
                return None
            span = leg.dates
        return span if span.precision != "span" else dataclasses.replace(span, precision="within")

    def statement_country(self, statement: Statement) -> Country | None:
        """The country a statement was made in, if the dataset places it."""
        leg = self.statement_leg(statement)
        return self.countries.get(leg.country) if leg else None

    def statement(self, statement_id: str) -> Statement:
        """A statement by id."""
        return self._statements[statement_id]

    @cached_property
    def _statements(self) -> dict[str, Statement]:
        return {s.id: s for s in self.dataset.statements}

    def speaker_names(self, statement: Statement) -> list[str]:
        """Display names of a statement's speakers."""
        return [self.parties[s].name for s in statement.speakers]

    def has_spoken(self, party_id: str) -> bool:
        """Whether a person or organization is the speaker of any statement (some are only
        named in one)."""
        return party_id in self._by_speaker

    def _positions_of(self, speakers: frozenset[str] | set[str]) -> list[int]:
        """Positions of the statements any of `speakers` said, in order."""
        index = self._by_speaker
        return sorted({i for s in speakers for i in index.get(s, ())})

    @property
    def _by_speaker(self) -> dict[str, list[int]]:
        """The positions of each speaker's statements (what `warm_steps` has not indexed
        yet, indexed now: it costs what one look at every statement would)."""
        if self._speaker_index is None:
            _finish(self._speaker_steps())
        return self._speaker_index or {}

    def _speaker_steps(self, chunk: int = 5_000) -> Iterator[None]:
        """Index statements by speaker, `chunk` at a time, where the last call left off."""
        by_speaker, statements = self._speaker_building, self.dataset.statements
        while self._speakers_added < len(statements):
            start = self._speakers_added
            end = min(start + chunk, len(statements))
            for index in range(start, end):
                for speaker in statements[index].speakers:
                    by_speaker[speaker].append(index)
            self._speakers_added = end
            yield
        self._speaker_index = by_speaker

    @cached_property
    def _statement_places(self) -> list[tuple[str | None, str | None]]:
        """(leg id, country id) of every statement, by index: one pair per leg, shared."""
        leg_of_event = {event.id: event.leg for event in self.dataset.events}
        place_of_leg = {leg_id: (leg_id, leg.country) for leg_id, leg in self.legs.items()}
        nowhere: tuple[str | None, str | None] = (None, None)
        legs = [s.leg or leg_of_event.get(s.event) for s in self.dataset.statements]
        return [(place_of_leg.get(leg) or (leg, None)) if leg else nowhere for leg in legs]

    @cached_property
    def _quotes_by_country(self) -> Counter[str | None]:
        """How many statements each country's legs hold."""
        by_country: Counter[str | None] = Counter()
        for (_, country), count in Counter(self._statement_places).items():
            by_country[country] += count
        return by_country

    # ---------------------------------------------------------------- quotes

    def select(self, flt: Filter) -> list[Statement]:
        """Statements passing every part of `flt`, in dataset order."""
        statements = self.dataset.statements
        if flt == NO_FILTER:
            return list(statements)
        if flt.speakers is not None:
            candidates = self._positions_of(flt.speakers)
        else:
            candidates = range(len(statements))
        return [statements[i] for i in self._passing(flt, candidates)]

    def _passing(self, flt: Filter, candidates) -> list[int]:
        """Those of `candidates` (positions, in order) whose statements pass `flt`."""
        statements = self.dataset.statements
        text_words = _word_starts(flt.text)
        texts = self._searched() if text_words else []
        places = self._statement_places
        result = []
        for i in candidates:
            statement = statements[i]
            leg_id, country_id = places[i]
            if flt.kind is not None and statement.kind != flt.kind:
                continue
            if flt.countries is not None and country_id not in flt.countries:
                continue
            if flt.legs is not None and leg_id not in flt.legs:
                continue
            if flt.events is not None and statement.event not in flt.events:
                continue
            if flt.areas is not None and flt.areas.isdisjoint(statement.areas):
                continue
            if text_words:
                text = texts[i] if i < len(texts) else _searchable(statement)
                if not _holds(text, text_words):
                    continue
            result.append(i)
        return result

    def _searched(self) -> list[str]:
        """Each statement's words and the words naming its speaker, folded, for the search,
        by position: all of them, unless the app is still building them between keys (then
        those built so far: `indexing` says so)."""
        if not self._texts_done and not self.background:
            _finish(self._text_steps())
        return self._texts

    def index_speakers(self) -> None:
        """Build the speakers' matcher and index now (what `warm_steps` builds first)."""
        _finish(self._matcher_steps())
        _finish(self._speaker_steps())

    @property
    def indexing(self) -> bool:
        """Whether the app is still building the search's indexes: a search until then
        finds every speaker but looks only at the words indexed so far."""
        return self.background and not self._texts_done

    @property
    def _texts_done(self) -> bool:
        return len(self._texts) == len(self.dataset.statements)

    def _text_steps(self, chunk: int = 500) -> Iterator[None]:
        """Each statement's searched words, `chunk` at a time, where the last call left off."""
        texts, statements = self._texts, self.dataset.statements
        while len(texts) < len(statements):
            start = len(texts)
            texts.extend([_searchable(s) for s in statements[start : start + chunk]])
            yield

    def warm(self) -> None:
        """Build what the search needs, all at once."""
        _finish(self.warm_steps())

    def warm_steps(self) -> Iterator[None]:
        """Build what the search needs a few milliseconds at a time, for an app to do
        between keys after its first paint (set `background` first: a search meanwhile
        finishes the speakers' indexes if it must, and looks at the words indexed so far)."""
        yield from self._matcher_steps()
        yield from self._speaker_steps()
        yield from self._position_steps()
        yield from self._text_steps()

    @property
    def _position(self) -> dict[int, int]:
        """Each statement's place in the dataset, by id (what `warm_steps` has not numbered
        yet, numbered now)."""
        _finish(self._position_steps())
        return self._numbered

    def _position_steps(self, chunk: int = 10_000) -> Iterator[None]:
        """Number the statements, `chunk` at a time, where the last call left off: the quote
        list asks on the first keystroke, which would otherwise wait 40 ms at 100,000."""
        statements = self.dataset.statements
        while self._numbered_to < len(statements):
            start = self._numbered_to
            self._numbered.update(
                (id(s), start + n) for n, s in enumerate(statements[start : start + chunk])
            )
            self._numbered_to = min(start + chunk, len(statements))
            yield

    def place_in(self, rows: list[Statement], statement: Statement | None) -> int | None:
        """Where `statement` stands in `rows`, or None: found by bisection when the rows are
        in the dataset's order, as searches and filters give them (a linear look at 100,000
        rows took 10 ms a keystroke), else by looking through them."""
        if statement is None:
            return None
        position = self._numbered
        numbered = self._numbered_to == len(self.dataset.statements)
        at = position.get(id(statement)) if numbered else None  # (else: look through them)
        if at is not None:
            i = bisect.bisect_left(rows, at, key=lambda row: position[id(row)])
            if i < len(rows) and rows[i] is statement:
                return i
        return next((n for n, row in enumerate(rows) if row is statement), None)

    def search(self, flt: Filter, query: str) -> list[Statement]:
        """The statements passing `flt` whose speaker matches `query` (any name, part of one,
        any order) or whose words (or the words naming the speaker) begin with every word of
        it ("nation" finds "national", "cho" does not find "scholars"), in dataset order.

        Only the matches are looked at against `flt`, and each word's matches are kept, so
        typing one more letter searches only what the shorter word found."""
        wanted = _word_starts(query)
        if not wanted:
            return []
        speakers = self._speakers_for(query)
        by_speaker = set(self._positions_of(speakers)) if speakers else set()
        by_words = self._spelled_hits(wanted[0])
        for word in wanted[1:]:
            by_words = by_words & self._spelled_hits(word)
        matched = sorted(by_speaker.union(by_words))
        statements = self.dataset.statements
        if flt != NO_FILTER:
            if flt.speakers is not None:
                matched = [
                    i for i in matched if not flt.speakers.isdisjoint(statements[i].speakers)
                ]
            matched = self._passing(replace(flt, speakers=None), matched)
        return [statements[i] for i in matched]

    def _speakers_for(self, query: str) -> frozenset[str]:
        """The speakers `query` names, the last answer kept: the list and the preview of one
        keystroke ask the same question."""
        if self._last_speakers is None or self._last_speakers[0] != query:
            self._last_speakers = (query, frozenset(self.speaker_matcher.match(query)))
        return self._last_speakers[1]

    def matched_by(self, statement: Statement, query: str) -> str | None:
        """What of a statement `query` matches: "speaker", "words" (its own), "both", or
        "attribution" (only the words naming its speaker: "said Japan's foreign minister");
        None if nothing."""
        wanted = _word_starts(query)
        if not wanted:
            return None
        speaker = not self._speakers_for(query).isdisjoint(statement.speakers)
        said = _holds(spaced_words(statement.text), wanted)
        if speaker or said:
            return "both" if speaker and said else "speaker" if speaker else "words"
        return "attribution" if _holds(_searchable(statement), wanted) else None

    def _spelled_hits(self, spelled: tuple[str, ...]) -> frozenset[int]:
        """Positions of the statements with a word beginning with any of these spellings."""
        hits = self._word_hits(spelled[0])
        for other in spelled[1:]:
            hits = hits | self._word_hits(other)
        return hits

    def _word_hits(self, word: str) -> frozenset[int]:
        """Positions of the statements with a word beginning with `word` (" nat"), found in
        what a shorter start of it found, if that was asked before. While the words are still
        being indexed, each answer covers those indexed when it was given and is carried on
        over the ones indexed since, not looked for again from the start."""
        texts, cache = self._searched(), self._word_hit_cache
        built = len(texts)
        hits, covered = cache.get(word) or self._from_shorter(word)
        if covered < built:
            hits = hits.union(i for i in range(covered, built) if word in texts[i])
            if len(cache) > 256:
                cache.clear()
            cache[word] = (hits, built)
        return hits

    def _from_shorter(self, word: str) -> tuple[frozenset[int], int]:
        """The hits of `word` among what the longest shorter start of it asked before
        covered, and how far that was; else none, covering nothing."""
        cache = self._word_hit_cache
        shorter = next((word[:k] for k in range(len(word) - 1, 1, -1) if word[:k] in cache), None)
        if shorter is None:
            return frozenset(), 0
        found, covered = cache[shorter]
        texts = self._texts
        return frozenset(i for i in found if word in texts[i]), covered

    SORTS = ("date", "speaker", "place", "kind")  # what `sort` orders by

    def sort(self, rows: list[Statement], by: str, reverse: bool = False) -> list[Statement]:
        """`rows` ordered by date, speaker, place or kind (dataset order breaks ties)."""
        keys = self._sort_keys(by)
        position = self._position
        return sorted(rows, key=lambda s: keys[position[id(s)]], reverse=reverse)

    def _sort_keys(self, by: str) -> list[tuple]:
        cache = self._sort_key_cache
        if by not in cache:
            cache[by] = self._make_sort_keys(by)
        return cache[by]

    def _make_sort_keys(self, by: str) -> list[tuple]:
        keys = []
        for n, statement in enumerate(self.dataset.statements):
            if by == "date":
                span = self.statement_dates(statement)
                key = (span is None, span.start if span else None, span.end if span else None)
            elif by == "speaker":
                key = (fold(" & ".join(self.speaker_names(statement))),)
            elif by == "place":
                country = self.statement_country(statement)
                key = (country is None, fold(country.name) if country else "")
            else:
                key = (statement.kind,)
            keys.append((*key, n))
        return keys

    def quotes(
        self,
        speaker: str | None = None,
        country: str | None = None,
        event: str | None = None,
        area: str | None = None,
        kind: str | None = None,
        text: str | None = None,
    ) -> list[Statement]:
        """Statements matching what a person typed; each criterion is optional."""

        def ids(matcher: NameMatcher, query: str | None) -> frozenset[str] | None:
            return None if query is None else frozenset(matcher.match(query))

        return self.select(
            Filter(
                speakers=ids(self.speaker_matcher, speaker),
                countries=ids(self.country_matcher, country),
                events=ids(self.event_matcher, event),
                areas=ids(self.area_matcher, area),
                kind=kind,
                text=text or "",
            )
        )

    # -------------------------------------------------------------- timeline

    def timeline(self) -> list[TimelineLeg]:
        """Every leg of every trip in date order, each with its events in date order."""
        return self._timeline

    def timeline_of(self, trip_id: str) -> list[TimelineLeg]:
        """One trip's legs in date order, each with its events."""
        return self._timelines_by_trip.get(trip_id, [])

    @cached_property
    def _timeline(self) -> list[TimelineLeg]:
        events_by_leg: dict[str, list[Event]] = defaultdict(list)
        for event in self.dataset.events:
            events_by_leg[event.leg].append(event)
        legs = [(trip, leg) for trip in self.dataset.trips for leg in trip.legs]
        legs.sort(key=lambda pair: (pair[1].dates.start, pair[1].dates.end))
        return [
            TimelineLeg(trip, leg, sorted(events_by_leg[leg.id], key=_date_key))
            for trip, leg in legs
        ]

    @cached_property
    def _timelines_by_trip(self) -> dict[str, list[TimelineLeg]]:
        by_trip: dict[str, list[TimelineLeg]] = defaultdict(list)
        for entry in self._timeline:
            by_trip[entry.trip.id].append(entry)
        return dict(by_trip)

    # ------------------------------------------------------------- countries

    def country_summary(self, country_id: str) -> CountrySummary:
        """Roles, officials, groupings, legs, events, areas and quote counts for a country."""
        country = self.countries[country_id]
        d = self.dataset
        legs = [leg for leg in self.legs.values() if leg.country == country_id]
        leg_ids = {leg.id for leg in legs}
        officials = [p for p in d.people if p.country == country_id]
        organizations = [o for o in d.organizations if o.country == country_id]
        speakers = {p.id for p in officials} | {o.id for o in organizations}
        return CountrySummary(
            country=country,
            roles=[
                (t, part.role)
                for t in d.trips
                for part in t.countries
                if part.country == country_id
            ],
            officials=officials,
            organizations=organizations,
            groupings=[g for g in d.groupings if country_id in g.members],
            legs=legs,
            events=sorted((e for e in d.events if e.leg in leg_ids), key=_date_key),
            areas=[
                (area, mention)
                for area in d.areas
                for mention in area.mentions
                if country_id in mention.partners
            ],
            quote_count=self._quotes_by_country[country_id],
            spoken_count=len(self._positions_of(speakers)),
        )

    def country_summaries(self) -> list[CountrySummary]:
        """A summary of every country, in dataset order."""
        return [self.country_summary(c) for c in self.countries]

    # ----------------------------------------------------------------- areas

    def areas_by_category(self) -> list[tuple[Category, list[Area]]]:
        """The areas under each category, in taxonomy order; empty categories left out."""
        grouped: dict[str, list[Area]] = defaultdict(list)
        for area in self.dataset.areas:
            grouped[area.category].append(area)
        return [(c, grouped[c.id]) for c in self.dataset.categories if grouped[c.id]]

    def area_partners(self, area: Area) -> list[str]:
        """Ids of the partner countries of an area, in order of first mention."""
        return list(dict.fromkeys(p for m in area.mentions for p in m.partners))

    def shared_areas(self, first: str, second: str) -> SharedAreas:
        """Areas both countries are partners in, and those only one of them is."""
        both, only_first, only_second = [], [], []
        for area in self.dataset.areas:
            partners = set(self.area_partners(area))
            if first in partners and second in partners:
                both.append(area)
            elif first in partners:
                only_first.append(area)
            elif second in partners:
                only_second.append(area)
        return SharedAreas(both, only_first, only_second)

    def inferred_notes(self, inferred: dict[str, str]) -> list[dict[str, str]]:
        """The inferences behind a record's inferred fields, for display or JSON."""
        notes = []
        for field_name, inference_id in inferred.items():
            inference = self.inferences[inference_id]
            notes.append(
                {"field": field_name, "claim": inference.claim, "reason": inference.reason}
            )
        return notes


def _finish(steps: Iterator[None]) -> None:
    """Take every step that is left, at once."""
    for _ in steps:
        pass


def _date_key(item: Event) -> tuple:
    return (item.dates.start, item.dates.end)


def _searchable(statement: Statement) -> str:
    """A statement's words and the words naming its speaker, as the search looks at them."""
    attribution = statement.attribution.text if statement.attribution else ""
    return spaced_words(f"{statement.text} {attribution}")


def _word_starts(query: str) -> list[tuple[str, ...]]:
    """The words of a query as word starts to find in `_searchable` text, each with its
    other spelling if it has one: [(" nat",), (" defence", " defense")]."""
    return [tuple(f" {spelled}" for spelled in spellings(w)) for w in words(query)]


def _holds(text: str, wanted: list[tuple[str, ...]]) -> bool:
    """Whether `text` holds every wanted word, in either spelling."""
    return all(any(spelled in text for spelled in word) for word in wanted)
