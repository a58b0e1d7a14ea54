"""The dataset's pydantic models: what the articles say, each fact with the words it rests on.

Offsets count Unicode code points (Python string indices) into a source's text.
Ids are plain strings; a reference is the id of another record. Whether every reference
resolves, and every offset holds its words, is checked by `explorer.checks`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

Id = str
Precision = Literal["day", "span", "within"]
Role = Literal["traveller", "host", "context"]
Commitment = Literal[
    "reaffirmed", "agreed", "welcomed", "discussed", "explored", "proposed", "ongoing"
]
COMMITMENTS: tuple[str, ...] = Commitment.__args__  # type: ignore[attr-defined]


class Record(BaseModel):
    """Base of every model: unknown fields are refused and records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Record):
    """The article's own words a fact rests on, with their offsets in the source's text."""

    source: Id
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(min_length=1)


class Inferable(Record):
    """A record some of whose fields may be inferred rather than stated by the article.

    `inferred` maps a field name (or "year", for a date) to the id of the Inference
    that says what was inferred and why.
    """

    inferred: dict[str, Id] = Field(default_factory=dict)


class Fact(Inferable):
    """A record that must cite at least one piece of evidence."""

    evidence: list[Evidence] = Field(min_length=1)


class Source(Record):
    """An article the dataset is built from, with its full text."""

    id: Id
    title: str
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    outlet: str | None = None
    published: dt.date | None = None
    text: str


class Inference(Record):
    """Something the articles do not state, and the reason it is believed."""

    id: Id
    claim: str
    reason: str


class DateSpan(Inferable):
    """A date or range and how precise it is.

    precision: "day" - on that one day (start == end); "span" - lasting from start to end;
    "within" - on some day between start and end that the article does not give.
    """

    start: dt.date
    end: dt.date
    precision: Precision


class Category(Record):
    """A heading of the cooperation-area taxonomy."""

    id: Id
    name: str


class Country(Fact):
    """A country named in the articles."""

    id: Id
    name: str
    aliases: list[str] = Field(default_factory=list)


class Grouping(Fact):
    """A grouping of countries the articles name, such as the Quad."""

    id: Id
    name: str
    aliases: list[str] = Field(default_factory=list)
    members: list[Id]


class Person(Fact):
    """A person named in the articles."""

    id: Id
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    country: Id | None = None


class Organization(Fact):
    """A body or an unnamed group ("some scholars") the articles give words or a part to."""

    id: Id
    name: str
    aliases: list[str] = Field(default_factory=list)
    kind: Literal["government", "institution", "group"]
    country: Id | None = None


class Leg(Fact):
    """One country of a trip, with its dates and the city where the article names one."""

    id: Id
    country: Id
    dates: DateSpan
    city: str | None = None


class TripCountry(Record):
    """A country's part in a trip."""

    country: Id
    role: Role


class Trip(Fact):
    """A journey by one traveller through one or more legs."""

    id: Id
    title: str
    traveller: Id
    purpose: str | None = None
    legs: list[Leg] = Field(min_length=1)
    countries: list[TripCountry] = Field(default_factory=list)


class Event(Fact):
    """A meeting, speech, news conference or series of meetings during a leg."""

    id: Id
    kind: Literal["meeting", "talks", "speech", "news conference", "meetings"]
    title: str
    leg: Id
    dates: DateSpan
    place: str | None = None
    participants: list[Id] = Field(default_factory=list)


class Statement(Inferable):
    """Words the articles give to one or more speakers.

    kind "direct": `text` is a quotation, verbatim, without its quotation marks.
    kind "reported": `text` is the article's sentence or clause reporting what was said.
    `quote` locates `text` in the article; `attribution` the words naming the speaker;
    `verb` is the article's verb of saying, if it has one. `areas` lists the cooperation
    areas whose mentions share words with the statement.
    """

    id: Id
    kind: Literal["direct", "reported"]
    speakers: list[Id] = Field(min_length=1)
    verb: str | None = None
    text: str
    quote: Evidence
    attribution: Evidence | None = None
    leg: Id | None = None
    event: Id | None = None
    areas: list[Id] = Field(default_factory=list)


class AreaMention(Fact):
    """One place where an article names an area of cooperation with a partner."""

    partners: list[Id] = Field(min_length=1)
    commitment: Commitment
    verb: str
    new: bool = False
    leg: Id | None = None
    event: Id | None = None


class Area(Record):
    """A concrete area of cooperation, under a category, with every mention of it."""

    id: Id
    name: str
    category: Id
    mentions: list[AreaMention] = Field(min_length=1)


class Proposal(Fact):
    """A proposal or a piece of analysis, given to whom the article gives it.

    An empty `by` means the article's own words.
    """

    id: Id
    kind: Literal["proposal", "analysis"]
    title: str
    by: list[Id] = Field(default_factory=list)
    countries: list[Id] = Field(default_factory=list)


class Dataset(Record):
    """Everything the explorer shows, built from the articles by `explorer build`."""

    schema_version: Literal[1] = SCHEMA_VERSION
    sources: list[Source] = Field(min_length=1)
    inferences: list[Inference] = Field(default_factory=list)
    categories: list[Category] = Field(default_factory=list)
    countries: list[Country] = Field(default_factory=list)
    groupings: list[Grouping] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    organizations: list[Organization] = Field(default_factory=list)
    trips: list[Trip] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    areas: list[Area] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
