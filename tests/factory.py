"""Small valid datasets for tests, including one whose every string is hostile to a terminal."""

from __future__ import annotations

import hashlib

from explorer.core.model import Dataset
from explorer.core.validation import validate_whole

MARKUP = "[bold]not bold[/] [link=https://x]click[/link] [0] [/"
CONTROL = "red\x1b[31mALERT\x1b[0m bell\x07 osc\x1b]8;;https://x\x07link"
WIDE = "東京で会談した 🙂 שלום café"
RTL = "وزير الخارجية \u202eevil\u202c \u2067isolate\u2069"
COMBINING = "Z\u0334\u0321\u0353a\u0336l\u0337g\u0338o e\u0301\u0301\u0301"
LONG = ("A very long statement, said at length 🙂 " * 500)[:20_000]
ALIASES = [f"Alias{n} Name{n}" for n in range(1000)]

# Each hostile string appears as a name, a title and a quotation.
ARTICLE = (
    f"Minister {MARKUP} met {WIDE} in 東京.\n"
    f"“{MARKUP} is the plan,” said {MARKUP}.\n"
    f"“{CONTROL}” said {WIDE}.\n"
    f"“{WIDE}” said 大臣 {CONTROL}.\n"
    f"They discussed [semiconductors] and 半導体 in the [Quad].\n"
    f"“{LONG}” said {RTL}.\n"
    f"“{COMBINING}” said {RTL} again.\n"
)


def evidence(snippet: str, nth: int = 1) -> dict:
    """Evidence for the nth occurrence of `snippet` in ARTICLE."""
    at = -1
    for _ in range(nth):
        at = ARTICLE.index(snippet, at + 1)
    return {"source": "src", "start": at, "end": at + len(snippet), "text": snippet}


def quote(statement_id: str, words: str, speakers: list[str], leg: str, nth: int = 1) -> dict:
    """A direct statement of `words` (located in ARTICLE)."""
    located = evidence(words, nth)
    return {
        "id": statement_id,
        "kind": "direct",
        "speakers": speakers,
        "verb": "said",
        "quote": located,
        "leg": leg,
        "areas": ["semis"],
    }


def dates(start: str, end: str, precision: str = "span") -> dict:
    return {"start": start, "end": end, "precision": precision, "inferred": {"year": "year"}}


def hostile_dataset() -> Dataset:
    """A valid dataset whose names, titles and quotes hold markup, escapes and wide text."""
    data = {
        "schema_version": 1,
        "sources": [
            {
                "id": "src",
                "title": f"Article {MARKUP} {CONTROL}",
                "file": "hostile.txt",
                "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
                "text": ARTICLE,
            }
        ],
        "inferences": [{"id": "year", "claim": f"Year {MARKUP}", "reason": f"Because {CONTROL}"}],
        "categories": [{"id": "tech", "name": f"Tech {MARKUP}"}],
        "countries": [
            {"id": "a", "name": MARKUP, "evidence": [evidence(MARKUP)]},
            {
                "id": "b",
                "name": "日本 " + WIDE,
                "aliases": [CONTROL],
                "evidence": [evidence("東京.")],
            },
        ],
        "groupings": [
            {
                "id": "g",
                "name": f"[Quad] {MARKUP}",
                "members": ["a", "b"],
                "evidence": [evidence("[Quad]")],
            }
        ],
        "people": [
            {
                "id": "p1",
                "name": MARKUP,
                "role": CONTROL,
                "country": "a",
                "evidence": [evidence(MARKUP)],
            },
            {
                "id": "p2",
                "name": WIDE,
                "aliases": ["大臣"],
                "country": "b",
                "evidence": [evidence(WIDE)],
            },
            {"id": "p3", "name": CONTROL, "country": "b", "evidence": [evidence(CONTROL)]},
            {
                "id": "p4",
                "name": RTL,
                "aliases": ALIASES,
                "role": COMBINING,
                "country": "b",
                "evidence": [evidence(RTL)],
            },
        ],
        "trips": [
            {
                "id": "t",
                "title": f"Trip {MARKUP}",
                "traveller": "p1",
                "legs": [
                    {
                        "id": "la",
                        "country": "a",
                        "dates": dates("2024-03-05", "2024-03-06"),
                        "city": f"City {MARKUP}",
                        "evidence": [evidence(MARKUP)],
                    },
                    {
                        "id": "lb",
                        "country": "b",
                        "dates": dates("2024-03-06", "2024-03-08"),
                        "city": "東京",
                        "evidence": [evidence("東京.")],
                    },
                ],
                "countries": [
                    {"country": "a", "role": "traveller"},
                    {"country": "b", "role": "host"},
                ],
                "evidence": [evidence(MARKUP)],
            }
        ],
        "events": [
            {
                "id": "e1",
                "kind": "meeting",
                "title": f"Meeting {MARKUP}",
                "leg": "la",
                "dates": dates("2024-03-05", "2024-03-06", "within"),
                "place": CONTROL,
                "participants": ["p1", "p2"],
                "evidence": [evidence(f"met {WIDE}")],
            },
            {
                "id": "e2",
                "kind": "talks",
                "title": f"会談 {WIDE}",
                "leg": "lb",
                "dates": dates("2024-03-07", "2024-03-07", "day"),
                "participants": ["p2"],
                "evidence": [evidence("東京.")],
            },
        ],
        "statements": [
            quote("s1", f"{MARKUP} is the plan,", ["p1"], "la"),
            quote("s2", CONTROL, ["p3"], "lb"),
            quote("s3", WIDE, ["p2", "p3"], "lb", nth=3),
            quote("s4", LONG, ["p4"], "lb"),
            quote("s5", COMBINING, ["p4"], "la"),
        ],
        "areas": [
            {
                "id": "semis",
                "name": f"[semiconductors] {MARKUP}",
                "category": "tech",
                "mentions": [
                    {
                        "partners": ["a", "b"],
                        "commitment": "discussed",
                        "verb": MARKUP,
                        "new": True,
                        "event": "e2",
                        "evidence": [evidence("[semiconductors]")],
                    }
                ],
            }
        ],
        "proposals": [
            {
                "id": "pr",
                "kind": "proposal",
                "title": f"Trilateral {MARKUP}",
                "by": ["p2"],
                "countries": ["a", "b"],
                "evidence": [evidence("半導体")],
            }
        ],
    }
    return validate_whole(data)
