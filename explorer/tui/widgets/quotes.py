"""The Quotes pane: statements narrowed by the screen's choice and searched by speaker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Static

from explorer.core.dates import date_label
from explorer.core.model import Statement
from explorer.core.names import match_spans, words
from explorer.core.query import Filter
from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.messages import SourceWanted
from explorer.tui.widgets.pane import Pane
from explorer.tui.widgets.quote_list import QuoteHeader, QuoteList


class SearchBox(Input):
    """The speaker search: filters as you type; Escape clears it and returns to the list."""

    BINDINGS = [
        Binding(
            "escape",
            "done(True)",
            "Clear search",
            tooltip="Clear and go back to the list",
            id="clear-search",
        ),
        Binding("down", "done(False)", "To list", show=False, id="to-list"),
    ]

    def __init__(self, on_change: Callable[[], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.on_change = on_change

    def watch_value(self) -> None:
        # Called at once rather than through a Changed message, so that the list is
        # redrawn in the same frame as the box: a keystroke costs one frame, not two.
        self.on_change()

    def action_done(self, clear: bool) -> None:
        """Leave the box for the list, clearing it first when asked."""
        if clear:
            self.value = ""
        self.post_message(self.Submitted(self, self.value))


class QuotesPane(Pane):
    """Quotations and reported statements with speaker, place and date."""

    BORDER_TITLE = "Quotes"
    _base_count: tuple[Filter, int] | None = None
    BINDINGS = [
        Binding(
            "slash",
            "search",
            "Search speaker",
            tooltip="Filter by speaker name",
            id="search-quotes",
        )
    ]

    def compose(self) -> ComposeResult:
        self.search_box = SearchBox(
            self.refill, placeholder="/ speaker: surname, given name, any order", id="quote-search"
        )
        self.count = Static(id="quote-count")
        self.quote_list = QuoteList(self.index, id="quote-list")
        self.preview_box = Static(id="quote-preview")
        with Horizontal(id="quote-search-row"):
            yield self.search_box
            yield self.count
        yield QuoteHeader()
        yield self.quote_list
        yield self.preview_box

    @property
    def primary(self) -> Widget:
        return self.quote_list

    @on(Input.Submitted, "#quote-search")
    def search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.quote_list.focus()

    def search(self, text: str) -> None:
        """Put `text` in the search box (the list follows) and focus the list.

        The text comes from the dataset (a speaker's name chosen in the palette): made safe,
        as everything from the data is, before it reaches a widget that writes it out raw.
        """
        self.search_box.value = safe_text(text)
        self.quote_list.focus()

    def refill(self) -> None:
        """Show the statements for the current choice and speaker search."""
        base = self.views.filter_for(self.selection)
        query = self.search_box.value
        flt = base
        if query.strip():
            flt = replace(base, speakers=frozenset(self.index.speaker_matcher.match(query)))
        rows = self.index.select(flt)
        if self._base_count is None or self._base_count[0] != base:  # M of "N of M"
            total = len(rows) if flt is base else len(self.index.select(base))
            self._base_count = (base, total)
        count = Text(f"{len(rows)} of {self._base_count[1]}", "bold" if query.strip() else "")
        # Fixed sizes: updating these on every keystroke needs no new layout.
        self.count.update(count, layout=False)
        self.quote_list.show(rows, query)

    @on(QuoteList.Highlighted)
    def preview(self, event: QuoteList.Highlighted) -> None:
        """Show the whole of the highlighted statement below the list."""
        event.stop()
        preview = self.preview_box
        if event.statement is None:
            query = self.search_box.value
            message = "No statements." if not query.strip() else "No statements match."
            if query.strip() and not words(query):
                message = "The search has no letters or digits to match."
            preview.update(Text(message, "italic"), layout=False)
            return
        preview.update(self.fit(self.describe(event.statement), preview), layout=False)

    def fit(self, text: Text, preview: Static) -> Text:
        """Cut a long preview to the lines the box holds, saying where the rest is."""
        width, height = preview.content_size
        if width <= 0 or height <= 0:
            return text
        lines = text.wrap(self.app.console, width)
        if len(lines) <= height:
            return text
        kept = Text("\n").join(lines[: height - 1])
        kept.append("\n… more: Enter shows it in the article", "italic dim")
        return kept

    def describe(self, statement: Statement) -> Text:
        """Who said it, where and when, the words, and what is inferred."""
        index = self.index
        text = Text()
        speaker = Text(safe_text(" & ".join(index.speaker_names(statement))), "bold")
        for start, end in match_spans(speaker.plain, self.search_box.value):
            speaker.stylize("reverse", start, end)
        text.append_text(speaker)
        text.append(f"  {statement.kind}", "italic")
        if statement.verb:
            text.append(f" ({safe_text(statement.verb)})", "italic")
        where = index.statement_country(statement)
        leg = index.statement_leg(statement)
        dates = index.statement_dates(statement)
        parts = []
        if where:
            city = f", {safe_text(leg.city)}" if leg and leg.city else ""
            parts.append(safe_text(where.name) + city)
        if dates:
            parts.append(date_label(dates))
        if statement.event:
            parts.append(safe_text(index.events[statement.event].title))
        if parts:
            text.append("\n" + " · ".join(parts), "dim")
        words = safe_text(statement.text, single_line=False)
        text.append("\n" + (f"“{words}”" if statement.kind == "direct" else words))
        for note in index.inferred_notes(statement.inferred):
            text.append(f"\ninferred {note['field']}: {safe_text(note['claim'])}", "italic dim")
        return text

    @on(QuoteList.SourceRequested)
    def source(self, event: QuoteList.SourceRequested) -> None:
        event.stop()
        self.post_message(SourceWanted(Ref("statement", event.statement.id)))

    def action_search(self) -> None:
        """Focus the speaker search box."""
        self.search_box.focus()
