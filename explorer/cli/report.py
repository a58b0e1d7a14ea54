"""What the command line prints: JSON records for scripts and Rich tables for people.

Every dataset string reaches a table as a `Text` made safe, never as markup.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from explorer.core.dates import date_json, date_label
from explorer.core.model import DateSpan, Evidence, Statement
from explorer.core.query import CountrySummary, Index, source_summaries
from explorer.core.safe import safe_text
from explorer.core.text import paragraph_of


def plain(text: str | None, style: str = "") -> Text:
    """Dataset text as a Rich Text: shown exactly, control characters made visible."""
    return Text(safe_text(text or ""), style=style)


def _inference_ids(inferred: dict[str, str]) -> list[str]:
    return list(inferred.values())


# ------------------------------------------------------------------- records


def quote_record(index: Index, statement: Statement) -> dict:
    """One statement as a JSON object."""
    country = index.statement_country(statement)
    event = index.events.get(statement.event) if statement.event else None
    leg = index.statement_leg(statement)
    quote = statement.quote
    return {
        "id": statement.id,
        "speakers": index.speaker_names(statement),
        "speaker_ids": list(statement.speakers),
        "kind": statement.kind,
        "verb": statement.verb,
        "text": statement.text,
        "date": date_json(index.statement_dates(statement)),
        "country": country.name if country else None,
        "city": leg.city if leg else None,
        "event": event.title if event else None,
        "areas": [index.areas[a].name for a in statement.areas],
        "source": {**evidence_json(index, quote), **source_particulars(index, quote.source)},
        "attribution": statement.attribution.text if statement.attribution else None,
        "inferred": index.inferred_notes(statement.inferred),
    }


def timeline_records(index: Index) -> list[dict]:
    """Every leg in date order with its events."""
    records = []
    for entry in index.timeline():
        leg, trip = entry.leg, entry.trip
        dates = date_json(leg.dates)
        records.append(
            {
                "trip": trip.title,
                "traveller": index.parties[trip.traveller].name,
                "country": index.countries[leg.country].name,
                "city": leg.city,
                **{k: dates[k] for k in ("start", "end", "precision", "year_inferred", "label")},
                "inferred": index.inferred_notes(leg.dates.inferred),
                **sources_json(index, leg),
                "events": [
                    {
                        "id": event.id,
                        "title": event.title,
                        "kind": event.kind,
                        "place": event.place,
                        "date": date_json(event.dates),
                        "participants": [index.parties[p].name for p in event.participants],
                        "inferred": index.inferred_notes(event.inferred),
                        **sources_json(index, event),
                    }
                    for event in entry.events
                ],
            }
        )
    return records


def evidence_json(index: Index, evidence: Evidence) -> dict:
    """Where a fact's words stand: the article, their offsets and the paragraph's number."""
    text = index.sources[evidence.source].text
    return {
        "article": evidence.source,
        "start": evidence.start,
        "end": evidence.end,
        "paragraph": paragraph_of(text, evidence.start),
    }


def source_particulars(index: Index, source_id: str) -> dict:
    """Who published an article, under what title, when and where (None where unknown)."""
    source = index.sources[source_id]
    return {
        "outlet": source.outlet,
        "title": source.title,
        "published": source.published.isoformat() if source.published else None,
        "url": source.url,
    }


def sources_json(index: Index, record: object) -> dict:
    """A record's sources for `--json`: where each of its words stands, what each source
    says where they differ, and the fields they disagree on."""
    return {
        "sources": [evidence_json(index, e) for e in record.evidence],
        "claims": [
            {
                "field": c.field,
                "value": date_json(c.value) if isinstance(c.value, DateSpan) else c.value,
                "source": c.source,
            }
            for c in record.claims
        ],
        "disputed": list(record.disputed),
    }


def country_record(index: Index, summary: CountrySummary) -> dict:
    """One country's summary as a JSON object."""
    return {
        "id": summary.country.id,
        "name": summary.country.name,
        "role": summary.role,
        "roles": [{"trip": trip.title, "role": role} for trip, role in summary.roles],
        "officials": [
            {"name": p.name, "role": p.role, **sources_json(index, p)} for p in summary.officials
        ],
        "organizations": [o.name for o in summary.organizations],
        "groupings": [g.name for g in summary.groupings],
        "events": [e.title for e in summary.events],
        "areas": [
            {"name": area.name, "commitment": mention.commitment, "new": mention.new}
            for area, mention in summary.areas
        ],
        "quotes": summary.quote_count,
        "sources": [evidence_json(index, e) for e in summary.country.evidence],
    }


