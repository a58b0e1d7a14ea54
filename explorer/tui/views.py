"""What each pane shows when the view is narrowed to a leg, event, country or area.

Part of the data side: it imports nothing from Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from explorer.core.dates import date_label
from explorer.core.model import AreaMention, Claim, Evidence
from explorer.core.query import Filter, Index, TimelineLeg


@dataclass(frozen=True)
class Ref:
    """A pointer to one record: what the view is filtered by, or whose source to show."""

    kind: Literal["trip", "leg", "event", "country", "area", "statement"]
    id: str


FILTER_KINDS = frozenset({"leg", "event", "country", "area"})


class Views:
    """What each pane shows when the view is narrowed to one leg, event, country or area."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def filter_for(self, ref: Ref | None) -> Filter:
        """The statements a choice narrows the view to."""
        if ref is None or ref.kind not in FILTER_KINDS:
            return Filter()
        key = {"leg": "legs", "event": "events", "country": "countries", "area": "areas"}
        return Filter(**{key[ref.kind]: frozenset({ref.id})})

    def country_of(self, ref: Ref | None) -> str | None:
        """The country a choice is about, for the country pane."""
        index = self.index
        if ref is None:
            return None
        if ref.kind == "country":
            return ref.id
        if ref.kind == "leg":
            return index.legs[ref.id].country
        if ref.kind == "event":
            return index.legs[index.events[ref.id].leg].country
        return None

    def timeline_for(self, ref: Ref | None) -> list[TimelineLeg]:
        """The timeline, narrowed to a country's legs or to where an area was mentioned."""
        timeline = self.index.timeline()
        if ref is None or ref.kind not in {"country", "area"}:
            return timeline
        if ref.kind == "country":
            return [entry for entry in timeline if entry.leg.country == ref.id]
        mentions = self.index.areas[ref.id].mentions
        event_ids = {m.event for m in mentions if m.event}
        leg_ids = {m.leg for m in mentions if m.leg} | {self.index.events[e].leg for e in event_ids}
        return [
            TimelineLeg(entry.trip, entry.leg, [e for e in entry.events if e.id in event_ids])
            for entry in timeline
            if entry.leg.id in leg_ids
        ]

    def mention_matches(self, ref: Ref | None, mention: AreaMention) -> bool:
        """Whether an area mention belongs to the chosen leg, event or country."""
        if ref is None or ref.kind == "area":
            return True
        if ref.kind == "country":
            return ref.id in mention.partners
        if ref.kind == "event":
            return mention.event == ref.id
        if ref.kind == "leg":
            leg = mention.leg or (self.index.events[mention.event].leg if mention.event else None)
            return leg == ref.id
        return True

    def describe(self, ref: Ref) -> str:
        """A short phrase naming a choice: "event: Joint news conference in Tokyo"."""
        index = self.index
        if ref.kind == "leg":
            leg = index.legs[ref.id]
            return f"leg: {index.countries[leg.country].name}, {date_label(leg.dates)}"
        names = {
            "trip": lambda: index.trips[ref.id].title,
            "event": lambda: index.events[ref.id].title,
            "country": lambda: index.countries[ref.id].name,
            "area": lambda: index.areas[ref.id].name,
            "statement": lambda: " & ".join(index.speaker_names(index.statement(ref.id))),
        }
        return f"{ref.kind}: {names[ref.kind]()}"

    def evidence_for(self, ref: Ref) -> list[tuple[str, Evidence]]:
        """The words a record rests on, each with what it shows ("quote", "evidence", ...)."""
        index = self.index
        if ref.kind == "statement":
            statement = index.statement(ref.id)
            found = [("quote", statement.quote)]
            if statement.attribution:
                found.append(("attribution", statement.attribution))
            return found
        if ref.kind == "area":
            return [("evidence", e) for m in index.areas[ref.id].mentions for e in m.evidence]
        record = {
            "trip": index.trips,
            "leg": index.legs,
            "event": index.events,
            "country": index.countries,
        }[ref.kind][ref.id]
        return [("evidence", e) for e in record.evidence]

    def claims_for(self, ref: Ref) -> tuple[list[Claim], list[str]]:
        """What each source says where sources give a record's fields differently, and
        which of those fields are disputed."""
        records = {"trip": self.index.trips, "leg": self.index.legs, "event": self.index.events}
        record = records.get(ref.kind, {}).get(ref.id)
        if record is None:
            return [], []
        return list(record.claims), list(record.disputed)

    def inferred_for(self, ref: Ref) -> list[dict[str, str]]:
        """The inferences behind a record and its dates."""
        index = self.index
        if ref.kind == "statement":
            statement = index.statement(ref.id)
            dates = index.statement_dates(statement)
            return index.inferred_notes({**(dates.inferred if dates else {}), **statement.inferred})
        if ref.kind == "area":
            merged: dict[str, str] = {}
            for mention in index.areas[ref.id].mentions:
                merged.update(mention.inferred)
            return index.inferred_notes(merged)
        if ref.kind in {"leg", "event"}:
            record = index.legs[ref.id] if ref.kind == "leg" else index.events[ref.id]
            return index.inferred_notes({**record.dates.inferred, **record.inferred})
        return []
