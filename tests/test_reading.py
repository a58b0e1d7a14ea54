"""Finding, reading and citing in the TUI, driven with Pilot as a person would: search by
words, the kind filter, sorting, reading mode, maximising, copying with the citation and
exporting. Expectations come from the article's text, not from the code's own output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import screen_text

from explorer.core.validation import to_json_data
from explorer.tui.app import make_app
from explorer.tui.screens.main import MainScreen
from explorer.tui.screens.source import SourceScreen
from explorer.tui.widgets.areas import AreasPane
from explorer.tui.widgets.choice_bar import ChoiceBar
from explorer.tui.widgets.quote_list import QuoteHeader, QuoteList
from explorer.tui.widgets.quotes import QuotesPane

SIZE = (120, 36)
WORDS = "impelled by both national interests"


@pytest.fixture
def app(dataset):
    return make_app(dataset)


def quote_list(app) -> QuoteList:
    return app.screen.query_one(QuoteList)


def statements(app) -> list:
    return quote_list(app).rows


def sentence_of(article_text: str, words: str) -> str:
    """The quotation holding `words`, as the article writes it between its marks."""
    at = article_text.index(words)
    start = article_text.rindex("“", 0, at) + 1
    return article_text[start : article_text.index("”", at)]


async def test_a_search_by_words_finds_the_statement_and_says_what_matched(app, article_text):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *WORDS)
        await pilot.pause()
        found = statements(app)
        assert [s.text for s in found] == [sentence_of(article_text, "impelled by both")]
        assert app.index.matched_by(found[0], WORDS) == "words"
        text = screen_text(app)
        assert "search matched the words" in text and "1 of 18" in text
        assert f"search “{WORDS}”" in text  # the filter line shows the search
        row = quote_list(app).row_text(found[0], True)
        match = quote_list(app).get_component_rich_style("quote-list--match")
        marked = {row.plain[s.start : s.end] for s in row.spans if s.style == match}
        assert "impelled" in marked
        # A speaker search works as before, and says so.
        await pilot.press("escape", "slash", *"kamikawa")
        await pilot.pause()
        assert all("kamikawa" in s.speakers for s in statements(app))
        how = {app.index.matched_by(s, "kamikawa") for s in statements(app)}
        assert how <= {"speaker", "both"}
        # "cho" is a name's start, not the inside of "scholars".
        await pilot.press("escape", "slash", *"cho")
        await pilot.pause()
        assert all("cho" in s.speakers for s in statements(app))


async def test_kind_filter_sort_and_clearing(app):
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("3", "d")
        await pilot.pause()
        assert statements(app) and {s.kind for s in statements(app)} == {"direct"}
        assert "direct only" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert {s.kind for s in statements(app)} == {"reported"}
        await pilot.press("d")
        await pilot.pause()
        assert len(statements(app)) == 18
        # o sorts by date, then speaker; the header marks the column.
        await pilot.press("o")
        await pilot.pause()
        index = app.index
        spans = [index.statement_dates(s) for s in statements(app)]
        starts = [(d is None, d.start if d else None) for d in spans]
        assert starts == sorted(starts, key=lambda k: (k[0], k[1] or 0))
        assert "When▲" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        names = [index.speaker_names(s)[0].lower() for s in statements(app)]
        assert names == sorted(names)
        # A click on a column's title sorts by it; again, the other way.
        columns = quote_list(app).columns
        await pilot.click(QuoteHeader, offset=(2 + columns.speaker + 1 + 1, 0))
        await pilot.pause()
        assert app.screen.query_one(QuotesPane).sort == ("kind", False)
        assert "Kin▲" in screen_text(app)  # the narrow column keeps the mark
        await pilot.click(QuoteHeader, offset=(2 + columns.speaker + 1 + 1, 0))
        await pilot.pause()
        assert app.screen.query_one(QuotesPane).sort == ("kind", True)
        assert statements(app)[0].kind == "reported"
        # x clears the choice and the search alike (the order stays: it hides nothing).
        await pilot.press("1", "enter", "3", "slash", *"kamikawa", "enter")
        await pilot.pause()
        assert screen.selection is not None and len(statements(app)) < 18
        await pilot.press("x")
        await pilot.pause()
        assert screen.selection is None and len(statements(app)) == 18
        assert app.screen.query_one(QuotesPane).search_box.value == ""


async def test_the_top_line_tells_an_order_from_a_filter(app):
    """Sorting hides nothing: the top line says the quotes are sorted, apart from what
    narrows the view."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "o", "o")
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "Quotes sorted by speaker" in top and "Filtered" not in top
        await pilot.press("4", "slash", *"semi")
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "Filtered by areas “semi”  x clears  Quotes sorted by speaker" in top
        assert "by by" not in top


