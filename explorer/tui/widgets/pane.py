"""The base of the four panes: a bordered box that receives the screen's choice."""

from __future__ import annotations

from textual.containers import Vertical
from textual.reactive import reactive
from textual.widget import Widget

from explorer.core.query import Index
from explorer.tui.views import Ref, Views
from explorer.tui.widgets.messages import Chosen, SourceWanted
from explorer.tui.widgets.vim import VimScroll

_NOT_YET = object()


class DetailScroll(VimScroll, can_focus=False):
    """A pane's detail area: scrolled by the pane's keys and the mouse, never focused."""


class Pane(Vertical):
    """A titled pane; `selection` is bound to the screen's and narrows what it shows."""

    DEFAULT_CLASSES = "pane"
    ALLOW_MAXIMIZE = True
    selection: reactive[Ref | None] = reactive(None, init=False)

    def __init__(self, index: Index, views: Views, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.views = views

    @property
    def primary(self) -> Widget:
        """The widget that takes focus when the pane is entered."""
        raise NotImplementedError

    def refill(self) -> None:
        """Show what the current choice narrows the pane to."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.fill()

    def watch_selection(self) -> None:
        self.fill()

    def fill(self) -> None:
        """Refill for the current choice, once: mounting and binding both ask for it."""
        if getattr(self, "_filled_for", _NOT_YET) != self.selection:
            self._filled_for = self.selection
            self.refill()

    def choose(self, ref: Ref | None) -> None:
        """Narrow the view to `ref`; when it is already the choice, show its source instead.

        So Enter narrows, and a second Enter on the same thing shows the article's words.
        """
        if ref is not None and ref == self.selection:
            self.post_message(SourceWanted(ref))
        else:
            self.post_message(Chosen(ref))

    def enter(self) -> None:
        """Give the pane's main widget the focus."""
        self.primary.focus()

    def on_click(self) -> None:
        """A click anywhere in the pane (its border, a detail) enters it."""
        if not self.has_focus_within:
            self.enter()
