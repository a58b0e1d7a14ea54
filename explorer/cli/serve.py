"""`explorer serve`: the terminal app in browser tabs, through textual-serve.

Each tab's page opens a websocket; the server starts one `explorer` process for it, running
Textual's web driver, and ends that process when the tab closes. textual-serve is an optional
extra: this module imports it only when asked to serve.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import os
import shlex
import signal
import socket
import sys
from pathlib import Path

from explorer.core.safe import safe_text

INSTALL_HINT = "pip install 'explorer[serve]'"
# How long a stopping server waits for the tabs' apps to quit.
QUIT_SECONDS = 5


class MissingExtra(Exception):
    """textual-serve is not installed."""


def require_extra() -> None:
    """Raise MissingExtra unless textual-serve can be imported."""
    try:
        import textual_serve.server  # noqa: F401
    except ImportError as error:
        raise MissingExtra(str(error)) from None


def is_loopback(host: str) -> bool:
    """Whether every address `host` names is on this machine only (127.0.0.0/8, ::1):
    `localhost` is, `0.0.0.0` (every address) is not, nor is a name that cannot be resolved."""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return False
    return bool(found) and all(
        ipaddress.ip_address(address[4][0].split("%")[0]).is_loopback for address in found
    )


def exposure_warning(host: str, port: int) -> str | None:
    """What to tell the person serving on an address others can reach; None on loopback."""
    if is_loopback(host):
        return None
    return (
        f"explorer serve: warning: listening on {host}:{port}, beyond this machine. "
        "There is no password and nothing is encrypted: anyone who can reach this address "
        "can open the explorer and read the whole dataset. Serve on a network you trust, "
        "and stop with Ctrl+C when done."
    )


def address_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (in use, not this machine's address),
    found by binding a socket as the server will; None when it can."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError) as error:
        return f"cannot listen on {host}: {getattr(error, 'strerror', None) or error}"
    for family, kind, protocol, _name, address in addresses:
        with socket.socket(family, kind, protocol) as probe:
            # As aiohttp does: a port left in TIME_WAIT by an earlier run is free to use.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    return f"port {port} is in use on {host}: choose another with --port"
                return f"cannot listen on {host}:{port}: {error.strerror or error}"
    return None


def app_command(data: Path) -> str:
    """The shell command each tab runs: this Python's `explorer` on the same data file,
    quoted for the shell; `exec` so that the app is the tab's process, not a shell's child."""
    words = [sys.executable, "-m", "explorer", "--data", str(data), "--served"]
    return "exec " + shlex.join(words)


def page_url(host: str, port: int) -> str:
    """The address to open in a browser: this machine's name when listening on every
    address, an IPv6 address in brackets."""
    if host in ("0.0.0.0", "::", ""):
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def running_children(pid: int) -> list[int]:
    """The processes `pid` started that still run (not ended, nor waiting to be reaped),
    from /proc; none where there is no /proc."""
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            after_name = (entry / "stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue  # ended while we looked
        if after_name[1] == str(pid) and after_name[0] != "Z":
            found.append(int(entry.name))
    return found


async def end_apps(pid: int, patience: float = 1.0) -> None:
    """End the tabs' apps that outlive the server's sessions: one whose tab was still
    opening when the server stopped is not yet watched by textual-serve, and would run on
    alone. A Ctrl+C reached them too (one process group): they get `patience` seconds to
    end, then SIGTERM, and QUIT_SECONDS more."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + patience
    while (running := running_children(pid)) and loop.time() < deadline:
        await asyncio.sleep(0.02)
    for child in running:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGTERM)
    deadline = loop.time() + QUIT_SECONDS
    while running_children(pid) and loop.time() < deadline:
        await asyncio.sleep(0.02)


def serve(data: Path, host: str, port: int) -> None:
    """Serve the app on `data` at host:port until Ctrl+C (or SIGTERM), then end every tab's
    app."""
    require_extra()
    from textual_serve.server import Server

    command = app_command(data)

    class ExplorerServer(Server):
        """textual-serve's server, quieter, ending every tab's app at once when it stops, and
        giving each page the address the browser used to reach it."""

        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="explorer")
            self.sessions: set[asyncio.Task] = set()

        def initialize_logging(self) -> None:
            # Problems only: no banner, no line per request.
            import logging

            logging.basicConfig(level="WARNING", format="explorer serve: %(message)s")

        async def on_startup(self, app: object) -> None:
            # aiohttp runs this before it listens: the address is said once it does.
            self.announcing = asyncio.create_task(self.announce())

        async def announce(self) -> None:
            """Say where to open the app, once the server listens (its port then taken)."""
            while address_problem(host, port) is None:
                await asyncio.sleep(0.01)
            where = safe_text(f"{data} at {page_url(host, port)}")
            print(
                f"explorer serve: {where} (each browser tab runs its own explorer; Ctrl+C stops)",
                flush=True,
            )

        async def handle_index(self, request):
            # The page tells the browser where its websocket is. textual-serve builds that
            # from the host it listens on, which for 0.0.0.0 is no address a browser can use:
            # the address this browser reached the page by is one that works. (Set and read
            # with no await between, so that two requests cannot mix their addresses up.)
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        async def handle_websocket(self, request):
            task = asyncio.current_task()
            self.sessions.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.sessions.discard(task)

        async def on_shutdown(self, app: object) -> None:
            # aiohttp would wait a minute for the open tabs; cancelled, each ends its app now
            # (textual-serve tells it to quit, and waits for it).
            for task in self.sessions:
                task.cancel()
            if self.sessions:
                await asyncio.wait(set(self.sessions), timeout=QUIT_SECONDS)
            await end_apps(os.getpid())

    ExplorerServer().serve()
