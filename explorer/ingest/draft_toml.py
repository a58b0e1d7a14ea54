"""Writing a draft as an annotation file: the build's format, with REVIEW notes for a person."""

from __future__ import annotations

from explorer.ingest.draft import Drafter, dump
from explorer.ingest.extract import Found, slug

HEADER = """\
# Draft annotations of {file}, made by `explorer draft`.
# Review every entry against the article, above all the lines marked REVIEW; delete what
# is wrong, add what is missing, then run `explorer build`. Evidence snippets are the
# article's own words: the build finds them (nth = N picks the Nth of repeated words).
"""


class Writer:
    """Builds the TOML text of a draft, entry by entry."""

    def __init__(self, drafter: Drafter) -> None:
        self.drafter = drafter
        self.text = drafter.text
        self.lines: list[str] = []

    def snippet(self, start: int, end: int) -> str:
        """Evidence for the article's words at start..end, with nth when they repeat."""
        words = self.text[start:end]
        count = self.text.count(words)
        if count == 1:
            return dump(words)
        nth = self.text.count(words, 0, start) + 1 if count else 1
        return f"{{ text = {dump(words)}, nth = {nth} }}"

    def entry(self, table: str, fields: list[tuple[str, object]], flags=()) -> None:
        """One [[table]] entry; raw TOML values are passed as ("key", ("raw", text))."""
        self.lines.append(f"\n[[{table}]]")
        for flag in flags:
            self.lines.append(f"# REVIEW: {flag}")
        for key, value in fields:
            if value is None or value == []:
                continue
            shown = value[1] if isinstance(value, tuple) else dump(value)
            self.lines.append(f"{key} = {shown}")

    def evidence(self, *spans: tuple[int, int]) -> tuple[str, str]:
        return ("raw", "[" + ", ".join(self.snippet(s, e) for s, e in spans) + "]")

    def write(self, file_name: str, source_id: str) -> str:
        drafter, reader = self.drafter, self.drafter.reader
        first = reader.sentences[0] if reader.sentences else (0, 0)
        title = self.text[first[0] : first[1]][:80].rstrip(" .")
        self.lines += [HEADER.format(file=file_name).rstrip(), "", "[source]"]
        self.lines += [f"id = {dump(source_id)}", f"file = {dump(file_name)}"]
        self.lines += ["# REVIEW: a title in your words", f"title = {dump(title)}"]
        if drafter.legs:
            self.entry(
                "inferences",
                [
                    ("id", "year"),
                    ("claim", "REVIEW: the year the dates below fall in"),
                    ("reason", "REVIEW: the article gives no year; say how it is known"),
                ],
            )
        self.write_named(reader)
        self.write_trip(drafter)
        self.write_statements(reader)
        self.write_mentions(drafter)
        return "\n".join(self.lines) + "\n"

    def write_named(self, reader) -> None:
        for country in (f for f in reader.found.values() if f.kind == "country"):
            fields = [("id", country.key), ("name", country.name), ("aliases", country.aliases)]
            self.entry(
                "countries", [*fields, ("evidence", self.evidence((country.start, country.end)))]
            )
        for key, name, members, start, end in self.drafter.groupings():
            fields = [("id", key), ("name", name), ("members", members)]
            flags = ["members named in the article only; add the others it states"]
            self.entry("groupings", [*fields, ("evidence", self.evidence((start, end)))], flags)
        for person in reader.people():
            self.write_party("people", person, [("role", person.role), ("country", person.country)])
        for org in (f for f in reader.found.values() if f.kind in {"organization", "group"}):
            kind = (
                "group"
                if org.kind == "group"
                else (
                    "government"
                    if org.name.startswith(("Ministry", "Department"))
                    else "institution"
                )
            )
            self.write_party("organizations", org, [("kind", kind), ("country", org.country)])

    def write_party(self, table: str, found: Found, extra: list) -> None:
        flags = list(found.flags)
        if table == "people" and not found.role:
            flags.append("no role found")
        fields = [("id", found.key), ("name", found.name), ("aliases", found.aliases), *extra]
        self.entry(table, [*fields, ("evidence", self.evidence((found.start, found.end)))], flags)

    def dates(self, leg, precision: str) -> tuple[str, str]:
        end_month = leg.end_month or leg.month
        start, end = f"--{leg.month:02d}-{leg.first:02d}", f"--{end_month:02d}-{leg.last:02d}"
        return (
            "raw",
            f'{{ start = "{start}", end = "{end}", precision = "{precision}", '
            f'inferred = {{ year = "year" }} }}',
        )

    def write_trip(self, drafter: Drafter) -> None:
        if not drafter.legs:
            return
        traveller = drafter.traveller()
        hosts = [leg.country for leg in drafter.legs]
        home = traveller.country if traveller else None
        roles = [{"country": home, "role": "traveller"}] if home else []
        roles += [{"country": c, "role": "host"} for c in hosts if c != home]
        roles += [
            {"country": c.key, "role": "context"}
            for c in drafter.reader.found.values()
            if c.kind == "country" and c.key not in hosts and c.key != home
        ]
        shown = ", ".join(f'{{ country = "{r["country"]}", role = "{r["role"]}" }}' for r in roles)
        name = traveller.name if traveller else "the traveller"
        self.entry(
            "trips",
            [
                ("id", "trip"),
                ("title", f"{name}'s trip"),
                ("traveller", traveller.key if traveller else None),
                ("evidence", self.evidence(*[(leg.start, leg.end) for leg in drafter.legs])),
                ("countries", ("raw", f"[{shown}]")),
            ],
            ["the traveller is the person named most; check it, and the title"],
        )
        for leg in drafter.legs:
            self.entry(
                "trips.legs",
                [
                    ("id", f"leg-{leg.country}"),
                    ("country", leg.country),
                    (
                        "dates",
                        self.dates(
                            leg, "day" if (leg.first, leg.end_month) == (leg.last, None) else "span"
                        ),
                    ),
                    ("evidence", self.evidence((leg.start, leg.end))),
                ],
                ["the article gives no year: write it in the dates, e.g. 2024-03-05"],
            )
        for start, end in drafter.undated_days:
            self.lines.append(
                f"# REVIEW: {self.text[start:end]!r} names a day the draft cannot date"
            )

    def write_statements(self, reader) -> None:
        counts: dict[str, int] = {}
        for said in sorted(reader.said, key=lambda s: s.start):
            who = said.speakers[0] if said.speakers else "unknown"
            counts[who] = counts.get(who, 0) + 1
            fields = [
                ("id", f"{who}-{said.kind}-{counts[who]}"),
                ("kind", said.kind),
                ("speakers", ("raw", dump(said.speakers))),
                ("verb", said.verb),
                ("text", ("raw", self.snippet(said.start, said.end))),
            ]
            if said.attribution:
                fields.append(("attribution", ("raw", self.snippet(*said.attribution))))
            flags = list(said.flags)
            leg = self.drafter.leg_at(said.start, said.speakers)
            if leg:
                fields.append(("leg", f"leg-{leg}"))
                flags.append("placed on a leg by its speaker's country or the country named last")
            if not said.speakers:
                flags.append("no speaker: name one or delete the entry")
            self.entry("statements", fields, flags)

    def write_mentions(self, drafter: Drafter) -> None:
        for mention in drafter.mentions:
            fields = [
                ("area", mention.area),
                ("partners", ("raw", dump(mention.partners))),
                ("commitment", mention.commitment),
                ("verb", mention.verb or mention.commitment),
                ("new", mention.new),
                ("evidence", self.evidence((mention.start, mention.end))),
            ]
            self.entry("mentions", fields, mention.flags)


def write_draft(drafter: Drafter, file_name: str, source_id: str) -> str:
    """The draft for one article as the text of an annotation file."""
    return Writer(drafter).write(file_name, source_id or slug(file_name))
