"""The source view: the article's paragraphs behind a record, with its evidence highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.content import Content

from explorer.core.model import Evidence
from explorer.core.query import Index, claim_words
from explorer.core.safe import safe_text
from explorer.core.text import paragraphs
from explorer.tui.screens.overlay import Overlay
from explorer.tui.views import Ref, Views

STYLES = {"quote": "bold reverse", "attribution": "bold underline", "evidence": "reverse"}


def title_for(index: Index, views: Views, ref: Ref) -> str:
    """What the source view is showing: "Direct quotation of Kamikawa Yoko (said)"."""
    if ref.kind != "statement":
        kind, _, name = views.describe(ref).partition(": ")
        return safe_text(f"{kind.capitalize()}: {name}")
    statement = index.statement(ref.id)
    kind = "Direct quotation" if statement.kind == "direct" else "Reported statement"
    verb = f" ({statement.verb})" if statement.verb else ""
    return safe_text(f"{kind} of {' & '.join(index.speaker_names(statement))}{verb}")


def source_text(index: Index, views: Views, ref: Ref, whole: bool = False) -> Text:
    """The paragraphs holding a record's evidence, grouped by article, evidence highlighted."""
    evidence = views.evidence_for(ref)
    by_source: dict[str, list[tuple[str, Evidence]]] = {}
    for role, item in evidence:
        by_source.setdefault(item.source, []).append((role, item))
    text = Text()
    text.append(title_for(index, views, ref) + "\n", "bold")
    if len(by_source) > 1:
        text.append(f"Cited in {len(by_source)} articles, each shown below.\n", "italic")
    for source_id, items in by_source.items():
        source = index.sources[source_id]
        text.append("\nFrom ", "dim")
        text.append(safe_text(source.title), "bold italic")
        if not index.titled[source_id]:
            text.append(" (title given by the annotator)", "dim italic")
        details = [
            safe_text(source.outlet) if source.outlet else "outlet unknown",
            f"published {source.published.isoformat()}" if source.published else "date unknown",
            safe_text(source.url) if source.url else "address unknown",
            safe_text(source.file),
        ]
        text.append(f"\n{' · '.join(details)}\n", "dim")
        spans = paragraphs(source.text)
        for number, (start, end) in enumerate(spans, start=1):
            inside = [(role, e) for role, e in items if e.start < end and start < e.end]
            if not inside and not whole:
                continue
            paragraph = Text(safe_text(source.text[start:end], single_line=False))
            for role, item in inside:
                paragraph.stylize(
                    STYLES[role], max(item.start - start, 0), min(item.end, end) - start
                )
            text.append(f"\n¶{number} of {len(spans)}  ", "dim")
            text.append_text(paragraph)
            text.append("\n")
    claims, disputed = views.claims_for(ref)
    if claims:
        heading = "The sources differ" if disputed else "What each source says"
        text.append(f"\n{heading}:\n", "bold yellow" if disputed else "bold")
        for item in claims:
            source = index.sources.get(item.source)
            text.append(f"• {item.field}: ", "bold")
            text.append(safe_text(claim_words(item)))
            text.append(f" — {safe_text(source.title if source else item.source)}\n", "dim")
    notes = views.inferred_for(ref)
    if notes:
        text.append("\nInferred, not stated by the article:\n", "bold")
        for note in notes:
            text.append(f"• {safe_text(note['claim'])} ", "italic")
            text.append(safe_text(note["reason"]) + "\n", "dim")
    text.append("\nHighlighted: ", "dim")
    for role in dict.fromkeys(role for role, _ in evidence):
        text.append(role, STYLES[role])
        text.append("  ")
    return text


class SourceScreen(Overlay):
    """Where a quote, event, area, leg or country comes from in the article."""

    BINDINGS = [
        Binding("s", "close", "Close", show=False, id="close-source"),
        Binding("a", "whole(True)", "Whole article", id="whole-article"),
        Binding("a", "whole(False)", "Evidence only", id="evidence-only"),
    ]

    def __init__(self, index: Index, views: Views, ref: Ref) -> None:
        super().__init__()
        self.index, self.views, self.ref = index, views, ref
        self.whole = False

    def title_text(self) -> Content:
        return Content("Source")

    def body(self) -> Text:
        """Paragraphs with the evidence, or the whole article with it."""
        return source_text(self.index, self.views, self.ref, whole=self.whole)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`a` shows what is not shown now: the whole article, or the evidence only."""
        if action == "whole":
            return parameters[0] != self.whole
        return True

    def action_whole(self, whole: bool) -> None:
        """Show the whole article (at the first words of the evidence, where the reader
        was), or the paragraphs with evidence only."""
        self.whole = whole
        self.refresh_body()
        self.refresh_bindings()
        self.call_after_refresh(self.scroll_to_evidence if whole else self.scroll.scroll_home)

    def scroll_to_evidence(self) -> None:
        """Scroll the whole article to a little above its first highlighted words."""
        text, width = self.body(), self.body_view.content_size.width
        marks = set(STYLES.values())
        first = min((span.start for span in text.spans if span.style in marks), default=0)
        line = len(text[:first].wrap(self.app.console, max(width, 1))) - 1
        self.scroll.scroll_to(y=max(line - 2, 0), animate=False)
