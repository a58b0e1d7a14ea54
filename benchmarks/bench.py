"""The explorer benchmark: `python benchmarks/bench.py [--runs N] [--sizes 1000,10000,100000]`.

Measures, each in fresh processes: load-and-validate time, time from process start to the
first painted frame (headless, at 120x36) for the bundled data and synthetic datasets
beside a bare Textual app (one Static), keystroke latency of the speaker search (filter
plus redraw), and peak memory. Prints a table, then one JSON line. Not part of the tests.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = Path(__file__).resolve().parent / "child.py"


def run_child(*args: str) -> tuple[float, dict]:
    """Start a child process; return (seconds from spawn to its first frame, its report)."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, str(CHILD), *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "TEXTUAL_ANIMATIONS": "none"},
    ).stdout
    report = json.loads(out.strip().splitlines()[-1])
    if "ready" not in report and "--type" not in args:
        raise SystemExit(f"the child for {args} never painted a frame")
    return report.get("ready", started) - started, report


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def machine() -> dict:
    """Where the numbers come from."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "textual": textual.__version__,
        "system": f"{platform.system()} {platform.release()}",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="first-paint runs per dataset")
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic quote counts")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    # As installed: pip compiles every module, so no run pays for compiling explorer's own
    # (PYTHONDONTWRITEBYTECODE in the environment would otherwise make every run do it).
    compileall.compile_dir(ROOT / "explorer", quiet=1)
    from explorer.core.load import bundled_dataset_path

    with tempfile.TemporaryDirectory() as folder:
        targets = {"bundled": str(bundled_dataset_path())}
        for size in (int(s) for s in args.sizes.split(",") if s):
            path = Path(folder) / f"synthetic-{size}.json"
            # In a child process, so that this one stays small: children inherit nothing.
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "explorer.ingest.synth",
                    "--quotes",
                    str(size),
                    "-o",
                    str(path),
                ],
                check=True,
                cwd=ROOT,
            )
            targets[f"{size:,} quotes"] = str(path)
        bare = [run_child("bare")[0] for _ in range(args.runs)]
        bare_median = statistics.median(bare)
        rows, record = [], {"machine": machine(), "bare_first_paint_s": bare_median}
        for name, path in targets.items():
            runs = [run_child(path) for _ in range(args.runs)]
            paint = statistics.median(seconds for seconds, _ in runs)
            load = statistics.median(report["load"] for _, report in runs)
            _, typed = run_child(path, "--type")
            keys = typed["keystrokes"]
            peak = max([typed["peak_mb"], *(report["peak_mb"] for _, report in runs)])
            size_mb = Path(path).stat().st_size / 1e6
            row = {
                "dataset": name,
                "file_mb": round(size_mb, 1),
                "load_s": round(load, 3),
                "first_paint_s": round(paint, 3),
                "ratio_to_bare": round(paint / bare_median, 2),
                "key_p50_ms": round(statistics.median(keys) * 1000, 1),
                "key_p95_ms": round(percentile(keys, 0.95) * 1000, 1),
                "key_max_ms": round(max(keys) * 1000, 1),
                "warm_s": round(typed.get("warm_s", 0.0), 2),
                "peak_mb": round(peak, 1),
            }
            rows.append(row)
        record["results"] = rows
    print(f"bare Textual app, first paint: {bare_median:.3f} s (median of {args.runs})")
    headers = list(rows[0])
    widths = [max(len(h), *(len(str(r[h])) for r in rows)) for h in headers]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row[h]).ljust(w) for h, w in zip(headers, widths, strict=True)))
    print(json.dumps(record))


if __name__ == "__main__":
    main()