async def test_a_top_line_cut_to_fit_ends_in_an_ellipsis(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "enter")
        await pilot.pause()
        top = screen_text(app).splitlines()[0].rstrip()
        assert "Filtered by leg: South Korea" in top and top.endswith("…") and len(top) <= 80


async def test_an_empty_list_says_what_narrows_it(app):
    """Kamikawa spoke only in Japan: with the South Korea leg chosen, her search finds
    nothing, and the preview says why (the top line that says so too is cut when narrow)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "enter", "3", "slash", *"kamikawa")
        await pilot.pause()
        assert not statements(app)
        said = flat(screen_text(app))
        assert "No statements match within leg: South Korea" in said and "(x clears)" in said
        await pilot.press("enter", "x")  # out of the box, then clear
        await pilot.pause()
        assert statements(app)


async def test_a_preview_cut_at_80x24_says_where_the_rest_is(app):
    """The preview box is shorter in a short terminal than when the first statement was
    drawn in it: drawn again, its last line says where the rest is."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        lines = [line.strip(" ┃") for line in screen_text(app).splitlines()]
        last = next(n for n, line in enumerate(lines) if line.startswith("┗")) - 1
        assert lines[last].startswith("… more: w reads every statement whole")


async def test_a_row_of_two_speakers_shows_first_the_one_searched_for(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "slash", *"cho tae")
        await pilot.pause()
        (row,) = statements(app)
        assert len(row.speakers) > 1 and row.speakers[0] != "cho"  # named second
        shown = quote_list(app).row_text(row, False).plain
        assert shown.lstrip().startswith("Cho Tae-yul")


def flat(text: str) -> str:
    """Screen text with borders and line breaks gone, words single-spaced."""
    lines = [line.strip(" │┃") for line in text.splitlines()]
    return " ".join(" ".join(lines).split())


async def test_reading_mode_shows_a_statement_whole_at_100x30(app):
    longest = max((s for s in app.index.dataset.statements), key=lambda s: len(s.text))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3")
        shown = quote_list(app)
        while shown.current is not longest:
            await pilot.press("j")
        await pilot.pause()
        assert shown.row_text(longest, False).plain.rstrip().endswith("…")  # cut in its row
        await pilot.press("g", "w")
        await pilot.pause()
        assert shown.reading
        while shown.current is not longest:
            await pilot.press("j")
        await pilot.pause()
        lines = [shown.render_line(y).text for y in range(shown.size.height)]
        assert " ".join(longest.text.split()) in flat("\n".join(lines))
        await pilot.press("g")
        await pilot.pause()
        assert shown.cursor == 0 and shown.top == 0
        # A search that finds nothing leaves an empty page, not a crash.
        await pilot.press("slash", *"zzzz", "enter", "j", "space")
        await pilot.pause()
        assert shown.rows == [] and shown.reading
        await pilot.press("x", "w")
        await pilot.pause()
        assert not shown.reading


async def test_z_maximises_the_pane_and_restores_it(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "z")
        await pilot.pause()
        screen = app.screen
        assert screen.maximized is screen.query_one(QuotesPane)
        assert screen.query_one(QuotesPane).region.width == SIZE[0]
        lines = screen_text(app).splitlines()  # still said: what is narrowed, how to get back
        assert "18 statements" in lines[0] and "z Maximize" in lines[-1]
        await pilot.press("z")
        await pilot.pause()
        assert screen.maximized is None
        assert all(pane.region.width < SIZE[0] for pane in screen.panes)


