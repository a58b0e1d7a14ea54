"""A stock Tree with vim keys, and labels that are always plain text."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree

from explorer.safe import safe_text

VIM_KEYS = [
    Binding("down,j", "cursor_down", "Down", show=False),
    Binding("up,k", "cursor_up", "Up", show=False),
    Binding("home,g", "scroll_home", "First", show=False),
    Binding("end,G", "scroll_end", "Last", show=False),
    Binding("space", "toggle_node", "Fold or unfold", show=False),
]


class VimTree(Tree):
    """A Tree moved with j/k/g/G as well as the arrows, whose string labels are never markup."""

    BINDINGS = VIM_KEYS

    def process_label(self, label: str | Text) -> Text:
        """Treat a str label as plain text, not markup; keep only its first line."""
        text = Text(safe_text(label)) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text
