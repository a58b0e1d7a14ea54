"""The base of the source, compare and help views: a titled, scrollable box over the panes."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


class Overlay(ModalScreen[None]):
    """A box with a title, a scrollable body and a footer; Escape or q closes it."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="close-overlay"),
        Binding("down,j", "scroll(1)", "Down", show=False),
        Binding("up,k", "scroll(-1)", "Up", show=False),
        Binding("pagedown,space", "scroll(10)", "Page down", show=False),
        Binding("pageup", "scroll(-10)", "Page up", show=False),
    ]

    def title_text(self) -> Content:
        """The box's border title (plain content, never markup)."""
        raise NotImplementedError

    def body(self) -> RenderableType:
        """What the box shows."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="overlay-box"):
            with VerticalScroll(classes="overlay-scroll"):
                yield Static(self.body(), classes="overlay-body")
            yield Footer()

    def on_mount(self) -> None:
        self.query_one(".overlay-box").border_title = self.title_text()
        self.query_one(VerticalScroll).focus()

    def refresh_body(self) -> None:
        """Draw the body again after a change of mode."""
        self.query_one(".overlay-body", Static).update(self.body())

    def action_scroll(self, lines: int) -> None:
        """Scroll the body."""
        self.query_one(VerticalScroll).scroll_relative(y=lines, animate=False)
