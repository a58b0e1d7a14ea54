"""Reading what the build and the drafter are given: TOML files, the taxonomy, articles.

Every problem becomes one line naming the file and what is wrong with it, never a
traceback: an annotation folder may come from anyone.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from explorer.core.checks import format_path
from explorer.core.files import FileProblem, read_regular_file

# An article longer than this is refused by `explorer build` and `explorer draft`: real
# reports are tens of kilobytes; the drafter takes a few seconds a megabyte.
MAX_ARTICLE_BYTES = 2_000_000
MAX_TOML_BYTES = 5_000_000


class SourceProblem(Exception):
    """Something the build or the drafter was given cannot be used: one line per problem."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def read_text(path: Path, limit: int, shown: str | None = None, follow_links: bool = True) -> str:
    """A UTF-8 file's text; SourceProblem names the file (as `shown`) and what is wrong."""
    shown = shown or str(path)
    try:
        raw = read_regular_file(path, limit, follow_links=follow_links)
    except FileProblem as problem:
        raise SourceProblem([f"{shown}: {problem.reason}"]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceProblem([f"{shown}: not valid UTF-8 (byte {error.start})"]) from None


def read_toml(path: Path, shown: str | None = None) -> dict:
    """A TOML file's tables; SourceProblem names the file and the problem."""
    shown = shown or str(path)
    text = read_text(path, MAX_TOML_BYTES, shown)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourceProblem([f"{shown}: invalid TOML: {error}"]) from None
    except RecursionError:
        raise SourceProblem([f"{shown}: invalid TOML: nested too deeply"]) from None


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _AreaDefinition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Text
    name: Text
    keywords: list[Text] = Field(default_factory=list)


class _Category(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Text
    name: Text
    areas: list[_AreaDefinition]


class _Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    categories: list[_Category]


@dataclass(frozen=True)
class Taxonomy:
    """The categories of cooperation areas, each area with its keywords."""

    categories: list[tuple[str, str]]  # (id, name)
    areas: dict[str, tuple[str, str, list[str]]]  # id -> (name, category id, keywords)

    def keywords(self) -> dict[str, list[str]]:
        """Area id -> the words the drafter looks for."""
        return {area: words for area, (_, _, words) in self.areas.items()}


def read_taxonomy(path: Path, shown: str | None = None) -> Taxonomy:
    """Read and check a taxonomy file; SourceProblem lists every problem, one a line."""
    shown = shown or str(path)
    data = read_toml(path, shown)
    try:
        parsed = _Taxonomy.model_validate(data)
    except ValidationError as error:
        raise SourceProblem(
            [
                f"{shown}: {format_path(tuple(e['loc'])) or '(top level)'}: {e['msg']}"
                for e in error.errors(include_url=False)
            ]
        ) from None
    problems, areas = [], {}
    for c, category in enumerate(parsed.categories):
        for a, area in enumerate(category.areas):
            if area.id in areas:
                where = format_path(("categories", c, "areas", a, "id"))
                problems.append(f"{shown}: {where}: duplicate area id {area.id!r}")
            areas[area.id] = (area.name, category.id, list(area.keywords))
    if problems:
        raise SourceProblem(problems)
    return Taxonomy([(c.id, c.name) for c in parsed.categories], areas)
