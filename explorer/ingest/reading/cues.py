"""The cues around a quotation that say who spoke: rules over a sentence's tokens.

Each rule reads one pattern, written in its docstring; a quotation is one token (`Q`).
"""

from __future__ import annotations

from dataclasses import dataclass

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
    TOLD_VERBS,
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
PARTICIPLES = frozenset(
    """
    saying adding noting stressing insisting praising calling describing urging warning
    telling arguing explaining declaring writing tweeting posting expressing thanking
    hailing citing mentioning emphasising emphasizing observing recalling reiterating
    """.split()
)
PRONOUN_KINDS = {"he": "person", "she": "person", "it": "body", "they": "two", "him": "person"}


@dataclass(frozen=True)
class Cue:
    """A speaker phrase (token range) and its verb, found in one sentence."""

    who: tuple[int, int]
    verb: int


# -------------------------------------------------------------- the cue rules


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


_HONORIFICS = frozenset({"mr", "ms", "mrs", "dr", "sen", "gen", "rep", "gov", "prof"})
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
    body = _body_name(tokens, at)
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


def _body_name(tokens: list[Token], at: int) -> int | None:
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


def names_before(tokens: list[Token], quote: int) -> tuple[int, int] | None:
    """ "Jaishankar and Cho “explored ways …”": names right before a quotation that is the
    rest of their sentence are its speakers."""
    end = quote
    start = end
    while start > 0 and (
        is_name_word(tokens[start - 1], _countries())
        or (tokens[start - 1].lower == "and" and start - 1 > 0)
    ):
        start -= 1
    if start == end or tokens[start].lower == "and":
        return None
    if start > 0 and tokens[start - 1].text not in {",", "(", ":"} and start != 0:
        return None
    return start, end


def cue_after(tokens: list[Token], quote: int) -> Cue | None:
    """“…,” said X / “…,” X said / “…” the ministry added / “…,” Kerry told Xi."""
    at = quote + 1
    while at < len(tokens) and tokens[at].text in {",", "-", "—", "–"}:
        at += 1
    if at >= len(tokens):
        return None
    if is_speech_verb(tokens[at]) and tokens[at].lower not in TOLD_VERBS:
        who = subject_after(tokens, at)
        return Cue(who, at) if who else None
    apposed = _apposed(tokens, at)
    if apposed is not None:
        return apposed
    for verb in range(at + 1, min(at + 12, len(tokens))):
        if is_speech_verb(tokens[verb]):
            who = subject_before(tokens, verb)
            if who and _only_titles(tokens[at : who[0]]):
                return Cue(who, verb)
            break
        after_abbreviation = tokens[verb].text == "." and tokens[verb - 1].lower in _HONORIFICS | {
            "jr",
            "sr",
        }
        if tokens[verb].text in {",", ".", ";"} and not after_abbreviation:
            break
        if tokens[verb].quote is not None:
            break
    return _quoted_as_saying(tokens, at) or _passive_by(tokens, at) or _any_verb(tokens, quote, at)


def _any_verb(tokens: list[Token], quote: int, at: int) -> Cue | None:
    """“…,” he rhapsodised. — a quotation closed by a comma, then a pronoun or a name and
    one verb ending the sentence: whatever the verb, it says who spoke."""
    if at != quote + 1 and not (at == quote + 2 and tokens[quote + 1].text == ","):
        return None
    end = at + 1 if tokens[at].lower in {"he", "she"} else name_run(tokens, at, _countries())
    if end == at or end >= len(tokens):
        return None
    verb = tokens[end]
    closes = end + 1 == len(tokens) or tokens[end + 1].text in {".", "!"}
    if closes and verb.text.islower() and verb.text.endswith(("ed", "es")):
        return Cue((at, end), end)
    return None


_PASSIVE = frozenset({"spoken", "said", "written", "uttered", "tweeted", "posted"})


def _passive_by(tokens: list[Token], at: int) -> Cue | None:
    """“…” were spoken by X / was written by X: the speaker after "by"."""
    if at + 3 >= len(tokens) or tokens[at].lower not in {"was", "were", "is", "are"}:
        return None
    if tokens[at + 1].lower not in _PASSIVE or tokens[at + 2].lower != "by":
        return None
    end = name_run(tokens, at + 3, _countries())
    return Cue((at + 3, end), at + 1) if end > at + 3 else None


