"""Who the article names: people with their titles, bodies, and the countries of both.

Rules are small functions over a sentence's tokens; each says in its docstring the pattern
it reads. What a rule is unsure of is flagged on the record, never guessed silently.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from explorer.core.names import words
from explorer.ingest.reading.countries import Countries
from explorer.ingest.reading.lexicon import (
    ADDRESS_TITLES,
    BODY_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    PLATFORMS,
    STATEMENT_NOUNS,
    STYLES,
    TITLE_HEADS,
    TITLE_WORDS,
    WEEKDAYS,
)
from explorer.ingest.reading.text import Article, Token
from explorer.ingest.reading.titles import RANKS, is_title_head

# Capitalised words that head the name of a place, a body or an event, never a person's.
NOT_NAME_WORDS = frozenset(
    """
    house office ministry department council committee commission agency bank university
    academy institute embassy parliament congress senate assembly court party union forum
    summit conference meeting dialogue talks airport station hall palace square street
    road avenue city state states province district island islands sea ocean river lake
    mountain valley peninsula coast gulf bay strait canal centre center stadium hotel
    guesthouse memorial museum cathedral church mosque temple shrine park garden group united
    castle fort gate tower bridge relations economic cooperation development commerce
    organisation organization association federation alliance corporation company news
    times post daily herald tribune press agency network channel radio television tv
    initiative corridor plan programme program agreement treaty accord act strategy
    declaration fund cup games war crisis army navy force forces guard police office
    foreign defence defense affairs security national international global east west
    north south northern southern eastern western central new republic kingdom empire
    monday tuesday wednesday thursday friday saturday sunday the a an this that these those
    his her their our its my your we i it they he she there here when while after before
    during as at in on of for with from by to and or but if so not no yes also however
    meanwhile earlier later today yesterday tomorrow tonight last next first second third
    minister ministers president presidents secretary prime leaders leader officials
    chinese american service services editor correspondent reporter writer columnist
    photographer contributor staff desk bureau nations nation dynasty empire
    agreements treaties framework region regions zone businessweek highness excellency
    arc bhawan bhavan wisma istana palacio palácio palais palazzo school college hospital
    asia africa europe oceania community brotherhood movement league cyclone typhoon
    hurricane storm asian african european arab latin caribbean nordic baltic balkan pacific
    atlantic arctic mediterranean festival carnival expo exhibition fair olympics anniversary
    buildings building agence presse co visit trip tour citizen mail mirror guardian inquirer corps
    monitor gazette journal telegraph chronicle observer independent standard express
    """.split()
)
# Of those, words that are common surnames too: a name may begin with them ("Park Ji-won"),
# a place's name ends with them ("Gorky Park").
SURNAMES_TOO = frozenset({"park", "hall"})
BODY_HEADS = (
    "Ministry", "Department", "Office", "Presidency", "Kremlin", "White House", "Embassy",
    "Secretariat", "Commission", "Council", "Government", "Cabinet", "State House",
    "Foreign Office", "State Department", "Pentagon",
)  # fmt: skip


_PREFIXED = re.compile(r"^(?:al|el|ad|as|ash|at|az|ibn|bin|abu|bint)-[A-Z]")


@dataclass(eq=False)
class Entity:
    """A person or a body the article names, with every place it is named."""

    key: str
    kind: str  # "person", "body" or "group"
    name: str
    start: int
    end: int
    title: str | None = None
    country: str | None = None
    aliases: list[str] = field(default_factory=list)
    namings: list[tuple[int, int]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def forms(self) -> set[str]:
        """Every way the article writes it: name, aliases."""
        return {self.name, *self.aliases}


def slug(text: str) -> str:
    """An id made from a name: "Cho Tae-yul" gives "cho-tae-yul"."""
    return "-".join(words(text)) or "unnamed"


class Registry:
    """The people and bodies of one article, found by name, alias or surname."""

    def __init__(self, article: Article, countries: Countries) -> None:
        self.article = article
        self.countries = countries
        self.entities: dict[str, Entity] = {}
        self._parts: dict[tuple[str, int], Entity | None] = {}

    def people(self) -> list[Entity]:
        """The people, in order of first naming."""
        return sorted((e for e in self.entities.values() if e.kind == "person"), key=_first)

    def bodies(self) -> list[Entity]:
        """The bodies and groups, in order of first naming."""
        return sorted((e for e in self.entities.values() if e.kind != "person"), key=_first)

    def find(self, name: str) -> Entity | None:
        """The person or body a written name stands for: its whole name or an alias."""
        folded = " ".join(words(name))
        for entity in self.entities.values():
            if folded in {_folded(form) for form in entity.forms()}:
                return entity
        return None

    def add_person(
        self, name: str, span: tuple[int, int], title: str | None = None, country: str | None = None
    ) -> Entity:
        """Record a person, or enrich the one already known by this name or a part of it."""
        known = self.find(name) or self._by_part(name)
        if known is not None and _kin(title, known.title):
            known = None  # "President Mugabe", then "First Lady Grace Mugabe": his wife
        if known is not None:
            longer = len(words(name)) > len(words(known.name))
            if longer and set(words(known.name)) <= set(words(name)):
                known.aliases.append(known.name)
                known.name, known.start, known.end = name, *span
                self._parts.clear()  # a name changed: what matched it may change
            elif name not in known.forms():
                known.aliases.append(name)
            past = title and title.lower().startswith(("then", "former", "ex-"))
            if title and (
                not known.title or (_weak(known.title) and not _weak(title) and not past)
            ):
                known.title = title
            known.country = known.country or country
            return known
        key = slug(name)
        while key in self.entities:
            key += "-2"
        entity = Entity(key, "person", name, *span, title=title, country=country)
        self.entities[key] = entity
        return entity

    def add_body(self, name: str, span: tuple[int, int], country: str | None = None) -> Entity:
        """Record a body ("Ministry of External Affairs"), or return the one known."""
        known = self.find(name)
        if known is not None:
            return known
        key = slug(name)
        while key in self.entities:
            key += "-2"
        entity = Entity(key, "body", name, *span, country=country)
        self.entities[key] = entity
        return entity

    def _by_part(self, name: str) -> Entity | None:
        """A known person of whom `name` is the surname, the given name or the full name
        with the name order reversed ("Kamikawa Yoko" / "Yoko Kamikawa")."""
        key = (name, len(self.entities))  # asked again only once someone is added
        if key not in self._parts:
            self._parts[key] = self._match_part(name)
        return self._parts[key]

    def _match_part(self, name: str) -> Entity | None:
        parts = _words(name)
        if not parts:
            return None
        for entity in self.entities.values():
            if entity.kind != "person":
                continue
            known = _words(entity.name)
            if sorted(parts) == sorted(known):
                return entity
            if len(parts) == 1 and parts[0] in known and not _fathers(parts[0], known):
                return entity
            if len(known) == 1 and known[0] in parts and not _fathers(known[0], parts):
                return entity
            if parts[-1] == known[-1] and parts[0][:1] == known[0][:1]:
                return entity  # "Mike Pompeo", "Michael R. Pompeo"
            if len(parts) < len(known) and known[-len(parts) :] == parts and len(parts) > 1:
                return entity  # "De la Torre", "Da Silva": the surname with its particles
            if (
                len(parts) == 1
                and len(parts[0]) >= 5
                and any(_one_apart(parts[0], word) for word in known if len(word) >= 5)
            ):
                return entity  # "Rouahni" for "Rouhani", "Ebrar" for "Ebrard": a typo
        return None


@functools.lru_cache(maxsize=4096)
def _words(name: str) -> list[str]:
    return words(name)


@functools.lru_cache(maxsize=4096)
def _folded(form: str) -> str:
    return " ".join(words(form))


def _one_apart(a: str, b: str) -> bool:
    """Whether two words differ by one swap of neighbouring letters, or one letter left
    out ("Ebrar", "Ebrard")."""
    if a == b:
        return False
    if abs(len(a) - len(b)) == 1:
        short, long = sorted((a, b), key=len)
        return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


_KIN = frozenset({"lady", "wife", "husband", "spouse", "son", "daughter", "widow"})


def _kin(title: str | None, known: str | None) -> bool:
    """Whether a title names a relative of the person known by the same surname."""
    heads = set((title or "").lower().split()) & _KIN
    return bool(heads) and not heads & set((known or "").lower().split())


def _weak(title: str) -> bool:
    """A title that says little: an abbreviation ("PM", "FM") or "counterpart"."""
    address = set(title.lower().split()) - {"late", "the"}
    return (
        title.isupper()
        or title.lower().endswith("counterpart")
        or (bool(address) and address <= ADDRESS_TITLES)
    )


def _first(entity: Entity) -> int:
    return entity.start


# ------------------------------------------------------------------ name runs


def is_name_word(token: Token, countries: Countries, inside: bool = False) -> bool:
    """A capitalised word that can be part of a person's name: not a country, a city, a
    weekday, a site, nor a word that heads a place or a body. A month's name ("May",
    "June") counts only `inside` a name, after a first word."""
    word = token.text
    if token.quote is not None:
        return False
    if _PREFIXED.match(word):
        return True  # "al-Mansouri", "el-Sisi", "bin-Zayed"
    if not word[:1].isupper():
        return False
    lower = token.lower
    if lower in NOT_NAME_WORDS and not (lower in SURNAMES_TOO and not inside):
        return False
    if lower in WEEKDAYS or lower in TITLE_HEADS or ("-" in lower and is_title_head(lower)):
        return False  # "Minister", "Vice-Admiral"
    if lower.endswith("s") and lower[:-1] in TITLE_HEADS:
        return False  # "the Joint Chiefs", "Ministers"
    if "-" in lower and lower.split("-")[0] in NOT_NAME_WORDS | TITLE_WORDS:
        return False  # "State-visit", "Foreign-policy"
    if lower in PLATFORMS or (lower in MONTHS and not inside):
        return False
    if lower in HONORIFICS or lower in RANKS or lower == "both":
        return False
    if lower in GROUP_NOUNS or lower in BODY_NOUNS or lower in STATEMENT_NOUNS:
        return False  # "Officials said", "Reports said", "Sources told": not a name
    bare = token.text.removesuffix("’s").removesuffix("'s")
    if countries.country_of(bare) or countries.city(bare):
        return False
    if any(countries.country_of(part) for part in bare.split("-")[1:] + bare.split("-")[:1]):
        return False  # "India-Sri Lanka", "Pakistan-India": two countries' ties, no one
    if lower in TITLE_WORDS and not inside:
        return False  # "Political Editor", "Trade": words of titles, not first names
    return not (word.isupper() and len(word) > 1 and not word.endswith("."))


_PATRONYMIC = frozenset({"bin", "binti", "bint", "ibn"})


def _fathers(word: str, name: list[str]) -> bool:
    """Whether `word` stands in `name` only as a father's name ("Zayed" in "Khalifa bin
    Zayed"): the one word names someone else."""
    return all(at > 0 and name[at - 1] in _PATRONYMIC for at, w in enumerate(name) if w == word)


