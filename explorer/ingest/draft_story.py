"""Writing a draft's trip, legs and events: linked to the dataset's where it holds them."""

from __future__ import annotations

from typing import TYPE_CHECKING

import tomlkit

from explorer.ingest.link import linked, record
from explorer.ingest.reading.names import slug
from explorer.ingest.tables import entry, inline

if TYPE_CHECKING:
    from explorer.ingest.draft_file import Writer


def write_trip(writer: Writer) -> None:
    """The trip and its legs: the traveller's, to the countries visited, with their days;
    the dataset's trip and legs where it holds them, its values standing where this report
    gives others."""
    draft = writer.draft
    if not draft.legs:
        return
    traveller = draft.traveller
    home = draft.home
    roles = tomlkit.array()
    if home in draft.countries:
        roles.append(inline(country=home, role="traveller"))
    hosts = [leg.country for leg in draft.legs]
    roles.extend(inline(country=c, role="host") for c in hosts if c != home)
    roles.extend(
        inline(country=code, role="context")
        for code in draft.countries
        if code not in hosts and code != home
    )
    name = traveller.name if traveller else "the traveller"
    places = ", ".join(draft.countries[c].name for c in hosts)
    evidence = [span for leg in draft.legs for span in leg.evidence[:1]]
    traveller_id = writer.key(traveller.key) if traveller else None
    if writer.known is not None:
        days = [(leg.country, writer.day(leg.dates)) for leg in draft.legs]
        writer.links["trip"] = writer.known.trip(traveller_id, days)
    fields = {
        "id": f"trip-{writer.source_id}",  # ids of every report's draft never collide
        "title": f"{name}'s visit to {places}",
        "traveller": traveller_id,
        "evidence": writer.evidence(*evidence),
        "countries": roles or None,
    }
    link = writer.links.get("trip")
    if link is not None and link.id:
        fields["id"] = link.id
        known = record(writer.known.dataset, "trips", link.id)
        given = {part.country: part.role for part in known.countries}
        # A country's role is the trip's: keep only roles the dataset does not contradict.
        kept = [r for r in roles if given.get(r["country"], r["role"]) == r["role"]]
        fields["countries"] = None
        if kept:
            fields["countries"] = tomlkit.array()
            fields["countries"].extend(kept)
    flags = [
        "the traveller is the first person the article has visiting, else the one named"
        " most: check it, and the title"
    ]
    trip = writer.add_linked("trips", "trip", fields, flags, ("title",), left_out=("title",))
    legs = tomlkit.aot()
    for leg in draft.legs:
        precision = "day"
        if leg.dates and (leg.dates.first[1:] != leg.dates.last[1:]):
            precision = "span"
        leg_link = writer.known.leg(fields["id"], leg.country) if writer.known else None
        new_id = f"{fields['id']}-{leg.country}"
        writer.leg_ids[leg.country] = leg_link.id if leg_link else new_id
        writer.links[f"leg-{leg.country}"] = leg_link
        leg_fields = {
            "id": writer.leg_ids[leg.country],
            "country": leg.country,
            "dates": writer.dates(leg.dates, precision),
            "city": leg.city,
            "evidence": writer.evidence(*leg.evidence[:3]),
        }
        known = record(writer.known.dataset, "legs", leg_link.id) if leg_link else None
        leg_fields, more, notes = linked(leg_link, known, leg_fields, ("dates", "city"))
        legs.append(entry(leg_fields, [*leg.flags, *more], notes))
    trip.add("legs", legs)


def write_events(writer: Writer) -> None:
    """Each event on its leg, dated by its own day, its weekday or its leg's days; the
    dataset's event of that kind, leg and day where it holds one."""
    draft = writer.draft
    legs = {leg.country: leg for leg in draft.legs}
    for number, event in enumerate(draft.events, start=1):
        flags = list(event.flags)
        leg = legs.get(event.leg or "")
        dates = writer.dates(event.dates, "day") if event.dates else None
        if dates is None and event.weekday is not None:
            dates = inline(
                start=event.weekday,
                end=event.weekday,
                precision="day",
                inferred=inline(start=f"weekday-{writer.source_id}-{number}"),
            )
            writer.add(
                "inferences",
                {
                    "id": f"weekday-{writer.source_id}-{number}",
                    "claim": f"The weekday is {event.weekday.isoformat()}.",
                    "reason": "REVIEW: the weekday read against the report's date",
                },
            )
        if dates is None and leg is not None and leg.dates is not None:
            dates = writer.dates(leg.dates, "within")
            flags.append("no day of its own: dated within its leg")
        leg_id = writer.leg_ids.get(leg.country) if leg else None
        fields = {
            "id": f"{slug(event.title)}-{writer.source_id}-{number}",
            "kind": event.kind,
            "title": event.title,
            "leg": leg_id,
            "dates": dates,
            "place": event.place,
            "participants": [writer.key(p) for p in event.participants] or None,
            "evidence": writer.evidence(event.evidence),
        }
        if writer.known is not None and leg_id is not None:
            day = writer.day(event.dates) or event.weekday
            link = writer.known.event(leg_id, event.kind, day)
            writer.links[f"event-{number}"] = link
            if link is not None and link.id:
                fields["id"] = link.id
        writer.add_linked(
            "events", f"event-{number}", fields, flags, ("title", "dates"), left_out=("title",)
        )
