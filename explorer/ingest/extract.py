"""Rules that read a wire report: quotations, who said them, people, organizations, countries.

General rules only: nothing here knows any article's names or sentences. What a rule is
unsure of is flagged, for a person to review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from explorer.core.names import words
from explorer.ingest.gazetteer import (
    FAMILY_NAME_FIRST,
    MONTHS,
    ORGANIZATION_WORDS,
    PRONOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    TITLE_NOUNS,
    TITLES,
    WEEKDAYS,
    countries,
)

OPENING, CLOSING = "“‘", "”’"
WORD = r"[A-Z][\w’'\-]*(?<!’s)(?<!'s)"  # a capitalised word, not a possessive
NAME = rf"{WORD}(?:\s+{WORD}){{1,2}}"
ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "St", "No", "Gen", "Col", "Lt", "Sen", "Rep", "Gov"}
VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
REPORT_ALT = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))


@dataclass
class Found:
    """A person, organization or country the article names."""

    key: str
    kind: str  # "person", "organization", "group" or "country"
    name: str
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


@dataclass
class Said:
    """Words given to speakers: a quotation (direct) or a sentence reporting them."""

    kind: str
    start: int
    end: int
    speakers: list[str]
    verb: str | None
    attribution: tuple[int, int] | None
    flags: list[str] = field(default_factory=list)


def slug(text: str) -> str:
    """An id made from a name: "Cho Tae-yul" gives "cho-tae-yul"."""
    return "-".join(words(text)) or "unnamed"


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of double quotation marks.

    Curly marks pair by direction; straight ones by order. A quotation left open at the end
    of a paragraph (as wire reports do when a quote runs on) ends there.
    """
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text):
        body, base = paragraph.group(), paragraph.start()
        for match in re.finditer(r"“([^”]*)(”|$)|\"([^\"]*)(\"|$)", body):
            group = 1 if match.group(1) is not None else 3
            start, end = match.start(group), match.end(group)
            if body[start:end].strip():
                spans.append((base + start, base + end))
    return spans


