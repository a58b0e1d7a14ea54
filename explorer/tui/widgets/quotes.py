"""The Quotes pane: statements narrowed by the screen's choice and searched by speaker."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from explorer.core.dates import date_label
from explorer.core.model import Statement
from explorer.core.names import found_spans, match_spans, words
from explorer.core.query import Filter, Index
from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.messages import Narrowed, SourceWanted
from explorer.tui.widgets.pane import Pane
from explorer.tui.widgets.quote_list import QuoteHeader, QuoteList


class SearchBox(Input):
    """The speaker search: filters as you type; Escape clears it and returns to the list."""

    # Input widens its virtual size with every character typed, and a widget's virtual size
    # asks for a new layout of the whole screen when it changes: one layout a keystroke.
    # The box only scrolls its own text sideways, which needs no layout, only a repaint.
    virtual_size = Reactive(Size(0, 0), repaint=True)

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
        self._behind = False  # keys were waiting when the value changed: search once, later
        self.leave_to: Widget | None = None  # where Escape and Down take the focus

    def watch_value(self) -> None:
        # Called at once rather than through a Changed message, so that the list is
        # redrawn in the same frame as the box: a keystroke costs one frame, not two. When
        # more keys wait (a name pasted, or typed faster than the screen answers), only the
        # text they end with is searched, once they are all in.
        if self._keys_waiting():
            if not self._behind:
                self._behind = True
                self.call_later(self._catch_up)
            return
        self._behind = False
        self.on_change()

    def _keys_waiting(self) -> bool:
        """Whether anything waits in this box's queue. Its own Changed message counts too:
        waiting a turn for it lets the app hand on the rest of a burst of keys first, which
        measured better for bursts (the slowest 50 ms at 100,000 quotes, against 95 ms when
        only the keys already handed on counted) at no cost to keys typed one by one."""
        return bool(self._message_queue.qsize())

    def _catch_up(self) -> None:
        if self._keys_waiting():
            self.call_later(self._catch_up)  # still more keys: after them
        elif self._behind:
            self._behind = False
            self.on_change()

    def action_done(self, clear: bool) -> None:
        """Leave the box for the list, clearing it first when asked: at once, so that the
        next key goes to the list however soon it comes."""
        if clear:
            self.value = ""
        if self.leave_to is not None:
            self.screen.set_focus(self.leave_to)
        self.post_message(self.Submitted(self, self.value))


KINDS = (None, "direct", "reported")
SORTS = ("", *Index.SORTS)  # "": as the articles have them


class Preview(Static):
    """The highlighted statement below the list: drawn again when its size changes (a short
    terminal gives it fewer lines), so that what is cut always says where the rest is."""

    def __init__(self, redraw: Callable[[], None], **kwargs) -> None:
        super().__init__(**kwargs)
        self.redraw = redraw

    def on_resize(self) -> None:
        self.redraw()


class QuotesPane(Pane):
    """Quotations and reported statements with speaker, place and date: searched by speaker
    and by words, filtered by kind, sorted, read whole, copied and exported with citations."""

    BORDER_TITLE = "Quotes"
    _base_count: tuple[Filter, int] | None = None
    kind: reactive[str | None] = reactive(None, init=False)
    sort: reactive[tuple[str, bool]] = reactive(("", False), init=False)

    BINDINGS = [
        # The screen's priority "/" acts first (before the keys after it); this one gives the
        # key its place among the pane's own, in the key bar and the help.
        Binding(
            "slash",
            "search",
            "Search",
            tooltip="Search speakers and the words of statements",
            id="search-quotes",
        ),
        Binding("y", "copy('text')", "Cite", tooltip="Copy it with its citation", id="copy"),
        Binding(
            "Y", "copy('md')", "Copy as Markdown", show=False, key_display="Y", id="copy-markdown"
        ),
        Binding("d", "kind", "Kind", tooltip="Direct, reported, or both", id="kind"),
        Binding(
            "o", "sort", "Sort", tooltip="By date, speaker, place, kind, or as read", id="sort"
        ),
        Binding("O", "reverse", "Reverse order", show=False, key_display="O", id="reverse"),
        Binding("w", "reading", "Read", tooltip="Each statement in full, wrapped", id="read"),
        Binding("e", "export('csv')", "Export", tooltip="Save these quotes as CSV", id="export"),
        Binding(
            "E",
            "export('md')",
            "Export Markdown",
            show=False,
            key_display="E",
            id="export-markdown",
        ),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.exports: set[Path] = set()  # the files exports are writing now

    def compose(self) -> ComposeResult:
        self.search_box = SearchBox(
            self.refill,
            placeholder=f"/ speaker or words, e.g. {self.example_speaker()}",
            id="quote-search",
        )
        self.count = Static(id="quote-count")
        # Wide enough for "N of N" at the dataset's size, fixed so a keystroke needs no layout.
        total = len(self.index.dataset.statements)
        self.count.styles.width = max(14, len(f"{total} of {total}") + 2)
        self.header = QuoteHeader()
        self.quote_list = QuoteList(self.index, id="quote-list")
        self.search_box.leave_to = self.quote_list
        self.preview_box = Preview(self.show_preview, id="quote-preview")
        with Horizontal(id="quote-search-row"):
            yield self.search_box
            yield self.count
        yield self.header
        yield self.quote_list
        yield self.preview_box

    def example_speaker(self) -> str:
        """A name to search for, from the data: the first statement's speaker."""
        statements = self.index.dataset.statements
        if not statements or not statements[0].speakers:
            return "a name"
        return safe_text(self.index.parties[statements[0].speakers[0]].name)

    @property
    def primary(self) -> Widget:
        return self.quote_list

    @property
    def narrowed(self) -> bool:
        """Whether the search or the kind leaves out some statements."""
        return bool(self.search_box.value.strip()) or self.kind is not None

    def describe_narrowing(self) -> str:
        """The search and kind, for the filter line: 'search "x" · direct only'."""
        parts = []
        if self.search_box.value.strip():
            parts.append(f"search “{safe_text(self.search_box.value.strip())}”")
            if self.index.indexing:
                parts.append("words still being indexed: more may come")
        if self.kind:
            parts.append(f"{self.kind} only")
        return " · ".join(parts)

    def describe_order(self) -> str:
        """The order, unless it is the articles' own: 'sorted by speaker (reversed)'."""
        column, reverse = self.sort
        return f"sorted by {column}{' (reversed)' if reverse else ''}" if column else ""

    def clear(self) -> None:
        """Drop the search and the kind (the order stays: it hides nothing)."""
        self.search_box.value = ""
        self.kind = None

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

    def watch_kind(self) -> None:
        self.refill()

    def index_ready(self) -> None:
        """The search's indexes are built: what was searched meanwhile, searched in full."""
        if self.search_box.value.strip():
            self.refill()
        else:
            self.post_message(Narrowed())

    def watch_sort(self) -> None:
        self.header.sort = self.sort
        self.refill()

    def refill(self) -> None:
        """Show the statements for the current choice, search, kind and order."""
        base = self.views.filter_for(self.selection)
        if self.kind is not None:
            base = replace(base, kind=self.kind)
        query = self.search_box.value
        rows = self.index.search(base, query) if query.strip() else self.index.select(base)
        if self._base_count is None or self._base_count[0] != base:  # M of "N of M"
            total = len(self.index.select(base)) if query.strip() else len(rows)
            self._base_count = (base, total)
        if self.sort[0]:
            rows = self.index.sort(rows, *self.sort)
        count = Text(f"{len(rows)} of {self._base_count[1]}", "bold" if query.strip() else "")
        # Fixed sizes: updating these on every keystroke needs no new layout.
        self.count.update(count, layout=False)
        self.quote_list.show(rows, query)
        self.post_message(Narrowed())

    @on(QuoteList.Highlighted)
    def preview(self, event: QuoteList.Highlighted) -> None:
        event.stop()
        self.show_preview()

    def show_preview(self) -> None:
        """Show the whole of the highlighted statement below the list, as much as fits."""
        preview, statement = self.preview_box, self.quote_list.current
        if statement is None:
            preview.update(Text(self.nothing_shown(), "italic"), layout=False)
            return
        preview.update(self.fit(self.describe(statement), preview), layout=False)

    def nothing_shown(self) -> str:
        """Why the list is empty: what narrows it, and whether the words are all indexed yet
        (the top line says so too, but a narrow terminal cuts it)."""
        query = self.search_box.value.strip()
        if query and not words(query):
            return "The search has no letters or digits to match."
        narrowed = [safe_text(self.views.describe(self.selection))] if self.selection else []
        if self.kind:
            narrowed.append(f"{self.kind} only")
        within = f" within {', '.join(narrowed)} (x clears)" if narrowed else ""
        if not query:
            return f"No statements{within}."
        still = " The words are still being indexed: more may come." if self.index.indexing else ""
        return f"No statements match{within}.{still}"

    def fit(self, text: Text, preview: Static) -> Text:
        """Cut a long preview to the lines the box holds, saying where the rest is."""
        width, height = preview.content_size
        if width <= 0 or height <= 0:
            return text
        lines = text.wrap(self.app.console, width)
        if len(lines) <= height:
            return text
        kept = Text("\n").join(lines[: height - 1])
        kept.append(
            "\n… more: w reads every statement whole, Enter shows the article", "italic dim"
        )
        return kept

    def describe(self, statement: Statement) -> Text:
        """Who said it, where and when, the words, what the search matched, and what is
        inferred."""
        index = self.index
        query = self.search_box.value
        text = Text()
        speaker = Text(safe_text(" & ".join(index.speaker_names(statement))), "bold")
        for start, end in match_spans(speaker.plain, query):
            speaker.stylize("reverse", start, end)
        text.append_text(speaker)
        text.append(f"  {statement.kind}", "italic")
        if statement.verb:
            text.append(f" ({safe_text(statement.verb)})", "italic")
        matched = self.index.matched_by(statement, query) if query.strip() else None
        if matched:
            said = {
                "speaker": "the speaker",
                "words": "the words",
                "both": "speaker and words",
                "attribution": "the words naming the speaker",
            }
            text.append(f"  · search matched {said[matched]}", "dim")
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
        body = safe_text(statement.text, single_line=False)
        shift = 1 if statement.kind == "direct" else 0
        words_text = Text(f"“{body}”" if statement.kind == "direct" else body)
        for start, end in found_spans(body, query):
            words_text.stylize("reverse", start + shift, end + shift)
        text.append("\n")
        text.append_text(words_text)
        for note in index.inferred_notes(statement.inferred):
            text.append(f"\ninferred {note['field']}: {safe_text(note['claim'])}", "italic dim")
        return text

    @on(QuoteList.SourceRequested)
    def source(self, event: QuoteList.SourceRequested) -> None:
        event.stop()
        self.post_message(SourceWanted(Ref("statement", event.statement.id)))

    @on(QuoteHeader.SortClicked)
    def sort_clicked(self, event: QuoteHeader.SortClicked) -> None:
        event.stop()
        key, reverse = self.sort
        self.sort = (event.key, not reverse if key == event.key else False)

    def action_search(self) -> None:
        """Focus the search box, at once (see the screen's `action_search`)."""
        self.screen.set_focus(self.search_box)

    def action_kind(self) -> None:
        """Show direct quotations only, then reported statements only, then both."""
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]
        self.app.notify(f"Showing {self.kind or 'direct and reported'} statements", timeout=2)

    def action_sort(self) -> None:
        """Order by date, speaker, place, kind, then as the articles have them."""
        key = SORTS[(SORTS.index(self.sort[0]) + 1) % len(SORTS)]
        self.sort = (key, False)
        self.app.notify(f"Sorted {'by ' + key if key else 'as the articles have them'}", timeout=2)

    def action_reverse(self) -> None:
        """Turn the order round."""
        self.sort = (self.sort[0] or "date", not self.sort[1])

    def action_reading(self) -> None:
        """Show each statement whole, wrapped (again: one line each)."""
        self.quote_list.reading = not self.quote_list.reading
        self.set_class(self.quote_list.reading, "-reading")
        self.quote_list.focus()

    def action_copy(self, style: str) -> None:
        """Copy the statement under the cursor with its citation (OSC 52: over SSH and in
        tmux with set-clipboard on too)."""
        from explorer.core.cite import citation

        statement = self.quote_list.current
        if statement is None:
            self.app.notify("No statement to copy.", severity="warning")
            return
        self.app.copy_to_clipboard(citation(self.index, statement, style))
        who = " & ".join(self.index.speaker_names(statement))
        form = "as Markdown" if style == "md" else "with their citation"
        self.app.notify(f"Copied {safe_text(who)}'s words {form}.", title="Copied", markup=False)

    def action_export(self, style: str) -> None:
        """Save the statements shown now, with their citations, to a file in the current
        folder (in a browser tab: offer it as a download), in a thread (100,000 statements
        take seconds); say where when it is done."""
        import datetime as dt

        rows = list(self.quote_list.rows)
        if not rows:
            self.app.notify("No statements to export.", severity="warning")
            return
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        suffix = "md" if style == "md" else "csv"
        path = Path.cwd() / f"explorer-quotes-{stamp}.{suffix}"
        number = 2
        while path.exists() or path in self.exports:  # two exports in one second: both kept
            path = Path.cwd() / f"explorer-quotes-{stamp}-{number}.{suffix}"
            number += 1
        self.exports.add(path)  # until written (in a thread: it may take seconds)
        what = self.app.screen.filter_line() if hasattr(self.app.screen, "filter_line") else ""
        heading = f"Quotes: {what}" if what else "Quotes"
        if len(rows) > 1000:
            self.app.notify(f"Exporting {len(rows):,} statements…", timeout=3)
        self.run_worker(
            lambda: self._export(rows, style, heading, path),
            thread=True,
            group="export",
            exit_on_error=False,
        )

    def _export(self, rows: list[Statement], style: str, heading: str, path: Path) -> None:
        """Write the export (in a worker thread) and say how it went."""
        from explorer.core.cite import export_csv, export_markdown
        from explorer.core.files import FileProblem, write_atomically

        if style == "md":
            body = export_markdown(self.index, rows, heading)
        else:
            body = export_csv(self.index, rows)
        count = f"{len(rows):,} statement{'s' * (len(rows) != 1)}"
        if self.app.is_web:  # the server's folder is not the reader's: a download instead
            self.app.call_from_thread(self._deliver, body, path.name)
            message, title, severity = (
                f"{count} sent to your browser as {path.name}",
                "Exported",
                "information",
            )
        else:
            try:
                write_atomically(path, body)
            except FileProblem as problem:
                message, title, severity = safe_text(str(problem)), "Not exported", "error"
            else:
                message, title, severity = (
                    f"{count} written to {safe_text(str(path))}",
                    "Exported",
                    "information",
                )
        self.exports.discard(path)  # (one call on a set: safe from this thread)
        self.app.call_from_thread(
            self.app.notify, message, title=title, severity=severity, markup=False, timeout=8
        )

    def _deliver(self, body: str, name: str) -> None:
        """Offer the export to the browser as a download (textual-serve fetches it from the
        app in chunks once the browser asks)."""
        import io

        self.app.deliver_text(io.StringIO(body), save_filename=name, encoding="utf-8")
