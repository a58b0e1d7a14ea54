"""explorer in a real browser: `explorer serve` on a free loopback port, Debian's headless
Chromium driven by Selenium through Debian's chromedriver (nothing is downloaded).

The terminal's text is read from the page itself: before the page's script runs, a hook keeps
the xterm.js terminal that textual-serve's script creates, whose buffer holds every cell.

`python tests/browser.py` remakes the README's `screenshots/serve-chromium.png`: the app at
120x36 in Chromium after `/` and "kamikawa", with the screen's text stored in the PNG, so a
test can tell when the picture no longer shows what the app shows.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

from explorer.cli.serve import running_children

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "screenshots" / "serve-chromium.png"
INSTALL = "apt-get install chromium chromium-driver"
# A PNG text chunk (iTXt: UTF-8) holding what the screenshot's terminal shows.
TEXT_KEY = b"explorer-screen"

# Runs in the page before its own script: textual-serve's script keeps its xterm.js
# terminal as `this.terminal`; the first object given one hands it to `window.__terminal`.
KEEP_TERMINAL = """
Object.defineProperty(Object.prototype, 'terminal', {
  configurable: true,
  set(value) {
    Object.defineProperty(this, 'terminal', {value, writable: true, configurable: true});
    if (value && value.buffer && value.buffer.active) { window.__terminal = value; }
  },
});
"""
READ_SCREEN = """
const term = window.__terminal;
if (!term) { return null; }
const lines = [];
for (let y = 0; y < term.rows; y++) {
  const line = term.buffer.active.getLine(y);
  lines.push(line ? line.translateToString(true, 0, term.cols) : '');
}
return {cols: term.cols, rows: term.rows, text: lines.join('\\n')};
"""
# The page sizes of the terminal: its screen's cell size and the room the page gives it.
MEASURE = """
const term = window.__terminal, screen = term.element.querySelector('.xterm-screen');
const room = term.element.parentElement.getBoundingClientRect();
return {cell_w: screen.clientWidth / term.cols, cell_h: screen.clientHeight / term.rows,
        room_w: room.width, room_h: room.height,
        page_w: window.innerWidth, page_h: window.innerHeight};
"""


def missing() -> str | None:
    """Why the browser test cannot run on this machine, or None when it can."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        return f"needs Chromium and its driver: {INSTALL} (.ci/run installs them)"
    try:
        import selenium  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError as error:
        return f"needs the test extra ({error.name}): pip install -e '.[test]'"
    return None


def free_port() -> int:
    """A TCP port nothing listens on now, on the loopback address."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def alive(pid: int) -> bool:
    """Whether a process runs (neither ended nor a zombie waiting for its parent)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


def wait_until(check, seconds: float, step: float = 0.1):
    """Call `check` until it gives something true or the time is up; its last answer."""
    end = time.monotonic() + seconds
    while True:
        answer = check()
        if answer or time.monotonic() > end:
            return answer
        time.sleep(step)


