"""The story's shape: the countries visited (legs), the events, and the areas of cooperation
with the commitment each partner made, read from verbs and their neighbours."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from explorer.ingest.reading.countries import Countries, Country
from explorer.ingest.reading.dates import DateMention, weekday_date
from explorer.ingest.reading.lexicon import COMMITMENTS, EVENT_CUES, WEEKDAYS
from explorer.ingest.reading.names import Entity, Registry
from explorer.ingest.reading.text import Article, Sentence

# Verbs and nouns of travelling that put the traveller in a country.
_VISIT = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|tour(?:s|ed|ing)?|trip|travel(?:s|led|ed)?"
    r"|landed|lands|stop(?:s|ped)?|leg|heads?\s+to|left\s+for|leaves\s+for|flew\s+to)\b",
    re.IGNORECASE,
)
_EVENT_CUES = [(kind, re.compile(cue, re.IGNORECASE)) for kind, cue in EVENT_CUES.items()]
_NEW = re.compile(r"\bnew (?:areas?|fields?|domains?)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|is due|are due|is expected|is scheduled|plans? to)\b")


@dataclass
class Leg:
    """A country the traveller was in, with the dates and words that say so."""

    country: str
    evidence: list[tuple[int, int]]
    dates: DateMention | None = None
    city: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass
class Event:
    """A meeting, talks, a speech or a news conference, from the verb or noun naming it."""

    kind: str
    title: str
    evidence: tuple[int, int]
    sentence: Sentence
    participants: list[str]
    dates: DateMention | None = None
    weekday: dt.date | None = None
    place: str | None = None
    leg: str | None = None  # the country of the leg
    flags: list[str] = field(default_factory=list)


@dataclass
class Mention:
    """An area of cooperation named with its partners and the commitment the verb conveys."""

    area: str
    partners: list[str]
    commitment: str
    verb: str
    new: bool
    start: int
    end: int
    flags: list[str] = field(default_factory=list)


def lemma(word: str) -> str:
    """A verb's base form, well enough for the commitment lexicon: "agreed" -> "agree",
    "exploring" -> "explore", "signs" -> "sign", "reaffirmed" -> "reaffirm"."""
    word = word.lower()
    for suffix in ("ied", "ies"):
        if word.endswith(suffix):
            return word[: -len(suffix)] + "y"
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if stem in _LEMMAS:
                return stem
            if stem + "e" in _LEMMAS:
                return stem + "e"
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in _LEMMAS:
                return stem[:-1]  # "committed" -> "commit"
    return word


_LEMMAS = {word: meaning for meaning, words in COMMITMENTS.items() for word in words}


def commitment_in(words: list[str]) -> tuple[str, str] | None:
    """The commitment of the verb nearest the end of `words` that conveys one, and the verb."""
    for word in reversed(words):
        meaning = _LEMMAS.get(lemma(word))
        if meaning:
            return meaning, word
    return None


# ----------------------------------------------------------------------- legs


def find_legs(
    article: Article, countries: dict[str, Country], known: Countries, home: str | None
) -> list[Leg]:
    """A country (or a city of one) named in a sentence that speaks of visiting or arriving,
    other than the traveller's own, is a leg; a date in that sentence gives its days."""
    legs: dict[str, Leg] = {}
    for sentence in article.sentences:
        if sentence.paragraph in article.furniture:
            continue
        text = article.text[sentence.start : sentence.end]
        if not _VISIT.search(text):
            continue
        for code, country in countries.items():
            if code == home:
                continue
            spans = [(s, e) for s, e in country.mentions if sentence.start <= s < sentence.end]
            city = None
            for match in re.finditer(r"\b[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", text):
                if known.city(match.group()) == code:
                    city = match.group()
                    spans.append((sentence.start + match.start(), sentence.start + match.end()))
            if not spans:
                continue
            leg = legs.setdefault(code, Leg(code, []))
            leg.evidence += [span for span in spans if span not in leg.evidence]
            leg.city = leg.city or city
    return list(legs.values())


def date_legs(legs: list[Leg], dates: list[DateMention], article: Article) -> None:
    """Give each leg the day or days written in the sentence that names it."""
    for leg in legs:
        for start, _ in leg.evidence:
            sentence = article.sentence_at(start)
            if sentence is None:
                continue
            near = [
                d
                for d in dates
                if sentence.start <= d.start < sentence.end and d.precision == "day"
            ]
            if near:
                leg.dates = min(near, key=lambda d: abs(d.start - start))
                break
        if leg.dates is None:
            leg.flags.append("no day written beside it: give its dates")


# --------------------------------------------------------------------- events


