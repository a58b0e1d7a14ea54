"""Stock Trees with vim keys and labels that are always plain text."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree

from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.messages import SourceWanted

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

    def place_cursor(self, *wanted: object) -> None:
        """Put the cursor on the first visible node whose data is in `wanted`, else line 0."""
        lines: dict[object, int] = {}
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None:
                lines.setdefault(node.data, line)
        found = [lines[data] for data in wanted if data is not None and data in lines]
        self.cursor_line = found[0] if found else 0
        self.scroll_to_line(self.cursor_line, animate=False)

    def process_label(self, label: str | Text) -> Text:
        """Treat a str label as plain text, not markup; keep only its first line."""
        text = Text(safe_text(label)) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text


class ChoiceTree(VimTree):
    """A tree whose nodes carry Refs: Enter chooses one, s asks for its source."""

    BINDINGS = [
        Binding(
            "enter", "select_cursor", "Filter", tooltip="Narrow every pane to this; again: source"
        ),
        Binding("s", "source", "Source", tooltip="Show the article's words"),
    ]

    def __init__(self, label: str, *, id: str | None = None) -> None:
        super().__init__(label, id=id)
        self.show_root = False
        self.auto_expand = False  # Enter chooses; space folds

    def action_source(self) -> None:
        """Ask for the source of the node under the cursor."""
        node = self.cursor_node
        if node is not None and isinstance(node.data, Ref):
            self.post_message(SourceWanted(node.data))
