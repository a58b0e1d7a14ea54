"""The help screen: every key, gathered from the bindings themselves so it cannot drift."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.content import Content

from explorer.tui.screens.overlay import Overlay

# The keys each part of the app answers to, under a heading: given by the screen that
# owns those parts, so this view needs to know nothing of them.
Sections = list[tuple[str, list[Binding]]]


class HelpScreen(Overlay):
    """Every key the app answers to, by where it works."""

    BINDINGS = [Binding("question_mark,f1", "close", "Close", show=False, id="close-help")]

    def __init__(self, sections: Sections) -> None:
        super().__init__()
        self.sections = sections

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
        for title, bindings in self.sections:
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
