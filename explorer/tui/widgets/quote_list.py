"""A virtual list of statements: one line a row, drawn only when visible, so it scales."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from explorer.core.dates import short_label
from explorer.core.model import Statement
from explorer.core.names import match_spans
from explorer.core.query import Index
from explorer.core.safe import safe_text
from explorer.tui.widgets.vim import LINE_KEYS

# The list always keeps room for its scrollbar, so its columns line up with the header's.
SCROLLBAR_WIDTH = 1


@dataclass(frozen=True)
class Columns:
    """Column widths for a given list width; narrow lists drop the place and the date."""

    speaker: int
    kind: int
    where: int
    when: int
    words: int

    @classmethod
    def fit(cls, width: int) -> Columns:
        """Share `width` out, keeping the words column at least 20 wide where possible."""
        usable = max(width - 2, 10)  # the cursor mark and its space
        speaker = min(18, max(10, usable // 4))
        kind = 8
        where, when = (11, 8) if usable - speaker - kind - 19 >= 16 else (0, 0)
        words = usable - speaker - kind - where - when - (4 if where else 2)
        return cls(speaker, kind, where, when, max(words, 1))

    def header(self) -> Text:
        """The column titles, aligned with the rows."""
        text = Text("  ", "bold")
        for title, width in self.cells("Speaker", "Kind", "Where", "When", "Words"):
            text.append(title.ljust(width)[:width] + " ", "bold")
        return text

    def cells(self, *values):
        """Pair each shown column's value with its width, skipping dropped columns."""
        widths = (self.speaker, self.kind, self.where, self.when, self.words)
        return [(value, width) for value, width in zip(values, widths, strict=True) if width]


class QuoteHeader(Widget):
    """The column titles above a QuoteList, laid out for the same width."""

    DEFAULT_CSS = "QuoteHeader { height: 1; }"

    def render(self) -> Text:
        return Columns.fit(self.size.width - SCROLLBAR_WIDTH).header()


class QuoteList(ScrollView, can_focus=True):
    """Statements as rows: speaker, kind, place, days and words; the cursor row is marked ▶."""

    DEFAULT_CSS = f"""
    QuoteList {{
        scrollbar-gutter: stable;
        scrollbar-size-vertical: {SCROLLBAR_WIDTH};
        overflow-x: hidden;
    }}
    """
    COMPONENT_CLASSES = {
        "quote-list--cursor",
        "quote-list--match",
        "quote-list--direct",
        "quote-list--reported",
    }
    BINDINGS = [
        Binding(
            "enter", "source", "Source", tooltip="Show the sentence in the article", id="source"
        ),
        Binding("s", "source", "Source", show=False, id="source-s"),
        *LINE_KEYS,
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Highlighted(Message):
        """The cursor moved to a statement (None when the list is empty)."""

        def __init__(self, statement: Statement | None) -> None:
            self.statement = statement
            super().__init__()

    class SourceRequested(Message):
        """Enter or s on a statement."""

        def __init__(self, statement: Statement) -> None:
            self.statement = statement
            super().__init__()

    def __init__(self, index: Index, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.rows: list[Statement] = []
        self.query_text = ""
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)

    @property
    def columns(self) -> Columns:
        """The columns for the current width."""
        return Columns.fit(self.scrollable_content_region.width)

    @property
    def current(self) -> Statement | None:
        """The statement under the cursor."""
        return self.rows[self.cursor] if self.rows else None

    def show(self, rows: list[Statement], query_text: str = "") -> None:
        """Replace the rows; keep the cursor on the same statement if it is still there."""
        previous = self.current
        self.rows = rows
        self.query_text = query_text
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        position = next((n for n, row in enumerate(rows) if row is previous), 0)
        if position == self.cursor:
            self.post_message(self.Highlighted(self.current))
        self.cursor = position
        self.scroll_to_cursor()
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_row(old)
        self.refresh_row(new)
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(self.current))

    def refresh_row(self, row: int) -> None:
        """Redraw one row."""
        self.refresh(Region(0, row - int(self.scroll_offset.y), self.size.width, 1))

    def scroll_to_cursor(self) -> None:
        """Keep the cursor row in view."""
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True)

    def on_resize(self) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()

    def render_line(self, y: int) -> Strip:
        row = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, base)
        is_cursor = row == self.cursor
        key = (row, width, is_cursor, self.query_text, self.has_focus)
        strip = self._lines.get(key)
        if strip is None:
            text = self.row_text(self.rows[row], is_cursor)
            cursor_style = self.get_component_rich_style("quote-list--cursor")
            style = base + (cursor_style if is_cursor else Style())
            segments = list(text.render(self.app.console))
            strip = Strip(segments).adjust_cell_length(width).apply_style(style)
            self._lines[key] = strip
        return strip

    def row_text(self, statement: Statement, is_cursor: bool) -> Text:
        """One row: cursor mark, speaker (matches highlighted), kind, place, days, words."""
        columns = self.columns
        index = self.index
        speaker = Text(safe_text(" & ".join(index.speaker_names(statement))))
        match_style = self.get_component_rich_style("quote-list--match")
        for start, end in match_spans(speaker.plain, self.query_text):
            speaker.stylize(match_style, start, end)
        direct = statement.kind == "direct"
        kind_class = "quote-list--direct" if direct else "quote-list--reported"
        kind = Text("“direct”" if direct else "reported", self.get_component_rich_style(kind_class))
        country = index.statement_country(statement)
        dates = index.statement_dates(statement)
        words = Text(safe_text(f"“{statement.text}”" if direct else statement.text))
        text = Text("▶ " if is_cursor else "  ")
        cells = columns.cells(
            speaker,
            kind,
            Text(safe_text(country.name) if country else "—"),
            Text(short_label(dates) if dates else "—"),
            words,
        )
        for cell, width in cells:
            cell.truncate(width, overflow="ellipsis", pad=True)
            text.append_text(cell)
            text.append(" ")
        return text

    def action_line(self, delta: int) -> None:
        """Move the cursor by `delta` rows."""
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        """Move the cursor by a page."""
        self.cursor += direction * max(self.scrollable_content_region.height - 1, 1)

    def action_edge(self, row: int) -> None:
        """Move the cursor to the first (0) or last (-1) row."""
        self.cursor = len(self.rows) - 1 if row < 0 else row

    def action_source(self) -> None:
        """Ask for the article's words behind the statement under the cursor."""
        if self.current is not None:
            self.post_message(self.SourceRequested(self.current))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row; a double click opens its source."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_source()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
