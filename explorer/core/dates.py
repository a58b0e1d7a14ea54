"""Words for dates that keep their precision: a day, a span, or a day within a range."""

from __future__ import annotations

import datetime as dt

from explorer.core.model import DateSpan


def _day(date: dt.date) -> str:
    return f"{date:%b} {date.day}"


def range_label(span: DateSpan) -> str:
    """The days without the year: "Mar 5", "Mar 5–6", "Mar 30 – Apr 2"."""
    start, end = span.start, span.end
    if start == end:
        return _day(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{_day(start)}–{end.day}"
    return f"{_day(start)} – {_day(end)}"


def year_label(span: DateSpan) -> str:
    """The year, saying when it is inferred: "2024" or "2024 (year inferred)"."""
    years = str(span.start.year)
    if span.end.year != span.start.year:
        years = f"{span.start.year}–{span.end.year}"
    return f"{years} (year inferred)" if "year" in span.inferred else years


def date_label(span: DateSpan) -> str:
    """The whole date with its precision: "during Mar 6–8, 2024 (year inferred)"."""
    prefix = "during " if span.precision == "within" and span.start != span.end else ""
    return f"{prefix}{range_label(span)}, {year_label(span)}"


def date_json(span: DateSpan | None) -> dict | None:
    """A date for `--json` output: ISO start and end, precision, and a readable label."""
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
        "year_inferred": "year" in span.inferred,
        "label": date_label(span),
    }


def short_label(span: DateSpan) -> str:
    """Days only, for narrow columns: "Mar 5", "Mar 5–6", or "~Mar 5–6" for a day within."""
    prefix = "~" if span.precision == "within" and span.start != span.end else ""
    return prefix + range_label(span)
