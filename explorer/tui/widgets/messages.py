"""Messages panes post to the screen; panes never reach into each other."""

from __future__ import annotations

from textual.message import Message

from explorer.tui.views import Ref


class Chosen(Message):
    """The user chose a leg, event, country or area to narrow the view to (None: clear)."""

    def __init__(self, ref: Ref | None) -> None:
        self.ref = ref
        super().__init__()


class SourceWanted(Message):
    """The user wants to see the article's words behind a record."""

    def __init__(self, ref: Ref) -> None:
        self.ref = ref
        super().__init__()


class Narrowed(Message):
    """A pane's own search, kind or order changed (the filter line says them)."""
