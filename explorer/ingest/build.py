"""Building the dataset from the articles and their curated annotations.

An annotation file (TOML, one per article) cites the article's exact words for every fact;
the build finds those words and stores their offsets, so nobody counts offsets by hand.
The output is pretty-printed JSON in a stable order: the same input gives the same bytes.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from explorer.core.checks import Path as JsonPath
from explorer.core.checks import find_problems, format_path
from explorer.core.load import MAX_DATASET_BYTES, PACKAGE_DIR
from explorer.core.model import Dataset
from explorer.core.safe import control_characters, safe_text
from explorer.core.validation import error_message, to_json_data, validate_whole
from explorer.ingest.merge import Entry, Merger, look_alikes
from explorer.ingest.reading.quotes import mark_ends_at, mark_starts_at
from explorer.ingest.sources import (
    MAX_ARTICLE_BYTES,
    SourceProblem,
    read_taxonomy,
    read_text,
    read_toml,
)

TABLES = (
    "inferences",
    "countries",
    "groupings",
    "people",
    "organizations",
    "trips",
    "events",
    "statements",
    "mentions",
    "proposals",
)


class BuildError(Exception):
    """The annotations cannot be built; one line per problem, naming file and entry."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def default_data_dir() -> Path:
    """The data/ folder of the source checkout this package sits in, else ./data."""
    checkout = PACKAGE_DIR.parent / "data"
    return checkout if (checkout / "annotations").is_dir() else Path("data")


@dataclass
class _Article:
    """One article's text and where its snippets are reported from."""

    source_id: str
    file: str
    text: str

    def locate(self, spec: object) -> dict:
        """Find a snippet (`"words"` or `{text = "words", nth = N}`) and return its evidence."""
        if isinstance(spec, str):
            snippet, nth = spec, None
        elif isinstance(spec, dict) and set(spec) <= {"text", "nth"} and "text" in spec:
            snippet, nth = spec["text"], spec.get("nth")
        else:
            raise ValueError('a snippet must be "words" or { text = "words", nth = N }')
        if not isinstance(snippet, str) or not snippet:
            raise ValueError("a snippet must be non-empty text")
        starts = occurrences(self.text, snippet)
        shown = snippet if len(snippet) <= 60 else snippet[:57] + "..."
        if not starts:
            raise ValueError(f"snippet {shown!r} not found in {self.file}")
        if nth is None and len(starts) > 1:
            raise ValueError(
                f"snippet {shown!r} found {len(starts)} times in {self.file} "
                f"(offsets {', '.join(map(str, starts))}); add nth = 1..{len(starts)} to say which"
            )
        if nth is not None and (
            isinstance(nth, bool) or not isinstance(nth, int) or not 1 <= nth <= len(starts)
        ):
            raise ValueError(f"nth = {nth!r} but snippet {shown!r} occurs {len(starts)} times")
        start = starts[(nth or 1) - 1]
        return {
            "source": self.source_id,
            "start": start,
            "end": start + len(snippet),
            "text": snippet,
        }


NAMING_FIELDS = ("name", "aliases", "role", "title")


def _controls_in_names(entry: dict) -> list[str]:
    """A problem line for each name, alias, role or title holding a control character:
    shown on a terminal they could rewrite its title or its screen."""
    found = []
    for key in NAMING_FIELDS:
        values = entry.get(key)
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and (controls := control_characters(value)):
                found.append(
                    f"{key} {safe_text(repr(value))} holds control characters "
                    f"({', '.join(controls)}); remove them"
                )
    return found


# Fields holding the article's own words: whatever they say is the article's.
_ARTICLE_WORDS = frozenset({"evidence", "text", "attribution"})
_NO_YEAR = re.compile(r"^--\d\d(?:-\d\d)?$")


def _unreviewed(entry: dict, path: str = "") -> list[str]:
    """What a draft left for review and nobody answered: a value still saying REVIEW, a
    date still without its year ("--03-05")."""
    found = []
    for key, value in entry.items():
        where = f"{path}.{key}" if path else str(key)
        if key in _ARTICLE_WORDS:
            continue
        if isinstance(value, dict):
            found += _unreviewed(value, where)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    found += _unreviewed(item, where)
        elif isinstance(value, str) and value.lstrip().startswith("REVIEW"):
            found.append(f"{where}: still says {safe_text(value[:60])!r}: write the reviewed value")
        elif isinstance(value, str) and _NO_YEAR.match(value):
            found.append(
                f"{where}: {value!r} has no year: write it (2024{value[1:]}) and say how it is"
                " known in an [[inferences]] entry"
            )
    return found


