"""The dataset's records: what the articles say, each fact with the words it rests on.

Offsets count Unicode code points (Python string indices) into a source's text.
Ids are plain strings; a reference is the id of another record. Whether every reference
resolves, and every offset holds its words, is checked by `explorer.core.checks`.

Records are plain frozen dataclasses with slots: a dataset may hold hundreds of thousands of
them, and a slotted record takes a fraction of a pydantic model's memory. Importing this
module does not import pydantic (its import and schemas cost more than a small dataset's
whole start-up): `explorer.core.validation` validates files into these records with
pydantic, reading the constraints written here (`Bound`) and `__pydantic_config__`.
"""

import dataclasses
import datetime as dt
from typing import Annotated, Literal


class Bound:
    """A constraint on a field's value, in the words of pydantic's core schema (`ge=0`,
    `min_length=1`, `pattern=...`): pydantic adds it to the field's schema when it builds a
    validator, so the model states it without importing pydantic."""

    __slots__ = ("constraint",)

    def __init__(self, **constraint: object) -> None:
        self.constraint = constraint

    def __get_pydantic_core_schema__(self, source, handler):
        return {**handler(source), **self.constraint}


SCHEMA_VERSION = 1

Id = str
Precision = Literal["day", "span", "within"]
Role = Literal["traveller", "host", "context"]
Commitment = Literal[
    "reaffirmed", "agreed", "welcomed", "discussed", "explored", "proposed", "ongoing"
]
COMMITMENTS: tuple[str, ...] = Commitment.__args__  # type: ignore[attr-defined]
EventKind = Literal["meeting", "talks", "speech", "news conference", "meetings"]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]

NonNegative = Annotated[int, Bound(ge=0)]
NonEmpty = Bound(min_length=1)


def record(cls: type) -> type:
    """Every record: immutable, slotted, fields given by name, compared by identity (no
    generated __eq__ and __hash__); a file naming a field it does not have is refused."""
    made = dataclasses.dataclass(frozen=True, slots=True, kw_only=True, eq=False)(cls)
    made.__pydantic_config__ = {"extra": "forbid"}  # pydantic's ConfigDict, as a dict
    return made


def _empty():
    return dataclasses.field(default_factory=dict)


def _list():
    return dataclasses.field(default_factory=list)


@record
class Evidence:
    """The article's own words a fact rests on, with their offsets in the source's text."""

    source: Id
    start: NonNegative
    end: NonNegative
    text: Annotated[str, NonEmpty]


@record
class Inferable:
    """A record some of whose fields may be inferred rather than stated by the article.

    `inferred` maps a field name (or "year", for a date) to the id of the Inference
    that says what was inferred and why.
    """

    inferred: dict[str, Id] = _empty()


@record
class DateSpan(Inferable):
    """A date or range and how precise it is.

    precision: "day" - on that one day (start == end); "span" - lasting from start to end;
    "within" - on some day between start and end that the article does not give.
    """

    start: dt.date
    end: dt.date
    precision: Precision


@record
class Claim:
    """What one source says of a field that another source gives otherwise."""

    field: str
    value: DateSpan | str
    source: Id


@record
class Fact(Inferable):
    """A record that must cite at least one piece of evidence.

    `claims`: where its sources give a field differently (a title, a date, a place), what
    each source says, all kept; the field itself holds the value that stands (for a date,
    the most precise one consistent with all). `disputed`: the fields whose claims cannot
    all be true.
    """

    evidence: Annotated[list[Evidence], NonEmpty]
    claims: list[Claim] = _list()
    disputed: list[str] = _list()


@record
class Source:
    """An article the dataset is built from, with its full text."""

    id: Id
    title: str
    file: str
    sha256: Annotated[str, Bound(pattern=r"^[0-9a-f]{64}$")]
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    text: str


@record
class Inference:
    """Something the articles do not state, and the reason it is believed."""

    id: Id
    claim: str
    reason: str


@record
class Category:
    """A heading of the cooperation-area taxonomy."""

    id: Id
    name: str


@record
class Country(Fact):
    """A country named in the articles."""

    id: Id
    name: str
    aliases: list[str] = _list()


@record
class Grouping(Fact):
    """A grouping of countries the articles name, such as the Quad."""

    id: Id
    name: str
    aliases: list[str] = _list()
    members: list[Id]


@record
class Person(Fact):
    """A person named in the articles."""

    id: Id
    name: str
    aliases: list[str] = _list()
    role: str | None = None
    country: Id | None = None


@record
class Organization(Fact):
    """A body or an unnamed group ("some scholars") the articles give words or a part to."""

    id: Id
    name: str
    aliases: list[str] = _list()
    kind: Literal["government", "institution", "group"]
    country: Id | None = None


@record
class Leg(Fact):
    """One country of a trip, with its dates and the city where the article names one."""

    id: Id
    country: Id
    dates: DateSpan
    city: str | None = None


@record
class TripCountry:
    """A country's part in a trip."""

    country: Id
    role: Role


@record
class Trip(Fact):
    """A journey by one traveller through one or more legs."""

    id: Id
    title: str
    traveller: Id
    purpose: str | None = None
    legs: Annotated[list[Leg], NonEmpty]
    countries: list[TripCountry] = _list()


@record
class Event(Fact):
    """A meeting, speech, news conference or series of meetings during a leg."""

    id: Id
    kind: EventKind
    title: str
    leg: Id
    dates: DateSpan
    place: str | None = None
    participants: list[Id] = _list()


@record
class Statement(Inferable):
    """Words the articles give to one or more speakers.

    kind "direct": `quote` is a quotation, verbatim, without its quotation marks.
    kind "reported": `quote` is the article's sentence or clause reporting what was said.
    `attribution` locates the words naming the speaker;
    `verb` is the article's verb of saying, if it has one. `areas` lists the cooperation
    areas whose mentions share words with the statement.
    """

    id: Id
    kind: Literal["direct", "reported"]
    speakers: Annotated[list[Id], NonEmpty]
    verb: str | None = None
    quote: Evidence
    attribution: Evidence | None = None
    leg: Id | None = None
    event: Id | None = None
    areas: list[Id] = _list()

    @property
    def text(self) -> str:
        """The words: the quotation itself, or the sentence reporting the statement."""
        return self.quote.text


@record
class AreaMention(Fact):
    """One place where an article names an area of cooperation with a partner."""

    partners: Annotated[list[Id], NonEmpty]
    commitment: Commitment
    verb: str
    new: bool = False
    leg: Id | None = None
    event: Id | None = None


@record
class Area:
    """A concrete area of cooperation, under a category, with every mention of it."""

    id: Id
    name: str
    category: Id
    mentions: Annotated[list[AreaMention], NonEmpty]


@record
class Proposal(Fact):
    """A proposal or a piece of analysis, given to whom the article gives it.

    An empty `by` means the article's own words.
    """

    id: Id
    kind: Literal["proposal", "analysis"]
    title: str
    by: list[Id] = _list()
    countries: list[Id] = _list()


@record
class Dataset:
    """Everything the explorer shows, built from the articles by `explorer build`."""

    schema_version: Literal[1] = SCHEMA_VERSION
    sources: Annotated[list[Source], NonEmpty]
    inferences: list[Inference] = _list()
    categories: list[Category] = _list()
    countries: list[Country] = _list()
    groupings: list[Grouping] = _list()
    people: list[Person] = _list()
    organizations: list[Organization] = _list()
    trips: list[Trip] = _list()
    events: list[Event] = _list()
    statements: list[Statement] = _list()
    areas: list[Area] = _list()
    proposals: list[Proposal] = _list()
