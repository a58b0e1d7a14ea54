"""Reading a dataset file: every way it can be wrong becomes a `DatasetError` with clear lines.

A dataset file is only ever opened for reading. What reading it made is kept in the
user's cache folder (`explorer.core.trusted`), so that the next reading of the same file is
quick; a cache that cannot be written changes nothing else.
"""

from __future__ import annotations

import gc
import os
import re
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from explorer.core import trusted
from explorer.core.checks import evidence_steps, find_problems
from explorer.core.files import FileProblem, read_regular_file
from explorer.core.model import Dataset

# The explorer package folder (this file is in explorer/core/).
PACKAGE_DIR = Path(__file__).resolve().parent.parent
MAX_PROBLEMS = 20
# Far above any real dataset (100,000 statements take under 100 MB), far below the memory.
MAX_DATASET_BYTES = 1 << 30
LONGEST_ASIDE = 300  # seconds a child process caching records may take (~1 s per 100 MB)


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


def bundled_path(name: str) -> Path:
    """A data file that ships with explorer: packaged beside the code in a wheel, in data/
    in a source checkout."""
    candidates = (PACKAGE_DIR / "_data" / name, PACKAGE_DIR.parent / "data" / name)
    return next((c for c in candidates if c.is_file()), candidates[-1])


def bundled_dataset_path() -> Path:
    """The dataset that ships with explorer."""
    return bundled_path("dataset.json")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a large dataset is built.

    Loading creates hundreds of thousands of objects and no cycles; without this the
    collector rescans them all again and again, which triples the load time. What was
    built is then frozen (moved out of the collector's sight): it lives as long as the app,
    and a full collection would otherwise walk all of it, a pause felt as a slow keystroke.
    Frozen objects are still freed the ordinary way when no longer referenced.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


_held: list[bool] = []  # while the collector is held: whether it ran before


def hold_collector() -> None:
    """Stop the garbage collector until `release_collector` (holding it again changes
    nothing): what a start-up builds (Textual's modules, the screens, the records) lives on
    and holds no garbage, but the collector runs again and again over all of it (importing
    Textual alone took 12 ms more with it)."""
    if not _held:
        _held.append(gc.isenabled())
        gc.disable()


def release_collector() -> None:
    """Let the collector run again, if it ran when it was held."""
    if _held and _held.pop():
        gc.enable()


_JSON_POSITION = re.compile(r"^(.*) at line (\d+) column (\d+)$")


def _json_problem(raw: bytes, message: str) -> str:
    """A JSON syntax error as "invalid JSON at line L, column C: what"."""
    found = _JSON_POSITION.match(message)
    if found is None:
        return f"invalid JSON: {message}"
    what, line, column = found.groups()
    if "unicode" in what:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return f"not valid UTF-8 (byte {error.start})"
    if "recursion limit" in what:
        return f"invalid JSON: nested too deeply (line {line}, column {column})"
    return f"invalid JSON at line {line}, column {column}: {what}"


def parse_json(raw: bytes, path: Path | str) -> object:
    """Parse JSON bytes strictly (no BOM, NaN or Infinity) into plain Python values."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DatasetError(path, ["starts with a byte-order mark (BOM); save it without one"])
    if not raw or raw.isspace():  # without copying a large file
        raise DatasetError(path, ["is empty"])
    from pydantic_core import from_json  # parses fast and shares repeated strings

    try:
        return from_json(raw, allow_inf_nan=False)
    except ValueError as error:
        raise DatasetError(path, [_json_problem(raw, str(error))]) from None


def validate_dataset(data: object, path: Path | str, evidence: bool = True) -> Dataset:
    """Validate parsed data and check its integrity; raise DatasetError listing every problem.

    The largest collections are taken out of `data` and validated chunk by chunk. With
    `evidence=False` the sources' hashes and the evidence's words are left for the caller
    to check (`checks.evidence_steps`): the TUI does it after its first paint.
    """
    if not isinstance(data, dict):
        raise DatasetError(path, [f"the top level must be an object, not {type(data).__name__}"])
    from explorer.core import validation  # pydantic: only when a file must be validated

    with gc_paused():
        dataset, errors = validation.validate(data)
        if dataset is None:
            raise DatasetError(path, errors)
        return checked(dataset, path, evidence)


def checked(dataset: Dataset, path: Path | str, evidence: bool = True) -> Dataset:
    """The dataset, once its integrity is checked; raise DatasetError listing every problem."""
    problems = find_problems(dataset, evidence)
    if problems:
        raise DatasetError(path, [str(problem) for problem in problems])
    return dataset


def check_evidence(dataset: Dataset, path: Path | str) -> None:
    """Check the sources' hashes and the evidence's words; raise DatasetError listing every
    problem."""
    problems: list = []
    for _ in evidence_steps(dataset, problems):
        pass
    if problems:
        raise DatasetError(path, [str(problem) for problem in problems])


def read_bytes(path: Path) -> bytes:
    """A dataset file's bytes, or a DatasetError saying why it cannot be read: only a
    regular file of at most MAX_DATASET_BYTES (a FIFO or a device is refused at once)."""
    try:
        return read_regular_file(path, MAX_DATASET_BYTES)
    except FileProblem as problem:
        reason = problem.reason.replace("not a file", "not a dataset file")
        raise DatasetError(path, [reason]) from None


def load_dataset(path: Path | str | None = None, *, evidence: bool = True) -> Dataset:
    """Load, validate and check a dataset file (the bundled one by default); with
    `evidence=False`, all but the checks `checks.evidence_steps` does. A file validated
    before is read back from the cache without validating it again (`explorer.core.trusted`)."""
    return open_dataset(path, evidence=evidence).dataset


class Opened(NamedTuple):
    """A dataset file read: its records, whether its evidence's checks were done, and the
    fingerprint of the bytes they were made from (for `trusted.evidence_checked`, when
    the app checks them after its first paint)."""

    dataset: Dataset
    evidence_checked: bool
    key: str


def open_dataset(
    path: Path | str | None = None, *, evidence: bool = True, aside: bool = False
) -> Opened:
    """`load_dataset`, also saying whether the evidence's checks were done: with
    `evidence=False` they were if they passed on these bytes before.
    With `aside`, a file validated now is cached by a child process (where the system can
    fork one) while this one goes on: the app's first paint need not wait for it (~1 s and
    ~110 MB at 100,000 statements)."""
    path = Path(path) if path is not None else bundled_dataset_path()
    state = trusted.signature(path)
    key, raw = trusted.fingerprint_of(state), None  # known by its state: not read again
    if key is None or not trusted.keeps(key):
        raw = read_bytes(path)
        key = trusted.fingerprint(raw)
        trusted.remember_state(state, path, key)
    with gc_paused():
        if trusted.keeps(key):
            raw = None  # not needed to read the records back: its memory is free for them
            kept = trusted.known(key)
            if kept is not None:
                dataset, evidence_checked = kept
                if evidence and not evidence_checked:
                    check_evidence(dataset, path)
                    trusted.evidence_checked(key)
                    return Opened(dataset, True, key)
                return Opened(dataset, evidence_checked, key)
        if raw is None:  # the records kept could not be read: validate what the file holds
            raw = read_bytes(path)
            key = trusted.fingerprint(raw)
        data = parse_json(raw, path)
        del raw  # the parsed values hold all that is needed
        dataset = validate_dataset(data, path, evidence)
        del data
        if not (aside and _forked(trusted.learn, key, dataset, evidence)):
            trusted.learn(key, dataset, evidence)
        return Opened(dataset, evidence, key)


def _forked(work: Callable[..., object], *args: object) -> bool:
    """Do `work(*args)` in a child process, never waited for; False if none can be made.

    The child shares this process's memory until either writes to it, and ends without
    running this process's exit handlers or flushing its output. It lets go of the
    terminal (or pipes) at once, so that nothing waits for it to close them, and ends
    itself after LONGEST_ASIDE seconds whatever it is doing. It leaves the app's session,
    so that neither a Ctrl+C meant for the app nor the terminal closing (a tmux pane that
    ends with the app, a window shut) reaches it before its work is done."""
    if not hasattr(os, "fork"):
        return False
    try:
        pid = os.fork()
    except OSError:
        return False
    if pid:
        return True
    try:  # the child: whatever happens, it ends here
        os.setsid()
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(LONGEST_ASIDE)
        nowhere = os.open(os.devnull, os.O_RDWR)
        for descriptor in (0, 1, 2):
            os.dup2(nowhere, descriptor)
        work(*args)
    finally:
        os._exit(0)
