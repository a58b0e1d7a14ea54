"""Score `explorer draft` against gold annotations: per article and overall precision and recall.

    python benchmarks/draft_score.py ARTICLES GOLD [--verbose] [--only STEM]

ARTICLES holds the reports as `STEM.txt`; GOLD holds, for each, `STEM.json` written by a
person from the text alone, before the drafter ever ran on it:

    {
      "published": "2015-11-08" or null,      # the report's date, if the text or URL says
      "quotes":  [{"text": "words inside the marks", "speakers": ["Full Name"], "cut": false}],
      "dates":   [{"text": "March 5-8", "start": "--03-05", "end": "--03-08",
                   "precision": "day" | "month" | "year",
                   "role": "event" | "dateline" | "published"}],
      "countries": ["India", "Japan"],         # short common English names
      "people":  [{"name": "Sergei Lavrov", "title": "Foreign Minister" or null}]
    }

A quote's `speakers` is [] when the text never says who spoke, or names no one ("a senior
official said"); a draft's unnamed speaker (an entity of kind "group", as "a Number 10
source") is such a quotation left without a named speaker. What is measured:

- quote-speaker pairs: precision = right (quote, speaker) pairs / pairs proposed (a quotation
  proposed with no speaker, flagged for review, costs recall, never precision); recall = gold
  quotations given their right speakers (or, for [], left without one) / gold quotations.
  Quotations are matched by their words (whitespace and end punctuation aside), each once;
  speakers by name: the same surname, or a shared word of a body's name.
- dates: recall of gold day dates (and, shown apart, of month and year mentions), matched by
  their start and end (year compared only where both have one); precision of day dates.
- countries: precision and recall of the set named, by canonical name.
- people: recall of gold people by name, and of people with the title the text gives them
  (the drafted title and the gold one folded, one holding the other's words, a country's
  name or adjective left out of both); precision of
  people proposed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.core.load import bundled_path  # noqa: E402
from explorer.ingest.draft import draft_article  # noqa: E402
from explorer.ingest.reading.countries import known_countries  # noqa: E402
from explorer.ingest.sources import read_taxonomy  # noqa: E402

ARTICLE_NAMES = ("text", "quotes", "dates", "countries", "people")


def fold(text: str | None) -> str:
    """Lower case, no accents, no punctuation, single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def quote_key(text: str) -> str:
    """A quotation's words for matching: folded, end punctuation and spacing aside."""
    return fold(text)


@dataclass
class Tally:
    """Counts for one measure, summed over articles."""

    right: int = 0
    proposed: int = 0
    found: int = 0
    wanted: int = 0

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.proposed += other.proposed
        self.found += other.found
        self.wanted += other.wanted

    def precision(self) -> float | None:
        return self.right / self.proposed if self.proposed else None

    def recall(self) -> float | None:
        return self.found / self.wanted if self.wanted else None


@dataclass
class Scores:
    """Every measure for one article (or all of them)."""

    measures: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def tally(self, name: str) -> Tally:
        return self.measures.setdefault(name, Tally())


def same_person(drafted: set[str], gold: str) -> bool:
    """A drafted speaker (its name and aliases) is the gold one: the same surname, or for a
    body, a shared word other than the commonest ones."""
    gold_words = fold(gold).split()
    if not gold_words:
        return False
    for name in drafted:
        words = fold(name).split()
        if not words:
            continue
        if words == gold_words or words[-1] == gold_words[-1]:
            return True  # the same surname
        if words[0] == gold_words[0] and (len(words) == 1 or len(gold_words) == 1):
            return True  # a name given one word ("Xi", "Sushma")
        common = {"the", "of", "a", "an", "and", "for", "ministry", "office", "affairs"}
        if set(words) & set(gold_words) - common:
            return True
    return False


def score_quotes(draft, gold: dict, scores: Scores) -> None:
    entities = draft.registry.entities
    drafted = []
    for said in draft.said:
        if said.kind != "direct":
            continue
        named = [k for k in said.speakers if k not in entities or entities[k].kind != "group"]
        names = [entities[k].forms() if k in entities else {k} for k in named]
        drafted.append((quote_key(draft.text[said.start : said.end]), names))
    tally = scores.tally("quote-speaker pairs")
    tally.proposed += sum(len(names) for _, names in drafted)
    unused = list(range(len(drafted)))
    for quote in gold["quotes"]:
        key = quote_key(quote["text"])
        match = next((i for i in unused if drafted[i][0] == key), None)
        if match is None:
            match = next(
                (i for i in unused if key and (key in drafted[i][0] or drafted[i][0] in key)),
                None,
            )
        tally.wanted += 1
        if match is None:
            scores.misses.append(f"quote not found: {quote['text'][:60]!r}")
            continue
        unused.remove(match)
        names = drafted[match][1]
        right = [n for n in names if any(same_person(n, g) for g in quote["speakers"])]
        tally.right += len(right)
        if (quote["speakers"] == [] and not names) or (
            quote["speakers"] and right and len(right) == len(names)
        ):
            tally.found += 1
        else:
            shown = [sorted(n)[0] for n in names]
            scores.misses.append(
                f"speaker {shown} for {quote['text'][:50]!r}, gold {quote['speakers']}"
            )
    for i in unused:  # proposed quotations gold does not hold: their pairs are wrong
        if drafted[i][1]:
            scores.misses.append(f"extra quote with a speaker: {drafted[i][0][:50]!r}")


