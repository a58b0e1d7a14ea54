"""The Textual app: screens, one widget a pane, the palette, the pane views and the stylesheet.

Imports `explorer.core` only.
"""
