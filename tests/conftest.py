"""Shared fixtures: the article as it is on disk, and the bundled dataset."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from explorer.core.load import load_dataset
from explorer.core.model import Dataset
from explorer.core.query import Index

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
ARTICLE = DATA / "articles" / "000_7dd50c9400a234e2.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# What is loaded before any test starts (the session's fixtures) keeps its cache apart too.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="explorer-tests-cache-")


@pytest.fixture(scope="session")
def article_text() -> str:
    """The article's text, read from its file, not from the dataset."""
    return ARTICLE.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The bundled dataset, loaded and checked."""
    return load_dataset(DATA / "dataset.json")


@pytest.fixture(scope="session")
def index(dataset: Dataset) -> Index:
    """The query layer over the bundled dataset."""
    return Index(dataset)


@pytest.fixture
def run_cli():
    """Run `python -m explorer ARGS` in a subprocess; return the completed process."""
    import subprocess

    def run(*args: str, cwd: Path | None = None, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "explorer", *args],
            capture_output=True,
            text=True,
            cwd=cwd or ROOT,
            timeout=60,
            **kwargs,
        )

    return run


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory, monkeypatch):
    """Each test remembers its settings (theme, last data file) and the files it validated
    in folders of its own, never in the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch):
    """Keep the text cursor from blinking, so screenshots and snapshots are stable."""
    from textual.widgets import Input

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)


def screen_text(app) -> str:
    """Everything on the app's screen now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def pytest_xdist_auto_num_workers(config) -> int:
    """One worker more than cores for `-n auto`: the app tests spend part of their time
    waiting for timers and frames, and a third worker fills that time on two cores (measured
    here: 129 s with two workers, 118 s with three)."""
    import os

    return (os.cpu_count() or 1) + 1
