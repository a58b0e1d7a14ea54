"""An article as the rules read it: paragraphs, page furniture, sentences and tokens.

Offsets always count into the article as received; nothing is rewritten.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from explorer.ingest.reading.lexicon import FURNITURE_MARKS, FURNITURE_OPENINGS
from explorer.ingest.reading.quotes import Quotation, paragraphs, quotations

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st gen col lt sen rep gov jr sr no vs etc inc ltd co corp dept prof
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m fig
    mt ft rev hon capt maj sgt adm cmdr
    """.split()
)
WORD = re.compile(r"[^\W_](?:[\w’'.\-&]*[^\W_])?|[^\w\s]", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?]+[”\"’']?(?=\s+[“\"‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a punctuation mark, with its offsets; `Q` stands for a whole quotation."""

    text: str
    start: int
    end: int
    quote: Quotation | None = None
    lower: str = field(init=False, repr=False, compare=False)  # lower case, no possessive

    def __post_init__(self) -> None:
        word = self.text.lower()  # asked of every token many times: computed once
        object.__setattr__(self, "lower", word[:-2] if word.endswith(("’s", "'s")) else word)

    @property
    def capitalised(self) -> bool:
        """Whether it begins with a capital letter."""
        return self.text[:1].isupper()

    @property
    def possessive(self) -> bool:
        """Whether it ends in ’s or 's."""
        return self.text.endswith(("’s", "'s"))


@dataclass
class Sentence:
    """A sentence: its span, its paragraph, and its tokens with each quotation as one token."""

    start: int
    end: int
    paragraph: int
    tokens: list[Token] = field(default_factory=list)


class Article:
    """One article's text and the structure the rules need, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.quotes = quotations(text)
        self._quote_starts = [q.start for q in self.quotes]
        self.paragraph_starts = [start for start, _ in self.paragraphs]

    @cached_property
    def furniture(self) -> set[int]:
        """The paragraphs that are page furniture: bylines, captions, credits, menus."""
        found = set()
        seen: dict[str, int] = {}
        for number, (start, end) in enumerate(self.paragraphs):
            line = self.text[start:end].strip()
            lower = line.lower()
            if lower.startswith(FURNITURE_OPENINGS) or any(m in lower for m in FURNITURE_MARKS):
                found.add(number)
            elif re.match(r"^[-—–•]\s*\S.*\(@?\w+\)\s+\w+ \d", line):
                found.add(number)  # the signature under an embedded post
            if line in seen:  # a caption printed twice
                found.update({seen[line], number})
            seen.setdefault(line, number)
        for number in sorted(found):  # the caption a credit line stands under
            if number and self._credit(number) and self._caption(number - 1):
                found.add(number - 1)
        return found

    def _credit(self, number: int) -> bool:
        start, end = self.paragraphs[number]
        return self.text[start:end].strip().lower().startswith(("credit:", "photo:", "picture:"))

    def _caption(self, number: int) -> bool:
        """A short line with no quotation: what a caption looks like."""
        start, end = self.paragraphs[number]
        line = self.text[start:end]
        return len(line.split()) <= 40 and not any(m in line for m in '"“”«»')

    def is_headline(self, paragraph: int) -> bool:
        """A short line without a full stop at its end: a headline, a label or a link."""
        start, end = self.paragraphs[paragraph]
        if end - start > 400:
            return False
        line = self.text[start:end].strip().rstrip("”\"’'")
        return len(line.split()) <= 25 and not re.search(r"[.!?:]$", line)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """Every sentence, never split inside a quotation or after an abbreviation."""
        found = []
        for number, (start, end) in enumerate(self.paragraphs):
            for s, e in self._split(start, end):
                sentence = Sentence(s, e, number)
                sentence.tokens = self.tokens(s, e)
                found.append(sentence)
        return found

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, position: int) -> Sentence | None:
        """The sentence holding `position`."""
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        if index >= 0 and position < self.sentences[index].end:
            return self.sentences[index]
        return None

    def quotes_between(self, start: int, end: int) -> list[Quotation]:
        """The quotations that begin within start..end, in order."""
        first = bisect.bisect_left(self._quote_starts, start)
        last = bisect.bisect_left(self._quote_starts, end)
        return self.quotes[first:last]

    def _split(self, start: int, end: int) -> list[tuple[int, int]]:
        inside = self.quotes_between(start, end)
        starts = [q.start for q in inside]
        spans, begin = [], start
        for match in SENTENCE_END.finditer(self.text, start, end):
            if match.start() < begin:
                continue
            at = match.start()
            # A full stop just inside a closing mark ends the sentence: "…end.” Obama said".
            holder = bisect.bisect_right(starts, at) - 1
            if holder >= 0:
                quote_end = inside[holder].end
                if at < quote_end - 1 or (
                    at == quote_end - 1 and not match.group().endswith(("”", '"', "’", "'"))
                ):
                    continue
            word = re.search(r"([\w.]+)\.$", self.text[max(begin, at - 40) : at + 1])
            if word and (
                word.group(1).lower() in ABBREVIATIONS
                or len(word.group(1)) == 1
                or re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", word.group(1))  # "A.K. Antony"
            ):
                continue
            spans.append((begin, match.end()))
            begin = match.end()
            while begin < end and self.text[begin].isspace():
                begin += 1
        if begin < end:
            spans.append((begin, end))
        return spans

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of text[start:end]; each quotation (with its marks) is one token."""
        found: list[Token] = []
        at = start
        first = max(bisect.bisect_left(self._quote_starts, start) - 1, 0)
        for quote in self.quotes[first : bisect.bisect_left(self._quote_starts, end)]:
            if quote.end <= start or quote.start >= end:
                continue
            open_at = _mark_start(self.text, quote.start)
            found += _words(self.text, at, max(open_at, at))
            close_at = _mark_end(self.text, quote.end)
            found.append(Token("Q", max(open_at, start), min(close_at, end), quote))
            at = min(close_at, end)
        found += _words(self.text, at, end)
        return found


def _words(text: str, start: int, end: int) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text, start, end)]


def _mark_start(text: str, quote_start: int) -> int:
    """Where the opening mark before a quotation begins (entities are several characters)."""
    entity = re.search(r"&[#\w]+;$|''$", text[max(0, quote_start - 8) : quote_start])
    return quote_start - (len(entity.group()) if entity else 1)


def _mark_end(text: str, quote_end: int) -> int:
    """Where the closing mark after a quotation ends (or the quotation's end, if none)."""
    entity = re.match(r"&[#\w]+;|''", text[quote_end : quote_end + 8])
    if entity:
        return quote_end + len(entity.group())
    if quote_end < len(text) and text[quote_end] in "”»\"’'":
        return quote_end + 1
    return quote_end


def words_of(article: Article, quote: Quotation) -> list[Token]:
    """The tokens of the words inside a quotation."""
    return _words(article.text, quote.start, quote.end)


class Spans:
    """Non-overlapping spans in order, asked in O(log n) whether they hold a position."""

    def __init__(self, spans=()) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]

    def holds(self, position: int) -> bool:
        """Whether some span has start <= position < end."""
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and position < self.ends[at]
