"""`explorer serve` in headless Chromium: the app draws and answers keys in a tab, copies to
the browser's clipboard, exports as a download, and each tab's app ends with its tab."""

from __future__ import annotations

import csv

import pytest
from browser import (
    ENTER,
    SCREENSHOT,
    SCREENSHOT_SIZE,
    Browser,
    Served,
    alive,
    missing,
    png_text,
    shoot,
    wait_until,
)

REASON = missing()
pytestmark = [pytest.mark.timeout(180), pytest.mark.skipif(REASON is not None, reason=str(REASON))]


@pytest.fixture
def served(tmp_path):
    """The server, run from a folder of its own (nothing must be written there)."""
    folder = tmp_path / "server"
    folder.mkdir()
    server = Served(folder)
    yield server
    server.stop()


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium, downloading into a folder of its own."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    chromium = Browser(downloads)
    yield chromium
    chromium.quit()


def test_search_copy_export_and_help_in_a_tab(served, browser, tmp_path):
    browser.open(served.url)
    browser.search("kamikawa")
    assert browser.wait_for("7 of 18"), browser.text()
    text = browser.settled()
    assert "kamikawa" in text and "Filtered by search" in text
    rows = [line for line in text.splitlines() if " dir " in line or " rep " in line]
    assert len(rows) == 7 and all("Kamikawa Yoko" in row for row in rows), text

    browser.type(ENTER)  # from the search box to the list, whose keys the footer then shows
    assert browser.wait_for("y Cite"), browser.text()
    browser.type("y")
    assert browser.wait_for("Copied")
    copied = browser.clipboard()
    assert copied.startswith("“Japan especially places importance on its relations with India")
    assert "— Kamikawa Yoko" in copied and "paragraph" in copied

    browser.type("e")
    (download,) = browser.downloaded()
    assert download.name.startswith("explorer-quotes-") and download.suffix == ".csv"
    with download.open(encoding="utf-8", newline="") as exported:
        header, *records = csv.reader(exported)
    assert header[:3] == ["id", "speakers", "kind"] and len(records) == 7
    assert all(record[1] == "Kamikawa Yoko" for record in records[:5])
    assert browser.wait_for("sent to your browser")
    assert list((tmp_path / "server").iterdir()) == []  # nothing left in the server's folder

    browser.type("?")
    assert browser.wait_for("Everywhere"), browser.text()
    browser.type("G")  # the end of the help, where the browser's keys are
    assert browser.wait_for("In a browser"), browser.text()
    assert "kept by the browser: close the tab" in browser.text()


def test_each_tab_runs_its_own_app_which_ends_with_the_tab(served, browser):
    # Two tabs beside the blank one the browser opened with, which keeps it open throughout.
    first = browser.new_tab(served.url)
    assert wait_until(lambda: len(served.apps()) == 1, 10), served.apps()
    second = browser.new_tab(served.url)
    assert wait_until(lambda: len(served.apps()) == 2, 10), served.apps()
    both = set(served.apps())

    browser.close_tab(first)
    assert wait_until(lambda: len(served.apps()) == 1, 10), served.apps()
    browser.close_tab(second)
    assert wait_until(lambda: served.apps() == [], 10), served.apps()
    assert not wait_until(lambda: served.apps(), 1)  # and none comes back
    assert not any(alive(pid) for pid in both)

    code, out, err = served.stop()
    assert code == 0, err
    assert f"at {served.url.rstrip('/')}" in out
    assert "Traceback" not in out + err and err.strip().endswith("stopped")


def test_ctrl_c_ends_the_apps_of_open_tabs_too(served, browser):
    browser.open(served.url)
    assert wait_until(lambda: len(served.apps()) == 1, 10)
    app = served.apps()[0]
    code, out, err = served.stop()
    assert code == 0 and "Traceback" not in out + err, out + err
    assert not alive(app)


def test_the_readme_screenshot_is_current(served, browser):
    browser.open(served.url)
    _, text = shoot(browser)
    assert len(text.splitlines()) == SCREENSHOT_SIZE[1] and "Kamikawa Yoko" in text
    remake = "run python tests/browser.py"
    assert SCREENSHOT.exists(), f"missing {SCREENSHOT.name}: {remake}"
    assert png_text(SCREENSHOT.read_bytes()) == text, f"{SCREENSHOT.name} is out of date: {remake}"