async def test_y_copies_the_words_with_their_citation(app, article_text):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *WORDS, "enter", "y")
        await pilot.pause()
        words = sentence_of(article_text, "impelled by both")
        copied = app.clipboard
        first, who, source = copied.splitlines()
        assert first == f"“{words}”"
        assert who.startswith("— Subrahmanyam Jaishankar, said in South Korea")
        assert "(on a day in that range; the report does not say which;" in who
        statement = statements(app)[0]
        assert statement.event is not None  # placed at an event the report implies only:
        assert ("(inferred" in who) == ("event" in statement.inferred)  # the citation says so
        paragraph = 1 + sum(
            1 for line in article_text[: article_text.index(words)].split("\n")[:-1] if line.strip()
        )
        assert source.endswith(f"paragraph {paragraph}")
        assert "outlet unknown" in source and "(title given by the annotator)" in source
        assert any("Copied" in n.title for n in app._notifications)
        await pilot.press("Y")
        await pilot.pause()
        assert (
            app.clipboard.startswith(f"> {words}")
            and "**Subrahmanyam Jaishankar**" in app.clipboard
        )


async def test_e_exports_what_the_pane_shows(app, article_text, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kamikawa", "enter", "e")
        await app.workers.wait_for_complete()  # written in a thread
        await pilot.pause()
        (written,) = tmp_path.glob("explorer-quotes-*.csv")
        header, *rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8"))))
        assert len(rows) == len(statements(app)) == 7
        column = {name: n for n, name in enumerate(header)}
        for row in rows:
            start, end = int(row[column["start"]]), int(row[column["end"]])
            assert row[column["text"]] == article_text[start:end]
            assert "Kamikawa Yoko" in row[column["speakers"]].split("; ")
            # Said in Tokyo, on a day of March 6-8 (the year inferred), as the command line's
            # CSV has it too.
            assert (row[column["date_start"]], row[column["date_end"]]) == (
                "2024-03-06",
                "2024-03-08",
            )
            assert row[column["citation"]].startswith(("“", article_text[start:end][:20]))
        assert any(str(written) in n.message for n in app._notifications)
        await pilot.press("E")
        await app.workers.wait_for_complete()
        await pilot.pause()
        (markdown,) = tmp_path.glob("explorer-quotes-*.md")
        text = markdown.read_text(encoding="utf-8")
        cited = [line for line in text.splitlines() if line.startswith("— **")]
        assert text.startswith("# Quotes: search “kamikawa”") and len(cited) == 7
        assert all("Kamikawa Yoko" in line for line in cited)


async def test_exports_made_in_one_second_are_all_kept(app, tmp_path, monkeypatch):
    """e, e: the second export is asked for while the first is still being written (each
    in a thread); both are kept, under names of their own."""
    monkeypatch.chdir(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        pane = app.screen.query_one(QuotesPane)
        pane.action_export("csv")
        pane.action_export("csv")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = list(tmp_path.glob("explorer-quotes-*.csv"))
        assert len(written) == 2
        for path in written:
            rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
            assert len(rows) - 1 == len(app.index.dataset.statements)


async def test_areas_search_and_category_detail(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        areas = app.screen.query_one(AreasPane)
        assert "4 areas:" in str(areas.detail.render())  # a category: what it holds
        await pilot.press("slash", *"semicon")
        await pilot.pause()
        leaves = [n for c in areas.choices.root.children for n in c.children]
        assert [app.index.areas[n.data.id].name for n in leaves] == ["Semiconductors"]
        assert "1 area: Semiconductors" in str(areas.detail.render())  # not the old category
        assert "areas “semicon”" in screen_text(app)
        await pilot.press("enter", "j")
        await pilot.pause()
        assert "Semiconductors" in str(areas.detail.render())
        await pilot.press("x")
        await pilot.pause()
        assert len([n for c in areas.choices.root.children for n in c.children]) > 10


async def test_cut_labels_end_in_an_ellipsis_and_the_country_bar_says_more_lie_beyond(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree_lines = [line for line in screen_text(app).splitlines() if "├──" in line]
        cut = [line for line in tree_lines if "Defence and security coop" in line]
        assert cut and "…" in cut[0]
        bar = app.screen.query_one("#country ChoiceBar", ChoiceBar)
        await pilot.resize_terminal(110, 32)
        await pilot.pause()
        if sum(len(n) + 4 for n in bar.names) > bar.size.width:
            assert bar.render().plain.endswith("›")


async def test_a_view_over_the_panes_hides_them_and_their_footer(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.styles.background.a == 1
        text = screen_text(app)
        assert "Quotes" not in text.splitlines()[1] and text.count("Close") == 1


async def test_the_theme_is_remembered_and_the_screenshot_says_where_it_went(
    dataset, tmp_path, monkeypatch
):
    from explorer.core.settings import load_settings, settings_path

    monkeypatch.chdir(tmp_path)
    app = make_app(dataset)
    async with app.run_test(size=SIZE) as pilot:
        app.apply_remembered_theme()
        app.theme = "nord"
        await pilot.pause()
        app.save_screenshot_here()
        await pilot.pause()
    assert load_settings()["theme"] == "nord"
    assert not settings_path().is_relative_to(Path.home())  # the test's own folder
    (picture,) = tmp_path.glob("*.svg")
    assert any(str(picture) in n.message for n in app._notifications)
    again = make_app(dataset)
    async with again.run_test(size=SIZE) as pilot:
        again.apply_remembered_theme()
        assert again.theme == "nord"


def test_the_last_data_file_opens_again(dataset, tmp_path, monkeypatch, capsys):
    from explorer.cli import main as cli
    from explorer.tui import app as tui

    opened = []
    monkeypatch.setattr(
        tui, "run", lambda data, notice=None, **_: opened.append((data, notice)) or 0
    )
    copy = tmp_path / "mine.json"
    copy.write_text(json.dumps(to_json_data(dataset)), encoding="utf-8")
    assert cli.main(["--data", str(copy)]) == 0
    assert cli.main([]) == 0
    assert opened[1][1] and str(copy) in opened[1][1]
    copy.write_text("{", encoding="utf-8")  # broken since: the bundled one, and a word why
    assert cli.main([]) == 0
    assert "cannot be opened" in capsys.readouterr().err  # when the app has ended, here
    assert opened[2][1].startswith("The last data file cannot be opened")  # and in the app
    assert cli.main(["--bundled"]) == 0 and opened[3][1] is None


async def test_the_source_view_says_who_published_it_or_that_it_is_unknown(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "(title given by the annotator)" in text
        assert "outlet unknown · date unknown · address unknown" in text


async def test_reading_mode_jumps_to_the_end_of_many_statements_by_a_page_s_worth():
    """G in reading mode: the page ends with the last statement, and only a page's worth of
    statements is laid out to find where it starts (it was every one from the top)."""
    from explorer.core.load import validate_dataset
    from explorer.ingest.synth import generate

    app = make_app(validate_dataset(generate(3000), "synthetic"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", "w")
        await pilot.pause()
        shown = quote_list(app)
        laid_out = []
        block = shown._block
        shown._block = lambda statement, row, width: (
            laid_out.append(row) or block(statement, row, width)
        )
        await pilot.press("G")
        await pilot.pause()
        last = len(shown.rows) - 1
        assert shown.cursor == last and shown.top > 0
        assert len(set(laid_out)) <= shown.size.height
        lines = [shown.render_line(y).text for y in range(shown.size.height)]
        assert " ".join(shown.rows[last].text.split()) in flat("\n".join(lines))
        await pilot.press("k", "g")
        await pilot.pause()
        assert shown.cursor == 0 and shown.top == 0


async def test_the_count_has_room_for_every_digit_of_a_large_dataset():
    from explorer.core.load import validate_dataset
    from explorer.ingest.synth import generate

    app = make_app(validate_dataset(generate(10_000), "synthetic"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "10000 of 10000" in screen_text(app)
