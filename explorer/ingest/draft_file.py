"""Writing a draft as an annotation file: the build's format, with REVIEW notes for a person.

The file is assembled as a tomlkit document, so values are always quoted and escaped by a
TOML library and the REVIEW notes stay comments beside the entries they are about.
"""

from __future__ import annotations

from pathlib import Path

import tomlkit
from tomlkit.items import AoT, Array, InlineTable, Table

from explorer.ingest.build import occurrences
from explorer.ingest.draft import Drafter
from explorer.ingest.extract import Found, slug

HEADER = """\
Draft annotations of {file}, made by `explorer draft`.
Review every entry against the article, above all the lines marked REVIEW; delete what
is wrong, add what is missing, then run `explorer build`. Evidence snippets are the
article's own words: the build finds them (nth = N picks the Nth of repeated words)."""


def inline(**values: object) -> InlineTable:
    """An inline table `{ key = value, ... }`, leaving out empty values."""
    table = tomlkit.inline_table()
    table.update({k: v for k, v in values.items() if v is not None})
    return table


def entry(fields: dict[str, object], flags: list[str] = ()) -> Table:
    """One `[[table]]` entry: its REVIEW notes first, then its fields, None ones left out."""
    table = tomlkit.table()
    for flag in flags:
        table.add(tomlkit.comment(f"REVIEW: {flag}"))
    for key, value in fields.items():
        if value is not None:
            table.add(key, value)
    return table


