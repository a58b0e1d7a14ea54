"""Seeded random keys and resizes, as a person mashing keys while resizing the window does.

A real terminal found a freeze this way (a screen laying out for a size already gone, and
the layout posting the other size back, forever); each run here must leave an app that
answers `?` with its help and draws for the size the terminal has.
"""

from __future__ import annotations

import asyncio
import random

import pytest
from textual import events
from textual.geometry import Size

from explorer.tui.app import make_app
from explorer.tui.screens.help import HelpScreen
from explorer.tui.screens.main import MIN_HEIGHT, MIN_WIDTH, NARROW_HEIGHT, NARROW_WIDTH, MainScreen

KEYS = [
    *["tab", "shift+tab", "1", "2", "3", "4", "slash", "x", "escape", "c", "question_mark"],
    *["f1", "s", "a", "enter", "up", "down", "left", "right", "j", "k", "g", "G"],
    *["pageup", "pagedown", "home", "end", "space", "backspace", "ctrl+p"],
    *"bdefhilmnoprtuvwyzKJY",
    *["é", "上", "!", "'", "-"],
]
WEIGHTS = {"tab": 4, "enter": 5, "escape": 4, "s": 3, "down": 4, "up": 3, "slash": 2, "c": 2}
SIZES = [(120, 36), (80, 24), (59, 15), (110, 32), (109, 31), (60, 16), (200, 60), (40, 10)]
CHARACTERS = {"slash": "/", "question_mark": "?", "space": " "}


def key_event(key: str) -> events.Key:
    char = CHARACTERS.get(key, key if len(key) == 1 else None)
    return events.Key(key, char)


def stale_resize(size: tuple[int, int]) -> events.Resize:
    return events.Resize(Size(*size), Size(*size))


def assert_drawn_for(app, width: int, height: int) -> None:
    """The main screen's layout classes say what its real size asks for."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    assert app.size == Size(width, height)
    assert screen.has_class("-narrow") == (width < NARROW_WIDTH or height < NARROW_HEIGHT)
    assert screen.has_class("-too-small") == (width < MIN_WIDTH or height < MIN_HEIGHT)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("seed", [33, 35])
async def test_random_keys_and_resizes_leave_a_working_app(dataset, seed, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # e and E export into the working folder: not the checkout's
    rng = random.Random(seed)
    weights = [WEIGHTS.get(key, 1) for key in KEYS]
    app = make_app(dataset)
    sent = 0
    async with app.run_test(size=(120, 36)) as pilot:
        while sent < 600:
            burst = rng.choices(KEYS, weights, k=rng.randint(3, 15))
            for key in burst:
                app.post_message(key_event(key))  # queued at once, as a fast typist's are
            sent += len(burst)
            if rng.random() < 0.15:
                # As the terminal's driver does: the app hears of it, and may already have
                # queued layouts for the size before.
                size = rng.choice(SIZES)
                app.post_message(stale_resize(size))
                if rng.random() < 0.5:
                    app.screen.post_message(stale_resize(rng.choice(SIZES)))
            await asyncio.sleep(rng.choice([0, 0.001, 0.005]))
        await pilot.resize_terminal(120, 36)
        for _ in range(6):  # out of any view, palette or search
            await pilot.press("escape")
        await pilot.pause()
        if not isinstance(app.screen, MainScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert_drawn_for(app, 120, 36)


async def test_a_resize_for_a_size_gone_by_is_not_laid_out(dataset):
    app = make_app(dataset)
    async with app.run_test(size=(120, 36)) as pilot:
        app.screen.post_message(stale_resize((40, 10)))
        for _ in range(5):
            await pilot.pause()
        assert_drawn_for(app, 120, 36)