def _bare_initials(tokens: list[Token], at: int, start: int, countries: Countries) -> int:
    """How many single capital letters, without full stops, open a name at `at` ("S M
    Krishna"): only before a name word, and "A" or "I" alone only after a title (they are
    words more often than initials)."""
    end = at
    while (
        end < len(tokens)
        and tokens[end].quote is None  # (a quotation's token reads "Q")
        and re.fullmatch(r"[A-Z]", tokens[end].text)
        and end - at < 3
    ):
        end += 1
    if end == at or end >= len(tokens) or not is_name_word(tokens[end], countries, inside=True):
        return 0
    spaced = all(tokens[i].end + 1 == tokens[i + 1].start for i in range(at, end))
    if not spaced:
        return 0
    if end - at == 1 and tokens[at].text in {"A", "I"}:
        titled = at > 0 and tokens[at - 1].capitalised and tokens[at - 1].lower in TITLE_WORDS
        if not titled:
            return 0
    return end - at


def _initials_after_title(tokens: list[Token], at: int, countries: Countries) -> bool:
    """Initials written as one word in capitals ("AH", "SM") that open a name after a
    title: "Foreign Minister AH Mahmood Ali". Elsewhere such a word is an acronym."""
    word = tokens[at].text
    return (
        2 <= len(word) <= 3
        and word.isalpha()
        and word.isupper()
        and at > 0
        and tokens[at - 1].capitalised
        and tokens[at - 1].lower in TITLE_WORDS
        and not countries.country_of(word)
        and at + 2 < len(tokens)
        and is_name_word(tokens[at + 1], countries)
        and is_name_word(tokens[at + 2], countries, inside=True)
    )


