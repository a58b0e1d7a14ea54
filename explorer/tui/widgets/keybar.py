"""The key bar at the foot of a screen: the keys that work now, drawn as one line.

Textual's Footer is a widget per key, composed again whenever the keys change, which they do
with every move of the focus: 20 to 90 ms each time, on the key that moved it. This is one
widget that draws the same line from the screen's active bindings, so a change of focus
costs one repaint. A click on a key presses it; hovering shows what it does.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# The keys the bar keeps when a narrow terminal has no room for all (by binding id).
ALWAYS_SHOWN = frozenset({"help", "quit", "clear-filter"})


@dataclass(frozen=True)
class _Key:
    """One key on the bar: where it is drawn, and what pressing it does."""

    start: int
    end: int
    key: str
    enabled: bool
    tooltip: str


class KeyBar(Widget):
    """The keys of the screen's active bindings that are shown, one line, the command
    palette's key at the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"keybar--key", "keybar--description", "keybar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keybar--hover {
            background: $block-hover-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[_Key] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _shown(self) -> tuple[list[tuple[Binding, bool, str]], tuple[Binding, bool] | None]:
        """The bindings to show (the first key of each action), and the palette's."""
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled, tooltip)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found.binding, found.enabled)
                shown.pop(found.binding.action, None)
        return list(shown.values()), palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        hover_style = self.get_component_rich_style("keybar--hover", partial=True)
        bindings, palette = self._shown()
        line = Text(no_wrap=True, overflow="crop", end="")
        keys: list[_Key] = []

        def add(binding: Binding, enabled: bool, tooltip: str) -> None:
            start = len(line)
            line.append(f" {self.app.get_key_display(binding)} ", key_style)
            if binding.description:
                line.append(f"{binding.description} ", description_style)
            if not enabled:
                line.stylize("dim", start)
            if self._hover is not None and self._hover == len(keys):
                line.stylize(hover_style, start)
            keys.append(_Key(start, len(line), binding.key, enabled, tooltip))

        room = self.size.width - (self._width(palette[0]) + 1 if palette else 0)
        for binding, enabled, tooltip in self._fitting(bindings, room):
            add(binding, enabled, tooltip or binding.description)
        if palette is not None:
            binding, enabled = palette
            gap = self.size.width - len(line) - len(self.app.get_key_display(binding))
            gap -= len(binding.description) + 3
            line.append(" " * max(gap, 1))
            add(binding, enabled, binding.tooltip or binding.description)
        self._keys = keys
        return line

    def _width(self, binding: Binding) -> int:
        """The cells a key takes on the bar."""
        described = len(binding.description) + 1 if binding.description else 0
        return len(self.app.get_key_display(binding)) + 2 + described

    def _fitting(self, bindings: list, room: int) -> list:
        """The keys that fit in `room` cells, in their order: help and quit (where a
        newcomer looks for the rest) and clearing a filter, then the others while each fits."""
        left = room - sum(self._width(b[0]) for b in bindings if b[0].id in ALWAYS_SHOWN)
        kept = []
        for entry in bindings:
            if entry[0].id not in ALWAYS_SHOWN:
                if self._width(entry[0]) > left:
                    continue
                left -= self._width(entry[0])
            kept.append(entry)
        return kept

    def _key_at(self, x: int) -> int | None:
        return next((n for n, key in enumerate(self._keys) if key.start <= x < key.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._key_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.tooltip = self._keys[hover].tooltip if hover is not None else None
            self.refresh()

    def on_leave(self) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        at = self._key_at(event.x)
        if at is None:
            return
        if self._keys[at].enabled:
            self.app.simulate_key(self._keys[at].key)
        else:
            self.app.bell()