def _plain_file_name(file: object) -> bool:
    """Whether `file` names a file directly inside a folder: no path, no parent, no NUL."""
    return (
        isinstance(file, str)
        and file not in {"", ".", ".."}
        and "/" not in file
        and "\\" not in file
        and "\0" not in file
    )


def occurrences(text: str, snippet: str) -> list[int]:
    """Where `snippet` starts in `text`, overlapping occurrences included."""
    starts, at = [], text.find(snippet)
    while at != -1:
        starts.append(at)
        at = text.find(snippet, at + 1)
    return starts


@dataclass
class _Builder:
    """Accumulates the dataset's collections and where each entry came from."""

    data_dir: Path
    problems: list[str] = field(default_factory=list)
    collections: dict[str, list[Entry]] = field(default_factory=lambda: {t: [] for t in TABLES})
    sources: list[dict] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    area_defs: dict[str, dict] = field(default_factory=dict)
    origins: dict[JsonPath, str] = field(default_factory=dict)
    unreadable: bool = False  # a whole file could not be read: what follows would mislead

    def read_toml(self, path: Path) -> dict | None:
        try:
            return read_toml(path, self.rel(path))
        except SourceProblem as problem:
            self.problems += problem.lines
            self.unreadable = True
            return None

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.data_dir.parent))
        except ValueError:
            return str(path)

    def read_taxonomy(self) -> None:
        path = self.data_dir / "taxonomy.toml"
        try:
            taxonomy = read_taxonomy(path, self.rel(path))
        except SourceProblem as problem:
            self.problems += problem.lines
            self.unreadable = True
            return
        for index, (category_id, name) in enumerate(taxonomy.categories):
            self.origins[("categories", index)] = f"{self.rel(path)}: [[categories]] #{index + 1}"
            self.categories.append({"id": category_id, "name": name})
        for area_id, (name, category_id, _) in taxonomy.areas.items():
            self.area_defs[area_id] = {"id": area_id, "name": name, "category": category_id}

    def add_annotation(self, path: Path, articles_dir: Path) -> None:
        annotation = self.read_toml(path)
        if annotation is None:
            return
        name = self.rel(path)
        unknown = set(annotation) - {"source", *TABLES}
        if unknown:
            self.problems.append(
                f"{name}: unknown table(s) {', '.join(sorted(unknown))}; "
                f"expected source, {', '.join(TABLES)}"
            )
        article = self.add_source(name, annotation.get("source"), articles_dir)
        if article is None:
            return
        for table in TABLES:
            entries = annotation.get(table, [])
            if not isinstance(entries, list):
                self.problems.append(f"{name}: {table} must be written as [[{table}]] entries")
                continue
            for number, entry in enumerate(entries, start=1):
                self.add_entry(table, entry, f"{name}: [[{table}]] #{number}", article, name)

    def add_source(self, name: str, source: object, articles_dir: Path) -> _Article | None:
        if not isinstance(source, dict) or not {"id", "file", "title"} <= set(source):
            self.problems.append(f"{name}: [source] needs id, file and title")
            return None
        controls = _controls_in_names(source) + _unreviewed(source)
        if controls:
            self.problems += [f"{name}: [source]: {line}" for line in controls]
            return None
        file = source["file"]
        if not _plain_file_name(file):
            self.problems.append(
                f"{name}: [source] file {safe_text(repr(file))}: must be the name of a file "
                f"in {self.rel(articles_dir)}/, without folders"
            )
            return None
        article_path = articles_dir / file
        try:
            # Not followed if it is a link: the article must lie in the folder itself.
            text = read_text(
                article_path, MAX_ARTICLE_BYTES, self.rel(article_path), follow_links=False
            )
        except SourceProblem as problem:
            shown = safe_text(repr(file))
            self.problems += [f"{name}: [source] file {shown}: {line}" for line in problem.lines]
            return None
        raw = text.encode("utf-8")
        entry = {**source, "sha256": hashlib.sha256(raw).hexdigest(), "text": text}
        self.origins[("sources", len(self.sources))] = f"{name}: [source]"
        self.sources.append(entry)
        return _Article(str(source["id"]), file, text)

    def add_entry(
        self, table: str, entry: object, where: str, article: _Article, file: str
    ) -> None:
        if not isinstance(entry, dict):
            self.problems.append(f"{where}: must be a table")
            return
        label = entry.get("id") or entry.get("area")
        where = f"{where} ({safe_text(str(label))})" if label else where
        controls = _controls_in_names(entry)
        if controls:
            self.problems += [f"{where}: {line}" for line in controls]
            return
        unreviewed = _unreviewed(entry)
        if unreviewed:
            self.problems += [f"{where}: {line}" for line in unreviewed]
            return
        try:
            resolved = _resolve(entry, article)
            if table == "statements":
                resolved["quote"] = article.locate(resolved.pop("text", None))
                if "attribution" in entry:
                    resolved["attribution"] = article.locate(entry["attribution"])
                self.check_quotation(resolved, article)
        except ValueError as error:
            self.problems.append(f"{where}: {error}")
            return
        self.collections[table].append(Entry(resolved, where, file, article.source_id))

    @staticmethod
    def check_quotation(statement: dict, article: _Article) -> None:
        if statement.get("kind") != "direct":
            return
        start, end = statement["quote"]["start"], statement["quote"]["end"]
        text = article.text
        # A quotation may run on past its paragraph, or past the end of a cut-off excerpt;
        # its marks may be written as HTML entities, as copied pages carry them.
        closed = end >= len(text) or text[end] == "\n" or mark_starts_at(text, end)
        if not (mark_ends_at(text, start) and closed):
            raise ValueError(
                "text: a direct quotation must follow a quotation mark and end at one "
                "(or at the end of its paragraph)"
            )

    def group_areas(self) -> list[dict]:
        """Gather the [[mentions]] under their taxonomy areas, in taxonomy order."""
        by_area: dict[str, list[tuple[dict, str]]] = {}
        for entry in self.collections["mentions"]:
            mention, origin = entry.data, entry.origin
            area_id = mention.pop("area", None)
            if area_id not in self.area_defs:
                self.problems.append(f"{origin}: unknown area {area_id!r} (see taxonomy.toml)")
                continue
            by_area.setdefault(area_id, []).append((mention, origin))
        areas = []
        for area_id, definition in self.area_defs.items():
            if area_id not in by_area:
                continue
            for index, (_mention, origin) in enumerate(by_area[area_id]):
                self.origins[("areas", len(areas), "mentions", index)] = origin
            record = {key: definition[key] for key in ("id", "name", "category")}
            areas.append({**record, "mentions": [m for m, _ in by_area[area_id]]})
        return areas

    def dataset_dict(self) -> dict:
        merger = Merger()
        merger.merge(self.collections)
        self.problems += merger.problems
        self.problems += look_alikes(self.collections)
        collections = {}
        for table, entries in self.collections.items():
            for index, entry in enumerate(entries):
                self.note_origins(table, index, entry)
            collections[table] = [entry.data for entry in entries]
        areas = self.group_areas()
        _link_statement_areas(collections["statements"], areas)
        del collections["mentions"]
        return {
            "schema_version": 1,
            "sources": self.sources,
            "categories": self.categories,
            **collections,
            "areas": areas,
        }

    def note_origins(self, table: str, index: int, entry: Entry) -> None:
        """Remember where an entry (and a trip's legs) came from, to name it in errors."""
        self.origins[(table, index)] = entry.origin
        for number, _leg in enumerate(entry.data.get("legs", []) if table == "trips" else []):
            self.origins[(table, index, "legs", number)] = f"{entry.origin}: legs #{number + 1}"

    def where(self, path: JsonPath) -> str:
        """Name the annotation entry a dataset path came from, and the rest of the path."""
        for cut in range(len(path), 0, -1):
            origin = self.origins.get(path[:cut])
            if origin:
                rest = format_path(path[cut:])
                return f"{origin}: {rest}" if rest else origin
        return format_path(path) or "dataset"