class Writer:
    """Builds the TOML document of a draft, table by table."""

    def __init__(self, drafter: Drafter) -> None:
        self.drafter = drafter
        self.text = drafter.text
        self.document = tomlkit.document()
        self.tables: dict[str, AoT] = {}

    def snippet(self, start: int, end: int) -> str | InlineTable:
        """Evidence for the article's words at start..end, with nth when they repeat."""
        words = self.text[start:end]
        starts = occurrences(self.text, words)  # counted as the build counts them
        if len(starts) == 1:
            return words
        return inline(text=words, nth=starts.index(start) + 1)

    def evidence(self, *spans: tuple[int, int]) -> Array:
        """A list of evidence snippets."""
        found = tomlkit.array()
        found.extend(self.snippet(s, e) for s, e in spans)
        return found

    def add(self, table: str, fields: dict[str, object], flags: list[str] = ()) -> Table:
        """Append an entry to `[[table]]`, creating the table at its first entry."""
        if table not in self.tables:
            self.document.add(tomlkit.nl())
            self.tables[table] = tomlkit.aot()
            self.document.add(table, self.tables[table])
        item = entry(fields, flags)
        self.tables[table].append(item)
        return item

    def write(self, file_name: str, source_id: str) -> str:
        drafter, reader = self.drafter, self.drafter.reader
        for line in HEADER.format(file=file_name).splitlines():
            self.document.add(tomlkit.comment(line))
        first = reader.sentences[0] if reader.sentences else (0, 0)
        title = self.text[first[0] : first[1]][:80].rstrip(" .")
        source = entry({"id": source_id, "file": file_name})
        source.add(tomlkit.comment("REVIEW: a title in your words"))
        source.add("title", title)
        self.document.add(tomlkit.nl())
        self.document.add("source", source)
        if drafter.legs:
            self.add(
                "inferences",
                {
                    "id": "year",
                    "claim": "REVIEW: the year the dates below fall in",
                    "reason": "REVIEW: the article gives no year; say how it is known",
                },
            )
        self.write_named(reader)
        self.write_trip(drafter)
        self.write_statements(reader)
        self.write_mentions(drafter)
        return tomlkit.dumps(self.document)

    def write_named(self, reader) -> None:
        for country in (f for f in reader.found.values() if f.kind == "country"):
            fields = {"id": country.key, "name": country.name, "aliases": country.aliases or None}
            self.add(
                "countries", {**fields, "evidence": self.evidence((country.start, country.end))}
            )
        for key, name, members, start, end in self.drafter.groupings():
            fields = {"id": key, "name": name, "members": members or None}
            flags = ["members named in the article only; add the others it states"]
            self.add("groupings", {**fields, "evidence": self.evidence((start, end))}, flags)
        for person in reader.people():
            self.write_party("people", person, {"role": person.role, "country": person.country})
        for org in (f for f in reader.found.values() if f.kind in {"organization", "group"}):
            kind = "group" if org.kind == "group" else "institution"
            if org.kind != "group" and org.name.startswith(("Ministry", "Department")):
                kind = "government"
            self.write_party("organizations", org, {"kind": kind, "country": org.country})

    def write_party(self, table: str, found: Found, extra: dict[str, object]) -> None:
        flags = list(found.flags)
        if table == "people" and not found.role:
            flags.append("no role found")
        fields = {"id": found.key, "name": found.name, "aliases": found.aliases or None, **extra}
        self.add(table, {**fields, "evidence": self.evidence((found.start, found.end))}, flags)

    def write_trip(self, drafter: Drafter) -> None:
        if not drafter.legs:
            return
        traveller = drafter.traveller()
        hosts = [leg.country for leg in drafter.legs]
        home = traveller.country if traveller else None
        roles = tomlkit.array()
        roles.extend([inline(country=home, role="traveller")] if home else [])
        roles.extend(inline(country=c, role="host") for c in hosts if c != home)
        roles.extend(
            inline(country=c.key, role="context")
            for c in drafter.reader.found.values()
            if c.kind == "country" and c.key not in hosts and c.key != home
        )
        name = traveller.name if traveller else "the traveller"
        trip = self.add(
            "trips",
            {
                "id": "trip",
                "title": f"{name}'s trip",
                "traveller": traveller.key if traveller else None,
                "evidence": self.evidence(*[(leg.start, leg.end) for leg in drafter.legs]),
                "countries": roles or None,
            },
            [
                "the traveller is the person named most; check it, and the title",
                *(
                    f"{self.text[start:end]!r} names a day the draft cannot date"
                    for start, end in drafter.undated_days
                ),
            ],
        )
        legs = tomlkit.aot()
        for leg in drafter.legs:
            end_month = leg.end_month or leg.month
            precision = "day" if (leg.first, leg.end_month) == (leg.last, None) else "span"
            dates = inline(
                start=f"--{leg.month:02d}-{leg.first:02d}",
                end=f"--{end_month:02d}-{leg.last:02d}",
                precision=precision,
                inferred=inline(year="year"),
            )
            fields = {"id": f"leg-{leg.country}", "country": leg.country, "dates": dates}
            flags = ["the article gives no year: write it in the dates, e.g. 2024-03-05"]
            legs.append(entry({**fields, "evidence": self.evidence((leg.start, leg.end))}, flags))
        trip.add("legs", legs)

    def write_statements(self, reader) -> None:
        counts: dict[str, int] = {}
        for said in sorted(reader.said, key=lambda s: s.start):
            who = said.speakers[0] if said.speakers else "unknown"
            counts[who] = counts.get(who, 0) + 1
            fields: dict[str, object] = {
                "id": f"{who}-{said.kind}-{counts[who]}",
                "kind": said.kind,
                "speakers": said.speakers,
                "verb": said.verb,
                "text": self.snippet(said.start, said.end),
            }
            if said.attribution:
                fields["attribution"] = self.snippet(*said.attribution)
            flags = list(said.flags)
            leg = self.drafter.leg_at(said.start, said.speakers)
            if leg:
                fields["leg"] = f"leg-{leg}"
                flags.append("placed on a leg by its speaker's country or the country named last")
            if not said.speakers:
                flags.append("no speaker: name one or delete the entry")
            self.add("statements", fields, flags)

    def write_mentions(self, drafter: Drafter) -> None:
        for mention in drafter.mentions:
            fields = {
                "area": mention.area,
                "partners": mention.partners,
                "commitment": mention.commitment,
                "verb": mention.verb or mention.commitment,
                "new": mention.new,
                "evidence": self.evidence((mention.start, mention.end)),
            }
            self.add("mentions", fields, mention.flags)


def draft_text(text: str, file_name: str, keywords: dict[str, list[str]]) -> str:
    """The draft annotation file for an article's text, as TOML text."""
    drafter = Drafter(text, keywords).run()
    return Writer(drafter).write(file_name, slug(Path(file_name).stem))
