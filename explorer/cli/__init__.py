"""The command line and what it prints.

Imports `explorer.core`; `explorer.ingest` and `explorer.tui` only inside the command needing them.
"""