def area_records(index: Index) -> list[dict]:
    """Every area with its category, partner countries and mentions."""
    records = []
    for area in index.dataset.areas:
        records.append(
            {
                "id": area.id,
                "name": area.name,
                "category": index.category_name(area.category),
                "countries": [index.countries[c].name for c in index.area_partners(area)],
                "mentions": [
                    {
                        "countries": [index.countries[c].name for c in mention.partners],
                        "commitment": mention.commitment,
                        "verb": mention.verb,
                        "new": mention.new,
                        "event": index.events[mention.event].title if mention.event else None,
                        "evidence": [e.text for e in mention.evidence],
                        "sources": [evidence_json(index, e) for e in mention.evidence],
                    }
                    for mention in area.mentions
                ],
            }
        )
    return records


# -------------------------------------------------------------------- tables


def _table(*columns: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=False, show_edge=False, pad_edge=False)
    for column in columns:
        table.add_column(column)
    return table


def _notes(index: Index, inference_ids: list[str]) -> list[RenderableType]:
    """Footnotes for the inferences behind what a table shows."""
    notes: list[RenderableType] = []
    for inference_id in dict.fromkeys(inference_ids):
        inference = index.inferences[inference_id]
        note = Text("Inferred: ", style="bold")
        note.append_text(plain(inference.claim))
        note.append(" ")
        note.append_text(plain(inference.reason, style="dim"))
        notes.append(note)
    return notes


def quotes_view(
    index: Index, statements: list[Statement]
) -> tuple[RenderableType, list[RenderableType]]:
    """Each statement as a short block: who, kind, where and when, then the words; and the
    notes on what is inferred."""
    blocks: list[RenderableType] = []
    inferred: list[str] = []
    for statement in statements:
        dates = index.statement_dates(statement)
        country = index.statement_country(statement)
        heading = plain(" & ".join(index.speaker_names(statement)), style="bold")
        heading.append(
            f"  {statement.kind}", style="cyan" if statement.kind == "direct" else "magenta"
        )
        for part in (country.name if country else None, date_label(dates) if dates else None):
            if part:
                heading.append("  ·  ", style="dim")
                heading.append_text(plain(part))
        words = plain(statement.text)
        if statement.kind == "direct":
            words = Text.assemble("“", words, "”")
        blocks += [heading, Padding(words, (0, 0, 1, 2))]
        inferred += _inference_ids(statement.inferred)
        if dates:
            inferred += _inference_ids(dates.inferred)
    count = Text(f"{len(statements)} statement{'s' if len(statements) != 1 else ''}", style="dim")
    return Group(*blocks, count), _notes(index, inferred)


def timeline_view(index: Index) -> tuple[RenderableType, list[RenderableType]]:
    """The legs of each trip and their events, in date order; and the notes on what is
    inferred."""
    table = _table("Date", "Where", "What")
    inferred: list[str] = []
    for entry in index.timeline():
        leg = entry.leg
        place = index.countries[leg.country].name + (f", {leg.city}" if leg.city else "")
        table.add_row(
            plain(date_label(leg.dates), "bold"), plain(place, "bold"), plain(entry.trip.title)
        )
        inferred += _inference_ids(leg.dates.inferred)
        for event in entry.events:
            table.add_row(
                plain(date_label(event.dates)), plain(event.place or ""), plain(event.title)
            )
            inferred += _inference_ids(event.dates.inferred) + _inference_ids(event.inferred)
    return table, _notes(index, inferred)


