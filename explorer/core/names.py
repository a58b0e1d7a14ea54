"""Matching what a person types against names: case, accents, hyphens and word order ignored."""

from __future__ import annotations

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


# For ASCII text, in one C pass: apostrophes dropped (as `fold` drops them), every other
# character that is not a letter or a digit a space.
_ASCII_SPACED = {
    code: (None if chr(code) in "'`" else " ") for code in range(128) if not chr(code).isalnum()
}


def spaced_words(text: str) -> str:
    """The folded words of `text` each after a space (" india and japan"): a word starting
    with "nat" is where " nat" stands."""
    if text.isascii():
        return " " + text.casefold().translate(_ASCII_SPACED)
    return " " + _SEPARATORS.sub(" ", fold(text))


def name_words(name: str) -> frozenset[str]:
    """The words of a name, plus each hyphenated part joined ("tae-yul" gives "taeyul" too)."""
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
    """

    def __init__(self, names: Iterable[tuple[str, Iterable[str]]]) -> None:
        self._entries = [
            (key, [name_words(name) for name in all_names if name]) for key, all_names in names
        ]
        self._recent: list[tuple[list[str], list[int]]] = []  # (words, positions matched)

    def match(self, query: str) -> list[str]:
        """Keys whose names match `query`, in the order given; none for a query with no
        letters or digits ("", "!!!"): there is nothing in it to match.

        A query that only adds letters or words to one asked lately ("kami" after "kam")
        can match only what that one matched, so only those are looked at again."""
        wanted = words(query)
        if not wanted:
            return []
        pool: Iterable[int] = range(len(self._entries))
        for earlier, found in self._recent:
            if len(earlier) <= len(wanted) and all(
                w.startswith(e) for e, w in zip(earlier, wanted, strict=False)
            ):
                pool = found
                break
        entries = self._entries
        found = [n for n in pool if any(_covers(variant, wanted) for variant in entries[n][1])]
        self._recent = [(wanted, found), *self._recent[:31]]
        return [entries[n][0] for n in found]


def _covers(name: frozenset[str], wanted: list[str]) -> bool:
    return all(any(word.startswith(part) for word in name) for part in wanted)


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
    ignored, as the search ignores them), as (start, end) offsets into `text`."""
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
    for word in wanted:
        start = joined.find(word)
        while start >= 0:
            end = start + len(word)
            if start == 0 or not joined[start - 1].isalnum():  # the start of a word
                spans.append((origin[start], origin[end - 1] + 1))
            start = joined.find(word, end)
    return sorted(spans)
