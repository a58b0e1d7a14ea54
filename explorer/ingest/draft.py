"""`explorer draft`: proposed annotations for a new article, for a person to review.

Every proposal carries the article's own words as evidence, so the ordinary build checks
it; what the rules are unsure of is flagged for review, never silently guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from explorer.ingest.reading.attribution import Said, attribute, find_reported
from explorer.ingest.reading.countries import Country, known_countries
from explorer.ingest.reading.dates import DateMention, find_dates, report_date
from explorer.ingest.reading.names import Entity, Registry
from explorer.ingest.reading.people import find_bodies, find_people
from explorer.ingest.reading.speakers import Attributor
from explorer.ingest.reading.story import (
    Event,
    Leg,
    Mention,
    date_legs,
    find_events,
    find_legs,
    find_mentions,
)
from explorer.ingest.reading.text import Article, Spans

# Groupings of countries with the members every annotator would write.
GROUPINGS = {
    "Quad": ("quad", ["us", "jp", "in", "au"]),
    "ASEAN": ("asean", []),
    "G7": ("g7", ["us", "jp", "de", "fr", "gb", "it", "ca"]),
    "G20": ("g20", []),
    "BRICS": ("brics", ["br", "ru", "in", "cn", "za"]),
    "NATO": ("nato", []),
    "European Union": ("eu", []),
    "African Union": ("au-union", []),
}


@dataclass
class Meta:
    """What is known of the report itself, from the page or from the person drafting."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None


@dataclass
class Draft:
    """Everything the rules propose for one article."""

    article: Article
    meta: Meta
    countries: dict[str, Country]
    registry: Registry
    said: list[Said] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    report: dt.date | None = None
    traveller: Entity | None = None
    legs: list[Leg] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The article's text."""
        return self.article.text

    @property
    def home(self) -> str | None:
        """The traveller's country."""
        return self.traveller.country if self.traveller else None

    def groupings(self) -> list[tuple[str, str, list[str], int, int]]:
        """(id, name, members named, start, end) of each grouping the article names."""
        found = []
        for name, (key, members) in GROUPINGS.items():
            at = self.text.find(name)
            if at >= 0 and not (self.text[at + len(name) : at + len(name) + 1].isalnum()):
                named = [m for m in members if m in self.countries]
                found.append((key, name, named, at, at + len(name)))
        return found


def draft_article(
    text: str, keywords: dict[str, list[str]] | None = None, meta: Meta | None = None
) -> Draft:
    """Read an article and propose its annotations."""
    meta = meta or Meta()
    article = Article(text)
    known = known_countries()
    registry = Registry(article, known)
    find_bodies(article, registry)
    find_people(article, registry)
    said = attribute(article, registry)
    said += find_reported(article, registry, said)
    said.sort(key=lambda s: s.start)
    # A country's name inside a person's name ("Michael Jordan") is not the country.
    names = [span for e in registry.people() for span in e.namings]
    countries = known.find(text, skip=names)
    dates = find_dates(article)
    draft = Draft(article, meta, countries, registry, said, dates)
    draft.report = report_date(dates, meta.published)
    draft.traveller = traveller(draft)
    draft.legs = find_legs(article, countries, known, draft.home)
    date_legs(draft.legs, dates, article)
    draft.events = find_events(article, registry, dates, draft.report, draft.legs, known)
    draft.mentions = find_mentions(article, keywords or {}, countries, registry, draft.home)
    return draft


def traveller(draft: Draft) -> Entity | None:
    """The person whose trip it is: the first the article has visiting ("visiting U.S.
    Secretary of State X", "X arrived in"), else, of the people named most outside
    quotations, one from another country than the city the story opens in."""
    quoted = Spans((q.start, q.end) for q in draft.article.quotes)
    counts = Counter(
        person.key
        for person in draft.registry.people()
        for start, _ in person.namings
        if not quoted.holds(start)
    )
    if not counts:
        return None
    attributor = Attributor(draft.article, draft.registry)
    entities = draft.registry.entities
    visiting = {k: attributor.visiting_at(entities[k]) for k in counts}
    visiting = {k: at for k, at in visiting.items() if at is not None}
    if visiting:  # the first the story has visiting: the lead's traveller
        return entities[min(visiting, key=visiting.__getitem__)]
    # Else of those named most, one from another country than where the story happens.
    place = _where(draft)
    foreign = {k: n for k, n in counts.items() if entities[k].country not in (None, place)}
    if place is not None and foreign:
        return entities[Counter(foreign).most_common(1)[0][0]]
    return entities[counts.most_common(1)[0][0]]


def _where(draft: Draft) -> str | None:
    """The country of the first city the story names (its dateline's, mostly)."""
    known = known_countries()
    for match in re.finditer(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", draft.text):
        words = match.group().split()
        for form in (match.group(), words[0]):
            city = known.city(form.title() if form.isupper() else form)
            if city:
                return city
    return None
