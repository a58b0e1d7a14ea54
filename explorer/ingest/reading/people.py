"""Finding the people and bodies an article names, sentence by sentence."""

from __future__ import annotations

import re

from explorer.ingest.reading.countries import Countries, known_countries
from explorer.ingest.reading.lexicon import (
    ADDRESS_TITLES,
    OUTLET_HEADS,
    SPEECH_VERBS,
    STYLES,
    TITLE_HEADS,
    TITLE_WORDS,
    WEEKDAYS,
)
from explorer.ingest.reading.names import (
    BODY_HEADS,
    NOT_NAME_WORDS,
    Registry,
    clean_name,
    is_name_word,
    name_run,
)
from explorer.ingest.reading.subjects import says_here
from explorer.ingest.reading.text import Article, Sentence, Token, words_of
from explorer.ingest.reading.titles import (
    closing_bracket,
    honorific_before,
    is_title_head,
    rank_before,
    title_after,
    title_before,
)

# Bodies by their heads, with what may precede: "India’s Ministry of External Affairs",
# "the Foreign Ministry", "the Kremlin", "State Department".
_NO_TITLE = r"(?!(?:" + "|".join(sorted(h.capitalize() for h in TITLE_HEADS)) + r")\s+[A-Z][a-z])"
_BODY = re.compile(
    r"(?:(?P<owner>[A-Z][\w.]*(?:’s|'s))\s+)?"
    r"(?P<name>(?:(?:[A-Z][\w-]*|of|for|and|the)\s+){0,5}?"
    r"(?:" + "|".join(re.escape(h) for h in BODY_HEADS) + r")\b"  # ("Commission", not "…er")
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?" + _NO_TITLE + r"[A-Z][\w-]*)*)?)"
)  # (it ends before a title and a name: "Department of State Spokesperson Heather Nauert")

# "Mexico's foreign ministry", "Japan's defence ministry": a body named in lower case after
# its country.
_OWNED_BODY = re.compile(
    r"(?P<owner>[A-Z][\w.]*(?:’s|'s)|[A-Z][a-z]+)\s+"  # "Mexico's", "Indian"
    r"(?P<name>(?:[a-z]+\s+){0,2}?(?:ministry|government|embassy|presidency|cabinet|"
    r"foreign office|state department|mission))\b"
)

# "the Dubai-based Gulf News", "The Korea Herald": an outlet, which can be quoted.
_OUTLET = re.compile(
    r"\b(?P<name>(?:[A-Z][\w-]*\s+){1,3}(?:" + "|".join(OUTLET_HEADS) + r"))\b(?!\s+[A-Z])"
)


def find_people(article: Article, registry: Registry) -> None:
    """Every person named with a sign of being a person: a title, an honorific, an
    apposition, a verb of saying beside the name, or a surname used again alone."""
    countries = registry.countries
    pending: list[tuple[Sentence, int, int]] = []
    for sentence in article.sentences:
        tokens = sentence.tokens
        at = 0
        while at < len(tokens):
            first = tokens[at].text
            if not first[:1].isupper() and "-" not in first:
                at += 1  # no name begins in lower case (but "al-Sisi" may)
                continue
            at = _past_styles(tokens, at)
            end = name_run(tokens, at, countries)
            if end == at:
                at += 1
                continue
            if not _add_signed(registry, sentence, at, end):
                pending.append((sentence, at, end))
            at = end
    for quote in article.quotes:  # "…bolstered by President Park Geun-hye's tour…"
        inside = Sentence(quote.start, quote.end, quote.paragraph, words_of(article, quote))
        at = 0
        while at < len(inside.tokens):
            end = name_run(inside.tokens, at, countries)
            if end > at and title_before(inside.tokens, at, countries) is not None:
                _add_signed(registry, inside, at, end)
            at = max(end, at + 1)
    _add_reused(article, registry, pending)