def name_run(tokens: list[Token], start: int, countries: Countries) -> int:
    """The end (exclusive) of a person's name beginning at tokens[start], or `start`.

    A name is capitalised words, with particles between them ("Lula da Silva", "bin Salman",
    "van der Bellen"), initials with a full stop ("Michael R. Pompeo"), and hyphenated or
    prefixed parts ("Al-Sisi", "Tae-yul").
    """
    at = start
    while at < len(tokens):
        token = tokens[at]
        following = tokens[at + 1] if at + 1 < len(tokens) else None
        if (
            re.fullmatch(r"[A-Z](?:\.[A-Z])*", token.text)
            and at + 2 < len(tokens)
            and tokens[at + 1].text == "."
            and is_name_word(tokens[at + 2], countries, inside=True)
            and (at > start or len(token.text) > 1)
        ):
            at += 2  # an initial: "Michael R. Pompeo", "H.R. McMaster"
            continue
        if (letters := _bare_initials(tokens, at, start, countries)) > 0:
            at += letters  # "S M Krishna", "P Chidambaram": initials without full stops
            continue
        if at == start and _initials_after_title(tokens, at, countries):
            at += 1  # "Foreign Minister AH Mahmood Ali": initials run together
            continue
        month_date = token.lower in MONTHS and following is not None and following.text.isdigit()
        if at == start and _month_as_name(tokens, at):
            at += 1  # "May arrived", "May, the prime minister,": a surname, not the month
            if token.possessive:
                break
            continue
        if is_name_word(token, countries, inside=at > start) and not month_date:
            at += 1
            if token.possessive:
                break
            continue
        if at > start and (inner := _inside_a_name(tokens, at, countries)):
            at += inner  # "Tuilaepa Dr. Sa'ilele Malielegaoi", "Josaia Voreqe (Frank) Bainimarama"
            continue
        if token.lower in NAME_PARTICLES and at > start:
            # One or two particles, then a name word: "da Silva", "de la Torre".
            after = at + 1
            while after < len(tokens) and after - at < 2 and tokens[after].lower in NAME_PARTICLES:
                after += 1
            if (
                after < len(tokens)
                and (
                    is_name_word(tokens[after], countries)
                    # "bin Sultan": after "son of", a father's name, title word or not
                    or (tokens[after - 1].lower in _PATRONYMIC and tokens[after].capitalised)
                )
                and all(tokens[i].end == tokens[i + 1].start - 1 for i in range(at, after))
            ):
                at = after
                if tokens[after - 1].lower in _PATRONYMIC and not is_name_word(
                    tokens[after], countries, inside=True
                ):
                    at += 1  # the father's name, a title word itself: "bin Sultan"
                continue
        break
    return at


