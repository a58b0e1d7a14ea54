"""Matching what a person types against names: case, accents, hyphens and word order ignored."""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable

from anyascii import anyascii

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_SEPARATORS = re.compile(r"[^\w]+|_")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.cache
def _latin_letter(char: str) -> str:
    """A Latin letter that has no decomposition (Ł, Ø, Đ, Æ, Þ, ß) as its plain letters;
    any other character (CJK, Cyrillic, Arabic...) as it is, so those scripts still match."""
    if "LATIN" in unicodedata.name(char, ""):
        return anyascii(char) or char
    return char


def fold(text: str) -> str:
    """Lower-case `text` and strip accents, so "Kamikawá", "KAMIKAWA" and "Łukasz"/"lukasz"
    compare equal."""
    if text.isascii():  # most text: nothing to decompose or transliterate
        return _APOSTROPHES.sub("", text).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if not stripped.isascii():
        stripped = _NON_ASCII.sub(lambda m: _latin_letter(m.group()), stripped)
    return _APOSTROPHES.sub("", stripped).casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`; hyphens, dashes and punctuation separate words."""
    return [word for word in _SEPARATORS.split(fold(text)) if word]


# British and American spellings of one word, as (British ending, American ending, letters
# the word has before it at least): what differs is the end of a word, so these are endings.
_SPELLINGS = (
    ("ence", "ense", 3),  # defence, licence, offence
    ("our", "or", 3),  # labour, honour, neighbour (not four, tour, hour)
    ("ise", "ize", 3),  # organise, recognise
    ("ised", "ized", 3),
    ("ising", "izing", 3),
    ("isation", "ization", 3),
    ("yse", "yze", 3),  # analyse, paralyse
    ("tre", "ter", 2),  # centre, theatre, metre
    ("ogue", "og", 3),  # dialogue, catalogue
    ("mme", "m", 4),  # programme
)


def spellings(word: str) -> tuple[str, ...]:
    """A folded word and its other spelling, British or American ("defence", "defense"):
    a report may use either, and the dataset's own names the other. Only where the end of
    the word differs, and the stem is long enough to be a word's ("four" is not "for")."""
    found = [word]
    plural = "s" if word.endswith("s") else ""  # "defences": the singular's, and an s
    single = word[: len(word) - len(plural)]
    for british, american, stem in _SPELLINGS:
        for ending, other in ((british, american), (american, british)):
            if single.endswith(ending) and len(single) - len(ending) >= stem:
                found.append(single[: len(single) - len(ending)] + other + plural)
    return tuple(dict.fromkeys(found))


# For ASCII text, in one C pass over its bytes: lower case, every character that is not a
# letter or a digit a space, apostrophes dropped (as `fold` drops them) or, to join a word's
# parts, all of them (`_NOT_ALNUM`).
_BYTE_SPACED = bytes(
    code if chr(code).isalnum() and code < 128 else 32 for code in range(256)
).lower()
_DROPPED = b"'`"
_NOT_ALNUM = bytes(code for code in range(128) if not chr(code).isalnum())


def spaced_words(text: str) -> str:
    """The folded words of `text` each after a space (" india and japan"): a word starting
    with "nat" is where " nat" stands."""
    if text.isascii():
        return " " + text.encode("ascii").translate(_BYTE_SPACED, _DROPPED).decode("ascii")
    return " " + _SEPARATORS.sub(" ", fold(text))


def name_words(name: str) -> frozenset[str]:
    """The words of a name, plus each hyphenated part joined ("tae-yul" gives "taeyul" too)."""
    if name.isascii():  # the same words, in C passes
        raw = name.encode("ascii")
        found = set(raw.translate(_BYTE_SPACED, _DROPPED).decode("ascii").split())
        found.update(
            joined.decode("ascii").lower()
            for part in raw.split()
            if (joined := part.translate(None, _NOT_ALNUM))
        )
        return frozenset(found)
    found = set(words(name))
    for part in name.split():
        joined = "".join(words(part))
        if joined:
            found.add(joined)
    return frozenset(found)


