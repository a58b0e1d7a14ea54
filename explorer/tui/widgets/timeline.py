"""The Timeline pane: a day-by-day strip of the tour, and its legs and events in date order."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from explorer.core.dates import date_label, short_label, year_label
from explorer.core.query import TimelineLeg, sources_mark
from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.pane import Pane
from explorer.tui.widgets.vim import ChoiceTree

DAY_WIDTH = 7
# Each country's row has its own colour and its own shade, so rows differ without colour too.
COUNTRY_STYLES = ("cyan", "magenta", "yellow", "green", "blue")
SHADES = "█▓▒░"


class DayStrip(Widget):
    """Which country the traveller was in on each day, drawn from the legs' dates."""

    DEFAULT_CSS = "DayStrip { height: auto; }"

    def __init__(self, legs: list[TimelineLeg], country_names: dict[str, str]) -> None:
        super().__init__()
        self.legs = legs
        self.country_names = country_names
        self.title = ""  # the trip's, where there are several

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.rows()) + 2 if self.legs else 0

    def rows(self) -> list[str]:
        """The countries, in order of first arrival."""
        return list(dict.fromkeys(entry.leg.country for entry in self.legs))

    def render(self) -> Text:
        if not self.legs:
            return Text()
        start = min(e.leg.dates.start for e in self.legs)
        end = max(e.leg.dates.end for e in self.legs)
        days = [start + dt.timedelta(d) for d in range((end - start).days + 1)]
        names = {c: safe_text(self.country_names[c]) for c in self.rows()}
        label_width = min(max(len(n) for n in names.values()), 14) + 1
        room = max(self.size.width - label_width, DAY_WIDTH)
        width = DAY_WIDTH if len(days) * DAY_WIDTH <= room else max(room // len(days), 2)
        days = days[: max(room // width, 1)]
        text = Text(" " * label_width, style="dim")
        for day in days:
            label = f"{day:%b} {day.day}" if width >= 6 else str(day.day)
            text.append(label.ljust(width)[:width], "bold")
        for row, country in enumerate(self.rows()):
            style, shade = COUNTRY_STYLES[row % len(COUNTRY_STYLES)], SHADES[row % len(SHADES)]
            text.append("\n")
            text.append(names[country][: label_width - 1].ljust(label_width), "bold")
            spans = [e.leg.dates for e in self.legs if e.leg.country == country]
            for day in days:
                inside = any(span.start <= day <= span.end for span in spans)
                text.append((shade * (width - 1) + " ") if inside else "·".ljust(width), style)
        text.append("\n")
        if self.title:
            text.append(f"{safe_text(self.title)}  ·  ", "dim bold")
        text.append(f"{year_label(self.legs[0].leg.dates)}  ·  ~ = on a day in that range", "dim")
        return text


class TimelineTree(ChoiceTree):
    """Trips, their legs and events; Enter narrows the view to the node under the cursor."""


class TimelinePane(Pane):
    """Legs and events in date order, with a day-by-day strip of the tour."""

    BORDER_TITLE = "Timeline"
    # Above this many lines the trips start folded, their legs added when first unfolded;
    # above this many trips they are gathered under the month they start in.
    UNFOLDED_LINES = 120
    MONTHS_ABOVE = 40

    def compose(self) -> ComposeResult:
        self.pending: dict[int, Callable[[], None]] = {}
        self.month_trips: dict[int, str] = {}  # a month's node: the first trip it holds
        names = {c.id: c.name for c in self.index.dataset.countries}
        self.strip = DayStrip([], names)
        self.choices = TimelineTree("Trips", id="timeline-tree")
        yield self.strip
        yield self.choices

    @property
    def primary(self) -> Widget:
        return self.choices

    def refill(self) -> None:
        """Refill the tree for the current choice, keeping the cursor on the chosen node."""
        tree, chosen = self.choices, self.selection
        before = tree.cursor_node.data if tree.cursor_node else None
        tree.clear()
        self.pending.clear()
        self.month_trips.clear()
        by_trip: dict[str, list[TimelineLeg]] = {}
        for entry in self.views.timeline_for(chosen):
            by_trip.setdefault(entry.trip.id, []).append(entry)
        if not by_trip:  # a country only spoken of: say so, not a blank pane
            what = safe_text(self.views.describe(chosen)) if chosen else "this dataset"
            tree.root.add_leaf(Text(f"No legs or events for {what}.", "italic"), None)
        elif len(by_trip) == 1 and len(self.index.trips) == 1:
            # With one trip its node would only cost a line; its legs sit at the top.
            self.add_legs(tree.root, next(iter(by_trip.values())))
        elif len(by_trip) > self.MONTHS_ABOVE:
            self.add_months(by_trip)
        else:
            lines = sum(1 + len(e.events) for entries in by_trip.values() for e in entries)
            self.add_trips(tree.root, by_trip, unfold=lines <= self.UNFOLDED_LINES)
        tree.place_cursor(chosen, before)
        self.show_strip(self.shown_at(tree.cursor_node))

    def add_months(self, by_trip: dict[str, list[TimelineLeg]]) -> None:
        """Gather many trips under the months they start in, each month filled when opened."""
        months: dict[tuple[int, int], dict[str, list[TimelineLeg]]] = {}
        for trip_id, entries in by_trip.items():
            start = entries[0].leg.dates
            months.setdefault((start.start.year, start.start.month), {})[trip_id] = entries
        chosen_trip = self.trip_of(self.selection)
        for (year, month), trips in months.items():
            first = next(iter(trips.values()))[0].leg.dates
            label = Text(f"{dt.date(year, month, 1):%B} {year_label(first)}", "bold")
            label.append(f"  {len(trips)} trip{'s' * (len(trips) != 1)}", "dim")
            unfold = chosen_trip in trips
            node = self.choices.root.add(label, None, expand=unfold)
            self.month_trips[node.id] = next(iter(trips))
            fill = functools.partial(self.add_trips, node, trips, unfold=False)
            if unfold:
                fill()
            else:
                self.pending[node.id] = fill

    def add_trips(
        self, parent: TreeNode, by_trip: dict[str, list[TimelineLeg]], unfold: bool
    ) -> None:
        """Add trips under a node; folded ones get their legs when first opened."""
        chosen_trip = self.trip_of(self.selection)
        for trip_id, entries in by_trip.items():
            title = Text(safe_text(self.index.trips[trip_id].title), "bold")
            open_now = unfold or trip_id == chosen_trip
            node = parent.add(title, Ref("trip", trip_id), expand=open_now)
            fill = functools.partial(self.add_legs, node, entries)
            if open_now:
                fill()
            else:
                self.pending[node.id] = fill

    def add_legs(self, parent: TreeNode, entries: list[TimelineLeg]) -> None:
        """Add legs and their events under a node."""
        chosen = self.selection
        for entry in entries:
            leg_ref = Ref("leg", entry.leg.id)
            node = parent.add(self.leg_label(entry, leg_ref == chosen), leg_ref, expand=True)
            for event in entry.events:
                event_ref = Ref("event", event.id)
                node.add_leaf(self.event_label(event, event_ref == chosen), event_ref)

    def trip_of(self, ref: Ref | None) -> str | None:
        """The trip a trip, leg or event belongs to."""
        if ref is None:
            return None
        if ref.kind == "trip":
            return ref.id
        if ref.kind == "event":
            ref = Ref("leg", self.index.events[ref.id].leg)
        trip = self.index.leg_trip.get(ref.id) if ref.kind == "leg" else None
        return trip.id if trip else None

    def shown_at(self, node: TreeNode | None) -> Ref | None:
        """What the day strip shows with the cursor on `node`: its trip, leg or event, or
        for a month the first trip in it."""
        if node is None:
            return None
        if isinstance(node.data, Ref):
            return node.data
        trip_id = self.month_trips.get(node.id)
        return Ref("trip", trip_id) if trip_id else None

    def show_strip(self, ref: Ref | None) -> None:
        """Draw the day strip of the trip under the cursor (the first trip if none), named
        when the dataset holds more than one."""
        trip_id = self.trip_of(ref) or next(iter(self.index.trips), None)
        strip = self.strip
        strip.legs = self.index.timeline_of(trip_id) if trip_id else []
        many = trip_id is not None and len(self.index.trips) > 1
        strip.title = self.index.trips[trip_id].title if many else ""
        strip.refresh(layout=True)

    @on(Tree.NodeExpanded, "#timeline-tree")
    def unfolded(self, event: Tree.NodeExpanded) -> None:
        """Fill a folded month or trip the first time it is unfolded."""
        fill = self.pending.pop(event.node.id, None)
        if fill is not None:
            fill()

    @on(Tree.NodeHighlighted, "#timeline-tree")
    def highlighted(self, event: Tree.NodeHighlighted) -> None:
        """Follow the cursor with the day strip."""
        self.show_strip(self.shown_at(event.node))

    def leg_label(self, entry: TimelineLeg, chosen: bool) -> Text:
        """A leg's line: country, city and dates with the year marked if inferred."""
        leg = entry.leg
        place = self.index.countries[leg.country].name + (f", {leg.city}" if leg.city else "")
        text = Text("● " if chosen else "", "bold")
        text.append(safe_text(place), "bold")
        text.append(f"  {date_label(leg.dates)}", "dim")
        return _with_sources(text, leg)

    def event_label(self, event, chosen: bool) -> Text:
        """An event's line: its days and title."""
        text = Text("● " if chosen else "", "bold")
        text.append(f"{short_label(event.dates)}  ", "dim")
        text.append(safe_text(event.title))
        return _with_sources(text, event)

    @on(Tree.NodeSelected, "#timeline-tree")
    def node_chosen(self, event: Tree.NodeSelected) -> None:
        """Enter on a leg or event narrows the view; on a month or trip it folds or unfolds."""
        event.stop()
        ref = event.node.data
        if isinstance(ref, Ref) and ref.kind in {"leg", "event"}:
            self.choose(ref)
        else:
            event.node.toggle()


def _with_sources(text: Text, record: object) -> Text:
    """A line with what its sources say: "2 sources", or "sources differ" standing out."""
    mark = sources_mark(record)
    if mark:
        text.append(f"  [{mark}]", "bold yellow" if record.disputed else "dim italic")
    return text
