"""The main screen: four linked panes, and the one place that links them."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.events import DescendantFocus, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static

from explorer.core.query import Index
from explorer.core.safe import safe_text
from explorer.tui.screens.resize import drop_if_stale
from explorer.tui.views import Ref, Views
from explorer.tui.widgets.areas import AreaSearch, AreasPane, AreaTree
from explorer.tui.widgets.choice_bar import ChoiceBar
from explorer.tui.widgets.country import CountryPane
from explorer.tui.widgets.keybar import KeyBar
from explorer.tui.widgets.messages import Chosen, Narrowed, SourceWanted
from explorer.tui.widgets.pane import Pane
from explorer.tui.widgets.quote_list import QuoteList
from explorer.tui.widgets.quotes import QuotesPane, SearchBox
from explorer.tui.widgets.timeline import TimelinePane, TimelineTree
from explorer.tui.widgets.vim import LINE_KEYS, TREE_KEYS

# Below these sizes the panes are shown one at a time, and below the smaller ones not at all.
# Tried at 90x28, 100x30, 110x32 and 120x36 in tmux: four panes at 100x30 left five rows of
# quotes, fewer than one pane at 80x24 shows; from 110x32 four panes show as many.
NARROW_WIDTH, NARROW_HEIGHT = 110, 32
# Below this height the quote preview gives the list two of its lines.
SHORT_HEIGHT = 36
MIN_WIDTH, MIN_HEIGHT = 60, 16


class PaneBar(ChoiceBar, can_focus=False):
    """Names of the panes, shown when they are stacked one at a time; clicking one opens it."""


class MainScreen(Screen):
    """Timeline, country, quotes and areas; a choice in one narrows the others."""

    # A maximized pane keeps the top line (what the view is narrowed to) and the key bar (how
    # to get back: z, or Escape).
    ALLOW_IN_MAXIMIZED_VIEW = "#filter-bar, KeyBar"

    BINDINGS = [
        Binding("tab", "pane(1)", "Pane", id="next-pane", tooltip="Next pane (digits 1-4 jump)"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, id="previous-pane"),
        # Priority bindings, as "/" is: the pane is entered as the app reads the digit, so a
        # key typed right after it goes to that pane (in a text box a digit is a digit).
        Binding("1", "jump(0)", "Timeline", show=False, id="pane-timeline", priority=True),
        Binding("2", "jump(1)", "Country", show=False, id="pane-country", priority=True),
        Binding("3", "jump(2)", "Quotes", show=False, id="pane-quotes", priority=True),
        Binding("4", "jump(3)", "Areas", show=False, id="pane-areas", priority=True),
        # A priority binding: the app acts on it as it reads it, before it hands on the keys
        # after it, so that those go into the search box and not to the widget "/" left.
        Binding(
            "slash",
            "search",
            "Search",
            id="search",
            tooltip="Search quotes by speaker or words",
            priority=True,
        ),
        Binding("x", "clear", "Clear", id="clear-filter", tooltip="Clear the choice and search"),
        Binding("escape", "clear", "Clear", show=False, id="escape"),
        Binding("z", "maximize", "Maximize", id="maximize", tooltip="The pane alone (again: all)"),
        Binding("c", "compare", "Compare", id="compare", tooltip="Two partners side by side"),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    AUTO_FOCUS = "#timeline-tree"
    selection: reactive[Ref | None] = reactive(None)

    pane_names = ("1 Timeline", "2 Country", "3 Quotes", "4 Areas")

    def __init__(self, index: Index, views: Views) -> None:
        super().__init__()
        self.index = index
        self.views = views
        self.filter_bar = Static(id="filter-bar")
        self.pane_bar = PaneBar(list(self.pane_names))
        self.too_small = Static(id="too-small")
        self.quotes = QuotesPane(index, views, id="quotes")
        self.areas = AreasPane(index, views, id="areas")
        # The four panes in their Tab order.
        self.panes: list[Pane] = [
            TimelinePane(index, views, id="timeline"),
            CountryPane(index, views, id="country"),
            self.quotes,
            self.areas,
        ]

    def compose(self) -> ComposeResult:
        yield self.filter_bar
        yield self.pane_bar
        with Container(id="panes"):
            for pane in self.panes:
                yield pane.data_bind(MainScreen.selection)
        yield self.too_small
        yield KeyBar()

    @property
    def current_pane(self) -> Pane:
        """The pane holding the focus, else the one marked current, else the first."""
        focused = self.focused
        panes = self.panes
        for pane in panes:
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return pane
        return next((pane for pane in panes if pane.has_class("-current")), panes[0])

    def on_mount(self) -> None:
        self.panes[0].add_class("-current")
        self.watch_selection()

    def on_resize(self, event: Resize) -> None:
        if drop_if_stale(self, event):
            return
        width, height = event.size
        self.set_class(width < NARROW_WIDTH or height < NARROW_HEIGHT, "-narrow")
        self.set_class(height < SHORT_HEIGHT, "-short")
        self.set_class(width < MIN_WIDTH or height < MIN_HEIGHT, "-too-small")
        # Hiding everything (too small) drops the focus: give it back once there is room.
        self.call_after_refresh(self.keep_focus)
        self.too_small.update(
            Text(
                f"explorer needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; "
                f"this one is {width}×{height}.\nEnlarge the window, or press q to quit.",
                justify="center",
            )
        )

    def keep_focus(self) -> None:
        """Put the focus back in the pane marked current if a layout change took it away."""
        pane = next((p for p in self.panes if p.has_class("-current")), self.panes[0])
        focused = self.focused
        if pane.region.height and (focused is None or pane not in focused.ancestors):
            pane.enter()

    @on(DescendantFocus)
    def track_pane(self) -> None:
        """Mark the pane with the focus as current, for the stacked layout and its tabs;
        not while the terminal is too small, when the focus lands where Textual puts it (a
        view closed then gave the focus to the first pane, and it stayed there)."""
        if self.has_class("-too-small"):
            return
        current = self.current_pane
        for n, pane in enumerate(self.panes):
            pane.set_class(pane is current, "-current")
            if pane is current:
                self.pane_bar.current = n

    @on(ChoiceBar.Changed, "PaneBar")
    def pane_clicked(self, event: ChoiceBar.Changed) -> None:
        """A click on a pane's name in the stacked layout opens that pane."""
        if self.panes[event.index] is not self.current_pane:
            self.action_jump(event.index)

    def watch_selection(self) -> None:
        self.show_filter_line()

    @on(Narrowed)
    def show_filter_line(self) -> None:
        """What the view is narrowed to: the choice, and the quotes' search, kind and order."""
        bar = Text(" explorer ", "bold reverse")
        statements = len(self.index.dataset.statements)
        sources = len(self.index.dataset.sources)
        bar.append(f"  {statements} statements from {sources} article{'s' * (sources != 1)}  ")
        if getattr(self.app, "checking", False):
            bar.append("checking the evidence…  ", "dim italic")
        elif problems := getattr(self.app, "problems", None):
            count = f"{len(problems)} problem{'s' * (len(problems) != 1)}"
            bar.append(f"⚠ {count} in the evidence: do not trust it  ", "bold red")
        narrowing, order = self.narrowing_line(), self.order_line()
        if narrowing:
            bar.append("Filtered by ", "bold")
            bar.append(narrowing, "bold reverse")
            bar.append("  x clears  ", "dim")
        if order:
            bar.append("Quotes ", "bold")
            bar.append(order, "bold reverse")
        if not narrowing and not order:
            bar.append("· Enter on a leg, event, country or area narrows the view", "dim")
        self.filter_bar.update(bar, layout=False)
        if self.narrowed != getattr(self, "_was_narrowed", None):  # x shown or not: the footer
            self._was_narrowed = self.narrowed
            self.refresh_bindings()

    @property
    def narrowed(self) -> bool:
        """Whether a choice, a search or a kind leaves anything out."""
        return self.selection is not None or self.quotes.narrowed or self.areas.narrowed

    def filter_line(self) -> str:
        """The choice, searches, kind and order in words (made safe for the screen)."""
        order = self.order_line()
        return " · ".join(
            part for part in (self.narrowing_line(), order and f"quotes {order}") if part
        )

    def narrowing_line(self) -> str:
        """The choice, the searches and the kind: what leaves something out."""
        parts = []
        if self.selection is not None:
            parts.append(safe_text(self.views.describe(self.selection)))
        for pane in (self.quotes, self.areas):
            if (
                pane.is_mounted
                and pane.search_box.is_mounted
                and (said := pane.describe_narrowing())
            ):
                parts.append(said)
        return " · ".join(parts)

    def order_line(self) -> str:
        """The quotes' order, unless it is the articles' own."""
        return self.quotes.describe_order() if self.quotes.is_mounted else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear":
            return self.narrowed
        if action == "jump":  # a digit typed into a box is a digit
            return not isinstance(self.focused, Input)
        # "/" typed into a box, or the areas pane's own search, is not this one
        return not (
            action == "search" and (isinstance(self.focused, Input) or self.areas.has_focus_within)
        )

    @on(Chosen)
    def chosen(self, event: Chosen) -> None:
        self.selection = event.ref

    @on(SourceWanted)
    def source_wanted(self, event: SourceWanted) -> None:
        from explorer.tui.screens.source import SourceScreen

        self.open_view(lambda: SourceScreen(self.index, self.views, event.ref))

    def open_view(self, make: Callable[[], Screen]) -> None:
        """Open a view over the panes, unless one is already open.

        Keys typed faster than a view opens (Enter, Enter) each ask for one: only the first
        is shown, so one Escape always leads back.
        """
        if self.is_active:
            self.app.push_screen(make())

    def choose(self, ref: Ref | None) -> None:
        """Narrow every pane to `ref` (from the command palette)."""
        self.selection = ref

    def search_speaker(self, name: str) -> None:
        """Open the quotes pane searched for `name` (from the command palette)."""
        self.action_jump(2)
        self.quotes.search(name)

    def action_pane(self, step: int) -> None:
        """Move to the next (1) or previous (-1) pane."""
        panes = self.panes
        self.action_jump((panes.index(self.current_pane) + step) % len(panes))

    def action_jump(self, number: int) -> None:
        """Open pane `number` (0-3) and focus its main widget, at once: keys typed right
        after the digit go to it however busy the app is."""
        pane = self.panes[number]
        self.focus_in(pane, pane.primary)

    def action_search(self) -> None:
        """Focus the speaker search in the quotes pane, at once: keys typed right after "/"
        go into the box however busy the app is."""
        self.focus_in(self.quotes, self.quotes.search_box)

    def focus_in(self, pane: Pane, widget: Widget) -> None:
        """Give `widget`, in `pane`, the focus now. The stacked layout shows one pane: this
        one is shown first; the widget takes the focus at once all the same (it is laid out
        with the pane, before the next frame)."""
        if not (pane.display and pane.region.height):
            for other in self.panes:
                other.set_class(other is pane, "-current")
        self.set_focus(widget)

    def action_clear(self) -> None:
        """Drop the choice, the search and the kind, so every pane shows everything."""
        self.selection = None
        self.quotes.clear()
        self.areas.clear()

    def action_maximize(self) -> None:
        """Give the current pane the whole screen; again, give the others theirs back."""
        if self.maximized is not None:
            self.minimize()
            return
        pane = self.current_pane
        if self.has_class("-narrow"):
            self.app.notify("At this size each pane has the screen already.", timeout=3)
            return
        self.maximize(pane, container=False)

    def action_compare(self) -> None:
        """Set the two partners with the most areas side by side."""
        from explorer.tui.screens.compare import CompareScreen

        self.open_view(lambda: CompareScreen(self.index))

    def action_help(self) -> None:
        """Show every key."""
        from explorer.tui.screens.help import HelpScreen

        self.open_view(lambda: HelpScreen(key_sections()))


