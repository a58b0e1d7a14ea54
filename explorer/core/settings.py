"""What explorer remembers between runs: the theme and the last data file, in the user's
config folder ($XDG_CONFIG_HOME/explorer/settings.json, else ~/.config/explorer/); and
where it keeps what it can work out again (`cache_folder`).

Remembering is a convenience: a settings file that cannot be read is ignored, and one that
cannot be written is left as it was; neither ever stops the app.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from explorer.core.files import FileProblem, write_atomically


def _folder(variable: str, default: str) -> Path:
    """explorer's folder under an XDG base folder (a relative one is ignored, as the
    specification says)."""
    base = os.environ.get(variable) or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / default
    return root / "explorer"


def settings_path() -> Path:
    """Where the settings live."""
    return _folder("XDG_CONFIG_HOME", ".config") / "settings.json"


def cache_folder() -> Path:
    """Where explorer keeps what it can work out again ($XDG_CACHE_HOME/explorer, else
    ~/.cache/explorer)."""
    return _folder("XDG_CACHE_HOME", ".cache")


def load_settings() -> dict:
    """The remembered settings ({} when there are none or they cannot be read)."""
    try:
        value = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def remember(**values: object) -> bool:
    """Store `values` beside what is remembered already; False if it could not be written."""
    return keep(settings_path(), {**load_settings(), **values})


def keep(path: Path, value: object) -> bool:
    """Write `value` as JSON to `path`, its folder made if need be, whole or not at all;
    False if it could not be written."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(value, indent=2, ensure_ascii=False) + "\n")
    except (OSError, FileProblem):
        return False
    return True
