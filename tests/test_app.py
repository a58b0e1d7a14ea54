"""The TUI driven with Pilot: every key, every link between panes, asserted on state."""

from __future__ import annotations

import pytest
from conftest import DATA, screen_text
from textual import events

from explorer.core.validation import to_json_data
from explorer.tui.app import make_app
from explorer.tui.screens.compare import CompareScreen
from explorer.tui.screens.help import HelpScreen
from explorer.tui.screens.main import MainScreen, PaneBar
from explorer.tui.screens.source import SourceScreen
from explorer.tui.views import Ref
from explorer.tui.widgets.areas import AreaSearch, AreasPane, AreaTree
from explorer.tui.widgets.country import CountryPane
from explorer.tui.widgets.quote_list import QuoteList
from explorer.tui.widgets.quotes import QuotesPane, SearchBox
from explorer.tui.widgets.timeline import TimelinePane, TimelineTree

SIZE = (120, 36)


@pytest.fixture
def app(dataset):
    return make_app(dataset)


def main(app) -> MainScreen:
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def rows(app) -> list[str]:
    return [s.id for s in app.screen.query_one(QuoteList).rows]


def pane_of_focus(app) -> str:
    return main(app).current_pane.id


async def test_starts_on_the_timeline_with_four_titled_panes(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, TimelineTree)
        titles = [pane.border_title for pane in main(app).panes]
        assert titles == ["Timeline", "Country", "Quotes", "Cooperation areas"]
        assert len(rows(app)) == 18
        text = screen_text(app)
        assert "18 of 18" in text and "year inferred" in text


async def test_tab_and_shift_tab_cycle_the_panes(app):
    async with app.run_test(size=SIZE) as pilot:
        order = []
        for _ in range(4):
            await pilot.press("tab")
            await pilot.pause()
            order.append(pane_of_focus(app))
        assert order == ["country", "quotes", "areas", "timeline"]
        await pilot.press("shift+tab")
        await pilot.pause()
        assert pane_of_focus(app) == "areas"


async def test_digits_jump_to_a_pane(app):
    """Each digit from another pane (one app for all four)."""
    async with app.run_test(size=SIZE) as pilot:
        for key, pane in [("1", "timeline"), ("2", "country"), ("3", "quotes"), ("4", "areas")]:
            await pilot.press("4" if key != "4" else "1", key)
            await pilot.pause()
            assert pane_of_focus(app) == pane, key
            assert app.focused is main(app).current_pane.primary


