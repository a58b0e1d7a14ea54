"""`explorer draft`: proposed annotations for a new article, for a person to review.

The draft is written in the format `explorer build` reads, every fact with its evidence
snippet; what the rules are unsure of carries a `# REVIEW:` comment, never a silent guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explorer.ingest.attribution import find_quotations, find_reported, sentence_at
from explorer.ingest.extract import Found, Reader
from explorer.ingest.gazetteer import COMMITMENT_STEMS, GROUPINGS, MONTHS, WEEKDAYS

MONTH_ALT = "|".join(MONTHS)
DATE = re.compile(
    rf"\b({MONTH_ALT})\s+(\d{{1,2}})(?:\s*(?:-|–|to|and|through|until)\s*(?:({MONTH_ALT})\s+)?"
    rf"(\d{{1,2}}))?\b"
)
LEG_REACH = 60  # how far before a date its country may be named, in characters


@dataclass
class Leg:
    """A country visited, with the days the article gives."""

    country: str
    month: int
    first: int
    last: int
    start: int
    end: int
    end_month: int | None = None


@dataclass
class Mention:
    """An area of cooperation named with a partner."""

    area: str
    partners: list[str]
    commitment: str
    verb: str
    new: bool
    start: int
    end: int
    flags: list[str] = field(default_factory=list)


class Drafter:
    """Applies every rule to one article and writes the draft."""

    def __init__(self, text: str, keywords: dict[str, list[str]]) -> None:
        self.reader = Reader(text)
        self.text = text
        self.keywords = keywords
        self.legs: list[Leg] = []
        self.mentions: list[Mention] = []
        self.undated_days: list[tuple[int, int]] = []

    def run(self) -> Drafter:
        reader = self.reader
        reader.find_entities()
        find_quotations(reader)
        find_reported(reader)
        reader.add_aliases()
        self.find_legs()
        self.find_mentions()
        return self

    # ---------------------------------------------------------------- dates

    def find_legs(self) -> None:
        """A date range with a country named just before it is a leg: "Japan (March 6-8)"."""
        countries = [c for c in self.reader.found.values() if c.kind == "country"]
        for match in DATE.finditer(self.text):
            month = MONTHS.index(match.group(1)) + 1
            end_month = MONTHS.index(match.group(3)) + 1 if match.group(3) else None
            first = int(match.group(2))
            last = int(match.group(4) or first)
            s_start, _ = sentence_at(self.reader, match.start())
            near = [
                (m_start, country.key)
                for country in countries
                for m_start, m_end in country.mentions
                if s_start <= m_start and m_end <= match.start() <= m_end + LEG_REACH
            ]
            if not near:
                continue
            m_start, key = max(near)
            if not any(leg.country == key for leg in self.legs):
                end = match.end() + (self.text[match.end() : match.end() + 1] == ")")
                leg = Leg(key, month, first, last, m_start, end, end_month)
                self.legs.append(leg)
        for match in re.finditer(rf"\bon\s+({'|'.join(WEEKDAYS)})\b", self.text):
            self.undated_days.append(match.span())

    # ---------------------------------------------------------------- areas

    def traveller(self) -> Found | None:
        """The person whose trip it is: named most, not from a country visited."""
        hosts = {leg.country for leg in self.legs}
        people = [p for p in self.reader.people() if p.country not in hosts]
        people = people or self.reader.people()
        named = [key for _, key in self.reader.mentions_before(len(self.text))]
        return max(people, key=lambda p: named.count(p.key)) if people else None

    def find_mentions(self) -> None:
        """Each taxonomy keyword named in a sentence, with its partners and commitment."""
        traveller = self.traveller()
        home = traveller.country if traveller else None
        # Words inside a name ("Department of Foreign Affairs and Trade") name no area.
        taken = [(f.start, f.end) for f in self.reader.found.values() if f.kind == "organization"]
        forms = [(word, area) for area, words in self.keywords.items() for word in words]
        for word, area in sorted(forms, key=lambda f: -len(f[0])):
            for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", self.text, re.I):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append(match.span())
                self.add_mention(area, match.start(), match.end(), home)
        self.mentions.sort(key=lambda m: (m.end, m.area))

    def add_mention(self, area: str, start: int, end: int, home: str | None) -> None:
        s_start, s_end = sentence_at(self.reader, start)
        sentence = self.text[s_start:s_end]
        flags = []
        partners = self.partners_in(s_start, s_end, home)
        if not partners:
            partners = self.context_country(s_start, home)
            flags.append("partner taken from the countries named before: check it")
        commitment, verb, verb_at = "discussed", "", None
        lower = sentence.lower()
        best = None
        for stem, meaning in COMMITMENT_STEMS:
            for found in re.finditer(re.escape(stem), lower):
                at = s_start + found.start()
                if at < start and (best is None or at > best[0]):
                    best = (at, stem, meaning)
        if best is None:
            flags.append("no verb of commitment before it: 'discussed' is a guess")
        else:
            verb_at, stem, commitment = best
            word = re.match(r"\w+", self.text[verb_at:])
            verb = self.text[verb_at : verb_at + len(stem)] if " " in stem else word.group()
        if any(
            m.area == area and (m.start, m.end) == (verb_at or start, end) for m in self.mentions
        ):
            return
        new = "new area" in lower
        self.mentions.append(
            Mention(area, partners, commitment, verb, new, verb_at or start, end, flags)
        )

    def partners_in(self, start: int, end: int, home: str | None) -> list[str]:
        """The partner countries of a sentence: those of the people it names who are not
        from the traveller's country, else the countries it names (the traveller's aside)."""
        found = self.reader.found
        people = [key for at, key in self.reader.mentions_before(end) if at >= start]
        countries = [found[key].country for key in people]
        partners = list(dict.fromkeys(c for c in countries if c and c != home))
        if partners:
            return partners
        return [
            c.key
            for c in found.values()
            if c.kind == "country"
            and c.key != home
            and any(start <= m < end for m, _ in c.mentions)
        ]

    def context_country(self, before: int, home: str | None) -> list[str]:
        """The country named last before `before`, other than the traveller's."""
        latest = self.named_last(before, lambda key: key != home)
        return [latest] if latest else []

    def named_last(self, before: int, wanted) -> str | None:
        """The id of the country named last before `before` among those `wanted` accepts."""
        mentions = (
            (m_start, country.key)
            for country in self.reader.found.values()
            if country.kind == "country" and wanted(country.key)
            for m_start, _ in country.mentions
            if m_start < before
        )
        latest = max(mentions, default=None)
        return latest[1] if latest else None

    def groupings(self) -> list[tuple[str, str, list[str], int, int]]:
        """(id, name, members named, start, end) of each grouping the article names."""
        found = []
        for name, (key, members) in GROUPINGS.items():
            match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.text)
            if match:
                named = [m for m in members if m in self.reader.found]
                found.append((key, name, named, *match.span()))
        return found

    def leg_at(self, position: int, speakers: list[str]) -> str | None:
        """The leg words were said on: a host speaker's country, else the visited country
        named last before them."""
        hosts = {leg.country for leg in self.legs}
        found = self.reader.found
        for key in speakers:
            if key in found and found[key].country in hosts:
                return found[key].country
        return self.named_last(position, hosts.__contains__)
