"""Integrity checks a dataset must pass beyond its shape: ids, references, offsets, dates.

Each problem carries the JSON path of the value at fault, e.g. `statements[3].speakers[0]`.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import operator
from collections.abc import Iterator
from dataclasses import dataclass

from explorer.core.model import Dataset, DateSpan, Evidence, Inferable

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


def walk(obj: object, path: Path = ()) -> Iterator[tuple[Path, object]]:
    """Yield every record nested in `obj` with its path, parents before children.

    Generic and so not fast: for tests and tools. The checks below walk the dataset's
    known shape directly.
    """
    if dataclasses.is_dataclass(obj):
        names = [f.name for f in dataclasses.fields(obj)]
    elif isinstance(obj, list):
        for index, item in enumerate(obj):
            yield from walk(item, (*path, index))
        return
    else:
        return
    yield path, obj
    for name in names:
        value = getattr(obj, name)
        if isinstance(value, list) or dataclasses.is_dataclass(value):
            yield from walk(value, (*path, name))


FACTS = ("countries", "groupings", "people", "organizations", "events", "proposals")


def evidence_of(dataset: Dataset) -> Iterator[tuple[Path, Evidence]]:
    """Every piece of evidence in the dataset, with its path."""
    for field in FACTS:
        for i, record in enumerate(getattr(dataset, field)):
            for j, evidence in enumerate(record.evidence):
                yield (field, i, "evidence", j), evidence
    for i, trip in enumerate(dataset.trips):
        for j, evidence in enumerate(trip.evidence):
            yield ("trips", i, "evidence", j), evidence
        for k, leg in enumerate(trip.legs):
            for j, evidence in enumerate(leg.evidence):
                yield ("trips", i, "legs", k, "evidence", j), evidence
    for i, statement in enumerate(dataset.statements):
        yield ("statements", i, "quote"), statement.quote
        if statement.attribution is not None:
            yield ("statements", i, "attribution"), statement.attribution
    for i, area in enumerate(dataset.areas):
        for k, mention in enumerate(area.mentions):
            for j, evidence in enumerate(mention.evidence):
                yield ("areas", i, "mentions", k, "evidence", j), evidence


def iter_evidence(dataset: Dataset) -> Iterator[Evidence]:
    """Every piece of evidence, without paths: the quick way to look them all over."""
    d = dataset
    yield from (e for field in FACTS for record in getattr(d, field) for e in record.evidence)
    yield from (e for trip in d.trips for e in trip.evidence)
    yield from (e for trip in d.trips for leg in trip.legs for e in leg.evidence)
    yield from (s.quote for s in d.statements)
    yield from (s.attribution for s in d.statements if s.attribution is not None)
    yield from (e for area in d.areas for m in area.mentions for e in m.evidence)


def inferables_of(dataset: Dataset) -> Iterator[tuple[Path, Inferable]]:
    """Every date, and every record that marks a field as inferred, with its path."""
    for field in ("countries", "groupings", "people", "organizations", "statements", "proposals"):
        for i, record in enumerate(getattr(dataset, field)):
            if record.inferred:
                yield (field, i), record
    for i, trip in enumerate(dataset.trips):
        yield ("trips", i), trip
        for k, leg in enumerate(trip.legs):
            yield ("trips", i, "legs", k), leg
            yield ("trips", i, "legs", k, "dates"), leg.dates
    for i, event in enumerate(dataset.events):
        yield ("events", i), event
        yield ("events", i, "dates"), event.dates
    for i, area in enumerate(dataset.areas):
        for k, mention in enumerate(area.mentions):
            if mention.inferred:
                yield ("areas", i, "mentions", k), mention


@functools.cache
def _inferable_fields(kind: type) -> frozenset[str]:
    """The names a record of this type may mark as inferred: its fields, and a date's year."""
    names = {f.name for f in dataclasses.fields(kind)}
    return frozenset(names | {"year"} if kind is DateSpan else names)


