"""One measured run, in its own process: `python benchmarks/child.py (bare|DATASET) [--type]`,
or in a real terminal `... (bare|DATASET) --tty REPORT` (see `in_terminal`).

Prints one JSON line: when the first frame was painted (perf_counter, the same clock as the
parent's), how long loading took, peak memory, and with --type the time each keystroke
of a speaker search took to filter and redraw.
"""

from __future__ import annotations

import asyncio
import functools
import json
import resource
import sys
import time
from pathlib import Path

SIZE = (120, 36)
TYPED = "kamikawa"


def peak_mb() -> float:
    """This process's peak resident memory, in MB.

    Read from /proc (VmHWM), which starts afresh at exec; getrusage's ru_maxrss does not,
    and would report the parent's peak.
    """
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def first_paint(target: str) -> dict:
    """Start the app as `explorer --data` would and stop at its first painted frame."""
    result: dict = {}
    if target == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Bare(App):
            def compose(self) -> ComposeResult:
                yield Static("Hello")

            def on_ready(self) -> None:
                result["ready"] = time.perf_counter()
                self.exit()

        Bare().run(headless=True, size=SIZE)
        return result
    # The same steps as `explorer --data TARGET`: the command line, the load, the app.
    from explorer.cli.main import build_parser
    from explorer.core.load import hold_collector, open_dataset

    args = build_parser().parse_args(["--data", target])
    hold_collector()  # as `explorer` does, until the first paint
    started = time.perf_counter()
    dataset, checked, _ = open_dataset(args.data, evidence=False, aside=True)  # as `explorer`
    result["load"] = time.perf_counter() - started
    from explorer.tui.app import ExplorerApp

    class Timed(ExplorerApp):
        def on_ready(self) -> None:
            result["ready"] = time.perf_counter()
            self.exit()

    Timed(dataset, evidence_checked=checked).run(headless=True, size=SIZE)
    return result


async def typing(target: str) -> dict:
    """Type a speaker's name into the search box; time each keystroke's filter and redraw.

    A keystroke's time runs from posting the key to the end of the first frame composed
    after the quote list took the new rows. Frames are timed where Textual hands them to
    the terminal (App._display); headless, the terminal write itself is not included.
    """
    from textual import events

    from explorer.core.load import load_dataset
    from explorer.tui.app import make_app
    from explorer.tui.widgets.quote_list import QuoteList

    app = make_app(load_dataset(target))
    frames: list[float] = []
    shown: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:
        display(screen, renderable)
        frames.append(time.perf_counter())

    app._display = timed_display
    times, counts = [], []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        # A big dataset builds its search index after the first paint, between keys (about
        # half a second at 100,000 quotes): type once it is built, as a person reading the
        # screen first does; the time it takes is reported as "warm_s". (benchmarks/
        # terminal.py types before it is built.)
        warm_started = time.perf_counter()
        while app.index.indexing:
            await asyncio.sleep(0.01)
        warm = time.perf_counter() - warm_started
        quote_list = app.screen.query_one(QuoteList)
        show = quote_list.show

        def timed_show(*args, **kwargs) -> None:
            show(*args, **kwargs)
            shown.append(time.perf_counter())

        quote_list.show = timed_show
        typed = ""
        for _ in range(3):  # type, clear, type again: several samples per key
            for key in [*TYPED, *["backspace"] * len(TYPED)]:
                typed = typed[:-1] if key == "backspace" else typed + key
                before = len(shown)
                started = time.perf_counter()
                app.post_message(events.Key(key, None if key == "backspace" else key))
                deadline = started + 30
                while len(shown) == before or not frames or frames[-1] < shown[-1]:
                    if time.perf_counter() > deadline:
                        raise SystemExit(f"no frame 30 s after the key {key!r}: a fault")
                    await asyncio.sleep(0)
                times.append(frames[-1] - started)
                counts.append(len(quote_list.rows))
                await pilot.pause()
    return {"keystrokes": times, "rows": counts, "warm_s": warm}


def in_terminal(target: str, out: str) -> None:
    """Run the app (or the bare one) in the real terminal this process was started in, as a
    person does, until Ctrl+Q; write to `out` when it first painted and, for explorer, when
    each key arrived and what each frame showed. `benchmarks/terminal.py` drives it in tmux.

    A frame's time is when Textual handed it to the terminal's writer; a key's is when the
    driver read it from the terminal. Each frame records the search its quote list shows and
    the search its preview was written for: the screen is complete for a search when both
    are it (the count is written with the list)."""
    from textual import events

    report: dict = {"frames": [], "keys": []}
    if target == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Bare(App):
            BINDINGS = [("ctrl+q", "quit")]

            def compose(self) -> ComposeResult:
                yield Static("Hello")

            def on_ready(self) -> None:
                report["ready"] = time.perf_counter()

        Bare().run()
    else:
        from explorer.cli.main import build_parser
        from explorer.core.load import hold_collector, open_dataset

        args = build_parser().parse_args(["--data", target])
        hold_collector()  # as `explorer` does, until the first paint
        started = time.perf_counter()
        dataset, checked, key = open_dataset(args.data, evidence=False, aside=True)  # as `explorer`
        report["load"] = time.perf_counter() - started
        from explorer.core import trusted
        from explorer.tui.app import ExplorerApp
        from explorer.tui.widgets.quotes import QuotesPane

        seen: set[tuple[float, str]] = set()

        class Timed(ExplorerApp):
            def on_ready(self) -> None:
                report["ready"] = time.perf_counter()
                display = self._display
                pane = self.screen.query_one(QuotesPane)
                update = pane.preview_box.update

                def preview(*args, **kwargs) -> None:
                    pane.previewed = pane.search_box.value
                    update(*args, **kwargs)

                pane.preview_box.update = preview

                def timed(screen, renderable) -> None:
                    display(screen, renderable)
                    shown = pane.quote_list.query_text
                    previewed = getattr(pane, "previewed", None)
                    report["frames"].append((time.perf_counter(), shown, previewed))

                self._display = timed

            async def on_event(self, event: events.Event) -> None:
                # A key the focused widget leaves unhandled bubbles back here: count it once.
                if isinstance(event, events.Key) and (event.time, event.key) not in seen:
                    seen.add((event.time, event.key))
                    report["keys"].append((event.time, event.key))
                await super().on_event(event)

        # As `explorer` does, the evidence the app finds sound is noted for the next opening.
        passed = functools.partial(trusted.evidence_checked, key)
        Timed(dataset, evidence_checked=checked, evidence_passed=passed).run()
    report["peak_mb"] = peak_mb()
    Path(out).write_text(json.dumps(report), encoding="utf-8")


def main() -> None:
    target = sys.argv[1]
    if "--tty" in sys.argv:
        in_terminal(target, sys.argv[sys.argv.index("--tty") + 1])
        return
    result = asyncio.run(typing(target)) if "--type" in sys.argv else first_paint(target)
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
