"""The help screen: every key, gathered from the bindings themselves so it cannot drift."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.content import Content

from explorer.tui.screens.compare import CompareScreen
from explorer.tui.screens.overlay import Overlay
from explorer.tui.screens.source import SourceScreen
from explorer.tui.widgets.areas import AreaTree
from explorer.tui.widgets.choice_bar import ChoiceBar
from explorer.tui.widgets.country import CountryPane
from explorer.tui.widgets.quote_list import QuoteList
from explorer.tui.widgets.quotes import QuotesPane, SearchBox
from explorer.tui.widgets.timeline import TimelineTree
from explorer.tui.widgets.vim import VIM_KEYS

GLOBAL_EXTRA = [
    Binding("ctrl+p", "", "Command palette: jump to any speaker, country, event or area"),
    Binding("ctrl+q", "", "Quit (also from the search box)"),
]


def sections() -> list[tuple[str, list[Binding]]]:
    """Each part of the app with the bindings active there."""
    from explorer.tui.screens.main import MainScreen

    return [
        ("Everywhere", [*MainScreen.BINDINGS, *GLOBAL_EXTRA]),
        ("Timeline (1)", [*VIM_KEYS, *TimelineTree.BINDINGS]),
        ("Country (2)", [*ChoiceBar.BINDINGS, *CountryPane.BINDINGS]),
        ("Quotes (3)", [*QuoteList.BINDINGS, *QuotesPane.BINDINGS]),
        ("Speaker search", list(SearchBox.BINDINGS)),
        ("Cooperation areas (4)", [*VIM_KEYS, *AreaTree.BINDINGS]),
        ("Source view", [*Overlay.BINDINGS, *SourceScreen.BINDINGS]),
        ("Compare view", [*Overlay.BINDINGS, *CompareScreen.BINDINGS]),
    ]


class HelpScreen(Overlay):
    """Every key the app answers to, by where it works."""

    BINDINGS = [Binding("question_mark,f1", "dismiss", "Close", show=False, id="close-help")]

    def title_text(self) -> Content:
        return Content("Keys")

    def body(self) -> Table:
        return self.keys_table()

    def key_names(self, binding: Binding) -> str:
        """A binding's keys as shown to people: "↓ j", "? f1"."""
        names = []
        for key in binding.key.split(","):
            names.append(self.app.get_key_display(Binding(key.strip(), binding.action)))
        return " ".join(dict.fromkeys(names))

    def keys_table(self) -> Table:
        """The table of keys."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in sections():
            table.add_row(Text(title, "bold underline"), "")
            seen = set()
            for binding in bindings:
                row = (self.key_names(binding), binding.tooltip or binding.description)
                if row not in seen:
                    seen.add(row)
                    table.add_row(Text(row[0]), Text(row[1]))
            table.add_row("", "")
        table.add_row(Text("Mouse", "bold underline"), "")
        table.add_row(Text("click"), Text("a pane, a row, a tab or a node: as its key does"))
        table.add_row(Text("double-click"), Text("a quote: show its source"))
        return table
