"""The phrase that names who speaks, found from the verb of saying: before it ("the
minister said"), after it ("said X, the Y"), past what may stand between. Rules over a
sentence's tokens, each reading one pattern written in its docstring."""

from __future__ import annotations

from explorer.ingest.reading.countries import known_countries
from explorer.ingest.reading.lexicon import (
    BODY_NOUNS,
    GROUP_NOUNS,
    MONTHS,
    OUTLET_HEADS,
    OUTLET_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    WEEKDAYS,
)
from explorer.ingest.reading.names import is_name_word, name_run
from explorer.ingest.reading.text import Token

# Words that may stand between a speaker and the verb: "Trump had posted", "he also said",
# "he went on to say", "Mr Lee on Wednesday (Aug 3) told".
_BETWEEN = frozenset(
    """
    also then later had has have further again once even reportedly repeatedly earlier
    went on to would will wanted continued however today yesterday tonight thus first now
    still already just soon finally subsequently recently
    """.split()
)
# Words that open a clause set off by commas between a subject and its verb.
_ASIDES = frozenset({"who", "which", "in", "however", "too", "the", "a", "an", "also", "for"})
WHEN = frozenset({"when", "after", "as", "while", "before", "once", "if", "asked"})


def is_speech_verb(token: Token) -> bool:
    """A verb of saying: in lower case (a capitalised "States" is a name, not a verb)."""
    return token.text.islower() and token.lower in SPEECH_VERBS


# Participles that carry the speaker of the clause they end: "..., saying “…”".
# Verbs of saying that are nouns as often: "the Visegrád states", "the statement reads".
_NOUNS_TOO = frozenset({"states", "reads", "calls", "posts", "notes", "comments", "remarks"})


def says_here(tokens: list[Token], at: int) -> bool:
    """Whether tokens[at], a verb of saying, says something here: one that is a noun as
    often ("states") counts only before what was said ("X states that …", "X posts: “…”")."""
    if tokens[at].lower not in _NOUNS_TOO:
        return True
    follows = [t.text for t in tokens[at + 1 : at + 3]]
    return follows[:1] in (["that"], ["Q"]) or follows in ([",", "Q"], [":", "Q"])


PARTICIPLES = frozenset(
    """
    saying adding noting stressing insisting praising calling describing urging warning
    telling arguing explaining declaring writing tweeting posting expressing thanking
    hailing citing mentioning emphasising emphasizing observing recalling reiterating
    """.split()
)
PRONOUN_KINDS = {"he": "person", "she": "person", "it": "body", "they": "two", "him": "person"}


