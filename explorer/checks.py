"""Integrity checks a dataset must pass beyond its shape: ids, references, offsets, dates.

Each problem carries the JSON path of the value at fault, e.g. `statements[3].speakers[0]`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from explorer.model import Dataset, DateSpan, Evidence, Inferable

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, at a JSON path."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}" if self.path else self.message


def format_path(path: Path) -> str:
    """Render a path as `statements[3].speakers[0]`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def walk(obj: object, path: Path = ()) -> Iterator[tuple[Path, BaseModel]]:
    """Yield every model nested in `obj` with its path, parents before children."""
    if isinstance(obj, BaseModel):
        yield path, obj
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if isinstance(value, BaseModel | list):
                yield from walk(value, (*path, name))
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            if isinstance(item, BaseModel | list):
                yield from walk(item, (*path, index))


class _Checker:
    """Collects the problems of one dataset."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.problems: list[Problem] = []
        self.ids: dict[str, set[str]] = {}
        self.legs = {leg.id: leg for trip in dataset.trips for leg in trip.legs}
        self.events = {event.id: event for event in dataset.events}
        self.texts = {source.id: source.text for source in dataset.sources}

    def fail(self, path: Path, message: str) -> None:
        self.problems.append(Problem(path, message))

    def collect_ids(self, kind: str, items: list[tuple[Path, str]]) -> None:
        seen: set[str] = set()
        for path, item_id in items:
            if item_id in seen:
                self.fail((*path, "id"), f"duplicate {kind} id {item_id!r}")
            seen.add(item_id)
        self.ids[kind] = seen

    def ref(self, kind: str, path: Path, value: str | None) -> None:
        if value is not None and value not in self.ids[kind]:
            self.fail(path, f"unknown {kind} {value!r}")

    def refs(self, kind: str, path: Path, values: list[str]) -> None:
        for index, value in enumerate(values):
            self.ref(kind, (*path, index), value)

    def run(self) -> list[Problem]:
        self.check_ids()
        self.check_sources()
        for path, model in walk(self.dataset):
            if isinstance(model, Evidence):
                self.check_evidence(path, model)
            if isinstance(model, Inferable):
                self.check_inferred(path, model)
            if isinstance(model, DateSpan):
                self.check_dates(path, model)
        self.check_references()
        return self.problems

    def check_ids(self) -> None:
        d = self.dataset
        simple = {
            "source": ("sources", d.sources),
            "inference": ("inferences", d.inferences),
            "category": ("categories", d.categories),
            "country": ("countries", d.countries),
            "grouping": ("groupings", d.groupings),
            "trip": ("trips", d.trips),
            "event": ("events", d.events),
            "statement": ("statements", d.statements),
            "area": ("areas", d.areas),
            "proposal": ("proposals", d.proposals),
        }
        for kind, (field, items) in simple.items():
            self.collect_ids(kind, [((field, i), item.id) for i, item in enumerate(items)])
        # Speakers and participants may be people or organizations: one namespace for both.
        parties = [(("people", i), p.id) for i, p in enumerate(d.people)]
        parties += [(("organizations", i), o.id) for i, o in enumerate(d.organizations)]
        self.collect_ids("party", parties)
        legs = [
            (("trips", t, "legs", i), leg.id)
            for t, trip in enumerate(d.trips)
            for i, leg in enumerate(trip.legs)
        ]
        self.collect_ids("leg", legs)

    def check_sources(self) -> None:
        for index, source in enumerate(self.dataset.sources):
            digest = hashlib.sha256(source.text.encode("utf-8")).hexdigest()
            if digest != source.sha256:
                self.fail(("sources", index, "sha256"), "does not match the source's text")

    def check_evidence(self, path: Path, evidence: Evidence) -> None:
        text = self.texts.get(evidence.source)
        if text is None:
            self.fail((*path, "source"), f"unknown source {evidence.source!r}")
        elif not evidence.start < evidence.end <= len(text):
            self.fail(
                path,
                f"offsets {evidence.start}-{evidence.end} lie outside the text of "
                f"{evidence.source!r} ({len(text)} characters)",
            )
        elif text[evidence.start : evidence.end] != evidence.text:
            self.fail(
                (*path, "text"),
                f"differs from the words of {evidence.source!r} at {evidence.start}-{evidence.end}",
            )

    def check_inferred(self, path: Path, model: Inferable) -> None:
        allowed = set(type(model).model_fields) | (
            {"year"} if isinstance(model, DateSpan) else set()
        )
        for field, inference in model.inferred.items():
            if field not in allowed:
                self.fail((*path, "inferred", field), f"no field {field!r} to mark as inferred")
            self.ref("inference", (*path, "inferred", field), inference)

    def check_dates(self, path: Path, dates: DateSpan) -> None:
        if dates.end < dates.start:
            self.fail((*path, "end"), f"end {dates.end} is before start {dates.start}")
        if dates.precision == "day" and dates.start != dates.end:
            self.fail((*path, "precision"), "a single day must have the same start and end")

    def check_references(self) -> None:
        d = self.dataset
        for i, grouping in enumerate(d.groupings):
            self.refs("country", ("groupings", i, "members"), grouping.members)
        for i, person in enumerate(d.people):
            self.ref("country", ("people", i, "country"), person.country)
        for i, org in enumerate(d.organizations):
            self.ref("country", ("organizations", i, "country"), org.country)
        for i, trip in enumerate(d.trips):
            self.ref("party", ("trips", i, "traveller"), trip.traveller)
            for j, leg in enumerate(trip.legs):
                self.ref("country", ("trips", i, "legs", j, "country"), leg.country)
            for j, part in enumerate(trip.countries):
                self.ref("country", ("trips", i, "countries", j, "country"), part.country)
        for i, event in enumerate(d.events):
            self.check_event(i, event)
        for i, statement in enumerate(d.statements):
            path = ("statements", i)
            if statement.text != statement.quote.text:
                self.fail((*path, "text"), "is not the words its quote locates")
            self.refs("party", (*path, "speakers"), statement.speakers)
            self.refs("area", (*path, "areas"), statement.areas)
            self.check_placement(path, statement.leg, statement.event)
        for i, area in enumerate(d.areas):
            self.ref("category", ("areas", i, "category"), area.category)
            for j, mention in enumerate(area.mentions):
                path = ("areas", i, "mentions", j)
                self.refs("country", (*path, "partners"), mention.partners)
                self.check_placement(path, mention.leg, mention.event)
        for i, proposal in enumerate(d.proposals):
            self.refs("party", ("proposals", i, "by"), proposal.by)
            self.refs("country", ("proposals", i, "countries"), proposal.countries)

    def check_event(self, index: int, event) -> None:
        path = ("events", index)
        self.refs("party", (*path, "participants"), event.participants)
        self.ref("leg", (*path, "leg"), event.leg)
        leg = self.legs.get(event.leg)
        if leg is None:
            return
        if event.dates.start < leg.dates.start or event.dates.end > leg.dates.end:
            self.fail(
                (*path, "dates"),
                f"{event.dates.start}..{event.dates.end} lies outside its leg {leg.id!r} "
                f"({leg.dates.start}..{leg.dates.end})",
            )

    def check_placement(self, path: Path, leg_id: str | None, event_id: str | None) -> None:
        """A statement or mention placed at an event must name the event's own leg."""
        self.ref("leg", (*path, "leg"), leg_id)
        self.ref("event", (*path, "event"), event_id)
        event = self.events.get(event_id) if event_id else None
        if event is not None and leg_id is not None and event.leg != leg_id:
            self.fail(
                (*path, "leg"), f"is {leg_id!r} but its event {event_id!r} is in {event.leg!r}"
            )


def find_problems(dataset: Dataset) -> list[Problem]:
    """Every integrity problem of `dataset`, in a stable order; empty when it is sound."""
    return _Checker(dataset).run()