def _add_signed(registry: Registry, sentence: Sentence, start: int, end: int) -> bool:
    """Add the name at tokens[start:end] if something around it says it is a person."""
    tokens = sentence.tokens
    countries = registry.countries
    name = clean_name(tokens[start:end])
    if countries.city(name) or countries.country_of(name):
        return True  # "Rio de Janeiro": a place, whatever stands around it
    for back in range(max(0, start - 3), start):  # "Brunei Darussalam", "United Arab Emirates"
        whole = " ".join([*(t.text for t in tokens[back:start]), name])
        if countries.country_of(whole) or countries.city(whole):
            return True
    if any(
        t.text == "/" and t.end == tokens[at + 1].start and tokens[at + 1].text.isalpha()
        for at, t in enumerate(tokens[:start])
        if at >= start - 3
    ):  # "Image: picture-alliance/dpa/M. Kappeler": a credit, not a person named
        return True
    if start > 0 and tokens[start - 1].capitalised and tokens[start - 1].lower in _PLACE_OPENERS:
        return True  # "New York", "West Bengal", "Central Java": a place
    following = tokens[end] if end < len(tokens) else None
    if following is not None and (
        is_title_head(following.lower)
        or (
            following.capitalised
            and following.lower in NOT_NAME_WORDS
            and following.lower not in WEEKDAYS  # "met X Saturday": the day, not a place
        )
    ):
        return True  # "Oil Minister", "Liaison Department", "Downing Street": not a name
    if _title_case(tokens) and registry.find(name) is None and registry._by_part(name) is None:
        return True  # a headline in Title Case capitalises every word
    span = (tokens[start].start, tokens[end - 1].end - (2 if tokens[end - 1].possessive else 0))
    title = title_before(tokens, start, countries)
    after = title_after(tokens, end, countries)
    if (
        title is not None
        and any(t.text == "," for t in tokens[title[2] : start])
        and not _titles_lead(tokens, title[2], countries)
    ):
        title = None  # "X, Minister of Interior, Sheikh Y, …": the title is X's
    if title is not None and after is not None and title[0].lower() in ADDRESS_TITLES:
        title = (after[0], after[1] or title[1], title[2])  # "Sheikh X, Foreign Minister"
    if title is None and after is None:
        title = _portfolio(tokens, start, end)
    if title is None and after is None and rank_before(tokens, start):
        rank = start - (2 if tokens[start - 1].text == "." else 1)
        title = (tokens[rank].text, None, rank)  # "Gen Qamar Bajwa": the rank, as written
    if title is not None:
        text, country, first = title
        evidence = (tokens[first].start, span[1])
        person = registry.add_person(name, evidence, text, country)
        person.namings.append(span)
        return True
    if after is not None and end - start >= 2:
        person = registry.add_person(name, span, after[0], after[1])
        person.namings.append(span)
        return True
    if 2 <= end - start <= 4 and _who_follows(tokens, end):
        person = registry.add_person(name, span)  # "Jang Song-thaek, who was considered"
        person.namings.append(span)
        return True
    if 2 <= end - start <= 4 and start > 0 and tokens[start - 1].possessive:
        country = countries.country_of(tokens[start - 1].text)  # (possessive or not)
        if country:  # "Fiji's Frank Bainimarama": a country's person
            person = registry.add_person(name, span, None, country)
            person.namings.append(span)
            return True
    if end - start >= 2 and _of_country(tokens, end, countries):
        person = registry.add_person(name, span, None, _of_country(tokens, end, countries))
        person.namings.append(span)
        return True
    if honorific_before(tokens, start) or _speaks(tokens, start, end):
        person = registry.find(name) or registry._by_part(name)
        if person is None and end - start == 1:
            person = registry.add_person(name, span)
            person.flags.append("named only by one word: give the full name if the article has it")
        elif person is None:
            person = registry.add_person(name, span)
        person.namings.append(span)
        return True
    known = registry.find(name) or registry._by_part(name)
    if known is not None and known.kind == "person":
        known.namings.append(span)
        return True
    return False


def _past_styles(tokens: list[Token], at: int) -> int:
    """Where a name begins after the styles of address before it: "Datuk Seri Najib Razak",
    "Tan Sri Muhyiddin Yassin" (but "Tan" alone is a surname)."""
    start = at
    while at + 1 < len(tokens) and tokens[at + 1].capitalised:
        word, following = tokens[at].lower, tokens[at + 1].lower
        styled = word in STYLES and word != "tan"
        if styled or (word == "tan" and following == "sri") or (word == "sri" and at > start):
            at += 1
        else:
            break
    return at


def _title_case(tokens: list[Token]) -> bool:
    """A line whose every long word is capitalised, with no full stop at its end: a
    headline written in Title Case."""
    if tokens and tokens[-1].text in {".", "!", "?"}:
        return False
    long = [t for t in tokens if len(t.text) > 3 and t.text.isalpha()]
    return len(long) >= 4 and all(t.capitalised for t in long)


