"""Make the README's screenshots from the real app: `python screenshots/make_screenshots.py`.

Each is an SVG of the app on the bundled dataset after a few key presses, at a fixed size.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from explorer.core.load import load_dataset
from explorer.tui.app import make_app

HERE = Path(__file__).resolve().parent
SHOTS = {
    "overview": ([], (120, 36)),
    "speaker-search": (["slash", *"kamikawa"], (120, 36)),
    "words-search": (["slash", *"national interests", "enter"], (120, 36)),
    "reading-100x30": (["3", "w"], (100, 30)),
    "source-view": (["slash", *"kamikawa", "enter", "enter"], (120, 36)),
    "compare-view": (["c"], (120, 36)),
    "narrow-80x24": (["3", "j"], (80, 24)),
}


async def shoot(name: str, keys: list[str], size: tuple[int, int], folder: Path = HERE) -> Path:
    """Run the app headless, press the keys, and save what it shows in `folder`."""
    app = make_app(load_dataset())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.2)
        path = folder / f"{name}.svg"
        app.save_screenshot(path.name, path=str(folder))
    return path


def main() -> None:
    for name, (keys, size) in SHOTS.items():
        print(f"wrote {asyncio.run(shoot(name, keys, size)).relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
