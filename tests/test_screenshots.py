"""The README's screenshots are of the current app."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT

SCRIPT = ROOT / "screenshots" / "make_screenshots.py"
spec = importlib.util.spec_from_file_location("make_screenshots", SCRIPT)
make_screenshots = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_screenshots)


@pytest.mark.parametrize("name", list(make_screenshots.SHOTS))
async def test_screenshot_is_current(tmp_path, name):
    keys, size = make_screenshots.SHOTS[name]
    fresh = await make_screenshots.shoot(name, keys, size, folder=tmp_path)
    committed = SCRIPT.parent / f"{name}.svg"
    assert committed.exists(), f"missing {committed.name}: run python {SCRIPT.relative_to(ROOT)}"
    assert fresh.read_bytes() == committed.read_bytes(), (
        f"{committed.name} is out of date: run python {SCRIPT.relative_to(ROOT)}"
    )


def test_readme_shows_every_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in make_screenshots.SHOTS:
        assert f"screenshots/{name}.svg" in readme
