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
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    STYLES,
    TITLE_HEADS,
    TITLE_LINKS,
    TITLE_WORDS,
    WEEKDAYS,
)
from explorer.ingest.reading.text import Article, Token

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
    buildings building agence presse co visit trip tour citizen mail mirror guardian inquirer
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
    if lower in HONORIFICS or lower in _RANKS or lower == "both":
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
    text = " ".join(t.text for t in tokens).replace(" .", ".")
    return re.sub(r"(’s|'s)$", "", text)


# --------------------------------------------------------------------- titles


def is_title_head(word: str) -> bool:
    """A word that heads a title: "minister", "ministers", "president-elect", "vice-chairman"."""
    word = word.lower()
    return (
        word in TITLE_HEADS
        or (word.endswith("s") and word[:-1] in TITLE_HEADS)
        or (
            "-" in word
            and (word.split("-")[0] in TITLE_HEADS or word.split("-")[-1] in TITLE_HEADS)
        )
    )


def _title_class(token: Token, countries: Countries) -> str:
    """One letter for what a token can be in a title: H head, W title word, L link,
    T "the", A "and", C country, d a full stop after an abbreviation, P another capitalised
    word, x anything else."""
    lower = token.lower
    if token.text == "." and token.start > 0:
        return "d"
    if token.text == ",":
        return ","
    if is_title_head(lower):
        return "H"
    if lower in TITLE_WORDS:
        return "W"
    if lower in {"to", "for"}:
        return "f" if lower == "for" else "t"
    if lower in TITLE_LINKS:
        return "L"
    if lower == "the":
        return "T"
    if lower == "and":
        return "A"
    if countries.country_of(token.text):
        return "C"
    if token.capitalised and token.quote is None:
        return "P"
    if lower in BODY_NOUNS:
        return "B"  # "spokesman for Egyptian presidency"
    return "x"


# A title read backwards from the name: its head, the words before it, and what its links
# ("of", "to", "for") name: "Minister of State for Europe and the Americas", with the
# country that owns it in front ("Kenya's", "U.S.").
_TITLE = re.compile(
    r"(Cd?)?((?:[WH]|Cd?(?=[WH]))*H(?:[Lft]T?(?:[PCWHB]d?)+(?:AT?[PCWB]+)?)*"
    r"(?:[ft]T?(?:[PC]d?)*x(?=,))?)(,?)$"
)  # (then, only before a comma, "to" or "for" and a last lower-case word: "the heir to the
# throne, Prince Charles", "envoy for North Korea policy, Stephen Bosworth")


def _before_head(kept: list[Token], token: Token) -> bool:
    """Whether a token stands before the title's first head word (not inside "of the US")."""
    heads = [t for t in kept if is_title_head(t.lower)]
    return bool(heads) and token.start < heads[0].start


def title_before(tokens: list[Token], name_start: int, countries: Countries):
    """The title just before a name: "Foreign Minister", "Secretary of State", "president",
    "Ambassador to the US", "minister of foreign affairs", with the country its adjective
    gives ("Chinese", "Kenya's", "U.S.").

    Returns (title text, country id, index where the title begins) or None.
    """
    while name_start > 0 and (
        honorific_before(tokens, name_start)
        or rank_before(tokens, name_start)
        or tokens[name_start - 1].lower in STYLES
        or (  # "President His Highness Sheikh X", "Prime Minister Sheikh X": a style too
            tokens[name_start - 1].lower in ADDRESS_TITLES
            and name_start > 1
            and (
                tokens[name_start - 2].lower in STYLES
                or (
                    is_title_head(tokens[name_start - 2].lower)
                    and tokens[name_start - 2].capitalised
                    and tokens[name_start - 2].lower not in {"crown", "grand"}  # "Crown Prince"
                )
            )
        )
    ):  # "special adviser …, Mr. Femi Adesina", "Prime Minister Tun Dr Mahathir"
        name_start -= 2 if tokens[name_start - 1].text == "." else 1
    if (
        name_start > 2
        and tokens[name_start - 1].lower in ADDRESS_TITLES | {"chief", "professor", "prof"}
        and tokens[name_start - 1].capitalised
        and tokens[name_start - 2].text == ","
        and title_before(tokens, name_start - 1, countries) is not None
    ):  # "the Minister of Agriculture, Chief Audu Ogbeh": a style after the office
        name_start -= 1
    if name_start > 2 and tokens[name_start - 1].text == ")":  # "Secretary (East) Lata Reddy"
        opened = next(
            (i for i in range(name_start - 2, max(name_start - 6, 0), -1) if tokens[i].text == "("),
            None,
        )
        if opened is not None and closing_bracket(tokens, opened) == name_start - 1:
            found = title_before(tokens, opened, countries)
            if found is None:
                return None
            text, country, begin = found
            inner = " ".join(t.text for t in tokens[opened + 1 : name_start - 1])
            return f"{text} ({inner})", country, begin
    classes = "".join(_title_class(t, countries) for t in tokens[:name_start])
    found = _TITLE.search(classes)
    if not found:
        return None
    start, end = found.span(2)
    kept = tokens[start:end]
    country = countries.country_of(tokens[found.start(1)].text) if found.group(1) else None
    # A country's adjective inside the title says whose office it is; it is not the title:
    # "then Singaporean Prime Minister" is a "then Prime Minister" of Singapore.
    inside = [t for t in kept if _title_class(t, countries) == "C" and _before_head(kept, t)]
    for token in inside:
        country = country or countries.country_of(token.text)
    kept = [t for t in kept if t not in inside]
    heads = [t for t in kept if is_title_head(t.lower)]
    if not heads:
        return None
    text = " ".join(t.text for t in kept)
    text = text.replace(" .", ".").replace(" - ", "-").replace(" ’s", "’s")
    return text, country, found.start(1) if found.group(1) else start


