"""Merging what several articles' annotations say about the same thing.

The same country, person, organization or grouping (matched by id, or by a full name or
alias), trip, event, inference or proposal (matched by id) named in two articles becomes
one record citing both. A title, place or date the two give differently is kept as each
source's claim (a narrower date consistent with a wider one refines it; dates or places
that cannot both be true are marked disputed); any other fact given two ways is reported,
never silently overwritten.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from explorer.core.names import words

# In the order they are merged: each refers only to kinds merged before it.
MERGED = ("inferences", "countries", "people", "organizations", "groupings", "trips", "events")
MERGED += ("proposals",)
NAMED = {"countries", "people", "organizations", "groupings"}
KIND = {"countries": "country", "people": "party", "organizations": "party"}
KIND |= {"groupings": "grouping", "inferences": "inference"}
REFERENCE_FIELDS = {
    "country": ("country", "members", "partners", "countries"),
    "party": ("traveller", "participants", "speakers", "by"),
}
UNIONED = ("aliases", "members", "participants", "by", "countries", "partners")


@dataclass
class Entry:
    """One annotation entry: its data, where it was written, and the file it came from."""

    data: dict
    origin: str
    file: str
    source: str = ""  # the id of the article the entry's annotation is of


@dataclass
class Merger:
    """Merges entries table by table, remembering which ids of each file became which."""

    problems: list[str] = field(default_factory=list)
    renames: dict[str, dict[str, dict[str, str]]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(dict))
    )

    def merge(self, tables: dict[str, list[Entry]]) -> None:
        """Merge every mergeable table in place, then point references at the merged ids."""
        for table in MERGED:
            for entry in tables[table]:
                self.rewrite(entry)
            tables[table] = self.merge_table(table, tables[table])
        for table, entries in tables.items():
            if table not in MERGED:
                for entry in entries:
                    self.rewrite(entry)

    def merge_table(self, table: str, entries: list[Entry]) -> list[Entry]:
        kept: list[Entry] = []
        by_id: dict[object, Entry] = {}
        by_name: dict[str, Entry] = {}
        for entry in entries:
            entry_id = entry.data.get("id")
            target = by_id.get(entry_id)
            names = matching_names(table, entry.data)
            if target is None:
                target = next((by_name[n] for n in names if n in by_name), None)
            if target is None or target.file == entry.file:
                # New, or a duplicate within one file, which the checks report as such.
                kept.append(entry)
                by_id.setdefault(entry_id, entry)
                for name in names:
                    by_name.setdefault(name, entry)
                continue
            self.combine(target, entry)
            target_id = target.data.get("id")
            if entry_id != target_id and table in KIND:
                self.renames[entry.file][KIND[table]][entry_id] = target_id
            for name in names:
                by_name.setdefault(name, target)
        return kept

    def combine(self, target: Entry, entry: Entry) -> None:
        """Fold `entry` into `target`, reporting each fact they give differently."""
        # Matched by id or name: the id is the first article's, another name becomes an alias.
        facts = {k: v for k, v in entry.data.items() if k not in ("id", "name")}
        sources = (target.source, entry.source)
        self.problems += combine(target.data, facts, target.origin, entry.origin, sources)
        if entry.data.get("name") and entry.data.get("name") != target.data.get("name"):
            aliases = target.data.setdefault("aliases", [])
            if entry.data["name"] not in aliases:
                aliases.append(entry.data["name"])

    def rewrite(self, entry: Entry) -> None:
        """Point an entry's references at the ids its file's records were merged into."""
        renames = self.renames.get(entry.file)
        if renames:
            rewrite(entry.data, renames)


def matching_names(table: str, data: dict) -> list[str]:
    """The folded names an entry can be matched by: a country by any name, others by full ones.

    A person's surname alone ("Kim") may belong to many people, so single words are kept for
    countries and groupings only.
    """
    if table not in NAMED:
        return []
    names = [data.get("name"), *data.get("aliases", [])]
    folded = [" ".join(words(n)) for n in names if isinstance(n, str)]
    if table in {"people", "organizations"}:
        folded = [n for n in folded if " " in n]
    return [n for n in folded if n]


def combine(
    target: dict,
    new: dict,
    target_origin: str,
    new_origin: str,
    sources: tuple[str, str] = ("", ""),
) -> list[str]:
    """Merge the fields of `new` into `target`; the conflicts, as problem lines. A field
    two sources may give differently (CLAIMED) keeps both as claims, never a conflict."""
    problems = []
    for key, value in new.items():
        if key not in target or target[key] in (None, [], {}):
            target[key] = value
        elif key == "evidence":
            target[key] = [*target[key], *value]
        elif key in CLAIMED and _differ(target[key], value) and all(sources):
            claim(target, key, value, sources)
        elif key == "claims":
            target[key] = [*target[key], *value]
        elif key == "disputed":
            target[key] = list(dict.fromkeys([*target[key], *value]))
        elif key == "inferred":
            problems += combine(target[key], value, target_origin, new_origin)
        elif key == "legs":
            problems += merge_legs(target[key], value, target_origin, new_origin, sources)
        elif key == "countries" and all(isinstance(v, dict) for v in [*target[key], *value]):
            problems += merge_roles(target[key], value, target_origin, new_origin)
        elif key in UNIONED and isinstance(value, list):
            for item in value:
                if item not in target[key]:
                    target[key].append(item)
        elif key == "dates" and isinstance(value, dict) and isinstance(target[key], dict):
            same = all(target[key].get(k) == value.get(k) for k in ("start", "end", "precision"))
            if not same:
                problems.append(conflict(key, target[key], value, target_origin, new_origin))
            problems += combine(
                target[key].setdefault("inferred", {}),
                value.get("inferred", {}),
                target_origin,
                new_origin,
            )
        elif target[key] != value:
            problems.append(conflict(key, target[key], value, target_origin, new_origin))
    return problems


def merge_legs(
    legs: list[dict],
    new_legs: list[dict],
    origin: str,
    new_origin: str,
    sources: tuple[str, str] = ("", ""),
) -> list[str]:
    """Merge a trip's legs by id; a leg only one article names is added."""
    problems = []
    by_id = {leg.get("id"): leg for leg in legs}
    for leg in new_legs:
        if leg.get("id") in by_id:
            problems += combine(by_id[leg.get("id")], leg, origin, new_origin, sources)
        else:
            legs.append(leg)
    return problems


