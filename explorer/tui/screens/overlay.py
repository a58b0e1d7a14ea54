"""The base of the source, compare and help views: a titled, scrollable box over the panes."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Static

from explorer.tui.screens.resize import drop_if_stale
from explorer.tui.widgets.keybar import KeyBar
from explorer.tui.widgets.vim import VimScroll


class Overlay(ModalScreen[None]):
    """A box with a title, a scrollable body and a footer; Escape or q closes it."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="close-overlay")]

    def __init__(self) -> None:
        super().__init__()
        # Made here, not found by a query later: a key that arrives while the screen is
        # still being composed, or already closing, finds them all the same.
        self.box = Vertical(classes="overlay-box")
        self.scroll = VimScroll(classes="overlay-scroll")
        self.body_view = Static(classes="overlay-body")

    def title_text(self) -> Content:
        """The box's border title (plain content, never markup)."""
        raise NotImplementedError

    def body(self) -> RenderableType:
        """What the box shows."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with self.box:
            with self.scroll:
                yield self.body_view
            yield KeyBar()

    def on_mount(self) -> None:
        self.box.border_title = self.title_text()
        self.body_view.update(self.body())
        self.scroll.focus()

    def on_resize(self, event: Resize) -> None:
        drop_if_stale(self, event)

    def refresh_body(self) -> None:
        """Draw the body again after a change of mode."""
        self.body_view.update(self.body())

    def action_close(self) -> None:
        """Close the view; a close of one not on top (already closing) does nothing."""
        if self.is_active:
            self.dismiss()