class NameMatcher:
    """Finds which named things a query refers to, by any of their names.

    A query matches a name when every word of the query begins a word of that name,
    in any order: "kamikawa", "Yoko", "KAMIKAWA YOKO", "cho tae-yul" and "subrah" all match.

    Every word of every name is kept in one sorted list, so the names with a word beginning
    with a query's word are one range of it, found by bisection: a query costs the names it
    matches, not all the names there are.
    """

    def __init__(self, names: Iterable[tuple[str, Iterable[str]]] = ()) -> None:
        self._keys: list[str] = []
        self._pairs: list[tuple[str, int]] = []  # (a name's word, its name's number)
        self._names_of: list[int] = []  # each name's thing, by the name's number
        for key, all_names in names:
            self.add(key, all_names)
        self.finish()

    def add(self, key: str, all_names: Iterable[str]) -> None:
        """Add one thing by its names (then `finish` before matching)."""
        for name in all_names:
            if name:
                self._pairs += [(word, len(self._names_of)) for word in name_words(name)]
                self._names_of.append(len(self._keys))
        self._keys.append(key)

    def finish(self) -> None:
        """Sort what was added, ready to match."""
        self._pairs.sort()
        self._words = [word for word, _ in self._pairs]
        self._names = [number for _, number in self._pairs]

    def match(self, query: str) -> list[str]:
        """Keys whose names match `query`, in the order given; none for a query with no
        letters or digits ("", "!!!"): there is nothing in it to match."""
        wanted = words(query)
        if not wanted:
            return []
        found: set[int] | None = None
        for part in sorted(set(wanted), key=len, reverse=True):  # the longest is the rarest
            names = set()
            for spelled in spellings(part):
                first = bisect.bisect_left(self._words, spelled)
                last = bisect.bisect_left(self._words, spelled + "\U0010ffff", first)
                names.update(self._names[first:last])
            found = names if found is None else found & names
            if not found:
                return []
        things = sorted({self._names_of[number] for number in found or ()})
        return [self._keys[n] for n in things]


_WORD = re.compile(r"\w+")


def match_spans(name: str, query: str) -> list[tuple[int, int]]:
    """Where in `name` the words of `query` match, as (start, end) offsets, for highlighting.

    A name word matches when a query word begins it; failing that, a hyphenated part
    ("Tae-yul") matches as a whole when a query word begins its joined form ("taeyul").
    """
    wanted = words(query)
    spans: list[tuple[int, int]] = []
    if not wanted:
        return spans
    for part in re.finditer(r"\S+", name):
        inner = list(_WORD.finditer(part.group()))
        hits = [w for w in inner if any(fold(w.group()).startswith(q) for q in wanted)]
        if not hits and inner and any("".join(words(part.group())).startswith(q) for q in wanted):
            hits = [inner[0], inner[-1]]
            spans.append((part.start() + hits[0].start(), part.start() + hits[-1].end()))
            continue
        spans += [(part.start() + w.start(), part.start() + w.end()) for w in hits]
    return spans


def found_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where words of `text` begin with the words of `query` (case, accents and apostrophes
    ignored, as the search ignores them, and either of a word's spellings), as (start, end)
    offsets into `text`."""
    wanted = words(query)
    if not wanted:
        return []
    if text.isascii() and "'" not in text and "`" not in text:
        joined, origin = text.casefold(), range(len(text))  # the same length: no map needed
    else:
        folded, positions = [], []
        for at, char in enumerate(text):
            for piece in fold(char):
                folded.append(piece)
                positions.append(at)
        joined, origin = "".join(folded), positions
    spans = []
    for word in (spelled for typed in wanted for spelled in spellings(typed)):
        start = joined.find(word)
        while start >= 0:
            end = start + len(word)
            if start == 0 or not joined[start - 1].isalnum():  # the start of a word
                spans.append((origin[start], origin[end - 1] + 1))
            start = joined.find(word, end)
    merged: list[tuple[int, int]] = []  # one span where a word's two spellings overlap
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