def sentence_spans(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a quotation never splits one, nor do abbreviations."""
    inside = [False] * (len(text) + 1)
    for start, end in quotes:
        for i in range(start, end):
            inside[i] = True
    spans, start = [], 0
    for match in re.finditer(r"[.!?][”\"’]?(?=\s+[“\"A-Z0-9])|\n", text):
        end = match.end()
        if match.group() != "\n":
            if inside[match.start()]:
                continue
            before = re.search(r"(\w+)\.$", text[start : match.start() + 1])
            if before and (before.group(1) in ABBREVIATIONS or len(before.group(1)) == 1):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [_trim(text, s, e) for s, e in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Reader:
    """Reads one article: finds who is named and who said what."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.quotes = quotation_spans(text)
        self.sentences = sentence_spans(text, self.quotes)
        self.found: dict[str, Found] = {}
        self.demonyms: dict[str, str] = {}
        self.said: list[Said] = []

    # ------------------------------------------------------------- entities

    def find_entities(self) -> None:
        """Countries, then the people and organizations (whose countries they name)."""
        self.find_countries()
        self.find_titled_people()
        self.find_counterparts()
        self.find_organizations()

    def find_countries(self) -> None:
        """Every country named, by its name or another name (adjectives included)."""
        taken: list[tuple[int, int]] = []
        forms = [
            (form, code, name) for code, name, others in countries() for form in [name, *others]
        ]
        for form, code, name in sorted(forms, key=lambda f: -len(f[0])):
            for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", self.text):
                span = match.span()
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                taken.append(span)
                country = self.found.setdefault(code, Found(code, "country", name, *span))
                if form != name and form not in country.aliases:
                    country.aliases.append(form)
                country.mentions.append(span)
                if form[0].isupper():
                    self.demonyms[form] = code
        for country in self.found.values():
            # Its evidence: where the article first uses its name, else its first mention.
            by_name = [(s, e) for s, e in country.mentions if self.text[s:e] == country.name]
            country.start, country.end = min(by_name or country.mentions)

    def country_of(self, word: str | None) -> str | None:
        """The country a name or adjective the article uses stands for ("Japanese": "jp")."""
        if not word:
            return None
        return self.demonyms.get(word.removesuffix("’s").removesuffix("'s"))

    def add_person(self, name: str, span: tuple[int, int], role=None, country=None) -> Found:
        key = slug(name)
        person = self.found.get(key)
        if person is None:
            person = Found(key, "person", name, *span, role=role, country=country)
            self.found[key] = person
        person.role = person.role or role
        person.country = person.country or country
        return person

    def find_titled_people(self) -> None:
        """ "Japanese Foreign Minister Kamikawa Yoko", "Prime Minister Lars Eklund"."""
        titles = "|".join(re.escape(t) for t in TITLES)  # longest first, as TITLES lists them
        for match in re.finditer(rf"\b({titles})\s+({NAME})", self.text):
            name = self.clean_name(match.group(2))
            if not name:
                continue
            # A country's adjective just before the title says whose minister it is.
            before = re.search(
                rf"({WORD})\s+$", self.text[max(0, match.start() - 40) : match.start()]
            )
            country = self.country_of(before.group(1)) if before else None
            start = match.start() - len(before.group()) if country else match.start()
            self.add_person(name, (start, match.start(2) + len(name)), match.group(1), country)

    def find_counterparts(self) -> None:
        """ "his Korean counterpart, Cho Tae-yul" and "Lars Eklund, the Nordmark prime minister"."""
        for match in re.finditer(
            rf"\b(?:his|her|their)\s+(?:({WORD})\s+)?counterpart,\s+({NAME})", self.text
        ):
            name = self.clean_name(match.group(2))
            if name:
                role = f"{match.group(1) or ''} counterpart".strip()
                span = (match.start(), match.start(2) + len(name))
                self.add_person(name, span, role, self.country_of(match.group(1)))
        nouns = "|".join(TITLE_NOUNS)
        pattern = rf"({NAME}),\s+(?:the\s+)?({WORD})?\s*((?:[a-z]+\s+)?(?:{nouns}))\b"
        for match in re.finditer(pattern, self.text):
            name = self.clean_name(match.group(1))
            if name and self.country_of(match.group(2)):
                span = (match.start(1), match.end(3))
                role = match.group(3).title()
                self.add_person(name, span, role, self.country_of(match.group(2)))

    def clean_name(self, name: str) -> str | None:
        """A person's name from a run of capitalised words, or None if it is not one."""
        tokens = name.split()
        while tokens and (
            tokens[-1] in MONTHS or tokens[-1] in WEEKDAYS or self.country_of(tokens[-1])
        ):
            tokens.pop()
        if len(tokens) < 2 or any(t in ORGANIZATION_WORDS or self.country_of(t) for t in tokens):
            return None
        return " ".join(tokens)

    def find_organizations(self) -> None:
        """ "India’s Ministry of External Affairs", "the Korean National Diplomatic Academy"."""
        org_words = "|".join(ORGANIZATION_WORDS)
        patterns = (
            rf"(?:({WORD})[’']s\s+)?((?:Ministry|Department) of {WORD}(?:\s+(?:and\s+)?{WORD})*)",
            rf"(?:({WORD})[’']s\s+)?((?:{WORD}\s+){{1,5}}(?:{org_words}))(?!\s+Meeting)",
        )
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            for match in re.finditer(pattern, self.text):
                name = match.group(2)
                first = name.split()[0]
                country = self.country_of(match.group(1)) or self.country_of(first)
                key = slug(name)
                if key in self.found or any(
                    s < match.end() and match.start() < e for s, e in taken
                ):
                    continue
                taken.append(match.span())
                org = Found(key, "organization", name, match.start(), match.end(), country=country)
                if match.group(1):
                    org.aliases.append(match.group())
                self.found[key] = org

    def add_aliases(self) -> None:
        """A word of a name used alone elsewhere is an alias; East Asian names in both orders."""
        for person in self.people():
            tokens = person.name.split()
            for token in tokens:
                alone = rf"(?<![\w-]){re.escape(token)}(?![\w-])"
                uses = [m for m in re.finditer(alone, self.text) if not self.within_full(m, person)]
                if uses and token not in person.aliases:
                    person.aliases.append(token)
            if len(tokens) == 2 and person.country in FAMILY_NAME_FIRST:
                person.aliases.insert(0, f"{tokens[1]} {tokens[0]}")

    def within_full(self, match: re.Match, person: Found) -> bool:
        name = person.name
        return any(
            m.start() <= match.start() < m.end() for m in re.finditer(re.escape(name), self.text)
        )

    def people(self) -> list[Found]:
        return [f for f in self.found.values() if f.kind == "person"]

    def speakers(self) -> list[Found]:
        return [f for f in self.found.values() if f.kind in {"person", "organization", "group"}]

    # ------------------------------------------------------------- speakers

    def name_forms(self) -> list[tuple[str, str]]:
        """(form, key) for every way a speaker is named, longest first."""
        forms = []
        for found in self.speakers():
            for form in {found.name, *found.aliases, *found.name.split()}:
                if len(form) > 2 and form[0].isupper() and form not in MONTHS:
                    forms.append((form, found.key))
        return sorted(set(forms), key=lambda f: -len(f[0]))

    def mentions_before(self, position: int) -> list[tuple[int, str]]:
        """(position, key) of every naming of a person that ends before `position`."""
        return [(start, key) for start, end, key in self.person_mentions() if end <= position]

    def person_mentions(self) -> list[tuple[int, int, str]]:
        """(start, end, key) of every naming of a person, in text order; found once for
        each set of known names (people are added as rules find them)."""
        forms = tuple(f for f in self.name_forms() if self.found[f[1]].kind == "person")
        if getattr(self, "_mentions_for", None) != forms:
            found = []
            for form, key in forms:
                pattern = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
                found += [(m.start(), m.end(), key) for m in re.finditer(pattern, self.text)]
            self._mentions_for, self._mentions = forms, sorted(found)
        return self._mentions

    def resolve(self, start: int, end: int) -> tuple[list[str], list[str]]:
        """The speakers the phrase at start..end names, and any doubt about it."""
        at = start
        phrase = self.text[start:end].strip()
        lower = phrase.lower()
        if self.country_of(phrase) or phrase.endswith(("’s", "'s")):
            return [], []  # a country or a possessive: not who spoke
        for form, key in self.name_forms():
            if phrase == form or phrase.endswith(" " + form) or phrase.startswith(form + " "):
                return [key], []
        recent = [key for _, key in self.mentions_before(at)]
        if lower in PRONOUNS:
            if lower == "they":
                two = list(dict.fromkeys(reversed(recent)))[:2]
                return two, ["'they' taken as the two people named last"]
            return (recent[-1:], []) if recent else ([], [f"no one for {phrase!r} to refer to"])
        plural = re.fullmatch(r"the two(?:\s+\w+)?", lower)
        if plural:
            return list(dict.fromkeys(reversed(recent)))[:2], []
        described = re.fullmatch(r"the\s+(?:(\w+)\s+)?(?:\w+\s+)?(\w+)", phrase)
        if described and described.group(2).lower() in TITLE_NOUNS:
            country = self.country_of(described.group(1))
            for key in reversed(recent):
                person = self.found[key]
                role = (person.role or "").lower()
                if (country is None or person.country == country) and (
                    described.group(2).lower() in role or not role
                ):
                    return [key], []
            return [], [f"no one matches {phrase!r}"]
        if re.fullmatch(NAME, phrase):
            person = self.add_person(phrase, (start, end))
            person.flags.append("named only as a speaker: check the name, give a role")
            return [person.key], []
        group = re.fullmatch(r"(?:some|many|several|other)\s+(\w+)", lower)
        if group:
            key = slug(phrase)
            name = phrase[0].upper() + phrase[1:]
            self.found.setdefault(key, Found(key, "group", name, start, end))
            return [key], []
        return [], [f"no speaker found in {phrase!r}"]
