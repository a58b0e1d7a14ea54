"""The cues around a quotation that say who spoke: rules over a sentence's tokens.

Each rule reads one pattern, written in its docstring; a quotation is one token (`Q`).
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.ingest.reading.countries import known_countries
from explorer.ingest.reading.lexicon import (
    BODY_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    TOLD_VERBS,
    WEEKDAYS,
)
from explorer.ingest.reading.names import is_name_word, name_run
from explorer.ingest.reading.subjects import (
    HONORIFIC_ABBREVIATIONS,
    PARTICIPLES,
    body_name_end,
    is_speech_verb,
    subject_after,
    subject_before,
)
from explorer.ingest.reading.text import Token


@dataclass(frozen=True)
class Cue:
    """A speaker phrase (token range) and its verb, found in one sentence."""

    who: tuple[int, int]
    verb: int


# -------------------------------------------------------------- the cue rules


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
        after_abbreviation = tokens[verb].text == "." and tokens[
            verb - 1
        ].lower in HONORIFIC_ABBREVIATIONS | {
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
    if tokens[start].lower in HONORIFIC_ABBREVIATIONS:  # "Mr Esipisu", "Mr. Esipisu"
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
                t.lower in HONORIFIC_ABBREVIATIONS or t.text == "." for t in tokens[: who[0]]
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
        body = body_name_end(tokens, at) if token.capitalised else None
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
