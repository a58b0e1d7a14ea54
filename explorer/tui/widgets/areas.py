"""The Cooperation areas pane: areas by category, with partners and their commitment."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Static, Tree

from explorer.core.model import Area, AreaMention
from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.pane import Pane
from explorer.tui.widgets.vim import ChoiceTree

# How many partner commitments an area's line shows; the detail below lists them all.
SHOWN_PARTS = 3


class AreaTree(ChoiceTree):
    """Categories holding areas; Enter on an area narrows the view to it."""


class AreasPane(Pane):
    """Areas of cooperation grouped by category, narrowed by the screen's choice."""

    BORDER_TITLE = "Cooperation areas"

    def compose(self) -> ComposeResult:
        self.choices = AreaTree("Areas", id="area-tree")
        hint = Text("Enter on an area: its quotes and events. s: its source.", "italic")
        self.detail = Static(hint, id="area-detail")
        yield self.choices
        yield self.detail

    @property
    def primary(self) -> Widget:
        return self.choices

    def mentions(self, area: Area) -> list[AreaMention]:
        """The mentions of an area that belong to the current choice."""
        if self.selection is None or self.selection.kind == "area":
            return area.mentions
        return [m for m in area.mentions if self.views.mention_matches(self.selection, m)]

    def refill(self) -> None:
        """Refill the tree for the current choice, keeping the chosen area under the cursor."""
        tree, chosen = self.choices, self.selection
        before = tree.cursor_node.data if tree.cursor_node else None
        tree.clear()
        for category, areas in self.index.areas_by_category():
            shown = [(area, self.mentions(area)) for area in areas]
            shown = [(area, mentions) for area, mentions in shown if mentions]
            if not shown:
                continue
            label = Text(safe_text(category.name), "bold")
            label.append(f" ({len(shown)})", "dim")
            node = tree.root.add(label, None, expand=True)
            for area, mentions in shown:
                ref = Ref("area", area.id)
                node.add_leaf(self.area_label(area, mentions, ref == chosen), ref)
        tree.place_cursor(chosen, before)
        if not tree.root.children:
            none = Text("No areas for this choice.", "italic")
            self.detail.update(none)

    def area_label(self, area: Area, mentions: list[AreaMention], chosen: bool) -> Text:
        """An area's line: name, then each partner's commitment."""
        text = Text("● " if chosen else "", "bold")
        text.append(safe_text(area.name))
        parts = dict.fromkeys(
            (tuple(mention.partners), mention.commitment, mention.new) for mention in mentions
        )
        shown = []
        for partners, commitment, new in list(parts)[:SHOWN_PARTS]:
            names = "/".join(safe_text(self.index.countries[c].name) for c in partners)
            shown.append(f"{names} {commitment}" + (" new" if new else ""))
        if len(parts) > SHOWN_PARTS:
            shown.append(f"+{len(parts) - SHOWN_PARTS} more")
        text.append("  " + " · ".join(shown), "dim")
        cited = {e.source for mention in mentions for e in mention.evidence}
        if len(cited) > 1:
            text.append(f"  [{len(cited)} sources]", "dim italic")
        return text

    @on(Tree.NodeHighlighted, "#area-tree")
    def highlighted(self, event: Tree.NodeHighlighted) -> None:
        """Describe the highlighted area below the tree."""
        event.stop()
        ref = event.node.data
        detail = self.detail
        if not isinstance(ref, Ref):
            return
        area = self.index.areas[ref.id]
        text = Text(safe_text(area.name), "bold")
        text.append(f"  {safe_text(self.index.category_name(area.category))}", "italic")
        for mention in area.mentions:
            partners = ", ".join(safe_text(self.index.countries[c].name) for c in mention.partners)
            text.append(f"\n{partners}: ", "bold")
            text.append(mention.commitment + (" · new area" if mention.new else ""))
            text.append(f" (“{safe_text(mention.verb)}”)", "dim")
            if mention.event:
                text.append(f" · {safe_text(self.index.events[mention.event].title)}", "dim")
        detail.update(text)

    @on(Tree.NodeSelected, "#area-tree")
    def node_chosen(self, event: Tree.NodeSelected) -> None:
        """Enter on an area narrows the view to it; on a category it folds or unfolds it."""
        event.stop()
        ref = event.node.data
        if isinstance(ref, Ref):
            self.choose(ref)
        else:
            event.node.toggle()
