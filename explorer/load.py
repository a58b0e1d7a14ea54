"""Reading a dataset file: every way it can be wrong becomes a `DatasetError` with clear lines.

Reading never writes: files are only opened for reading.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from explorer.checks import find_problems, format_path
from explorer.model import Dataset

PACKAGE_DIR = Path(__file__).resolve().parent
# In a wheel the dataset is packaged beside the code; in a source checkout it is in data/.
_BUNDLED_CANDIDATES = (
    PACKAGE_DIR / "_data" / "dataset.json",
    PACKAGE_DIR.parent / "data" / "dataset.json",
)
MAX_PROBLEMS = 20


class DatasetError(Exception):
    """A dataset file that cannot be used, with one line per problem."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """The problems as `PATH: problem` lines, shortened when there are very many."""
        shown = [f"{self.path}: {problem}" for problem in self.problems[:MAX_PROBLEMS]]
        if len(self.problems) > MAX_PROBLEMS:
            shown.append(f"{self.path}: … and {len(self.problems) - MAX_PROBLEMS} more problems")
        return shown


def bundled_dataset_path() -> Path:
    """The dataset that ships with explorer."""
    for candidate in _BUNDLED_CANDIDATES:
        if candidate.is_file():
            return candidate
    return _BUNDLED_CANDIDATES[-1]


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r} in an object")
        result[key] = value
    return result


def parse_json(raw: bytes, path: Path | str) -> object:
    """Decode and parse JSON bytes strictly: UTF-8 without BOM, no NaN, no duplicate keys."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DatasetError(
            path, ["starts with a byte-order mark (BOM); save it as UTF-8 without one"]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DatasetError(path, [f"not valid UTF-8 (byte {error.start})"]) from None
    if not text.strip():
        raise DatasetError(path, ["is empty"])
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, object_pairs_hook=_no_duplicate_keys
        )
    except json.JSONDecodeError as error:
        problem = f"invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        raise DatasetError(path, [problem]) from None
    except ValueError as error:
        raise DatasetError(path, [f"invalid JSON: {error}"]) from None
    except RecursionError:
        raise DatasetError(path, ["invalid JSON: nested too deeply"]) from None


def validation_lines(error: ValidationError) -> list[str]:
    """One `path: message` line per pydantic error."""
    lines = []
    for item in error.errors(include_url=False):
        where = format_path(tuple(item["loc"])) or "(top level)"
        lines.append(f"{where}: {item['msg']}")
    return lines


def validate_dataset(data: object, path: Path | str) -> Dataset:
    """Check shape and integrity of already-parsed data; raise DatasetError if unsound."""
    if not isinstance(data, dict):
        raise DatasetError(path, [f"the top level must be an object, not {type(data).__name__}"])
    try:
        dataset = Dataset.model_validate(data)
    except ValidationError as error:
        raise DatasetError(path, validation_lines(error)) from None
    except RecursionError:
        raise DatasetError(path, ["nested too deeply"]) from None
    problems = find_problems(dataset)
    if problems:
        raise DatasetError(path, [str(problem) for problem in problems])
    return dataset


def read_bytes(path: Path) -> bytes:
    """A file's bytes, or a DatasetError saying why it cannot be read."""
    if not path.exists():
        raise DatasetError(path, ["no such file"])
    if path.is_dir():
        raise DatasetError(path, ["is a directory, not a dataset file"])
    try:
        return path.read_bytes()
    except OSError as error:
        raise DatasetError(path, [f"cannot be read: {error.strerror or error}"]) from None


def load_dataset(path: Path | str | None = None) -> Dataset:
    """Load, validate and check a dataset file (the bundled one by default)."""
    path = Path(path) if path is not None else bundled_dataset_path()
    return validate_dataset(parse_json(read_bytes(path), path), path)
