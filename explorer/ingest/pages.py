"""A saved web page as an article: its main text and what the page says of itself.

The extraction is trafilatura's; it is an optional extra (`pip install 'explorer[html]'`),
heavy to install and never needed by the terminal app.
"""

from __future__ import annotations

import re

from explorer.ingest.draft import Meta

INSTALL = "pip install 'explorer[html]'"


class MissingExtra(Exception):
    """The extraction library is not installed."""


def looks_like_html(name: str, text: str) -> bool:
    """A page by its name (.html, .htm) or by how it begins."""
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html")) or "<head" in head[:100]


def extract_page(html: str) -> tuple[str, Meta]:
    """The page's main text, and its title, outlet, publication date and address."""
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra(INSTALL) from None
    document = trafilatura.bare_extraction(html, with_metadata=True, output_format="python")
    if document is None:
        return "", Meta()
    found = document if isinstance(document, dict) else document.as_dict()
    text = (found.get("text") or "").strip()
    published = found.get("date")
    if published and not re.fullmatch(r"\d{4}-\d\d-\d\d", published):
        published = None
    meta = Meta(
        title=found.get("title") or None,
        outlet=found.get("sitename") or found.get("hostname") or None,
        published=published,
        url=found.get("url") or None,
    )
    return text + "\n" if text else "", meta
