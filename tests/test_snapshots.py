"""SVG snapshots of the main screens at fixed sizes (update with --snapshot-update)."""

from __future__ import annotations

import pytest

from explorer.tui.app import make_app

CASES = {
    "overview": ([], (120, 36)),
    "speaker_search": (["slash", *"kamikawa"], (120, 36)),
    "leg_filter": (["G", "k", "k", "k", "enter"], (120, 36)),
    "source_view": (["slash", *"kamikawa", "enter", "enter"], (120, 36)),
    "compare": (["c"], (120, 36)),
    "help": (["question_mark"], (120, 36)),
    "narrow_timeline": ([], (80, 24)),
    "narrow_quotes": (["3", "_", "j"], (80, 24)),
    "too_small": ([], (40, 12)),
    "words_search": (["slash", *"national interests", "enter"], (120, 36)),
    "maximised_quotes": (["3", "z"], (120, 36)),
    "quotes_100x30": (["3", "j"], (100, 30)),
    "reading_100x30": (["3", "w"], (100, 30)),
    "reading_80x24": (["3", "w", "j"], (80, 24)),
    "areas_search_110x32": (["4", "slash", *"tech"], (110, 32)),
}


@pytest.mark.parametrize(("press", "size"), list(CASES.values()), ids=list(CASES))
def test_snapshot(snap_compare, dataset, press, size):
    assert snap_compare(make_app(dataset), press=press, terminal_size=size)
