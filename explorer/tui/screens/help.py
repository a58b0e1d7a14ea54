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
        if self.app.is_web:
            table.add_row("", "")
            table.add_row(Text("In a browser", "bold underline"), "")
            for keys, what in BROWSER_KEYS:
                table.add_row(Text(self.key_names(Binding(keys, ""))), Text(what))
        return table


# What differs when the app runs in a browser tab (`explorer serve`). The browser keeps a few
# keys however a page asks for them; every other key (ctrl+p, f5, ctrl+r) comes to the app.
BROWSER_KEYS = [
    (
        "ctrl+w,ctrl+t,ctrl+n,ctrl+tab",
        "kept by the browser: close the tab (and this explorer), new tab, new window, next tab",
    ),
    ("alt+backspace", "in a search box: delete a word (^w would close the tab)"),
    ("q", "ends this explorer; the page offers to start a new one"),
    (
        "y,Y",
        "copy to the browser's clipboard: from localhost or over https; a browser refuses "
        "it to a page from another machine over plain http (export instead)",
    ),
    ("e,E", "the export comes to you as a download, not as a file on the server"),
]
