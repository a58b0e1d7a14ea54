"""Synthetic datasets of any size, for benchmarks and tests: `python -m explorer.ingest.synth`.

Deterministic for a given seed. Every article's text is generated along with the facts it
supports, so each evidence snippet really is at its offsets and the output passes the same
validation as the real dataset.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
from pathlib import Path

SYLLABLES = "ka mi ya to ra shi no be ru an el os ti ma go ha ze lu po vin dar sol".split()
COMMITMENTS = ["reaffirmed", "agreed", "welcomed", "discussed", "explored", "proposed", "ongoing"]
EVENT_KINDS = ["meeting", "talks", "speech", "news conference", "meetings"]
VERBS = ["said", "told reporters", "argued", "stressed", "noted"]
WORDS = (
    "cooperation security economy partnership region dialogue trade technology investment "
    "resilience supply chains defence energy climate infrastructure people growth stability "
    "shared values future interests peace prosperity innovation talent connectivity"
).split()


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


class _Article:
    """An article's text, written sentence by sentence, with the offsets of what it holds."""

    def __init__(self, source_id: str) -> None:
        self.source_id = source_id
        self.parts: list[str] = []
        self.length = 0

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def cite(self, text: str) -> dict:
        """Write `text` and return the evidence locating it."""
        start = self.length
        self.write(text)
        return {"source": self.source_id, "start": start, "end": self.length, "text": text}

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Generator:
    """Builds one synthetic dataset; sizes scale with the number of statements asked for."""

    def __init__(self, quotes: int, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.quotes = quotes
        self.articles = max(1, quotes // 50)
        self.data: dict = {
            "schema_version": 1,
            "sources": [],
            "inferences": [{"id": "year", "claim": "Synthetic year.", "reason": "Generated."}],
            "categories": [],
            "countries": [],
            "groupings": [],
            "people": [],
            "organizations": [],
            "trips": [],
            "events": [],
            "statements": [],
            "areas": [],
            "proposals": [],
        }
        self.mentions: dict[str, list[dict]] = {}
        self.known: set[str] = set()  # ids of countries and people already defined
        self.names: dict[str, str] = {}

    def person_name(self, person: str) -> str:
        """A person's one name, the same in every article that names them."""
        if person not in self.names:
            self.names[person] = f"{_name(self.rng, 2)} {_name(self.rng, 3)}"
        return self.names[person]

    def dates(self, start: dt.date, days: int, precision: str) -> dict:
        end = start + dt.timedelta(days=days)
        return {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "precision": precision,
            "inferred": {"year": "year"},
        }

    def build(self) -> dict:
        rng = self.rng
        countries = [f"c{n}" for n in range(min(60, 6 + self.quotes // 500))]
        people_count = max(6, self.quotes // 20)
        people = [f"p{n}" for n in range(people_count)]
        self.data["categories"] = [
            {"id": f"cat{n}", "name": f"Category {_name(rng, 2)}"} for n in range(8)
        ]
        area_ids = [f"a{n}" for n in range(min(300, 10 + self.quotes // 100))]
        area_names = {a: f"{_name(rng, 2)} {rng.choice(WORDS)}" for a in area_ids}
        per_article = max(1, self.quotes // self.articles)
        remaining = self.quotes
        for number in range(self.articles):
            count = per_article if number < self.articles - 1 else remaining
            remaining -= count
            self.article(number, count, countries, people, area_ids, area_names)
        self.data["areas"] = [
            {
                "id": area,
                "name": area_names[area],
                "category": f"cat{n % 8}",
                "mentions": self.mentions[area],
            }
            for n, area in enumerate(area_ids)
            if area in self.mentions
        ]
        return self.data

    def article(self, number, count, countries, people, area_ids, area_names) -> None:
        """One article: its countries, people, one trip, events, statements and mentions."""
        rng, data = self.rng, self.data
        text = _Article(f"s{number}")
        text.write(f"Article {number}. ")
        named_countries = rng.sample(countries, k=min(4, len(countries)))
        for country in named_countries:
            evidence = text.cite(f"{country.upper()}-land")
            text.write(". ")
            if country not in self.known:
                self.known.add(country)
                data["countries"].append(
                    {
                        "id": country,
                        "name": f"{country.upper()}-land",
                        "aliases": [_name(rng, 3)],
                        "evidence": [evidence],
                    }
                )
        speakers = rng.sample(people, k=min(6, len(people)))
        names = {person: self.person_name(person) for person in speakers}
        for person in speakers:
            evidence = text.cite(names[person])
            text.write(" attended. ")
            if person not in self.known:
                self.known.add(person)
                given, family = names[person].split()
                data["people"].append(
                    {
                        "id": person,
                        "name": names[person],
                        "aliases": [family, f"{family} {given}"],
                        "role": "Minister",
                        "country": rng.choice(named_countries),
                        "evidence": [evidence],
                    }
                )
        start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(300))
        legs, events = [], []
        for leg_number, country in enumerate(named_countries[1:]):
            leg_id = f"t{number}-l{leg_number}"
            leg_start = start + dt.timedelta(days=2 * leg_number)
            legs.append(
                {
                    "id": leg_id,
                    "country": country,
                    "dates": self.dates(leg_start, 1, "span"),
                    "city": _name(rng, 2),
                    "evidence": [text.cite(f"Leg {leg_id}.")],
                }
            )
            for event_number in range(2):
                event_id = f"{leg_id}-e{event_number}"
                events.append(
                    {
                        "id": event_id,
                        "kind": rng.choice(EVENT_KINDS),
                        "title": f"{_name(rng, 2)} {rng.choice(WORDS)} meeting",
                        "leg": leg_id,
                        "dates": self.dates(
                            leg_start + dt.timedelta(days=event_number % 2), 0, "day"
                        ),
                        "participants": speakers[:2],
                        "evidence": [text.cite(f" Event {event_id}.")],
                    }
                )
            text.write("\n")
        data["trips"].append(
            {
                "id": f"t{number}",
                "title": f"Trip {number}",
                "traveller": speakers[0],
                "legs": legs,
                "evidence": [text.cite(f"Trip {number}.")],
                "countries": [{"country": named_countries[0], "role": "traveller"}]
                + [{"country": c, "role": "host"} for c in named_countries[1:]],
            }
        )
        data["events"] += events
        for index in range(count):
            self.statement(number, index, text, speakers, names, events, area_ids, area_names)
        raw = text.text
        data["sources"].append(
            {
                "id": text.source_id,
                "title": f"Synthetic article {number}",
                "file": f"synthetic-{number}.txt",
                "sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
                "outlet": None,
                "published": None,
                "text": raw,
            }
        )

    def statement(self, number, index, text, speakers, names, events, area_ids, area_names) -> None:
        """One statement (direct or reported) and, often, an area mention inside it."""
        rng = self.rng
        speaker = rng.choice(speakers)
        event = rng.choice(events)
        partners = [rng.choice([c["country"] for c in self.data["trips"][-1]["countries"][1:]])]
        area = rng.choice(area_ids)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 24)))
        direct = rng.random() < 0.5
        if direct:
            text.write("\u201c")
        words = f"{words} on {area_names[area]}"
        quote = text.cite(words)
        if direct:
            text.write("\u201d")
        verb = rng.choice(VERBS)
        attribution = text.cite(f" {verb} {names[speaker]}")
        text.write(".\n")
        area_evidence = dict(
            quote, start=quote["end"] - len(area_names[area]), text=area_names[area]
        )
        self.mentions.setdefault(area, []).append(
            {
                "partners": partners,
                "commitment": rng.choice(COMMITMENTS),
                "verb": "discussed",
                "new": rng.random() < 0.2,
                "leg": event["leg"],
                "event": event["id"],
                "evidence": [area_evidence],
            }
        )
        self.data["statements"].append(
            {
                "id": f"q{number}-{index}",
                "kind": "direct" if direct else "reported",
                "speakers": [speaker],
                "verb": verb.split()[0],
                "quote": quote,
                "attribution": attribution,
                "leg": event["leg"],
                "event": event["id"],
                "areas": [area],
            }
        )


def generate(quotes: int, seed: int = 1) -> dict:
    """A valid dataset with `quotes` statements, as JSON-ready data."""
    return Generator(quotes, seed).build()


def dataset_text(data: dict, pretty: bool = False) -> str:
    """The JSON of a dataset: compact, as machines write large files, or indented."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m explorer.ingest.synth", description=__doc__)
    parser.add_argument("--quotes", type=int, default=1000, help="number of statements")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument("--pretty", action="store_true", help="indent the JSON (larger file)")
    args = parser.parse_args(argv)
    if args.quotes < 1:
        parser.error("--quotes must be at least 1")
    text = dataset_text(generate(args.quotes, args.seed), pretty=args.pretty)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
