"""Resize events that no longer describe the terminal, and why a screen must drop them."""

from __future__ import annotations

from textual.events import Resize
from textual.screen import Screen


def drop_if_stale(screen: Screen, event: Resize) -> bool:
    """Drop a resize whose size is not the terminal's any more; say whether it was dropped.

    Under a storm of resizes a screen can receive a size already gone (queued before the
    last one, or posted by its own layout at the old size). Laying out for it makes the
    layout post the other size back, and the two feed each other forever, starving the
    app (seen with random keys and resizes in a real terminal). The terminal's size, as
    the app last heard it, is the one to lay out for; a true change always arrives again.
    """
    if event.size == screen.app.size:
        return False
    event.prevent_default()  # skip Screen's own handler: no layout for a size gone by
    event.stop()
    return True
