"""Dates as real copy writes them: days, ranges, months and years, in English and in the
other languages agencies copy from, with the part each plays (the report's own date, its
dateline, or a date of the story)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from explorer.ingest.reading.lexicon import MONTHS, WEEKDAYS
from explorer.ingest.reading.text import Article

# The first letters of the months, looked at before trying every month's name: a long
# alternation tried at every word would make reading a long article slow.
_MONTH = (
    "(?=[" + "".join(sorted({m[0] for m in MONTHS})) + "])"
    r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
)
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


# Each pattern, most specific first; a span taken by one is not read again by the next.
PATTERNS = [
    # 2013-4-13, 2019-12-04
    ("iso", rf"\b{_YEAR.format(name='y')}(?P<sep>[-/])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)\b"),
    # 27-10-2018, 31.01.2014, 3/17/2016
    ("numeric", rf"\b(?P<a>[0-3]?\d)[-./](?P<b>[0-3]?\d)[-./]{_YEAR.format(name='y')}\b"),
    # March 30 - April 2, 2024
    (
        "month-day-month-day",
        rf"\b{_MONTH.format(name='m1')}\s+{_DAY.format(name='d1')}{_DASH}"
        rf"{_MONTH.format(name='m2')}\s+{_DAY.format(name='d2')}\b(?:,?\s+{_YEAR.format(name='y')})?",
    ),
    # March 5-8, 2024 / March 4 to 7
    (
        "month-day-day",
        rf"\b{_MONTH.format(name='m1')}\s+{_DAY.format(name='d1')}{_DASH}{_DAY.format(name='d2')}\b"
        rf"(?:,?\s+{_YEAR.format(name='y')})?",
    ),
    # from 6th March to 8th March 2024
    (
        "day-month-day-month",
        rf"\b{_DAY.format(name='d1')}\s+(?:of\s+)?{_MONTH.format(name='m1')}{_DASH}"
        rf"{_DAY.format(name='d2')}\s+(?:of\s+)?{_MONTH.format(name='m2')}\b(?:,?\s+{_YEAR.format(name='y')})?",
    ),
    # 5-8 March 2024 / 05-06 March / between 3 and 5 May
    (
        "day-day-month",
        rf"\b{_DAY.format(name='d1')}{_DASH}{_DAY.format(name='d2')}\s+{_MONTH.format(name='m1')}\b"
        rf"(?:,?\s+{_YEAR.format(name='y')})?",
    ),
    # March 5, 2024 / Aug. 9, 2012 / June 30th
    (
        "month-day",
        rf"\b{_MONTH.format(name='m1')}\s+{_DAY.format(name='d1')}\b(?!\s*(?:%|per|bn|million))"
        rf"(?:,?\s+{_YEAR.format(name='y')})?",
    ),
    # 5 March 2024 / 17 de agosto de 2015 / 23 декабря 2014 / 31 January
    (
        "day-month",
        rf"(?<![\d.])(?<!\d,){_DAY.format(name='d1')}\s+(?:of\s+|de\s+)?{_MONTH.format(name='m1')}(?!\w)"
        rf"(?:,?\s+(?:de\s+)?{_YEAR.format(name='y')})?",
    ),
    # May 2009 / in March / last July / the July ruling / last May / from Nov (a month needs
    # a year or a word of time before it; "May" and the short forms only with a capital, and
    # "May" not where it may be a person: "a speech by May", "the May government")
    (
        "month",
        rf"(?:\b{_MONTH.format(name='m1')},?\s+{_YEAR.format(name='y')}\b)|"
        rf"(?:\b(?:in|since|until|by|last|next|this|early|late|mid|from|of|for|during)\s+"
        rf"(?P<m2>{'|'.join(m for m in MONTHS if len(m) > 3)}"
        r"|(?-i:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)(?=\.?[ \t]*(?:\n|$|[,;]))"
        r")\b(?!\s+\d))|"
        r"(?:\b(?:in|since|until|last|next|this|early|late|mid)\s+(?P<m3>(?-i:May))\b"
        r"(?!\s+\d|\s*[’']s))|"
        r"(?:\b(?-i:the)\s+(?P<m4>(?-i:January|February|April|June|July|August|September"
        r"|October|November|December))\s+(?=[a-z]))",
    ),
    # in 2015 / by 2030 / since 1999 / in 1979 and 2010
    (
        "year",
        r"\b(?:in|by|since|until|till|from|to|of|before|after|during|for|between)\s+"
        r"(?P<y>1[6-9]\d\d|20\d\d)\b(?![-/]\d)",  # "since 1820": an older year too
    ),
    ("year", r"(?<=\d\d\d\d and )(?P<y>1[6-9]\d\d|20\d\d)\b(?![-/]\d)"),
    # his 2015 visit, the 2018 summit, a 1985 trip: a recent year before the word it dates
    (
        "year",
        r"\b(?:his|her|their|its|the|this|that|last|a|an)\s+(?P<y>19[5-9]\d|20[0-3]\d)(?=\s+[a-z])"
        r"(?!\s+(?:per|percent|people|persons|troops|soldiers|tonnes|tons|km|kilometres|kilometers"
        r"|miles|metres|meters|times|dollars|euros|yuan|rupees|strong|members|workers|jobs)\b)",
    ),
]
TWO_MONTHS = frozenset({"month-day-month-day", "day-month-day-month"})
COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS]
_PUBLISHED = re.compile(
    r"^\s*(?:date\s|updated|last updated|published|posted|source:|\w+ \|)|"
    r"(?:updated|published|posted)\s*:?\s*$",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"^\s*,?\s*[A-ZÀ-Ý][A-ZÀ-Ý .,'-]+[,.]?\s*(?:\w+\s*)?[,-–—]?\s*$")


@dataclass
class DateMention:
    """One date the article writes, as precise as it is written."""

    start: int
    end: int
    text: str
    first: tuple[int | None, int, int | None]  # (year, month, day); year None when not written
    last: tuple[int | None, int, int | None]
    precision: str  # "day", "month" or "year"
    role: str = "event"  # "event", "dateline" or "published"
    flags: list[str] = field(default_factory=list)

    @property
    def start_iso(self) -> str:
        """ISO, with "--" for a year not written: "--03-05", "2024-03-05", "2009-05"."""
        return _iso(self.first, self.precision)

    @property
    def end_iso(self) -> str:
        """The end, written the same way."""
        return _iso(self.last, self.precision)

    @property
    def has_year(self) -> bool:
        """Whether the article writes the year."""
        return self.first[0] is not None


def _iso(parts: tuple[int | None, int, int | None], precision: str) -> str:
    year, month, day = parts
    prefix = f"{year:04d}" if year is not None else "-"
    if precision == "year":
        return f"{year:04d}"
    if precision == "month":
        return f"{prefix}-{month:02d}"
    return f"{prefix}-{month:02d}-{day:02d}"


def _month(word: str | None) -> int | None:
    return MONTHS.get(word.lower().rstrip(".")) if word else None


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is None or not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so 29 February passes
    except ValueError:
        return False
    return True


def read_match(kind: str, match: re.Match) -> DateMention | None:
    """A mention from one pattern's match, or None when it is not a real date."""
    g = match.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if kind == "year":
        return _mention(match, (year, 1, None), (year, 12, None), "year")
    if kind == "iso":
        first = (year, int(g["m"]), int(g["d"]))
        return _mention(match, first, first, "day")
    if kind == "numeric":
        return _numeric(match, int(g["a"]), int(g["b"]), year)
    if kind == "month":
        month = _month(g.get("m1") or g.get("m2") or g.get("m3") or g.get("m4"))
        return _mention(match, (year, month, None), (year, month, None), "month")
    if kind in TWO_MONTHS and re.search(r"\band\b", match.group()):
        before = match.string[max(0, match.start() - 12) : match.start()]
        if not re.search(r"\bbetween\s+(?:the\s+)?$", before):
            return None  # "on 30th April and 1st May": two days, each read alone
    m1 = _month(g.get("m1"))
    m2 = _month(g.get("m2")) or m1
    d1 = int(g["d1"])
    d2 = int(g["d2"]) if g.get("d2") else d1
    last_year = year
    first_year = year if (m2, d2) >= (m1, d1) or year is None else year - 1
    return _mention(match, (first_year, m1, d1), (last_year, m2, d2), "day")