def title_after(tokens: list[Token], name_end: int, countries: Countries):
    """A title set after a name by a comma: "Cho Tae-yul, Korea's foreign minister",
    "Lars Eklund, the Nordmark prime minister", "Chung Eui Yong, head of South Korea's
    National Security Office". Returns (title, country) or None."""
    at = name_end
    if at >= len(tokens) or tokens[at].text != ",":
        return None
    at += 1
    if at < len(tokens) and tokens[at].lower in {"the", "a", "an", "his", "her"}:
        at += 1
    country = None
    if at < len(tokens) and countries.country_of(tokens[at].text):
        country = countries.country_of(tokens[at].text)
        at += 1
    owner = at  # "the Foreign Ministry's East Asia director": the body it serves first
    while owner < len(tokens) and tokens[owner].capitalised and not tokens[owner].possessive:
        owner += 1
    if owner < len(tokens) and owner - at < 5 and tokens[owner].possessive:
        at = owner + 1
    start = at
    linked = False
    while at < len(tokens):
        token = tokens[at]
        if token.lower in TITLE_WORDS or is_title_head(token.lower):
            at += 1
        elif (token.lower in TITLE_LINKS and at > start) or _in_a_body(tokens, at, start):
            linked = True
            at += 1
        elif linked and (
            token.capitalised or token.lower in {"the", "and", "of"} or token.lower in _BODY_WORDS
        ):
            at += 1  # what the link names: "of South Korea's National Security Office"
        elif token.text == "(" and (close := closing_bracket(tokens, at)) is not None:
            at = close + 1  # "Secretary (East)", "Secretary (South Asia)"
        elif (token.capitalised or token.lower == "and") and _head_ahead(tokens, at):
            at += 1  # the portfolio before the title: "East Asia and Pacific director"
        else:
            break
    run = at
    while run < len(tokens) and tokens[run].capitalised and tokens[run].quote is None:
        run += 1
    if at > start and run > at and run < len(tokens) and tokens[run].text in {",", ".", ";"}:
        at = run  # the body a title serves, named without "of": "the CEO Virgin Group"
    kept = tokens[start:at]
    while kept and kept[-1].lower in TITLE_LINKS | {"the", "and"}:
        kept = kept[:-1]
    if not kept or not any(is_title_head(t.lower) for t in kept):
        return None
    if (
        at < len(tokens)
        and tokens[at].text not in {",", ".", ";", ")", "Q"}
        and not (tokens[at].lower in SPEECH_VERBS or tokens[at].lower in {"who", "and", "said"})
    ):
        return None
    return " ".join(t.text for t in kept).replace(" ’s", "’s").replace(" 's", "'s"), country


_QUARTERS = frozenset({"east", "west", "north", "south", "central"})


def closing_bracket(tokens: list[Token], at: int) -> int | None:
    """The ")" closing a bracket of one to three capitalised words (or a quarter of the
    world, however written: "Secretary (east)") opened at `at`."""
    for close in range(at + 2, min(at + 5, len(tokens))):
        if tokens[close].text == ")":
            inside = tokens[at + 1 : close]
            fits = all(t.capitalised or t.lower in _QUARTERS for t in inside)
            return close if fits else None
    return None


def _in_a_body(tokens: list[Token], at: int, start: int) -> bool:
    """ "Secretary (East) in the Ministry of External Affairs": "in" links a title to the
    body it serves, not to a place."""
    return (
        at > start
        and tokens[at].lower == "in"
        and at + 2 < len(tokens)
        and tokens[at + 1].lower == "the"
        and tokens[at + 2].capitalised
        and tokens[at + 2].lower in _BODY_WORDS | {"cabinet", "secretariat", "presidency"}
    )


_BODY_WORDS = frozenset(
    {"foreign", "defence", "defense", "ministry", "office", "affairs", "department"}
)


def _head_ahead(tokens: list[Token], at: int) -> bool:
    """Whether capitalised words (and "and") from `at` lead to a title's head word."""
    for look in range(at, min(at + 6, len(tokens))):
        token = tokens[look]
        if is_title_head(token.lower) and token.text.islower():
            return True
        if not (token.capitalised or token.lower == "and"):
            return False
    return False


_RANKS = frozenset({"gen", "capt", "col", "lt", "maj", "adm", "brig", "cmdr", "sgt", "cdr"})
_SERVICES = frozenset({"navy", "army", "marine", "marines", "air", "force", "coast", "guard"})


def rank_before(tokens: list[Token], name_start: int) -> bool:
    """A military rank abbreviated before the name, or the service before such a rank:
    "spokesman Navy Capt. Jeff Davis", "chief of staff, Gen Hassan F."."""
    at = name_start - 1
    if tokens[at].text == "." and at > 0:
        at -= 1
    token = tokens[at]
    if token.capitalised and token.lower in _RANKS:
        return True
    return (
        token.capitalised
        and token.lower in _SERVICES
        and name_start < len(tokens)
        and tokens[name_start].lower in _RANKS | _SERVICES
    )


def honorific_before(tokens: list[Token], name_start: int) -> bool:
    """Whether "Mr", "Ms", "Mrs" or "Dr" stands just before the name."""
    at = name_start - 1
    if at >= 0 and tokens[at].text == ".":
        at -= 1
    return at >= 0 and tokens[at].lower in HONORIFICS and tokens[at].capitalised