def _inside_a_name(tokens: list[Token], at: int, countries: Countries) -> int:
    """How many tokens inside a name are a style or a nickname, not the end of it: a style
    or honorific between its words ("Najib Tun Razak", "Tuilaepa Dr. Sa'ilele Malielegaoi")
    or one word in brackets ("Josaia Voreqe (Frank) Bainimarama"); 0 when none is."""
    token = tokens[at]
    skip = 0
    if token.capitalised and (token.lower in STYLES or token.lower in HONORIFICS):
        skip = 2 if at + 1 < len(tokens) and tokens[at + 1].text == "." else 1
    elif token.text == "(" and at + 2 < len(tokens) and tokens[at + 2].text == ")":
        skip = 3 if is_name_word(tokens[at + 1], countries, inside=True) else 0
    after = at + skip
    if skip and after < len(tokens) and is_name_word(tokens[after], countries, inside=True):
        return skip
    return 0


# Words before a month that say it is the month: "in May", "since March", "last May".
_MONTH_CUES = frozenset(
    """
    in of on since last next early late mid until till by from this that each every between
    and to through during before after for
    """.split()
)


def _month_as_name(tokens: list[Token], at: int) -> bool:
    """Whether a capitalised month's name stands for a person (Theresa May): not after a
    word that introduces a date, and followed by a comma, a possessive or a lower-case
    word rather than a number."""
    token = tokens[at]
    bare = token.lower.removesuffix("’s").removesuffix("'s")
    if bare not in MONTHS or not token.text[:1].isupper():
        return False
    if at > 0 and tokens[at - 1].lower in _MONTH_CUES:
        return False
    following = tokens[at + 1] if at + 1 < len(tokens) else None
    if token.possessive:
        return True
    return following is not None and (
        following.text == "," or (following.text.isalpha() and following.text.islower())
    )


def clean_name(tokens: list[Token]) -> str:
    """A name's text from its tokens, without a possessive ending."""
    text = " ".join(t.text for t in tokens).replace(" .", ".").replace("( ", "(").replace(" )", ")")
    return re.sub(r"(’s|'s)$", "", text)


# --------------------------------------------------------------------- titles