def _apposed(tokens: list[Token], at: int) -> Cue | None:
    """“…,” X, the ministry's director for Asia, said: a name, an apposition between
    commas (no verb of saying, no quotation in it), then the verb."""
    start = at
    if tokens[start].lower in _HONORIFICS:  # "Mr Esipisu", "Mr. Esipisu"
        start += 1
        if start < len(tokens) and tokens[start].text == ".":
            start += 1
    end = name_run(tokens, start, _countries()) if start < len(tokens) else start
    if end <= start or end >= len(tokens) or tokens[end].text != ",":
        return None
    for close in range(end + 1, min(end + 16, len(tokens))):
        token = tokens[close]
        # no closing comma after a title: "X, Secretary (East) in the Ministry told"
        if (
            is_speech_verb(token)
            and tokens[close - 1].text[:1].isupper()
            and all(t.text[:1].isupper() or t.lower in _TITLE_GLUE for t in tokens[end + 1 : close])
        ):
            return Cue((start, end), close)
        if token.quote is not None or token.text in {".", ";"} or is_speech_verb(token):
            return None
        if token.text == ",":
            verb = close + 1
            if verb < len(tokens) and is_speech_verb(tokens[verb]) and close > end + 1:
                return Cue((start, end), verb)
            return None
    return None


_AFTER_A_CUE = frozenset(
    """
    . , on in at to during after while from via late earlier later yesterday today tonight
    reporters journalists
    """.split()
)


_TITLE_GLUE = frozenset({"of", "in", "for", "and", "the", "(", ")", "a", "an", "to", "at"})


def cue_alone(tokens: list[Token], offset: int = 0) -> Cue | None:
    """A sentence that is only a cue for the quotation ending the sentence before it
    ("“… very special!” Trump tweeted.", "“… postponement?” Mr. Adesina said."): a
    speaker and a verb of saying, then at most a few words of time or place."""
    for verb in range(min(6, len(tokens))):
        token = tokens[verb]
        if token.quote is not None:
            return None
        if not is_speech_verb(token):
            continue
        if verb == 0:
            who = subject_after(tokens, 0)
        else:
            who = subject_before(tokens, verb)
            if who is not None and not all(
                t.lower in _HONORIFICS or t.text == "." for t in tokens[: who[0]]
            ):
                who = None
        rest = tokens[(who[1] if verb == 0 and who else verb + 1) :]
        if who is None or len(rest) > 7 or any(t.quote is not None for t in rest):
            return None
        if rest and (rest[0].lower not in _AFTER_A_CUE and rest[0].lower not in WEEKDAYS):
            return None
        return Cue((who[0] + offset, who[1] + offset), verb + offset)
    return None


def final_cue(tokens: list[Token], quote: int) -> Cue | None:
    """A quotation inside a sentence that ends with its cue after a comma: “X “will
    advance peace” in the island nation, Prime Minister Y said Monday.”"""
    commas = [i for i in range(quote + 1, len(tokens)) if tokens[i].text == ","]
    if not commas or any(t.quote is not None for t in tokens[quote + 1 :]):
        return None
    return cue_alone(tokens[commas[-1] + 1 :], offset=commas[-1] + 1)


def _only_titles(tokens: list[Token]) -> bool:
    """Whether these tokens (between a quotation's end and its speaker's name) are only
    honorifics, titles and the like: "Mr.", "Foreign Minister", "the"."""
    if len(tokens) > 7:
        return False
    return all(
        t.lower in TITLE_WORDS | {"the", "mr", "ms", "mrs", "dr", ".", ",", "of"}
        or _countries().country_of(_bare(t.text))
        or (_bare(t.text).replace("-", "").isalpha() and t.quote is None)  # "Sharjah-based"
        for t in tokens
    ) and not any(t.text.islower() and t.lower in SPEECH_VERBS for t in tokens)


def _bare(word: str) -> str:
    """A word without its possessive ending: "ministry’s" → "ministry"."""
    return word.removesuffix("’s").removesuffix("'s")