def countries_view(index: Index) -> RenderableType:
    """Each country with its role, officials, groupings and how much the data says of it."""
    table = _table("Country", "Role", "Officials", "Groupings", "Areas", "Quotes")
    for summary in index.country_summaries():
        officials = "\n".join(
            safe_text(p.name) + (f" ({safe_text(p.role)})" if p.role else "")
            for p in summary.officials
        )
        areas = len({area.id for area, _ in summary.areas})
        table.add_row(
            plain(summary.country.name, "bold"),
            plain(summary.role or "—"),
            Text(officials or "—"),
            plain(", ".join(g.name for g in summary.groupings) or "—"),
            Text(str(areas), justify="right"),
            Text(str(summary.quote_count), justify="right"),
        )
    return table


def areas_view(index: Index) -> RenderableType:
    """Areas under their categories, with each partner's commitment."""
    table = _table("Category", "Area", "Partners and commitment")
    for category, areas in index.areas_by_category():
        for number, area in enumerate(areas):
            partners = Text()
            seen = set()
            for mention in area.mentions:
                names = ", ".join(index.countries[c].name for c in mention.partners)
                if (names, mention.commitment, mention.new) in seen:
                    continue
                seen.add((names, mention.commitment, mention.new))
                if partners:
                    partners.append("; ")
                partners.append_text(plain(f"{names}: {mention.commitment}"))
                if mention.new:
                    partners.append(" (new)", style="green")
            table.add_row(
                plain(category.name if number == 0 else "", "bold"), plain(area.name), partners
            )
    return table


def source_records(index: Index) -> list[dict]:
    """Each article as a JSON object: where it comes from and what it contributes."""
    return [
        {
            "id": summary.source.id,
            "title": summary.source.title,
            "title_from": "article" if summary.title_in_text else "annotator",
            "outlet": summary.source.outlet,
            "published": summary.source.published.isoformat() if summary.source.published else None,
            "url": summary.source.url,
            "file": summary.source.file,
            "contributes": summary.counts,
        }
        for summary in source_summaries(index.dataset)
    ]


def sources_view(index: Index) -> RenderableType:
    """Each article with its outlet, date and what the dataset takes from it."""
    table = _table("Article", "Outlet", "Published", "Contributes")
    for summary in source_summaries(index.dataset):
        source = summary.source
        title = Text()
        title.append(safe_text(source.title), "bold")
        if not summary.title_in_text:
            title.append(" (title given by the annotator)", "dim")
        title.append(f"\n{safe_text(source.id)}", "dim")
        if source.url:
            title.append(f"\n{safe_text(source.url)}", "dim")
        contributes = ", ".join(f"{kind}: {n}" for kind, n in summary.counts.items())
        table.add_row(
            title,
            plain(source.outlet or "—"),
            plain(source.published.isoformat() if source.published else "—"),
            plain(contributes or "nothing cited"),
        )
    return table


# ------------------------------------------------------------ flat rows
# One record a row, every value whole, for csv, tsv and Markdown: (column names, rows).


def _joined(values: list[str]) -> str:
    return "; ".join(values)


def quote_rows(index: Index, statements: list[Statement]) -> tuple[list[str], list[list]]:
    """Each statement as one row, with where its words stand and the source's particulars."""
    columns = [
        "id", "speakers", "kind", "verb", "text", "date_start", "date_end", "date_precision",
        "year_inferred", "date_label", "country", "city", "event", "areas", "attribution",
        "article", "paragraph", "start", "end", "outlet", "title", "published", "url", "inferred",
    ]  # fmt: skip
    rows = []
    for statement in statements:
        record = quote_record(index, statement)
        date = record["date"] or {}
        source = record["source"]
        rows.append(
            [
                record["id"], _joined(record["speakers"]), record["kind"], record["verb"],
                record["text"], date.get("start"), date.get("end"), date.get("precision"),
                date.get("year_inferred"), date.get("label"), record["country"], record["city"],
                record["event"], _joined(record["areas"]), record["attribution"],
                source["article"], source["paragraph"], source["start"], source["end"],
                source["outlet"], source["title"], source["published"], source["url"],
                _joined([f"{n['field']}: {n['claim']}" for n in record["inferred"]]),
            ]
        )  # fmt: skip
    return columns, rows


