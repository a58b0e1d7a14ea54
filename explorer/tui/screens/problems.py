"""The view that says a dataset's evidence is not what its articles say."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from explorer.core.safe import safe_text
from explorer.tui.screens.overlay import Overlay

SHOWN = 50


class ProblemsScreen(Overlay):
    """What the checks made after the first paint found wrong: every line, and what to do."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__()
        self.problems = problems

    def title_text(self) -> Content:
        count = len(self.problems)
        return Content(f"The dataset has {count} problem{'s' * (count != 1)}")

    def body(self) -> Text:
        text = Text(
            "Some of what this dataset gives as an article's words is not in the article, or "
            "an article's text is not the one it was built from. What the views show may be "
            "wrong. `explorer validate FILE` lists every problem; rebuild the dataset with "
            "`explorer build`.\n\n",
            "bold",
        )
        for problem in self.problems[:SHOWN]:
            text.append(safe_text(problem) + "\n")
        if len(self.problems) > SHOWN:
            text.append(f"… and {len(self.problems) - SHOWN} more\n", "italic")
        text.append("\nEscape closes this view; the filter line keeps the warning.", "dim")
        return text
