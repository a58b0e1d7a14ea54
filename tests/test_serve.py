"""`explorer serve` short of a browser: what it decides before serving, what it says, and the
app's browser-only behaviour (help, export) driven with Pilot."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import urllib.request

import pytest
from browser import Served, free_port
from conftest import DATA, ROOT, screen_text

from explorer.cli import main as cli
from explorer.cli import serve
from explorer.core.settings import load_settings
from explorer.tui.app import ExplorerApp, make_app
from explorer.tui.screens.help import HelpScreen


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "localhost"])
def test_loopback_addresses_serve_quietly(host):
    assert serve.is_loopback(host)
    assert serve.exposure_warning(host, 8000) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.1"])
def test_any_other_address_is_warned_about(host):
    assert not serve.is_loopback(host)
    warning = serve.exposure_warning(host, 8123)
    assert f"{host}:8123" in warning and "anyone who can reach" in warning
    assert "read the whole dataset" in warning and "no password and nothing is encrypted" in warning


def test_loopback_and_port_8000_unless_told_otherwise():
    args = cli.build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)


def test_a_port_in_use_is_found_before_serving():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert "in use" in serve.address_problem("127.0.0.1", port)
    assert serve.address_problem("127.0.0.1", free_port()) is None


def test_a_port_in_use_is_one_line_and_exit_1(run_cli):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = run_cli("serve", "--port", str(port))
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        f"explorer serve: port {port} is in use on 127.0.0.1: choose another with --port\n"
    )


def test_without_the_extra_it_says_how_to_install_it(monkeypatch, capsys):
    # None in sys.modules makes an import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert cli.main(["serve"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert "pip install 'explorer[serve]'" in err


@pytest.fixture
def served_here(monkeypatch):
    """What `serve.serve` would have served, in place of serving it."""
    calls = []
    monkeypatch.setattr(serve, "serve", lambda *args: calls.append(args))
    return calls


def test_beyond_loopback_the_command_warns_then_serves(served_here, capsys):
    port = free_port()
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", str(port)]) == 0
    err = capsys.readouterr().err
    assert "warning: listening on 0.0.0.0" in err and "anyone who can reach" in err
    ((data, host, port_served),) = served_here
    assert (data, host, port_served) == (DATA / "dataset.json", "0.0.0.0", port)


def test_on_loopback_the_command_serves_without_a_warning(served_here, capsys):
    assert cli.main(["serve", "--port", str(free_port())]) == 0
    assert "warning" not in capsys.readouterr().err
    assert len(served_here) == 1


def test_a_bad_data_file_is_said_before_serving(served_here, tmp_path, capsys):
    assert cli.main(["serve", "--data", str(tmp_path / "missing.json")]) == 1
    err = capsys.readouterr().err
    assert "missing.json" in err and "Traceback" not in err
    assert served_here == []


def test_each_tab_runs_explorer_on_the_same_file_quoted_for_the_shell(tmp_path):
    data = tmp_path / 'it\'s a "data" file; rm -rf ~.json'
    command = serve.app_command(data)
    words = shlex.split(command)
    assert words == ["exec", sys.executable, "-m", "explorer", "--data", str(data), "--served"]


def test_a_served_tab_remembers_nothing(monkeypatch):
    from explorer.tui import app as tui_app

    runs = []
    monkeypatch.setattr(tui_app, "run", lambda *args, **kwargs: runs.append(kwargs) or 0)
    assert cli.main(["--data", str(DATA / "dataset.json"), "--served"]) == 0
    assert [run["settings"] for run in runs] == [False]
    assert load_settings() == {}  # not the data file, as `explorer --data` would


@pytest.mark.parametrize(
    ("host", "url"),
    [("127.0.0.1", "http://127.0.0.1:8000"), ("::1", "http://[::1]:8000")],
)
def test_the_address_to_open(host, url):
    assert serve.page_url(host, 8000) == url
    assert serve.page_url("0.0.0.0", 8000) == f"http://{socket.gethostname()}:8000"


def test_the_readme_shows_the_app_in_a_browser():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## In a browser" in readme and "screenshots/serve-chromium.png" in readme
    assert (ROOT / "screenshots" / "serve-chromium.png").is_file()


@pytest.mark.timeout(60)
def test_the_server_prints_its_address_and_stops_cleanly_on_ctrl_c(tmp_path):
    served = Served(tmp_path)
    try:
        # The page sends the browser back to the address it came by: from another
        # machine, not to the 0.0.0.0 or 127.0.0.1 the server listens on.
        request = urllib.request.Request(served.url, headers={"Host": "newsroom-pc:8123"})
        with urllib.request.urlopen(request, timeout=10) as page:
            html = page.read().decode("utf-8")
        assert 'data-session-websocket-url="ws://newsroom-pc:8123/ws"' in html
    finally:
        code, out, err = served.stop()
    assert code == 0, err
    assert out.startswith("explorer serve: ") and f"at {served.url.rstrip('/')} " in out
    assert err == "explorer serve: stopped\n"


class WebApp(ExplorerApp):
    """The app as it is in a browser tab, where Textual's web driver says is_web."""

    @property
    def is_web(self) -> bool:
        return True


async def test_the_help_says_which_keys_a_browser_keeps(dataset):
    for app, in_browser in ((WebApp(dataset), True), (make_app(dataset), False)):
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("G")
            await pilot.pause()
            text = screen_text(app)
            assert ("In a browser" in text) is in_browser
            assert ("^w ^t ^n" in text and "kept by the browser" in text) is in_browser


async def test_an_export_in_a_browser_is_a_download_not_a_file(dataset, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = WebApp(dataset)
    delivered = []
    monkeypatch.setattr(
        app, "deliver_text", lambda file, **options: delivered.append((file.read(), options))
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("3", "e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        ((body, options),) = delivered
        assert body.startswith("id,speakers,kind,")
        assert options["save_filename"].startswith("explorer-quotes-")
        assert options["save_filename"].endswith(".csv")
        assert any("18 statements sent to your browser" in n.message for n in app._notifications)
    assert list(tmp_path.iterdir()) == []


def test_the_server_ends_the_apps_that_outlive_their_tabs():
    """An app whose tab was still opening when the server stopped is not watched by
    textual-serve yet: the server ends it (one that is ending anyway is left to end)."""
    probe = (
        "import asyncio, os, subprocess, time\n"
        "from explorer.cli import serve\n"
        "stuck = subprocess.Popen(['sleep', '30'])\n"
        "ending = subprocess.Popen(['sleep', '0.2'])\n"
        "started = time.monotonic()\n"
        "asyncio.run(serve.end_apps(os.getpid()))\n"
        "print(stuck.wait(), ending.wait(), serve.running_children(os.getpid()),\n"
        "      time.monotonic() - started < 4)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=30, check=True
    )
    assert result.stdout.split() == ["-15", "0", "[]", "True"]
