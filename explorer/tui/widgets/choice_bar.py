"""A one-line row of names, one of them current: lighter than Tabs (one widget, not one a tab)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from explorer.core.safe import safe_text

GAP = 2


class ChoiceBar(Widget, can_focus=True):
    """Names in a row; left/right (h/l) or a click changes the current one.

    The current name is marked by brackets and reverse video, so it shows without colour.
    A row wider than the widget scrolls to keep the current name in view; "‹" and "›" say
    that names lie beyond either edge.
    """

    DEFAULT_CSS = """
    ChoiceBar { height: 1; }
    ChoiceBar > .choice-bar--current { text-style: bold reverse; }
    ChoiceBar:focus > .choice-bar--current { background: $accent; color: $text; }
    """
    COMPONENT_CLASSES = {"choice-bar--current"}
    BINDINGS = [
        Binding(
            "left,h", "move(-1)", "Previous", show=False, tooltip="Previous one", id="previous"
        ),
        Binding("right,l", "move(1)", "Next", show=False, tooltip="Next one", id="next"),
    ]

    current: reactive[int] = reactive(0)

    class Changed(Message):
        """The current name changed."""

        def __init__(self, bar: ChoiceBar, index: int) -> None:
            self.bar = bar
            self.index = index
            super().__init__()

        @property
        def control(self) -> ChoiceBar:
            return self.bar

    def __init__(self, names: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.names = [safe_text(name) for name in names]

    def validate_current(self, current: int) -> int:
        return max(0, min(current, len(self.names) - 1))

    def watch_current(self, current: int) -> None:
        self.post_message(self.Changed(self, current))

    def spans(self) -> list[tuple[int, int]]:
        """(start, end) cell columns of each shown name, brackets included; -1s when hidden."""
        first = self.first_shown()
        spans, x = [], 2 if first else 0
        for index, name in enumerate(self.names):
            if index < first:
                spans.append((-1, -1))
                continue
            width = cell_len(name) + 2
            spans.append((x, x + width))
            x += width + GAP
        return spans

    def first_shown(self) -> int:
        """The first name shown: enough are left out at the start for the current to fit."""
        widths = [cell_len(name) + 2 + GAP for name in self.names]
        first = 0
        while first < self.current and sum(widths[first : self.current + 1]) + 2 > self.size.width:
            first += 1
        return first

    def render(self) -> Text:
        current_style = self.get_component_rich_style("choice-bar--current")
        first = self.first_shown()
        row = Text("‹ " if first else "", "dim")
        for index, name in enumerate(self.names[first:], start=first):
            if index > first:
                row.append(" " * GAP)
            if index == self.current:
                row.append(f"[{name}]", current_style)
            else:
                row.append(f" {name} ")
        width = self.size.width
        if width > 2 and row.cell_len > width:  # more names beyond the right edge
            row.truncate(width - 2)
            row.append(" ›", "dim")
        return row

    def action_move(self, step: int) -> None:
        """Make the previous (-1) or next (1) name current."""
        self.current += step

    def on_click(self, event: events.Click) -> None:
        """A click on a name makes it current."""
        for index, (start, end) in enumerate(self.spans()):
            if start <= event.x < end:
                self.current = index
                return