def find_events(
    article: Article,
    registry: Registry,
    dates: list[DateMention],
    report: dt.date | None,
    legs: list[Leg],
    known: Countries,
) -> list[Event]:
    """Each sentence whose verb or noun names a meeting, talks, a speech or a news
    conference, with the people it names as participants and the date it gives."""
    events: list[Event] = []
    for sentence in article.sentences:
        if sentence.paragraph in article.furniture:
            continue
        words = [t for t in sentence.tokens if t.quote is None]
        outside = " ".join(t.text for t in words)
        kind = next((k for k, cue in _EVENT_CUES if cue.search(outside)), None)
        if kind is None:
            continue
        people = _named_in(registry, sentence)
        if not people:
            continue
        title = _event_title(kind, people, article.text)
        event = Event(
            kind, title, (sentence.start, sentence.end), sentence, [p.key for p in people]
        )
        event.dates = next(
            (d for d in dates if sentence.start <= d.start < sentence.end and d.precision == "day"),
            None,
        )
        weekday = next((t for t in words if t.lower in WEEKDAYS and t.capitalised), None)
        if event.dates is None and weekday is not None and report is not None:
            future = bool(_FUTURE.search(article.text[sentence.start : sentence.end]))
            event.weekday = weekday_date(weekday.text, report, future)
            event.flags.append(f"{weekday.text!r} dated by the report's date: check it")
        for token in words:
            if known.city(token.text):
                event.place = token.text
                event.leg = known.city(token.text)
                break
        visited = {leg.country for leg in legs}
        if event.leg is None or event.leg not in visited:
            named = [known.country_of(t.text) for t in words]
            event.leg = next((c for c in named if c in visited), None)
        if event.leg is None and len(legs) == 1:
            event.leg = legs[0].country
        if event.leg is None and legs:
            event.flags.append("which leg it belongs to is not clear: set `leg`")
        events.append(event)
    return events


def _named_in(registry: Registry, sentence: Sentence) -> list[Entity]:
    quotes = [(t.start, t.end) for t in sentence.tokens if t.quote is not None]
    found = []
    for person in registry.people():
        for start, _ in person.namings:
            if sentence.start <= start < sentence.end and not any(
                s <= start < e for s, e in quotes
            ):
                found.append(person)
                break
    return found


def _short_name(person: Entity, text: str) -> str:
    """The one word the story calls a person by ("Xi" for Xi Jinping, "Modi"), else the
    last word of the name."""
    words = person.name.split()
    if len(words) == 1:
        return person.name
    used = {text[start:end] for start, end in person.namings}
    return next((w for w in words if w in used), words[-1])


def _event_title(kind: str, people: list[Entity], text: str = "") -> str:
    names = " and ".join(_short_name(p, text) for p in people[:2])
    titles = {
        "talks": "Talks",
        "meeting": "Meeting",
        "speech": "Speech",
        "news conference": "News conference",
    }
    joiner = (
        " by "
        if kind == "speech"
        else " of "
        if kind == "news conference"
        else " between "
        if len(people) > 1
        else " with "
    )
    return f"{titles[kind]}{joiner}{names}"


# ---------------------------------------------------------------------- areas


def find_mentions(
    article: Article,
    keywords: dict[str, list[str]],
    countries: dict[str, Country],
    registry: Registry,
    home: str | None,
) -> list[Mention]:
    """Each taxonomy keyword named in a sentence, with its partners (the countries of the
    people the sentence names, else the countries it names, other than the traveller's) and
    the commitment of the nearest verb before it that conveys one."""
    text = article.text
    taken = [
        (e.start, e.end) for e in registry.entities.values() if e.kind != "person"
    ]  # "Ministry of Science and Technology" names no area
    forms = sorted(
        ((w, a) for a, ws in keywords.items() for w in ws if w), key=lambda f: -len(f[0])
    )
    mentions: list[Mention] = []
    for word, area in forms:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            sentence = article.sentence_at(match.start())
            if sentence is None or sentence.paragraph in article.furniture:
                continue
            taken.append(match.span())
            mention = _mention(article, sentence, area, match.span(), countries, registry, home)
            if mention is not None:
                mentions.append(mention)
    mentions.sort(key=lambda m: (m.end, m.area))
    return mentions


def _mention(article, sentence, area, span, countries, registry, home) -> Mention | None:
    text = article.text
    flags = []
    people = [p for p in _named_in(registry, sentence) if p.country and p.country != home]
    partners = list(dict.fromkeys(p.country for p in people))
    if not partners:
        partners = [
            code
            for code, country in countries.items()
            if code != home and any(sentence.start <= s < sentence.end for s, _ in country.mentions)
        ]
    if not partners:
        named = [
            (s, code)
            for code, country in countries.items()
            if code != home
            for s, _ in country.mentions
            if s < sentence.start
        ]
        if not named:
            return None
        partners = [max(named)[1]]
        flags.append("partner taken from the country named last before: check it")
    before = text[sentence.start : span[0]]
    found = commitment_in(re.findall(r"[A-Za-z]+", before))
    if found is None:
        commitment, verb = "discussed", "discussed"
        flags.append("no verb of commitment before it: 'discussed' is a guess")
        start = span[0]
    else:
        commitment, verb = found
        start = sentence.start + before.rfind(verb)
    new = bool(
        re.search(r"\bnew (?:areas?|fields?|domains?)\b", text[sentence.start : sentence.end], re.I)
    )
    return Mention(area, partners, commitment, verb, new, start, span[1], flags)
