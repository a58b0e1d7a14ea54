"""Writing a draft as an annotation file: the build's format, with REVIEW notes for a person.

The file is assembled as a tomlkit document, so values are always quoted and escaped by a
TOML library and the REVIEW notes stay comments beside the entries they are about.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Table

from explorer.core.model import COMMITMENTS, EVENT_KINDS, Dataset
from explorer.ingest.build import occurrences
from explorer.ingest.draft import Draft, Meta, draft_article
from explorer.ingest.draft_story import write_events, write_trip
from explorer.ingest.link import Known, Link, linked, record
from explorer.ingest.reading.dates import DateMention, infer_year
from explorer.ingest.reading.names import Entity, slug
from explorer.ingest.tables import entry, inline

HEADER = """\
Draft annotations of {file}, made by `explorer draft`.
Review every entry against the article, above all the lines marked REVIEW; delete what
is wrong, add what is missing, then run `explorer build`. Evidence snippets are the
article's own words: the build finds them (nth = N picks the Nth of repeated words).
Allowed values: statements.kind direct|reported; events.kind {events};
mentions.commitment {commitments}; dates.precision day|span|within."""
GOVERNMENT = ("Ministry", "Department", "Office", "Presidency", "Kremlin", "Government", "House")


class Writer:
    """Builds the TOML document of a draft, table by table."""

    def __init__(self, draft: Draft, known: Known | None = None) -> None:
        self.draft = draft
        self.text = draft.text
        self.document = tomlkit.document()
        self.tables: dict[str, AoT] = {}
        self.keys = _final_keys(draft)
        self.occurrences: dict[str, list[int]] = {}
        self.needs_year = False
        self.source_id = "source"
        self.known = known
        self.links: dict[str, Link] = {}
        self.leg_ids: dict[str, str] = {}
        if known is not None:
            for person in draft.registry.people():
                self.links[person.key] = known.person(person.name, person.aliases)
            for body in draft.registry.bodies():
                self.links[body.key] = known.organization(body.name, body.aliases, body.country)
            for key, link in self.links.items():
                if link is not None and link.id:
                    self.keys[key] = link.id

    # ---------------------------------------------------------------- helpers

    def snippet(self, start: int, end: int) -> str | InlineTable:
        """Evidence for the article's words at start..end, with nth when they repeat."""
        words = self.text[start:end]
        starts = self.occurrences.get(words)
        if starts is None:  # counted as the build counts them, once for each snippet
            starts = self.occurrences[words] = occurrences(self.text, words)
        if len(starts) == 1:
            return words
        return inline(text=words, nth=starts.index(start) + 1)

    def evidence(self, *spans: tuple[int, int]) -> Array:
        """A list of evidence snippets."""
        found = tomlkit.array()
        found.extend(self.snippet(s, e) for s, e in dict.fromkeys(spans))
        return found

    def add(
        self, table: str, fields: dict[str, object], flags: list[str] = (), notes: list[str] = ()
    ) -> Table:
        """Append an entry to `[[table]]`, creating the table at its first entry."""
        if table not in self.tables:
            self.document.add(tomlkit.nl())
            self.tables[table] = tomlkit.aot()
            self.document.add(table, self.tables[table])
        item = entry(fields, flags, notes)
        self.tables[table].append(item)
        return item

    def key(self, entity_key: str) -> str:
        """The id an entity gets in the file."""
        return self.keys.get(entity_key, entity_key)

    def dates(self, mention: DateMention | None, precision: str) -> InlineTable | None:
        """A date table from a written date: the year as written, else inferred from the
        report's date (marked), else left as --MM-DD for the reviewer."""
        if mention is None:
            return None
        first, last = _date(mention.first), _date(mention.last)
        if mention.has_year:
            return inline(start=first, end=last, precision=precision)
        self.needs_year = True
        report = self.draft.report
        if report is not None:
            year = infer_year(mention, report)
            start = dt.date.fromisoformat(f"{year}{first[1:]}")
            end_year = year if mention.last[1:] >= mention.first[1:] else year + 1
            end = dt.date.fromisoformat(f"{end_year}{last[1:]}")
            return inline(
                start=start, end=end, precision=precision, inferred=inline(year=self.year_id)
            )
        return inline(
            start=first, end=last, precision=precision, inferred=inline(year=self.year_id)
        )

    # ------------------------------------------------------------------ tables

    @property
    def year_id(self) -> str:
        """The id of this report's inference of the year: its own, beside other reports'."""
        return f"year-{self.source_id}"

    def write(self, file_name: str, source_id: str) -> str:
        self.source_id = source_id
        meta = self.draft.meta
        header = HEADER.format(
            file=file_name, events="|".join(EVENT_KINDS), commitments="|".join(COMMITMENTS)
        )
        for line in header.splitlines():
            self.document.add(tomlkit.comment(line))
        self.write_source(file_name, source_id, meta)
        self.write_named()
        write_trip(self)
        write_events(self)
        self.write_statements()
        self.write_mentions()
        self.write_year()
        return tomlkit.dumps(self.document)

    def write_source(self, file_name: str, source_id: str, meta: Meta) -> None:
        title = meta.title or _first_line(self.draft)
        source = entry({"id": source_id, "file": file_name})
        if not meta.title:
            source.add(tomlkit.comment("REVIEW: the title is the article's first line: check it"))
        source.add("title", title)
        for key, value in (
            ("outlet", meta.outlet),
            ("published", meta.published),
            ("url", meta.url),
        ):
            if value:
                source.add(key, value)
        if not meta.published and self.draft.report is not None:
            source.add(tomlkit.comment("REVIEW: the report's date, as the text gives it"))
            source.add("published", self.draft.report.isoformat())
        self.document.add(tomlkit.nl())
        self.document.add("source", source)

    def write_named(self) -> None:
        draft = self.draft
        for code, country in draft.countries.items():
            fields = {"id": code, "name": country.name, "aliases": country.aliases or None}
            self.add("countries", {**fields, "evidence": self.evidence(country.evidence)})
        for key, name, members, start, end in draft.groupings():
            fields = {"id": key, "name": name, "members": members or None}
            flags = ["members named in the article only; add the others it states"]
            self.add("groupings", {**fields, "evidence": self.evidence((start, end))}, flags)
        for person in draft.registry.people():
            flags = list(person.flags)
            if not person.title:
                flags.append("no title found in the article")
            fields = {
                "id": self.key(person.key),
                "name": person.name,
                "aliases": _aliases(person) or None,
                "role": person.title,
                "country": person.country if person.country in draft.countries else None,
                "evidence": self.evidence((person.start, person.end)),
            }
            self.add_linked(
                "people", person.key, fields, flags, ("role", "country"), left_out=("country",)
            )
        for body in draft.registry.bodies():
            kind = "group" if body.kind == "group" else "institution"
            if body.kind != "group" and any(word in body.name for word in GOVERNMENT):
                kind = "government"
            fields = {
                "id": self.key(body.key),
                "name": body.name,
                "aliases": _aliases(body) or None,
                "kind": kind,
                "country": body.country if body.country in draft.countries else None,
                "evidence": self.evidence((body.start, body.end)),
            }
            compared = ("kind", "country")
            self.add_linked("organizations", body.key, fields, body.flags, compared, compared)

    def add_linked(
        self,
        table: str,
        key: str,
        fields: dict[str, object],
        flags: list[str],
        compared: tuple[str, ...],
        left_out: tuple[str, ...] = (),
    ) -> Table:
        """Add an entry, linked to the dataset's record when the draft found one."""
        link = self.links.get(key)
        known = record(self.known.dataset, table, link.id) if self.known and link else None
        fields, more, notes = linked(link, known, fields, compared, left_out)
        return self.add(table, fields, [*flags, *more], notes)

    def day(self, mention: DateMention | None) -> dt.date | None:
        """The first day of a written date, its year written or inferred, if it has both."""
        if mention is None or mention.first[2] is None:
            return None
        year = mention.first[0]
        if year is None and self.draft.report is not None:
            year = infer_year(mention, self.draft.report)
        return dt.date(year, mention.first[1], mention.first[2]) if year else None

    def write_statements(self) -> None:
        counts: dict[str, int] = {}
        for said in self.draft.said:
            who = self.key(said.speakers[0]) if said.speakers else "unknown"
            counts[who] = counts.get(who, 0) + 1
            fields: dict[str, object] = {
                "id": f"{self.source_id}-{who}-{said.kind}-{counts[who]}",
                "kind": said.kind,
                "speakers": [self.key(k) for k in said.speakers],
                "verb": said.verb,
                "text": self.snippet(said.start, said.end),
            }
            if said.attribution:
                fields["attribution"] = self.snippet(*said.attribution)
            flags = [f for f in said.flags if not f.startswith("no speaker")]
            leg = self.leg_at(said.start, said.speakers)
            if leg:
                fields["leg"] = self.leg_ids[leg]
                flags.append("placed on a leg by its speaker's country or the country named last")
            if not said.speakers:
                flags.append("no speaker: name one, or delete the entry")
            self.add("statements", fields, flags)

    def leg_at(self, position: int, speakers: list[str]) -> str | None:
        """The leg words were said on: a host speaker's country, else the visited country
        named last before them."""
        hosts = {leg.country for leg in self.draft.legs}
        entities = self.draft.registry.entities
        for key in speakers:
            country = entities[key].country if key in entities else None
            if country in hosts:
                return country
        named = [
            (start, code)
            for code in hosts
            for start, _ in self.draft.countries[code].mentions
            if start < position
        ]
        return max(named)[1] if named else (next(iter(hosts)) if len(hosts) == 1 else None)

    def write_mentions(self) -> None:
        for mention in self.draft.mentions:
            partners = [p for p in mention.partners if p in self.draft.countries]
            if not partners:
                continue
            self.add(
                "mentions",
                {
                    "area": mention.area,
                    "partners": partners,
                    "commitment": mention.commitment,
                    "verb": mention.verb,
                    "new": mention.new,
                    "evidence": self.evidence((mention.start, mention.end)),
                },
                mention.flags,
            )

    def write_year(self) -> None:
        if not self.needs_year:
            return
        report = self.draft.report
        if report is not None:
            claim = f"The days given without a year fall in or around {report.year}."
            reason = (
                f"The report is dated {report.isoformat()}; each day it gives without a year "
                "is taken in the year that puts it nearest that date."
            )
            self.add("inferences", {"id": self.year_id, "claim": claim, "reason": reason})
        else:
            self.add(
                "inferences",
                {
                    "id": self.year_id,
                    "claim": "REVIEW: the year the dates fall in",
                    "reason": "REVIEW: the article gives no year: say how it is known",
                },
                ["write the year in every date (2024-03-05) and say here how it is known"],
            )