class Served:
    """`explorer serve` on a free loopback port, in its own process group as a shell runs
    a command, so that stopping it is Ctrl+C at a terminal: SIGINT to the whole group."""

    def __init__(self, folder: Path, *args: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "explorer", "serve", "--port", str(self.port), *args],
            cwd=folder,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        self.first_line = self.process.stdout.readline() if ready else ""
        self.url = f"http://127.0.0.1:{self.port}/"
        if self.url.rstrip("/") not in self.first_line:
            self.stop()
            raise RuntimeError(f"explorer serve did not start: {self.first_line!r}")

    def apps(self) -> list[int]:
        """The app processes the server runs now, one a tab."""
        return running_children(self.process.pid)

    def stop(self, seconds: float = 20) -> tuple[int, str, str]:
        """Ctrl+C; the exit code and the rest of what it printed."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            out, err = self.process.communicate()
        return self.process.returncode, self.first_line + out, err


class Browser:
    """Headless Chromium with one tab on the served app at a time."""

    def __init__(self, downloads: Path) -> None:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        for argument in ("--headless=new", "--no-sandbox", "--window-size=1280,800"):
            options.add_argument(argument)
        options.add_argument("--disable-dev-shm-usage")  # a container's /dev/shm is small
        options.add_experimental_option(
            "prefs",
            {"download.default_directory": str(downloads), "download.prompt_for_download": False},
        )
        # The driver given by path: Selenium Manager never looks for (or downloads) one.
        service = Service(executable_path=shutil.which("chromedriver"))
        self.driver = webdriver.Chrome(service=service, options=options)
        self.downloads = downloads

    def open(self, url: str) -> None:
        """Open the app's page in this tab (the clipboard and downloads allowed, as a person
        allows them) and wait until the app has drawn its panes."""
        cdp = self.driver.execute_cdp_cmd
        cdp("Page.addScriptToEvaluateOnNewDocument", {"source": KEEP_TERMINAL})
        cdp(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(self.downloads)},
        )
        permissions = ["clipboardReadWrite", "clipboardSanitizedWrite"]
        cdp("Browser.grantPermissions", {"permissions": permissions, "origin": url.rstrip("/")})
        self.driver.get(url)
        if not self.wait_for("Timeline", 30):
            raise AssertionError(f"the app did not draw; the page shows:\n{self.text()}")
        # The page gives the terminal the keyboard, as a click into it would.
        self.driver.execute_script("document.querySelector('.xterm-helper-textarea').focus()")

    def new_tab(self, url: str) -> str:
        """Open another tab on the app; its handle."""
        self.driver.switch_to.new_window("tab")
        self.open(url)
        return self.driver.current_window_handle

    def screen(self) -> dict | None:
        """The terminal's size and text, or None before the page made it."""
        return self.driver.execute_script(READ_SCREEN)

    def text(self) -> str:
        """What the terminal shows, one line a row."""
        shown = self.screen()
        return shown["text"] if shown else ""

    def wait_for(self, words: str, seconds: float = 10) -> bool:
        """Whether the terminal shows `words` within the time given."""
        return bool(wait_until(lambda: words in self.text(), seconds))

    def settled(self, seconds: float = 10) -> str:
        """The terminal's text once it stays the same for half a second."""
        end = time.monotonic() + seconds
        last = self.text()
        while time.monotonic() < end:
            time.sleep(0.5)
            now = self.text()
            if now == last:
                return now
            last = now
        return last

    def type(self, *keys: str) -> None:
        """Type into the terminal a key at a time, as at the keyboard."""
        box = self.driver.switch_to.active_element
        for key in "".join(keys):
            box.send_keys(key)
            time.sleep(0.05)

    def search(self, words: str) -> None:
        """`/`, then the words once the search box has the keyboard (the footer says so):
        keys sent in one burst would reach the list before the box takes the focus."""
        self.type("/")
        if not self.wait_for("Clear search"):
            raise AssertionError(f"/ opened no search box:\n{self.text()}")
        self.type(words)

    def resize_terminal(self, cols: int, rows: int) -> dict:
        """Size the page so that the terminal is cols x rows; its size then."""
        sizes = self.driver.execute_script(MEASURE)
        # Half a cell to spare each way: the terminal takes whole cells of the room it has.
        width = sizes["page_w"] + (cols + 0.5) * sizes["cell_w"] - sizes["room_w"]
        height = sizes["page_h"] + (rows + 0.5) * sizes["cell_h"] - sizes["room_h"]
        metrics = {"width": round(width), "height": round(height)}
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {**metrics, "deviceScaleFactor": 1, "mobile": False},
        )
        return wait_until(
            lambda: (s := self.screen()) and (s["cols"], s["rows"]) == (cols, rows) and s, 10
        )

    def clipboard(self) -> str:
        """What the browser's clipboard holds."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "navigator.clipboard.readText().then(done, (error) => done('failed: ' + error));"
        )

    def downloaded(self, seconds: float = 15) -> list[Path]:
        """The files downloaded, once none is still arriving."""

        def done() -> list[Path]:
            files = sorted(self.downloads.iterdir())
            partial = any(f.suffix == ".crdownload" for f in files)
            return [] if partial else files

        return wait_until(done, seconds)

    def terminal_png(self) -> bytes:
        """A PNG of the terminal alone (not the page around it)."""
        import base64

        box = self.driver.execute_script(
            "const r = window.__terminal.element.getBoundingClientRect();"
            "return {x: r.x, y: r.y, width: r.width, height: r.height};"
        )
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot", {"format": "png", "clip": {**box, "scale": 1}}
        )
        return base64.b64decode(shot["data"])

    def close_tab(self, handle: str) -> None:
        """Close one tab, as a person closes it; the browser stays."""
        self.driver.switch_to.window(handle)
        self.driver.close()
        remaining = self.driver.window_handles
        if remaining:
            self.driver.switch_to.window(remaining[0])

    def quit(self) -> None:
        self.driver.quit()


def png_with_text(png: bytes, text: str) -> bytes:
    """The PNG with `text` stored in an iTXt chunk before its end."""
    body = TEXT_KEY + b"\0\0\0\0\0" + text.encode("utf-8")
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body))
    end = png.rindex(b"IEND") - 4  # the IEND chunk: length, type, CRC
    return png[:end] + chunk + png[end:]


def png_text(png: bytes) -> str | None:
    """The text stored by `png_with_text`, or None."""
    at = 8  # past the signature
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, body = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        if kind == b"iTXt" and body.startswith(TEXT_KEY + b"\0"):
            return body[len(TEXT_KEY) + 5 :].decode("utf-8")
        at += 12 + length
    return None


SCREENSHOT_SEARCH = "kamikawa"
ENTER = "\ue007"  # Selenium's code for the Enter key
SCREENSHOT_SIZE = (120, 36)


def shoot(browser: Browser) -> tuple[bytes, str]:
    """On an open tab: the terminal at 120x36 after `/` and "kamikawa"; its PNG, with the
    text it shows stored in it, and that text."""
    if not browser.resize_terminal(*SCREENSHOT_SIZE):
        raise AssertionError(f"the terminal is not 120x36: {browser.screen()}")
    browser.search(SCREENSHOT_SEARCH)
    browser.wait_for("7 of 18")
    text = browser.settled()
    return png_with_text(browser.terminal_png(), text), text


def main() -> None:
    import tempfile

    reason = missing()
    if reason:
        sys.exit(f"browser.py: {reason}")
    with tempfile.TemporaryDirectory() as folder:
        served = Served(Path(folder))
        browser = Browser(Path(folder))
        try:
            browser.open(served.url)
            png, _ = shoot(browser)
        finally:
            browser.quit()
            served.stop()
    SCREENSHOT.write_bytes(png)
    print(f"wrote {SCREENSHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