# "quoted as saying", "quoted as telling reporters".
QUOTED_AS = frozenset({"saying", "said", "telling", "adding", "stating"})


def _quoted_as_saying(tokens: list[Token], at: int) -> Cue | None:
    """“…,” the paper quoted X as saying / “…,” X was quoted as saying: X speaks."""
    for verb in range(at, min(at + 14, len(tokens))):
        if tokens[verb].quote is not None or tokens[verb].text == ".":
            break
        if tokens[verb].lower in QUOTED_AS:
            return _quoted_before(tokens, verb)
    return None


def cue_before(tokens: list[Token], quote: int) -> Cue | None:
    """X said: “…” / X said, “…” / He posted on Twitter: “…” / X told reporters, “…”.

    The verb's clause ends at a colon or a comma right before the quotation, or the
    quotation stands inside the clause ("Mr Xi described Africa as “…”"). The nearest verb
    of saying decides, even when its subject names no one ("sources said").
    """
    for verb in range(quote - 1, -1, -1):
        token = tokens[verb]
        if token.quote is not None:
            return None  # another quotation between: its own cue is not this one's
        if not (is_speech_verb(token) or token.lower in PARTICIPLES):
            continue
        if verb > 0 and tokens[verb - 1].lower == "to":
            continue  # "she said it was important to speak “…”": the infinitive is no cue
        quoted = _quoted_before(tokens, verb)
        if quoted is not None:
            return quoted
        if token.lower in PARTICIPLES:  # "with Minister X saying …", "Obama …, saying"
            who = _name_just_before(tokens, verb) or _clause_subject(tokens, verb)
        elif verb > 0 and tokens[verb - 1].lower == "and":
            # "X noted that '…' and warned …", "X pointed to …, and said, “…”"
            who = subject_before(tokens, verb) or _clause_subject(tokens, verb)
        else:
            who = subject_before(tokens, verb)
        if (
            who is None
            and token.lower not in PARTICIPLES  # "… visit to Zimbabwe, praising": no subject
            and verb > 1
            and tokens[verb - 1].text == ","
            and tokens[verb - 2].quote is None
        ):
            who = subject_before(tokens, verb - 1)  # "A spokesman for X, Marc Tremblay, said"
        if who is None and verb > 0 and tokens[verb - 1].text in {",", "Q"}:
            who = subject_after(tokens, verb)
        if who is None and verb > 0 and tokens[verb - 1].lower == "who":
            who = _before_who(tokens, verb - 1)  # "said President Rousseff who added, “…”"
        if who:
            return Cue(who, verb)
        return None
    return None


def _name_just_before(tokens: list[Token], verb: int) -> tuple[int, int] | None:
    """A name ending right before the verb ("… Minister Maite Nkoana-Mashabane saying")."""
    if verb == 0 or not is_name_word(tokens[verb - 1], _countries(), inside=True):
        return None
    who = subject_before(tokens, verb)
    return who if who is not None and who[1] == verb else None


def _before_who(tokens: list[Token], who: int) -> tuple[int, int] | None:
    """The name a relative "who" stands for: the one right before it (a comma between)."""
    end = who - 1 if who and tokens[who - 1].text == "," else who
    start = end
    while start > 0 and is_name_word(tokens[start - 1], _countries(), inside=start < end):
        start -= 1
    if start == end and end < who:
        # "X, the chairman of the Joint Chiefs, who said": past a title set off by commas
        comma = next(
            (i for i in range(end - 1, max(end - 16, 0), -1) if tokens[i].text == ","), None
        )
        if comma is not None and tokens[comma + 1].lower in {"the", "a", "an"} | TITLE_WORDS:
            start = end = comma
            while start > 0 and is_name_word(tokens[start - 1], _countries(), inside=start < end):
                start -= 1
    return (start, end) if start < end else None


