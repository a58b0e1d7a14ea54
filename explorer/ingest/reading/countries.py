"""Countries an article names: by name, other name or adjective, and capitals standing for
their governments ("Beijing is willing", "Seoul's decision")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from explorer.ingest.reading.places import AMBIGUOUS, NOT_METONYMS, city_country, countries
from explorer.ingest.reading.text import Spans

_REGION = re.compile(r"(?:Latin|South|North|Central)[ -]$")
# Words after a capital that make it stand for its government: it acts, it owns.
# A city as the place a visit goes to or comes from: "arrived in Tokyo", "leaving for Seoul".
_PLACE_BEFORE = re.compile(r"\b(?:in|to|for|from|visit|visits|visiting|visited|via)\s+$")
_LIST_BETWEEN = re.compile(r"(?:,\s*[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)*(?:,\s*|,?\s+and\s+)")
_ACTING = re.compile(
    r"\s+(?:has|have|had|is|was|will|would|wants|said|says|hopes|insists|perceives|"
    r"believes|accused|rejected|welcomed|agreed|announced|remains|continues|may|must)\b"
)


@dataclass
class Country:
    """A country the article names, with every place it is named."""

    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Where its evidence starts: its name where the article writes it, else first use."""
        return self.evidence[0]

    @property
    def evidence(self) -> tuple[int, int]:
        """The span to cite."""
        return min(self.mentions)


class Countries:
    """Every way of naming a country, and the countries one article names."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}
        self.canonical: dict[str, str] = {}
        self.cities = dict(city_country())
        for code, name, others, _ in countries():
            self.canonical[code] = name
            for form in (name, *others):
                self.names[form] = code
        forms = sorted(self.names, key=len, reverse=True)
        # A hyphen is a boundary: "China-India-Bhutan", "Indo-U.S." name countries too.
        self._pattern = re.compile(
            r"(?<!\w)(" + "|".join(re.escape(f) for f in forms) + r")(?:’s|'s|s)?(?!\w)"
        )
        cities = sorted(self.cities, key=len, reverse=True)
        self._cities = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(c) for c in cities) + r")(’s|'s)?(?![\w-])"
        )

    def country_of(self, word: str) -> str | None:
        """The country a name or adjective stands for ("Japanese": "jp"), possessive or not."""
        word = word.removesuffix("’s").removesuffix("'s")
        code = self.names.get(word) or self.names.get(word + ".")  # "U.S" before its stop
        if code is None and word.endswith("s") and word[:-1] in self.names and word != "Americas":
            code = self.names[word[:-1]]  # "Americans", "Kenyans" (not "the Americas")
        return code or AMBIGUOUS.get(word)

    def city(self, word: str) -> str | None:
        """The country of a city the gazetteer knows."""
        return self.cities.get(word.removesuffix("’s").removesuffix("'s"))

    def find(self, text: str, skip: list[tuple[int, int]] = ()) -> dict[str, Country]:
        """The countries named in `text`, outside the spans in `skip`."""
        found: dict[str, Country] = {}
        skip = Spans(skip)
        north = "kp" in {self.names.get(m.group(1)) for m in self._pattern.finditer(text)}
        for match in self._pattern.finditer(text):
            form = match.group(1)
            if skip.holds(match.start()):
                continue
            code = self.names.get(form) or AMBIGUOUS.get(form)
            if match.group().removesuffix("’s").removesuffix("'s") == "Americas":
                continue  # the continents, not the United States
            if form.startswith("America") and _REGION.search(
                text, max(0, match.start() - 9), match.start()
            ):
                continue  # "Latin America", "South America": a region, not the United States
            if form in AMBIGUOUS and north and code == "kr":
                continue  # "Korea" alone, where the North is named too: ask, do not guess
            if form.isupper() and len(form) <= 3 and not _stands_alone(text, match):
                continue  # "US" inside "US-led" is fine; "IN", "OR" are words in capitals
            self._add(found, code, form, match.span(1))
        listed = -1  # where the last city counted as a place ends
        for match in self._cities.finditer(text):
            city = match.group(1)
            if city in NOT_METONYMS or skip.holds(match.start()):
                continue
            before = text[max(0, match.start() - 12) : match.start()]
            if (
                match.group(2)
                or _ACTING.match(text, match.end())
                or _PLACE_BEFORE.search(before)
                or (listed >= 0 and _LIST_BETWEEN.fullmatch(text, listed, match.start()))
            ):  # "talks in Berlin, Ventotene, Tallinn and Prague": the list goes on
                self._add(found, self.cities[city], city, match.span(1))
                listed = match.end()
        return found

    def _add(self, found: dict[str, Country], code: str, form: str, span) -> None:
        country = found.setdefault(code, Country(code, self.canonical[code]))
        if form != country.name and form not in country.aliases:
            country.aliases.append(form)
        country.mentions.append(span)


def _stands_alone(text: str, match: re.Match) -> bool:
    """An all-capitals short form ("US", "UK") counts when the text around is not all caps."""
    around = text[max(0, match.start() - 20) : match.end() + 20]
    letters = [c for c in around if c.isalpha()]
    return sum(c.isupper() for c in letters) < 0.6 * max(len(letters), 1)


@functools.cache
def known_countries() -> Countries:
    """The one Countries every reading rule shares (built once: it compiles large patterns)."""
    return Countries()
