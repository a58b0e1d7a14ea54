"""The base of the four panes: a bordered box that receives the screen's choice."""

from __future__ import annotations

from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget

from explorer.query import Index
from explorer.views import Ref, Views


class DetailScroll(VerticalScroll, can_focus=False):
    """A pane's detail area: scrolled by the pane's keys and the mouse, never focused."""


class Pane(Vertical):
    """A titled pane; `selection` is bound to the screen's and narrows what it shows."""

    DEFAULT_CLASSES = "pane"
    selection: reactive[Ref | None] = reactive(None, init=False)

    def __init__(self, index: Index, views: Views, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.index = index
        self.views = views

    @property
    def primary(self) -> Widget:
        """The widget that takes focus when the pane is entered."""
        raise NotImplementedError

    def enter(self) -> None:
        """Give the pane's main widget the focus."""
        self.primary.focus()

    def on_click(self) -> None:
        """A click anywhere in the pane (its border, a detail) enters it."""
        if not self.has_focus_within:
            self.enter()