def _resolve(entry: dict, article: _Article) -> dict:
    """Copy an entry, turning every `evidence` snippet into located evidence."""
    out = {}
    for key, value in entry.items():
        if key == "evidence":
            specs = value if isinstance(value, list) else [value]
            out[key] = [article.locate(spec) for spec in specs]
        elif isinstance(value, dict):
            out[key] = _resolve(value, article)
        elif isinstance(value, list):
            out[key] = [_resolve(v, article) if isinstance(v, dict) else v for v in value]
        else:
            out[key] = value
    return out


def _link_statement_areas(statements: list[dict], areas: list[dict]) -> None:
    """A statement mentions an area when one of the area's evidence shares words with it."""
    for statement in statements:
        quote = statement.get("quote", {})
        linked = []
        for area in areas:
            for mention in area["mentions"]:
                if any(_overlaps(quote, evidence) for evidence in mention.get("evidence", [])):
                    linked.append(area["id"])
                    break
        statement["areas"] = linked


def _overlaps(a: dict, b: dict) -> bool:
    return a.get("source") == b.get("source") and a["start"] < b["end"] and b["start"] < a["end"]


def build_dataset(data_dir: Path) -> Dataset:
    """Build and check the dataset from `data_dir`; raise BuildError naming every problem."""
    builder = _Builder(data_dir)
    articles_dir, annotations_dir = data_dir / "articles", data_dir / "annotations"
    for folder in (articles_dir, annotations_dir):
        if not folder.is_dir():
            raise BuildError([f"{builder.rel(folder)}: no such folder"])
    builder.read_taxonomy()
    annotation_files = sorted(annotations_dir.glob("*.toml"))
    for path in annotation_files:
        builder.add_annotation(path, articles_dir)
    annotated = {source["file"] for source in builder.sources}
    for article in sorted(articles_dir.glob("*.txt")):
        # An annotation that failed to read would make its article look unannotated.
        if article.name not in annotated and not builder.problems:
            builder.problems.append(f"{builder.rel(article)}: no annotation file names it")
    if not annotation_files:
        builder.problems.append(f"{builder.rel(annotations_dir)}: no annotation files")
    if builder.unreadable or not annotation_files:
        raise BuildError(builder.problems)
    # Every problem of every file in one run: what could be read is merged and validated
    # even when other entries could not; only the cross-checks wait for a sound whole (an
    # entry that failed would make others' references to it look wrong too).
    data = builder.dataset_dict()
    try:
        dataset = validate_whole(data)
    except ValidationError as error:
        raise BuildError(
            builder.problems
            + [f"{builder.where(tuple(e['loc']))}: {error_message(e)}" for e in error.errors()]
        ) from None
    if builder.problems:
        raise BuildError(builder.problems)
    problems = find_problems(dataset)
    if problems:
        raise BuildError([f"{builder.where(p.path)}: {p.message}" for p in problems])
    return dataset


def dataset_json(dataset: Dataset) -> str:
    """The dataset as pretty-printed JSON, byte-identical for the same dataset; a record
    whose sources all agree is written without its empty `claims` and `disputed`."""
    data = _without_empty_claims(to_json_data(dataset))
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _without_empty_claims(data: object) -> object:
    if isinstance(data, dict):
        return {
            k: _without_empty_claims(v)
            for k, v in data.items()
            if not (k in ("claims", "disputed") and v == [])
        }
    if isinstance(data, list):
        return [_without_empty_claims(item) for item in data]
    return data


def stale_diff(expected: str, path: Path, limit: int = 40) -> list[str]:
    """How the file at `path` differs from `expected`: empty when it is up to date."""
    try:
        current = read_text(path, MAX_DATASET_BYTES)
    except SourceProblem as problem:
        return [f"{line}; run `explorer build`" for line in problem.lines]
    if current == expected:
        return []
    diff = list(
        difflib.unified_diff(
            current.splitlines(), expected.splitlines(), str(path), "fresh build", lineterm="", n=1
        )
    )
    shown = diff[:limit]
    if len(diff) > limit:
        shown.append(f"... {len(diff) - limit} more lines of difference")
    return shown
