"""The explorer Textual app: a thin shell around the main screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from explorer.core.model import Dataset
from explorer.core.query import Index
from explorer.tui.screens.main import MainScreen
from explorer.tui.views import Views


class ExplorerApp(App[None]):
    """Explore what the articles say: timeline, country, quotes and cooperation areas."""

    # Absolute, so that subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).parent / "explorer.tcss"
    TITLE = "explorer"
    COMMANDS = App.COMMANDS | {lambda: _explorer_commands()}

    def __init__(self, dataset: Dataset) -> None:
        super().__init__()
        self.index = Index(dataset)
        self.views = Views(self.index)

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.index, self.views)


def _explorer_commands() -> type:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from explorer.tui.commands import ExplorerCommands

    return ExplorerCommands


def make_app(dataset: Dataset) -> ExplorerApp:
    """Build the app for a dataset; the command line and the tests both use this."""
    return ExplorerApp(dataset)


def run(dataset: Dataset) -> int:
    """Run the app in the terminal until the user quits; return the exit code."""
    app = make_app(dataset)
    app.run()
    return app.return_code or 0