def subject_before(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """The phrase just before a verb of saying that names who speaks: a name ("Kerry
    told"), a pronoun ("she said"), a described person or body ("the minister said", "a
    presidential statement read"), with "also", "had" and the like between."""
    at = skip_back(tokens, verb - 1)
    if at < 0:
        return None
    end = at + 1
    if tokens[at].lower == "and" and tokens[at].text.islower():
        # "X noted that '…' and warned that …": the verb shares the subject of the one before
        earlier = next(
            (
                i
                for i in range(at - 1, -1, -1)
                if is_speech_verb(tokens[i]) and tokens[i].text.islower()
            ),
            None,
        )
        return subject_before(tokens, earlier) if earlier is not None else None
    if tokens[at].text == "." and at > 0 and tokens[at - 1].lower in {"jr", "sr"}:
        at -= 1  # "Herminio Coloma Jr. said": the name ends with its full stop
    token = tokens[at]
    if token.lower in PRONOUN_KINDS and token.lower != "him":
        return at, end
    if token.capitalised and token.lower in MONTHS and at == verb - 1:
        return at, end  # "May said": a month does not speak, a person called May does
    if (
        _countries().country_of(token.text)
        and not token.possessive
        and (at == 0 or not tokens[at - 1].capitalised)
    ):
        return at, end  # "India has said": the country, as the report puts it
    if is_name_word(token, _countries()):
        start = at
        while start > 0 and (
            is_name_word(tokens[start - 1], _countries())
            or (tokens[start - 1].text == "." and start > 1 and len(tokens[start - 2].text) == 1)
            or _initial(tokens[start - 1])
        ):
            start -= 1
        if tokens[start].text == ".":
            start += 1
        if start > 0 and tokens[start - 1].lower == "and" and start > 1:
            left = start - 2
            while left > 0 and is_name_word(tokens[left - 1], _countries()):
                left -= 1
            if is_name_word(tokens[start - 2], _countries()):
                return left, end
        return start, end
    if (
        token.lower in PERSON_NOUNS | BODY_NOUNS | STATEMENT_NOUNS | GROUP_NOUNS | OUTLET_NOUNS
        or (token.lower.endswith("s") and token.lower[:-1] in PERSON_NOUNS)
        or (token.capitalised and token.text in OUTLET_HEADS)  # "the Gulf Times said"
    ):
        start = at
        while start > 0 and (
            tokens[start - 1].lower in TITLE_WORDS
            or tokens[start - 1].lower in {"the", "a", "an", "two", "both", "its", "his", "her"}
            or tokens[start - 1].capitalised
            or tokens[start - 1].possessive
            or tokens[start - 1].lower
            in {"senior", "administration", "government", "official", "visiting", "top"}
            or tokens[start - 1].lower.endswith(("al", "ial", "ian", "ese", "ish", "ic"))
        ):
            if tokens[start - 1].quote is not None or tokens[start - 1].text in {",", "Q"}:
                break
            start -= 1
            if tokens[start].lower in {"the", "a", "an"}:
                break
        return start, end
    return None


def skip_back(tokens: list[Token], at: int) -> int:
    """Step back over what may stand between a subject and its verb: adverbs, times
    ("on Wednesday", "(Aug 3)"), and a clause set off by commas (", who …,", ", in turn,")."""
    while at >= 0:
        token = tokens[at]
        if token.lower in _BETWEEN or token.lower in WEEKDAYS or token.text.isdigit():
            at -= 1
        elif token.text == ")":
            opening = next(
                (i for i in range(at - 1, max(at - 12, -1), -1) if tokens[i].text == "("), None
            )
            if opening is None:
                return at
            at = opening - 1
        elif token.text == "," and at > 0:
            opening = next(
                (i for i in range(at - 1, max(at - 30, -1), -1) if tokens[i].text in {",", "Q"}),
                None,
            )
            if opening is None or tokens[opening].text != ",":
                return at
            inner = tokens[opening + 1 : at]
            if not inner or not (inner[0].lower in _ASIDES or inner[0].lower in TITLE_WORDS):
                return at
            if inner[0].lower in TITLE_WORDS and is_name_word(inner[-1], _countries(), inside=True):
                return at  # "X's ambassador, Professor Aoife Brennan, said": the speaker's name
            at = opening - 1
        else:
            return at
    return at


HONORIFIC_ABBREVIATIONS = frozenset({"mr", "ms", "mrs", "dr", "sen", "gen", "rep", "gov", "prof"})
OPENERS = frozenset({"however", "but", "and", "meanwhile", "earlier", "later", "then", "so"})
_AUXILIARIES = frozenset(
    "is was are were has had have will would can could may might must also did does".split()
)


def verbish(token: Token) -> bool:
    """A lower-case word that can be a finite verb: said, met, arrived, is, will."""
    word = token.text
    return word.islower() and (
        word in SPEECH_VERBS
        or word in _AUXILIARIES
        or word in _IRREGULAR
        or word.endswith(("ed", "es"))
        or word.endswith("s")
    )


# Past tenses without "-ed" that news copy uses of people: "the Prime Minister held talks".
_IRREGULAR = frozenset(
    """
    held met made gave took went came left spoke wrote sent led flew began brought bought
    sought saw kept won lost sat stood became chose drew felt found got hit knew meant paid
    put ran rang set shook struck swore taught thought threw told understood wore
    """.split()
)


def skip_forward(tokens: list[Token], at: int) -> int:
    """Step over what may follow a subject before its verb: an apposition set off by commas
    (", the Indian minister,"), a time ("on Sunday", "(Aug 3)", "today"), an adverb."""
    while at < len(tokens):
        token = tokens[at]
        if token.text == ",":
            window = range(at + 1, min(at + 14, len(tokens)))
            closing = next((i for i in window if tokens[i].text == ","), None)
            if closing is None:
                # "A spokesman for X, Marc Tremblay, said": the comma closes an apposition
                return at + 1 if at + 1 < len(tokens) and verbish(tokens[at + 1]) else at
            at = closing + 1
        elif token.text == "(":
            closing = next(
                (i for i in range(at + 1, min(at + 8, len(tokens))) if tokens[i].text == ")"), None
            )
            if closing is None:
                return at
            at = closing + 1
        elif (
            token.lower == "on"
            and at + 1 < len(tokens)
            and (tokens[at + 1].lower in WEEKDAYS or tokens[at + 1].lower in MONTHS)
        ):
            at += 2
        elif token.lower == "continued" and not (
            at + 1 < len(tokens) and tokens[at + 1].lower == "to"
        ):
            return at  # "The Chancellor continued her talks": the verb itself
        elif token.lower in _BETWEEN or token.lower in WEEKDAYS or token.text.isdigit():
            at += 1
        else:
            return at
    return at


def _initial(token: Token) -> bool:
    """A single capital letter, as in "Michael R. Pompeo" (not a quotation's token)."""
    return token.quote is None and len(token.text) == 1 and token.text.isupper()


def subject_after(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """The phrase just after an inverted verb of saying: "…,” said Sushma", "said the
    ministry", "said External Affairs Minister Sushma Swaraj", "read a statement"."""
    at = verb + 1
    if at >= len(tokens):
        return None
    if tokens[at].lower in PRONOUN_KINDS:
        return at, at + 1
    start = at
    while at < len(tokens) and (
        tokens[at].lower in TITLE_WORDS | {"the", "a", "an", "mr", "ms", "mrs", "dr", "."}
        or _countries().country_of(tokens[at].text)
    ):
        at += 1
    if at > start and at < len(tokens) and tokens[at].lower in {"for", "of", "at", "to"}:
        at = _past_served(tokens, at)  # "acting spokesman for the ministry Nazih El Naggary"
    run = at
    while run < len(tokens) and tokens[run].capitalised and tokens[run].quote is None:
        run += 1
    noun = _described_by(tokens, run) if run > at else None
    if noun is not None and start < at:
        return start, noun + 1  # "said a Palace source", "said a Number 10 source"
    body = body_name_end(tokens, at)
    if body is not None:
        return start, body  # "India’s Ministry of External Affairs"
    end = name_run(tokens, at, _countries())
    if end > at:
        return at, end
    while at < len(tokens) and (tokens[at].capitalised or tokens[at].lower in TITLE_WORDS):
        at += 1
    if at < len(tokens) and tokens[at].lower in PERSON_NOUNS | BODY_NOUNS | STATEMENT_NOUNS:
        return start, at + 1
    if at < len(tokens) and tokens[at].lower in GROUP_NOUNS | OUTLET_NOUNS:
        return start, at + 1
    return None


def _past_served(tokens: list[Token], link: int) -> int:
    """Where the name starts after the body a lower-case title serves ("spokesman for the
    ministry Nazih El Naggary"), or `link` itself when no name follows closely."""
    for at in range(link + 1, min(link + 6, len(tokens))):
        token = tokens[at]
        if token.capitalised and name_run(tokens, at, _countries()) > at:
            return at
        if not (token.lower in {"the", "a"} or token.lower in BODY_NOUNS or token.text.islower()):
            return link
    return link


def _described_by(tokens: list[Token], at: int) -> int | None:
    """Where a person noun ends the description a capitalised run at `at` begins ("White
    House official", "Number 10 source"), or None when the run is the name itself."""
    while at < len(tokens) and tokens[at].text.isdigit():
        at += 1
    if at < len(tokens) and tokens[at].lower in PERSON_NOUNS and not tokens[at].capitalised:
        return at
    return None


def body_name_end(tokens: list[Token], at: int) -> int | None:
    """The end of a body's capitalised name starting at `at` ("Ministry of External
    Affairs", "State Department"), or None when the run names no body."""
    end = at
    while end < len(tokens) and (
        tokens[end].capitalised
        or (
            tokens[end].lower in {"of", "for", "and", "the"}
            and end + 1 < len(tokens)
            and tokens[end + 1].capitalised
            and end > at
        )
    ):
        end += 1
    if end > at and any(t.lower in BODY_NOUNS for t in tokens[at:end]):
        return end
    return None


def _countries():
    return known_countries()
