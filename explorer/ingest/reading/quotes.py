"""Quotation marks as real copy uses them, and the quotations they enclose.

Curly, straight and mixed double quotes; guillemets; two apostrophes for a double quote;
single quotes (headlines quote that way); the same marks escaped as HTML entities, as
copied pages carry them; a quotation running on into the next paragraph; a quotation cut
off by the end of an excerpt. Offsets are the article's own; nothing is rewritten.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

# Each mark: (pattern, can open, can close, double or single).
_MARKS = [
    (r"''", True, True, "double"),
    (r"&quot;|&#34;|&#x22;", True, True, "double"),
    (r"&ldquo;|&#8220;|&#x201[cC];", True, False, "double"),
    (r"&rdquo;|&#8221;|&#x201[dD];", False, True, "double"),
    (r"&#039;|&#39;|&#x27;|&apos;", True, True, "single"),
    (r"&lsquo;|&#8216;", True, False, "single"),
    (r"&rsquo;|&#8217;", False, True, "single"),
    (r"[“„«]", True, False, "double"),
    (r"[”»]", False, True, "double"),
    (r'"', True, True, "double"),
    (r"‘", True, False, "single"),
    (r"’", False, True, "single"),
    (r"'", True, True, "single"),
]
_MARK = re.compile("|".join(f"({pattern})" for pattern, *_ in _MARKS))


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is, and what it may do."""

    start: int
    end: int
    opens: bool
    closes: bool
    kind: str  # "double" or "single"


@dataclass
class Quotation:
    """The words inside a pair of quotation marks, with where the marks are."""

    start: int
    end: int
    paragraph: int
    kind: str
    closed: bool = True
    flags: list[str] = field(default_factory=list)

    @property
    def span(self) -> tuple[int, int]:
        """The words' offsets."""
        return self.start, self.end


def marks_in(text: str, start: int, end: int) -> list[Mark]:
    """Every quotation mark in text[start:end] that can open or close a quotation.

    An apostrophe inside a word ("don't", "Abe’s") is not a mark; a single straight or
    curly quote opens only after a space or the start and before a word character, and
    closes only after a non-space and before a space, punctuation or the end.
    """
    found = []
    for match in _MARK.finditer(text, start, end):
        group = match.lastindex or 1
        _, opens, closes, kind = _MARKS[group - 1]
        s, e = match.span()
        before = text[s - 1] if s > start else " "
        after = text[e] if e < end else " "
        if kind == "single" or match.group() == '"':
            letter_before = before.isalnum()
            letter_after = after.isalnum()
            if kind == "single" and letter_before and letter_after:
                continue  # an apostrophe inside a word
            if kind == "single" and letter_before and after in "s":
                continue
            curly = match.group() == "‘"  # only ever an opening mark, spaced or not
            opens = opens and not letter_before and (curly or not after.isspace())
            closes = closes and not before.isspace() and not letter_after
        elif match.group() == "”" and before.isspace():
            opens = True  # “… reported, ” the words”: a closing mark set to open (or close)
        if opens or closes:
            found.append(Mark(s, e, opens, closes, kind))
    return found


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: each non-blank line, the unit real copy breaks
    paragraphs by, except in copy wrapped at a fixed width (wire copy, e-mail), where a line
    that stops mid-sentence goes on in the next."""
    lines = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    soft = [_soft_break(text, line, following) for line, following in itertools.pairwise(lines)]
    into_lower = sum(
        is_soft and text[following[0]].islower()
        for is_soft, following in zip(soft, lines[1:], strict=True)
    )
    if into_lower < 3 or into_lower < 0.25 * len(lines):
        return lines  # the line breaks are the writer's
    joined = lines[:1]
    for following, is_soft in zip(lines[1:], soft, strict=True):
        if is_soft:
            joined[-1] = (joined[-1][0], following[1])
        else:
            joined.append(following)
    return joined


def _soft_break(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether a line runs on into the next: one line break, after a word or a comma (a
    quotation's closing mark after a comma too: its cue follows)."""
    end = line[1]
    last = text[max(line[0], end - 2) : end]
    return text[end : following[0]].strip(" \t\r") == "\n" and (
        last[-1:].isalnum() or last[-1:] in ",-" or last in {',"', ",”", ",'", ",’"}
    )


