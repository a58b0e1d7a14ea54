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
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from explorer.core.dates import short_label
from explorer.core.model import Statement
from explorer.core.names import found_spans, match_spans
from explorer.core.query import Index
from explorer.core.safe import safe_text
from explorer.tui.widgets.vim import LINE_KEYS

# The list always keeps room for its scrollbar, so its columns line up with the header's.
SCROLLBAR_WIDTH = 1


@dataclass(frozen=True)
class Columns:
    """Column widths for a given list width: the words get the most and grow with it; the
    speaker gets about a fifth; a narrow list drops the place, then the date."""

    speaker: int
    kind: int
    where: int
    when: int
    words: int

    TITLES = ("Speaker", "Kind", "Where", "When", "Words")
    KEYS = ("speaker", "kind", "place", "date", None)  # what clicking a title sorts by

    @classmethod
    def fit(cls, width: int) -> Columns:
        """Share `width` out (the cursor mark and a space between columns taken first)."""
        usable = max(width - 2, 10)
        speaker = min(24, max(10, usable // 5))
        kind = 4
        when = 8 if usable >= 50 else 0
        where = 11 if usable >= 90 else 0
        gaps = 2 + (1 if when else 0) + (1 if where else 0)
        words = usable - speaker - kind - where - when - gaps
        return cls(speaker, kind, where, when, max(words, 1))

    def header(self, sort: str = "", reverse: bool = False) -> Text:
        """The column titles, aligned with the rows; the sorted one marked ▲ or ▼."""
        text = Text("  ", "bold")
        for (title, width), key in zip(self.cells(*self.TITLES), self._keys(), strict=True):
            mark = ("▼" if reverse else "▲") if key and key == sort else ""
            title = title[: width - len(mark)]  # a narrow column keeps its mark: "Kin▲"
            text.append((title + mark).ljust(width) + " ", "bold")
        return text

    def _keys(self) -> list[str | None]:
        widths = (self.speaker, self.kind, self.where, self.when, self.words)
        return [key for key, width in zip(self.KEYS, widths, strict=True) if width]

    def key_at(self, x: int) -> str | None:
        """What the column at cell `x` of the header sorts by."""
        at = 2
        for (_, width), key in zip(self.cells(*self.TITLES), self._keys(), strict=True):
            if at <= x < at + width + 1:
                return key
            at += width + 1
        return None

    def cells(self, *values):
        """Pair each shown column's value with its width, skipping dropped columns."""
        widths = (self.speaker, self.kind, self.where, self.when, self.words)
        return [(value, width) for value, width in zip(values, widths, strict=True) if width]


class QuoteHeader(Widget):
    """The column titles above a QuoteList, laid out for the same width; a click on one
    sorts by it (again: the other way)."""

    DEFAULT_CSS = "QuoteHeader { height: 1; }"
    sort: reactive[tuple[str, bool]] = reactive(("", False))

    class SortClicked(Message):
        """A click on the title of a column that sorts."""

        def __init__(self, key: str) -> None:
            self.key = key
            super().__init__()

    def render(self) -> Text:
        return Columns.fit(self.size.width - SCROLLBAR_WIDTH).header(*self.sort)

    def on_click(self, event: events.Click) -> None:
        key = Columns.fit(self.size.width - SCROLLBAR_WIDTH).key_at(event.x)
        if key is not None:
            self.post_message(self.SortClicked(key))


class QuoteList(ScrollView, can_focus=True):
    """Statements as rows: speaker, kind, place, days and words; the cursor row is marked ▶.

    In reading mode each statement is shown whole, wrapped, under a line saying who spoke,
    where and when. Only the statements on screen are wrapped: the page starts at `top` and
    follows the cursor, so the mode costs the same at a hundred thousand statements.
    """

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
    reading: reactive[bool] = reactive(False, init=False)
    # A search changes how many rows there are, which only the scrollbar needs to know; a
    # widget's virtual size asks for a layout of the whole screen (one a keystroke). The
    # list tells its scrollbar itself (`_size_for_mode`).
    virtual_size = Reactive(Size(0, 0), repaint=True)

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
        self.top = 0  # reading mode: the first statement on the page
        self._lines: LRUCache[tuple, Strip] = LRUCache(1024)
        self._page: tuple[tuple, list[tuple[Strip, int]]] | None = None

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
        self._page = None
        self._size_for_mode()
        position = self.index.place_in(rows, previous) or 0
        if position == self.cursor:
            self.post_message(self.Highlighted(self.current))
        self.cursor = position
        self.top = min(self.top, self.cursor)
        self.scroll_to_cursor()
        self.refresh()

    def _size_for_mode(self) -> None:
        """One virtual line a row; in reading mode no scrolling at all (the page follows
        the cursor, and the scrollbar says nothing)."""
        width = self.scrollable_content_region.width
        height = 0 if self.reading else len(self.rows)
        self.virtual_size = Size(width, height)
        self._scroll_update(self.virtual_size)  # (a scrollbar shown or hidden lays out again)

    def watch_reading(self) -> None:
        self.top = self.cursor
        self._page = None
        self._size_for_mode()
        self.scroll_to(y=0, animate=False, force=True)
        self.scroll_to_cursor()
        self.refresh()

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self, old: int, new: int) -> None:
        if self.reading:
            self._page = None
            self.refresh()
        else:
            self.refresh_row(old)
            self.refresh_row(new)
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(self.current))

    def refresh_row(self, row: int) -> None:
        """Redraw one row."""
        self.refresh(Region(0, row - int(self.scroll_offset.y), self.size.width, 1))

    def scroll_to_cursor(self) -> None:
        """Keep the cursor row in view (in reading mode: move the page to it)."""
        if self.reading:
            self._follow_cursor()
            return
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True)

    def _follow_cursor(self) -> None:
        """Start the page at the cursor if it is above it, or late enough that the cursor's
        statement ends on the page."""
        if self.cursor < self.top or not self.rows:
            self.top = self.cursor
            return
        height = max(self.scrollable_content_region.height, 1)
        width = self.scrollable_content_region.width
        # Up from the cursor while the page has room, never above the page's start: a page's
        # worth of statements is looked at, however far the cursor jumped (G at 100,000
        # statements measured every one from the top: minutes without an answer).
        top, used = self.cursor, len(self._block(self.rows[self.cursor], self.cursor, width))
        while top > self.top:
            above = len(self._block(self.rows[top - 1], top - 1, width))
            if used + above > height:
                break
            top, used = top - 1, used + above
        self.top = top

    def on_resize(self) -> None:
        self._lines.clear()
        self._page = None
        self._size_for_mode()
        if self.reading:
            self._follow_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._page = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if self.reading:
            page = self._reading_page(width)
            return page[y][0] if y < len(page) else Strip.blank(width, self.rich_style)
        row = y + int(self.scroll_offset.y)
        base = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, base)
        is_cursor = row == self.cursor
        key = (row, width, is_cursor, self.query_text, self.has_focus)
        strip = self._lines.get(key)
        if strip is None:
            text = self.row_text(self.rows[row], is_cursor, row)
            cursor_style = self.get_component_rich_style("quote-list--cursor")
            style = base + (cursor_style if is_cursor else Style())
            segments = list(text.render(self.app.console))
            strip = Strip(segments).adjust_cell_length(width).apply_style(style)
            self._lines[key] = strip
        return strip

    def _reading_page(self, width: int) -> list[tuple[Strip, int]]:
        """The lines on screen in reading mode, each with the row it belongs to."""
        height = self.scrollable_content_region.height
        key = (self.top, self.cursor, width, height, self.query_text, self.has_focus)
        if self._page is not None and self._page[0] == key:
            return self._page[1]
        lines: list[tuple[Strip, int]] = []
        row = self.top
        while len(lines) < height and row < len(self.rows):
            lines += [(strip, row) for strip in self._block(self.rows[row], row, width)]
            row += 1
        self._page = (key, lines)
        return lines

    def _block(self, statement: Statement, row: int, width: int) -> list[Strip]:
        """One statement in reading mode: who, kind, where and when, then the whole words
        wrapped under it, then a blank line."""
        is_cursor = row == self.cursor
        key = ("block", row, width, is_cursor, self.query_text, self.has_focus)
        cached = self._lines.get(key)
        if cached is not None:
            return cached  # type: ignore[return-value]
        console = self.app.console
        base = self.rich_style
        head = Text("▶ " if is_cursor else "  ")
        head.append_text(self._speaker(statement))
        head.append("  ")
        head.append_text(self._kind(statement, long=True))
        country = self.index.statement_country(statement)
        dates = self.index.statement_dates(statement)
        for part in (
            safe_text(country.name) if country else None,
            short_label(dates) if dates else None,
        ):
            if part:
                head.append(f"  ·  {part}", "dim")
        head.truncate(width, overflow="ellipsis")
        cursor_style = self.get_component_rich_style("quote-list--cursor")
        strips = [
            Strip(list(head.render(console)))
            .adjust_cell_length(width)
            .apply_style(base + (cursor_style if is_cursor else Style()))
        ]
        words = self._words(statement, single_line=False)
        for line in words.wrap(console, max(width - 4, 1)):
            indented = Text("    ")
            indented.append_text(line)
            strips.append(
                Strip(list(indented.render(console))).adjust_cell_length(width).apply_style(base)
            )
        strips.append(Strip.blank(width, base))
        self._lines[key] = strips  # type: ignore[assignment]
        return strips

    def _speaker(self, statement: Statement) -> Text:
        """The speakers, those the search names first: a narrow column shows the first."""
        names = self.index.speaker_names(statement)
        if self.query_text and len(names) > 1:
            names = sorted(names, key=lambda name: not match_spans(name, self.query_text))
        speaker = Text(safe_text(" & ".join(names)))
        match_style = self.get_component_rich_style("quote-list--match")
        for start, end in match_spans(speaker.plain, self.query_text):
            speaker.stylize(match_style, start, end)
        return speaker

    def _kind(self, statement: Statement, long: bool = False) -> Text:
        direct = statement.kind == "direct"
        kind_class = "quote-list--direct" if direct else "quote-list--reported"
        label = ("direct" if direct else "reported") if long else ("dir" if direct else "rep")
        return Text(label, self.get_component_rich_style(kind_class))

    def _words(self, statement: Statement, single_line: bool = True) -> Text:
        """The words, in quotation marks if quoted, with what the search found marked."""
        direct = statement.kind == "direct"
        text = safe_text(statement.text, single_line=single_line)
        words = Text(f"“{text}”" if direct else text)
        if self.query_text:
            match_style = self.get_component_rich_style("quote-list--match")
            shift = 1 if direct else 0
            for start, end in found_spans(text, self.query_text):
                words.stylize(match_style, start + shift, end + shift)
        return words

    def row_text(self, statement: Statement, is_cursor: bool, row: int | None = None) -> Text:
        """One row: cursor mark, speaker (matches highlighted), kind, place, days, words."""
        columns = self.columns
        index = self.index
        country = index.statement_country(statement)
        dates = index.statement_dates(statement)
        text = Text("▶ " if is_cursor else "  ")
        cells = columns.cells(
            self._speaker(statement),
            self._kind(statement),
            Text(safe_text(country.name) if country else "—"),
            Text(short_label(dates) if dates else "—"),
            self._words(statement),
        )
        for cell, width in cells:
            cell.truncate(width, overflow="ellipsis", pad=True)
            text.append_text(cell)
            text.append(" ")
        return text

    def _page_rows(self) -> int:
        """How many statements a page holds: rows, or in reading mode the blocks shown."""
        if not self.reading:
            return max(self.scrollable_content_region.height - 1, 1)
        page = self._reading_page(self.scrollable_content_region.width)
        return max(len({row for _, row in page}) - 1, 1)

    def action_line(self, delta: int) -> None:
        """Move the cursor by `delta` rows."""
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        """Move the cursor by a page."""
        self.cursor += direction * self._page_rows()

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
        if self.reading:
            page = self._reading_page(self.scrollable_content_region.width)
            row = page[offset.y][1] if 0 <= offset.y < len(page) else -1
        else:
            row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.rows):
            self.cursor = row
            if event.chain >= 2:
                self.action_source()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        if self.reading:
            event.stop()
            self.cursor += 1

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        if self.reading:
            event.stop()
            self.cursor -= 1

    def on_focus(self) -> None:
        self._page = None
        self.refresh()

    def on_blur(self) -> None:
        self._page = None
        self.refresh()