PALETTE_KEYS = [
    Binding(
        "ctrl+p", "", "Command palette: jump to any speaker, country, event or area", id="palette"
    ),
    Binding("ctrl+q", "", "Quit (also from the search box)", id="quit-anywhere"),
]


def key_sections() -> list[tuple[str, list[Binding]]]:
    """Each part of the app with the keys active there, gathered from the bindings themselves
    so the help cannot drift from what the keys do."""
    from explorer.tui.screens.compare import CompareScreen
    from explorer.tui.screens.overlay import Overlay
    from explorer.tui.screens.source import SourceScreen

    return [
        ("Everywhere", [*MainScreen.BINDINGS, *PALETTE_KEYS]),
        ("Timeline (1)", [*TREE_KEYS, *TimelineTree.BINDINGS]),
        ("Country (2)", [*ChoiceBar.BINDINGS, *CountryPane.BINDINGS]),
        ("Quotes (3)", [*QuoteList.BINDINGS, *QuotesPane.BINDINGS]),
        ("Quote search", list(SearchBox.BINDINGS)),
        ("Cooperation areas (4)", [*TREE_KEYS, *AreaTree.BINDINGS, *AreasPane.BINDINGS]),
        ("Area search", list(AreaSearch.BINDINGS)),
        ("Source view", [*Overlay.BINDINGS, *LINE_KEYS, *SourceScreen.BINDINGS]),
        ("Compare view", [*Overlay.BINDINGS, *LINE_KEYS, *CompareScreen.BINDINGS]),
    ]