async def test_done_when_slash_kamikawa_enter(app, article_text):
    """The issue's test of done: / kamikawa, then Enter shows her sentence in the article."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, SearchBox)
        await pilot.press(*"kamikawa")
        await pilot.pause()
        assert all(sid.startswith(("kamikawa", "ministers")) for sid in rows(app))
        assert len(rows(app)) == 7
        assert "7 of 18" in screen_text(app)
        await pilot.press("enter")  # from the box to the list
        assert isinstance(app.focused, QuoteList)
        await pilot.press("enter")  # the source of the first quote
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        shown = screen_text(app)
        assert "Direct quotation of Kamikawa Yoko" in shown
        assert "Japan especially places importance" in shown
        assert "Kamikawa said." in shown  # her sentence, attribution included
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_search_accepts_every_variant(app):
    """Each variant typed into a cleared search box (one app for all: the same path)."""
    async with app.run_test(size=SIZE) as pilot:
        for typed in ["Yoko", "KAMIKAWA YOKO", "yoko kamikawa", "Kamikawá", "kami"]:
            await pilot.press("slash", "ctrl+u", *typed)
            await pilot.pause()
            assert app.screen.query_one(SearchBox).value == typed
            assert len(rows(app)) == 7, typed


async def test_search_highlights_the_matched_name(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"yoko")
        await pilot.pause()
        quote_list = app.screen.query_one(QuoteList)
        row = quote_list.row_text(quote_list.rows[0], True)
        match_style = quote_list.get_component_rich_style("quote-list--match")
        highlighted = [row.plain[s.start : s.end] for s in row.spans if s.style == match_style]
        assert highlighted == ["Yoko"]
        await pilot.press("ctrl+u", *"tae-yul")  # the preview shows the whole name
        await pilot.pause()
        preview = app.screen.query_one(QuotesPane).describe(quote_list.rows[0])
        marked = [preview.plain[s.start : s.end] for s in preview.spans if s.style == "reverse"]
        assert marked == ["Tae", "yul"]


async def test_escape_clears_the_search_and_returns_to_the_list(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"cho")
        await pilot.pause()
        assert len(rows(app)) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one(SearchBox).value == ""
        assert isinstance(app.focused, QuoteList)
        assert len(rows(app)) == 18


async def test_q_types_in_the_search_box_and_quits_elsewhere(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q")
        await pilot.pause()
        assert app.screen.query_one(SearchBox).value == "q"
        assert app.is_running
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def test_no_match_says_so(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"nobody")
        await pilot.pause()
        assert rows(app) == []
        text = screen_text(app)
        assert "0 of 18" in text and "No statements match." in text


async def test_quote_list_keys_move_the_cursor(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        quote_list = app.screen.query_one(QuoteList)
        for key, expected in [
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("G", 17),
            ("g", 0),
            ("end", 17),
            ("home", 0),
            ("pagedown", None),
            ("pageup", 0),
        ]:
            await pilot.press(key)
            await pilot.pause()
            if expected is None:
                assert quote_list.cursor > 1
            else:
                assert quote_list.cursor == expected, key


async def test_s_on_a_quote_opens_its_source_and_a_shows_the_whole_article(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "j", "s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.ref == Ref("statement", "kamikawa-global-south")
        assert "¶1 of 16" not in screen_text(app)
        shown = [line for line in screen_text(app).splitlines() if "¶" in line]
        await pilot.press("a")  # the whole article, where the evidence is
        await pilot.pause()
        assert shown[0] in screen_text(app) and "a Evidence only" in screen_text(app)
        assert "¶1 of 16" not in screen_text(app)  # ¶7 is far below it
        await pilot.press("g")
        await pilot.pause()
        assert "¶1 of 16" in screen_text(app)
        await pilot.press("a")  # the evidence only, again
        await pilot.pause()
        assert "¶1 of 16" not in screen_text(app) and "a Whole article" in screen_text(app)
        for key in ("j", "k", "down", "up"):
            await pilot.press(key)
        for close in ("q", "s"):
            await pilot.press(close)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            await pilot.press("s")
            await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_enter_on_a_leg_narrows_every_pane(app):
    async with app.run_test(size=SIZE) as pilot:
        tree = app.screen.query_one(TimelineTree)
        await pilot.press("G", "k", "k", "k")  # the Japan leg, above its three events
        await pilot.pause()
        assert tree.cursor_node.data == Ref("leg", "jaishankar-japan")
        await pilot.press("enter")
        await pilot.pause()
        screen = main(app)
        assert screen.selection == Ref("leg", "jaishankar-japan")
        assert len(rows(app)) == 9
        assert screen.query_one(CountryPane).current == "jp"
        areas = screen.query_one(AreaTree)
        shown = {leaf.data.id for node in areas.root.children for leaf in node.children}
        assert "green-hydrogen" not in shown and "high-speed-rail" in shown
        assert "Filtered by leg: Japan" in screen_text(app)
        await pilot.press("x")
        await pilot.pause()
        assert screen.selection is None and len(rows(app)) == 18


async def test_enter_on_an_event_and_its_source(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")  # the Joint Commission Meeting
        await pilot.pause()
        assert main(app).selection == Ref("event", "joint-commission")
        assert set(rows(app)) == {
            "mea-indo-pacific-visions",
            "jaishankar-cho-new-areas",
            "mea-common-ground",
        }
        assert "● Event 10th India-Republic of" in screen_text(app)  # in the Country pane
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert "chaired the 10th India-Republic of Korea Joint Commission Meeting" in screen_text(
            app
        )
        await pilot.press("escape", "escape")  # close, then clear the filter
        await pilot.pause()
        assert main(app).selection is None


async def test_space_folds_a_leg(app):
    async with app.run_test(size=SIZE) as pilot:
        tree = app.screen.query_one(TimelineTree)
        await pilot.press("space")
        await pilot.pause()
        assert not tree.root.children[0].is_expanded


async def test_country_tabs_and_choosing_a_context_country(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        pane = app.screen.query_one(CountryPane)
        assert pane.current == "in"
        await pilot.press("l", "right", "right")
        await pilot.pause()
        assert pane.current == "cn"
        assert "China" in screen_text(app) and "context" in screen_text(app)
        await pilot.press("enter")  # China, only spoken of: the timeline says it has nothing
        await pilot.pause()
        assert "No legs or events for country: China." in screen_text(app)
        await pilot.press("x", "2")
        await pilot.pause()
        await pilot.press("h", "left")
        await pilot.pause()
        assert pane.current == "kr"
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).selection == Ref("country", "kr")
        assert len(rows(app)) == 8
        legs = [node.data for node in app.screen.query_one(TimelineTree).root.children]
        assert legs == [Ref("leg", "jaishankar-korea")]
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.ref == Ref("country", "kr")


async def test_country_detail_scrolls_with_the_keys(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("right", "right")  # Japan has the longest detail
        await pilot.pause()
        scroll = app.screen.query_one("#country-scroll")
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "down", "pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("pageup", "k", "up")
        await pilot.pause()
        assert scroll.scroll_y == 0


async def test_enter_on_an_area_shows_its_quotes_and_events(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        tree = app.screen.query_one(AreaTree)
        while not (tree.cursor_node and tree.cursor_node.data == Ref("area", "semiconductors")):
            await pilot.press("j")
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).selection == Ref("area", "semiconductors")
        assert set(rows(app)) == {"jaishankar-cho-new-areas", "jaishankar-economic-security"}
        timeline = app.screen.query_one(TimelineTree)
        events = [leaf.data.id for leg in timeline.root.children for leaf in leg.children]
        assert events == ["joint-commission"]
        assert "Semiconductors" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.ref == Ref("area", "semiconductors")


async def test_enter_on_a_category_folds_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "g", "enter")
        await pilot.pause()
        tree = app.screen.query_one(AreaTree)
        assert not tree.root.children[0].is_expanded
        assert main(app).selection is None


async def test_compare_view(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        assert "Compare Japan and South Korea" in text
        assert "Shared by both (3)" in text and "Only Japan (9)" in text
        assert "Only South Korea (6)" in text
        await pilot.press("j", "k")
        for close in ("c", "q", "escape"):
            await pilot.press(close)
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            await pilot.press("c")
            await pilot.pause()


@pytest.mark.parametrize("key", ["question_mark", "f1"])
async def test_help_lists_the_keys(app, key):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Search quotes by speaker" in text and "Everywhere" in text
        await pilot.press("j", "k", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def test_every_key_in_help_has_an_action():
    """What help lists is what the widgets bind, and each action exists."""
    from explorer.tui.screens.main import MainScreen as Main
    from explorer.tui.screens.main import key_sections
    from explorer.tui.widgets.choice_bar import ChoiceBar
    from explorer.tui.widgets.vim import VimScroll

    owners = {
        "Everywhere": Main,
        "Timeline (1)": TimelineTree,
        "Country (2)": (ChoiceBar, CountryPane),
        "Quotes (3)": (QuoteList, QuotesPane),
        "Quote search": SearchBox,
        "Cooperation areas (4)": (AreaTree, AreasPane),
        "Area search": AreaSearch,
        "Source view": (SourceScreen, VimScroll),
        "Compare view": (CompareScreen, VimScroll),
    }
    for title, bindings in key_sections():
        classes = owners[title] if isinstance(owners[title], tuple) else (owners[title],)
        for binding in bindings:
            if not binding.action:  # listed for information: arrows, palette
                continue
            action = binding.action.split("(")[0].removeprefix("app.")
            assert any(hasattr(c, f"action_{action}") for c in classes) or action == "quit", (
                title,
                binding,
            )


async def run_palette(pilot, command: str) -> None:
    """Open the command palette, enter `command` (pasted whole: one search, not one a
    letter), wait for its first hit to be highlighted, take it."""
    from textual.command import CommandInput, CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = pilot.app.screen
    palette.query_one(CommandInput).value = command
    commands = palette.query_one(CommandList)
    for _ in range(200):  # hits arrive from a worker: wait for them, at most 2 s
        await pilot.pause(0.01)
        if commands.option_count and commands.highlighted is not None:
            break
    await pilot.press("enter")
    await pilot.pause()


async def test_command_palette_jumps_to_a_speaker(app):
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, "Speaker: Cho")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(SearchBox).value == "Cho Tae-yul"
        assert rows(app) == ["jaishankar-cho-new-areas"]


async def test_the_palette_offers_as_speakers_only_those_who_spoke(app):
    from explorer.tui.commands import ExplorerCommands

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = ExplorerCommands(app.screen)
        offered = {label for label, _ in provider.commands() if label.startswith("Speaker: ")}
        parties = app.index.parties
        spoke = {parties[p].name for s in app.index.dataset.statements for p in s.speakers}
        assert offered == {f"Speaker: {name}" for name in spoke}
        assert len(parties) > len(spoke)  # some are only named in a statement


async def test_a_notice_naming_a_file_is_shown_as_plain_safe_text(dataset):
    """A notice names a data file, whose path may hold anything."""
    app = make_app(
        dataset, notice="Opened /tmp/\x1b[2Jodd[bold].json, the data file of your last run"
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (shown,) = [n.message for n in app._notifications]
        assert "\x1b" not in shown and "odd[bold].json" in shown


async def test_the_search_box_suggests_a_name_from_the_data(dataset):
    """The example in the empty box is one of the dataset's speakers, whatever the data."""
    from explorer.core.load import validate_dataset
    from explorer.ingest.synth import generate
    from explorer.tui.widgets.quotes import QuotesPane

    synthetic = validate_dataset(generate(60), "synthetic")
    for data in (dataset, synthetic):
        app = make_app(data)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            box = app.screen.query_one(QuotesPane).search_box
            names = {app.index.parties[p].name for s in data.statements for p in s.speakers}
            assert any(box.placeholder.endswith(f"e.g. {name}") for name in names)