def merge_roles(
    parts: list[dict], new_parts: list[dict], origin: str, new_origin: str
) -> list[str]:
    """Merge a trip's countries and their roles; one country given two roles is a conflict."""
    problems = []
    roles = {part.get("country"): part for part in parts}
    for part in new_parts:
        known = roles.get(part.get("country"))
        if known is None:
            parts.append(part)
        elif known.get("role") != part.get("role"):
            what = f"role of {part.get('country')!r}"
            problems.append(conflict(what, known.get("role"), part.get("role"), origin, new_origin))
    return problems


# Fields of a record that are a source's claim: two sources may give them differently.
CLAIMED = frozenset({"role", "title", "place", "city", "dates"})
# Of those, the ones where two different values cannot both be true.
SINGULAR = frozenset({"place", "city"})


def _differ(old: object, new: object) -> bool:
    if isinstance(old, dict) and isinstance(new, dict):
        return any(old.get(k) != new.get(k) for k in ("start", "end", "precision"))
    return old != new


def claim(target: dict, key: str, value: object, sources: tuple[str, str]) -> None:
    """Keep what each source says of `key`; let the value that stands be the most precise
    date consistent with both, and mark the field disputed when both cannot be true."""
    claims = target.setdefault("claims", [])
    first, second = sources
    if not any(c["field"] == key and c["source"] == first for c in claims):
        claims.append({"field": key, "value": target[key], "source": first})
    claims.append({"field": key, "value": value, "source": second})
    if key == "dates":
        relation = dates_relation(target[key], value)
        if relation == "refines":
            target[key] = value
        agree = relation != "disagrees"
    else:
        agree = key not in SINGULAR
    if not agree and key not in target.setdefault("disputed", []):
        target["disputed"].append(key)


