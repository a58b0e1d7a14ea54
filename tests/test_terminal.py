"""The app in a real terminal (tmux): it leaves the terminal as it found it, however it ends."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import uuid

import pytest
from conftest import ROOT

pytestmark = [
    pytest.mark.timeout(90),
    pytest.mark.skipif(
        shutil.which("tmux") is None,
        reason="needs tmux (apt-get install tmux; .ci/run installs it)",
    ),
]
STATE = (
    "alt=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_button_flag}"
    "#{mouse_standard_flag}#{mouse_sgr_flag} cursor=#{cursor_flag}"
)
CLEAN = "alt=0 mouse=0000 cursor=1"


class Terminal:
    """One tmux server with one 120x36 window running a shell, for one test."""

    def __init__(self) -> None:
        self.name = f"explorer-test-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]
        size = ["-x", "120", "-y", "36"]
        shell = "bash --norc --noprofile"
        new = [*self.tmux, "-f", "/dev/null", "new-session", "-d", "-s", self.name, *size, shell]
        subprocess.run(new, check=True)

    def run(self, command: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", command], check=True)
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "Enter"], check=True)

    def screen(self) -> str:
        args = [*self.tmux, "capture-pane", "-p", "-t", self.name]
        return subprocess.run(args, capture_output=True, text=True).stdout

    def wait_for(self, pattern: str, seconds: float = 30) -> re.Match | None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            found = re.search(pattern, self.screen())
            if found:
                return found
            time.sleep(0.1)
        return None

    def state(self) -> str:
        args = [*self.tmux, "display", "-p", "-t", self.name, STATE]
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()

    def child_pid(self) -> int:
        """The process the shell in the window is running now."""
        args = [*self.tmux, "display", "-p", "-t", self.name, "#{pane_pid}"]
        shell = subprocess.run(args, capture_output=True, text=True).stdout.strip()
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True)
        return int(children.stdout.split()[0])

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def terminal():
    term = Terminal()
    yield term
    term.close()


@pytest.mark.parametrize(("signal_name", "code"), [("TERM", 143), ("HUP", 129), ("INT", 130)])
def test_a_signal_ends_the_app_and_restores_the_terminal(terminal, signal_name, code):
    terminal.run(f"cd {ROOT} && {sys.executable} -m explorer; echo EXIT=$?")
    assert terminal.wait_for("Cooperation areas", 30), terminal.screen()
    time.sleep(0.5)
    subprocess.run(["kill", f"-{signal_name}", str(terminal.child_pid())], check=True)
    ended = terminal.wait_for(r"EXIT=(\d+)", 20)
    assert ended, terminal.screen()
    assert int(ended.group(1)) == code
    assert terminal.state() == CLEAN


def test_q_ends_the_app_and_restores_the_terminal(terminal):
    terminal.run(f"cd {ROOT} && {sys.executable} -m explorer; echo EXIT=$?")
    assert terminal.wait_for("Cooperation areas", 30), terminal.screen()
    subprocess.run([*terminal.tmux, "send-keys", "-t", terminal.name, "q"], check=True)
    ended = terminal.wait_for(r"EXIT=(\d+)", 20)
    assert ended and ended.group(1) == "0"
    assert terminal.state() == CLEAN
