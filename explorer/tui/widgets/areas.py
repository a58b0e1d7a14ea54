"""The Cooperation areas pane: areas by category, with partners and their commitment."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input, Static, Tree

from explorer.core.model import Area, AreaMention
from explorer.core.safe import safe_text
from explorer.tui.views import Ref
from explorer.tui.widgets.messages import Narrowed
from explorer.tui.widgets.pane import Pane
from explorer.tui.widgets.vim import ChoiceTree

# How many partner commitments an area's line shows; the detail below lists them all.
SHOWN_PARTS = 3


class AreaTree(ChoiceTree):
    """Categories holding areas; Enter on an area narrows the view to it."""


class AreaSearch(Input):
    """Filters the areas as you type; Escape clears it, Enter or Down goes to the tree."""

    BINDINGS = [
        Binding("escape", "done(True)", "Clear search", id="clear-area-search"),
        Binding("down", "done(False)", "To the areas", show=False, id="to-areas"),
    ]

    def action_done(self, clear: bool) -> None:
        if clear:
            self.value = ""
        self.post_message(self.Submitted(self, self.value))


class AreasPane(Pane):
    """Areas of cooperation grouped by category, narrowed by the screen's choice and by
    a search of their names and categories."""

    BORDER_TITLE = "Cooperation areas"
    BINDINGS = [
        # A priority binding, as the screen's "/" is (which gives way to it here): acted on
        # as the app reads it, so that the keys after it go into the box, not to the tree.
        Binding(
            "slash",
            "search",
            "Search areas",
            tooltip="Filter areas by name",
            id="search-areas",
            priority=True,
        )
    ]

    def compose(self) -> ComposeResult:
        self.search_box = AreaSearch(placeholder="/ area or category", id="area-search")
        self.choices = AreaTree("Areas", id="area-tree")
        hint = Text("Enter on an area: its quotes and events. s: its source.", "italic")
        self.detail = Static(hint, id="area-detail")
        yield self.search_box
        yield self.choices
        yield self.detail

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # In the box, "/" is a character.
        return not (action == "search" and self.screen.focused is self.search_box)

    @property
    def query(self) -> str:
        """What the area search holds."""
        return self.search_box.value

    def action_search(self) -> None:
        """Show and focus the area search."""
        self.add_class("-searching")
        # At once, not after the messages queued (as focus() does): a key typed right after
        # "/" belongs in the box, not to the list, however busy the app is.
        self.screen.set_focus(self.search_box)

    @on(Input.Changed, "#area-search")
    def searched(self, event: Input.Changed) -> None:
        event.stop()
        self.refill()
        self.post_message(Narrowed())

    @on(Input.Submitted, "#area-search")
    def search_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.set_class(bool(self.query.strip()), "-searching")
        self.choices.focus()

    def clear(self) -> None:
        """Drop the area search."""
        self.search_box.value = ""
        self.remove_class("-searching")

    def describe_narrowing(self) -> str:
        """The area search, for the filter line."""
        query = self.query.strip()
        return f"areas “{safe_text(query)}”" if query else ""

    @property
    def narrowed(self) -> bool:
        return bool(self.query.strip())

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
        query = self.query
        wanted = set(self.index.area_matcher.match(query)) if query.strip() else None
        for category, areas in self.index.areas_by_category():
            if wanted is not None:
                areas = [area for area in areas if area.id in wanted]
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
        if tree.cursor_node is not None and tree.root.children:
            self.describe(tree.cursor_node)  # never the detail of what the tree had before
        if not tree.root.children:
            what = "this search" if wanted is not None else "this choice"
            self.detail.update(Text(f"No areas for {what}.", "italic"))

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
        self.describe(event.node)

    def describe(self, node) -> None:
        """Show what the node holds below the tree: an area's partners, or a category's
        areas."""
        ref = node.data
        detail = self.detail
        if not isinstance(ref, Ref):
            detail.update(self.category_detail(node))
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

    def category_detail(self, node) -> Text:
        """What a category holds: its areas, and how to open or fold it."""
        areas = [self.index.areas[child.data.id] for child in node.children]
        text = node.label.copy()
        text.stylize("bold")
        text.append(f"\n{len(areas)} area{'s' * (len(areas) != 1)}: ", "italic")
        text.append(", ".join(safe_text(area.name) for area in areas))
        text.append("\nSpace folds or unfolds it; Enter on an area narrows every pane.", "dim")
        return text

    @on(Tree.NodeSelected, "#area-tree")
    def node_chosen(self, event: Tree.NodeSelected) -> None:
        """Enter on an area narrows the view to it; on a category it folds or unfolds it."""
        event.stop()
        ref = event.node.data
        if isinstance(ref, Ref):
            self.choose(ref)
        else:
            event.node.toggle()