def _paragraphs(sources: list[dict]) -> list[str]:
    """Each paragraph a fact's words stand in, once ("article ¶2"), in the order found:
    two spans of one paragraph are one place to read."""
    return list(dict.fromkeys(f"{s['article']} ¶{s['paragraph']}" for s in sources))


def timeline_rows(index: Index) -> tuple[list[str], list[list]]:
    """Each leg, then each of its events, one a row."""
    columns = [
        "kind", "trip", "traveller", "country", "city", "title", "place", "start", "end",
        "precision", "year_inferred", "label", "participants", "inferred", "sources",
    ]  # fmt: skip
    rows = []
    for leg in timeline_records(index):
        where = _paragraphs(leg["sources"])
        rows.append(
            [
                "leg", leg["trip"], leg["traveller"], leg["country"], leg["city"], None, None,
                leg["start"], leg["end"], leg["precision"], leg["year_inferred"], leg["label"],
                None, _joined([n["claim"] for n in leg["inferred"]]), _joined(where),
            ]
        )  # fmt: skip
        for event in leg["events"]:
            date = event["date"]
            where = _paragraphs(event["sources"])
            rows.append(
                [
                    "event", leg["trip"], leg["traveller"], leg["country"], leg["city"],
                    event["title"], event["place"], date["start"], date["end"],
                    date["precision"], date["year_inferred"], date["label"],
                    _joined(event["participants"]),
                    _joined([n["claim"] for n in event["inferred"]]), _joined(where),
                ]
            )  # fmt: skip
    return columns, rows


def country_rows(index: Index) -> tuple[list[str], list[list]]:
    """Each country, one a row."""
    columns = ["id", "name", "role", "officials", "organizations", "groupings", "events",
               "areas", "quotes"]  # fmt: skip
    rows = []
    for summary in index.country_summaries():
        record = country_record(index, summary)
        officials = [
            o["name"] + (f" ({o['role']})" if o["role"] else "") for o in record["officials"]
        ]
        areas = [f"{a['name']} ({a['commitment']})" for a in record["areas"]]
        rows.append(
            [
                record["id"], record["name"], record["role"], _joined(officials),
                _joined(record["organizations"]), _joined(record["groupings"]),
                _joined(record["events"]), _joined(list(dict.fromkeys(areas))), record["quotes"],
            ]
        )  # fmt: skip
    return columns, rows


def area_rows(index: Index) -> tuple[list[str], list[list]]:
    """Each mention of each area, one a row."""
    columns = ["id", "name", "category", "countries", "commitment", "verb", "new", "event",
               "evidence"]  # fmt: skip
    rows = []
    for area in area_records(index):
        for mention in area["mentions"]:
            rows.append(
                [
                    area["id"], area["name"], area["category"], _joined(mention["countries"]),
                    mention["commitment"], mention["verb"], mention["new"], mention["event"],
                    _joined(mention["evidence"]),
                ]
            )  # fmt: skip
    return columns, rows


def source_rows(index: Index) -> tuple[list[str], list[list]]:
    """Each article, one a row."""
    columns = ["id", "title", "title_from", "outlet", "published", "url", "file", "contributes"]
    rows = [
        [
            r["id"],
            r["title"],
            r["title_from"],
            r["outlet"],
            r["published"],
            r["url"],
            r["file"],
            _joined([f"{kind}: {n}" for kind, n in r["contributes"].items()]),
        ]
        for r in source_records(index)
    ]
    return columns, rows
