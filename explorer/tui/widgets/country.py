"""The Country pane: one country's part in the story, chosen from a row of country names."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Static

from explorer.core.dates import date_label, short_label
from explorer.core.query import CountrySummary, sources_mark
from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.choice_bar import ChoiceBar
from explorer.tui.widgets.messages import SourceWanted
from explorer.tui.widgets.pane import DetailScroll, Pane
from explorer.tui.widgets.vim import LINE_KEYS

# A section of the detail lists this many lines; the rest are counted and pointed to.
SECTION_LINES = 12


class CountryPane(Pane):
    """A country's role, officials, groupings, events, areas and quotes."""

    BORDER_TITLE = "Country"
    _shown: tuple[str | None, Ref | None] | None = None
    BINDINGS = [
        Binding(
            "enter",
            "choose",
            "Filter",
            tooltip="Narrow every pane to it; again: source",
            id="choose",
        ),
        Binding("s", "source", "Source", tooltip="Show where the article names it", id="source"),
        # The bar keeps the focus; these scroll the detail below it.
        *LINE_KEYS,
    ]

    def compose(self) -> ComposeResult:
        self.country_ids = list(self.index.countries)
        self.bar = ChoiceBar([self.index.countries[c].name for c in self.country_ids])
        self.detail_scroll = DetailScroll(id="country-scroll")
        self.detail = Static(id="country-detail")
        yield self.bar
        with self.detail_scroll:
            yield self.detail

    @property
    def primary(self) -> Widget:
        return self.bar

    @property
    def current(self) -> str | None:
        """The id of the country whose tab is active."""
        return self.country_ids[self.bar.current] if self.country_ids else None

    def refill(self) -> None:
        country = self.views.country_of(self.selection)
        if country is not None:
            self.bar.current = self.country_ids.index(country)
        self.show(self.current)

    @on(ChoiceBar.Changed)
    def country_changed(self, event: ChoiceBar.Changed) -> None:
        event.stop()
        self.show(self.current)

    def show(self, country_id: str | None) -> None:
        """Fill the detail for a country, with the chosen leg or event on top if it is there."""
        if self._shown == (country_id, self.selection):
            return  # mounting and the bar's first change both ask for the same
        self._shown = (country_id, self.selection)
        detail = self.detail
        if country_id is None:
            detail.update(Text("No countries in this dataset."))
            return
        summary = self.index.country_summary(country_id)
        detail.update(self.describe(summary))

    def describe(self, summary: CountrySummary) -> Text:
        """The detail text for one country; the chosen leg or event is marked ●."""
        index, chosen = self.index, self.selection
        text = Text()
        text.append(safe_text(summary.country.name), "bold")
        roles = sorted({role for _, role in summary.roles})
        text.append(f"  {', '.join(roles) or 'named'}\n", "italic")
        visits = [
            ("● " if chosen == Ref("leg", leg.id) else "")
            + date_label(leg.dates)
            + (f", {safe_text(leg.city)}" if leg.city else "")
            for leg in summary.legs
        ]
        section(text, "Visited", visits, more="in the Timeline")
        if (
            chosen is not None
            and chosen.kind == "event"
            and chosen.id in {e.id for e in summary.events}
        ):
            self.describe_event(text, chosen.id)
        people = [
            safe_text(p.name)
            + (f" — {safe_text(p.role)}" if p.role else "")
            + "".join(
                f"; “{safe_text(c.value)}” per {safe_text(index.sources[c.source].title)}"
                for c in p.claims
                if c.field == "role" and c.value != p.role
            )
            + (f" [{sources_mark(p)}]" if sources_mark(p) else "")
            for p in summary.officials
        ]
        people += [safe_text(o.name) for o in summary.organizations]
        section(text, "Officials", people, more="with the palette (Ctrl+P)")
        groupings = [
            f"{safe_text(g.name)} — "
            + ", ".join(safe_text(index.countries[m].name) for m in g.members)
            for g in summary.groupings
        ]
        section(text, "Groupings", groupings)
        events = [
            ("● " if chosen == Ref("event", e.id) else "")
            + f"{short_label(e.dates)}  {safe_text(e.title)}"
            for e in summary.events
        ]
        section(text, "Events", events, more="in the Timeline")
        # One line an area, with every commitment recorded for it with this country.
        commitments: dict[str, dict[str, None]] = {}
        for area, mention in summary.areas:
            label = mention.commitment + (" (new)" if mention.new else "")
            commitments.setdefault(area.id, {})[label] = None
        areas = [
            f"{safe_text(index.areas[a].name)}: {', '.join(labels)}"
            for a, labels in commitments.items()
        ]
        section(text, f"Cooperation areas ({len(areas)})", areas, more="in Cooperation areas")
        text.append("Quotes: ", "bold")
        name = safe_text(summary.country.name)
        text.append(f"{summary.quote_count} said in {name}")
        text.append(f" · {summary.spoken_count} by speakers from {name}")
        return text

    def describe_event(self, text: Text, event_id: str) -> None:
        """Add the chosen event: title, kind, date, place, participants, inferences."""
        event = self.index.events[event_id]
        text.append("● Event ", "bold")
        text.append(safe_text(event.title) + "\n")
        text.append(f"  {event.kind} · {date_label(event.dates)}")
        if event.place:
            text.append(f" · {safe_text(event.place)}")
        names = ", ".join(safe_text(self.index.parties[p].name) for p in event.participants)
        text.append(f"\n  with {names}\n" if names else "\n")
        for note in self.index.inferred_notes(event.inferred):
            text.append(f"  inferred: {safe_text(note['claim'])}\n", "italic")

    def action_choose(self) -> None:
        """Narrow every pane to the country whose tab is active."""
        if self.current is not None:
            self.choose(Ref("country", self.current))

    def action_source(self) -> None:
        """Show where the article names the active country."""
        if self.current is not None:
            self.post_message(SourceWanted(Ref("country", self.current)))

    def action_line(self, lines: int) -> None:
        """Scroll the detail by lines; the bar keeps the focus."""
        self.detail_scroll.action_line(lines)

    def action_page(self, pages: int) -> None:
        """Scroll the detail by pages."""
        self.detail_scroll.action_page(pages)

    def action_edge(self, edge: int) -> None:
        """Scroll the detail to its top (0) or bottom (-1)."""
        self.detail_scroll.action_edge(edge)


def section(text: Text, title: str, lines: list[str], more: str = "") -> None:
    """Append a titled list, or nothing when it is empty; a long one ends with a count."""
    if not lines:
        return
    text.append(f"{title}\n", "bold")
    for line in lines[:SECTION_LINES]:
        text.append(f"  {line}\n")
    if len(lines) > SECTION_LINES:
        text.append(f"  … and {len(lines) - SECTION_LINES} more {more}\n", "italic dim")
