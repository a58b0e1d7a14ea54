"""The explorer Textual app: a thin shell around the main screen."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.events import DeliveryFailed
from textual.screen import Screen

from explorer.core.load import hold_collector, release_collector
from explorer.core.model import Dataset
from explorer.core.query import Index
from explorer.core.safe import safe_text
from explorer.tui.screens.main import MainScreen
from explorer.tui.views import Views

# Datasets above this size build their search index after the first paint.
WARM_FROM = 5_000
# The index waits while keys come: this long after the last one (seconds).
KEYS_FIRST = 0.12


class ExplorerApp(App[None]):
    """Explore what the articles say: timeline, country, quotes and cooperation areas."""

    # Absolute, so that subclasses defined elsewhere (benchmarks, tests) find it too.
    CSS_PATH = Path(__file__).parent / "explorer.tcss"
    TITLE = "explorer"
    COMMANDS = App.COMMANDS | {lambda: _explorer_commands()}

    def __init__(
        self,
        dataset: Dataset,
        notice: str | None = None,
        *,
        settings: bool = True,
        evidence_checked: bool = True,
        evidence_passed: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.index = Index(dataset)
        # When the dataset was loaded without checking its evidence (see `load_dataset`),
        # the app checks it after its first paint and says what it finds.
        self.checking = not evidence_checked
        self.evidence_passed = evidence_passed  # told when they pass (the cache notes it)
        self.problems: list = []
        self.views = Views(self.index)
        self.notice = notice
        # False in a browser tab: the theme a colleague picks there is not the analyst's.
        self.uses_settings = settings
        self.remembers = False  # the real app remembers the theme; tests do not
        self.last_key = 0.0  # when the last key was read (monotonic seconds)

    def on_load(self) -> None:
        """Hold the garbage collector until the first paint (if the command line has not
        already): the screens and panes being built make it run again and again, each time
        over all that is not frozen (at 100,000 statements the first frame came 40-400 ms
        later with it)."""
        hold_collector()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.last_key = event.time  # when the driver read it (Textual's monotonic clock)
        await super().on_event(event)

    def watch_theme(self, theme: str) -> None:
        if self.remembers:
            from explorer.core.settings import remember

            remember(theme=theme)

    def apply_remembered_theme(self) -> None:
        """Use the theme chosen in an earlier run, if this Textual still has it."""
        from explorer.core.settings import load_settings

        theme = load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.remembers = True

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.index, self.views)

    def on_mount(self) -> None:
        """End as cleanly on SIGTERM, SIGHUP and SIGINT as on q: the terminal restored, the
        exit code the shell gives a process ended by that signal (143, 129, 130)."""
        if self.notice:
            self.notify(safe_text(self.notice), markup=False, timeout=6)  # it may hold a path
        if len(self.index.dataset.statements) > WARM_FROM:
            # What the search needs takes half a second at 100,000 statements: the speakers'
            # indexes now (~60 ms), so that no key ever waits for them; the words after the
            # first paint, in slices; a key typed meanwhile searches the words indexed so far.
            self.index.background = True
            self.index.index_speakers()
        self.call_after_refresh(self.after_first_paint)
        if self.is_headless:
            return  # tests drive the app in the test runner's process: its signals are its own
        if self.uses_settings:
            self.apply_remembered_theme()
        loop = asyncio.get_running_loop()
        for signal_number in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signal_number, self.exit, None, 128 + signal_number)

    def after_first_paint(self) -> None:
        """Check the evidence, then index the words, a slice at a time between keys and
        frames (a few milliseconds a slice; under a second in all at 100,000 statements),
        keys first; a search meanwhile looks at the words indexed so far, and is done again
        when all are.

        What exists now lives as long as the app, and so will the indexes: each is moved out
        of the garbage collector's sight (`gc.freeze`), or every full collection would walk
        them again — at 100,000 statements a 40–90 ms pause, felt as a slow key. The collector
        held since the app loaded runs again, as it was."""
        gc.freeze()
        release_collector()
        checks = self.check_steps() if self.checking else iter(())
        warm = self.index.warm_steps() if self.index.background else iter(())

        def step() -> None:
            if time.monotonic() - self.last_key < KEYS_FIRST:
                self.set_timer(KEYS_FIRST, step)  # someone is typing: their keys first
            elif _advanced(checks) or _advanced(warm):
                self.set_timer(0.001, step)
            elif self.index.background:
                self.index.background = False
                gc.freeze()
                for pane in self.screen_stack[0].query("QuotesPane"):
                    pane.index_ready()

        step()

    def on_unmount(self) -> None:
        gc.unfreeze()  # the app is done: what was frozen for it may be collected again
        release_collector()  # (if it ended before its first paint)

    def check_steps(self) -> Iterator[None]:
        """The evidence checks the load left out; then the filter line says they are done,
        or a view lists what is wrong and the filter line keeps saying so."""
        from explorer.core.checks import evidence_steps

        yield from evidence_steps(self.index.dataset, self.problems)
        self.checking = False
        if not self.problems and self.evidence_passed is not None:
            self.evidence_passed()
        main = self.screen_stack[0]
        if isinstance(main, MainScreen):
            main.show_filter_line()
        if self.problems:
            from explorer.tui.screens.problems import ProblemsScreen

            self.push_screen(ProblemsScreen([str(problem) for problem in self.problems]))

    def on_delivery_failed(self, event: DeliveryFailed) -> None:
        """A download offered to the browser (an export) did not reach it: say so."""
        self.notify(
            f"The download failed: {event.exception}",
            title="Not exported",
            severity="error",
            markup=False,
        )

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands but Quit: q and Ctrl+Q quit, and a few letters typed
        into the palette and Enter should never end the app by a fuzzy match."""
        for command in super().get_system_commands(screen):
            if command.title == "Screenshot":
                yield SystemCommand(
                    "Screenshot",
                    "Save an SVG picture of the screen in the current folder and say where",
                    lambda: self.set_timer(0.1, self.save_screenshot_here),
                )
            elif command.title != "Quit":
                yield command

    def save_screenshot_here(self) -> None:
        """Save a screenshot where Textual is told to (TEXTUAL_SCREENSHOT_LOCATION), else in
        the current folder, and say where it went."""
        from textual import constants

        folder = Path(constants.SCREENSHOT_LOCATION or ".").expanduser()
        try:
            saved = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.notify(
                f"No screenshot: {folder} cannot be written ({error.strerror or error})",
                severity="error",
                markup=False,
            )
            return
        self.notify(f"Screenshot saved to {Path(saved).resolve()}", markup=False, timeout=8)

    def action_command_palette(self) -> None:
        """Open the command palette."""
        if self.use_command_palette:
            self.open_palette()

    def search_themes(self) -> None:
        """The theme picker: Textual's, opened as a guarded palette like the command one."""
        from textual.theme import ThemeProvider

        self.open_palette(providers=[ThemeProvider], placeholder="Search for themes…")

    def open_palette(self, **options: object) -> None:
        """Open a palette (Textual's, guarded: see `_guarded_palette`) unless one is open,
        even under another view: keys faster than it opens would stack them up."""
        from textual.command import CommandPalette

        if not any(isinstance(screen, CommandPalette) for screen in self.screen_stack):
            self.push_screen(_guarded_palette()(**options))


