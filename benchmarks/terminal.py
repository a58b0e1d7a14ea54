"""The explorer benchmark in a real terminal: `python benchmarks/terminal.py [DATASET ...]`.

What a person sees, measured in tmux at 120x36 (the headless figures of `bench.py` leave out
the terminal):

- **first paint**, paired with the bare Textual app (one Static): each pair runs the two
  back to back, in turn first, and the ratio is taken pair by pair, so a busy moment of the
  machine weighs on both. A run's first paint is the moment its first frame is on the tmux
  screen (the pane polled every few milliseconds), from the moment tmux was asked to start it;
  the app's own `Ready` time is reported beside it.
- **typing at human speed**: "/" soon after the first paint (before a big dataset's search
  index is ready, if it is not), then "kamikawa" one key every 150 ms, then as many
  Backspaces, three times; each key is timed from when the app read it to the first frame
  whose list, count and preview are all for the text it made.
- **typing in a burst**: the whole name sent at once, then all the Backspaces at once,
  three times; timed from the last key read to the first complete frame for the final text.

explorer keeps the records of the files it has validated and reads them back the next time
(`explorer.core.trusted`): by default each dataset is opened once before the runs that are
timed, as a file a person opens again; with `--cold` every run starts with an empty cache
(the first opening of a file just built). The cache is the benchmark's own folder, never the
user's.

DATASET is `bundled` (the default) or a dataset file. Prints a table, then one JSON line.
Needs tmux. Not part of the tests.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "child.py"
SIZE = (120, 36)
NAME = "kamikawa"
HUMAN_GAP = 0.15  # seconds between keys typed by a person (about 80 words a minute)
COLD = False  # set by --cold: each run with an empty cache


class Terminal:
    """One tmux server of our own, whose windows run the children."""

    def __init__(self) -> None:
        self.tmux = ["tmux", "-L", f"explorer-bench-{os.getpid()}", "-f", "/dev/null"]
        width, height = SIZE
        self.run("new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height))
        self.run("set-option", "-g", "remain-on-exit", "off")

    def run(self, *args: str) -> str:
        return subprocess.run(
            [*self.tmux, *args], capture_output=True, text=True, check=True
        ).stdout

    def start(self, command: str) -> tuple[str, float]:
        """Open a window running `command`; return its name and when it was asked for."""
        name = f"w{time.perf_counter_ns()}"
        asked = time.perf_counter()
        self.run("new-window", "-d", "-t", "bench", "-n", name, command)
        return f"bench:{name}", asked

    def screen(self, window: str) -> str:
        return self.run("capture-pane", "-p", "-t", window)

    def wait_for(self, window: str, text: str, timeout: float = 60.0) -> float:
        """When `text` is first on the window's screen (polled every 3 ms)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.screen(window):
                return time.perf_counter()
            time.sleep(0.003)
        raise SystemExit(f"{text!r} never appeared in {timeout} s:\n{self.screen(window)}")

    def keys(self, window: str, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", window, *(["-l"] if literal else []), *keys)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


def cache_of(report: Path) -> Path:
    """The cache folder (XDG_CACHE_HOME) of the run that writes `report`."""
    return report.parent / (f"cache-{report.stem}" if COLD else "cache")


def child_command(target: str, report: Path) -> str:
    cache = cache_of(report)
    env = f"TERM=xterm-256color TEXTUAL_ANIMATIONS=none COLORTERM=truecolor XDG_CACHE_HOME={cache}"
    args = [sys.executable, str(CHILD), target, "--tty", str(report)]
    return f"cd {shlex.quote(str(ROOT))} && env {env} {shlex.join(args)}"


def finish(terminal: Terminal, window: str, report: Path) -> dict:
    """Quit the child with Ctrl+Q and read its report."""
    terminal.keys(window, "Escape")
    terminal.keys(window, "C-q")
    deadline = time.perf_counter() + 30
    while not report.exists() or not report.stat().st_size:
        if time.perf_counter() > deadline:
            raise SystemExit(f"the child never wrote {report}")
        time.sleep(0.02)
    time.sleep(0.05)
    return json.loads(report.read_text(encoding="utf-8"))


def first_paint(terminal: Terminal, target: str, folder: Path) -> dict:
    """One run to the first frame on screen: seen and ready times, from when it was asked."""
    report = folder / f"paint-{time.perf_counter_ns()}.json"
    window, asked = terminal.start(child_command(target, report))
    marker = "Hello" if target == "bare" else "Quotes"
    seen = terminal.wait_for(window, marker)
    found = finish(terminal, window, report)
    if target != "bare":
        cached(report)
    return {"seen": seen - asked, "ready": found["ready"] - asked, "peak_mb": found["peak_mb"]}


def cached(report: Path) -> None:
    """Wait for the run's file to be cached: a file opened for the first time is cached by
    a child process that outlives the app (about a second at 100,000 quotes), which would
    otherwise share the machine with the next run, or write into a folder being removed."""
    recent = cache_of(report) / "explorer" / "records" / "recent.json"
    deadline = time.perf_counter() + 120
    while not recent.exists():
        if time.perf_counter() > deadline:
            raise SystemExit(f"{recent} was never written")
        time.sleep(0.05)


def complete_after(frames: list, since: float, text: str, later=()) -> float | None:
    """The first frame at or after `since` whose list and preview are both for `text`, or
    for the text of a key typed after it and read by then (`later`: (read at, text) pairs):
    a key the app coalesced with the next is answered by the frame for both."""
    for at, shown, previewed in frames:
        if at < since or shown != previewed:
            continue
        if shown == text or any(read <= at and shown == after for read, after in later):
            return at
    return None


def typing(terminal: Terminal, target: str, folder: Path) -> dict:
    """Human-speed and burst typing of the speaker search, in one run of the app."""
    report = folder / f"type-{time.perf_counter_ns()}.json"
    window, _ = terminal.start(child_command(target, report))
    terminal.wait_for(window, "Quotes")
    time.sleep(0.2)  # a person finds the key: the index may still be building
    terminal.keys(window, "/")
    time.sleep(HUMAN_GAP)
    plan: list[tuple[str, str]] = []  # (kind, text after the keys)
    for _ in range(3):
        for key in [*NAME, *["BSpace"] * len(NAME)]:
            terminal.keys(window, key)
            time.sleep(HUMAN_GAP)
    for _ in range(3):
        time.sleep(1.0)
        terminal.keys(window, NAME, literal=True)
        plan.append(("burst", NAME))
        time.sleep(1.5)
        terminal.keys(window, *["BSpace"] * len(NAME))
        plan.append(("burst", ""))
    time.sleep(1.5)
    found = finish(terminal, window, report)
    cached(report)
    keys, frames = found["keys"], found["frames"]
    # The keys as the app read them: "/" first, then the human ones, then the bursts.
    start = next(n for n, (_, key) in enumerate(keys) if key == "slash")
    typed, text, human = keys[start + 1 :], "", []
    count = 2 * len(NAME) * 3
    texts = []  # (read at, text after the key)
    for at, key in typed[:count]:
        text = text[:-1] if key == "backspace" else text + key
        texts.append((at, text))
    for n, (at, text) in enumerate(texts):
        done = complete_after(frames, at, text, texts[n + 1 :])
        human.append(None if done is None else done - at)
    bursts = []
    rest = typed[count:]
    for n, (_, text) in enumerate(plan):
        last_at = rest[(n + 1) * len(NAME) - 1][0]
        done = complete_after(frames, last_at, text)
        bursts.append(None if done is None else done - last_at)
    return {"human": human, "burst": bursts, "peak_mb": found["peak_mb"]}


def ms(values: list[float | None], fraction: float) -> float | None:
    """A percentile of seconds, in ms (nearest rank); None counts as never (infinite)."""
    ordered = sorted(float("inf") if v is None else v for v in values)
    value = ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]
    return round(value * 1000, 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", nargs="*", default=["bundled"])
    parser.add_argument("--pairs", type=int, default=7, help="paired first-paint runs")
    parser.add_argument("--no-typing", action="store_true", help="first paint only")
    parser.add_argument("--cold", action="store_true", help="no run finds its file validated")
    args = parser.parse_args()
    global COLD
    COLD = args.cold
    sys.path.insert(0, str(ROOT))
    # As installed: pip compiles every module, so no run pays for compiling explorer's own
    # (PYTHONDONTWRITEBYTECODE in the environment would otherwise make every run do it).
    compileall.compile_dir(ROOT / "explorer", quiet=1)
    from explorer.core.load import bundled_dataset_path

    terminal = Terminal()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            for dataset in args.datasets:
                target = str(bundled_dataset_path()) if dataset == "bundled" else dataset
                bare, app = [], []
                if not COLD:
                    first_paint(terminal, target, folder)  # validated once, as opened before
                for pair in range(args.pairs):
                    order = ("bare", target) if pair % 2 == 0 else (target, "bare")
                    runs = {which: first_paint(terminal, which, folder) for which in order}
                    bare.append(runs["bare"])
                    app.append(runs[target])
                ratios = [a["seen"] / b["seen"] for a, b in zip(app, bare, strict=True)]
                row = {
                    "dataset": dataset,
                    "cache": "cold" if COLD else "warm",
                    "bare_seen_s": round(statistics.median(b["seen"] for b in bare), 3),
                    "seen_s": round(statistics.median(a["seen"] for a in app), 3),
                    "ready_s": round(statistics.median(a["ready"] for a in app), 3),
                    "ratio": round(statistics.median(ratios), 2),
                    "peak_mb": round(max(a["peak_mb"] for a in app), 1),
                }
                if not args.no_typing:
                    typed = typing(terminal, target, folder)
                    row |= {
                        "human_p50_ms": ms(typed["human"], 0.5),
                        "human_p95_ms": ms(typed["human"], 0.95),
                        "human_max_ms": ms(typed["human"], 1.0),
                        "burst_max_ms": ms(typed["burst"], 1.0),
                        "peak_mb": round(max(row["peak_mb"], typed["peak_mb"]), 1),
                    }
                rows.append(row)
                print(json.dumps(row), file=sys.stderr)
    finally:
        terminal.close()
    headers = list(rows[0])
    widths = [max(len(h), *(len(str(r.get(h))) for r in rows)) for h in headers]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row.get(h)).ljust(w) for h, w in zip(headers, widths, strict=True)))
    print(json.dumps({"size": SIZE, "rows": rows}))


if __name__ == "__main__":
    main()
