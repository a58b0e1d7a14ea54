"""The four rooms of the package and who may import whom, derived from the folders.

Every module under `explorer/` is found by walking the tree; no module is listed by hand.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import explorer

PACKAGE = Path(explorer.__file__).parent
# Whom each room may import at all, and whom only inside a function (lazily, when run).
MAY_IMPORT = {
    "core": set(),
    "ingest": {"core"},
    "tui": {"core"},
    "cli": {"core", "ingest", "tui"},
}
# textual_serve too: an optional extra, so `explorer` must start without it.
ONLY_LAZILY = {"cli": {"ingest", "tui", "textual", "textual_serve"}}
# Rooms that never import Textual, not even inside a function.
NO_TEXTUAL = {"core", "ingest"}


@dataclass(frozen=True)
class Import:
    """One import statement: the module importing, what it imports, and whether lazily."""

    module: str
    target: str
    lazy: bool


def module_name(path: Path) -> str:
    """`explorer/core/load.py` -> `explorer.core.load`."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, name: str | None = None) -> list[Import]:
    """Every import in a file, relative ones made absolute, marked lazy inside a function."""
    name = name or module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, lazy: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend(Import(name, alias.name, lazy) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, *([base] if base else [])])
                found.append(Import(name, base, lazy))
            visit(child, inner)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def room_of(module: str) -> str | None:
    """The room (`core`, `ingest`, `tui`, `cli`) of an explorer module, or None outside one."""
    parts = module.split(".")
    if parts[0] != "explorer" or len(parts) < 2:
        return None
    return parts[1] if (PACKAGE / parts[1]).is_dir() else None


def all_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_rooms_are_the_folders():
    rooms = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert rooms == set(MAY_IMPORT)


def test_every_module_lives_in_a_room():
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in {"__init__.py", "__main__.py"}]
    assert loose == []


def test_the_walk_finds_the_modules():
    # A guard on the walk itself: it must see the modules the rules are about.
    found = {module_name(p) for p in all_modules()}
    assert {"explorer.core.model", "explorer.tui.app", "explorer.cli.main"} <= found
    assert len(found) > 30


def test_each_room_imports_only_what_it_may():
    broken = []
    for path in all_modules():
        for item in imports_of(path):
            room = room_of(item.module)
            if room is None:
                continue
            target_room = room_of(item.target)
            top = item.target.split(".")[0]
            if target_room and target_room != room and target_room not in MAY_IMPORT[room]:
                broken.append(f"{item.module} imports {item.target}")
            if top == "textual" and room in NO_TEXTUAL:
                broken.append(f"{item.module} imports {item.target}")
            lazy_only = ONLY_LAZILY.get(room, set())
            if not item.lazy and (target_room in lazy_only or top in lazy_only):
                broken.append(f"{item.module} imports {item.target} at import time")
    assert broken == []


def test_relative_and_lazy_imports_are_resolved(tmp_path):
    # The rules are only as good as the parsing: a relative import must name its room.
    probe = tmp_path / "probe.py"
    probe.write_text("from ..tui import app\ndef f():\n    import textual\n", encoding="utf-8")
    first, second = imports_of(probe, "explorer.core.probe")
    assert (first.target, room_of(first.target), first.lazy) == ("explorer.tui", "tui", False)
    assert (second.target, second.lazy) == ("textual", True)


def modules_after(code: str) -> list[str]:
    """Run `code` in a fresh interpreter; the Textual, ingest and tui modules it loaded."""
    probe = (
        f"{code}\nimport sys\n"
        "print(sorted({m.split('.')[0] if m.split('.')[0] != 'explorer' else m"
        " for m in sys.modules if m.startswith(('textual', 'explorer.ingest', 'explorer.tui'))}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_the_command_line_starts_without_ingest_tui_or_textual():
    assert modules_after("import explorer.cli.main") == []


def test_running_the_data_side_loads_no_textual():
    loaded = modules_after(
        "import io, contextlib\n"
        "from explorer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    for args in (['quotes', '--json'], ['timeline'], ['countries'], ['areas'],"
        " ['validate']):\n"
        "        assert main.main(args) == 0, args\n"
    )
    assert loaded == []


def test_building_loads_ingest_but_no_textual():
    loaded = modules_after(
        "import io, contextlib\n"
        "from explorer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main.main(['build', '--check']) == 0\n"
    )
    assert "textual" not in loaded and "explorer.ingest.build" in loaded


def test_loading_a_dataset_never_looks_for_pydantic_plugins():
    """Looking for plugins imports importlib.metadata and reads every installed package
    (~30 ms of each start-up); explorer answers "none" before pydantic asks."""
    probe = (
        "import sys\n"
        "from explorer.core.load import load_dataset\n"
        "load_dataset()\n"
        "print('importlib.metadata' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "False"
