"""The command palette (Ctrl+P): jump to any speaker, country, event, area or leg."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from explorer.core.dates import date_label
from explorer.core.safe import safe_text
from explorer.tui.screens.main import MainScreen
from explorer.tui.views import Ref


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """The candidate as plain content (never markup), its matching letters highlighted."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ExplorerCommands(Provider):
    """Commands that narrow the view or search quotes, one for each thing in the dataset."""

    def commands(self) -> Iterator[tuple[str, Callable[[], object]]]:
        """(label, callback) for every jump the palette offers."""
        screen = self.screen
        if not isinstance(screen, MainScreen):
            return  # opened over a source, compare or help view: nothing to jump to there
        index = screen.index
        for party in index.parties.values():
            if index.has_spoken(party.id):  # one only named is no speaker
                name = party.name
                yield f"Speaker: {safe_text(name)}", partial(screen.search_speaker, name)
        choose = screen.choose
        for country in index.dataset.countries:
            yield f"Country: {safe_text(country.name)}", partial(choose, Ref("country", country.id))
        for entry in index.timeline():
            leg = entry.leg
            label = f"Leg: {safe_text(index.countries[leg.country].name)}, {date_label(leg.dates)}"
            yield label, partial(choose, Ref("leg", leg.id))
            for event in entry.events:
                yield f"Event: {safe_text(event.title)}", partial(choose, Ref("event", event.id))
        for area in index.dataset.areas:
            yield f"Area: {safe_text(area.name)}", partial(choose, Ref("area", area.id))
        yield "Clear filter", partial(choose, None)

    async def discover(self) -> Hits:
        for label, callback in self.commands():
            yield DiscoveryHit(Content(label), callback, text=label)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, callback in self.commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, highlighted(matcher, label), callback, text=label)