def _first_line(draft: Draft) -> str:
    """The article's first line of copy (not furniture, not a bare date or label), cut at a
    word near 100 characters."""
    article = draft.article
    number = next(
        (
            n
            for n, (start, end) in enumerate(article.paragraphs)
            if n not in article.furniture
            and len(re.findall(r"[^\W\d_]{2,}", draft.text[start:end])) >= 3
        ),
        0,
    )
    start, end = article.paragraphs[number] if article.paragraphs else (0, 0)
    line = draft.text[start:end].strip()
    return line if len(line) <= 100 else line[:100].rsplit(" ", 1)[0] + "…"


def _date(parts: tuple[int | None, int, int | None]) -> str:
    year, month, day = parts
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _aliases(entity: Entity) -> list[str]:
    return [a for a in dict.fromkeys(entity.aliases) if a != entity.name]


def _final_keys(draft: Draft) -> dict[str, str]:
    """Ids from each entity's final (fullest) name, unique within the file."""
    keys: dict[str, str] = {}
    used = set(draft.countries)
    for entity in draft.registry.entities.values():
        key = slug(entity.name)
        while key in used:
            key += "-2"
        used.add(key)
        keys[entity.key] = key
    return keys


def draft_text(
    text: str,
    file_name: str,
    keywords: dict[str, list[str]],
    meta: Meta | None = None,
    dataset: Dataset | None = None,
) -> str:
    """The draft annotation file for an article's text, as TOML text, linked to what
    `dataset` (the one it will join) already holds."""
    draft = draft_article(text, keywords, meta)
    known = Known(dataset) if dataset is not None else None
    return Writer(draft, known).write(file_name, slug(Path(file_name).stem))
