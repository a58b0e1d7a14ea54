"""Vim keys for the stock widgets: one key table for lists, trees and scrolling views."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Tree

from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.messages import SourceWanted

# The keys that move through anything long: each widget says what a line, a page and an
# edge mean for it (a cursor row in a list, a line of text in a scrolling view).
LINE_KEYS = [
    Binding("down,j", "line(1)", "Down", show=False, id="line-down"),
    Binding("up,k", "line(-1)", "Up", show=False, id="line-up"),
    Binding("pagedown,space", "page(1)", "Page down", show=False, id="page-down"),
    Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
    Binding("home,g", "edge(0)", "First", show=False, id="first"),
    Binding("end,G", "edge(-1)", "Last", show=False, id="last"),
]

TREE_KEYS = [
    Binding("down,j", "cursor_down", "Down", show=False, id="line-down"),
    Binding("up,k", "cursor_up", "Up", show=False, id="line-up"),
    Binding("home,g", "scroll_home", "First", show=False, id="first"),
    Binding("end,G", "scroll_end", "Last", show=False, id="last"),
    Binding("space", "toggle_node", "Fold or unfold", show=False, id="fold"),
]


class VimScroll(VerticalScroll):
    """A scrolling view moved by LINE_KEYS; actions before it is laid out do nothing."""

    BINDINGS = LINE_KEYS

    def action_line(self, lines: int) -> None:
        """Scroll by a number of lines."""
        self.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll by a page (the view's height less one line)."""
        self.scroll_relative(
            y=pages * max(self.scrollable_content_region.height - 1, 1), animate=False
        )

    def action_edge(self, edge: int) -> None:
        """Scroll to the top (0) or the bottom (-1)."""
        if edge < 0:
            self.scroll_end(animate=False)
        else:
            self.scroll_home(animate=False)


class VimTree(Tree):
    """A Tree moved with j/k/g/G as well as the arrows, whose string labels are never markup."""

    BINDINGS = TREE_KEYS

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

    def render_label(self, node, base_style, style) -> Text:
        """The label, cut with "…" where the tree is too narrow for it, never mid-word
        without a mark."""
        text = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and (parent is not self.root or self.show_root):
            depth += 1
            parent = parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room > 0 and text.cell_len > room:
            text.truncate(room, overflow="ellipsis")
        return text

    def process_label(self, label: str | Text) -> Text:
        """Treat a str label as plain text, not markup; keep only its first line."""
        text = Text(safe_text(label)) if isinstance(label, str) else label
        return text.split()[0] if text.plain else text


class ChoiceTree(VimTree):
    """A tree whose nodes carry Refs: Enter chooses one, s asks for its source."""

    BINDINGS = [
        Binding(
            "enter",
            "select_cursor",
            "Filter",
            tooltip="Narrow every pane to this; again: source",
            id="choose",
        ),
        Binding("s", "source", "Source", tooltip="Show the article's words", id="source"),
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
