"""Listings as text for other programs: CSV, tab-separated values and Markdown tables, one
record a row and every value whole; and a Rich table written out at its full width.

Values are written exactly as the dataset holds them, so `csv.reader` gives them back, with
one exception: a control character a terminal would act on (an escape, a bell, a bidi
override) is shown as a visible symbol, as everywhere explorer writes text; JSON output keeps
those exactly, escaped.
"""

from __future__ import annotations

import csv
import io

from explorer.core.safe import visible_controls

# The escapes of tab-separated values: a value stays on its line, in its column.
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write(kind: str, columns: list[str], rows: list[list]) -> str:
    """`rows` under `columns` as "csv", "tsv" or "md"."""
    cells = [[visible_controls(_cell(v)) for v in row] for row in rows]
    if kind == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return out.getvalue()
    if kind == "tsv":
        lines = ["\t".join(columns)]
        lines += ["\t".join(v.translate(_TSV_ESCAPES) for v in row) for row in cells]
        return "\n".join(lines) + "\n"
    if kind == "md":
        lines = [_md_row(columns), "| " + " | ".join("---" for _ in columns) + " |"]
        lines += [_md_row(row) for row in cells]
        return "\n".join(lines) + "\n"
    raise ValueError(f"unknown format {kind!r}")


def _md_row(values: list[str]) -> str:
    escaped = (
        v.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")
        for v in values
    )
    return "| " + " | ".join(escaped) + " |"


def unwrapped(renderable) -> str:
    """A Rich renderable as plain text, as wide as its longest line needs (never wrapped),
    with no spaces padding the ends of lines."""
    from rich.console import Console

    console = Console(
        file=io.StringIO(), width=1_000_000, color_system=None, highlight=False, soft_wrap=True
    )
    with console.capture() as capture:
        console.print(renderable)
    return "".join(line.rstrip() + "\n" for line in capture.get().splitlines())