def _explorer_commands() -> type:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from explorer.tui.commands import ExplorerCommands

    return ExplorerCommands


def _guarded_palette() -> type:
    """Textual's command palette, made safe against keys that arrive faster than it settles.

    Random keys found Textual 8.2's palette ending the app in four ways: a key bound to its
    list (Down, PageDown) that arrives before the list is composed (NoMatches) or laid out
    (KeyError in OptionList._move_page); a second Enter or Escape queued behind the one that
    closed it, which dismisses again and pops the screen beneath (ScreenStackError); and its
    search worker, still running when the palette closes, finding its list gone (NoMatches).
    """
    from textual import work
    from textual.await_complete import AwaitComplete
    from textual.command import CommandList, CommandPalette
    from textual.css.query import NoMatches
    from textual.events import Resize
    from textual.widgets import LoadingIndicator

    from explorer.tui.screens.resize import drop_if_stale

    search = CommandPalette._gather_commands.__wrapped__  # the worker's own coroutine

    class GuardedPalette(CommandPalette):
        def on_resize(self, event: Resize) -> None:
            drop_if_stale(self, event)

        def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
            if not self.query(CommandList):
                return False  # not composed yet (or already taken apart): no key acts
            return super().check_action(action, parameters)

        @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
        async def _gather_commands(self, search_value: str) -> None:
            try:
                await search(self, search_value)
            except NoMatches:
                if self.is_attached and self.query(CommandList):
                    raise  # a real fault, not a palette that closed mid-search

        def _watch__list_visible(self) -> None:
            if self.query(CommandList):  # a late search may end after the palette is gone
                super()._watch__list_visible()

        async def _watch__show_busy(self) -> None:
            if self.query(LoadingIndicator) and self.query(CommandList):
                await super()._watch__show_busy()

        def dismiss(self, result: object = None) -> AwaitComplete:
            if not self.is_active:
                return AwaitComplete()  # already closed: never pop what lies beneath
            return super().dismiss(result)

        def _action_command_list(self, action: str) -> None:
            if action in ("page_up", "page_down"):
                commands = self.query(CommandList)
                if not commands or not commands.first().scrollable_content_region.height:
                    return  # not composed or not laid out yet: a page is no lines at all
            super()._action_command_list(action)

    return GuardedPalette


def _advanced(steps: Iterator[None]) -> bool:
    """Whether one more step of `steps` was taken (False: they are all done)."""
    return next(steps, StopIteration) is not StopIteration


def make_app(
    dataset: Dataset,
    notice: str | None = None,
    *,
    settings: bool = True,
    evidence_checked: bool = True,
    evidence_passed: Callable[[], object] | None = None,
) -> ExplorerApp:
    """Build the app for a dataset; the command line and the tests both use this. Without
    `settings`, it neither reads nor writes the remembered theme; without
    `evidence_checked`, it checks the evidence after its first paint, and calls
    `evidence_passed` if it passes."""
    return ExplorerApp(
        dataset,
        notice,
        settings=settings,
        evidence_checked=evidence_checked,
        evidence_passed=evidence_passed,
    )


def run(
    dataset: Dataset,
    notice: str | None = None,
    *,
    settings: bool = True,
    evidence_checked: bool = True,
    evidence_passed: Callable[[], object] | None = None,
) -> int:
    """Run the app until the user quits (in the terminal, or in a browser tab under
    `explorer serve`); return the exit code."""
    app = make_app(
        dataset,
        notice,
        settings=settings,
        evidence_checked=evidence_checked,
        evidence_passed=evidence_passed,
    )
    app.run()
    return app.return_code or 0
