"""The data side (model, build, query, command line) never imports Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import explorer

PACKAGE = Path(explorer.__file__).parent
DATA_SIDE = [
    "model",
    "checks",
    "load",
    "build",
    "names",
    "dates",
    "safe",
    "query",
    "views",
    "report",
    "cli",
    "synth",
]
TUI_MODULES = ("textual", "explorer.app", "explorer.widgets", "explorer.screens")


def imported_modules(path: Path) -> list[tuple[str, str | None]]:
    """(module, enclosing function or None) for every import in a file."""
    found = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, ast.FunctionDef) else function
            if isinstance(child, ast.Import):
                found.extend((alias.name, function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module:
                found.append((child.module, function))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), None)
    return found


def test_data_side_modules_import_nothing_from_textual():
    for name in DATA_SIDE:
        for module, function in imported_modules(PACKAGE / f"{name}.py"):
            if module.startswith(TUI_MODULES):
                # The one door to the TUI: the command that opens it, imported only when run.
                assert (name, module, function) == ("cli", "explorer.app", "cmd_tui"), (
                    name,
                    module,
                )


def test_running_the_data_side_loads_no_textual():
    code = (
        "import sys, io, contextlib\n"
        "from explorer import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for args in (['quotes', '--json'], ['timeline'], ['countries'], ['areas'],"
        " ['build', '--check'], ['validate']):\n"
        "        assert cli.main(args) == 0, args\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
