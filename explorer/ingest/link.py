"""Linking a draft to the dataset it will join: the ids of what the dataset already knows.

A report of a visit the dataset holds names the same people, bodies, trip, legs and events.
The draft should use their ids, so the build makes one record citing both reports, and say
in a comment what each link matched on; where several records could be meant, it names them
for the reviewer instead of choosing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from explorer.core.model import Dataset
from explorer.core.names import name_words, words

# Words before a name that are not part of it: honorifics and short titles ("Dr S
# Jaishankar", "EAM Jaishankar", "FM Wang").
NOT_NAME = frozenset(
    """
    mr mrs ms miss dr sir dame prof shri smt sri sheikh his her excellency he hon
    eam fm pm pres president minister
    """.split()
)


@dataclass
class Link:
    """What a drafted thing is in the dataset: one id with the reason, or the candidates."""

    id: str | None = None
    why: str = ""
    candidates: list[str] = field(default_factory=list)


def name_key(name: str) -> list[str]:
    """The folded words of a name without honorifics or short titles."""
    return [w for w in words(name) if w not in NOT_NAME]


def same_name(drafted: str, known: str) -> bool:
    """Whether a drafted name can be a known one: each of its words is a word of the known
    name, or an initial of one ("S Jaishankar" for "Subrahmanyam Jaishankar"), in any order
    ("Cho-Tae Yul" for "Cho Tae-yul"), and at least one whole word is shared."""
    wanted = name_key(drafted)
    have = name_words(known) | frozenset(name_key(known))
    if not wanted or not any(len(w) > 1 for w in wanted):
        return False
    if "".join(wanted) == "".join(name_key(known)):
        return True  # "Cho-Tae Yul" and "Cho Tae-yul": the same letters
    return all(w in have or (len(w) == 1 and any(h.startswith(w) for h in have)) for w in wanted)


def _body_key(name: str) -> str:
    return " ".join(w for w in words(name) if w != "the")


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _spans(record: object) -> list[tuple[dt.date, dt.date]]:
    """A record's dates and every source's claim of them."""
    dates = [record.dates, *(c.value for c in record.claims if c.field == "dates")]
    return [(d.start, d.end) for d in dates if hasattr(d, "start")]


class Known:
    """What a dataset holds, asked by what a draft found."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def _named(self, records, names: list[str], what: str) -> Link | None:
        found = []
        for record in records:
            for known in [record.name, *record.aliases]:
                hit = next((n for n in names if same_name(n, known)), None)
                if hit is not None:
                    found.append((record, hit, known))
                    break
        ids = list(dict.fromkeys(record.id for record, _, _ in found))
        if len(ids) == 1:
            record, hit, known = found[0]
            return Link(record.id, f"{what} {record.id!r}: {hit!r} matches {known!r}")
        if ids:
            return Link(candidates=ids)
        return None

    def person(self, name: str, aliases: list[str]) -> Link | None:
        """The dataset's person with this name or an alias (initials and honorifics aside)."""
        return self._named(self.dataset.people, [name, *aliases], "person")

    def organization(
        self, name: str, aliases: list[str], country: str | None = None
    ) -> Link | None:
        """The dataset's organization with this very name or alias (case, accents and "the"
        aside): a body's name is not a person's, whose parts may stand alone. Else, as
        candidates for the reviewer, the dataset's bodies of the same country ("Indian
        foreign ministry" may be the "Ministry of External Affairs")."""
        wanted = {_body_key(n) for n in [name, *aliases]}
        found = [
            o.id
            for o in self.dataset.organizations
            if wanted & {_body_key(n) for n in [o.name, *o.aliases]}
        ]
        if len(found) == 1:
            return Link(found[0], f"organization {found[0]!r}: the same name")
        if not found and country is not None:
            found = [o.id for o in self.dataset.organizations if o.country == country]
        return Link(candidates=found) if found else None

    def trip(self, traveller: str | None, legs: list[tuple[str, dt.date | None]]) -> Link | None:
        """The dataset's trip by the same traveller with a leg in a drafted leg's country
        whose dates hold the drafted date (or any, when the draft has none)."""
        if traveller is None:
            return None
        found = []
        for trip in self.dataset.trips:
            if trip.traveller != traveller:
                continue
            for leg in trip.legs:
                for country, day in legs:
                    span = (leg.dates.start, leg.dates.end)
                    if leg.country == country and (day is None or _overlap(span, (day, day))):
                        found.append(trip.id)
        ids = list(dict.fromkeys(found))
        if len(ids) == 1:
            return Link(ids[0], f"trip {ids[0]!r}: the same traveller, in the same country then")
        return Link(candidates=ids) if ids else None

    def leg(self, trip: str, country: str) -> Link | None:
        """The leg of a known trip in a country."""
        for known in self.dataset.trips:
            if known.id == trip:
                for leg in known.legs:
                    if leg.country == country:
                        return Link(leg.id, f"leg {leg.id!r} of trip {trip!r} in {country!r}")
        return None

    def event(self, leg: str, kind: str, day: dt.date | None) -> Link | None:
        """The event of this kind on this leg whose dates, or a source's claim of them,
        hold the drafted day."""
        found = [
            e.id
            for e in self.dataset.events
            if e.leg == leg
            and e.kind == kind
            and (day is None or any(_overlap(span, (day, day)) for span in _spans(e)))
        ]
        if len(found) == 1:
            return Link(found[0], f"event {found[0]!r}: a {kind} on {leg!r} then")
        return Link(candidates=found) if found else None


def _plain(value: object) -> object:
    """A drafted or known value in one comparable form (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "start") and hasattr(value, "end") and not isinstance(value, dict):
        return (_plain(value.start), _plain(value.end))  # a DateSpan
    if isinstance(value, dict) and "start" in value:
        return (_plain(value["start"]), _plain(value["end"]))
    return value


def linked(
    link: Link | None,
    record: object,
    fields: dict[str, object],
    compared: tuple[str, ...],
    left_out: tuple[str, ...] = (),
) -> tuple[dict[str, object], list[str], list[str]]:
    """A drafted entry's fields, REVIEW lines and notes, given what it links to: the known
    record's id (each value this report gives otherwise a REVIEW line naming both: the build
    keeps both, each as its source's claim), or the candidates to choose from. Fields in
    `left_out` that differ are left out instead (a trip's title is the annotator's)."""
    if link is None:
        return fields, [], []
    if not link.id:
        shown = ", ".join(repr(c) for c in link.candidates)
        return fields, [f"the dataset may already hold this: {shown}; use that id if so"], []
    flags = []
    fields = dict(fields)
    for key in compared:
        new, old = fields.get(key), getattr(record, key, None)
        if new is None or old is None or _plain(new) == _plain(old):
            continue
        if key in left_out:
            fields[key] = None
            continue
        flags.append(
            f"this report gives {key} {_plain(new)!r}; the dataset has {_plain(old)!r}: "
            "check it; the build keeps both, each as its source's claim"
        )
    return fields, flags, [f"linked to the dataset's {link.why}"]


def record(dataset: Dataset, table: str, record_id: str | None) -> object | None:
    """The dataset's record of a table by id (a leg by its id inside any trip)."""
    if record_id is None:
        return None
    if table == "legs":
        return next(
            (leg for trip in dataset.trips for leg in trip.legs if leg.id == record_id), None
        )
    return next((r for r in getattr(dataset, table) if r.id == record_id), None)
