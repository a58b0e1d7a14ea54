"""Making dataset text safe to put on a terminal: no control characters or escape sequences."""

from __future__ import annotations

import re

# C0 and C1 control characters (tab and newline are handled separately), DEL, and the
# bidirectional embedding, override and isolate controls that can reorder a whole line.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE = re.compile(r"[\t\n]")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def safe_text(text: str, single_line: bool = True) -> str:
    """`text` with every control character made visible and harmless.

    Escape sequences lose their ESC (shown as ␛), so none can reach the terminal.
    With `single_line`, tabs and newlines become spaces.
    """
    cleaned = _UNSAFE.sub(_picture, text)
    return _WHITESPACE.sub(" ", cleaned) if single_line else cleaned.replace("\t", " ")


def visible_controls(text: str) -> str:
    """`text` with every control character a terminal acts on made visible, tabs, line
    breaks and carriage returns kept as they are (a value written to a file for a program)."""
    return _UNSAFE_KEEPING_LINES.sub(_picture, text)


_UNSAFE_KEEPING_LINES = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


# Control characters a name or a title may never hold: all of C0 (tab and newline too),
# DEL, C1, and the bidirectional controls.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_characters(text: str) -> list[str]:
    """The control characters in `text`, as code points ("U+001B"), each once."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in _CONTROL.findall(text)))