# (kind of record referred to, collection, field holding the id or ids)
REFERENCES = [
    ("country", "groupings", "members"),
    ("country", "people", "country"),
    ("country", "organizations", "country"),
    ("party", "trips", "traveller"),
    ("country", "legs", "country"),
    ("country", "trip countries", "country"),
    ("party", "events", "participants"),
    ("leg", "events", "leg"),
    ("party", "statements", "speakers"),
    ("area", "statements", "areas"),
    ("leg", "statements", "leg"),
    ("event", "statements", "event"),
    ("category", "areas", "category"),
    ("country", "mentions", "partners"),
    ("leg", "mentions", "leg"),
    ("event", "mentions", "event"),
    ("party", "proposals", "by"),
    ("country", "proposals", "countries"),
]


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

    def collect_ids(self, kind: str, field: str, ids: list[str], paths=None) -> None:
        """Record the ids of one kind; name every duplicate (paths made only then)."""
        seen = set(ids)
        self.ids[kind] = seen
        if len(seen) == len(ids):
            return
        paths = paths() if paths else [(field, i) for i in range(len(ids))]
        seen = set()
        for path, item_id in zip(paths, ids, strict=True):
            if item_id in seen:
                self.fail((*path, "id"), f"duplicate {kind} id {item_id!r}")
            seen.add(item_id)

    def ref(self, kind: str, path: Path, value: str | None) -> None:
        if value is not None and value not in self.ids[kind]:
            self.fail(path, f"unknown {kind} {value!r}")

    def run(self, evidence: bool = True) -> list[Problem]:
        self.check_ids()
        if evidence:
            for _ in self.evidence_steps():
                pass
        for path, record in inferables_of(self.dataset):
            if record.inferred:
                self.check_inferred(path, record)
            if isinstance(record, DateSpan):
                self.check_dates(path, record)
        for kind, collection, field in REFERENCES:
            self.check_references(kind, collection, field)
        self.check_placements()
        self.check_claims()
        return self.problems

    def evidence_steps(self, chunk: int = 4_000) -> Iterator[None]:
        """Check that each source's text is the one hashed and each piece of evidence is
        its words, `chunk` pieces at a time. Each pass first looks for trouble at full
        speed, without building paths, and walks again to name what is wrong only when
        something is."""
        self.check_sources()
        texts, unsound = self.texts, []
        pieces = iter_evidence(self.dataset)
        while chunk_of := list(itertools.islice(pieces, chunk)):
            unsound += [
                e
                for e in chunk_of
                if (text := texts.get(e.source)) is None
                or e.end != e.start + len(e.text)
                or not text.startswith(e.text, e.start)
            ]
            yield
        if unsound:
            wrong = {id(e) for e in unsound}
            for path, item in evidence_of(self.dataset):
                if id(item) in wrong:
                    self.check_evidence(path, item)

    def check_claims(self) -> None:
        """Each claim is a source's, of a field its record has; disputed fields are claimed;
        a claimed date is a sound date whose inferences exist."""
        for collection in ("people", "organizations", "trips", "legs", "events"):
            records = self.records(collection)
            if not any(r.claims or r.disputed for r in records):
                continue  # the common case: nothing to look at
            for path, record in zip(self.paths(collection), records, strict=True):
                fields = {f.name for f in dataclasses.fields(record)}
                for k, item in enumerate(record.claims):
                    where = (*path, "claims", k)
                    self.ref("source", (*where, "source"), item.source)
                    if item.field not in fields:
                        self.fail((*where, "field"), f"no field {item.field!r} to claim")
                    if isinstance(item.value, DateSpan):
                        self.check_dates((*where, "value"), item.value)
                        if item.value.inferred:
                            self.check_inferred((*where, "value"), item.value)
                claimed = {c.field for c in record.claims}
                for k, field in enumerate(record.disputed):
                    if field not in claimed:
                        self.fail((*path, "disputed", k), f"{field!r} is disputed by no claims")

    @functools.cache  # noqa: B019 - one checker, one dataset, a short life
    def records(self, collection: str) -> list:
        """The records of a collection, nested ones (legs, mentions) included."""
        d = self.dataset
        if collection == "legs":
            return [leg for trip in d.trips for leg in trip.legs]
        if collection == "trip countries":
            return [part for trip in d.trips for part in trip.countries]
        if collection == "mentions":
            return [mention for area in d.areas for mention in area.mentions]
        return getattr(d, collection)

    def paths(self, collection: str) -> list[Path]:
        """The path of each record of `records(collection)`, in the same order."""
        d = self.dataset
        nested = {"legs": ("trips", "legs"), "trip countries": ("trips", "countries")}
        nested["mentions"] = ("areas", "mentions")
        if collection in nested:
            outer, inner = nested[collection]
            return [
                (outer, i, inner, j)
                for i, record in enumerate(getattr(d, outer))
                for j in range(len(getattr(record, inner)))
            ]
        return [(collection, i) for i in range(len(getattr(d, collection)))]

    def check_references(self, kind: str, collection: str, field: str) -> None:
        """Every id in one field of one collection names a record of the right kind."""
        values = list(map(operator.attrgetter(field), self.records(collection)))
        lists = values and any(isinstance(value, list) for value in values[:1])
        used = set().union(*values) if lists else set(values)
        used.discard(None)
        if used <= self.ids[kind]:
            return  # the common case: one set operation instead of a check per value
        for path, value in zip(self.paths(collection), values, strict=True):
            if isinstance(value, list):
                for index, item in enumerate(value):
                    self.ref(kind, (*path, field, index), item)
            else:
                self.ref(kind, (*path, field), value)

    def check_ids(self) -> None:
        d = self.dataset
        simple = {
            "source": "sources",
            "inference": "inferences",
            "category": "categories",
            "country": "countries",
            "grouping": "groupings",
            "trip": "trips",
            "event": "events",
            "statement": "statements",
            "area": "areas",
            "proposal": "proposals",
        }
        for kind, field in simple.items():
            self.collect_ids(kind, field, [item.id for item in getattr(d, field)])
        # Speakers and participants may be people or organizations: one namespace for both.
        parties = [p.id for p in d.people] + [o.id for o in d.organizations]
        party_paths = [("people", i) for i in range(len(d.people))]
        party_paths += [("organizations", i) for i in range(len(d.organizations))]
        self.collect_ids("party", "", parties, lambda: party_paths)
        self.collect_ids(
            "leg", "", [leg.id for leg in self.records("legs")], lambda: self.paths("legs")
        )

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
        allowed = _inferable_fields(type(model))
        for field, inference in model.inferred.items():
            if field not in allowed:
                self.fail((*path, "inferred", field), f"no field {field!r} to mark as inferred")
            self.ref("inference", (*path, "inferred", field), inference)

    def check_dates(self, path: Path, dates: DateSpan) -> None:
        if dates.end < dates.start:
            self.fail((*path, "end"), f"end {dates.end} is before start {dates.start}")
        if dates.precision == "day" and dates.start != dates.end:
            self.fail((*path, "precision"), "a single day must have the same start and end")

    def check_placements(self) -> None:
        """Events lie within their legs; what is placed at an event names the event's leg."""
        legs, events = self.legs, self.events
        for i, event in enumerate(self.dataset.events):
            leg = legs.get(event.leg)
            if leg is not None and (
                event.dates.start < leg.dates.start or event.dates.end > leg.dates.end
            ):
                self.fail(
                    ("events", i, "dates"),
                    f"{event.dates.start}..{event.dates.end} lies outside its leg {leg.id!r} "
                    f"({leg.dates.start}..{leg.dates.end})",
                )
        leg_of = {event.id: event.leg for event in events.values()}
        for collection in ("statements", "mentions"):
            records = self.records(collection)
            misplaced = [
                n
                for n, record in enumerate(records)
                if record.leg is not None
                and (event_leg := leg_of.get(record.event)) is not None
                and event_leg != record.leg
            ]
            for n in misplaced:
                leg, event = records[n].leg, records[n].event
                self.fail(
                    (*self.paths(collection)[n], "leg"),
                    f"is {leg!r} but its event {event!r} is in {leg_of[event]!r}",
                )


def find_problems(dataset: Dataset, evidence: bool = True) -> list[Problem]:
    """Every integrity problem of `dataset`, in a stable order; empty when it is sound.
    With `evidence=False`, all but the checks of the sources' hashes and the evidence's
    words (`evidence_steps` does those later)."""
    return _Checker(dataset).run(evidence)


def evidence_steps(dataset: Dataset, problems: list[Problem]) -> Iterator[None]:
    """The checks `find_problems(dataset, evidence=False)` leaves out, a few milliseconds
    at a time (for an app to run between keys after its first paint); what they find is
    added to `problems`."""
    checker = _Checker(dataset)
    yield from checker.evidence_steps()
    problems += checker.problems