def dates_relation(old: dict, new: dict) -> str:
    """How a second source's dates stand to the first's: "refines" (a day or range inside
    one the first gives only as "within"), "agrees" (both can be true: one holds the other,
    or they overlap where either is only "within"), "disagrees"."""
    if _inside(new, old) and old.get("precision") == "within":
        return "refines"
    if not (new["start"] <= old["end"] and old["start"] <= new["end"]):
        return "disagrees"
    loose = "within" in (old.get("precision"), new.get("precision"))
    return "agrees" if _inside(new, old) or _inside(old, new) or loose else "disagrees"


def _inside(a: dict, b: dict) -> bool:
    """Whether the dates of `a` lie within those of `b`."""
    return b["start"] <= a["start"] and a["end"] <= b["end"]


def conflict(key: str, old: object, new: object, origin: str, new_origin: str) -> str:
    """A problem line for two articles giving one fact differently."""
    return f"{new_origin}: {key} is {shown(new)}, but {origin} gives {shown(old)}"


def shown(value: object) -> str:
    """A value as a reader of the annotations would write it."""
    if isinstance(value, dict) and "start" in value:
        start, end = value.get("start"), value.get("end")
        return f"{start}" if start == end else f"{start}..{end}"
    return repr(value)


def rewrite(data: object, renames: dict[str, dict[str, str]]) -> None:
    """Replace renamed ids in the reference fields of `data`, at any depth."""
    if isinstance(data, list):
        for item in data:
            rewrite(item, renames)
        return
    if not isinstance(data, dict):
        return
    for key, value in data.items():
        kind = next((k for k, fields in REFERENCE_FIELDS.items() if key in fields), None)
        if kind and isinstance(value, str):
            data[key] = renames[kind].get(value, value)
        elif kind and isinstance(value, list) and all(isinstance(v, str) for v in value):
            data[key] = [renames[kind].get(v, v) for v in value]
        elif key == "inferred" and isinstance(value, dict):
            data[key] = {k: renames["inference"].get(v, v) for k, v in value.items()}
        else:
            rewrite(value, renames)


def look_alikes(tables: dict[str, list[Entry]]) -> list[str]:
    """Records that look like one but were kept apart - people of one country sharing a
    surname (a name's first or last word), events of one kind on one leg on overlapping
    days - each pair a problem line naming both, unless one says it is distinct from the
    other (`distinct_from = [...]`). The `distinct_from` lists are then taken out of the
    entries: the dataset has no such field."""
    problems = []
    groups: dict[tuple, list[Entry]] = defaultdict(list)
    for entry in tables.get("people", []):
        name, country = words(str(entry.data.get("name", ""))), entry.data.get("country")
        # The surname is the first or the last word ("Kamikawa Yoko", "Yoko Kamikawa").
        for surname in {name[0], name[-1]} if name and country else ():
            groups[("person", surname, country)].append(entry)
    for entry in tables.get("events", []):
        groups[("event", entry.data.get("leg"), entry.data.get("kind"))].append(entry)
    seen: set[tuple[int, int]] = set()
    for (kind, *what), entries in groups.items():
        for first, second in _pairs(entries):
            if kind == "event" and not _days_overlap(first.data, second.data):
                continue
            if _distinct(first, second) or (id(first), id(second)) in seen:
                continue
            seen.add((id(first), id(second)))
            said = (
                f"surname {what[0]!r}, country {what[1]!r}"
                if kind == "person"
                else (f"a {what[1]} on leg {what[0]!r} on overlapping days")
            )
            problems.append(
                f"{second.origin} and {first.origin} look like one {kind} ({said}): give them"
                f" one id, or say distinct_from = [{first.data.get('id')!r}]"
            )
    for entries in tables.values():
        for entry in entries:
            entry.data.pop("distinct_from", None)
    return problems


def _pairs(entries: list[Entry]) -> list[tuple[Entry, Entry]]:
    return [(a, b) for i, a in enumerate(entries) for b in entries[i + 1 :]]


def _distinct(a: Entry, b: Entry) -> bool:
    said = [*a.data.get("distinct_from", []), *b.data.get("distinct_from", [])]
    return a.data.get("id") in said or b.data.get("id") in said


def _days_overlap(a: dict, b: dict) -> bool:
    first, second = a.get("dates") or {}, b.get("dates") or {}
    try:
        return str(first["start"]) <= str(second["end"]) and str(second["start"]) <= str(
            first["end"]
        )
    except (KeyError, TypeError):
        return False