def _numeric(match: re.Match, a: int, b: int, year: int) -> DateMention | None:
    """A date in figures: day first with a dash or a dot ("05.03.2024"); with a slash, day
    first when the first number cannot be a month, else month first, as US pages write
    their headers, unless a weekday beside it says the other ("Tue, 10/02/2012"). A
    slashed date that could be read both ways is flagged."""
    dashed = match.group()[len(str(match.group("a")))] in "-."
    if a > 12 or b > 12:  # one reading only: "24/05/2012", "05/24/2012"
        day, month = max(a, b), min(a, b)
    else:
        day, month = (a, b) if dashed else (b, a)
    doubt = not dashed and a <= 12 and b <= 12 and a != b
    if doubt:
        before = match.string[max(0, match.start() - 12) : match.start()].lower()
        named = re.search(r"\b([a-z]+)\.?,?\s*$", before)
        weekday = WEEKDAYS.get(named.group(1)) if named else None
        if weekday is not None and _valid(year, a, b) and _valid(year, b, a):
            if dt.date(year, a, b).weekday() == weekday:
                day, month, doubt = b, a, False
            elif dt.date(year, b, a).weekday() == weekday:
                day, month, doubt = a, b, False
    mention = _mention(match, (year, month, day), (year, month, day), "day")
    if mention is not None and doubt:
        mention.flags.append(
            f"{match.group().strip()} read month first; it may be day first"
            f" ({a} {_MONTH_NAMES[b - 1]}): check"
        )
    return mention


