"""An article's paragraphs, numbered as a reader counts them: lines that hold words."""

from __future__ import annotations

import bisect
import functools


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of an article: each line that holds words, so blank
    lines between paragraphs are not counted ("¶3 of 10" in a ten-paragraph report)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


@functools.lru_cache(maxsize=64)
def _starts(text: str) -> list[int]:
    return [start for start, _ in paragraphs(text)]


def paragraph_of(text: str, offset: int) -> int:
    """The number (from 1) of the paragraph holding `offset`: the last one starting at or
    before it."""
    return max(bisect.bisect_right(_starts(text), offset), 1)