def _portfolio(tokens: list[Token], start: int, end: int):
    """A title shared out in a list: "The Cabinet secretaries in the delegation included Anne
    W. (Devolution), Judi W. (Environment)" gives "Cabinet secretary (Environment)". The
    sentence names the office in the plural before the names; each name's brackets say which."""
    close = closing_bracket(tokens, end) if end < len(tokens) and tokens[end].text == "(" else None
    if close is None:
        return None
    for at in range(start - 1, -1, -1):
        word = tokens[at].lower
        single = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        if word.endswith("s") and single in TITLE_HEADS and tokens[at].quote is None:
            first = at
            while (
                first > 0
                and tokens[first - 1].capitalised
                and tokens[first - 1].lower in TITLE_WORDS
            ):
                first -= 1
            text = tokens[at].text
            one = text[:-3] + "y" if word.endswith("ies") else text[:-1]
            office = " ".join([*(t.text for t in tokens[first:at]), one])
            inside = " ".join(t.text for t in tokens[end + 1 : close])
            country = known_countries().country_of(inside)
            return (office, country, first) if country else (f"{office} ({inside})", None, first)
    return None


def _titles_lead(tokens: list[Token], at: int, countries: Countries) -> bool:
    """In a list set off by commas, whether titles come first ("the Ambassador to Brazil,
    Carlos M., the Secretary for Trade, Horacio R.") rather than names ("Sheikh Saif, Deputy
    Prime Minister, Sheikh Mansour, Minister of Presidential Affairs"), judged by the list's
    first item: does it end in a name? `at` is where the title before a comma begins."""
    glue = {"the", "a", "an", "and", "of", "for", "bin", "al", "de", "da", "van", "von"}
    while at > 0 and (tokens[at - 1].capitalised or tokens[at - 1].lower in glue):
        at -= 1  # to the start of the title: "Deputy Prime Minister and Minister of Interior"
    while at > 1 and tokens[at - 1].text == ",":
        end = begin = at - 1
        while begin > 0 and (tokens[begin - 1].capitalised or tokens[begin - 1].lower in glue):
            begin -= 1
        if begin == end:
            return True  # prose before the comma: no list
        if begin > 0 and tokens[begin - 1].text == ",":
            at = begin  # an earlier item of the list
            continue
        first_is_name = title_before(tokens, end, countries) is None  # the list's first item
        return not (first_is_name and is_name_word(tokens[end - 1], countries))
    return True


def _who_follows(tokens: list[Token], end: int) -> bool:
    """ ", who" after a name: people are "who", places and bodies "which"."""
    return end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].lower == "who"


def _of_country(tokens: list[Token], end: int, countries: Countries) -> str | None:
    """ "Ajit Doval of India": a name followed by "of" and a country, as wire copy writes a
    delegate's country."""
    if end + 1 < len(tokens) and tokens[end].lower == "of":
        return countries.country_of(tokens[end + 1].text)
    return None


def _speaks(tokens: list[Token], start: int, end: int) -> bool:
    """A verb of saying right after the name, or "said NAME" at the end of a quotation.
    Verbs are in lower case: "the United States" has no verb in it."""
    after = tokens[end] if end < len(tokens) else None
    if after is not None and after.text.islower() and after.lower in SPEECH_VERBS:
        return says_here(tokens, end)  # (not "the Visegrád states")
    before = tokens[start - 1] if start > 0 else None
    return (
        before is not None
        and before.text.islower()
        and before.lower in SPEECH_VERBS
        and start >= 2
        and (tokens[start - 2].text in {",", "Q"} or tokens[start - 2].quote is not None)
    )


