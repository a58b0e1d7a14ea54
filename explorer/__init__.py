"""explorer: a keyboard-first terminal app for exploring news coverage of a diplomatic tour."""

__version__ = "0.1.0"
