"""Titles beside a name: "Foreign Minister X", "X, the ambassador in Cairo", a rank, a style
or an honorific before it. Each rule says in its docstring the pattern it reads."""

from __future__ import annotations

import re

from explorer.ingest.reading.countries import Countries
from explorer.ingest.reading.lexicon import (
    ADDRESS_TITLES,
    BODY_NOUNS,
    HONORIFICS,
    SPEECH_VERBS,
    STYLES,
    TITLE_HEADS,
    TITLE_LINKS,
    TITLE_WORDS,
)
from explorer.ingest.reading.text import Token


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
    style = _style_words(tokens, name_start)
    if (
        style
        and name_start - style > 1
        and tokens[name_start - style - 1].text in {",", ")"}
        and title_before(tokens, name_start - style, countries) is not None
    ):  # "the Minister of Agriculture, Chief Audu Ogbeh", "the President of Fiji, Major
        name_start -= style  # General Jioji Konrote": a style or a rank after the office
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
            inner = " ".join(t.text for t in tokens[opened + 1 : name_start - 1]).replace(" .", ".")
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


_RANK_WORDS = frozenset(
    "major lieutenant rear vice brigadier general admiral colonel captain commodore air "
    "marshal".split()
)


def _style_words(tokens: list[Token], name_start: int) -> int:
    """How many capitalised words just before a name are a style or a rank ("Chief",
    "Professor", "Major General"), 0 when they are not."""
    if name_start and tokens[name_start - 1].capitalised:
        word = tokens[name_start - 1].lower
        if word in ADDRESS_TITLES | {"chief", "professor", "prof"}:
            return 1
        if word in _RANK_WORDS:
            two = name_start > 1 and tokens[name_start - 2].capitalised
            return 2 if two and tokens[name_start - 2].lower in _RANK_WORDS else 1
    return 0


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
            fits = all(t.capitalised or t.lower in _QUARTERS or t.text == "." for t in inside)
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


RANKS = frozenset({"gen", "capt", "col", "lt", "maj", "adm", "brig", "cmdr", "sgt", "cdr"})
_SERVICES = frozenset({"navy", "army", "marine", "marines", "air", "force", "coast", "guard"})


def rank_before(tokens: list[Token], name_start: int) -> bool:
    """A military rank abbreviated before the name, or the service before such a rank:
    "spokesman Navy Capt. Jeff Davis", "chief of staff, Gen Hassan F."."""
    at = name_start - 1
    if tokens[at].text == "." and at > 0:
        at -= 1
    token = tokens[at]
    if token.capitalised and token.lower in RANKS:
        return True
    return (
        token.capitalised
        and token.lower in _SERVICES
        and name_start < len(tokens)
        and tokens[name_start].lower in RANKS | _SERVICES
    )


def honorific_before(tokens: list[Token], name_start: int) -> bool:
    """Whether "Mr", "Ms", "Mrs" or "Dr" stands just before the name."""
    at = name_start - 1
    if at >= 0 and tokens[at].text == ".":
        at -= 1
    return at >= 0 and tokens[at].lower in HONORIFICS and tokens[at].capitalised