async def test_a_view_closed_while_too_small_leaves_the_pane_as_it_was(app):
    """Quotes, its source, a terminal too small, Escape, room again: back on Quotes."""
    from explorer.tui.widgets.quote_list import QuoteList

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "s")
        await pilot.pause()
        await pilot.resize_terminal(50, 14)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.focused, QuoteList)
        assert "[3 Quotes]" in screen_text(app).splitlines()[1]


async def test_command_palette_narrows_to_an_area(app):
    async with app.run_test(size=SIZE) as pilot:
        await run_palette(pilot, "Area: Green hydrogen")
        assert main(app).selection == Ref("area", "green-hydrogen")


async def test_mouse_click_and_double_click_on_a_quote(app):
    async with app.run_test(size=SIZE) as pilot:
        quote_list = app.screen.query_one(QuoteList)
        await pilot.click(QuoteList, offset=(5, 2))
        await pilot.pause()
        assert quote_list.cursor == 2 and app.focused is quote_list
        await pilot.click(QuoteList, offset=(5, 3), times=2)
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)


async def test_clicking_a_pane_focuses_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click(AreasPane)
        await pilot.pause()
        assert pane_of_focus(app) == "areas"
        await pilot.click(TimelinePane)
        await pilot.pause()
        assert pane_of_focus(app) == "timeline"


