"""A statement with its citation, as a writer pastes it: the words exactly as the article has
them, who said them and how, where and when (with how precise the date is), and the source —
outlet, title, publication date, address, paragraph. Plain text or Markdown; the terminal
app's `y`/`Y` and `explorer cite` give the same."""

from __future__ import annotations

from explorer.core.dates import date_label
from explorer.core.model import DateSpan, Statement
from explorer.core.query import Index
from explorer.core.safe import visible_controls
from explorer.core.text import paragraph_of

PRECISION_WORDS = {
    "day": "on that day",
    "span": "over those days",
    "within": "on a day in that range; the report does not say which",
}


def when(span: DateSpan) -> str:
    """A date with its precision, saying whether the year is inferred."""
    label = date_label(span).removesuffix(" (year inferred)")
    notes = [PRECISION_WORDS.get(span.precision, span.precision)]
    if "year" in span.inferred:
        notes.append("the year is inferred, the report does not give it")
    return f"{label} ({'; '.join(notes)})"


def place_of(index: Index, statement: Statement) -> str:
    """Where the words were said: "Tokyo, Japan", "Japan", or "" when not known."""
    country = index.statement_country(statement)
    leg = index.statement_leg(statement)
    places = ((leg.city if leg else None), country.name if country else None)
    return ", ".join(p for p in places if p)


def _who(index: Index, statement: Statement) -> tuple[str, str]:
    """The speakers, and how, where and when they spoke: ("Kamikawa Yoko", "said in Tokyo,
    Japan, during Mar 6–8, 2024 (…)")."""
    speakers = " & ".join(index.speaker_names(statement))
    how = statement.verb or ("reported" if statement.kind == "reported" else "said")
    where = place_of(index, statement)
    place = f" in {where}" if where else ""
    if where and "leg" in statement.inferred:
        place += " (inferred)"
    event = index.events.get(statement.event) if statement.event else None
    at = f", at {event.title}" if event else ""
    if event and "event" in statement.inferred:
        at += " (inferred: the report does not say so in as many words)"
    dates = index.statement_dates(statement)
    date = f", {when(dates)}" if dates else ", date not given"
    return speakers, f"{how}{place}{at}{date}"


def source_parts(index: Index, statement: Statement) -> dict[str, str]:
    """The source's particulars, each saying so when the dataset does not know it."""
    source = index.sources[statement.quote.source]
    return {
        "outlet": source.outlet or "outlet unknown",
        "title": source.title,
        "title_note": "" if index.titled[source.id] else " (title given by the annotator)",
        "published": source.published.isoformat() if source.published else "date unknown",
        "url": source.url or "address unknown",
        "paragraph": f"paragraph {paragraph_of(source.text, statement.quote.start)}",
        "article": source.id,
    }


def citation(index: Index, statement: Statement, style: str = "text") -> str:
    """The statement and its citation, in "text" or "md" (Markdown)."""
    words = statement.text
    parts = source_parts(index, statement)
    speakers, spoke = _who(index, statement)
    if style == "md":
        quoted = "\n".join(f"> {_md(line)}" if line else ">" for line in words.split("\n"))
        if statement.kind == "reported":
            quoted += "\n>\n> *(the report's words, not a quotation)*"
        url = parts["url"]
        link = f"<{url}>" if url.startswith(("http://", "https://")) else _md(url)
        source = (
            f"{_md(parts['outlet'])}, *{_md(parts['title'])}*{parts['title_note']}, "
            f"{parts['published']}, {link}, "
            f"{parts['paragraph']}"
        )
        return f"{quoted}\n\n— **{_md(speakers)}**, {_md(spoke)}\n\nSource: {source}\n"
    quoted = f"“{words}”" if statement.kind == "direct" else f"{words} (reported)"
    source = (
        f"{parts['outlet']}, “{parts['title']}”{parts['title_note']}, {parts['published']}, "
        f"{parts['url']}, "
        f"{parts['paragraph']}"
    )
    return f"{quoted}\n— {speakers}, {spoke}\nSource: {source}\n"


def _md(text: str) -> str:
    """Text made literal in Markdown: its markup characters escaped."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>#|" else c for c in text)


EXPORT_COLUMNS = [
    "id", "speakers", "kind", "verb", "text", "date", "date_start", "date_end",
    "date_precision", "year_inferred",
    "place", "event", "outlet", "title", "published", "url", "paragraph", "article", "start",
    "end", "citation",
]  # fmt: skip


def export_csv(index: Index, statements: list[Statement]) -> str:
    """The statements as CSV, one a row, each with its whole citation in the last column."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    rows = []
    for statement in statements:
        parts = source_parts(index, statement)
        source = index.sources[statement.quote.source]
        dates = index.statement_dates(statement)
        place = place_of(index, statement)
        event = index.events.get(statement.event) if statement.event else None
        rows.append(
            [
                statement.id, "; ".join(index.speaker_names(statement)), statement.kind,
                statement.verb or "", statement.text, date_label(dates) if dates else "",
                dates.start.isoformat() if dates else "", dates.end.isoformat() if dates else "",
                dates.precision if dates else "", "year" in dates.inferred if dates else "",
                place, event.title if event else "", source.outlet or "", source.title,
                source.published.isoformat() if source.published else "", source.url or "",
                parts["paragraph"].removeprefix("paragraph "), source.id, statement.quote.start,
                statement.quote.end, citation(index, statement).strip(),
            ]
        )  # fmt: skip
    # Exact, but for the control characters a terminal would act on, shown as symbols.
    writer.writerows([[visible_controls(str(v)) for v in row] for row in rows])
    return out.getvalue()


def export_markdown(index: Index, statements: list[Statement], heading: str) -> str:
    """The statements as a Markdown document: a heading saying what was chosen, then each
    statement with its citation."""
    blocks = [f"# {_md(heading)}", f"{len(statements)} statement{'s' * (len(statements) != 1)}"]
    blocks += [visible_controls(citation(index, s, "md").strip()) for s in statements]
    return "\n\n---\n\n".join(blocks[1:]).join([blocks[0] + "\n\n", "\n"])