def _quoted_before(tokens: list[Token], verb: int) -> Cue | None:
    """ "Adesina quoted Buhari as saying: “…”", "X was quoted as saying": X speaks."""
    if tokens[verb].lower not in QUOTED_AS or verb < 2:
        return None
    at = verb - 1
    if tokens[at].lower == "having":
        at -= 1
    if tokens[at].lower != "as":
        return None
    before = at - 1
    if (
        tokens[before].lower == "quoted"
        and before >= 2
        and tokens[before - 1].lower in {"was", "is"}
    ):
        who = subject_before(tokens, before - 1)
        return Cue(who, verb) if who else None
    end = before + 1
    start = end
    while start > 0 and (
        is_name_word(tokens[start - 1], _countries()) or tokens[start - 1].text == "."
    ):
        start -= 1
    if start < end and start > 0:
        for look in range(start - 1, max(start - 8, -1), -1):
            if tokens[look].lower in {"quoted", "quotes", "cited"}:
                return Cue((start, end), verb)
    return None


def _clause_subject(tokens: list[Token], participle: int) -> tuple[int, int] | None:
    """The subject of the clause a participle ends: the first name or pronoun of the
    sentence ("Obama returned the compliment saying …"), or, for a participle opening the
    sentence ("Describing relations as “…”, Lavrov said"), the subject after its comma."""
    first = _past_dateline(tokens)
    if participle == 0 or (tokens[0].text.endswith("ing") and tokens[0].capitalised):
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if comma is None:
            return None
        first = comma + 1
        participle = len(tokens)
    for at in range(first, participle):
        token = tokens[at]
        if token.lower in {"he", "she"}:
            return at, at + 1
        end = name_run(tokens, at, _countries())
        if end > at:
            return at, end
        body = _body_name(tokens, at) if token.capitalised else None
        if body is not None and body <= participle:
            return at, body  # "The French Ministry of Foreign Affairs published … saying"
        if token.lower in {"the", "a"} and at + 1 < participle:
            noun = next(
                (
                    i
                    for i in range(at + 1, min(at + 5, participle))
                    if (not tokens[i].capitalised and tokens[i].lower not in TITLE_WORDS)
                    or tokens[i].lower in PERSON_NOUNS
                ),
                None,
            )
            if noun is not None and tokens[noun].lower in PERSON_NOUNS | BODY_NOUNS:
                return at, noun + 1
            continue
        if token.text in {",", "Q"} and at > first:
            return None
    return None


def _past_dateline(tokens: list[Token]) -> int:
    """Where the sentence proper begins after a dateline ("HARARE, June 3 (ZNA) -")."""
    for at in range(min(len(tokens), 12)):
        if tokens[at].text in {"-", "–", "—"} and at > 0 and tokens[at - 1].text in {")", ":"}:
            return at + 1
    return 0


def according_to(tokens: list[Token]) -> Cue | None:
    """ "according to X" anywhere in the sentence."""
    for at in range(len(tokens) - 2):
        if tokens[at].lower == "according" and tokens[at + 1].lower == "to":
            who = subject_after(tokens, at + 1)
            if who:
                return Cue(who, at)
    return None


def echoed_in(short: str, longer: str) -> bool:
    """Whether the words of a short quoted phrase stand, in order and close together, in a
    longer quotation ("expand mutual understanding" in "…expand our mutual understanding")."""
    wanted = [w.strip(".,;:!?") for w in short.lower().split()]
    words = [w.strip(".,;:!?()") for w in longer.lower().split()]
    if not wanted or len(wanted) > 8:
        return False
    for first, word in enumerate(words):
        if word != wanted[0]:
            continue
        window, at = words[first : first + len(wanted) + 2], 0
        for candidate in window:
            if at < len(wanted) and candidate == wanted[at]:
                at += 1
        if at == len(wanted):
            return True
    return False


def _countries():
    return known_countries()


def name_alone_after(tokens: list[Token], quote: int) -> tuple[int, int] | None:
    """A name and nothing else after a quotation that ends its sentence, the verb left out
    as headline-style copy does ("“… big countries ...,” Modi.")."""
    at = quote + 1  # quote -1: a sentence of its own after the quotation's
    if at >= len(tokens) or (quote >= 0 and not tokens[quote].quote):
        return None
    if tokens[-1].text not in {".", "!"}:
        return None
    end = name_run(tokens, at, _countries())
    if end <= at or end != len(tokens) - 1 or tokens[end - 1].possessive:
        return None
    return (at, end)
