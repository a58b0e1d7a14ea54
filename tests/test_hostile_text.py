"""Markup-like text, control characters and wide characters in every pane, shown as they are."""

from __future__ import annotations

import json

import pytest
from conftest import screen_text
from factory import ALIASES, CONTROL, LONG, MARKUP, WIDE, hostile_dataset
from rich.cells import cell_len

from explorer.core.safe import control_characters
from explorer.core.validation import to_json_data
from explorer.tui.app import make_app
from explorer.tui.screens.compare import CompareScreen
from explorer.tui.screens.main import MainScreen
from explorer.tui.screens.source import SourceScreen
from explorer.tui.widgets.areas import AreaTree
from explorer.tui.widgets.quote_list import QuoteList
from explorer.tui.widgets.quotes import SearchBox
from explorer.tui.widgets.timeline import TimelineTree

BIG = (220, 60)


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def no_escapes(text: str) -> None:
    """Nothing that could move the cursor, recolour, retitle or reorder the terminal."""
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert not set(text) & set(BIDI_CONTROLS)


@pytest.fixture
def app():
    return make_app(hostile_dataset())


async def test_every_pane_shows_markup_as_plain_characters(app):
    async with app.run_test(size=BIG) as pilot:
        await pilot.pause()
        text = screen_text(app)
        no_escapes(text)
        assert "[bold]not bold[/] [link=https://x]click[/link] [0] [/" in text  # country detail
        assert "Meeting [bold]not bold[/]" in text  # timeline
        assert "[semiconductors] [bold]not bold[/]" in text  # areas
        assert "␛[31mALERT␛[0m bell␇" in text  # control characters made visible
        assert "東京で会談した 🙂" in text
        tree = app.screen.query_one(TimelineTree)
        labels = [leaf.label.plain for leg in tree.root.children for leaf in leg.children]
        assert any(MARKUP in label for label in labels)
        areas = app.screen.query_one(AreaTree)
        assert MARKUP in areas.root.children[0].children[0].label.plain


async def test_quote_preview_and_source_view_show_markup_literally(app):
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert f"“{MARKUP} is the plan,”" in screen_text(app)  # the preview of the first quote
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        text = screen_text(app)
        no_escapes(text)
        assert f"“{MARKUP} is the plan,” said [bold]not bold[/]" in text
        await pilot.press("a", "escape", "j", "enter")
        await pilot.pause()
        text = screen_text(app)
        no_escapes(text)
        assert "red␛[31mALERT␛[0m bell␇ osc␛]8;;https://x␇link" in text


async def test_compare_and_palette_with_hostile_names(app):
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
        no_escapes(text)
        assert "Shared by both (1)" in text and "[semiconductors]" in text
        await pilot.press("escape", "ctrl+p", *"Speaker: red")
        await pilot.pause(0.5)
        no_escapes(screen_text(app))
        await pilot.press("enter")
        await pilot.pause()
        # The name went into the search box, which writes its text out raw: made safe first.
        value = app.screen.query_one(SearchBox).value
        assert value.startswith("red␛[31mALERT") and not control_characters(value)
        assert "s2" in [s.id for s in app.screen.query_one(QuoteList).rows]


async def test_search_with_markup_and_wide_text(app):
    async with app.run_test(size=BIG) as pilot:
        await pilot.press("slash", *"[bold]")
        await pilot.pause()
        assert [s.id for s in app.screen.query_one(QuoteList).rows] == ["s1"]
        await pilot.press("ctrl+u", *"東京で会談した")
        await pilot.pause()
        assert [s.id for s in app.screen.query_one(QuoteList).rows] == ["s3"]


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_wide_characters_keep_the_quote_columns_aligned(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press("3")
        await pilot.pause()
        quote_list = app.screen.query_one(QuoteList)
        width = quote_list.scrollable_content_region.width
        kind_columns = set()
        for row, statement in enumerate(quote_list.rows):
            strip = quote_list.render_line(row)
            assert strip.cell_length == width
            plain = quote_list.row_text(statement, False).plain
            kind_columns.add(cell_len(plain[: plain.index(" dir ")]))
        assert len(kind_columns) == 1


def test_command_line_tables_show_markup_and_no_escapes(run_cli, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(to_json_data(hostile_dataset())), encoding="utf-8")
    for command in ("quotes", "timeline", "countries", "areas", "sources"):
        for form in ("table", "csv", "tsv", "md"):
            result = run_cli(
                command, "--format", form, "--data", str(path), env={"COLUMNS": "200", "PATH": ""}
            )
            assert result.returncode == 0, result.stderr
            no_escapes(result.stdout)
            no_escapes(result.stderr)
    quotes = run_cli("quotes", "--format", "table", "--data", str(path), env={"COLUMNS": "200"})
    quotes = quotes.stdout
    assert MARKUP in quotes and "␛[31mALERT" in quotes and WIDE in quotes
    as_json = json.loads(run_cli("quotes", "--json", "--data", str(path)).stdout)
    assert as_json[1]["text"] == CONTROL  # JSON keeps the data exactly, safely escaped


async def test_every_pane_and_view_survives_hostile_text(app):
    """Walk every pane, open every view: no crash, nothing unsafe on screen."""
    async with app.run_test(size=(120, 36)) as pilot:
        for keys in (
            ["1", "j", "enter", "s"],
            ["escape", "2", "l", "enter", "s"],
            ["escape", "3", "G", "enter"],
            ["escape", "4", "j", "enter", "s"],
            ["escape", "c"],
            ["escape", "question_mark"],
            ["escape", "x"],
        ):
            await pilot.press(*keys)
            await pilot.pause()
            no_escapes(screen_text(app))
        assert isinstance(app.screen, MainScreen) and app.screen.selection is None


async def test_a_20000_character_quote_is_cut_in_the_preview_and_whole_in_the_source(app):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"alias5", "enter")
        await pilot.pause()
        rows = [s.id for s in app.screen.query_one(QuoteList).rows]
        assert rows == ["s4", "s5"]
        assert "… more: w reads every statement whole, Enter shows the article" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        body = app.screen.body().plain
        assert LONG in body
        no_escapes(screen_text(app))


def test_a_speaker_with_a_thousand_aliases_is_found_by_any(app):
    index = app.index
    assert len(ALIASES) == 1000
    for alias in ("Alias0 Name0", "name999 alias999", "ALIAS500"):
        assert [s.id for s in index.quotes(speaker=alias)] == ["s4", "s5"]