async def test_80x24_shows_one_pane_at_a_time_with_tabs(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = main(app)
        assert screen.has_class("-narrow")
        visible = [pane.id for pane in screen.panes if pane.display and pane.region.height]
        assert visible == ["timeline"]
        await pilot.press("3")
        await pilot.pause()
        visible = [pane.id for pane in screen.panes if pane.region.height]
        assert visible == ["quotes"] and isinstance(app.focused, QuoteList)
        bar = screen.query_one(PaneBar)
        assert bar.current == 2
        await pilot.click(PaneBar, offset=(bar.spans()[3][0] + 1, 0))
        await pilot.pause()
        assert pane_of_focus(app) == "areas"
        assert [pane.id for pane in screen.panes if pane.region.height] == ["areas"]


async def test_40x12_asks_for_a_bigger_terminal_and_resizing_is_safe(app):
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert main(app).has_class("-too-small")
        assert "Enlarge the window" in screen_text(app)
        for size in [(120, 36), (80, 24), (40, 12), (100, 30), (61, 17), (200, 60), (120, 36)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
        screen = main(app)
        assert not screen.has_class("-too-small") and not screen.has_class("-narrow")
        await pilot.press("slash", *"yoko")
        await pilot.pause()
        assert len(rows(app)) == 7


async def test_every_size_shows_at_least_as_many_quotes_as_80x24(app):
    """The breakpoints: one pane at a time below 110x32, four panes from there; at 100x30 and
    at 110x32 no fewer rows of quotes than the one-pane view at 80x24 gives."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        rows_at = {}
        for size in [(80, 24), (90, 28), (100, 30), (110, 32), (120, 36)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            rows_at[size] = app.screen.query_one(QuoteList).scrollable_content_region.height
            four = all(pane.region.height for pane in main(app).panes)
            assert four == (size >= (110, 32)), size
        least = rows_at[(80, 24)]
        assert rows_at[(100, 30)] >= least and rows_at[(110, 32)] >= least, rows_at


@pytest.mark.parametrize(
    ("keys", "ref"),
    [
        (["j"], Ref("event", "joint-commission")),
        (["4", "_", "j"], Ref("area", "security-cooperation")),
        (["2", "_", "l"], Ref("country", "kr")),
    ],
)
async def test_enter_again_on_the_choice_shows_its_source(app, keys, ref):
    async with app.run_test(size=SIZE) as pilot:
        for key in keys:
            await (pilot.pause() if key == "_" else pilot.press(key))
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).selection == ref and isinstance(app.screen, MainScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen) and app.screen.ref == ref


async def test_many_trips_fold_under_months_and_fill_when_opened():
    from explorer.core.load import validate_dataset
    from explorer.ingest.synth import generate

    app = make_app(validate_dataset(generate(3000), "synthetic"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(TimelineTree)
        months = tree.root.children
        assert len(app.index.trips) > TimelinePane.MONTHS_ABOVE
        assert months and all(month.data is None and not month.children for month in months)
        await pilot.press("enter")  # unfold the first month: its trips appear, folded
        await pilot.pause()
        trips = months[0].children
        assert trips and all(trip.data.kind == "trip" and not trip.children for trip in trips)
        await pilot.press("j", "enter")  # unfold the first trip: its legs appear
        await pilot.pause()
        legs = trips[0].children
        assert legs and all(leg.data.kind == "leg" for leg in legs)
        await pilot.press("j", "enter")  # Enter on a leg narrows the view
        await pilot.pause()
        assert main(app).selection == legs[0].data
        assert all(index_leg == legs[0].data.id for index_leg in leg_ids(app))


def leg_ids(app) -> set[str]:
    index = app.index
    return {index.statement_leg(s).id for s in app.screen.query_one(QuoteList).rows}


def test_every_binding_has_an_id():
    from explorer.tui.screens.main import PALETTE_KEYS, key_sections

    bindings = [b for _, group in key_sections() for b in group if b not in PALETTE_KEYS]
    assert len(bindings) > 30
    assert [b.key for b in bindings if not b.id] == []


async def test_keys_reaching_an_overlay_while_it_opens_or_closes_do_no_harm(app):
    # A key can reach a view while it is being composed or closed: its actions must hold.
    async with app.run_test(size=SIZE) as pilot:
        screen = SourceScreen(app.index, app.views, Ref("country", "jp"))
        app.push_screen(screen)
        screen.scroll.action_line(1)  # not yet mounted
        screen.scroll.action_edge(-1)
        await pilot.pause()
        screen.action_close()
        screen.action_close()  # already closing: must not pop the main screen too
        screen.scroll.action_page(1)
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and len(app.screen_stack) == 1


async def test_page_keys_in_the_palette_before_its_list_is_laid_out(app):
    """Ctrl+P then PageDown at once: the key reaches the list before its first layout."""
    import asyncio

    from textual.command import CommandList, CommandPalette

    async with app.run_test(size=SIZE) as pilot:
        app.action_command_palette()
        while not app.screen.query(CommandList):
            await asyncio.sleep(0)
        commands = app.screen.query_one(CommandList)
        commands.add_option("an option, highlighted, not yet laid out")
        commands.highlighted = 0
        await app.screen.run_action("command_list('page_down')")
        await app.screen.run_action("command_list('page_up')")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_keys_faster_than_a_view_opens_open_it_once(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        for key in ("enter", "enter", "enter", "c", "question_mark"):
            app.post_message(events.Key(key, "?" if key == "question_mark" else None))
        for _ in range(5):
            await pilot.pause()
        assert len(app.screen_stack) == 2  # one view, whichever asked first
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_the_palette_offers_no_quit(app):
    # Letters typed into the palette and Enter must never end the app by a fuzzy match.
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Quit" not in titles and "Theme" in titles


async def test_the_theme_picker_opens_once_however_fast_enter_comes(app):
    from textual.command import CommandPalette

    async with app.run_test(size=SIZE) as pilot:
        app.action_change_theme()
        app.action_change_theme()
        app.search_themes()
        await pilot.pause()
        palettes = [s for s in app.screen_stack if isinstance(s, CommandPalette)]
        assert len(palettes) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_a_search_ending_after_the_palette_is_taken_apart(app):
    """A palette search that finishes while the palette's widgets are gone changes nothing
    (under load, seed 35 of the fuzz test crashed here: no LoadingIndicator)."""
    import asyncio

    from textual.command import CommandList
    from textual.widgets import LoadingIndicator

    async with app.run_test(size=SIZE) as pilot:
        app.action_command_palette()
        while not app.screen.query(CommandList):
            await asyncio.sleep(0)
        palette = app.screen
        await palette.query_one(LoadingIndicator).remove()
        await palette.query_one(CommandList).remove()
        palette._show_busy = True
        palette._list_visible = True
        await pilot.pause()
        assert app.is_running and app.screen is palette
        await palette.dismiss()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def test_paragraphs_are_counted_without_the_blank_lines_between_them():
    """A report with a blank line between its paragraphs: "¶2 of 3", not "¶3 of 5"."""
    from explorer.tui.screens.source import paragraphs

    text = "First.\n\nSecond.\n  \nThird."
    assert [text[s:e] for s, e in paragraphs(text)] == ["First.", "Second.", "Third."]


@pytest.mark.parametrize("size", [SIZE, (80, 24)])  # four panes, and one at a time
@pytest.mark.parametrize(
    ("keys", "box_type", "said"),
    [([], SearchBox, "search “kam”"), (["4"], AreaSearch, "areas “kam”")],
)
async def test_keys_typed_right_after_slash_go_into_the_search_box(app, size, keys, box_type, said):
    """ "/" and a name arriving together (pasted, or typed faster than the app answers):
    every letter lands in the box (the quotes', or the areas' when that pane has the focus),
    none with the widget that had the focus before."""
    async with app.run_test(size=size) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        for key in ["slash", *"kam"]:
            app.post_message(events.Key(key, None if key == "slash" else key))
        await pilot.pause()
        await pilot.pause()
        box = app.screen.query_one(box_type)
        assert app.focused is box and box.value == "kam"
        assert said in screen_text(app)
        if box_type is SearchBox:
            assert app.screen.query_one(QuoteList).query_text == "kam"
        await pilot.press("slash", "x")  # in the box, "/" is a character
        assert box.value == "kam/x"


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_a_key_typed_right_after_a_pane_s_digit_goes_to_that_pane(app, size):
    """ "3w" or "4/" arriving together: the digit's pane gets the next key, not the widget
    the digit left; in a text box a digit is a digit."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in ["3", "w"]:
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert app.screen.query_one(QuoteList).reading
        for key in ["4", "slash", "t"]:
            app.post_message(events.Key(key, None if key == "slash" else key))
        await pilot.pause()
        await pilot.pause()
        box = app.screen.query_one(AreaSearch)
        assert app.focused is box and box.value == "t"
        await pilot.press("1", "2")
        assert box.value == "t12" and app.focused is box


async def test_a_burst_of_keys_is_searched_once_for_the_text_it_ends_with(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        quote_list = app.screen.query_one(QuoteList)
        shown = []
        show = quote_list.show
        quote_list.show = lambda rows, query="": (shown.append(query), show(rows, query))
        for key in "kamikawa":
            app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert shown and shown[-1] == "kamikawa" and len(shown) < len("kamikawa")
        assert {s.speakers[0] for s in quote_list.rows} == {"kamikawa"}


async def test_the_key_bar_shows_the_keys_that_work_and_a_click_presses_one(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("KeyBar")
        line = bar.render().plain
        assert "/ Search" in line and "q Quit" in line and "^p palette" in line
        at = line.index("/ Search")
        await pilot.click(bar, offset=(at + 1, 0))
        await pilot.pause()
        assert isinstance(app.focused, SearchBox)
        assert "esc Clear search" in bar.render().plain  # the keys of the box, drawn anew


@pytest.mark.parametrize("size", [(100, 30), (80, 24)])
async def test_a_narrow_key_bar_keeps_help_quit_and_clear(app, size):
    """Where the keys do not all fit, those a newcomer needs to find the rest, to leave and
    to undo a filter stay; the others are left out whole, never cut."""
    async with app.run_test(size=size) as pilot:
        for pane in "1234":
            await pilot.press(pane)
            await pilot.pause()
            line = app.screen.query_one("KeyBar").render().plain
            assert "? Help" in line and "q Quit" in line and line.rstrip().endswith("palette")
            assert len(line) <= size[0]
        await pilot.press("1", "enter", "3")
        await pilot.pause()
        assert "x Clear" in app.screen.query_one("KeyBar").render().plain


async def test_evidence_left_for_after_the_first_paint_is_checked_and_its_faults_shown(
    tmp_path, dataset
):
    """The TUI loads without checking each piece of evidence against its article (a
    quarter of the load at 100,000 statements) and checks after its first paint: a word
    that is not the article's is then shown as a problem, never passed over."""
    import json

    from explorer.core.load import DatasetError, load_dataset
    from explorer.tui.screens.problems import ProblemsScreen

    data = json.loads(json.dumps(to_json_data(dataset)))
    quote = data["statements"][0]["quote"]
    quote["text"] = quote["text"][:-1] + ("x" if quote["text"][-1] != "x" else "y")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(DatasetError, match="differs from the words"):
        load_dataset(path)
    unchecked = load_dataset(path, evidence=False)
    passed = []
    app = make_app(unchecked, evidence_checked=False, evidence_passed=lambda: passed.append(1))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(20):
            await pilot.pause()
            if isinstance(app.screen, ProblemsScreen):
                break
        assert isinstance(app.screen, ProblemsScreen)
        assert "statements[0].quote.text" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "1 problem in the evidence" in screen_text(app)
    assert passed == []  # never told it passed
    sound = make_app(dataset, evidence_checked=False, evidence_passed=lambda: passed.append(1))
    async with sound.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await pilot.pause()
        assert not sound.checking and not sound.problems
        assert "checking the evidence" not in screen_text(sound)
    assert passed == [1]


async def test_a_large_dataset_is_searchable_by_speaker_from_its_first_paint(monkeypatch, dataset):
    """Above WARM_FROM statements the words are indexed after the first paint, in slices;
    the speakers before it, so that no key waits for them. What the app built is then kept
    out of the garbage collector's full collections, and let go when the app ends."""
    import gc

    from explorer.tui import app as app_module

    monkeypatch.setattr(app_module, "WARM_FROM", 5)
    built_at_ready = []

    class Watched(app_module.ExplorerApp):
        def on_ready(self) -> None:
            built_at_ready.append(self.index._speaker_index is not None)

    app = Watched(dataset)
    frozen_before = gc.get_freeze_count()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert built_at_ready == [True]
        for _ in range(100):
            if not app.index.background:
                break
            await pilot.pause(0.05)
        assert not app.index.background and not app.index.indexing
        assert gc.get_freeze_count() > frozen_before
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("collecting", [True, False])
async def test_the_collector_is_held_until_the_first_paint(dataset, collecting):
    """Building the first screen makes the garbage collector run again and again over all
    that is not frozen: it is held from the app's load to its first paint, then left as
    the app found it."""
    import gc

    from explorer.tui import app as app_module

    seen = []

    class Watched(app_module.ExplorerApp):
        def on_mount(self) -> None:
            seen.append(gc.isenabled())
            super().on_mount()

    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        app = Watched(dataset)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert seen == [False] and gc.isenabled() is collecting
        assert gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("collecting", [True, False])
def test_the_command_line_holds_the_collector_until_the_app_runs(monkeypatch, collecting):
    """`explorer` holds the garbage collector from its start, before Textual is imported
    (which makes it run again and again over what lives on), and the app lets it go at its
    first paint; an app that never ran leaves it as found too."""
    import gc

    from explorer.cli import main as cli
    from explorer.tui import app as app_module

    seen = []
    monkeypatch.setattr(app_module, "run", lambda *_, **__: seen.append(gc.isenabled()) or 0)
    was = gc.isenabled()
    (gc.enable if collecting else gc.disable)()
    try:
        assert cli.main(["--data", str(DATA / "dataset.json"), "--served"]) == 0
        assert seen == [False] and gc.isenabled() is collecting
    finally:
        (gc.enable if was else gc.disable)()
