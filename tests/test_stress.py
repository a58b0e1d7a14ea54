"""The TUI under stress: fast repeated keys, resize storms, searches typed and cleared fast.

Each test ends by checking that the app is in a consistent state; each is bounded in time.
"""

from __future__ import annotations

import random
import re

import pytest
from conftest import screen_text
from textual import events

from explorer.core.load import validate_dataset
from explorer.ingest.synth import generate
from explorer.tui.app import make_app
from explorer.tui.screens.main import NARROW_HEIGHT, NARROW_WIDTH, MainScreen
from explorer.tui.widgets.quote_list import QuoteList
from explorer.tui.widgets.quotes import SearchBox

pytestmark = pytest.mark.timeout(90)


def burst(app, *keys: str) -> None:
    """Queue key presses all at once, as a held-down key or a fast typist does."""
    for key in keys:
        char = key if len(key) == 1 else None
        app.post_message(events.Key(key, char))


async def settle(pilot, rounds: int = 10) -> None:
    """Let queued keys travel from the app to the focused widget and be handled."""
    for _ in range(rounds):
        await pilot.pause()


def named(party, query: str) -> bool:
    """Whether a plain-ASCII query begins a word of one of the party's names (the tests'
    own simple reading of a speaker search, independent of the app's matcher)."""
    names = [party.name, *party.aliases]
    name_words = {w for n in names for w in re.split(r"[^a-z0-9]+", n.lower()) if w}
    return all(any(w.startswith(q) for w in name_words) for q in query.lower().split())


def consistent(app) -> None:
    """With the filter cleared, the list shows every statement whose speaker the search
    box names, in dataset order, and the count says how many."""
    screen = app.screen
    assert isinstance(screen, MainScreen) and screen.selection is None
    query = screen.query_one(SearchBox).value
    dataset = app.index.dataset
    parties = {p.id: p for p in (*dataset.people, *dataset.organizations)}
    expected = [
        s.id
        for s in dataset.statements
        if not query.strip() or any(named(parties[p], query) for p in s.speakers)
    ]
    shown = screen.query_one(QuoteList)
    assert [s.id for s in shown.rows] == expected
    assert 0 <= shown.cursor < max(len(shown.rows), 1)
    assert f"{len(expected)} of {len(dataset.statements)}" in screen_text(app)


async def test_rapid_key_repetition(dataset):
    app = make_app(dataset)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        burst(app, *["j"] * 150)
        await settle(pilot)
        quote_list = app.screen.query_one(QuoteList)
        assert quote_list.cursor == len(quote_list.rows) - 1
        burst(app, *["k"] * 7, *["pagedown", "pageup"] * 20, "g")
        await settle(pilot)
        assert quote_list.cursor == 0
        await pilot.press(*["tab"] * 9)  # focus moves a frame later: one at a time
        assert app.screen.current_pane.id == "areas"
        burst(app, *["j", "enter", "x"] * 15)
        await settle(pilot)
        # An Enter's choice is a message, handled after keys already queued: clear once
        # more when all is settled, then the list must be whole again.
        await pilot.press("x")
        await pilot.pause()
        consistent(app)


async def test_resize_storm(dataset):
    app = make_app(dataset)
    rng = random.Random(4)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3")
        for _ in range(20):
            await pilot.resize_terminal(rng.randint(20, 220), rng.randint(6, 70))
        await pilot.resize_terminal(90, 26)
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow") == (NARROW_WIDTH > 90 or NARROW_HEIGHT > 26)
        assert not screen.has_class("-too-small")
        shown = [pane for pane in screen.panes if pane.region.height]
        assert shown == [screen.current_pane]
        assert app.focused is not None and screen.current_pane in app.focused.ancestors
        consistent(app)


async def test_search_typed_and_cleared_fast(dataset):
    app = make_app(dataset)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        for _ in range(2):
            await pilot.press(*"kamikawa", *["backspace"] * 8)
        await pilot.press(*"cho")
        assert app.screen.query_one(SearchBox).value == "cho"
        assert [s.id for s in app.screen.query_one(QuoteList).rows] == ["jaishankar-cho-new-areas"]
        consistent(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, QuoteList)
        consistent(app)


async def test_filters_and_searches_interleaved_on_a_larger_dataset():
    app = make_app(validate_dataset(generate(3000), "synthetic"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4", "j", "enter", "slash", *"a", "escape", "4", "j", "j", "enter")
        await pilot.press("slash", *"ka", "backspace", "escape", "x", "slash", *"mi")
        await pilot.pause()
        consistent(app)


async def test_the_day_strip_shows_the_first_trip_of_the_month_under_the_cursor():
    """With trips gathered under months, the strip shows the trip the month's node opens
    on, and says which (it showed the dataset's first trip, of another month)."""
    from explorer.tui.widgets.timeline import TimelinePane

    app = make_app(validate_dataset(generate(3000), "synthetic"))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        pane = app.screen.query_one(TimelinePane)
        for _ in range(3):  # the first months in turn
            month = pane.choices.cursor_node
            assert month.data is None and not month.is_expanded
            month.expand()
            await pilot.pause()
            first = month.children[0].data  # the month's first trip, by date
            starts = [e.leg.dates.start for e in app.index.timeline_of(first.id)]
            strip = pane.strip
            assert min(e.leg.dates.start for e in strip.legs) == min(starts)
            assert strip.title == app.index.trips[first.id].title
            assert strip.title in str(strip.render())
            month.collapse()
            await pilot.press("j")
            await pilot.pause()