_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)


def _mention(match: re.Match, first, last, precision: str) -> DateMention | None:
    if not _valid(*first) or not _valid(*last):
        return None
    if precision == "day" and (first[1], first[2]) > (last[1], last[2]) and first[0] == last[0]:
        return None  # "May 8-5": not a range
    text = match.group().strip()
    return DateMention(
        match.start(), match.start() + len(match.group()), text, first, last, precision
    )


def find_dates(article: Article) -> list[DateMention]:
    """Every date the article writes, each once, with the part it plays."""
    text = article.text
    taken = _Spans()
    found: list[DateMention] = []
    for kind, pattern in COMPILED:
        for match in pattern.finditer(text):
            if taken.overlaps(match.start(), match.end()):
                continue
            mention = read_match(kind, match)
            if mention is None:
                continue
            taken.add(mention.start, mention.end)
            found.append(mention)
    found.sort(key=lambda m: m.start)
    for mention in found:
        mention.role = _role(article, mention)
    return found


def _role(article: Article, mention: DateMention) -> str:
    """ "published" in a line of page furniture that dates the report, "dateline" at the
    head of the first paragraph of copy ("TOKYO, April 22 (Xinhua) --"), else "event"."""
    starts = article.paragraph_starts
    number = bisect.bisect_right(starts, mention.start) - 1
    if number >= 0:
        start, end = article.paragraphs[number]
        if start <= mention.start < end:
            # Only the words just before matter: a long paragraph is not read again each time.
            before = article.text[max(start, mention.start - 80) : mention.start]
            if mention.start - start > 80:
                before = "…" + before
            if _PUBLISHED.search(before) or (
                number in article.furniture and mention.precision == "day" and end - start < 80
            ):  # a time stamp, not a caption's date of its photograph
                return "published"
            if _DATELINE.match(before) and len(before) < 60:
                return "dateline"
            if not before.strip() and end - start - len(mention.text) < 40:
                return "published"  # a line that is only a date (and a time)
    return "event"


class _Spans:
    """Non-overlapping spans kept in order, asked whether a new one overlaps any."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.starts, end)
        return at > 0 and self.ends[at - 1] > start

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def report_date(dates: list[DateMention], published: str | None) -> dt.date | None:
    """The report's own date: given, else its published line, else its dateline."""
    if published:
        try:
            return dt.date.fromisoformat(published)
        except ValueError:
            pass
    for role in ("published", "dateline"):
        for mention in dates:
            if mention.role == role and mention.precision == "day" and mention.has_year:
                year, month, day = mention.first
                return dt.date(year, month, day)
    return None


def infer_year(mention: DateMention, report: dt.date) -> int:
    """The year of a day written without one: the one that puts it nearest the report's date."""
    _, month, day = mention.first
    options = []
    for year in (report.year - 1, report.year, report.year + 1):
        try:
            options.append((abs((dt.date(year, month, day or 1) - report).days), year))
        except ValueError:
            continue
    return min(options)[1]


def weekday_date(weekday: str, report: dt.date, future: bool) -> dt.date:
    """The date a weekday named in a report stands for: the last one on or before the
    report's date, or for what will happen, the next one after it."""
    wanted = WEEKDAYS[weekday.lower()]
    if future:
        ahead = (wanted - report.weekday()) % 7 or 7
        return report + dt.timedelta(days=ahead)
    return report - dt.timedelta(days=(report.weekday() - wanted) % 7)