def _add_reused(article: Article, registry: Registry, pending) -> None:
    """A run of two to four name words outside page furniture is a person when its last
    word stands alone elsewhere as a name ("Leo Varadkar" ... "Varadkar said")."""
    countries = registry.countries
    alone: set[str] = set()
    for sentence in article.sentences:
        tokens = sentence.tokens
        for at, token in enumerate(tokens):
            if not is_name_word(token, countries) or at == 0:
                continue
            left = tokens[at - 1]
            right = tokens[at + 1] if at + 1 < len(tokens) else None
            if is_name_word(left, countries) or (right and is_name_word(right, countries)):
                continue
            alone.add(token.lower)
    for sentence, start, end in pending:
        if sentence.paragraph in article.furniture or not 2 <= end - start <= 4:
            continue
        tokens = sentence.tokens[start:end]
        last = tokens[-1].lower
        if last not in alone and not _in_prose(sentence.tokens, start, end):
            continue
        if any(last in {w.lower() for w in e.name.split()} for e in registry.people()):
            continue  # a known person's surname in another name: "Howdy Modi", "Mrs Lee"
        name = clean_name(tokens)
        span = (tokens[0].start, tokens[-1].end - (2 if tokens[-1].possessive else 0))
        person = registry.add_person(name, span)
        person.namings.append(span)
        person.flags.append("named without a sign of being a person: check it is one")


# Words that open a place's name: "New York", "North Sulawesi", "Upper Nile".
_PLACE_OPENERS = frozenset(
    "new north south east west northern southern eastern western central upper lower great co"
    " county".split()
)

# Endings of place names, and words that follow one: never a person's.
_PLACE_ENDINGS = ("land", "stan", "shire", "burg", "burgh", "ville", "polis", "grad", "abad")
_PLACE_WORDS = frozenset(
    "plateau prefecture county region valley desert hills mount lake river island islands"
    " airport port cathedral avenue square bridge".split()
)


def _a_place(token: Token) -> bool:
    """A city or a country the gazetteer knows, possessive or not."""
    countries = known_countries()
    return bool(countries.city(token.text) or countries.country_of(token.text))


def _in_prose(tokens: list[Token], start: int, end: int) -> bool:
    """Two or three name words inside a sentence, with prose on both sides: a person named
    without a title ("used by David Cameron and George Osborne during …"). Not at the start of
    the sentence, not beside other capitalised words, not a place."""
    if not 2 <= end - start <= 3 or start == 0:
        return False
    before, after = tokens[start - 1], tokens[end] if end < len(tokens) else None
    if before.capitalised or before.text in {"Q", "(", "-"}:
        return False
    if after is not None and (after.capitalised or after.lower in _PLACE_WORDS):
        return False
    words = [t.lower for t in tokens[start:end]]
    if any(w.endswith(_PLACE_ENDINGS) for w in words):
        return False
    if before.lower in {"and", "or", "to"} and start >= 2 and _a_place(tokens[start - 2]):
        return False  # "between Davao and Kota Kinabalu": paired with a place, a place
    return before.lower in {"and", "by", "with", "of", ",", "to", "from", "led", "aide", "as"} or (
        after is not None and after.text.islower() and after.text.endswith(("ed", "s"))
    )


def find_bodies(article: Article, registry: Registry) -> None:
    """Ministries, offices and other bodies that can speak, with their country."""
    countries: Countries = registry.countries
    for number, (start, end) in enumerate(article.paragraphs):
        if number in article.furniture:
            continue
        for match in _BODY.finditer(article.text, start, end):
            name = re.sub(r"^(?:the|The)\s+", "", match.group("name")).strip()
            if not name or name.split()[0] in {"of", "for", "and"}:
                continue
            if " " not in name and name in BODY_HEADS and not match.group("owner"):
                continue  # "Ministry spokesperson X": which ministry, the words do not say
            owner = match.group("owner")
            country = countries.country_of(owner) if owner else None
            for word in name.split():
                country = country or countries.country_of(word)
            name_start = match.start("name") + match.group("name").index(name)
            body = registry.add_body(name, (name_start, name_start + len(name)), country)
            body.namings.append((name_start, name_start + len(name)))
            if owner and country and match.group() not in body.aliases:
                body.aliases.append(match.group().strip())
        for match in _OUTLET.finditer(article.text, start, end):
            name = re.sub(r"^(?:(?:The|A)\s+)?(?:[\w-]+-based\s+)?", "", match.group("name"))
            name_start = match.end("name") - len(name)
            if len(name.split()) < 2:
                continue
            body = registry.add_body(name, (name_start, match.end("name")))
            body.namings.append((name_start, match.end("name")))
        for match in _OWNED_BODY.finditer(article.text, start, end):
            country = countries.country_of(match.group("owner"))
            if country is None:
                continue
            name = match.group()
            body = registry.add_body(name, (match.start(), match.end()), country)
            body.namings.append((match.start(), match.end()))