def quotations(text: str) -> list[Quotation]:
    """Every quotation in the article, double quotes first, then single ones outside them."""
    spans = paragraphs(text)
    found: list[Quotation] = []
    for number, (start, end) in enumerate(spans):
        marks = marks_in(text, start, end)
        doubles = _pair([m for m in marks if m.kind == "double"], number)
        found += doubles
        taken = [(q.start, q.end if q.closed else end) for q in doubles]
        singles = [
            m for m in marks if m.kind == "single" and not any(s <= m.start < e for s, e in taken)
        ]
        found += [q for q in _pair(singles, number) if _plausible_single(text, q)]
    found.sort(key=lambda q: q.start)
    _mark_open_endings(text, spans, found)
    return [q for q in found if text[q.start : q.end].strip()]


def _pair(marks: list[Mark], paragraph: int) -> list[Quotation]:
    """Pair opening and closing marks in order; one left open runs to the paragraph end."""
    nested = _nested(marks, paragraph)
    if nested is not None:
        return nested
    found, opened = [], None
    for mark in marks:
        if opened is None:
            if mark.opens:
                opened = mark
        elif mark.closes:
            found.append(Quotation(opened.end, mark.start, paragraph, mark.kind))
            opened = None
        elif mark.opens and mark.kind == "double":
            opened = mark  # a stray opening mark: the quotation starts again here
    if opened is not None:
        found.append(Quotation(opened.end, -1, paragraph, opened.kind, closed=False))
    return found


def _nested(marks: list[Mark], paragraph: int) -> list[Quotation] | None:
    """The outer quotations, when the marks nest and balance: “… copies of our “formal
    invitations” via DM …,” with the same marks inside as around. None when they do not
    balance (then a stray opening mark starts the quotation again)."""
    stack: list[Mark] = []
    found, deeper = [], False
    for mark in marks:
        if mark.closes and stack:
            opened = stack.pop()
            if stack:
                deeper = True
            else:
                found.append(Quotation(opened.end, mark.start, paragraph, mark.kind))
        elif mark.opens:
            stack.append(mark)
        else:
            return None
    return found if deeper and not stack else None


def _plausible_single(text: str, quote: Quotation) -> bool:
    """Single quotes enclose a phrase, not a stretch of prose between two apostrophes."""
    if not quote.closed:
        return False
    words = text[quote.start : quote.end].split()
    return 1 <= len(words) <= 40


def _mark_open_endings(text: str, spans: list[tuple[int, int]], found: list[Quotation]) -> None:
    """Close each open quotation at its paragraph's end and say why it has no closing mark."""
    for quote in found:
        if quote.closed:
            continue
        _, paragraph_end = spans[quote.paragraph]
        quote.end = paragraph_end
        following = spans[quote.paragraph + 1] if quote.paragraph + 1 < len(spans) else None
        if following is None and not text[paragraph_end:].strip():
            quote.flags.append("cut: the excerpt ends inside this quotation")
        elif (
            following is not None
            and marks_in(text, *following)[:1]
            and (
                marks_in(text, *following)[0].start == following[0]
                and marks_in(text, *following)[0].opens
            )
        ):
            quote.flags.append("continues in the next paragraph")
        else:
            quote.flags.append("no closing quotation mark")


def mark_ends_at(text: str, position: int) -> bool:
    """Whether an opening quotation mark (or its HTML entity) ends right at `position`."""
    start = max(0, position - 8)
    window = text[start : position + 1]
    return any(m.opens and start + m.end == position for m in marks_in(window, 0, len(window)))


def mark_starts_at(text: str, position: int) -> bool:
    """Whether a closing quotation mark (or its HTML entity) starts right at `position`."""
    start = max(0, position - 1)
    window = text[start : position + 8]
    return any(m.closes and start + m.start == position for m in marks_in(window, 0, len(window)))