def score_countries(draft, gold: dict, scores: Scores) -> None:
    drafted = {fold(c.name) for c in draft.countries.values()}
    wanted = {fold(c) for c in gold["countries"]}
    tally = scores.tally("countries")
    tally.proposed += len(drafted)
    tally.right += len(drafted & wanted)
    tally.wanted += len(wanted)
    tally.found += len(drafted & wanted)
    for name in sorted(drafted - wanted):
        scores.misses.append(f"extra country: {name}")
    for name in sorted(wanted - drafted):
        scores.misses.append(f"missed country: {name}")


def same_title(drafted: str | None, gold: str | None) -> bool:
    """One title holds the other's words, a country's name or adjective aside (gold leaves
    it out where it can: "spokesperson for the [Indian] Ministry of External Affairs")."""
    if not gold:
        return True
    countries = known_countries()

    def bare(title: str | None) -> str:
        kept = [w for w in (title or "").split() if not countries.country_of(w.strip(",.'’s"))]
        return fold(" ".join(kept))

    a, b = bare(drafted), bare(gold)
    return bool(a) and (a in b or b in a)


def same_name(drafted: set[str], gold: str) -> bool:
    """A drafted person (name and aliases) is the gold one: the same name, the same surname,
    or one word of the other's name given alone."""
    gold_words = fold(gold).split()
    for name in drafted:
        words = fold(name).split()
        if not words or not gold_words:
            continue
        if words == gold_words or words[-1] == gold_words[-1]:
            return True
        if (len(words) == 1 and words[0] in gold_words) or (
            len(gold_words) == 1 and gold_words[0] in words
        ):
            return True
    return False


def score_people(draft, gold: dict, scores: Scores) -> None:
    people = draft.registry.people()
    named, titled = scores.tally("people"), scores.tally("people with titles")
    named.proposed += len(people)
    used = set()
    for person in gold["people"]:
        named.wanted += 1
        titled.wanted += 1
        match = next(
            (p for p in people if fold(person["name"]) in {fold(f) for f in p.forms()}), None
        ) or next((p for p in people if same_name(p.forms(), person["name"])), None)
        if match is None:
            scores.misses.append(f"person not found: {person['name']}")
            continue
        used.add(match.key)
        named.found += 1
        if same_title(match.title, person["title"]):
            titled.found += 1
        else:
            scores.misses.append(
                f"title of {person['name']}: {match.title!r}, gold {person['title']!r}"
            )
    named.right += len(used)
    titled.right += len(used)
    titled.proposed += len(people)
    for person in people:
        if person.key not in used:
            scores.misses.append(f"extra person: {person.name} ({person.title})")


def same_date(drafted, gold: dict) -> bool:
    def parts(value: str) -> tuple[str | None, str]:
        if value.startswith("--"):
            return None, value[2:]
        return value[:4], value[5:]

    for mine, theirs in ((drafted.start_iso, gold["start"]), (drafted.end_iso, gold["end"])):
        year_a, rest_a = parts(mine)
        year_b, rest_b = parts(theirs)
        if rest_a != rest_b or (year_a and year_b and year_a != year_b):
            return False
    return True


def score_dates(draft, gold: dict, scores: Scores) -> None:
    # Each written date counts, a caption's repeated one too, as gold lists them.
    mentions = list(getattr(draft, "dates", []))
    days = [d for d in mentions if d.precision == "day"]
    for precision, name in (
        ("day", "dates (days)"),
        ("month", "dates (months)"),
        ("year", "dates (years)"),
    ):
        tally = scores.tally(name)
        wanted = [d for d in gold["dates"] if d["precision"] == precision]
        pool = [d for d in mentions if d.precision == precision]
        unused = list(range(len(pool)))
        for date in wanted:
            tally.wanted += 1
            match = next((i for i in unused if same_date(pool[i], date)), None)
            if match is None:
                scores.misses.append(f"date not found: {date['text']!r} ({date['start']})")
                continue
            unused.remove(match)
            tally.found += 1
        if precision == "day":
            tally.proposed += len(days)
            tally.right += len(days) - len(unused)
            for i in unused:
                scores.misses.append(f"extra date: {pool[i].text!r}")


def score_article(text: str, gold: dict, keywords) -> Scores:
    draft = draft_article(text, keywords)
    scores = Scores()
    score_quotes(draft, gold, scores)
    score_dates(draft, gold, scores)
    score_countries(draft, gold, scores)
    score_people(draft, gold, scores)
    return scores


def shown(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--only", help="score only this article (its stem)")
    args = parser.parse_args(argv)
    keywords = read_taxonomy(bundled_path("taxonomy.toml")).keywords()
    total = Scores()
    golds = sorted(args.gold.glob("*.json"))
    if args.only:
        golds = [g for g in golds if g.stem == args.only]
    missing = [g.stem for g in golds if not (args.articles / f"{g.stem}.txt").is_file()]
    if missing:
        print(
            f"no article for the gold of: {', '.join(missing)} (looked in {args.articles})",
            file=sys.stderr,
        )
        return 2
    for gold_path in golds:
        article = args.articles / f"{gold_path.stem}.txt"
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            print(f"{gold_path}: not a readable gold file: {error}", file=sys.stderr)
            return 2
        scores = score_article(article.read_text(encoding="utf-8"), gold, keywords)
        line = [f"{gold_path.stem:<28}"]
        for name, tally in scores.measures.items():
            total.tally(name).add(tally)
            line.append(f"{name.split()[0][:6]} {shown(tally.precision())}/{shown(tally.recall())}")
        print("  ".join(line))
        if args.verbose:
            for miss in scores.misses:
                print(f"    {miss}")
    print(f"\noverall, {len(golds)} articles: precision / recall")
    for name, tally in total.measures.items():
        print(
            f"  {name:<22} precision {shown(tally.precision())} ({tally.right}/{tally.proposed})"
            f"  recall {shown(tally.recall())} ({tally.found}/{tally.wanted})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
