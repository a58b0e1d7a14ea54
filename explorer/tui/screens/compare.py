"""The compare view: two partners' cooperation areas side by side, and what they share."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.content import Content

from explorer.core.model import Area
from explorer.core.query import Index
from explorer.core.safe import safe_text
from explorer.tui.screens.overlay import Overlay


def top_partners(index: Index) -> tuple[str, str] | None:
    """The two countries with the most cooperation areas (the tour's two hosts here)."""
    counts: dict[str, int] = {}
    for area in index.dataset.areas:
        for partner in index.area_partners(area):
            counts[partner] = counts.get(partner, 0) + 1
    ranked = sorted(counts, key=lambda c: -counts[c])
    return (ranked[0], ranked[1]) if len(ranked) >= 2 else None


def commitments(area: Area, country: str) -> Text:
    """What the articles record of an area with one partner: "discussed, explored (new)"."""
    seen = []
    for mention in area.mentions:
        if country in mention.partners:
            label = mention.commitment + (" (new)" if mention.new else "")
            if label not in seen:
                seen.append(label)
    return Text(", ".join(seen) or "—", "" if seen else "dim")


def compare_view(index: Index, first: str, second: str) -> Group:
    """A table of shared and separate areas, then the proposals naming both partners."""
    names = [safe_text(index.countries[c].name) for c in (first, second)]
    shared = index.shared_areas(first, second)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.add_column("Area", ratio=3)
    table.add_column(names[0], ratio=2)
    table.add_column(names[1], ratio=2)
    sections = [
        (f"Shared by both ({len(shared.both)})", shared.both),
        (f"Only {names[0]} ({len(shared.only_first)})", shared.only_first),
        (f"Only {names[1]} ({len(shared.only_second)})", shared.only_second),
    ]
    for title, areas in sections:
        table.add_row(Text(title, "bold underline"), "", "")
        for area in areas:
            table.add_row(
                Text("  " + safe_text(area.name)),
                commitments(area, first),
                commitments(area, second),
            )
        table.add_row("", "", "")
    notes = Text()
    for proposal in index.dataset.proposals:
        if {first, second} <= set(proposal.countries):
            by = ", ".join(safe_text(index.parties[p].name) for p in proposal.by) or "the article"
            notes.append(f"{proposal.kind.title()} ({by}): ", "bold")
            notes.append(safe_text(proposal.title) + "\n")
            for evidence in proposal.evidence:
                notes.append(f"  “{safe_text(evidence.text)}”\n", "italic dim")
    return Group(table, notes)


class CompareScreen(Overlay):
    """Two partners side by side: the areas both share and those only one has."""

    BINDINGS = [Binding("c", "close", "Close", show=False, id="close-compare")]

    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index = index
        self.pair = top_partners(index)

    def title_text(self) -> Content:
        if self.pair is None:
            return Content("Compare")
        first, second = (self.index.countries[c].name for c in self.pair)
        return Content(safe_text(f"Compare {first} and {second}"))

    def body(self) -> RenderableType:
        if self.pair is None:
            return Text("Comparing needs two partner countries with areas.")
        return compare_view(self.index, *self.pair)
